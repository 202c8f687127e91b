//! 自评结论综述: the total, the grade, the rubric's parts and every shortfall with its 偏差原因 and
//! 改进措施.

use super::writer::W;
use super::{fixed2, plain, strip_end, Block, Table, TODO_EN, TODO_ZH};
use crate::document::format::group;
use crate::text::lang::Lang;
use crate::text::number::is_blank;
use rust_decimal::Decimal;

pub(super) fn summary_blocks(w: &mut W) -> Vec<Block> {
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
                if !crate::text::rounding::matches_at_stated_precision(st, t) {
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
