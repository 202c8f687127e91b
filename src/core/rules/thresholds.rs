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
}

const JSON: &str = include_str!("../../../data/thresholds.json");

/// The compiled-in thresholds.
pub fn get() -> &'static Thresholds {
    static T: OnceLock<Thresholds> = OnceLock::new();
    T.get_or_init(|| {
        let f: File = serde_json::from_str(JSON).expect("data/thresholds.json is valid (tested)");
        Thresholds {
            execution_reason_below: decimal(&f.execution_reason_below.value),
            far_above_target_percent: decimal(&f.far_above_target_percent.value),
            all_met_phrases: f.all_met_phrases.value,
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
}
