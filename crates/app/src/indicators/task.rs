//! One task: its name, its indicator table a page at a time, its summary, add / move / remove.

use super::paste_cells::paste_into;
use super::row::IndicatorRow;
use crate::fields::{Choice, Field};
use crate::i18n::{pick, tr};
use crate::state::{app, focus_by_id, TaskView, PAGE};
use leptos::prelude::*;
use selfcheck_core::document::format::path;
use selfcheck_core::document::schema;
use selfcheck_core::edit;
use selfcheck_core::{Lang, Text};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Default)]
pub(super) struct TaskSummary {
    pub(super) count: usize,
    pub(super) short: usize,
}

#[component]
pub(super) fn TaskBlock(id: String, summaries: Memo<HashMap<String, TaskSummary>>, nodes: Signal<Vec<Choice>>) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let view_state = {
        let id = id.clone();
        Memo::new(move |_| {
            let v = a.task_view.with(|m| m.get(&id).copied().unwrap_or(TaskView { open: true, page: 0 }));
            if a.printing.get() {
                TaskView { open: true, ..v }
            } else {
                v
            }
        })
    };
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            a.shape.track();
            let v = view_state.get();
            a.doc.with_untracked(|d| {
                let Some(t) = d.tasks.iter().find(|t| t.id == id) else { return (Vec::new(), 0, 0) };
                let n = t.indicators.len();
                if a.printing.get() {
                    return (t.indicators.iter().map(|i| i.id.clone()).collect(), 0, n);
                }
                let pages = n.div_ceil(PAGE).max(1);
                let page = v.page.min(pages - 1);
                let ids = t.indicators.iter().skip(page * PAGE).take(PAGE).map(|i| i.id.clone()).collect::<Vec<_>>();
                (ids, page, n)
            })
        })
    };
    let summary = {
        let id = id.clone();
        Memo::new(move |_| summaries.with(|m| m.get(&id).copied().unwrap_or_default()))
    };
    let set_view = {
        let id = id.clone();
        move |f: &dyn Fn(&mut TaskView)| {
            let id = id.clone();
            a.task_view.update(|m| {
                let e = m.entry(id).or_insert(TaskView { open: true, page: 0 });
                f(e);
            })
        }
    };
    let toggle = {
        let sv = set_view.clone();
        move |_| sv(&|v: &mut TaskView| v.open = !v.open)
    };
    let prev = {
        let sv = set_view.clone();
        Callback::new(move |_: ()| sv(&|v: &mut TaskView| v.page = v.page.saturating_sub(1)))
    };
    let next = {
        let sv = set_view.clone();
        Callback::new(move |_: ()| sv(&|v: &mut TaskView| v.page += 1))
    };
    let add = {
        let id = id.clone();
        let sv = set_view.clone();
        Callback::new(move |_: ()| {
            if let Some(new_id) = a.restructure(|d| edit::rows::add_indicator(d, &id, None)) {
                let n = a.doc.with_untracked(|d| d.tasks.iter().find(|t| t.id == id).map(|t| t.indicators.len()).unwrap_or(1));
                sv(&|v: &mut TaskView| {
                    v.open = true;
                    v.page = (n - 1) / PAGE;
                });
                let target = path::dom_id(&path::indicator(&id, &new_id, "name"));
                request_animation_frame(move || {
                    request_animation_frame(move || {
                        focus_by_id(&target);
                    })
                });
            }
        })
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let cur = a.drafts.with_value(|d| d.current.clone());
            if let Some((at, task)) = a.restructure(|d| edit::rows::remove_task(d, &id)) {
                let name = if task.name.trim().is_empty() { "（未命名）".to_string() } else { task.name.clone() };
                a.notify_undo(
                    Text::new(
                        format!("已删除任务“{name}”及其 {} 个指标", task.indicators.len()),
                        format!("Task '{name}' and its {} indicators removed", task.indicators.len()),
                    ),
                    move |d, drafts| {
                        if drafts.current == cur {
                            edit::rows::restore_task(d, at, task)
                        }
                    },
                );
            }
        }
    };
    let mv = {
        let id = id.clone();
        move |delta: isize| {
            let id = id.clone();
            move |_| {
                a.restructure(|d| edit::rows::move_task(d, &id, delta));
            }
        }
    };
    let on_paste = {
        let id = id.clone();
        move |ev: web_sys::ClipboardEvent| paste_into(a, &id, ev)
    };
    let body_id = format!("task-body-{id}");
    let positions = Memo::new(move |_| {
        rows.with(|(ids, page, _)| ids.iter().enumerate().map(|(k, i)| (i.clone(), page * PAGE + k)).collect::<HashMap<_, _>>())
    });
    let btn = |zh: &'static str, en: &'static str| move || pick(l.get(), zh, en);
    let task_id = id.clone();
    let name_path = path::task_name(&id);
    let head = move |k: &'static str| {
        let (zh, en) = schema::label(schema::INDICATOR, k);
        move || pick(l.get(), zh, en)
    };
    view! {
        <div class="task" data-task=id.clone()>
            <div class="task-head">
                <button type="button" class="icon toggle" on:click=toggle aria-expanded=move || view_state.with(|v| v.open).to_string() aria-controls=body_id.clone()
                    aria-label=btn("展开或收起本任务的指标", "Show or hide this task's indicators")>
                    {move || if view_state.with(|v| v.open) { "▾" } else { "▸" }}
                </button>
                <Field p=name_path label=("重点工作任务", "Key task") class="task-name" hint=("任务名称", "task name") />
                <span class="task-count">
                    {move || {
                        let s = summary.get();
                        match l.get() {
                            Lang::Zh => format!("{} 个指标", s.count),
                            Lang::En => format!("{} indicators", s.count),
                        }
                    }}
                    <Show when=move || summary.with(|s| s.short > 0)>
                        <span class="short-count">
                            {move || {
                                let s = summary.get();
                                match l.get() {
                                    Lang::Zh => format!("{} 个未达标", s.short),
                                    Lang::En => format!("{} short of target", s.short),
                                }
                            }}
                        </span>
                    </Show>
                </span>
                <span class="task-actions">
                    <button type="button" class="icon" on:click=mv(-1) aria-label=btn("任务上移", "Move task up") title=btn("任务上移", "Move task up")>"↑"</button>
                    <button type="button" class="icon" on:click=mv(1) aria-label=btn("任务下移", "Move task down") title=btn("任务下移", "Move task down")>"↓"</button>
                    <button type="button" class="icon danger" on:click=remove aria-label=btn("删除此任务", "Remove this task") title=btn("删除此任务", "Remove this task")>"✕"</button>
                </span>
            </div>
            <Show when=move || view_state.with(|v| v.open)>
                <div class="table-wrap" id=body_id.clone()>
                    <table class="grid indicators">
                        <thead>
                            <tr>
                                <th scope="col" class="num">"#"</th>
                                <th scope="col">{head("name")}</th>
                                <th scope="col">{head("category")}</th>
                                <th scope="col">{head("direction")}</th>
                                <th scope="col">{head("unit")}</th>
                                <th scope="col">{head("target")}</th>
                                <th scope="col">{head("actual")}</th>
                                <th scope="col" class="computed">{tr("完成率", "Completion")}</th>
                                <th scope="col">{head("weight")}</th>
                                <th scope="col">{head("node")}</th>
                                <th scope="col">{head("stated_score")}</th>
                                <th scope="col" class="computed">{tr("计算得分", "Computed score")}</th>
                                <th scope="col"><span class="sr-only">{tr("操作", "Actions")}</span></th>
                            </tr>
                        </thead>
                        <tbody on:paste=on_paste.clone()>
                            <For
                                each=move || rows.with(|r| r.0.clone())
                                key=|i| i.clone()
                                children={
                                    let id = task_id.clone();
                                    move |ind: String| {
                                        let k = ind.clone();
                                        let number = Memo::new(move |_| positions.with(|m| m.get(&k).copied().unwrap_or(0)));
                                        view! { <IndicatorRow task=id.clone() id=ind number=number nodes=nodes /> }
                                    }
                                }
                            />
                        </tbody>
                    </table>
                    <div class="pager no-print">
                        <Show when=move || rows.with(|r| r.2 > PAGE)>
                            <button type="button" on:click=move |_| prev.run(()) disabled=move || rows.with(|r| r.1 == 0)>{tr("‹ 上一页", "‹ Previous")}</button>
                            <span class="page-info" aria-live="polite">
                                {move || rows.with(|(ids, page, n)| {
                                    let from = page * PAGE + 1;
                                    let to = page * PAGE + ids.len();
                                    match l.get() {
                                        Lang::Zh => format!("第 {from}–{to} 个，共 {n} 个"),
                                        Lang::En => format!("{from}–{to} of {n}"),
                                    }
                                })}
                            </span>
                            <button type="button" on:click=move |_| next.run(()) disabled=move || rows.with(|r| (r.1 + 1) * PAGE >= r.2)>{tr("下一页 ›", "Next ›")}</button>
                        </Show>
                        <button type="button" on:click=move |_| add.run(())>{tr("＋ 添加指标", "+ Add indicator")}</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
