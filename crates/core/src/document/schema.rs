//! The field schema: every column of the indicator and budget tables, once — its key, its label
//! in both languages (the page's headings and inputs, the pastes' messages), its heading in the
//! Excel export where the sheet needs a longer one, its kind, its width in the workbook, and the
//! header words an import recognises for it (the label and sheet heading count too).
//!
//! The page, the indicator and budget pastes, the Excel export and import of this tool and the
//! reader of filled 自评表 templates ([`crate::workbook`]) all take their columns from here, so
//! a heading the export writes is always a heading the imports read, and a word a template uses
//! for a column is known to every reader.

use crate::text::lang::terms::{MEASURE, REASON};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text on one line.
    Text,
    /// A number as typed (amounts, values, scores).
    Number,
    /// One of a closed vocabulary ([`crate::document::vocab`]).
    Choice,
    /// Text of several lines (reasons, measures).
    Multi,
    /// Computed by the checker: exported, never imported.
    Computed,
}

/// One column of a table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// The field's name in a path ([`crate::document::field_path`]) or, for the export's extra
    /// columns, the sheet's own key (`task_id`, `level1`, `completion`, …).
    pub key: &'static str,
    /// The label: (zh-CN, English).
    pub label: (&'static str, &'static str),
    /// The heading in the exported workbook, where it differs from the label.
    pub sheet: Option<(&'static str, &'static str)>,
    /// What it holds.
    pub kind: Kind,
    /// Width in the exported workbook (Excel's character units).
    pub width: f32,
    /// Other header words of templates and earlier exports that name this column.
    pub words: &'static [&'static str],
}

impl Column {
    /// The heading the Excel export writes: (zh-CN, English).
    pub fn heading(&self) -> (&'static str, &'static str) {
        self.sheet.unwrap_or(self.label)
    }

    /// Every header text that names this column: its label, its heading and its other words.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        let (hz, he) = self.heading();
        [self.label.0, self.label.1, hz, he].into_iter().chain(self.words.iter().copied())
    }
}

const fn col(key: &'static str, zh: &'static str, en: &'static str, kind: Kind, width: f32) -> Column {
    Column { key, label: (zh, en), sheet: None, kind, width, words: &[] }
}

const fn sheet(c: Column, zh: &'static str, en: &'static str) -> Column {
    Column { sheet: Some((zh, en)), ..c }
}

const fn words(c: Column, words: &'static [&'static str]) -> Column {
    Column { words, ..c }
}

/// The indicator table, in the exported sheet's order (the export's extra columns included).
pub const INDICATOR: &[Column] = &[
    col("task_id", "任务编号", "Task id", Kind::Text, 12.0),
    words(col("task", "重点工作任务", "Key task", Kind::Text, 24.0), &["工作任务"]),
    col("id", "指标编号", "Indicator id", Kind::Text, 12.0),
    words(col("level1", "一级指标", "Level 1", Kind::Text, 10.0), &["一级"]),
    words(col("level2", "二级指标", "Level 2", Kind::Text, 10.0), &["二级"]),
    words(
        sheet(col("name", "指标名称", "Indicator", Kind::Text, 28.0), "三级指标（指标名称）", "Indicator"),
        // Not 绩效指标: real templates merge it over the 一级/二级/三级 columns as a group heading.
        &["三级指标", "三级指标名称", "绩效指标名称", "具体指标"],
    ),
    col("category", "指标类别", "Category", Kind::Choice, 10.0),
    words(sheet(col("direction", "方向", "Direction", Kind::Choice, 8.0), "指标方向", "Direction"), &["指标性质"]),
    words(col("unit", "计量单位", "Unit", Kind::Text, 8.0), &["单位"]),
    words(
        col("target", "年度指标值", "Target", Kind::Number, 11.0),
        &["指标值", "目标值", "年度目标值", "年初指标值", "年初目标值", "预期指标值", "绩效目标值", "预期值"],
    ),
    words(
        col("actual", "实际完成值", "Actual", Kind::Number, 11.0),
        &["实际值", "完成值", "全年实际值", "全年完成值", "全年实际完成值", "实际完成情况值"],
    ),
    words(col("weight", "分值", "Weight", Kind::Number, 7.0), &["权重", "指标权重", "分值权重"]),
    words(col("stated_score", "自评得分", "Stated score", Kind::Number, 9.0), &["得分", "评分"]),
    col("completion", "完成率（计算）", "Completion (computed)", Kind::Computed, 10.0),
    col("score", "计算得分（计算）", "Score (computed)", Kind::Computed, 10.0),
    col("scoring", "计分方式", "Scoring", Kind::Choice, 9.0),
    col("deduct_per_unit", "每单位扣分", "Points per unit", Kind::Number, 9.0),
    sheet(col("node", "计入评分项", "Counts under", Kind::Choice, 10.0), "归属评分项", "Rubric item"),
    words(
        sheet(col("reason", REASON.0, REASON.1, Kind::Multi, 30.0), REASON.0, "Reason for shortfall"),
        &["偏差原因分析", "扣分原因", "扣分原因 / 说明", "未完成原因", "原因分析"],
    ),
    words(sheet(col("measure", MEASURE.0, MEASURE.1, Kind::Multi, 30.0), MEASURE.0, "Measure"), &["改进措施及结果应用"]),
    col("previous", "上年实际完成值", "Last year's actual", Kind::Number, 11.0),
];

/// The columns the exported indicator sheet leaves out (the category is written as level1/level2).
const NOT_EXPORTED: &[&str] = &["category"];

/// The indicator columns of the exported sheet, in order.
pub fn indicator_sheet() -> &'static [Column] {
    static SHEET: std::sync::OnceLock<Vec<Column>> = std::sync::OnceLock::new();
    SHEET.get_or_init(|| INDICATOR.iter().filter(|c| !NOT_EXPORTED.contains(&c.key)).copied().collect())
}

/// The budget table, in the exported sheet's order.
pub const BUDGET: &[Column] = &[
    col("id", "行编号", "Row id", Kind::Text, 10.0),
    col("group", "分组", "Group", Kind::Text, 12.0),
    sheet(col("name", "项目名称", "Row name", Kind::Text, 28.0), "项目", "Item"),
    words(col("initial", "年初预算数", "Initial budget", Kind::Number, 13.0), &["年初预算", "年初预算金额"]),
    words(
        sheet(
            col("adjusted", "全年预算数（调整后）", "Full-year (adjusted) budget", Kind::Number, 15.0),
            "全年预算数（调整后）",
            "Adjusted budget",
        ),
        &["全年预算数", "全年预算", "调整后预算数", "调整预算数", "预算数", "全年预算金额"],
    ),
    words(
        sheet(col("actual", "执行数", "Spending", Kind::Number, 13.0), "执行数", "Spent"),
        &["全年执行数", "全年执行", "实际执行数", "支出决算数", "决算数", "实际支出数"],
    ),
    sheet(col("stated_rate", "填报执行率", "Stated rate", Kind::Number, 11.0), "填报执行率 %", "Stated rate %"),
    col("rate", "执行率（计算）", "Rate (computed)", Kind::Computed, 11.0),
    sheet(col("reason", "说明（偏差、超支或调整原因）", "Note (shortfall, overspending or adjustment)", Kind::Multi, 40.0), "说明", "Note"),
];

/// The score sheet of the Excel export: one row per rubric item, then the adjustments and the total.
pub const SCORE: &[Column] = &[
    col("id", "评分项编号", "Item id", Kind::Text, 14.0),
    words(col("level1", "一级指标", "Level 1", Kind::Text, 16.0), &["一级"]),
    words(col("level2", "二级指标", "Level 2", Kind::Text, 16.0), &["二级"]),
    words(col("weight", "分值", "Weight", Kind::Number, 8.0), &["权重"]),
    col("computed", "计算得分（计算）", "Computed score", Kind::Computed, 10.0),
    col("score", "自评得分", "Stated score", Kind::Number, 10.0),
    col("computed_grade", "计算等级（计算）", "Computed grade", Kind::Computed, 9.0),
    col("grade", "自评等级", "Stated grade", Kind::Text, 9.0),
    words(
        sheet(col("reason", REASON.0, REASON.1, Kind::Multi, 36.0), REASON.0, "Reason"),
        &["偏差原因分析", "扣分原因", "扣分原因 / 说明"],
    ),
    words(sheet(col("measure", MEASURE.0, MEASURE.1, Kind::Multi, 36.0), MEASURE.0, "Measure"), &["改进措施及结果应用"]),
];

/// A checklist-style rubric as templates print it (一级指标 分值 | 二级指标 分值 | 三级指标 分值 |
/// 评分标准 | 指标说明 | 得分): each row is a rubric item scored by its criteria, its 得分 the unit's
/// stated score. The level columns' words are the indicator table's ([`INDICATOR`]).
pub const RUBRIC: &[Column] = &[
    words(
        col("criteria", "评分标准", "Criteria", Kind::Multi, 36.0),
        &["评价标准", "评分细则", "评分办法", "计分方法", "评分规则", "评价要点"],
    ),
    words(col("note", "指标说明", "Explanation", Kind::Multi, 24.0), &["指标解释", "指标内涵"]),
];

/// The column of `key` in `table`.
pub fn column(table: &'static [Column], key: &str) -> Option<&'static Column> {
    table.iter().find(|c| c.key == key)
}

/// The column of `key` in `table`; a key missing from the schema is a defect of the caller, so
/// its text stands in for the label rather than failing.
pub fn label(table: &'static [Column], key: &'static str) -> (&'static str, &'static str) {
    column(table, key).map_or((key, key), |c| c.label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::field_path::{BudgetField, IndicatorField};

    #[test]
    fn every_field_of_an_indicator_and_a_budget_row_has_a_column() {
        for f in IndicatorField::ALL {
            assert!(column(INDICATOR, f.name()).is_some(), "{}", f.name());
        }
        for f in BudgetField::ALL {
            assert!(column(BUDGET, f.name()).is_some(), "{}", f.name());
        }
    }

    #[test]
    fn no_header_word_names_two_columns() {
        for table in [INDICATOR, BUDGET, SCORE, RUBRIC] {
            let mut seen = std::collections::BTreeMap::new();
            for c in table {
                for n in c.names().collect::<std::collections::BTreeSet<_>>() {
                    if let Some(other) = seen.insert(n, c.key) {
                        // The English "Measure"/"Indicator" may repeat the label of the same column only.
                        assert_eq!(other, c.key, "'{n}' names both {other} and {}", c.key);
                    }
                }
            }
        }
    }

    #[test]
    fn the_export_leaves_out_only_the_category() {
        assert_eq!(indicator_sheet().len(), INDICATOR.len() - 1);
        assert_eq!(column(INDICATOR, "name").map(Column::heading), Some(("三级指标（指标名称）", "Indicator")));
    }
}
