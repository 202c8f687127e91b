//! Layout recognition: header rows by their words, tables below them, labelled cells around
//! them, everything else listed (see the module policy in `../mod.rs`). The header words are in
//! [`headers`], the readers of the two tables in [`funds`] and [`indicators`], the cells with a
//! label beside them (unit, year, totals, the narrative) in [`labelled`].

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::grid::{address, Book, Sheet};
use super::{Mapped, Part, Reading, Unplaced};
use crate::check::rubric::{Method, Node, Rubric};
use crate::document::format::{BudgetRow, Indicator, RubricChoice, SelfEvaluation, StatedScore, Task};
use crate::document::schema;
use crate::office::xlsx::sheet::col_name;
use crate::text::lang::Text;
use crate::text::number::{self, Kind};
use crate::text::words;

mod checklist;
mod funds;
mod headers;
mod indicators;
mod labelled;
#[cfg(test)]
mod tests;

use checklist::*;
use funds::*;
use headers::*;
use indicators::*;
use labelled::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind2 {
    Funds,
    Indicators,
    /// A checklist-style rubric (分值 / 评分标准 / 得分 per item).
    Checklist,
}

#[derive(Clone, Debug)]
struct TableAt {
    kind: Kind2,
    top: u32,
    bottom: u32,
    cols: BTreeMap<&'static str, usize>,
    /// Header cells not recognised: column → text.
    others: BTreeMap<usize, String>,
    /// Every 分值 column of a checklist, left to right (one per level that has a weight).
    weights: Vec<usize>,
}

pub(super) fn starts_note(v: &str) -> bool {
    let t = v.trim_start();
    ["填表说明", "填报说明", "备注", "说明：", "说明:", "注：", "注:", "注1", "注 ："].iter().any(|w| t.starts_with(w))
}

pub(super) const TOTAL_WORDS: &[&str] = &["总分", "自评总分", "总得分", "合计得分", "综合得分", "得分合计", "总计得分"];
pub(super) const GRADE_WORDS: &[&str] = &["评价等级", "自评等级", "等级", "绩效等级", "综合评价等级", "自评结果等级"];

/// The year a title states: 2021年度 / （2021年） / 2021 年.
pub(super) fn year_in(v: &str) -> Option<String> {
    let c: Vec<char> = v.chars().collect();
    for i in 0..c.len().saturating_sub(4) {
        if c[i..i + 4].iter().all(|d| d.is_ascii_digit()) && (i == 0 || !c[i - 1].is_ascii_digit()) {
            let rest: String = c[i + 4..].iter().collect();
            if rest.trim_start().starts_with('年') {
                let y: String = c[i..i + 4].iter().collect();
                if y.starts_with("19") || y.starts_with("20") {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// Points named in a header or title: "得分（20分*执行率）" → 20, "年度目标（80分）" → 80.
pub(super) fn points_in(v: &str) -> Option<String> {
    let c: Vec<char> = v.chars().collect();
    c.iter().enumerate().filter(|(_, &x)| x == '分').find_map(|(at, _)| {
        let mut i = at;
        while i > 0 && (c[i - 1].is_ascii_digit() || c[i - 1] == '.') {
            i -= 1;
        }
        (i < at).then(|| c[i..at].iter().collect())
    })
}

struct Ctx<'a> {
    s: &'a Sheet,
    used: BTreeSet<(u32, usize)>,
    mapping: Vec<Mapped>,
    unplaced: Vec<Unplaced>,
}

impl Ctx<'_> {
    fn map_col(&mut self, col: usize, rows: (u32, u32), what: Text) {
        self.mapping.push(Mapped { sheet: self.s.name.clone(), column: col_name(col), rows, what });
    }
    fn map_rows(&mut self, rows: (u32, u32), what: Text) {
        self.mapping.push(Mapped { sheet: self.s.name.clone(), column: String::new(), rows, what });
    }
    fn unplace(&mut self, r: u32, c: usize, reason: Text) {
        let text = self.s.own(r, c).to_string();
        if self.used.insert((r, c)) {
            self.unplaced.push(Unplaced { at: address(&self.s.name, r, c), text, reason });
        }
    }
    /// Marks a cell (or its merge's anchor) as read and returns its value.
    fn take(&mut self, r: u32, c: usize) -> String {
        let at = self.s.anchor(r, c).filter(|a| a.1 == c).unwrap_or((r, c));
        let v = self.s.own(at.0, at.1).to_string();
        if !v.is_empty() {
            self.used.insert(at);
        }
        v
    }
    /// The nearest non-empty value right of (r, c) in the row, with its column.
    fn right_of(&self, r: u32, c: usize) -> Option<(usize, String)> {
        self.s.row(r).into_iter().find(|(x, v)| *x > c && !v.trim().is_empty()).map(|(x, v)| (x, v.to_string()))
    }
}

/// What the whole workbook gave, gathered across sheets.
#[derive(Default)]
struct Acc {
    doc: SelfEvaluation,
    parts: BTreeSet<Part>,
    exec_weight: Option<String>,
    exec_score: Option<String>,
    /// 年度目标 (80分) … → the next table's task name.
    pending_task: Option<String>,
    project: Option<String>,
    /// Indicator rows with their 一级 text, for the rubric nodes.
    levels: Vec<String>,
    funds_done: bool,
    /// The rubric of checklist tables (评分标准), which replaces the implied one.
    checklist: Option<Rubric>,
}

pub(super) fn reading(book: &Book) -> Result<Reading, Text> {
    let mut acc = Acc::default();
    let mut mapping = Vec::new();
    let mut unplaced = Vec::new();
    let mut any_table = false;
    for s in &book.sheets {
        if s.hidden {
            if !s.cells.is_empty() {
                mapping.push(Mapped {
                    sheet: s.name.clone(),
                    column: String::new(),
                    rows: (1, s.last_row()),
                    what: Text::new(
                        format!("隐藏的工作表：未读取（{} 个单元格）", s.cells.len()),
                        format!("a hidden sheet: not read ({} cells)", s.cells.len()),
                    ),
                });
            }
            continue;
        }
        let mut cx = Ctx { s, used: BTreeSet::new(), mapping: Vec::new(), unplaced: Vec::new() };
        let tables = find_tables(s);
        any_table |= !tables.is_empty();
        // Notes (填表说明, 备注, 注：…): each block from its first row over the rows right below
        // (1. … 2. … 3. …) up to an empty row or a table; anything after a gap is read (or
        // listed) like any other cell.
        let mut starts: Vec<u32> = s
            .cells
            .iter()
            .filter(|(&(r, c), cell)| {
                // A notes row starts at its first cell (说明： and 注： alone in their row), so a
                // reason that begins with 说明： inside a table is not taken for notes.
                let row = s.row(r);
                let first = row.first().is_some_and(|(c0, _)| *c0 == c);
                let t = cell.text.trim_start();
                let strong = t.starts_with("填表说明") || t.starts_with("填报说明") || t.starts_with("备注");
                starts_note(&cell.text) && first && (strong || row.len() == 1) && tables.iter().all(|t| r < t.top || r > t.bottom)
            })
            .map(|(&(r, _), _)| r)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let rows = s.rows();
        let mut covered_to = 0u32;
        for &from in &starts {
            if from <= covered_to {
                continue;
            }
            let next_table = tables.iter().map(|t| t.top).filter(|&t| t > from).min().unwrap_or(u32::MAX);
            let mut to = from;
            for &r in rows.iter().filter(|&&r| r > from) {
                if r != to + 1 || r >= next_table {
                    break;
                }
                to = r;
            }
            covered_to = to;
            for (&(r, c), _) in s.cells.range((from, 0)..=(to, usize::MAX)) {
                cx.used.insert((r, c));
            }
            cx.map_rows((from, to), Text::new("填表说明 / 备注（不是数据，未读取）", "notes (填表说明 / 备注: not data, not read)"));
        }
        let limit = |t: &TableAt, next: Option<&TableAt>| {
            let mut end = next.map(|n| n.top - 1).unwrap_or(s.last_row());
            if let Some(&n) = starts.iter().find(|&&n| n > t.bottom) {
                end = end.min(n - 1);
            }
            end
        };
        // Labelled cells above the first table (title, unit, project, year) are read with the
        // rest of the labelled cells below; tables first so their cells are taken.
        for (i, t) in tables.iter().enumerate() {
            let end = limit(t, tables.get(i + 1));
            match t.kind {
                Kind2::Funds => funds(&mut cx, &mut acc, t, end),
                Kind2::Indicators => indicators(&mut cx, &mut acc, t, end),
                Kind2::Checklist => checklist(&mut cx, &mut acc, t, end),
            }
        }
        labelled(&mut cx, &mut acc, &tables);
        // Formulas without a cached value, then every cell left.
        for (&(r, c), cell) in &s.cells {
            if cell.text.is_empty() {
                if let Some(f) = &cell.formula {
                    cx.used.insert((r, c));
                    cx.unplaced.push(Unplaced {
                        at: address(&s.name, r, c),
                        text: format!("={f}"),
                        reason: Text::new(
                            "公式没有计算结果（文件由不计算公式的程序保存）：请在 Excel 或 WPS 中打开、保存后再导入",
                            "a formula without a calculated value (saved by a program that does not calculate): open and save the file in Excel or WPS, then import it again",
                        ),
                    });
                }
            }
        }
        for (&(r, c), cell) in &s.cells {
            if cx.used.contains(&(r, c)) || cell.text.trim().is_empty() || words::is_placeholder(&cell.text) {
                continue;
            }
            cx.unplace(r, c, Text::new("不在已识别的表格或栏目中", "not in a table or labelled field that was recognised"));
        }
        if s.beyond > 0 {
            cx.unplaced.push(Unplaced {
                at: s.name.clone(),
                text: String::new(),
                reason: Text::new(
                    format!("{} 个单元格在 Excel 的范围之外（第 1,048,576 行或 XFD 列之后），文件可能已损坏，未读取", s.beyond),
                    format!("{} cells lie beyond Excel's last row or column (the file may be damaged): not read", s.beyond),
                ),
            });
        }
        if s.merges_cut {
            cx.unplaced.push(Unplaced {
                at: s.name.clone(),
                text: String::new(),
                reason: Text::new(
                    format!("合并单元格过大（超过 {} 个单元格），其余部分未按合并读取", super::grid::MAX_COVERED),
                    format!("merged ranges too large (over {} cells): the rest is not read as merged", super::grid::MAX_COVERED),
                ),
            });
        }
        if tables.is_empty() && !cx.unplaced.is_empty() {
            let n = cx.unplaced.len();
            cx.map_rows(
                (1, s.last_row()),
                Text::new(
                    format!("没有识别出自评表的表格：{n} 个单元格列在“未读取”中"),
                    format!("no self-evaluation table recognised: {n} cells listed as not placed"),
                ),
            );
        }
        // In sheet order: by first row, whole rows before columns, columns left to right.
        cx.mapping.sort_by_key(|m| (m.rows.0, m.column.len(), m.column.clone()));
        mapping.extend(cx.mapping);
        let mut u = cx.unplaced;
        u.sort_by_key(|x| row_col_of(&x.at));
        unplaced.extend(u);
    }
    if !any_table {
        return Err(Text::new(
            "没有找到自评表：表头应含“年初预算数”“全年预算数”“全年执行数”“执行率”（资金表），或“一级指标”“二级指标”“三级指标”“年度指标值”“实际完成值”（绩效指标表）",
            "found no self-evaluation table: the headers should include 年初预算数 / 全年预算数 / 全年执行数 / 执行率 (funds) or 一级指标 / 二级指标 / 三级指标 / 年度指标值 / 实际完成值 (indicators)",
        ));
    }
    finish(&mut acc);
    Ok(Reading { document: acc.doc, parts: acc.parts.into_iter().collect(), mapping, unplaced })
}

/// (row, column) of an address, for sorting.
fn row_col_of(at: &str) -> (u32, usize) {
    let cell = at.rsplit('!').next().unwrap_or("");
    crate::office::xlsx::sheet::parse_ref(cell).map(|(c, r)| (r, c)).unwrap_or((0, 0))
}

/// The rubric the workbook's weights imply, and each indicator's node.
fn finish(acc: &mut Acc) {
    let d = &mut acc.doc;
    if let Some(mut rubric) = acc.checklist.take() {
        rubric.id = "table-checklist".into();
        rubric.name = "表内评分标准".into();
        rubric.source = "自评表所列分值与评分标准".into();
        rubric.format = crate::check::rubric::FORMAT.into();
        rubric.version = crate::check::rubric::VERSION;
        d.rubric = RubricChoice { preset: String::new(), inline: Some(rubric) };
    }
    let w = acc.exec_weight.clone().unwrap_or_default();
    let wd = number::parse_opt(&w, Kind::Weight).ok().flatten();
    let national = wd.is_none_or(|x| x == Decimal::TEN);
    if d.rubric.inline.is_some() {
        // The table's own rubric (a checklist): indicators, if any, are not attached to it.
    } else if national {
        d.rubric = RubricChoice { preset: "national-2020".into(), inline: None };
        for (ind, l1) in d.tasks.iter_mut().flat_map(|t| t.indicators.iter_mut()).zip(acc.levels.iter()) {
            let top = norm(l1);
            let cat = ind.category.split('-').next().unwrap_or("").to_string();
            ind.node = if top.starts_with("产出") || cat == "产出" {
                "output"
            } else if top.starts_with("效益") || cat == "效益" {
                "outcome"
            } else if top.contains("满意度") || cat == "满意度" {
                "satisfaction"
            } else {
                ""
            }
            .to_string();
        }
    } else if let Some(wd) = wd {
        let rest = (Decimal::ONE_HUNDRED - wd).normalize();
        let name = format!("预算执行{}分 + 年度绩效目标{rest}分（表内评分结构）", wd.normalize());
        d.rubric = RubricChoice {
            preset: String::new(),
            inline: Some(Rubric {
                id: format!("table-{}-{rest}", wd.normalize()),
                name,
                source: "自评表所列分值".into(),
                nodes: vec![
                    Node {
                        id: "execution".into(),
                        name: "预算执行情况".into(),
                        weight: w.trim().to_string(),
                        method: Method::ExecutionRate { row: "total".into() },
                        ..Default::default()
                    },
                    Node {
                        id: "goals".into(),
                        name: "年度绩效目标".into(),
                        weight: rest.to_string(),
                        method: Method::Indicators { fallback_to: String::new() },
                        ..Default::default()
                    },
                ],
                ..Default::default()
            }),
        };
        for ind in d.tasks.iter_mut().flat_map(|t| t.indicators.iter_mut()) {
            ind.node = "goals".into();
        }
    }
    acc.parts.insert(Part::Rubric);
    if acc.exec_score.is_some() || !d.stated.total.is_empty() || !d.stated.grade.is_empty() {
        acc.parts.insert(Part::Stated);
    }
    if let Some(sc) = acc.exec_score.clone() {
        d.stated.scores.insert("execution".into(), StatedScore { score: sc, ..Default::default() });
    }
    if d.tasks.len() == 1 && d.tasks[0].name.is_empty() {
        if let Some(p) = &acc.project {
            d.tasks[0].name = p.clone();
        }
    }
}
