//! Completion and score of each performance indicator.
//!
//! Policy (财预〔2020〕10号 and the scoring practice that follows it):
//! - "≥": actual ≥ target scores the full weight, else weight × actual ÷ target;
//! - "≤" (reverse): actual ≤ target scores full, else weight × target ÷ actual;
//! - "=": the target exactly scores full, else weight × (1 − |actual − target| ÷ target), floored at 0;
//! - 定性: tiers of the weight — 达成 80–100%, 部分达成 60–80%, 未达成 0–60%; the unit's stated
//!   score must fall in its tier, so there is a range and no single computed score;
//! - `scoring = "deduct"`: full at the target, then `deduct_per_unit` points per unit of deviation
//!   beyond it, floored at 0 (control-rate indicators).
//!
//! Completion % is the share of the target reached (for "≤", of the allowance kept), rounded by
//! [`crate::text::rounding`]; a shortfall is any completion short of the target.
//!
//! The proportional formulas are only defined where the ratio means a share: a shortfall on a
//! "≥" indicator is scored weight × actual ÷ target when the target is positive (floored at 0, so
//! a negative actual scores 0, never below); on a "≤" indicator weight × target ÷ actual when the
//! target is 0 or more (a target of 0 exceeded scores 0). A shortfall against a target of 0 or
//! below ("≥ 0%" growth, "≤ −5%" change) has no proportional score: the indicator gets no
//! computed score (the rubric's detailed criteria decide, and the unit's stated score counts),
//! never a score above its weight. "=" measures the deviation against |target|.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::entry::Entries;
use crate::document::format::{direction, path, Indicator, SelfEvaluation, Task, TIERS};
use crate::text::number::{is_blank, Kind as NumKind};
use crate::text::rounding::{mul_div_round2, write_decimal};
use crate::text::shared::Shared;
use crate::text::words::{is_placeholder, result_of, split_bound};
pub use explain::{Explain, Why};
use explain::{Kind, Rest};

mod explain;
mod score;

/// Words where a value is expected: a date ("9月前", "2023年12月底"), or text without a digit that
/// is neither blank, a placeholder nor a number ("有效改善", "是"). Text with digits that does not
/// read ("78O") stays an invalid number: a typo is not a word.
fn is_words(s: &str) -> bool {
    // The common case without allocating: a plain number ("100", "85.79", "95%"), first without
    // trimming.
    let plain = |b: u8| b.is_ascii_digit() || b == b'.' || b == b'%' || b == b',';
    if s.bytes().all(plain) {
        return false;
    }
    if s.trim().bytes().all(plain) {
        return false;
    }
    !is_blank(s)
        && !is_placeholder(s)
        && split_bound(s).is_none()
        && (crate::text::words::date_of(s).is_some()
            || (!crate::text::number::to_half_width(s).contains(|c: char| c.is_ascii_digit())
                && crate::text::number::parse_opt(s, NumKind::Value).is_err()))
}

/// The computed figures of one indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorResult {
    /// The task's id.
    pub task: Shared,
    /// The indicator's id.
    pub id: String,
    /// The rubric node it counts under ("" when none).
    pub node: Shared,
    /// The direction it is scored by, one of [`direction`]'s values: the typed direction as
    /// [`direction_of`] recognises it; blank or unrecognised text is scored as "≥" (the
    /// unrecognised case is reported by rule `indicator.direction_unknown`).
    pub direction: std::borrow::Cow<'static, str>,
    /// Target, when numeric and valid.
    pub target: Option<Decimal>,
    /// Actual, when numeric and valid.
    pub actual: Option<Decimal>,
    /// Weight, when given and valid.
    pub weight: Option<Decimal>,
    /// The stated score, when given and valid.
    pub stated_score: Option<Decimal>,
    /// Completion in % (2 dp), when computable.
    pub completion: Option<Decimal>,
    /// The recognised tier of a 定性 indicator: 0 达成, 1 部分达成, 2 未达成.
    pub tier: Option<usize>,
    /// True when the actual falls short of the target (or a 定性 tier below 达成).
    pub shortfall: bool,
    /// The score by the method; `None` when not scored or not computable (定性: see `range`).
    pub score: Option<Decimal>,
    /// For 定性: the tier's score range (lower, upper); see [`IndicatorResult::in_range`] for
    /// which bounds are included.
    pub range: Option<(Decimal, Decimal)>,
    /// How completion and score were obtained, written when read ([`IndicatorResult::explain`]
    /// writes one language).
    pub explain: Explain,
    /// Last year's actual value (上年实际完成值), when given, numeric and valid.
    pub previous: Option<Decimal>,
}

impl IndicatorResult {
    /// The score that counts toward the rubric: the computed one, else (定性) the stated one when
    /// it lies in its tier.
    pub fn counted_score(&self) -> Option<Decimal> {
        self.score.or(match self.stated_score {
            Some(s) if self.in_range(s) => Some(s),
            _ => None,
        })
    }

    /// Whether a score lies in this 定性 indicator's tier range. Policy ([`TIERS`]): every tier
    /// includes its lower bound; only the top tier (达成) includes its upper bound, so with a
    /// weight of 10, 部分达成 is 6 ≤ score < 8 and 8 is already 达成's. False without a range.
    pub fn in_range(&self, score: Decimal) -> bool {
        match self.range {
            Some((lo, hi)) if self.tier == Some(0) => score >= lo && score <= hi,
            Some((lo, hi)) => score >= lo && score < hi,
            None => false,
        }
    }

    /// How completion and score were obtained, in `lang`: written now (only this language),
    /// unless it was already.
    pub fn explain(&self, lang: crate::text::lang::Lang) -> std::borrow::Cow<'_, str> {
        self.explain.text(lang)
    }

    /// The tier range in interval notation, "[8.00, 10.00]" or "[6.00, 8.00)"; empty without one.
    pub fn range_text(&self) -> String {
        let mut s = String::new();
        if let Some((lo, hi)) = self.range {
            s.push('[');
            write_decimal(&mut s, lo);
            s.push_str(", ");
            write_decimal(&mut s, hi);
            s.push(if self.tier == Some(0) { ']' } else { ')' });
        }
        s
    }
}

/// The direction a typed `direction` means: "≥", "≤", "=" or "定性" and the usual ways of writing
/// them (">=", "不低于", "反向", "<=", …, see [`crate::text::words::direction_of`]); `Some("")` for
/// blank, `None` for text that is not a direction.
pub fn direction_of(typed: &str) -> Option<&'static str> {
    crate::text::words::direction_of(typed)
}

/// The direction an indicator is scored by: [`direction_of`], with blank and unrecognised text
/// scored as "≥" (the national tables' default for quantity indicators).
pub fn scored_direction(typed: &str) -> &'static str {
    // The four directions as the page writes them, without the general recogniser's work.
    for d in [direction::AT_LEAST, direction::AT_MOST, direction::EQUAL, direction::QUALITATIVE] {
        if typed == d {
            return d;
        }
    }
    match direction_of(typed) {
        Some("") | None => direction::AT_LEAST,
        Some(d) => d,
    }
}

/// Recognises a 定性 tier from its value, its label or its English name.
pub fn tier_of(actual: &str) -> Option<usize> {
    let a = actual.trim();
    TIERS.iter().position(|(v, zh, en, _, _)| a == *v || a == *zh || a.eq_ignore_ascii_case(en))
}

/// Scores every indicator of the document, in document order.
pub fn compute(doc: &SelfEvaluation, e: &mut Entries) -> Vec<IndicatorResult> {
    let mut out = Vec::with_capacity(doc.tasks.iter().map(|t| t.indicators.len()).sum());
    let mut names = Names::default();
    for (t, i) in doc.indicators() {
        one_into(t, i, e, &mut names, &mut out);
    }
    out
}

/// A 成本指标 with no direction and a plain number as its target ("20万元"): a cost is a ceiling,
/// so it is read as "≤" (and the explanation says so).
pub fn cost_read_as_at_most(ind: &Indicator) -> bool {
    is_blank(&ind.direction)
        && ind.category.contains("成本")
        && crate::text::words::category_of(&ind.category) == Some("产出-成本")
        && split_bound(&ind.target).is_none()
        && !is_words(&ind.target)
}

/// The task id and rubric item last written into a result, shared by the next results that repeat
/// them (the 50 indicators of a task, the indicators of one item in a row).
#[derive(Default)]
struct Names {
    task: Option<Shared>,
    node: Option<Shared>,
}

/// Appends one indicator's figures to `out`. The result is written in place (it is large: moving
/// it costs more than computing most of it).
fn one_into(task: &Task, ind: &Indicator, e: &mut Entries, names: &mut Names, out: &mut Vec<IndicatorResult>) {
    let why = one_scored(task, ind, e, names, out);
    let Some(r) = out.last_mut() else { return };
    // A cost indicator with no direction read as "≤": the explanation says so.
    let cost_note = r.direction == direction::AT_MOST && ind.direction != direction::AT_MOST && cost_read_as_at_most(ind);
    r.explain = explain::explain(why, cost_note, &ind.unit);
}

/// One indicator's figures (the policy's cases are tested one by one through it).
#[cfg(test)]
fn one(task: &Task, ind: &Indicator, e: &mut Entries) -> IndicatorResult {
    let mut out = Vec::with_capacity(1);
    one_into(task, ind, e, &mut Names::default(), &mut out);
    out.pop().unwrap_or_else(|| unreachable!("one_into pushes one result"))
}

/// One indicator's figures, in the steps of the policy: its direction and target as read
/// ([`read`]), its weight and stated score, then a 定性 indicator by its tier ([`by_tier`]) or a
/// quantitative one by its completion ([`score::completion`]) and its score by the method
/// ([`score::score`]), each step writing its part of the explanation ([`explain`]).
fn one_scored(task: &Task, ind: &Indicator, e: &mut Entries, names: &mut Names, out: &mut Vec<IndicatorResult>) -> Kind {
    let p = |f| path::indicator(&task.id, &ind.id, f);
    let deduct = crate::text::words::is_deduct(&ind.scoring);
    if is_blank(&ind.name) {
        e.required(&p("name"), ("指标名称", "the indicator's name"));
    }
    let reading = read(ind, deduct);
    let dir = reading.dir;
    let qualitative = dir == direction::QUALITATIVE;
    let weight = e.opt_at(|| p("weight"), &ind.weight, NumKind::Weight);
    let stated_score = e.opt_at(|| p("stated_score"), &ind.stated_score, NumKind::Score);
    out.push(IndicatorResult {
        task: Shared::reuse(&mut names.task, &task.id),
        id: ind.id.clone(),
        node: Shared::reuse(&mut names.node, ind.node.trim()),
        direction: std::borrow::Cow::Borrowed(dir),
        target: None,
        actual: None,
        weight,
        stated_score,
        completion: None,
        tier: None,
        shortfall: false,
        score: None,
        range: None,
        explain: Explain::default(),
        previous: None,
    });
    let Some(r) = out.last_mut() else { return Kind::Empty };
    // The target (and last year's actual it is compared with) is read even before there is an
    // actual value: a next year's draft is checked while it is planned.
    if !qualitative {
        r.target = e.opt_at(|| p("target"), reading.target_text(ind), NumKind::Value);
        r.previous = e.opt_at(|| p("previous"), &ind.previous, NumKind::Value);
    }
    if is_blank(&ind.actual) {
        e.required(&p("actual"), ("实际完成值", "the actual value"));
        return Kind::Empty;
    }
    if reading.actual_bound {
        return Kind::ActualBound;
    }
    if qualitative {
        return by_tier(r, ind, weight);
    }
    let target = r.target;
    let actual = e.opt_at(|| p("actual"), &ind.actual, NumKind::Value);
    r.actual = actual;
    let (Some(t), Some(a)) = (target, actual) else { return Kind::Empty };
    let (reached, shortfall, completion) = score::completion(dir, t, a);
    r.shortfall = shortfall;
    r.completion = completion;
    // The explanation is kept as its figures (see [`explain`]).
    let figures = |rest| Kind::Figures { dir, completion, t, a, unit: explain::Unit::NONE, rest };
    let Some(w) = weight else {
        return figures(Rest::NoWeight);
    };
    // A deduction indicator needs its points per unit: the rubric sets them (0.5 or 2 per
    // percentage point, …), so a blank is a required cell, never a silent 1.
    let per = if deduct {
        if is_blank(&ind.deduct_per_unit) {
            e.required(&p("deduct_per_unit"), ("扣分指标的每单位扣分", "the points deducted per unit"));
        }
        e.opt_at(|| p("deduct_per_unit"), &ind.deduct_per_unit, NumKind::Weight)
    } else {
        None
    };
    let rest = match score::score(dir, deduct, reached, t, a, w, per) {
        Some((score, how)) => {
            r.score = Some(score);
            Rest::Score { score, how, w }
        }
        None => Rest::NoScore {
            no_points_per_unit: deduct && per.is_none(),
            proportional_undefined: score::proportional_undefined(dir, deduct, reached, t),
        },
    };
    figures(rest)
}

/// How an indicator is read before its values: the direction it is scored by, the bound written
/// in its target, and whether its actual is written as a bound.
struct Reading {
    dir: &'static str,
    target_bound: Option<(&'static str, String)>,
    actual_bound: bool,
}

impl Reading {
    /// The target without a bound's sign ("≧20000亩" → "20000亩").
    fn target_text<'a>(&'a self, ind: &'a Indicator) -> &'a str {
        self.target_bound.as_ref().map_or(ind.target.as_str(), |(_, v)| v.as_str())
    }
}

/// The direction an indicator is scored by. A bound written in the target ("≧20000亩",
/// "不低于85%", "95%以上") gives the direction when none is typed, and the value without its
/// sign; words where a number is expected make it qualitative.
fn read(ind: &Indicator, deduct: bool) -> Reading {
    let typed = scored_direction(&ind.direction);
    let target_bound = if typed == direction::QUALITATIVE { None } else { split_bound(&ind.target) };
    let dir = match &target_bound {
        Some((d, _)) if direction_of(&ind.direction) == Some("") => *d,
        None if typed == direction::AT_LEAST && ind.direction != direction::AT_LEAST && cost_read_as_at_most(ind) => direction::AT_MOST,
        _ => typed,
    };
    let target_text: &str = target_bound.as_ref().map_or(ind.target.as_str(), |(_, v)| v.as_str());
    // An actual written as a bound ("≥266米") is no measured value: no score, and rule
    // `indicator.actual_is_bound` says so (not an invalid number).
    let actual_bound = dir != direction::QUALITATIVE && split_bound(&ind.actual).is_some();
    // Words where a number is expected ("有效改善", "是", "9月前", "实际按该标准发放") make the
    // indicator qualitative: it is judged by its words (see [`crate::text::words::result_of`]).
    let by_words = dir != direction::QUALITATIVE && !deduct && !actual_bound && (is_words(target_text) || is_words(&ind.actual));
    let dir = if by_words { direction::QUALITATIVE } else { dir };
    Reading { dir, target_bound, actual_bound }
}

/// A 定性 indicator: its tier from the actual (its label, or the words of the result against the
/// target), and with a weight the tier's score range; what its explanation says.
fn by_tier(r: &mut IndicatorResult, ind: &Indicator, weight: Option<Decimal>) -> Kind {
    r.tier = tier_of(&ind.actual).or_else(|| result_of(&ind.actual, &ind.target));
    let Some(t) = r.tier else { return Kind::Empty };
    let (_, _, _, lo, hi) = TIERS[t];
    r.shortfall = t > 0;
    let Some(w) = weight else { return Kind::Tier(t) };
    let bound = |pct: u32| mul_div_round2(w, Decimal::from(pct), Decimal::ONE_HUNDRED);
    let (Some(lo_s), Some(hi_s)) = (bound(lo), bound(hi)) else {
        return Kind::TierOutOfRange(t);
    };
    r.range = Some((lo_s, hi_s));
    Kind::TierRange { tier: t, lo: lo_s, hi: hi_s, w }
}

#[cfg(test)]
mod tests;
