//! The page's report features in a real browser, on the page state without the DOM: the report
//! memo, the cross-check memo and where its findings lead, and the Excel import that waits for
//! confirmation and can be undone.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

use selfcheck::app::crosscheck::{target_of, TEXT_ID};
use selfcheck::app::excel::{self, ExcelState, Pending};
use selfcheck::app::report::report_memo;
use selfcheck::app::state::{Action, App};
use selfcheck::core::crosscheck::Status;
use selfcheck::core::document::draft::Drafts;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::{evaluate, office::xlsx, Lang};

wasm_bindgen_test_configure!(run_in_browser);

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

fn app_with(doc: SelfEvaluation) -> App {
    // Mounting (nothing, on a detached element) sets up the executor the state's effects need.
    let el: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(web_sys::window().unwrap().document().unwrap().create_element("div").unwrap());
    std::mem::forget(leptos::mount::mount_to(el, || ()));
    let owner = Owner::new();
    owner.set();
    std::mem::forget(owner);
    let a = App::new(Lang::Zh, Drafts::new("t", 0.0));
    a.open_document(doc);
    a
}

const EXCERPT: &str = include_str!("../e2e/fixtures/report-excerpt.txt");

#[wasm_bindgen_test]
fn report_memo_follows_the_document_and_language() {
    let a = app_with(seed());
    let r = report_memo(a);
    let text = selfcheck::core::report::render_text(&r.get_untracked());
    assert!(text.contains("35,408.62"), "{text}");
    assert!(text.contains("总执行率 95.50%"));
    assert!(text.contains("93.53"));
    a.lang.set(Lang::En);
    assert_eq!(r.get_untracked().lang, Lang::En);
}

#[wasm_bindgen_test]
fn crosscheck_memo_and_where_its_findings_lead() {
    let a = app_with(seed());
    assert!(a.crosscheck.with_untracked(|c| c.figures.is_empty() && c.findings.is_empty()));
    a.report_text.set(EXCERPT.to_string());
    let cc = a.crosscheck.get_untracked();
    assert_eq!(cc.figures.len(), 7);
    let amb = cc.figures.iter().find(|f| f.status == Status::Ambiguous).expect("95.68% is ambiguous");
    assert_eq!(amb.raw, "95.68%");
    let f = cc.findings.iter().find(|f| f.rule == "report.figure_ambiguous").unwrap();
    assert!(f.message.zh.contains("95.50%"), "{}", f.message.zh);
    assert_eq!(target_of(&f.path, &cc.figures).as_deref(), Some(format!("cc-fig-{}", amb.n).as_str()));
    assert_eq!(target_of("report.text", &cc.figures).as_deref(), Some(TEXT_ID));
    assert_eq!(target_of(&format!("report.text.s{}", amb.sentence_n), &cc.figures), Some(format!("cc-fig-1")));
    assert_eq!(target_of("narrative.summary", &cc.figures), None);
    // The check follows the document: a changed total makes 35,408.62 a mismatch.
    a.set_field("budget.total.adjusted", "35,000.00".into());
    assert!(a.crosscheck.with_untracked(|c| c.figures[0].status == Status::Mismatch));
    a.report_text.set(String::new());
    assert!(a.crosscheck.with_untracked(|c| c.findings.is_empty()));
}

#[wasm_bindgen_test]
fn excel_import_waits_for_confirmation_and_can_be_undone() {
    let full = seed();
    let bytes = xlsx::export(&full, &evaluate(&full), Lang::Zh);
    let mut empty = seed();
    empty.tasks.clear();
    let a = app_with(empty.clone());
    let st = ExcelState { pending: RwSignal::new(None) };

    // A broken file is refused, by cell; the draft is untouched.
    excel::stage(a, st, "broken.xlsx", b"not a workbook");
    assert!(matches!(st.pending.get_untracked(), Some(Pending::Refused { ref errors, .. }) if !errors.is_empty()));
    excel::confirm(a, st);
    assert!(a.doc.with_untracked(|d| d.tasks.is_empty()));

    // A good one is shown first; cancel leaves the draft.
    excel::stage(a, st, "t.xlsx", &bytes);
    let Some(Pending::Ready { import, .. }) = st.pending.get_untracked() else { panic!("not staged") };
    assert!(import.summary.iter().any(|t| t.zh.contains("替换全部重点工作任务和绩效指标")));
    assert!(a.doc.with_untracked(|d| d.tasks.is_empty()));
    excel::cancel(st);
    assert_eq!(st.pending.get_untracked(), None);

    // Confirmed: applied, with an undo.
    excel::stage(a, st, "t.xlsx", &bytes);
    excel::confirm(a, st);
    assert_eq!(a.doc.with_untracked(|d| d.tasks.clone()), full.tasks);
    assert_eq!(st.pending.get_untracked(), None);
    let undo = a
        .notices
        .with_untracked(|n| n.iter().find_map(|n| if let Action::Undo(id) = n.action { Some(id) } else { None }))
        .expect("undo offered");
    a.undo(undo);
    assert!(a.doc.with_untracked(|d| d.tasks.is_empty()));
}
