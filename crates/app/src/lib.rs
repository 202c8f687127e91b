//! The page: a Leptos (CSR) editor around the core. Everything shown is computed by
//! [`selfcheck_core`] from one document signal; nothing leaves the browser.
//!
//! Files: `state` (signals, the evaluation memo), `storage` (drafts in localStorage, the one
//! persistence effect), `fields` (inputs bound to field paths with their messages), `explain`
//! (computed figures with their formula), one file per section (`basic`, `budget_table`,
//! `indicators`, `scores`, `narrative`, `findings`, `report`, `crosscheck`), `drafts` (the draft bar),
//! `import_export` (files in and out), `excel` (.xlsx out and in, with confirmation), `office_module`
//! (the second wasm module: report, Word, Excel, cross-check, loaded on first use), `i18n`, `perf`
//! (typing-latency marks), `desk` (审核: many submissions in one table, shown instead of the form).

// The page exists only on wasm32 (its browser crates are wasm32-only dependencies); natively
// this crate is empty, so `cargo test` of the workspace never compiles Leptos.
#![cfg(target_arch = "wasm32")]

pub mod aside;
pub mod basic;
pub mod budget_table;
pub mod crosscheck;
pub mod desk;
pub mod drafts;
pub mod durable;
pub mod excel;
pub mod explain;
pub mod fields;
pub mod findings;
pub mod i18n;
pub mod import_export;
pub mod indicators;
pub mod narrative;
pub mod office_module;
pub mod perf;
pub mod report;
pub mod scores;
pub mod state;
pub mod storage;

use leptos::prelude::*;

use selfcheck_core::Lang;

use i18n::{pick, tr, LangSignal};
use state::{Action, App};

const LANG_KEY: &str = "selfcheck/lang";

/// Mounts the page on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(p) = window().performance() {
        let _ = p.mark("sc-start");
    }
    let now = js_sys::Date::now();
    let startup = storage::startup(now);
    let not_saved = startup.not_saved.clone();
    storage::set_not_saved(not_saved.clone());
    let stored = startup.stored.clone();
    let stuck = startup.stuck.clone();
    let had_unreadable = !startup.problems.is_empty() && startup.stored.is_some();
    let lang = storage::read(LANG_KEY).ok().flatten().and_then(|s| Lang::parse(&s)).unwrap_or_default();
    leptos::mount::mount_to_body(move || {
        storage::set_base(&startup.drafts, stored);
        let app = App::new(lang, startup.drafts);
        crosscheck::follow(app);
        aside::provide(stuck);
        if let Some(reason) = not_saved {
            app.saved.set(state::Saved::Failed(reason));
        }
        provide_context(app);
        provide_context(LangSignal(app.lang));
        for (text, action) in startup.problems {
            app.notify(true, text, action);
        }
        set_html_lang(lang);
        storage::install(app);
        durable::open(app);
        // Unreadable data was kept aside: store the drafts now, so the next start does not find
        // (and keep aside) the same data again.
        if had_unreadable && storage::not_saved().is_none() {
            storage::replace_stored();
            storage::save_now(app);
        }
        // A printout holds every indicator row (see `App::printing`).
        let _ = window_event_listener_untyped("beforeprint", move |_| app.printing.set(true));
        let _ = window_event_listener_untyped("afterprint", move |_| app.printing.set(false));
        view! { <Page /> }
    });
    // From the wasm module's start to the page's first render (the rest of "first render" is
    // fetching and compiling the module).
    if let Some(p) = window().performance() {
        let _ = p.measure_with_start_mark("sc-mount", "sc-start");
    }
}

fn set_html_lang(l: Lang) {
    if let Some(el) = document().document_element() {
        let _ = el.set_attribute("lang", pick(l, "zh-CN", "en"));
    }
}

#[component]
fn Notices() -> impl IntoView {
    let a = state::app();
    let l = a.lang;
    view! {
        <div class="notices" aria-live="polite">
            <For each=move || a.notices.get() key=|n| n.id children=move |n| {
                let id = n.id;
                let action = match n.action.clone() {
                    Action::None => None,
                    Action::Undo(u) => Some(view! { <button type="button" on:click=move |_| a.undo(u)>{tr("撤销", "Undo")}</button> }.into_any()),
                    Action::Download { name, text } => Some(view! {
                        <button type="button" on:click=move |_| import_export::download_or_say(a, ("原数据", "The data"), import_export::download(&name, "application/json", &text))>{tr("下载原数据", "Download the data")}</button>
                    }.into_any()),
                };
                let text = n.text.clone();
                view! {
                    <div class="notice" class:error=n.error role=if n.error { "alert" } else { "status" }>
                        <span>{move || text.get(l.get()).to_string()}</span>
                        {action}
                        <button type="button" class="icon" on:click=move |_| a.dismiss(id)
                            aria-label=move || pick(l.get(), "关闭此消息", "Dismiss")>"✕"</button>
                    </div>
                }
            } />
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let a = state::app();
    let l = a.lang;
    let st = findings::status_memo();
    let switch_lang = move |_| {
        let next = if l.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh };
        l.set(next);
        set_html_lang(next);
        let _ = storage::write(LANG_KEY, pick(next, "zh", "en"));
    };
    let unit = Memo::new(move |_| {
        a.generation.track();
        a.doc.with(|d| format!("{} {}", d.unit.name.trim(), d.unit.year.trim()).trim().to_string())
    });
    let desk = desk::desk();
    view! {
        <header class="top" class:desk=move || desk.shown.get()>
            <a href="#sec-basic" class="skip-link" on:click=move |ev| {
                ev.prevent_default();
                state::focus_by_id("f-unit-name");
            }>{tr("跳到填写表单", "Skip to the form")}</a>
            <div class="title-row">
                <h1>{tr("绩效自评自查", "Self-Evaluation Checker")}</h1>
                <span class="subtitle">{move || {
                    let u = unit.get();
                    let base = pick(l.get(), "部门整体支出绩效自评：填写与提交前自查。全部在本机浏览器中计算，不上传任何数据。", "Whole-department spending self-evaluation: fill in and check before submitting. Computed in this browser; nothing is uploaded.");
                    if u.is_empty() { base.to_string() } else { format!("{u} · {base}") }
                }}</span>
                <a href="#sec-findings" class=move || format!("status {}", st.with(|s| s.1)) id="status">
                    {move || st.with(|s| s.0.get(l.get()).to_string())}
                </a>
                <desk::ViewSwitch />
                <button type="button" class="lang" on:click=switch_lang lang=move || pick(l.get(), "en", "zh-CN")>
                    {move || pick(l.get(), "English", "中文")}
                </button>
            </div>
            <div class="tool-row no-print">
                <drafts::DraftBar />
                <div class="files" role="group" aria-label=move || pick(l.get(), "文件", "Files")>
                    <span class="file-pick">
                        <label for="import-file" class="button">{tr("导入 JSON 文件…", "Import a JSON file…")}</label>
                        <input type="file" id="import-file" class="file" accept=".json,application/json"
                            on:change=move |ev| import_export::on_file_input(a, ev, import_export::Target::Document) />
                    </span>
                    <button type="button" on:click=move |_| import_export::export_current(a)>{tr("导出为文件", "Export")}</button>
                    <button type="button" on:click=move |_| import_export::load_example(a)>{tr("载入示例", "Example")}</button>
                    <button type="button" on:click=move |_| { let _ = window().print(); }>{tr("打印", "Print")}</button>
                </div>
                <div class="files excel" role="group" aria-label=move || pick(l.get(), "Excel 表格（绩效指标、评分）", "Excel tables (indicators, scores)")>
                    <excel::ExcelButtons />
                </div>
            </div>
            <nav class="sections no-print" aria-label=move || pick(l.get(), "章节", "Sections")>
                <a href="#sec-basic">{tr("基本信息", "Basic")}</a>
                <a href="#sec-budget">{tr("预算执行", "Budget")}</a>
                <a href="#sec-indicators">{tr("绩效指标", "Indicators")}</a>
                <a href="#sec-scores">{tr("评分", "Scores")}</a>
                <a href="#sec-narrative">{tr("报告文字", "Report text")}</a>
                <a href="#sec-findings">{tr("自查结果", "Results")}</a>
                <a href="#sec-report">{tr("报告", "Report")}</a>
                <a href="#sec-crosscheck">{tr("核对报告文字", "Check report")}</a>
            </nav>
            <Notices />
            <aside::KeptAside />
            <excel::ExcelPanel />
        </header>
    }
}

#[component]
fn Page() -> impl IntoView {
    let a = state::app();
    let excel = excel::provide();
    let desk = desk::provide();
    let on_drop = move |ev| if desk.shown.get_untracked() { desk::on_drop(desk, ev) } else { import_export::on_drop(a, excel, ev) };
    view! {
        <div id="app" on:dragover=import_export::on_drag_over on:drop=on_drop>
            <Header />
            <Show when=move || desk.shown.get()>
                <desk::DeskView />
            </Show>
            <main hidden=move || desk.shown.get()>
                {move || {
                    a.generation.track();
                    view! {
                        <basic::Basic />
                        <budget_table::BudgetTable />
                        <indicators::Indicators />
                        <scores::Scores />
                        <narrative::Narrative />
                    }
                }}
                <findings::Findings />
                <report::ReportSection />
                <crosscheck::CrossCheckSection />
            </main>
            <footer class="muted" hidden=move || desk.shown.get()>
                {tr("拖放自评文件（.json）或 Excel 表（.xlsx）到本页即可导入。", "Drop a self-evaluation file (.json) or an Excel workbook (.xlsx) on this page to import it.")}
            </footer>
        </div>
    }
}
