//! The notices at the top of the page and their undo: shown, dismissed after a while when they
//! need no action, undone on request; and a finding's correction applied with its undo.

use super::{Action, App, Notice};
use leptos::prelude::*;
use selfcheck_core::document::draft::Drafts;
use selfcheck_core::document::format::SelfEvaluation;
use selfcheck_core::edit;
use selfcheck_core::Text;

impl App {
    /// Shows a notice; returns its id.
    pub fn notify(&self, error: bool, text: Text, action: Action) -> u64 {
        let id = self.next_id();
        if !error && action == Action::None {
            self.dismiss_after(id, 8);
        }
        self.notices.update(|n| {
            n.push(Notice { id, error, text, action });
            if n.len() > 6 {
                let drop = n.len() - 6;
                n.drain(..drop);
            }
        });
        id
    }

    /// Shows a notice with an undo button that runs `undo`; it goes away after 30 s.
    pub fn notify_undo(&self, text: Text, undo: impl FnOnce(&mut SelfEvaluation, &mut Drafts) + Send + Sync + 'static) {
        self.notify_undo_as(false, text, undo)
    }

    /// Like [`App::notify_undo`]; an `error` notice (something was not done) stays until closed.
    pub fn notify_undo_as(&self, error: bool, text: Text, undo: impl FnOnce(&mut SelfEvaluation, &mut Drafts) + Send + Sync + 'static) {
        let id = self.next_id();
        if !error {
            self.dismiss_after(id, 30);
        }
        self.undos.update_value(|u| {
            u.insert(id, Box::new(undo));
        });
        self.notices.update(|n| {
            n.push(Notice { id, error, text, action: Action::Undo(id) });
            if n.len() > 6 {
                let drop = n.len() - 6;
                n.drain(..drop);
            }
        });
    }

    /// Runs the undo of a notice and removes the notice.
    pub fn undo(&self, id: u64) {
        let Some(f) = self.undos.try_update_value(|u| u.remove(&id)).flatten() else { return };
        let mut drafts = self.drafts.get_value();
        let before = drafts.current.clone();
        let mut doc = self.doc.get_untracked();
        drafts.current_mut().doc = doc.clone();
        f(&mut doc, &mut drafts);
        let switched = drafts.current != before;
        if switched {
            let d = drafts.current().doc.clone();
            self.drafts.set_value(drafts);
            self.open_document(d);
        } else {
            self.drafts.set_value(drafts);
            self.rewrite(|d| *d = doc);
        }
        self.refresh_drafts();
        self.dismiss(id);
    }

    /// Removes a notice after `secs` seconds (messages that need no action; undo offers).
    fn dismiss_after(&self, id: u64, secs: u64) {
        let a = *self;
        set_timeout(move || a.dismiss(id), std::time::Duration::from_secs(secs));
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
        self.undos.update_value(|u| {
            u.remove(&id);
        });
    }

    /// Applies a finding's correction (改为 …) in one click, with an undo that puts back what was
    /// typed there before.
    pub fn apply_fix(&self, fix: &selfcheck_core::check::finding::Fix) {
        use selfcheck_core::check::finding::Fix;
        let r = self.rewrite(|d| edit::apply_fix(d, fix));
        match r {
            Ok(old) => {
                let (path, new) = (fix.path.clone(), fix.value.clone());
                let shown = if old.trim().is_empty() { "（空白）".to_string() } else { old.clone() };
                let shown_en = if old.trim().is_empty() { "(blank)".to_string() } else { old.clone() };
                self.notify_undo(
                    Text::new(format!("已改为 {new}（原为 {shown}）。"), format!("Changed to {new} (was {shown_en}).")),
                    move |d, _| {
                        let _ = edit::apply_fix(d, &Fix::new(path, old));
                    },
                );
                self.reveal(&fix.path);
            }
            Err(why) => {
                self.notify(true, why, Action::None);
            }
        }
    }
}
