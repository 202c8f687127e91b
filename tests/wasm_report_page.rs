//! The page's report features in a real browser, on the page state without the DOM: the report
//! preview, the cross-check and where its findings lead, and the Excel import that waits for
//! confirmation and can be undone. The second module (crates/office) is linked into the test and
//! offered to the page as `window.selfcheckOffice`, as index.html offers the real one.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

use selfcheck::app::crosscheck::{target_of, TEXT_ID};
use selfcheck::app::excel::{self, ExcelState, Pending};
use selfcheck::app::report::{preview, Preview};
use selfcheck::app::state::{Action, App};
use selfcheck::core::document::draft::Drafts;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::{evaluate, office::xlsx, Lang};
use wasm_bindgen::prelude::*;

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
    install_office();
    let a = App::new(Lang::Zh, Drafts::new("t", 0.0));
    selfcheck::app::crosscheck::follow(a);
    a.open_document(doc);
    a
}

/// `window.selfcheckOffice()`: a promise of an object with the module's functions, here the
/// crate's own functions called directly.
fn install_office() {
    use selfcheck_office as o;
    let m = js_sys::Object::new();
    let put = |name: &str, f: &JsValue| {
        js_sys::Reflect::set(&m, &name.into(), f).unwrap();
    };
    macro_rules! text2 {
        ($name:literal, $f:path) => {{
            let c = Closure::<dyn Fn(String, String) -> String>::new(|x: String, y: String| $f(&x, &y));
            put($name, c.as_ref());
            c.forget();
        }};
    }
    text2!("report", o::report);
    text2!("report_text", o::report_text);
    text2!("generated_text", o::generated_text);
    text2!("docx_name", o::docx_name);
    text2!("crosscheck", o::crosscheck);
    let c = Closure::<dyn Fn(String, String, String) -> String>::new(|t: String, d: String, l: String| o::crosscheck_view(&t, &d, &l));
    put("crosscheck_view", c.as_ref());
    c.forget();
    let c = Closure::<dyn Fn(js_sys::Uint8Array, String, String) -> String>::new(|b: js_sys::Uint8Array, d: String, f: String| {
        o::xlsx_read(&b.to_vec(), &d, &f)
    });
    put("xlsx_read", c.as_ref());
    c.forget();
    let c = Closure::<dyn Fn(js_sys::Uint8Array, String) -> String>::new(|b: js_sys::Uint8Array, d: String| o::xlsx_apply(&b.to_vec(), &d));
    put("xlsx_apply", c.as_ref());
    c.forget();
    let c = Closure::<dyn Fn() -> String>::new(o::example);
    put("example", c.as_ref());
    c.forget();
    let m: JsValue = m.into();
    let loader = Closure::<dyn Fn() -> js_sys::Promise>::new(move || js_sys::Promise::resolve(&m));
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"selfcheckOffice".into(), loader.as_ref()).unwrap();
    loader.forget();
}

/// Lets spawned tasks and effects run.
async fn settle() {
    for _ in 0..3 {
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
}

const EXCERPT: &str = include_str!("../e2e/fixtures/report-excerpt.txt");

#[wasm_bindgen_test]
async fn report_preview_follows_the_document_and_language() {
    let a = app_with(seed());
    let tick = RwSignal::new(0u64);
    let r = preview(a, tick);
    // Nothing until the module is loaded (fetched after the first frame), then the report.
    for _ in 0..20 {
        if r.with_untracked(|p| p.is_some()) {
            break;
        }
        settle().await;
    }
    let p: Preview = r.get_untracked().expect("the report, once the module is loaded");
    assert!(p.doc.contains("35,408.62"), "{}", p.doc);
    assert!(p.doc.contains("总执行率 95.50%"));
    assert!(p.doc.contains("93.53"));
    assert_eq!(p.charts.matches("<svg").count(), 3);
    a.lang.set(Lang::En);
    settle().await;
    assert!(r.get_untracked().unwrap().charts.contains("Charts"));
}

#[wasm_bindgen_test]
async fn crosscheck_and_where_its_findings_lead() {
    let a = app_with(seed());
    assert!(a.crosscheck.with_untracked(|c| c.figures.is_empty() && c.findings.is_empty()));
    a.report_text.set(EXCERPT.to_string());
    settle().await;
    let cc = a.crosscheck.get_untracked();
    assert_eq!(cc.figures.len(), 7);
    let f = cc.findings.iter().find(|f| f.rule == "report.figure_ambiguous").unwrap();
    assert!(f.message.zh.contains("95.50%"), "{}", f.message.zh);
    // 95.68% is the ambiguous figure: its row, where its finding leads.
    let row = target_of(&f.path, &cc.figures).expect("a row");
    let at = cc.html.find(&format!("id=\"{row}\" class=\"ambiguous\"")).expect("the ambiguous row");
    assert!(cc.html[at..].contains("95.68%"));
    assert_eq!(target_of("report.text", &cc.figures).as_deref(), Some(TEXT_ID));
    let n: usize = row.trim_start_matches("cc-fig-").parse().unwrap();
    let sentence = cc.figures.iter().find(|(m, _)| *m == n).unwrap().1;
    let first = cc.figures.iter().find(|(_, s)| *s == sentence).unwrap().0;
    assert_eq!(target_of(&format!("report.text.s{sentence}"), &cc.figures), Some(format!("cc-fig-{first}")));
    assert_eq!(target_of("narrative.summary", &cc.figures), None);
    // The check follows the document: a changed total makes 35,408.62 a mismatch.
    a.set_field("budget.total.adjusted", "35,000.00".into());
    settle().await;
    assert!(
        a.crosscheck.with_untracked(|c| c.html.contains("id=\"cc-fig-1\" class=\"mismatch\"")),
        "{}",
        a.crosscheck.get_untracked().html
    );
    a.report_text.set(String::new());
    settle().await;
    assert!(a.crosscheck.with_untracked(|c| c.findings.is_empty()));
}

#[wasm_bindgen_test]
async fn excel_import_waits_for_confirmation_and_can_be_undone() {
    let full = seed();
    let bytes = xlsx::export(&full, &evaluate(&full), Lang::Zh);
    let mut empty = seed();
    empty.tasks.clear();
    let a = app_with(empty.clone());
    let st = ExcelState { pending: RwSignal::new(None) };

    // A broken file is refused, by cell; the draft is untouched.
    excel::stage(a, st, "broken.xlsx", b"not a workbook".to_vec()).await;
    assert!(
        matches!(st.pending.get_untracked(), Some(Pending { ref staged, .. }) if staged.kind == "refused" && !staged.errors.is_empty())
    );
    excel::confirm(a, st).await;
    assert!(a.doc.with_untracked(|d| d.tasks.is_empty()));

    // A good one is shown first; cancel leaves the draft.
    excel::stage(a, st, "t.xlsx", bytes.clone()).await;
    let Some(Pending { staged, .. }) = st.pending.get_untracked() else { panic!("not staged") };
    assert_eq!(staged.kind, "ready");
    assert!(staged.html.zh.contains("id=\"xlsx-confirm\""));
    assert!(staged.summary.iter().any(|t| t.zh.contains("替换全部重点工作任务和绩效指标")));
    assert!(a.doc.with_untracked(|d| d.tasks.is_empty()));
    excel::cancel(st);
    assert_eq!(st.pending.get_untracked(), None);

    // Confirmed: applied, with an undo.
    excel::stage(a, st, "t.xlsx", bytes.clone()).await;
    excel::confirm(a, st).await;
    assert_eq!(a.doc.with_untracked(|d| d.tasks.clone()), full.tasks);
    assert_eq!(st.pending.get_untracked(), None);
    let undo = a
        .notices
        .with_untracked(|n| n.iter().find_map(|n| if let Action::Undo(id) = n.action { Some(id) } else { None }))
        .expect("undo offered");
    a.undo(undo);
    assert!(a.doc.with_untracked(|d| d.tasks.is_empty()));
}
