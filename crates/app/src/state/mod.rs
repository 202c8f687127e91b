//! The page's state: the open document (one signal, values exactly as typed), the evaluation
//! (ONE memo over it), the drafts, and the view state of long tables.
//!
//! Inputs read their value once when they mount and write every keystroke into the document by
//! field path ([`selfcheck_core::edit::set`]). Two counters tell the view when to re-read:
//! `shape` when rows are added, removed or moved (lists re-key, existing rows stay), and
//! `generation` when the document is replaced as a whole (import, example, another draft, paste):
//! then the editor mounts afresh from the document.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use selfcheck_core::check::incremental::Evaluator;
use selfcheck_core::document::draft::Drafts;
use selfcheck_core::document::format::{path, SelfEvaluation};
use selfcheck_core::edit;
use selfcheck_core::{Evaluation, Lang, Text};

use super::perf;

mod notices;
pub mod registry;

use registry::{FieldMsg, RowCalc};

/// What a notice offers besides its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Nothing.
    None,
    /// Undo the removal it reports.
    Undo(u64),
    /// Download this text (kept-aside data) as a file.
    Download {
        /// File name.
        name: String,
        /// Content.
        text: String,
    },
}

/// A message at the top of the page (import errors, storage problems, undo offers).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id (key and undo handle).
    pub id: u64,
    /// True for problems (shown in red, announced assertively).
    pub error: bool,
    /// The message.
    pub text: Text,
    /// What it offers.
    pub action: Action,
}

/// How a task's indicator table is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskView {
    /// Rows shown.
    pub open: bool,
    /// Page of rows shown (`PAGE` rows per page).
    pub page: usize,
}

/// Rows of one task shown at a time: long tables are paged so each keystroke stays cheap.
pub const PAGE: usize = 25;
/// With more indicators than this in the document, only the first task starts open.
pub const OPEN_ALL_UP_TO: usize = 200;

/// State of browser storage, for the message under the header.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Nothing to save yet.
    Idle,
    /// Saved at this time (ms).
    At(f64),
    /// Storage cannot be used: the reason.
    Failed(Text),
}

type Undo = Box<dyn FnOnce(&mut SelfEvaluation, &mut Drafts) + Send + Sync>;

/// Everything the page shares; `Copy` so every closure can hold it.
#[derive(Clone, Copy)]
pub struct App {
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// The open document.
    pub doc: RwSignal<SelfEvaluation>,
    /// Bumped when `doc` is replaced as a whole.
    pub generation: RwSignal<u64>,
    /// Bumped when rows are added, removed or moved.
    pub shape: RwSignal<u64>,
    /// The evaluation of `doc`: the one place everything shown is computed.
    pub ev: Memo<Evaluation>,
    /// Findings by field path, as of the last evaluation.
    pub msg_last: StoredValue<HashMap<String, Vec<FieldMsg>>>,
    /// The message signal of every mounted field, by path: only those whose messages changed
    /// are set after an evaluation, so a keystroke costs O(changed), not O(fields on the page).
    pub msg_reg: StoredValue<HashMap<String, Vec<RwSignal<Vec<FieldMsg>>>>>,
    /// The computed-figures signal of every mounted indicator row, by indicator id.
    pub row_reg: StoredValue<HashMap<String, Vec<RwSignal<RowCalc>>>>,
    /// Position of each indicator id in document order (= in `ev.indicators`).
    pub ind_pos: Memo<HashMap<String, usize>>,
    /// All drafts; the open one's document is `doc` (copied in when saving).
    pub drafts: StoredValue<Drafts>,
    /// Names and ids of the drafts, for the draft bar: (id, name), current id.
    pub draft_list: RwSignal<(Vec<(String, String)>, String)>,
    /// Notices.
    pub notices: RwSignal<Vec<Notice>>,
    /// Undo actions by notice id.
    pub undos: StoredValue<HashMap<u64, Undo>>,
    /// Storage state.
    pub saved: RwSignal<Saved>,
    /// Per task: open and page.
    pub task_view: RwSignal<HashMap<String, TaskView>>,
    /// Field to highlight after a finding was followed.
    pub flash: RwSignal<Option<String>>,
    /// The text of an existing report pasted (or loaded) for cross-checking; empty: none.
    pub report_text: RwSignal<String>,
    /// The cross-check of `report_text` against the document and its evaluation (empty when
    /// there is no text), computed by the second module (`office_module`) after each change of
    /// either. Its findings are listed in 自查结果 with the evaluation's.
    pub crosscheck: RwSignal<super::crosscheck::Checked>,
    /// Where loading the second module (report, Word, Excel, cross-check) stands.
    pub office: RwSignal<super::office_module::Status>,
    /// True between the browser's `beforeprint` and `afterprint`: every task is shown open with
    /// all its rows, so a printout holds every indicator, not only the page of rows on screen.
    pub printing: RwSignal<bool>,
    /// Fields the officer has left (blur) since the page opened: a blank required field is a
    /// to-do, not an error, until it was left blank or the full check was asked for.
    pub touched: RwSignal<std::collections::HashSet<String>>,
    /// The officer asked for the full check: every blank required field is an error.
    pub full_check: RwSignal<bool>,
    counter: StoredValue<u64>,
}

/// Whether a finding is still a to-do item: a blank required field the officer has not yet
/// reached (nor asked the full check for). Shown neutrally, not as an error.
pub fn is_todo(f: &selfcheck_core::check::finding::Finding, touched: &std::collections::HashSet<String>, full: bool) -> bool {
    !full && f.rule == "entry.required" && !touched.contains(&f.path)
}

impl App {
    /// Builds the state around the loaded drafts.
    pub fn new(lang: Lang, drafts: Drafts) -> App {
        let doc = RwSignal::new(drafts.current().doc.clone());
        let shape = RwSignal::new(0u64);
        let generation = RwSignal::new(0u64);
        let evaluator = Arc::new(Mutex::new(Evaluator::new()));
        let ev = Memo::new_with_compare(
            move |_| {
                perf::span("sc-eval", || {
                    doc.with(|d| evaluator.lock().map(|mut e| e.evaluate(d)).unwrap_or_else(|_| selfcheck_core::evaluate(d)))
                })
            },
            |_, _| true,
        );
        let ind_pos = Memo::new(move |_| {
            shape.track();
            generation.track();
            doc.with_untracked(|d| d.indicators().enumerate().map(|(n, (_, i))| (i.id.clone(), n)).collect::<HashMap<_, _>>())
        });
        let msg_last = StoredValue::new(HashMap::new());
        let msg_reg: StoredValue<HashMap<String, Vec<RwSignal<Vec<FieldMsg>>>>> = StoredValue::new(HashMap::new());
        let row_reg: StoredValue<HashMap<String, Vec<RwSignal<RowCalc>>>> = StoredValue::new(HashMap::new());
        let lang_sig = RwSignal::new(lang);
        let touched = RwSignal::new(std::collections::HashSet::new());
        let full_check = RwSignal::new(false);
        // Hands each evaluation's results to the fields and rows they concern (only to those
        // whose results changed).
        Effect::new(move |_| {
            let l = lang_sig.get();
            let full = full_check.get();
            ev.with(|e| {
                let mut now: HashMap<String, Vec<FieldMsg>> = HashMap::new();
                for f in &e.findings {
                    if touched.with(|t| is_todo(f, t, full)) {
                        continue;
                    }
                    now.entry(f.path.clone()).or_default().push(FieldMsg {
                        severity: f.severity,
                        message: f.message.clone(),
                        fix: f.fix.clone(),
                    });
                }
                msg_last.update_value(|old| {
                    msg_reg.with_value(|reg| {
                        for p in old.keys().chain(now.keys()) {
                            let n = now.get(p);
                            if n == old.get(p) {
                                continue;
                            }
                            if let Some(sigs) = reg.get(p) {
                                for s in sigs {
                                    s.set(n.cloned().unwrap_or_default());
                                }
                            }
                        }
                    });
                    *old = now;
                });
                ind_pos.with_untracked(|pos| {
                    row_reg.with_value(|reg| {
                        for (id, sigs) in reg {
                            let r = pos.get(id).and_then(|p| e.indicators.get(*p)).filter(|r| &r.id == id).or_else(|| e.indicator(id));
                            let c = r.map(|r| RowCalc::of(r, l)).unwrap_or_default();
                            for s in sigs {
                                if s.with_untracked(|x| *x != c) {
                                    s.set(c.clone());
                                }
                            }
                        }
                    })
                });
            });
        });
        let report_text = RwSignal::new(String::new());
        let cc = RwSignal::new(super::crosscheck::Checked::default());
        let office = RwSignal::new(super::office_module::Status::Idle);
        let list = draft_list_of(&drafts);
        let total: usize = drafts.current().doc.tasks.iter().map(|t| t.indicators.len()).sum();
        let task_view = RwSignal::new(initial_view(&drafts.current().doc, total));
        App {
            lang: lang_sig,
            doc,
            generation,
            shape,
            ev,
            msg_last,
            msg_reg,
            row_reg,
            ind_pos,
            drafts: StoredValue::new(drafts),
            draft_list: RwSignal::new(list),
            notices: RwSignal::new(Vec::new()),
            undos: StoredValue::new(HashMap::new()),
            saved: RwSignal::new(Saved::Idle),
            task_view,
            flash: RwSignal::new(None),
            report_text,
            crosscheck: cc,
            office,
            printing: RwSignal::new(false),
            touched,
            full_check,
            counter: StoredValue::new(0),
        }
    }

    /// A fresh id for notices.
    pub fn next_id(&self) -> u64 {
        self.counter.update_value(|c| *c += 1);
        self.counter.get_value()
    }

    /// Writes one field, exactly as typed (the keystroke path).
    pub fn set_field(&self, p: &str, value: String) {
        perf::start();
        self.doc.update(|d| {
            edit::set(d, p, &value);
        });
        perf::finish();
    }

    /// A structural edit: rows added, removed or moved.
    pub fn restructure<R>(&self, f: impl FnOnce(&mut SelfEvaluation) -> R) -> R {
        let r = self.doc.try_update(f).expect("document signal alive");
        self.shape.update(|s| *s += 1);
        r
    }

    /// Replaces the document's content in place (paste, rubric change): the editor remounts.
    pub fn rewrite<R>(&self, f: impl FnOnce(&mut SelfEvaluation) -> R) -> R {
        let r = self.doc.try_update(f).expect("document signal alive");
        self.shape.update(|s| *s += 1);
        self.generation.update(|g| *g += 1);
        r
    }

    /// Opens another document (another draft, an import, the example).
    pub fn open_document(&self, doc: SelfEvaluation) {
        let total: usize = doc.tasks.iter().map(|t| t.indicators.len()).sum();
        self.task_view.set(initial_view(&doc, total));
        self.doc.set(doc);
        self.shape.update(|s| *s += 1);
        self.generation.update(|g| *g += 1);
    }

    /// Re-reads the draft names after a draft operation.
    pub fn refresh_drafts(&self) {
        self.draft_list.set(self.drafts.with_value(draft_list_of));
    }

    /// The officer left the field at `p`: from now on a blank there is an error, not a to-do.
    pub fn touch(&self, p: &str) {
        if !self.touched.with_untracked(|t| t.contains(p)) {
            self.touched.update(|t| {
                t.insert(p.to_string());
            });
        }
    }

    /// Makes the field at `p` visible (opening its task, turning to its page) and focuses it.
    pub fn reveal(&self, p: &str) {
        if let edit::Place::Indicator { task, index, .. } = self.doc.with_untracked(|d| edit::place(d, p)) {
            self.task_view.update(|m| {
                m.insert(task, TaskView { open: true, page: index / PAGE });
            });
        }
        let id = path::dom_id(p);
        let flash = self.flash;
        flash.set(Some(id.clone()));
        // Twice: once for the task to open, once for its rows to mount.
        request_animation_frame(move || {
            request_animation_frame(move || {
                focus_by_id(&id);
            })
        });
    }
}

/// Focuses the element with this DOM id, or the nearest field of the same row or section.
pub fn focus_by_id(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let doc = document();
    let mut candidate = id.to_string();
    loop {
        if let Some(el) = doc.get_element_by_id(&candidate) {
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
                h.scroll_into_view_with_bool(false);
                return true;
            }
        }
        match candidate.rfind('-') {
            Some(p) if p > 2 => candidate.truncate(p),
            _ => return false,
        }
    }
}

fn draft_list_of(d: &Drafts) -> (Vec<(String, String)>, String) {
    (d.drafts.iter().map(|x| (x.id.clone(), x.name.clone())).collect(), d.current.clone())
}

fn initial_view(doc: &SelfEvaluation, total: usize) -> HashMap<String, TaskView> {
    doc.tasks.iter().enumerate().map(|(n, t)| (t.id.clone(), TaskView { open: total <= OPEN_ALL_UP_TO || n == 0, page: 0 })).collect()
}

/// The shared state from context.
pub fn app() -> App {
    expect_context::<App>()
}
