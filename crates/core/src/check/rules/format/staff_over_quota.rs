//! `format.staff_over_quota`: more staff in post than the unit is authorised.
//!
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）部门整体支出评价“在职人员控制率”.
//! - **Cases**: fire/quiet cases below and in `tests/rules.rs`.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::text::number::{self, Kind};
use crate::text::rounding::round2;

/// More staff in post than authorised.
#[derive(Debug)]
pub struct StaffOverQuota {
    /// 实有人数.
    pub actual: Decimal,
    /// 编制数.
    pub quota: Decimal,
    /// 在职人员控制率, %, 2 dp.
    pub rate: Decimal,
}

violation!(StaffOverQuota = "format.staff_over_quota" { actual, quota, rate });

/// 实有人数 above 编制数: the unit employs more people than its establishment allows. Reviewers
/// of 部门整体 reports check it (the national framework's 在职人员控制率 = 在职 ÷ 编制 × 100%,
/// full marks at ≤ 100%), and published reports show it in their basic information while the
/// score table says nothing. Both figures are optional; nothing fires while either is blank or
/// not a number (an unreadable one is left to the officer, it scores nothing).
///
/// Source: 《项目支出绩效评价管理办法》（财预〔2020〕10号）部门整体支出评价“在职人员控制率”.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let read = |s: &str| number::parse_opt(s, Kind::Value).ok().flatten();
    let (Some(quota), Some(actual)) = (read(&ctx.doc.unit.staff_quota), read(&ctx.doc.unit.staff_actual)) else { return vec![] };
    if quota <= Decimal::ZERO || actual <= quota {
        return vec![];
    }
    let rate = round2(actual * Decimal::ONE_HUNDRED / quota);
    vec![Finding::of("unit.staff_actual", StaffOverQuota { actual: actual.normalize(), quota: quota.normalize(), rate })]
}

#[cfg(test)]
mod tests {
    use crate::check::evaluate::evaluate;
    use crate::check::finding::Finding;
    use crate::document::format::SelfEvaluation;

    fn fired(quota: &str, actual: &str) -> Vec<Finding> {
        let json =
            format!(r#"{{"format":"selfcheck/self-evaluation","version":1,"unit":{{"staff_quota":"{quota}","staff_actual":"{actual}"}}}}"#);
        let d = SelfEvaluation::from_json(&json).unwrap();
        evaluate(&d).findings.into_iter().filter(|f| f.rule == "format.staff_over_quota").collect()
    }

    #[test]
    fn fires_when_more_are_in_post_than_authorised() {
        let f = fired("20", "26");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "unit.staff_actual");
        assert!(f[0].message.zh.contains("130.00%"), "{}", f[0].message.zh);
        assert_eq!(fired("46", "50人").len(), 1);
    }

    #[test]
    fn quiet_within_the_quota_or_with_a_figure_missing() {
        assert!(fired("20", "20").is_empty());
        assert!(fired("20", "").is_empty());
        assert!(fired("", "26").is_empty());
        assert!(fired("0", "3").is_empty());
    }
}
