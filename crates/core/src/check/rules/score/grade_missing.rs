//! `score.grade_missing`: no grade stated although the total is known.
//!
//! - **What**: a blank 评价等级 beside a computed or stated total, where the rubric's region asks
//!   for the grade (`grade_required_regions` in `data/thresholds.json`: Guangzhou, Guangdong).
//! - **Why**: the rule comes from a Guangzhou audit finding; elsewhere a total alone is usual.
//! - **Source**: 广州市2021年预算执行审计发现“自评结果只有分数没有等级”，2022年工作方案要求同时给出等级.
//! - **Fix**: the computed total's grade ([`super::grade_fix`]).

use rust_decimal::Decimal;

use super::grade_fix;
use crate::check::finding::{violation, Finding};
use crate::check::grade::Grade;
use crate::check::rules::{thresholds, Context};
use crate::text::lang::Text;
use crate::text::number::is_blank;
use crate::text::rounding::round2;

/// A total without its grade.
#[derive(Debug)]
pub struct GradeMissing {
    /// The total (2 dp).
    pub total: Decimal,
    /// Its grade.
    pub grade: Text,
}

violation!(GradeMissing = "score.grade_missing" { total, grade });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    if !thresholds::grade_required(&ctx.rubric.region) {
        return vec![];
    }
    match ctx.scores.total.or(ctx.scores.stated_total) {
        Some(t) if is_blank(&ctx.doc.stated.grade) => {
            let v = GradeMissing { total: round2(t), grade: Grade::of(t).label() };
            vec![Finding::of("stated.grade", v).with_fix(grade_fix(ctx, ""))]
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rubric::preset;
    use crate::check::rules::testing::*;

    #[test]
    fn fires_under_a_guangzhou_rubric() {
        let f = with(|d| {
            d.stated.grade.clear();
            d.rubric.inline = preset("national-2020").map(|mut r| {
                r.region = "广州市".into();
                r
            });
        });
        fires(&f, "score.grade_missing", "stated.grade", &["99.60", "优", "excellent"]);
    }

    #[test]
    fn quiet_elsewhere() {
        quiet(&with(|d| d.stated.grade.clear()), "score.grade_missing");
    }
}
