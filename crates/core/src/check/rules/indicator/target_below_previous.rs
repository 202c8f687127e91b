//! `indicator.target_below_previous`: a target less demanding than last year's actual.
//!
//! - **What**: a "≥" target below 上年实际完成值, or a "≤" target above it; "=" and 定性 indicators
//!   are not compared.
//! - **Why**: a target should be at least what was already achieved unless there is a reason.
//! - **Source**: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：指标值应科学合理、具有挑战性，可参照历史标准（以往年度实际完成值）确定.

use super::{pairs, trimmed};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::{direction, path};

/// A target below last year's actual.
#[derive(Debug)]
pub struct TargetBelowPrevious {
    /// The indicator's name.
    pub name: String,
    /// Its target, as typed.
    pub target: String,
    /// Last year's actual, as typed.
    pub previous: String,
    /// Its unit.
    pub unit: String,
    /// 低于 / "below", 高于 / "above".
    pub relation: (&'static str, &'static str),
    /// For "≤": （本指标越低越好） / " (lower is better here)".
    pub note: (&'static str, &'static str),
}

violation!(TargetBelowPrevious = "indicator.target_below_previous" { name, target, previous, unit, relation, note });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter_map(|(r, i)| {
            let (t, prev) = (r.target?, r.previous?);
            let (relation, note) = match &*r.direction {
                direction::AT_LEAST if t < prev => (("低于", "below"), ("", "")),
                direction::AT_MOST if t > prev => (("高于", "above"), ("（本指标越低越好）", " (lower is better here)")),
                _ => return None,
            };
            let v = TargetBelowPrevious {
                name: i.name.clone(),
                target: trimmed(&i.target),
                previous: trimmed(&i.previous),
                unit: i.unit.clone(),
                relation,
                note,
            };
            Some(Finding::of(path::indicator(&r.task, &r.id, "target"), v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_below_last_years_actual() {
        fires(
            &with(|d| i1(d).previous = "100.5".into()),
            "indicator.target_below_previous",
            "tasks.t1.indicators.i1.target",
            &["100", "100.5"],
        );
    }

    #[test]
    fn quiet_above_it() {
        quiet(&with(|d| i1(d).previous = "99.5".into()), "indicator.target_below_previous");
    }
}
