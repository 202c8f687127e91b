//! `budget.rows_sum`: rows of a group that do not add up to the total.
//!
//! - **What**: for each breakdown (by fund source, by expenditure type) and each amount (年初预算数,
//!   全年预算数, 执行数), the rows' sum against the total row. When some rows of the group are
//!   blank, the typed ones must not already exceed the total (no row can be negative).
//! - **Why**: the parts of a total add up to it.
//! - **Source**: 算术校验：分项之和等于合计 / arithmetic.
//! - **Fix**: when the breakdowns agree with each other, their sum as the total's amount (written
//!   as the total was typed).

use rust_decimal::Decimal;

use super::{group_sums, GroupSum, SUM_FIELDS};
use crate::check::budget::money;
use crate::check::finding::{violation, Finding, Fix, Money};
use crate::check::rules::Context;
use crate::document::format::{group, path};
use crate::text::number::is_blank;
use crate::text::rounding::round2;

/// A group's sum against the total.
#[derive(Debug)]
pub struct RowsSum {
    /// The breakdown: 按资金来源 / "fund source", 按支出类型 / "expenditure type".
    pub group: (&'static str, &'static str),
    /// The amount: 年初预算数, 全年预算数 or 执行数.
    pub field: (&'static str, &'static str),
    /// The rows' sum.
    pub sum: Money,
    /// The total row's amount.
    pub total: Money,
    /// sum − total (blank when out of range).
    pub diff: Option<Money>,
}

violation!(RowsSum = "budget.rows_sum" { group, field, sum, total, diff });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // A total of 0 above rows with money is one finding (budget.total_contradicts_parts), not
    // one per column.
    if super::total_contradicts_parts::zero_total(ctx).is_some() {
        return out;
    }
    let sums = group_sums(ctx);
    for s in sums.iter().filter(|s| s.contradicts()) {
        let group = if s.group == group::SOURCE { ("按资金来源", "fund source") } else { ("按支出类型", "expenditure type") };
        let Some(&(_, fzh, fen, _)) = SUM_FIELDS.iter().find(|f| f.0 == s.field) else { continue };
        let v = RowsSum { group, field: (fzh, fen), sum: Money(s.sum), total: Money(s.total), diff: s.sum.checked_sub(s.total).map(Money) };
        out.push(Finding::of(path::budget_row("total", s.field), v).with_fix(total_fix(ctx, s, &sums)));
    }
    out
}

/// The total's amount a breakdown gives, when it is certain: this group is a complete breakdown
/// and no other group contradicts its sum (another breakdown with another sum, or typed rows
/// already above it). Written as the total was typed (with thousands separators when it had
/// them).
fn total_fix(ctx: &Context, s: &GroupSum, all: &[GroupSum]) -> Option<Fix> {
    if !s.breakdown() || all.iter().any(|o| o.field == s.field && o.contradicts_total(s.sum)) {
        return None;
    }
    let raw = &ctx.doc.budget.total;
    // The budget is 全年预算数, else 年初: with no 全年 anywhere, the sum is a 年初 figure.
    let field = if s.field == "adjusted"
        && is_blank(&raw.adjusted)
        && ctx.doc.budget.rows.iter().filter(|r| r.group == s.group).all(|r| is_blank(&r.adjusted))
    {
        "initial"
    } else {
        s.field
    };
    let typed = match field {
        "initial" => &raw.initial,
        "adjusted" => &raw.adjusted,
        _ => &raw.actual,
    };
    let sum = round2(s.sum);
    let value = if typed.contains(',') || typed.contains('，') || (is_blank(typed) && sum.abs() >= Decimal::ONE_THOUSAND) {
        money(sum)
    } else {
        sum.to_string()
    };
    Some(Fix::new(path::budget_row("total", field), value))
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_rows_that_do_not_add_up() {
        let f = with(|d| {
            fin(d).actual = "790.00".into();
            fin(d).stated_rate = "98.75".into();
        });
        fires(&f, "budget.rows_sum", "budget.total.actual", &["970.00", "960.00", "10.00"]);
    }

    #[test]
    fn fires_on_typed_rows_above_the_total_with_others_blank() {
        let f = with(|d| {
            fin(d).adjusted = "1,050.00".into();
            fin(d).stated_rate = "74.29".into();
            other(d).adjusted.clear();
            other(d).actual.clear();
            other(d).stated_rate.clear();
        });
        fires(&f, "budget.rows_sum", "budget.total.adjusted", &["1,050.00", "1,000.00", "50.00"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "budget.rows_sum");
    }
}
