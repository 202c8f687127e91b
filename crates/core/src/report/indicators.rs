//! 各项工作任务绩效目标完成情况: the indicator table per task, with targets as parsed.

use super::writer::W;
use super::{fixed2, plain, strip_end, Block, TODO_EN, TODO_ZH};
use crate::check::indicator::IndicatorResult;
use crate::document::format::{direction, Indicator};
use crate::document::vocab::Tier;
use crate::text::lang::Lang;
use crate::text::number::is_blank;

/// "目标值 ≥ 100%" / "target ≥ 100%", from the parsed target.
pub(super) fn target_text(i: &Indicator, r: &IndicatorResult, zh: bool) -> String {
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

pub(super) fn indicator_blocks(w: &mut W) -> Vec<Block> {
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
                let tier =
                    r.tier.and_then(Tier::at).map(|t| t.name(if zh { Lang::Zh } else { Lang::En })).unwrap_or_else(|| i.actual.trim());
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
            let tier = r.tier.and_then(Tier::at).map(|t| t.name(if zh { Lang::Zh } else { Lang::En })).unwrap_or("");
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
