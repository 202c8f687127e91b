//! `budget.not_applicable`: a zero budget, whose rate is not applicable.
//!
//! - **What**: a row (or the total) with a budget of 0: 0 ÷ 0 is no rate, not 0%.
//! - **Why**: says why the row has no rate, so "执行率 0%" is neither written nor explained.
//! - **Source**: 算术校验：0 ÷ 0 无意义 / arithmetic.

use super::{rows, RowName};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;

/// A row with a budget of 0.
#[derive(Debug)]
pub struct NotApplicable {
    /// The row.
    pub row: RowName,
}

violation!(NotApplicable = "budget.not_applicable" { row });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    rows(ctx)
        .into_iter()
        .filter(|(r, _)| r.not_applicable)
        .map(|(r, _)| Finding::of(path::budget_row(&r.id, "adjusted"), NotApplicable { row: RowName::of(r) }))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;
    use crate::document::format::group;

    #[test]
    fn fires_on_a_zero_budget() {
        let f = with(|d| d.budget.rows.push(row("fund", group::SOURCE, "政府性基金预算", "0", "0", "")));
        fires(&f, "budget.not_applicable", "budget.rows.fund.adjusted", &["政府性基金预算"]);
    }

    #[test]
    fn quiet_on_a_blank_row() {
        // Left blank, the row would be derived as total − the others = 0 ÷ 0: it stays blank.
        quiet(&with(|d| d.budget.rows.push(row("fund", group::SOURCE, "政府性基金预算", "", "", ""))), "budget.not_applicable");
    }
}
