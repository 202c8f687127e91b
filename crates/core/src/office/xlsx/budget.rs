//! The budget table (预算执行) in the Excel exchange.
//!
//! Policy, as for the other two tables: export writes the figures as typed (numbers as numbers
//! when plain), the computed 执行率 shaded beside the stated one, and row ids in their own column;
//! import finds the table by sheet name or header row, checks every amount and rate, and either
//! names every bad cell or returns the table to replace the document's — 合计, every row and the
//! overall 偏差原因 / 改进措施 — once the officer confirms. The computed column is ignored on import.

use std::collections::BTreeMap;

use crate::check::evaluate::Evaluation;
use crate::document::format::{group, Budget, BudgetRow, SelfEvaluation};
use crate::document::schema::Column;
use crate::text::lang::{Lang, Text};
use crate::text::number::{is_blank, Kind};

use super::layout::{header, num_or_text, percent, table_sheet, text, title};
use super::read::{check_num, Table};
use super::sheet::{Cell, SheetOut, Style};
use super::CellError;

/// The budget sheet's columns.
pub const COLUMNS: &[Column] = crate::document::schema::BUDGET;

/// The sheet's name (zh, en).
pub const SHEET: (&str, &str) = ("预算执行", "Budget");
/// Id-column values of the two rows below the table that hold the overall explanation.
pub const REASON_ID: &str = "偏差原因";
/// See [`REASON_ID`].
pub const MEASURE_ID: &str = "改进措施";

/// Group labels written to and read from the 分组 column: (group, zh, en).
const GROUPS: &[(&str, &str, &str)] =
    &[("", "合计", "Total"), (group::SOURCE, "按资金来源", "By fund source"), (group::TYPE, "按支出类型", "By expenditure type")];

fn group_of(s: &str) -> Option<&'static str> {
    let s = s.trim();
    GROUPS
        .iter()
        .find(|(g, zh, en)| s == *g || s == *zh || s.eq_ignore_ascii_case(en) || s == zh.trim_start_matches('按'))
        .map(|(g, ..)| *g)
}

/// The 预算执行 sheet of the export.
pub fn sheet(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> SheetOut {
    let zh = lang == Lang::Zh;
    let unit = doc.unit.amount_unit.trim();
    let what = if unit.is_empty() {
        ("预算执行".to_string(), "budget".to_string())
    } else {
        (format!("预算执行（{unit}）"), format!("budget ({unit})"))
    };
    let mut rows = vec![vec![Cell::Text(title(doc, &what.0, &what.1, lang), Style::Title)], header(COLUMNS, lang)];
    let results = std::iter::once(&ev.budget.total).chain(ev.budget.rows.iter());
    for (r, res) in std::iter::once(&doc.budget.total).chain(doc.budget.rows.iter()).zip(results) {
        let g = GROUPS.iter().find(|(g, ..)| *g == r.group).map(|(_, z, e)| if zh { *z } else { *e }).unwrap_or(r.group.as_str());
        rows.push(vec![
            text(&r.id),
            text(g),
            text(&r.name),
            num_or_text(&r.initial, Style::Number),
            num_or_text(&r.adjusted, Style::Number),
            num_or_text(&r.actual, Style::Number),
            num_or_text(&r.stated_rate, Style::Number),
            percent(res.rate),
            text(&r.reason),
        ]);
    }
    rows.push(Vec::new());
    for (id, zh_label, en_label, value) in [
        (REASON_ID, "预算执行偏差原因", "Reason for the execution gap", &doc.budget.reason),
        (MEASURE_ID, "改进措施", "Improvement measure", &doc.budget.measure),
    ] {
        let mut row = vec![text(id), Cell::Empty(Style::Text), text(if zh { zh_label } else { en_label })];
        row.extend((3..8).map(|_| Cell::Empty(Style::Text)));
        row.push(text(value));
        rows.push(row);
    }
    table_sheet(if zh { SHEET.0 } else { SHEET.1 }, COLUMNS, rows)
}

/// Reads the budget table: every row, the overall explanation; problems go to `errs`.
pub(super) fn import(t: &Table, doc: &SelfEvaluation, errs: &mut Vec<CellError>) -> Budget {
    let unit = doc.unit.amount_unit.as_str();
    let mut out = Budget::default();
    let mut total_seen = false;
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    for row in t.header_row + 1..=t.sheet.last_row() {
        if t.cols.values().all(|&c| is_blank(t.sheet.get(row, c))) {
            continue;
        }
        let id = t.get(row, "id").trim();
        if id == REASON_ID {
            out.reason = t.get(row, "reason").to_string();
            continue;
        }
        if id == MEASURE_ID {
            out.measure = t.get(row, "reason").to_string();
            continue;
        }
        let name = t.get(row, "name").trim();
        let grp = match group_of(t.get(row, "group")) {
            Some(g) => g,
            None if is_blank(t.get(row, "group")) && (id == "total" || name == "合计") => "",
            None => {
                let g = t.get(row, "group").trim();
                errs.push(t.err(
                    row,
                    "group",
                    format!("分组“{g}”应为 合计、按资金来源 或 按支出类型"),
                    format!("group '{g}' must be Total, By fund source or By expenditure type"),
                ));
                continue;
            }
        };
        for key in ["initial", "adjusted", "actual"] {
            check_num(t, row, key, Kind::Amount { unit }, errs);
        }
        check_num(t, row, "stated_rate", Kind::Percent, errs);
        let r = BudgetRow {
            id: if grp.is_empty() { "total".to_string() } else { id.to_string() },
            group: grp.to_string(),
            name: name.to_string(),
            initial: t.get(row, "initial").to_string(),
            adjusted: t.get(row, "adjusted").to_string(),
            actual: t.get(row, "actual").to_string(),
            stated_rate: t.get(row, "stated_rate").to_string(),
            reason: t.get(row, "reason").to_string(),
        };
        if grp.is_empty() {
            if total_seen {
                errs.push(t.err(row, "name", "合计行出现了两次".into(), "the total row appears twice".into()));
            }
            total_seen = true;
            out.total = r;
            continue;
        }
        if name.is_empty() {
            errs.push(t.err(row, "name", "项目名称不能为空".into(), "the item's name is required".into()));
        }
        if !r.id.is_empty() {
            if let Some(first) = seen.insert(r.id.clone(), row) {
                errs.push(t.err(
                    row,
                    "id",
                    format!("行编号“{}”与第 {first} 行重复", r.id),
                    format!("row id '{}' repeats row {first}", r.id),
                ));
            }
        }
        out.rows.push(r);
    }
    if !total_seen {
        out.total = BudgetRow { id: "total".into(), name: "合计".into(), ..Default::default() };
    }
    out
}

/// What importing the budget table replaces, in words.
pub(super) fn summary(b: &Budget, doc: &SelfEvaluation) -> Text {
    Text::new(
        format!("替换预算执行表：合计与 {} 行（原 {} 行）", b.rows.len(), doc.budget.rows.len()),
        format!("replace the budget table: the total and {} rows (now {})", b.rows.len(), doc.budget.rows.len()),
    )
}
