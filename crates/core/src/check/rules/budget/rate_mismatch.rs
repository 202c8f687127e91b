//! `budget.rate_mismatch`: a stated rate that the amounts do not give.
//!
//! - **What**: a stated 执行率 that differs from 执行数 ÷ 全年预算数 × 100 at the stated precision
//!   (compared with the exact quotient, so "95.2" is right for 95.2451%, and "95.3" is not).
//! - **Why**: the rate is what the execution score and the report are computed from.
//! - **Source**: 算术校验：执行率 = 执行数 ÷ 全年预算数 × 100%，四舍五入 / arithmetic.
//! - **Fix**: the computed rate at 2 dp (with the "%" the unit typed), except on the total row while
//!   its amounts contradict its parts ([`super::total_in_doubt`]).

use rust_decimal::Decimal;

use super::{rows, total_in_doubt, RowName};
use crate::check::finding::{violation, Finding, Fix, Money, Show};
use crate::check::rules::{as_typed, Context};
use crate::document::format::path;
use crate::text::lang::Lang;
use crate::text::rounding::{exact_percent, matches_at_stated_precision, round2};

/// A stated rate against the amounts' rate.
#[derive(Debug)]
pub struct RateMismatch {
    /// The row.
    pub row: RowName,
    /// The rate as stated.
    pub stated: Decimal,
    /// The amounts' rate (2 dp).
    pub computed: Decimal,
    /// 执行数 ÷ 全年预算数 × 100.
    pub formula: Quotient,
}

violation!(RateMismatch = "budget.rate_mismatch" { row, stated, computed, formula });

/// "780.00 ÷ 800.00 × 100".
#[derive(Debug)]
pub struct Quotient(pub Decimal, pub Decimal);

impl Show for Quotient {
    fn show(&self, lang: Lang, out: &mut String) {
        Money(self.0).show(lang, out);
        out.push_str(" ÷ ");
        Money(self.1).show(lang, out);
        out.push_str(" × 100");
    }
}

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut doubt = None;
    for (r, raw) in rows(ctx) {
        if let (Some(stated), Some(rate), Some(a), Some(b)) = (r.stated_rate, r.rate, r.actual, r.budget) {
            let exact = exact_percent(a, b).unwrap_or(rate);
            if !matches_at_stated_precision(stated, exact) {
                let at = path::budget_row(&r.id, "stated_rate");
                let certain = r.id != "total" || !*doubt.get_or_insert_with(|| total_in_doubt(ctx));
                let fix = certain.then(|| Fix::new(at.clone(), as_typed(&raw.stated_rate, round2(rate).to_string())));
                let v = RateMismatch { row: RowName::of(r), stated, computed: rate, formula: Quotient(a, b) };
                out.push(Finding::of(at, v).with_fix(fix));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_rate_the_amounts_do_not_give_and_offers_the_computed_one() {
        let f = with(|d| fin(d).stated_rate = "97.05%".into());
        let hit = fires(&f, "budget.rate_mismatch", "budget.rows.fin.stated_rate", &["97.05", "97.50", "780.00 ÷ 800.00"]);
        assert_eq!(hit.fix.as_ref().map(|x| x.value.as_str()), Some("97.50%"));
    }

    #[test]
    fn quiet_at_the_stated_precision_of_the_exact_quotient() {
        // 761.9608 ÷ 800 = 95.2451%: 95.2 at 1 dp (not 95.3, the 2-dp rate rounded again).
        let f = with(|d| {
            fin(d).actual = "761.9608".into();
            fin(d).stated_rate = "95.2".into();
        });
        quiet(&f, "budget.rate_mismatch");
        quiet(&with(|d| fin(d).stated_rate = "97.5%".into()), "budget.rate_mismatch");
    }
}
