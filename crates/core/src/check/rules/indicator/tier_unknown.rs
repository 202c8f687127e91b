//! `indicator.tier_unknown`: a 定性 indicator whose actual value is not one of the tiers.
//!
//! - **What**: an actual that is neither 达成, 部分达成, 未达成 nor words the result reader
//!   understands against the target ("达成预期指标", "有效改善").
//! - **Why**: a 定性 indicator is scored by its tier; without one it has no score range.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：定性指标按达成、部分达成、未达成分档评分.

use super::{pairs, trimmed};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::{direction, path};
use crate::text::number::is_blank;

/// A 定性 result not understood.
#[derive(Debug)]
pub struct TierUnknown {
    /// The indicator's name.
    pub name: String,
    /// Its actual, as typed.
    pub actual: String,
    /// Its target, as typed.
    pub target: String,
}

violation!(TierUnknown = "indicator.tier_unknown" { name, actual, target });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| r.direction == direction::QUALITATIVE && !is_blank(&i.actual) && r.tier.is_none())
        .map(|(r, i)| {
            let v = TierUnknown { name: i.name.clone(), actual: trimmed(&i.actual), target: trimmed(&i.target) };
            Finding::of(path::indicator(&r.task, &r.id, "actual"), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_words_that_are_no_tier() {
        let f = with(|d| {
            d.tasks[0].indicators[2].direction = "定性".into();
            d.tasks[0].indicators[2].actual = "尚在推进".into();
        });
        fires(&f, "indicator.tier_unknown", "tasks.t1.indicators.i3.actual", &["满意度", "尚在推进"]);
    }

    #[test]
    fn quiet_on_the_words_real_tables_use() {
        let f = with(|d| {
            d.tasks[0].indicators[2].direction = "定性".into();
            d.tasks[0].indicators[2].actual = "达成预期指标".into();
        });
        quiet(&f, "indicator.tier_unknown");
    }
}
