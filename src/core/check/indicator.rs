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
//! [`crate::core::text::rounding`]; a shortfall is any completion short of the target.
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

use crate::core::check::entry::Entries;
use crate::core::document::format::{direction, path, Indicator, SelfEvaluation, Task, TIERS};
use crate::core::text::lang::Text;
use crate::core::text::number::{is_blank, Kind};
use crate::core::text::rounding::{mul_div_round2, percent, plain_text, round2, write_decimal, write_plain};
use crate::core::text::words::{is_placeholder, result_of, split_bound};

/// Words where a value is expected: a date ("9月前", "2023年12月底"), or text without a digit that
/// is neither blank, a placeholder nor a number ("有效改善", "是"). Text with digits that does not
/// read ("78O") stays an invalid number: a typo is not a word.
fn is_words(s: &str) -> bool {
    // The common case without allocating: a plain number ("100", "85.79", "95%").
    if s.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'%' || b == b',') {
        return false;
    }
    !is_blank(s)
        && !is_placeholder(s)
        && split_bound(s).is_none()
        && (crate::core::text::words::date_of(s).is_some()
            || (!crate::core::text::number::to_half_width(s).contains(|c: char| c.is_ascii_digit())
                && crate::core::text::number::parse_opt(s, Kind::Value).is_err()))
}

/// The computed figures of one indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorResult {
    /// The task's id.
    pub task: String,
    /// The indicator's id.
    pub id: String,
    /// The rubric node it counts under ("" when none).
    pub node: String,
    /// The direction it is scored by, one of [`direction`]'s values: the typed direction as
    /// [`direction_of`] recognises it; blank or unrecognised text is scored as "≥" (the
    /// unrecognised case is reported by rule `indicator.direction_unknown`).
    pub direction: String,
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
    /// How completion and score were obtained.
    pub explain: Text,
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
/// them (">=", "不低于", "反向", "<=", …, see [`crate::core::text::words::direction_of`]); `Some("")` for
/// blank, `None` for text that is not a direction.
pub fn direction_of(typed: &str) -> Option<&'static str> {
    crate::core::text::words::direction_of(typed)
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

/// An explanation written in both languages at once.
struct Both {
    zh: String,
    en: String,
}

impl Both {
    fn with_capacity(n: usize) -> Both {
        Both { zh: String::with_capacity(n), en: String::with_capacity(n) }
    }
    fn text(&mut self, zh: &str, en: &str) {
        self.zh.push_str(zh);
        self.en.push_str(en);
    }
    fn same(&mut self, t: &str) {
        self.text(t, t);
    }
    /// A figure with all its decimals ("85.79", "17.16").
    fn dec(&mut self, d: Decimal) {
        write_decimal(&mut self.zh, d);
        write_decimal(&mut self.en, d);
    }
    /// A value as typed, without trailing zeros ("100", "0.5").
    fn plain(&mut self, d: Decimal) {
        write_plain(&mut self.zh, d);
        write_plain(&mut self.en, d);
    }
    fn done(self) -> Text {
        Text { zh: self.zh, en: self.en }
    }
}

/// The explanation of a score that cannot be computed from these values.
fn out_of_range() -> Text {
    Text::new("数值超出可计算范围，无法计分", "a value is out of the computable range: no score")
}

fn fmt(d: Decimal) -> String {
    plain_text(d)
}

/// Scores every indicator of the document, in document order.
pub fn compute(doc: &SelfEvaluation, e: &mut Entries) -> Vec<IndicatorResult> {
    let mut out = Vec::with_capacity(doc.tasks.iter().map(|t| t.indicators.len()).sum());
    out.extend(doc.indicators().map(|(t, i)| one(t, i, e)));
    out
}

/// A 成本指标 with no direction and a plain number as its target ("20万元"): a cost is a ceiling,
/// so it is read as "≤" (and the explanation says so).
pub fn cost_read_as_at_most(ind: &Indicator) -> bool {
    is_blank(&ind.direction)
        && ind.category.contains("成本")
        && crate::core::text::words::category_of(&ind.category) == Some("产出-成本")
        && split_bound(&ind.target).is_none()
        && !is_words(&ind.target)
}

fn one(task: &Task, ind: &Indicator, e: &mut Entries) -> IndicatorResult {
    let mut r = one_scored(task, ind, e);
    if r.direction == direction::AT_MOST && ind.direction != direction::AT_MOST && cost_read_as_at_most(ind) {
        let (zh, en) =
            ("成本指标未写方向，按“≤”（不超过指标值）计分", "a cost indicator with no direction: scored as \"≤\" (at most the target)");
        r.explain = if r.explain.zh.is_empty() {
            Text::new(zh, en)
        } else {
            Text::new(format!("{}；{zh}", r.explain.zh), format!("{}; {en}", r.explain.en))
        };
    }
    r
}

fn one_scored(task: &Task, ind: &Indicator, e: &mut Entries) -> IndicatorResult {
    let p = |f| path::indicator(&task.id, &ind.id, f);
    let deduct = crate::core::text::words::is_deduct(&ind.scoring);
    if is_blank(&ind.name) {
        e.required(&p("name"), ("指标名称", "the indicator's name"));
    }
    // A bound written in the target ("≧20000亩", "不低于85%", "95%以上") gives the direction when
    // none is typed, and the value without its sign.
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
    // indicator qualitative: it is judged by its words (see [`crate::core::text::words::result_of`]).
    let by_words = dir != direction::QUALITATIVE && !deduct && !actual_bound && (is_words(target_text) || is_words(&ind.actual));
    let dir = if by_words { direction::QUALITATIVE } else { dir };
    let qualitative = dir == direction::QUALITATIVE;
    let weight = e.opt_at(|| p("weight"), &ind.weight, Kind::Weight);
    let stated_score = e.opt_at(|| p("stated_score"), &ind.stated_score, Kind::Score);
    let mut r = IndicatorResult {
        task: task.id.clone(),
        id: ind.id.clone(),
        node: ind.node.trim().to_string(),
        direction: dir.to_string(),
        target: None,
        actual: None,
        weight,
        stated_score,
        completion: None,
        tier: None,
        shortfall: false,
        score: None,
        range: None,
        explain: Text::default(),
        previous: None,
    };
    // The target (and last year's actual it is compared with) is read even before there is an
    // actual value: a next year's draft is checked while it is planned.
    if !qualitative {
        r.target = e.opt_at(|| p("target"), target_text, Kind::Value);
        r.previous = e.opt_at(|| p("previous"), &ind.previous, Kind::Value);
    }
    if is_blank(&ind.actual) {
        e.required(&p("actual"), ("实际完成值", "the actual value"));
        return r;
    }
    if actual_bound {
        r.explain =
            Text::new("实际完成值写成了区间，没有实测值，无法计分", "the actual is written as a bound, not a measured value: no score");
        return r;
    }
    if qualitative {
        r.tier = tier_of(&ind.actual).or_else(|| result_of(&ind.actual, &ind.target));
        if let Some(t) = r.tier {
            let (_, zh, en, lo, hi) = TIERS[t];
            r.shortfall = t > 0;
            if let Some(w) = weight {
                let bound = |pct: u32| mul_div_round2(w, Decimal::from(pct), Decimal::ONE_HUNDRED);
                let (Some(lo_s), Some(hi_s)) = (bound(lo), bound(hi)) else {
                    r.explain = Text::new(format!("{zh}：{}", out_of_range().zh), format!("{en}: {}", out_of_range().en));
                    return r;
                };
                r.range = Some((lo_s, hi_s));
                let range = r.range_text();
                r.explain = Text::new(
                    format!("{zh}：得分区间 {range}（分值 {} × {lo}%–{hi}%）", fmt(w)),
                    format!("{en}: score range {range} (weight {} × {lo}%–{hi}%)", fmt(w)),
                );
            } else {
                r.explain = Text::new(zh, en);
            }
        }
        return r;
    }
    let target = r.target;
    let actual = e.opt_at(|| p("actual"), &ind.actual, Kind::Value);
    r.actual = actual;
    let (Some(t), Some(a)) = (target, actual) else { return r };
    let (reached, shortfall) = match dir {
        direction::AT_MOST => (a <= t, a > t),
        direction::EQUAL => (a == t, a != t),
        _ => (a >= t, a < t),
    };
    r.shortfall = shortfall;
    // Completion: share of the target reached.
    let zero = round2(Decimal::ZERO);
    r.completion = match dir {
        direction::AT_MOST if reached => Some(round2(Decimal::ONE_HUNDRED)),
        direction::AT_MOST if t.is_sign_negative() => None,
        direction::AT_MOST => percent(t, a),
        direction::EQUAL if t.is_zero() => Some(if reached { round2(Decimal::ONE_HUNDRED) } else { zero }),
        direction::EQUAL => {
            a.checked_sub(t).and_then(|dev| t.abs().checked_sub(dev.abs())).and_then(|kept| percent(kept, t.abs())).map(|c| c.max(zero))
        }
        _ if t.is_zero() && reached => Some(round2(Decimal::ONE_HUNDRED)),
        _ if t <= Decimal::ZERO => None,
        _ => percent(a, t).map(|c| c.max(zero)),
    };
    // The explanation, written into both languages at once without intermediate strings.
    let unit = ind.unit.as_str();
    let mut b = Both::with_capacity(128);
    match (dir, r.completion) {
        (direction::AT_MOST | direction::EQUAL, _) | (_, None) => {
            let op = match dir {
                direction::AT_MOST => "≤",
                direction::EQUAL => "=",
                _ => "≥",
            };
            b.text("完成率 ", "completion ");
            match r.completion {
                Some(c) => {
                    b.dec(c);
                    b.same("%");
                }
                None => b.same("—"),
            }
            b.text("（指标 ", " (target ");
            b.same(op);
            b.same(" ");
            b.plain(t);
            b.same(unit);
            b.text("，实际 ", ", actual ");
            b.plain(a);
            b.same(unit);
            b.text("）", ")");
        }
        (_, Some(c)) => {
            b.text("完成率 ", "completion ");
            b.dec(c);
            b.same("% = ");
            b.plain(a);
            b.same(" ÷ ");
            b.plain(t);
            b.same(" × 100");
        }
    }
    let Some(w) = weight else {
        r.explain = b.done();
        return r;
    };
    /// How a score was obtained, for its formula.
    enum How {
        Deduct(Decimal, Decimal),
        Full,
        Reverse,
        Exact,
        Proportional,
    }
    // A deduction indicator needs its points per unit: the rubric sets them (0.5 or 2 per
    // percentage point, …), so a blank is a required cell, never a silent 1.
    let per = if deduct {
        if is_blank(&ind.deduct_per_unit) {
            e.required(&p("deduct_per_unit"), ("扣分指标的每单位扣分", "the points deducted per unit"));
        }
        e.opt_at(|| p("deduct_per_unit"), &ind.deduct_per_unit, Kind::Weight)
    } else {
        None
    };
    let scored: Option<(Decimal, How)> = if deduct {
        let beyond = match dir {
            direction::AT_MOST => a.checked_sub(t).map(|x| x.max(Decimal::ZERO)),
            direction::EQUAL => a.checked_sub(t).map(|x| x.abs()),
            _ => t.checked_sub(a).map(|x| x.max(Decimal::ZERO)),
        };
        per.zip(beyond)
            .and_then(|(per, b)| Some((per, b, w.checked_sub(per.checked_mul(b)?)?)))
            .map(|(per, beyond, left)| (round2(left.max(Decimal::ZERO)), How::Deduct(per, beyond)))
    } else if reached {
        Some((round2(w), How::Full))
    } else {
        match dir {
            // a > t here, so t ≥ 0 makes a > 0.
            direction::AT_MOST if t.is_sign_negative() && !t.is_zero() => None,
            direction::AT_MOST => mul_div_round2(w, t, a).map(|s| (s, How::Reverse)),
            direction::EQUAL => {
                let s = if t.is_zero() {
                    Some(round2(Decimal::ZERO))
                } else {
                    a.checked_sub(t)
                        .and_then(|dev| dev.abs().checked_div(t.abs()))
                        .and_then(|ratio| Decimal::ONE.checked_sub(ratio))
                        .and_then(|kept| w.checked_mul(kept))
                        .map(|v| round2(v.max(Decimal::ZERO)))
                };
                s.map(|s| (s, How::Exact))
            }
            _ if t <= Decimal::ZERO => None,
            // Floored at 0.00 after rounding (a tie with −0.00 keeps 0.00).
            _ => mul_div_round2(w, a, t).map(|v| (v.max(round2(Decimal::ZERO)), How::Proportional)),
        }
    };
    let proportional_undefined = !deduct
        && !reached
        && match dir {
            direction::AT_MOST => t < Decimal::ZERO,
            direction::EQUAL => false,
            _ => t <= Decimal::ZERO,
        };
    match scored {
        Some((score, how)) => {
            r.score = Some(score);
            b.text("；得分 ", "; score ");
            b.dec(score);
            match how {
                How::Full => b.text("：达到指标值，得满分", ": target reached, full marks"),
                How::Deduct(per, beyond) => {
                    b.same(" = ");
                    b.plain(w);
                    b.same(" − ");
                    b.plain(per);
                    b.same(" × ");
                    b.plain(beyond);
                    b.text("，最低 0", ", floored at 0");
                }
                How::Reverse => {
                    b.same(" = ");
                    b.plain(w);
                    b.same(" × ");
                    b.plain(t);
                    b.same(" / ");
                    b.plain(a);
                }
                How::Exact => {
                    b.same(" = ");
                    b.plain(w);
                    b.same(" × (1 − |");
                    b.plain(a);
                    b.same(" − ");
                    b.plain(t);
                    b.same("| / ");
                    b.plain(t.abs());
                    b.same(")");
                }
                How::Proportional => {
                    b.same(" = ");
                    b.plain(w);
                    b.same(" × ");
                    b.plain(a);
                    b.same(" / ");
                    b.plain(t);
                    if a.is_sign_negative() {
                        b.text("，最低 0", ", floored at 0");
                    }
                }
            }
        }
        None => {
            let why = if deduct && per.is_none() {
                Text::new("缺少每单位扣分，无法计分", "no points per unit of deviation: no score")
            } else if proportional_undefined {
                Text::new(
                    "指标值不为正，不适用按比例计分，按评分细则填报得分",
                    "the target is not positive: no proportional score, score by the rubric's criteria",
                )
            } else {
                out_of_range()
            };
            b.text("；", "; ");
            b.text(&why.zh, &why.en);
        }
    }
    r.explain = b.done();
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ind(dir: &str, target: &str, actual: &str, weight: &str) -> Indicator {
        Indicator {
            id: "i".into(),
            name: "n".into(),
            direction: dir.into(),
            target: target.into(),
            actual: actual.into(),
            weight: weight.into(),
            ..Default::default()
        }
    }

    fn run(i: Indicator) -> IndicatorResult {
        let t = Task { id: "t".into(), name: "t".into(), indicators: vec![] };
        one(&t, &i, &mut Entries::default())
    }

    #[test]
    fn at_least_proportional_like_the_seed_attendance() {
        let r = run(ind("≥", "100", "85.79", "20"));
        assert!(r.shortfall);
        assert_eq!(r.completion, Some(d("85.79")));
        assert_eq!(r.score, Some(d("17.16")));
        assert!(r.explain.zh.contains("17.16 = 20 × 85.79 / 100"), "{}", r.explain.zh);
    }

    fn run_e(i: Indicator) -> (IndicatorResult, Vec<String>) {
        let t = Task { id: "t".into(), name: "t".into(), indicators: vec![] };
        let mut e = Entries::default();
        let r = one(&t, &i, &mut e);
        (r, e.findings.iter().map(|f| f.rule.clone()).collect())
    }

    #[test]
    fn a_bound_in_the_target_gives_the_direction_and_the_value() {
        // Fires: 不低于180人 against 164人 is a shortfall of a ≥ indicator, not an invalid number.
        let (r, errs) = run_e(ind("", "不低于180人", "164人", "10"));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(r.direction, "≥");
        assert!(r.shortfall);
        assert_eq!(r.completion, Some(d("91.11")));
        // Quiet: ≧20000亩 against 20000亩 is met; "10天以内" against 8天 is a met ≤.
        let (r, errs) = run_e(ind("", "≧20000亩", "20000亩", "15"));
        assert!(errs.is_empty() && !r.shortfall && r.score == Some(d("15.00")), "{errs:?} {r:?}");
        let (r, _) = run_e(ind("", "10天以内", "8天", "5"));
        assert_eq!((r.direction.as_str(), r.score), ("≤", Some(d("5.00"))));
    }

    #[test]
    fn an_actual_written_as_a_bound_has_no_score_and_no_invalid_number() {
        let (r, errs) = run_e(ind("", "≥266米", "≥266米", "10"));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!((r.score, r.actual), (None, None));
    }

    #[test]
    fn words_where_numbers_are_expected_are_judged_as_words() {
        // The very words of the target, a date before a date target: met, no invalid number.
        for (t, a) in [("有效改善", "有效改善"), ("9月前", "7月"), ("260元/辆", "实际按该标准发放"), ("是", "是")] {
            let (r, errs) = run_e(ind("", t, a, "10"));
            assert!(errs.is_empty(), "{t} {a}: {errs:?}");
            assert_eq!((r.direction.as_str(), r.tier), ("定性", Some(0)), "{t} {a}");
        }
        // A date after the deadline is not met.
        let (r, _) = run_e(ind("", "2022年11月底前", "2022年12月5日", "10"));
        assert_eq!(r.tier, Some(2));
        assert!(r.shortfall);
    }

    #[test]
    fn at_least_reached_is_full_and_not_above() {
        let r = run(ind("≥", "100", "120", "10"));
        assert!(!r.shortfall);
        assert_eq!(r.score, Some(d("10.00")));
        assert_eq!(r.completion, Some(d("120.00")));
    }

    #[test]
    fn at_most_reverse_indicator() {
        let r = run(ind("≤", "5", "8", "10"));
        assert!(r.shortfall);
        assert_eq!(r.score, Some(d("6.25")));
        assert_eq!(r.completion, Some(d("62.50")));
        let ok = run(ind("≤", "0", "0", "10"));
        assert!(!ok.shortfall);
        assert_eq!(ok.score, Some(d("10.00")));
    }

    #[test]
    fn deduction_floors_at_zero() {
        let mut i = ind("≤", "5", "8", "10");
        i.scoring = "deduct".into();
        i.deduct_per_unit = "2".into();
        assert_eq!(run(i.clone()).score, Some(d("4.00")));
        i.actual = "20".into();
        assert_eq!(run(i).score, Some(d("0.00")));
    }

    #[test]
    fn a_deduction_needs_its_points_per_unit() {
        let mut i = ind("≤", "5", "8", "10");
        i.scoring = "deduct".into();
        let t = Task { id: "t".into(), name: "t".into(), indicators: vec![] };
        let mut e = Entries::default();
        let r = one(&t, &i, &mut e);
        assert_eq!(r.score, None);
        assert!(r.explain.zh.ends_with("缺少每单位扣分，无法计分"), "{}", r.explain.zh);
        assert_eq!(e.findings.len(), 1);
        assert_eq!((e.findings[0].rule.as_str(), e.findings[0].path.as_str()), ("entry.required", "tasks.t.indicators.i.deduct_per_unit"));
        // Not needed when the indicator is scored by its direction's formula.
        let mut e = Entries::default();
        assert_eq!(one(&t, &ind("≤", "5", "8", "10"), &mut e).score, Some(d("6.25")));
        assert!(e.findings.is_empty());
    }

    #[test]
    fn qualitative_tiers_give_a_range() {
        let mut i = ind("定性", "完成", "部分达成", "10");
        i.stated_score = "7".into();
        let r = run(i);
        assert_eq!(r.tier, Some(1));
        assert!(r.shortfall);
        assert_eq!(r.range, Some((d("6.00"), d("8.00"))));
        assert_eq!(r.counted_score(), Some(d("7")));
        assert_eq!(r.range_text(), "[6.00, 8.00)");
        // 8 is 达成's lower bound, not 部分达成's: upper bounds are exclusive below the top tier.
        assert!(r.in_range(d("6")) && !r.in_range(d("8")) && !r.in_range(d("5.99")));
        let mut top = ind("定性", "完成", "达成", "10");
        top.stated_score = "10".into();
        let top = run(top);
        assert!(top.in_range(d("10")) && top.in_range(d("8")) && !top.in_range(d("10.01")));
        assert_eq!(top.range_text(), "[8.00, 10.00]");
        let mut eight = ind("定性", "完成", "部分达成", "10");
        eight.stated_score = "8".into();
        assert_eq!(run(eight).counted_score(), None);
        assert_eq!(tier_of("achieved"), Some(0));
        assert_eq!(tier_of("好"), None);
    }

    #[test]
    fn directions_as_officers_write_them() {
        let r = run(ind("<=", "5", "8", "10"));
        assert_eq!((r.direction.as_str(), r.score), ("≤", Some(d("6.25"))));
        let r = run(ind("反向", "5", "8", "10"));
        assert_eq!(r.score, Some(d("6.25")));
        let r = run(ind(" 不低于 ", "100", "85.79", "20"));
        assert_eq!(r.score, Some(d("17.16")));
        let r = run(ind("", "100", "85.79", "20"));
        assert_eq!((r.direction.as_str(), r.score), ("≥", Some(d("17.16"))));
        let mut q = ind("qualitative", "完成", "部分达成", "10");
        q.stated_score = "7".into();
        assert_eq!(run(q).range, Some((d("6.00"), d("8.00"))));
        // Unknown: scored as ≥ (and reported by indicator.direction_unknown).
        let r = run(ind("约等于", "100", "85.79", "20"));
        assert_eq!((r.direction.as_str(), r.score), ("≥", Some(d("17.16"))));
        assert_eq!(direction_of("约等于"), None);
    }

    #[test]
    fn proportional_scores_stay_within_zero_and_the_weight() {
        // ≥ with a negative actual: floored at 0, not −10.
        let r = run(ind("≥", "100", "-50", "20"));
        assert_eq!(r.score, Some(d("0.00")));
        assert_eq!(r.completion, Some(d("0.00")));
        // ≥ 0% growth missed: no proportional score (was a division by zero).
        let r = run(ind("≥", "0", "-3", "10"));
        assert!(r.shortfall);
        assert_eq!((r.score, r.completion), (None, None));
        assert!(r.explain.zh.contains("不适用按比例计分"), "{}", r.explain.zh);
        assert!(r.explain.zh.starts_with("完成率 —（指标 ≥ 0，实际 -3）"), "{}", r.explain.zh);
        // ≥ −5 reached by −10? No: −10 < −5 is a shortfall, and −10 / −5 = 200% would have
        // scored twice the weight.
        let r = run(ind("≥", "-5", "-10", "10"));
        assert_eq!((r.score, r.completion), (None, None));
        let r = run(ind("≥", "-5", "3", "10"));
        assert_eq!(r.score, Some(d("10.00")));
        assert_eq!(r.completion, None);
        // ≤ −5 with −3: 10 × −5 / −3 = 16.67 > 10 before.
        let r = run(ind("≤", "-5", "-3", "10"));
        assert_eq!((r.score, r.completion), (None, None));
        // ≤ 0 accidents with 2: the formula gives 0, as before.
        let r = run(ind("≤", "0", "2", "10"));
        assert_eq!((r.score, r.completion), (Some(d("0.00")), Some(d("0.00"))));
        // = −10 with −12: deviation against |target| → 10 × (1 − 2/10) = 8.
        let r = run(ind("=", "-10", "-12", "10"));
        assert_eq!((r.score, r.completion), (Some(d("8.00")), Some(d("80.00"))));
    }

    #[test]
    fn values_out_of_range_give_no_score_instead_of_a_panic() {
        let huge = "-10000000000000000000000000";
        let r = run(ind("≥", "1", huge, "8000"));
        assert_eq!(r.score, None);
        assert!(r.explain.en.contains("out of the computable range"), "{}", r.explain.en);
        let max = "79228162514264337593543950335";
        for dir in ["≥", "≤", "="] {
            let _ = run(ind(dir, max, "-1", max));
            let _ = run(ind(dir, "-1", max, max));
            let mut d = ind(dir, max, "-1", max);
            d.scoring = "deduct".into();
            d.deduct_per_unit = max.into();
            assert_eq!(run(d).score, None, "{dir}");
        }
        let q = run(ind("定性", "完成", "部分达成", max));
        assert_eq!(q.range, None);
    }

    #[test]
    fn unweighted_indicator_has_completion_but_no_score() {
        let r = run(ind("≥", "100", "98.67", ""));
        assert_eq!(r.score, None);
        assert_eq!(r.completion, Some(d("98.67")));
        assert!(r.shortfall);
    }
}
