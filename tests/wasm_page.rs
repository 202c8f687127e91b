//! The page mounted in a real browser: typing into fields updates the computed figures and the
//! findings through the core, and the draft is saved to localStorage.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use selfcheck::core::document::format::path;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn input(p: &str) -> web_sys::Element {
    doc().get_element_by_id(&path::dom_id(p)).unwrap_or_else(|| panic!("no input for {p}"))
}

/// Types into an `<input>` or a `<textarea>` (indicator names wrap: they are textareas).
fn type_into(p: &str, v: &str) {
    let i = input(p);
    match i.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(x) => x.set_value(v),
        None => {
            i.dyn_ref::<web_sys::HtmlTextAreaElement>().unwrap_or_else(|| panic!("{p} is neither an input nor a textarea")).set_value(v)
        }
    }
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    i.dispatch_event(&ev).unwrap();
}

fn text_of(id: &str) -> String {
    doc().get_element_by_id(id).and_then(|e| e.query_selector(".v").ok().flatten()).and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_updates_rates_findings_and_storage() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    selfcheck::app::start();
    sleep(50).await;
    assert!(doc().get_element_by_id("app").is_some());

    type_into(&path::budget_row("total", "adjusted"), "35,408.62");
    type_into(&path::budget_row("total", "actual"), "33,814.57");
    type_into(&path::budget_row("fin", "adjusted"), "27,585.71");
    type_into(&path::budget_row("fin", "actual"), "26,393.83");
    sleep(50).await;
    assert_eq!(text_of("calc-rate-fin"), "95.68%");
    assert_eq!(text_of("calc-rate-total"), "95.50%");
    assert_eq!(text_of("calc-rate-other"), "94.86%");

    // A shortfall calls for an explanation, at the field.
    let ind = |f| path::indicator("t-1", "i-1", f);
    type_into(&ind("name"), "劳模体检疗养实际参加人数占计划人数比例");
    type_into(&ind("target"), "100");
    type_into(&ind("actual"), "85.79");
    sleep(50).await;
    assert_eq!(text_of("calc-done-i-1"), "85.79%");
    let reason = doc().get_element_by_id(&path::dom_id(&ind("reason"))).expect("reason field shown on a shortfall");
    assert_eq!(reason.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(reason.get_attribute("aria-required").as_deref(), Some("true"));

    // Saved (debounced) with the values exactly as typed.
    sleep(600).await;
    let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item(selfcheck::app::storage::KEY).unwrap().unwrap();
    assert!(stored.contains("\"actual\":\"85.79\""), "{stored}");
    assert!(stored.contains("\"adjusted\":\"35,408.62\""));

    // The performance measures the typing benchmark reads exist.
    let perf = web_sys::window().unwrap().performance().unwrap();
    assert!(perf.get_entries_by_name("sc-update").length() > 0);
}
