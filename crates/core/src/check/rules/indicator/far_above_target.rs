//! `indicator.far_above_target`: a "≥" indicator completed far above its target.
//!
//! - **What**: completion above `far_above_target_percent` (150%) of a positive "≥" target.
//! - **Why**: the target may have been set too low; a reviewer asks for the reason.
//! - **Source**: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：指标值应科学合理、具有挑战性；超额完成较多的应分析原因.

use rust_decimal::Decimal;

use super::{pairs, trimmed, Completion};
use crate::check::finding::{violation, Finding};
use crate::check::rules::{thresholds, Context};
use crate::document::format::{direction, path};

/// Completion far above the target.
#[derive(Debug)]
pub struct FarAboveTarget {
    /// The indicator's name.
    pub name: String,
    /// Its actual, as typed.
    pub actual: String,
    /// Its target, as typed.
    pub target: String,
    /// Its unit.
    pub unit: String,
    /// Its completion.
    pub completion: Completion,
    /// The threshold, in %.
    pub threshold: Decimal,
}

violation!(FarAboveTarget = "indicator.far_above_target" { name, actual, target, unit, completion, threshold });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let th = thresholds::get().far_above_target_percent;
    pairs(ctx)
        .filter(|(r, _)| r.direction == direction::AT_LEAST && r.target.is_some_and(|t| t > Decimal::ZERO))
        .filter(|(r, _)| r.completion.is_some_and(|c| c > th))
        .map(|(r, i)| {
            let v = FarAboveTarget {
                name: i.name.clone(),
                actual: trimmed(&i.actual),
                target: trimmed(&i.target),
                unit: i.unit.clone(),
                completion: Completion::of(r),
                threshold: th,
            };
            Finding::of(path::indicator(&r.task, &r.id, "target"), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_at_twice_the_target() {
        fires(
            &with(|d| i1(d).target = "50".into()),
            "indicator.far_above_target",
            "tasks.t1.indicators.i1.target",
            &["200.00%", "150", "50"],
        );
    }

    #[test]
    fn quiet_below_150_percent() {
        quiet(&with(|d| i1(d).target = "70".into()), "indicator.far_above_target");
    }
}
