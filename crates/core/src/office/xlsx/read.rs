//! Import: each table found by sheet name or header row, every cell validated and named by sheet,
//! row and column (`绩效指标!J7`), the indicator and score rows read back.

use super::sheet::{col_name, SheetIn};
use super::{indicator_columns, CellError, ImportedScores, ADJ_PREFIX, TOTAL_ID};
use crate::check::grade::Grade;
use crate::check::indicator::tier_of;
use crate::document::format::{direction, Adjustment, Indicator, StatedScore, Task};
use crate::document::schema::Column;
use crate::text::lang::Text;
use crate::text::number::{is_blank, parse_opt, Kind};
use std::collections::{BTreeMap, BTreeSet};

pub(super) struct Table<'a> {
    pub(super) sheet: &'a SheetIn,
    pub(super) header_row: u32,
    pub(super) cols: BTreeMap<&'static str, usize>,
    pub(super) headers: BTreeMap<usize, String>,
}

impl<'a> Table<'a> {
    pub(super) fn get(&self, row: u32, key: &str) -> &'a str {
        self.cols.get(key).map(|&c| self.sheet.get(row, c)).unwrap_or("")
    }
    pub(super) fn err(&self, row: u32, key: &str, zh: String, en: String) -> CellError {
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

pub(super) fn norm_header(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !"（）()：:*".contains(*c)).collect::<String>().to_ascii_lowercase()
}

/// Finds the header row (first 10 rows) that names `required`, and maps each known column.
pub(super) fn find_table<'a>(sheet: &'a SheetIn, cols: &'static [Column]) -> Option<Table<'a>> {
    for r in 1..=sheet.last_row().min(10) {
        let mut map = BTreeMap::new();
        let mut headers = BTreeMap::new();
        for (&(row, c), v) in sheet.cells.range((r, 0)..(r + 1, 0)) {
            debug_assert_eq!(row, r);
            let h = norm_header(v);
            if h.is_empty() {
                continue;
            }
            let named = |n: &str| norm_header(n) == h || norm_header(&n.replace("（计算）", "")) == h;
            let key = cols.iter().find(|c| c.names().any(named)).map(|c| c.key);
            if let Some(k) = key {
                map.entry(k).or_insert(c);
                headers.insert(c, v.trim().to_string());
            }
        }
        let named = cols.iter().filter(|c| map.contains_key(c.key)).count();
        if named >= 3 {
            return Some(Table { sheet, header_row: r, cols: map, headers });
        }
    }
    None
}

pub(super) fn category_of(l1: &str, l2: &str) -> Option<String> {
    crate::text::words::category_of_levels(l1, l2).map(str::to_string)
}

pub(super) fn direction_of(s: &str) -> Option<&'static str> {
    crate::text::words::direction_of(s)
}

pub(super) fn check_num(t: &Table, row: u32, key: &str, kind: Kind, errs: &mut Vec<CellError>) {
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

pub(super) fn import_indicators(
    t: &Table,
    rubric_ids: &BTreeSet<String>,
    rubric_names: &BTreeMap<String, String>,
    errs: &mut Vec<CellError>,
) -> Vec<Task> {
    for key in ["name", "actual"] {
        if !t.cols.contains_key(key) {
            let (zh, en) = indicator_columns().iter().find(|c| c.key == key).map(|c| c.heading()).unwrap_or(("", ""));
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
        let scoring = match crate::text::words::scoring_of(t.get(row, "scoring")) {
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

pub(super) fn import_scores(
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
