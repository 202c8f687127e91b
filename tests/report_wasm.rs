//! The report, .docx, .xlsx, cross-check and charts run in the browser (wasm32) as natively.
#![cfg(target_arch = "wasm32")]

use selfcheck::core::crosscheck::analyse;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::evaluate;
use selfcheck::core::text::lang::Lang;
use selfcheck::core::{chart, office::xlsx, report};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

#[wasm_bindgen_test]
fn report_docx_xlsx_crosscheck_and_charts_in_wasm() {
    let doc = seed();
    let ev = evaluate(&doc);
    let r = report::build(&doc, &ev, Lang::Zh);
    let text = report::render_text(&r);
    assert!(text.contains("总执行率 95.50%"));
    let docx = report::docx::to_docx(&r, &[]);
    assert_eq!(&docx[..2], b"PK");
    let bytes = xlsx::export(&doc, &ev, Lang::Zh);
    let back = xlsx::import(&bytes, &doc).unwrap().apply(&doc);
    assert_eq!(back.tasks, doc.tasks);
    let cc = analyse(include_str!("fixtures/ftu-2021-report.txt"), &doc, &ev);
    assert_eq!(cc.figures.len(), 27);
    assert!(cc.findings.iter().any(|f| f.rule == "report.figure_ambiguous"));
    assert!(chart::execution_svg(&ev, Lang::Zh).contains("95.50%"));
    let officer = xlsx::import(include_bytes!("fixtures/xlsx/officer-indicators.xlsx"), &doc).unwrap();
    assert_eq!(officer.tasks.unwrap().len(), 2, "inflate works in wasm");
}
