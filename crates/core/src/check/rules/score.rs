//! Checks of the scores: ranges, weights, stated against computed, the total and the grade.

use rust_decimal::Decimal;

use super::catalogue::fire;
use super::indicator::pairs;
use super::{as_typed, budget, missing_explanations, Context};
use crate::check::finding::{Finding, Fix};
use crate::check::grade::Grade;
use crate::check::indicator::IndicatorResult;
use crate::document::format::{direction, path};
use crate::text::lang::Lang;
use crate::text::number::{self, is_blank, Kind};
use crate::text::rounding::{checked_sum, matches_at_stated_precision, mul_div, round2, round_to};

fn fmt(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A stated score above its weight or below zero (rubric nodes and indicators). A score with no
/// weight to compare with is held to the 100 points of the whole.
pub fn out_of_range(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in &ctx.scores.nodes {
        if let (Some(s), Some(w)) = (n.stated, n.effective_weight.or(Some(Decimal::ONE_HUNDRED))) {
            if s < Decimal::ZERO || s > w {
                out.push(fire(
                    "score.out_of_range",
                    &path::stated_score(&n.id, "score"),
                    &[("name", n.name.clone()), ("name_en", n.name_in(Lang::En).to_string()), ("score", fmt(s)), ("weight", fmt(w))],
                ));
            }
        }
    }
    for (r, i) in pairs(ctx) {
        if let (Some(s), Some(w)) = (r.stated_score, r.weight.or(Some(Decimal::ONE_HUNDRED))) {
            if s < Decimal::ZERO || s > w {
                out.push(fire(
                    "score.out_of_range",
                    &path::indicator(&r.task, &r.id, "stated_score"),
                    &[("name", i.name.clone()), ("name_en", i.name.clone()), ("score", fmt(s)), ("weight", fmt(w))],
                ));
            }
        }
    }
    out
}

/// A stated total outside 0–100 (plus the additions of 其他加减分项 that count), whether or not a
/// total can be computed to compare it with.
pub fn total_out_of_range(ctx: &Context) -> Vec<Finding> {
    let Some(t) = ctx.scores.stated_total else { return vec![] };
    let bonus = ctx.scores.adjustments.max(Decimal::ZERO);
    let max = Decimal::ONE_HUNDRED.saturating_add(bonus);
    if t >= Decimal::ZERO && t <= max {
        return vec![];
    }
    let (bz, be) = if bonus.is_zero() {
        (String::new(), String::new())
    } else {
        (format!("（100 分加其他加分 {}）", fmt(bonus)), format!(" (100 plus {} of additions)", fmt(bonus)))
    };
    vec![fire("score.total_out_of_range", "stated.total", &[("total", fmt(t)), ("max", fmt(max)), ("bonus_zh", bz), ("bonus_en", be)])]
}

/// Weights that do not add up: level 1 to 100, children to their parent, attached indicators
/// to their node.
pub fn weights_sum(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let nodes = &ctx.scores.nodes;
    let level1: Vec<Option<Decimal>> = nodes.iter().filter(|n| n.depth == 1).map(|n| n.weight).collect();
    if !level1.is_empty() && level1.iter().all(Option::is_some) {
        let sum = checked_sum(level1.iter().flatten().copied());
        if let Some(sum) = sum.filter(|s| *s != Decimal::ONE_HUNDRED) {
            let first = nodes.iter().find(|n| n.depth == 1).map(|n| n.id.as_str()).unwrap_or("");
            out.push(fire(
                "score.weights_sum",
                &path::rubric_weight(first),
                &[
                    ("parent_zh", "一级指标".into()),
                    ("parent_en", "level-1 indicators".into()),
                    ("sum", fmt(sum)),
                    ("expected", "100".into()),
                ],
            ));
        }
    }
    for p in nodes.iter().filter(|n| !n.leaf) {
        let kids: Vec<_> = nodes.iter().filter(|c| c.parent.as_deref() == Some(&p.id)).collect();
        if let (Some(w), true) = (p.weight, kids.iter().all(|k| k.weight.is_some())) {
            let Some(sum) = checked_sum(kids.iter().filter_map(|k| k.weight)) else { continue };
            if sum != w {
                out.push(fire(
                    "score.weights_sum",
                    &path::rubric_weight(&kids[0].id),
                    &[
                        ("parent_zh", format!("“{}”", p.name)),
                        ("parent_en", format!("'{}'", p.name_in(Lang::En))),
                        ("sum", fmt(sum)),
                        ("expected", fmt(w)),
                    ],
                ));
            }
        }
    }
    for n in nodes.iter().filter(|n| n.method == "indicators") {
        let attached: Vec<_> = ctx.indicators.iter().filter(|i| i.node == n.id).collect();
        let Some(w) = n.effective_weight else { continue };
        if attached.is_empty() || attached.iter().any(|i| i.weight.is_none()) {
            continue;
        }
        let Some(sum) = checked_sum(attached.iter().filter_map(|i| i.weight)) else { continue };
        if sum != w {
            out.push(fire(
                "score.weights_sum",
                &path::indicator(&attached[0].task, &attached[0].id, "weight"),
                &[
                    ("parent_zh", format!("“{}”所含绩效指标", n.name)),
                    ("parent_en", format!("indicators of '{}'", n.name_in(Lang::En))),
                    ("sum", fmt(sum)),
                    ("expected", fmt(w)),
                ],
            ));
        }
    }
    out
}

/// A stated score that the method and the values do not give.
///
/// A computed score is offered as the fix (a rubric node's at 2 dp; an indicator's at the
/// precision of the table's 得分 column, so the column keeps its precision), never a range; a
/// rubric node's only while the budget total is not in doubt ([`budget::total_in_doubt`]).
pub fn stated_mismatch(ctx: &Context) -> Vec<Finding> {
    let src = ctx.rubric.source.clone();
    let mut out = Vec::new();
    let mut doubt = None;
    for n in &ctx.scores.nodes {
        if let (Some(s), Some(c)) = (n.stated, n.computed) {
            if !matches_at_stated_precision(s, c) {
                let at = path::stated_score(&n.id, "score");
                let certain = !*doubt.get_or_insert_with(|| budget::total_in_doubt(ctx));
                let typed = ctx.doc.stated.scores.get(&n.id).map(|x| x.score.as_str()).unwrap_or("");
                let fix = certain.then(|| Fix::new(at.clone(), as_typed(typed, round2(c).to_string())));
                out.push(
                    fire(
                        "score.stated_mismatch",
                        &at,
                        &[
                            ("name", n.name.clone()),
                            ("name_en", n.name_in(Lang::En).to_string()),
                            ("stated", s.to_string()),
                            ("computed", c.to_string()),
                            ("formula", n.explain.zh.clone()),
                            ("formula_en", n.explain.en.clone()),
                            ("rubric_source", src.clone()),
                        ],
                    )
                    .with_fix(fix),
                );
            }
        }
    }
    let column_dp = indicator_score_precision(ctx);
    for (r, i) in pairs(ctx) {
        let Some(s) = r.stated_score else { continue };
        let deduct = crate::text::words::is_deduct(&i.scoring);
        let bad = match (r.score, r.range) {
            (Some(c), _) => (!indicator_score_matches(r, s, c, column_dp, deduct)).then(|| (c.to_string(), Some(c))),
            (None, Some(_)) => (!r.in_range(s)).then(|| (r.range_text(), None)),
            _ => None,
        };
        if let Some((computed, c)) = bad {
            let at = path::indicator(&r.task, &r.id, "stated_score");
            // The score the check accepts, at the column's precision; offered only if it does.
            let fix = c
                .map(|c| (round_to(indicator_expected(r, c, deduct), column_dp), c))
                .filter(|&(v, c)| indicator_score_matches(r, v, c, column_dp, deduct))
                .map(|(v, _)| Fix::new(at.clone(), as_typed(&i.stated_score, v.to_string())));
            out.push(
                fire(
                    "score.stated_mismatch",
                    &at,
                    &[
                        ("name", i.name.clone()),
                        ("name_en", i.name.clone()),
                        ("stated", s.to_string()),
                        ("computed", computed),
                        ("formula", r.explain.zh.clone()),
                        ("formula_en", r.explain.en.clone()),
                        ("rubric_source", src.clone()),
                    ],
                )
                .with_fix(fix),
            );
        }
    }
    out
}

/// The precision of the table's 得分 column: the most decimals any indicator's stated score has
/// (at most 2). A "3" in a column of "1.8"s is 3.0, not "about 3".
fn indicator_score_precision(ctx: &Context) -> u32 {
    ctx.indicators.iter().filter_map(|r| r.stated_score).map(|s| s.scale()).max().unwrap_or(0).min(2)
}

/// Whether an indicator's stated score agrees with the method. Policy (as for rates,
/// [`crate::text::rounding::exact_percent`]): compared with the exact proportional value at the
/// stated precision, or the column's if finer (2 × 97.30 ÷ 100 = 1.946 is 1.9 at 1 dp, although
/// the 2-dp score 1.95 would round to 2.0); full marks stated on a shortfall are never a rounding.
fn indicator_score_matches(r: &IndicatorResult, s: Decimal, c: Decimal, column_dp: u32, deduct: bool) -> bool {
    let dp = s.scale().max(column_dp);
    if r.shortfall && r.weight.is_some_and(|w| s >= w && c < w) {
        return false;
    }
    round_to(indicator_expected(r, c, deduct), dp) == round_to(s, dp)
}

/// The value an indicator's stated score is compared with: the exact proportional score of a
/// shortfall (`≥`, `≤`), else the computed score `c`.
fn indicator_expected(r: &IndicatorResult, c: Decimal, deduct: bool) -> Decimal {
    let exact = match (r.shortfall && !deduct, r.weight, r.target, r.actual, r.direction.as_str()) {
        (true, Some(w), Some(t), Some(a), direction::AT_LEAST) if t > Decimal::ZERO && a >= Decimal::ZERO => mul_div(w, a, t),
        (true, Some(w), Some(t), Some(a), direction::AT_MOST) if t >= Decimal::ZERO && a > Decimal::ZERO => mul_div(w, t, a),
        _ => None,
    };
    exact.unwrap_or(c)
}

/// A stated total that is not Σ level-1 scores + 其他加减分项.
/// The computed total is offered as the fix while the budget total is not in doubt; a total known
/// only by its bounds has none.
pub fn total_mismatch(ctx: &Context) -> Vec<Finding> {
    match (ctx.scores.stated_total, ctx.scores.total) {
        (Some(s), Some(t)) if !matches_at_stated_precision(s, t) => {
            let fix =
                (!budget::total_in_doubt(ctx)).then(|| Fix::new("stated.total", as_typed(&ctx.doc.stated.total, round2(t).to_string())));
            vec![fire(
                "score.total_mismatch",
                "stated.total",
                &[("stated", s.to_string()), ("computed", t.to_string()), ("formula", ctx.scores.total_explain.zh.clone())],
            )
            .with_fix(fix)]
        }
        (Some(s), None) => total_bounds(ctx, s).into_iter().collect(),
        _ => vec![],
    }
}

/// With a part that cannot be scored there is no total, but there are bounds: at least the
/// known scores (and the indicator scores known inside an unscored part), at most those plus the
/// weights of the parts that cannot be scored. A stated total outside them is wrong all the same.
fn total_bounds(ctx: &Context, stated: Decimal) -> Option<Finding> {
    let (mut lo, mut hi) = (ctx.scores.adjustments, ctx.scores.adjustments);
    let mut unknown = Vec::new();
    for n in ctx.scores.nodes.iter().filter(|n| n.depth == 1) {
        if let Some(sc) = n.score {
            lo = lo.checked_add(sc)?;
            hi = hi.checked_add(sc)?;
            continue;
        }
        let known = checked_sum(
            ctx.indicators
                .iter()
                .filter(|i| i.node == n.id)
                .filter_map(|i| i.counted_score().or(i.stated_score.filter(|_| i.range.is_none()))),
        )?;
        lo = lo.checked_add(known)?;
        hi = hi.checked_add(n.effective_weight?.max(known))?;
        unknown.push(n.name.clone());
    }
    let (bound, zh) = if stated < round_to(lo, stated.scale().min(2)) && lo > stated {
        (lo, "≥")
    } else if stated > hi {
        (hi, "≤")
    } else {
        return None;
    };
    Some(fire(
        "score.total_mismatch",
        "stated.total",
        &[
            ("stated", stated.to_string()),
            ("computed", format!("{zh} {}", round2(bound))),
            ("formula", format!("{}无法计分，按已知得分及其分值估计：{} 至 {}", unknown.join("、"), round2(lo), round2(hi))),
        ],
    ))
}

/// A judged (manual) score below its weight without 偏差原因 and 改进措施; and an indicator that
/// met its target (the method gives the full weight) stated below its weight without them.
pub fn below_full_unexplained(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, i) in pairs(ctx) {
        let (Some(s), Some(w), Some(c)) = (r.stated_score, r.weight, r.score) else { continue };
        if r.shortfall || s >= w || c < w {
            continue;
        }
        if let Some((mzh, men)) = missing_explanations(&i.reason, &i.measure) {
            let field = if super::thresholds::is_non_reason(&i.reason) { "reason" } else { "measure" };
            out.push(fire(
                "score.below_full_unexplained",
                &path::indicator(&r.task, &r.id, field),
                &[("name", i.name.clone()), ("score", fmt(s)), ("weight", fmt(w)), ("missing_zh", mzh), ("missing_en", men)],
            ));
        }
    }
    for n in ctx.scores.nodes.iter().filter(|n| n.leaf && (n.method == "manual" || n.method == "auto")) {
        let (Some(s), Some(w)) = (n.stated, n.effective_weight) else { continue };
        if s >= w {
            continue;
        }
        let st = ctx.doc.stated.scores.get(&n.id);
        let (reason, measure) = st.map(|x| (x.reason.as_str(), x.measure.as_str())).unwrap_or(("", ""));
        if let Some((mzh, men)) = missing_explanations(reason, measure) {
            let field = if is_blank(reason) { "reason" } else { "measure" };
            out.push(fire(
                "score.below_full_unexplained",
                &path::stated_score(&n.id, field),
                &[
                    ("name", n.name.clone()),
                    ("name_en", n.name_in(Lang::En).to_string()),
                    ("score", fmt(s)),
                    ("weight", fmt(w)),
                    ("missing_zh", mzh),
                    ("missing_en", men),
                ],
            ));
        }
    }
    out
}

/// 其他加减分项 without a reason, or beyond the rubric's bounds. The bounds limit the items
/// together, as the notices word them (加分最多加 5 分、扣分最多扣 5 分): the additions add up to
/// at most `adjustment_max` and the deductions to at least `adjustment_min`. The item at which a
/// running sum first crosses its bound is reported, once per direction.
pub fn adjustment_unexplained(ctx: &Context) -> Vec<Finding> {
    let min = number::parse_opt(&ctx.rubric.adjustment_min, Kind::Score).ok().flatten();
    let max = number::parse_opt(&ctx.rubric.adjustment_max, Kind::Score).ok().flatten();
    let bounds = || (min.map(fmt).unwrap_or("−∞".into()), max.map(fmt).unwrap_or("+∞".into()));
    let (mut added, mut deducted) = (Decimal::ZERO, Decimal::ZERO);
    let (mut over, mut under) = (false, false);
    let mut out = Vec::new();
    for a in &ctx.doc.stated.adjustments {
        let Ok(Some(p)) = number::parse_opt(&a.points, Kind::Score) else { continue };
        if p.is_zero() {
            continue;
        }
        let (sum, bound, crossed) = if p.is_sign_positive() {
            added = added.saturating_add(p);
            (added, max, &mut over)
        } else {
            deducted = deducted.saturating_add(p);
            (deducted, min, &mut under)
        };
        let beyond = !*crossed && bound.is_some_and(|b| if p.is_sign_positive() { sum > b } else { sum < b });
        let mut problems = Vec::new();
        if is_blank(&a.reason) {
            problems.push(("未写明事由".to_string(), "no reason given".to_string(), "reason"));
        }
        if beyond {
            let (lo, hi) = bounds();
            problems.push(if sum == p {
                (format!("超出评分标准允许的 {lo} 至 {hi} 分"), format!("outside the rubric's bounds {lo} to {hi}"), "points")
            } else {
                let (zh, en) = if p.is_sign_positive() { ("加分", "additions") } else { ("扣分", "deductions") };
                (
                    format!("连同前面各项，{zh}合计 {} 分，超出评分标准允许的 {lo} 至 {hi} 分", fmt(sum)),
                    format!("with the items above, the {en} add up to {}, outside the rubric's bounds {lo} to {hi}", fmt(sum)),
                    "points",
                )
            });
            *crossed = true;
        }
        for (zh, en, field) in problems {
            out.push(fire(
                "score.adjustment_unexplained",
                &path::adjustment(&a.id, field),
                &[("points", fmt(p)), ("problem_zh", zh), ("problem_en", en)],
            ));
        }
    }
    out
}

/// No grade stated although the total is known.
pub fn grade_missing(ctx: &Context) -> Vec<Finding> {
    if !super::thresholds::grade_required(&ctx.rubric.region) {
        return vec![];
    }
    let total = ctx.scores.total.or(ctx.scores.stated_total);
    match total {
        Some(t) if is_blank(&ctx.doc.stated.grade) => {
            let fix = grade_fix(ctx, "");
            let g = Grade::of(t).label();
            vec![fire("score.grade_missing", "stated.grade", &[("total", round2(t).to_string()), ("grade_zh", g.zh), ("grade_en", g.en)])
                .with_fix(fix)]
        }
        _ => vec![],
    }
}

/// A stated grade that is not the total's grade.
pub fn grade_mismatch(ctx: &Context) -> Vec<Finding> {
    let stated = ctx.doc.stated.grade.trim();
    if stated.is_empty() {
        return vec![];
    }
    let Some(t) = ctx.scores.total.or(ctx.scores.stated_total) else { return vec![] };
    let g = Grade::of(t);
    if Grade::parse(stated) == Some(g) {
        return vec![];
    }
    let l = g.label();
    vec![fire(
        "score.grade_mismatch",
        "stated.grade",
        &[("stated", stated.to_string()), ("total", round2(t).to_string()), ("grade_zh", l.zh), ("grade_en", l.en)],
    )
    .with_fix(grade_fix(ctx, stated))]
}

/// The computed total's grade, in the language the grade was typed in (优, or "excellent" where
/// the unit wrote English): only from a computed total, never from a stated one, and not while
/// the budget total is in doubt.
fn grade_fix(ctx: &Context, stated: &str) -> Option<Fix> {
    let t = ctx.scores.total?;
    if budget::total_in_doubt(ctx) {
        return None;
    }
    let l = Grade::of(t).label();
    let english = !stated.is_empty() && stated.chars().all(|c| c.is_ascii_alphabetic());
    Some(Fix::new("stated.grade", if english { l.en } else { l.zh }))
}
