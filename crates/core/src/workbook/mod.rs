//! A filled 自评表 workbook (.xlsx) read into a self-evaluation: the national 项目支出绩效自评表
//! of 财预〔2020〕10号, its 部门整体 adaptations and the "预算执行 20 + 年度目标 80" single-sheet
//! tables (docs/workbooks.md lists the layouts and the words recognised).
//!
//! Policy:
//! - Tables are found by their header words, anywhere on any visible sheet, never by fixed
//!   cells: the funds table by 年初预算数 / 全年预算数 / 全年执行数 / 执行率 / 分值 / 得分 (or
//!   预算数(A) / 执行数(B)), the indicator table by 一级指标 / 二级指标 / 三级指标 / 年度指标值 /
//!   实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施. A header may take two rows; a merged cell's
//!   value applies to every row it spans (一级/二级 merged down their indicators).
//! - Every value is kept as the officer saw it ([`grid`]: numbers stored as text stay text, a
//!   percent format shows 0.9568 as "95.68%", formulas give their cached value).
//! - Nothing is dropped silently: every non-empty cell is either placed (and the place is in
//!   [`Reading::mapping`]), recognised as layout (title, headers, notes: also in the mapping), or
//!   listed in [`Reading::unplaced`] with its address and why. Placeholder marks (—, /, 无) that
//!   sit where no field takes them are the one exception: they say "nothing here".
//! - Nothing is applied by reading: the page shows the mapping and the unplaced cells, and
//!   [`Reading::apply`] replaces the parts the workbook had in the officer's document (undo is
//!   the document kept from before).

pub mod grid;
pub mod number_format;
mod own;
mod read;

use serde::{Deserialize, Serialize};

use crate::document::format::SelfEvaluation;
use crate::text::lang::{Lang, Text};

/// What was read from a workbook, to be shown and confirmed before it is applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The self-evaluation read (the parts the workbook does not have are left at their defaults).
    pub document: SelfEvaluation,
    /// Which parts of a document the workbook had: applying replaces exactly these.
    pub parts: Vec<Part>,
    /// Where each field came from, in sheet and row order.
    pub mapping: Vec<Mapped>,
    /// The cells that could not be placed, with why.
    pub unplaced: Vec<Unplaced>,
}

/// A part of the document a workbook can supply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// 单位名称, 年度, 金额单位 (those found).
    Unit,
    /// The funds table (预算执行), its explanation rows.
    Budget,
    /// The rubric the table's weights imply.
    Rubric,
    /// The indicator tables.
    Tasks,
    /// The stated execution score, total and grade.
    Stated,
    /// 年度总体目标 (预期目标 → `goal`, 实际完成情况 → `achievements`).
    Narrative,
}

/// One mapping found: a column of a table to a field, or rows to a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapped {
    /// The sheet's tab name.
    pub sheet: String,
    /// The column letters ("" when the entry is about whole rows).
    pub column: String,
    /// First and last row (1-based).
    pub rows: (u32, u32),
    /// What they were read as.
    pub what: Text,
}

impl Mapped {
    /// `自评表 C 列（第 5–8 行）→ 全年预算数` / `自评表 column C (rows 5–8) → adjusted budget`.
    pub fn line(&self, lang: Lang) -> String {
        let rows = |zh: bool| {
            let (a, b) = self.rows;
            match (zh, a == b) {
                (true, true) => format!("第 {a} 行"),
                (true, false) => format!("第 {a}–{b} 行"),
                (false, true) => format!("row {a}"),
                (false, false) => format!("rows {a}–{b}"),
            }
        };
        match (lang, self.column.is_empty()) {
            (Lang::Zh, true) => format!("{} {} → {}", self.sheet, rows(true), self.what.zh),
            (Lang::Zh, false) => format!("{} {} 列（{}）→ {}", self.sheet, self.column, rows(true), self.what.zh),
            (_, true) => format!("{} {} → {}", self.sheet, rows(false), self.what.en),
            (_, false) => format!("{} column {} ({}) → {}", self.sheet, self.column, rows(false), self.what.en),
        }
    }
}

/// A cell that could not be placed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    /// `Sheet1!C12`.
    pub at: String,
    /// The cell's text as shown (or its formula, when it has no cached value).
    pub text: String,
    /// Why it was not placed.
    pub reason: Text,
}

impl Unplaced {
    /// `Sheet1!C12：“text”（reason）` / `Sheet1!C12: "text" (reason)`.
    pub fn line(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}：“{}”（{}）", self.at, self.text, self.reason.zh),
            _ => format!("{}: \"{}\" ({})", self.at, self.text, self.reason.en),
        }
    }
}

pub use crate::document::import::old_office;

/// Reads a filled self-evaluation workbook. `Err` when the bytes are not an .xlsx (an old .xls
/// is told how to save as .xlsx), the package is malformed, or no table of a known layout is on
/// any sheet.
pub fn read(bytes: &[u8]) -> Result<Reading, Text> {
    if let Some(m) = crate::office::xlsx::not_a_workbook(bytes) {
        return Err(m);
    }
    let book = grid::read(bytes)?;
    if own::is_own_export(&book) {
        return own::reading(bytes, &book);
    }
    read::reading(&book)
}

impl Reading {
    /// The officer's document with the parts the workbook had replaced by what was read; every
    /// other field (and every part the workbook did not have) kept. Ids are repaired.
    pub fn apply(&self, current: &SelfEvaluation) -> SelfEvaluation {
        let mut d = current.clone();
        let r = &self.document;
        for p in &self.parts {
            match p {
                Part::Unit => {
                    for (to, from) in
                        [(&mut d.unit.name, &r.unit.name), (&mut d.unit.year, &r.unit.year), (&mut d.unit.amount_unit, &r.unit.amount_unit)]
                    {
                        if !from.trim().is_empty() {
                            *to = from.clone();
                        }
                    }
                }
                Part::Budget => d.budget = r.budget.clone(),
                Part::Rubric => d.rubric = r.rubric.clone(),
                Part::Tasks => d.tasks = r.tasks.clone(),
                Part::Stated => d.stated = r.stated.clone(),
                Part::Narrative => {
                    for (k, v) in &r.narrative {
                        d.narrative.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        crate::document::ids::repair(&mut d);
        d
    }

    /// What applying will do, in words (one line per part).
    pub fn summary(&self) -> Vec<Text> {
        let d = &self.document;
        let n: usize = d.tasks.iter().map(|t| t.indicators.len()).sum();
        self.parts
            .iter()
            .map(|p| match p {
                Part::Unit => Text::new(
                    format!("单位“{}”，年度“{}”", d.unit.name, d.unit.year),
                    format!("unit '{}', year '{}'", d.unit.name, d.unit.year),
                ),
                Part::Budget => Text::new(
                    format!("替换预算执行表：合计及 {} 行", d.budget.rows.len()),
                    format!("replace the budget table: the total and {} rows", d.budget.rows.len()),
                ),
                Part::Rubric => match &d.rubric.inline {
                    Some(r) => Text::new(format!("评分结构：{}（表内分值）", r.name), format!("rubric: {} (the table's weights)", r.name)),
                    None => Text::new(format!("评分结构：{}", d.rubric.preset), format!("rubric: {}", d.rubric.preset)),
                },
                Part::Tasks => Text::new(
                    format!("替换全部重点工作任务和绩效指标：{} 项任务、{n} 个指标", d.tasks.len()),
                    format!("replace every task and indicator: {} tasks, {n} indicators", d.tasks.len()),
                ),
                Part::Stated => {
                    // What the workbook states, and only that: item scores, a total, a grade.
                    let items = d.stated.scores.values().filter(|s| !s.score.trim().is_empty()).count();
                    let (total, grade) = (d.stated.total.trim(), d.stated.grade.trim());
                    let mut zh = vec![];
                    let mut en = vec![];
                    if items > 0 {
                        zh.push(format!("{items} 项得分"));
                        en.push(format!("{items} item scores"));
                    }
                    if !total.is_empty() {
                        zh.push(format!("总分“{total}”"));
                        en.push(format!("total '{total}'"));
                    }
                    if !grade.is_empty() {
                        zh.push(format!("等级“{grade}”"));
                        en.push(format!("grade '{grade}'"));
                    }
                    Text::new(format!("替换自评得分：{}", zh.join("，")), format!("replace the stated scores: {}", en.join(", ")))
                }
                Part::Narrative => Text::new("年度总体目标（预期目标、实际完成情况）", "the year's overall goal (expected, achieved)"),
            })
            .collect()
    }
}
