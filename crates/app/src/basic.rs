//! 基本信息: who reports, for which year, in which amount unit, under which rubric.

use leptos::prelude::*;

use selfcheck_core::check::presets;
use selfcheck_core::document::format::SelfEvaluation;
use selfcheck_core::{edit, Lang, Text};

use super::fields::{Choice, Field, Kind, Select};
use super::i18n::tr;
use super::state::app;

/// The preset choices, plus the document's own rubric when it carries one.
pub fn rubric_choices(doc: &SelfEvaluation) -> Vec<Choice> {
    let mut v: Vec<Choice> = presets::presets()
        .iter()
        .map(|r| (r.id.clone(), r.name.clone(), if r.name_en.is_empty() { r.name.clone() } else { r.name_en.clone() }))
        .collect();
    if let Some(r) = &doc.rubric.inline {
        // The select shows the document's choice: an edited preset keeps the preset's entry.
        if !v.iter().any(|c| c.0 == doc.rubric.preset) {
            v.insert(
                0,
                (
                    doc.rubric.preset.clone(),
                    format!("{}（文件载入）", r.name),
                    format!("{} (loaded from a file)", r.name_in(selfcheck_core::Lang::En)),
                ),
            );
        }
    }
    v
}

/// The section.
#[component]
pub fn Basic() -> impl IntoView {
    let a = app();
    let units: Signal<Vec<Choice>> = Signal::stored(vec![
        ("万元".to_string(), "万元".to_string(), "10,000 yuan (万元)".to_string()),
        ("元".to_string(), "元".to_string(), "yuan (元)".to_string()),
    ]);
    let presets: Signal<Vec<Choice>> = Memo::new(move |_| {
        a.shape.track();
        a.doc.with_untracked(rubric_choices)
    })
    .into();
    let change_preset = Callback::new(move |v: String| {
        let before = a.doc.with_untracked(|d| d.rubric.clone());
        a.rewrite(|d| edit::set(d, "rubric.preset", &v));
        if before.inline.is_some() {
            a.notify_undo(
                Text::new(
                    "已改用所选评分标准；原来修改过的权重已放弃。",
                    "Switched to the chosen rubric; the edited weights were dropped.",
                ),
                move |d, _| d.rubric = before,
            );
        }
    });
    let edited = move || {
        a.shape.track();
        a.doc.with(|d| {
            d.rubric.inline.as_ref().map(|r| presets::presets().iter().find(|p| p.id == r.id).is_some_and(|p| p != r)).unwrap_or(false)
        })
    };
    let next_label = move || {
        let next = a.doc.with(|d| selfcheck_core::document::carry::following_year(&d.unit.year));
        match (a.lang.get(), next) {
            (Lang::Zh, Some(y)) => format!("新建 {y} 年度草稿"),
            (Lang::Zh, None) => "新建下一年度草稿".to_string(),
            (Lang::En, Some(y)) => format!("Start the {y} draft"),
            (Lang::En, None) => "Start next year's draft".to_string(),
        }
    };
    view! {
        <section id="sec-basic" aria-labelledby="h-basic">
            <h2 id="h-basic">{tr("基本信息", "Basic information")}</h2>
            <div class="form-grid">
                <Field p="unit.name" label=("单位名称", "Unit name") hint=("如：广州市总工会", "e.g. 广州市总工会") class="wide" />
                <Field p="unit.year" label=("年度", "Year") kind=Kind::Number hint=("如：2021", "e.g. 2021") />
                <Field p="unit.level" label=("预算级次", "Budget level") list="dl-levels" hint=("如：市本级", "e.g. 市本级") />
                <Select p="unit.amount_unit" label=("金额单位", "Amount unit") choices=units />
                <Field p="unit.staff_quota" label=("编制数（人）", "Authorised staff") kind=Kind::Number hint=("选填", "optional") />
                <Field p="unit.staff_actual" label=("年末实有人数（人）", "Staff in post at year end") kind=Kind::Number hint=("选填", "optional") />
                <Field p="unit.subordinates" label=("纳入编制范围的下属单位（每行一个）", "Subordinate units (one per line)") kind=Kind::Multi class="wide" />
                <div class="next-year no-print">
                    <span class="label">{tr("下一年度", "Next year")}</span>
                    <button type="button" id="draft-next-year" on:click=move |_| super::drafts::start_next_year(a)>{next_label}</button>
                    <p class="hint">{tr("沿用单位、评分标准、任务和指标，清空金额、完成值、得分和报告文字；本草稿不变。", "Keeps the unit, rubric, tasks and indicators; clears amounts, results, scores and report texts. This draft stays as it is.")}</p>
                </div>
                <div class="wide">
                    <Select p="rubric.preset" label=("评分标准", "Rubric") choices=presets on_change=change_preset />
                    <Show when=edited>
                        <p class="note">{tr("已在“评分”中修改权重：修改后的评分标准保存在本草稿中。", "Weights were edited under Scores: the edited rubric is kept in this draft.")}</p>
                    </Show>
                </div>
            </div>
            <datalist id="dl-levels">
                <option value="市本级"></option>
                <option value="区级"></option>
                <option value="省级"></option>
                <option value="部门汇总"></option>
            </datalist>
        </section>
    }
}
