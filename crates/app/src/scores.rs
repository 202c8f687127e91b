//! 评分: the rubric tree with editable weights (editing a preset's weight copies it into the
//! draft), computed and stated scores with reason and measure, 其他加减分项, and the total and
//! grade, stated and computed. A rubric file can be loaded and the rubric in force saved.

use leptos::prelude::*;
use rust_decimal::Decimal;

use selfcheck_core::check::presets;
use selfcheck_core::document::format::path;
use selfcheck_core::{edit, Text};

use super::explain::Calc;
use super::fields::{Field, Kind};
use super::i18n::{pick, tr};
use super::import_export;
use super::state::{app, focus_by_id};

#[derive(Clone, PartialEq)]
struct NodeLine {
    id: String,
    depth: usize,
}

#[derive(Clone, PartialEq, Default)]
struct NodeCalc {
    name: Text,
    method: &'static str,
    computed: String,
    explain: Text,
    weight: String,
    below_full: bool,
    leaf: bool,
}

fn method_label(m: &str) -> (&'static str, &'static str) {
    match m {
        "execution_rate" => ("分值 × 执行率", "weight × execution rate"),
        "indicators" => ("所属绩效指标得分之和", "sum of its indicators"),
        "manual" => ("按评分细则自评", "scored by the unit"),
        _ => ("下级指标之和", "sum of sub-indicators"),
    }
}

#[component]
fn NodeRow(line: NodeLine) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let id = line.id.clone();
    let calc = {
        let id = id.clone();
        Memo::new(move |_| {
            a.ev.with(|e| {
                e.scores
                    .node(&id)
                    .map(|n| NodeCalc {
                        name: Text::new(n.name.clone(), if n.name_en.is_empty() { n.name.clone() } else { n.name_en.clone() }),
                        method: match n.method.as_str() {
                            "execution_rate" => "execution_rate",
                            "indicators" => "indicators",
                            "manual" => "manual",
                            _ => "auto",
                        },
                        computed: n.computed.map(|c| c.to_string()).unwrap_or_else(|| "—".into()),
                        explain: n.explain.clone(),
                        weight: n.effective_weight.map(|w| w.normalize().to_string()).unwrap_or_default(),
                        below_full: matches!((n.score, n.effective_weight), (Some(s), Some(w)) if s < w),
                        leaf: n.leaf,
                    })
                    .unwrap_or_default()
            })
        })
    };
    let below = Signal::derive(move || calc.with(|c| c.below_full));
    let depth_class = format!("depth-{}", line.depth.min(4));
    view! {
        <tr class=depth_class data-id=id.clone()>
            <th scope="row" class="node-name">
                {move || calc.with(|c| c.name.get(l.get()).to_string())}
                <span class="method">{move || calc.with(|c| { let m = method_label(c.method); pick(l.get(), m.0, m.1) })}</span>
            </th>
            <td><Field p=path::rubric_weight(&id) label=("分值", "Weight") kind=Kind::Number compact=true /></td>
            <td class="computed">
                <Calc id=format!("calc-node-{id}") value=Signal::derive(move || calc.with(|c| c.computed.clone()))
                    explain=Signal::derive(move || calc.with(|c| c.explain.get(l.get()).to_string()))
                    tone=Signal::derive(move || if below.get() && calc.with(|c| c.computed != "—") { "short" } else { "" }) />
            </td>
            <td><Field p=path::stated_score(&id, "score") label=("自评得分", "Stated score") kind=Kind::Number compact=true /></td>
            <td><Field p=path::stated_score(&id, "reason") label=selfcheck_core::text::lang::terms::REASON kind=Kind::Multi compact=true required=below /></td>
            <td><Field p=path::stated_score(&id, "measure") label=("改进措施", "Improvement measure") kind=Kind::Multi compact=true required=below /></td>
        </tr>
    }
}

#[component]
fn Adjustments() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let ids = Memo::new(move |_| {
        a.shape.track();
        a.doc.with_untracked(|d| d.stated.adjustments.iter().map(|x| x.id.clone()).collect::<Vec<_>>())
    });
    let add = move |_| {
        let id = a.restructure(edit::rows::add_adjustment);
        request_animation_frame(move || {
            focus_by_id(&path::dom_id(&path::adjustment(&id, "points")));
        });
    };
    let sum = Memo::new(move |_| a.ev.with(|e| e.scores.adjustments.to_string()));
    view! {
        <div class="adjustments">
            <h3>{tr("其他加减分项", "Other bonuses and deductions")}</h3>
            <Show when=move || !ids.with(Vec::is_empty) fallback=move || view! { <p class="muted">{tr("无。", "None.")}</p> }>
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{tr("加减分（如 +1、-0.5）", "Points (e.g. +1, -0.5)")}</th>
                        <th scope="col">{tr("事由", "Reason")}</th>
                        <th scope="col"><span class="sr-only">{tr("操作", "Actions")}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|i| i.clone() children=move |id: String| {
                            let rid = id.clone();
                            let remove = move |_| {
                                let cur = a.drafts.with_value(|d| d.current.clone());
                                if let Some((at, adj)) = a.restructure(|d| edit::rows::remove_adjustment(d, &rid)) {
                                    a.notify_undo(Text::new("已删除一项加减分", "Adjustment removed"), move |d, drafts| {
                                        if drafts.current == cur { edit::rows::restore_adjustment(d, at, adj) }
                                    });
                                }
                            };
                            view! {
                                <tr>
                                    <td><Field p=path::adjustment(&id, "points") label=("加减分", "Points") kind=Kind::Number compact=true /></td>
                                    <td><Field p=path::adjustment(&id, "reason") label=("事由", "Reason") compact=true /></td>
                                    <td class="actions"><button type="button" class="icon danger" on:click=remove
                                        aria-label=move || pick(l.get(), "删除此项", "Remove") title=move || pick(l.get(), "删除此项", "Remove")>"✕"</button></td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
            </Show>
            <p class="no-print">
                <button type="button" on:click=add>{tr("＋ 添加加减分项", "+ Add bonus or deduction")}</button>
                " "<span class="muted">{tr("合计：", "Sum: ")}{move || sum.get()}</span>
            </p>
        </div>
    }
}

/// The section.
#[component]
pub fn Scores() -> impl IntoView {
    let a = app();
    let l = a.lang;
    let lines =
        Memo::new(move |_| a.ev.with(|e| e.scores.nodes.iter().map(|n| NodeLine { id: n.id.clone(), depth: n.depth }).collect::<Vec<_>>()));
    let info = Memo::new(move |_| a.ev.with(|e| e.rubric.clone()));
    let note = Memo::new(move |_| {
        a.shape.track();
        a.doc.with_untracked(|d| presets::current_rubric(d).note_text())
    });
    let total = Memo::new(move |_| {
        a.ev.with(|e| (e.scores.total.map(|t| t.to_string()).unwrap_or_else(|| "—".into()), e.scores.total_explain.clone(), e.scores.grade))
    });
    let grade_text = move || {
        total.with(|(_, _, g)| match g {
            Some(g) => {
                let t = g.label();
                pick(l.get(), t.zh.clone(), t.en.clone())
            }
            None => "—".to_string(),
        })
    };
    let weights_total = Memo::new(move |_| {
        a.ev.with(|e| e.scores.nodes.iter().filter(|n| n.depth == 1).filter_map(|n| n.weight).sum::<Decimal>().normalize().to_string())
    });
    let file_id = "rubric-file";
    view! {
        <section id="sec-scores" aria-labelledby="h-scores">
            <h2 id="h-scores">{tr("评分", "Scores")}</h2>
            <div class="rubric-info">
                <p>
                    <b>{move || info.with(|r| r.name_text().get(l.get()).to_string())}</b>
                    {move || info.with(|r| (!r.year.is_empty()).then(|| format!("（{}）", r.year)))}
                    <Show when=move || info.with(|r| r.example)>
                        <span class="badge warn">{tr("示例评分标准：请按当年通知替换", "illustrative rubric: replace it with this year's notice")}</span>
                    </Show>
                </p>
                <p class="muted">{tr("依据：", "Source: ")}{move || info.with(|r| r.source.clone())}</p>
                <Show when=move || note.with(|n| !n.zh.is_empty())>
                    <p class="muted">{move || note.with(|n| n.get(l.get()).to_string())}</p>
                </Show>
                <p class="no-print rubric-files">
                    <span class="file-pick">
                        <label for=file_id class="button">{tr("载入评分标准文件…", "Load a rubric file…")}</label>
                        <input type="file" id=file_id accept=".json,application/json" class="file"
                            on:change=move |ev| import_export::on_file_input(a, ev, import_export::Target::Rubric) />
                    </span>
                    <button type="button" on:click=move |_| import_export::save_rubric(a)>{tr("保存评分标准为文件", "Save the rubric as a file")}</button>
                    <span class="muted">{tr("修改下表中的分值即在本草稿中保存一份修改后的评分标准。", "Editing a weight below keeps an edited copy of the rubric in this draft.")}</span>
                </p>
            </div>
            <div class="table-wrap">
                <table class="grid scores">
                    <thead>
                        <tr>
                            <th scope="col">{tr("评价指标", "Rubric indicator")}</th>
                            <th scope="col">{tr("分值", "Weight")}</th>
                            <th scope="col" class="computed">{tr("计算得分", "Computed")}</th>
                            <th scope="col">{tr("自评得分", "Stated score")}</th>
                            <th scope="col">{tr(selfcheck_core::text::lang::terms::REASON.0, selfcheck_core::text::lang::terms::REASON.1)}</th>
                            <th scope="col">{tr("改进措施", "Improvement measure")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || lines.get() key=|n| n.id.clone() children=move |n| view! { <NodeRow line=n /> } />
                        <tr class="sum">
                            <th scope="row">{tr("一级指标分值合计", "Level-1 weights total")}</th>
                            <td>{move || weights_total.get()}</td>
                            <td colspan="4"></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <Adjustments />
            <div class="totals">
                <div class="total-box">
                    <h3>{tr("自评结论（填报）", "Stated result")}</h3>
                    <div class="form-grid two">
                        <Field p="stated.total" label=("自评总分", "Stated total") kind=Kind::Number />
                        <Field p="stated.grade" label=("评价等级（优/良/中/差）", "Grade (优/良/中/差)") list="dl-grades" />
                    </div>
                </div>
                <div class="total-box computed-box">
                    <h3>{tr("按评分标准计算", "Computed by the rubric")}</h3>
                    <p>
                        {tr("总分 ", "Total ")}
                        <Calc id="calc-total".to_string() value=Signal::derive(move || total.with(|t| t.0.clone()))
                            explain=Signal::derive(move || total.with(|t| t.1.get(l.get()).to_string())) tone=Signal::derive(|| "big") />
                        " "{tr("等级 ", "grade ")}<b class="grade">{grade_text}</b>
                    </p>
                    <p class="muted">{move || super::i18n::text(super::i18n::lang(), &selfcheck_core::document::vocab::grade_bands())}</p>
                </div>
            </div>
            <datalist id="dl-grades">
                <option value="优"></option><option value="良"></option><option value="中"></option><option value="差"></option>
            </datalist>
        </section>
    }
}
