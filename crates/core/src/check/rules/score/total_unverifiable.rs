//! `score.total_unverifiable`: a stated total that cannot be recomputed from the rows.
//!
//! - **Source**: 算术校验：总分由各项得分相加核对 / arithmetic.
//! - **Cases**: fire/quiet cases below and in `tests/rules.rs`.

use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use rust_decimal::Decimal;

use crate::text::lang::{Lang, Text};

/// A stated total with no computed one.
#[derive(Debug)]
pub struct TotalUnverifiable {
    /// The stated total.
    pub total: Decimal,
    /// The first items that cannot be scored.
    pub parts: Text,
}

violation!(TotalUnverifiable = "score.total_unverifiable" { total, parts });

/// The unit states a total, but one or more scored items cannot be computed (no 分值, a blank or
/// unreadable cell), so no computed total exists to compare it with. Without this note the stated
/// total would pass in silence, as if it had been checked; the reviewer is told which items stop
/// the recomputation. Information, not a defect: `score.total_out_of_range` and the
/// upper-bound check of the total still apply.
///
/// Source: arithmetic (算术校验): a total is checked by adding its parts.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some(stated) = ctx.scores.stated_total else { return vec![] };
    if ctx.scores.total.is_some() {
        return vec![];
    }
    let open: Vec<_> = ctx.scores.nodes.iter().filter(|n| n.leaf && n.score.is_none() && n.weight.is_some_and(|w| !w.is_zero())).collect();
    let list = |lang: Lang, sep: &str| open.iter().take(3).map(|n| n.name_in(lang).to_string()).collect::<Vec<_>>().join(sep);
    let parts = Text::new(list(Lang::Zh, "、"), list(Lang::En, ", "));
    vec![Finding::of("stated.total", TotalUnverifiable { total: stated.normalize(), parts })]
}

#[cfg(test)]
mod tests {
    use crate::check::evaluate::evaluate;
    use crate::check::finding::Finding;
    use crate::document::format::SelfEvaluation;

    fn fired(total: &str, weight: &str) -> Vec<Finding> {
        let json = format!(
            r#"{{"format":"selfcheck/self-evaluation","version":1,"stated":{{"total":"{total}"}},"tasks":[{{"id":"t1","name":"任务","indicators":[
            {{"id":"o1","name":"发放原原种","category":"产出-数量","target":"550万粒","actual":"550万粒","weight":"{weight}","stated_score":"8","node":"output"}}]}}]}}"#
        );
        let d = SelfEvaluation::from_json(&json).unwrap();
        evaluate(&d).findings.into_iter().filter(|f| f.rule == "score.total_unverifiable").collect()
    }

    #[test]
    fn fires_when_a_stated_total_has_no_computed_one() {
        let f = fired("99", "");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, "stated.total");
        assert!(f[0].message.zh.contains("99"), "{}", f[0].message.zh);
    }

    #[test]
    fn quiet_without_a_stated_total() {
        assert!(fired("", "").is_empty());
    }
}
