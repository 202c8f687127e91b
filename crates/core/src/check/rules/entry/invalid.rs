//! `entry.invalid`: a value that is not a number (or a rubric preset this build does not know).
//!
//! - **What**: a field read as a number ([`crate::text::number`]) that does not read, with the
//!   reason in words; one bad cell never stops the rest of the check.
//! - **Why**: a value that cannot be read cannot be checked; the field says so beside the input.
//! - **Source**: 录入校验 / input check.

use crate::check::finding::violation;
use crate::text::lang::Text;

/// A value that does not read.
#[derive(Debug)]
pub struct Invalid {
    /// The value as typed (trimmed).
    pub value: String,
    /// Why it does not read.
    pub reason: Text,
}

violation!(Invalid = "entry.invalid" { value, reason });

#[cfg(test)]
mod tests {
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_a_letter_in_a_number() {
        fires(&with(|d| fin(d).actual = "78O.00".into()), "entry.invalid", "budget.rows.fin.actual", &["78O.00", "O"]);
        fires(
            &with(|d| d.rubric.preset = "no-such-rubric".into()),
            "entry.invalid",
            "rubric.preset",
            &["no-such-rubric", "guangzhou-dept"],
        );
    }

    #[test]
    fn quiet_on_full_width_digits() {
        quiet(&with(|d| fin(d).actual = "７８０．００".into()), "entry.invalid");
    }
}
