//! Findings: what the checker tells the officer, each tied to a rule of the catalogue and to the
//! field it concerns.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::text::lang::{Lang, Lazy, Render, Text};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before submission: wrong arithmetic, a missing required explanation.
    Error,
    /// A reviewer will ask about it.
    Warning,
    /// Worth knowing; not a defect.
    Info,
}

impl Severity {
    /// "error" / "warning" / "info".
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// 错误 / 提醒 / 提示, or the English word.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "提醒",
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// One finding about one field of one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The catalogue rule that fired, e.g. `indicator.shortfall_unexplained`.
    pub rule: String,
    /// The rule's severity.
    pub severity: Severity,
    /// The rule's category (entry, budget, indicator, score, narrative, report).
    pub category: String,
    /// The field concerned (see [`crate::document::format::path`]).
    pub path: String,
    /// The message with this case's numbers filled in, written when read: [`Finding::message`]
    /// writes one language; reading it as a [`Text`] (`message.zh`) writes both.
    pub message: Message,
    /// The rule in general terms (written when read, as the message).
    pub rule_title: Message,
    /// Where the rule comes from: a document with its 文号, or "算术校验 / arithmetic".
    pub source: String,
    /// The correction, where the rule computed it and it is certain (never from bounds or
    /// estimates): apply it with [`crate::edit::apply_fix`]. Absent from the JSON when there is
    /// none, so findings written before fixes existed read unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A finding's correction: the field to write (a [path](crate::document::format::path), usually the
/// finding's own) and the exact text to write there, as the officer would type it ("93.33",
/// "94.00", "1,000.00", "优").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    /// The field to write.
    pub path: String,
    /// The text to write.
    pub value: String,
}

impl Fix {
    /// A fix writing `value` at `path`.
    pub fn new(path: impl Into<String>, value: impl Into<String>) -> Fix {
        Fix { path: path.into(), value: value.into() }
    }

    /// "改为 9.57" / "change to 9.57": the words of the page's button and the CLI's arrow.
    pub fn label(&self) -> Text {
        Text::new(format!("改为 {}", self.value), format!("change to {}", self.value))
    }
}

impl Finding {
    /// A finding of the rule `V` fires, at `path`: its severity, category, wording and source
    /// from the catalogue (`data/rules.json`), its parameters the violation's typed fields.
    pub fn of<V: Violation>(path: impl Into<String>, violation: V) -> Finding {
        crate::check::rules::catalogue::finding(V::RULE, path.into(), Arc::new(violation))
    }

    /// The message in `lang`, written now (only this language) unless it was already.
    pub fn message(&self, lang: Lang) -> Cow<'_, str> {
        self.message.text(lang)
    }

    /// The rule's title in `lang`, written now unless it was already.
    pub fn title(&self, lang: Lang) -> Cow<'_, str> {
        self.rule_title.text(lang)
    }

    /// `rule severity path message`, the CLI's line format, followed by `→ 改为 9.57` when the
    /// finding carries a fix.
    pub fn line(&self, lang: Lang) -> String {
        let mut s = format!("{}\t{}\t{}\t{}", self.rule, self.severity.id(), self.path, self.message(lang));
        if let Some(f) = &self.fix {
            s.push_str("\t→ ");
            s.push_str(f.label().get(lang));
        }
        s
    }

    /// The finding with this correction (none when `fix` is `None`).
    pub fn with_fix(mut self, fix: Option<Fix>) -> Finding {
        self.fix = fix;
        self
    }
}

/// Counts of findings by severity: (errors, warnings, infos).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let mut c = (0, 0, 0);
    for f in findings {
        match f.severity {
            Severity::Error => c.0 += 1,
            Severity::Warning => c.1 += 1,
            Severity::Info => c.2 += 1,
        }
    }
    c
}

/// A finding's message or title: the catalogue's template for the rule, filled with the
/// finding's parameters in the language asked for.
pub type Message = Lazy<Wording>;

/// A template of `data/rules.json` and the parameters that fill it.
#[derive(Clone)]
pub struct Wording {
    template: &'static Text,
    params: Arc<dyn Params>,
}

impl Wording {
    /// `template` (one of the catalogue's) filled with `params`.
    pub fn new(template: &'static Text, params: Arc<dyn Params>) -> Wording {
        Wording { template, params }
    }
}

impl Render for Wording {
    fn render(&self, lang: Lang, out: &mut String) {
        crate::check::rules::catalogue::fill_into(out, self.template.get(lang), |name, out| self.params.param(name, lang, out));
    }
}

/// The same template and the very same parameters.
impl PartialEq for Wording {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.template, other.template) && Arc::ptr_eq(&self.params, &other.params)
    }
}

/// A finding's parameters: each `{name}` of the rule's templates, written in a language.
pub trait Params: Send + Sync + 'static {
    /// Appends the value of the placeholder `name` in `lang` to `out`; false when the finding
    /// has no such parameter (the placeholder then stays as written, and the rule tests fail).
    fn param(&self, name: &str, lang: Lang, out: &mut String) -> bool;
}

/// A rule's finding with typed fields (ruff's violation structs): the struct names the rule it
/// belongs to, and its fields are the parameters of the rule's templates.
pub trait Violation: Params + Sized {
    /// The rule id, `category.name` (its file is `check/rules/<category>/<name>.rs`).
    const RULE: &'static str;
}

/// A value a template shows, written in a language.
pub trait Show {
    /// Appends the value in `lang`.
    fn show(&self, lang: Lang, out: &mut String);
}

impl Show for String {
    fn show(&self, _: Lang, out: &mut String) {
        out.push_str(self);
    }
}

impl Show for &'static str {
    fn show(&self, _: Lang, out: &mut String) {
        out.push_str(self);
    }
}

/// Words fixed in both languages: (zh-CN, English).
impl Show for (&'static str, &'static str) {
    fn show(&self, lang: Lang, out: &mut String) {
        out.push_str(if lang == Lang::Zh { self.0 } else { self.1 });
    }
}

impl Show for Text {
    fn show(&self, lang: Lang, out: &mut String) {
        out.push_str(self.get(lang));
    }
}

/// A text written when read (an explanation inside a message).
impl<R: Render> Show for Lazy<R> {
    fn show(&self, lang: Lang, out: &mut String) {
        out.push_str(&self.text(lang));
    }
}

/// Nothing when absent.
impl<T: Show> Show for Option<T> {
    fn show(&self, lang: Lang, out: &mut String) {
        if let Some(v) = self {
            v.show(lang, out);
        }
    }
}

/// A decimal with all its digits as computed ("95.50", "17.16").
impl Show for Decimal {
    fn show(&self, _: Lang, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Show for u32 {
    fn show(&self, _: Lang, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// An amount of money with thousands separators and 2 dp ("1,000.00").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money(pub Decimal);

impl Show for Money {
    fn show(&self, _: Lang, out: &mut String) {
        out.push_str(&crate::check::budget::money(self.0));
    }
}

/// A weight or score without trailing zeros ("10", "9.6").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plain(pub Decimal);

impl Show for Plain {
    fn show(&self, _: Lang, out: &mut String) {
        let _ = write!(out, "{}", self.0.normalize());
    }
}

/// Implements [`Violation`] and [`Params`] for a struct whose fields are its rule's parameters,
/// each placeholder `{field}` written by the field's [`Show`].
macro_rules! violation {
    ($ty:ident = $id:literal { $($field:ident),* $(,)? }) => {
        impl $crate::check::finding::Violation for $ty {
            const RULE: &'static str = $id;
        }
        impl $crate::check::finding::Params for $ty {
            fn param(&self, name: &str, lang: $crate::text::lang::Lang, out: &mut String) -> bool {
                #[allow(unused_imports)]
                use $crate::check::finding::Show;
                match name {
                    $(stringify!($field) => self.$field.show(lang, out),)*
                    _ => return false,
                }
                #[allow(unreachable_code)]
                true
            }
        }
    };
}
pub(crate) use violation;
