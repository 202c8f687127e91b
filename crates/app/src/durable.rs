//! A second, durable copy of the drafts in IndexedDB.
//!
//! localStorage stays the primary store (read synchronously at start, shared with other windows),
//! but Chromium keeps its writes in memory for a few seconds before they reach the disk: a crash or
//! power cut in that time lost the last edits (measured with `scripts/bench-crash.mjs`, see
//! BENCHMARKS.md). Every save therefore also writes the same envelope to IndexedDB in a
//! transaction with `durability: "strict"`, which the browser commits to disk before reporting
//! success. At start, when the IndexedDB copy is newer than what localStorage holds (its envelope's
//! `saved` time is later), it is what the crash left behind: it is put back and the page says so.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use selfcheck_core::document::draft;
use selfcheck_core::Text;

use super::state::{Action, App};
use super::storage;

const DB: &str = "selfcheck";
const STORE: &str = "copy";
const ITEM: &str = "drafts";

thread_local! {
    static OPEN: RefCell<Option<web_sys::IdbDatabase>> = const { RefCell::new(None) };
    /// A copy asked for before the database was open: written once it is.
    static WAITING: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn factory() -> Option<web_sys::IdbFactory> {
    window().indexed_db().ok().flatten()
}

/// Opens the database, then compares its copy with what the page started from (`app`): a newer
/// copy is restored.
pub fn open(app: App) {
    let Some(f) = factory() else { return };
    let Ok(req) = f.open_with_u32(DB, 1) else { return };
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(db) = ev.target().and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok()).and_then(|r| r.result().ok()) {
            let db: web_sys::IdbDatabase = db.unchecked_into();
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    upgrade.forget();
    let req2 = req.clone();
    let success = Closure::<dyn Fn()>::new(move || {
        let Ok(db) = req2.result() else { return };
        let db: web_sys::IdbDatabase = db.unchecked_into();
        OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
        if let Some(text) = WAITING.with(|w| w.borrow_mut().take()) {
            put(&db, &text);
        }
        restore_if_newer(app, &db);
    });
    req.set_onsuccess(Some(success.as_ref().unchecked_ref()));
    success.forget();
}

/// Writes `text` (the envelope just stored in localStorage) as the durable copy.
pub fn write(text: &str) {
    let db = OPEN.with(|o| o.borrow().clone());
    match db {
        Some(db) => put(&db, text),
        None => WAITING.with(|w| *w.borrow_mut() = Some(text.to_string())),
    }
}

/// `db.transaction(STORE, "readwrite", { durability: "strict" })`: the options argument is not in
/// web-sys's stable API, so the call is made through JS reflection.
fn strict_transaction(db: &web_sys::IdbDatabase) -> Option<web_sys::IdbTransaction> {
    let f: js_sys::Function = js_sys::Reflect::get(db, &"transaction".into()).ok()?.dyn_into().ok()?;
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"durability".into(), &"strict".into());
    let args = js_sys::Array::of3(&STORE.into(), &"readwrite".into(), &opts);
    f.apply(db, &args).ok().map(|t| t.unchecked_into())
}

fn put(db: &web_sys::IdbDatabase, text: &str) {
    let Some(tx) = strict_transaction(db) else { return };
    if let Ok(store) = tx.object_store(STORE) {
        let _ = store.put_with_key(&JsValue::from_str(text), &JsValue::from_str(ITEM));
    }
}

fn restore_if_newer(app: App, db: &web_sys::IdbDatabase) {
    let Ok(tx) = db.transaction_with_str(STORE) else { return };
    let Ok(store) = tx.object_store(STORE) else { return };
    let Ok(req) = store.get(&JsValue::from_str(ITEM)) else { return };
    let req2 = req.clone();
    let done = Closure::<dyn Fn()>::new(move || {
        let Some(text) = req2.result().ok().and_then(|v| v.as_string()) else { return };
        let loaded = draft::load(Some(&text), "草稿 1", js_sys::Date::now());
        if !loaded.unreadable.is_empty() || loaded.fresh {
            return;
        }
        if storage::restore(app, &text, loaded.drafts) {
            app.notify(
                false,
                Text::new(
                    "浏览器上次意外关闭，最后的修改未写入浏览器存储；已从本机的备份副本恢复。",
                    "The browser closed unexpectedly last time before its storage kept the last changes; they were restored from this computer's backup copy.",
                ),
                Action::None,
            );
        }
    });
    req.set_onsuccess(Some(done.as_ref().unchecked_ref()));
    done.forget();
}
