//! Bilingual text. The page and the CLI default to zh-CN; English is a switch.

use serde::{Deserialize, Serialize};

/// The two languages every user-facing message is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
pub enum Lang {
    /// 简体中文, the default: the officers who use the tool write their reports in it.
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `en`, `en-US`…; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A message in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    /// zh-CN.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from its two language versions.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }

    /// The same text in both languages (formulas, numbers).
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text { zh: s.clone(), en: s }
    }

    /// The version for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// What a [`Lazy`] text is written from: typed values that write themselves into one language
/// on demand (a finding's parameters, an indicator's figures).
pub trait Render {
    /// Appends the text in `lang` to `out`.
    fn render(&self, lang: Lang, out: &mut String);
}

/// A text in both languages written only when it is read.
///
/// Policy: checking computes figures, not sentences. An evaluation stores the typed values a
/// message or an explanation is written from, and [`Lazy::text`] writes one language when the
/// page or the CLI shows it. Reading it as a [`Text`] (`lazy.zh`, `lazy.get(lang)`, through
/// `Deref`) writes both languages once and keeps them; serialising writes the same `{zh, en}` as a
/// stored [`Text`], and deserialising gives a text already written.
pub struct Lazy<R> {
    what: Option<R>,
    text: std::sync::OnceLock<Text>,
}

impl<R> Lazy<R> {
    /// A text to be written from `what` when read.
    pub fn new(what: R) -> Lazy<R> {
        Lazy { what: Some(what), text: std::sync::OnceLock::new() }
    }

    /// A text already written (read from JSON, or built by code that has the words at hand).
    pub fn ready(text: Text) -> Lazy<R> {
        Lazy { what: None, text: std::sync::OnceLock::from(text) }
    }

    /// What the text is written from; `None` for a text given ready.
    pub fn what(&self) -> Option<&R> {
        self.what.as_ref()
    }
}

impl<R: Render> Lazy<R> {
    /// The text in `lang`, written now unless it was already (only this language is written).
    pub fn text(&self, lang: Lang) -> std::borrow::Cow<'_, str> {
        match (self.text.get(), &self.what) {
            (Some(t), _) => std::borrow::Cow::Borrowed(t.get(lang)),
            (None, Some(w)) => {
                let mut s = String::new();
                w.render(lang, &mut s);
                std::borrow::Cow::Owned(s)
            }
            (None, None) => std::borrow::Cow::Borrowed(""),
        }
    }

    /// Both languages, written once and kept.
    pub fn both(&self) -> &Text {
        self.text.get_or_init(|| match &self.what {
            Some(w) => {
                let mut t = Text::default();
                w.render(Lang::Zh, &mut t.zh);
                w.render(Lang::En, &mut t.en);
                t
            }
            None => Text::default(),
        })
    }
}

impl<R: Render> std::ops::Deref for Lazy<R> {
    type Target = Text;
    fn deref(&self) -> &Text {
        self.both()
    }
}

impl<R: Clone> Clone for Lazy<R> {
    fn clone(&self) -> Self {
        Lazy { what: self.what.clone(), text: self.text.clone() }
    }
}

/// The empty text (nothing to write; no allocation, nothing kept).
impl<R> Default for Lazy<R> {
    fn default() -> Self {
        Lazy { what: None, text: std::sync::OnceLock::new() }
    }
}

impl<R> From<Text> for Lazy<R> {
    fn from(t: Text) -> Self {
        Lazy::ready(t)
    }
}

/// Equal when written from equal values, else when the texts are equal (a text read from JSON
/// equals the one it was written from).
impl<R: Render + PartialEq> PartialEq for Lazy<R> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.what, &other.what) {
            (Some(a), Some(b)) if a == b => true,
            _ => self.both() == other.both(),
        }
    }
}

impl<R: Render> std::fmt::Debug for Lazy<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.both().fmt(f)
    }
}

impl<R: Render> Serialize for Lazy<R> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.both().serialize(s)
    }
}

impl<'de, R> Deserialize<'de> for Lazy<R> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Text::deserialize(d).map(Lazy::ready)
    }
}

impl Render for Text {
    fn render(&self, lang: Lang, out: &mut String) {
        out.push_str(self.get(lang));
    }
}

/// A name the user supplied (a file name), made safe to show inside the page's own sentences:
/// the characters that reorder text (bidi controls such as U+202E RIGHT-TO-LEFT OVERRIDE) and
/// other control characters are removed, so a name cannot reverse or hide the message around it.
pub fn shown_name(name: &str) -> String {
    name.chars()
        .filter(|c| {
            !matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') && !c.is_control()
        })
        .collect()
}

#[cfg(test)]
mod shown_name_tests {
    use super::shown_name;

    #[test]
    fn bidi_controls_are_removed_and_the_rest_kept() {
        assert_eq!(shown_name("报告\u{202E}nosj.exe"), "报告nosj.exe");
        assert_eq!(shown_name("\u{2067}a\u{2069}\u{200F}b\u{061C}\n.json"), "ab.json");
        assert_eq!(shown_name("广州市总工会 2021.json"), "广州市总工会 2021.json");
    }
}

/// One word for one thing: the names of what an officer writes when a figure falls short, as
/// (zh-CN, English). The national self-evaluation form's column is 偏差原因分析及改进措施, so
/// the requirement is a 偏差原因 and a 改进措施 wherever it arises (an indicator short of its
/// target, execution below 100%, a score below its weight); every label, message, report
/// sentence and sheet header the core writes uses these words, and the page's labels should too.
pub mod terms {
    /// 偏差原因: why the figure fell short.
    pub const REASON: (&str, &str) = ("偏差原因", "Reason for the shortfall");
    /// 改进措施: what will be done about it.
    pub const MEASURE: (&str, &str) = ("改进措施", "Improvement measure");
    /// The national form's column that holds both.
    pub const FORM_COLUMN: (&str, &str) = ("偏差原因分析及改进措施", "Analysis of the shortfall and improvement measures");
}
