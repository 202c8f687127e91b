//! Excel: 导出 Excel writes the indicator, score and budget tables ([`selfcheck_core::office::xlsx::export`]);
//! 导入 Excel reads a filled-in workbook ([`selfcheck_core::office::xlsx::import`]) and shows what it would
//! change in a confirmation panel. The open draft is changed only by 确认导入, and the change can
//! be undone from the notice like other replacements. Problems are listed by cell.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use selfcheck_core::office::xlsx;
use selfcheck_core::Text;

use super::i18n::{pick, tr};
use super::import_export::download_bytes;
use super::office_module;
use super::report::with_office;
use super::state::App;

/// What the second module read from a workbook (crates/office `xlsx_read`), every line in both
/// languages.
#[derive(Clone, Debug, PartialEq, Default, serde::Deserialize)]
#[serde(default)]
pub struct Staged {
    /// `ready`, `template` or `refused`.
    pub kind: String,
    /// What applying will change.
    pub summary: Vec<Text>,
    /// Where each field was read (a filled template).
    pub mapping: Vec<Text>,
    /// The cells not read (a filled template).
    pub unplaced: Vec<Text>,
    /// Every problem, by cell (refused).
    pub errors: Vec<Text>,
    /// The same lists as HTML `<li>` items, in both languages.
    pub html: StagedHtml,
}

/// [`Staged`]'s lists as HTML (crates/office `html::items`), shown with `inner_html`.
#[derive(Clone, Debug, PartialEq, Default, serde::Deserialize)]
#[serde(default)]
pub struct StagedHtml {
    /// What applying will change.
    pub summary: Text,
    /// Where each field was read.
    pub mapping: Text,
    /// The cells not read.
    pub unplaced: Text,
    /// The problems.
    pub errors: Text,
}

/// A workbook read and waiting for the officer's decision.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Readable: this page's own export; what it would change.
    Ready {
        /// The file's name.
        file: String,
        /// The workbook (read again against the draft when confirmed).
        bytes: Vec<u8>,
        /// What it would change.
        summary: Vec<Text>,
        /// The lists as HTML.
        html: StagedHtml,
    },
    /// A filled 自评表 in a template's layout ([`selfcheck_core::workbook`]): what was found where,
    /// and what could not be placed, shown before anything is applied.
    Template {
        /// The file's name.
        file: String,
        /// The workbook.
        bytes: Vec<u8>,
        /// What it would change.
        summary: Vec<Text>,
        /// Where each field was read.
        mapping: Vec<Text>,
        /// The cells not read.
        unplaced: Vec<Text>,
        /// The lists as HTML.
        html: StagedHtml,
    },
    /// Refused: every problem, by cell.
    Refused {
        /// The file's name.
        file: String,
        /// The problems.
        errors: Vec<Text>,
        /// The lists as HTML.
        html: StagedHtml,
    },
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

/// The pending import of `staged` (as the module read `bytes`).
pub fn pending_of(file: &str, bytes: Vec<u8>, staged: Staged) -> Pending {
    let file = file.to_string();
    match staged.kind.as_str() {
        "ready" => Pending::Ready { file, bytes, summary: staged.summary, html: staged.html },
        "template" => Pending::Template {
            file,
            bytes,
            summary: staged.summary,
            mapping: staged.mapping,
            unplaced: staged.unplaced,
            html: staged.html,
        },
        _ => Pending::Refused { file, errors: staged.errors, html: staged.html },
    }
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
    match m.json::<Staged>("xlsx_read", &[js_sys::Uint8Array::from(&bytes[..]).into(), doc]) {
        Ok(staged) => st.pending.set(Some(pending_of(file, bytes, staged))),
        Err(why) => {
            a.notify(true, why, super::state::Action::None);
        }
    }
}

/// Applies the staged import to the open draft (read again against it as it is now), offering
/// undo. Does nothing when none is staged.
pub async fn confirm(a: App, st: ExcelState) {
    let (file, bytes) = match st.pending.get_untracked() {
        Some(Pending::Ready { file, bytes, .. } | Pending::Template { file, bytes, .. }) => (file, bytes),
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

/// The confirmation panel: the summary with 确认导入 / 取消, or the problems by cell.
#[component]
pub fn ExcelPanel() -> impl IntoView {
    let a = super::state::app();
    let l = a.lang;
    let st = expect_context::<ExcelState>();
    move || {
        st.pending.get().map(|p| match p {
            Pending::Ready { file, html, .. } => view! {
                <div class="excel-panel" role="dialog" aria-labelledby="xlsx-h">
                    <h3 id="xlsx-h">{move || match l.get() {
                        selfcheck_core::Lang::Zh => format!("从“{file}”导入将会："),
                        selfcheck_core::Lang::En => format!("Importing '{file}' will:"),
                    }}</h3>
                    <ul inner_html=move || html.summary.get(l.get()).to_string()></ul>
                    <p class="hint">{tr("其他内容（基本信息、预算执行、报告文字）不变。确认前当前草稿不会改动；确认后可在提示中撤销。", "Everything else (basic information, budget, report text) stays. Your draft is unchanged until you confirm; you can undo afterwards.")}</p>
                    <div class="actions">
                        <button type="button" class="primary" id="xlsx-confirm" on:click=move |_| leptos::task::spawn_local(confirm(a, st))>{tr("确认导入", "Import")}</button>
                        <button type="button" id="xlsx-cancel" on:click=move |_| cancel(st)>{tr("取消", "Cancel")}</button>
                    </div>
                </div>
            }
            .into_any(),
            Pending::Template { file, unplaced, html, .. } => {
                let n_unplaced = unplaced.len();
                let (h1, h2, h3) = (html.clone(), html.clone(), html);
                view! {
                <div class="excel-panel" role="dialog" aria-labelledby="xlsx-h">
                    <h3 id="xlsx-h">{move || match l.get() {
                        selfcheck_core::Lang::Zh => format!("从自评表“{file}”导入将会："),
                        selfcheck_core::Lang::En => format!("Importing the filled form '{file}' will:"),
                    }}</h3>
                    <ul inner_html=move || h1.summary.get(l.get()).to_string()></ul>
                    <p class="hint">{tr("每个值都按表中原样读入。确认前当前草稿不会改动；确认后可在提示中撤销。请先核对下面的读取位置和未能读入的单元格。", "Every value is read exactly as written. Your draft is unchanged until you confirm; you can undo afterwards. Check where each field was read and the cells not read below.")}</p>
                    <div class="actions">
                        <button type="button" class="primary" id="xlsx-confirm" on:click=move |_| leptos::task::spawn_local(confirm(a, st))>{tr("确认导入", "Import")}</button>
                        <button type="button" id="xlsx-cancel" on:click=move |_| cancel(st)>{tr("取消", "Cancel")}</button>
                    </div>
                    <details class="mapping" open=true>
                        <summary>{tr("读取位置（按表头文字找到的列和行）", "Where each field was read (columns and rows found by their headings)")}</summary>
                        <ul inner_html=move || h2.mapping.get(l.get()).to_string()></ul>
                    </details>
                    <Show when=move || n_unplaced != 0>
                        <details class="unplaced" open=true>
                            <summary>{move || match l.get() {
                                selfcheck_core::Lang::Zh => format!("未能读入的单元格（{n_unplaced} 个，不会导入，请核对）"),
                                selfcheck_core::Lang::En => format!("Cells not read ({n_unplaced}; not imported, please check)"),
                            }}</summary>
                            <ul inner_html={ let u = h3.unplaced.clone(); move || u.get(l.get()).to_string() }></ul>
                        </details>
                    </Show>
                </div>
                }
                .into_any()
            }
            Pending::Refused { file, errors, html } => {
                let n = errors.len();
                view! {
                <div class="excel-panel error" role="alert">
                    <h3>{move || match l.get() {
                        selfcheck_core::Lang::Zh => format!("无法导入“{file}”（{n} 处问题），当前草稿未改动："),
                        selfcheck_core::Lang::En => format!("Cannot import '{file}' ({n} problems); your draft is unchanged:"),
                    }}</h3>
                    <ul inner_html=move || html.errors.get(l.get()).to_string()></ul>
                    <div class="actions">
                        <button type="button" on:click=move |_| cancel(st) aria-label=move || pick(l.get(), "关闭", "Close")>{tr("关闭", "Close")}</button>
                    </div>
                </div>
                }
                .into_any()
            }
        })
    }
}
