//! The explanation of an indicator's completion and score ("完成率 95.68% = 26393.83 ÷ 27585.71 ×
//! 100；得分 9.57 = 10 × …"), kept as the figures it is written from ([`Why`]) and written into one
//! language only when the page or the CLI shows it (see [`crate::text::lang::Lazy`]).

use rust_decimal::Decimal;

use super::score::How;
use crate::document::format::{direction, TIERS};
use crate::text::lang::{Lang, Lazy, Render, Text};
use crate::text::rounding::{write_decimal, write_plain};

/// An indicator's explanation: written on demand from its figures.
pub type Explain = Lazy<Why>;

/// What an indicator's explanation says, as figures: the reading it came to, and whether a cost
/// indicator with no direction was read as "≤" (a note at the end).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Why {
    pub(super) kind: Kind,
    pub(super) cost_note: bool,
}

/// The unit as typed, kept inline (no allocation) when it is short, as units are ("%", "万元",
/// "人次"); a longer one has its explanation written at once instead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Unit {
    len: u8,
    bytes: [u8; 30],
}

impl Unit {
    pub(super) const NONE: Unit = Unit { len: 0, bytes: [0; 30] };

    fn new(s: &str) -> Option<Unit> {
        let mut u = Unit::NONE;
        u.bytes.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        u.len = s.len() as u8;
        Some(u)
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// The reading an explanation describes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    /// Nothing to explain (no actual value, no target).
    Empty,
    /// The actual is written as a bound.
    ActualBound,
    /// A 定性 tier without a weight: its name.
    Tier(usize),
    /// A 定性 tier whose range cannot be computed.
    TierOutOfRange(usize),
    /// A 定性 tier with its score range.
    TierRange { tier: usize, lo: Decimal, hi: Decimal, w: Decimal },
    /// A quantitative indicator: completion, then its score (or why there is none).
    Figures { dir: &'static str, completion: Option<Decimal>, t: Decimal, a: Decimal, unit: Unit, rest: Rest },
}

/// What follows the completion of a quantitative indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Rest {
    /// No weight: completion only.
    NoWeight,
    /// The score and its method.
    Score { score: Decimal, how: How, w: Decimal },
    /// No score: no points per unit, or the proportional formula undefined, else out of range.
    NoScore { no_points_per_unit: bool, proportional_undefined: bool },
}

/// The explanation for `kind`, the unit `unit` (as typed) written into it.
pub(super) fn explain(kind: Kind, cost_note: bool, unit: &str) -> Explain {
    let kind = match kind {
        Kind::Figures { dir, completion, t, a, rest, .. } => match Unit::new(unit) {
            Some(unit) => Kind::Figures { dir, completion, t, a, unit, rest },
            // A long unit: written now, with the unit as typed.
            None => {
                let why = Why { kind, cost_note };
                let mut text = Text::default();
                write(&why, unit, Lang::Zh, &mut text.zh);
                write(&why, unit, Lang::En, &mut text.en);
                return Lazy::ready(text);
            }
        },
        k => k,
    };
    Lazy::new(Why { kind, cost_note })
}

impl Render for Why {
    fn render(&self, lang: Lang, out: &mut String) {
        let unit = match &self.kind {
            Kind::Figures { unit, .. } => unit.as_str(),
            _ => "",
        };
        write(self, unit, lang, out);
    }
}

/// One language of an explanation.
struct W<'a> {
    lang: Lang,
    s: &'a mut String,
}

impl W<'_> {
    fn text(&mut self, zh: &str, en: &str) {
        self.s.push_str(if self.lang == Lang::Zh { zh } else { en });
    }
    fn same(&mut self, t: &str) {
        self.s.push_str(t);
    }
    /// A figure with all its decimals ("85.79", "17.16").
    fn dec(&mut self, d: Decimal) {
        write_decimal(self.s, d);
    }
    /// A value as typed, without trailing zeros ("100", "0.5").
    fn plain(&mut self, d: Decimal) {
        write_plain(self.s, d);
    }
}

fn write(why: &Why, unit: &str, lang: Lang, out: &mut String) {
    let mut b = W { lang, s: out };
    let at = b.s.len();
    match why.kind {
        Kind::Empty => {}
        Kind::ActualBound => {
            b.text("实际完成值写成了区间，没有实测值，无法计分", "the actual is written as a bound, not a measured value: no score")
        }
        Kind::Tier(t) => b.text(TIERS[t].1, TIERS[t].2),
        Kind::TierOutOfRange(t) => {
            b.text(TIERS[t].1, TIERS[t].2);
            b.text("：", ": ");
            out_of_range(&mut b);
        }
        Kind::TierRange { tier, lo, hi, w } => tier_range(&mut b, tier, (lo, hi), w),
        Kind::Figures { dir, completion: c, t, a, rest, .. } => {
            completion(&mut b, dir, c, t, a, unit);
            match rest {
                Rest::NoWeight => {}
                Rest::Score { score: s, how, w } => score(&mut b, s, how, w, t, a),
                Rest::NoScore { no_points_per_unit, proportional_undefined } => {
                    no_score(&mut b, no_points_per_unit, proportional_undefined)
                }
            }
        }
    }
    if why.cost_note {
        if b.s.len() > at {
            b.text("；", "; ");
        }
        b.text("成本指标未写方向，按“≤”（不超过指标值）计分", "a cost indicator with no direction: scored as \"≤\" (at most the target)");
    }
}

/// A 定性 tier with its score range: "达成：得分区间 [8.00, 10.00]（分值 10 × 80%–100%）", the range
/// as [`super::IndicatorResult::range_text`] writes it (closed above only for the top tier).
fn tier_range(b: &mut W, tier: usize, range: (Decimal, Decimal), w: Decimal) {
    let (_, zh, en, lo, hi) = TIERS[tier];
    b.text(zh, en);
    b.text("：得分区间 [", ": score range [");
    b.dec(range.0);
    b.same(", ");
    b.dec(range.1);
    b.same(if tier == 0 { "]" } else { ")" });
    b.text("（分值 ", " (weight ");
    b.plain(w);
    b.same(" × ");
    b.plain(Decimal::from(lo));
    b.same("%–");
    b.plain(Decimal::from(hi));
    b.text("%）", "%)");
}

/// The explanation of a score that cannot be computed from these values.
fn out_of_range(b: &mut W) {
    b.text("数值超出可计算范围，无法计分", "a value is out of the computable range: no score");
}

/// The completion part: the formula for "≥" with a completion, else the target and the actual.
fn completion(b: &mut W, dir: &str, completion: Option<Decimal>, t: Decimal, a: Decimal, unit: &str) {
    match (dir, completion) {
        (direction::AT_MOST | direction::EQUAL, _) | (_, None) => {
            let op = match dir {
                direction::AT_MOST => "≤",
                direction::EQUAL => "=",
                _ => "≥",
            };
            b.text("完成率 ", "completion ");
            match completion {
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
}

/// The score part: the score and the formula of its method.
fn score(b: &mut W, score: Decimal, how: How, w: Decimal, t: Decimal, a: Decimal) {
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

/// Why there is no score: no points per unit, a target where the proportional formula means
/// nothing, or a value out of the computable range.
fn no_score(b: &mut W, no_points_per_unit: bool, proportional_undefined: bool) {
    b.text("；", "; ");
    if no_points_per_unit {
        b.text("缺少每单位扣分，无法计分", "no points per unit of deviation: no score");
    } else if proportional_undefined {
        b.text(
            "指标值不为正，不适用按比例计分，按评分细则填报得分",
            "the target is not positive: no proportional score, score by the rubric's criteria",
        );
    } else {
        out_of_range(b);
    }
}
