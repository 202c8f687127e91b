//! `score.unweighted_over_node`: scores typed on indicators that have no 分值 add up to more than
//! the rubric node they belong to.
//!
//! - **Source**: 算术校验：一项之下各指标得分之和不超过该项分值 / arithmetic.
//! - **Cases**: fire/quiet cases below and in `tests/rules.rs`.

use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;
use rust_decimal::Decimal;

use crate::text::lang::{Lang, Text};
use crate::text::rounding::checked_sum;

/// Scores of unweighted indicators above their item's weight.
#[derive(Debug)]
pub struct UnweightedOverNode {
    /// The rubric item.
    pub name: Text,
    /// How many indicators have a stated score.
    pub count: u32,
    /// Their sum.
    pub sum: Decimal,
    /// The item's weight.
    pub weight: Decimal,
    /// The parent rows that may repeat their children's scores ("" when none).
    pub hint: Text,
}

violation!(UnweightedOverNode = "score.unweighted_over_node" { name, count, sum, weight, hint });

/// Many published tables have a 得分 column and no 分值 column, and print parent rows
/// ("一、示范区建立") with a score beside the rows under them. Nothing can be scored then, but the
/// stated scores can still be added: when the scores of a node's indicators exceed the node's
/// weight, some are counted twice (a parent row repeating its children) or belong to another frame.
/// Only nodes whose indicators all lack a weight are looked at; with weights,
/// `score.weights_sum` and `score.out_of_range` already hold each score to its weight.
///
/// Source: arithmetic (算术校验): the scores under a node cannot add up to more than its 分值.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in ctx.scores.nodes.iter().filter(|n| n.method == "indicators") {
        let Some(weight) = n.effective_weight else { continue };
        let attached: Vec<_> = ctx.indicators.iter().filter(|i| i.node == n.id).collect();
        if attached.len() < 2 || attached.iter().any(|i| i.weight.is_some()) {
            continue;
        }
        let Some(sum) = checked_sum(attached.iter().filter_map(|i| i.stated_score)) else { continue };
        if sum <= weight {
            continue;
        }
        let parents: Vec<&str> =
            ctx.doc.indicators().filter(|(_, i)| i.node == n.id && is_parent_row(&i.name)).map(|(_, i)| i.name.as_str()).take(2).collect();
        let (hint_zh, hint_en) = if parents.is_empty() {
            (String::new(), String::new())
        } else {
            let list = parents.iter().map(|p| format!("“{p}”")).collect::<Vec<_>>().join("、");
            (
                format!("；{list}等上级行的得分可能与其下各行重复计入"),
                format!("; parent rows such as {} may repeat the scores of the rows under them", parents.join(", ")),
            )
        };
        out.push(Finding::of(
            path::stated_score(&n.id, "score"),
            UnweightedOverNode {
                name: Text::new(n.name.clone(), n.name_in(Lang::En)),
                count: attached.iter().filter(|i| i.stated_score.is_some()).count() as u32,
                sum: sum.normalize(),
                weight: weight.normalize(),
                hint: Text::new(hint_zh, hint_en),
            },
        ));
    }
    out
}

/// A row named like a heading of the rows under it: "一、示范区建立", "（二）质量指标".
fn is_parent_row(name: &str) -> bool {
    let t = name.trim_start().trim_start_matches(['（', '(']);
    let mut chars = t.chars();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if numeral(a) => {
            b == '、' || b == '）' || b == ')' || (numeral(b) && matches!(chars.next(), Some('、' | '）' | ')')))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::evaluate::evaluate;
    use crate::document::format::SelfEvaluation;

    /// A 20/80 table frame with four unweighted indicators under `goals` (weight 80).
    fn doc(scores: [&str; 4]) -> SelfEvaluation {
        let names = ["一、示范区建立", "1、水稻侧深施肥", "2、玉米种肥同播", "受益农户数"];
        let inds: Vec<String> = names
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(k, (n, s))| {
                format!(
                    r#"{{"id":"i{k}","name":"{n}","category":"产出-数量","target":"≥5","actual":"5","stated_score":"{s}","node":"goals"}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"format":"selfcheck/self-evaluation","version":1,
            "rubric":{{"inline":{{"format":"selfcheck/rubric","version":1,"id":"t","name":"表内","source":"本表","nodes":[
              {{"id":"execution","name":"预算执行情况","weight":"20","method":{{"kind":"execution_rate"}}}},
              {{"id":"goals","name":"年度绩效目标","weight":"80","method":{{"kind":"indicators"}}}}]}}}},
            "tasks":[{{"id":"t1","name":"任务","indicators":[{}]}}]}}"#,
            inds.join(",")
        );
        SelfEvaluation::from_json(&json).unwrap()
    }

    fn fired(d: &SelfEvaluation) -> Vec<Finding> {
        evaluate(d).findings.into_iter().filter(|f| f.rule == "score.unweighted_over_node").collect()
    }

    #[test]
    fn fires_when_parent_rows_repeat_their_children() {
        let f = fired(&doc(["40", "20", "20", "10"]));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, "stated.scores.goals.score");
        assert!(f[0].message.zh.contains("90") && f[0].message.zh.contains("80"), "{}", f[0].message.zh);
        assert!(f[0].message.zh.contains("一、示范区建立"), "{}", f[0].message.zh);
    }

    #[test]
    fn quiet_when_the_scores_fit_the_node() {
        assert!(fired(&doc(["40", "20", "10", "10"])).is_empty());
        assert!(fired(&doc(["", "", "", ""])).is_empty());
    }

    #[test]
    fn parent_rows_are_told_by_their_numbering() {
        for n in ["一、示范区建立", "（二）质量指标", "十二、其他"] {
            assert!(is_parent_row(n), "{n}");
        }
        for n in ["1、施用配方肥", "受益农户数", "一级种薯繁育基地", "十分满意率"] {
            assert!(!is_parent_row(n), "{n}");
        }
    }
}
