//! 绩效指标: tasks and their indicators in a dense table — add, remove, reorder rows; computed
//! completion and score beside the stated score; 偏差原因 / 改进措施 called for as soon as a
//! shortfall is computed; Excel paste. Long tables are shown a page (`PAGE` rows) at a time per
//! task, keyed by indicator id, so a keystroke only touches the rows whose figures change.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::check::presets;
use crate::core::check::rubric::Method;
use crate::core::document::format::{path, CATEGORIES, TIERS};
use crate::core::edit::{self, paste};
use crate::core::{Lang, Text};

use super::explain::Calc;
use super::fields::{Choice, Field, Kind, Messages, Select};
use super::i18n::{pick, tr};
use super::state::{app, focus_by_id, App, TaskView, PAGE};

/// The main row's fields: (field, zh-CN, English).
const MAIN_FIELDS: &[(&str, &str, &str)] = &[
    ("name", "指标名称", "Indicator"),
    ("category", "指标类别", "Category"),
    ("direction", "方向", "Direction"),
    ("unit", "计量单位", "Unit"),
    ("target", "年度指标值", "Target"),
    ("actual", "实际完成值", "Actual"),
    ("weight", "分值", "Weight"),
    ("node", "计入评分项", "Counts under"),
    ("stated_score", "自评得分", "Stated score"),
];

fn directions() -> Vec<Choice> {
    [
        ("≥", "≥ 不低于", "≥ at least"),
        ("≤", "≤ 不高于（反向）", "≤ at most (reverse)"),
        ("=", "= 等于", "= exactly"),
        ("定性", "定性", "qualitative"),
    ]
    .iter()
    .map(|(v, zh, en)| (v.to_string(), zh.to_string(), en.to_string()))
    .collect()
}

fn categories() -> Vec<Choice> {
    let mut v = vec![(String::new(), "（未选）".to_string(), "(none)".to_string())];
    // Short labels in the table: 数量指标, 经济效益 … (the group shows in the full label's tooltip).
    v.extend(CATEGORIES.iter().map(|(id, zh, en)| (id.to_string(), zh.split('·').next_back().unwrap_or(zh).to_string(), en.to_string())));
    v
}

fn scoring_methods() -> Vec<Choice> {
    vec![(String::new(), "按完成比例".into(), "proportional".into()), ("deduct".into(), "超出即扣分".into(), "deduct per unit".into())]
}

/// Rubric nodes indicators can count under.
fn node_choices() -> Signal<Vec<Choice>> {
    let a = app();
    // A memo: the rubric is parsed once per change, not once per row.
    let m = Memo::new(move |_| {
        a.shape.track();
        let mut v = vec![(String::new(), "（不计分）".to_string(), "(not scored)".to_string())];
        a.doc.with_untracked(|d| {
            let r = presets::current_rubric(d);
            for (_, _, n) in r.walk() {
                if matches!(n.method, Method::Indicators { .. }) || n.children.is_empty() {
                    let en = if n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() };
                    v.push((n.id.clone(), n.name.clone(), en));
                }
            }
        });
        v
    });
    m.into()
}

#[component]
fn IndicatorRow(task: String, id: String, number: Memo<usize>, nodes: Signal<Vec<Choice>>) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let calc = a.row_calc(id.clone());
    let p = {
        let (task, id) = (task.clone(), id.clone());
        move |f: &str| path::indicator(&task, &id, f)
    };
    let has_notes = a.doc.with_untracked(|d| {
        d.tasks.iter().find(|t| t.id == task).and_then(|t| t.indicators.iter().find(|i| i.id == id)).is_some_and(|i| {
            !i.reason.trim().is_empty() || !i.measure.trim().is_empty() || !i.scoring.is_empty() || !i.deduct_per_unit.is_empty()
        })
    });
    // 上年实际完成值 alone does not open the panel: a next year's table stays one line per
    // indicator; a target below it is reported in the row, and a bad value opens the panel.
    let notes_open = RwSignal::new(has_notes);
    let shortfall = Signal::derive(move || calc.with(|c| c.shortfall));
    let notes_msgs = {
        let (r, m, y) = (a.msgs(p("reason")), a.msgs(p("measure")), a.msgs(p("previous")));
        move || !r.with(Vec::is_empty) || !m.with(Vec::is_empty) || !y.with(Vec::is_empty)
    };
    let show_notes = move || notes_open.get() || shortfall.get() || notes_msgs();
    // The main row's fields show their messages in one row below it (the columns are narrow).
    let row_msgs = StoredValue::new(
        MAIN_FIELDS.iter().map(|&(f, zh, en)| ((format!("{}-msg", path::dom_id(&p(f))), (zh, en)), a.msgs(p(f)))).collect::<Vec<_>>(),
    );
    let msgs_row_id = id.clone();
    let explain = Signal::derive(move || calc.with(|c| c.explain.get(l.get()).to_string()));
    let mv = {
        let (task, id) = (task.clone(), id.clone());
        move |delta: isize| {
            let (task, id) = (task.clone(), id.clone());
            move |_| {
                a.restructure(|d| edit::rows::move_indicator(d, &task, &id, delta));
                let target = path::dom_id(&path::indicator(&task, &id, if delta < 0 { "up" } else { "down" }));
                request_animation_frame(move || {
                    focus_by_id(&target);
                });
            }
        }
    };
    let remove = {
        let (task, id) = (task.clone(), id.clone());
        move |_| {
            let cur = a.drafts.with_value(|d| d.current.clone());
            if let Some((at, ind)) = a.restructure(|d| edit::rows::remove_indicator(d, &task, &id)) {
                let name = if ind.name.trim().is_empty() { "（未命名）".to_string() } else { ind.name.clone() };
                let t = task.clone();
                a.notify_undo(
                    Text::new(format!("已删除指标“{name}”"), format!("Indicator '{name}' removed")),
                    move |d, drafts| {
                        if drafts.current == cur {
                            edit::rows::restore_indicator(d, &t, at, ind);
                        }
                    },
                );
            }
        }
    };
    let add_after = {
        let (task, id) = (task.clone(), id.clone());
        move |_| {
            if let Some(new_id) = a.restructure(|d| edit::rows::add_indicator(d, &task, Some(&id))) {
                let target = path::dom_id(&path::indicator(&task, &new_id, "name"));
                request_animation_frame(move || {
                    focus_by_id(&target);
                });
            }
        }
    };
    let qualitative_list = "dl-tiers";
    let btn = |zh: &'static str, en: &'static str| move || pick(l.get(), zh, en);
    let up_id = path::dom_id(&p("up"));
    let reason_id = path::dom_id(&p("reason"));
    let unscored_id = format!("unscored-{id}");
    let down_id = path::dom_id(&p("down"));
    view! {
        <tr data-id=id.clone() class="ind" class:shortfall=shortfall>
            <td class="num">{move || number.get() + 1}</td>
            <td data-col="name" class="c-name"><Field p=p("name") label=("指标名称", "Indicator") kind=Kind::Wrap compact=true msgs_elsewhere=true /></td>
            <td data-col="category" class="c-cat"><Select p=p("category") label=("指标类别", "Category") choices=Signal::stored(categories()) compact=true msgs_elsewhere=true /></td>
            <td data-col="direction" class="c-dir"><Select p=p("direction") label=("方向", "Direction") choices=Signal::stored(directions()) compact=true msgs_elsewhere=true /></td>
            <td data-col="unit" class="c-unit"><Field p=p("unit") label=("计量单位", "Unit") compact=true msgs_elsewhere=true /></td>
            <td data-col="target" class="c-num"><Field p=p("target") label=("年度指标值", "Target") kind=Kind::Number compact=true msgs_elsewhere=true /></td>
            <td data-col="actual" class="c-num"><Field p=p("actual") label=("实际完成值", "Actual") kind=Kind::Number compact=true list=qualitative_list msgs_elsewhere=true /></td>
            <td class="computed">
                <Calc id=format!("calc-done-{id}") value=Signal::derive(move || calc.with(|c| c.completion.clone())) explain=explain
                    tone=Signal::derive(move || if shortfall.get() { "short" } else { "" }) />
            </td>
            <td data-col="weight" class="c-num s"><Field p=p("weight") label=("分值", "Weight") kind=Kind::Number compact=true msgs_elsewhere=true /></td>
            <td class="c-node"><Select p=p("node") label=("计入评分项", "Counts under") choices=nodes compact=true msgs_elsewhere=true /></td>
            <td data-col="stated_score" class="c-num s"><Field p=p("stated_score") label=("自评得分", "Stated score") kind=Kind::Number compact=true msgs_elsewhere=true /></td>
            <td class="computed">
                <Calc id=format!("calc-score-{id}") value=Signal::derive(move || calc.with(|c| c.score.clone())) explain=explain />
                <Show when=move || calc.with(|c| c.unscored)>
                    <span class="unscored" id=unscored_id.clone()>{move || pick(l.get(),
                        "未填分值，不计分：计入评分项的指标按分值计分，各指标分值之和即该项分值。",
                        "No weight, not scored: an indicator counts under its scoring item by its weight; the weights add up to the item's.")}</span>
                </Show>
            </td>
            <td class="actions">
                <button type="button" class="icon" id=up_id on:click=mv(-1) aria-label=btn("上移", "Move up") title=btn("上移", "Move up")>"↑"</button>
                <button type="button" class="icon" id=down_id on:click=mv(1) aria-label=btn("下移", "Move down") title=btn("下移", "Move down")>"↓"</button>
                <button type="button" class="icon" on:click=add_after aria-label=btn("在下方插入指标", "Insert an indicator below") title=btn("在下方插入指标", "Insert an indicator below")>"＋"</button>
                <button type="button" class="icon" on:click=move |_| notes_open.update(|o| *o = !*o) aria-expanded=move || show_notes().to_string()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        // Tab from ✎ goes into the open panel (the row's ✕ comes after it otherwise).
                        if ev.key() == "Tab" && !ev.shift_key() && show_notes() {
                            ev.prevent_default();
                            focus_by_id(&reason_id);
                        }
                    }
                    aria-label=btn("偏差原因、改进措施、计分方式与上年实际", "Reason, measure, scoring and last year's actual") title=btn("偏差原因、改进措施、计分方式与上年实际", "Reason, measure, scoring and last year's actual")>"✎"</button>
                <button type="button" class="icon danger" on:click=remove aria-label=btn("删除此指标", "Remove this indicator") title=btn("删除此指标", "Remove this indicator")>"✕"</button>
            </td>
        </tr>
        <Show when=move || row_msgs.with_value(|m| m.iter().any(|(_, v)| !v.with(Vec::is_empty)))>
            <tr class="row-msgs" data-id=msgs_row_id.clone()>
                <td></td>
                <td colspan="12">
                    {row_msgs.get_value().into_iter().map(|((msg_id, label), m)| view! {
                        <Messages id=msg_id msgs=m label=label />
                    }).collect_view()}
                </td>
            </tr>
        </Show>
        <Show when=show_notes>
            <tr class="notes" class:shortfall=shortfall data-id=id.clone()>
                <td></td>
                <td colspan="6" data-col="reason"><Field p=p("reason") label=("偏差原因", "Reason for the shortfall") kind=Kind::Multi required=shortfall /></td>
                <td colspan="4" data-col="measure"><Field p=p("measure") label=("改进措施", "Improvement measure") kind=Kind::Multi required=shortfall /></td>
                <td colspan="2" class="scoring">
                    <Select p=p("scoring") label=("计分方式", "Scoring") choices=Signal::stored(scoring_methods()) />
                    <Field p=p("deduct_per_unit") label=("每单位扣分", "Points per unit") kind=Kind::Number />
                    <Field p=p("previous") label=("上年实际完成值", "Last year's actual") kind=Kind::Number />
                </td>
            </tr>
        </Show>
    }
}

#[derive(Clone, Copy, PartialEq, Default)]
struct TaskSummary {
    count: usize,
    short: usize,
}

#[component]
fn TaskBlock(id: String, summaries: Memo<HashMap<String, TaskSummary>>, nodes: Signal<Vec<Choice>>) -> impl IntoView {
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
    let name_path = format!("tasks.{id}.name");
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
                                <th scope="col">{tr("指标名称", "Indicator")}</th>
                                <th scope="col">{tr("指标类别", "Category")}</th>
                                <th scope="col">{tr("方向", "Direction")}</th>
                                <th scope="col">{tr("单位", "Unit")}</th>
                                <th scope="col">{tr("年度指标值", "Target")}</th>
                                <th scope="col">{tr("实际完成值", "Actual")}</th>
                                <th scope="col" class="computed">{tr("完成率", "Completion")}</th>
                                <th scope="col">{tr("分值", "Weight")}</th>
                                <th scope="col">{tr("计入评分项", "Counts under")}</th>
                                <th scope="col">{tr("自评得分", "Stated score")}</th>
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

/// Handles a paste into a task's table: a block of cells fills rows from the focused cell on.
fn paste_into(a: App, task: &str, ev: web_sys::ClipboardEvent) {
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
    let mut zh = format!("已粘贴 {n} 行（{} 列，从“{}”列起）", fields.len(), paste::COLUMNS[start_col].1);
    let mut en = format!("Pasted {n} rows ({} columns, from '{}')", fields.len(), paste::COLUMNS[start_col].2);
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

/// The section.
#[component]
pub fn Indicators() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let tasks = Memo::new(move |_| {
        a.shape.track();
        a.doc.with_untracked(|d| d.tasks.iter().map(|t| t.id.clone()).collect::<Vec<_>>())
    });
    let summaries = Memo::new(move |_| {
        a.ev.with(|e| {
            // Results come in task order: one entry per run of a task.
            let mut m: HashMap<String, TaskSummary> = HashMap::new();
            let mut run: Option<(&str, TaskSummary)> = None;
            for r in &e.indicators {
                match &mut run {
                    Some((t, s)) if *t == r.task => {
                        s.count += 1;
                        s.short += r.shortfall as usize;
                    }
                    _ => {
                        if let Some((t, s)) = run.take() {
                            let e = m.entry(t.to_string()).or_default();
                            e.count += s.count;
                            e.short += s.short;
                        }
                        run = Some((&r.task, TaskSummary { count: 1, short: r.shortfall as usize }));
                    }
                }
            }
            if let Some((t, s)) = run {
                let e = m.entry(t.to_string()).or_default();
                e.count += s.count;
                e.short += s.short;
            }
            m
        })
    });
    let nodes = node_choices();
    let add_task = move |_| {
        let id = a.restructure(edit::rows::add_task);
        a.task_view.update(|m| {
            m.insert(id.clone(), TaskView { open: true, page: 0 });
        });
        let target = path::dom_id(&format!("tasks.{id}.name"));
        request_animation_frame(move || {
            request_animation_frame(move || {
                focus_by_id(&target);
            })
        });
    };
    let columns = move || paste::COLUMNS.iter().map(|c| pick(l.get(), c.1, c.2)).collect::<Vec<_>>().join(" → ");
    view! {
        <section id="sec-indicators" aria-labelledby="h-indicators">
            <h2 id="h-indicators">{tr("绩效指标", "Performance indicators")}</h2>
            <details class="hint">
                <summary>{tr("从 Excel 粘贴与计分说明", "Pasting from Excel, and how indicators are scored")}</summary>
                <p>
                    {tr("在 Excel 中选中若干行、若干列后复制，点到本表某个单元格再粘贴（Ctrl+V）：从该单元格所在的行和列开始填入，超出现有行数时自动新增指标。列的顺序：",
                        "Copy rows and columns in Excel, click a cell of this table and paste (Ctrl+V): cells fill from that row and column on, adding indicators past the last row. Column order: ")}
                    <b>{columns}</b>
                    {tr("。无法识别的单元格按原样保留并标红，不会丢弃。表头行会自动跳过。",
                        ". Cells that cannot be read are kept as pasted and marked in red, never dropped. A heading row is skipped.")}
                </p>
                <p>
                    {tr("≥ 指标：实际 ≥ 目标得满分，否则 分值 × 实际 ÷ 目标；≤（反向）指标：实际 ≤ 目标得满分，否则 分值 × 目标 ÷ 实际；定性指标按档次：达成 80–100%、部分达成 60–80%、未达成 0–60% 的分值。出现偏差时须填写偏差原因和改进措施。",
                        "≥: actual ≥ target scores full, else weight × actual ÷ target; ≤ (reverse): actual ≤ target scores full, else weight × target ÷ actual; qualitative by tier: achieved 80–100%, partly 60–80%, not achieved 0–60% of the weight. Every shortfall needs a reason and an improvement measure.")}
                </p>
            </details>
            <For each=move || tasks.get() key=|t| t.clone() children=move |id| view! { <TaskBlock id=id summaries=summaries nodes=nodes /> } />
            <p class="no-print"><button type="button" on:click=add_task>{tr("＋ 添加任务", "+ Add task")}</button></p>
            <datalist id="dl-tiers">
                {TIERS.iter().map(|(v, _, _, _, _)| view! { <option value=*v></option> }).collect_view()}
            </datalist>
        </section>
    }
}
