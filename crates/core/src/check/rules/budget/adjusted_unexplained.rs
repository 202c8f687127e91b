//! `budget.adjusted_unexplained`: a budget changed during the year (年初 ≠ 全年) with no reason.
//!
//! - **What**: a row (or the total) whose 全年预算数 is typed and differs from its 年初预算数,
//!   while no reason covers the row.
//! - **Why**: an in-year adjustment is approved by procedure; the table should say why.
//! - **Source**: 《中华人民共和国预算法》第六十七条至第六十九条：预算调整须按程序报批.

use super::{reason_of, reason_path, rows, RowName};
use crate::check::finding::{violation, Finding, Money};
use crate::check::rules::Context;
use crate::text::number::is_blank;

/// An adjusted budget without a reason.
#[derive(Debug)]
pub struct AdjustedUnexplained {
    /// The row.
    pub row: RowName,
    /// 年初预算数.
    pub initial: Money,
    /// 全年预算数.
    pub adjusted: Money,
}

violation!(AdjustedUnexplained = "budget.adjusted_unexplained" { row, initial, adjusted });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let (Some(i), false) = (r.initial, is_blank(&raw.adjusted)) {
            let Some(adj) = r.budget else { continue };
            if i != adj && is_blank(reason_of(ctx, r, raw)) {
                out.push(Finding::of(reason_path(r), AdjustedUnexplained { row: RowName::of(r), initial: Money(i), adjusted: Money(adj) }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_an_adjustment_without_a_reason() {
        fires(
            &with(|d| fin(d).initial = "750.00".into()),
            "budget.adjusted_unexplained",
            "budget.rows.fin.reason",
            &["财政拨款", "750.00", "800.00"],
        );
    }

    #[test]
    fn quiet_with_a_reason() {
        let f = with(|d| {
            fin(d).initial = "750.00".into();
            fin(d).reason = "年中追加疫情防控经费 50 万元。".into();
        });
        quiet(&f, "budget.adjusted_unexplained");
    }
}
