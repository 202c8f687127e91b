//! The rule catalogue and its checks.
//!
//! Each rule kind is one pure function from the computed [`Context`] to its findings; `check_all`
//! runs them in catalogue order. Thresholds come from `data/thresholds.json` with their source.

pub mod amount_unit;
pub mod budget;
pub mod catalogue;
pub mod cells;
pub mod format;
pub mod goal_figures;
pub mod indicator;
pub mod narrative;
pub mod rate_in_counts;
pub mod score;
pub mod staff;
pub mod thresholds;
pub mod total_unverifiable;
pub mod unweighted_sum;

use crate::check::budget::BudgetResult;
use crate::check::finding::Finding;
use crate::check::indicator::IndicatorResult;
use crate::check::rubric::Rubric;
use crate::check::scoring::ScoreResult;
use crate::document::format::SelfEvaluation;

/// Everything a check may look at: the document as typed and what the core computed from it.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a SelfEvaluation,
    /// The rubric in force.
    pub rubric: &'a Rubric,
    /// Computed budget rates.
    pub budget: &'a BudgetResult,
    /// Computed indicators, in document order.
    pub indicators: &'a [IndicatorResult],
    /// Computed rubric scores and total.
    pub scores: &'a ScoreResult,
}

/// A rule kind's check.
pub type Check = fn(&Context) -> Vec<Finding>;

/// Every check, by the rule id it fires (entry.* rules fire while values are read).
pub const CHECKS: &[(&str, Check)] = &[
    ("budget.over_execution", budget::over_execution),
    ("budget.rate_mismatch", budget::rate_mismatch),
    ("budget.rows_sum", budget::rows_sum),
    ("budget.total_contradicts_parts", budget::total_contradicts_parts),
    ("budget.rate_outside_parts", budget::rate_outside_parts),
    ("budget.low_execution", budget::low_execution),
    ("budget.shortfall_unexplained", budget::shortfall_unexplained),
    ("budget.adjusted_unexplained", budget::adjusted_unexplained),
    ("budget.adjusted_to_spending", budget::adjusted_to_spending),
    ("budget.not_applicable", budget::not_applicable),
    ("indicator.shortfall_unexplained", indicator::shortfall_unexplained),
    ("indicator.far_above_target", indicator::far_above_target),
    ("indicator.target_below_previous", indicator::target_below_previous),
    ("indicator.target_missing", indicator::target_missing),
    ("indicator.tier_unknown", indicator::tier_unknown),
    ("indicator.actual_is_bound", indicator::actual_is_bound),
    ("indicator.reverse_on_output", indicator::reverse_on_output),
    ("indicator.rate_at_least_100", indicator::rate_at_least_100),
    ("indicator.target_below_budget_rate", indicator::target_below_budget_rate),
    ("indicator.direction_unknown", indicator::direction_unknown),
    ("indicator.node_unknown", indicator::node_unknown),
    ("indicator.template_row", indicator::template_row),
    ("indicator.target_in_name", indicator::target_in_name),
    ("indicator.rate_in_counts", rate_in_counts::rate_in_counts),
    ("score.out_of_range", score::out_of_range),
    ("score.total_out_of_range", score::total_out_of_range),
    ("score.weights_sum", score::weights_sum),
    ("score.unweighted_over_node", unweighted_sum::unweighted_over_node),
    ("score.stated_mismatch", score::stated_mismatch),
    ("score.cell_blank", cells::cell_blank),
    ("score.total_mismatch", score::total_mismatch),
    ("score.total_unverifiable", total_unverifiable::total_unverifiable),
    ("score.below_full_unexplained", score::below_full_unexplained),
    ("score.adjustment_unexplained", score::adjustment_unexplained),
    ("score.grade_missing", score::grade_missing),
    ("score.grade_mismatch", score::grade_mismatch),
    ("narrative.claims_all_met", narrative::claims_all_met),
    ("narrative.figure_differs_from_indicator", goal_figures::figure_differs),
    ("format.mixed_precision", budget::mixed_precision),
    ("format.bad_id", format::bad_ids),
    ("format.amount_unit_small", amount_unit::amount_unit_small),
    ("format.staff_over_quota", staff::staff_over_quota),
    ("format.stale_year", format::stale_year),
];

/// Runs every check.
pub fn check_all(ctx: &Context) -> Vec<Finding> {
    CHECKS.iter().flat_map(|(_, check)| check(ctx)).collect()
}

/// "偏差原因和改进措施" / "the reason and the measure", for whichever of the two is blank;
/// `None` when both are there.
/// A placeholder ("/", "无", "—") or the template's own instruction counts as blank.
pub fn missing_explanations(reason: &str, measure: &str) -> Option<(String, String)> {
    use crate::text::lang::terms::{MEASURE, REASON};
    let r = thresholds::is_non_reason(reason);
    let m = thresholds::is_non_reason(measure);
    match (r, m) {
        (false, false) => None,
        (true, true) => Some((format!("{}和{}", REASON.0, MEASURE.0), format!("a reason ({}) and a measure ({})", REASON.0, MEASURE.0))),
        (true, false) => Some((REASON.0.into(), format!("a reason ({})", REASON.0))),
        (false, true) => Some((MEASURE.0.into(), format!("a measure ({})", MEASURE.0))),
    }
}

/// A corrected figure written as the unit typed the one it replaces: a trailing "%" or "分" is
/// kept ("93%" → "93.33%", "95分" → "94.00分"), so the cell reads as before but for the number.
pub(crate) fn as_typed(typed: &str, value: String) -> String {
    let t = typed.trim_end();
    let unit = ["%", "％", "分"].into_iter().find(|u| t.ends_with(u));
    match unit {
        Some("％") => format!("{value}%"),
        Some(u) => format!("{value}{u}"),
        None => value,
    }
}
