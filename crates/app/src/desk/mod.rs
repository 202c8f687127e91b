//! 审核: the reviewer's desk. Many submissions (self-evaluation JSON files, filled 自评表
//! workbooks, Word reports paired with them by name) chosen or dropped at once → one table,
//! sortable and filterable, each row openable, the table exportable as .xlsx.
//!
//! The desk keeps its files only in memory, in this tab: nothing is stored, nothing leaves the
//! browser, and the officer's own drafts are never read or written by it. A file chosen again
//! (same name) replaces the earlier one; a file the browser could not read is a row saying so.
//!
//! Files: `run` (every call into the core, checking through the second wasm module), `table` (the table, its sort and filter), `detail`
//! (one submission opened: its findings and its report's cross-check).

mod detail;
pub mod run;
mod table;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use selfcheck_core::review::opened::Entry;
use selfcheck_core::review::table::{Filter, Sort};
use selfcheck_core::Text;

use super::i18n::{pick, tr};

/// Largest file the desk reads: far above any submission, low enough that a wrong choice (a
/// video, a disk image) is refused instead of filling the tab's memory.
const MAX_BYTES: f64 = 64_000_000.0;

/// The desk's state, provided at the root.
#[derive(Clone, Copy)]
pub struct Desk {
    /// True while the 审核 view is shown instead of the officer's form.
    pub shown: RwSignal<bool>,
    /// The files as read, by name.
    files: StoredValue<Vec<run::File>>,
    /// Their review, in the table's order.
    pub reviewed: RwSignal<Vec<Entry>>,
    /// The table's sort.
    pub sort: RwSignal<Sort>,
    /// The table's filter.
    pub filter: RwSignal<Filter>,
    /// The file of the submission opened below the table.
    pub opened: RwSignal<Option<String>>,
    /// Files still being read.
    pub reading: RwSignal<usize>,
    /// Bumped by every change of the files: a check that finishes after a later change is dropped.
    round: StoredValue<u64>,
    /// The page (its second module, its notices), for the checks that finish later.
    app: super::state::App,
}

/// Creates the desk's state and provides it to the components below.
pub fn provide() -> Desk {
    let d = Desk {
        app: super::state::app(),
        shown: RwSignal::new(false),
        files: StoredValue::new(Vec::new()),
        reviewed: RwSignal::new(Vec::new()),
        sort: RwSignal::new(Sort::default()),
        filter: RwSignal::new(Filter::default()),
        opened: RwSignal::new(None),
        reading: RwSignal::new(0),
        round: StoredValue::new(0),
    };
    provide_context(d);
    d
}

/// The desk from context.
pub fn desk() -> Desk {
    expect_context::<Desk>()
}

impl Desk {
    /// Adds files (a name already on the desk is replaced) and checks them all again, so a report
    /// finds its submission whichever came first.
    fn add(self, new: Vec<run::File>) {
        self.files.update_value(|files| {
            for f in new {
                files.retain(|(n, _)| *n != f.0);
                files.push(f);
            }
        });
        let files = self.files.get_value();
        self.round.update_value(|r| *r += 1);
        let round = self.round.get_value();
        self.reading.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let a = self.app;
            match run::check(a, files).await {
                Ok(reviewed) if self.round.get_value() == round => self.reviewed.set(reviewed),
                Ok(_) => {}
                Err(why) => {
                    a.notify(true, why, super::state::Action::None);
                }
            }
            self.reading.update(|n| *n = n.saturating_sub(1));
        });
    }

    /// Removes every file from the desk.
    fn clear(self) {
        self.files.set_value(Vec::new());
        self.round.update_value(|r| *r += 1);
        self.reviewed.set(Vec::new());
        self.opened.set(None);
    }

    /// Reads `files` (from a file input or a drop) and adds them together.
    pub fn read(self, files: web_sys::FileList) {
        let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        self.read_list(list);
    }

    /// Reads the files of a chosen folder (and its subfolders): the submissions and reports among
    /// them (.json, .xlsx, .xls, .docx); the others (PDF, images, notes) are counted and said,
    /// not read.
    pub fn read_folder(self, files: web_sys::FileList) {
        let all: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        let n = all.len();
        let list: Vec<web_sys::File> = all.into_iter().filter(|f| is_submission_name(&f.name())).collect();
        let skipped = n - list.len();
        if skipped > 0 {
            self.app.notify(
                false,
                Text::new(
                    format!("文件夹中另有 {skipped} 个文件不是自评材料（只读取 .json、.xlsx、.xls 和 .docx），未读取。"),
                    format!(
                        "{skipped} other files in the folder are not submissions (only .json, .xlsx, .xls and .docx are read): not read."
                    ),
                ),
                super::state::Action::None,
            );
        }
        self.read_list(list);
    }

    fn read_list(self, list: Vec<web_sys::File>) {
        if list.is_empty() {
            return;
        }
        self.reading.update(|n| *n += list.len());
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(list.len());
            for f in &list {
                let name = selfcheck_core::text::lang::shown_name(&f.name());
                let bytes = if f.size() > MAX_BYTES {
                    let mb = format!("{:.0}", f.size() / 1_000_000.0);
                    Err(Text::new(
                        format!("文件太大（{mb} MB），不像是自评材料，未读取"),
                        format!("too large ({mb} MB) to be a submission: not read"),
                    ))
                } else {
                    match JsFuture::from(f.array_buffer()).await {
                        Ok(v) => Ok(js_sys::Uint8Array::new(&v).to_vec()),
                        Err(_) => Err(Text::new("浏览器无法读取这个文件", "the browser could not read this file")),
                    }
                };
                read.push((name, bytes));
            }
            self.add(read);
            self.reading.update(|n| *n = n.saturating_sub(list.len()));
        });
    }
}

/// True for the file names the desk reads from a folder.
fn is_submission_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".json", ".xlsx", ".xls", ".docx"].iter().any(|x| lower.ends_with(x))
}

/// DOM id of the table's button that opens the submission at `at` in [`Desk::reviewed`].
fn open_id(at: usize) -> String {
    format!("desk-open-{at}")
}

/// `drop` on the page while the desk is shown: every file dropped goes on the desk.
pub fn on_drop(d: Desk, ev: web_sys::DragEvent) {
    let Some(files) = ev.data_transfer().and_then(|t| t.files()) else { return };
    ev.prevent_default();
    d.read(files);
}

/// The header's switch to the 审核 view: one toggle button (the header has no room for two at
/// 1280 px), pressed while the desk is shown; pressed again, or 返回填写 on the desk, shows the form.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let d = desk();
    let l = super::i18n::lang();
    view! {
        <button type="button" id="view-desk" class="view-switch no-print" aria-pressed=move || d.shown.get().to_string()
            title=move || pick(l.get(), "审核多个单位报送的材料；再按一次回到填写", "Review many units' submissions; press again to return to the form")
            on:click=move |_| d.shown.update(|s| *s = !*s)>{tr("审核", "Review")}</button>
    }
}

/// The 审核 view.
#[component]
pub fn DeskView() -> impl IntoView {
    let d = desk();
    let l = super::i18n::lang();
    let on_input = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(files) = input.files() {
            d.read(files);
        }
        input.set_value("");
    };
    // `webkitdirectory` (every browser's name for it) makes the input choose a folder.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    let on_folder = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(files) = input.files() {
            d.read_folder(files);
        }
        input.set_value("");
    };
    let count = move || {
        d.reviewed.with(|r| {
            let n = r.len();
            let problems = r.iter().filter(|x| x.row.has_problem()).count();
            match l.get() {
                selfcheck_core::Lang::Zh => format!("共 {n} 份，其中 {problems} 份需要处理（有错误、无法读取或报告与数据不符）。"),
                selfcheck_core::Lang::En => {
                    format!("{n} submissions, {problems} to act on (errors, unreadable, or a report the data contradict).")
                }
            }
        })
    };
    view! {
        <main id="desk" class="desk">
            <section aria-labelledby="h-desk">
                <h2 id="h-desk">{tr("审核：多份自评材料汇总检查", "Review: many submissions in one table")}</h2>
                <p class="hint">{tr(
                    "选择或拖放各单位报送的材料（本工具导出的 .json 自评文件、填好的 .xlsx 自评表；与之同名的 Word 报告 .docx 会一并读入，核对报告中的数字）。每份材料一行，可排序、筛选，点开查看全部问题。材料只在本页内存中检查，不保存、不上传；本机的自评草稿不受影响。",
                    "Choose or drop the files units hand in (this tool's .json files, filled .xlsx 自评表 workbooks; a Word report .docx of the same name is read with them and its figures checked). One row per submission: sort, filter, open one to see every finding. The files are checked in this page's memory only, never stored or uploaded; your own drafts are untouched.")}</p>
                <div class="desk-tools">
                    <span class="file-pick">
                        <label for="desk-files" class="button">{tr("选择文件（可多选）…", "Choose files…")}</label>
                        <input type="file" id="desk-files" class="file" multiple
                            accept=".json,.xlsx,.xls,.docx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                            on:change=on_input />
                    </span>
                    <span class="file-pick">
                        <label for="desk-folder" class="button">{tr("选择文件夹…", "Choose a folder…")}</label>
                        <input type="file" id="desk-folder" class="file" multiple node_ref=folder on:change=on_folder />
                    </span>
                    <button type="button" id="desk-back" on:click=move |_| d.shown.set(false)>{tr("返回填写", "Back to the form")}</button>
                    <button type="button" id="desk-clear" on:click=move |_| d.clear()
                        disabled=move || d.reviewed.with(|r| r.is_empty())>{tr("清空", "Clear")}</button>
                    <span class="muted" role="status">
                        {move || if d.reading.get() > 0 { pick(l.get(), "正在读取…", "Reading…").to_string() } else { String::new() }}
                    </span>
                </div>
                <Show when=move || d.reviewed.with(|r| !r.is_empty())
                    fallback=move || view! { <p class="desk-empty">{tr("尚未选择材料。也可以把一批文件直接拖放到本页。", "No files yet. You can also drop a batch of files on this page.")}</p> }>
                    <p class="desk-count">{count}</p>
                    <table::DeskTable />
                    <detail::Detail />
                </Show>
            </section>
        </main>
    }
}
