//! Reading the document's text fields into numbers, recording each failure as a finding at the
//! field's path (rule `entry.invalid`), so one bad cell never stops the rest of the check.

use rust_decimal::Decimal;

use crate::check::finding::Finding;
use crate::check::rules::entry::{invalid::Invalid, required::Required};
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
    pub fn required(&mut self, path: &str, what: (&'static str, &'static str)) {
        self.findings.push(Finding::of(path, Required { field: what }));
    }

    fn invalid(&mut self, path: &str, text: &str, e: &NumError) {
        self.findings.push(Finding::of(path, Invalid { value: text.trim().to_string(), reason: e.message() }));
    }
}
