//! Inputs bound to a field path. Every input has a label, shows its own findings next to it
//! (`aria-invalid` on errors, `aria-describedby` pointing at the messages) and writes exactly what
//! was typed into the document. Numbers are `type="text" inputmode="decimal"`: never a number
//! binding, so nothing typed is reformatted or lost.

use leptos::prelude::*;

use selfcheck_core::check::finding::Severity;
use selfcheck_core::document::format::path;
use selfcheck_core::Lang;

use super::i18n::pick;
use super::state::app;
use super::state::registry::FieldMsg;

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Kind {
    /// One line of text.
    #[default]
    Text,
    /// A number, typed as text.
    Number,
    /// Several lines.
    Multi,
    /// Text that wraps in a table cell (one line high, grows with its content).
    Wrap,
}

/// The messages under a field, with the id `aria-describedby` points at.
#[component]
pub fn Messages(
    id: String,
    msgs: Signal<Vec<FieldMsg>>,
    /// The field's name, when the messages are shown away from it (a table's message row).
    #[prop(optional)]
    label: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let l = app().lang;
    view! {
        <Show when=move || !msgs.with(Vec::is_empty)>
            <ul class="fmsg" id=id.clone()>
                {move || {
                    msgs.get()
                        .into_iter()
                        .map(|m| {
                            let cls = match m.severity {
                                Severity::Error => "error",
                                Severity::Warning => "warning",
                                Severity::Info => "info",
                            };
                            let sev = m.severity.label(l.get());
                            let field = label.map(|x| format!("{}：", pick(l.get(), x.0, x.1)));
                            let fix = m.fix.map(|f| {
                                let text = f.label().get(l.get()).to_string();
                                view! { <button type="button" class="fix" on:click=move |_| app().apply_fix(&f)>{text}</button> }
                            });
                            view! { <li class=cls><b>{sev}</b>" "{field}{m.message.text(l.get()).into_owned()}{fix}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// Whether a list of messages holds an error.
pub fn has_error(msgs: &[FieldMsg]) -> bool {
    msgs.iter().any(|m| m.severity == Severity::Error)
}

/// A labelled input for the field at `p`.
#[component]
pub fn Field(
    /// The field's path.
    #[prop(into)]
    p: String,
    /// Label (zh-CN, English).
    label: (&'static str, &'static str),
    /// How it is edited.
    #[prop(optional)]
    kind: Kind,
    /// Hide the label visually (table cells with a column heading); it stays for screen readers.
    #[prop(optional)]
    compact: bool,
    /// Marks the field as called for (e.g. 偏差原因 once a shortfall is computed).
    #[prop(optional, into)]
    required: Signal<bool>,
    /// Placeholder (zh-CN, English).
    #[prop(optional)]
    hint: Option<(&'static str, &'static str)>,
    /// `list` attribute (a datalist id).
    #[prop(optional)]
    list: Option<&'static str>,
    /// Extra class on the wrapper.
    #[prop(optional)]
    class: &'static str,
    /// The messages are shown elsewhere (a table's message row, see [`Messages`]) under the id
    /// `<dom id>-msg`; the input still points at them.
    #[prop(optional)]
    msgs_elsewhere: bool,
) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let id = path::dom_id(&p);
    let msg_id = format!("{id}-msg");
    let msgs = a.msgs(p.clone());
    let initial = a.doc.with_untracked(|d| selfcheck_core::edit::get(d, &p)).unwrap_or_default();
    // A called-for field is marked while it is blank.
    let filled = RwSignal::new(!selfcheck_core::text::number::is_blank(&initial));
    let wanted = move || required.get() && !filled.get();
    let invalid = move || msgs.with(|m| has_error(m)).then_some("true");
    let described = {
        let msg_id = msg_id.clone();
        move || (!msgs.with(Vec::is_empty)).then(|| msg_id.clone())
    };
    let flash = a.flash;
    let fid = id.clone();
    let wrap_class = move || {
        let mut c = format!("field {class}");
        if wanted() {
            c.push_str(" called-for");
        }
        if msgs.with(|m| has_error(m)) {
            c.push_str(" has-error");
        } else if !msgs.with(Vec::is_empty) {
            c.push_str(" has-note");
        }
        if flash.with(|f| f.as_deref() == Some(fid.as_str())) {
            c.push_str(" flash");
        }
        c
    };
    let label_text = move || {
        let base = pick(l.get(), label.0, label.1);
        if wanted() {
            format!("{base}{}", pick(l.get(), "（需填写）", " (required)"))
        } else {
            base.to_string()
        }
    };
    let placeholder = move || hint.map(|h| pick(l.get(), h.0, h.1));
    let p2 = p.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let f = !selfcheck_core::text::number::is_blank(&v);
        if f != filled.get_untracked() {
            filled.set(f);
        }
        a.set_field(&p2, v)
    };
    let p3 = p.clone();
    let on_blur = move |_| a.touch(&p3);
    let input = match kind {
        Kind::Multi | Kind::Wrap => view! {
            <textarea
                id=id.clone()
                rows=if kind == Kind::Wrap { "1" } else { "2" }
                class:wrap=kind == Kind::Wrap
                prop:value=initial
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=described
                aria-required=move || required.get().then_some("true")
                on:input=on_input
                on:blur=on_blur
            ></textarea>
        }
        .into_any(),
        _ => view! {
            <input
                id=id.clone()
                type="text"
                inputmode=(kind == Kind::Number).then_some("decimal")
                autocomplete="off"
                list=list
                prop:value=initial
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=described
                aria-required=move || required.get().then_some("true")
                on:input=on_input
                on:blur=on_blur
            />
        }
        .into_any(),
    };
    view! {
        <div class=wrap_class>
            <label for=id.clone() class:sr-only=compact>{label_text}</label>
            {input}
            {(!msgs_elsewhere).then(|| view! { <Messages id=msg_id msgs=msgs /> })}
        </div>
    }
}

/// A choice for a select: (value, zh-CN, English).
pub type Choice = (String, String, String);

/// A labelled select for the field at `p`. A value not among the choices (from a file or a
/// paste) stays selected, shown as not recognised, and is never replaced silently.
#[component]
pub fn Select(
    /// The field's path.
    #[prop(into)]
    p: String,
    /// Label (zh-CN, English).
    label: (&'static str, &'static str),
    /// The choices.
    choices: Signal<Vec<Choice>>,
    /// Hide the label visually.
    #[prop(optional)]
    compact: bool,
    /// Called after the value changed (for selects whose change remounts something).
    #[prop(optional)]
    on_change: Option<Callback<String>>,
    /// The messages are shown elsewhere (see [`Field`]).
    #[prop(optional)]
    msgs_elsewhere: bool,
) -> impl IntoView {
    let a = app();
    let l = a.lang;
    let id = path::dom_id(&p);
    let msg_id = format!("{id}-msg");
    let msgs = a.msgs(p.clone());
    let current = RwSignal::new(a.doc.with_untracked(|d| selfcheck_core::edit::get(d, &p)).unwrap_or_default());
    let unknown = move || {
        let c = current.get();
        !c.trim().is_empty() && !choices.with(|cs| cs.iter().any(|x| x.0 == c))
    };
    let invalid = move || (msgs.with(|m| has_error(m)) || unknown()).then_some("true");
    let unknown_id = format!("{id}-unknown");
    let described = {
        let msg_id = msg_id.clone();
        let unknown_id = unknown_id.clone();
        move || {
            let mut v = Vec::new();
            if !msgs.with(Vec::is_empty) {
                v.push(msg_id.clone());
            }
            if unknown() {
                v.push(unknown_id.clone());
            }
            (!v.is_empty()).then(|| v.join(" "))
        }
    };
    let p2 = p.clone();
    let p3 = p.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        a.touch(&p3);
        current.set(v.clone());
        match on_change {
            Some(cb) => cb.run(v),
            None => a.set_field(&p2, v),
        }
    };
    let options = move || {
        let cur = current.get_untracked();
        let lang = l.get();
        let mut opts: Vec<AnyView> = Vec::new();
        if unknown() {
            let text = format!("{cur}{}", pick(lang, "（无法识别）", " (not recognised)"));
            opts.push(view! { <option value=cur.clone() selected=true>{text}</option> }.into_any());
        }
        for (v, zh, en) in choices.get() {
            let sel = v == cur;
            let text = if lang == Lang::Zh { zh } else { en };
            opts.push(view! { <option value=v selected=sel>{text}</option> }.into_any());
        }
        opts
    };
    view! {
        <div class="field" class:has-error=move || invalid().is_some()>
            <label for=id.clone() class:sr-only=compact>{move || pick(l.get(), label.0, label.1)}</label>
            <select id=id.clone() aria-invalid=invalid aria-describedby=described on:change=on_input>
                {options}
            </select>
            <Show when=unknown>
                <div class="fmsg" id=unknown_id.clone()>
                    <span class="error">
                        {move || pick(l.get(), "无法识别，请重新选择", "not recognised; choose one")}
                    </span>
                </div>
            </Show>
            {(!msgs_elsewhere).then(|| view! { <Messages id=msg_id msgs=msgs /> })}
        </div>
    }
}
