//! `indicator.template_row`: a row the template left in.
//!
//! - **What**: a row whose name is only the template's numbering ("指标2：……"), "……" or "/", and
//!   that holds no target and no actual (blank or "/").
//! - **Why**: an empty template row is noise a reviewer asks to remove.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件自评表：绩效指标应逐项填写指标名称、年度指标值和实际完成值.

use super::{each, starts_with_digit};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::number::is_blank;
use crate::text::words::is_placeholder;

/// A template row.
#[derive(Debug)]
pub struct TemplateRow {
    /// The row's name, as typed.
    pub name: String,
}

violation!(TemplateRow = "indicator.template_row" { name });

/// The name without the template's "指标1：" numbering.
fn bare_name(name: &str) -> &str {
    let t = name.trim();
    let Some(rest) = t.strip_prefix("指标") else { return t };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "一二三四五六七八九十".contains(c));
    rest.strip_prefix(['：', ':', '、', '.', '．']).unwrap_or(rest).trim()
}

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let empty = |s: &str| is_blank(s) || is_placeholder(s);
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if starts_with_digit(&i.target) || !(empty(&i.target) && empty(&i.actual)) {
            return;
        }
        let bare = bare_name(&i.name);
        if (bare.is_empty() || is_placeholder(bare)) && bare.len() != i.name.trim().len() || is_placeholder(&i.name) {
            out.push(Finding::of(path::indicator(&r.task, &r.id, "name"), TemplateRow { name: i.name.trim().to_string() }));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;
    use crate::document::format::Indicator;

    #[test]
    fn fires_on_a_numbered_empty_row() {
        let f = with(|d| {
            d.tasks[0]
                .indicators
                .push(Indicator { id: "i4".into(), name: "指标2：……".into(), node: "output".into(), ..Default::default() })
        });
        fires(&f, "indicator.template_row", "tasks.t1.indicators.i4.name", &["指标2：……"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "indicator.template_row");
    }
}
