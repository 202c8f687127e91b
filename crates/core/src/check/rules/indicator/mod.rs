//! Rules on the performance indicators (`indicator.*`): shortfalls and their explanations,
//! targets set too low or written where they do not belong, directions, tiers and the rubric item
//! an indicator counts under. One rule a file, named as its id (`indicator.target_missing` is
//! `target_missing.rs`); this file holds what several of them read.

pub mod actual_is_bound;
pub mod direction_unknown;
pub mod far_above_target;
pub mod node_unknown;
pub mod rate_at_least_100;
pub mod rate_in_counts;
pub mod reverse_on_output;
pub mod shortfall_unexplained;
pub mod target_below_budget_rate;
pub mod target_below_previous;
pub mod target_in_name;
pub mod target_missing;
pub mod template_row;
pub mod tier_unknown;

use rust_decimal::Decimal;

use super::Context;
use crate::check::finding::Show;
use crate::check::indicator::{direction_of, IndicatorResult};
use crate::document::format::{direction, Indicator, TIERS};
use crate::text::lang::Lang;
use crate::text::words::split_bound;

/// Each computed indicator with the indicator as typed.
pub fn pairs<'a>(ctx: &'a Context) -> Pairs<'a> {
    Pairs { results: ctx.indicators.iter(), tasks: ctx.doc.tasks.iter(), current: [].iter() }
}

/// The iterator of [`pairs`]: the tasks' indicators walked with two plain slice iterators (a
/// `flat_map` and a `zip` cost more per step, and every per-indicator rule takes 2,000 steps).
pub struct Pairs<'a> {
    results: std::slice::Iter<'a, IndicatorResult>,
    tasks: std::slice::Iter<'a, crate::document::format::Task>,
    current: std::slice::Iter<'a, Indicator>,
}

impl<'a> Iterator for Pairs<'a> {
    type Item = (&'a IndicatorResult, &'a Indicator);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(i) = self.current.next() {
                return self.results.next().map(|r| (r, i));
            }
            self.current = self.tasks.next()?.indicators.iter();
        }
    }
}

/// True when a cell starts with a digit: a value, neither blank nor a placeholder (the common
/// case, decided without decoding a character).
pub(crate) fn starts_with_digit(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Each computed indicator with the indicator as typed, by a plain nested loop: cheaper than
/// [`pairs`] for checks that look at every indicator and keep few (no iterator adapters per row).
pub fn each<'a>(ctx: &'a Context, mut f: impl FnMut(&'a IndicatorResult, &'a Indicator)) {
    let mut k = 0;
    for t in &ctx.doc.tasks {
        for i in &t.indicators {
            if let Some(r) = ctx.indicators.get(k) {
                f(r, i);
            }
            k += 1;
        }
    }
}

/// How far an indicator got, in words: "85.79%" or the tier's name.
pub fn completion_text(r: &IndicatorResult, lang_en: bool) -> String {
    match (r.completion, r.tier) {
        (Some(c), _) => format!("{c}%"),
        (None, Some(t)) => (if lang_en { TIERS[t].2 } else { TIERS[t].1 }).to_string(),
        _ => "—".to_string(),
    }
}

/// How far an indicator got, as a message shows it: "85.79%", or the tier's name (the zh-CN
/// name in both languages, as the rules have always written it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Completion {
    completion: Option<Decimal>,
    tier: Option<usize>,
}

impl Completion {
    /// The completion of a computed indicator.
    pub fn of(r: &IndicatorResult) -> Completion {
        Completion { completion: r.completion, tier: r.tier }
    }
}

impl Show for Completion {
    fn show(&self, lang: Lang, out: &mut String) {
        match (self.completion, self.tier) {
            (Some(c), _) => {
                c.show(lang, out);
                out.push('%');
            }
            (None, Some(t)) => out.push_str(TIERS[t].1),
            _ => out.push('—'),
        }
    }
}

/// The typed text of a cell, trimmed.
pub(crate) fn trimmed(s: &str) -> String {
    s.trim().to_string()
}

/// True when the indicator's target is a percentage (its unit or the typed target says %).
pub(crate) fn in_percent(i: &Indicator) -> bool {
    i.unit.contains(['%', '％']) || i.target.contains(['%', '％'])
}

/// True when "≥" was written, in the direction column or in the target ("≥100%", "不低于100%").
pub(crate) fn written_at_least(i: &Indicator) -> bool {
    i.direction == direction::AT_LEAST
        || direction_of(&i.direction) == Some(direction::AT_LEAST)
        || split_bound(&i.target).is_some_and(|(d, _)| d == direction::AT_LEAST)
}
