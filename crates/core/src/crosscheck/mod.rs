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
//!   ([`crate::text::rounding::matches_at_stated_precision`]; amounts converted between 元, 万元 and
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

mod classify;
mod computed;
pub mod counts;
mod lexicon;
mod rules;
pub mod scan;
pub mod table;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::evaluate::Evaluation;
use crate::check::finding::Finding;
use crate::check::rules::catalogue::fire;
use crate::document::format::SelfEvaluation;
use crate::text::lang::Text;
use crate::text::rounding::round_to;
use classify::{classify, own_rates, sentence_rates, Work};
use computed::Cx;
use lexicon::{any_of, COMPARE_WORDS, RATE_NOUNS, REFERENCE_WORDS};
use rules::{claims, grade_and_summary, sums};
use scan::{is_clause_end, is_sentence_end, normalize, Unit};

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
    sentence_rates(&n, &mut work);

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
