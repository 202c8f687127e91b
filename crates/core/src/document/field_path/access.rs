//! Reaching the value a path names: [`FieldPath::get`] and [`FieldPath::set`], and the string
//! behind each field of a row.

use super::{AdjustmentField, BudgetField, FieldPath, IndicatorField, ScoreField, UnitField};
use crate::check::presets;
use crate::document::format::{BudgetRow, Indicator, SelfEvaluation, SECTIONS};

fn budget_slot(r: &mut BudgetRow, f: BudgetField) -> &mut String {
    match f {
        BudgetField::Name => &mut r.name,
        BudgetField::Initial => &mut r.initial,
        BudgetField::Adjusted => &mut r.adjusted,
        BudgetField::Actual => &mut r.actual,
        BudgetField::StatedRate => &mut r.stated_rate,
        BudgetField::Reason => &mut r.reason,
    }
}

fn budget_text(r: &BudgetRow, f: BudgetField) -> &String {
    match f {
        BudgetField::Name => &r.name,
        BudgetField::Initial => &r.initial,
        BudgetField::Adjusted => &r.adjusted,
        BudgetField::Actual => &r.actual,
        BudgetField::StatedRate => &r.stated_rate,
        BudgetField::Reason => &r.reason,
    }
}

/// The string behind an indicator's field.
pub fn indicator_slot(i: &mut Indicator, f: IndicatorField) -> &mut String {
    match f {
        IndicatorField::Name => &mut i.name,
        IndicatorField::Category => &mut i.category,
        IndicatorField::Direction => &mut i.direction,
        IndicatorField::Unit => &mut i.unit,
        IndicatorField::Target => &mut i.target,
        IndicatorField::Actual => &mut i.actual,
        IndicatorField::Weight => &mut i.weight,
        IndicatorField::StatedScore => &mut i.stated_score,
        IndicatorField::Scoring => &mut i.scoring,
        IndicatorField::DeductPerUnit => &mut i.deduct_per_unit,
        IndicatorField::Reason => &mut i.reason,
        IndicatorField::Measure => &mut i.measure,
        IndicatorField::Node => &mut i.node,
        IndicatorField::Previous => &mut i.previous,
    }
}

/// The text of an indicator's field.
pub fn indicator_text(i: &Indicator, f: IndicatorField) -> &String {
    match f {
        IndicatorField::Name => &i.name,
        IndicatorField::Category => &i.category,
        IndicatorField::Direction => &i.direction,
        IndicatorField::Unit => &i.unit,
        IndicatorField::Target => &i.target,
        IndicatorField::Actual => &i.actual,
        IndicatorField::Weight => &i.weight,
        IndicatorField::StatedScore => &i.stated_score,
        IndicatorField::Scoring => &i.scoring,
        IndicatorField::DeductPerUnit => &i.deduct_per_unit,
        IndicatorField::Reason => &i.reason,
        IndicatorField::Measure => &i.measure,
        IndicatorField::Node => &i.node,
        IndicatorField::Previous => &i.previous,
    }
}

/// True for a narrative key the page offers or the document already has.
fn narrative_known(doc: &SelfEvaluation, key: &str) -> bool {
    SECTIONS.iter().any(|(k, _, _)| *k == key) || doc.narrative.contains_key(key)
}

impl FieldPath {
    /// The text of the field in `doc`; `None` when the row it names does not exist. A stated
    /// score not yet entered reads as blank; a rubric weight is the weight of the rubric in force.
    pub fn get(&self, doc: &SelfEvaluation) -> Option<String> {
        Some(match self {
            FieldPath::Unit(UnitField::Subordinates) => doc.unit.subordinates.join("\n"),
            FieldPath::Unit(u) => {
                let mut copy = doc.unit.clone();
                return unit_slot(&mut copy, *u).map(std::mem::take);
            }
            FieldPath::RubricPreset => doc.rubric.preset.clone(),
            FieldPath::RubricWeight { node } => presets::current_rubric(doc).find(node)?.weight.clone(),
            FieldPath::Budget { row, field } => {
                let r = if row == "total" { &doc.budget.total } else { doc.budget.rows.iter().find(|r| r.id == *row)? };
                budget_text(r, *field).clone()
            }
            FieldPath::BudgetReason => doc.budget.reason.clone(),
            FieldPath::BudgetMeasure => doc.budget.measure.clone(),
            FieldPath::TaskName { task } => doc.tasks.iter().find(|t| t.id == *task)?.name.clone(),
            FieldPath::Indicator { task, id, field } => {
                let i = doc.tasks.iter().find(|t| t.id == *task)?.indicators.iter().find(|i| i.id == *id)?;
                indicator_text(i, *field).clone()
            }
            FieldPath::StatedScore { node, field } => {
                let s = doc.stated.scores.get(node);
                s.map(|s| match field {
                    ScoreField::Score => s.score.clone(),
                    ScoreField::Reason => s.reason.clone(),
                    ScoreField::Measure => s.measure.clone(),
                })
                .unwrap_or_default()
            }
            FieldPath::Adjustment { id, field } => {
                let a = doc.stated.adjustments.iter().find(|a| a.id == *id)?;
                match field {
                    AdjustmentField::Points => a.points.clone(),
                    AdjustmentField::Reason => a.reason.clone(),
                }
            }
            FieldPath::StatedTotal => doc.stated.total.clone(),
            FieldPath::StatedGrade => doc.stated.grade.clone(),
            FieldPath::Narrative { key } => {
                if !narrative_known(doc, key) {
                    return None;
                }
                doc.narrative.get(key).cloned().unwrap_or_default()
            }
        })
    }

    /// Writes `value` exactly as typed into the field. Returns false when the row it names does
    /// not exist (nothing is changed). Writing a rubric weight copies a preset into the document
    /// first; choosing a preset drops the document's own rubric; a stated score is made on write.
    pub fn set(&self, doc: &mut SelfEvaluation, value: &str) -> bool {
        match self {
            FieldPath::Unit(UnitField::Subordinates) => {
                doc.unit.subordinates = if value.is_empty() { Vec::new() } else { value.split('\n').map(str::to_string).collect() };
                true
            }
            FieldPath::RubricPreset => {
                doc.rubric.preset = value.to_string();
                doc.rubric.inline = None;
                true
            }
            FieldPath::RubricWeight { node } => {
                if presets::current_rubric(doc).find(node).is_none() {
                    return false;
                }
                match crate::edit::inline_rubric(doc).find_mut(node) {
                    Some(n) => {
                        n.weight = value.to_string();
                        true
                    }
                    None => false,
                }
            }
            _ => match self.slot(doc) {
                Some(s) => {
                    if s != value {
                        s.clear();
                        s.push_str(value);
                    }
                    true
                }
                None => false,
            },
        }
    }

    /// The string behind a path of plain text; a stated-score entry that does not exist yet is
    /// made. `None` for the fields [`FieldPath::set`] writes otherwise, and for missing rows.
    fn slot<'a>(&self, doc: &'a mut SelfEvaluation) -> Option<&'a mut String> {
        Some(match self {
            FieldPath::Unit(u) => return unit_slot(&mut doc.unit, *u),
            FieldPath::RubricPreset | FieldPath::RubricWeight { .. } => return None,
            FieldPath::Budget { row, field } => {
                let r = if row == "total" { &mut doc.budget.total } else { doc.budget.rows.iter_mut().find(|r| r.id == *row)? };
                budget_slot(r, *field)
            }
            FieldPath::BudgetReason => &mut doc.budget.reason,
            FieldPath::BudgetMeasure => &mut doc.budget.measure,
            FieldPath::TaskName { task } => &mut doc.tasks.iter_mut().find(|t| t.id == *task)?.name,
            FieldPath::Indicator { task, id, field } => {
                let t = doc.tasks.iter_mut().find(|t| t.id == *task)?;
                indicator_slot(t.indicators.iter_mut().find(|i| i.id == *id)?, *field)
            }
            FieldPath::StatedScore { node, field } => {
                let s = doc.stated.scores.entry(node.clone()).or_default();
                match field {
                    ScoreField::Score => &mut s.score,
                    ScoreField::Reason => &mut s.reason,
                    ScoreField::Measure => &mut s.measure,
                }
            }
            FieldPath::Adjustment { id, field } => {
                let a = doc.stated.adjustments.iter_mut().find(|a| a.id == *id)?;
                match field {
                    AdjustmentField::Points => &mut a.points,
                    AdjustmentField::Reason => &mut a.reason,
                }
            }
            FieldPath::StatedTotal => &mut doc.stated.total,
            FieldPath::StatedGrade => &mut doc.stated.grade,
            FieldPath::Narrative { key } => {
                if !narrative_known(doc, key) {
                    return None;
                }
                doc.narrative.entry(key.clone()).or_default()
            }
        })
    }
}

/// The string behind a field of 基本信息 (`None` for the list of subordinates).
fn unit_slot(u: &mut crate::document::format::Unit, f: UnitField) -> Option<&mut String> {
    Some(match f {
        UnitField::Name => &mut u.name,
        UnitField::Year => &mut u.year,
        UnitField::Level => &mut u.level,
        UnitField::AmountUnit => &mut u.amount_unit,
        UnitField::StaffQuota => &mut u.staff_quota,
        UnitField::StaffActual => &mut u.staff_actual,
        UnitField::Subordinates => return None,
    })
}
