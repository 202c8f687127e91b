//! `score.weights_sum`: weights that do not add up.
//!
//! - **What**: level-1 weights that do not add up to 100, children that do not add up to their
//!   parent, indicators attached to an item whose weights do not add up to its weight.
//! - **Why**: a rubric whose weights do not add up scores out of the wrong total.
//! - **Source**: 算术校验：各级指标分值之和等于上级分值，一级指标合计 100 分 / arithmetic.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding, Plain};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::{Lang, Text};
use crate::text::rounding::checked_sum;

/// Weights under a parent that do not add up.
#[derive(Debug)]
pub struct WeightsSum {
    /// The parent: 一级指标, an item, or the indicators of an item.
    pub parent: Text,
    /// The weights' sum.
    pub sum: Plain,
    /// What they should add up to.
    pub expected: Plain,
}

violation!(WeightsSum = "score.weights_sum" { parent, sum, expected });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let nodes = &ctx.scores.nodes;
    let level1: Vec<Option<Decimal>> = nodes.iter().filter(|n| n.depth == 1).map(|n| n.weight).collect();
    if !level1.is_empty() && level1.iter().all(Option::is_some) {
        let sum = checked_sum(level1.iter().flatten().copied());
        if let Some(sum) = sum.filter(|s| *s != Decimal::ONE_HUNDRED) {
            let first = nodes.iter().find(|n| n.depth == 1).map(|n| n.id.as_str()).unwrap_or("");
            let v =
                WeightsSum {
                    parent: Text::new("一级指标", "level-1 indicators"), sum: Plain(sum), expected: Plain(Decimal::ONE_HUNDRED)
                };
            out.push(Finding::of(path::rubric_weight(first), v));
        }
    }
    for p in nodes.iter().filter(|n| !n.leaf) {
        let kids: Vec<_> = nodes.iter().filter(|c| c.parent.as_deref() == Some(&p.id)).collect();
        if let (Some(w), true) = (p.weight, kids.iter().all(|k| k.weight.is_some())) {
            let Some(sum) = checked_sum(kids.iter().filter_map(|k| k.weight)) else { continue };
            if sum != w {
                let parent = Text::new(format!("“{}”", p.name), format!("'{}'", p.name_in(Lang::En)));
                out.push(Finding::of(path::rubric_weight(&kids[0].id), WeightsSum { parent, sum: Plain(sum), expected: Plain(w) }));
            }
        }
    }
    for n in nodes.iter().filter(|n| n.method == "indicators") {
        let attached: Vec<_> = ctx.indicators.iter().filter(|i| i.node == n.id).collect();
        let Some(w) = n.effective_weight else { continue };
        if attached.is_empty() || attached.iter().any(|i| i.weight.is_none()) {
            continue;
        }
        let Some(sum) = checked_sum(attached.iter().filter_map(|i| i.weight)) else { continue };
        if sum != w {
            let parent = Text::new(format!("“{}”所含绩效指标", n.name), format!("indicators of '{}'", n.name_in(Lang::En)));
            let at = path::indicator(&attached[0].task, &attached[0].id, "weight");
            out.push(Finding::of(at, WeightsSum { parent, sum: Plain(sum), expected: Plain(w) }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rubric::preset;
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_level_1_and_on_an_items_indicators() {
        let f = with(|d| {
            let mut r = preset("national-2020").unwrap();
            r.find_mut("outcome").unwrap().weight = "25".into();
            d.rubric.inline = Some(r);
        });
        fires(&f, "score.weights_sum", "rubric.execution.weight", &["95", "100"]);
        let f = with(|d| {
            i1(d).weight = "40".into();
            i1(d).stated_score = "40".into();
        });
        fires(&f, "score.weights_sum", "tasks.t1.indicators.i1.weight", &["产出指标", "40", "50"]);
    }

    #[test]
    fn quiet_on_the_preset() {
        quiet(&with(|d| d.rubric.inline = preset("national-2020")), "score.weights_sum");
    }
}
