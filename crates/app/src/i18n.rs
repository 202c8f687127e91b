//! The page's two languages: every UI string is written as a (zh-CN, English) pair; findings and
//! computed explanations already carry both ([`selfcheck_core::Text`]).

use leptos::prelude::*;

use selfcheck_core::{Lang, Text};

/// The current language, provided at the root.
#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

/// The language signal from context.
pub fn lang() -> RwSignal<Lang> {
    expect_context::<LangSignal>().0
}

/// A reactive UI string: `tr("中文", "English")` gives the right one as the language switches.
pub fn tr(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let l = lang();
    move || pick(l.get(), zh, en)
}

/// The string for `lang`.
pub fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A core text in the current language (reactive when called inside a closure).
pub fn text(l: RwSignal<Lang>, t: &Text) -> String {
    t.get(l.get()).to_string()
}
