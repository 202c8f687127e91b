//! `score.cell_blank`: a weight, score or rate cell the form has, left blank.
//!
//! - **What** (policy: a blank is not agreement): where the document has the cell (a level-1
//!   score listed in `stated.scores`, an indicator's 得分 in a table where other quantitative
//!   indicators state theirs, the 分值 of an indicator that states a score, the 合计 row's 执行率
//!   where its amounts are there, the amounts of a budget row in a breakdown filled row by row)
//!   and leaves it blank, say so, with the computed value when there is one, instead of filling
//!   it in silently.
//! - **Why**: the form is filled in completely; a blank cell is not the tool's figure.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：自评表各项内容应填写完整.

use crate::check::finding::{violation, Finding};
use crate::check::rules::indicator::pairs;
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::Text;
use crate::text::number::is_blank;

/// A blank cell.
#[derive(Debug)]
pub struct CellBlank {
    /// The cell, in words.
    pub what: Text,
    /// What to write, when known: （按计算应为 9.60） / " (computed: 9.60)".
    pub hint: Text,
}

violation!(CellBlank = "score.cell_blank" { what, hint });

fn finding(path: &str, what: (String, String), computed: Option<String>) -> Finding {
    let hint = match computed {
        Some(c) => Text::new(format!("（按计算应为 {c}）"), format!(" (computed: {c})")),
        None => Text::default(),
    };
    Finding::of(path, CellBlank { what: Text::new(what.0, what.1), hint })
}

/// Every blank cell the form has (see the module doc).
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let total = &ctx.budget.total;
    // The 执行率 cell belongs to a scored form: a document stating no score at all (a narrative
    // typed in) has none to leave blank.
    let scored_form = !is_blank(&ctx.doc.stated.total)
        || ctx.doc.stated.scores.values().any(|s| !is_blank(&s.score))
        || ctx.doc.indicators().any(|(_, i)| !is_blank(&i.stated_score));
    if scored_form && is_blank(&ctx.doc.budget.total.stated_rate) && !total.not_applicable {
        if let Some(rate) = total.rate {
            out.push(finding(
                "budget.total.stated_rate",
                ("合计行的执行率".into(), "The total row's execution rate".into()),
                Some(format!("{rate}%")),
            ));
        }
    }
    for (id, st) in &ctx.doc.stated.scores {
        if !is_blank(&st.score) {
            continue;
        }
        let Some(n) = ctx.scores.node(id) else { continue };
        out.push(finding(
            &path::stated_score(id, "score"),
            (format!("“{}”的得分", n.name), format!("The score of '{}'", n.name)),
            n.computed.map(|c| c.to_string()),
        ));
    }
    // The table has a 得分 column when a quantitative row states its score (a 定性 row states
    // one in any case: its score is a range); a table of computed scores leaves them to the tool.
    let table_states_scores = pairs(ctx).any(|(r, i)| r.range.is_none() && r.tier.is_none() && !is_blank(&i.stated_score));
    // A table without a 分值 column at all (every scored row's weight blank: the 得分 column
    // doubles as the weight) is one finding, at its first row, not one per row.
    let scored = || ctx.doc.indicators().filter(|(_, i)| !is_blank(&i.stated_score));
    if table_states_scores && scored().all(|(_, i)| is_blank(&i.weight)) {
        if let Some((t, i)) = scored().next() {
            out.push(finding(
                &path::indicator(&t.id, &i.id, "weight"),
                ("绩效指标的分值（表中没有分值栏，得分栏兼作分值；部分得分时无从核对）".into(), "The indicators' weights (the table has no weight column: the score column doubles as the weight, so a partial score cannot be checked)".into()),
                None,
            ));
        }
        return out;
    }
    // A budget row left wholly blank in a breakdown the unit filled row by row (at least two other
    // rows of its group hold amounts): 0 or a figure, not nothing. With only one row filled, the
    // form's other rows are the template's (其他资金, 上年结转 with no money) and stay quiet; a row
    // derived as the total's remainder is filled by the tool, and says so.
    for (r, raw) in ctx.budget.rows.iter().zip(&ctx.doc.budget.rows) {
        let blank = [&raw.initial, &raw.adjusted, &raw.actual, &raw.stated_rate].iter().all(|s| is_blank(s));
        if !blank || r.derived {
            continue;
        }
        let filled = ctx.doc.budget.rows.iter().filter(|o| o.group == raw.group && !(is_blank(&o.actual) && is_blank(&o.adjusted))).count();
        if filled >= 2 {
            let v = CellBlank {
                what: Text::new(format!("“{}”一行的金额", r.name), format!("The amounts of the row '{}'", r.name)),
                hint: Text::new("（没有此项资金的，填 0 或删去此行）", " (0 if there was no such money, or delete the row)"),
            };
            out.push(Finding::of(path::budget_row(&r.id, "actual"), v));
        }
    }
    // The weight a node's indicators state, for a blank 分值 among them.
    let stated_weights = |node: &str| -> (usize, rust_decimal::Decimal) {
        let w: Vec<rust_decimal::Decimal> = pairs(ctx).filter(|(r, _)| r.node == node).filter_map(|(r, _)| r.weight).collect();
        (w.len(), w.iter().copied().sum())
    };
    for (r, i) in pairs(ctx) {
        // An otherwise complete indicator (name, target, actual) without its 分值 in a table whose
        // other rows of the same item state theirs.
        let given = |s: &str| !is_blank(s) && !crate::text::words::is_placeholder(s);
        if is_blank(&i.weight) && is_blank(&i.stated_score) && given(&i.target) && given(&i.actual) && !r.node.is_empty() {
            let (n, sum) = stated_weights(&r.node);
            if n > 0 {
                let full = ctx.scores.node(&r.node).and_then(|x| x.effective_weight).filter(|w| sum >= *w);
                let (hint_zh, hint_en) = match full {
                    Some(w) => (
                        format!("（同项其余指标分值之和已是 {}，等于该项分值 {}：分值须重新分配）", sum.normalize(), w.normalize()),
                        format!(
                            " (the other indicators of the item already weigh {}, its whole weight {}: the weights must be shared anew)",
                            sum.normalize(),
                            w.normalize()
                        ),
                    ),
                    None => (String::new(), String::new()),
                };
                let v = CellBlank {
                    what: Text::new(format!("“{}”的分值", i.name), format!("The weight of '{}'", i.name)),
                    hint: Text::new(hint_zh, hint_en),
                };
                out.push(Finding::of(path::indicator(&r.task, &r.id, "weight"), v));
                continue;
            }
        }
        if is_blank(&i.weight) && !is_blank(&i.stated_score) {
            out.push(finding(
                &path::indicator(&r.task, &r.id, "weight"),
                (format!("“{}”的分值", i.name), format!("The weight of '{}'", i.name)),
                None,
            ));
        } else if table_states_scores && !is_blank(&i.weight) && is_blank(&i.stated_score) {
            out.push(finding(
                &path::indicator(&r.task, &r.id, "stated_score"),
                (format!("“{}”的得分", i.name), format!("The score of '{}'", i.name)),
                r.score.map(|c| c.to_string()),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_blank_total_rate_with_the_computed_one() {
        fires(&with(|d| d.budget.total.stated_rate.clear()), "score.cell_blank", "budget.total.stated_rate", &["96.00%"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "score.cell_blank");
    }
}
