//! The desk's table: a filter bar, one row per submission, column headers that sort
//! ([`selfcheck_core::review::table`] decides the order), and the export of what is shown.

use leptos::prelude::*;

use selfcheck_core::review::table::{first_error_text, Column, Sort};
use selfcheck_core::review::Row;
use selfcheck_core::Lang;

use super::super::i18n::{pick, tr};
use super::super::import_export::{download_bytes, download_or_say};
use super::{desk, run};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The sortable columns: (column, zh header, en header, CSS class).
const HEADERS: &[(Column, &str, &str, &str)] = &[
    (Column::File, "文件", "File", "file"),
    (Column::Unit, "单位", "Unit", "unit"),
    (Column::Year, "年度", "Year", "num"),
    (Column::StatedTotal, "自评总分", "Stated total", "num"),
    (Column::ComputedTotal, "计算总分", "Computed total", "num"),
    (Column::Grade, "等级", "Grade", "grd"),
    (Column::Errors, "错误", "Errors", "num"),
    (Column::Warnings, "提醒", "Warnings", "num"),
    (Column::ReportErrors, "报告核对", "Report check", "report"),
    (Column::FirstError, "首个错误 / 无法读取的原因", "First error / why not read", "first"),
];

/// The report column: what the cross-check of the row's Word reports found.
fn report_cell(r: &Row, l: Lang) -> String {
    if r.reports.is_empty() || r.unread.is_some() {
        return "—".to_string();
    }
    let mut parts = Vec::new();
    if r.report_errors > 0 {
        parts.push(pick(l, format!("{} 处不符", r.report_errors), format!("{} wrong", r.report_errors)));
    }
    if r.report_warnings > 0 {
        parts.push(pick(l, format!("{} 处提醒", r.report_warnings), format!("{} to look at", r.report_warnings)));
    }
    if r.reports_unread > 0 {
        parts.push(pick(l, format!("{} 份无法读取", r.reports_unread), format!("{} not read", r.reports_unread)));
    }
    if parts.is_empty() {
        pick(l, "一致", "agrees").to_string()
    } else {
        parts.join(pick(l, "，", ", "))
    }
}

fn count_cell(n: usize, r: &Row) -> String {
    if r.unread.is_some() {
        "—".to_string()
    } else {
        n.to_string()
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

/// One row of the table.
fn row_view(at: usize, r: &Row, l: Lang, opened: bool) -> impl IntoView {
    let d = desk();
    let file = r.file.clone();
    let open = move |_| {
        let f = file.clone();
        d.opened.update(|o| *o = if o.as_deref() == Some(f.as_str()) { None } else { Some(f) });
    };
    let class = if r.unread.is_some() {
        "unread"
    } else if r.has_problem() {
        "problem"
    } else {
        "clear"
    };
    let has_errors = r.errors > 0;
    let reports = (!r.reports.is_empty()).then(|| view! { <span class="desk-reports">{r.reports.join(pick(l, "、", ", "))}</span> });
    view! {
        <tr class=class class:opened=opened>
            <td class="file">
                <button type="button" class="link" id=super::open_id(at) aria-expanded=opened.to_string() on:click=open>{r.file.clone()}</button>
                {reports}
            </td>
            <td class="unit">{or_dash(&r.unit)}</td>
            <td class="num">{or_dash(r.year.trim())}</td>
            <td class="num">{or_dash(&r.stated_total)}</td>
            <td class="num">{r.computed_total.map(|t| t.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td class="grd">{r.grade.map(|g| g.label().get(l).to_string()).unwrap_or_else(|| "—".into())}</td>
            <td class="num errors" class:has=has_errors>{count_cell(r.errors, r)}</td>
            <td class="num">{count_cell(r.warnings, r)}</td>
            <td class="report">{report_cell(r, l)}</td>
            <td class="first">{or_dash(first_error_text(r, l))}</td>
        </tr>
    }
}

/// The filter bar and the table.
#[component]
pub fn DeskTable() -> impl IntoView {
    let d = desk();
    let l = super::super::i18n::lang();
    let shown = Memo::new(move |_| d.reviewed.with(|r| run::visible(r, &d.filter.get(), d.sort.get(), l.get())));
    let export = move |_| {
        let rows = d.reviewed.with_untracked(|r| shown.get_untracked().iter().map(|&i| r[i].row.clone()).collect::<Vec<_>>());
        let lang = l.get_untracked();
        let a = super::super::state::app();
        leptos::task::spawn_local(async move {
            match run::to_xlsx(a, rows, lang).await {
                Ok(bytes) => {
                    if let Err(why) = download_bytes(pick(lang, "审核汇总.xlsx", "review.xlsx"), XLSX_MIME, &bytes) {
                        download_or_say(a, ("审核汇总表", "The review table"), Err(why));
                    }
                }
                Err(why) => {
                    a.notify(true, why, super::super::state::Action::None);
                }
            }
        });
    };
    let header = move |(col, zh, en, class): (Column, &'static str, &'static str, &'static str)| {
        let sort = d.sort;
        let aria = move || match sort.get() {
            Sort { column: Some(c), descending } if c == col => {
                if descending {
                    "descending"
                } else {
                    "ascending"
                }
            }
            _ => "none",
        };
        let arrow = move || match sort.get() {
            Sort { column: Some(c), descending } if c == col => {
                if descending {
                    "▼"
                } else {
                    "▲"
                }
            }
            _ => "",
        };
        view! {
            <th class=class aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.click(col))>
                    {move || pick(l.get(), zh, en)}<span class="arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    view! {
        <div class="desk-filter" role="group" aria-label=move || pick(l.get(), "筛选", "Filter")>
            <label for="desk-filter-text">{tr("按单位或文件名筛选", "Filter by unit or file name")}</label>
            <input type="search" id="desk-filter-text"
                prop:value=move || d.filter.with(|f| f.text.clone())
                on:input=move |ev| { let v = event_target_value(&ev); d.filter.update(|f| f.text = v) } />
            <label class="check">
                <input type="checkbox" id="desk-problems-only"
                    prop:checked=move || d.filter.with(|f| f.problems_only)
                    on:change=move |ev| { let on = event_target_checked(&ev); d.filter.update(|f| f.problems_only = on) } />
                {tr("只看需要处理的", "Only those to act on")}
            </label>
            <span class="muted" role="status">{move || {
                let (n, all) = (shown.with(|s| s.len()), d.reviewed.with(|r| r.len()));
                if n == all { String::new() } else { pick(l.get(), format!("显示 {n} / {all} 份"), format!("showing {n} of {all}")) }
            }}</span>
            <button type="button" id="desk-export" on:click=export>{tr("导出当前表格（Excel）", "Export this table (Excel)")}</button>
        </div>
        <div class="table-wrap">
            <table class="grid desk-table" id="desk-table">
                <thead><tr>{HEADERS.iter().map(|h| header(*h)).collect_view()}</tr></thead>
                <tbody>
                    {move || {
                        let lang = l.get();
                        let opened = d.opened.get();
                        d.reviewed.with(|r| {
                            shown.get().into_iter().map(|i| {
                                let row = &r[i].row;
                                row_view(i, row, lang, opened.as_deref() == Some(row.file.as_str()))
                            }).collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}
