//! Pasting the budget table (预算执行) from Excel or WPS: tab-separated text, one row per line.
//!
//! Column order, as on the page and in `docs/paste.md`:
//! 项目 · 年初预算数 · 全年预算数 · 执行数 · 填报执行率 · 说明. The block's first cell goes to
//! the cell it is pasted into.
//!
//! Policy:
//! - A block that starts with the 项目 column is placed **by row name**, because a 决算 sheet
//!   rarely lists its rows in the page's order: 合计/总计 goes to 合计, a name goes to the row of
//!   the same name, or to the one row whose name contains it or is contained in it (财政拨款 →
//!   一般公共预算财政拨款, 其他资金 → 单位资金（其他资金）). A name that matches no row, or more
//!   than one, becomes a new row: under 按支出类型 when it is a known expenditure type or ends in
//!   支出, else under 按资金来源.
//! - A block that starts with a figure column fills **downward from the row pasted into**, in the
//!   page's order (合计, then the fund-source rows, then the expenditure-type rows). Rows beyond the
//!   last are not pasted and are counted, since it cannot be known which group they belong to.
//! - Every cell is kept exactly as copied: a figure that does not parse is flagged by the checker
//!   at its field (`entry.invalid`), never dropped or reformatted here. A first row that repeats the
//!   column headings is skipped; cells beyond the last column are counted, not pasted.

use std::sync::OnceLock;

use crate::document::format::{group, path, SelfEvaluation, ROW_NAMES};
use crate::document::schema;
use crate::edit;
use crate::edit::paste::block;
use crate::text::number::{self, Kind};

/// The fields of the paste columns, in order (their headings: [`schema::BUDGET`]).
const ORDER: &[&str] = &["name", "initial", "adjusted", "actual", "stated_rate", "reason"];

/// The paste columns in order: (field, zh-CN heading, English heading), from the field schema.
pub fn columns() -> &'static [(&'static str, &'static str, &'static str)] {
    static COLUMNS: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    COLUMNS.get_or_init(|| {
        ORDER
            .iter()
            .map(|k| {
                let (zh, en) = schema::column(schema::BUDGET, k).map_or((*k, *k), schema::Column::heading);
                (*k, zh, en)
            })
            .collect()
    })
}

/// What a paste did.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pasted {
    /// Ids of the rows written to, in block order (`total` for 合计).
    pub rows: Vec<String>,
    /// Names of the rows the paste added.
    pub added: Vec<String>,
    /// The fields the block covers, in column order.
    pub fields: Vec<&'static str>,
    /// True when the first row was a heading row and was skipped.
    pub skipped_heading: bool,
    /// Block rows below the table's last row (figure columns only), not pasted.
    pub rows_beyond: usize,
    /// Block rows with a blank 项目 cell (name columns only), not pasted.
    pub unnamed: usize,
    /// Non-blank cells beyond the last column, not pasted.
    pub extra_cells: usize,
}

/// The column index of a budget field, if it is a paste column.
pub fn column_of(field: &str) -> Option<usize> {
    ORDER.iter().position(|f| *f == field)
}

/// A row name without spaces, with full-width brackets as ASCII ones.
fn norm(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

fn is_total(name: &str) -> bool {
    let n = norm(name);
    n.starts_with("合计") || n.starts_with("总计")
}

fn is_heading(row: &[String], start: usize) -> bool {
    let heading = |k: usize, c: &str| {
        let c = norm(c).to_ascii_lowercase();
        match ORDER.get(start + k).copied() {
            // A row name or a note can itself contain 项目 or 执行 (项目支出, 执行进度慢): only
            // the heading words themselves count there.
            Some("name") => ["项目", "项目名称", "科目", "row"].contains(&c.as_str()),
            Some("reason") => ["说明", "备注", "note"].contains(&c.as_str()),
            Some(_) => ["预算", "执行", "budget", "spending", "rate"].iter().any(|h| c.contains(h)),
            None => false,
        }
    };
    row.iter().enumerate().any(|(k, c)| heading(k, c))
        && row.iter().all(|c| number::parse_opt(c, Kind::Value).map(|v| v.is_none()).unwrap_or(true))
}

/// The row of `doc` a pasted name belongs to: 合计, the same name, or the one row whose name
/// contains it or is contained in it.
pub fn row_for(doc: &SelfEvaluation, name: &str) -> Option<String> {
    if is_total(name) {
        return Some("total".to_string());
    }
    let n = norm(name);
    if n.is_empty() {
        return None;
    }
    if let Some(r) = doc.budget.rows.iter().find(|r| norm(&r.name) == n) {
        return Some(r.id.clone());
    }
    let mut near = doc.budget.rows.iter().filter(|r| {
        let rn = norm(&r.name);
        !rn.is_empty() && (rn.contains(&n) || n.contains(&rn))
    });
    match (near.next(), near.next()) {
        (Some(r), None) => Some(r.id.clone()),
        _ => None,
    }
}

/// The group a new row named `name` goes under.
pub fn group_for(name: &str) -> &'static str {
    let n = norm(name);
    let known = ROW_NAMES.iter().find(|(_, zh, _)| norm(zh) == n).map(|(g, _, _)| *g);
    known.unwrap_or(if n.ends_with("支出") { group::TYPE } else { group::SOURCE })
}

/// The rows in the page's order: 合计, fund-source rows, expenditure-type rows.
fn display_order(doc: &SelfEvaluation) -> Vec<String> {
    let mut ids = vec!["total".to_string()];
    for g in [group::SOURCE, group::TYPE] {
        ids.extend(doc.budget.rows.iter().filter(|r| r.group == g).map(|r| r.id.clone()));
    }
    ids
}

/// Pastes a block into the budget table of `doc`, its first cell at row `row_id` (`total` for
/// 合计), column `field` (see the module's policy).
pub fn paste(doc: &mut SelfEvaluation, text: &str, row_id: &str, field: &str) -> Pasted {
    let start = column_of(field).unwrap_or(0);
    let b = block(text, start, columns(), |r| is_heading(r, start));
    let mut out = Pasted { fields: b.fields, skipped_heading: b.skipped_heading, ..Default::default() };
    let order = display_order(doc);
    let first = order.iter().position(|id| id == row_id).unwrap_or(0);
    for (k, cells) in b.rows.into_iter().enumerate() {
        let id = if start == 0 {
            let name = cells.first().map(String::as_str).unwrap_or("");
            if norm(name).is_empty() {
                out.unnamed += 1;
                continue;
            }
            match row_for(doc, name) {
                Some(id) => id,
                None => {
                    out.added.push(name.trim().to_string());
                    edit::rows::add_budget_row(doc, group_for(name), name.trim())
                }
            }
        } else {
            match order.get(first + k) {
                Some(id) => id.clone(),
                None => {
                    out.rows_beyond += 1;
                    continue;
                }
            }
        };
        for (c, cell) in cells.into_iter().enumerate() {
            let Some((f, _, _)) = columns().get(start + c) else {
                if !cell.trim().is_empty() {
                    out.extra_cells += 1;
                }
                continue;
            };
            // 合计's name is fixed; a matched row keeps its own name.
            if *f == "name" {
                continue;
            }
            edit::set(doc, &path::budget_row(&id, f), &cell);
        }
        out.rows.push(id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::draft::blank_document;
    use crate::edit::paste::split_tsv;

    fn row<'a>(doc: &'a SelfEvaluation, name: &str) -> &'a crate::document::format::BudgetRow {
        doc.budget.rows.iter().find(|r| r.name == name).unwrap()
    }

    #[test]
    fn a_block_with_names_goes_to_the_rows_of_those_names_in_any_order() {
        let mut doc = blank_document();
        let text = "项目\t年初预算数\t全年预算数\t执行数\n财政拨款\t26,000.00\t27,585.71\t26,393.83\n合 计\t\t35,408.62\t33,814.57\n项目支出\t\t15,408.62\t14,626.57\n";
        let p = paste(&mut doc, text, "fin", "name");
        assert!(p.skipped_heading);
        assert_eq!(p.rows, vec!["fin", "total", "project"]);
        assert!(p.added.is_empty());
        assert_eq!(p.fields, vec!["name", "initial", "adjusted", "actual"]);
        let fin = row(&doc, "一般公共预算财政拨款");
        assert_eq!((fin.initial.as_str(), fin.adjusted.as_str(), fin.actual.as_str()), ("26,000.00", "27,585.71", "26,393.83"));
        assert_eq!(doc.budget.total.actual, "33,814.57");
        assert_eq!(doc.budget.total.name, "合计", "合计 keeps its name");
        assert_eq!(row(&doc, "项目支出").adjusted, "15,408.62");
        // The figures compute as if typed.
        let ev = crate::evaluate(&doc);
        assert_eq!(ev.budget.row("fin").and_then(|r| r.rate).map(|r| r.to_string()).as_deref(), Some("95.68"));
        assert_eq!(ev.budget.total.rate.map(|r| r.to_string()).as_deref(), Some("95.50"));
    }

    #[test]
    fn heading_rows_are_recognised_and_names_that_look_like_headings_are_not() {
        assert!(is_heading(&split_tsv("项目\t年初预算数\t全年预算数（调整后）\t执行数\t执行率（%）\t备注")[0], 0));
        assert!(is_heading(&split_tsv("调整后预算\t实际执行")[0], 2));
        assert!(!is_heading(&split_tsv("项目支出\t\t\t")[0], 0));
        assert!(!is_heading(&split_tsv("执行进度慢")[0], 5));
        assert!(!is_heading(&split_tsv("合计\t35,408.62")[0], 0));
    }

    #[test]
    fn names_that_match_no_row_become_rows_of_the_right_group() {
        let mut doc = blank_document();
        let p = paste(&mut doc, "政府性基金预算\t\t120\t100\n对个人和家庭的补助支出\t\t30\t30\n上年结转\t\t5\t5\n", "fin", "name");
        assert_eq!(p.added, vec!["政府性基金预算", "对个人和家庭的补助支出", "上年结转"]);
        assert_eq!(row(&doc, "政府性基金预算").group, group::SOURCE);
        assert_eq!(row(&doc, "对个人和家庭的补助支出").group, group::TYPE);
        assert_eq!(row(&doc, "上年结转").group, group::SOURCE);
        assert_eq!(row(&doc, "政府性基金预算").actual, "100");
    }

    #[test]
    fn an_ambiguous_name_is_added_rather_than_guessed() {
        let mut doc = blank_document();
        // "支出" is contained in both 基本支出 and 项目支出.
        assert_eq!(row_for(&doc, "支出"), None);
        assert_eq!(row_for(&doc, "其他资金").as_deref(), Some("other"));
        assert_eq!(row_for(&doc, "总计").as_deref(), Some("total"));
        let p = paste(&mut doc, "支出\t1\t1\t1\n", "total", "name");
        assert_eq!(p.added, vec!["支出"]);
    }

    #[test]
    fn figures_without_names_fill_downward_in_the_pages_order() {
        let mut doc = blank_document();
        let p = paste(&mut doc, "35,408.62\t33,814.57\n27,585.71\t26,393.83\n7,822.91\t7,420.74\n", "total", "adjusted");
        assert_eq!(p.rows, vec!["total", "fin", "other"]);
        assert_eq!(p.fields, vec!["adjusted", "actual"]);
        assert_eq!(row(&doc, "单位资金（其他资金）").actual, "7,420.74");
        assert_eq!(doc.budget.total.initial, "", "columns before the pasted one are untouched");
        // From the last row on, what does not fit is counted, not added.
        let p = paste(&mut doc, "1\n2\n3\n", "project", "actual");
        assert_eq!((p.rows.len(), p.rows_beyond), (1, 2));
        assert_eq!(row(&doc, "项目支出").actual, "1");
    }

    #[test]
    fn cells_are_kept_as_copied_and_the_checker_flags_what_does_not_parse() {
        let mut doc = blank_document();
        let p = paste(&mut doc, "财政拨款\t\t27,585.7l\t２６３９３．８３\t95.68%\t疫情影响\t多余\n\t\t1\t1\n", "fin", "name");
        assert_eq!((p.extra_cells, p.unnamed), (1, 1));
        let fin = row(&doc, "一般公共预算财政拨款");
        assert_eq!(
            (fin.adjusted.as_str(), fin.actual.as_str(), fin.stated_rate.as_str(), fin.reason.as_str()),
            ("27,585.7l", "２６３９３．８３", "95.68%", "疫情影响")
        );
        let ev = crate::evaluate(&doc);
        assert!(ev.findings.iter().any(|f| f.rule == "entry.invalid" && f.path == "budget.rows.fin.adjusted"));
    }
}
