//! Rubrics (评分标准) as data.
//!
//! Policy: a rubric is a tree of indicators with weights and a scoring method each, loaded from a
//! data file that names its year and source document (文号). Rubrics differ by place and year, so
//! no weight or structure lives in code: presets are JSON files under `data/rubrics/` compiled into
//! the binary, a document may carry its own copy (weights editable), and a finance bureau can
//! publish one per year as a file of its own (`selfcheck check --rubric FILE`).

use serde::{Deserialize, Serialize};

use crate::document::format::{json_error, LoadError};
use crate::text::lang::{Lang, Text};

/// The `format` tag of a rubric file.
pub const FORMAT: &str = "selfcheck/rubric";
/// The current rubric format version.
pub const VERSION: u32 = 1;

/// A scoring rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rubric {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// Stable id, e.g. `national-2020`.
    pub id: String,
    /// 名称 (zh-CN).
    pub name: String,
    /// Name in English.
    pub name_en: String,
    /// The year it applies to ("2021"), or the year it was issued.
    pub year: String,
    /// 适用范围, e.g. 全国 / 广州市.
    pub region: String,
    /// The document that sets it, with its 文号.
    pub source: String,
    /// True for an illustrative set of leaves that the unit must replace with the year's notice.
    pub example: bool,
    /// What a user should know before applying it.
    pub note: String,
    /// The note in English (blank: the zh-CN note is shown).
    pub note_en: String,
    /// The level-1 indicators; their weights add up to 100.
    pub nodes: Vec<Node>,
    /// Bounds of 其他加减分项 (e.g. "-5" and "5"); blank: unbounded.
    pub adjustment_min: String,
    /// Upper bound of 其他加减分项.
    pub adjustment_max: String,
}

impl Default for Rubric {
    fn default() -> Self {
        Rubric {
            format: FORMAT.to_string(),
            version: VERSION,
            id: String::new(),
            name: String::new(),
            name_en: String::new(),
            year: String::new(),
            region: String::new(),
            source: String::new(),
            example: false,
            note: String::new(),
            note_en: String::new(),
            nodes: Vec::new(),
            adjustment_min: String::new(),
            adjustment_max: String::new(),
        }
    }
}

/// An indicator of the rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Node {
    /// Stable id, unique in the rubric; stated scores and indicators refer to it.
    pub id: String,
    /// 指标名称 (zh-CN).
    pub name: String,
    /// Name in English.
    pub name_en: String,
    /// 分值, as text so it can be edited and checked like any entry.
    pub weight: String,
    /// How its score is obtained.
    pub method: Method,
    /// 评分标准 in words, as the source document states it.
    pub criteria: String,
    /// Sub-indicators; their weights add up to this node's.
    pub children: Vec<Node>,
}

impl Node {
    /// The node's name in `lang` (the zh-CN name when it has no English one).
    pub fn name_in(&self, lang: Lang) -> &str {
        pick_name(&self.name, &self.name_en, lang)
    }

    /// The node's name in both languages (English falls back to zh-CN).
    pub fn name_text(&self) -> Text {
        Text::new(self.name.clone(), self.name_in(Lang::En))
    }
}

/// `en` in English when it is not blank, else `zh`: names a bureau's rubric file gives only in
/// Chinese still show.
pub fn pick_name<'a>(zh: &'a str, en: &'a str, lang: Lang) -> &'a str {
    match lang {
        Lang::En if !en.trim().is_empty() => en,
        _ => zh,
    }
}

/// Scoring methods of a rubric node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// The sum of the children's scores; on a leaf, the same as `Manual`.
    #[default]
    Auto,
    /// weight × 执行率 of a budget row (default the total), capped at the weight.
    ExecutionRate {
        /// Budget row id; blank or "total" for the 合计 row.
        #[serde(default)]
        row: String,
    },
    /// The sum of the scores of the document's indicators attached to this node.
    Indicators {
        /// When no indicator is attached, this node's weight moves to that node (the national
        /// rule: with no 满意度 indicator its 10 points go to 产出).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        fallback_to: String,
    },
    /// Scored by judgement: the unit's stated score, checked against the weight.
    Manual,
}

impl Rubric {
    /// Reads a rubric file. A file of another format or a newer version is refused, and so is a
    /// rubric that cannot score anything ([`Rubric::cannot_score`]); a leading BOM is dropped.
    pub fn from_json(text: &str) -> Result<Rubric, LoadError> {
        let text = crate::document::header::strip_bom(text);
        let refused = |message: Text| LoadError { line: 1, column: 1, message };
        if let Some(m) = crate::document::header::refusal(text, FORMAT, VERSION as u64, ("评分标准文件", "a rubric file")) {
            return Err(refused(m));
        }
        let r: Rubric = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        if let Some(m) = r.cannot_score() {
            return Err(refused(m));
        }
        Ok(r)
    }

    /// Why this rubric cannot score anything, or `None` when it can: it has no items, or none of
    /// its items has a weight above 0. Such a rubric would empty the score table while the
    /// status still said 可以提交, so it is refused at load (a file) or replaced by the preset
    /// with an error (a rubric carried by a document, `evaluate::rubric_of`).
    pub fn cannot_score(&self) -> Option<Text> {
        let name = if self.name.trim().is_empty() { String::new() } else { format!("“{}”", self.name.trim()) };
        let name_en = match (self.name_en.trim(), self.name.trim()) {
            ("", "") => String::new(),
            ("", zh) => format!(" '{zh}'"),
            (en, _) => format!(" '{en}'"),
        };
        if self.nodes.is_empty() {
            return Some(Text::new(
                format!("评分标准{name}没有任何评分项（nodes 为空），无法计分"),
                format!("the rubric{name_en} has no scoring items ('nodes' is empty): it cannot score anything"),
            ));
        }
        let weighted = self.walk().iter().any(|(_, _, n)| {
            crate::text::number::parse_opt(&n.weight, crate::text::number::Kind::Score)
                .ok()
                .flatten()
                .is_some_and(|w| w > rust_decimal::Decimal::ZERO)
        });
        if !weighted {
            return Some(Text::new(
                format!("评分标准{name}的评分项都没有大于 0 的分值（weight），无法计分"),
                format!("none of the items of the rubric{name_en} has a weight above 0: it cannot score anything"),
            ));
        }
        None
    }

    /// The rubric's name in `lang` (the zh-CN name when it has no English one).
    pub fn name_in(&self, lang: Lang) -> &str {
        pick_name(&self.name, &self.name_en, lang)
    }

    /// The rubric's name in both languages (English falls back to zh-CN).
    pub fn name_text(&self) -> Text {
        Text::new(self.name.clone(), self.name_in(Lang::En))
    }

    /// The note in both languages (English falls back to zh-CN).
    pub fn note_text(&self) -> Text {
        Text::new(self.note.clone(), pick_name(&self.note, &self.note_en, Lang::En))
    }

    /// Writes the rubric as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every node with its depth (1 for level-1) and parent id, depth-first in order.
    pub fn walk(&self) -> Vec<(usize, Option<&str>, &Node)> {
        fn go<'a>(out: &mut Vec<(usize, Option<&'a str>, &'a Node)>, depth: usize, parent: Option<&'a str>, nodes: &'a [Node]) {
            for n in nodes {
                out.push((depth, parent, n));
                go(out, depth + 1, Some(&n.id), &n.children);
            }
        }
        let mut out = Vec::new();
        go(&mut out, 1, None, &self.nodes);
        out
    }

    /// The node with this id, anywhere in the tree.
    pub fn find(&self, id: &str) -> Option<&Node> {
        self.walk().into_iter().map(|(_, _, n)| n).find(|n| n.id == id)
    }

    /// The node with this id, mutably (for editing weights).
    pub fn find_mut(&mut self, id: &str) -> Option<&mut Node> {
        fn go<'a>(nodes: &'a mut [Node], id: &str) -> Option<&'a mut Node> {
            for n in nodes {
                if n.id == id {
                    return Some(n);
                }
                if let Some(f) = go(&mut n.children, id) {
                    return Some(f);
                }
            }
            None
        }
        go(&mut self.nodes, id)
    }
}

/// The preset files compiled into the binary: (id, JSON text).
const PRESET_FILES: &[(&str, &str)] = &[
    ("national-2020", include_str!("../../../../data/rubrics/national-2020.json")),
    ("guangzhou-dept", include_str!("../../../../data/rubrics/guangzhou-dept.json")),
    ("guangzhou-dept-example", include_str!("../../../../data/rubrics/guangzhou-dept-example.json")),
];

/// All presets, in menu order. A preset that fails to load is a build defect caught by tests.
pub fn presets() -> Vec<Rubric> {
    PRESET_FILES.iter().filter_map(|(_, text)| Rubric::from_json(text).ok()).collect()
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<Rubric> {
    PRESET_FILES.iter().find(|(pid, _)| *pid == id).and_then(|(_, text)| Rubric::from_json(text).ok())
}

/// The preset a new document starts with.
pub const DEFAULT_PRESET: &str = "guangzhou-dept";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_loads_names_its_source_and_keeps_its_id() {
        for (id, text) in PRESET_FILES {
            let r = Rubric::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(&r.id, id);
            assert!(!r.source.is_empty(), "{id} has no source");
            assert!(!r.year.is_empty(), "{id} has no year");
        }
        assert_eq!(presets().len(), PRESET_FILES.len());
    }

    #[test]
    fn rubric_round_trips() {
        let r = preset("national-2020").unwrap();
        assert_eq!(Rubric::from_json(&r.to_json()).unwrap(), r);
    }

    /// Issue 11, item 8: a rubric that cannot score anything is refused at load, with the reason.
    #[test]
    fn a_rubric_that_cannot_score_anything_is_refused() {
        for (text, zh, en) in [
            (r#"{"format":"selfcheck/rubric","version":1,"id":"x","name":"空"}"#, "没有任何评分项", "no scoring items"),
            (r#"{"format":"selfcheck/rubric","version":1,"nodes":[]}"#, "没有任何评分项", "no scoring items"),
            (
                r#"{"format":"selfcheck/rubric","version":1,"nodes":[{"id":"a","name":"甲","weight":""},{"id":"b","weight":"0","children":[{"id":"c","weight":"abc"}]}]}"#,
                "分值",
                "weight",
            ),
            ("{}", "format", "format"),
            ("[]", "JSON 数组", "JSON array"),
        ] {
            let e = Rubric::from_json(text).expect_err(text);
            assert!(e.message.zh.contains(zh), "{text}: {}", e.message.zh);
            assert!(e.message.en.contains(en), "{text}: {}", e.message.en);
        }
        // One weighted item is enough.
        let one = r#"{"format":"selfcheck/rubric","version":1,"nodes":[{"id":"a","name":"甲","weight":"100","method":{"kind":"manual"}}]}"#;
        assert_eq!(Rubric::from_json(one).unwrap().nodes.len(), 1);
        for r in presets() {
            assert_eq!(r.cannot_score(), None, "{}", r.id);
        }
    }

    #[test]
    fn refuses_a_self_evaluation_as_a_rubric() {
        assert!(Rubric::from_json(r#"{"format":"selfcheck/self-evaluation","version":1}"#).is_err());
    }
}
