//! Rules on the scores (`score.*`): ranges, weights, stated against computed, blank cells, the
//! total and the grade. One rule a file, named as its id (`score.grade_mismatch` is
//! `grade_mismatch.rs`); this file holds what several of them read.

pub mod adjustment_unexplained;
pub mod below_full_unexplained;
pub mod cell_blank;
pub mod grade_mismatch;
pub mod grade_missing;
pub mod out_of_range;
pub mod stated_mismatch;
pub mod total_mismatch;
pub mod total_out_of_range;
pub mod total_unverifiable;
pub mod unweighted_over_node;
pub mod weights_sum;

use super::budget::total_in_doubt;
use super::Context;
use crate::check::finding::Fix;
use crate::check::grade::Grade;

/// The computed total's grade, in the language the grade was typed in (优, or "excellent" where
/// the unit wrote English): only from a computed total, never from a stated one, and not while
/// the budget total is in doubt.
pub(crate) fn grade_fix(ctx: &Context, stated: &str) -> Option<Fix> {
    let t = ctx.scores.total?;
    if total_in_doubt(ctx) {
        return None;
    }
    let l = Grade::of(t).label();
    let english = !stated.is_empty() && stated.chars().all(|c| c.is_ascii_alphabetic());
    Some(Fix::new("stated.grade", if english { l.en } else { l.zh }))
}
