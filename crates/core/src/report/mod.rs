//! The generated 自评报告 (self-evaluation report).
//!
//! Policy:
//! - The outline is the one units submit (the seed report's): 一、基本情况 （一）部门概况
//!   （二）年度总体工作和重点工作任务 （三）部门整体收支情况 （四）部门整体绩效管理情况;
//!   二、综合评价分析 （一）自评结论综述 （二）各项工作任务绩效目标完成情况分析及主要工作成效;
//!   三、存在的主要问题; 四、下一步改进措施.
//! - Every figure is written from what [`crate::evaluate()`] computed, never from the text a
//!   unit typed: amounts with thousands separators and 2 decimals followed by the document's
//!   amount unit, rates and scores with exactly 2 decimals (the rounding policy of
//!   [`crate::text::rounding`]). Where nothing can be computed (a row with a stated rate but no
//!   amounts, a manually scored rubric item) the unit's stated figure is used and a note says so.
//! - The unit's narrative (`doc.narrative`, keyed by [`crate::document::format::SECTIONS`] ids) fills
//!   the text parts as written; a blank part becomes a visible 【待填写】 placeholder, never
//!   invented prose.
//! - Every shortfall (an indicator short of its target, execution below 100%, a rubric item
//!   below full marks) gets its own paragraph: what, how far, 偏差原因, 改进措施.
//! - One structured [`Report`] ([`build`]) is rendered as plain text ([`generate`]), as .docx
//!   ([`docx::to_docx`]) and by the page's preview, so the three can never disagree.

mod budget;
pub mod docx;
pub mod drawingml;
mod indicators;
mod summary;
mod writer;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::evaluate::Evaluation;
use crate::document::format::SelfEvaluation;
use crate::text::lang::Lang;
use crate::text::rounding::{group_thousands, round2};
use budget::budget_blocks;
use indicators::indicator_blocks;
use summary::summary_blocks;
use writer::W;

/// The report as structured content: a title and sections in outline order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// 报告标题, e.g. 广州市总工会2021年度部门整体支出绩效自评报告.
    pub title: String,
    /// The language it is written in.
    pub lang: Lang,
    /// Headings with their content, in order (level-1 headings carry no blocks of their own
    /// when their subsections do).
    pub sections: Vec<Section>,
    /// Notes for the officer, not part of the report: which figures were taken as stated,
    /// which parts are still to be written.
    pub notes: Vec<String>,
}

/// A heading and what follows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// 1 for 一、…, 2 for （一）….
    pub level: u8,
    /// The heading as printed, numbering included.
    pub title: String,
    /// The section's [`crate::document::format::SECTIONS`] id when the unit's narrative fills it.
    pub narrative: Option<String>,
    /// Paragraphs and tables in order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// The section's paragraphs (tables left out).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
    }
}

/// A block of a section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "content", rename_all = "lowercase")]
pub enum Block {
    /// A body paragraph (printed with a two-character first-line indent).
    Paragraph(String),
    /// A table.
    Table(Table),
}

/// A simple table: a header row and body rows of text cells; numeric columns are right-aligned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Body rows (each as long as the header).
    pub rows: Vec<Vec<String>>,
    /// Per column: true when the column holds figures (right-aligned).
    pub numeric: Vec<bool>,
}

/// The placeholder printed where the unit has not written a narrative part.
pub const TODO_ZH: &str = "【待填写】";
/// The English placeholder.
pub const TODO_EN: &str = "[to be written]";

/// An amount as printed: thousands separators, exactly 2 decimals (35,408.62).
pub fn amount(d: Decimal) -> String {
    group_thousands(d, 2)
}

/// A rate or score as printed: half-up, exactly 2 decimals (95.50).
pub fn fixed2(d: Decimal) -> String {
    round2(d).to_string()
}

/// An indicator value as printed: as entered, without trailing zeros (85.79, 3532, 1.2).
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The English name of a budget row: its [`crate::document::format::ROW_NAMES`] entry, else by the
/// key words of its Chinese name (其他资金 → Other funds), else the name as written.
pub fn row_name_en(name: &str) -> String {
    let name = name.trim();
    if let Some((_, _, en)) = crate::document::format::ROW_NAMES.iter().find(|(_, zh, _)| *zh == name) {
        return en.to_string();
    }
    const KEYS: &[(&str, &str)] = &[
        ("财政拨款", "General public budget appropriation"),
        ("一般公共预算", "General public budget appropriation"),
        ("其他资金", "Other funds"),
        ("单位资金", "Unit's own and other funds"),
        ("政府性基金", "Government fund budget"),
        ("国有资本", "State capital operation budget"),
        ("财政专户", "Funds in fiscal special accounts"),
        ("上年结转", "Carried over from last year"),
        ("基本支出", "Basic expenditure"),
        ("项目支出", "Project expenditure"),
    ];
    KEYS.iter().find(|(k, _)| name.contains(k)).map(|(_, en)| en.to_string()).unwrap_or_else(|| name.to_string())
}

fn strip_end(s: &str) -> &str {
    s.trim().trim_end_matches(['。', '；', ';', '.', '，', ','])
}

/// Builds the report in `lang` from the document and its evaluation.
pub fn build(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Report {
    let mut w = W { doc, ev, zh: lang == Lang::Zh, notes: Vec::new() };
    let zh = w.zh;
    let name = doc.unit.name.trim();
    let year = doc.unit.year.trim();
    let title = if zh {
        format!("{name}{}部门整体支出绩效自评报告", if year.is_empty() { String::new() } else { format!("{year}年度") })
    } else {
        format!("{name} {year} Departmental Overall Expenditure Performance Self-Evaluation Report").replace("  ", " ").trim().to_string()
    };
    let mut sections = Vec::new();
    let h = |level: u8, zh_t: &str, en_t: &str, narrative: Option<&str>, blocks: Vec<Block>| Section {
        level,
        title: if zh { zh_t.to_string() } else { en_t.to_string() },
        narrative: narrative.map(str::to_string),
        blocks,
    };

    // 一、基本情况
    sections.push(h(1, "一、基本情况", "1. Basic information", None, vec![]));
    let mut overview = w.narrative("overview", "部门概况", "department overview");
    let subs: Vec<&str> = doc.unit.subordinates.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let overview_text = doc.narrative.get("overview").cloned().unwrap_or_default();
    if !subs.is_empty() && subs.iter().any(|s| !overview_text.contains(s)) {
        overview.push(Block::Paragraph(if zh {
            format!("纳入本部门预算编制范围的下属单位：{}。", subs.join("、"))
        } else {
            format!("Subordinate units included in the department's budget: {}.", subs.join(", "))
        }));
    }
    sections.push(h(2, "（一）部门概况", "1.1 Department overview", Some("overview"), overview));

    let mut tasks = w.narrative("tasks", "年度总体工作和重点工作任务", "annual work and key tasks");
    if !doc.tasks.is_empty() {
        let items: Vec<String> = doc
            .tasks
            .iter()
            .enumerate()
            .map(|(k, t)| {
                if zh {
                    format!("{}.{}（绩效指标 {} 个）", k + 1, t.name.trim(), t.indicators.len())
                } else {
                    format!("({}) {} ({} indicators)", k + 1, t.name.trim(), t.indicators.len())
                }
            })
            .collect();
        tasks.push(Block::Paragraph(if zh {
            format!("年度重点工作任务：{}。", items.join("；"))
        } else {
            format!("Key tasks of the year: {}.", items.join("; "))
        }));
    }
    sections.push(h(2, "（二）年度总体工作和重点工作任务", "1.2 Annual work and key tasks", Some("tasks"), tasks));

    let mut money_blocks = Vec::new();
    let goal = doc.narrative.get("goal").map(|s| s.trim()).unwrap_or("");
    if goal.is_empty() {
        money_blocks.extend(w.narrative("goal", "部门整体支出绩效目标", "the overall performance goal"));
    } else {
        for (k, l) in goal.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            money_blocks.push(Block::Paragraph(if k == 0 && zh && !l.starts_with("本部门整体支出绩效目标") {
                format!("本部门整体支出绩效目标：{l}")
            } else {
                l.to_string()
            }));
        }
    }
    money_blocks.extend(budget_blocks(&mut w));
    sections.push(h(2, "（三）部门整体收支情况", "1.3 Overall income and spending", Some("goal"), money_blocks));
    let mgmt = w.narrative("management", "部门整体绩效管理情况", "performance management");
    sections.push(h(2, "（四）部门整体绩效管理情况", "1.4 Performance management", Some("management"), mgmt));

    // 二、综合评价分析
    sections.push(h(1, "二、综合评价分析", "2. Overall assessment", None, vec![]));
    let summary = summary_blocks(&mut w);
    sections.push(h(2, "（一）自评结论综述", "2.1 Conclusion of the self-evaluation", None, summary));
    let mut ach = w.narrative("achievements", "各项工作任务绩效目标完成情况及主要工作成效", "targets met and main results");
    ach.extend(indicator_blocks(&mut w));
    sections.push(h(
        2,
        "（二）各项工作任务绩效目标完成情况分析及主要工作成效",
        "2.2 Targets met by task and main results",
        Some("achievements"),
        ach,
    ));

    let problems = w.narrative("problems", "存在的主要问题", "main problems");
    sections.push(h(1, "三、存在的主要问题", "3. Main problems", Some("problems"), problems));
    let measures = w.narrative("measures", "下一步改进措施", "next steps");
    sections.push(h(1, "四、下一步改进措施", "4. Next steps", Some("measures"), measures));

    if !zh && doc.narrative.values().any(|t| t.chars().any(|c| (c as u32) >= 0x4E00)) {
        w.notes.push("The unit's narrative parts are reproduced as written (not translated).".to_string());
    }
    // Notes from `rate` repeat between the budget part and the summary: keep each once.
    let mut seen = std::collections::BTreeSet::new();
    let notes = w.notes.into_iter().filter(|n| seen.insert(n.clone())).collect();
    Report { title, lang, sections, notes }
}

/// The report as plain text (UTF-8, `\n` line ends): the title, then each heading on its own
/// line, paragraphs indented by two full-width spaces (zh) and tables as ` | `-separated rows.
pub fn render_text(r: &Report) -> String {
    let mut s = String::new();
    s.push_str(&r.title);
    s.push_str("\n\n");
    let indent = if r.lang == Lang::Zh { "\u{3000}\u{3000}" } else { "" };
    for sec in &r.sections {
        s.push_str(&sec.title);
        s.push('\n');
        for b in &sec.blocks {
            match b {
                Block::Paragraph(p) => {
                    s.push_str(indent);
                    s.push_str(p);
                    s.push('\n');
                }
                Block::Table(t) => {
                    s.push_str(&t.header.join(" | "));
                    s.push('\n');
                    for row in &t.rows {
                        s.push_str(&row.join(" | "));
                        s.push('\n');
                    }
                }
            }
        }
        s.push('\n');
    }
    s
}

/// The 自评报告 as plain text in `lang`: [`render_text`] of [`build`].
pub fn generate(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> String {
    render_text(&build(doc, ev, lang))
}
