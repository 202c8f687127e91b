//! Checks of the performance indicators.

use rust_decimal::Decimal;

use super::catalogue::fire;
use super::{missing_explanations, thresholds, Context};
use crate::check::finding::Finding;
use crate::check::indicator::{direction_of, IndicatorResult};
use crate::check::rubric::Method;
use crate::document::format::{direction, path, Indicator, TIERS};
use crate::text::number::is_blank;
use crate::text::words::category_of;
use crate::text::words::split_bound;

/// Each computed indicator with the indicator as typed.
pub fn pairs<'a>(ctx: &'a Context) -> impl Iterator<Item = (&'a IndicatorResult, &'a Indicator)> {
    ctx.indicators.iter().zip(ctx.doc.indicators().map(|(_, i)| i))
}

/// True when a cell starts with a digit: a value, neither blank nor a placeholder (the common
/// case, decided without decoding a character).
fn starts_with_digit(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Each computed indicator with the indicator as typed, by a plain nested loop: cheaper than
/// [`pairs`] for checks that look at every indicator and keep few (no iterator adapters per row).
pub fn each<'a>(ctx: &'a Context, mut f: impl FnMut(&'a IndicatorResult, &'a Indicator)) {
    let mut k = 0;
    for t in &ctx.doc.tasks {
        for i in &t.indicators {
            if let Some(r) = ctx.indicators.get(k) {
                f(r, i);
            }
            k += 1;
        }
    }
}

/// How far an indicator got, in words: "85.79%" or the tier's name.
pub fn completion_text(r: &IndicatorResult, lang_en: bool) -> String {
    match (r.completion, r.tier) {
        (Some(c), _) => format!("{c}%"),
        (None, Some(t)) => (if lang_en { TIERS[t].2 } else { TIERS[t].1 }).to_string(),
        _ => "—".to_string(),
    }
}

/// A shortfall (actual short of target, or a tier below 达成) without 偏差原因 and 改进措施.
pub fn shortfall_unexplained(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, i) in pairs(ctx) {
        if !r.shortfall {
            continue;
        }
        if let Some((mzh, men)) = missing_explanations(&i.reason, &i.measure) {
            let field = if is_blank(&i.reason) { "reason" } else { "measure" };
            out.push(fire(
                "indicator.shortfall_unexplained",
                &path::indicator(&r.task, &r.id, field),
                &[
                    ("name", i.name.clone()),
                    ("actual", i.actual.trim().to_string()),
                    ("target", i.target.trim().to_string()),
                    ("unit", i.unit.clone()),
                    ("completion", completion_text(r, false)),
                    ("missing_zh", mzh),
                    ("missing_en", men),
                ],
            ));
        }
    }
    out
}

/// A "≥" indicator completed far above its target: the target may have been set too low.
pub fn far_above_target(ctx: &Context) -> Vec<Finding> {
    let th = thresholds::get().far_above_target_percent;
    pairs(ctx)
        .filter(|(r, _)| r.direction == direction::AT_LEAST && r.target.is_some_and(|t| t > Decimal::ZERO))
        .filter(|(r, _)| r.completion.is_some_and(|c| c > th))
        .map(|(r, i)| {
            fire(
                "indicator.far_above_target",
                &path::indicator(&r.task, &r.id, "target"),
                &[
                    ("name", i.name.clone()),
                    ("actual", i.actual.trim().to_string()),
                    ("target", i.target.trim().to_string()),
                    ("unit", i.unit.clone()),
                    ("completion", completion_text(r, false)),
                    ("threshold", th.to_string()),
                ],
            )
        })
        .collect()
}

/// A target less demanding than last year's actual (上年实际完成值): below it for a "≥"
/// indicator, above it for a "≤" one. Policy: a target should be at least what was already
/// achieved unless there is a reason; "=" and 定性 indicators are not compared.
pub fn target_below_previous(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter_map(|(r, i)| {
            let (t, prev) = (r.target?, r.previous?);
            let (zh, en, note_zh, note_en) = match r.direction.as_str() {
                direction::AT_LEAST if t < prev => ("低于", "below", "", ""),
                direction::AT_MOST if t > prev => ("高于", "above", "（本指标越低越好）", " (lower is better here)"),
                _ => return None,
            };
            Some(fire(
                "indicator.target_below_previous",
                &path::indicator(&r.task, &r.id, "target"),
                &[
                    ("name", i.name.clone()),
                    ("target", i.target.trim().to_string()),
                    ("previous", i.previous.trim().to_string()),
                    ("unit", i.unit.clone()),
                    ("relation_zh", zh.to_string()),
                    ("relation_en", en.to_string()),
                    ("note_zh", note_zh.to_string()),
                    ("note_en", note_en.to_string()),
                ],
            ))
        })
        .collect()
}

/// A quantitative indicator with an actual value but no target.
pub fn target_missing(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| r.direction != direction::QUALITATIVE && is_blank(&i.target) && !is_blank(&i.actual))
        .map(|(r, i)| {
            fire(
                "indicator.target_missing",
                &path::indicator(&r.task, &r.id, "target"),
                &[("name", i.name.clone()), ("actual", i.actual.trim().to_string()), ("unit", i.unit.clone())],
            )
        })
        .collect()
}

/// A 定性 indicator whose actual value is not one of the tiers.
pub fn tier_unknown(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| r.direction == direction::QUALITATIVE && !is_blank(&i.actual) && r.tier.is_none())
        .map(|(r, i)| {
            fire(
                "indicator.tier_unknown",
                &path::indicator(&r.task, &r.id, "actual"),
                &[("name", i.name.clone()), ("actual", i.actual.trim().to_string()), ("target", i.target.trim().to_string())],
            )
        })
        .collect()
}

/// An actual written as a bound ("≥266米", "≥95%"): the form asks for the measured value.
pub fn actual_is_bound(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| r.direction != direction::QUALITATIVE && split_bound(&i.actual).is_some())
        .map(|(r, i)| {
            fire(
                "indicator.actual_is_bound",
                &path::indicator(&r.task, &r.id, "actual"),
                &[("name", i.name.clone()), ("actual", i.actual.trim().to_string()), ("target", i.target.trim().to_string())],
            )
        })
        .collect()
}

/// Words in a quantity output's name that make it a ceiling (fewer is better), so "≤" is right.
const CEILING_WORDS: &[&str] = &[
    "事故",
    "投诉",
    "差错",
    "违规",
    "违法",
    "违纪",
    "超标",
    "超期",
    "逾期",
    "超支",
    "损失",
    "故障",
    "伤亡",
    "死亡",
    "隐患",
    "不合格",
    "失误",
    "延误",
    "返工",
    "成本",
    "费用",
    "价格",
    "单价",
    "能耗",
    "排放",
    "发生",
    "上访",
];

/// "≤" on a 数量 output that is to be maximised ("开展示范村建设数量 ≤4"): building none would score
/// full. A ceiling named as such (事故、投诉、超支 …), a rate (a % target: 差错率 ≤5%) and a
/// deduction (control-rate) indicator are not questioned.
pub fn reverse_on_output(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| {
            r.direction == direction::AT_MOST
                && !crate::text::words::is_deduct(&i.scoring)
                && !i.unit.contains('%')
                && !i.target.contains(['%', '％'])
                && category_of(&i.category) == Some("产出-数量")
                && !CEILING_WORDS.iter().any(|w| i.name.contains(w))
        })
        .map(|(r, i)| {
            let target = if i.target.trim_start().starts_with(['≤', '≦', '<']) || split_bound(&i.target).is_some() {
                i.target.trim().to_string()
            } else {
                format!("≤{}", i.target.trim())
            };
            fire(
                "indicator.reverse_on_output",
                &path::indicator(&r.task, &r.id, "direction"),
                &[("name", i.name.clone()), ("target", target)],
            )
        })
        .collect()
}

/// Words in a rate's name that let it exceed 100%: a growth or increase, and a completion rate
/// (actual ÷ plan: 112.73% is a real 完成率).
const UNBOUNDED_RATE_WORDS: &[&str] = &["增长", "增幅", "增加", "提高", "提升", "增速", "超", "完成率", "比率"];

/// True when the indicator's target is a percentage (its unit or the typed target says %).
fn in_percent(i: &Indicator) -> bool {
    i.unit.contains(['%', '％']) || i.target.contains(['%', '％'])
}

/// True when "≥" was written, in the direction column or in the target ("≥100%", "不低于100%").
fn written_at_least(i: &Indicator) -> bool {
    i.direction == direction::AT_LEAST
        || direction_of(&i.direction) == Some(direction::AT_LEAST)
        || split_bound(&i.target).is_some_and(|(d, _)| d == direction::AT_LEAST)
}

/// "≥100%" on a rate: no rate exceeds 100%, so the target is "=100%". Rates that may exceed 100%
/// (增长率, 提高率 …) are not questioned.
pub fn rate_at_least_100(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if r.direction == direction::AT_LEAST
            && r.target == Some(Decimal::ONE_HUNDRED)
            && in_percent(i)
            && i.name.contains('率')
            && !UNBOUNDED_RATE_WORDS.iter().any(|w| i.name.contains(w))
            && written_at_least(i)
        {
            let t = i.target.trim();
            let target = if split_bound(t).is_some() { t.to_string() } else { format!("≥{t}{}", if t.contains('%') { "" } else { "%" }) };
            out.push(fire(
                "indicator.rate_at_least_100",
                &path::indicator(&r.task, &r.id, "target"),
                &[("name", i.name.clone()), ("target", target)],
            ));
        }
    });
    out
}

/// The names of execution-type indicators: their target is a budget execution rate.
const EXECUTION_NAMES: &[&str] = &["预算执行率", "资金执行率", "支出执行率", "资金支付率", "预算完成率", "资金使用率", "支付进度"];

/// A "≥" target of an execution-type indicator (预算执行率, 资金支付率, 预算完成率) below both the
/// rate the budget table gives and the line under which execution must be explained (90%): the
/// target asks less than the table already shows, and less than the rules require.
pub fn target_below_budget_rate(ctx: &Context) -> Vec<Finding> {
    let Some(rate) = ctx.budget.total.rate else { return vec![] };
    let th = thresholds::get().execution_reason_below;
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if r.direction == direction::AT_LEAST
            && r.target.is_some_and(|t| t < th && t < rate)
            && in_percent(i)
            && EXECUTION_NAMES.iter().any(|w| i.name.contains(w))
        {
            out.push(fire(
                "indicator.target_below_budget_rate",
                &path::indicator(&r.task, &r.id, "target"),
                &[
                    ("name", i.name.clone()),
                    ("target", i.target.trim().to_string()),
                    ("rate", rate.to_string()),
                    ("threshold", th.to_string()),
                ],
            ));
        }
    });
    out
}

/// A direction that is neither ≥, ≤, = nor 定性 in any usual spelling (it is scored as ≥).
pub fn direction_unknown(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| i.direction != r.direction && direction_of(&i.direction).is_none())
        .map(|(r, i)| {
            fire(
                "indicator.direction_unknown",
                &path::indicator(&r.task, &r.id, "direction"),
                &[("name", i.name.clone()), ("direction", i.direction.trim().to_string())],
            )
        })
        .collect()
}

/// An indicator attached (`node`) to an id that is not an indicator-scored leaf of the rubric in
/// force: its score would silently count toward nothing.
pub fn node_unknown(ctx: &Context) -> Vec<Finding> {
    let targets: Vec<&str> = ctx
        .rubric
        .walk()
        .into_iter()
        .filter(|(_, _, n)| n.children.is_empty() && matches!(n.method, Method::Indicators { .. }))
        .map(|(_, _, n)| n.id.as_str())
        .collect();
    let list = || if targets.is_empty() { "—".to_string() } else { targets.join("、") };
    let mut out = Vec::new();
    for (r, i) in pairs(ctx) {
        if r.node.is_empty() || targets.contains(&r.node.as_str()) {
            continue;
        }
        out.push(fire(
            "indicator.node_unknown",
            &path::indicator(&r.task, &r.id, "node"),
            &[("name", i.name.clone()), ("node", r.node.clone()), ("rubric", ctx.rubric.name.clone()), ("nodes", list())],
        ));
    }
    out
}

/// The name without the template's "指标1：" numbering.
fn bare_name(name: &str) -> &str {
    let t = name.trim();
    let Some(rest) = t.strip_prefix("指标") else { return t };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "一二三四五六七八九十".contains(c));
    rest.strip_prefix(['：', ':', '、', '.', '．']).unwrap_or(rest).trim()
}

/// A row the template left in: its name is only the template's numbering, "……" or "/", and it
/// holds no target and no actual (blank or "/").
pub fn template_row(ctx: &Context) -> Vec<Finding> {
    use crate::text::words::is_placeholder;
    let empty = |s: &str| is_blank(s) || is_placeholder(s);
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if starts_with_digit(&i.target) || !(empty(&i.target) && empty(&i.actual)) {
            return;
        }
        let bare = bare_name(&i.name);
        if (bare.is_empty() || is_placeholder(bare)) && bare.len() != i.name.trim().len() || is_placeholder(&i.name) {
            out.push(fire("indicator.template_row", &path::indicator(&r.task, &r.id, "name"), &[("name", i.name.trim().to_string())]));
        }
    });
    out
}

/// A figure in the name ("年度资金支付完成率100%", "合格率≥95%") while the target cell is blank: the
/// target was written into the name, and completion cannot be judged.
pub fn target_in_name(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if starts_with_digit(&i.target) || !(is_blank(&i.target) || crate::text::words::is_placeholder(&i.target)) {
            return;
        }
        if let Some(figure) = figure_in(&i.name) {
            out.push(fire(
                "indicator.target_in_name",
                &path::indicator(&r.task, &r.id, "name"),
                &[("name", i.name.trim().to_string()), ("figure", figure)],
            ));
        }
    });
    out
}

/// A percentage in a name, with the sign or bound word before it ("100%", "≥95%", "不低于90%").
fn figure_in(name: &str) -> Option<String> {
    let c: Vec<char> = name.chars().collect();
    let pct = c.iter().position(|&x| x == '%' || x == '％')?;
    let mut a = pct;
    while a > 0 && (c[a - 1].is_ascii_digit() || c[a - 1] == '.' || ('０'..='９').contains(&c[a - 1])) {
        a -= 1;
    }
    if a == pct {
        return None;
    }
    let signs = "≥≧≤≦><=＞＜＝";
    if a > 0 && signs.contains(c[a - 1]) {
        a -= 1;
    } else {
        for w in ["不低于", "不少于", "不高于", "不超过", "达到", "高于", "低于"] {
            let n = w.chars().count();
            if a >= n && c[a - n..a].iter().collect::<String>() == w {
                a -= n;
                break;
            }
        }
    }
    Some(c[a..=pct].iter().collect())
}
