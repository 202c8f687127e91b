//! The rubric presets compiled in from `data/rubrics/`, parsed once per process, and the rubric a
//! document is scored with. One cache for the evaluation and the page (which asks for the presets
//! on every render of a rubric field).

use std::sync::OnceLock;

use crate::check::rubric::{self, Rubric};
use crate::document::format::SelfEvaluation;

/// The presets, in menu order, parsed once.
pub fn presets() -> &'static [Rubric] {
    static P: OnceLock<Vec<Rubric>> = OnceLock::new();
    P.get_or_init(rubric::presets)
}

/// The preset with this id, from the parsed-once presets.
pub fn preset(id: &str) -> Option<Rubric> {
    presets().iter().find(|r| r.id == id).cloned()
}

/// The rubric in force (the document's copy, else its preset, else the default preset), as
/// [`crate::check::evaluate::rubric_of`] chooses it, from the parsed-once presets.
pub fn current_rubric(doc: &SelfEvaluation) -> Rubric {
    if let Some(r) = &doc.rubric.inline {
        return r.clone();
    }
    let id = if doc.rubric.preset.trim().is_empty() { rubric::DEFAULT_PRESET } else { doc.rubric.preset.trim() };
    preset(id).or_else(|| preset(rubric::DEFAULT_PRESET)).unwrap_or_default()
}
