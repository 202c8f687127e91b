//! `score.total_mismatch`: a stated total that is not Σ level-1 scores + 其他加减分项.
//!
//! - **What**: the stated total against the computed one at the stated precision. With a part
//!   that cannot be scored there is no total, but there are bounds: at least the known scores (and
//!   the indicator scores known inside an unscored part), at most those plus the weights of the
//!   parts that cannot be scored; a stated total outside them is wrong all the same.
//! - **Why**: the total is the sum of its parts.
//! - **Source**: 算术校验：总分 = 各一级指标得分之和 ± 其他加减分项 / arithmetic.
//! - **Fix**: the computed total while the budget total is not in doubt; none from bounds.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding, Fix};
use crate::check::rules::budget::total_in_doubt;
use crate::check::rules::{as_typed, Context};
use crate::text::rounding::{checked_sum, matches_at_stated_precision, round2, round_to};

/// A stated total against the parts.
#[derive(Debug)]
pub struct TotalMismatch {
    /// The stated total.
    pub stated: Decimal,
    /// The computed total, or its bound ("≥ 60.00").
    pub computed: String,
    /// How it was computed (as the rule has always written it, in zh-CN).
    pub formula: String,
}

violation!(TotalMismatch = "score.total_mismatch" { stated, computed, formula });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    match (ctx.scores.stated_total, ctx.scores.total) {
        (Some(s), Some(t)) if !matches_at_stated_precision(s, t) => {
            let fix = (!total_in_doubt(ctx)).then(|| Fix::new("stated.total", as_typed(&ctx.doc.stated.total, round2(t).to_string())));
            let v = TotalMismatch { stated: s, computed: t.to_string(), formula: ctx.scores.total_explain.zh.clone() };
            vec![Finding::of("stated.total", v).with_fix(fix)]
        }
        (Some(s), None) => total_bounds(ctx, s).into_iter().collect(),
        _ => vec![],
    }
}

/// A stated total outside the bounds the known scores give (see the module doc).
fn total_bounds(ctx: &Context, stated: Decimal) -> Option<Finding> {
    let (mut lo, mut hi) = (ctx.scores.adjustments, ctx.scores.adjustments);
    let mut unknown = Vec::new();
    for n in ctx.scores.nodes.iter().filter(|n| n.depth == 1) {
        if let Some(sc) = n.score {
            lo = lo.checked_add(sc)?;
            hi = hi.checked_add(sc)?;
            continue;
        }
        let known = checked_sum(
            ctx.indicators
                .iter()
                .filter(|i| i.node == n.id)
                .filter_map(|i| i.counted_score().or(i.stated_score.filter(|_| i.range.is_none()))),
        )?;
        lo = lo.checked_add(known)?;
        hi = hi.checked_add(n.effective_weight?.max(known))?;
        unknown.push(n.name.clone());
    }
    let (bound, zh) = if stated < round_to(lo, stated.scale().min(2)) && lo > stated {
        (lo, "≥")
    } else if stated > hi {
        (hi, "≤")
    } else {
        return None;
    };
    let v = TotalMismatch {
        stated,
        computed: format!("{zh} {}", round2(bound)),
        formula: format!("{}无法计分，按已知得分及其分值估计：{} 至 {}", unknown.join("、"), round2(lo), round2(hi)),
    };
    Some(Finding::of("stated.total", v))
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_total_that_is_not_the_sum() {
        fires(
            &with(|d| d.stated.total = "98.60".into()),
            "score.total_mismatch",
            "stated.total",
            &["98.60", "99.60", "9.60 + 50.00 + 30.00 + 10.00"],
        );
    }

    #[test]
    fn quiet_on_the_sum_with_its_unit() {
        quiet(&with(|d| d.stated.total = "99.6分".into()), "score.total_mismatch");
    }
}
