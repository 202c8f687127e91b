//! `score.adjustment_unexplained`: 其他加减分项 without a reason, or beyond the rubric's bounds.
//!
//! - **What**: an adjustment with no reason; and the item at which a running sum of the additions
//!   first exceeds `adjustment_max`, or of the deductions first falls below `adjustment_min`
//!   (the bounds limit the items together, as the notices word them: 加分最多加 5 分、扣分最多扣 5
//!   分), once per direction.
//! - **Why**: an adjustment is listed with its cause and within the notice's range.
//! - **Source**: 广州市部门整体支出绩效自评：其他加减分项须列明事由（范围以当年通知为准）.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding, Plain};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::Text;
use crate::text::number::{self, is_blank, Kind};

/// An adjustment without a reason or beyond the bounds.
#[derive(Debug)]
pub struct AdjustmentUnexplained {
    /// Its points.
    pub points: Plain,
    /// What is wrong with it.
    pub problem: Text,
}

violation!(AdjustmentUnexplained = "score.adjustment_unexplained" { points, problem });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let fmt = |d: Decimal| d.normalize().to_string();
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
            problems.push((Text::new("未写明事由", "no reason given"), "reason"));
        }
        if beyond {
            let (lo, hi) = bounds();
            problems.push(if sum == p {
                (Text::new(format!("超出评分标准允许的 {lo} 至 {hi} 分"), format!("outside the rubric's bounds {lo} to {hi}")), "points")
            } else {
                let (zh, en) = if p.is_sign_positive() { ("加分", "additions") } else { ("扣分", "deductions") };
                (
                    Text::new(
                        format!("连同前面各项，{zh}合计 {} 分，超出评分标准允许的 {lo} 至 {hi} 分", fmt(sum)),
                        format!("with the items above, the {en} add up to {}, outside the rubric's bounds {lo} to {hi}", fmt(sum)),
                    ),
                    "points",
                )
            });
            *crossed = true;
        }
        for (problem, field) in problems {
            out.push(Finding::of(path::adjustment(&a.id, field), AdjustmentUnexplained { points: Plain(p), problem }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rubric::preset;
    use crate::check::rules::testing::*;
    use crate::document::format::Adjustment;

    fn adj(id: &str, points: &str, reason: &str) -> Adjustment {
        Adjustment { id: id.into(), points: points.into(), reason: reason.into() }
    }

    #[test]
    fn fires_without_a_reason_and_beyond_the_bounds_together() {
        let f = with(|d| {
            d.stated.adjustments.push(adj("a1", "-0.5", ""));
            d.stated.total = "99.10".into();
        });
        fires(&f, "score.adjustment_unexplained", "stated.adjustments.a1.reason", &["-0.5", "未写明事由", "no reason"]);
        let f = with(|d| {
            d.rubric.inline = preset("guangzhou-dept-example");
            d.stated.adjustments.extend([
                adj("a1", "3", "获国家级表彰。"),
                adj("a2", "4", "获省级表彰。"),
                adj("a3", "-2", "审计发现问题。"),
            ]);
        });
        fires(&f, "score.adjustment_unexplained", "stated.adjustments.a2.points", &["4", "7", "-5", "5"]);
    }

    #[test]
    fn quiet_within_the_bounds_with_reasons() {
        let f = with(|d| {
            d.rubric.inline = preset("guangzhou-dept-example");
            d.stated.adjustments.extend([
                adj("a1", "3", "获国家级表彰。"),
                adj("a2", "2", "获省级表彰。"),
                adj("a3", "-4", "审计发现问题。"),
            ]);
        });
        quiet(&f, "score.adjustment_unexplained");
    }
}
