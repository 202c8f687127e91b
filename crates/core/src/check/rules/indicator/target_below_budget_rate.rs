//! `indicator.target_below_budget_rate`: an execution target below the budget table's rate and
//! the 90% line.
//!
//! - **What**: a "≥" % target of an execution-type indicator ([`EXECUTION_NAMES`]: 预算执行率,
//!   资金支付率, 预算完成率 …) below both the total rate of the budget table and the line under
//!   which execution must be explained (`execution_reason_below`, 90%).
//! - **Why**: the target asks less than the table already shows, and less than the rules require.
//! - **Source**: 广东省、广州市年度部门整体支出绩效自评通知：预算执行率低于90%的须说明原因；《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：指标值应科学合理、具有挑战性.

use rust_decimal::Decimal;

use super::{each, in_percent, trimmed};
use crate::check::finding::{violation, Finding};
use crate::check::rules::{thresholds, Context};
use crate::document::format::{direction, path};

/// The names of execution-type indicators: their target is a budget execution rate.
pub const EXECUTION_NAMES: &[&str] = &["预算执行率", "资金执行率", "支出执行率", "资金支付率", "预算完成率", "资金使用率", "支付进度"];

/// An execution target below the table's rate and the threshold.
#[derive(Debug)]
pub struct TargetBelowBudgetRate {
    /// The indicator's name.
    pub name: String,
    /// Its target, as typed.
    pub target: String,
    /// The budget table's total rate.
    pub rate: Decimal,
    /// The threshold, in %.
    pub threshold: Decimal,
}

violation!(TargetBelowBudgetRate = "indicator.target_below_budget_rate" { name, target, rate, threshold });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some(rate) = ctx.budget.total.rate else { return vec![] };
    let th = thresholds::get().execution_reason_below;
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if r.direction == direction::AT_LEAST
            && r.target.is_some_and(|t| t < th && t < rate)
            && in_percent(i)
            && EXECUTION_NAMES.iter().any(|w| i.name.contains(w))
        {
            let v = TargetBelowBudgetRate { name: i.name.clone(), target: trimmed(&i.target), rate, threshold: th };
            out.push(Finding::of(path::indicator(&r.task, &r.id, "target"), v));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    fn execution(target: &str) -> Vec<crate::check::finding::Finding> {
        with(|d| {
            i1(d).name = "预算执行率".into();
            i1(d).target = target.into();
            i1(d).actual = "96%".into();
        })
    }

    #[test]
    fn fires_below_both() {
        fires(
            &execution("≥80%"),
            "indicator.target_below_budget_rate",
            "tasks.t1.indicators.i1.target",
            &["预算执行率", "80%", "96.00", "90"],
        );
    }

    #[test]
    fn quiet_at_the_line() {
        quiet(&execution("≥90%"), "indicator.target_below_budget_rate");
    }
}
