//! One indicator: its main row (the fields of `MAIN_FIELDS`, the computed completion and score)
//! and the 偏差原因 / 改进措施 row that opens when it falls short.

use super::{categories, directions, scoring_methods, MAIN_FIELDS};
use crate::explain::Calc;
use crate::fields::{Choice, Field, Kind, Messages, Select};
use crate::i18n::pick;
use crate::state::{app, focus_by_id};
use leptos::prelude::*;
use selfcheck_core::document::format::path;
use selfcheck_core::document::schema;
use selfcheck_core::edit;
use selfcheck_core::Text;

#[component]
pub(super) fn IndicatorRow(task: String, id: String, number: Memo<usize>, nodes: Signal<Vec<Choice>>) -> impl IntoView {
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
        MAIN_FIELDS
            .iter()
            .map(|&f| ((format!("{}-msg", path::dom_id(&p(f))), schema::label(schema::INDICATOR, f)), a.msgs(p(f))))
            .collect::<Vec<_>>(),
    );
    let msgs_row_id = id.clone();
    let explain = Signal::derive(move || calc.with(|c| c.explain.text(l.get()).into_owned()));
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
    let lbl = |k: &'static str| schema::label(schema::INDICATOR, k);
    let btn = |zh: &'static str, en: &'static str| move || pick(l.get(), zh, en);
    let up_id = path::dom_id(&p("up"));
    let reason_id = path::dom_id(&p("reason"));
    let unscored_id = format!("unscored-{id}");
    let down_id = path::dom_id(&p("down"));
    view! {
        <tr data-id=id.clone() class="ind" class:shortfall=shortfall>
            <td class="num">{move || number.get() + 1}</td>
            <td data-col="name" class="c-name"><Field p=p("name") label=lbl("name") kind=Kind::Wrap compact=true msgs_elsewhere=true /></td>
            <td data-col="category" class="c-cat"><Select p=p("category") label=lbl("category") choices=Signal::stored(categories()) compact=true msgs_elsewhere=true /></td>
            <td data-col="direction" class="c-dir"><Select p=p("direction") label=lbl("direction") choices=Signal::stored(directions()) compact=true msgs_elsewhere=true /></td>
            <td data-col="unit" class="c-unit"><Field p=p("unit") label=lbl("unit") compact=true msgs_elsewhere=true /></td>
            <td data-col="target" class="c-num"><Field p=p("target") label=lbl("target") kind=Kind::Number compact=true msgs_elsewhere=true /></td>
            <td data-col="actual" class="c-num"><Field p=p("actual") label=lbl("actual") kind=Kind::Number compact=true list=qualitative_list msgs_elsewhere=true /></td>
            <td class="computed">
                <Calc id=format!("calc-done-{id}") value=Signal::derive(move || calc.with(|c| c.completion.clone())) explain=explain
                    tone=Signal::derive(move || if shortfall.get() { "short" } else { "" }) />
            </td>
            <td data-col="weight" class="c-num s"><Field p=p("weight") label=lbl("weight") kind=Kind::Number compact=true msgs_elsewhere=true /></td>
            <td class="c-node"><Select p=p("node") label=lbl("node") choices=nodes compact=true msgs_elsewhere=true /></td>
            <td data-col="stated_score" class="c-num s"><Field p=p("stated_score") label=lbl("stated_score") kind=Kind::Number compact=true msgs_elsewhere=true /></td>
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
                <td colspan="6" data-col="reason"><Field p=p("reason") label=lbl("reason") kind=Kind::Multi required=shortfall /></td>
                <td colspan="4" data-col="measure"><Field p=p("measure") label=lbl("measure") kind=Kind::Multi required=shortfall /></td>
                <td colspan="2" class="scoring">
                    <Select p=p("scoring") label=lbl("scoring") choices=Signal::stored(scoring_methods()) />
                    <Field p=p("deduct_per_unit") label=lbl("deduct_per_unit") kind=Kind::Number />
                    <Field p=p("previous") label=lbl("previous") kind=Kind::Number />
                </td>
            </tr>
        </Show>
    }
}
