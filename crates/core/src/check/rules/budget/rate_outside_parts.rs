//! `budget.rate_outside_parts`: an overall rate outside the range of its parts' rates.
//!
//! - **What**: the overall rate of a partition lies between the rates of its parts. Each rate is
//!   taken at the precision it is known to (the exact quotient of its amounts, else its stated
//!   rate ± half a unit of its last decimal), so parts stated to 1 dp do not make a correct total
//!   look wrong; rows with a zero budget and no spending take no part.
//! - **Why**: a total rate outside its parts' range is arithmetic that cannot be.
//! - **Source**: 算术校验：整体比率必介于各组成部分比率之间 / arithmetic.

use rust_decimal::Decimal;

use super::{shown_rate, GROUPS};
use crate::check::budget::RowResult;
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::rounding::exact_percent;

/// The total's rate against its parts' range.
#[derive(Debug)]
pub struct RateOutsideParts {
    /// The total's rate.
    pub total: Decimal,
    /// The breakdown.
    pub group: (&'static str, &'static str),
    /// The lowest part's rate.
    pub min: Decimal,
    /// The highest part's rate.
    pub max: Decimal,
}

violation!(RateOutsideParts = "budget.rate_outside_parts" { total, group, min, max });

/// The interval a row's rate stands for: the exact quotient when the amounts are known, else the
/// stated rate ± half a unit of its last decimal ("95.5" stands for [95.45, 95.55]).
fn rate_interval(r: &RowResult) -> Option<(Decimal, Decimal)> {
    if let (Some(a), Some(b)) = (r.actual, r.budget) {
        if let Some(x) = exact_percent(a, b) {
            return Some((x, x));
        }
    }
    let s = r.stated_rate?;
    let half = Decimal::try_new(5, s.scale() + 1).unwrap_or(Decimal::ZERO);
    Some((s.checked_sub(half)?, s.checked_add(half)?))
}

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(total) = shown_rate(&ctx.budget.total) else { return out };
    let Some((t_lo, t_hi)) = rate_interval(&ctx.budget.total) else { return out };
    for (g, gzh, gen) in GROUPS {
        let members: Vec<&RowResult> = ctx
            .budget
            .rows
            .iter()
            .filter(|r| r.group == g)
            .filter(|r| !(r.not_applicable && r.actual.is_none_or(|a| a.is_zero())))
            .collect();
        let shown: Vec<Decimal> = members.iter().copied().filter_map(shown_rate).collect();
        let intervals: Vec<(Decimal, Decimal)> = members.iter().copied().filter_map(rate_interval).collect();
        if shown.len() < 2 || shown.len() != members.len() || intervals.len() != members.len() {
            continue;
        }
        let lo = intervals.iter().map(|i| i.0).fold(intervals[0].0, Decimal::min);
        let hi = intervals.iter().map(|i| i.1).fold(intervals[0].1, Decimal::max);
        if t_hi < lo || t_lo > hi {
            let min = shown.iter().copied().fold(shown[0], Decimal::min);
            let max = shown.iter().copied().fold(shown[0], Decimal::max);
            out.push(Finding::of(path::budget_row("total", "stated_rate"), RateOutsideParts { total, group: (gzh, gen), min, max }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    fn stated_only(d: &mut crate::document::format::SelfEvaluation) {
        for r in d.budget.rows[..2].iter_mut() {
            r.adjusted.clear();
            r.actual.clear();
        }
    }

    #[test]
    fn fires_on_a_total_outside_its_parts() {
        let f = with(|d| {
            stated_only(d);
            other(d).stated_rate = "98.00".into();
        });
        fires(&f, "budget.rate_outside_parts", "budget.total.stated_rate", &["96.00", "97.50", "98.00"]);
    }

    #[test]
    fn quiet_on_parts_stated_to_1_dp_that_hold_the_total() {
        // "95.5" stands for [95.45, 95.55], which holds 95.48.
        let f = with(|d| {
            d.budget.total.actual = "954.80".into();
            d.budget.total.stated_rate = "95.48".into();
            stated_only(d);
            fin(d).stated_rate = "95.5".into();
            other(d).stated_rate = "96.0".into();
        });
        quiet(&f, "budget.rate_outside_parts");
    }
}
