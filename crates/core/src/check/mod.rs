//! Checking a document: every figure computed (budget rates, indicator completion and score,
//! rubric scores, total, grade) and every rule of the catalogue applied, each finding at its path.
//! [`evaluate::evaluate`] is the one entry point; [`incremental`] is the page's cached twin.

pub mod budget;
pub mod entry;
pub mod evaluate;
pub mod finding;
pub mod grade;
pub mod incremental;
pub mod indicator;
pub mod presets;
pub mod rubric;
pub mod rules;
pub mod scoring;
