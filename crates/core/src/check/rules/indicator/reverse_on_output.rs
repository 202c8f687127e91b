//! `indicator.reverse_on_output`: "≤" on a 数量 output that is to be maximised.
//!
//! - **What**: "开展示范村建设数量 ≤4": building none would score full. A ceiling named as such
//!   (事故、投诉、超支 … [`CEILING_WORDS`]), a rate (a % target: 差错率 ≤5%) and a deduction
//!   (control-rate) indicator are not questioned.
//! - **Why**: a quantity output states what is to be delivered; "at most" rewards delivering less.
//! - **Source**: 《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：数量指标反映预期提供的产品和服务数量，应与目标相匹配.

use super::pairs;
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::{direction, path};
use crate::text::words::{category_of, split_bound};

/// Words in a quantity output's name that make it a ceiling (fewer is better), so "≤" is right.
pub const CEILING_WORDS: &[&str] = &[
    "事故",
    "投诉",
    "差错",
    "违规",
    "违法",
    "违纪",
    "超标",
    "超期",
    "逾期",
    "超支",
    "损失",
    "故障",
    "伤亡",
    "死亡",
    "隐患",
    "不合格",
    "失误",
    "延误",
    "返工",
    "成本",
    "费用",
    "价格",
    "单价",
    "能耗",
    "排放",
    "发生",
    "上访",
];

/// "≤" on an output to be maximised.
#[derive(Debug)]
pub struct ReverseOnOutput {
    /// The indicator's name.
    pub name: String,
    /// Its target with the sign ("≤4").
    pub target: String,
}

violation!(ReverseOnOutput = "indicator.reverse_on_output" { name, target });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    pairs(ctx)
        .filter(|(r, i)| {
            r.direction == direction::AT_MOST
                && !crate::text::words::is_deduct(&i.scoring)
                && !i.unit.contains('%')
                && !i.target.contains(['%', '％'])
                && category_of(&i.category) == Some("产出-数量")
                && !CEILING_WORDS.iter().any(|w| i.name.contains(w))
        })
        .map(|(r, i)| {
            let target = if i.target.trim_start().starts_with(['≤', '≦', '<']) || split_bound(&i.target).is_some() {
                i.target.trim().to_string()
            } else {
                format!("≤{}", i.target.trim())
            };
            Finding::of(path::indicator(&r.task, &r.id, "direction"), ReverseOnOutput { name: i.name.clone(), target })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    fn at_most_100(d: &mut crate::document::format::SelfEvaluation) {
        i1(d).target = "≤100".into();
        i1(d).unit = "人".into();
        i1(d).direction.clear();
    }

    #[test]
    fn fires_on_a_sign_in_the_target_of_a_quantity() {
        fires(&with(at_most_100), "indicator.reverse_on_output", "tasks.t1.indicators.i1.direction", &["体检计划完成率", "≤100"]);
    }

    #[test]
    fn quiet_on_a_ceiling_named_as_such() {
        let f = with(|d| {
            at_most_100(d);
            i1(d).name = "安全事故起数".into();
        });
        quiet(&f, "indicator.reverse_on_output");
    }
}
