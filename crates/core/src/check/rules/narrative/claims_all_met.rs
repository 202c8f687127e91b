//! `narrative.claims_all_met`: the narrative says every target was met while one is short.
//!
//! - **What**: a phrase of `all_met_phrases` (`data/thresholds.json`: 均已完成, 全部完成 …) in any
//!   narrative field while an indicator falls short; a negated phrase ("未全部完成") is the
//!   opposite claim and does not count ([`super::find_claim`]).
//! - **Why**: the report's words must agree with the table.
//! - **Source**: 预算绩效评审：自评报告表述应与指标完成情况一致.

use super::{find_claim, sentence_around};
use crate::check::finding::{violation, Finding};
use crate::check::rules::indicator::{pairs, Completion};
use crate::check::rules::{thresholds, Context};

/// A claim that all was met.
#[derive(Debug)]
pub struct ClaimsAllMet {
    /// The sentence that claims it.
    pub quote: String,
    /// An indicator short of its target.
    pub name: String,
    /// How far it got.
    pub completion: Completion,
}

violation!(ClaimsAllMet = "narrative.claims_all_met" { quote, name, completion });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some((r, i)) = pairs(ctx).find(|(r, _)| r.shortfall) else { return vec![] };
    let mut out = Vec::new();
    for (key, text) in &ctx.doc.narrative {
        for phrase in &thresholds::get().all_met_phrases {
            if let Some(at) = find_claim(text, phrase) {
                let v = ClaimsAllMet { quote: sentence_around(text, at), name: i.name.clone(), completion: Completion::of(r) };
                out.push(Finding::of(format!("narrative.{key}"), v));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    fn short(d: &mut crate::document::format::SelfEvaluation, text: &str) {
        let i = i1(d);
        i.actual = "85.79".into();
        i.reason = "疫情。".into();
        i.measure = "动员。".into();
        d.narrative.insert("problems".into(), text.into());
    }

    #[test]
    fn fires_on_a_claim_beside_a_shortfall() {
        let f = with(|d| short(d, "体检任务未能全部完成。总体而言，年度目标全部完成。"));
        fires(&f, "narrative.claims_all_met", "narrative.problems", &["体检计划完成率", "85.79%", "全部完成"]);
    }

    #[test]
    fn quiet_on_a_negated_claim() {
        quiet(&with(|d| short(d, "体检任务未能全部完成。")), "narrative.claims_all_met");
    }
}
