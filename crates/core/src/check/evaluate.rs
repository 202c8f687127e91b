//! The one entry point: a document in, every computed figure and finding out.

use serde::{Deserialize, Serialize};

use crate::check::budget::{self, BudgetResult};
use crate::check::entry::Entries;
use crate::check::finding::{counts, Finding, Severity};
use crate::check::indicator::{self, IndicatorResult};
use crate::check::presets;
use crate::check::rubric::{self, Rubric};
use crate::check::rules::entry::{invalid::Invalid, rubric_unusable::RubricUnusable};
use crate::check::rules::{self, Context};
use crate::check::scoring::{self, ScoreResult};
use crate::document::format::SelfEvaluation;
use crate::text::lang::Text;

/// Which rubric was applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricInfo {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its name in English (blank: use `name`); see [`RubricInfo::name_text`].
    #[serde(default)]
    pub name_en: String,
    /// What a user should know before applying it, in both languages.
    #[serde(default)]
    pub note: Text,
    /// Its year.
    pub year: String,
    /// Its source document.
    pub source: String,
    /// 适用范围 (region), e.g. 全国, 广州市: region-scoped rules apply by it.
    #[serde(default)]
    pub region: String,
    /// True for an illustrative rubric.
    pub example: bool,
}

impl RubricInfo {
    /// The rubric's name in both languages (English falls back to zh-CN).
    pub fn name_text(&self) -> Text {
        Text::new(self.name.clone(), rubric::pick_name(&self.name, &self.name_en, crate::text::lang::Lang::En))
    }
}

/// Everything the checker computes for one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The rubric applied.
    pub rubric: RubricInfo,
    /// Budget rates.
    pub budget: BudgetResult,
    /// Indicator completion and scores, in document order.
    pub indicators: Vec<IndicatorResult>,
    /// Rubric scores, total, grade.
    pub scores: ScoreResult,
    /// Every finding: field errors first, then the rules in catalogue order.
    pub findings: Vec<Finding>,
}

impl Evaluation {
    /// (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        counts(&self.findings)
    }

    /// True when nothing stands in the way of submission (no error).
    pub fn ready(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The computed indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// The rubric a document uses: its own copy, else its preset, else the default preset. A preset
/// id this build does not know is reported (rule `entry.invalid` at `rubric.preset`).
pub fn rubric_of(doc: &SelfEvaluation) -> (Rubric, Option<Finding>) {
    let id = if doc.rubric.preset.trim().is_empty() { rubric::DEFAULT_PRESET } else { doc.rubric.preset.trim() };
    if let Some(r) = &doc.rubric.inline {
        // A carried rubric that cannot score (edited by hand, or every weight cleared while
        // editing) is kept, so the page edits what it shows, but it is an error: the status is
        // never 可以提交 with an empty score table (issue 11, item 8).
        let problem = r.cannot_score().map(|why| Finding::of("rubric.preset", RubricUnusable { reason: why }));
        return (r.clone(), problem);
    }
    match presets::preset(id) {
        Some(r) => (r, None),
        None => {
            let reason = Text::new(
                format!("没有这个评分标准预设，已改用“{}”", rubric::DEFAULT_PRESET),
                format!("no such rubric preset; '{}' is used instead", rubric::DEFAULT_PRESET),
            );
            let f = Finding::of("rubric.preset", Invalid { value: id.to_string(), reason });
            (presets::preset(rubric::DEFAULT_PRESET).unwrap_or_default(), Some(f))
        }
    }
}

/// Evaluates a document against its own rubric.
pub fn evaluate(doc: &SelfEvaluation) -> Evaluation {
    let (rubric, problem) = rubric_of(doc);
    let mut ev = evaluate_with(doc, &rubric);
    if let Some(f) = problem {
        ev.findings.insert(0, f);
    }
    ev
}

/// Evaluates a document against the given rubric (e.g. a finance bureau's rubric file).
pub fn evaluate_with(doc: &SelfEvaluation, rubric: &Rubric) -> Evaluation {
    let mut e = Entries::default();
    check_unit(doc, &mut e);
    let budget = budget::compute(doc, &mut e);
    let indicators = indicator::compute(doc, &mut e);
    finish(doc, rubric, budget, indicators, e)
}

/// The first step of every evaluation: the unit must be named and dated.
pub(crate) fn check_unit(doc: &SelfEvaluation, e: &mut Entries) {
    if crate::text::number::is_blank(&doc.unit.name) {
        e.required("unit.name", ("单位名称", "the unit's name"));
    }
    if crate::text::number::is_blank(&doc.unit.year) {
        e.required("unit.year", ("年度", "the year"));
    }
}

/// Everything after the indicators: rubric scores, the required total, every rule of the
/// catalogue. Shared by [`evaluate_with`] and the page's incremental evaluator so the two cannot
/// drift apart.
pub(crate) fn finish(
    doc: &SelfEvaluation,
    rubric: &Rubric,
    budget: BudgetResult,
    indicators: Vec<IndicatorResult>,
    mut e: Entries,
) -> Evaluation {
    let scores = scoring::compute(rubric, doc, &budget, &indicators, &mut e);
    if crate::text::number::is_blank(&doc.stated.total) {
        e.required("stated.total", ("自评总分", "the stated total score"));
    }
    let mut findings = e.findings;
    let ctx = Context { doc, rubric, budget: &budget, indicators: &indicators, scores: &scores };
    findings.extend(rules::check_all(&ctx));
    Evaluation {
        rubric: RubricInfo {
            id: rubric.id.clone(),
            name: rubric.name.clone(),
            name_en: rubric.name_en.clone(),
            note: rubric.note_text(),
            year: rubric.year.clone(),
            source: rubric.source.clone(),
            region: rubric.region.clone(),
            example: rubric.example,
        },
        budget,
        indicators,
        scores,
        findings,
    }
}

/// The summary line: 可以提交 or 尚有 N 个错误 / M 个提醒.
pub fn status(ev: &Evaluation) -> Text {
    let (e, w, _) = ev.counts();
    status_of(e, w)
}

/// The status with the blank required fields the officer has not reached yet (`todo`): they are
/// listed as 待填写, not counted as errors, until the field was left blank or the full check was
/// asked for.
pub fn status_with_todo(errors: usize, warnings: usize, todo: usize) -> Text {
    if todo == 0 {
        return status_of(errors, warnings);
    }
    match (errors, warnings) {
        (0, 0) => Text::new(format!("待填写 {todo} 项"), format!("{todo} fields to fill in")),
        (0, w) => Text::new(format!("待填写 {todo} 项（有 {w} 个提醒）"), format!("{todo} fields to fill in ({w} warnings)")),
        (e, w) => Text::new(
            format!("尚有 {e} 个错误 / {w} 个提醒 · 待填写 {todo} 项"),
            format!("to fix: {e} errors, {w} warnings · {todo} fields to fill in"),
        ),
    }
}

/// The summary line for `errors` and `warnings`: only errors stand in the way of submission;
/// warnings are counted beside 可以提交. Kept short: it sits in the page's header.
pub fn status_of(errors: usize, warnings: usize) -> Text {
    match (errors, warnings) {
        (0, 0) => Text::new("可以提交", "ready to submit"),
        (0, w) => Text::new(format!("可以提交（有 {w} 个提醒）"), format!("ready to submit ({w} warnings)")),
        (e, w) => Text::new(format!("尚有 {e} 个错误 / {w} 个提醒"), format!("to fix: {e} errors, {w} warnings")),
    }
}
