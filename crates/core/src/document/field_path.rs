//! The path of a field: how findings, field errors, the page's inputs, fixes and the editing
//! services name one typed value of a document. One grammar, written once ([`path`] writes it,
//! [`FieldPath`]'s `FromStr` reads it) and one way to reach the value ([`FieldPath::get`],
//! [`FieldPath::set`]).
//!
//! A path is dot-separated and names rows by their stable ids, never by position:
//!
//! | path | field |
//! |---|---|
//! | `unit.name`, `unit.year`, `unit.level`, `unit.amount_unit`, `unit.subordinates` | 基本信息 |
//! | `rubric.preset`, `rubric.<node>.weight` | the rubric and a node's 分值 |
//! | `budget.total.<f>`, `budget.rows.<id>.<f>` | a budget row (f: name, initial, adjusted, actual, stated_rate, reason) |
//! | `budget.reason`, `budget.measure` | 偏差原因 / 改进措施 of the execution |
//! | `tasks.<task>.name`, `tasks.<task>.indicators.<id>.<f>` | a task, an indicator's field |
//! | `stated.scores.<node>.<f>` | a stated score (f: score, reason, measure) |
//! | `stated.adjustments.<id>.<f>` | 其他加减分项 (f: points, reason) |
//! | `stated.total`, `stated.grade` | 自评总分, 等级 |
//! | `narrative.<key>` | a narrative section |
//!
//! Ids may contain dots only where nothing follows them that could be read as a field: the last
//! segment is always the field, so `budget.rows.a.b.actual` is row `a.b`.

use std::fmt;
use std::str::FromStr;

use crate::check::presets;
use crate::document::format::{BudgetRow, Indicator, SelfEvaluation, SECTIONS};

/// Declares a closed set of field names: the enum, `ALL`, its name in a path and back.
macro_rules! fields {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every field, in the order of the form.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The field's name in a path.
            pub const fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The field a path names; `None` for any other name.
            pub fn from_name(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

fields!(
    /// A field of 基本信息.
    UnitField {
        /// 单位名称.
        Name = "name",
        /// 年度.
        Year = "year",
        /// 单位级次.
        Level = "level",
        /// 金额单位.
        AmountUnit = "amount_unit",
        /// 下属单位, one per line.
        Subordinates = "subordinates",
    }
);

fields!(
    /// A field of a budget row.
    BudgetField {
        /// 项目 (the row's name).
        Name = "name",
        /// 年初预算数.
        Initial = "initial",
        /// 全年预算数.
        Adjusted = "adjusted",
        /// 全年执行数.
        Actual = "actual",
        /// 填报的执行率.
        StatedRate = "stated_rate",
        /// 偏差原因 of the row.
        Reason = "reason",
    }
);

fields!(
    /// A field of an indicator.
    IndicatorField {
        /// 指标名称.
        Name = "name",
        /// 指标类别.
        Category = "category",
        /// 方向.
        Direction = "direction",
        /// 计量单位.
        Unit = "unit",
        /// 年度指标值.
        Target = "target",
        /// 实际完成值.
        Actual = "actual",
        /// 分值.
        Weight = "weight",
        /// 自评得分.
        StatedScore = "stated_score",
        /// 计分方式.
        Scoring = "scoring",
        /// 每单位扣分.
        DeductPerUnit = "deduct_per_unit",
        /// 偏差原因.
        Reason = "reason",
        /// 改进措施.
        Measure = "measure",
        /// 计入评分项.
        Node = "node",
        /// 上年实际完成值.
        Previous = "previous",
    }
);

fields!(
    /// A field of a stated score.
    ScoreField {
        /// 得分.
        Score = "score",
        /// 偏差原因.
        Reason = "reason",
        /// 改进措施.
        Measure = "measure",
    }
);

fields!(
    /// A field of 其他加减分项.
    AdjustmentField {
        /// 加减分.
        Points = "points",
        /// 理由.
        Reason = "reason",
    }
);

/// One field of a document, typed. `Display` writes its path and `FromStr` reads it back.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// `unit.<f>`.
    Unit(UnitField),
    /// `rubric.preset`.
    RubricPreset,
    /// `rubric.<node>.weight`.
    RubricWeight {
        /// The rubric node's id.
        node: String,
    },
    /// `budget.total.<f>` (row `total`) or `budget.rows.<row>.<f>`.
    Budget {
        /// The row's id; `total` is the 合计 row.
        row: String,
        /// The field.
        field: BudgetField,
    },
    /// `budget.reason`.
    BudgetReason,
    /// `budget.measure`.
    BudgetMeasure,
    /// `tasks.<task>.name`.
    TaskName {
        /// The task's id.
        task: String,
    },
    /// `tasks.<task>.indicators.<id>.<f>`.
    Indicator {
        /// The task's id.
        task: String,
        /// The indicator's id.
        id: String,
        /// The field.
        field: IndicatorField,
    },
    /// `stated.scores.<node>.<f>`.
    StatedScore {
        /// The rubric node's id.
        node: String,
        /// The field.
        field: ScoreField,
    },
    /// `stated.adjustments.<id>.<f>`.
    Adjustment {
        /// The adjustment's id.
        id: String,
        /// The field.
        field: AdjustmentField,
    },
    /// `stated.total`.
    StatedTotal,
    /// `stated.grade`.
    StatedGrade,
    /// `narrative.<key>`.
    Narrative {
        /// The section's key.
        key: String,
    },
}

/// Writers of paths from ids, for the places that have the ids at hand and need only the text
/// (findings, the page's inputs). They are the grammar's one writer: [`FieldPath`]'s `Display`
/// calls them.
pub mod path {
    /// `budget.total.<field>` or `budget.rows.<id>.<field>`.
    pub fn budget_row(id: &str, field: &str) -> String {
        if id == "total" {
            format!("budget.total.{field}")
        } else {
            format!("budget.rows.{id}.{field}")
        }
    }
    /// `tasks.<task>.indicators.<id>.<field>`.
    pub fn indicator(task: &str, id: &str, field: &str) -> String {
        format!("tasks.{task}.indicators.{id}.{field}")
    }
    /// `tasks.<task>.name`.
    pub fn task_name(task: &str) -> String {
        format!("tasks.{task}.name")
    }
    /// `stated.scores.<node>.<field>`.
    pub fn stated_score(node: &str, field: &str) -> String {
        format!("stated.scores.{node}.{field}")
    }
    /// `rubric.<node>.weight`.
    pub fn rubric_weight(node: &str) -> String {
        format!("rubric.{node}.weight")
    }
    /// `stated.adjustments.<id>.<field>`.
    pub fn adjustment(id: &str, field: &str) -> String {
        format!("stated.adjustments.{id}.{field}")
    }
    /// `narrative.<key>`.
    pub fn narrative(key: &str) -> String {
        format!("narrative.{key}")
    }
    /// The DOM id the page gives the input of a path: `f-` + the path with `.` as `-`.
    pub fn dom_id(path: &str) -> String {
        let mut s = String::with_capacity(path.len() + 2);
        s.push_str("f-");
        for c in path.chars() {
            s.push(if c == '.' { '-' } else { c });
        }
        s
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Unit(u) => write!(f, "unit.{}", u.name()),
            FieldPath::RubricPreset => f.write_str("rubric.preset"),
            FieldPath::RubricWeight { node } => f.write_str(&path::rubric_weight(node)),
            FieldPath::Budget { row, field } => f.write_str(&path::budget_row(row, field.name())),
            FieldPath::BudgetReason => f.write_str("budget.reason"),
            FieldPath::BudgetMeasure => f.write_str("budget.measure"),
            FieldPath::TaskName { task } => f.write_str(&path::task_name(task)),
            FieldPath::Indicator { task, id, field } => f.write_str(&path::indicator(task, id, field.name())),
            FieldPath::StatedScore { node, field } => f.write_str(&path::stated_score(node, field.name())),
            FieldPath::Adjustment { id, field } => f.write_str(&path::adjustment(id, field.name())),
            FieldPath::StatedTotal => f.write_str("stated.total"),
            FieldPath::StatedGrade => f.write_str("stated.grade"),
            FieldPath::Narrative { key } => f.write_str(&path::narrative(key)),
        }
    }
}

/// A text that is not the path of any field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAPath(pub String);

impl fmt::Display for NotAPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not the path of a field", self.0)
    }
}

impl std::error::Error for NotAPath {}

impl FromStr for FieldPath {
    type Err = NotAPath;

    fn from_str(s: &str) -> Result<FieldPath, NotAPath> {
        parse(s).ok_or_else(|| NotAPath(s.to_string()))
    }
}

/// The id and the field of `<id>.<field>`, split at the last dot; the id must not be empty.
fn id_field(rest: &str) -> Option<(&str, &str)> {
    rest.rsplit_once('.').filter(|(id, _)| !id.is_empty())
}

fn parse(s: &str) -> Option<FieldPath> {
    let (head, rest) = s.split_once('.')?;
    Some(match head {
        "unit" => FieldPath::Unit(UnitField::from_name(rest)?),
        "rubric" if rest == "preset" => FieldPath::RubricPreset,
        "rubric" => FieldPath::RubricWeight { node: rest.strip_suffix(".weight").filter(|n| !n.is_empty())?.to_string() },
        "budget" => match rest {
            "reason" => FieldPath::BudgetReason,
            "measure" => FieldPath::BudgetMeasure,
            _ => {
                if let Some(f) = rest.strip_prefix("total.") {
                    FieldPath::Budget { row: "total".into(), field: BudgetField::from_name(f)? }
                } else {
                    let (row, f) = id_field(rest.strip_prefix("rows.")?)?;
                    FieldPath::Budget { row: row.to_string(), field: BudgetField::from_name(f)? }
                }
            }
        },
        "tasks" => match rest.split_once(".indicators.") {
            Some((task, ind)) if !task.is_empty() => {
                let (id, f) = id_field(ind)?;
                FieldPath::Indicator { task: task.to_string(), id: id.to_string(), field: IndicatorField::from_name(f)? }
            }
            _ => FieldPath::TaskName { task: rest.strip_suffix(".name").filter(|t| !t.is_empty())?.to_string() },
        },
        "stated" => match rest {
            "total" => FieldPath::StatedTotal,
            "grade" => FieldPath::StatedGrade,
            _ => {
                if let Some(r) = rest.strip_prefix("scores.") {
                    let (node, f) = id_field(r)?;
                    FieldPath::StatedScore { node: node.to_string(), field: ScoreField::from_name(f)? }
                } else {
                    let (id, f) = id_field(rest.strip_prefix("adjustments.")?)?;
                    FieldPath::Adjustment { id: id.to_string(), field: AdjustmentField::from_name(f)? }
                }
            }
        },
        "narrative" if !rest.is_empty() => FieldPath::Narrative { key: rest.to_string() },
        _ => return None,
    })
}

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
        UnitField::Subordinates => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One path of every shape, with ids that contain the separators' neighbours.
    fn every_shape() -> Vec<FieldPath> {
        let mut v: Vec<FieldPath> = UnitField::ALL.iter().map(|u| FieldPath::Unit(*u)).collect();
        v.extend([
            FieldPath::RubricPreset,
            FieldPath::RubricWeight { node: "output".into() },
            FieldPath::BudgetReason,
            FieldPath::BudgetMeasure,
            FieldPath::TaskName { task: "t-1".into() },
            FieldPath::StatedTotal,
            FieldPath::StatedGrade,
            FieldPath::Narrative { key: "achievements".into() },
        ]);
        for row in ["total", "fin", "r.2"] {
            v.extend(BudgetField::ALL.iter().map(|f| FieldPath::Budget { row: row.into(), field: *f }));
        }
        v.extend(IndicatorField::ALL.iter().map(|f| FieldPath::Indicator { task: "t1".into(), id: "i.3".into(), field: *f }));
        v.extend(ScoreField::ALL.iter().map(|f| FieldPath::StatedScore { node: "execution".into(), field: *f }));
        v.extend(AdjustmentField::ALL.iter().map(|f| FieldPath::Adjustment { id: "a1".into(), field: *f }));
        v
    }

    #[test]
    fn every_path_reads_back_as_itself() {
        for p in every_shape() {
            let text = p.to_string();
            assert_eq!(text.parse::<FieldPath>().as_ref(), Ok(&p), "{text}");
        }
    }

    #[test]
    fn the_writers_and_the_display_agree() {
        let p = FieldPath::Indicator { task: "t1".into(), id: "i3".into(), field: IndicatorField::Reason };
        assert_eq!(p.to_string(), path::indicator("t1", "i3", "reason"));
        assert_eq!(FieldPath::Budget { row: "total".into(), field: BudgetField::Actual }.to_string(), "budget.total.actual");
        assert_eq!(FieldPath::Budget { row: "fin".into(), field: BudgetField::Actual }.to_string(), "budget.rows.fin.actual");
    }

    #[test]
    fn texts_that_name_no_field_are_refused() {
        for s in [
            "",
            "unit",
            "unit.colour",
            "budget.rows.fin",
            "budget.rows..actual",
            "budget.total.colour",
            "tasks.t1",
            "tasks..name",
            "tasks.t1.indicators.i1",
            "tasks.t1.indicators.i1.colour",
            "stated.scores.output.colour",
            "stated.adjustments.a1.score",
            "rubric.output",
            "narrative.",
            "report.text.3",
        ] {
            assert!(s.parse::<FieldPath>().is_err(), "{s}");
        }
    }
}
