//! Structural edits: add, remove (returning what was removed and where, for undo), restore and
//! move budget rows, tasks, indicators and adjustments; indicator rows pasted from Excel.

use crate::document::field_path::{indicator_slot, IndicatorField};
use crate::document::format::{group, Adjustment, BudgetRow, Indicator, SelfEvaluation, Task};
use crate::document::ids;
use std::collections::HashSet;

// ---- structural edits ------------------------------------------------------------------------

/// Adds a budget row of `group` named `name` after the last row of its group; returns its id.
pub fn add_budget_row(doc: &mut SelfEvaluation, grp: &str, name: &str) -> String {
    let mut taken = ids::used(doc);
    let id = ids::fresh("b", &mut taken);
    let row = BudgetRow { id: id.clone(), group: grp.to_string(), name: name.to_string(), ..Default::default() };
    let at = doc.budget.rows.iter().rposition(|r| r.group == grp).map(|p| p + 1).unwrap_or(match grp {
        group::SOURCE => 0,
        _ => doc.budget.rows.len(),
    });
    doc.budget.rows.insert(at, row);
    id
}

/// Removes a budget row; returns its position and content for undo.
pub fn remove_budget_row(doc: &mut SelfEvaluation, id: &str) -> Option<(usize, BudgetRow)> {
    let p = doc.budget.rows.iter().position(|r| r.id == id)?;
    Some((p, doc.budget.rows.remove(p)))
}

/// Puts a removed budget row back.
pub fn restore_budget_row(doc: &mut SelfEvaluation, at: usize, row: BudgetRow) {
    let at = at.min(doc.budget.rows.len());
    doc.budget.rows.insert(at, row);
}

/// Adds a task (with one blank indicator) at the end; returns its id.
pub fn add_task(doc: &mut SelfEvaluation) -> String {
    let mut taken = ids::used(doc);
    let id = ids::fresh("t", &mut taken);
    let ind = ids::fresh("i", &mut taken);
    doc.tasks.push(Task { id: id.clone(), name: String::new(), indicators: vec![blank_indicator(ind)] });
    id
}

/// Removes a task; returns its position and content for undo.
pub fn remove_task(doc: &mut SelfEvaluation, id: &str) -> Option<(usize, Task)> {
    let p = doc.tasks.iter().position(|t| t.id == id)?;
    Some((p, doc.tasks.remove(p)))
}

/// Puts a removed task back.
pub fn restore_task(doc: &mut SelfEvaluation, at: usize, task: Task) {
    let at = at.min(doc.tasks.len());
    doc.tasks.insert(at, task);
}

/// Moves a task up (`delta` < 0) or down.
pub fn move_task(doc: &mut SelfEvaluation, id: &str, delta: isize) -> bool {
    let Some(p) = doc.tasks.iter().position(|t| t.id == id) else { return false };
    let q = p as isize + delta;
    if q < 0 || q as usize >= doc.tasks.len() {
        return false;
    }
    let t = doc.tasks.remove(p);
    doc.tasks.insert(q as usize, t);
    true
}

/// A new indicator: direction ≥, everything else blank.
pub fn blank_indicator(id: String) -> Indicator {
    Indicator { id, direction: crate::document::format::direction::AT_LEAST.to_string(), ..Default::default() }
}

/// Adds a blank indicator to a task, after `after` (or at the end); returns its id.
pub fn add_indicator(doc: &mut SelfEvaluation, task: &str, after: Option<&str>) -> Option<String> {
    let mut taken = ids::used(doc);
    let id = ids::fresh("i", &mut taken);
    let t = doc.tasks.iter_mut().find(|t| t.id == task)?;
    let at = after.and_then(|a| t.indicators.iter().position(|i| i.id == a)).map(|p| p + 1).unwrap_or(t.indicators.len());
    t.indicators.insert(at, blank_indicator(id.clone()));
    Some(id)
}

/// Removes an indicator; returns its position and content for undo.
pub fn remove_indicator(doc: &mut SelfEvaluation, task: &str, id: &str) -> Option<(usize, Indicator)> {
    let t = doc.tasks.iter_mut().find(|t| t.id == task)?;
    let p = t.indicators.iter().position(|i| i.id == id)?;
    Some((p, t.indicators.remove(p)))
}

/// Puts a removed indicator back (into its task, if the task still exists).
pub fn restore_indicator(doc: &mut SelfEvaluation, task: &str, at: usize, ind: Indicator) -> bool {
    let Some(t) = doc.tasks.iter_mut().find(|t| t.id == task) else { return false };
    let at = at.min(t.indicators.len());
    t.indicators.insert(at, ind);
    true
}

/// Moves an indicator up (`delta` < 0) or down within its task.
pub fn move_indicator(doc: &mut SelfEvaluation, task: &str, id: &str, delta: isize) -> bool {
    let Some(t) = doc.tasks.iter_mut().find(|t| t.id == task) else { return false };
    let Some(p) = t.indicators.iter().position(|i| i.id == id) else { return false };
    let q = p as isize + delta;
    if q < 0 || q as usize >= t.indicators.len() {
        return false;
    }
    let i = t.indicators.remove(p);
    t.indicators.insert(q as usize, i);
    true
}

/// Adds a 其他加减分项; returns its id.
pub fn add_adjustment(doc: &mut SelfEvaluation) -> String {
    let mut taken = ids::used(doc);
    let id = ids::fresh("a", &mut taken);
    doc.stated.adjustments.push(Adjustment { id: id.clone(), ..Default::default() });
    id
}

/// Removes a 其他加减分项; returns its position and content for undo.
pub fn remove_adjustment(doc: &mut SelfEvaluation, id: &str) -> Option<(usize, Adjustment)> {
    let p = doc.stated.adjustments.iter().position(|a| a.id == id)?;
    Some((p, doc.stated.adjustments.remove(p)))
}

/// Puts a removed 其他加减分项 back.
pub fn restore_adjustment(doc: &mut SelfEvaluation, at: usize, a: Adjustment) {
    let at = at.min(doc.stated.adjustments.len());
    doc.stated.adjustments.insert(at, a);
}

/// Writes pasted indicators into a task: row `k` of `rows` goes to position `start + k`; each
/// pasted row overwrites only the fields listed in `fields` of an existing indicator, and rows
/// past the end are added as new indicators. Returns the ids written, in order.
pub fn paste_indicators(doc: &mut SelfEvaluation, task: &str, start: usize, fields: &[&str], rows: Vec<Indicator>) -> Vec<String> {
    let mut taken: HashSet<String> = ids::used(doc);
    let Some(t) = doc.tasks.iter_mut().find(|t| t.id == task) else { return Vec::new() };
    let fields: Vec<IndicatorField> = fields.iter().filter_map(|f| IndicatorField::from_name(f)).collect();
    let mut out = Vec::with_capacity(rows.len());
    for (k, mut src) in rows.into_iter().enumerate() {
        let at = start + k;
        if at < t.indicators.len() {
            let dst = &mut t.indicators[at];
            for &f in &fields {
                *indicator_slot(dst, f) = std::mem::take(indicator_slot(&mut src, f));
            }
            out.push(dst.id.clone());
        } else {
            let id = ids::fresh("i", &mut taken);
            let mut n = blank_indicator(id.clone());
            for &f in &fields {
                *indicator_slot(&mut n, f) = std::mem::take(indicator_slot(&mut src, f));
            }
            t.indicators.push(n);
            out.push(id);
        }
    }
    out
}
