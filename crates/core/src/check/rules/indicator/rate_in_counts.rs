//! `indicator.rate_in_counts`: an indicator named as a rate (…率) whose values are counts.
//!
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件：指标值应与指标名称、计量单位一致.
//! - **Cases**: fire/quiet cases below and in `tests/rules.rs`.

use std::borrow::Cow;

use super::each;
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::number::to_half_width;
use crate::text::words::split_bound;

/// Units of things counted. A value in one of them is a count, never a rate.
const COUNT_UNITS: &[&str] = &[
    "人", "人次", "万人", "户", "个", "次", "家", "所", "名", "件", "项", "台", "辆", "份", "头", "只", "株", "亩", "元", "万元", "天",
    "篇", "场",
];

/// A rate filled with counts.
#[derive(Debug)]
pub struct RateInCounts {
    /// The indicator's name.
    pub name: String,
    /// The value written in counts.
    pub value: String,
    /// Its unit.
    pub unit: String,
}

violation!(RateInCounts = "indicator.rate_in_counts" { name, value, unit });

/// An indicator whose name says it is a rate (签约率, 覆盖率, 完成率) but whose target or actual value
/// is written in a unit of counted things (人, 户, 个…): the cell holds the numerator, not the rate,
/// and the completion computed from it compares head-counts rather than percentages. Reviewers
/// ask for the rate, or for the indicator to be renamed (签约人数).
///
/// Source: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件：指标值应与指标名称、计量单位一致.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if !i.name.trim_end().ends_with('率') {
            return;
        }
        let target = unit_of(&i.target);
        let unit =
            [Cow::Borrowed(i.unit.trim()), target.clone(), unit_of(&i.actual)].into_iter().find(|u| COUNT_UNITS.contains(&u.as_ref()));
        if let Some(unit) = unit {
            let value = if target == unit { i.target.trim() } else { i.actual.trim() };
            out.push(Finding::of(
                path::indicator(&r.task, &r.id, "unit"),
                RateInCounts { name: i.name.clone(), value: value.to_string(), unit: unit.into_owned() },
            ));
        }
    });
    out
}

/// The unit written after a value's number: "24694人" → "人", "≥500亩" → "亩", "95%" → "%".
/// Borrowed from the value in the common case (nothing to fold to half width, no bound): it is
/// read for every indicator's target.
pub fn unit_of(value: &str) -> Cow<'_, str> {
    fn after_number(bare: &str) -> &str {
        if !bare.starts_with(|c: char| c.is_ascii_digit()) {
            return "";
        }
        bare.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',').trim()
    }
    let folds = |c: char| {
        matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF0C}' | '\u{3001}' | '\u{FF0E}' | '\u{3002}' | '\u{FF05}' | '\u{FF0D}')
            || matches!(c, '\u{2212}' | '\u{2013}' | '\u{FF0B}' | '\u{3000}' | '\u{00A0}')
    };
    // A plain number ("100", "3,000.5") or a value without any digit ("完成") has no unit: decided
    // without reading a bound (most targets are one or the other).
    if value.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || !value.chars().any(|c| c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c))
    {
        return Cow::Borrowed("");
    }
    if value.is_ascii() || !value.chars().any(folds) {
        return match split_bound(value) {
            Some((_, v)) => Cow::Owned(after_number(&v).to_string()),
            None => Cow::Borrowed(after_number(value.trim())),
        };
    }
    let half = to_half_width(value);
    let bare = split_bound(&half).map(|(_, v)| v).unwrap_or_else(|| half.trim().to_string());
    Cow::Owned(after_number(&bare).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::evaluate::evaluate;
    use crate::document::format::SelfEvaluation;

    fn fired(name: &str, unit: &str, target: &str, actual: &str) -> Vec<Finding> {
        let json = format!(
            r#"{{"format":"selfcheck/self-evaluation","version":1,"tasks":[{{"id":"t1","name":"任务","indicators":[
            {{"id":"i1","name":"{name}","category":"产出-数量","unit":"{unit}","target":"{target}","actual":"{actual}","weight":"2","node":"output"}}]}}]}}"#
        );
        let d = SelfEvaluation::from_json(&json).unwrap();
        evaluate(&d).findings.into_iter().filter(|f| f.rule == "indicator.rate_in_counts").collect()
    }

    #[test]
    fn fires_on_a_rate_filled_with_head_counts() {
        let f = fired("家庭医生签约率", "", "24694人", "22584人");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "tasks.t1.indicators.i1.unit");
        assert!(f[0].message.zh.contains("24694人"), "{}", f[0].message.zh);
        assert_eq!(fired("覆盖率", "户", "300", "280").len(), 1);
    }

    #[test]
    fn quiet_on_rates_and_on_counts_named_as_counts() {
        assert!(fired("家庭医生签约率", "%", "≥60", "62").is_empty());
        assert!(fired("家庭医生签约率", "", "≥60%", "62%").is_empty());
        assert!(fired("家庭医生签约人数", "", "24694人", "22584人").is_empty());
        assert!(fired("满意率", "", "高", "高").is_empty());
    }

    #[test]
    fn the_unit_after_the_number() {
        assert_eq!(unit_of("24694人"), "人");
        assert_eq!(unit_of("≧20000亩"), "亩");
        assert_eq!(unit_of("95%以上"), "%");
        assert_eq!(unit_of("１２ 个"), "个");
        assert_eq!(unit_of("好"), "");
        assert_eq!(unit_of(""), "");
    }
}
