//! `score.out_of_range`: a stated score above its weight or below zero.
//!
//! - **What**: a rubric item's or an indicator's stated score outside [0, weight]; a score with no
//!   weight to compare with is held to the 100 points of the whole.
//! - **Why**: no part can score more than it weighs.
//! - **Source**: 算术校验：得分不得超过分值；未设分值的得分不超过总分 100 分 / arithmetic.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding, Plain};
use crate::check::rules::indicator::pairs;
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::{Lang, Text};

/// A score outside its range.
#[derive(Debug)]
pub struct OutOfRange {
    /// The item's or indicator's name, in both languages.
    pub name: Text,
    /// The stated score.
    pub score: Plain,
    /// The weight (or 100).
    pub weight: Plain,
}

violation!(OutOfRange = "score.out_of_range" { name, score, weight });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in &ctx.scores.nodes {
        if let (Some(s), Some(w)) = (n.stated, n.effective_weight.or(Some(Decimal::ONE_HUNDRED))) {
            if s < Decimal::ZERO || s > w {
                let name = Text::new(n.name.clone(), n.name_in(Lang::En));
                out.push(Finding::of(path::stated_score(&n.id, "score"), OutOfRange { name, score: Plain(s), weight: Plain(w) }));
            }
        }
    }
    for (r, i) in pairs(ctx) {
        if let (Some(s), Some(w)) = (r.stated_score, r.weight.or(Some(Decimal::ONE_HUNDRED))) {
            if s < Decimal::ZERO || s > w {
                let v = OutOfRange { name: Text::same(i.name.clone()), score: Plain(s), weight: Plain(w) };
                out.push(Finding::of(path::indicator(&r.task, &r.id, "stated_score"), v));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_above_the_weight_and_below_zero() {
        let f = with(|d| d.stated.scores.get_mut("output").unwrap().score = "55".into());
        fires(&f, "score.out_of_range", "stated.scores.output.score", &["产出指标", "55", "50"]);
        let f = with(|d| d.tasks[0].indicators[1].stated_score = "-1".into());
        fires(&f, "score.out_of_range", "tasks.t1.indicators.i2.stated_score", &["就业率", "-1", "30"]);
    }

    #[test]
    fn quiet_within_the_weight() {
        quiet(&with(|d| d.tasks[0].indicators[1].stated_score = "30.0".into()), "score.out_of_range");
    }
}
