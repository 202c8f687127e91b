//! One submission opened below the table: why it could not be read, or every finding of its
//! check and, for each paired Word report, every finding of the report's cross-check at its
//! paragraph or table cell.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use selfcheck_core::check::finding::{Finding, Severity};
use selfcheck_core::review::opened::Entry;
use selfcheck_core::{Lang, Text};

use super::super::i18n::pick;
use super::desk;

fn finding_view(f: &Finding, place: Option<Text>, l: Lang) -> impl IntoView {
    let sev = f.severity;
    let place = place.map(|p| view! { <span class="place">{p.get(l).to_string()}</span> });
    view! {
        <li class=sev.id()>
            <span class="sev">{sev.label(l)}</span>
            {place}
            <span class="msg">{f.message.get(l).to_string()}</span>
        </li>
    }
}

/// Findings most severe first; the infos (提示) folded, so that the errors are seen first.
fn findings_list(mut items: Vec<(Severity, AnyView)>, l: Lang) -> AnyView {
    if items.is_empty() {
        return view! { <p class="muted">{pick(l, "没有发现问题。", "Nothing found.")}</p> }.into_any();
    }
    items.sort_by_key(|(s, _)| *s);
    let infos: Vec<AnyView> = items
        .iter()
        .position(|(s, _)| *s == Severity::Info)
        .map(|at| items.split_off(at))
        .unwrap_or_default()
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    let n = infos.len();
    let folded = (n > 0).then(|| {
        view! {
            <details>
                <summary>{pick(l, format!("另有 {n} 条提示"), format!("{n} more notes"))}</summary>
                <ul class="desk-findings">{infos}</ul>
            </details>
        }
    });
    let shown: Vec<AnyView> = items.into_iter().map(|(_, v)| v).collect();
    view! { <ul class="desk-findings">{shown}</ul>{folded} }.into_any()
}

fn body(r: &Entry, l: Lang) -> AnyView {
    if let Some(why) = &r.row.unread {
        return view! { <p class="desk-unread">{pick(l, "无法读取：", "Cannot be read: ")}{why.get(l).to_string()}</p> }.into_any();
    }
    let own: Vec<(Severity, AnyView)> = r.opened.findings.iter().map(|f| (f.severity, finding_view(f, None, l).into_any())).collect();
    let unplaced = (r.row.unplaced > 0).then(|| {
        let n = r.row.unplaced;
        view! { <p class="note">{pick(l, format!("自评表中有 {n} 个单元格未能对应到字段（命令行 selfcheck import 可逐一列出）。"), format!("{n} cells of the workbook were not placed (the command line's selfcheck import lists each)."))}</p> }
    });
    let reports = r
        .opened
        .reports
        .iter()
        .map(|rc| {
            let inner = match &rc.unread {
                Some(why) => view! { <p class="desk-unread">{pick(l, "无法读取：", "Cannot be read: ")}{why.get(l).to_string()}</p> }.into_any(),
                None => {
                    let items = rc.findings.iter().map(|(f, place)| (f.severity, finding_view(f, Some(place.clone()), l).into_any())).collect();
                    let n = rc.figures;
                    let not_read = rc.not_read.iter().map(|t| view! { <p class="note">{t.get(l).to_string()}</p> }).collect_view();
                    view! {
                        <p class="muted">{pick(l, format!("报告中找到 {n} 个数字，逐个与数据核对。"), format!("{n} figures found in the report, each checked against the data."))}</p>
                        {not_read}
                        {findings_list(items, l)}
                    }
                    .into_any()
                }
            };
            view! { <h4>{pick(l, "Word 报告：", "Word report: ")}{rc.file.clone()}</h4>{inner} }
        })
        .collect_view();
    view! {
        <h4>{pick(l, "自查结果", "Check results")}</h4>
        {unplaced}
        {findings_list(own, l)}
        {reports}
    }
    .into_any()
}

/// Puts the focus back on the table's button of the submission at `at` (after the panel closes).
fn focus_row(at: usize) {
    if let Some(b) = document().get_element_by_id(&super::open_id(at)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = b.focus();
    }
}

/// The opened submission, if any.
#[component]
pub fn Detail() -> impl IntoView {
    let d = desk();
    let l = super::super::i18n::lang();
    // Opening a submission brings its panel into view and moves the focus there.
    Effect::new(move |_| {
        if d.opened.get().is_some() {
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("desk-detail").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                    el.scroll_into_view_with_bool(true);
                }
            });
        }
    });
    move || {
        let file = d.opened.get()?;
        let lang = l.get();
        d.reviewed.with(|all| {
            let at = all.iter().position(|r| r.row.file == file)?;
            let r = &all[at];
            let who = format!("{} {}", r.row.unit.trim(), r.row.year.trim()).trim().to_string();
            let title = if who.is_empty() { r.row.file.clone() } else { format!("{} · {who}", r.row.file) };
            let label = title.clone();
            Some(view! {
                <div class="desk-detail" id="desk-detail" tabindex="-1" role="region" aria-label=label>
                    <div class="desk-detail-head">
                        <h3>{title}</h3>
                        <button type="button" class="icon" on:click=move |_| { d.opened.set(None); focus_row(at); }
                            aria-label=move || pick(l.get(), "关闭", "Close")>"✕"</button>
                    </div>
                    {body(r, lang)}
                    <p class="hint">{pick(lang, "这里只列出检查结果；需要修改的，请退回报送单位改正后重新报送。", "Findings only: the unit corrects its own file and hands it in again.")}</p>
                </div>
            })
        })
    }
}
