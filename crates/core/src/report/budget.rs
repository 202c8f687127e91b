//! 部门整体收支情况: the budget table, the execution rates and a paragraph per row short of 100%.

use super::writer::W;
use super::{amount, fixed2, strip_end, Block, Table, TODO_EN, TODO_ZH};
use crate::check::budget::RowResult;
use crate::document::format::group;
use crate::text::number::is_blank;
use rust_decimal::Decimal;

pub(super) fn budget_blocks(w: &mut W) -> Vec<Block> {
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
