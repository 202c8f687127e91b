//! Files in and out: export the draft as the core's JSON, import one (file input or drag and
//! drop) as a new draft, load the example, load and save rubric files. A file that cannot be
//! read is reported with its line, column and reason; the open draft is never touched by it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use selfcheck_core::check::presets;
use selfcheck_core::check::rubric::Rubric;
use selfcheck_core::document::format::SelfEvaluation;
use selfcheck_core::document::ids;
use selfcheck_core::Text;

use super::state::{Action, App};

/// What a chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A self-evaluation (a rubric file is recognised and loaded as the rubric).
    Document,
    /// A rubric file.
    Rubric,
}

/// Offers `text` for download as `name`; an error says why the browser refused it.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(js_reason)?;
    click_download(name, &blob)
}

/// Offers `bytes` (a .docx, an .xlsx) for download as `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(js_reason)?;
    click_download(name, &blob)
}

/// Downloads, and says on the page when the browser refused (never only in the console).
pub fn download_or_say(a: App, what: (&str, &str), result: Result<(), String>) {
    if let Err(why) = result {
        let (zh, en) = what;
        a.notify(
            true,
            Text::new(
                format!("{zh}未能下载：{why}。草稿未受影响，可稍后再试。"),
                format!("{en} could not be downloaded: {why}. Your draft is unaffected; try again."),
            ),
            Action::None,
        );
    }
}

fn js_reason(e: JsValue) -> String {
    js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "browser error".into())
}

/// Longest file name offered, in characters before the extension: browsers and file systems
/// refuse names over 255 bytes, and a name made from a very long 单位名称 would be refused.
const NAME_CHARS: usize = 60;

/// `name` shortened to [`NAME_CHARS`] characters before its extension.
pub fn short_name(name: &str) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if name.len() - i <= 6 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    if stem.chars().count() <= NAME_CHARS {
        return name.to_string();
    }
    let cut: String = stem.chars().take(NAME_CHARS).collect();
    format!("{}…{ext}", cut.trim_end())
}

fn click_download(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_reason)?;
    let el = document().create_element("a").map_err(js_reason)?;
    let a: web_sys::HtmlAnchorElement = el.unchecked_into();
    a.set_href(&url);
    a.set_download(&short_name(name));
    let _ = web_sys::HtmlElement::style(&a).set_property("display", "none");
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Revoked later: revoking at once can cancel a large download before the browser read it.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(60));
    Ok(())
}

fn file_safe(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Downloads the open draft as JSON.
pub fn export_current(a: App) {
    let (text, name) = a.doc.with_untracked(|d| {
        let mut base = format!("自评-{}-{}", file_safe(&d.unit.name), file_safe(&d.unit.year));
        if d.unit.name.trim().is_empty() && d.unit.year.trim().is_empty() {
            base = format!("自评-{}", file_safe(&a.drafts.with_value(|x| x.current().name.clone())));
        }
        (d.to_json(), format!("{base}.json"))
    });
    download_or_say(a, ("自评文件", "The self-evaluation file"), download(&name, "application/json", &text));
}

/// Downloads the rubric in force.
pub fn save_rubric(a: App) {
    let r = a.doc.with_untracked(presets::current_rubric);
    let name = format!("评分标准-{}.json", file_safe(if r.id.is_empty() { "rubric" } else { &r.id }));
    download_or_say(a, ("评分标准文件", "The rubric file"), download(&name, "application/json", &r.to_json()));
}

/// Largest file the page imports: the browser keeps about 5 million characters per site for all
/// drafts together, so a larger file could be opened but never autosaved.
pub const MAX_IMPORT_BYTES: f64 = 4_000_000.0;

/// The message for a file too large to keep in the browser.
pub fn too_large(file: &str, bytes: f64) -> Text {
    let mb = format!("{:.1}", bytes / 1_000_000.0);
    Text::new(
        format!("文件“{file}”太大（{mb} MB），导入后无法在浏览器中自动保存，因此未导入，当前草稿未改动。自评文件通常不足 1 MB；请检查是否选错了文件，或用命令行 selfcheck check 检查它。"),
        format!("'{file}' is too large ({mb} MB) to be autosaved in the browser, so it was not imported; your draft is unchanged. A self-evaluation is usually under 1 MB: check that this is the right file, or check it with the command line (selfcheck check)."),
    )
}

/// Opens `doc` as a new draft named `name` (the open draft is kept as it is) and stores it at
/// once. When the drafts no longer fit in the browser's storage the new draft is taken back and
/// the reason returned: the page never holds a draft it cannot save.
pub fn open_as_new_draft(a: App, name: &str, mut doc: SelfEvaluation) -> Result<(), Text> {
    ids::repair(&mut doc);
    let now = js_sys::Date::now();
    let current = a.doc.get_untracked();
    let before = a.drafts.get_value();
    a.drafts.update_value(|d| {
        d.current_mut().doc = current;
        let n = d.unused_name(name);
        d.add(&n, doc.clone(), now);
    });
    if super::storage::not_saved().is_none() {
        if let Err(e) = super::storage::save_or_err(a) {
            if e == super::storage::StoreError::Full {
                a.drafts.set_value(before);
                return Err(Text::new(
                    "浏览器存储容量不足，放不下这份文件，因此未导入，当前草稿未改动。可先删除不用的草稿再导入。",
                    "Browser storage cannot hold this file, so it was not imported; your draft is unchanged. Delete drafts you no longer need and import it again.",
                ));
            }
        }
    }
    a.open_document(doc);
    a.refresh_drafts();
    Ok(())
}

/// Loads the example report (the seed report, compiled into the second module: crates/office
/// `example`) as a new draft.
pub fn load_example(a: App) {
    super::report::with_office(a, move |m| {
        open_example(a, &m.text("example", &[])?);
        Ok(())
    });
}

fn open_example(a: App, json: &str) {
    match SelfEvaluation::from_json(json) {
        Ok(doc) => {
            if let Err(m) = open_as_new_draft(a, "示例：广州市总工会 2021", doc) {
                a.notify(true, m, Action::None);
                return;
            }
            a.notify(
                false,
                Text::new("已载入示例（新草稿），原草稿未改动。", "The example was opened as a new draft; your draft is unchanged."),
                Action::None,
            );
        }
        Err(e) => {
            a.notify(true, e.message, Action::None);
        }
    }
}

fn draft_name_for(doc: &SelfEvaluation, file: &str) -> String {
    let who = format!("{} {}", doc.unit.name.trim(), doc.unit.year.trim());
    if who.trim().is_empty() {
        file.trim_end_matches(".json").to_string()
    } else {
        who.trim().to_string()
    }
}

fn load_rubric(a: App, file: &str, r: Rubric) {
    let before = a.doc.with_untracked(|d| d.rubric.clone());
    let name = r.name_text();
    a.rewrite(|d| {
        d.rubric.preset = r.id.clone();
        d.rubric.inline = Some(r);
    });
    a.notify_undo(
        Text::new(format!("已从“{file}”载入评分标准“{}”。", name.zh), format!("Rubric '{}' loaded from '{file}'.", name.en)),
        move |d, _| d.rubric = before,
    );
}

/// Handles the bytes of a chosen or dropped file: read as UTF-8 JSON by the core (invalid UTF-8,
/// a workbook or another program's JSON are refused, with the reason written for people).
pub fn handle_bytes(a: App, file: &str, bytes: &[u8], target: Target) {
    use selfcheck_core::document::import::{read_json, Expect, Imported};
    let expect = if target == Target::Rubric { Expect::Rubric } else { Expect::Document };
    let refused = |e: selfcheck_core::document::format::LoadError, what: (&str, &str)| {
        let pos_zh = if e.line > 1 || e.column > 1 { format!("（第 {} 行第 {} 列）", e.line, e.column) } else { String::new() };
        let pos_en = if e.line > 1 || e.column > 1 { format!(" (line {}, column {})", e.line, e.column) } else { String::new() };
        a.notify(
            true,
            Text::new(
                format!("无法导入{}“{file}”{pos_zh}：{}。当前草稿未改动。", what.0, e.message.zh),
                format!("Cannot import {} '{file}'{pos_en}: {}. Your draft is unchanged.", what.1, e.message.en),
            ),
            Action::None,
        );
    };
    let what = if target == Target::Rubric { ("评分标准文件", "the rubric file") } else { ("文件", "the file") };
    match read_json(bytes, expect) {
        Ok(Imported::Rubric(r)) => load_rubric(a, file, *r),
        Ok(Imported::Document(doc)) => {
            let doc = *doc;
            let name = draft_name_for(&doc, file);
            if let Err(m) = open_as_new_draft(a, &name, doc) {
                a.notify(true, m, Action::None);
                return;
            }
            a.notify(
                false,
                Text::new(
                    format!("已导入“{file}”为新草稿，原草稿未改动。"),
                    format!("'{file}' was imported as a new draft; your draft is unchanged."),
                ),
                Action::None,
            );
        }
        Err(e) => refused(e, what),
    }
}

/// Tells the user a file could not be read (the draft is untouched).
pub fn cannot_read(a: App, name: &str) {
    a.notify(
        true,
        Text::new(format!("无法读取文件“{name}”。当前草稿未改动。"), format!("Cannot read the file '{name}'. Your draft is unchanged.")),
        Action::None,
    );
}

/// Reads a file and handles it.
pub fn read_file(a: App, file: web_sys::File, target: Target) {
    let name = selfcheck_core::text::lang::shown_name(&file.name());
    if file.size() > MAX_IMPORT_BYTES {
        a.notify(true, too_large(&name, file.size()), Action::None);
        return;
    }
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(v) => handle_bytes(a, &name, &js_sys::Uint8Array::new(&v).to_vec(), target),
            Err(_) => cannot_read(a, &name),
        }
    });
}

/// `change` handler of a file input.
pub fn on_file_input(a: App, ev: leptos::ev::Event, target: Target) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if let Some(f) = input.files().and_then(|l| l.get(0)) {
        read_file(a, f, target);
    }
    // Choosing the same file again must fire `change` again.
    input.set_value("");
}

/// `dragover` on the page: accept files.
pub fn on_drag_over(ev: web_sys::DragEvent) {
    if ev.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0)) {
        ev.prevent_default();
    }
}

/// `drop` on the page: import the first file — a workbook (.xlsx) through the Excel import's
/// confirmation, anything else as a self-evaluation or rubric file.
pub fn on_drop(a: App, excel: super::excel::ExcelState, ev: web_sys::DragEvent) {
    let Some(files) = ev.data_transfer().and_then(|d| d.files()) else { return };
    if files.length() == 0 {
        return;
    }
    ev.prevent_default();
    match files.get(0) {
        Some(f) if super::excel::is_workbook(&f) => super::excel::read(a, excel, f),
        Some(f) => read_file(a, f, Target::Document),
        None => {}
    }
}
