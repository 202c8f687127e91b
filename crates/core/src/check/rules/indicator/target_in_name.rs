//! `indicator.target_in_name`: a figure in the name while the target cell is blank.
//!
//! - **What**: a percentage in the name ("年度资金支付完成率100%", "合格率≥95%") and no target.
//! - **Why**: the target was written into the name, and completion cannot be judged.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）附件自评表：“年度指标值”与“实际完成值”分栏填写.

use super::{each, starts_with_digit};
use crate::check::finding::{violation, Finding};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::number::is_blank;

/// A target written into the name.
#[derive(Debug)]
pub struct TargetInName {
    /// The name, as typed.
    pub name: String,
    /// The figure found in it ("≥95%").
    pub figure: String,
}

violation!(TargetInName = "indicator.target_in_name" { name, figure });

/// The check.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    each(ctx, |r, i| {
        if starts_with_digit(&i.target) || !(is_blank(&i.target) || crate::text::words::is_placeholder(&i.target)) {
            return;
        }
        if let Some(figure) = figure_in(&i.name) {
            out.push(Finding::of(path::indicator(&r.task, &r.id, "name"), TargetInName { name: i.name.trim().to_string(), figure }));
        }
    });
    out
}

/// A percentage in a name, with the sign or bound word before it ("100%", "≥95%", "不低于90%").
fn figure_in(name: &str) -> Option<String> {
    let c: Vec<char> = name.chars().collect();
    let pct = c.iter().position(|&x| x == '%' || x == '％')?;
    let mut a = pct;
    while a > 0 && (c[a - 1].is_ascii_digit() || c[a - 1] == '.' || ('０'..='９').contains(&c[a - 1])) {
        a -= 1;
    }
    if a == pct {
        return None;
    }
    let signs = "≥≧≤≦><=＞＜＝";
    if a > 0 && signs.contains(c[a - 1]) {
        a -= 1;
    } else {
        for w in ["不低于", "不少于", "不高于", "不超过", "达到", "高于", "低于"] {
            let n = w.chars().count();
            if a >= n && c[a - n..a].iter().collect::<String>() == w {
                a -= n;
                break;
            }
        }
    }
    Some(c[a..=pct].iter().collect())
}

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_figure_in_the_name_without_a_target() {
        let f = with(|d| {
            i1(d).name = "年度资金支付完成率100%".into();
            i1(d).target.clear();
        });
        fires(&f, "indicator.target_in_name", "tasks.t1.indicators.i1.name", &["资金支付完成率100%", "100%"]);
    }

    #[test]
    fn quiet_without_a_figure() {
        quiet(&with(|d| i1(d).name = "年度资金支付完成率".into()), "indicator.target_in_name");
    }

    #[test]
    fn the_figure_keeps_its_sign_or_bound_word() {
        assert_eq!(super::figure_in("合格率≥95%"), Some("≥95%".into()));
        assert_eq!(super::figure_in("合格率不低于90%"), Some("不低于90%".into()));
        assert_eq!(super::figure_in("合格率"), None);
    }
}
