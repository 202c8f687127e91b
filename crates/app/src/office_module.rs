//! The second wasm module (crates/office): the report, its charts, Word and Excel files and the
//! cross-check, loaded on first use so that the module the form needs is smaller (issue 13;
//! BENCHMARKS.md "The second module").
//!
//! [`get`] loads it once (`window.selfcheckOffice()`, defined in index.html: a dynamic import of
//! `selfcheck_office.js`; in the single file, the module embedded by scripts/single_file.py) and
//! caches it; a failed load is forgotten, so the next use tries again. [`App::office`] says where
//! loading stands, for the "正在加载…" line and the message when it failed.
//!
//! Calls pass plain values only: the document as its JSON, the language, bytes, text; answers
//! come back as JSON (read with serde into the core's types) or bytes. To call a new function of
//! the module (say, the reviewer's desk), add it to crates/office and a method to [`Office`]
//! that calls [`Office::call`] with its name and arguments.

use std::cell::RefCell;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use selfcheck_core::{Lang, Text};

use super::state::App;

/// Where loading the module stands.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Status {
    /// Not asked for yet.
    #[default]
    Idle,
    /// Being fetched and compiled.
    Loading,
    /// Loaded.
    Ready,
    /// It could not be loaded: why.
    Failed(Text),
}

thread_local! {
    /// The load under way or done (a promise of the module's functions).
    static LOAD: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// The loaded module: its exported functions.
#[derive(Clone)]
pub struct Office(JsValue);

/// What the page says when the module cannot be loaded.
pub fn failed(why: &str) -> Text {
    Text::new(
        format!("报告和 Office 文件功能未能加载（{why}）。表格填写和检查不受影响；请检查网络后刷新页面再试。"),
        format!("The report and Office file features could not be loaded ({why}). Filling in and checking the form still work; check the connection and reload the page."),
    )
}

fn reason(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn start() -> js_sys::Promise {
    let loader = js_sys::Reflect::get(&window(), &"selfcheckOffice".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match loader.map(|f| f.call0(&JsValue::NULL)) {
        Some(Ok(p)) => p.dyn_into::<js_sys::Promise>().unwrap_or_else(|v| js_sys::Promise::resolve(&v)),
        Some(Err(e)) => js_sys::Promise::reject(&e),
        None => js_sys::Promise::reject(&"no module loader in this page (window.selfcheckOffice)".into()),
    }
}

/// The module, loading it on first use; `Err` says why it could not be loaded (also shown
/// through `a.office`).
pub async fn get(a: App) -> Result<Office, Text> {
    if a.office.with_untracked(|s| *s != Status::Ready) {
        a.office.set(Status::Loading);
    }
    let p = LOAD.with(|l| l.borrow_mut().get_or_insert_with(start).clone());
    match JsFuture::from(p).await {
        Ok(m) => {
            if a.office.with_untracked(|s| *s != Status::Ready) {
                a.office.set(Status::Ready);
            }
            Ok(Office(m))
        }
        Err(e) => {
            LOAD.with(|l| *l.borrow_mut() = None);
            let why = failed(&reason(&e));
            a.office.set(Status::Failed(why.clone()));
            Err(why)
        }
    }
}

/// Starts loading the module now (after the form is on screen), without waiting for it.
pub fn prefetch(a: App) {
    leptos::task::spawn_local(async move {
        let _ = get(a).await;
    });
}

/// `"zh"` / `"en"`, as the module reads it.
pub fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

impl Office {
    /// Calls the module's function `name` with `args`.
    pub fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, Text> {
        let f = js_sys::Reflect::get(&self.0, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| failed(&format!("no function {name}")))?;
        let list = js_sys::Array::new();
        for a in args {
            list.push(a);
        }
        f.apply(&JsValue::NULL, &list).map_err(|e| failed(&reason(&e)))
    }

    /// A function that answers with text.
    pub fn text(&self, name: &str, args: &[JsValue]) -> Result<String, Text> {
        self.call(name, args)?.as_string().ok_or_else(|| failed(&format!("{name}: not text")))
    }

    /// A function that answers with JSON, read as `T`.
    pub fn json<T: DeserializeOwned>(&self, name: &str, args: &[JsValue]) -> Result<T, Text> {
        let t = self.text(name, args)?;
        serde_json::from_str(&t).map_err(|e| failed(&format!("{name}: {e}")))
    }

    /// A function that answers with bytes.
    pub fn bytes(&self, name: &str, args: &[JsValue]) -> Result<Vec<u8>, Text> {
        let v = self.call(name, args)?;
        v.dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).map_err(|_| failed(&format!("{name}: not bytes")))
    }
}

/// The open document as the JSON the module reads.
pub fn doc_json(a: App) -> JsValue {
    JsValue::from_str(&a.doc.with_untracked(|d| d.to_json()))
}

/// A short line while the module loads, or why it failed (nothing once it is loaded).
#[component]
pub fn OfficeStatus() -> impl IntoView {
    let a = super::state::app();
    let l = a.lang;
    move || match a.office.get() {
        Status::Loading => Some(
            view! { <p class="office-loading hint" role="status">{move || super::i18n::pick(l.get(), "正在加载…", "Loading…")}</p> }
                .into_any(),
        ),
        Status::Failed(why) => {
            Some(view! { <p class="office-failed error" role="alert">{move || why.get(l.get()).to_string()}</p> }.into_any())
        }
        _ => None,
    }
}
