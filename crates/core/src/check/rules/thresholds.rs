//! Thresholds the rules use, read from `data/thresholds.json` with their source documents.

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
struct Entry<T> {
    value: T,
}

#[derive(Deserialize)]
struct File {
    // Read as text and parsed here: deserialising a `Decimal` through serde would link float
    // formatting into the page for JSON numbers we never write (see `core::fixed`).
    execution_reason_below: Entry<String>,
    far_above_target_percent: Entry<String>,
    all_met_phrases: Entry<Vec<String>>,
    grade_required_regions: Entry<Vec<String>>,
    non_reasons: Entry<Vec<String>>,
}

/// The thresholds in force.
#[derive(Clone, Debug)]
pub struct Thresholds {
    /// Execution below this % must be explained (90).
    pub execution_reason_below: Decimal,
    /// Completion above this % suggests a target set too low (150).
    pub far_above_target_percent: Decimal,
    /// Phrases by which a report claims every target was met.
    pub all_met_phrases: Vec<String>,
    /// Regions (matched in the rubric's `region`) where a grade is required beside the total.
    pub grade_required_regions: Vec<String>,
    /// Texts that are no reason or measure (placeholders and the template's own instructions).
    pub non_reasons: Vec<String>,
}

/// Whether a rubric of this region requires the grade beside the total (the rule comes from a
/// Guangzhou audit finding, so it applies where the rubric says it is Guangzhou's or Guangdong's,
/// not everywhere).
pub fn grade_required(region: &str) -> bool {
    get().grade_required_regions.iter().any(|r| region.contains(r.as_str()))
}

/// Whether a 偏差原因 / 改进措施 / 扣分原因 says nothing: blank, a placeholder ("/", "—", "无"),
/// or the template's own words ("（200字以内）", "说明偏差原因").
pub fn is_non_reason(text: &str) -> bool {
    // Real reasons are sentences; the placeholders are a few characters (this runs for every
    // shortfall, so a long text is decided before any scan).
    if text.len() > 30 {
        return false;
    }
    let t = text.trim_matches(|c: char| {
        matches!(c, '（' | '）' | '(' | ')' | '【' | '】' | '[' | ']' | '：' | ':' | '。' | '.' | '，' | ',' | '、') || c.is_whitespace()
    });
    if t.is_empty() {
        return true;
    }
    crate::text::words::is_placeholder(t)
        || get().non_reasons.iter().any(|n| t == n.as_str())
        || t.contains("字以内")
        || ((t.starts_with("说明") || t.starts_with("填写") || t.starts_with("分析")) && t.contains("原因") && t.chars().count() <= 10)
}

const JSON: &str = include_str!("../../../../../data/thresholds.json");

/// The compiled-in thresholds.
pub fn get() -> &'static Thresholds {
    static T: OnceLock<Thresholds> = OnceLock::new();
    T.get_or_init(|| {
        let f: File = serde_json::from_str(JSON).expect("data/thresholds.json is valid (tested)");
        Thresholds {
            execution_reason_below: decimal(&f.execution_reason_below.value),
            far_above_target_percent: decimal(&f.far_above_target_percent.value),
            all_met_phrases: f.all_met_phrases.value,
            grade_required_regions: f.grade_required_regions.value,
            non_reasons: f.non_reasons.value,
        }
    })
}

fn decimal(s: &str) -> Decimal {
    s.parse().expect("data/thresholds.json holds decimals as strings (tested)")
}

#[cfg(test)]
mod tests {
    #[test]
    fn thresholds_load() {
        let t = super::get();
        assert_eq!(t.execution_reason_below.to_string(), "90");
        assert!(!t.all_met_phrases.is_empty());
    }

    #[test]
    fn non_reasons_say_nothing() {
        for t in ["", " ", "/", "无", "—", "暂无", "（200字以内）", "说明偏差原因", "同上"] {
            assert!(super::is_non_reason(t), "{t:?}");
        }
        for t in ["供应商延期交付。", "无法按期采购，已调整采购方式", "加强统筹，提前谋划。"] {
            assert!(!super::is_non_reason(t), "{t:?}");
        }
    }

    #[test]
    fn the_grade_is_required_where_the_rule_comes_from() {
        assert!(super::grade_required("广州市"));
        assert!(!super::grade_required("全国"));
        assert!(!super::grade_required("湖北省"));
    }
}
