//! 核对报告文字: paste (or load from a .txt file) the text of a report already written, and see
//! every figure in it checked against the computed figures by
//! [`selfcheck_core::crosscheck::analyse`] — what each figure was taken to be, the computed value,
//! and whether they agree. The findings are listed in 自查结果 with the others (see
//! [`super::state::App::crosscheck`]); following one comes back here ([`reveal`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use selfcheck_core::check::finding::Finding;
use selfcheck_core::Text;

use super::i18n::{pick, tr};
use super::office_module;
use super::report::with_office;
use super::state::{app, Action, App};

/// The cross-check as the page keeps it: its findings (listed in 自查结果), where each figure is,
/// and the summary and table as the second module wrote them (HTML: crates/office `html`).
#[derive(Clone, Debug, PartialEq, Default, serde::Deserialize)]
pub struct Checked {
    /// Findings (rules `report.*`).
    pub findings: Vec<Finding>,
    /// `(n, sentence_n)` of every figure, in text order.
    pub figures: Vec<(usize, usize)>,
    /// Summary, general findings and the table of figures ("" when nothing was found).
    pub html: String,
}

/// Keeps [`App::crosscheck`] the cross-check of `report_text` against the document: after each
/// change of either (or of the language), the second module checks the text (loaded on the first
/// text); empty while there is no text. An answer that arrives after a newer change is dropped.
pub fn follow(a: App) {
    let seq = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = a.report_text.get();
        let l = a.lang.get();
        a.ev.track();
        seq.update_value(|n| *n += 1);
        let me = seq.get_value();
        if text.trim().is_empty() {
            if a.crosscheck.with_untracked(|c| *c != Checked::default()) {
                a.crosscheck.set(Checked::default());
            }
            return;
        }
        let doc = office_module::doc_json(a);
        leptos::task::spawn_local(async move {
            let Ok(m) = office_module::get(a).await else { return };
            if seq.get_value() != me {
                return;
            }
            match m.json::<Checked>("crosscheck_view", &[text.into(), doc, office_module::lang_code(l).into()]) {
                Ok(cc) => a.crosscheck.set(cc),
                Err(why) => a.office.set(office_module::Status::Failed(why)),
            }
        });
    });
}

/// DOM id of the cross-check text box.
pub const TEXT_ID: &str = "cc-text";

/// DOM id of the table row of figure `n` (1-based, as in `report.text.<n>`).
pub fn row_id(n: usize) -> String {
    format!("cc-fig-{n}")
}

/// The DOM id a cross-check finding's path leads to: `report.text.<n>` → that figure's row,
/// `report.text.s<k>` → the first figure of sentence k (else the text box), `report.text` →
/// the text box. `None` for other paths.
pub fn target_of(path: &str, figures: &[(usize, usize)]) -> Option<String> {
    let rest = path.strip_prefix("report.text")?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if let Ok(n) = rest.parse::<usize>() {
        return Some(row_id(n));
    }
    if let Some(k) = rest.strip_prefix('s').and_then(|k| k.parse::<usize>().ok()) {
        if let Some((n, _)) = figures.iter().find(|(_, s)| *s == k) {
            return Some(row_id(*n));
        }
    }
    Some(TEXT_ID.to_string())
}

/// Follows a cross-check finding: scrolls to and focuses the figure's row (or the text box),
/// highlighting it. Returns false when `path` is not a cross-check path.
pub fn reveal(a: App, path: &str) -> bool {
    let Some(id) = a.crosscheck.with_untracked(|c| target_of(path, &c.figures)) else { return false };
    a.flash.set(Some(id.clone()));
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            el.scroll_into_view_with_bool(false);
        }
    });
    true
}

/// Reads a chosen .txt file into the text box.
fn read_txt(a: App, ev: leptos::ev::Event, area: NodeRef<leptos::html::Textarea>) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
    input.set_value("");
    let name = selfcheck_core::text::lang::shown_name(&file.name());
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(v) => {
                let bytes = js_sys::Uint8Array::new(&v).to_vec();
                // A Word report: its paragraphs one per line and its tables row by row, as an
                // officer would paste them (core::report_docx), checked like pasted text.
                if bytes.starts_with(b"PK") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || name.to_ascii_lowercase().ends_with(".docx")
                {
                    read_docx(a, area, name, bytes).await;
                    return;
                }
                match String::from_utf8(bytes) {
                    Ok(t) => set_text(a, area, t),
                    Err(e) => {
                        let at = e.utf8_error().valid_up_to() + 1;
                        a.notify(
                            true,
                            Text::new(
                                format!("“{name}”不是 UTF-8 文本（第 {at} 个字节起无法识别）：请在记事本中“另存为”UTF-8 后再读入，或直接粘贴。"),
                                format!("'{name}' is not UTF-8 text (unreadable from byte {at}): save it as UTF-8 and load it again, or paste it."),
                            ),
                            Action::None,
                        );
                    }
                }
            }
            Err(_) => {
                a.notify(true, Text::new(format!("无法读取文件“{name}”。"), format!("Cannot read the file '{name}'.")), Action::None);
            }
        }
    });
}

/// What the module read from a .docx: its text, or why not.
#[derive(serde::Deserialize)]
struct DocxText {
    text: Option<String>,
    error: Option<Text>,
}

/// A Word report: its paragraphs one per line and its tables row by row, as an officer would
/// paste them (core::report_docx, in the second module), checked like pasted text.
async fn read_docx(a: App, area: NodeRef<leptos::html::Textarea>, name: String, bytes: Vec<u8>) {
    let m = match office_module::get(a).await {
        Ok(m) => m,
        Err(why) => {
            a.notify(true, why, Action::None);
            return;
        }
    };
    let read = m.json::<DocxText>("docx_text", &[js_sys::Uint8Array::from(&bytes[..]).into()]);
    match read {
        Ok(DocxText { text: Some(text), .. }) => {
            set_text(a, area, text);
            a.notify(
                false,
                Text::new(
                    format!("已读入 Word 文件“{name}”的正文和表格，正在核对。"),
                    format!("Read the text and tables of the Word file '{name}'; checking."),
                ),
                Action::None,
            );
        }
        Ok(DocxText { error, .. }) => {
            let why = error.unwrap_or_else(|| Text::new("无法识别", "not recognised"));
            a.notify(true, Text::new(format!("无法读取“{name}”：{}", why.zh), format!("Cannot read '{name}': {}", why.en)), Action::None);
        }
        Err(why) => {
            a.notify(true, why, Action::None);
        }
    }
}

fn set_text(a: App, area: NodeRef<leptos::html::Textarea>, text: String) {
    if let Some(t) = area.get_untracked() {
        t.set_value(&text);
    }
    a.report_text.set(text);
}

/// The section.
#[component]
pub fn CrossCheckSection() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let area = NodeRef::<leptos::html::Textarea>::new();
    // The rows are the module's HTML: the followed one is highlighted here (see `reveal`).
    Effect::new(move |_| {
        let id = a.flash.get();
        a.crosscheck.track();
        request_animation_frame(move || {
            let doc = document();
            while let Ok(Some(el)) = doc.query_selector("#sec-crosscheck tr.flash") {
                if el.class_list().remove_1("flash").is_err() {
                    break;
                }
            }
            if let Some(el) = id.filter(|i| i.starts_with("cc-fig-")).and_then(|i| doc.get_element_by_id(&i)) {
                let _ = el.class_list().add_1("flash");
            }
        });
    });
    let use_generated = move |_| {
        let (doc, lang) = (office_module::doc_json(a), office_module::lang_code(l.get_untracked()));
        with_office(a, move |m| {
            set_text(a, area, m.text("generated_text", &[doc, lang.into()])?);
            Ok(())
        });
    };
    let flash = a.flash;
    view! {
        <section id="sec-crosscheck" aria-labelledby="h-crosscheck">
            <h2 id="h-crosscheck">{tr("核对报告文字", "Check a written report")}</h2>
            <p class="hint">{tr(
                "把已写好的自评报告全文粘贴到下面（或选择 .txt 文件），逐个核对其中的金额、执行率、得分是否与填报数据一致；从 Word 复制的表格也逐格核对（表上方写明“单位：万元”）。文字只在本机浏览器中核对。",
                "Paste the text of a report you have written (or choose a .txt file): each amount, rate and score in it is checked against the data; a table copied from Word is checked cell by cell (give its unit above it: 单位：万元). The text stays in this browser.")}</p>
            <div class="cc-input field">
                <label for=TEXT_ID>{tr("报告全文", "Report text")}</label>
                <textarea id=TEXT_ID node_ref=area rows="8"
                    prop:value=a.report_text.get_untracked()
                    on:input=move |ev| a.report_text.set(event_target_value(&ev))
                    class:flash=move || flash.with(|f| f.as_deref() == Some(TEXT_ID))></textarea>
            </div>
            <div class="cc-tools">
                <span class="file-pick">
                    <label for="cc-file" class="button">{tr("从文件读入（.txt / Word .docx）…", "Load from a file (.txt / Word .docx)…")}</label>
                    <input type="file" id="cc-file" class="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" on:change=move |ev| read_txt(a, ev, area) />
                </span>
                <button type="button" on:click=use_generated>{tr("用本页生成的报告", "Use the generated report")}</button>
                <button type="button" on:click=move |_| set_text(a, area, String::new())>{tr("清空", "Clear")}</button>
            </div>
            <super::office_module::OfficeStatus />
            <Show when=move || a.crosscheck.with(|c| !c.html.is_empty())>
                <div class="cc-results" inner_html=move || a.crosscheck.with(|c| c.html.clone())></div>
            </Show>
            <p class="hint no-print">{move || pick(l.get(), "这些核对结果也列在“自查结果”中。", "These results are also listed under Check results.")}</p>
        </section>
    }
}
