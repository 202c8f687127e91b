//! `indicator.rate_at_least_100`: "≥100%" on a rate.
//!
//! - **What**: a "≥" target of exactly 100% on an indicator named as a rate (率); rates that may
//!   exceed 100% ([`UNBOUNDED_RATE_WORDS`]: 增长率, 提高率, 完成率 …) are not questioned.
//! - **Why**: no rate exceeds 100%, so the target is "=100%".
//! - **Source**: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：指标值应明确、可衡量；比率以 100% 为上限 / arithmetic.

use rust_decimal::Decimal;

use super::{each, in_percent, written_at_least};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::{direction, path};
use crate::text::words::split_bound;

/// Words in a rate's name that let it exceed 100%: a growth or increase, and a completion rate
/// (actual ÷ plan: 112.73% is a real 完成率).
pub const UNBOUNDED_RATE_WORDS: &[&str] = &["增长", "增幅", "增加", "提高", "提升", "增速", "超", "完成率", "比率"];

/// "≥100%" on a rate.
#[derive(Debug)]
pub struct RateAtLeast100 {
    /// The indicator's name.
    pub name: String,
    /// Its target with the sign ("≥100%").
    pub target: String,
}

violation!(RateAtLeast100 = "indicator.rate_at_least_100" { name, target });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
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
            out.push(Finding::of(path::indicator(&r.task, &r.id, "target"), RateAtLeast100 { name: i.name.clone(), target }));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_at_least_100_percent() {
        let f = with(|d| {
            i1(d).name = "体检参加率".into();
            i1(d).target = "≥100%".into();
        });
        fires(&f, "indicator.rate_at_least_100", "tasks.t1.indicators.i1.target", &["体检参加率", "≥100%"]);
    }

    #[test]
    fn quiet_on_equal_100_percent() {
        let f = with(|d| {
            i1(d).name = "体检参加率".into();
            i1(d).direction = "=".into();
            i1(d).target = "100%".into();
        });
        quiet(&f, "indicator.rate_at_least_100");
    }
}
