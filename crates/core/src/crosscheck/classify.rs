//! What each figure claims to be and how it compares with the computed one: the keywords of its
//! clause (`classify`, `compare_claim`), an indicator named around it (`indicator`), a rate
//! recomputed from the report's own amounts (`own_rates`).

use super::computed::{Cx, Info};
use super::lexicon::{any_of, last_of, lcs, ACTUAL_WORDS, BUDGET_WORDS, COMPARE_WORDS, OTHER_YEAR_WORDS, RATE_WORDS, THRESHOLD_WORDS};
use super::scan;
use super::scan::{normalize, Norm, Token, Unit};
use super::{Status, Target};
use crate::text::lang::Text;
use crate::text::rounding::matches_at_stated_precision;
use rust_decimal::Decimal;

/// A figure of the text while it is classified: its token, where it stands, what it claims to be
/// and how it compared.
pub(super) struct Work {
    pub(super) tok: Token,
    pub(super) sentence: usize,
    pub(super) clause_start: usize,
    pub(super) claim: Option<Target>,
    pub(super) strength: u8, // 2 clause, 1 sentence, 0 default
    pub(super) status: Status,
    pub(super) matched: Option<Target>,
    pub(super) hint: Option<Text>,
    pub(super) lead: Option<(String, Text)>,
    /// The figure is followed by 以上/以下 (a threshold).
    pub(super) threshold_after: bool,
    /// What the figure was compared with when not a figure of the self-evaluation (a rate
    /// recomputed from the report's own amounts).
    pub(super) own: Option<Info>,
}

/// A row's rate that the self-evaluation cannot recompute (it holds only the stated rate, or no
/// such row), stated in a report that also gives the row's 预算数 and 执行数 (a table of the
/// 收支情况, or a sentence): recomputed from those amounts, half-up to 2 dp, and compared at the
/// stated precision like any other figure.
pub(super) fn own_rates(cx: &Cx, n: &Norm, work: &mut [Work]) {
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
        let Some(rate) = crate::text::rounding::percent(a, b) else { continue };
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

/// A 完成率 / 执行率 that is no figure of the self-evaluation (income, 收入: the table holds
/// spending), stated in a sentence that gives its own 预算 and 决算 (or 执行 / 实际) amounts of the
/// same thing before it ("年初预算收入785.59万元，决算收入885.63万元，年初预算收入完成率为100%"):
/// recomputed as 决算 ÷ 预算 from those amounts and compared at the stated precision, like a row's
/// rate by the report's own amounts. The amounts are the last ones before the rate in the sentence
/// whose clauses say 预算 (not 决算) and 决算 / 执行 / 实际; any other figure in between (a third
/// amount, a count) makes the sentence too loose to pair, and it is left alone.
pub(super) fn sentence_rates(n: &Norm, work: &mut [Work]) {
    for k in 0..work.len() {
        if work[k].tok.unit != Unit::Percent || work[k].status != Status::Unmatched || work[k].own.is_some() {
            continue;
        }
        let clause = n.slice(work[k].clause_start, work[k].tok.start);
        if !any_of(&clause, &["完成率", "执行率"]) {
            continue;
        }
        let before: Vec<&Work> = work[..k].iter().filter(|w| w.sentence == work[k].sentence).collect();
        if before.len() != 2 || before.iter().any(|w| !matches!(w.tok.unit, Unit::Amount(_))) {
            continue;
        }
        let said = |w: &Work| n.slice(w.clause_start, w.tok.start);
        let is_budget = |w: &Work| {
            let c = said(w);
            c.contains("预算") && !c.contains("决算")
        };
        let is_actual = |w: &Work| any_of(&said(w), &["决算", "执行", "实际", "完成"]);
        let (b, a) = (before[0], before[1]);
        if !(is_budget(b) && is_actual(a) && !is_budget(a)) {
            continue;
        }
        let amount = |w: &Work| match w.tok.unit {
            Unit::Amount(f) => w.tok.value.checked_mul(Decimal::from(f)),
            _ => None,
        };
        let (Some(bv), Some(av)) = (amount(b), amount(a)) else { continue };
        let Some(rate) = crate::text::rounding::percent(av, bv) else { continue };
        let (bt, at) = (n.slice(b.tok.start, b.tok.end), n.slice(a.tok.start, a.tok.end));
        work[k].own = Some(Info {
            label: Text::new("按同句所列金额计算的完成率", "the rate by the sentence's own amounts"),
            value: rate,
            stated_only: false,
            formula: format!("{at} ÷ {bt} × 100"),
        });
        work[k].status = if matches_at_stated_precision(work[k].tok.value, rate) { Status::Matched } else { Status::Mismatch };
    }
}

/// Decides what a figure claims to be and how it compares.
pub(super) fn classify(cx: &Cx, w: &mut Work, clause: &str, before: &str, earlier: &[Work]) {
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
pub(super) fn compare_claim(cx: &Cx, w: &mut Work, family: impl Fn(&Target) -> bool) {
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
pub(super) fn close(info: &Info, tok: &Token, cx: &Cx) -> bool {
    let c = cx.in_unit(info.value, tok);
    match tok.unit {
        Unit::Percent => (tok.value - c).abs() <= Decimal::from(5),
        _ => !c.is_zero() && ((tok.value - c) / c).abs() <= Decimal::new(1, 1),
    }
}

/// Matches a percentage or a count to an indicator by name and unit.
pub(super) fn indicator(cx: &Cx, w: &mut Work, clause: &str, before: &str) {
    let tok = &w.tok;
    let clause_c: Vec<char> = clause.chars().collect();
    let before_c: Vec<char> = before.chars().collect();
    let mut cands: Vec<(usize, usize, bool, &str)> = Vec::new();
    for (_, i) in cx.doc.indicators() {
        let unit = i.unit.trim();
        let ok = match tok.unit {
            Unit::Percent => unit == "%" || i.direction != crate::document::format::direction::QUALITATIVE,
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
