//! A computed figure with its explanation: the formula with this case's numbers, shown on hover
//! and on keyboard focus (the figure is focusable and described by the explanation).

use leptos::prelude::*;

/// A computed value; `explain` is shown as a tooltip on hover and focus and read as its
/// description. `tone` adds a class (`bad`, `good`, …) to the value.
#[component]
pub fn Calc(
    /// A unique DOM id for the tooltip.
    id: String,
    /// The value shown.
    value: Signal<String>,
    /// How it was computed.
    explain: Signal<String>,
    /// Extra class of the value.
    #[prop(optional, into)]
    tone: Signal<&'static str>,
) -> impl IntoView {
    let tip = format!("{id}-tip");
    let has_tip = move || !explain.with(String::is_empty);
    view! {
        <span
            class=move || format!("calc {}", tone.get())
            tabindex="0"
            aria-describedby=move || has_tip().then(|| tip.clone())
            id=id.clone()
        >
            <span class="v">{move || value.get()}</span>
            <span class="tip" role="tooltip" id=format!("{id}-tip")>{move || explain.get()}</span>
        </span>
    }
}
