//! Excel exchange of the indicator table (绩效指标), the score table (评分) and the budget
//! table (预算执行, in [`budget`]).
//!
//! Policy:
//! - Export lays the two tables out like the self-evaluation tables officers know: a title row,
//!   one header row (frozen), one row per indicator or rubric item, the unit's entries as typed
//!   (numbers as numbers when they are plain decimals, anything else as the text entered, so
//!   nothing is reformatted), computed columns (完成率, 计算得分, 计算等级) filled and shaded, widths
//!   set, landscape A4. Stable ids travel in their own columns so an import puts every value back
//!   where it came from.
//! - Import finds each table by its sheet name (绩效指标/Indicators, 评分/Scores) or by its header
//!   row (anywhere in the first 10 rows; columns in any order; headers in Chinese or English),
//!   validates every cell, and either returns every problem — each naming the sheet, row and
//!   column (`绩效指标!J7`) — or an [`Import`] the caller shows and confirms. Nothing is applied
//!   until [`Import::apply`] is called, and then all of it is: never half an import. Computed
//!   columns are ignored on import (they are recomputed).

pub mod budget;
pub mod sheet;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::core::check::evaluate::{rubric_of, Evaluation};
use crate::core::check::grade::Grade;
use crate::core::check::indicator::tier_of;
use crate::core::document::format::{direction, Adjustment, Budget, Indicator, SelfEvaluation, StatedScore, Task, CATEGORIES};
use crate::core::text::lang::{Lang, Text};
use crate::core::text::number::{is_blank, parse_opt, Kind};
use sheet::{col_name, read_workbook, write_workbook, Cell, SheetIn, SheetOut, Style};

/// The MIME type of an .xlsx download.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Indicator-table columns: (key, zh header, en header, width).
pub const INDICATOR_COLUMNS: &[(&str, &str, &str, f32)] = &[
    ("task_id", "任务编号", "Task id", 12.0),
    ("task", "重点工作任务", "Key task", 24.0),
    ("id", "指标编号", "Indicator id", 12.0),
    ("level1", "一级指标", "Level 1", 10.0),
    ("level2", "二级指标", "Level 2", 10.0),
    ("name", "三级指标（指标名称）", "Indicator", 28.0),
    ("direction", "指标方向", "Direction", 8.0),
    ("unit", "计量单位", "Unit", 8.0),
    ("target", "年度指标值", "Target", 11.0),
    ("actual", "实际完成值", "Actual", 11.0),
    ("weight", "分值", "Weight", 7.0),
    ("stated_score", "自评得分", "Stated score", 9.0),
    ("completion", "完成率（计算）", "Completion (computed)", 10.0),
    ("score", "计算得分（计算）", "Score (computed)", 10.0),
    ("scoring", "计分方式", "Scoring", 9.0),
    ("deduct_per_unit", "每单位扣分", "Points per unit", 9.0),
    ("node", "归属评分项", "Rubric item", 10.0),
    ("reason", "偏差原因", "Reason for shortfall", 30.0),
    ("measure", "改进措施", "Measure", 30.0),
    ("previous", "上年实际完成值", "Last year's actual", 11.0),
];

/// Score-table columns: (key, zh header, en header, width).
pub const SCORE_COLUMNS: &[(&str, &str, &str, f32)] = &[
    ("id", "评分项编号", "Item id", 14.0),
    ("level1", "一级指标", "Level 1", 16.0),
    ("level2", "二级指标", "Level 2", 16.0),
    ("weight", "分值", "Weight", 8.0),
    ("computed", "计算得分（计算）", "Computed score", 10.0),
    ("score", "自评得分", "Stated score", 10.0),
    ("computed_grade", "计算等级（计算）", "Computed grade", 9.0),
    ("grade", "自评等级", "Stated grade", 9.0),
    ("reason", "偏差原因", "Reason", 36.0),
    ("measure", "改进措施", "Measure", 36.0),
];

/// More header spellings accepted on import (templates vary).
const ALIASES: &[(&str, &str)] = &[
    ("name", "指标名称"),
    ("name", "三级指标"),
    ("name", "绩效指标"),
    ("target", "指标值"),
    ("target", "目标值"),
    ("target", "年度目标值"),
    ("actual", "实际值"),
    ("actual", "完成值"),
    ("actual", "全年实际值"),
    ("weight", "权重"),
    ("stated_score", "得分"),
    ("reason", "偏差原因分析"),
    ("reason", "扣分原因"),
    // The score sheet's header before 偏差原因 was used everywhere (issue 11, item 17).
    ("reason", "扣分原因 / 说明"),
    ("measure", "改进措施及结果应用"),
    ("task", "工作任务"),
    ("level1", "一级"),
    ("level2", "二级"),
];

/// The sheet names: (indicators, scores) in zh and en.
pub const SHEETS: [(&str, &str); 2] = [("绩效指标", "Indicators"), ("评分", "Scores")];
/// Marks an adjustment row in the score table's id column: `加减分:<id>`.
pub const ADJ_PREFIX: &str = "加减分:";
/// The id of the score table's total row.
pub const TOTAL_ID: &str = "总分";

fn num_or_text(s: &str, style: Style) -> Cell {
    let t = s.trim();
    if t.is_empty() {
        return Cell::Empty(style);
    }
    // A plain decimal goes in as a number (Excel can sum it); anything else as typed.
    let plain = t.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && t.parse::<rust_decimal::Decimal>().is_ok_and(|d| d.to_string() == t);
    if plain && t == s {
        Cell::Number(t.to_string(), style)
    } else {
        Cell::Text(s.to_string(), Style::Text)
    }
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty(Style::Text)
    } else {
        Cell::Text(s.to_string(), Style::Text)
    }
}

fn header(cols: &[(&str, &str, &str, f32)], lang: Lang) -> Vec<Cell> {
    cols.iter()
        .map(|(_, zh, en, _)| {
            let h = if lang == Lang::Zh { *zh } else { *en };
            Cell::Text(h.to_string(), if zh.contains("（计算）") { Style::HeaderComputed } else { Style::Header })
        })
        .collect()
}

/// A computed percentage as a fraction styled `0.00%` (95.68 → 0.9568), blank when unknown.
fn percent(x: Option<rust_decimal::Decimal>) -> Cell {
    match x {
        Some(x) => Cell::Number((x / rust_decimal::Decimal::ONE_HUNDRED).normalize().to_string(), Style::ComputedPercent),
        None => Cell::Empty(Style::ComputedPercent),
    }
}

/// A table sheet: the title row merged across the columns, the header row frozen, widths set.
fn table_sheet(name: &str, cols: &[(&str, &str, &str, f32)], rows: Vec<Vec<Cell>>) -> SheetOut {
    let last = col_name(cols.len() - 1);
    SheetOut {
        name: name.to_string(),
        widths: cols.iter().map(|c| c.3).collect(),
        rows,
        freeze_below: 2,
        merges: vec![format!("A1:{last}1")],
    }
}

fn title(doc: &SelfEvaluation, what_zh: &str, what_en: &str, lang: Lang) -> String {
    let (u, y) = (doc.unit.name.trim(), doc.unit.year.trim());
    if lang == Lang::Zh {
        format!("{u}{}部门整体支出绩效自评表——{what_zh}", if y.is_empty() { String::new() } else { format!("{y}年度") })
    } else {
        format!("{u} {y} departmental self-evaluation — {what_en}").trim().to_string()
    }
}

/// The three sheets of the export: indicators, scores, budget.
pub fn sheets(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Vec<SheetOut> {
    let zh = lang == Lang::Zh;
    // Indicators.
    let mut rows = vec![vec![Cell::Text(title(doc, "绩效指标", "indicators", lang), Style::Title)], header(INDICATOR_COLUMNS, lang)];
    for ((t, i), r) in doc.indicators().zip(ev.indicators.iter()) {
        let (l1, l2) = CATEGORIES
            .iter()
            .find(|(id, _, _)| *id == i.category)
            .map(|(_, czh, cen)| {
                let label = if zh { *czh } else { *cen };
                let sep = if zh { '·' } else { ':' };
                match label.split_once(sep) {
                    Some((a, b)) => (a.trim().to_string(), b.trim().to_string()),
                    None => (label.to_string(), String::new()),
                }
            })
            .unwrap_or_else(|| (i.category.clone(), String::new()));
        let completion = percent(r.completion);
        let score = match (r.score, r.range) {
            (Some(s), _) => Cell::Number(s.to_string(), Style::ComputedFixed2),
            (None, Some((lo, hi))) => Cell::Text(format!("{lo}–{hi}"), Style::ComputedText),
            _ => Cell::Empty(Style::ComputedFixed2),
        };
        let scoring = match i.scoring.as_str() {
            "deduct" => {
                if zh {
                    "扣分制"
                } else {
                    "deduct"
                }
            }
            "" => "",
            other => other,
        };
        rows.push(vec![
            text(&t.id),
            text(&t.name),
            text(&i.id),
            text(&l1),
            text(&l2),
            text(&i.name),
            text(&i.direction),
            text(&i.unit),
            num_or_text(&i.target, Style::Number),
            num_or_text(&i.actual, Style::Number),
            num_or_text(&i.weight, Style::Fixed2),
            num_or_text(&i.stated_score, Style::Fixed2),
            completion,
            score,
            text(scoring),
            num_or_text(&i.deduct_per_unit, Style::Number),
            text(&i.node),
            text(&i.reason),
            text(&i.measure),
            num_or_text(&i.previous, Style::Number),
        ]);
    }
    let ind = table_sheet(if zh { SHEETS[0].0 } else { SHEETS[0].1 }, INDICATOR_COLUMNS, rows);
    // Scores.
    let mut rows = vec![vec![Cell::Text(title(doc, "评分", "scores", lang), Style::Title)], header(SCORE_COLUMNS, lang)];
    for n in &ev.scores.nodes {
        let stated = doc.stated.scores.get(&n.id);
        let name = if zh || n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
        let (l1, l2) = if n.depth <= 1 {
            (name, String::new())
        } else {
            (String::new(), format!("{}{name}", "　".repeat(n.depth.saturating_sub(2))))
        };
        rows.push(vec![
            text(&n.id),
            text(&l1),
            text(&l2),
            n.effective_weight.map(|w| Cell::Number(w.to_string(), Style::Fixed2)).unwrap_or(Cell::Empty(Style::Fixed2)),
            n.computed.map(|c| Cell::Number(c.to_string(), Style::ComputedFixed2)).unwrap_or(Cell::Empty(Style::ComputedFixed2)),
            num_or_text(stated.map(|s| s.score.as_str()).unwrap_or(""), Style::Fixed2),
            Cell::Empty(Style::ComputedText),
            Cell::Empty(Style::Text),
            text(stated.map(|s| s.reason.as_str()).unwrap_or("")),
            text(stated.map(|s| s.measure.as_str()).unwrap_or("")),
        ]);
    }
    for a in &doc.stated.adjustments {
        rows.push(vec![
            text(&format!("{ADJ_PREFIX}{}", a.id)),
            text(if zh { "其他加减分项" } else { "Adjustment" }),
            Cell::Empty(Style::Text),
            Cell::Empty(Style::Fixed2),
            Cell::Empty(Style::ComputedFixed2),
            num_or_text(&a.points, Style::Fixed2),
            Cell::Empty(Style::ComputedText),
            Cell::Empty(Style::Text),
            text(&a.reason),
            Cell::Empty(Style::Text),
        ]);
    }
    let full: rust_decimal::Decimal = ev.scores.nodes.iter().filter(|n| n.depth == 1).filter_map(|n| n.effective_weight).sum();
    rows.push(vec![
        text(TOTAL_ID),
        text(if zh { "总分" } else { "Total" }),
        Cell::Empty(Style::Text),
        Cell::Number(full.to_string(), Style::Fixed2),
        ev.scores.total.map(|t| Cell::Number(t.to_string(), Style::ComputedFixed2)).unwrap_or(Cell::Empty(Style::ComputedFixed2)),
        num_or_text(&doc.stated.total, Style::Fixed2),
        ev.scores
            .grade
            .map(|g| Cell::Text(g.label().get(lang).to_string(), Style::ComputedText))
            .unwrap_or(Cell::Empty(Style::ComputedText)),
        text(&doc.stated.grade),
        Cell::Empty(Style::Text),
        Cell::Empty(Style::Text),
    ]);
    let sc = table_sheet(if zh { SHEETS[1].0 } else { SHEETS[1].1 }, SCORE_COLUMNS, rows);
    vec![ind, sc, budget::sheet(doc, ev, lang)]
}

/// The indicator, score and budget tables as .xlsx bytes (deterministic).
pub fn export(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Vec<u8> {
    write_workbook(&sheets(doc, ev, lang))
}

/// One problem of an imported sheet, at a cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellError {
    /// The sheet's tab name ("" when the problem is the workbook itself).
    pub sheet: String,
    /// 1-based row (0 when not about a row).
    pub row: u32,
    /// Column letters ("" when not about a column).
    pub column: String,
    /// The column's header.
    pub header: String,
    /// What is wrong.
    pub message: Text,
}

impl CellError {
    /// `绩效指标!J7（实际完成值）：…` / `Indicators!J7 (Actual): …`.
    pub fn line(&self, lang: Lang) -> String {
        if self.sheet.is_empty() && self.row == 0 {
            // A problem of the whole file: its message alone, never "：message".
            return self.message.get(lang).to_string();
        }
        let at = match (self.row, self.column.is_empty()) {
            (0, _) => self.sheet.clone(),
            (r, true) => format!("{}!{r}", self.sheet),
            (r, false) => format!("{}!{}{r}", self.sheet, self.column),
        };
        let h = if self.header.is_empty() {
            String::new()
        } else if lang == Lang::Zh {
            format!("（{}）", self.header)
        } else {
            format!(" ({})", self.header)
        };
        format!("{at}{h}{}{}", if lang == Lang::Zh { "：" } else { ": " }, self.message.get(lang))
    }
}

/// A validated import, to be shown and confirmed before [`Import::apply`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// The tasks with their indicators, when the workbook has the indicator table.
    pub tasks: Option<Vec<Task>>,
    /// The stated scores, adjustments, total and grade, when it has the score table.
    pub scores: Option<ImportedScores>,
    /// The budget table (合计, rows, overall explanation), when it has the budget table.
    #[serde(default)]
    pub budget: Option<Budget>,
    /// What applying will change, in words.
    pub summary: Vec<Text>,
}

/// The score table's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedScores {
    /// Stated score per rubric node id.
    pub scores: BTreeMap<String, StatedScore>,
    /// 其他加减分项.
    pub adjustments: Vec<Adjustment>,
    /// 自评总分.
    pub total: String,
    /// 自评等级.
    pub grade: String,
}

impl Import {
    /// The document with the import applied: the indicator table replaces every task, the score
    /// table replaces the stated scores, adjustments, total and grade, the budget table replaces
    /// the budget table; nothing else changes. Rows added in the sheet without an id get one.
    pub fn apply(&self, doc: &SelfEvaluation) -> SelfEvaluation {
        let mut d = doc.clone();
        if let Some(b) = &self.budget {
            d.budget = b.clone();
            crate::core::document::ids::repair(&mut d);
        }
        if let Some(t) = &self.tasks {
            d.tasks = t.clone();
        }
        if let Some(s) = &self.scores {
            d.stated.scores = s.scores.clone();
            d.stated.adjustments = s.adjustments.clone();
            d.stated.total = s.total.clone();
            d.stated.grade = s.grade.clone();
        }
        d
    }
}

struct Table<'a> {
    sheet: &'a SheetIn,
    header_row: u32,
    cols: BTreeMap<&'static str, usize>,
    headers: BTreeMap<usize, String>,
}

impl<'a> Table<'a> {
    fn get(&self, row: u32, key: &str) -> &'a str {
        self.cols.get(key).map(|&c| self.sheet.get(row, c)).unwrap_or("")
    }
    fn err(&self, row: u32, key: &str, zh: String, en: String) -> CellError {
        let c = self.cols.get(key).copied();
        CellError {
            sheet: self.sheet.name.clone(),
            row,
            column: c.map(col_name).unwrap_or_default(),
            header: c.and_then(|c| self.headers.get(&c).cloned()).unwrap_or_default(),
            message: Text::new(zh, en),
        }
    }
}

fn norm_header(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !"（）()：:*".contains(*c)).collect::<String>().to_ascii_lowercase()
}

/// Finds the header row (first 10 rows) that names `required`, and maps each known column.
fn find_table<'a>(sheet: &'a SheetIn, cols: &[(&'static str, &str, &str, f32)]) -> Option<Table<'a>> {
    for r in 1..=sheet.last_row().min(10) {
        let mut map = BTreeMap::new();
        let mut headers = BTreeMap::new();
        for (&(row, c), v) in sheet.cells.range((r, 0)..(r + 1, 0)) {
            debug_assert_eq!(row, r);
            let h = norm_header(v);
            if h.is_empty() {
                continue;
            }
            let key = cols
                .iter()
                .find(|(_, zh, en, _)| norm_header(zh) == h || norm_header(en) == h || norm_header(&zh.replace("（计算）", "")) == h)
                .map(|(k, ..)| *k)
                .or_else(|| ALIASES.iter().find(|(k, a)| norm_header(a) == h && cols.iter().any(|(ck, ..)| ck == k)).map(|(k, _)| *k));
            if let Some(k) = key {
                map.entry(k).or_insert(c);
                headers.insert(c, v.trim().to_string());
            }
        }
        let named = cols.iter().filter(|(k, ..)| map.contains_key(k)).count();
        if named >= 3 {
            return Some(Table { sheet, header_row: r, cols: map, headers });
        }
    }
    None
}

fn category_of(l1: &str, l2: &str) -> Option<String> {
    crate::core::text::words::category_of_levels(l1, l2).map(str::to_string)
}

fn direction_of(s: &str) -> Option<&'static str> {
    crate::core::text::words::direction_of(s)
}

fn check_num(t: &Table, row: u32, key: &str, kind: Kind, errs: &mut Vec<CellError>) {
    let v = t.get(row, key);
    if let Err(e) = parse_opt(v, kind) {
        let m = e.message();
        errs.push(t.err(
            row,
            key,
            format!("“{}”不是有效数字：{}", v.trim(), m.zh),
            format!("'{}' is not a valid number: {}", v.trim(), m.en),
        ));
    }
}

fn import_indicators(
    t: &Table,
    rubric_ids: &BTreeSet<String>,
    rubric_names: &BTreeMap<String, String>,
    errs: &mut Vec<CellError>,
) -> Vec<Task> {
    for key in ["name", "actual"] {
        if !t.cols.contains_key(key) {
            let (zh, en) = INDICATOR_COLUMNS.iter().find(|c| c.0 == key).map(|c| (c.1, c.2)).unwrap_or(("", ""));
            errs.push(CellError {
                sheet: t.sheet.name.clone(),
                row: t.header_row,
                column: String::new(),
                header: zh.into(),
                message: Text::new(format!("表头缺少“{zh}”列"), format!("the header row has no '{en}' column")),
            });
        }
    }
    let mut tasks: Vec<Task> = Vec::new();
    let mut seen_ids: BTreeMap<String, u32> = BTreeMap::new();
    for row in t.header_row + 1..=t.sheet.last_row() {
        let all_blank = t.cols.values().all(|&c| is_blank(t.sheet.get(row, c)));
        if all_blank {
            continue;
        }
        let name = t.get(row, "name");
        if is_blank(name) {
            errs.push(t.err(row, "name", "指标名称不能为空".into(), "the indicator's name is required".into()));
        }
        let dir_text = t.get(row, "direction");
        let dir = match direction_of(dir_text) {
            Some(d) => d,
            None => {
                errs.push(t.err(
                    row,
                    "direction",
                    format!("指标方向“{}”无法识别（应为 ≥、≤、= 或 定性）", dir_text.trim()),
                    format!("direction '{}' is not one of ≥, ≤, =, 定性", dir_text.trim()),
                ));
                ""
            }
        };
        if dir == direction::QUALITATIVE {
            let a = t.get(row, "actual");
            if !is_blank(a) && tier_of(a).is_none() {
                errs.push(t.err(
                    row,
                    "actual",
                    format!("定性指标的实际完成值“{}”应为 达成 / 部分达成 / 未达成", a.trim()),
                    format!("a qualitative actual value '{}' must be 达成, 部分达成 or 未达成", a.trim()),
                ));
            }
        } else {
            check_num(t, row, "target", Kind::Value, errs);
            check_num(t, row, "actual", Kind::Value, errs);
            check_num(t, row, "previous", Kind::Value, errs);
        }
        check_num(t, row, "weight", Kind::Weight, errs);
        check_num(t, row, "stated_score", Kind::Score, errs);
        check_num(t, row, "deduct_per_unit", Kind::Weight, errs);
        let category = match category_of(t.get(row, "level1"), t.get(row, "level2")) {
            Some(c) => c,
            None => {
                errs.push(t.err(
                    row,
                    "level2",
                    format!("指标类别“{}·{}”无法识别", t.get(row, "level1").trim(), t.get(row, "level2").trim()),
                    format!("unknown category '{}: {}'", t.get(row, "level1").trim(), t.get(row, "level2").trim()),
                ));
                String::new()
            }
        };
        let scoring = match crate::core::text::words::scoring_of(t.get(row, "scoring")) {
            Some(m) => m,
            None => {
                let other = t.get(row, "scoring").trim();
                errs.push(t.err(
                    row,
                    "scoring",
                    format!("计分方式“{other}”应为 按比例 或 扣分制"),
                    format!("scoring '{other}' must be proportional or deduct"),
                ));
                ""
            }
        };
        let node_text = t.get(row, "node").trim();
        let node = if node_text.is_empty() || rubric_ids.contains(node_text) {
            node_text.to_string()
        } else if let Some(id) = rubric_names.get(node_text) {
            id.clone()
        } else {
            errs.push(t.err(row, "node", format!("评分标准中没有评分项“{node_text}”"), format!("the rubric has no item '{node_text}'")));
            String::new()
        };
        let mut id = t.get(row, "id").trim().to_string();
        if id.is_empty() {
            id = format!("i{row}");
        }
        if let Some(prev) = seen_ids.insert(id.clone(), row) {
            errs.push(t.err(row, "id", format!("指标编号“{id}”与第 {prev} 行重复"), format!("indicator id '{id}' repeats row {prev}")));
        }
        let task_name = t.get(row, "task").to_string();
        let task_id = {
            let given = t.get(row, "task_id").trim();
            if !given.is_empty() {
                given.to_string()
            } else {
                tasks.iter().find(|x| x.name == task_name).map(|x| x.id.clone()).unwrap_or_else(|| format!("t{}", tasks.len() + 1))
            }
        };
        let ind = Indicator {
            id,
            name: name.to_string(),
            category,
            direction: dir.to_string(),
            unit: t.get(row, "unit").to_string(),
            target: t.get(row, "target").to_string(),
            actual: t.get(row, "actual").to_string(),
            weight: t.get(row, "weight").to_string(),
            stated_score: t.get(row, "stated_score").to_string(),
            scoring: scoring.to_string(),
            deduct_per_unit: t.get(row, "deduct_per_unit").to_string(),
            reason: t.get(row, "reason").to_string(),
            measure: t.get(row, "measure").to_string(),
            node,
            previous: t.get(row, "previous").to_string(),
        };
        match tasks.iter_mut().find(|x| x.id == task_id) {
            Some(task) => task.indicators.push(ind),
            None => tasks.push(Task { id: task_id, name: task_name, indicators: vec![ind] }),
        }
    }
    tasks
}

fn import_scores(
    t: &Table,
    rubric_ids: &BTreeSet<String>,
    rubric_names: &BTreeMap<String, String>,
    errs: &mut Vec<CellError>,
) -> ImportedScores {
    let mut out = ImportedScores { scores: BTreeMap::new(), adjustments: Vec::new(), total: String::new(), grade: String::new() };
    for row in t.header_row + 1..=t.sheet.last_row() {
        if t.cols.values().all(|&c| is_blank(t.sheet.get(row, c))) {
            continue;
        }
        let id = t.get(row, "id").trim();
        let l1 = t.get(row, "level1").trim();
        let l2 = t.get(row, "level2").trim();
        let score = t.get(row, "score");
        if id == TOTAL_ID || (id.is_empty() && (l1 == "总分" || l1.eq_ignore_ascii_case("total"))) {
            check_num(t, row, "score", Kind::Score, errs);
            let g = t.get(row, "grade");
            if !is_blank(g) && Grade::parse(g).is_none() {
                errs.push(t.err(
                    row,
                    "grade",
                    format!("评价等级“{}”应为 优 / 良 / 中 / 差", g.trim()),
                    format!("grade '{}' must be 优, 良, 中 or 差", g.trim()),
                ));
            }
            out.total = score.to_string();
            out.grade = g.to_string();
        } else if id.starts_with(ADJ_PREFIX) || (id.is_empty() && l1 == "其他加减分项") {
            check_num(t, row, "score", Kind::Score, errs);
            let aid = id.strip_prefix(ADJ_PREFIX).filter(|s| !s.trim().is_empty()).map(str::to_string).unwrap_or_else(|| format!("a{row}"));
            out.adjustments.push(Adjustment { id: aid, points: score.to_string(), reason: t.get(row, "reason").to_string() });
        } else {
            let node = if rubric_ids.contains(id) {
                Some(id.to_string())
            } else {
                let by_name = if l2.is_empty() { l1 } else { l2 };
                rubric_names.get(by_name.trim_start_matches('　')).cloned()
            };
            let Some(node) = node else {
                errs.push(t.err(
                    row,
                    "id",
                    format!("评分标准中没有评分项“{}”", if id.is_empty() { l1 } else { id }),
                    format!("the rubric has no item '{}'", if id.is_empty() { l1 } else { id }),
                ));
                continue;
            };
            check_num(t, row, "score", Kind::Score, errs);
            let (reason, measure) = (t.get(row, "reason"), t.get(row, "measure"));
            if is_blank(score) && is_blank(reason) && is_blank(measure) {
                continue;
            }
            out.scores.insert(node, StatedScore { score: score.to_string(), reason: reason.to_string(), measure: measure.to_string() });
        }
    }
    out
}

/// Why `bytes` are not an .xlsx workbook, said for what they are (a JSON file, a Word document,
/// an old .xls, a CSV…); `None` when they are a ZIP package that may be one.
pub fn not_a_workbook(bytes: &[u8]) -> Option<Text> {
    use crate::core::document::import::{sniff, Sniffed};
    Some(match sniff(bytes) {
        Sniffed::Xlsx | Sniffed::Zip => return None,
        Sniffed::Json => Text::new(
            "这是 JSON 文件（自评文件或评分标准），不是 Excel 表（.xlsx）：JSON 文件请用“导入”导入",
            "this is a JSON file (a self-evaluation or a rubric), not an Excel workbook (.xlsx): use Import for JSON files",
        ),
        Sniffed::Docx => Text::new("这是 Word 文档（.docx），不是 Excel 表（.xlsx）", "this is a Word document (.docx), not an Excel workbook (.xlsx)"),
        Sniffed::OldOffice => Text::new(
            "这是旧版 .xls（或其他旧版 Office）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
            "this is an old .xls (or another old Office) file: save it as .xlsx in Excel or WPS and import it again",
        ),
        Sniffed::Empty => Text::new("文件是空的，不是 Excel 表（.xlsx）", "the file is empty: it is not an Excel workbook (.xlsx)"),
        Sniffed::Pdf => Text::new("这是 PDF 文件，不是 Excel 表（.xlsx）", "this is a PDF, not an Excel workbook (.xlsx)"),
        Sniffed::Utf16 | Sniffed::Other if looks_like_text(bytes) => Text::new(
            "这是文本文件（如 CSV），不是 Excel 表（.xlsx）：请在 Excel 或 WPS 中打开并另存为 .xlsx，或复制表格后粘贴到绩效指标表",
            "this is a text file (a CSV?), not an Excel workbook (.xlsx): open it in Excel or WPS and save it as .xlsx, or copy the table and paste it into the indicator table",
        ),
        Sniffed::Utf16 | Sniffed::Other => Text::new(
            "不是 Excel 表（.xlsx）：无法识别文件类型，请在 Excel 或 WPS 中另存为 .xlsx",
            "not an Excel workbook (.xlsx): the kind of file is not recognised; save it as .xlsx in Excel or WPS",
        ),
    })
}

/// True when the first bytes are text (UTF-8 or UTF-16, no control characters but tabs and
/// line breaks).
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // Cut inside a character at the end of the window.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
        Err(_) => return false,
    };
    !text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{feff}'))
}

/// Reads an .xlsx workbook with the indicator and/or score table. `doc` supplies the rubric
/// (score items must be its nodes). Returns every problem at once, or the import to confirm.
pub fn import(bytes: &[u8], doc: &SelfEvaluation) -> Result<Import, Vec<CellError>> {
    let whole = |message: Text| vec![CellError { sheet: String::new(), row: 0, column: String::new(), header: String::new(), message }];
    if let Some(m) = not_a_workbook(bytes) {
        return Err(whole(m));
    }
    let book = read_workbook(bytes).map_err(|e| whole(e.message()))?;
    let (rubric, _) = rubric_of(doc);
    let mut ids = BTreeSet::new();
    let mut names = BTreeMap::new();
    for (_, _, n) in rubric.walk() {
        ids.insert(n.id.clone());
        names.insert(n.name.clone(), n.id.clone());
        if !n.name_en.is_empty() {
            names.insert(n.name_en.clone(), n.id.clone());
        }
    }
    let pick = |name: (&str, &str), cols: &[(&'static str, &str, &str, f32)], key: &str| -> Option<Table> {
        book.iter()
            .filter(|s| s.name == name.0 || s.name == name.1)
            .chain(book.iter())
            .filter_map(|s| find_table(s, cols))
            .find(|t| t.cols.contains_key(key))
    };
    let mut errs = Vec::new();
    let ind = pick(SHEETS[0], INDICATOR_COLUMNS, "name").filter(|t| t.cols.contains_key("actual") || t.cols.contains_key("direction"));
    let sc = pick(SHEETS[1], SCORE_COLUMNS, "score").filter(|t| ind.as_ref().is_none_or(|i| i.sheet.name != t.sheet.name));
    let bt = pick(budget::SHEET, budget::COLUMNS, "actual").filter(|t| {
        t.cols.contains_key("name")
            && (t.cols.contains_key("adjusted") || t.cols.contains_key("initial"))
            && [&ind, &sc].iter().all(|o| o.as_ref().is_none_or(|o| o.sheet.name != t.sheet.name))
    });
    if ind.is_none() && sc.is_none() && bt.is_none() {
        return Err(vec![CellError {
            sheet: String::new(),
            row: 0,
            column: String::new(),
            header: String::new(),
            message: Text::new("没有找到绩效指标表、评分表或预算执行表：表头应含“三级指标（指标名称）”“实际完成值”，或“评分项编号”“自评得分”，或“项目”“全年预算数”“执行数”", "found no indicator, score or budget table (headers such as 'Indicator', 'Actual'; 'Item id', 'Stated score'; or 'Item', 'Adjusted budget', 'Spent')"),
        }]);
    }
    let mut tasks = ind.as_ref().map(|t| import_indicators(t, &ids, &names, &mut errs));
    // A sheet without the 上年实际完成值 column (exported before it existed, or made by hand)
    // leaves each indicator's value as it is in the draft.
    if let (Some(t), Some(tasks)) = (&ind, &mut tasks) {
        if !t.cols.contains_key("previous") {
            for i in tasks.iter_mut().flat_map(|t| t.indicators.iter_mut()) {
                if let Some((_, old)) = doc.indicators().find(|(_, o)| o.id == i.id) {
                    i.previous = old.previous.clone();
                }
            }
        }
    }
    let scores = sc.as_ref().map(|t| import_scores(t, &ids, &names, &mut errs));
    let budget = bt.as_ref().map(|t| budget::import(t, doc, &mut errs));
    if !errs.is_empty() {
        errs.sort_by(|a, b| (&a.sheet, a.row, a.column.len(), &a.column).cmp(&(&b.sheet, b.row, b.column.len(), &b.column)));
        return Err(errs);
    }
    let mut summary = Vec::new();
    if let Some(t) = &tasks {
        let n: usize = t.iter().map(|x| x.indicators.len()).sum();
        summary.push(Text::new(
            format!(
                "替换全部重点工作任务和绩效指标：{} 项任务、{n} 个指标（原 {} 项任务、{} 个指标）",
                t.len(),
                doc.tasks.len(),
                doc.indicators().count()
            ),
            format!(
                "replace every task and indicator: {} tasks, {n} indicators (now {} and {})",
                t.len(),
                doc.tasks.len(),
                doc.indicators().count()
            ),
        ));
    }
    if let Some(s) = &scores {
        summary.push(Text::new(
            format!(
                "替换自评得分：{} 个评分项、{} 个加减分项，总分“{}”，等级“{}”",
                s.scores.len(),
                s.adjustments.len(),
                s.total.trim(),
                s.grade.trim()
            ),
            format!(
                "replace the stated scores: {} items, {} adjustments, total '{}', grade '{}'",
                s.scores.len(),
                s.adjustments.len(),
                s.total.trim(),
                s.grade.trim()
            ),
        ));
    }
    if let Some(b) = &budget {
        summary.push(budget::summary(b, doc));
    }
    Ok(Import { tasks, scores, budget, summary })
}

/// A file name for the download: `<unit><year>年度绩效自评表.xlsx`.
pub fn file_name(doc: &SelfEvaluation) -> String {
    let base = format!(
        "{}{}绩效自评表",
        doc.unit.name.trim(),
        if doc.unit.year.trim().is_empty() { String::new() } else { format!("{}年度", doc.unit.year.trim()) }
    );
    let base: String = base.chars().map(|c| if "\\/:*?\"<>|".contains(c) || (c as u32) < 0x20 { '_' } else { c }).collect();
    format!("{base}.xlsx")
}
