//! 报告文字: the report's narrative sections. The checker reads them (e.g. "均已完成" next to an
//! indicator that was not met), so findings can point here.

use leptos::prelude::*;

use crate::core::format::SECTIONS;

use super::fields::{Field, Kind};
use super::i18n::tr;

/// The section.
#[component]
pub fn Narrative() -> impl IntoView {
    view! {
        <section id="sec-narrative" aria-labelledby="h-narrative">
            <h2 id="h-narrative">{tr("报告文字", "Report text")}</h2>
            <p class="hint">{tr("自评报告各部分的文字；检查其中的说法是否与指标、金额一致。", "The report's sections; their claims are checked against the indicators and amounts.")}</p>
            <div class="form-grid two">
                {SECTIONS.iter().map(|(key, zh, en)| view! {
                    <Field p=format!("narrative.{key}") label=(*zh, *en) kind=Kind::Multi class="narrative" />
                }).collect_view()}
            </div>
        </section>
    }
}
