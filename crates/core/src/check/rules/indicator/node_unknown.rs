//! `indicator.node_unknown`: an indicator attached to no indicator-scored item of the rubric.
//!
//! - **What**: an indicator whose `node` is not the id of a leaf of the rubric in force scored by
//!   its indicators (an indicator attached to nothing, `node` blank, is allowed).
//! - **Why**: its score would silently count toward nothing.
//! - **Source**: 录入校验：绩效指标须归入评分标准中按指标计分的一级或二级指标 / input check.

use super::pairs;
use crate::check::finding::{violation, Finding};
use crate::check::rubric::Method;
use crate::check::rules::Context;
use crate::document::format::path;

/// An indicator attached to an unknown item.
#[derive(Debug)]
pub struct NodeUnknown {
    /// The indicator's name.
    pub name: String,
    /// The item id it names.
    pub node: String,
    /// The rubric's name.
    pub rubric: String,
    /// The ids it could name ("output、outcome", or "—").
    pub nodes: String,
}

violation!(NodeUnknown = "indicator.node_unknown" { name, node, rubric, nodes });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let targets: Vec<&str> = ctx
        .rubric
        .walk()
        .into_iter()
        .filter(|(_, _, n)| n.children.is_empty() && matches!(n.method, Method::Indicators { .. }))
        .map(|(_, _, n)| n.id.as_str())
        .collect();
    let list = || if targets.is_empty() { "—".to_string() } else { targets.join("、") };
    let mut out = Vec::new();
    for (r, i) in pairs(ctx) {
        if r.node.is_empty() || targets.contains(&r.node.as_str()) {
            continue;
        }
        let v = NodeUnknown { name: i.name.clone(), node: r.node.to_string(), rubric: ctx.rubric.name.clone(), nodes: list() };
        out.push(Finding::of(path::indicator(&r.task, &r.id, "node"), v));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_typo_in_the_node() {
        let f = with(|d| d.tasks[0].indicators[1].node = "outcomes".into());
        fires(&f, "indicator.node_unknown", "tasks.t1.indicators.i2.node", &["就业率", "outcomes", "output、outcome、satisfaction"]);
    }

    #[test]
    fn quiet_on_an_indicator_attached_to_nothing() {
        let f = with(|d| {
            d.tasks[0].indicators.push(ind("i4", "宣传覆盖", "", "2", "3", "", ""));
        });
        quiet(&f, "indicator.node_unknown");
    }
}
