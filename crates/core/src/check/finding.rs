//! Findings: what the checker tells the officer, each tied to a rule of the catalogue and to the
//! field it concerns.

use serde::{Deserialize, Serialize};

use crate::text::lang::{Lang, Text};

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
    /// The message with this case's numbers filled in.
    pub message: Text,
    /// The rule in general terms.
    pub rule_title: Text,
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
    /// `rule severity path message`, the CLI's line format, followed by `→ 改为 9.57` when the
    /// finding carries a fix.
    pub fn line(&self, lang: Lang) -> String {
        let mut s = format!("{}\t{}\t{}\t{}", self.rule, self.severity.id(), self.path, self.message.get(lang));
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
