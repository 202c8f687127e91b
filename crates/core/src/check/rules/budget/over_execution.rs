//! `budget.over_execution`: spending above the budget with no reason.
//!
//! - **What**: 执行数 > 预算数 on the total or a row, while no reason covers the row. Spending
//!   against a budget of 0 counts too (its rate is not applicable, but money was spent that no
//!   budget allowed).
//! - **Why**: spending beyond the approved budget needs its authority stated.
//! - **Source**: 《中华人民共和国预算法》第十三条：各级预算支出以经批准的预算为依据，未列入预算的不得支出.

use rust_decimal::Decimal;

use super::{reason_of, reason_path, rows, RowName};
use crate::check::finding::{violation, Finding, Money, Show};
use crate::check::rules::Context;
use crate::text::lang::Lang;
use crate::text::number::is_blank;

/// Spending above the budget without a reason.
#[derive(Debug)]
pub struct OverExecution {
    /// The row.
    pub row: RowName,
    /// Its spending.
    pub actual: Money,
    /// Its budget.
    pub budget: Money,
    /// Its rate; none for a budget of 0.
    pub rate: RateOrNone,
}

violation!(OverExecution = "budget.over_execution" { row, actual, budget, rate });

/// A rate ("102.50%"), or 不适用 / "not applicable".
#[derive(Debug)]
pub struct RateOrNone(pub Option<Decimal>);

impl Show for RateOrNone {
    fn show(&self, lang: Lang, out: &mut String) {
        match self.0 {
            Some(r) => {
                r.show(lang, out);
                out.push('%');
            }
            None => ("不适用", "not applicable").show(lang, out),
        }
    }
}

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, raw) in rows(ctx) {
        if let (Some(b), Some(a)) = (r.budget, r.actual) {
            if a > b && is_blank(reason_of(ctx, r, raw)) {
                out.push(Finding::of(
                    reason_path(r),
                    OverExecution { row: RowName::of(r), actual: Money(a), budget: Money(b), rate: RateOrNone(r.rate) },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_row_spent_above_its_budget() {
        let f = with(|d| fin(d).actual = "820.00".into());
        fires(&f, "budget.over_execution", "budget.rows.fin.reason", &["财政拨款", "820.00", "800.00", "102.50"]);
    }

    #[test]
    fn fires_on_spending_without_a_budget() {
        let f = with(|d| d.budget.rows.push(row("fund", "", "政府性基金预算", "0", "5", "")));
        let hit = fires(&f, "budget.over_execution", "budget.rows.fund.reason", &["5.00", "0.00"]);
        assert!(hit.message.zh.contains("不适用") && hit.message.en.contains("not applicable"));
    }

    #[test]
    fn quiet_when_the_reason_is_given() {
        let f = with(|d| {
            fin(d).actual = "820.00".into();
            fin(d).reason = "追加疫情防控支出，经批准动用结转资金。".into();
        });
        quiet(&f, "budget.over_execution");
    }
}
