//! The registries that push only what changed: each mounted field registers a signal for its
//! messages, each mounted indicator row one for its computed figures; the evaluation effect sets
//! only the signals whose values changed (O(changed) per keystroke, not a memo per field).

use super::App;
use leptos::prelude::*;
use selfcheck_core::check::finding::Severity;
use selfcheck_core::Lang;

/// A message on a field: its severity and text.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldMsg {
    /// Error, warning or info.
    pub severity: Severity,
    /// The finding's message, written when the field shows it.
    pub message: selfcheck_core::check::finding::Message,
    /// The correction the finding offers (改为 …), when it is certain.
    pub fix: Option<selfcheck_core::check::finding::Fix>,
}

/// What an indicator row shows of its computed figures.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RowCalc {
    /// Completion ("85.79%") or the 定性 tier.
    pub completion: String,
    /// Score, or the tier's score range.
    pub score: String,
    /// How both were obtained, written when the row shows it.
    pub explain: selfcheck_core::check::indicator::Explain,
    /// Short of target.
    pub shortfall: bool,
    /// Counts under a scoring item but has no 分值: it is not scored (said in the row).
    pub unscored: bool,
}

impl RowCalc {
    /// The figures of one computed indicator, in `lang`.
    pub fn of(r: &selfcheck_core::check::indicator::IndicatorResult, lang: Lang) -> RowCalc {
        use selfcheck_core::document::vocab::Tier;
        let completion = match (r.completion, r.tier.and_then(Tier::at)) {
            (Some(c), _) => format!("{c}%"),
            (None, Some(t)) => t.name(lang).to_string(),
            _ => "—".to_string(),
        };
        let score = match (r.score, r.range) {
            (Some(s), _) => s.to_string(),
            (None, Some((lo, hi))) => format!("{lo}–{hi}"),
            _ => "—".to_string(),
        };
        RowCalc {
            completion,
            score,
            explain: r.explain.clone(),
            shortfall: r.shortfall,
            unscored: !r.node.is_empty() && r.weight.is_none(),
        }
    }
}

impl App {
    /// Messages on one field: a signal set only when they change (unregistered on unmount).
    pub fn msgs(&self, p: String) -> Signal<Vec<FieldMsg>> {
        let sig = RwSignal::new(self.msg_last.with_value(|m| m.get(&p).cloned().unwrap_or_default()));
        let reg = self.msg_reg;
        reg.update_value(|r| r.entry(p.clone()).or_default().push(sig));
        on_cleanup(move || {
            reg.update_value(|r| {
                if let Some(v) = r.get_mut(&p) {
                    v.retain(|s| *s != sig);
                    if v.is_empty() {
                        r.remove(&p);
                    }
                }
            })
        });
        sig.into()
    }

    /// Computed figures of one indicator row: a signal set only when they change.
    pub fn row_calc(&self, id: String) -> Signal<RowCalc> {
        let l = self.lang.get_untracked();
        let pos = self.ind_pos.with_untracked(|m| m.get(&id).copied());
        let init = self.ev.with_untracked(|e| {
            pos.and_then(|p| e.indicators.get(p))
                .filter(|r| r.id == id)
                .or_else(|| e.indicator(&id))
                .map(|r| RowCalc::of(r, l))
                .unwrap_or_default()
        });
        let sig = RwSignal::new(init);
        let reg = self.row_reg;
        reg.update_value(|r| r.entry(id.clone()).or_default().push(sig));
        on_cleanup(move || {
            reg.update_value(|r| {
                if let Some(v) = r.get_mut(&id) {
                    v.retain(|s| *s != sig);
                    if v.is_empty() {
                        r.remove(&id);
                    }
                }
            })
        });
        sig.into()
    }
}
