//! `indicator.shortfall_unexplained`: a shortfall without 偏差原因 and 改进措施.
//!
//! - **What**: an indicator whose actual falls short of its target (or a 定性 tier below 达成)
//!   while its reason or its measure is blank or says nothing ("/", "无", the template's words).
//! - **Why**: the national form's column 偏差原因分析及改进措施 is filled for every shortfall.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）第十九条及附件自评表：“偏差原因分析及改进措施”.

use super::{pairs, trimmed, Completion};
use crate::check::finding::{violation, Finding};
use crate::check::rules::{Context, Missing};
use crate::document::format::path;
use crate::text::number::is_blank;

/// A shortfall without its explanation.
#[derive(Debug)]
pub struct ShortfallUnexplained {
    /// The indicator's name.
    pub name: String,
    /// Its actual, as typed.
    pub actual: String,
    /// Its target, as typed.
    pub target: String,
    /// Its unit.
    pub unit: String,
    /// How far it got.
    pub completion: Completion,
    /// What is missing.
    pub missing: Missing,
}

violation!(ShortfallUnexplained = "indicator.shortfall_unexplained" { name, actual, target, unit, completion, missing });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, i) in pairs(ctx) {
        if !r.shortfall {
            continue;
        }
        if let Some(missing) = Missing::of(&i.reason, &i.measure) {
            let field = if is_blank(&i.reason) { "reason" } else { "measure" };
            let v = ShortfallUnexplained {
                name: i.name.clone(),
                actual: trimmed(&i.actual),
                target: trimmed(&i.target),
                unit: i.unit.clone(),
                completion: Completion::of(r),
                missing,
            };
            out.push(Finding::of(path::indicator(&r.task, &r.id, field), v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_shortfall_without_reason() {
        let f = with(|d| i1(d).actual = "85.79".into());
        fires(&f, "indicator.shortfall_unexplained", "tasks.t1.indicators.i1.reason", &["体检计划完成率", "85.79", "100", "85.79%"]);
    }

    #[test]
    fn fires_on_a_qualitative_tier_below_met_without_measure() {
        let f = with(|d| {
            let i = i1(d);
            i.direction = "定性".into();
            i.target = "全面完成".into();
            i.actual = "部分达成".into();
            i.stated_score = "35".into();
            i.reason = "疫情影响。".into();
        });
        fires(&f, "indicator.shortfall_unexplained", "tasks.t1.indicators.i1.measure", &["部分达成", "改进措施"]);
    }

    #[test]
    fn quiet_with_both() {
        let f = with(|d| {
            i1(d).actual = "85.79".into();
            i1(d).reason = "疫情期间部分人员未能参加。".into();
            i1(d).measure = "加强宣传动员。".into();
        });
        quiet(&f, "indicator.shortfall_unexplained");
    }
}
