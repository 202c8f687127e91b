//! Stable ids for rows the page adds, and repair of ids in documents that arrive from outside.
//!
//! Policy: ids are never shown and never typed; they only key rows, findings and field paths. A
//! new id is `<prefix>-<n>` with the smallest `n` not yet used. A document whose ids are blank,
//! duplicated or contain a `.` (which would make a field path ambiguous) gets fresh ids for those
//! rows when it is loaded; the values the unit typed are never touched.

use std::collections::HashSet;

use crate::document::format::SelfEvaluation;

/// Every id used in the document (budget rows, tasks, indicators, adjustments).
pub fn used(doc: &SelfEvaluation) -> HashSet<String> {
    let mut s = HashSet::new();
    s.insert("total".to_string());
    for r in &doc.budget.rows {
        s.insert(r.id.clone());
    }
    for t in &doc.tasks {
        s.insert(t.id.clone());
        for i in &t.indicators {
            s.insert(i.id.clone());
        }
    }
    for a in &doc.stated.adjustments {
        s.insert(a.id.clone());
    }
    s
}

/// A `<prefix>-<n>` not in `taken` (n starts at the number of ids taken + 1); it is added to `taken`.
pub fn fresh(prefix: &str, taken: &mut HashSet<String>) -> String {
    let mut n = taken.len() + 1;
    // Start past the obvious candidates, then step down to the smallest free one only when cheap:
    // new ids need to be unique, not dense.
    loop {
        let id = format!("{prefix}-{n}");
        if !taken.contains(&id) {
            taken.insert(id.clone());
            return id;
        }
        n += 1;
    }
}

fn bad(id: &str) -> bool {
    id.trim().is_empty() || id.contains('.') || id == "total"
}

/// Gives a fresh id to every row whose id is blank, contains a `.`, or repeats an earlier one.
/// Returns how many ids were replaced.
pub fn repair(doc: &mut SelfEvaluation) -> usize {
    let mut taken = used(doc);
    let mut seen: HashSet<String> = HashSet::new();
    let mut fixed = 0;
    let mut fix = |id: &mut String, prefix: &str, taken: &mut HashSet<String>, seen: &mut HashSet<String>| {
        if bad(id) || !seen.insert(id.clone()) {
            *id = fresh(prefix, taken);
            seen.insert(id.clone());
            fixed += 1;
        }
    };
    seen.insert("total".to_string());
    for r in &mut doc.budget.rows {
        fix(&mut r.id, "b", &mut taken, &mut seen);
    }
    for t in &mut doc.tasks {
        fix(&mut t.id, "t", &mut taken, &mut seen);
        for i in &mut t.indicators {
            fix(&mut i.id, "i", &mut taken, &mut seen);
        }
    }
    for a in &mut doc.stated.adjustments {
        fix(&mut a.id, "a", &mut taken, &mut seen);
    }
    doc.budget.total.id = "total".to_string();
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::format::{Indicator, Task};

    #[test]
    fn fresh_ids_are_unique() {
        let mut taken: HashSet<String> = ["i-1".to_string(), "i-3".to_string()].into_iter().collect();
        let a = fresh("i", &mut taken);
        let b = fresh("i", &mut taken);
        assert_ne!(a, b);
        assert!(!["i-1", "i-3"].contains(&a.as_str()));
        assert!(taken.contains(&a) && taken.contains(&b));
    }

    #[test]
    fn repair_fixes_blank_dotted_and_duplicate_ids_only() {
        let ind = |id: &str| Indicator { id: id.into(), name: "x".into(), ..Default::default() };
        let mut doc = SelfEvaluation {
            tasks: vec![
                Task { id: "t".into(), name: "a".into(), indicators: vec![ind("i"), ind(""), ind("i"), ind("a.b")] },
                Task { id: "t".into(), name: "b".into(), indicators: vec![] },
            ],
            ..Default::default()
        };
        assert_eq!(repair(&mut doc), 4);
        let ids: Vec<&str> = doc.tasks[0].indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids[0], "i");
        let set: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), 4);
        assert!(ids.iter().all(|i| !i.contains('.') && !i.is_empty()));
        assert_ne!(doc.tasks[0].id, doc.tasks[1].id);
        assert_eq!(repair(&mut doc), 0);
    }
}
