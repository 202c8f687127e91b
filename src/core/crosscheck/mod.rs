//! Cross-checking a written 自评报告 against the self-evaluation's computed figures.
//!
//! Policy:
//! - Every stated figure is extracted (see [`scan`]): amounts in 万元/万/亿元/元, percentages,
//!   percentage points, scores (分) and counts in an indicator's own unit, each with its sentence.
//! - A figure is matched to the computed figure it *claims* to be, read from the keywords of its
//!   own clause (the text since the last ，；：、。): 执行率/完成预算 → a budget rate; 预算数 /
//!   执行数、决算数 → an amount; 财政拨款、其他资金、基本支出、项目支出、合计/总 → the row; 总分、满分、
//!   管理效能、履职效能… → a score; an indicator's name → that indicator. When the clause names no
//!   row, the nearest row named earlier in the sentence is taken (a weaker claim), else the total.
//! - Stated and computed are compared at the stated precision
//!   ([`crate::core::text::rounding::matches_at_stated_precision`]; amounts converted between 元, 万元 and
//!   亿元 first). A clear claim that differs is `report.figure_mismatch` (and says which other
//!   figure the value is, when it is one: swapped rates). A rate whose row is only implied, in a
//!   sentence that states several rows' amounts, that matches a row other than the one the
//!   sentence opens with is `report.figure_ambiguous` (the seed's "完成预算的95.68%" after the
//!   totals: it is the 财政拨款 rate, the total's is 95.50%). A weak claim to an indicator is
//!   accepted only when the value matches; otherwise the figure stays unmatched rather than
//!   raise a false alarm.
//! - A rate compared with another (高于/低于/提高/下降… in a clause about a 率) and written with %
//!   is `report.percent_vs_points`: a difference of rates is in 个百分点.
//! - Totals stated with all their parts must add up (`report.sum_mismatch`); "均已完成"-type claims
//!   must agree with the indicators they cover, and "无其他加减分项" with the adjustments
//!   (`report.claim_contradicted`); a stated grade must match the total and a report with a total
//!   must state the grade (`report.grade_mismatch`, `report.grade_missing`); the key figures of
//!   the 自评结论综述 should be there (`report.summary_missing`).
//! - A row's rate the self-evaluation cannot recompute (only its rate is stated) is recomputed
//!   from the 预算数 and 执行数 the report itself gives for that row (`own_rates`).
//! - A table copied from Word (tab-separated cells) is read row by row as the sentence a writer
//!   would have written, the row's name and the column's header before each cell (see [`table`]);
//!   in a table of indicators a score (分) is the named indicator's 分值 or 得分.
//! - Findings point at `report.text.<n>` (the n-th figure, 1-based), `report.text.s<k>` (the k-th
//!   sentence) or `report.text` (the report as a whole).

pub mod counts;
pub mod scan;
pub mod table;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::check::evaluate::Evaluation;
use crate::core::check::finding::Finding;
use crate::core::check::grade::Grade;
use crate::core::check::rules::catalogue::fire;
use crate::core::check::rules::thresholds;
use crate::core::document::format::{group, SelfEvaluation};
use crate::core::text::lang::Text;
use crate::core::text::rounding::{group_thousands, matches_at_stated_precision, round_to};
use scan::{is_clause_end, is_sentence_end, normalize, Norm, Token, Unit};

/// What kind of figure was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Money (万元, 元, 亿元).
    Amount,
    /// A percentage.
    Percent,
    /// Percentage points.
    Points,
    /// A score (分).
    Score,
    /// A count or value in an indicator's unit.
    Count,
}

/// The computed figure a stated one can be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    /// 全年（调整后）预算数 of a budget row ("total" for 合计).
    Budget(String),
    /// 执行数 of a budget row.
    Actual(String),
    /// 年初预算数 of a budget row, when the table gives it.
    Initial(String),
    /// 执行率 of a budget row.
    Rate(String),
    /// The score of a rubric node.
    Score(String),
    /// 自评总分.
    Total,
    /// 满分: the sum of the level-1 weights.
    FullMarks,
    /// The weight (分值) of a rubric node.
    Weight(String),
    /// Σ 其他加减分项.
    Adjustments,
    /// An indicator's actual value.
    IndicatorActual(String),
    /// An indicator's completion %.
    IndicatorCompletion(String),
    /// An indicator's target (年度指标值), e.g. the number in a qualitative target's words.
    IndicatorTarget(String),
    /// An indicator's weight (分值), in a table of indicators.
    IndicatorWeight(String),
    /// An indicator's score (得分), in a table of indicators.
    IndicatorScore(String),
}

/// How a figure relates to the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Equals the computed figure it claims to be.
    Matched,
    /// Equals a figure the unit stated that cannot be recomputed (a rate without amounts, a
    /// manually scored item).
    MatchedStated,
    /// Differs from the figure it claims to be.
    Mismatch,
    /// Matches a figure, but its wording invites another reading.
    Ambiguous,
    /// A difference or change (高于…、比上年增加…), not a level: not compared.
    Difference,
    /// No computed figure it could be compared with.
    Unmatched,
}

/// One stated figure of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// 1-based number, in text order.
    pub n: usize,
    /// `report.text.<n>`.
    pub path: String,
    /// Byte range in the text as given (for highlighting).
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The figure as written (whitespace removed), e.g. `35,408.62万`.
    pub raw: String,
    /// The number as stated.
    pub value: Decimal,
    /// Its kind.
    pub kind: FigureKind,
    /// Its unit as written (万元, %, 分, 节次…).
    pub unit: String,
    /// The sentence around it (compacted).
    pub sentence: String,
    /// 1-based sentence number.
    pub sentence_n: usize,
    /// What its wording says it is, when it says.
    pub claim: Option<Target>,
    /// How it compares.
    pub status: Status,
    /// The computed figure it matched or was compared with.
    pub matched: Option<Target>,
    /// That figure's name.
    pub label: Text,
    /// That figure's value in the stated unit and precision style (e.g. `95.50%`).
    pub computed: Option<String>,
}

/// The result of a cross-check: every figure found, and the findings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrossCheck {
    /// Every figure, in text order.
    pub figures: Vec<Figure>,
    /// Findings (rules `report.*`), in text order, whole-report findings last.
    pub findings: Vec<Finding>,
}

/// The findings of [`analyse`].
pub fn check(text: &str, doc: &SelfEvaluation, ev: &Evaluation) -> Vec<Finding> {
    analyse(text, doc, ev).findings
}

/// A computed figure's name, value and how it was obtained.
#[derive(Clone)]
struct Info {
    label: Text,
    value: Decimal,
    stated_only: bool,
    formula: String,
}

struct RowKey {
    id: String,
    group: String,
    aliases: Vec<String>,
    label: Text,
}

struct Cx<'a> {
    doc: &'a SelfEvaluation,
    ev: &'a Evaluation,
    rows: Vec<RowKey>,
    nodes: Vec<(String, String)>,
    units: Vec<String>,
    doc_unit: u64,
}

const TOTAL_ALIASES: &[&str] = &["合计", "总执行率", "总体", "整体", "总预算", "总支出", "总计", "全部资金"];
const RATE_WORDS: &[&str] = &["执行率", "完成预算", "预算完成率", "预算执行", "支出进度", "执行进度"];
const ACTUAL_WORDS: &[&str] = &["执行数", "支出决算", "决算支出", "决算数", "实际支出", "支出数", "已支出", "执行金额", "完成支出"];
/// Words that put a figure in another year (上年结转 is a row of this year's table, not a year).
const OTHER_YEAR_WORDS: &[&str] = &["上年", "去年", "上一年", "上年度", "前一年"];
const BUDGET_WORDS: &[&str] = &["预算数", "预算", "年初", "调整后"];
const COMPARE_WORDS: &[&str] = &[
    "高于",
    "低于",
    "高出",
    "低出",
    "超过",
    "超出",
    "提高",
    "提升",
    "下降",
    "降低",
    "上升",
    "增长",
    "增加",
    "减少",
    "多出",
    "少于",
    "多于",
    "相比",
    "比上年",
    "较上年",
    "较去年",
    "同比",
    "环比",
    "扣",
];
const RATE_NOUNS: &[&str] = &["率", "比例", "比重", "占比"];
/// Words that make a percentage a threshold, not a level ("未达100%", "90%以上").
const THRESHOLD_WORDS: &[&str] = &["未达", "不足", "不低于", "不高于", "不少于", "不超过", "以上", "以下", "达标线"];
/// Words naming what a rate is compared with: with a comparison word they make a difference.
const REFERENCE_WORDS: &[&str] = &["平均", "上年", "去年", "同期", "全省", "全市", "全国", "上一年", "往年", "比"];
/// The outline's headings: a PDF copy runs them into the next sentence, so a quote or a claim's
/// scope starts after the last one found.
const HEADINGS: &[&str] = &[
    "基本情况",
    "部门概况",
    "年度总体工作和重点工作任务",
    "部门整体收支情况",
    "部门整体绩效管理情况",
    "综合评价分析",
    "自评结论综述",
    "各项工作任务绩效目标完成情况分析及主要工作成效",
    "存在的主要问题",
    "下一步改进措施",
];

/// Byte offset just after the last outline heading in `s`, or 0.
fn after_heading(s: &str) -> usize {
    HEADINGS.iter().filter_map(|h| s.rfind(h).map(|p| p + h.len())).max().unwrap_or(0)
}

const GENERIC: &[&str] = &[
    "各项", "相关", "任务", "绩效", "目标", "指标", "工作", "年度", "全部", "均已", "完成", "情况", "分析", "主要", "成效", "以及", "和",
    "的", "及", "各", "等",
];

fn last_of(hay: &str, words: &[&str]) -> Option<(usize, usize)> {
    words.iter().filter_map(|w| hay.rfind(w).map(|p| (p + w.len(), w.len()))).max()
}

fn any_of(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
}

/// Length in chars of the longest common substring.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

fn factor(unit: &str) -> u64 {
    match unit.trim() {
        "元" => 1,
        "亿元" => 100_000_000,
        _ => 10_000,
    }
}

impl<'a> Cx<'a> {
    fn new(doc: &'a SelfEvaluation, ev: &'a Evaluation) -> Cx<'a> {
        let mut rows = vec![RowKey {
            id: "total".into(),
            group: String::new(),
            aliases: TOTAL_ALIASES.iter().map(|s| s.to_string()).collect(),
            label: Text::new("合计", "the total"),
        }];
        for r in &ev.budget.rows {
            let mut aliases = Vec::new();
            let name = r.name.trim();
            if name.chars().count() >= 2 {
                aliases.push(name.to_string());
            }
            for (key, extra) in [
                ("财政拨款", &["财政拨款", "一般公共预算"][..]),
                ("一般公共预算", &["财政拨款", "一般公共预算"][..]),
                ("其他资金", &["其他资金", "单位资金"][..]),
                ("单位资金", &["其他资金", "单位资金"][..]),
                ("政府性基金", &["政府性基金"][..]),
                ("国有资本", &["国有资本"][..]),
                ("财政专户", &["财政专户"][..]),
                ("上年结转", &["上年结转", "结转资金"][..]),
                ("基本支出", &["基本支出"][..]),
                ("项目支出", &["项目支出"][..]),
            ] {
                if name.contains(key) {
                    aliases.extend(extra.iter().map(|s| s.to_string()));
                }
            }
            aliases.sort();
            aliases.dedup();
            let en = crate::core::report::row_name_en(name);
            rows.push(RowKey { id: r.id.clone(), group: r.group.clone(), aliases, label: Text::new(name, en) });
        }
        let mut nodes: Vec<(String, String)> =
            ev.scores.nodes.iter().filter(|n| n.name.chars().count() >= 2).map(|n| (n.id.clone(), n.name.clone())).collect();
        nodes.sort_by_key(|(_, n)| std::cmp::Reverse(n.chars().count()));
        let mut units: Vec<String> = doc
            .indicators()
            .map(|(_, i)| i.unit.trim().to_string())
            .filter(|u| !u.is_empty() && u != "%" && u != "万元" && u != "元")
            .collect();
        units.sort();
        units.dedup();
        Cx { doc, ev, rows, nodes, units, doc_unit: factor(&doc.unit.amount_unit) }
    }

    fn row(&self, id: &str) -> Option<&crate::core::check::budget::RowResult> {
        self.ev.budget.row(id)
    }

    fn row_label(&self, id: &str) -> Text {
        self.rows.iter().find(|r| r.id == id).map(|r| r.label.clone()).unwrap_or_else(|| Text::same(id))
    }

    /// The row named last in `hay`, with the byte end of its mention.
    fn find_row(&self, hay: &str) -> Option<(String, usize)> {
        self.rows
            .iter()
            .filter_map(|r| {
                last_of(hay, &r.aliases.iter().map(String::as_str).collect::<Vec<_>>()).map(|(end, len)| (end, len, r.id.clone()))
            })
            .max_by_key(|(end, len, _)| (*end, *len))
            .map(|(end, _, id)| (id, end))
    }

    fn find_node(&self, hay: &str) -> Option<String> {
        self.nodes
            .iter()
            .filter_map(|(id, name)| hay.rfind(name.as_str()).map(|p| (p + name.len(), name.len(), id.clone())))
            .max()
            .map(|(_, _, id)| id)
    }

    fn info(&self, t: &Target) -> Option<Info> {
        let zh_en = |l: &Text, zh: &str, en: &str| Text::new(format!("{}{zh}", l.zh), format!("{}{en}", l.en));
        match t {
            Target::Budget(id) | Target::Actual(id) | Target::Initial(id) => {
                let r = self.row(id)?;
                let l = self.row_label(id);
                let (v, label) = match t {
                    Target::Budget(_) => (r.budget?, zh_en(&l, "全年预算数", " budget")),
                    Target::Initial(_) => (r.initial?, zh_en(&l, "年初预算数", " initial budget")),
                    _ => (r.actual?, zh_en(&l, "执行数", " spending")),
                };
                let formula =
                    if r.derived { "合计减其余各行 / total − other rows".to_string() } else { "自评表 / table".to_string() };
                Some(Info { label, value: v, stated_only: false, formula })
            }
            Target::Rate(id) => {
                let r = self.row(id)?;
                let l = self.row_label(id);
                let label = if id == "total" { Text::new("总执行率", "the overall rate") } else { zh_en(&l, "执行率", " rate") };
                match (r.rate, r.budget, r.actual) {
                    (Some(x), Some(b), Some(a)) => Some(Info {
                        label,
                        value: x,
                        stated_only: false,
                        formula: format!("{} ÷ {} × 100", group_thousands(a, 2), group_thousands(b, 2)),
                    }),
                    _ => r.stated_rate.map(|s| Info { label, value: s, stated_only: true, formula: "自评表填报 / as stated".into() }),
                }
            }
            Target::Score(id) => {
                let n = self.ev.scores.node(id)?;
                Some(Info {
                    label: Text::new(
                        format!("{}得分", n.name),
                        format!("the {} score", if n.name_en.is_empty() { &n.name } else { &n.name_en }),
                    ),
                    value: n.score?,
                    stated_only: n.computed.is_none(),
                    formula: n.explain.zh.clone(),
                })
            }
            Target::Weight(id) => {
                let n = self.ev.scores.node(id)?;
                Some(Info {
                    label: Text::new(
                        format!("{}分值", n.name),
                        format!("the {} weight", if n.name_en.is_empty() { &n.name } else { &n.name_en }),
                    ),
                    value: n.effective_weight?,
                    stated_only: false,
                    formula: "评分标准 / rubric".into(),
                })
            }
            Target::Total => {
                let s = &self.ev.scores;
                Some(Info {
                    label: Text::new("自评总分", "the total score"),
                    value: s.total?,
                    stated_only: false,
                    formula: s.total_explain.zh.clone(),
                })
            }
            Target::FullMarks => {
                let w: Vec<Decimal> = self.ev.scores.nodes.iter().filter(|n| n.depth == 1).filter_map(|n| n.effective_weight).collect();
                if w.is_empty() {
                    return None;
                }
                Some(Info {
                    label: Text::new("满分", "full marks"),
                    value: w.iter().copied().sum(),
                    stated_only: false,
                    formula: "一级指标分值之和 / sum of level-1 weights".into(),
                })
            }
            Target::Adjustments => Some(Info {
                label: Text::new("其他加减分项", "the adjustments"),
                value: self.ev.scores.adjustments,
                stated_only: false,
                formula: "其他加减分项之和 / sum of adjustments".into(),
            }),
            Target::IndicatorWeight(id) | Target::IndicatorScore(id) => {
                let r = self.ev.indicator(id)?;
                let name = self.doc.indicators().map(|(_, i)| i).find(|i| i.id == *id)?.name.trim().to_string();
                if let Target::IndicatorWeight(_) = t {
                    Some(Info {
                        label: Text::new(format!("“{name}”分值"), format!("the weight of '{name}'")),
                        value: r.weight?,
                        stated_only: false,
                        formula: "自评表 / table".into(),
                    })
                } else {
                    let (value, stated_only) = match r.score {
                        Some(s) => (s, false),
                        None => (r.counted_score()?, true),
                    };
                    Some(Info {
                        label: Text::new(format!("“{name}”得分"), format!("the score of '{name}'")),
                        value,
                        stated_only,
                        formula: r.explain.zh.clone(),
                    })
                }
            }
            Target::IndicatorActual(id) | Target::IndicatorCompletion(id) | Target::IndicatorTarget(id) => {
                let r = self.ev.indicator(id)?;
                let ind = self.doc.indicators().map(|(_, i)| i).find(|i| i.id == *id)?;
                if let Target::IndicatorTarget(_) = t {
                    let v = r.target.or_else(|| scan::scan(&normalize(&ind.target), &self.units).first().map(|k| k.value))?;
                    Some(Info {
                        label: Text::new(format!("“{}”年度指标值", ind.name), format!("the target of '{}'", ind.name)),
                        value: v,
                        stated_only: true,
                        formula: ind.target.trim().to_string(),
                    })
                } else if matches!(t, Target::IndicatorActual(_)) {
                    Some(Info {
                        label: Text::new(format!("“{}”实际完成值", ind.name), format!("the actual value of '{}'", ind.name)),
                        value: r.actual?,
                        stated_only: false,
                        formula: "自评表 / table".into(),
                    })
                } else {
                    Some(Info {
                        label: Text::new(format!("“{}”完成率", ind.name), format!("the completion of '{}'", ind.name)),
                        value: r.completion?,
                        stated_only: false,
                        formula: r.explain.zh.clone(),
                    })
                }
            }
        }
    }

    /// The computed value expressed in the figure's unit (amounts converted).
    fn in_unit(&self, v: Decimal, tok: &Token) -> Decimal {
        match tok.unit {
            Unit::Amount(f) => v * Decimal::from(self.doc_unit) / Decimal::from(f),
            _ => v,
        }
    }

    fn matches(&self, info: &Info, tok: &Token) -> bool {
        matches_at_stated_precision(tok.value, self.in_unit(info.value, tok))
    }

    /// The computed value as it would be written in the figure's unit.
    fn show(&self, info: &Info, tok: &Token) -> String {
        let v = self.in_unit(info.value, tok);
        match tok.unit {
            Unit::Amount(_) => format!("{}{}", group_thousands(v, tok.value.scale().max(2)), tok.unit_text),
            Unit::Percent => format!("{}%", round_to(v, 2)),
            Unit::Score => format!("{}分", round_to(v, 2)),
            _ => format!("{}{}", v.normalize(), tok.unit_text),
        }
    }
}

struct Work {
    tok: Token,
    sentence: usize,
    clause_start: usize,
    claim: Option<Target>,
    strength: u8, // 2 clause, 1 sentence, 0 default
    status: Status,
    matched: Option<Target>,
    hint: Option<Text>,
    lead: Option<(String, Text)>,
    /// The figure is followed by 以上/以下 (a threshold).
    threshold_after: bool,
    /// What the figure was compared with when not a figure of the self-evaluation (a rate
    /// recomputed from the report's own amounts).
    own: Option<Info>,
}

/// Extracts every figure of `text`, matches each to the computed figure it claims to be and
/// returns the figures with the findings (see the module policy).
pub fn analyse(text: &str, doc: &SelfEvaluation, ev: &Evaluation) -> CrossCheck {
    let cx = Cx::new(doc, ev);
    let n = normalize(text);
    let toks = scan::scan(&n, &cx.units);
    let in_number = {
        let mut m = vec![false; n.chars.len()];
        for t in &toks {
            for x in m.iter_mut().take(t.num_end).skip(t.start) {
                *x = true;
            }
        }
        m
    };
    // Sentences as char ranges.
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut s0 = 0;
    for (i, c) in n.chars.iter().enumerate() {
        if is_sentence_end(*c) && !in_number[i] {
            sentences.push((s0, i + 1));
            s0 = i + 1;
        }
    }
    if s0 < n.chars.len() {
        sentences.push((s0, n.chars.len()));
    }
    let sentence_of = |at: usize| sentences.iter().position(|(a, b)| at >= *a && at < *b).unwrap_or(0);
    let clause_start = |at: usize, floor: usize| {
        let mut k = at;
        while k > floor {
            let c = n.chars[k - 1];
            if is_clause_end(c) && !in_number[k - 1] {
                break;
            }
            // A heading marker （一）… also starts a clause.
            if c == '）' && k >= floor + 3 && n.chars[k - 3] == '（' {
                break;
            }
            k -= 1;
        }
        k
    };

    let mut work: Vec<Work> = Vec::new();
    for tok in toks {
        let si = sentence_of(tok.start);
        let (sa, _) = sentences.get(si).copied().unwrap_or((0, 0));
        let cs = clause_start(tok.start, sa);
        let clause = n.slice(cs, tok.start);
        let before = n.slice(sa, tok.start);
        let after = n.slice(tok.end, tok.end + 3);
        let threshold_after = after.starts_with("以上") || after.starts_with("以下") || after.starts_with("以内");
        let mut w = Work {
            tok,
            sentence: si,
            clause_start: cs,
            claim: None,
            strength: 0,
            status: Status::Unmatched,
            matched: None,
            hint: None,
            lead: None,
            threshold_after,
            own: None,
        };
        classify(&cx, &mut w, &clause, &before, &work);
        work.push(w);
    }

    // Ambiguity of rates whose row is only implied.
    for k in 0..work.len() {
        if !(matches!(work[k].claim, Some(Target::Rate(_))) && work[k].strength < 2) {
            continue;
        }
        let si = work[k].sentence;
        // The scope is the sentence up to the figure, from its last ；.
        let (sa, _) = sentences.get(si).copied().unwrap_or((0, 0));
        let seg = (sa..work[k].tok.start).rev().find(|&i| matches!(n.chars[i], '；' | ';') && !in_number[i]).map(|i| i + 1).unwrap_or(sa);
        let mut rows_in_sentence: Vec<String> = Vec::new();
        for w in work[..k].iter().filter(|w| w.sentence == si && w.tok.start >= seg) {
            if let Some(Target::Budget(r) | Target::Actual(r) | Target::Initial(r)) = &w.claim {
                if !rows_in_sentence.contains(r) {
                    rows_in_sentence.push(r.clone());
                }
            }
        }
        let Some(Target::Rate(weak)) = work[k].claim.clone() else { continue };
        if rows_in_sentence.len() < 2 && !(rows_in_sentence.len() == 1 && rows_in_sentence[0] != weak) {
            continue;
        }
        let lead = rows_in_sentence[0].clone();
        let matching: Vec<String> = cx
            .rows
            .iter()
            .map(|r| r.id.clone())
            .filter(|id| cx.info(&Target::Rate(id.clone())).is_some_and(|i| cx.matches(&i, &work[k].tok)))
            .collect();
        if matching.contains(&lead) {
            work[k].claim = Some(Target::Rate(lead.clone()));
            work[k].matched = Some(Target::Rate(lead));
            work[k].status = Status::Matched;
        } else if matching.contains(&weak) {
            let li = cx.info(&Target::Rate(lead.clone()));
            let lead_amounts: Vec<String> = work[..k]
                .iter()
                .filter(|w| {
                    w.sentence == si
                        && w.tok.start >= seg
                        && matches!(&w.claim, Some(Target::Budget(r) | Target::Actual(r) | Target::Initial(r)) if *r == lead)
                })
                .map(|w| n.slice(w.tok.start, w.tok.end))
                .collect();
            let ll = cx.row_label(&lead);
            let lead_text = if lead_amounts.is_empty() {
                ll.clone()
            } else {
                Text::new(format!("{}数 {}", ll.zh, lead_amounts.join(" / ")), format!("{} {}", ll.en, lead_amounts.join(" / ")))
            };
            work[k].lead = Some((li.map(|i| format!("{}%", round_to(i.value, 2))).unwrap_or_else(|| "—".into()), lead_text));
            work[k].status = Status::Ambiguous;
            work[k].matched = Some(Target::Rate(weak));
        }
    }

    own_rates(&cx, &n, &mut work);

    // Figures and per-figure findings.
    let mut figures = Vec::new();
    let mut findings = Vec::new();
    for (k, w) in work.iter().enumerate() {
        let path = format!("report.text.{}", k + 1);
        let (sa, sb) = sentences.get(w.sentence).copied().unwrap_or((0, 0));
        let sentence = n.slice(sa, sb);
        let raw = n.written(w.tok.start, w.tok.end);
        let target = w.matched.clone().or(w.claim.clone());
        let info = w.own.clone().or_else(|| target.as_ref().and_then(|t| cx.info(t)));
        let quote = {
            let mut a = w.clause_start;
            if w.tok.start - a < 6 {
                a = clause_start(a.saturating_sub(1), sa);
            }
            let q = n.slice(a.max(sa), w.tok.end);
            if q.chars().count() > 48 {
                format!("…{}", q.chars().skip(q.chars().count() - 46).collect::<String>())
            } else {
                q
            }
        };
        let (start, end) = n.span(w.tok.start, w.tok.end);
        let kind = match w.tok.unit {
            Unit::Amount(_) => FigureKind::Amount,
            Unit::Percent => FigureKind::Percent,
            Unit::Points => FigureKind::Points,
            Unit::Score => FigureKind::Score,
            Unit::Count(_) => FigureKind::Count,
        };
        match (w.status, &info) {
            (Status::Mismatch, Some(i)) => findings.push(fire(
                "report.figure_mismatch",
                &path,
                &[
                    ("quote", quote.clone()),
                    ("stated", raw.clone()),
                    ("what_zh", i.label.zh.clone()),
                    ("what_en", i.label.en.clone()),
                    ("computed", cx.show(i, &w.tok)),
                    ("formula", i.formula.clone()),
                    ("hint_zh", w.hint.as_ref().map(|h| h.zh.clone()).unwrap_or_default()),
                    ("hint_en", w.hint.as_ref().map(|h| h.en.clone()).unwrap_or_default()),
                ],
            )),
            (Status::Ambiguous, Some(i)) => {
                let (lead_rate, lead) = w.lead.clone().unwrap_or_default();
                findings.push(fire(
                    "report.figure_ambiguous",
                    &path,
                    &[
                        ("quote", quote.clone()),
                        ("stated", raw.clone()),
                        ("lead_zh", lead.zh),
                        ("lead_en", lead.en),
                        ("lead_rate", lead_rate),
                        ("what_zh", i.label.zh.clone()),
                        ("what_en", i.label.en.clone()),
                        ("formula", i.formula.clone()),
                    ],
                ))
            }
            (Status::MatchedStated, Some(i)) if matches!(target, Some(Target::Rate(_))) => findings.push(fire(
                "report.figure_unverifiable",
                &path,
                &[("quote", quote.clone()), ("stated", raw.clone()), ("what_zh", i.label.zh.clone()), ("what_en", i.label.en.clone())],
            )),
            (Status::Difference, _) if w.tok.unit == Unit::Percent => {
                let clause = n.slice(w.clause_start, w.tok.start);
                if any_of(&clause, RATE_NOUNS)
                    && any_of(&clause, &COMPARE_WORDS[..COMPARE_WORDS.len() - 1])
                    && any_of(&clause, REFERENCE_WORDS)
                {
                    findings.push(fire("report.percent_vs_points", &path, &[("quote", quote.clone()), ("value", w.tok.value.to_string())]));
                }
            }
            _ => {}
        }
        figures.push(Figure {
            n: k + 1,
            path,
            start,
            end,
            raw,
            value: w.tok.value,
            kind,
            unit: w.tok.unit_text.clone(),
            sentence,
            sentence_n: w.sentence + 1,
            claim: w.claim.clone(),
            status: w.status,
            matched: if matches!(w.status, Status::Matched | Status::MatchedStated | Status::Ambiguous) { w.matched.clone() } else { None },
            label: info.as_ref().map(|i| i.label.clone()).unwrap_or_default(),
            computed: info.as_ref().filter(|_| w.status != Status::Difference).map(|i| cx.show(i, &w.tok)),
        });
    }

    findings.extend(sums(&cx, &work, &figures));
    findings.extend(counts::check(&n, &sentences));
    findings.extend(claims(&cx, &n, &sentences, &figures));
    findings.extend(grade_and_summary(&cx, &n, &sentences, &figures));
    CrossCheck { figures, findings }
}

/// A row's rate that the self-evaluation cannot recompute (it holds only the stated rate, or no
/// such row), stated in a report that also gives the row's 预算数 and 执行数 (a table of the
/// 收支情况, or a sentence): recomputed from those amounts, half-up to 2 dp, and compared at the
/// stated precision like any other figure.
fn own_rates(cx: &Cx, n: &Norm, work: &mut [Work]) {
    for k in 0..work.len() {
        let Some(Target::Rate(row)) = work[k].claim.clone() else { continue };
        if !matches!(work[k].status, Status::MatchedStated | Status::Unmatched) {
            continue;
        }
        // The row's first stated amounts, in 元.
        let amount = |t: Target| {
            work.iter().find(|w| w.claim.as_ref() == Some(&t) && w.status != Status::Difference).and_then(|w| match w.tok.unit {
                Unit::Amount(f) => w.tok.value.checked_mul(Decimal::from(f)).map(|v| (v, n.slice(w.tok.start, w.tok.end))),
                _ => None,
            })
        };
        let (Some((b, bt)), Some((a, at))) = (amount(Target::Budget(row.clone())), amount(Target::Actual(row.clone()))) else {
            continue;
        };
        let Some(rate) = crate::core::text::rounding::percent(a, b) else { continue };
        let l = cx.row_label(&row);
        work[k].own = Some(Info {
            label: Text::new(format!("按报告所列金额计算的{}执行率", l.zh), format!("the {} rate by the report's own amounts", l.en)),
            value: rate,
            stated_only: false,
            formula: format!("{at} ÷ {bt} × 100"),
        });
        work[k].matched = Some(Target::Rate(row));
        work[k].status = if matches_at_stated_precision(work[k].tok.value, rate) { Status::Matched } else { Status::Mismatch };
    }
}

/// Decides what a figure claims to be and how it compares.
fn classify(cx: &Cx, w: &mut Work, clause: &str, before: &str, earlier: &[Work]) {
    let tok = w.tok.clone();
    let compare = any_of(clause, COMPARE_WORDS) || (clause.contains('比') && clause.contains(['高', '低', '多', '少']));
    let threshold = any_of(clause, THRESHOLD_WORDS) || w.threshold_after;
    // Last year's figures and income (收入: the table holds spending) are no figure of this
    // self-evaluation: not compared, never a mismatch.
    if matches!(tok.unit, Unit::Amount(_) | Unit::Percent) && cx.find_row(clause).is_none() {
        let this_year = clause.replace("上年结转", "");
        let other_year = any_of(&this_year, OTHER_YEAR_WORDS);
        let income = clause.contains("收入") && !clause.contains("支出");
        if other_year || income {
            w.status = Status::Unmatched;
            return;
        }
    }
    match tok.unit {
        Unit::Points => {
            w.status = Status::Difference;
        }
        _ if compare || threshold => {
            w.status = Status::Difference;
        }
        Unit::Percent if any_of(clause, RATE_WORDS) || (any_of(clause, &["完成率"]) && clause.contains("预算")) => {
            let (row, strength) = match cx.find_row(clause) {
                Some((r, _)) => (r, 2),
                None => match cx.find_row(before) {
                    Some((r, _)) => (r, 1),
                    // A table with no detail rows has one rate, the total's: a 预算/支出 rate
                    // that names no row can only be it.
                    None if cx.doc.budget.rows.is_empty() && (clause.contains("预算") || clause.contains("支出")) => {
                        ("total".to_string(), 1)
                    }
                    None => ("total".to_string(), 0),
                },
            };
            w.claim = Some(Target::Rate(row));
            w.strength = strength;
            compare_claim(cx, w, |t| matches!(t, Target::Rate(_)));
        }
        Unit::Amount(_) => {
            let row = match cx.find_row(clause) {
                Some((r, _)) => Some((r, 2u8)),
                None => cx.find_row(before).map(|(r, _)| (r, 1)),
            };
            let measure_in = |hay: &str| -> Option<bool> {
                let a = last_of(hay, ACTUAL_WORDS);
                let b = last_of(hay, BUDGET_WORDS);
                match (a, b) {
                    (Some(x), Some(y)) => Some(x >= y),
                    (Some(_), None) => Some(true),
                    (None, Some(_)) => Some(false),
                    (None, None) => None,
                }
            };
            // 年初预算 named after any 全年/调整后 in the same words: the initial budget.
            let initial_in = |hay: &str| last_of(hay, &["年初"]) > last_of(hay, &["全年", "调整后"]);
            let (measure, mstrength, initial) = match measure_in(clause) {
                Some(m) => (Some(m), 2u8, initial_in(clause)),
                None => match measure_in(before) {
                    Some(m) => (Some(m), 1, initial_in(before)),
                    None => (None, 0, false),
                },
            };
            // The row: named in the clause, else the nearest earlier figure's row in the sentence
            // ("其中财政拨款预算数 …，支出决算数 …"), else the total.
            let (row, rstrength) = row.unwrap_or_else(|| {
                let prev = earlier.iter().rev().find(|e| {
                    e.sentence == w.sentence && matches!(e.claim, Some(Target::Budget(_) | Target::Actual(_) | Target::Initial(_)))
                });
                match prev.and_then(|e| e.claim.clone()) {
                    Some(Target::Budget(r) | Target::Actual(r) | Target::Initial(r)) => (r, 1),
                    _ => ("total".to_string(), 0),
                }
            });
            match measure {
                Some(actual) => {
                    w.claim = Some(if actual {
                        Target::Actual(row)
                    } else if initial {
                        Target::Initial(row)
                    } else {
                        Target::Budget(row)
                    });
                    // A row taken by default (none named in the sentence) is a weak reading.
                    w.strength = if rstrength == 0 {
                        0
                    } else if mstrength == 2 || rstrength == 2 {
                        2
                    } else {
                        1
                    };
                    compare_claim(cx, w, |t| matches!(t, Target::Budget(_) | Target::Actual(_) | Target::Initial(_)));
                    // Neither the row nor the kind of amount is named in the figure's own clause
                    // ("其中市级…260万元，隆阳区承担65万元", "（含…项目1个，50万元）"): a part of
                    // something, not a misstatement of the table's amount.
                    if rstrength < 2 && mstrength < 2 && w.status == Status::Mismatch {
                        w.claim = None;
                        w.status = Status::Unmatched;
                    }
                }
                None => {
                    // No word says which amount: accept a value that is one of the row's amounts.
                    for t in [Target::Budget(row.clone()), Target::Actual(row)] {
                        if cx.info(&t).is_some_and(|i| cx.matches(&i, &tok)) {
                            w.claim = Some(t.clone());
                            w.matched = Some(t);
                            w.status = Status::Matched;
                            break;
                        }
                    }
                }
            }
        }
        Unit::Score => {
            // A row of an indicator table names the indicator: its weight or its score. A rubric
            // item named at least as fully ("满意度" the item, "满意度" an indicator) keeps the claim.
            let weight_words = clause.contains("满分") || clause.contains("分值") || clause.contains("权重");
            let node_len =
                cx.nodes.iter().filter(|(_, name)| clause.contains(name.as_str())).map(|(_, name)| name.len()).max().unwrap_or(0);
            let named = cx
                .doc
                .indicators()
                .map(|(_, i)| (i.name.trim(), i.id.as_str()))
                .filter(|(n, _)| n.chars().count() >= 2 && n.len() > node_len && clause.contains(n))
                .max_by_key(|(n, _)| n.len());
            let claim = if let Some((_, id)) = named {
                Some(if weight_words { Target::IndicatorWeight(id.to_string()) } else { Target::IndicatorScore(id.to_string()) })
            } else if weight_words {
                Some(match cx.find_node(clause) {
                    Some(id) => Target::Weight(id),
                    None => Target::FullMarks,
                })
            } else if clause.contains("加减分") {
                Some(Target::Adjustments)
            } else if let Some(id) = cx.find_node(clause) {
                Some(Target::Score(id))
            } else if any_of(clause, &["总分", "总得分", "综合得分", "自评得分", "得分为"]) {
                Some(Target::Total)
            } else {
                None
            };
            if let Some(c) = claim {
                w.claim = Some(c);
                w.strength = 2;
                compare_claim(cx, w, |t| {
                    matches!(
                        t,
                        Target::Score(_)
                            | Target::Total
                            | Target::FullMarks
                            | Target::Weight(_)
                            | Target::Adjustments
                            | Target::IndicatorWeight(_)
                            | Target::IndicatorScore(_)
                    )
                });
            }
        }
        Unit::Percent | Unit::Count(_) => indicator(cx, w, clause, before),
    }
}

/// Compares a claimed figure; on a mismatch, names the figure of the same family the value is.
fn compare_claim(cx: &Cx, w: &mut Work, family: impl Fn(&Target) -> bool) {
    let Some(claim) = w.claim.clone() else { return };
    let Some(info) = cx.info(&claim) else {
        w.status = Status::Unmatched;
        return;
    };
    if cx.matches(&info, &w.tok) {
        w.matched = Some(claim);
        w.status = if info.stated_only { Status::MatchedStated } else { Status::Matched };
        return;
    }
    // Which other figure of the family is it?
    let mut others: Vec<Target> = Vec::new();
    for r in &cx.rows {
        others.extend([
            Target::Rate(r.id.clone()),
            Target::Budget(r.id.clone()),
            Target::Actual(r.id.clone()),
            Target::Initial(r.id.clone()),
        ]);
    }
    for n in &cx.ev.scores.nodes {
        others.extend([Target::Score(n.id.clone()), Target::Weight(n.id.clone())]);
    }
    others.extend([Target::Total, Target::FullMarks, Target::Adjustments]);
    let other = others.into_iter().filter(|t| *t != claim && family(t)).find(|t| cx.info(t).is_some_and(|i| cx.matches(&i, &w.tok)));
    if w.strength == 0 && other.is_some() {
        // Only a default reading: the value is another figure; take it as that.
        w.matched = other.clone();
        w.claim = other;
        w.status = Status::Matched;
        return;
    }
    if w.strength == 0 && !close(&info, &w.tok, cx) {
        // Only a default reading and far from it: another amount or rate (a project's), not a
        // misstatement of this one.
        w.claim = None;
        w.status = Status::Unmatched;
        return;
    }
    w.status = Status::Mismatch;
    if let Some(o) = other.and_then(|t| cx.info(&t)) {
        w.hint = Some(Text::new(format!("；{} 是{}", w.tok.value, o.label.zh), format!("; {} is {}", w.tok.value, o.label.en)));
    }
}

/// Whether a stated figure is near enough to a computed one to be a misstatement of it (a typo
/// or a swapped digit keeps the magnitude): amounts within 10%, percentages within 5 points.
fn close(info: &Info, tok: &Token, cx: &Cx) -> bool {
    let c = cx.in_unit(info.value, tok);
    match tok.unit {
        Unit::Percent => (tok.value - c).abs() <= Decimal::from(5),
        _ => !c.is_zero() && ((tok.value - c) / c).abs() <= Decimal::new(1, 1),
    }
}

/// Matches a percentage or a count to an indicator by name and unit.
fn indicator(cx: &Cx, w: &mut Work, clause: &str, before: &str) {
    let tok = &w.tok;
    let clause_c: Vec<char> = clause.chars().collect();
    let before_c: Vec<char> = before.chars().collect();
    let mut cands: Vec<(usize, usize, bool, &str)> = Vec::new();
    for (_, i) in cx.doc.indicators() {
        let unit = i.unit.trim();
        let ok = match tok.unit {
            Unit::Percent => unit == "%" || i.direction != crate::core::document::format::direction::QUALITATIVE,
            Unit::Count(k) => cx.units.get(k).is_some_and(|u| u == unit),
            _ => false,
        };
        if !ok {
            continue;
        }
        let name: Vec<char> = i.name.trim().chars().collect();
        if name.is_empty() {
            continue;
        }
        let l = lcs(&clause_c, &name);
        let lb = lcs(&before_c, &name);
        if l < 2 && lb < 3 {
            continue;
        }
        let strong = clause.contains(i.name.trim()) || (l >= 4 && l * 10 >= name.len() * 6);
        cands.push((l, lb, strong, i.id.as_str()));
    }
    cands.sort_by_key(|c| std::cmp::Reverse((c.0, c.1)));
    let targets = |id: &str| -> Vec<Target> {
        if tok.unit == Unit::Percent {
            vec![Target::IndicatorActual(id.to_string()), Target::IndicatorCompletion(id.to_string())]
        } else {
            vec![Target::IndicatorActual(id.to_string())]
        }
    };
    // Qualitative indicators state their target in words ("大于1.2万元/生"): a figure equal to a
    // number in it is that target.
    let in_target_text = |id: &str| -> bool {
        cx.doc.indicators().map(|(_, i)| i).find(|i| i.id == id).is_some_and(|i| {
            let n = normalize(&i.target);
            scan::scan(&n, &cx.units).iter().any(|t| t.value == tok.value) || i.target.contains(&tok.value.to_string())
        })
    };
    for (k, (_, _, strong, id)) in cands.iter().enumerate() {
        for t in targets(id) {
            if cx.info(&t).is_some_and(|i| cx.matches(&i, tok)) {
                w.claim = Some(t.clone());
                w.matched = Some(t);
                w.status = Status::Matched;
                w.strength = if *strong { 2 } else { 1 };
                return;
            }
        }
        if in_target_text(id) {
            w.claim = Some(Target::IndicatorTarget(id.to_string()));
            w.matched = w.claim.clone();
            w.status = Status::MatchedStated;
            return;
        }
        if k == 0 && *strong {
            let t = targets(id).remove(0);
            if cx.info(&t).is_some() {
                w.claim = Some(t);
                w.strength = 2;
                w.status = Status::Mismatch;
                return;
            }
        }
    }
}

/// Totals stated with all their parts must add up.
fn sums(cx: &Cx, work: &[Work], figures: &[Figure]) -> Vec<Finding> {
    let mut out = Vec::new();
    let first = |t: &Target| -> Option<usize> { work.iter().position(|w| w.claim.as_ref() == Some(t) && w.status != Status::Difference) };
    let to_doc = |w: &Work| -> Decimal {
        match w.tok.unit {
            Unit::Amount(f) => w.tok.value * Decimal::from(f) / Decimal::from(cx.doc_unit),
            _ => w.tok.value,
        }
    };
    let tolerance = |parts: usize, dp: u32| Decimal::new(5, dp + 1) * Decimal::from(parts as u64);
    // Budget amounts by group.
    for measure in [true, false] {
        let mk = |id: &str| if measure { Target::Actual(id.to_string()) } else { Target::Budget(id.to_string()) };
        let Some(ti) = first(&mk("total")) else { continue };
        for g in [group::SOURCE, group::TYPE] {
            let ids: Vec<&str> = cx.rows.iter().filter(|r| r.group == g).map(|r| r.id.as_str()).collect();
            if ids.len() < 2 {
                continue;
            }
            let parts: Option<Vec<usize>> = ids.iter().map(|id| first(&mk(id))).collect();
            let Some(parts) = parts else { continue };
            let sum: Decimal = parts.iter().map(|&k| to_doc(&work[k])).sum();
            let total = to_doc(&work[ti]);
            let dp = parts.iter().chain(std::iter::once(&ti)).map(|&k| work[k].tok.value.scale()).max().unwrap_or(2);
            if (sum - total).abs() > tolerance(parts.len(), dp) {
                let unit = if cx.doc_unit == 1 { "元" } else { "万元" };
                out.push(fire(
                    "report.sum_mismatch",
                    &figures[ti].path,
                    &[
                        ("total_zh", if measure { "执行数合计".into() } else { "全年预算数合计".into() }),
                        ("total_en", if measure { "total spending".into() } else { "total budget".into() }),
                        ("total", format!("{}{unit}", group_thousands(total, 2))),
                        ("sum", format!("{}{unit}", group_thousands(sum, 2))),
                        ("parts", parts.iter().map(|&k| figures[k].raw.clone()).collect::<Vec<_>>().join(" + ")),
                    ],
                ));
            }
        }
    }
    // Scores: total = Σ level-1 + adjustments.
    if let Some(ti) = first(&Target::Total) {
        let level1: Vec<&str> = cx.ev.scores.nodes.iter().filter(|n| n.depth == 1).map(|n| n.id.as_str()).collect();
        let parts: Option<Vec<usize>> = level1.iter().map(|id| first(&Target::Score(id.to_string()))).collect();
        if let (Some(parts), false) = (parts, level1.is_empty()) {
            let adj = first(&Target::Adjustments).map(|k| work[k].tok.value).unwrap_or(cx.ev.scores.adjustments);
            let sum: Decimal = parts.iter().map(|&k| work[k].tok.value).sum::<Decimal>() + adj;
            let total = work[ti].tok.value;
            let dp = parts.iter().chain(std::iter::once(&ti)).map(|&k| work[k].tok.value.scale()).max().unwrap_or(2);
            if (sum - total).abs() > tolerance(parts.len() + 1, dp) {
                let mut p: Vec<String> = parts.iter().map(|&k| figures[k].raw.clone()).collect();
                if !adj.is_zero() {
                    p.push(format!("{adj}分"));
                }
                out.push(fire(
                    "report.sum_mismatch",
                    &figures[ti].path,
                    &[
                        ("total_zh", "总分".into()),
                        ("total_en", "total score".into()),
                        ("total", figures[ti].raw.clone()),
                        ("sum", format!("{}分", round_to(sum, dp.max(2)))),
                        ("parts", p.join(" + ")),
                    ],
                ));
            }
        }
    }
    out
}

/// "均已完成" and "无其他加减分项" against the data.
fn claims(cx: &Cx, n: &Norm, sentences: &[(usize, usize)], figures: &[Figure]) -> Vec<Finding> {
    let mut out = Vec::new();
    let phrases = &thresholds::get().all_met_phrases;
    let inds: Vec<(&crate::core::document::format::Task, &crate::core::document::format::Indicator)> = cx.doc.indicators().collect();
    for (si, &(a, b)) in sentences.iter().enumerate() {
        let s = n.slice(a, b);
        let sentence_figs: Vec<&Figure> = figures.iter().filter(|f| f.sentence_n == si + 1).collect();
        let path = |f: Option<&&Figure>| f.map(|f| f.path.clone()).unwrap_or_else(|| format!("report.text.s{}", si + 1));
        for p in phrases {
            let Some(at) = s.find(p.as_str()) else { continue };
            // The claim's scope: its clause before the phrase, generic words removed.
            let head = &s[..at];
            let cut = head
                .rfind(['，', '；', '：', '。', '）'])
                .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0)
                .max(after_heading(head));
            let mut scope = head[cut..].to_string();
            for g in GENERIC {
                scope = scope.replace(g, " ");
            }
            let scope_c: Vec<char> = scope.chars().filter(|c| !c.is_whitespace()).collect();
            let mut short: Vec<(String, String)> = Vec::new();
            for ((t, i), r) in inds.iter().zip(cx.ev.indicators.iter()) {
                if !r.shortfall {
                    continue;
                }
                let stated_here = sentence_figs
                    .iter()
                    .any(|f| matches!(&f.matched, Some(Target::IndicatorActual(id) | Target::IndicatorCompletion(id)) if *id == i.id));
                let name_c: Vec<char> = i.name.chars().collect();
                let task_c: Vec<char> = t.name.chars().collect();
                let in_scope = scope_c.len() < 2 || lcs(&scope_c, &name_c) >= 2 || lcs(&scope_c, &task_c) >= 2;
                if stated_here || in_scope {
                    short.push((i.name.clone(), crate::core::check::rules::indicator::completion_text(r, false)));
                }
            }
            if !short.is_empty() {
                let fig =
                    sentence_figs.iter().find(|f| matches!(&f.matched, Some(Target::IndicatorActual(_) | Target::IndicatorCompletion(_))));
                let list_zh: Vec<String> = short.iter().map(|(nm, c)| format!("“{nm}”仅完成 {c}")).collect();
                let list_en: Vec<String> = short.iter().map(|(nm, c)| format!("'{nm}' is at {c}")).collect();
                out.push(fire(
                    "report.claim_contradicted",
                    &path(fig),
                    &[("quote", quote_of(&s, at, p.len())), ("fact_zh", list_zh.join("；")), ("fact_en", list_en.join("; "))],
                ));
            }
            break;
        }
        for p in ["无其他加减分", "无加减分", "没有其他加减分"] {
            if let Some(at) = s.find(p) {
                let adj = cx.ev.scores.adjustments;
                if !adj.is_zero() {
                    out.push(fire(
                        "report.claim_contradicted",
                        &path(sentence_figs.first()),
                        &[
                            ("quote", quote_of(&s, at, p.len())),
                            ("fact_zh", format!("其他加减分项合计 {adj} 分")),
                            ("fact_en", format!("the adjustments add up to {adj}")),
                        ],
                    ));
                }
                break;
            }
        }
    }
    out
}

fn quote_of(s: &str, at: usize, len: usize) -> String {
    let start = s[..at].rfind(['，', '；', '。', '）']).map(|i| i + 3).unwrap_or(0).max(after_heading(&s[..at]));
    let end = s[at + len..].find(['，', '；', '。']).map(|i| at + len + i).unwrap_or(s.len());
    let q = &s[start.min(at)..end];
    if q.chars().count() > 60 {
        q.chars().take(60).collect::<String>() + "…"
    } else {
        q.to_string()
    }
}

/// The stated grade, a missing grade, and key figures missing from the report.
fn grade_and_summary(cx: &Cx, n: &Norm, sentences: &[(usize, usize)], figures: &[Figure]) -> Vec<Finding> {
    let mut out = Vec::new();
    let s = &cx.ev.scores;
    let has_total = figures.iter().any(|f| f.claim == Some(Target::Total));
    let mut stated_grade = None;
    for (si, &(a, b)) in sentences.iter().enumerate() {
        let text = n.slice(a, b);
        if let Some(at) = text.find("等级") {
            let after: String = text[at + "等级".len()..].chars().filter(|c| !"为是：:“”\"'「」".contains(*c)).take(2).collect();
            let one: String = after.chars().take(1).collect();
            let found = Grade::parse(&after).map(|g| (g, after.clone())).or_else(|| Grade::parse(&one).map(|g| (g, one)));
            if let Some((g, raw)) = found {
                stated_grade = Some((g, si, raw));
                break;
            }
        }
    }
    if let (Some(total), Some(grade)) = (s.total, s.grade) {
        match &stated_grade {
            Some((g, si, raw)) if *g != grade => out.push(fire(
                "report.grade_mismatch",
                &format!("report.text.s{}", si + 1),
                &[("stated", raw.clone()), ("total", total.to_string()), ("grade_zh", grade.label().zh), ("grade_en", grade.label().en)],
            )),
            None if has_total && thresholds::grade_required(&cx.ev.rubric.region) => out.push(fire(
                "report.grade_missing",
                "report.text",
                &[("total", total.to_string()), ("grade_zh", grade.label().zh), ("grade_en", grade.label().en)],
            )),
            _ => {}
        }
    }
    let mut keys = vec![Target::Total, Target::Rate("total".into())];
    keys.extend(s.nodes.iter().filter(|n| n.depth == 1).map(|n| Target::Score(n.id.clone())));
    for t in keys {
        // A level-1 item whose weight moved elsewhere (no 满意度 indicator: its points go to 产出)
        // has nothing to state; a rate of 0 ÷ 0 neither.
        let absent = match &t {
            Target::Score(id) => s.node(id).is_none_or(|n| n.effective_weight.is_none_or(|w| w.is_zero())),
            Target::Rate(id) => cx.row(id).is_none_or(|r| r.not_applicable),
            _ => false,
        };
        if absent {
            continue;
        }
        let Some(i) = cx.info(&t) else { continue };
        let stated = figures.iter().any(|f| f.claim.as_ref() == Some(&t) || f.matched.as_ref() == Some(&t));
        if !stated {
            let shown = match t {
                Target::Rate(_) => format!("{}%", round_to(i.value, 2)),
                _ => format!("{}", round_to(i.value, 2)),
            };
            // The unit's own figure (a judged score, a rate typed without amounts) is not computed.
            let (basis_zh, basis_en) = if i.stated_only { ("填报值", "stated") } else { ("计算值", "computed") };
            out.push(fire(
                "report.summary_missing",
                "report.text",
                &[
                    ("what_zh", i.label.zh),
                    ("what_en", i.label.en),
                    ("basis_zh", basis_zh.into()),
                    ("basis_en", basis_en.into()),
                    ("computed", shown),
                ],
            ));
        }
    }
    out
}
