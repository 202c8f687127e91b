//! Files in and out: export the draft as the core's JSON, import one (file input or drag and
//! drop) as a new draft, load the example, load and save rubric files. A file that cannot be
//! read is reported with its line, column and reason; the open draft is never touched by it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::format::SelfEvaluation;
use crate::core::rubric::{self, Rubric};
use crate::core::{edit, ids, Text};

use super::state::{Action, App};

/// The example self-evaluation (the seed report), compiled in.
pub const EXAMPLE: &str = include_str!("../../examples/guangzhou-ftu-2021.json");

/// What a chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A self-evaluation (a rubric file is recognised and loaded as the rubric).
    Document,
    /// A rubric file.
    Rubric,
}

/// Offers `text` for download as `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    click_download(name, &blob);
}

/// Offers `bytes` (a .docx, an .xlsx) for download as `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else { return };
    click_download(name, &blob);
}

fn click_download(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(el) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = el.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let _ = web_sys::HtmlElement::style(&a).set_property("display", "none");
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
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
    download(&name, "application/json", &text);
}

/// Downloads the rubric in force.
pub fn save_rubric(a: App) {
    let r = a.doc.with_untracked(edit::current_rubric);
    let name = format!("评分标准-{}.json", file_safe(if r.id.is_empty() { "rubric" } else { &r.id }));
    download(&name, "application/json", &r.to_json());
}

/// Opens `doc` as a new draft named `name` (the open draft is kept as it is).
pub fn open_as_new_draft(a: App, name: &str, mut doc: SelfEvaluation) {
    ids::repair(&mut doc);
    let now = js_sys::Date::now();
    let current = a.doc.get_untracked();
    a.drafts.update_value(|d| {
        d.current_mut().doc = current;
        let n = d.unused_name(name);
        d.add(&n, doc.clone(), now);
    });
    a.open_document(doc);
    a.refresh_drafts();
}

/// Loads the example report as a new draft.
pub fn load_example(a: App) {
    match SelfEvaluation::from_json(EXAMPLE) {
        Ok(doc) => {
            open_as_new_draft(a, "示例：广州市总工会 2021", doc);
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
    let name = r.name.clone();
    a.rewrite(|d| {
        d.rubric.preset = r.id.clone();
        d.rubric.inline = Some(r);
    });
    a.notify_undo(
        Text::new(format!("已从“{file}”载入评分标准“{name}”。"), format!("Rubric '{name}' loaded from '{file}'.")),
        move |d, _| d.rubric = before,
    );
}

/// Handles the text of a chosen or dropped file.
pub fn handle_text(a: App, file: &str, text: &str, target: Target) {
    let format = crate::core::header::Header::read(text).map(|h| h.format());
    let as_rubric = target == Target::Rubric || format.as_deref() == Some(rubric::FORMAT);
    let refused = |e: crate::core::format::LoadError, what: (&str, &str)| {
        let pos_zh = if e.line > 0 { format!("（第 {} 行第 {} 列）", e.line, e.column) } else { String::new() };
        let pos_en = if e.line > 0 { format!(" (line {}, column {})", e.line, e.column) } else { String::new() };
        a.notify(
            true,
            Text::new(
                format!("无法导入{}“{file}”{pos_zh}：{}。当前草稿未改动。", what.0, e.message.zh),
                format!("Cannot import {} '{file}'{pos_en}: {}. Your draft is unchanged.", what.1, e.message.en),
            ),
            Action::None,
        );
    };
    if as_rubric {
        match Rubric::from_json(text) {
            Ok(r) => load_rubric(a, file, r),
            Err(e) => refused(e, ("评分标准文件", "the rubric file")),
        }
        return;
    }
    match SelfEvaluation::from_json(text) {
        Ok(doc) => {
            let name = draft_name_for(&doc, file);
            open_as_new_draft(a, &name, doc);
            a.notify(
                false,
                Text::new(
                    format!("已导入“{file}”为新草稿，原草稿未改动。"),
                    format!("'{file}' was imported as a new draft; your draft is unchanged."),
                ),
                Action::None,
            );
        }
        Err(e) => refused(e, ("文件", "the file")),
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
    let name = file.name();
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.text()).await {
            Ok(v) => handle_text(a, &name, &v.as_string().unwrap_or_default(), target),
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
