//! 报告文字: the report's narrative sections. The checker reads them (e.g. "均已完成" next to an
//! indicator that was not met), so findings can point here.

use leptos::prelude::*;

use selfcheck_core::document::format::{path, SECTIONS, SECTION_PARENTS};

use super::fields::{Field, Kind};
use super::i18n::{pick, tr};

/// The section.
#[component]
pub fn Narrative() -> impl IntoView {
    let l = super::state::app().lang;
    view! {
        <section id="sec-narrative" aria-labelledby="h-narrative">
            <h2 id="h-narrative">{tr("报告文字", "Report text")}</h2>
            <p class="hint">{tr("自评报告各部分的文字；检查其中的说法是否与指标、金额一致。", "The report's sections; their claims are checked against the indicators and amounts.")}</p>
            <div class="form-grid two">
                {SECTIONS.iter().map(|(key, zh, en)| {
                    let parent = SECTION_PARENTS.iter().find(|(k, _, _)| k == key).map(|(_, pzh, pen)| {
                        let (pzh, pen) = (*pzh, *pen);
                        view! { <h3 class="part">{move || pick(l.get(), pzh, pen)}</h3> }
                    });
                    view! {
                        {parent}
                        <Field p=path::narrative(key) label=(*zh, *en) kind=Kind::Multi class="narrative" />
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
