//! The reviewer's desk: the submissions a finance bureau receives (self-evaluation JSON files,
//! filled 自评表 workbooks, Word reports) → one table, a row per submission.
//!
//! Policy:
//! - Every submission is a row; nothing is dropped. A file that cannot be read (not UTF-8, not
//!   JSON, an old .xls, a rubric, a workbook without a known table, bytes the caller could not
//!   get) is a row carrying the reason in both languages ([`Row::unread`]).
//! - A `.docx` is the unit's written report: it is paired with the submission of the same stem
//!   (`单位A.docx` with `单位A.xlsx` or `单位A.json`, [`pair`]), named in that row
//!   ([`Row::reports`]) and its text cross-checked against that submission's computed figures
//!   ([`crate::report_docx::analyse`]); the row counts the cross-check's errors and warnings and
//!   the reports that could not be read ([`ReportCheck`] keeps each one's findings or reason).
//!   A report with no submission of its stem is a row of its own that says so.
//! - Every other file is read by what its bytes are (`import::sniff`), not by its extension: an
//!   .xlsx package through [`crate::workbook::read`], anything else through
//!   [`crate::document::import::read_json`]. Each file is parsed once and evaluated once.
//! - The order: rows that could not be read first, then by errors (most first), then by unit,
//!   then by file name, so the same files give the same table in any order.

pub mod opened;
pub mod pair;
pub mod table;
pub mod xlsx;

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::evaluate::{evaluate, Evaluation};
use crate::check::finding::Severity;
use crate::check::grade::Grade;
use crate::document::format::SelfEvaluation;
use crate::document::import::{self, Expect, Imported, Sniffed};
use crate::report_docx::{self, DocxCheck};
use crate::text::lang::Text;

pub use pair::{is_report, pair, split_name, Group, Pairing};

/// One file handed in: its name (no directory) and its bytes, or why the caller could not get
/// them (a file the system would not read; the row says so).
#[derive(Clone, Debug, PartialEq)]
pub struct Submission<'a> {
    /// The file name, e.g. `单位A.xlsx`.
    pub name: &'a str,
    /// The file's bytes, or why there are none.
    pub bytes: Result<&'a [u8], Text>,
}

impl<'a> Submission<'a> {
    /// A file and its bytes.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Submission<'a> {
        Submission { name, bytes: Ok(bytes) }
    }

    /// A file whose bytes could not be had, and why.
    pub fn failed(name: &'a str, why: Text) -> Submission<'a> {
        Submission { name, bytes: Err(why) }
    }
}

/// The first error finding of a submission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstError {
    /// Its catalogue rule.
    pub rule: String,
    /// The field it concerns.
    pub path: String,
    /// Its message.
    pub message: crate::check::finding::Message,
}

/// One row of the review table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Row {
    /// The submission's file name.
    pub file: String,
    /// The Word reports (.docx) of the same stem, named here, not read.
    pub reports: Vec<String>,
    /// 单位名称 as written.
    pub unit: String,
    /// 年度 as written.
    pub year: String,
    /// 自评总分 as written (trimmed).
    pub stated_total: String,
    /// The total computed from the figures, when every part has a score.
    pub computed_total: Option<Decimal>,
    /// 评价等级 as written (trimmed).
    pub stated_grade: String,
    /// The grade of the computed total.
    pub grade: Option<Grade>,
    /// Error findings (0 when the file was not read).
    pub errors: usize,
    /// Warning findings (0 when the file was not read).
    pub warnings: usize,
    /// The first error finding.
    pub first_error: Option<FirstError>,
    /// For a workbook: the cells not placed (`selfcheck import FILE` lists each).
    pub unplaced: usize,
    /// Why the file could not be read; `None` when it was read and checked.
    pub unread: Option<Text>,
    /// Error findings of the cross-check of the paired reports' text.
    #[serde(default)]
    pub report_errors: usize,
    /// Warning findings of that cross-check.
    #[serde(default)]
    pub report_warnings: usize,
    /// Paired reports that could not be read (each one's reason is in [`ReportCheck`]).
    #[serde(default)]
    pub reports_unread: usize,
}

impl Row {
    /// A row for a file that could not be read.
    pub fn unreadable(file: &str, why: Text) -> Row {
        Row { file: file.to_string(), unread: Some(why), ..Row::default() }
    }

    /// True when the reviewer must act: the file has error findings or could not be read, or its
    /// report states a figure the data contradict or could not be read.
    pub fn has_problem(&self) -> bool {
        self.errors > 0 || self.unread.is_some() || self.report_errors > 0 || self.reports_unread > 0
    }
}

/// A submission's document and its evaluation, kept for the page to open it without reading it
/// again.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The self-evaluation read.
    pub document: SelfEvaluation,
    /// Its evaluation (findings, figures).
    pub evaluation: Evaluation,
}

/// A paired Word report: its cross-check, or why it was not checked.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportCheck {
    /// The report's file name.
    pub file: String,
    /// The cross-check of its text, or why the report could not be read.
    pub result: Result<Box<DocxCheck>, Text>,
}

/// A row with what it was computed from (`None` when the file was not read).
#[derive(Clone, Debug, PartialEq)]
pub struct Reviewed {
    /// The table row.
    pub row: Row,
    /// The document and its evaluation.
    pub checked: Option<Box<Checked>>,
    /// Its paired reports, by name (not checked when the submission could not be read).
    pub reports: Vec<ReportCheck>,
}

/// The order of the table: unreadable first, then most errors first, then by unit, then by file.
pub fn order(a: &Row, b: &Row) -> Ordering {
    b.unread
        .is_some()
        .cmp(&a.unread.is_some())
        .then(b.errors.cmp(&a.errors))
        .then_with(|| a.unit.cmp(&b.unit))
        .then_with(|| a.file.cmp(&b.file))
}

/// True when no row has a problem ([`Row::has_problem`]): the CLI's exit 0.
pub fn all_clear(rows: &[Row]) -> bool {
    !rows.iter().any(Row::has_problem)
}

/// Reads one submission's bytes: the document and the count of workbook cells not placed. A
/// refusal's message is kept as it is: a JSON or UTF-8 error already names its line and column.
fn read(bytes: &[u8]) -> Result<(SelfEvaluation, usize), Text> {
    // A ZIP whose first entries do not name `xl/` may still be a workbook: the reader says.
    if matches!(import::sniff(bytes), Sniffed::Xlsx | Sniffed::Zip) {
        let r = crate::workbook::read(bytes)?;
        return Ok((r.document, r.unplaced.len()));
    }
    match import::read_json(bytes, Expect::Document).map_err(|e| e.message)? {
        Imported::Document(d) => Ok((*d, 0)),
        Imported::Rubric(_) => Err(Text::new(
            "这是评分标准文件，不是自评文件：审核只读取单位提交的自评文件和自评表",
            "this is a rubric file, not a self-evaluation: the review reads the units' self-evaluations and filled workbooks",
        )),
    }
}

/// Checks one submission (not a report): its row and, when it was read, what the row came from.
pub fn check(s: &Submission<'_>) -> Reviewed {
    let read = s.bytes.clone().and_then(read);
    let (document, unplaced) = match read {
        Ok(x) => x,
        Err(why) => return Reviewed { row: Row::unreadable(s.name, why), checked: None, reports: Vec::new() },
    };
    let evaluation = evaluate(&document);
    let (errors, warnings, _) = evaluation.counts();
    let first_error = evaluation.findings.iter().find(|f| f.severity == Severity::Error).map(|f| FirstError {
        rule: f.rule.clone(),
        path: f.path.clone(),
        message: f.message.clone(),
    });
    let row = Row {
        file: s.name.to_string(),
        reports: Vec::new(),
        unit: document.unit.name.clone(),
        year: document.unit.year.clone(),
        stated_total: document.stated.total.trim().to_string(),
        computed_total: evaluation.scores.total,
        stated_grade: document.stated.grade.trim().to_string(),
        grade: evaluation.scores.grade,
        errors,
        warnings,
        first_error,
        unplaced,
        unread: None,
        ..Row::default()
    };
    Reviewed { row, checked: Some(Box::new(Checked { document, evaluation })), reports: Vec::new() }
}

/// Checks a submission and cross-checks each of its reports against its figures; the row names
/// the reports and counts what their cross-check found.
pub fn check_group(g: &Group<'_, '_>) -> Reviewed {
    let mut r = check(g.submission);
    r.row.reports = g.reports.iter().map(|s| s.name.to_string()).collect();
    let Some(c) = r.checked.as_deref() else { return r };
    for s in &g.reports {
        let result = s.bytes.clone().and_then(|b| report_docx::analyse(b, &c.document, &c.evaluation).map(Box::new));
        match &result {
            Ok(x) => {
                let (e, w, _) = crate::check::finding::counts(&x.cross.findings);
                r.row.report_errors += e;
                r.row.report_warnings += w;
            }
            Err(_) => r.row.reports_unread += 1,
        }
        r.reports.push(ReportCheck { file: s.name.to_string(), result });
    }
    r
}

fn orphan(name: &str) -> Text {
    let (stem, _) = split_name(name);
    Text::new(
        format!("Word 报告：没有同名的自评文件（{stem}.json）或自评表（{stem}.xlsx）与之配对，未核对"),
        format!("a Word report with no self-evaluation ({stem}.json) or filled workbook ({stem}.xlsx) of the same name: not checked"),
    )
}

/// Every submission checked, reports paired and cross-checked, in the table's [`order`], with
/// each document, evaluation and report check kept (the page's 审核 view opens a submission from
/// these).
pub fn review_detailed(files: &[Submission<'_>]) -> Vec<Reviewed> {
    let p = pair(files);
    let checked = p.groups.iter().map(check_group).collect();
    assemble(checked, &p.orphans)
}

/// The table from the [`check_group`] of every group of a [`pair`]ing (any order) and its
/// orphan reports: a row for each orphan that says it has no submission, then all sorted in
/// [`order`]. [`review_detailed`] in one call; a caller with threads (the CLI) checks the groups
/// in parallel and assembles here.
pub fn assemble(mut checked: Vec<Reviewed>, orphans: &[&Submission<'_>]) -> Vec<Reviewed> {
    checked.extend(orphans.iter().map(|s| Reviewed { row: Row::unreadable(s.name, orphan(s.name)), checked: None, reports: Vec::new() }));
    checked.sort_by(|a, b| order(&a.row, &b.row));
    checked
}

/// The review table: a row per submission, in [`order`].
pub fn review(files: &[Submission<'_>]) -> Vec<Row> {
    review_detailed(files).into_iter().map(|r| r.row).collect()
}
