//! `indicator.target_missing`: a quantitative indicator with an actual value but no target.
//!
//! - **What**: a target left blank beside an actual value (定性 indicators are judged by tier).
//! - **Why**: without a target, completion cannot be judged.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：绩效指标应有明确的指标值.

use super::{pairs, trimmed};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::{direction, path};
use crate::text::number::is_blank;

/// An actual without a target.
#[derive(Debug)]
pub struct TargetMissing {
    /// The indicator's name.
    pub name: String,
    /// Its actual, as typed.
    pub actual: String,
    /// Its unit.
    pub unit: String,
}

violation!(TargetMissing = "indicator.target_missing" { name, actual, unit });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| r.direction != direction::QUALITATIVE && is_blank(&i.target) && !is_blank(&i.actual))
        .map(|(r, i)| {
            let v = TargetMissing { name: i.name.clone(), actual: trimmed(&i.actual), unit: i.unit.clone() };
            Finding::of(path::indicator(&r.task, &r.id, "target"), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_blank_target() {
        let f = with(|d| d.tasks[0].indicators[1].target.clear());
        fires(&f, "indicator.target_missing", "tasks.t1.indicators.i2.target", &["就业率", "96%"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "indicator.target_missing");
    }
}
