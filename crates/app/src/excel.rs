//! Excel: 导出 Excel writes the indicator, score and budget tables ([`selfcheck_core::office::xlsx::export`]);
//! 导入 Excel reads a filled-in workbook ([`selfcheck_core::office::xlsx::import`]) and shows what it would
//! change in a confirmation panel. The open draft is changed only by 确认导入, and the change can
//! be undone from the notice like other replacements. Problems are listed by cell.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use selfcheck_core::office::xlsx;
use selfcheck_core::Text;

use super::i18n::tr;
use super::import_export::download_bytes;
use super::office_module;
use super::report::with_office;
use super::state::App;

/// What the second module read from a workbook (crates/office `xlsx_read`), every line in both
/// languages, with the confirmation panel written as HTML (crates/office `html::excel_panel`).
#[derive(Clone, Debug, PartialEq, Default, serde::Deserialize)]
#[serde(default)]
pub struct Staged {
    /// `ready` (this page's own export), `template` (a filled 自评表) or `refused`.
    pub kind: String,
    /// What applying will change.
    pub summary: Vec<Text>,
    /// Where each field was read (a filled template).
    pub mapping: Vec<Text>,
    /// The cells not read (a filled template).
    pub unplaced: Vec<Text>,
    /// Every problem, by cell (refused).
    pub errors: Vec<Text>,
    /// The panel, in both languages.
    pub html: Text,
}

/// A workbook read and waiting for the officer's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// The file's name.
    pub file: String,
    /// The workbook (read again against the draft when confirmed).
    pub bytes: Vec<u8>,
    /// What was read.
    pub staged: Staged,
}

impl Pending {
    /// Whether it can be applied (not refused).
    pub fn readable(&self) -> bool {
        matches!(self.staged.kind.as_str(), "ready" | "template")
    }
}

/// The Excel import waiting for confirmation (shared by the buttons and the panel).
#[derive(Clone, Copy)]
pub struct ExcelState {
    /// The workbook read, if any.
    pub pending: RwSignal<Option<Pending>>,
}

/// Creates the state and provides it to the components below.
pub fn provide() -> ExcelState {
    let st = ExcelState { pending: RwSignal::new(None) };
    provide_context(st);
    st
}

/// Downloads the open draft's indicator and score tables as .xlsx.
pub fn export(a: App) {
    let (doc, l) = (office_module::doc_json(a), office_module::lang_code(a.lang.get_untracked()));
    with_office(a, move |m| {
        let name = m.text("xlsx_name", std::slice::from_ref(&doc))?;
        let bytes = m.bytes("xlsx", &[doc, l.into()])?;
        super::import_export::download_or_say(a, ("Excel 文件", "The Excel file"), download_bytes(&name, xlsx::MIME, &bytes));
        Ok(())
    });
}

/// Reads `bytes` against the open draft and shows the result for confirmation (the draft is
/// not touched). Resolves once it is shown (or the module could not be loaded).
pub async fn stage(a: App, st: ExcelState, file: &str, bytes: Vec<u8>) {
    let m = match office_module::get(a).await {
        Ok(m) => m,
        Err(why) => {
            a.notify(true, why, super::state::Action::None);
            return;
        }
    };
    let doc = office_module::doc_json(a);
    match m.json::<Staged>("xlsx_read", &[js_sys::Uint8Array::from(&bytes[..]).into(), doc, JsValue::from_str(file)]) {
        Ok(staged) => st.pending.set(Some(Pending { file: file.to_string(), bytes, staged })),
        Err(why) => {
            a.notify(true, why, super::state::Action::None);
        }
    }
}

/// Applies the staged import to the open draft (read again against it as it is now), offering
/// undo. Does nothing when none is staged.
pub async fn confirm(a: App, st: ExcelState) {
    let (file, bytes) = match st.pending.get_untracked() {
        Some(p) if p.readable() => (p.file, p.bytes),
        _ => return,
    };
    let m = match office_module::get(a).await {
        Ok(m) => m,
        Err(why) => {
            a.notify(true, why, super::state::Action::None);
            return;
        }
    };
    let before = a.doc.get_untracked();
    let after = m
        .text("xlsx_apply", &[js_sys::Uint8Array::from(&bytes[..]).into(), JsValue::from_str(&before.to_json())])
        .ok()
        .and_then(|j| selfcheck_core::document::format::SelfEvaluation::from_json(&j).ok());
    let Some(after) = after else { return };
    a.rewrite(|d| *d = after);
    st.pending.set(None);
    a.notify_undo(Text::new(format!("已从“{file}”导入。"), format!("Imported from '{file}'.")), move |d, _| *d = before);
}

/// Drops the staged import; the draft stays as it is.
pub fn cancel(st: ExcelState) {
    st.pending.set(None);
}

fn on_file(a: App, st: ExcelState, ev: leptos::ev::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
    input.set_value("");
    read(a, st, file);
}

/// Whether a chosen or dropped file is a workbook (by its name, or its type when the name says
/// nothing): such a file goes to the Excel import, everything else to the JSON import.
pub fn is_workbook(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".xlsx") || (!name.ends_with(".json") && file.type_() == xlsx::MIME)
}

/// Reads a workbook chosen or dropped by the officer and stages it (see [`stage`]); the panel
/// is scrolled into view, since a dropped file may land far from it.
pub fn read(a: App, st: ExcelState, file: web_sys::File) {
    let name = selfcheck_core::text::lang::shown_name(&file.name());
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => {
                stage(a, st, &name, js_sys::Uint8Array::new(&buf).to_vec()).await;
                request_animation_frame(|| {
                    if let Some(el) = document().query_selector(".excel-panel").ok().flatten() {
                        el.scroll_into_view();
                    }
                });
            }
            Err(_) => super::import_export::cannot_read(a, &name),
        }
    });
}

/// 导出 Excel and 导入 Excel, for the header's file group.
#[component]
pub fn ExcelButtons() -> impl IntoView {
    let a = super::state::app();
    let st = expect_context::<ExcelState>();
    view! {
        <button type="button" id="xlsx-export" on:click=move |_| export(a)>{tr("导出 Excel", "Export Excel")}</button>
        <span class="file-pick">
            <label for="xlsx-import" class="button">{tr("导入 Excel 文件…", "Import an Excel file…")}</label>
            <input type="file" id="xlsx-import" class="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                on:change=move |ev| on_file(a, st, ev) />
        </span>
    }
}

/// The confirmation panel: the summary with 确认导入 / 取消, or the problems by cell with 关闭, as
/// the second module wrote it; one click handler serves its buttons (by their ids).
#[component]
pub fn ExcelPanel() -> impl IntoView {
    let a = super::state::app();
    let l = a.lang;
    let st = expect_context::<ExcelState>();
    let click = move |ev: leptos::ev::MouseEvent| {
        let id = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.id()).unwrap_or_default();
        match id.as_str() {
            "xlsx-confirm" => leptos::task::spawn_local(confirm(a, st)),
            "xlsx-cancel" | "xlsx-close" => cancel(st),
            _ => {}
        }
    };
    view! {
        <div class="excel-host" on:click=click
            inner_html=move || st.pending.with(|p| p.as_ref().map(|p| p.staged.html.get(l.get()).to_string()).unwrap_or_default())></div>
    }
}
