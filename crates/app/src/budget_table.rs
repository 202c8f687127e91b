//! 预算执行: the budget table (合计, rows by fund source and by expenditure type), each row's
//! computed 执行率 beside the stated one, derived rows marked, and the overall 偏差原因 / 改进措施.

use leptos::prelude::*;
use rust_decimal::Decimal;

use selfcheck_core::document::format::{group, path, ROW_NAMES};
use selfcheck_core::document::schema;
use selfcheck_core::edit::{self, budget_paste, paste};
use selfcheck_core::{Lang, Text};
use wasm_bindgen::JsCast;

use super::explain::Calc;
use super::fields::{Field, Kind};
use super::i18n::{pick, tr};
use super::state::{app, focus_by_id, App};

#[derive(Clone, PartialEq, Default)]
struct RateView {
    value: String,
    explain: Text,
    derived: bool,
    /// A derived row's amounts as computed (budget, spending), shown in its cells.
    amounts: (String, String),
}

fn rate_view(id: &str) -> Memo<RateView> {
    let a = app();
    let id = id.to_string();
    Memo::new(move |_| {
        a.ev.with(|e| {
            e.budget
                .row(&id)
                .map(|r| RateView {
                    value: match (r.rate, r.not_applicable) {
                        (Some(x), _) => format!("{x}%"),
                        (None, true) => "不适用".to_string(),
                        _ => "—".to_string(),
                    },
                    explain: r.explain.clone(),
                    derived: r.derived,
                    amounts: if r.derived {
                        (
                            r.budget.map(selfcheck_core::check::budget::money).unwrap_or_default(),
                            r.actual.map(selfcheck_core::check::budget::money).unwrap_or_default(),
                        )
                    } else {
                        Default::default()
                    },
                })
                .unwrap_or_default()
        })
    })
}

#[component]
fn Row(id: String) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let rv = rate_view(&id);
    let p = {
        let id = id.clone();
        move |f: &str| path::budget_row(&id, f)
    };
    let total = id == "total";
    let name_cell = if total {
        view! { <th scope="row" class="name">{tr("合计", "Total")}</th> }.into_any()
    } else {
        view! { <td class="name" data-col="name"><Field p=p("name") label=schema::label(schema::BUDGET, "name") compact=true list="dl-budget-names" /></td> }.into_any()
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let cur = a.drafts.with_value(|d| d.current.clone());
            if let Some((at, row)) = a.restructure(|d| edit::rows::remove_budget_row(d, &id)) {
                let name = row.name.clone();
                a.notify_undo(
                    Text::new(format!("已删除预算行“{name}”"), format!("Budget row '{name}' removed")),
                    move |d, drafts| {
                        if drafts.current == cur {
                            edit::rows::restore_budget_row(d, at, row)
                        }
                    },
                );
            }
        }
    };
    let value = Signal::derive(move || {
        let v = rv.get();
        if v.value == "不适用" && l.get() == Lang::En {
            "n/a".to_string()
        } else {
            v.value
        }
    });
    let explain = Signal::derive(move || rv.with(|v| v.explain.get(l.get()).to_string()));
    // A derived row's amounts stand in its cells (the inputs stay blank: nothing was typed there).
    let derived_amount = move |n: usize| {
        view! {
            <Show when=move || rv.with(|v| v.derived && !(if n == 0 { &v.amounts.0 } else { &v.amounts.1 }).is_empty())>
                <span class="derived-value" title=move || pick(l.get(), "由合计减其余各行推算，未填写", "derived as total − the other rows; not typed")>
                    {move || rv.with(|v| format!("{}{}", pick(l.get(), "推算 ", "derived "), if n == 0 { &v.amounts.0 } else { &v.amounts.1 }))}
                </span>
            </Show>
        }
    };
    view! {
        <tr data-id=id.clone() class:total=total class:derived=move || rv.with(|v| v.derived)>
            {name_cell}
            <td data-col="initial"><Field p=p("initial") label=schema::label(schema::BUDGET, "initial") kind=Kind::Number compact=true /></td>
            <td data-col="adjusted"><Field p=p("adjusted") label=schema::label(schema::BUDGET, "adjusted") kind=Kind::Number compact=true />{derived_amount(0)}</td>
            <td data-col="actual"><Field p=p("actual") label=schema::label(schema::BUDGET, "actual") kind=Kind::Number compact=true />{derived_amount(1)}</td>
            <td data-col="stated_rate"><Field p=p("stated_rate") label=schema::label(schema::BUDGET, "stated_rate") kind=Kind::Number compact=true /></td>
            <td class="computed">
                <Calc id=format!("calc-rate-{id}") value=value explain=explain />
                <Show when=move || rv.with(|v| v.derived)>
                    <span class="badge" title=move || pick(l.get(), "本行金额由合计减其余各行推算", "amounts derived as total − other rows")>{tr("推算", "derived")}</span>
                </Show>
            </td>
            <td data-col="reason"><Field p=p("reason") label=schema::label(schema::BUDGET, "reason") compact=true /></td>
            <td class="actions">
                {(!total).then(|| view! {
                    <button type="button" class="icon danger" on:click=remove.clone()
                        aria-label=move || pick(l.get(), "删除此行", "Remove this row") title=move || pick(l.get(), "删除此行", "Remove this row")>"✕"</button>
                })}
            </td>
        </tr>
    }
}

#[component]
fn Group(grp: &'static str, title: (&'static str, &'static str)) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let ids = Memo::new(move |_| {
        a.shape.track();
        a.doc.with_untracked(|d| d.budget.rows.iter().filter(|r| r.group == grp).map(|r| r.id.clone()).collect::<Vec<_>>())
    });
    let choice = RwSignal::new(String::new());
    let add = move |_| {
        let name = choice.get_untracked();
        let name = if name.is_empty() { String::new() } else { name };
        let id = a.restructure(|d| edit::rows::add_budget_row(d, grp, &name));
        request_animation_frame(move || {
            super::state::focus_by_id(&path::dom_id(&path::budget_row(&id, "adjusted")));
        });
    };
    let select_id = format!("add-row-{grp}");
    view! {
        <tbody>
            <tr class="group"><th colspan="8" scope="rowgroup">{move || pick(l.get(), title.0, title.1)}</th></tr>
            <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <Row id=id /> } />
            <tr class="add no-print">
                <td colspan="8">
                    <label for=select_id.clone()>{tr("添加一行：", "Add a row: ")}</label>
                    <select id=select_id.clone() on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="">{tr("（空白，自填名称）", "(blank, type a name)")}</option>
                        {ROW_NAMES.iter().filter(|(g, _, _)| *g == grp).map(|(_, zh, en)| {
                            let zh = *zh;
                            let en = *en;
                            view! { <option value=zh>{move || pick(l.get(), zh, en)}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" on:click=add>{tr("＋ 添加", "+ Add")}</button>
                </td>
            </tr>
        </tbody>
    }
}

/// Handles a paste into the budget table: a block of cells goes where `core::budget_paste` puts it.
fn paste_into(a: App, ev: web_sys::ClipboardEvent) {
    let Some(text) = ev.clipboard_data().and_then(|c| c.get_data("text/plain").ok()) else { return };
    if !paste::is_block(&text) {
        return; // one value: the browser pastes it into the field as usual
    }
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let col = target.as_ref().and_then(|t| t.closest("[data-col]").ok().flatten()).and_then(|td| td.get_attribute("data-col"));
    let row = target.as_ref().and_then(|t| t.closest("tr[data-id]").ok().flatten()).and_then(|tr| tr.get_attribute("data-id"));
    let (Some(col), Some(row)) = (col, row) else { return };
    ev.prevent_default();
    let cur = a.drafts.with_value(|d| d.current.clone());
    let before = a.doc.with_untracked(|d| d.budget.clone());
    let p = a.rewrite(|d| budget_paste::paste(d, &text, &row, &col));
    if p.rows.is_empty() && p.added.is_empty() {
        return;
    }
    let start = budget_paste::column_of(&col).unwrap_or(0);
    let (n, f) = (p.rows.len(), p.fields.len());
    let (mut zh, mut en) = if start == 0 {
        (
            format!("已粘贴到预算表 {n} 行（{f} 列），按项目名称对应各行"),
            format!("Pasted {n} rows ({f} columns) into the budget table, matched by row name"),
        )
    } else {
        (
            format!("已粘贴到预算表 {n} 行（{f} 列，从“{}”列起向下）", budget_paste::columns()[start].1),
            format!("Pasted {n} rows ({f} columns, from '{}' downward) into the budget table", budget_paste::columns()[start].2),
        )
    };
    if !p.added.is_empty() {
        zh.push_str(&format!("；新增 {} 行：{}", p.added.len(), p.added.join("、")));
        en.push_str(&format!("; {} rows added: {}", p.added.len(), p.added.join(", ")));
    }
    if p.skipped_heading {
        zh.push_str("；首行为表头，已跳过");
        en.push_str("; the heading row was skipped");
    }
    let lost = [
        (p.rows_beyond, "行超出表格最后一行，未粘贴（请先添加行）", "rows below the table's last row were not pasted (add rows first)"),
        (p.unnamed, "行没有项目名称，未粘贴", "rows without a row name were not pasted"),
        (p.extra_cells, "个单元格超出最后一列，未粘贴", "cells beyond the last column were not pasted"),
    ];
    for (k, z, e) in lost.into_iter().filter(|x| x.0 > 0) {
        zh.push_str(&format!("；{k} {z}"));
        en.push_str(&format!("; {k} {e}"));
    }
    zh.push('。');
    en.push('.');
    let incomplete = p.rows_beyond + p.unnamed + p.extra_cells > 0;
    // Pasting over typed figures is one keystroke: it can be taken back.
    a.notify_undo_as(incomplete, Text::new(zh, en), move |d, drafts| {
        if drafts.current == cur {
            d.budget = before;
        }
    });
    let field = p.fields.iter().find(|f| **f != "name").copied().unwrap_or("adjusted");
    if let Some(first) = p.rows.first() {
        let target = path::dom_id(&path::budget_row(first, field));
        request_animation_frame(move || {
            request_animation_frame(move || {
                focus_by_id(&target);
            });
        });
    }
}

/// The section.
#[component]
pub fn BudgetTable() -> impl IntoView {
    let a = app();
    let l = a.lang;
    // The table's headings: the budget sheet's short headings of the field schema.
    let head = move |k: &'static str| {
        let (zh, en) = schema::column(schema::BUDGET, k).map_or((k, k), schema::Column::heading);
        move || pick(l.get(), zh, en)
    };
    let unit = move || {
        a.shape.track();
        a.doc.with(|d| d.unit.amount_unit.clone())
    };
    let total_short = Memo::new(move |_| a.ev.with(|e| e.budget.total.rate.is_some_and(|r| r < Decimal::ONE_HUNDRED)));
    view! {
        <section id="sec-budget" aria-labelledby="h-budget">
            <h2 id="h-budget">{tr("预算执行", "Budget execution")}</h2>
            <p class="hint">
                {move || pick(l.get(), "金额单位：", "Amounts in ")}<b>{unit}</b>
                {tr("。执行率 = 执行数 ÷ 全年预算数 × 100（四舍五入到两位小数）；全年预算数空白时用年初预算数。某一组只有一行金额空白时，由合计减其余各行推算。",
                    ". Rate = spending ÷ full-year budget × 100 (rounded half-up to 2 decimals); when the full-year budget is blank the initial budget is used. When exactly one row of a group is blank it is derived as total − the other rows.")}
            </p>
            <p class="hint">
                {tr("可从 Excel 复制整块单元格，点表中一格后粘贴（Ctrl+V）。列的顺序：项目 → 年初预算数 → 全年预算数 → 执行数 → 填报执行率 → 说明。粘贴在“项目”列时按项目名称对应各行（顺序不限，未有的行自动添加）；粘贴在金额列时从该行起向下填。无法识别的数字原样保留并标出。",
                    "Copy a block of cells in Excel, click a cell of this table and paste (Ctrl+V). Column order: row → initial budget → full-year budget → spending → stated rate → note. Pasted into the row column, rows are matched by name (in any order; missing rows are added); pasted into a figure column, cells fill downward from that row. Figures that cannot be read are kept as pasted and marked.")}
            </p>
            <div class="table-wrap">
                <table class="grid budget" on:paste=move |ev| paste_into(a, ev)>
                    <thead>
                        <tr>
                            <th scope="col">{head("name")}</th>
                            <th scope="col">{head("initial")}</th>
                            <th scope="col">{head("adjusted")}</th>
                            <th scope="col">{head("actual")}</th>
                            <th scope="col">{head("stated_rate")}</th>
                            <th scope="col">{tr("计算执行率", "Computed rate")}</th>
                            <th scope="col">{head("reason")}</th>
                            <th scope="col"><span class="sr-only">{tr("操作", "Actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody><Row id="total".to_string() /></tbody>
                    <Group grp=group::SOURCE title=("按资金来源", "By fund source") />
                    <Group grp=group::TYPE title=("按支出类型", "By expenditure type") />
                </table>
            </div>
            <datalist id="dl-budget-names">
                {ROW_NAMES.iter().map(|(_, zh, _)| view! { <option value=*zh></option> }).collect_view()}
                <option value="其他资金"></option>
            </datalist>
            <div class="form-grid two">
                <Field p="budget.reason" label=("预算执行偏差原因", "Reason for execution below 100%") kind=Kind::Multi required=Signal::from(total_short) />
                <Field p="budget.measure" label=("改进措施", "Improvement measure") kind=Kind::Multi required=Signal::from(total_short) />
            </div>
        </section>
    }
}
