//! The rule catalogue: every rule's id, severity, category, message template in both languages
//! and source document, read from `data/rules.json` (compiled in). A rule's check makes its
//! findings with [`Finding::of`] from a typed violation; the templates are filled when a message
//! is shown. `docs/rules.md` is tested against the same file.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::check::finding::{Finding, Message, Params, Severity, Wording};
use crate::text::lang::{Lang, Text};

/// One rule of the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Stable id, `category.name`.
    pub id: String,
    /// Severity of its findings.
    pub severity: Severity,
    /// entry / budget / indicator / score / narrative / format / report.
    pub category: String,
    /// The rule in general terms (may hold `{threshold}`-style parameters).
    pub title: Text,
    /// The finding's message with `{param}` placeholders.
    pub message: Text,
    /// The source document (with 文号) or "算术校验 / arithmetic".
    pub source: String,
    /// What the rule's findings offer to write, where it can be computed for certain (the
    /// finding's `fix`): "改为按金额计算的执行率" / "the amounts' rate". Absent: no fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Text>,
}

#[derive(Deserialize)]
struct File {
    rules: Vec<Rule>,
}

const RULES_JSON: &str = include_str!("../../../../../data/rules.json");

/// All rules, in catalogue order.
pub fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| serde_json::from_str::<File>(RULES_JSON).map(|f| f.rules).unwrap_or_default())
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().iter().find(|r| r.id == id)
}

/// Replaces each `{name}` in `template` by its parameter; unknown names stay as written.
pub fn fill(template: &str, params: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    fill_into(&mut out, template, |name, out| match params.iter().find(|(k, _)| *k == name) {
        Some((_, v)) => {
            out.push_str(v);
            true
        }
        None => false,
    });
    out
}

/// Appends `template` to `out` with each `{name}` written by `param` (which returns false for a
/// name it does not know: the placeholder then stays as written).
pub fn fill_into(out: &mut String, template: &str, mut param: impl FnMut(&str, &mut String) -> bool) {
    // '{' and '}' are ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so the scan
    // can go byte by byte and every cut falls on a character boundary.
    let bytes = template.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while let Some(open) = bytes[i..].iter().position(|&b| b == b'{').map(|p| i + p) {
        let Some(close) = bytes[open + 1..].iter().position(|&b| b == b'}').map(|p| open + 1 + p) else { break };
        let name = &template[open + 1..close];
        out.push_str(&template[copied..open]);
        let at = out.len();
        if param(name, out) {
            copied = close + 1;
        } else {
            out.truncate(at);
            copied = open;
        }
        i = close + 1;
    }
    out.push_str(&template[copied..]);
}

/// A finding of rule `id` at `path` with `params` (the rule's wording written when shown).
/// An id missing from the catalogue is a defect: the finding says so rather than vanishing.
pub(crate) fn finding(id: &'static str, path: String, params: Arc<dyn Params>) -> Finding {
    match rule(id) {
        Some(r) => {
            let mut source = String::new();
            fill_into(&mut source, &r.source, |name, out| params.param(name, Lang::Zh, out));
            Finding {
                rule: r.id.clone(),
                severity: r.severity,
                category: r.category.clone(),
                path,
                message: Message::new(Wording::new(&r.message, params.clone())),
                rule_title: Message::new(Wording::new(&r.title, params)),
                source,
                fix: None,
            }
        }
        None => unknown(id, path),
    }
}

fn unknown(id: &str, path: String) -> Finding {
    Finding {
        rule: id.to_string(),
        severity: Severity::Error,
        category: "internal".to_string(),
        path,
        message: Message::ready(Text::new(format!("规则 {id} 不在规则目录中"), format!("rule {id} is not in the catalogue"))),
        rule_title: Message::ready(Text::same(id)),
        source: String::new(),
        fix: None,
    }
}

/// Parameters given as (name, text) pairs, for the rules that are not yet typed (the report
/// cross-check's, and the entry rules fired while values are read). A template's `{x}` is the
/// pair `x_zh` / `x_en` for that language, else `x`.
struct Pairs(Vec<(String, String)>);

impl Params for Pairs {
    fn param(&self, name: &str, lang: Lang, out: &mut String) -> bool {
        let suffix = if lang == Lang::Zh { "_zh" } else { "_en" };
        let find = |key: &dyn Fn(&str) -> bool| self.0.iter().find(|(k, _)| key(k));
        let hit = find(&|k: &str| k.len() == name.len() + 3 && k.starts_with(name) && k.ends_with(suffix)).or_else(|| find(&|k| k == name));
        match hit {
            Some((_, v)) => {
                out.push_str(v);
                true
            }
            None => false,
        }
    }
}

/// A finding of rule `id` at `path`, its message and title filled with `params` (see [`Pairs`]).
/// An id missing from the catalogue is a defect: the finding says so rather than vanishing.
pub fn fire(id: &str, path: &str, params: &[(&str, String)]) -> Finding {
    match rules().iter().find(|r| r.id == id) {
        Some(r) => {
            let pairs = Pairs(params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect());
            let mut source = String::new();
            fill_into(&mut source, &r.source, |name, out| pairs.param(name, Lang::Zh, out));
            let params: Arc<dyn Params> = Arc::new(pairs);
            Finding {
                rule: r.id.clone(),
                severity: r.severity,
                category: r.category.clone(),
                path: path.to_string(),
                message: Message::new(Wording::new(&r.message, params.clone())),
                rule_title: Message::new(Wording::new(&r.title, params)),
                source,
                fix: None,
            }
        }
        None => unknown(id, path.to_string()),
    }
}

/// Counts occurrences of a parameter key across a list (used by tests of message templates).
pub fn placeholders(template: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    let mut rest = template;
    while let Some(s) = rest.find('{') {
        let after = &rest[s + 1..];
        if let Some(e) = after.find('}') {
            *m.entry(after[..e].to_string()).or_insert(0) += 1;
            rest = &after[e + 1..];
        } else {
            break;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_loads_with_unique_ids_and_sources() {
        let rs = rules();
        assert!(rs.len() >= 20, "catalogue has {} rules", rs.len());
        let mut ids: Vec<&str> = rs.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rs.len(), "duplicate rule ids");
        for r in rs {
            assert!(!r.source.is_empty(), "{} has no source", r.id);
            assert!(r.id.starts_with(&format!("{}.", r.category)), "{} not in its category", r.id);
            let norm = |t: &str| -> std::collections::BTreeSet<String> {
                placeholders(t).into_keys().map(|k| k.trim_end_matches("_zh").trim_end_matches("_en").to_string()).collect()
            };
            assert_eq!(norm(&r.message.zh), norm(&r.message.en), "{}: the two languages use different parameters", r.id);
        }
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        assert_eq!(fill("a {x} b {y}", &[("x", "1".into())]), "a 1 b {y}");
        assert_eq!(fill("open {", &[]), "open {");
        assert_eq!(fill("{x}{x}", &[("x", "1".into())]), "11");
        assert_eq!(
            fill("“{name}”完成 {actual}{unit}", &[("name", "劳模".into()), ("actual", "85.79".into()), ("unit", "%".into())]),
            "“劳模”完成 85.79%"
        );
        assert_eq!(fill("{a {b}", &[("b", "1".into())]), "{a {b}");
        assert_eq!(fill("}{", &[]), "}{");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn every_rule_is_found_by_its_id() {
        for r in rules() {
            assert_eq!(rule(&r.id).map(|x| &x.id), Some(&r.id));
        }
        assert!(rule("no.such").is_none());
    }

    #[test]
    fn unknown_rule_is_loud() {
        let f = fire("no.such", "p", &[]);
        assert_eq!(f.category, "internal");
        assert_eq!(f.severity, Severity::Error);
    }
}
