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
