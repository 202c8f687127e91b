//! A block of cells pasted from Excel into a task's table (docs/paste.md).

use crate::state::{focus_by_id, App, TaskView, PAGE};
use leptos::prelude::*;
use selfcheck_core::document::format::path;
use selfcheck_core::edit::{self, paste};
use selfcheck_core::Text;
use wasm_bindgen::JsCast;

/// Handles a paste into a task's table: a block of cells fills rows from the focused cell on.
pub(super) fn paste_into(a: App, task: &str, ev: web_sys::ClipboardEvent) {
    let Some(text) = ev.clipboard_data().and_then(|c| c.get_data("text/plain").ok()) else { return };
    if !paste::is_block(&text) {
        return; // one value: the browser pastes it into the field as usual
    }
    ev.prevent_default();
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let col = target.as_ref().and_then(|t| t.closest("[data-col]").ok().flatten()).and_then(|td| td.get_attribute("data-col"));
    let row = target.as_ref().and_then(|t| t.closest("tr[data-id]").ok().flatten()).and_then(|tr| tr.get_attribute("data-id"));
    let start_col = col.as_deref().and_then(paste::column_of).unwrap_or(0);
    let start_row = a.doc.with_untracked(|d| {
        d.tasks
            .iter()
            .find(|t| t.id == task)
            .and_then(|t| row.as_ref().and_then(|r| t.indicators.iter().position(|i| &i.id == r)))
            .unwrap_or(0)
    });
    let parsed = paste::parse(&text, start_col);
    if parsed.rows.is_empty() {
        return;
    }
    let n = parsed.rows.len();
    let issues = parsed.issues.len();
    let fields = parsed.fields.clone();
    let (cur, kept) = (
        a.drafts.with_value(|d| d.current.clone()),
        a.doc.with_untracked(|d| d.tasks.iter().find(|t| t.id == task).map(|t| t.indicators.clone())),
    );
    let before = kept.as_ref().map(Vec::len).unwrap_or(0);
    let ids = a.rewrite(|d| edit::rows::paste_indicators(d, task, start_row, &fields, parsed.rows));
    let added = (start_row + n).saturating_sub(before);
    let mut zh = format!("已粘贴 {n} 行（{} 列，从“{}”列起）", fields.len(), paste::columns()[start_col].1);
    let mut en = format!("Pasted {n} rows ({} columns, from '{}')", fields.len(), paste::columns()[start_col].2);
    if added > 0 {
        zh.push_str(&format!("，新增 {added} 个指标"));
        en.push_str(&format!(", {added} indicators added"));
    }
    if parsed.skipped_heading {
        zh.push_str("；首行为表头，已跳过");
        en.push_str("; the heading row was skipped");
    }
    if issues > 0 {
        zh.push_str(&format!("；{issues} 个单元格无法识别，已按原样保留并标出"));
        en.push_str(&format!("; {issues} cells were not recognised, kept as pasted and marked"));
    }
    if parsed.extra_cells > 0 {
        zh.push_str(&format!("；超出最后一列的 {} 个单元格未粘贴", parsed.extra_cells));
        en.push_str(&format!("; {} cells beyond the last column were not pasted", parsed.extra_cells));
    }
    zh.push('。');
    en.push('.');
    let task_id = task.to_string();
    a.notify_undo_as(issues > 0, Text::new(zh, en), move |d, drafts| {
        if let (true, Some(kept), Some(t)) = (drafts.current == cur, kept, d.tasks.iter_mut().find(|t| t.id == task_id)) {
            t.indicators = kept;
        }
    });
    let last_index = start_row + n - 1;
    a.task_view.update(|m| {
        m.insert(task.to_string(), TaskView { open: true, page: start_row / PAGE });
    });
    let _ = last_index;
    if let Some(first) = ids.first() {
        let target = path::dom_id(&path::indicator(task, first, fields.first().copied().unwrap_or("name")));
        request_animation_frame(move || {
            request_animation_frame(move || {
                focus_by_id(&target);
            })
        });
    }
}
