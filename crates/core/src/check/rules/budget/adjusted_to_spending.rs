//! `budget.adjusted_to_spending`: a budget adjusted during the year to exactly what was spent.
//!
//! - **What**: a row whose 全年预算数 differs from its 年初预算数 and equals its 执行数.
//! - **Why**: adjusting the budget to the spending makes any execution 100%; reviewers ask.
//! - **Source**: 预算绩效评审常见问题：以调整预算迎合执行率.

use super::{rows, RowName};
use crate::check::finding::{violation, Finding, Money};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::number::is_blank;

/// A budget adjusted to the spending.
#[derive(Debug)]
pub struct AdjustedToSpending {
    /// The row.
    pub row: RowName,
    /// 年初预算数.
    pub initial: Money,
    /// 全年预算数 (= 执行数).
    pub adjusted: Money,
}

violation!(AdjustedToSpending = "budget.adjusted_to_spending" { row, initial, adjusted });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let (Some(i), Some(adj), Some(a), false) = (r.initial, r.budget, r.actual, is_blank(&raw.adjusted)) {
            if adj == a && i != adj {
                let v = AdjustedToSpending { row: RowName::of(r), initial: Money(i), adjusted: Money(adj) };
                out.push(Finding::of(path::budget_row(&r.id, "adjusted"), v));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_budget_adjusted_to_the_spending() {
        let f = with(|d| {
            fin(d).initial = "850.00".into();
            fin(d).adjusted = "780.00".into();
            fin(d).reason = "年中调减。".into();
        });
        fires(&f, "budget.adjusted_to_spending", "budget.rows.fin.adjusted", &["财政拨款", "850.00", "780.00"]);
    }

    #[test]
    fn quiet_on_another_adjustment() {
        let f = with(|d| {
            fin(d).initial = "850.00".into();
            fin(d).reason = "年中调减。".into();
        });
        quiet(&f, "budget.adjusted_to_spending");
    }
}
