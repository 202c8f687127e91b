//! The rule catalogue and its checks: one rule, one file.
//!
//! The rule `category.name` lives in `check/rules/<category>/<name>.rs` (`budget.low_execution`
//! is `budget/low_execution.rs`): its doc (what it checks, why, its source document), its
//! finding as a typed struct (the parameters of its message, written in a language only when the
//! message is shown), its `check` from the computed [`Context`] to its findings, and its fire and
//! quiet cases at the bottom. A folder's `mod.rs` holds what several of its rules read. Severity,
//! titles, message templates and sources are data (`data/rules.json`, the catalogue, and
//! `docs/rules.md` generated from it); thresholds come from `data/thresholds.json` with their
//! source. [`CHECKS`] runs the checks in catalogue order; the `entry.*` rules fire while values
//! are read (`check/entry.rs`), the `report.*` rules from the cross-check (`crosscheck/`).

pub mod budget;
pub mod catalogue;
pub mod entry;
pub mod format;
pub mod indicator;
pub mod narrative;
pub mod score;
#[cfg(test)]
pub(crate) mod testing;
pub mod thresholds;

use crate::check::budget::BudgetResult;
use crate::check::finding::Finding;
use crate::check::finding::Show;
use crate::check::indicator::IndicatorResult;
use crate::check::rubric::Rubric;
use crate::check::scoring::ScoreResult;
use crate::document::format::SelfEvaluation;
use crate::text::lang::Lang;

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
    ("budget.over_execution", budget::over_execution::check),
    ("budget.rate_mismatch", budget::rate_mismatch::check),
    ("budget.rows_sum", budget::rows_sum::check),
    ("budget.total_contradicts_parts", budget::total_contradicts_parts::check),
    ("budget.rate_outside_parts", budget::rate_outside_parts::check),
    ("budget.low_execution", budget::low_execution::check),
    ("budget.shortfall_unexplained", budget::shortfall_unexplained::check),
    ("budget.adjusted_unexplained", budget::adjusted_unexplained::check),
    ("budget.adjusted_to_spending", budget::adjusted_to_spending::check),
    ("budget.not_applicable", budget::not_applicable::check),
    ("indicator.shortfall_unexplained", indicator::shortfall_unexplained::check),
    ("indicator.far_above_target", indicator::far_above_target::check),
    ("indicator.target_below_previous", indicator::target_below_previous::check),
    ("indicator.target_missing", indicator::target_missing::check),
    ("indicator.tier_unknown", indicator::tier_unknown::check),
    ("indicator.actual_is_bound", indicator::actual_is_bound::check),
    ("indicator.reverse_on_output", indicator::reverse_on_output::check),
    ("indicator.rate_at_least_100", indicator::rate_at_least_100::check),
    ("indicator.target_below_budget_rate", indicator::target_below_budget_rate::check),
    ("indicator.direction_unknown", indicator::direction_unknown::check),
    ("indicator.node_unknown", indicator::node_unknown::check),
    ("indicator.template_row", indicator::template_row::check),
    ("indicator.target_in_name", indicator::target_in_name::check),
    ("indicator.rate_in_counts", indicator::rate_in_counts::check),
    ("score.out_of_range", score::out_of_range::check),
    ("score.total_out_of_range", score::total_out_of_range::check),
    ("score.weights_sum", score::weights_sum::check),
    ("score.unweighted_over_node", score::unweighted_over_node::check),
    ("score.stated_mismatch", score::stated_mismatch::check),
    ("score.cell_blank", score::cell_blank::check),
    ("score.total_mismatch", score::total_mismatch::check),
    ("score.total_unverifiable", score::total_unverifiable::check),
    ("score.below_full_unexplained", score::below_full_unexplained::check),
    ("score.adjustment_unexplained", score::adjustment_unexplained::check),
    ("score.grade_missing", score::grade_missing::check),
    ("score.grade_mismatch", score::grade_mismatch::check),
    ("narrative.claims_all_met", narrative::claims_all_met::check),
    ("narrative.figure_differs_from_indicator", narrative::figure_differs_from_indicator::check),
    ("format.mixed_precision", format::mixed_precision::check),
    ("format.bad_id", format::bad_id::check),
    ("format.amount_unit_small", format::amount_unit_small::check),
    ("format.staff_over_quota", format::staff_over_quota::check),
    ("format.stale_year", format::stale_year::check),
];

/// Runs every check.
pub fn check_all(ctx: &Context) -> Vec<Finding> {
    CHECKS.iter().flat_map(|(_, check)| check(ctx)).collect()
}

/// "偏差原因和改进措施" / "the reason and the measure", for whichever of the two is blank;
/// `None` when both are there.
/// A placeholder ("/", "无", "—") or the template's own instruction counts as blank.
pub fn missing_explanations(reason: &str, measure: &str) -> Option<(String, String)> {
    let m = Missing::of(reason, measure)?;
    let (mut zh, mut en) = (String::new(), String::new());
    m.show(Lang::Zh, &mut zh);
    m.show(Lang::En, &mut en);
    Some((zh, en))
}

/// Which of 偏差原因 and 改进措施 a shortfall lacks (a parameter of several rules' messages).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Missing {
    /// The reason is blank or says nothing.
    pub reason: bool,
    /// The measure is blank or says nothing.
    pub measure: bool,
}

impl Missing {
    /// What `reason` and `measure` lack; `None` when both say something.
    pub fn of(reason: &str, measure: &str) -> Option<Missing> {
        let m = Missing { reason: thresholds::is_non_reason(reason), measure: thresholds::is_non_reason(measure) };
        (m.reason || m.measure).then_some(m)
    }
}

impl Show for Missing {
    fn show(&self, lang: Lang, out: &mut String) {
        use crate::text::lang::terms::{MEASURE, REASON};
        let (r, m) = (REASON.0, MEASURE.0);
        let s = match (lang, self.reason, self.measure) {
            (Lang::Zh, true, true) => format!("{r}和{m}"),
            (Lang::En, true, true) => format!("a reason ({r}) and a measure ({m})"),
            (Lang::Zh, true, false) => r.to_string(),
            (Lang::En, true, false) => format!("a reason ({r})"),
            (Lang::Zh, false, _) => m.to_string(),
            (Lang::En, false, _) => format!("a measure ({m})"),
        };
        out.push_str(&s);
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

#[cfg(test)]
mod layout_tests {
    /// One rule, one file: every rule of the catalogue but the report cross-check's has its file
    /// at `check/rules/<category>/<name>.rs`, which names its id and quotes its source as
    /// `data/rules.json` has it (the file is where a newcomer looks first).
    #[test]
    fn every_rule_has_its_file_naming_its_id_and_source() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/rules");
        for r in super::catalogue::rules().iter().filter(|r| r.category != "report") {
            let (cat, name) = r.id.split_once('.').unwrap_or_default();
            let file = dir.join(cat).join(format!("{name}.rs"));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{} has no file {}", r.id, file.display()));
            assert!(text.contains(&format!("`{}`", r.id)), "{} does not name its id", file.display());
            let source = r.source.split(" / ").next().unwrap_or_default();
            let flat = text.replace("\n//!   ", "");
            assert!(flat.contains(source), "{} does not quote its source: {source}", file.display());
        }
    }
}
