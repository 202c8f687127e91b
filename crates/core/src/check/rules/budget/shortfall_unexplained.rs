//! `budget.shortfall_unexplained`: overall execution below 100% without both a reason and a
//! measure.
//!
//! - **What**: the total's rate below 100% while 偏差原因 or 改进措施 of the budget is blank (or
//!   says nothing: "/", "无", the template's own words).
//! - **Why**: a target not met is analysed and answered with a measure.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：未完成绩效目标的应分析偏差原因并提出改进措施.

use rust_decimal::Decimal;

use super::shown_rate;
use crate::check::finding::{violation, Finding};
use crate::check::rules::{Context, Missing};
use crate::text::number::is_blank;

/// Execution below 100% without a reason or a measure.
#[derive(Debug)]
pub struct ShortfallUnexplained {
    /// The total's rate.
    pub rate: Decimal,
    /// What is missing.
    pub missing: Missing,
}

violation!(ShortfallUnexplained = "budget.shortfall_unexplained" { rate, missing });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some(rate) = shown_rate(&ctx.budget.total) else { return vec![] };
    if rate >= Decimal::ONE_HUNDRED {
        return vec![];
    }
    let b = &ctx.doc.budget;
    let Some(missing) = Missing::of(&b.reason, &b.measure) else { return vec![] };
    let at = if is_blank(&b.reason) { "budget.reason" } else { "budget.measure" };
    vec![Finding::of(at, ShortfallUnexplained { rate, missing })]
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_without_a_measure() {
        fires(
            &with(|d| d.budget.measure = " ".into()),
            "budget.shortfall_unexplained",
            "budget.measure",
            &["96.00", "改进措施", "measure"],
        );
    }

    #[test]
    fn fires_without_either() {
        let f = with(|d| {
            d.budget.reason.clear();
            d.budget.measure.clear();
        });
        fires(&f, "budget.shortfall_unexplained", "budget.reason", &["偏差原因和改进措施", "a reason (偏差原因) and a measure"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "budget.shortfall_unexplained");
    }
}
