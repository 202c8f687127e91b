//! `indicator.actual_is_bound`: an actual written as a bound ("≥266米", "≥95%").
//!
//! - **What**: a quantitative indicator whose 实际完成值 carries a sign or bound word.
//! - **Why**: the form asks for the measured value; a bound cannot be scored.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件自评表：“实际完成值”填写实际达到的数值.

use super::{pairs, trimmed};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::{direction, path};
use crate::text::words::split_bound;

/// An actual written as a bound.
#[derive(Debug)]
pub struct ActualIsBound {
    /// The indicator's name.
    pub name: String,
    /// Its actual, as typed.
    pub actual: String,
    /// Its target, as typed.
    pub target: String,
}

violation!(ActualIsBound = "indicator.actual_is_bound" { name, actual, target });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| r.direction != direction::QUALITATIVE && split_bound(&i.actual).is_some())
        .map(|(r, i)| {
            let v = ActualIsBound { name: i.name.clone(), actual: trimmed(&i.actual), target: trimmed(&i.target) };
            Finding::of(path::indicator(&r.task, &r.id, "actual"), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_bound() {
        fires(
            &with(|d| i1(d).actual = "≥100".into()),
            "indicator.actual_is_bound",
            "tasks.t1.indicators.i1.actual",
            &["体检计划完成率", "≥100"],
        );
    }

    #[test]
    fn quiet_on_a_value() {
        quiet(&with(|d| i1(d).actual = "100%".into()), "indicator.actual_is_bound");
    }
}
