//! The explanation of an indicator's completion and score, written into both languages at once
//! without intermediate strings ("完成率 95.68% = 26393.83 ÷ 27585.71 × 100；得分 9.57 = 10 × …").

use rust_decimal::Decimal;

use super::score::How;
use crate::document::format::direction;
use crate::text::lang::Text;
use crate::text::rounding::{write_decimal, write_plain};

/// An explanation written in both languages at once.
pub(super) struct Both {
    zh: String,
    en: String,
}

impl Both {
    pub(super) fn with_capacity(n: usize) -> Both {
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
        // Written once and copied: the figure is the same in both languages.
        let at = self.zh.len();
        write_decimal(&mut self.zh, d);
        self.en.push_str(&self.zh[at..]);
    }
    /// A value as typed, without trailing zeros ("100", "0.5").
    fn plain(&mut self, d: Decimal) {
        let at = self.zh.len();
        write_plain(&mut self.zh, d);
        self.en.push_str(&self.zh[at..]);
    }
    pub(super) fn done(self) -> Text {
        Text { zh: self.zh, en: self.en }
    }
}

/// A 定性 tier with its score range: "达成：得分区间 [8.00, 10.00]（分值 10 × 80%–100%）", the range
/// as [`super::IndicatorResult::range_text`] writes it (closed above only for the top tier).
pub(super) fn tier_range(tier: (&str, &str), range: (Decimal, Decimal), top: bool, w: Decimal, lo: u32, hi: u32) -> Text {
    let mut b = Both::with_capacity(96);
    b.text(tier.0, tier.1);
    b.text("：得分区间 [", ": score range [");
    b.dec(range.0);
    b.same(", ");
    b.dec(range.1);
    b.same(if top { "]" } else { ")" });
    b.text("（分值 ", " (weight ");
    b.plain(w);
    b.same(" × ");
    b.plain(Decimal::from(lo));
    b.same("%–");
    b.plain(Decimal::from(hi));
    b.text("%）", "%)");
    b.done()
}

/// The explanation of a score that cannot be computed from these values.
pub(super) fn out_of_range() -> Text {
    Text::new("数值超出可计算范围，无法计分", "a value is out of the computable range: no score")
}

/// The completion part: the formula for "≥" with a completion, else the target and the actual.
pub(super) fn completion(b: &mut Both, dir: &str, completion: Option<Decimal>, t: Decimal, a: Decimal, unit: &str) {
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
pub(super) fn score(b: &mut Both, score: Decimal, how: How, w: Decimal, t: Decimal, a: Decimal) {
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
pub(super) fn no_score(b: &mut Both, no_points_per_unit: bool, proportional_undefined: bool) {
    let why = if no_points_per_unit {
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
