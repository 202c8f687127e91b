//! Reading the document's text fields into numbers, recording each failure as a finding at the
//! field's path (rule `entry.invalid`), so one bad cell never stops the rest of the check.

use rust_decimal::Decimal;

use crate::check::finding::Finding;
use crate::check::rules::catalogue;
use crate::text::number::{self, Kind, NumError};

/// Collects field errors while values are parsed.
#[derive(Default)]
pub struct Entries {
    /// `entry.invalid` and `entry.required` findings, in the order the fields were read.
    pub findings: Vec<Finding>,
}

impl Entries {
    /// An optional value: blank is `None`, invalid is `None` plus a finding.
    pub fn opt(&mut self, path: &str, text: &str, kind: Kind) -> Option<Decimal> {
        match number::parse_opt(text, kind) {
            Ok(v) => v,
            Err(e) => {
                self.invalid(path, text, &e);
                None
            }
        }
    }

    /// [`Entries::opt`] with the path built only when the value is invalid, so the common valid
    /// value allocates nothing. Same policy, same findings.
    pub fn opt_at(&mut self, path: impl FnOnce() -> String, text: &str, kind: Kind) -> Option<Decimal> {
        match number::parse_opt(text, kind) {
            Ok(v) => v,
            Err(e) => {
                self.invalid(&path(), text, &e);
                None
            }
        }
    }

    /// Records that a required text field is blank.
    pub fn required(&mut self, path: &str, what: (&str, &str)) {
        self.findings.push(catalogue::fire("entry.required", path, &[("field_zh", what.0.to_string()), ("field_en", what.1.to_string())]));
    }

    fn invalid(&mut self, path: &str, text: &str, e: &NumError) {
        let m = e.message();
        self.findings.push(catalogue::fire(
            "entry.invalid",
            path,
            &[("value", text.trim().to_string()), ("reason_zh", m.zh), ("reason_en", m.en)],
        ));
    }
}
