//! Checks of the narrative against the figures.

use super::catalogue::fire;
use super::indicator::{completion_text, pairs};
use super::{thresholds, Context};
use crate::core::finding::Finding;

/// The sentence (between Chinese or ASCII full stops) around byte offset `at`, at most 60 chars.
pub fn sentence_around(text: &str, at: usize) -> String {
    let stops = ['。', '；', '！', '\n', ';'];
    let start = text[..at].rfind(stops).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
    let end = text[at..].find(stops).map(|i| at + i).unwrap_or(text.len());
    let s: String = text[start..end].trim().chars().take(60).collect();
    s
}

/// Narrative that says every target was met ("均已完成") while an indicator falls short.
pub fn claims_all_met(ctx: &Context) -> Vec<Finding> {
    let Some((r, i)) = pairs(ctx).find(|(r, _)| r.shortfall) else { return vec![] };
    let mut out = Vec::new();
    for (key, text) in &ctx.doc.narrative {
        for phrase in &thresholds::get().all_met_phrases {
            if let Some(at) = text.find(phrase.as_str()) {
                out.push(fire(
                    "narrative.claims_all_met",
                    &format!("narrative.{key}"),
                    &[("quote", sentence_around(text, at)), ("name", i.name.clone()), ("completion", completion_text(r, false))],
                ));
                break;
            }
        }
    }
    out
}
