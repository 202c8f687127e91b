//! The self-evaluation document: one versioned JSON file (see `docs/format.md`).
//!
//! Policy: every value a person enters is kept as the text they entered (`String`), so a round
//! trip through the page, the CLI or a file never loses or rounds anything, and a value that does
//! not parse becomes a finding at its path instead of a failure to load. Every list item has a
//! stable `id` so the page can key its rows and findings can point at a field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::check::rubric::Rubric;

/// The `format` tag of a self-evaluation document.
pub const FORMAT: &str = "selfcheck/self-evaluation";
/// The current version of the document format.
pub const VERSION: u32 = 1;

/// A 部门整体支出绩效自评 as the unit enters it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SelfEvaluation {
    /// Always [`FORMAT`]. Absent when read: `""`, and the file is refused.
    #[serde(default = "String::new")]
    pub format: String,
    /// The format version, [`VERSION`] for documents this build writes. Absent when read: 0, and
    /// the file is refused.
    #[serde(default)]
    pub version: u32,
    /// Who reports, for which year.
    pub unit: Unit,
    /// 部门整体收支情况: budget, adjusted budget and spending per fund source and expenditure type.
    pub budget: Budget,
    /// Which rubric scores this self-evaluation.
    pub rubric: RubricChoice,
    /// 重点工作任务 and their performance indicators.
    pub tasks: Vec<Task>,
    /// The scores, total and grade as the unit states them.
    pub stated: Stated,
    /// The report's narrative sections, keyed by section id (see [`SECTIONS`]).
    pub narrative: BTreeMap<String, String>,
}

impl Default for SelfEvaluation {
    fn default() -> Self {
        SelfEvaluation {
            format: FORMAT.to_string(),
            version: VERSION,
            unit: Unit::default(),
            budget: Budget::default(),
            rubric: RubricChoice::default(),
            tasks: Vec::new(),
            stated: Stated::default(),
            narrative: BTreeMap::new(),
        }
    }
}

/// The report sections whose text the unit writes, in the seed's outline order:
/// (id, zh-CN title, English title).
pub const SECTIONS: &[(&str, &str, &str)] = &[
    ("overview", "（一）部门概况", "Department overview"),
    ("tasks", "（二）年度总体工作和重点工作任务", "Annual work and key tasks"),
    ("goal", "（三）部门整体收支情况（整体绩效目标）", "Overall income, spending and goal"),
    ("management", "（四）部门整体绩效管理情况", "Performance management"),
    ("achievements", "（二）各项工作任务绩效目标完成情况分析及主要工作成效", "Targets met and main results"),
    ("problems", "三、存在的主要问题", "Main problems"),
    ("measures", "四、下一步改进措施", "Next steps"),
];

/// The report's part headings above the narrative sections: (the first section under it, zh, en).
/// Sections （一）…（四） sit under 一、基本情况 and the next （二） under 二、综合评价分析, so the page
/// shows these headings to keep the numbering readable.
pub const SECTION_PARENTS: &[(&str, &str, &str)] =
    &[("overview", "一、基本情况", "1. Basic information"), ("achievements", "二、综合评价分析", "2. Overall assessment")];

/// The reporting unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Unit {
    /// 单位名称, e.g. 广州市总工会.
    pub name: String,
    /// 年度, e.g. "2021".
    pub year: String,
    /// 预算级次, e.g. 市本级.
    pub level: String,
    /// 金额单位: "万元" or "元".
    pub amount_unit: String,
    /// 纳入编制范围的下属单位.
    pub subordinates: Vec<String>,
    /// 编制数: the staff the unit is authorised (人). Written only when filled, so files without
    /// it are unchanged.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub staff_quota: String,
    /// 实有人数: the staff in post at the year's end (人); checked against 编制数.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub staff_actual: String,
}

impl Default for Unit {
    fn default() -> Self {
        Unit {
            name: String::new(),
            year: String::new(),
            level: String::new(),
            amount_unit: "万元".to_string(),
            subordinates: Vec::new(),
            staff_quota: String::new(),
            staff_actual: String::new(),
        }
    }
}

/// The budget table: a 合计 row and detail rows in two groups, each of which partitions the
/// total (by fund source, and by expenditure type).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Budget {
    /// 合计: the department's whole budget.
    pub total: BudgetRow,
    /// Rows by fund source (`group = "source"`) and by expenditure type (`group = "type"`).
    pub rows: Vec<BudgetRow>,
    /// 偏差原因 for overall execution below 100% (the seed's 存在的主要问题 gives it).
    pub reason: String,
    /// 改进措施 for overall execution below 100%.
    pub measure: String,
}

/// Row groups of the budget table.
pub mod group {
    /// Fund source rows: 财政拨款, 政府性基金, …, 其他资金; they add up to the total.
    pub const SOURCE: &str = "source";
    /// Expenditure type rows: 基本支出, 项目支出; they add up to the total.
    pub const TYPE: &str = "type";
}

/// The fund sources and expenditure types the table offers, as (group, zh-CN, English).
pub const ROW_NAMES: &[(&str, &str, &str)] = &[
    (group::SOURCE, "一般公共预算财政拨款", "General public budget appropriation"),
    (group::SOURCE, "政府性基金预算", "Government fund budget"),
    (group::SOURCE, "国有资本经营预算", "State capital operation budget"),
    (group::SOURCE, "财政专户管理资金", "Funds in fiscal special accounts"),
    (group::SOURCE, "单位资金（其他资金）", "Unit's own and other funds"),
    (group::SOURCE, "上年结转", "Carried over from last year"),
    (group::TYPE, "基本支出", "Basic expenditure"),
    (group::TYPE, "项目支出", "Project expenditure"),
];

/// One line of the budget table. Amounts are in the unit's amount unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct BudgetRow {
    /// Stable id, unique in the document ("total" for the 合计 row).
    pub id: String,
    /// [`group::SOURCE`] or [`group::TYPE`]; empty for the total.
    pub group: String,
    /// 名称, e.g. 一般公共预算财政拨款.
    pub name: String,
    /// 年初预算数.
    pub initial: String,
    /// 全年（调整后）预算数: the denominator of the rate; when blank, 年初预算 is used.
    pub adjusted: String,
    /// 执行数（支出决算数）.
    pub actual: String,
    /// 执行率 as the unit states it, e.g. "95.68" or "95.68%".
    pub stated_rate: String,
    /// Why this row was executed below 90%, above 100%, or adjusted during the year.
    pub reason: String,
}

/// Which rubric scores the document: a preset id, or the rubric itself (a preset copied in so its
/// weights can be edited, or a finance bureau's rubric file loaded into the document).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct RubricChoice {
    /// A preset id from [`crate::check::rubric::presets`]; used when `inline` is absent.
    pub preset: String,
    /// The rubric carried by the document; wins over `preset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inline: Option<Rubric>,
}

/// A 重点工作任务 with its performance indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Task {
    /// Stable id.
    pub id: String,
    /// 任务名称.
    pub name: String,
    /// The indicators that measure the task.
    pub indicators: Vec<Indicator>,
}

/// Directions an indicator can have.
pub mod direction {
    /// "≥": more is better; full marks at or above target.
    pub const AT_LEAST: &str = "≥";
    /// "≤": less is better (a reverse indicator: costs, accidents, complaint rates).
    pub const AT_MOST: &str = "≤";
    /// "=": the target exactly.
    pub const EQUAL: &str = "=";
    /// 定性: qualitative, judged in tiers.
    pub const QUALITATIVE: &str = "定性";
}

/// Indicator categories (二级/三级指标) as (id, zh-CN, English).
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("产出-数量", "产出指标·数量指标", "Output: quantity"),
    ("产出-质量", "产出指标·质量指标", "Output: quality"),
    ("产出-时效", "产出指标·时效指标", "Output: timeliness"),
    ("产出-成本", "产出指标·成本指标", "Output: cost"),
    ("效益-经济", "效益指标·经济效益", "Outcome: economic"),
    ("效益-社会", "效益指标·社会效益", "Outcome: social"),
    ("效益-生态", "效益指标·生态效益", "Outcome: ecological"),
    ("效益-可持续", "效益指标·可持续影响", "Outcome: sustainability"),
    ("满意度", "满意度指标", "Satisfaction"),
];

/// Qualitative tiers a 定性 indicator's actual value can take, as (value, zh-CN, English, lower %, upper %)
/// of the weight. The upper bound of the top tier is inclusive, the others exclusive.
pub const TIERS: &[(&str, &str, &str, u32, u32)] = &[
    ("达成", "达成年度指标", "achieved", 80, 100),
    ("部分达成", "部分达成", "partly achieved", 60, 80),
    ("未达成", "未达成", "not achieved", 0, 60),
];

/// A performance indicator (绩效指标).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Indicator {
    /// Stable id.
    pub id: String,
    /// 指标名称.
    pub name: String,
    /// One of [`CATEGORIES`]' ids.
    pub category: String,
    /// One of [`direction`]'s values.
    pub direction: String,
    /// 计量单位, e.g. "%", "人", "节次".
    pub unit: String,
    /// 年度指标值 (目标值). For 定性: the expected state in words.
    pub target: String,
    /// 实际完成值. For 定性: one of the [`TIERS`] values.
    pub actual: String,
    /// 分值 (权重); blank when the indicator is not scored on its own.
    pub weight: String,
    /// 自评得分 as the unit states it.
    pub stated_score: String,
    /// How a shortfall is scored: "" (proportional, the default) or "deduct".
    pub scoring: String,
    /// With `scoring = "deduct"`: points deducted per unit of deviation beyond the target.
    pub deduct_per_unit: String,
    /// 偏差原因.
    pub reason: String,
    /// 改进措施.
    pub measure: String,
    /// The rubric node this indicator scores under (e.g. "output"); blank: not part of the rubric sum.
    pub node: String,
    /// 上年实际完成值: last year's actual value, as typed, for comparing this year's target with it
    /// (rule `indicator.target_below_previous`). 下一年度 fills it from last year's actual; it is
    /// written only when filled, so files without it are unchanged.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub previous: String,
}

/// The results as the unit states them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Stated {
    /// The unit's score per rubric node id, with the reason and measure when below full.
    pub scores: BTreeMap<String, StatedScore>,
    /// 其他加减分项.
    pub adjustments: Vec<Adjustment>,
    /// 自评总分.
    pub total: String,
    /// 评价等级: 优 / 良 / 中 / 差.
    pub grade: String,
}

/// A stated score of one rubric node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct StatedScore {
    /// 自评得分.
    pub score: String,
    /// 偏差原因 when below the weight (one word for one thing: [`crate::text::lang::terms::REASON`]).
    pub reason: String,
    /// 改进措施 when below the weight.
    pub measure: String,
}

/// One 其他加减分项: a bonus (positive) or a deduction (negative) with its reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Adjustment {
    /// Stable id.
    pub id: String,
    /// Points, e.g. "+1" or "-0.5".
    pub points: String,
    /// Why.
    pub reason: String,
}

/// Why a document could not be read at all (as opposed to values that do not parse, which are
/// findings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// 1-based line of the problem, 0 when unknown.
    pub line: usize,
    /// 1-based column of the problem, 0 when unknown.
    pub column: usize,
    /// What is wrong, in both languages.
    pub message: crate::text::lang::Text,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message.en)
    }
}

impl SelfEvaluation {
    /// Reads a document from JSON text. Unknown fields are ignored; missing ones take their
    /// defaults; a leading BOM is dropped. A text that is not a self-evaluation (no `format` or
    /// `version`, `{}`, `[]`, another program's JSON, a rubric) or of a newer version is refused
    /// with the reason.
    pub fn from_json(text: &str) -> Result<SelfEvaluation, LoadError> {
        let text = crate::document::header::strip_bom(text);
        // One typed parse on the happy path; only when it fails, or the header is wrong, is the
        // text read loosely, so that a file of another kind is refused for what it is rather than
        // for a field's type.
        let refused = |text: &str| {
            crate::document::header::refusal(text, FORMAT, VERSION as u64, ("自评文件", "a self-evaluation file"))
                .map(|message| LoadError { line: 1, column: 1, message })
        };
        match serde_json::from_str::<SelfEvaluation>(text) {
            Ok(doc) if doc.format == FORMAT && (1..=VERSION).contains(&doc.version) => Ok(doc),
            Ok(_) => Err(refused(text).unwrap_or_else(|| LoadError {
                line: 1,
                column: 1,
                message: crate::text::lang::Text::new(
                    format!("不是可读取的自评文件（format 应为“{FORMAT}”，version 为 1–{VERSION}）"),
                    format!("not a readable self-evaluation (format should be '{FORMAT}', version 1–{VERSION})"),
                ),
            })),
            Err(e) => Err(refused(text).unwrap_or_else(|| json_error(&e))),
        }
    }

    /// Writes the document as pretty JSON (2-space indent, fields in declaration order).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every indicator with its task, in document order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Task, &Indicator)> {
        self.tasks.iter().flat_map(|t| t.indicators.iter().map(move |i| (t, i)))
    }
}

/// A serde_json error as a positioned, bilingual load error.
pub fn json_error(e: &serde_json::Error) -> LoadError {
    LoadError {
        line: e.line(),
        column: e.column(),
        message: crate::text::lang::Text::new(
            format!("第 {} 行第 {} 列：JSON 格式错误（{}）", e.line(), e.column(), e),
            format!("line {}, column {}: invalid JSON ({})", e.line(), e.column(), e),
        ),
    }
}

/// Paths of fields: written here by id, typed and read in [`super::field_path`], their one home.
pub use super::field_path::path;

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 11, item 6: a JSON text that is not one of our self-evaluations is refused with the
    /// reason, never read as a blank document.
    #[test]
    fn a_json_that_is_not_a_self_evaluation_is_refused() {
        for (text, zh, en) in [
            ("{}", "format", "format"),
            ("[]", "JSON 对象", "JSON object"),
            ("[1, 2]", "JSON 对象", "JSON object"),
            ("null", "JSON 对象", "JSON object"),
            ("\"selfcheck/self-evaluation\"", "JSON 对象", "JSON object"),
            ("", "空", "empty"),
            ("  \n", "空", "empty"),
            (r#"{"name":"package","version":"1.0.0","dependencies":{}}"#, "format", "format"),
            (r#"{"version":1,"unit":{"name":"某局"}}"#, "format", "format"),
            (r#"{"format":"selfcheck/self-evaluation","unit":{"name":"某局"}}"#, "version", "version"),
            (r#"{"format":"selfcheck/self-evaluation","version":0}"#, "版本", "version"),
            (r#"{"format":"selfcheck/rubric","version":1,"nodes":[]}"#, "评分标准", "rubric"),
            (r#"{"format":"other/thing","version":1}"#, "other/thing", "other/thing"),
        ] {
            let e = SelfEvaluation::from_json(text).expect_err(text);
            assert!(e.message.zh.contains(zh), "{text}: {}", e.message.zh);
            assert!(e.message.en.contains(en), "{text}: {}", e.message.en);
            assert!(!e.message.zh.contains("expected") && !e.message.en.contains("invalid type"), "{text}: {:?}", e.message);
        }
    }

    /// Files written by every earlier build carry `format` and `version` (both fields have been
    /// written since the first commit), so they still load; so does a leading BOM.
    #[test]
    fn files_written_by_earlier_versions_still_load() {
        let minimal = r#"{"format":"selfcheck/self-evaluation","version":1}"#;
        assert_eq!(SelfEvaluation::from_json(minimal).unwrap().unit.amount_unit, "万元");
        let seed = include_str!("../../../../examples/guangzhou-ftu-2021.json");
        let with_bom = format!("\u{feff}{seed}");
        assert_eq!(SelfEvaluation::from_json(&with_bom).unwrap(), SelfEvaluation::from_json(seed).unwrap());
        for (name, text) in [
            ("export-11f400e.json", include_str!("../../../../tests/fixtures/old-versions/export-11f400e.json")),
            ("blank-11f400e.json", include_str!("../../../../tests/fixtures/old-versions/blank-11f400e.json")),
        ] {
            let doc = SelfEvaluation::from_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(doc.version, 1, "{name}");
        }
    }
}
