//! Scores of the rubric tree, 其他加减分项, the total and the grade.
//!
//! Policy: a node with children scores the sum of its children; an `execution_rate` leaf scores
//! weight × 执行率 (the rounded rate the report shows), capped at the weight; an `indicators` leaf
//! scores the sum of its attached indicators' scores; a `manual` leaf has no computed score. Where
//! nothing can be computed the unit's stated score is used (and marked as such), so the total
//! can always be checked: total = Σ level-1 scores + Σ 其他加减分项, graded by [`Grade::of`].
//! All sums add 2-dp rounded parts.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::budget::BudgetResult;
use crate::check::entry::Entries;
use crate::check::grade::Grade;
use crate::check::indicator::IndicatorResult;
use crate::check::rubric::{Method, Node, Rubric};
use crate::document::format::{path, SelfEvaluation};
use crate::text::lang::Text;
use crate::text::number::Kind;
use crate::text::rounding::{checked_sum, mul_div_round2, round2, write_decimal};

/// The computed figures of one rubric node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeResult {
    /// Node id.
    pub id: String,
    /// zh-CN name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// 1 for level-1 indicators.
    pub depth: usize,
    /// Parent node id.
    pub parent: Option<String>,
    /// True when the node has no children.
    pub leaf: bool,
    /// The method's kind: auto / execution_rate / indicators / manual.
    pub method: String,
    /// The weight as written, when valid.
    pub weight: Option<Decimal>,
    /// The weight after a fallback moved weight into or out of this node.
    pub effective_weight: Option<Decimal>,
    /// The score by the method, when computable.
    pub computed: Option<Decimal>,
    /// The unit's stated score, when given and valid.
    pub stated: Option<Decimal>,
    /// The score that counts: computed, else stated.
    pub score: Option<Decimal>,
    /// How the score was obtained.
    pub explain: Text,
}

impl NodeResult {
    /// The node's name in `lang` (the zh-CN name when it has no English one).
    pub fn name_in(&self, lang: crate::text::lang::Lang) -> &str {
        crate::check::rubric::pick_name(&self.name, &self.name_en, lang)
    }
}

/// Everything the rubric gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreResult {
    /// Every node, depth-first in rubric order.
    pub nodes: Vec<NodeResult>,
    /// Σ 其他加减分项 (valid ones) as counted: the additions together at most the rubric's
    /// `adjustment_max`, the deductions together at least its `adjustment_min` (what lies beyond
    /// is reported by rule `score.adjustment_unexplained`).
    pub adjustments: Decimal,
    /// The total, when every level-1 node has a score.
    pub total: Option<Decimal>,
    /// How the total was obtained.
    pub total_explain: Text,
    /// The grade of the total.
    pub grade: Option<Grade>,
    /// The stated total, when valid.
    pub stated_total: Option<Decimal>,
}

impl ScoreResult {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeResult> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

fn method_kind(m: &Method) -> &'static str {
    match m {
        Method::Auto => "auto",
        Method::ExecutionRate { .. } => "execution_rate",
        Method::Indicators { .. } => "indicators",
        Method::Manual => "manual",
    }
}

/// The explanation of a figure that cannot be computed because a value is out of range.
fn out_of_range() -> Text {
    Text::new("数值超出可计算范围，无法计算", "a value is out of the computable range")
}

/// "a + b − c" (a negative part after the first as "− |c|"). A sum of more than 8 parts shows
/// the first three and the last two around "…" and ends with the count: a formula of 600
/// indicator scores is neither readable nor cheap to write.
fn join_sum(parts: &[Decimal]) -> String {
    if parts.is_empty() {
        return "0".to_string();
    }
    let long = parts.len() > 8;
    let mut s = String::with_capacity(if long { 64 } else { parts.len() * 9 });
    for (i, p) in parts.iter().enumerate() {
        if long && i == 3 {
            s.push_str(" + …");
        }
        if long && (3..parts.len() - 2).contains(&i) {
            continue;
        }
        if i == 0 {
            write_decimal(&mut s, *p);
        } else if p.is_sign_negative() && !p.is_zero() {
            s.push_str(" − ");
            write_decimal(&mut s, p.abs());
        } else {
            s.push_str(" + ");
            write_decimal(&mut s, *p);
        }
    }
    if long {
        s.push_str(&format!(" ({})", parts.len()));
    }
    s
}

/// Scores the rubric for the document.
pub fn compute(rubric: &Rubric, doc: &SelfEvaluation, budget: &BudgetResult, inds: &[IndicatorResult], e: &mut Entries) -> ScoreResult {
    // Weights and the fallback moves (a node with no indicators gives its weight away).
    let walk = rubric.walk();
    let mut weights: Vec<(String, Option<Decimal>)> =
        walk.iter().map(|(_, _, n)| (n.id.clone(), e.opt(&path::rubric_weight(&n.id), &n.weight, Kind::Weight))).collect();
    let written: Vec<Option<Decimal>> = weights.iter().map(|(_, w)| *w).collect();
    let mut moved: Vec<(String, String)> = Vec::new();
    for (_, _, n) in &walk {
        if let Method::Indicators { fallback_to } = &n.method {
            let attached = inds.iter().any(|i| i.node == n.id);
            // The weight moves only to another node that exists; otherwise it stays where it is
            // (and the node, with no indicator, falls back to the stated score).
            if !attached && !fallback_to.is_empty() && *fallback_to != n.id && n.children.is_empty() {
                let w = weights.iter().find(|(id, _)| *id == n.id).and_then(|(_, w)| *w).unwrap_or_default();
                let Some(t) = weights.iter_mut().find(|(id, _)| id == fallback_to) else { continue };
                let Some(sum) = t.1.unwrap_or_default().checked_add(w) else { continue };
                t.1 = Some(sum);
                moved.push((n.id.clone(), fallback_to.clone()));
                if let Some(s) = weights.iter_mut().find(|(id, _)| *id == n.id) {
                    s.1 = Some(Decimal::ZERO);
                }
            }
        }
    }
    let mut nodes = Vec::with_capacity(walk.len());
    for (i, (depth, parent, n)) in walk.iter().enumerate() {
        let stated = doc.stated.scores.get(&n.id).and_then(|s| e.opt(&path::stated_score(&n.id, "score"), &s.score, Kind::Score));
        nodes.push(NodeResult {
            id: n.id.clone(),
            name: n.name.clone(),
            name_en: n.name_en.clone(),
            depth: *depth,
            parent: parent.map(str::to_string),
            leaf: n.children.is_empty(),
            method: method_kind(&n.method).to_string(),
            weight: written[i],
            effective_weight: weights[i].1,
            computed: None,
            stated,
            score: None,
            explain: Text::default(),
        });
    }
    // Bottom-up: children come after their parent in the walk, so go in reverse.
    for i in (0..nodes.len()).rev() {
        let n: &Node = walk[i].2;
        let (computed, explain) = if !n.children.is_empty() {
            let kids: Vec<Option<Decimal>> = nodes.iter().filter(|c| c.parent.as_deref() == Some(&n.id)).map(|c| c.score).collect();
            if kids.iter().all(Option::is_some) {
                let parts: Vec<Decimal> = kids.into_iter().flatten().collect();
                match checked_sum(parts.iter().copied()).map(round2) {
                    Some(s) => (Some(s), Text::same(format!("{s} = {}", join_sum(&parts)))),
                    None => (None, out_of_range()),
                }
            } else {
                (None, Text::new("下级指标得分不全，无法合计", "some sub-indicators have no score"))
            }
        } else {
            leaf_score(n, nodes[i].effective_weight, budget, inds, &moved)
        };
        let node = &mut nodes[i];
        node.computed = computed;
        node.score = computed.or(node.stated);
        node.explain = if computed.is_none() && node.stated.is_some() {
            Text::new(
                format!("采用自评得分 {}（{}）", node.stated.unwrap_or_default(), explain.zh),
                format!("the unit's stated score {} is used ({})", node.stated.unwrap_or_default(), explain.en),
            )
        } else {
            explain
        };
    }
    // 其他加减分项 and the total.
    let adj: Vec<Decimal> = doc
        .stated
        .adjustments
        .iter()
        .filter_map(|a| e.opt(&path::adjustment(&a.id, "points"), &a.points, Kind::Score))
        .map(round2)
        .collect();
    let bound = |b: &str| crate::text::number::parse_opt(b, Kind::Score).ok().flatten();
    let (min, max) = (bound(&rubric.adjustment_min), bound(&rubric.adjustment_max));
    let added = checked_sum(adj.iter().copied().filter(|a| a.is_sign_positive())).unwrap_or_default();
    let deducted = checked_sum(adj.iter().copied().filter(|a| a.is_sign_negative())).unwrap_or_default();
    let counted_added = max.map_or(added, |m| added.min(m.max(Decimal::ZERO)));
    let counted_deducted = min.map_or(deducted, |m| deducted.max(m.min(Decimal::ZERO)));
    let capped = counted_added != added || counted_deducted != deducted;
    let adjustments = round2(counted_added.saturating_add(counted_deducted));
    let level1: Vec<Option<Decimal>> = nodes.iter().filter(|n| n.depth == 1).map(|n| n.score).collect();
    let (total, total_explain) = if !level1.is_empty() && level1.iter().all(Option::is_some) {
        let parts: Vec<Decimal> = level1.into_iter().flatten().map(round2).collect();
        match checked_sum(parts.iter().copied().chain([adjustments])).map(round2) {
            None => (None, out_of_range()),
            Some(t) => {
                // A deduction reads "− 1.00", not "+ -1.00".
                let (sign, adj) =
                    if adjustments.is_sign_negative() && !adjustments.is_zero() { ("−", adjustments.abs()) } else { ("+", adjustments) };
                let sum = join_sum(&parts);
                let (cap_zh, cap_en) = if capped {
                    let lo = min.map(|m| m.normalize().to_string()).unwrap_or("−∞".into());
                    let hi = max.map(|m| m.normalize().to_string()).unwrap_or("+∞".into());
                    (
                        format!("；加分合计 {}、扣分合计 {}，按评分标准 {lo} 至 {hi} 分计", round2(added), round2(deducted)),
                        format!("; additions {}, deductions {}, counted within the rubric's {lo} to {hi}", round2(added), round2(deducted)),
                    )
                } else {
                    Default::default()
                };
                (
                    Some(t),
                    Text::new(
                        format!("{t} = {sum}（一级指标）{sign} {adj}（其他加减分项）{cap_zh}"),
                        format!("{t} = {sum} (level-1) {sign} {adj} (adjustments){cap_en}"),
                    ),
                )
            }
        }
    } else {
        (None, Text::new("一级指标得分不全，无法计算总分", "a level-1 indicator has no score: no total"))
    };
    let stated_total = e.opt("stated.total", &doc.stated.total, Kind::Score);
    ScoreResult { nodes, adjustments, total, total_explain, grade: total.map(Grade::of), stated_total }
}

fn leaf_score(
    n: &Node,
    weight: Option<Decimal>,
    budget: &BudgetResult,
    inds: &[IndicatorResult],
    moved: &[(String, String)],
) -> (Option<Decimal>, Text) {
    match &n.method {
        Method::ExecutionRate { row } => {
            let Some(w) = weight else { return (None, Text::new("分值无效", "invalid weight")) };
            let Some(r) = budget.row(row) else {
                return (None, Text::new(format!("预算表中没有“{row}”行"), format!("no budget row '{row}'")));
            };
            // The rate computed from the amounts; a row typed with its rate only (the seed's 基本支出
            // and 项目支出) is scored by its stated rate, and says so.
            let (rate, note_zh, note_en) = match (r.rate, r.stated_rate) {
                (Some(rate), _) => (rate, "", ""),
                (None, Some(stated)) if !r.not_applicable => (stated, "（按填报执行率）", " (the stated rate)"),
                _ => return (None, Text::new("执行率无法计算", "no execution rate")),
            };
            let Some(raw) = mul_div_round2(w, rate, Decimal::ONE_HUNDRED) else { return (None, out_of_range()) };
            if raw > w {
                let s = round2(w);
                (
                    Some(s),
                    Text::new(
                        format!("{s} = {} × {rate}%{note_zh}，封顶 {}", w.normalize(), w.normalize()),
                        format!("{s} = {} × {rate}%{note_en}, capped at {}", w.normalize(), w.normalize()),
                    ),
                )
            } else {
                (
                    Some(raw),
                    Text::new(
                        format!("{raw} = {} × {rate}%{note_zh}", w.normalize()),
                        format!("{raw} = {} × {rate}%{note_en}", w.normalize()),
                    ),
                )
            }
        }
        Method::Indicators { .. } => {
            if moved.iter().any(|(from, _)| *from == n.id) {
                return (
                    Some(round2(Decimal::ZERO)),
                    Text::new("未设置指标，分值已并入其他指标", "no indicators: its weight moved to another node"),
                );
            }
            let attached: Vec<&IndicatorResult> = inds.iter().filter(|i| i.node == n.id).collect();
            if attached.is_empty() {
                return (None, Text::new("没有归入本项的绩效指标", "no indicator is attached"));
            }
            // An indicator the method cannot score (no 分值, an actual written as a bound, words not
            // understood) counts with the unit's stated score, so every sum above it is still
            // checked; the explanation says so. A 定性 score outside its tier does not count.
            let mut stated_used = false;
            let scores: Vec<Option<Decimal>> = attached
                .iter()
                .map(|i| {
                    i.counted_score().or_else(|| {
                        if i.score.is_none() && i.range.is_none() && i.stated_score.is_some() {
                            stated_used = true;
                            i.stated_score
                        } else {
                            None
                        }
                    })
                })
                .collect();
            if scores.iter().any(Option::is_none) {
                return (None, Text::new("有绩效指标未能计分（缺分值或数值）", "an attached indicator has no score"));
            }
            let parts: Vec<Decimal> = scores.into_iter().flatten().map(round2).collect();
            let Some(s) = checked_sum(parts.iter().copied()).map(round2) else { return (None, out_of_range()) };
            let note = moved.iter().filter(|(_, to)| *to == n.id).map(|(f, _)| f.as_str()).collect::<Vec<_>>();
            let mut extra_zh = if note.is_empty() { String::new() } else { format!("（分值含并入的 {}）", note.join("、")) };
            let mut extra_en = if note.is_empty() { String::new() } else { format!(" (weight includes {})", note.join(", ")) };
            if stated_used {
                extra_zh.push_str("（部分指标无法按方法计分，按填报得分计入）");
                extra_en.push_str(" (indicators the method cannot score count with their stated score)");
            }
            let sum = join_sum(&parts);
            (
                Some(s),
                Text::new(format!("{s} = {sum}，各指标得分之和{extra_zh}"), format!("{s} = {sum}, the sum of its indicators{extra_en}")),
            )
        }
        Method::Manual | Method::Auto => (None, Text::new("按评分细则人工评分", "scored by judgement")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rubric::preset;
    use crate::document::format::{Indicator, Task};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn weights_of(rubric: &Rubric, doc: &SelfEvaluation) -> Vec<(String, Option<Decimal>)> {
        let mut e = Entries::default();
        let budget = crate::check::budget::compute(doc, &mut e);
        let inds = crate::check::indicator::compute(doc, &mut e);
        compute(rubric, doc, &budget, &inds, &mut e).nodes.into_iter().map(|n| (n.id, n.effective_weight)).collect()
    }

    fn output_only() -> SelfEvaluation {
        SelfEvaluation {
            tasks: vec![Task {
                id: "t".into(),
                name: "t".into(),
                indicators: vec![Indicator {
                    id: "i".into(),
                    name: "n".into(),
                    target: "1".into(),
                    actual: "1".into(),
                    weight: "60".into(),
                    node: "output".into(),
                    ..Default::default()
                }],
            }],
            ..Default::default()
        }
    }

    #[test]
    fn sums_are_written_with_minus_signs_and_long_ones_abbreviated() {
        assert_eq!(join_sum(&[]), "0");
        assert_eq!(join_sum(&[d("43.53"), d("50.00"), d("-1.00")]), "43.53 + 50.00 − 1.00");
        assert_eq!(join_sum(&[d("-1"), d("2")]), "-1 + 2");
        let many: Vec<Decimal> = (1..=20).map(Decimal::from).collect();
        assert_eq!(join_sum(&many), "1 + 2 + 3 + … + 19 + 20 (20)");
        let nine: Vec<Decimal> = (1..=9).map(Decimal::from).collect();
        assert_eq!(join_sum(&nine), "1 + 2 + 3 + … + 8 + 9 (9)");
        let eight: Vec<Decimal> = (1..=8).map(Decimal::from).collect();
        assert_eq!(join_sum(&eight), "1 + 2 + 3 + 4 + 5 + 6 + 7 + 8");
    }

    #[test]
    fn satisfaction_weight_moves_to_output_when_it_has_no_indicator() {
        let w = weights_of(&preset("national-2020").unwrap(), &output_only());
        assert_eq!(w[1], ("output".to_string(), Some(d("60"))));
        assert_eq!(w[3], ("satisfaction".to_string(), Some(d("0"))));
    }

    fn execution_scores(row: &str, doc: &SelfEvaluation) -> Option<NodeResult> {
        let mut r = preset("national-2020").unwrap();
        r.find_mut("execution").unwrap().method = Method::ExecutionRate { row: row.into() };
        let mut e = Entries::default();
        let budget = crate::check::budget::compute(doc, &mut e);
        let inds = crate::check::indicator::compute(doc, &mut e);
        compute(&r, doc, &budget, &inds, &mut e).node("execution").cloned()
    }

    #[test]
    fn execution_rate_is_weight_times_rate_capped_and_falls_back_to_the_stated_rate() {
        use crate::document::format::{Budget, BudgetRow};
        let row = |id: &str, b: &str, a: &str, rate: &str| BudgetRow {
            id: id.into(),
            group: "type".into(),
            name: id.into(),
            adjusted: b.into(),
            actual: a.into(),
            stated_rate: rate.into(),
            ..Default::default()
        };
        let doc = SelfEvaluation {
            budget: Budget {
                total: row("total", "27,585.71", "26,393.83", ""),
                // Alone in its group, so "basic" is not derived from the total.
                rows: vec![
                    row("basic", "", "", "95.94"),
                    BudgetRow { group: "source".into(), ..row("over", "100", "104", "") },
                    BudgetRow { group: "other".into(), ..row("zero", "0", "0", "0") },
                ],
                ..Default::default()
            },
            ..Default::default()
        };
        let n = execution_scores("total", &doc).unwrap();
        assert_eq!(n.computed, Some(d("9.57")));
        assert_eq!(n.explain.zh, "9.57 = 10 × 95.68%");
        let n = execution_scores("basic", &doc).unwrap();
        assert_eq!(n.computed, Some(d("9.59")));
        assert_eq!(n.explain.zh, "9.59 = 10 × 95.94%（按填报执行率）");
        let n = execution_scores("over", &doc).unwrap();
        assert_eq!(n.computed, Some(d("10.00")));
        assert!(n.explain.en.contains("capped at 10"), "{}", n.explain.en);
        assert_eq!(execution_scores("zero", &doc).unwrap().computed, None);
        assert_eq!(execution_scores("nope", &doc).unwrap().computed, None);
    }

    #[test]
    fn adjustments_count_within_the_rubrics_bounds_together() {
        use crate::document::format::Adjustment;
        let mut doc = SelfEvaluation::from_json(include_str!("../../../../examples/guangzhou-ftu-2021.json")).unwrap();
        for (id, p) in [("a1", "3"), ("a2", "4"), ("a3", "-2")] {
            doc.stated.adjustments.push(Adjustment { id: id.into(), points: p.into(), reason: "事由".into() });
        }
        // Unbounded (the Guangzhou preset leaves the bounds to the year's notice): all of it.
        let open = crate::evaluate(&doc).scores;
        assert_eq!(open.adjustments, d("5.00"));
        // Bounded at ±5: the additions 7 count as 5; the deduction −2 counts in full.
        doc.rubric.inline = Some(preset("guangzhou-dept-example").unwrap());
        let s = crate::evaluate(&doc).scores;
        assert_eq!(s.adjustments, d("3.00"));
        let (Some(t), parts) = (s.total, s.nodes.iter().filter(|n| n.depth == 1).filter_map(|n| n.score).sum::<Decimal>()) else {
            panic!("no total: {}", s.total_explain.en)
        };
        assert_eq!(t, round2(parts + d("3")));
        assert!(s.total_explain.zh.contains("加分合计 7.00、扣分合计 -2.00，按评分标准 -5 至 5 分计"), "{}", s.total_explain.zh);
        assert!(s.total_explain.en.contains("counted within the rubric's -5 to 5"), "{}", s.total_explain.en);
        // Within the bounds: no note.
        doc.stated.adjustments[1].points = "2".into();
        let s = crate::evaluate(&doc).scores;
        assert_eq!(s.adjustments, d("3.00"));
        assert!(!s.total_explain.zh.contains("按评分标准"), "{}", s.total_explain.zh);
    }

    #[test]
    fn a_fallback_to_a_missing_node_or_to_itself_keeps_the_weight() {
        for target in ["nowhere", "satisfaction"] {
            let mut r = preset("national-2020").unwrap();
            r.find_mut("satisfaction").unwrap().method = Method::Indicators { fallback_to: target.into() };
            let w = weights_of(&r, &output_only());
            assert_eq!(w[1], ("output".to_string(), Some(d("50"))), "{target}");
            assert_eq!(w[3], ("satisfaction".to_string(), Some(d("10"))), "{target}");
        }
    }
}
