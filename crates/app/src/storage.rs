//! Drafts in `localStorage` (via gloo-storage), saved ≤ 400 ms after each change and at once when
//! the page is hidden. The stored text is the core's versioned envelope ([`selfcheck_core::document::draft`]).
//!
//! Nothing stored is lost: text this build cannot read is copied under its own key
//! (`selfcheck/unreadable/<time>`) before anything is written, listed on the page, and offered for
//! download as it was. When storage is unavailable or full the page says so; export still works.

use std::cell::RefCell;
use std::time::Duration;

use gloo_storage::Storage as _;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use selfcheck_core::document::draft::{self, Drafts};
use selfcheck_core::Text;

use super::state::{Action, App, Saved};

/// The key of the drafts envelope.
pub const KEY: &str = "selfcheck/drafts";
/// Prefix of keys holding unreadable data kept aside.
pub const ASIDE: &str = "selfcheck/unreadable/";
/// Debounce of autosave.
pub const DEBOUNCE_MS: u64 = 400;

/// Why storage cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// No localStorage (disabled, or blocked for this page).
    Unavailable,
    /// The quota is exhausted.
    Full,
    /// Anything else the browser reported.
    Other(String),
}

impl StoreError {
    /// The message for the page.
    pub fn message(&self) -> Text {
        match self {
            StoreError::Unavailable => Text::new(
                "浏览器存储不可用：草稿不会自动保存。请用“导出”把草稿存为文件。",
                "Browser storage is unavailable: drafts are not saved automatically. Use Export to save the draft as a file.",
            ),
            StoreError::Full => Text::new(
                "浏览器存储已满：最近的修改未能保存。请用“导出”存为文件，并删除不用的草稿。",
                "Browser storage is full: recent changes were not saved. Export the draft to a file and delete drafts you no longer need.",
            ),
            StoreError::Other(e) => Text::new(
                format!("草稿未能保存：{e}。请用“导出”存为文件。"),
                format!("The draft could not be saved: {e}. Use Export to save it as a file."),
            ),
        }
    }
}

/// The browser's localStorage, if usable (gloo's accessor panics when it is not, so check first).
fn backend() -> Result<web_sys::Storage, StoreError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(gloo_storage::LocalStorage::raw()),
        _ => Err(StoreError::Unavailable),
    }
}

fn classify(e: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name.contains("Quota") {
        StoreError::Full
    } else {
        StoreError::Other(js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|n| n.as_string()).unwrap_or(name))
    }
}

/// Reads a key.
pub fn read(key: &str) -> Result<Option<String>, StoreError> {
    backend()?.get_item(key).map_err(classify)
}

/// Writes a key.
pub fn write(key: &str, text: &str) -> Result<(), StoreError> {
    backend()?.set_item(key, text).map_err(classify)
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StoreError> {
    backend()?.remove_item(key).map_err(classify)
}

/// Every piece of unreadable data kept aside: (key, text).
pub fn aside_items() -> Vec<(String, String)> {
    let Ok(s) = backend() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        if let Ok(Some(k)) = s.key(i) {
            if k.starts_with(ASIDE) {
                if let Ok(Some(v)) = s.get_item(&k) {
                    out.push((k, v));
                }
            }
        }
    }
    out.sort();
    out
}

/// What the page starts with.
pub struct Startup {
    /// The drafts to open.
    pub drafts: Drafts,
    /// Problems to tell the user about (with a download of the raw data).
    pub problems: Vec<(Text, Action)>,
    /// Why the envelope must not be written, when it must not (storage unusable, or unreadable
    /// data could not be kept aside: then writing would destroy it). Shown where the page says
    /// whether changes are saved, for as long as it holds.
    pub not_saved: Option<Text>,
    /// The text stored under [`KEY`] when the page started.
    pub stored: Option<String>,
    /// Stored data that could not be read nor kept aside: offered for download, then discard.
    pub stuck: Vec<(String, String, Text)>,
}

impl Startup {
    /// Whether drafts may be written to storage.
    pub fn writable(&self) -> bool {
        self.not_saved.is_none()
    }
}

/// Loads the drafts, keeping aside whatever cannot be read.
pub fn startup(now: f64) -> Startup {
    let first = "草稿 1";
    let stored = match read(KEY) {
        Ok(s) => s,
        Err(e) => {
            return Startup {
                drafts: Drafts::new(first, now),
                problems: vec![(e.message(), Action::None)],
                not_saved: Some(e.message()),
                stored: None,
                stuck: Vec::new(),
            };
        }
    };
    let loaded = draft::load(stored.as_deref(), first, now);
    let mut problems = Vec::new();
    let mut not_saved = None;
    let mut stuck = Vec::new();
    for (n, u) in loaded.unreadable.iter().enumerate() {
        let key = format!("{ASIDE}{}-{n}", now as u64);
        let kept = write(&key, &u.raw);
        let file = format!("selfcheck-unreadable-{}-{n}.json", now as u64);
        match kept {
            Ok(()) => problems.push((
                Text::new(
                    format!("{}。原数据已另存（未被覆盖），可下载后交技术人员处理。", u.reason.zh),
                    format!("{}. The data was kept aside unchanged; download it for someone who can repair it.", u.reason.en),
                ),
                Action::Download { name: file, text: u.raw.clone() },
            )),
            Err(e) => {
                not_saved = Some(Text::new(
                    "修改未保存：自动保存已关闭，以免覆盖无法读取的原数据。请在“暂存的原数据”中下载原数据，然后丢弃它，自动保存即恢复。",
                    "Changes are not being saved: autosave is off so the data that cannot be read is not overwritten. Download it under 'Data kept aside', then discard it, and autosave resumes.",
                ));
                stuck.push((file.clone(), u.raw.clone(), u.reason.clone()));
                problems.push((
                    Text::new(
                        format!("{}。原数据无法另存（{}），为免覆盖，本次不自动保存。请先下载原数据。", u.reason.zh, e.message().zh),
                        format!(
                            "{}. It could not be kept aside ({}), so autosave is off to avoid overwriting it. Download it first.",
                            u.reason.en,
                            e.message().en
                        ),
                    ),
                    Action::Download { name: file, text: u.raw.clone() },
                ));
            }
        }
    }
    Startup { drafts: loaded.drafts, problems, not_saved, stored, stuck }
}

thread_local! {
    static PENDING: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
    static NOT_SAVED: RefCell<Option<Text>> = const { RefCell::new(None) };
    /// The drafts as this window last read or wrote them (see [`selfcheck_core::document::draft_sync`]).
    static BASE: RefCell<Option<Drafts>> = const { RefCell::new(None) };
    /// The text this window last read or wrote under [`KEY`]: when storage still holds exactly
    /// this, no other window has written since and nothing needs merging.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Storage holds data this window could not read (kept aside already): the next save writes
    /// the drafts even when they equal what this window read, so the same data is not found again.
    static REPLACE: RefCell<bool> = const { RefCell::new(false) };
}

/// The next save replaces what is stored (see `REPLACE`).
pub fn replace_stored() {
    REPLACE.with(|r| *r.borrow_mut() = true);
}

/// Turns saving off, with the reason the page shows (storage unusable, or unreadable data could
/// not be kept aside), or on again with `None`.
pub fn set_not_saved(reason: Option<Text>) {
    NOT_SAVED.with(|w| *w.borrow_mut() = reason);
}

/// Whether saving is off, and why.
pub fn not_saved() -> Option<Text> {
    NOT_SAVED.with(|w| w.borrow().clone())
}

/// Records the drafts this window starts from (as read from storage, or new).
pub fn set_base(drafts: &Drafts, stored: Option<String>) {
    BASE.with(|b| *b.borrow_mut() = Some(drafts.clone()));
    LAST.with(|l| *l.borrow_mut() = stored);
}

/// Schedules a save `DEBOUNCE_MS` after the last change.
pub fn schedule(app: App) {
    PENDING.with(|p| {
        if let Some(h) = p.borrow_mut().take() {
            h.clear();
        }
        let h = set_timeout_with_handle(move || save_now(app), Duration::from_millis(DEBOUNCE_MS)).ok();
        *p.borrow_mut() = h;
    });
}

/// Whether a save is scheduled (this window has changes not yet written).
pub fn pending() -> bool {
    PENDING.with(|p| p.borrow().is_some())
}

/// Saves at once if a save is pending (page hidden or closing).
pub fn flush(app: App) {
    let pending = PENDING.with(|p| p.borrow_mut().take());
    if let Some(h) = pending {
        h.clear();
        save_now(app);
    }
}

/// Writes the envelope with the open document in it, merged with whatever another window stored
/// since this one last read or wrote (nothing of either is lost).
pub fn save_now(app: App) {
    PENDING.with(|p| p.borrow_mut().take());
    let now = js_sys::Date::now();
    let doc = app.doc.get_untracked();
    app.drafts.update_value(|d| {
        let cur = d.current_mut();
        if cur.doc != doc {
            cur.doc = doc;
            cur.updated = now;
        }
    });
    if let Some(reason) = not_saved() {
        app.saved.set(Saved::Failed(reason));
        return;
    }
    match sync(app, now) {
        Ok(()) => app.saved.set(Saved::At(now)),
        Err(e) => fail(app, e),
    }
}

/// Says that saving failed: in the draft bar for as long as it lasts, and once as a notice that
/// stays until closed (an officer must not type on believing the work is kept).
fn fail(app: App, e: StoreError) {
    let first = !matches!(app.saved.get_untracked(), Saved::Failed(_));
    app.saved.set(Saved::Failed(e.message()));
    if first {
        app.notify(true, e.message(), Action::None);
    }
}

/// Reads what is stored, merges this window's drafts into it, writes the result when it differs
/// and shows what came from the other window.
fn sync(app: App, now: f64) -> Result<(), StoreError> {
    use selfcheck_core::document::draft_sync;
    let stored_text = read(KEY)?;
    let base = BASE.with(|b| b.borrow().clone());
    let unchanged = LAST.with(|l| l.borrow().as_deref() == stored_text.as_deref());
    let stored = match (&stored_text, unchanged) {
        (None, _) => None,
        (Some(_), true) => base.clone(),
        (Some(t), false) => {
            let loaded = draft::load(Some(t), "草稿 1", now);
            if !loaded.unreadable.is_empty() {
                // Written by another build this one cannot read: kept aside before anything is written.
                for (n, u) in loaded.unreadable.iter().enumerate() {
                    write(&format!("{ASIDE}{}-s{n}", now as u64), &u.raw)?;
                }
            }
            if loaded.fresh && loaded.unreadable.is_empty() {
                None
            } else {
                Some(loaded.drafts)
            }
        }
    };
    let mine = app.drafts.get_value();
    let merged = match &stored {
        Some(s) => draft_sync::merge(&mine, base.as_ref(), s, now),
        None => draft_sync::merge(&mine, base.as_ref(), &mine, now),
    };
    let mut merged = merged;
    if merged.write || stored_text.is_none() || REPLACE.with(|r| r.replace(false)) {
        merged.drafts.saved = now;
        let text = merged.drafts.to_json();
        write(KEY, &text)?;
        super::durable::write(&text);
        LAST.with(|l| *l.borrow_mut() = Some(text));
    } else {
        LAST.with(|l| *l.borrow_mut() = stored_text);
    }
    BASE.with(|b| *b.borrow_mut() = Some(merged.drafts.clone()));
    let list_changed = mine.drafts.len() != merged.drafts.drafts.len()
        || mine.current != merged.drafts.current
        || mine.drafts.iter().zip(&merged.drafts.drafts).any(|(a, b)| a.id != b.id || a.name != b.name);
    let doc_changed = app.doc.with_untracked(|d| *d != merged.drafts.current().doc);
    app.drafts.set_value(merged.drafts.clone());
    if doc_changed {
        app.open_document(merged.drafts.current().doc.clone());
    }
    if list_changed || doc_changed {
        app.refresh_drafts();
    }
    for (name, copy) in &merged.copies {
        app.notify(
            true,
            Text::new(
                format!("另一窗口同时修改了草稿“{name}”。两份都已保留：另一窗口的修改在“{name}”中，本窗口的修改另存为“{copy}”，本窗口接着编辑“{copy}”。"),
                format!("Another window changed the draft '{name}' at the same time. Both are kept: the other window's changes are in '{name}', this window's were saved as '{copy}', which this window goes on editing."),
            ),
            Action::None,
        );
    }
    if !merged.taken.is_empty() {
        let names = merged.taken.join("”“");
        app.notify(
            false,
            Text::new(
                format!("已载入另一窗口对草稿“{names}”的修改。"),
                format!("Changes made in another window to '{names}' were loaded."),
            ),
            Action::None,
        );
    }
    for name in &merged.kept {
        app.notify(
            true,
            Text::new(
                format!("草稿“{name}”已在本窗口删除，但另一窗口修改了它，已保留。如不需要，请再次删除。"),
                format!("The draft '{name}' was deleted here but changed in another window, so it was kept. Delete it again if it is not needed."),
            ),
            Action::None,
        );
    }
    Ok(())
}

/// Puts back the durable copy `drafts` (read from `text`) when it is newer than what this window
/// started from and nothing was typed since; returns whether it did.
pub fn restore(app: App, text: &str, drafts: Drafts) -> bool {
    let base_saved = BASE.with(|b| b.borrow().as_ref().map(|d| d.saved).unwrap_or(0.0));
    if drafts.saved <= base_saved || pending() || not_saved().is_some() {
        return false;
    }
    let mine = app.drafts.get_value();
    if BASE.with(|b| b.borrow().as_ref().is_some_and(|base| base.drafts != mine.drafts)) {
        return false;
    }
    if write(KEY, text).is_err() {
        return false;
    }
    LAST.with(|l| *l.borrow_mut() = Some(text.to_string()));
    BASE.with(|b| *b.borrow_mut() = Some(drafts.clone()));
    let doc = drafts.current().doc.clone();
    app.drafts.set_value(drafts);
    app.open_document(doc);
    app.refresh_drafts();
    true
}

/// Tries to store the drafts now (after an import): an error means the drafts do not fit.
pub fn save_or_err(app: App) -> Result<(), StoreError> {
    if let Some(reason) = not_saved() {
        return Err(StoreError::Other(reason.zh));
    }
    PENDING.with(|p| {
        if let Some(h) = p.borrow_mut().take() {
            h.clear();
        }
    });
    let r = sync(app, js_sys::Date::now());
    if r.is_ok() {
        app.saved.set(Saved::At(js_sys::Date::now()));
    }
    r
}

/// Another window wrote the drafts: save this window's pending edits through the merge, or, with
/// none, take what the other stored.
fn on_other_window(app: App) {
    if not_saved().is_some() {
        return;
    }
    if pending() {
        flush(app);
    } else if let Err(e) = sync(app, js_sys::Date::now()) {
        fail(app, e);
    }
}

/// The one persistence effect, plus saving when the page is hidden.
pub fn install(app: App) {
    Effect::new(move |prev: Option<()>| {
        app.doc.track();
        app.draft_list.track();
        if prev.is_some() {
            schedule(app);
        }
    });
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(app);
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
    let on_pagehide = Closure::<dyn Fn()>::new(move || flush(app));
    let _ = window().add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    on_pagehide.forget();
    let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() == Some(KEY) {
            on_other_window(app);
        }
    });
    let _ = window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
}
