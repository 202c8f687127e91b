//! `score.below_full_unexplained`: points lost without 偏差原因 and 改进措施.
//!
//! - **What**: a judged (manual or summed) rubric item stated below its weight, and an indicator
//!   that met its target (the method gives the full weight) stated below its weight, while the
//!   reason or the measure is blank or says nothing.
//! - **Why**: every deduction is explained and answered with a measure.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：对扣分的指标说明原因，提出改进措施.

use crate::check::finding::{violation, Finding, Plain};
use crate::check::rules::indicator::pairs;
use crate::check::rules::{thresholds, Context, Missing};
use crate::document::format::path;
use crate::text::lang::{Lang, Text};
use crate::text::number::is_blank;

/// A score below the weight without its explanation.
#[derive(Debug)]
pub struct BelowFullUnexplained {
    /// The item's or indicator's name, in both languages.
    pub name: Text,
    /// The stated score.
    pub score: Plain,
    /// The weight.
    pub weight: Plain,
    /// What is missing.
    pub missing: Missing,
}

violation!(BelowFullUnexplained = "score.below_full_unexplained" { name, score, weight, missing });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, i) in pairs(ctx) {
        let (Some(s), Some(w), Some(c)) = (r.stated_score, r.weight, r.score) else { continue };
        if r.shortfall || s >= w || c < w {
            continue;
        }
        if let Some(missing) = Missing::of(&i.reason, &i.measure) {
            let field = if thresholds::is_non_reason(&i.reason) { "reason" } else { "measure" };
            let v = BelowFullUnexplained { name: Text::same(i.name.clone()), score: Plain(s), weight: Plain(w), missing };
            out.push(Finding::of(path::indicator(&r.task, &r.id, field), v));
        }
    }
    for n in ctx.scores.nodes.iter().filter(|n| n.leaf && (n.method == "manual" || n.method == "auto")) {
        let (Some(s), Some(w)) = (n.stated, n.effective_weight) else { continue };
        if s >= w {
            continue;
        }
        let st = ctx.doc.stated.scores.get(&n.id);
        let (reason, measure) = st.map(|x| (x.reason.as_str(), x.measure.as_str())).unwrap_or(("", ""));
        if let Some(missing) = Missing::of(reason, measure) {
            let field = if is_blank(reason) { "reason" } else { "measure" };
            let name = Text::new(n.name.clone(), n.name_in(Lang::En));
            out.push(Finding::of(
                path::stated_score(&n.id, field),
                BelowFullUnexplained { name, score: Plain(s), weight: Plain(w), missing },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_judged_item_below_its_weight() {
        let f = gz_with(|d| {
            let m = d.stated.scores.get_mut("management").unwrap();
            m.reason.clear();
            m.measure.clear();
        });
        fires(&f, "score.below_full_unexplained", "stated.scores.management.reason", &["管理效能", "45", "50", "偏差原因和改进措施"]);
    }

    #[test]
    fn quiet_with_both() {
        quiet(&gz_with(|_| {}), "score.below_full_unexplained");
    }
}
