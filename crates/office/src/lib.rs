//! The page's second wasm module: everything the page needs only once the officer uses the report,
//! a Word or Excel file or the cross-check, kept out of the module that must load before the form
//! is on screen (issue 13; BENCHMARKS.md "The second module").
//!
//! Each function takes plain values (the open document as its JSON, the language as `"zh"` or
//! `"en"`, a file's bytes, a text) and returns plain values (JSON text or bytes), so the page and
//! this module share no memory and no Rust types across the boundary: the page serialises the
//! document with `SelfEvaluation::to_json`, and reads the answers with serde into the core's own
//! types (`Report`, `CrossCheck`, `Text`). The document is evaluated again here (the same
//! `selfcheck_core::evaluate` the page runs), so every figure agrees with the form.
//!
//! The page loads this module with `window.selfcheckOffice()` (index.html; in the single file, the
//! module embedded by scripts/single_file.py) and calls it through `selfcheck_app::office_module`.
//! To add a function (say, the reviewer's desk: `selfcheck_core::review`), add a
//! `#[wasm_bindgen] pub fn` here with plain inputs and outputs and a wrapper there.

use serde::Serialize;
use wasm_bindgen::prelude::*;

pub mod html;

use selfcheck_core::document::format::SelfEvaluation;
use selfcheck_core::office::xlsx::{self, CellError};
use selfcheck_core::text::lang::{Lang, Text};
use selfcheck_core::{chart, crosscheck, evaluate, report, report_docx, workbook, Evaluation};

fn lang_of(lang: &str) -> Lang {
    Lang::parse(lang).unwrap_or_default()
}

/// The document and its evaluation, or the reason the JSON cannot be read (never expected: the
/// page writes it).
fn open(doc_json: &str) -> Result<(SelfEvaluation, Evaluation), String> {
    let doc = SelfEvaluation::from_json(doc_json).map_err(|e| e.to_string())?;
    let ev = evaluate(&doc);
    Ok((doc, ev))
}

fn error_json(why: &str) -> String {
    serde_json::json!({ "error": Text::new(format!("内部错误：{why}"), format!("internal error: {why}")) }).to_string()
}

/// The report preview as HTML: `{"doc": …, "notes": …, "charts": …}`, the contents of the
/// page's `article.report-doc`, `aside.report-notes` ("" when there are no notes) and
/// `div.charts` ([`html`]); or `{"error": Text}`.
#[wasm_bindgen]
pub fn report(doc_json: &str, lang: &str) -> String {
    let l = lang_of(lang);
    match open(doc_json) {
        Ok((d, e)) => {
            let r = report::build(&d, &e, l);
            let charts = [chart::scores_svg(&e, l), chart::execution_svg(&e, l), chart::indicators_svg(&d, &e, l)];
            serde_json::json!({ "doc": html::report_doc(&r), "notes": html::report_notes(&r, l), "charts": html::charts(l, &charts) })
                .to_string()
        }
        Err(why) => error_json(&why),
    }
}

/// The example self-evaluation (载入示例: the seed report, examples/guangzhou-ftu-2021.json).
#[wasm_bindgen]
pub fn example() -> String {
    include_str!("../../../examples/guangzhou-ftu-2021.json").to_string()
}

/// The report as plain text (复制全文): `report::render_text` of the report built now.
#[wasm_bindgen]
pub fn report_text(doc_json: &str, lang: &str) -> String {
    open(doc_json).map(|(d, e)| report::render_text(&report::build(&d, &e, lang_of(lang)))).unwrap_or_default()
}

/// The generated report's text as the cross-check reads it (用本页生成的报告).
#[wasm_bindgen]
pub fn generated_text(doc_json: &str, lang: &str) -> String {
    open(doc_json).map(|(d, e)| report::generate(&d, &e, lang_of(lang))).unwrap_or_default()
}

/// The report as a .docx (with its charts); empty when the document cannot be read.
#[wasm_bindgen]
pub fn docx(doc_json: &str, lang: &str) -> Vec<u8> {
    open(doc_json)
        .map(|(d, e)| {
            let r = report::build(&d, &e, lang_of(lang));
            report::docx::to_docx(&r, &chart::all(&d, &e, r.lang))
        })
        .unwrap_or_default()
}

/// The .docx's file name.
#[wasm_bindgen]
pub fn docx_name(doc_json: &str, lang: &str) -> String {
    open(doc_json).map(|(d, e)| report::docx::file_name(&report::build(&d, &e, lang_of(lang)))).unwrap_or_default()
}

/// The indicator, score and budget tables as .xlsx (导出 Excel); empty when the document cannot
/// be read.
#[wasm_bindgen]
pub fn xlsx(doc_json: &str, lang: &str) -> Vec<u8> {
    open(doc_json).map(|(d, e)| xlsx::export(&d, &e, lang_of(lang))).unwrap_or_default()
}

/// The .xlsx's file name.
#[wasm_bindgen]
pub fn xlsx_name(doc_json: &str) -> String {
    SelfEvaluation::from_json(doc_json).map(|d| xlsx::file_name(&d)).unwrap_or_default()
}

/// What a workbook would do to the open document, for the confirmation panel (both languages of
/// every line, so a language switch needs no second call).
#[derive(Serialize)]
struct Staged {
    /// `ready` (this tool's own export), `template` (a filled 自评表 read by its header words) or
    /// `refused`.
    kind: &'static str,
    /// What applying will change.
    summary: Vec<Text>,
    /// Where each field was read (`template`).
    mapping: Vec<Text>,
    /// The cells not read (`template`).
    unplaced: Vec<Text>,
    /// Every problem, by cell (`refused`).
    errors: Vec<Text>,
    /// The confirmation panel ([`html::excel_panel`]), in both languages.
    html: Text,
}

impl Staged {
    fn new(kind: &'static str, summary: Vec<Text>, mapping: Vec<Text>, unplaced: Vec<Text>, errors: Vec<Text>, file: &str) -> Staged {
        let panel = |l| html::excel_panel(kind, file, [&summary, &mapping, &unplaced, &errors], l);
        let html = Text::new(panel(Lang::Zh), panel(Lang::En));
        Staged { kind, summary, mapping, unplaced, errors, html }
    }
}

fn both(line: impl Fn(Lang) -> String) -> Text {
    Text::new(line(Lang::Zh), line(Lang::En))
}

/// Reads a workbook (named `file`, for the panel) against the open document (导入 Excel): this
/// tool's own export, else a filled template by its header words, else the problems by cell.
/// JSON of `Staged`.
#[wasm_bindgen]
pub fn xlsx_read(bytes: &[u8], doc_json: &str, file: &str) -> String {
    let doc = match SelfEvaluation::from_json(doc_json) {
        Ok(d) => d,
        Err(e) => return error_json(&e.to_string()),
    };
    let staged = match xlsx::import(bytes, &doc) {
        Ok(import) => Staged::new("ready", import.summary, vec![], vec![], vec![], file),
        Err(errors) => match workbook::read(bytes) {
            Ok(r) if !r.parts.is_empty() => Staged::new(
                "template",
                r.summary(),
                r.mapping.iter().map(|m| both(|l| m.line(l))).collect(),
                r.unplaced.iter().map(|u| both(|l| u.line(l))).collect(),
                vec![],
                file,
            ),
            _ => Staged::new("refused", vec![], vec![], vec![], errors.iter().map(|e: &CellError| both(|l| e.line(l))).collect(), file),
        },
    };
    serde_json::to_string(&staged).unwrap_or_default()
}

/// The document with the workbook applied (确认导入), read again against the document as it is
/// now: its JSON, or "" when the workbook is not readable.
#[wasm_bindgen]
pub fn xlsx_apply(bytes: &[u8], doc_json: &str) -> String {
    let Ok(doc) = SelfEvaluation::from_json(doc_json) else { return String::new() };
    match xlsx::import(bytes, &doc) {
        Ok(import) => import.apply(&doc).to_json(),
        Err(_) => match workbook::read(bytes) {
            Ok(r) if !r.parts.is_empty() => r.apply(&doc).to_json(),
            _ => String::new(),
        },
    }
}

/// The cross-check of a written report against the document (核对报告文字): JSON of
/// `crosscheck::CrossCheck`, or `{"error": Text}`.
#[wasm_bindgen]
pub fn crosscheck(text: &str, doc_json: &str) -> String {
    match open(doc_json) {
        Ok((d, e)) => serde_json::to_string(&crosscheck::analyse(text, &d, &e)).unwrap_or_default(),
        Err(why) => error_json(&why),
    }
}

/// The cross-check for the page's 核对报告文字 section: `{"findings": [Finding], "figures":
/// [[n, sentence_n]], "html": …}` (the findings for 自查结果, where each figure's sentence is,
/// and the summary and table as HTML, [`html::crosscheck`]), or `{"error": Text}`.
#[wasm_bindgen]
pub fn crosscheck_view(text: &str, doc_json: &str, lang: &str) -> String {
    match open(doc_json) {
        Ok((d, e)) => {
            let c = crosscheck::analyse(text, &d, &e);
            let figures: Vec<(usize, usize)> = c.figures.iter().map(|f| (f.n, f.sentence_n)).collect();
            serde_json::json!({ "findings": c.findings, "figures": figures, "html": html::crosscheck(&c, lang_of(lang)) }).to_string()
        }
        Err(why) => error_json(&why),
    }
}

/// A Word report (.docx) as the text the cross-check reads: `{"text": "…"}`, or `{"error": Text}`
/// saying why it cannot be read.
#[wasm_bindgen]
pub fn docx_text(bytes: &[u8]) -> String {
    match report_docx::read(bytes) {
        Ok(r) => serde_json::json!({ "text": report_docx::flatten(&r).text }).to_string(),
        Err(why) => serde_json::json!({ "error": why }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> String {
        include_str!("../../../examples/guangzhou-ftu-2021.json").to_string()
    }

    #[test]
    fn report_and_charts_of_the_seed() {
        let v: serde_json::Value = serde_json::from_str(&report(&seed(), "zh")).unwrap();
        assert!(v["doc"].as_str().unwrap().contains("35,408.62"));
        assert!(v["doc"].as_str().unwrap().starts_with("<h3 class=\"report-title\">"));
        assert_eq!(v["charts"].as_str().unwrap().matches("<figure class=\"chart\"").count(), 3);
        assert!(report_text(&seed(), "en").contains("35,408.62"));
        assert!(report(" not json", "zh").contains("\"error\""));
    }

    #[test]
    fn files_round_trip() {
        let d = docx(&seed(), "zh");
        assert!(d.starts_with(b"PK"));
        assert!(docx_name(&seed(), "zh").ends_with(".docx"));
        let x = xlsx(&seed(), "zh");
        assert!(x.starts_with(b"PK"));
        assert!(xlsx_name(&seed()).ends_with(".xlsx"));
        let staged: serde_json::Value = serde_json::from_str(&xlsx_read(&x, &seed(), "t.xlsx")).unwrap();
        assert_eq!(staged["kind"], "ready");
        assert!(!xlsx_apply(&x, &seed()).is_empty());
        let refused: serde_json::Value = serde_json::from_str(&xlsx_read(b"not a workbook", &seed(), "<b>.xlsx")).unwrap();
        assert_eq!(refused["kind"], "refused");
        assert!(refused["html"]["zh"].as_str().unwrap().contains("无法导入“&lt;b&gt;.xlsx”"));
        assert_eq!(xlsx_apply(b"not a workbook", &seed()), "");
        let text: serde_json::Value = serde_json::from_str(&docx_text(&d)).unwrap();
        assert!(text["text"].as_str().unwrap().contains("35,408.62"));
        let bad: serde_json::Value = serde_json::from_str(&docx_text(b"plain")).unwrap();
        assert!(bad["error"]["zh"].is_string());
    }

    #[test]
    fn crosscheck_of_the_generated_text() {
        let text = generated_text(&seed(), "zh");
        let cc: crosscheck::CrossCheck = serde_json::from_str(&crosscheck(&text, &seed())).unwrap();
        assert!(!cc.figures.is_empty());
        let v: serde_json::Value = serde_json::from_str(&crosscheck_view("总预算 1.00 万元。", &seed(), "zh")).unwrap();
        assert!(v["html"].as_str().unwrap().contains("id=\"cc-fig-1\""));
        assert_eq!(v["figures"][0][0], 1);
    }
}

/// The reviewer's desk (审核): checks many files together (a .docx paired with the submission of
/// its name, `selfcheck_core::review`). The files come as their `names` (JSON array), their
/// `lengths` (JSON array) and their bytes one after the other in `data`; `failed` (JSON array of
/// `[name, Text]`) names the files the browser could not read. JSON of `[review::opened::Entry]`,
/// in the table's order, or `{"error": Text}`.
#[wasm_bindgen]
pub fn review(names: &str, lengths: &str, data: &[u8], failed: &str) -> String {
    use selfcheck_core::review::{self, opened::Entry, Submission};
    let (Ok(names), Ok(lengths), Ok(failed)) = (
        serde_json::from_str::<Vec<String>>(names),
        serde_json::from_str::<Vec<usize>>(lengths),
        serde_json::from_str::<Vec<(String, Text)>>(failed),
    ) else {
        return error_json("review: bad arguments");
    };
    let mut subs = Vec::with_capacity(names.len() + failed.len());
    let mut at = 0usize;
    for (name, len) in names.iter().zip(&lengths) {
        let end = at.saturating_add(*len).min(data.len());
        subs.push(Submission::new(name, &data[at..end]));
        at = end;
    }
    for (name, why) in &failed {
        subs.push(Submission::failed(name, why.clone()));
    }
    let entries: Vec<Entry> = review::review_detailed(&subs).iter().map(Entry::of).collect();
    serde_json::to_string(&entries).unwrap_or_default()
}

/// The review table's rows (JSON of `[review::Row]`, in the order shown) as an .xlsx table.
#[wasm_bindgen]
pub fn review_xlsx(rows: &str, lang: &str) -> Vec<u8> {
    let rows: Vec<selfcheck_core::review::Row> = serde_json::from_str(rows).unwrap_or_default();
    selfcheck_core::review::xlsx::to_xlsx(&rows, lang_of(lang))
}
