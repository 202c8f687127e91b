//! `format.mixed_precision`: stated rates written with different numbers of decimals.
//!
//! - **What**: the first stated rate (total first, then the rows) whose number of decimals differs
//!   from the first one's.
//! - **Why**: house style: percentages to 2 dp throughout.
//! - **Source**: 报告规范：百分比统一保留两位小数 / house style.

use crate::check::finding::{violation, Finding};
use crate::check::rules::budget::rows;
use crate::check::rules::Context;
use crate::document::format::path;

/// Rates with mixed precision.
#[derive(Debug)]
pub struct MixedPrecision {
    /// The first rate's number of decimals.
    pub a: u32,
    /// The other's.
    pub b: u32,
}

violation!(MixedPrecision = "format.mixed_precision" { a, b });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let scales: Vec<(u32, &str)> = rows(ctx).into_iter().filter_map(|(r, _)| r.stated_rate.map(|s| (s.scale(), r.id.as_str()))).collect();
    let Some(&(first, _)) = scales.first() else { return vec![] };
    match scales.iter().find(|(s, _)| *s != first) {
        Some(&(other, id)) => vec![Finding::of(path::budget_row(id, "stated_rate"), MixedPrecision { a: first, b: other })],
        None => vec![],
    }
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_rate_to_1_dp_among_2_dp() {
        fires(&with(|d| fin(d).stated_rate = "97.5".into()), "format.mixed_precision", "budget.rows.fin.stated_rate", &["2", "1"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "format.mixed_precision");
    }
}
