//! `budget.low_execution`: a row executed below the threshold (90%) with no reason.
//!
//! - **What**: the total or any row whose rate (from its amounts, else as stated) is below
//!   `execution_reason_below` in `data/thresholds.json`, while neither the row's reason nor (for
//!   the total) the budget's reason is written.
//! - **Why**: the provincial and city notices ask for the reason of low execution; a reviewer
//!   returns a table without it.
//! - **Source**: 广东省、广州市年度部门整体支出绩效自评通知：预算执行率低于90%的须说明原因.

use rust_decimal::Decimal;

use super::{reason_of, reason_path, rows, shown_rate, RowName};
use crate::check::finding::{violation, Finding};
use crate::check::rules::{thresholds, Context};
use crate::text::number::is_blank;

/// A row below the threshold without a reason.
#[derive(Debug)]
pub struct LowExecution {
    /// The row.
    pub row: RowName,
    /// Its rate, in %.
    pub rate: Decimal,
    /// The threshold, in %.
    pub threshold: Decimal,
}

violation!(LowExecution = "budget.low_execution" { row, rate, threshold });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let th = thresholds::get().execution_reason_below;
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let Some(rate) = shown_rate(r) {
            if rate < th && is_blank(reason_of(ctx, r, raw)) {
                out.push(Finding::of(reason_path(r), LowExecution { row: RowName::of(r), rate, threshold: th }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_row_below_90_percent_without_a_reason() {
        let f = with(|d| {
            other(d).actual = "170.00".into();
            other(d).stated_rate = "85.00".into();
        });
        fires(&f, "budget.low_execution", "budget.rows.other.reason", &["其他资金", "85.00", "90"]);
    }

    #[test]
    fn quiet_when_the_row_gives_its_reason() {
        let f = with(|d| {
            other(d).actual = "170.00".into();
            other(d).stated_rate = "85.00".into();
            other(d).reason = "部分项目延期至次年实施。".into();
        });
        quiet(&f, "budget.low_execution");
    }
}
