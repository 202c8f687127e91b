//! The path of a field: how findings, field errors, the page's inputs, fixes and the editing
//! services name one typed value of a document. One grammar, written once ([`path`] writes it,
//! [`FieldPath`]'s `FromStr` reads it) and one way to reach the value ([`FieldPath::get`],
//! [`FieldPath::set`]).
//!
//! A path is dot-separated and names rows by their stable ids, never by position:
//!
//! | path | field |
//! |---|---|
//! | `unit.name`, `unit.year`, `unit.level`, `unit.amount_unit`, `unit.subordinates`, `unit.staff_quota`, `unit.staff_actual` | 基本信息 |
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

mod access;

pub use access::{indicator_slot, indicator_text};

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
        /// 编制数.
        StaffQuota = "staff_quota",
        /// 实有人数.
        StaffActual = "staff_actual",
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
