//! Browser tests of the drafts storage: the versioned envelope in localStorage, recovery of data
//! this build cannot read (kept aside, never overwritten), and the core's draft operations and
//! paste parsing as compiled for wasm32.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

use selfcheck::app::storage;
use selfcheck::core::document::draft::{Drafts, FORMAT};
use selfcheck::core::edit::{self, paste};

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn nothing_stored_starts_with_one_blank_writable_draft() {
    clear();
    let s = storage::startup(1.0);
    assert!(s.problems.is_empty());
    assert!(s.writable());
    assert_eq!(s.drafts.drafts.len(), 1);
    assert_eq!(s.drafts.format, FORMAT);
}

#[wasm_bindgen_test]
fn stored_drafts_come_back_exactly_as_typed() {
    clear();
    let mut d = Drafts::new("甲", 1.0);
    edit::set(&mut d.current_mut().doc, "budget.total.actual", "33,8l4.57");
    edit::set(&mut d.current_mut().doc, "unit.name", "  广州市总工会 ");
    storage::write(storage::KEY, &d.to_json()).unwrap();
    let s = storage::startup(2.0);
    assert!(s.problems.is_empty());
    assert_eq!(s.drafts, d);
}

#[wasm_bindgen_test]
fn unreadable_drafts_are_kept_aside_and_offered_for_download() {
    clear();
    let broken = r#"{"format":"selfcheck/drafts","version":1,"drafts":[{"doc": {"#;
    storage::write(storage::KEY, broken).unwrap();
    let s = storage::startup(3.0);
    assert!(s.writable(), "the raw text was kept aside, so saving may go on");
    assert_eq!(s.problems.len(), 1);
    match &s.problems[0].1 {
        selfcheck::app::state::Action::Download { text, .. } => assert_eq!(text, broken),
        other => panic!("expected a download, got {other:?}"),
    }
    let aside = storage::aside_items();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].0.starts_with(storage::ASIDE));
    assert_eq!(aside[0].1, broken);
    // The envelope itself is still the broken text until the page saves over it.
    assert_eq!(storage::read(storage::KEY).unwrap().as_deref(), Some(broken));
}

#[wasm_bindgen_test]
fn a_newer_envelope_is_not_read_and_not_lost() {
    clear();
    let newer = r#"{"format":"selfcheck/drafts","version":7,"current":"x","drafts":[]}"#;
    storage::write(storage::KEY, newer).unwrap();
    let s = storage::startup(4.0);
    assert_eq!(s.problems.len(), 1);
    assert!(s.problems[0].0.zh.contains("版本 7"));
    assert_eq!(storage::aside_items()[0].1, newer);
}

#[wasm_bindgen_test]
fn paste_parsing_in_the_browser_build() {
    let p = paste::parse("名称\t数量指标\t≥\t%\t100\t85.79\n", 0);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].category, "产出-数量");
    assert_eq!(p.rows[0].actual, "85.79");
}
