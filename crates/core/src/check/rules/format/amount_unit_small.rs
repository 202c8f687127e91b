//! `format.amount_unit_small`: amounts in 元 so small that they are almost certainly 万元.
//!
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件：金额单位为万元.
//! - **Cases**: fire/quiet cases below and in `tests/rules.rs`.

use rust_decimal::Decimal;

use crate::check::budget::money;
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;

/// Amounts too small for 元.
#[derive(Debug)]
pub struct AmountUnitSmall {
    /// The largest amount, as the report prints it.
    pub max: String,
}

violation!(AmountUnitSmall = "format.amount_unit_small" { max });

/// The largest amount of a whole department's or programme's annual budget, written in 元, below
/// which the amounts are not believable as 元: 10,000 元 is one 万元.
const SMALL_IN_YUAN: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// A document whose amount unit is 元 while its largest amount is under 10,000: an annual budget
/// of a few thousand 元 is implausible, and the figures were almost certainly typed in 万元 (the
/// unit of every national and provincial 自评表). The rates are unaffected, but every amount
/// printed in the report and compared with the 决算 would be off by 10,000.
///
/// Source: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件：金额单位为万元.
pub fn check(ctx: &Context) -> Vec<Finding> {
    if ctx.doc.unit.amount_unit.trim() != "元" {
        return vec![];
    }
    let rows = std::iter::once(&ctx.budget.total).chain(&ctx.budget.rows);
    let largest = rows.flat_map(|r| [r.initial, r.budget, r.actual]).flatten().max();
    match largest {
        Some(max) if max > Decimal::ZERO && max < SMALL_IN_YUAN => {
            vec![Finding::of("unit.amount_unit", AmountUnitSmall { max: money(max) })]
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use crate::check::evaluate::evaluate;
    use crate::check::finding::Finding;
    use crate::document::format::SelfEvaluation;

    fn fired(unit: &str, budget: &str, actual: &str) -> Vec<Finding> {
        let json = format!(
            r#"{{"format":"selfcheck/self-evaluation","version":1,"unit":{{"amount_unit":"{unit}"}},
            "budget":{{"total":{{"id":"total","name":"合计","adjusted":"{budget}","actual":"{actual}"}}}}}}"#
        );
        let d = SelfEvaluation::from_json(&json).unwrap();
        evaluate(&d).findings.into_iter().filter(|f| f.rule == "format.amount_unit_small").collect()
    }

    #[test]
    fn fires_on_a_budget_of_a_hundred_yuan() {
        let f = fired("元", "100", "33.78");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "unit.amount_unit");
        assert!(f[0].message.zh.contains("100"), "{}", f[0].message.zh);
    }

    #[test]
    fn quiet_in_wan_yuan_and_on_believable_yuan() {
        assert!(fired("万元", "100", "33.78").is_empty());
        assert!(fired("元", "1,000,000.00", "337,800.00").is_empty());
        assert!(fired("元", "", "").is_empty());
    }
}
