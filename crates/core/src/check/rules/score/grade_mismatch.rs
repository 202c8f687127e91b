//! `score.grade_mismatch`: a stated grade that is not the total's grade.
//!
//! - **What**: the stated 评价等级 against the band of the computed (else stated) total: 优 ≥ 90,
//!   良 80–90, 中 60–80, 差 < 60.
//! - **Why**: the grade follows from the total.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）第二十六条：90（含）以上为优、80（含）至90为良、60（含）至80为中、60以下为差.
//! - **Fix**: the computed total's grade, in the language it was typed in ([`super::grade_fix`]).

use rust_decimal::Decimal;

use super::grade_fix;
use crate::check::finding::{violation, Finding};
use crate::check::grade::Grade;
use crate::check::rules::Context;
use crate::text::lang::Text;
use crate::text::rounding::round2;

/// A grade that is not the total's.
#[derive(Debug)]
pub struct GradeMismatch {
    /// The grade as stated.
    pub stated: String,
    /// The total (2 dp).
    pub total: Decimal,
    /// The total's grade.
    pub grade: Text,
}

violation!(GradeMismatch = "score.grade_mismatch" { stated, total, grade });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let stated = ctx.doc.stated.grade.trim();
    if stated.is_empty() {
        return vec![];
    }
    let Some(t) = ctx.scores.total.or(ctx.scores.stated_total) else { return vec![] };
    let g = Grade::of(t);
    if Grade::parse(stated) == Some(g) {
        return vec![];
    }
    let v = GradeMismatch { stated: stated.to_string(), total: round2(t), grade: g.label() };
    vec![Finding::of("stated.grade", v).with_fix(grade_fix(ctx, stated))]
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_another_band() {
        fires(&with(|d| d.stated.grade = "良".into()), "score.grade_mismatch", "stated.grade", &["良", "99.60", "excellent"]);
    }

    #[test]
    fn quiet_on_the_band_in_other_words() {
        quiet(&with(|d| d.stated.grade = "优秀".into()), "score.grade_mismatch");
    }
}
