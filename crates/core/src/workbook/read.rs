//! Layout recognition: header rows by their words, tables below them, labelled cells around
//! them, everything else listed (see the module policy in `mod.rs`).

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

/// A header cell's text without white space, brackets' contents, colons and asterisks.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '：' | ':' | '*' | '＊' | '、') => {}
            c => out.push(c),
        }
    }
    out
}

/// Header words → a table's field key, normalised by [`norm`].
type Words = [(&'static str, Vec<String>)];

/// Builds a table of header words: for each (key, column of the field schema, words only
/// templates use), the column's names ([`schema::Column::names`]) and those words.
fn words_of(table: &'static [schema::Column], keys: &[(&'static str, &str, &'static [&'static str])]) -> Vec<(&'static str, Vec<String>)> {
    keys.iter()
        .map(|(key, column, extra)| {
            let names = schema::column(table, column).into_iter().flat_map(schema::Column::names);
            let mut ws: Vec<String> = names.map(norm).chain(extra.iter().map(|w| norm(w))).filter(|w| !w.is_empty()).collect();
            ws.dedup();
            (*key, ws)
        })
        .collect()
}

/// Funds-table header words → field key: the amounts' words are the budget columns' of the field
/// schema; the rate, weight and score are the project table's own.
fn funds_words() -> &'static Words {
    static FUNDS: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>> = std::sync::OnceLock::new();
    FUNDS.get_or_init(|| {
        words_of(
            schema::BUDGET,
            &[
                ("initial", "initial", &[]),
                ("adjusted", "adjusted", &[]),
                ("spent", "actual", &[]),
                ("rate", "", &["执行率", "预算执行率", "资金执行率"]),
                ("weight", "", &["分值", "权重", "分值权重"]),
                ("score", "", &["得分", "自评得分", "评分"]),
            ],
        )
    })
}

/// Indicator-table header words → field key: the indicator columns of the field schema, and the
/// template's columns that hold two fields or replace one.
fn indicator_words() -> &'static Words {
    static INDICATORS: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>> = std::sync::OnceLock::new();
    INDICATORS.get_or_init(|| {
        words_of(
            schema::INDICATOR,
            &[
                ("l1", "level1", &[]),
                ("l2", "level2", &[]),
                ("name", "name", &[]),
                ("target", "target", &[]),
                ("target_adjusted", "", &["调整指标值", "调整后指标值", "调整后目标值"]),
                ("actual", "actual", &[]),
                ("weight", "weight", &[]),
                ("score", "stated_score", &[]),
                ("reason", "reason", &["偏差原因分析及改进措施", "偏差原因及改进措施"]),
                ("measure", "measure", &[]),
                ("unit", "unit", &[]),
                ("direction", "direction", &[]),
            ],
        )
    })
}

/// The field names shown in the mapping.
fn field_name(key: &str, funds: bool) -> Text {
    let (zh, en) = match (key, funds) {
        ("initial", _) => ("年初预算数", "initial budget"),
        ("adjusted", _) => ("全年预算数", "adjusted budget"),
        ("spent", _) => ("全年执行数", "spent"),
        ("rate", _) => ("执行率（填报）", "stated rate"),
        ("weight", true) => ("预算执行分值", "execution weight"),
        ("score", true) => ("预算执行得分", "execution score"),
        ("l1", _) => ("一级指标", "level 1"),
        ("l2", _) => ("二级指标", "level 2"),
        ("name", _) => ("三级指标（指标名称）", "indicator"),
        ("target", _) => ("年度指标值", "target"),
        ("target_adjusted", _) => ("调整指标值（替代年度指标值）", "adjusted target (replaces the target)"),
        ("actual", _) => ("实际完成值", "actual"),
        ("weight", false) => ("分值", "weight"),
        ("score", false) => ("自评得分", "stated score"),
        ("reason", _) => ("偏差原因", "reason"),
        ("measure", _) => ("改进措施", "measure"),
        ("unit", _) => ("计量单位", "unit"),
        ("direction", _) => ("指标方向", "direction"),
        _ => (key, key),
    };
    Text::new(zh, en)
}

fn key_of(table: &Words, h: &str) -> Option<&'static str> {
    let n = norm(h);
    if n.is_empty() {
        return None;
    }
    table.iter().find(|(_, ws)| ws.contains(&n)).map(|(k, _)| *k)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind2 {
    Funds,
    Indicators,
}

#[derive(Clone, Debug)]
struct TableAt {
    kind: Kind2,
    top: u32,
    bottom: u32,
    cols: BTreeMap<&'static str, usize>,
    /// Header cells not recognised: column → text.
    others: BTreeMap<usize, String>,
}

fn row_keys(s: &Sheet, r: u32, table: &Words) -> (BTreeMap<&'static str, usize>, BTreeMap<usize, String>, usize) {
    let mut keys = BTreeMap::new();
    let mut others = BTreeMap::new();
    let mut numeric = 0;
    for (c, v) in s.row(r) {
        if v.trim().is_empty() {
            continue;
        }
        match key_of(table, v) {
            Some(k) => {
                keys.entry(k).or_insert(c);
            }
            None => {
                if number::parse_opt(v, Kind::Value).ok().flatten().is_some() {
                    numeric += 1;
                }
                others.insert(c, v.to_string());
            }
        }
    }
    (keys, others, numeric)
}

fn is_funds_header(k: &BTreeMap<&'static str, usize>) -> bool {
    k.contains_key("spent") && ["initial", "adjusted", "rate", "weight", "score"].iter().filter(|x| k.contains_key(*x)).count() >= 2
}

fn is_indicator_header(k: &BTreeMap<&'static str, usize>) -> bool {
    (k.contains_key("name") || (k.contains_key("l1") && k.contains_key("l2"))) && (k.contains_key("target") || k.contains_key("actual"))
}

fn find_tables(s: &Sheet) -> Vec<TableAt> {
    let mut out: Vec<TableAt> = Vec::new();
    let last = s.last_row();
    let rows = s.rows();
    let mut i = 0;
    while i < rows.len() {
        let r = rows[i];
        i += 1;
        let (fk, fo, _) = row_keys(s, r, funds_words());
        let (ik, io, _) = row_keys(s, r, indicator_words());
        let found = if is_indicator_header(&ik) {
            Some((Kind2::Indicators, ik, io))
        } else if is_funds_header(&fk) {
            Some((Kind2::Funds, fk, fo))
        } else {
            None
        };
        let Some((kind, mut cols, mut others)) = found else {
            continue;
        };
        // A second header row: its words fill the columns the first left open.
        let mut bottom = r;
        if r < last {
            let table = if kind == Kind2::Funds { funds_words() } else { indicator_words() };
            let (k2, o2, numeric) = row_keys(s, r + 1, table);
            let new: Vec<_> = k2.iter().filter(|(k, c)| !cols.contains_key(*k) && cols.get(**k) != Some(c)).collect();
            if numeric == 0 && !new.is_empty() && k2.len() >= 2 {
                for (k, c) in k2.iter() {
                    cols.entry(k).or_insert(*c);
                    others.remove(c);
                }
                for (c, t) in o2 {
                    if !cols.values().any(|x| *x == c) && s.anchor(r + 1, c).is_none() {
                        others.entry(c).or_insert(t);
                    }
                }
                bottom = r + 1;
            }
        }
        // A group header above a column ("绩效指标" over 一级/二级/三级) is not a column of its own.
        others.retain(|c, _| !cols.values().any(|x| x == c));
        // Header cells merged down from a row above (年度指标值 over two rows): the header
        // starts there.
        let top = cols.values().filter_map(|&c| s.anchor(r, c)).map(|a| a.0).min().unwrap_or(r).min(r);
        out.push(TableAt { kind, top, bottom, cols, others });
        while i < rows.len() && rows[i] <= bottom {
            i += 1;
        }
    }
    out
}

fn starts_note(v: &str) -> bool {
    let t = v.trim_start();
    ["填表说明", "填报说明", "备注", "说明：", "说明:", "注：", "注:", "注1", "注 ："].iter().any(|w| t.starts_with(w))
}

const TOTAL_WORDS: &[&str] = &["总分", "自评总分", "总得分", "合计得分", "综合得分", "得分合计", "总计得分"];
const GRADE_WORDS: &[&str] = &["评价等级", "自评等级", "等级", "绩效等级", "综合评价等级", "自评结果等级"];

/// The year a title states: 2021年度 / （2021年） / 2021 年.
fn year_in(v: &str) -> Option<String> {
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
fn points_in(v: &str) -> Option<String> {
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

const BUDGET_WORDS: &[&str] = &["资金", "拨款", "结转", "总额", "合计", "收入", "支出", "预算", "经费"];
const FUNDS_STOP: &[&str] =
    &["按收入性质分", "按支出性质分", "年度目标", "年度总体目标", "总体目标", "预期目标", "实际完成情况", "绩效指标", "年度绩效目标"];

fn funds(cx: &mut Ctx, acc: &mut Acc, t: &TableAt, end: u32) {
    let s = cx.s;
    let first_col = t.cols.values().copied().min().unwrap_or(0);
    if acc.funds_done {
        // A second funds table: its cells are listed, not read over the first.
        cx.map_rows(
            (t.top, t.bottom),
            Text::new(
                "又一张资金表：只读取第一张，这张的单元格列在“未读取”中",
                "another funds table: only the first is read, this one's cells are listed",
            ),
        );
        return;
    }
    acc.funds_done = true;
    acc.parts.insert(Part::Budget);
    for r in t.top..=t.bottom {
        for (_, &c) in t.cols.iter() {
            cx.take(r, c);
        }
    }
    // The execution weight in the score header: 得分（20分*执行率）.
    if let Some(&c) = t.cols.get("score") {
        if let Some(p) = points_in(s.value(t.top, c)).or_else(|| points_in(s.value(t.bottom, c))) {
            acc.exec_weight = Some(p);
        }
    }
    let mut last = t.bottom;
    let mut rows = Vec::new();
    for r in s.rows().into_iter().filter(|&r| r > t.bottom && r <= end) {
        // The row's label: the rightmost value left of the table's first column.
        let label_col = s.row(r).into_iter().filter(|(c, v)| *c < first_col && !v.trim().is_empty()).map(|(c, _)| c).next_back();
        let label = label_col.map(|c| s.value(r, c).to_string()).unwrap_or_default();
        let has_amount =
            ["initial", "adjusted", "spent", "rate"].iter().any(|k| t.cols.get(k).is_some_and(|&c| !s.value(r, c).trim().is_empty()));
        let n = norm(&label);
        if FUNDS_STOP.iter().any(|w| n.starts_with(w)) || TOTAL_WORDS.contains(&n.as_str()) {
            break;
        }
        if !has_amount && !BUDGET_WORDS.iter().any(|w| n.contains(w)) {
            if s.row(r).iter().all(|(_, v)| v.trim().is_empty()) {
                continue;
            }
            break;
        }
        last = r;
        if let Some(c) = label_col {
            cx.take(r, c);
        }
        rows.push((r, label));
    }
    if rows.is_empty() {
        return;
    }
    // The amount unit from the table's label or title: 项目资金（万元）.
    let around: Vec<String> = (t.top.saturating_sub(2).max(1)..=last)
        .flat_map(|r| s.row(r).into_iter().filter(|(c, _)| *c < first_col.max(1)).map(|(_, v)| v.to_string()))
        .collect();
    let header: Vec<String> = t.cols.values().map(|&c| s.value(t.top, c).to_string()).collect();
    if around.iter().chain(header.iter()).any(|v| v.contains("万元")) {
        acc.doc.unit.amount_unit = "万元".into();
    } else if around
        .iter()
        .chain(header.iter())
        .any(|v| v.contains("（元）") || v.contains("(元)") || v.contains("单位：元") || v.contains("单位:元"))
    {
        acc.doc.unit.amount_unit = "元".into();
    }
    for r in t.top..=last {
        for (c, v) in s.row(r) {
            if c < first_col && (v.contains("资金") || v.contains("预算")) {
                if let Some(a) = s.anchor(r, c) {
                    cx.used.insert(a);
                }
            }
        }
    }
    let mut total_seen = false;
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (r, label) in &rows {
        let r = *r;
        let name = label.trim();
        let name = name.strip_prefix("其中：").or_else(|| name.strip_prefix("其中:")).unwrap_or(name).trim().to_string();
        let n = norm(&name);
        let is_total = !total_seen && (n.contains("总额") || n.contains("合计") || n.contains("总计") || n == "总支出");
        let mut row = BudgetRow { id: String::new(), group: String::new(), name: name.clone(), ..Default::default() };
        for (k, to) in
            [("initial", &mut row.initial), ("adjusted", &mut row.adjusted), ("spent", &mut row.actual), ("rate", &mut row.stated_rate)]
        {
            if let Some(&c) = t.cols.get(k) {
                *to = cx.take(r, c);
            }
        }
        for k in ["weight", "score"] {
            let Some(&c) = t.cols.get(k) else { continue };
            let v = s.value(r, c).to_string();
            if v.trim().is_empty() {
                continue;
            }
            if is_total {
                cx.take(r, c);
                if k == "weight" {
                    acc.exec_weight = Some(v);
                } else {
                    acc.exec_score = Some(v);
                }
            } else if !words::is_placeholder(&v) {
                cx.unplace(
                    r,
                    c,
                    Text::new(
                        "分值、得分只读合计行（预算执行率按资金总额计分）",
                        "weight and score are read on the total row only (execution is scored on the total)",
                    ),
                );
            } else {
                cx.take(r, c);
            }
        }
        if is_total {
            total_seen = true;
            row.id = "total".into();
            acc.doc.budget.total = row;
        } else {
            let base = if n.contains("财政拨款") || n.contains("财政资金") {
                "fin"
            } else if n.contains("结转") {
                "carry"
            } else if n.contains("其他资金") {
                "other"
            } else {
                "row"
            };
            let mut id = base.to_string();
            if ids.contains(&id) || base == "row" {
                id = format!("{base}{r}");
            }
            ids.insert(id.clone());
            row.id = id;
            row.group = "source".into();
            acc.doc.budget.rows.push(row);
        }
    }
    let rs = (rows[0].0, last);
    for (k, &c) in &t.cols {
        cx.map_col(c, rs, field_name(k, true));
    }
    cx.map_rows((t.top, t.bottom), Text::new("资金表表头", "funds table header"));
    cx.map_rows(
        rs,
        Text::new("预算执行（资金表）：首行为合计，其余为按来源分项", "budget execution (funds): the total, then the rows by source"),
    );
    for (&c, h) in &t.others {
        if c < first_col {
            // The row labels' own header (年度预算申请（万元）, 项目资金).
            cx.used.insert((t.top, c));
            continue;
        }
        unread_column(cx, t, c, h, rs.1);
    }
}

fn unread_column(cx: &mut Ctx, t: &TableAt, c: usize, h: &str, end: u32) {
    let reason = Text::new(format!("“{}”列没有对应的字段", h.trim()), format!("the column '{}' has no field here", h.trim()));
    for r in cx.s.rows().into_iter().filter(|&r| r >= t.top && r <= end) {
        let v = cx.s.own(r, c);
        if !v.trim().is_empty() && !words::is_placeholder(v) {
            cx.unplace(r, c, reason.clone());
        }
    }
}

fn indicators(cx: &mut Ctx, acc: &mut Acc, t: &TableAt, end: u32) {
    let s = cx.s;
    acc.parts.insert(Part::Tasks);
    for r in t.top..=t.bottom {
        for (_, &c) in t.cols.iter() {
            cx.take(r, c);
            if let Some(a) = s.anchor(r, c) {
                cx.used.insert(a);
            }
        }
    }
    // A group header merged over the level columns (绩效指标) belongs to the header.
    for r in t.top..=t.bottom {
        for (c, _) in s.row(r) {
            let v = s.own(r, c);
            if !v.is_empty() && norm(v).contains("指标") && !t.others.contains_key(&c) {
                cx.used.insert((r, c));
            }
        }
    }
    let name = acc.pending_task.take().or_else(|| acc.project.clone()).unwrap_or_default();
    let mut task = Task { id: format!("t{}", acc.doc.tasks.len() + 1), name, indicators: Vec::new() };
    let content = ["name", "target", "target_adjusted", "actual", "weight", "score", "reason", "measure", "unit", "direction"];
    let mut first = None;
    let mut last = t.bottom;
    let mut n_before: usize = acc.doc.tasks.iter().map(|t| t.indicators.len()).sum();
    for r in s.rows().into_iter().filter(|&r| r > t.bottom && r <= end) {
        // A total row ends the table: 总分 in any of the row's first cells.
        let cells = s.row(r);
        let lead = cells.iter().map(|(_, v)| *v).find(|v| !v.trim().is_empty()).unwrap_or("");
        if TOTAL_WORDS.contains(&norm(lead).as_str()) || norm(lead).starts_with("年度目标") {
            break;
        }
        // A subtotal row (小计 / 合计) is added up by the checker, not read as an indicator.
        if matches!(norm(lead).as_str(), "小计" | "合计" | "合计得分" | "分项合计") {
            for (c, _) in cells.iter().filter(|(c, _)| s.anchor(r, *c).is_none()) {
                cx.unplace(r, *c, Text::new("小计行：由本工具相加核对，未读取", "a subtotal row: added up by the checker, not read"));
            }
            continue;
        }
        let own_content = content.iter().any(|k| t.cols.get(k).is_some_and(|&c| !s.own(r, c).trim().is_empty()));
        if !own_content {
            // A row with only its (merged) level labels: a template row left empty.
            for k in ["l1", "l2"] {
                if let Some(&c) = t.cols.get(k) {
                    let v = s.own(r, c);
                    if !v.trim().is_empty() && s.anchor(r, c).is_none() && !s.spans_down(r, c) {
                        cx.unplace(
                            r,
                            c,
                            Text::new("指标行没有指标名称、指标值或完成值", "an indicator row with no name, target or actual value"),
                        );
                    }
                }
            }
            continue;
        }
        // A template row left in: only "指标1：" (or "……") where the name goes.
        let only_name = content.iter().filter(|k| **k != "name").all(|k| t.cols.get(k).is_none_or(|&c| s.own(r, c).trim().is_empty()));
        if only_name {
            if let Some(&c) = t.cols.get("name") {
                let n = norm(s.own(r, c));
                let template = n.trim_start_matches("指标").trim_end_matches(['…', '.', '。']).chars().all(|ch| ch.is_ascii_digit());
                if template {
                    let why = Text::new("模板占位行：只有“指标N：”，没有指标内容", "a template row: only 'indicator N:', no content");
                    cx.unplace(r, c, why.clone());
                    for k in ["l1", "l2"] {
                        if let Some(&lc) = t.cols.get(k) {
                            if !s.own(r, lc).trim().is_empty() && s.anchor(r, lc).is_none() {
                                cx.unplace(r, lc, why.clone());
                            }
                        }
                    }
                    continue;
                }
            }
        }
        first.get_or_insert(r);
        last = r;
        let mut vals: BTreeMap<&str, String> = BTreeMap::new();
        for (k, &c) in &t.cols {
            vals.insert(k, cx.take(r, c));
        }
        let get = |k: &str| vals.get(k).cloned().unwrap_or_default();
        let (l1, l2) = (get("l1"), get("l2"));
        let mut target = get("target");
        let adjusted = get("target_adjusted");
        if !adjusted.trim().is_empty() && adjusted.trim() != target.trim() {
            if let Some(&c) = t.cols.get("target") {
                if !target.trim().is_empty() {
                    cx.used.remove(&(r, c));
                    cx.unplace(
                        r,
                        c,
                        Text::new(
                            format!("年初指标值（按调整指标值“{}”读取）", adjusted.trim()),
                            format!("the initial target (read the adjusted target '{}')", adjusted.trim()),
                        ),
                    );
                }
            }
            target = adjusted;
        }
        let direction_text = get("direction");
        let direction = match words::direction_of(&direction_text) {
            Some(d) => d.to_string(),
            // 定量 (quantitative) says only "not 定性": the target's sign decides.
            None if norm(&direction_text) == "定量" => String::new(),
            None => direction_text.clone(),
        };
        // 一级 alone names 满意度 (the one category without a 二级): 满意度指标 | 群众满意度指标.
        let by_levels = words::category_of_levels(&l1, &l2).filter(|c| !c.is_empty());
        let by_top = || words::category_of_levels(&l1, "").filter(|c| *c == "满意度");
        let category = match by_levels.or_else(by_top) {
            Some(c) => c.to_string(),
            _ => {
                if l2.trim().is_empty() {
                    l1.trim().to_string()
                } else {
                    l2.trim().to_string()
                }
            }
        };
        n_before += 1;
        acc.levels.push(if l1.trim().is_empty() { category.clone() } else { l1.clone() });
        task.indicators.push(Indicator {
            id: format!("i{n_before}"),
            name: get("name"),
            category,
            direction,
            unit: get("unit"),
            target,
            actual: get("actual"),
            weight: get("weight"),
            stated_score: get("score"),
            reason: get("reason"),
            measure: get("measure"),
            ..Default::default()
        });
    }
    let rows = (first.unwrap_or(t.bottom + 1), last.max(t.bottom + 1));
    for (k, &c) in &t.cols {
        cx.map_col(c, rows, field_name(k, false));
    }
    cx.map_rows((t.top, t.bottom), Text::new("绩效指标表表头", "indicator table header"));
    cx.map_rows(rows, Text::new(format!("绩效指标（{} 个）", task.indicators.len()), format!("indicators ({})", task.indicators.len())));
    for (&c, h) in &t.others {
        unread_column(cx, t, c, h, rows.1);
    }
    if !task.indicators.is_empty() || !task.name.is_empty() {
        acc.doc.tasks.push(task);
    }
}

/// Labelled cells outside the tables: title, unit, project, year, goals, total, grade, reasons.
fn labelled(cx: &mut Ctx, acc: &mut Acc, tables: &[TableAt]) {
    let s = cx.s;
    let cells: Vec<(u32, usize, String)> = s.cells.iter().map(|(&(r, c), cell)| (r, c, cell.text.clone())).collect();
    let in_header = |r: u32| tables.iter().any(|t| r >= t.top && r <= t.bottom);
    for (r, c, text) in cells {
        if cx.used.contains(&(r, c)) || text.trim().is_empty() || in_header(r) {
            continue;
        }
        // "label：value" in one cell, or the label here and the value to its right.
        let (label, inline) = match text.split_once(['：', ':']) {
            Some((l, v)) if norm(l).chars().count() <= 12 && !norm(l).is_empty() => (l.to_string(), Some(v.trim().to_string())),
            _ => (text.clone(), None),
        };
        let n = norm(&label);
        let value = |cx: &mut Ctx| -> Option<String> {
            match &inline {
                Some(v) if !v.is_empty() => Some(v.clone()),
                _ => cx.right_of(r, c).map(|(x, v)| {
                    cx.take(r, x);
                    v
                }),
            }
        };
        // The title: a lone cell naming the table.
        let alone = s.row(r).iter().all(|(x, v)| *x == c || v.trim().is_empty());
        if alone && (text.contains("自评表") || text.contains("评价表") || text.contains("自评情况表") || text.contains("绩效自评"))
        {
            cx.used.insert((r, c));
            if acc.doc.unit.year.is_empty() {
                if let Some(y) = year_in(&text) {
                    acc.doc.unit.year = y;
                    acc.parts.insert(Part::Unit);
                }
            }
            cx.map_rows((r, r), Text::new("标题", "title"));
            continue;
        }
        if n.starts_with("年度目标") || n.starts_with("年度绩效目标") {
            // 年度目标1:(80分) 增强政府工作效率 → the next indicator table's task.
            cx.used.insert((r, c));
            let rest = inline.clone().unwrap_or_default();
            let rest = rest.trim_start_matches(|ch: char| ch.is_whitespace() || "（()）0123456789.分".contains(ch)).trim().to_string();
            let name = if rest.is_empty() { cx.right_of(r, c) } else { None };
            let name = match name {
                Some((x, v)) => {
                    cx.take(r, x);
                    v
                }
                None => rest,
            };
            let has_name = !name.is_empty();
            if has_name {
                // Tables are read before labels; give the name to the first task without one
                // below this row, else keep it for the next table.
                let below = acc.doc.tasks.iter_mut().find(|t| t.name.is_empty());
                match below {
                    Some(t) => t.name = name,
                    None => acc.pending_task = Some(name),
                }
            }
            let what = if has_name {
                Text::new("年度目标（任务名称）", "annual goal (task name)")
            } else {
                Text::new("年度目标（标题）", "annual goal (heading)")
            };
            cx.map_rows((r, r), what);
            continue;
        }
        if n.starts_with("预算执行情况") || n.starts_with("预算执行") {
            cx.used.insert((r, c));
            if let Some(p) = points_in(&text) {
                acc.exec_weight.get_or_insert(p);
            }
            cx.map_rows((r, r), Text::new("预算执行（标题）", "budget execution (heading)"));
            if text.contains("万元") {
                acc.doc.unit.amount_unit = "万元".into();
            }
            continue;
        }
        // 金额单位：万元 (also 单位：万元, which is not a unit's name).
        let money = |v: &str| matches!(v.trim().trim_start_matches(['（', '(']).trim_end_matches(['）', ')']), "万元" | "元");
        if n == "金额单位" || (n == "单位" && inline.as_deref().is_some_and(money)) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                if money(&v) {
                    acc.doc.unit.amount_unit = v.trim().trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).to_string();
                    acc.parts.insert(Part::Unit);
                    cx.map_rows((r, r), Text::new("金额单位", "amount unit"));
                } else if let Some((x, _)) = cx.right_of(r, c) {
                    cx.used.remove(&(r, x));
                    cx.unplace(r, x, Text::new("金额单位应为“万元”或“元”", "the amount unit should be 万元 or 元"));
                }
            }
            continue;
        }
        let unit_words = [
            "单位名称",
            "预算部门单位名称",
            "部门单位名称",
            "实施单位",
            "预算单位",
            "部门名称",
            "填报单位",
            "预算部门",
            "单位",
            "预算单位名称",
            "部门单位",
        ];
        if unit_words.contains(&n.as_str()) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                if acc.doc.unit.name.is_empty() {
                    acc.doc.unit.name = v;
                    acc.parts.insert(Part::Unit);
                    cx.map_rows((r, r), Text::new("单位名称", "unit name"));
                } else if acc.doc.unit.name != v {
                    if let Some((x, _)) = cx.right_of(r, c) {
                        cx.used.remove(&(r, x));
                        cx.unplace(r, x, Text::new("已从前面读取单位名称", "the unit's name was read from an earlier cell"));
                    }
                }
            }
            continue;
        }
        if n == "项目名称" {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.project = Some(v.clone());
                if let Some(t) = acc.doc.tasks.iter_mut().find(|t| t.name.is_empty()) {
                    t.name = v;
                }
                cx.map_rows((r, r), Text::new("项目名称（任务名称）", "project name (the task's name)"));
            }
            continue;
        }
        if ["年度", "评价年度", "所属年度", "预算年度"].contains(&n.as_str()) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.unit.year = v;
                acc.parts.insert(Part::Unit);
            }
            continue;
        }
        if n.starts_with("按收入性质分") || n.starts_with("按支出性质分") {
            split(cx, acc, r, c, &text);
            continue;
        }
        if n == "年度总体目标" || n == "总体目标" {
            cx.used.insert((r, c));
            continue;
        }
        if n == "预期目标" || n == "实际完成情况" || n == "年度总体目标完成情况" {
            cx.used.insert((r, c));
            let key = if n == "预期目标" { "goal" } else { "achievements" };
            // Side by side with its pair (预期目标 | 实际完成情况): the values are below.
            let right = cx.right_of(r, c);
            let pair_right = right.as_ref().is_some_and(|(_, v)| matches!(norm(v).as_str(), "实际完成情况" | "预期目标"));
            let below_first = pair_right || right.is_none();
            let v = if inline.as_deref().is_some_and(|v| !v.is_empty()) {
                inline.clone()
            } else if below_first {
                let v = s.value(r + 1, c).to_string();
                if v.trim().is_empty() {
                    None
                } else {
                    cx.take(r + 1, c);
                    Some(v)
                }
            } else {
                value(cx)
            };
            if let Some(v) = v {
                acc.doc.narrative.insert(key.to_string(), v);
                acc.parts.insert(Part::Narrative);
                cx.map_rows(
                    (r, r),
                    Text::new(
                        format!("年度总体目标：{}", if key == "goal" { "预期目标" } else { "实际完成情况" }),
                        format!("overall goal: {}", if key == "goal" { "expected" } else { "achieved" }),
                    ),
                );
            }
            continue;
        }
        if TOTAL_WORDS.contains(&n.as_str()) {
            cx.used.insert((r, c));
            // The score column of the table above, else the last value of the row.
            let score_col =
                tables.iter().rev().find(|t| t.top < r && t.kind == Kind2::Indicators).and_then(|t| t.cols.get("score").copied());
            let in_score = score_col.filter(|&x| x > c && !s.own(r, x).trim().is_empty());
            let vals: Vec<(usize, String)> = s
                .cells
                .range((r, c + 1)..=(r, usize::MAX))
                .filter(|(_, v)| !v.text.trim().is_empty())
                .map(|(&(_, x), v)| (x, v.text.clone()))
                .collect();
            let pick = in_score.or_else(|| vals.last().map(|(x, _)| *x));
            if let Some(x) = pick {
                acc.doc.stated.total = cx.take(r, x);
                acc.parts.insert(Part::Stated);
                cx.map_col(x, (r, r), Text::new("自评总分", "stated total"));
                for (y, _) in vals.iter().filter(|(y, _)| *y != x) {
                    let v = s.own(r, *y);
                    if GRADE_WORDS.contains(&norm(v).as_str()) {
                        continue;
                    }
                    if let Some(&wc) = tables.iter().rev().find(|t| t.top < r).and_then(|t| t.cols.get("weight")) {
                        if wc == *y {
                            cx.unplace(
                                r,
                                *y,
                                Text::new(
                                    "总分的满分（由评分结构决定，未读取）",
                                    "the full marks of the total (set by the rubric, not read)",
                                ),
                            );
                        }
                    }
                }
            }
            continue;
        }
        if GRADE_WORDS.contains(&n.as_str()) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.stated.grade = v;
                acc.parts.insert(Part::Stated);
                cx.map_rows((r, r), Text::new("评价等级", "grade"));
            }
            continue;
        }
        if n.contains("原因分析") || n == "偏差原因" || n.starts_with("偏差大") {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.budget.reason = v;
                acc.parts.insert(Part::Budget);
                cx.map_rows((r, r), Text::new("偏差原因（整体）", "reason (overall)"));
            }
            continue;
        }
        if n.starts_with("改进措施") {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.budget.measure = v;
                acc.parts.insert(Part::Budget);
                cx.map_rows((r, r), Text::new("改进措施（整体）", "measure (overall)"));
            }
            continue;
        }
    }
}

/// The rubric the workbook's weights imply, and each indicator's node.
fn finish(acc: &mut Acc) {
    let d = &mut acc.doc;
    let w = acc.exec_weight.clone().unwrap_or_default();
    let wd = number::parse_opt(&w, Kind::Weight).ok().flatten();
    let national = wd.is_none_or(|x| x == Decimal::TEN);
    if national {
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

/// "name：amount" (after an optional 其中：), the amount blank or a number.
fn name_amount(v: &str) -> Option<(String, String)> {
    let t = v.trim();
    let t = t.strip_prefix("其中").map(|x| x.trim_start_matches([':', '：', ' '])).unwrap_or(t);
    let (name, amount) = t.rsplit_once([':', '：'])?;
    let (name, amount) = (name.trim(), amount.trim());
    if name.is_empty() || number::parse_opt(amount, Kind::Value).is_err() {
        return None;
    }
    Some((name.to_string(), amount.to_string()))
}

/// The Hunan 部门整体 split under the funds row: 按收入性质分：2030.12 | 按支出性质分：1925.67, and
/// below each, "其中：一般公共预算：1325.68", "政府性基金拨款：118.82", … as the 执行数 of rows by
/// source and by type. The split's own sum has no field: it is listed.
fn split(cx: &mut Ctx, acc: &mut Acc, r: u32, c: usize, text: &str) {
    let s = cx.s;
    let income = norm(text).starts_with("按收入性质分");
    let group = if income { "source" } else { "type" };
    cx.used.insert((r, c));
    if name_amount(text).is_some_and(|(_, a)| !a.is_empty()) {
        cx.used.remove(&(r, c));
        cx.unplace(
            r,
            c,
            Text::new(
                "分项的合计没有对应的字段（各分项已读取为执行数，由本工具相加核对）",
                "the split's sum has no field (its rows are read as spent and added up by the checker)",
            ),
        );
    }
    let mut last = r;
    let mut row = r + 1;
    while let Some((name, amount)) = name_amount(s.own(row, c)) {
        cx.used.insert((row, c));
        let n = norm(&name);
        let base = [
            ("一般公共预算", "gen"),
            ("政府性基金", "fund"),
            ("非税", "nontax"),
            ("其他资金", "other"),
            ("基本支出", "basic"),
            ("项目支出", "project"),
        ]
        .iter()
        .find(|(w, _)| n.contains(w))
        .map(|(_, id)| id.to_string())
        .unwrap_or_else(|| format!("s{row}"));
        let id = if acc.doc.budget.rows.iter().any(|x| x.id == base) { format!("{base}{row}") } else { base };
        acc.doc.budget.rows.push(BudgetRow { id, group: group.into(), name, actual: amount, ..Default::default() });
        acc.parts.insert(Part::Budget);
        last = row;
        row += 1;
    }
    if last > r {
        cx.map_col(
            c,
            (r + 1, last),
            if income {
                Text::new("按收入性质分：各来源的执行数", "by source: spent per fund source")
            } else {
                Text::new("按支出性质分：基本支出、项目支出的执行数", "by type: spent on basic and project expenditure")
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words_normalise() {
        assert_eq!(norm("年度\n指标值"), "年度指标值");
        assert_eq!(norm("预算数(A)"), "预算数");
        assert_eq!(norm("得分 (20分*执行率)"), "得分");
        assert_eq!(norm("其中：当年财政拨款"), "其中当年财政拨款");
        assert_eq!(key_of(funds_words(), "执行数(B)"), Some("spent"));
        assert_eq!(key_of(indicator_words(), "实际\n完成值"), Some("actual"));
        assert_eq!(key_of(indicator_words(), "是否核心指标"), None);
    }

    #[test]
    fn years_and_points() {
        assert_eq!(year_in("稷山县项目支出绩效自评表（2021年度）").as_deref(), Some("2021"));
        assert_eq!(year_in("2023 年度部门整体支出绩效自评表").as_deref(), Some("2023"));
        assert_eq!(year_in("第12345号"), None);
        assert_eq!(points_in("得分 (20分*执行率)").as_deref(), Some("20"));
        assert_eq!(points_in("年度目标1:(80分)").as_deref(), Some("80"));
        assert_eq!(points_in("得分"), None);
    }

    fn book(rows: &[&[&str]]) -> Vec<u8> {
        use crate::office::xlsx::sheet::{write_workbook, Cell, SheetOut, Style};
        let rows = rows
            .iter()
            .map(|r| {
                r.iter().map(|v| if v.is_empty() { Cell::Empty(Style::Text) } else { Cell::Text(v.to_string(), Style::Text) }).collect()
            })
            .collect();
        write_workbook(&[SheetOut { name: "表".into(), rows, ..Default::default() }])
    }

    #[test]
    fn an_adjusted_target_replaces_the_initial_one_which_is_listed() {
        let b = book(&[
            &["一级指标", "二级指标", "三级指标", "年初指标值", "调整指标值", "全年完成值", "分值", "得分"],
            &["产出指标", "数量指标", "培训人次", "≥100人次", "≥120人次", "118人次", "10", "9.83"],
            &["产出指标", "质量指标", "合格率", "≥95%", "", "96%", "10", "10"],
        ]);
        let r = crate::workbook::read(&b).unwrap();
        let inds = &r.document.tasks[0].indicators;
        assert_eq!(inds[0].target, "≥120人次");
        assert_eq!(inds[1].target, "≥95%");
        assert_eq!(r.unplaced.len(), 1, "{:#?}", r.unplaced);
        assert_eq!(r.unplaced[0].at, "表!D2");
        assert_eq!(r.unplaced[0].text, "≥100人次");
    }

    #[test]
    fn split_cells() {
        assert_eq!(name_amount("其中: 一般公共预算:1325.68"), Some(("一般公共预算".into(), "1325.68".into())));
        assert_eq!(name_amount("纳入专户管理的非税收入拨款:"), Some(("纳入专户管理的非税收入拨款".into(), String::new())));
        assert_eq!(name_amount("说明：文字"), None);
        assert_eq!(name_amount("1325.68"), None);
    }

    #[test]
    fn subtotal_rows_are_listed_not_read_as_indicators() {
        let b = book(&[
            &["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            &["产出指标", "数量指标", "培训人次", "≥100人次", "118人次", "10", "10"],
            &["小计", "", "", "", "", "10", "10"],
            &["总分", "", "", "", "", "100", "95"],
        ]);
        let r = crate::workbook::read(&b).unwrap();
        assert_eq!(r.document.tasks[0].indicators.len(), 1);
        assert_eq!(r.document.stated.total, "95");
        let at: Vec<&str> = r.unplaced.iter().map(|u| u.at.as_str()).collect();
        assert_eq!(at, ["表!A3", "表!F3", "表!G3", "表!F4"], "{:#?}", r.unplaced);
    }

    #[test]
    fn a_reason_beginning_with_shuoming_is_not_a_notes_row() {
        let b = book(&[
            &["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因"],
            &["产出指标", "数量指标", "培训人次", "≥100人次", "90人次", "说明：受疫情影响推迟"],
            &["产出指标", "质量指标", "合格率", "≥95%", "96%", ""],
            &["填表说明：按年初目标填写"],
        ]);
        let r = crate::workbook::read(&b).unwrap();
        let inds = &r.document.tasks[0].indicators;
        assert_eq!(inds.len(), 2);
        assert_eq!(inds[0].reason, "说明：受疫情影响推迟");
        assert!(r.unplaced.is_empty(), "{:#?}", r.unplaced);
        assert!(r.mapping.iter().any(|m| m.rows == (4, 4) && m.what.zh.starts_with("填表说明")));
    }
}
