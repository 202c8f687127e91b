//! `indicator.direction_unknown`: a direction that is neither ≥, ≤, = nor 定性 in any usual
//! spelling (it is scored as ≥).
//!
//! - **What**: a direction cell the recogniser (`text::words::direction_of`) does not read.
//! - **Why**: the direction decides the formula; a guess must be visible.
//! - **Source**: 录入校验：定量指标须明确指标值方向（≥ / ≤ / =），反向指标按 ≤ 计分 / input check.

use super::{pairs, trimmed};
use crate::check::finding::{violation, Finding};
use crate::check::indicator::direction_of;
use crate::check::rules::Context;
use crate::document::format::path;

/// A direction not recognised.
#[derive(Debug)]
pub struct DirectionUnknown {
    /// The indicator's name.
    pub name: String,
    /// The direction as typed.
    pub direction: String,
}

violation!(DirectionUnknown = "indicator.direction_unknown" { name, direction });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| i.direction != r.direction && direction_of(&i.direction).is_none())
        .map(|(r, i)| {
            let v = DirectionUnknown { name: i.name.clone(), direction: trimmed(&i.direction) };
            Finding::of(path::indicator(&r.task, &r.id, "direction"), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_words_that_are_no_direction() {
        fires(&with(|d| i1(d).direction = "约等于".into()), "indicator.direction_unknown", "tasks.t1.indicators.i1.direction", &["约等于"]);
    }

    #[test]
    fn quiet_on_a_usual_spelling() {
        quiet(&with(|d| i1(d).direction = " >= ".into()), "indicator.direction_unknown");
    }
}
