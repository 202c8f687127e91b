//! The `report.*` rules over several figures or the whole text: totals and their parts (`sums`),
//! "均已完成"-type claims (`claims`), the stated grade and the 自评结论综述 (`grade_and_summary`).

use super::classify::Work;
use super::computed::Cx;
use super::lexicon::{after_heading, lcs, GENERIC};
use super::scan::{Norm, Unit};
use super::{Figure, Status, Target};
use crate::check::finding::Finding;
use crate::check::grade::Grade;
use crate::check::rules::catalogue::fire;
use crate::check::rules::thresholds;
use crate::document::format::group;
use crate::text::rounding::{group_thousands, round_to};
use rust_decimal::Decimal;

/// Totals stated with all their parts must add up.
pub(super) fn sums(cx: &Cx, work: &[Work], figures: &[Figure]) -> Vec<Finding> {
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
                        ("what_zh", if measure { "执行数合计".into() } else { "全年预算数合计".into() }),
                        ("what_en", if measure { "total spending".into() } else { "total budget".into() }),
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
                        ("what_zh", "总分".into()),
                        ("what_en", "total score".into()),
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
pub(super) fn claims(cx: &Cx, n: &Norm, sentences: &[(usize, usize)], figures: &[Figure]) -> Vec<Finding> {
    let mut out = Vec::new();
    let phrases = &thresholds::get().all_met_phrases;
    let inds: Vec<(&crate::document::format::Task, &crate::document::format::Indicator)> = cx.doc.indicators().collect();
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
                    short.push((i.name.clone(), crate::check::rules::indicator::completion_text(r, false)));
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

pub(super) fn quote_of(s: &str, at: usize, len: usize) -> String {
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
pub(super) fn grade_and_summary(cx: &Cx, n: &Norm, sentences: &[(usize, usize)], figures: &[Figure]) -> Vec<Finding> {
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
