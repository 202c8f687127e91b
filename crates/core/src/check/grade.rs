//! 评价等级 from the total score.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::text::lang::Text;

/// Grade bands: 优 [90, 100], 良 [80, 90), 中 [60, 80), 差 [0, 60). The bands are published;
/// that they are half-open at the lower bound is how every table we have seen reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// 优: 90 and above.
    #[serde(rename = "优")]
    Excellent,
    /// 良: 80 to below 90.
    #[serde(rename = "良")]
    Good,
    /// 中: 60 to below 80.
    #[serde(rename = "中")]
    Fair,
    /// 差: below 60.
    #[serde(rename = "差")]
    Poor,
}

impl Grade {
    /// The grade of a total score.
    pub fn of(total: Decimal) -> Grade {
        if total >= Decimal::from(90) {
            Grade::Excellent
        } else if total >= Decimal::from(80) {
            Grade::Good
        } else if total >= Decimal::from(60) {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }

    /// Reads a stated grade: 优/良/中/差, also 优秀/良好/一般/较差 and the English words.
    pub fn parse(s: &str) -> Option<Grade> {
        match s.trim() {
            "优" | "优秀" | "excellent" | "Excellent" => Some(Grade::Excellent),
            "良" | "良好" | "good" | "Good" => Some(Grade::Good),
            "中" | "中等" | "一般" | "fair" | "Fair" => Some(Grade::Fair),
            "差" | "较差" | "poor" | "Poor" => Some(Grade::Poor),
            _ => None,
        }
    }

    /// The grade's name: "优" / "excellent".
    pub fn label(self) -> Text {
        match self {
            Grade::Excellent => Text::new("优", "excellent"),
            Grade::Good => Text::new("良", "good"),
            Grade::Fair => Text::new("中", "fair"),
            Grade::Poor => Text::new("差", "poor"),
        }
    }

    /// The band in words, for explanations: "优（≥ 90）".
    pub fn band(self) -> Text {
        match self {
            Grade::Excellent => Text::new("优（≥ 90 分）", "excellent (≥ 90)"),
            Grade::Good => Text::new("良（80–90 分）", "good (80 to < 90)"),
            Grade::Fair => Text::new("中（60–80 分）", "fair (60 to < 80)"),
            Grade::Poor => Text::new("差（< 60 分）", "poor (< 60)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn bands_are_half_open() {
        let g = |s: &str| Grade::of(Decimal::from_str(s).unwrap());
        assert_eq!(g("93.53"), Grade::Excellent);
        assert_eq!(g("90"), Grade::Excellent);
        assert_eq!(g("89.99"), Grade::Good);
        assert_eq!(g("80"), Grade::Good);
        assert_eq!(g("79.99"), Grade::Fair);
        assert_eq!(g("60"), Grade::Fair);
        assert_eq!(g("59.99"), Grade::Poor);
    }

    #[test]
    fn parses_stated_grades() {
        assert_eq!(Grade::parse(" 优 "), Some(Grade::Excellent));
        assert_eq!(Grade::parse("良好"), Some(Grade::Good));
        assert_eq!(Grade::parse("A"), None);
    }
}
