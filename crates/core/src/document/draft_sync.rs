//! Two windows on the same drafts: reconciling what this window holds with what another window
//! stored since this one last read or wrote.
//!
//! Policy: a save never overwrites a stored version it has not seen, and nothing typed in either
//! window is lost. Every draft carries a revision ([`Draft::rev`]); a window remembers the envelope
//! as it last read or wrote it (its *base*). Before each write it reads what is stored and merges,
//! draft by draft:
//!
//! | this window since base | stored since base | result |
//! |---|---|---|
//! | unchanged | changed | the stored version (taken) |
//! | changed | unchanged | this window's version, revision + 1 |
//! | changed | changed | both: the stored version under its name, this window's as a copy marked （另一窗口） |
//! | new here | — | added |
//! | — | new there | kept |
//! | deleted here | unchanged | deleted |
//! | deleted here | changed | kept (the other window's edits are not thrown away) |
//! | changed | deleted there | kept (this window's edits are not thrown away) |
//!
//! The same merge answers the browser's `storage` event: with no edits of its own the window simply
//! takes what the other stored.

use crate::document::draft::{Draft, Drafts};
use crate::document::ids;

/// The mark added to the name of a window's own version saved beside another window's.
pub const COPY_MARK: &str = "（另一窗口）";

/// The result of [`merge`].
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// What to store and keep showing.
    pub drafts: Drafts,
    /// Drafts changed in both windows: (the draft's name, the name of this window's copy).
    pub copies: Vec<(String, String)>,
    /// Names of drafts whose content was taken from the other window.
    pub taken: Vec<String>,
    /// Names of drafts this window deleted that the other window changed: kept.
    pub kept: Vec<String>,
    /// True when the open draft's content (or which draft is open) differs from this window's:
    /// the page must show the merged one.
    pub reopen: bool,
    /// True when the result differs from what is stored: it must be written.
    pub write: bool,
}

fn same_content(a: &Draft, b: &Draft) -> bool {
    a.name == b.name && a.doc == b.doc
}

/// Merges this window's drafts (`mine`) with what is `stored`, given what this window last read or
/// wrote (`base`; `None` when it has never seen stored drafts). `now` stamps the copies.
pub fn merge(mine: &Drafts, base: Option<&Drafts>, stored: &Drafts, now: f64) -> Merged {
    let find = |ds: &Drafts, id: &str| ds.drafts.iter().find(|d| d.id == id).cloned();
    let mut taken_ids: std::collections::HashSet<String> = mine.drafts.iter().chain(stored.drafts.iter()).map(|d| d.id.clone()).collect();
    let mut out: Vec<Draft> = Vec::new();
    let mut copies = Vec::new();
    let mut taken = Vec::new();
    let mut kept = Vec::new();
    let mut current = mine.current.clone();
    for m in &mine.drafts {
        let b = base.and_then(|b| find(b, &m.id));
        let s = find(stored, &m.id);
        let mine_changed = b.as_ref().is_none_or(|b| !same_content(b, m));
        match (s, b) {
            // New in this window.
            (None, None) => out.push(Draft { rev: m.rev.max(1), ..m.clone() }),
            // Deleted in the other window.
            (None, Some(b)) => {
                if mine_changed {
                    out.push(Draft { rev: b.rev + 1, ..m.clone() });
                }
            }
            // The same id created in both windows: both kept.
            (Some(s), None) => {
                if same_content(&s, m) {
                    out.push(s);
                } else {
                    out.push(s.clone());
                    let copy = copy_of(m, &mut taken_ids, &mut out, stored, now);
                    if current == m.id {
                        current = copy.id.clone();
                    }
                    copies.push((m.name.clone(), copy.name.clone()));
                    out.push(copy);
                }
            }
            (Some(s), Some(b)) => {
                let stored_changed = s.rev != b.rev || !same_content(&s, &b);
                match (mine_changed, stored_changed) {
                    (false, false) => out.push(s),
                    (true, false) => out.push(Draft { rev: s.rev + 1, ..m.clone() }),
                    (false, true) => {
                        taken.push(s.name.clone());
                        out.push(s);
                    }
                    (true, true) => {
                        if same_content(&s, m) {
                            out.push(s);
                            continue;
                        }
                        out.push(s.clone());
                        let copy = copy_of(m, &mut taken_ids, &mut out, stored, now);
                        if current == m.id {
                            current = copy.id.clone();
                        }
                        copies.push((s.name.clone(), copy.name.clone()));
                        out.push(copy);
                    }
                }
            }
        }
    }
    for s in &stored.drafts {
        if mine.drafts.iter().any(|m| m.id == s.id) {
            continue;
        }
        match base.and_then(|b| find(b, &s.id)) {
            // Created in the other window.
            None => {
                taken.push(s.name.clone());
                out.push(s.clone());
            }
            // Deleted here: gone, unless the other window changed it since.
            Some(b) => {
                if s.rev != b.rev || !same_content(s, &b) {
                    kept.push(s.name.clone());
                    out.push(s.clone());
                }
            }
        }
    }
    if out.is_empty() {
        out = mine.drafts.clone();
    }
    if !out.iter().any(|d| d.id == current) {
        current = out[0].id.clone();
    }
    let drafts = Drafts { format: mine.format.clone(), version: mine.version, current, drafts: out, saved: stored.saved.max(mine.saved) };
    let reopen = drafts.current != mine.current || drafts.current().doc != mine.current().doc;
    let write = drafts.drafts != stored.drafts || drafts.current != stored.current;
    Merged { drafts, copies, taken, kept, reopen, write }
}

fn copy_of(m: &Draft, taken_ids: &mut std::collections::HashSet<String>, out: &mut [Draft], stored: &Drafts, now: f64) -> Draft {
    let id = ids::fresh("d", taken_ids);
    let base = format!("{}{COPY_MARK}", m.name);
    let used = |n: &str| out.iter().chain(stored.drafts.iter()).any(|d| d.name == n);
    let name = if used(&base) { (2..).map(|n| format!("{base} {n}")).find(|n| !used(n)).unwrap_or_default() } else { base };
    Draft { id, name, updated: now, doc: m.doc.clone(), rev: 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::draft::load;

    fn two() -> Drafts {
        let mut d = Drafts::new("一", 0.0);
        d.add("二", crate::document::draft::blank_document(), 0.0);
        d.select("d-1");
        d
    }

    fn typed(d: &mut Drafts, id: &str, name: &str) {
        let x = d.drafts.iter_mut().find(|x| x.id == id).unwrap();
        x.doc.unit.name = name.into();
    }

    #[test]
    fn unchanged_here_takes_the_other_windows_version() {
        let base = two();
        let mine = base.clone();
        let mut stored = base.clone();
        typed(&mut stored, "d-1", "乙窗口");
        stored.drafts[0].rev = 1;
        let m = merge(&mine, Some(&base), &stored, 1.0);
        assert_eq!(m.drafts.current().doc.unit.name, "乙窗口");
        assert!(m.reopen && m.copies.is_empty());
        assert_eq!(m.taken, ["一"]);
        assert!(!m.write, "nothing of this window's to write");
    }

    #[test]
    fn changed_here_only_is_written_with_the_next_revision() {
        let base = two();
        let mut mine = base.clone();
        typed(&mut mine, "d-1", "甲窗口");
        let m = merge(&mine, Some(&base), &base, 1.0);
        assert_eq!(m.drafts.current().doc.unit.name, "甲窗口");
        assert_eq!(m.drafts.current().rev, 1);
        assert!(m.write && !m.reopen);
    }

    #[test]
    fn changed_in_both_keeps_both_and_this_window_goes_on_in_its_copy() {
        let base = two();
        let mut mine = base.clone();
        typed(&mut mine, "d-1", "甲窗口");
        let mut stored = base.clone();
        typed(&mut stored, "d-1", "乙窗口");
        stored.drafts[0].rev = 1;
        let m = merge(&mine, Some(&base), &stored, 1.0);
        assert_eq!(m.copies, [("一".to_string(), "一（另一窗口）".to_string())]);
        let names: Vec<_> = m.drafts.drafts.iter().map(|d| (d.name.as_str(), d.doc.unit.name.as_str())).collect();
        assert_eq!(names, [("一", "乙窗口"), ("一（另一窗口）", "甲窗口"), ("二", "")]);
        assert_eq!(m.drafts.current().name, "一（另一窗口）");
        assert!(m.write);
        assert!(m.reopen, "the open draft is now the copy (same text, another id)");
    }

    #[test]
    fn a_draft_created_in_the_other_window_is_not_deleted_by_this_one() {
        let base = two();
        let mut mine = base.clone();
        typed(&mut mine, "d-1", "甲窗口");
        let mut stored = base.clone();
        stored.add("乙新建", crate::document::draft::blank_document(), 2.0);
        stored.drafts[2].rev = 1;
        let m = merge(&mine, Some(&base), &stored, 3.0);
        assert!(m.drafts.drafts.iter().any(|d| d.name == "乙新建"));
        assert_eq!(m.drafts.drafts.iter().find(|d| d.id == "d-1").unwrap().doc.unit.name, "甲窗口");
        assert_eq!(m.drafts.current, "d-1", "this window keeps its open draft");
    }

    #[test]
    fn deletions_take_effect_unless_the_other_side_changed_the_draft() {
        let base = two();
        let mut mine = base.clone();
        mine.delete("d-2", 1.0);
        assert_eq!(merge(&mine, Some(&base), &base, 1.0).drafts.drafts.len(), 1);
        let mut stored = base.clone();
        typed(&mut stored, "d-2", "乙改过");
        stored.drafts[1].rev = 1;
        let m = merge(&mine, Some(&base), &stored, 1.0);
        assert_eq!(m.kept, ["二"]);
        assert_eq!(m.drafts.drafts.len(), 2);
        // Deleted in the other window while changed here: kept too.
        let mut mine = base.clone();
        typed(&mut mine, "d-2", "甲改过");
        let mut stored = base.clone();
        stored.delete("d-2", 1.0);
        let m = merge(&mine, Some(&base), &stored, 1.0);
        assert!(m.drafts.drafts.iter().any(|d| d.doc.unit.name == "甲改过"));
    }

    #[test]
    fn the_same_new_id_in_both_windows_keeps_both() {
        let base = Drafts::new("一", 0.0);
        let mut mine = base.clone();
        mine.add("甲新", crate::document::draft::blank_document(), 1.0);
        let mut stored = base.clone();
        stored.add("乙新", crate::document::draft::blank_document(), 1.0);
        typed(&mut stored, "d-2", "乙");
        let m = merge(&mine, Some(&base), &stored, 2.0);
        let names: Vec<_> = m.drafts.drafts.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["一", "乙新", "甲新（另一窗口）"]);
        let ids: std::collections::BTreeSet<_> = m.drafts.drafts.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 3, "ids stay unique");
    }

    #[test]
    fn a_window_that_never_read_stored_drafts_keeps_them() {
        let stored = two();
        let mine = Drafts::new("新窗口", 5.0);
        let m = merge(&mine, None, &stored, 6.0);
        assert_eq!(m.drafts.drafts.len(), 3, "stored drafts kept; this window's own d-1 kept as a copy");
    }

    #[test]
    fn an_envelope_written_before_revisions_loads_with_revision_zero_and_merges() {
        // Version 1 envelope as written by e0a3743 (no `rev`).
        let old = r#"{"format":"selfcheck/drafts","version":1,"current":"d-1","drafts":[{"id":"d-1","name":"旧","updated":1.0,"doc":{"format":"selfcheck/self-evaluation","version":1,"unit":{"name":"旧单位"}}}]}"#;
        let l = load(Some(old), "x", 0.0);
        assert!(l.unreadable.is_empty());
        assert_eq!(l.drafts.current().rev, 0);
        assert_eq!(l.drafts.current().doc.unit.name, "旧单位");
        let mut mine = l.drafts.clone();
        typed(&mut mine, "d-1", "新单位");
        let m = merge(&mine, Some(&l.drafts), &l.drafts, 1.0);
        assert_eq!(m.drafts.current().rev, 1);
        let again = load(Some(&m.drafts.to_json()), "x", 0.0);
        assert_eq!(again.drafts.current().rev, 1);
    }
}
