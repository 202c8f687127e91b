//! `score.stated_mismatch`: a stated score that the method and the values do not give.
//!
//! - **What**: a rubric item's stated score against its computed one at the stated precision; an
//!   indicator's against the exact proportional score at the stated precision (or the 得分
//!   column's, if finer), a 定性 one against its tier's range. Full marks stated on a shortfall are
//!   never a rounding.
//! - **Why**: the stated scores are what the total is made of.
//! - **Source**: 评分标准（所选评分体系）：{rubric_source}.
//! - **Fix**: the computed score (a rubric item's at 2 dp, an indicator's at the precision of the
//!   table's 得分 column), never a range; a rubric item's only while the budget total is not in
//!   doubt ([`crate::check::rules::budget::total_in_doubt`]).

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding, Fix};
use crate::check::indicator::{Explain, IndicatorResult};
use crate::check::rules::budget::total_in_doubt;
use crate::check::rules::indicator::pairs;
use crate::check::rules::{as_typed, Context};
use crate::document::format::{direction, path};
use crate::text::lang::{Lang, Text};
use crate::text::rounding::{matches_at_stated_precision, mul_div, round2, round_to};

/// A stated score against the method's.
#[derive(Debug)]
pub struct StatedMismatch {
    /// The item's or indicator's name, in both languages.
    pub name: Text,
    /// The stated score.
    pub stated: Decimal,
    /// The computed score, or a 定性 indicator's range ("[18.00, 24.00)").
    pub computed: String,
    /// How the computed score was obtained (the item's or indicator's explanation, written when
    /// the message is).
    pub formula: Explain,
    /// The rubric's source document.
    pub rubric_source: String,
}

violation!(StatedMismatch = "score.stated_mismatch" { name, stated, computed, formula, rubric_source });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let src = &ctx.rubric.source;
    let mut out = Vec::new();
    let mut doubt = None;
    for n in &ctx.scores.nodes {
        if let (Some(s), Some(c)) = (n.stated, n.computed) {
            if !matches_at_stated_precision(s, c) {
                let at = path::stated_score(&n.id, "score");
                let certain = !*doubt.get_or_insert_with(|| total_in_doubt(ctx));
                let typed = ctx.doc.stated.scores.get(&n.id).map(|x| x.score.as_str()).unwrap_or("");
                let fix = certain.then(|| Fix::new(at.clone(), as_typed(typed, round2(c).to_string())));
                let v = StatedMismatch {
                    name: Text::new(n.name.clone(), n.name_in(Lang::En)),
                    stated: s,
                    computed: c.to_string(),
                    formula: Explain::ready(n.explain.clone()),
                    rubric_source: src.clone(),
                };
                out.push(Finding::of(at, v).with_fix(fix));
            }
        }
    }
    let column_dp = indicator_score_precision(ctx);
    for (r, i) in pairs(ctx) {
        let Some(s) = r.stated_score else { continue };
        let deduct = crate::text::words::is_deduct(&i.scoring);
        let bad = match (r.score, r.range) {
            (Some(c), _) => (!indicator_score_matches(r, s, c, column_dp, deduct)).then(|| (c.to_string(), Some(c))),
            (None, Some(_)) => (!r.in_range(s)).then(|| (r.range_text(), None)),
            _ => None,
        };
        if let Some((computed, c)) = bad {
            let at = path::indicator(&r.task, &r.id, "stated_score");
            // The score the check accepts, at the column's precision; offered only if it does.
            let fix = c
                .map(|c| (round_to(indicator_expected(r, c, deduct), column_dp), c))
                .filter(|&(v, c)| indicator_score_matches(r, v, c, column_dp, deduct))
                .map(|(v, _)| Fix::new(at.clone(), as_typed(&i.stated_score, v.to_string())));
            let v = StatedMismatch {
                name: Text::same(i.name.clone()),
                stated: s,
                computed,
                formula: r.explain.clone(),
                rubric_source: src.clone(),
            };
            out.push(Finding::of(at, v).with_fix(fix));
        }
    }
    out
}

/// The precision of the table's 得分 column: the most decimals any indicator's stated score has
/// (at most 2). A "3" in a column of "1.8"s is 3.0, not "about 3".
fn indicator_score_precision(ctx: &Context) -> u32 {
    ctx.indicators.iter().filter_map(|r| r.stated_score).map(|s| s.scale()).max().unwrap_or(0).min(2)
}

/// Whether an indicator's stated score agrees with the method. Policy (as for rates,
/// [`crate::text::rounding::exact_percent`]): compared with the exact proportional value at the
/// stated precision, or the column's if finer (2 × 97.30 ÷ 100 = 1.946 is 1.9 at 1 dp, although
/// the 2-dp score 1.95 would round to 2.0); full marks stated on a shortfall are never a rounding.
fn indicator_score_matches(r: &IndicatorResult, s: Decimal, c: Decimal, column_dp: u32, deduct: bool) -> bool {
    let dp = s.scale().max(column_dp);
    if r.shortfall && r.weight.is_some_and(|w| s >= w && c < w) {
        return false;
    }
    round_to(indicator_expected(r, c, deduct), dp) == round_to(s, dp)
}

/// The value an indicator's stated score is compared with: the exact proportional score of a
/// shortfall (`≥`, `≤`), else the computed score `c`.
fn indicator_expected(r: &IndicatorResult, c: Decimal, deduct: bool) -> Decimal {
    let exact = match (r.shortfall && !deduct, r.weight, r.target, r.actual, &*r.direction) {
        (true, Some(w), Some(t), Some(a), direction::AT_LEAST) if t > Decimal::ZERO && a >= Decimal::ZERO => mul_div(w, a, t),
        (true, Some(w), Some(t), Some(a), direction::AT_MOST) if t >= Decimal::ZERO && a > Decimal::ZERO => mul_div(w, t, a),
        _ => None,
    };
    exact.unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_an_item_and_offers_the_computed_score() {
        let f = with(|d| d.stated.scores.get_mut("execution").unwrap().score = "9.50".into());
        let hit = fires(&f, "score.stated_mismatch", "stated.scores.execution.score", &["预算执行率", "9.50", "9.60", "10 × 96.00%"]);
        assert_eq!(hit.fix.as_ref().map(|x| x.value.as_str()), Some("9.60"));
    }

    #[test]
    fn fires_on_a_qualitative_score_outside_its_tier() {
        let f = with(|d| {
            let i = &mut d.tasks[0].indicators[1];
            i.direction = "定性".into();
            i.actual = "部分达成".into();
            i.stated_score = "24".into();
            i.reason = "疫情。".into();
            i.measure = "动员。".into();
        });
        fires(&f, "score.stated_mismatch", "tasks.t1.indicators.i2.stated_score", &["就业率", "24", "[18.00, 24.00)", "部分达成"]);
    }

    #[test]
    fn quiet_at_the_stated_precision() {
        quiet(&with(|d| d.stated.scores.get_mut("execution").unwrap().score = "9.6".into()), "score.stated_mismatch");
    }
}
