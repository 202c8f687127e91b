//! The draft bar: switch between named drafts, new, duplicate, rename, delete (with undo), and
//! the autosave state.

use leptos::prelude::*;

use selfcheck_core::{Lang, Text};

use super::i18n::{pick, tr};
use super::state::{app, Action, App, Saved};

fn stash_current(a: App) {
    let doc = a.doc.get_untracked();
    a.drafts.update_value(|d| d.current_mut().doc = doc);
}

fn open_current(a: App) {
    let doc = a.drafts.with_value(|d| d.current().doc.clone());
    a.open_document(doc);
    a.refresh_drafts();
}

fn time_of(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

/// Opens a new draft for the year after the open one's (`core::carry`), with an undo that removes
/// it and reopens this one.
pub fn start_next_year(a: App) {
    stash_current(a);
    let now = js_sys::Date::now();
    let (from_id, from, year) = a.drafts.with_value(|d| (d.current.clone(), d.current().name.clone(), d.current().doc.unit.year.clone()));
    let next = selfcheck_core::document::carry::following_year(&year);
    let new_id = a.drafts.try_update_value(|d| {
        let name = d.unused_name(&selfcheck_core::document::carry::next_name(&from, &year, next));
        let doc = selfcheck_core::document::carry::next_year(&d.current().doc);
        d.add(&name, doc, now)
    });
    open_current(a);
    let y = next.map(|y| y.to_string()).unwrap_or_default();
    a.notify_undo(
            Text::new(
                format!(
                    "已按“{from}”新建{y}年度草稿：沿用单位、评分标准、预算行、任务和指标；金额、实际完成值、得分、偏差原因、改进措施和报告文字（部门概况除外）已清空。年度指标值沿用上年，请按本年度绩效目标逐项核对；各指标的上年实际完成值已记下，指标值低于它时会提醒。原草稿未改动。"
                ),
                format!(
                    "Started {y} from '{from}': the unit, rubric, budget rows, tasks and indicators carry over; amounts, actual values, scores, reasons, measures and report texts (but the overview) are cleared. Targets are last year's: check each against this year's targets; each indicator keeps last year's actual value, and a target below it is flagged. The original draft is unchanged."
                ),
            ),
            move |_, drafts| {
                if let Some(id) = new_id {
                    drafts.delete(&id, 0.0);
                }
                drafts.select(&from_id);
            },
        );
}

/// The bar.
#[component]
pub fn DraftBar() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let switch = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        stash_current(a);
        if a.drafts.try_update_value(|d| d.select(&id)).unwrap_or(false) {
            open_current(a);
        }
    };
    let new_draft = move |_| {
        stash_current(a);
        let now = js_sys::Date::now();
        a.drafts.update_value(|d| {
            let name = d.unused_name(pick(l.get_untracked(), "新草稿", "New draft"));
            d.add(&name, selfcheck_core::document::draft::blank_document(), now);
        });
        open_current(a);
    };
    let duplicate = move |_| {
        stash_current(a);
        let now = js_sys::Date::now();
        a.drafts.update_value(|d| {
            let base = format!("{}{}", d.current().name, pick(l.get_untracked(), "（副本）", " (copy)"));
            let name = d.unused_name(&base);
            d.duplicate(&name, now);
        });
        open_current(a);
    };
    let delete = move |_| {
        stash_current(a);
        let now = js_sys::Date::now();
        let id = a.drafts.with_value(|d| d.current.clone());
        let removed = a.drafts.try_update_value(|d| d.delete(&id, now)).flatten();
        if let Some((at, draft)) = removed {
            let name = draft.name.clone();
            open_current(a);
            a.notify_undo(Text::new(format!("已删除草稿“{name}”"), format!("Draft '{name}' deleted")), move |_, drafts| {
                drafts.restore(at, draft)
            });
        }
    };
    let current_name =
        Memo::new(move |_| a.draft_list.with(|(list, cur)| list.iter().find(|(id, _)| id == cur).map(|x| x.1.clone()).unwrap_or_default()));
    let rename = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        let id = a.drafts.with_value(|d| d.current.clone());
        if a.drafts.try_update_value(|d| d.rename(&id, &name)).unwrap_or(false) {
            a.refresh_drafts();
        } else {
            a.notify(
                true,
                Text::new("草稿名称不能为空，已保留原名称。", "A draft name cannot be blank; the old name was kept."),
                Action::None,
            );
            a.refresh_drafts();
        }
    };
    let saved = move || match a.saved.get() {
        Saved::Idle => pick(l.get(), "修改后自动保存在本机浏览器中", "Autosaved in this browser").to_string(),
        Saved::At(t) => match l.get() {
            Lang::Zh => format!("已自动保存 {}", time_of(t)),
            Lang::En => format!("Saved {}", time_of(t)),
        },
        Saved::Failed(m) => m.get(l.get()).to_string(),
    };
    let failed = move || matches!(a.saved.get(), Saved::Failed(_));
    view! {
        <div class="draft-bar" role="group" aria-label=move || pick(l.get(), "草稿", "Drafts")>
            <label for="draft-select">{tr("草稿", "Draft")}</label>
            <select id="draft-select" on:change=switch>
                {move || a.draft_list.with(|(list, cur)| list.iter().map(|(id, name)| {
                    view! { <option value=id.clone() selected=id == cur>{name.clone()}</option> }
                }).collect_view())}
            </select>
            <label for="draft-name" class="sr-only">{tr("草稿名称", "Draft name")}</label>
            <input id="draft-name" type="text" class="draft-name" prop:value=move || current_name.get() on:change=rename
                title=move || pick(l.get(), "修改草稿名称", "Rename the draft") />
            <button type="button" on:click=new_draft>{tr("新建", "New")}</button>
            <button type="button" on:click=duplicate>{tr("复制", "Duplicate")}</button>
            <button type="button" class="danger" on:click=delete>{tr("删除", "Delete")}</button>
            <span class="saved" class:failed=failed role="status">{saved}</span>
        </div>
    }
}
