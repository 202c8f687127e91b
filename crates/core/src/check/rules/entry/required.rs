//! `entry.required`: a required value left blank.
//!
//! - **What**: the unit's name and year, the total's amounts, an indicator's name and actual, a
//!   deduction indicator's points per unit, the stated total.
//! - **Why**: the form is filled in completely.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：自评表各项内容应填写完整.

use crate::check::finding::violation;

/// A blank required field.
#[derive(Debug)]
pub struct Required {
    /// The field, in words (zh-CN, English).
    pub field: (&'static str, &'static str),
}

violation!(Required = "entry.required" { field });

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_blank_name_and_a_missing_points_per_unit() {
        fires(&with(|d| d.unit.name = "　".into()), "entry.required", "unit.name", &["单位名称", "name"]);
        fires(&with(|d| i1(d).scoring = "deduct".into()), "entry.required", "tasks.t1.indicators.i1.deduct_per_unit", &["每单位扣分"]);
    }

    #[test]
    fn quiet_on_the_base() {
        quiet(&with(|_| {}), "entry.required");
    }
}
