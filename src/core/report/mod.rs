//! The generated 自评报告 (self-evaluation report).
//!
//! Policy:
//! - The outline is the one units submit (the seed report's): 一、基本情况 （一）部门概况
//!   （二）年度总体工作和重点工作任务 （三）部门整体收支情况 （四）部门整体绩效管理情况;
//!   二、综合评价分析 （一）自评结论综述 （二）各项工作任务绩效目标完成情况分析及主要工作成效;
//!   三、存在的主要问题; 四、下一步改进措施.
//! - Every figure is written from what [`crate::core::evaluate()`] computed, never from the text a
//!   unit typed: amounts with thousands separators and 2 decimals followed by the document's
//!   amount unit, rates and scores with exactly 2 decimals (the rounding policy of
//!   [`crate::core::text::rounding`]). Where nothing can be computed (a row with a stated rate but no
//!   amounts, a manually scored rubric item) the unit's stated figure is used and a note says so.
//! - The unit's narrative (`doc.narrative`, keyed by [`crate::core::document::format::SECTIONS`] ids) fills
//!   the text parts as written; a blank part becomes a visible 【待填写】 placeholder, never
//!   invented prose.
//! - Every shortfall (an indicator short of its target, execution below 100%, a rubric item
//!   below full marks) gets its own paragraph: what, how far, 偏差原因, 改进措施.
//! - One structured [`Report`] ([`build`]) is rendered as plain text ([`generate`]), as .docx
//!   ([`docx::to_docx`]) and by the page's preview, so the three can never disagree.

pub mod docx;
pub mod drawingml;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::check::budget::RowResult;
use crate::core::check::evaluate::Evaluation;
use crate::core::check::indicator::IndicatorResult;
use crate::core::document::format::{direction, group, Indicator, SelfEvaluation, TIERS};
use crate::core::text::lang::Lang;
use crate::core::text::number::is_blank;
use crate::core::text::rounding::{group_thousands, round2};

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
    /// The section's [`crate::core::document::format::SECTIONS`] id when the unit's narrative fills it.
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

struct W<'a> {
    doc: &'a SelfEvaluation,
    ev: &'a Evaluation,
    zh: bool,
    notes: Vec<String>,
}

impl<'a> W<'a> {
    fn t(&self, zh: &str, en: &str) -> String {
        if self.zh {
            zh.to_string()
        } else {
            en.to_string()
        }
    }

    fn unit(&self) -> String {
        let u = self.doc.unit.amount_unit.trim();
        let u = if u.is_empty() { "万元" } else { u };
        if self.zh {
            u.to_string()
        } else if u == "万元" {
            "(10,000 yuan)".to_string()
        } else {
            "yuan".to_string()
        }
    }

    fn money(&self, d: Decimal) -> String {
        format!("{} {}", amount(d), self.unit())
    }

    /// The narrative part `id` as paragraphs, or the placeholder (with a note).
    fn narrative(&mut self, id: &str, what_zh: &str, what_en: &str) -> Vec<Block> {
        let text = self.doc.narrative.get(id).map(String::as_str).unwrap_or("");
        let paras: Vec<Block> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| Block::Paragraph(l.to_string())).collect();
        if paras.is_empty() {
            self.notes.push(if self.zh {
                format!("“{what_zh}”尚未填写，报告中以{TODO_ZH}占位")
            } else {
                format!("'{what_en}' is not written yet: the report shows {TODO_EN}")
            });
            vec![Block::Paragraph(format!("{}{}", self.t(TODO_ZH, TODO_EN), self.t(what_zh, what_en)))]
        } else {
            paras
        }
    }

    fn row_name(&self, r: &RowResult) -> String {
        if self.zh || r.id == "total" {
            return if r.id == "total" { self.t("合计", "Total") } else { r.name.clone() };
        }
        row_name_en(&r.name)
    }

    /// The rate of a row: computed, else the unit's stated rate (noted), else None.
    fn rate(&mut self, r: &RowResult) -> Option<String> {
        if let Some(x) = r.rate {
            return Some(format!("{}%", fixed2(x)));
        }
        if r.not_applicable {
            return None;
        }
        let s = r.stated_rate?;
        let name = self.row_name(r);
        self.notes.push(if self.zh {
            format!("{name}执行率 {}% 取自填报数：表中未填金额，无法复核", fixed2(s))
        } else {
            format!("{name}: the rate {}% is the stated one; without amounts it cannot be verified", fixed2(s))
        });
        Some(format!("{}%", fixed2(s)))
    }
}

/// The English name of a budget row: its [`crate::core::document::format::ROW_NAMES`] entry, else by the
/// key words of its Chinese name (其他资金 → Other funds), else the name as written.
pub fn row_name_en(name: &str) -> String {
    let name = name.trim();
    if let Some((_, _, en)) = crate::core::document::format::ROW_NAMES.iter().find(|(_, zh, _)| *zh == name) {
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

fn budget_blocks(w: &mut W) -> Vec<Block> {
    let zh = w.zh;
    let ev = w.ev;
    let t = &ev.budget.total;
    let mut out = Vec::new();
    let mut lead = String::new();
    let year = w.doc.unit.year.trim().to_string();
    match (t.budget, t.actual) {
        (Some(b), Some(a)) => {
            let rate = w.rate(t);
            lead = if zh {
                format!(
                    "{}全年预算数 {}，执行数 {}，总执行率 {}",
                    if year.is_empty() { String::new() } else { format!("{year}年度") },
                    w.money(b),
                    w.money(a),
                    rate.unwrap_or_else(|| "不适用（预算数为 0）".into())
                )
            } else {
                format!(
                    "The full-year budget was {}, spending {}, an overall execution rate of {}",
                    w.money(b),
                    w.money(a),
                    rate.unwrap_or_else(|| "n/a (zero budget)".into())
                )
            };
        }
        _ => {
            w.notes
                .push(w.t("合计预算数或执行数未填，收支情况无法生成", "the total budget or spending is missing: no figures for this part"));
            out.push(Block::Paragraph(format!("{}{}", w.t(TODO_ZH, TODO_EN), w.t("全年预算数和执行数", "the budget and spending"))));
        }
    }
    for g in [group::SOURCE, group::TYPE] {
        let rows: Vec<&RowResult> = ev.budget.rows.iter().filter(|r| r.group == g).collect();
        let mut parts = Vec::new();
        for r in rows {
            let name = w.row_name(r);
            let rate = w.rate(r);
            let s = match (r.budget, r.actual, rate) {
                (Some(b), Some(a), Some(rt)) => {
                    if zh {
                        format!("{name}全年预算数 {}，执行数 {}，执行率 {rt}", w.money(b), w.money(a))
                    } else {
                        format!("{name}: budget {}, spending {}, rate {rt}", w.money(b), w.money(a))
                    }
                }
                (Some(b), Some(a), None) => {
                    if zh {
                        format!("{name}全年预算数 {}，执行数 {}（预算数为 0，执行率不适用）", w.money(b), w.money(a))
                    } else {
                        format!("{name}: budget {}, spending {} (zero budget: no rate)", w.money(b), w.money(a))
                    }
                }
                (_, _, Some(rt)) => {
                    if zh {
                        format!("{name}执行率 {rt}")
                    } else {
                        format!("{name}: rate {rt}")
                    }
                }
                _ => continue,
            };
            if r.derived {
                w.notes.push(if zh {
                    format!("{name}的金额由合计减其余各行得出")
                } else {
                    format!("{name}: amounts derived as total − other rows")
                });
            }
            parts.push(s);
        }
        if parts.is_empty() {
            continue;
        }
        let joined = parts.join(w.t("；", "; ").as_str());
        let sentence = if g == group::SOURCE {
            if zh {
                format!("按资金来源分，{joined}")
            } else {
                format!("By fund source — {joined}")
            }
        } else if zh {
            format!("按支出类型分，{joined}")
        } else {
            format!("By expenditure type — {joined}")
        };
        if lead.is_empty() {
            lead = sentence;
        } else {
            lead = if zh { format!("{lead}。{sentence}") } else { format!("{lead}. {sentence}") };
        }
    }
    let level = w.doc.unit.level.trim();
    if !lead.is_empty() {
        if !level.is_empty() {
            lead = if zh { format!("{lead}。预算级次为{level}") } else { format!("{lead}. Budget level: {level}") };
        }
        out.push(Block::Paragraph(format!("{lead}{}", w.t("。", "."))));
    }
    // The table.
    let unit = w.unit();
    let header = if zh {
        vec!["项目".to_string(), format!("全年预算数（{unit}）"), format!("执行数（{unit}）"), "执行率".to_string()]
    } else {
        vec!["Item".to_string(), format!("Budget {unit}"), format!("Spending {unit}"), "Rate".to_string()]
    };
    let mut rows = Vec::new();
    for r in std::iter::once(&ev.budget.total).chain(ev.budget.rows.iter()) {
        if r.budget.is_none() && r.actual.is_none() && r.stated_rate.is_none() {
            continue;
        }
        let rate = match r.rate {
            Some(x) => format!("{}%", fixed2(x)),
            None if r.not_applicable => w.t("不适用", "n/a"),
            None => r.stated_rate.map(|s| format!("{}%", fixed2(s))).unwrap_or_else(|| "—".into()),
        };
        rows.push(vec![
            w.row_name(r),
            r.budget.map(amount).unwrap_or_else(|| "—".into()),
            r.actual.map(amount).unwrap_or_else(|| "—".into()),
            rate,
        ]);
    }
    if !rows.is_empty() {
        out.push(Block::Table(Table { header, rows, numeric: vec![false, true, true, true] }));
    }
    // Execution below 100%: the reason and the measure.
    if let Some(rate) = t.rate {
        if rate < Decimal::ONE_HUNDRED {
            let b = &w.doc.budget;
            let reason = if is_blank(&b.reason) { w.t(TODO_ZH, TODO_EN) } else { strip_end(&b.reason).to_string() };
            let measure = if is_blank(&b.measure) { w.t(TODO_ZH, TODO_EN) } else { strip_end(&b.measure).to_string() };
            if is_blank(&b.reason) || is_blank(&b.measure) {
                w.notes.push(
                    w.t("总执行率未达 100%，须填写偏差原因和改进措施", "overall execution is below 100%: give the reason and the measure"),
                );
            }
            out.push(Block::Paragraph(if zh {
                format!("总执行率 {}%，未达 100%。偏差原因：{reason}。改进措施：{measure}。", fixed2(rate))
            } else {
                format!("Overall execution was {}%, below 100%. Reason: {reason}. Measure: {measure}.", fixed2(rate))
            }));
        }
    }
    out
}

fn summary_blocks(w: &mut W) -> Vec<Block> {
    let zh = w.zh;
    let ev = w.ev;
    let s = &ev.scores;
    let mut out = Vec::new();
    let name = w.doc.unit.name.trim().to_string();
    let level1: Vec<_> = s.nodes.iter().filter(|n| n.depth == 1).collect();
    let full: Decimal = level1.iter().filter_map(|n| n.effective_weight).sum();
    let mut p = String::new();
    match s.total {
        Some(t) => {
            let grade = s.grade.map(|g| g.label().get(if zh { Lang::Zh } else { Lang::En }).to_string()).unwrap_or_default();
            p.push_str(&if zh {
                format!("{name}部门整体支出绩效自评总分 {} 分，满分 {} 分，评价等级为“{grade}”。", fixed2(t), plain(full))
            } else {
                format!("{name} scored {} out of {} in its self-evaluation, graded \"{grade}\".", fixed2(t), plain(full))
            });
            if let Some(st) = s.stated_total {
                if !crate::core::text::rounding::matches_at_stated_precision(st, t) {
                    w.notes.push(if zh {
                        format!("自评表填报总分 {st} 与计算结果 {} 不一致，报告采用计算结果", fixed2(t))
                    } else {
                        format!("the stated total {st} differs from the computed {}; the report uses the computed total", fixed2(t))
                    });
                }
            }
        }
        None => {
            w.notes.push(
                w.t("总分无法计算（一级指标得分不全），报告中以占位符代替", "no total could be computed (a level-1 score is missing)"),
            );
            p.push_str(&format!("{}{}", w.t(TODO_ZH, TODO_EN), w.t("自评总分和评价等级。", "the total score and grade.")));
        }
    }
    // Rates, in the seed's order: by source, by type, then the total.
    let mut rates = Vec::new();
    for g in [group::SOURCE, group::TYPE] {
        for r in ev.budget.rows.iter().filter(|r| r.group == g) {
            if let Some(rt) = w.rate(r) {
                let n = w.row_name(r);
                rates.push(if zh { format!("{n}全年执行率 {rt}") } else { format!("{n} {rt}") });
            }
        }
    }
    let total_rate = w.rate(&ev.budget.total);
    if !rates.is_empty() || total_rate.is_some() {
        let level = w.doc.unit.level.trim();
        if zh {
            let mut x = format!("其中{}", rates.join("，"));
            if let Some(tr) = &total_rate {
                if rates.is_empty() {
                    x = String::from("其中");
                } else {
                    x.push('；');
                }
                if !level.is_empty() {
                    x.push_str(&format!("预算金额均为{level}支出，"));
                }
                x.push_str(&format!("总执行率为 {tr}"));
            }
            p.push_str(&x);
            p.push('。');
        } else {
            let mut x = String::new();
            if !rates.is_empty() {
                x = format!(" Execution rates: {}", rates.join(", "));
            }
            if let Some(tr) = &total_rate {
                x.push_str(&format!("{}overall {tr}", if rates.is_empty() { " Execution rate: " } else { "; " }));
            }
            p.push_str(&x);
            p.push('.');
        }
    }
    // Level-1 scores and adjustments.
    let mut parts = Vec::new();
    for n in &level1 {
        // A level-1 item whose weight moved to another (no 满意度 indicator) has no score to report.
        if n.effective_weight.is_some_and(|e| e.is_zero()) && n.weight.is_some_and(|w| !w.is_zero()) {
            continue;
        }
        let nm = if zh || n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
        let score = n.score.map(fixed2).unwrap_or_else(|| "—".into());
        let weight = n.effective_weight.map(plain).unwrap_or_else(|| "—".into());
        parts.push(if zh { format!("{nm}自评得分 {score} 分（分值 {weight} 分）") } else { format!("{nm} {score} of {weight}") });
    }
    let adj = &w.doc.stated.adjustments;
    let adj_text = if adj.is_empty() && s.adjustments.is_zero() {
        w.t("无其他加减分项", "no other adjustments")
    } else {
        let reasons: Vec<String> =
            adj.iter().filter(|a| !is_blank(&a.reason)).map(|a| format!("{}（{}）", a.points.trim(), strip_end(&a.reason))).collect();
        let sign = if s.adjustments > Decimal::ZERO { "+" } else { "" };
        if zh {
            format!(
                "其他加减分项合计 {sign}{} 分{}",
                fixed2(s.adjustments),
                if reasons.is_empty() { String::new() } else { format!("：{}", reasons.join("；")) }
            )
        } else {
            format!(
                "other adjustments {sign}{}{}",
                fixed2(s.adjustments),
                if reasons.is_empty() { String::new() } else { format!(": {}", reasons.join("; ")) }
            )
        }
    };
    if !parts.is_empty() {
        p.push_str(&if zh {
            format!("{}，{adj_text}。", parts.join("，"))
        } else {
            format!(" Scores: {}; {adj_text}.", parts.join("; "))
        });
    }
    out.push(Block::Paragraph(p));
    // The score table.
    if !s.nodes.is_empty() {
        let header = if zh {
            vec!["评价指标".into(), "分值".into(), "得分".into(), "得分来源".into()]
        } else {
            vec!["Indicator".into(), "Weight".into(), "Score".into(), "Basis".into()]
        };
        let mut rows: Vec<Vec<String>> = s
            .nodes
            .iter()
            .map(|n| {
                let nm = if zh || n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
                let basis = if n.computed.is_some() {
                    w.t("计算", "computed")
                } else if n.stated.is_some() {
                    w.t("自评", "stated")
                } else {
                    "—".into()
                };
                vec![
                    format!("{}{nm}", "　".repeat(n.depth.saturating_sub(1))),
                    n.effective_weight.map(plain).unwrap_or_else(|| "—".into()),
                    n.score.map(fixed2).unwrap_or_else(|| "—".into()),
                    basis,
                ]
            })
            .collect();
        if !s.adjustments.is_zero() || !adj.is_empty() {
            rows.push(vec![w.t("其他加减分项", "Adjustments"), "—".into(), fixed2(s.adjustments), w.t("自评", "stated")]);
        }
        rows.push(vec![
            w.t("总分", "Total"),
            plain(full),
            s.total.map(fixed2).unwrap_or_else(|| "—".into()),
            s.grade
                .map(|g| format!("{}{}", w.t("等级：", "grade: "), g.label().get(if zh { Lang::Zh } else { Lang::En })))
                .unwrap_or_default(),
        ]);
        out.push(Block::Table(Table { header, rows, numeric: vec![false, true, true, false] }));
    }
    // Items below full marks.
    for n in s.nodes.iter().filter(|n| n.leaf || n.depth == 1) {
        let (Some(sc), Some(wt)) = (n.score, n.effective_weight) else { continue };
        if sc >= wt || (n.depth > 1 && !n.leaf) {
            continue;
        }
        let stated = w.doc.stated.scores.get(&n.id);
        let reason = stated.map(|x| x.reason.as_str()).filter(|r| !is_blank(r)).map(|r| strip_end(r).to_string());
        let measure = stated.map(|x| x.measure.as_str()).filter(|r| !is_blank(r)).map(|r| strip_end(r).to_string());
        if n.depth == 1 && reason.is_none() && measure.is_none() && !n.leaf {
            continue;
        }
        let nm = if zh || n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
        if reason.is_none() || measure.is_none() {
            w.notes.push(if zh {
                format!("{nm}未得满分，须填写偏差原因和改进措施")
            } else {
                format!("{nm} is below full marks: give the reason and the measure")
            });
        }
        let todo = w.t(TODO_ZH, TODO_EN);
        out.push(Block::Paragraph(if zh {
            format!(
                "{nm}得分 {} 分，扣 {} 分。偏差原因：{}。改进措施：{}。",
                fixed2(sc),
                fixed2(wt - sc),
                reason.unwrap_or(todo.clone()),
                measure.unwrap_or(todo)
            )
        } else {
            format!(
                "{nm} scored {}, {} below full marks. Reason: {}. Measure: {}.",
                fixed2(sc),
                fixed2(wt - sc),
                reason.unwrap_or(todo.clone()),
                measure.unwrap_or(todo)
            )
        }));
    }
    out
}

/// "目标值 ≥ 100%" / "target ≥ 100%", from the parsed target.
fn target_text(i: &Indicator, r: &IndicatorResult, zh: bool) -> String {
    let unit = i.unit.trim();
    match r.target {
        Some(t) => {
            let sym = match i.direction.as_str() {
                direction::AT_MOST => "≤ ",
                direction::EQUAL => "= ",
                _ => "≥ ",
            };
            if zh {
                format!("年度指标值 {sym}{}{unit}", plain(t))
            } else {
                format!("target {sym}{}{unit}", plain(t))
            }
        }
        None if !is_blank(&i.target) => {
            if zh {
                format!("年度指标值“{}”", i.target.trim())
            } else {
                format!("target \"{}\"", i.target.trim())
            }
        }
        None => String::new(),
    }
}

fn indicator_blocks(w: &mut W) -> Vec<Block> {
    let zh = w.zh;
    let doc = w.doc;
    let mut out = Vec::new();
    let mut k = 0;
    for t in &doc.tasks {
        let mut items = Vec::new();
        for i in &t.indicators {
            let Some(r) = w.ev.indicators.get(k) else { break };
            k += 1;
            let unit = i.unit.trim();
            let mut s = if i.direction == direction::QUALITATIVE {
                let tier = r.tier.map(|x| if zh { TIERS[x].1 } else { TIERS[x].2 }).unwrap_or_else(|| i.actual.trim());
                if zh {
                    format!("{}：{tier}", i.name.trim())
                } else {
                    format!("{}: {tier}", i.name.trim())
                }
            } else {
                match r.actual {
                    Some(a) => format!("{} {}{unit}", i.name.trim(), plain(a)),
                    None => continue,
                }
            };
            let target = target_text(i, r, zh);
            let mut extra = Vec::new();
            if !target.is_empty() {
                extra.push(target);
            }
            if let (Some(c), true) = (r.completion, r.target.is_some()) {
                extra.push(if zh { format!("完成率 {}%", fixed2(c)) } else { format!("completion {}%", fixed2(c)) });
            }
            if !extra.is_empty() {
                s.push_str(&if zh { format!("（{}）", extra.join("，")) } else { format!(" ({})", extra.join(", ")) });
            }
            items.push(s);
        }
        if !items.is_empty() {
            out.push(Block::Paragraph(if zh {
                format!("{}：{}。", t.name.trim(), items.join("；"))
            } else {
                format!("{}: {}.", t.name.trim(), items.join("; "))
            }));
        }
    }
    // One paragraph per shortfall.
    for ((_, i), r) in doc.indicators().zip(w.ev.indicators.iter()) {
        if !r.shortfall {
            continue;
        }
        let unit = i.unit.trim();
        let target = target_text(i, r, zh);
        let how = if i.direction == direction::QUALITATIVE {
            let tier = r.tier.map(|x| if zh { TIERS[x].1 } else { TIERS[x].2 }).unwrap_or("");
            if zh {
                format!("{target}，自评为“{tier}”")
            } else {
                format!("{target}, self-assessed as \"{tier}\"")
            }
        } else {
            let a = r.actual.map(plain).unwrap_or_default();
            let c = r
                .completion
                .map(|c| if zh { format!("，完成率 {}%", fixed2(c)) } else { format!(", completion {}%", fixed2(c)) })
                .unwrap_or_default();
            if zh {
                format!("{target}，实际完成值 {a}{unit}{c}")
            } else {
                format!("{target}, actual {a}{unit}{c}")
            }
        };
        let todo = w.t(TODO_ZH, TODO_EN);
        let reason = if is_blank(&i.reason) { todo.clone() } else { strip_end(&i.reason).to_string() };
        let measure = if is_blank(&i.measure) { todo.clone() } else { strip_end(&i.measure).to_string() };
        if is_blank(&i.reason) || is_blank(&i.measure) {
            w.notes.push(if zh {
                format!("“{}”未完成年度目标，须填写偏差原因和改进措施", i.name.trim())
            } else {
                format!("'{}' fell short: give the reason and the measure", i.name.trim())
            });
        }
        out.push(Block::Paragraph(if zh {
            format!("“{}”未完成年度目标：{how}。偏差原因：{reason}。改进措施：{measure}。", i.name.trim())
        } else {
            format!("'{}' fell short of its target: {how}. Reason: {reason}. Measure: {measure}.", i.name.trim())
        }));
    }
    out
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
