//! `score.total_out_of_range`: a stated total outside 0–100 (plus the additions that count).
//!
//! - **What**: a stated total below 0 or above 100 + the positive 其他加减分项, whether or not a
//!   total can be computed to compare it with.
//! - **Why**: the total is out of 100 points; additions are counted separately.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）第二十六条：总分一般设置为100分（其他加减分项另计）.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding, Plain, Show};
use crate::check::rules::Context;
use crate::text::lang::Lang;

/// A total outside its range.
#[derive(Debug)]
pub struct TotalOutOfRange {
    /// The stated total.
    pub total: Plain,
    /// The most it may be.
    pub max: Plain,
    /// The additions that raise the maximum (nothing when none).
    pub bonus: Bonus,
}

violation!(TotalOutOfRange = "score.total_out_of_range" { total, max, bonus });

/// "（100 分加其他加分 2）" / " (100 plus 2 of additions)", or nothing.
#[derive(Debug)]
pub struct Bonus(pub Decimal);

impl Show for Bonus {
    fn show(&self, lang: Lang, out: &mut String) {
        if self.0.is_zero() {
            return;
        }
        let b = self.0.normalize();
        out.push_str(&match lang {
            Lang::Zh => format!("（100 分加其他加分 {b}）"),
            Lang::En => format!(" (100 plus {b} of additions)"),
        });
    }
}

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some(t) = ctx.scores.stated_total else { return vec![] };
    let bonus = ctx.scores.adjustments.max(Decimal::ZERO);
    let max = Decimal::ONE_HUNDRED.saturating_add(bonus);
    if t >= Decimal::ZERO && t <= max {
        return vec![];
    }
    vec![Finding::of("stated.total", TotalOutOfRange { total: Plain(t), max: Plain(max), bonus: Bonus(bonus) })]
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;
    use crate::document::format::Adjustment;

    #[test]
    fn fires_outside_0_to_100() {
        fires(&with(|d| d.stated.total = "12345.67".into()), "score.total_out_of_range", "stated.total", &["12345.67", "100"]);
        fires(&with(|d| d.stated.total = "-0.5".into()), "score.total_out_of_range", "stated.total", &["-0.5", "0"]);
    }

    #[test]
    fn quiet_when_additions_take_it_above_100() {
        let f = with(|d| {
            d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "+2".into(), reason: "获表彰".into() });
            d.stated.total = "101.60".into();
        });
        quiet(&f, "score.total_out_of_range");
    }
}
