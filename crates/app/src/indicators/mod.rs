//! 绩效指标: tasks and their indicators in a dense table — add, remove, reorder rows; computed
//! completion and score beside the stated score; 偏差原因 / 改进措施 called for as soon as a
//! shortfall is computed; Excel paste. Long tables are shown a page (`PAGE` rows) at a time per
//! task, keyed by indicator id, so a keystroke only touches the rows whose figures change.

mod paste_cells;
mod row;
mod task;

use std::collections::HashMap;

use leptos::prelude::*;

use selfcheck_core::check::presets;
use selfcheck_core::check::rubric::Method;
use selfcheck_core::document::format::path;
use selfcheck_core::document::vocab::{Category, Direction, Scoring, Tier};
use selfcheck_core::edit::{self, paste};

use crate::fields::Choice;
use crate::i18n::{pick, tr};
use crate::state::{app, focus_by_id, TaskView};
use task::{TaskBlock, TaskSummary};

/// The fields of an indicator's main row, in order (labels: the field schema).
const MAIN_FIELDS: &[&str] = &["name", "category", "direction", "unit", "target", "actual", "weight", "node", "stated_score"];

fn directions() -> Vec<Choice> {
    Direction::ALL.iter().map(|d| (d.code().to_string(), d.label().0.to_string(), d.label().1.to_string())).collect()
}

fn categories() -> Vec<Choice> {
    let mut v = vec![(String::new(), "（未选）".to_string(), "(none)".to_string())];
    // Short labels in the table: 数量指标, 经济效益 … (the group shows in the full label's tooltip).
    v.extend(Category::all().map(|c| (c.code().to_string(), c.short_label().0.to_string(), c.short_label().1.to_string())));
    v
}

fn scoring_methods() -> Vec<Choice> {
    Scoring::ALL.iter().map(|s| (s.code().to_string(), s.label().0.to_string(), s.label().1.to_string())).collect()
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
        let target = path::dom_id(&path::task_name(&id));
        request_animation_frame(move || {
            request_animation_frame(move || {
                focus_by_id(&target);
            })
        });
    };
    let columns = move || paste::columns().iter().map(|c| pick(l.get(), c.1, c.2)).collect::<Vec<_>>().join(" → ");
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
                {Tier::ALL.iter().map(|t| view! { <option value=t.code()></option> }).collect_view()}
            </datalist>
        </section>
    }
}
