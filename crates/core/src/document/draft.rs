//! Drafts kept in the browser: a versioned envelope holding several named self-evaluations.
//!
//! Stored as one JSON text:
//! `{"format":"selfcheck/drafts","version":1,"current":"d-1","drafts":[{"id","name","updated","doc","rev"}]}`
//! where `updated` is milliseconds since 1970, `doc` a [`SelfEvaluation`] as typed and `rev` the
//! draft's revision (absent in envelopes written before two windows were reconciled: read as 0).
//!
//! Policy: nothing stored is ever thrown away because this build cannot read it. [`load`] returns
//! the drafts it can read plus every piece it cannot (the whole text, or one draft) as
//! [`Unreadable`] with the reason; the page keeps those aside under their own key before it writes
//! anything, tells the user, and offers them for download as they were.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::document::format::{json_error, SelfEvaluation};
use crate::document::header::{f64_of, str_of, text_of, u64_of, Raw};
use crate::document::ids;
use crate::text::lang::Text;

/// The `format` tag of the envelope.
pub const FORMAT: &str = "selfcheck/drafts";
/// The envelope version this build writes.
pub const VERSION: u32 = 1;

/// One named draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Stable id (`d-<n>`).
    pub id: String,
    /// The name the user gave it.
    pub name: String,
    /// Last change, ms since 1970 (UTC).
    pub updated: f64,
    /// The self-evaluation, exactly as typed.
    pub doc: SelfEvaluation,
    /// Revision: raised by one each time a page writes a changed draft, so that a page can tell
    /// whether another window changed it since it last read it ([`crate::document::draft_sync`]). Drafts
    /// stored before revisions existed read as 0.
    #[serde(default)]
    pub rev: u64,
}

/// All drafts and which one is open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// Id of the open draft.
    pub current: String,
    /// The drafts, in the order the user sees them.
    pub drafts: Vec<Draft>,
    /// When this envelope was written (ms since 1970; 0 before it was first written, and in
    /// envelopes written before this field existed). Tells which of two copies is newer (the
    /// page keeps a durable second copy, see `app::durable`).
    #[serde(default)]
    pub saved: f64,
}

/// A stored text (or part of one) this build cannot read, kept as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The text exactly as stored (for one draft: that draft's JSON).
    pub raw: String,
    /// Why it cannot be read.
    pub reason: Text,
}

/// What [`load`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The readable drafts (at least one: a new blank draft when nothing could be read).
    pub drafts: Drafts,
    /// What could not be read.
    pub unreadable: Vec<Unreadable>,
    /// True when nothing was stored (first visit).
    pub fresh: bool,
}

/// A new document with the rows every 部门整体 table has, all blank.
pub fn blank_document() -> SelfEvaluation {
    use crate::document::format::{group, BudgetRow, RubricChoice};
    let row = |id: &str, g: &str, name: &str| BudgetRow { id: id.into(), group: g.into(), name: name.into(), ..Default::default() };
    let mut doc = SelfEvaluation::default();
    doc.budget.total = BudgetRow { id: "total".into(), name: "合计".into(), ..Default::default() };
    doc.budget.rows = vec![
        row("fin", group::SOURCE, "一般公共预算财政拨款"),
        row("other", group::SOURCE, "单位资金（其他资金）"),
        row("basic", group::TYPE, "基本支出"),
        row("project", group::TYPE, "项目支出"),
    ];
    doc.rubric = RubricChoice { preset: crate::check::rubric::DEFAULT_PRESET.to_string(), inline: None };
    doc.tasks = vec![crate::document::format::Task {
        id: "t-1".into(),
        name: String::new(),
        indicators: vec![crate::edit::rows::blank_indicator("i-1".into())],
    }];
    doc
}

impl Drafts {
    /// One blank draft named `name`.
    pub fn new(name: &str, now: f64) -> Drafts {
        Drafts {
            format: FORMAT.to_string(),
            version: VERSION,
            current: "d-1".to_string(),
            saved: 0.0,
            drafts: vec![Draft { id: "d-1".into(), name: name.to_string(), updated: now, doc: blank_document(), rev: 0 }],
        }
    }

    /// The envelope as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The open draft.
    pub fn current(&self) -> &Draft {
        self.drafts.iter().find(|d| d.id == self.current).unwrap_or(&self.drafts[0])
    }

    /// The open draft, mutably.
    pub fn current_mut(&mut self) -> &mut Draft {
        let i = self.drafts.iter().position(|d| d.id == self.current).unwrap_or(0);
        &mut self.drafts[i]
    }

    fn fresh_id(&self) -> String {
        let mut taken = self.drafts.iter().map(|d| d.id.clone()).collect();
        ids::fresh("d", &mut taken)
    }

    /// Adds a draft holding `doc` after the open one and opens it; returns its id.
    pub fn add(&mut self, name: &str, doc: SelfEvaluation, now: f64) -> String {
        let id = self.fresh_id();
        let at = self.drafts.iter().position(|d| d.id == self.current).map(|p| p + 1).unwrap_or(self.drafts.len());
        self.drafts.insert(at, Draft { id: id.clone(), name: name.to_string(), updated: now, doc, rev: 0 });
        self.current = id.clone();
        id
    }

    /// Copies the open draft under `name` and opens the copy; returns its id.
    pub fn duplicate(&mut self, name: &str, now: f64) -> String {
        let doc = self.current().doc.clone();
        self.add(name, doc, now)
    }

    /// Renames a draft. A blank name is refused.
    pub fn rename(&mut self, id: &str, name: &str) -> bool {
        if name.trim().is_empty() {
            return false;
        }
        match self.drafts.iter_mut().find(|d| d.id == id) {
            Some(d) => {
                d.name = name.to_string();
                true
            }
            None => false,
        }
    }

    /// Opens a draft.
    pub fn select(&mut self, id: &str) -> bool {
        if self.drafts.iter().any(|d| d.id == id) {
            self.current = id.to_string();
            true
        } else {
            false
        }
    }

    /// Deletes a draft, returning its position and content for undo. The last draft cannot be
    /// deleted (a blank one replaces it instead, so there is always an open draft). When the
    /// open draft is deleted, its neighbour opens.
    pub fn delete(&mut self, id: &str, now: f64) -> Option<(usize, Draft)> {
        let p = self.drafts.iter().position(|d| d.id == id)?;
        let removed = self.drafts.remove(p);
        if self.drafts.is_empty() {
            let fresh = Drafts::new("草稿 1", now).drafts.remove(0);
            let id = if fresh.id == removed.id { "d-2".to_string() } else { fresh.id.clone() };
            self.drafts.push(Draft { id, ..fresh });
        }
        if self.current == removed.id {
            self.current = self.drafts[p.min(self.drafts.len() - 1)].id.clone();
        }
        Some((p, removed))
    }

    /// Puts a deleted draft back where it was and opens it.
    pub fn restore(&mut self, at: usize, draft: Draft) {
        let mut draft = draft;
        if self.drafts.iter().any(|d| d.id == draft.id) {
            draft.id = self.fresh_id();
        }
        let at = at.min(self.drafts.len());
        self.current = draft.id.clone();
        self.drafts.insert(at, draft);
    }

    /// A name not yet used: `base`, else `base 2`, `base 3`, …
    pub fn unused_name(&self, base: &str) -> String {
        if !self.drafts.iter().any(|d| d.name == base) {
            return base.to_string();
        }
        (2..).map(|n| format!("{base} {n}")).find(|n| !self.drafts.iter().any(|d| &d.name == n)).unwrap_or_default()
    }
}

/// The envelope as stored, each field kept raw until it is needed.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    format: Raw,
    #[serde(default)]
    version: Raw,
    #[serde(default)]
    current: Raw,
    #[serde(default)]
    drafts: Raw,
    #[serde(default)]
    saved: Raw,
}

/// One stored draft, each field kept raw: a draft whose `doc` cannot be read is kept aside whole.
#[derive(Deserialize, Default)]
struct Item {
    #[serde(default)]
    id: Raw,
    #[serde(default)]
    name: Raw,
    #[serde(default)]
    updated: Raw,
    #[serde(default)]
    rev: Raw,
    #[serde(default)]
    doc: Raw,
}

fn unreadable(raw: &str, zh: String, en: String) -> Unreadable {
    Unreadable { raw: raw.to_string(), reason: Text::new(zh, en) }
}

/// Reads the stored envelope. `None` (nothing stored) gives one blank draft named `first_name`.
pub fn load(stored: Option<&str>, first_name: &str, now: f64) -> Loaded {
    let Some(text) = stored else {
        return Loaded { drafts: Drafts::new(first_name, now), unreadable: Vec::new(), fresh: true };
    };
    let whole =
        |zh: String, en: String| Loaded { drafts: Drafts::new(first_name, now), unreadable: vec![unreadable(text, zh, en)], fresh: false };
    let env: Envelope = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let le = json_error(&e);
            return whole(format!("保存的草稿无法读取：{}", le.message.zh), format!("the stored drafts cannot be read: {}", le.message.en));
        }
    };
    let format = str_of(&env.format).unwrap_or_default();
    let version = u64_of(&env.version).unwrap_or(0);
    if format != FORMAT {
        return whole(
            format!("保存的数据不是草稿（format 为“{format}”）"),
            format!("the stored data is not a drafts file (format '{format}')"),
        );
    }
    if version == 0 || version > VERSION as u64 {
        return whole(
            format!("保存的草稿版本 {version} 较新，本工具只能读取版本 1–{VERSION}"),
            format!("the stored drafts have version {version}; this build reads 1–{VERSION}"),
        );
    }
    let Some(items) = serde_json::from_str::<Vec<Box<RawValue>>>(text_of(&env.drafts)).ok() else {
        return whole("保存的草稿缺少 drafts 列表".into(), "the stored drafts have no 'drafts' list".into());
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut bad = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let raw = item.get();
        let fields: Item = serde_json::from_str(raw).unwrap_or_default();
        let name = str_of(&fields.name).unwrap_or_default();
        match SelfEvaluation::from_json(text_of(&fields.doc)) {
            Ok(mut doc) => {
                ids::repair(&mut doc);
                let mut id = str_of(&fields.id).unwrap_or_default();
                if id.trim().is_empty() || drafts.iter().any(|d| d.id == id) {
                    let mut taken = drafts.iter().map(|d| d.id.clone()).collect();
                    id = ids::fresh("d", &mut taken);
                }
                let updated = f64_of(&fields.updated).unwrap_or(0.0);
                let rev = u64_of(&fields.rev).unwrap_or(0);
                let name = if name.trim().is_empty() { format!("草稿 {}", n + 1) } else { name };
                drafts.push(Draft { id, name, updated, doc, rev });
            }
            Err(e) => bad.push(unreadable(
                raw,
                format!("草稿“{name}”（第 {} 份）无法读取：{}", n + 1, e.message.zh),
                format!("draft '{name}' (no. {}) cannot be read: {}", n + 1, e.message.en),
            )),
        }
    }
    if drafts.is_empty() {
        let mut l = Loaded { drafts: Drafts::new(first_name, now), unreadable: bad, fresh: false };
        if l.unreadable.is_empty() {
            l.fresh = true;
        }
        return l;
    }
    let current = str_of(&env.current).unwrap_or_default();
    let current = if drafts.iter().any(|d| d.id == current) { current } else { drafts[0].id.clone() };
    let saved = f64_of(&env.saved).unwrap_or(0.0);
    Loaded { drafts: Drafts { format: FORMAT.into(), version: VERSION, current, drafts, saved }, unreadable: bad, fresh: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> SelfEvaluation {
        SelfEvaluation::from_json(include_str!("../../../../examples/guangzhou-ftu-2021.json")).unwrap()
    }

    #[test]
    fn nothing_stored_gives_one_blank_draft() {
        let l = load(None, "草稿 1", 5.0);
        assert!(l.fresh && l.unreadable.is_empty());
        assert_eq!(l.drafts.drafts.len(), 1);
        assert_eq!(l.drafts.current().name, "草稿 1");
        assert_eq!(l.drafts.current().doc.budget.rows.len(), 4);
    }

    #[test]
    fn round_trip_keeps_values_that_do_not_parse() {
        let mut d = Drafts::new("a", 1.0);
        d.current_mut().doc.budget.total.actual = "33,8l4.57".into();
        d.add("b", seed(), 2.0);
        let l = load(Some(&d.to_json()), "x", 3.0);
        assert!(l.unreadable.is_empty());
        assert_eq!(l.drafts, d);
        assert_eq!(l.drafts.drafts[0].doc.budget.total.actual, "33,8l4.57");
    }

    #[test]
    fn unreadable_whole_text_is_reported_with_the_raw_text() {
        for bad in [
            "{not json",
            r#"{"format":"other","version":1}"#,
            r#"{"format":"selfcheck/drafts","version":9,"drafts":[]}"#,
            r#"{"format":"selfcheck/drafts","version":1,"drafts":{"d-1":{}}}"#,
            r#"["selfcheck/drafts",1]"#,
        ] {
            let l = load(Some(bad), "草稿 1", 0.0);
            assert_eq!(l.unreadable.len(), 1, "{bad}");
            assert_eq!(l.unreadable[0].raw, bad);
            assert!(!l.unreadable[0].reason.zh.is_empty());
            assert_eq!(l.drafts.drafts.len(), 1);
            assert!(!l.fresh);
        }
    }

    #[test]
    fn one_unreadable_draft_is_set_aside_and_the_others_load() {
        let good = Drafts::new("好", 1.0);
        let mut v: serde_json::Value = serde_json::from_str(&good.to_json()).unwrap();
        let broken =
            serde_json::json!({"id": "d-9", "name": "坏", "updated": 1, "doc": {"format": "selfcheck/self-evaluation", "version": 99}});
        v["drafts"].as_array_mut().unwrap().push(broken);
        let l = load(Some(&v.to_string()), "x", 0.0);
        assert_eq!(l.drafts.drafts.len(), 1);
        assert_eq!(l.unreadable.len(), 1);
        assert!(l.unreadable[0].reason.zh.contains("坏"));
        // Kept exactly as stored, not re-serialised.
        let stored = v.to_string();
        assert!(stored.contains(&l.unreadable[0].raw), "{}", l.unreadable[0].raw);
        assert!(l.unreadable[0].raw.starts_with('{') && l.unreadable[0].raw.contains("\"version\":99"));
    }

    #[test]
    fn a_stored_item_that_is_not_a_draft_is_set_aside_as_it_was() {
        let good = Drafts::new("好", 1.0).to_json();
        let text = good.replacen("\"drafts\":[", "\"drafts\":[7, ", 1);
        let l = load(Some(&text), "x", 0.0);
        assert_eq!(l.drafts.drafts.len(), 1);
        assert_eq!(l.drafts.current().name, "好");
        assert_eq!(l.unreadable.len(), 1);
        assert_eq!(l.unreadable[0].raw, "7");
    }

    /// Issue 11, item 6: refusing files without `format`/`version` must not cost a draft stored
    /// by an earlier build (11f400e, the first with drafts): every stored doc carries both.
    #[test]
    fn drafts_stored_by_an_earlier_version_still_load() {
        let l = load(Some(include_str!("../../../../tests/fixtures/old-versions/drafts-11f400e.json")), "x", 0.0);
        assert!(l.unreadable.is_empty(), "{:?}", l.unreadable);
        assert_eq!(l.drafts.drafts.len(), 2);
        assert_eq!(l.drafts.drafts[0].doc.budget.total.actual, "33,8l4.57");
        assert_eq!(l.drafts.current().doc, seed());
    }

    /// A stored draft whose doc is not a self-evaluation (`{}`) is kept aside, not opened blank.
    #[test]
    fn a_stored_doc_without_format_is_kept_aside() {
        let text = r#"{"format":"selfcheck/drafts","version":1,"current":"d-1","drafts":[{"id":"d-1","name":"空","updated":1,"doc":{}}]}"#;
        let l = load(Some(text), "x", 0.0);
        assert_eq!(l.unreadable.len(), 1);
        assert!(l.unreadable[0].reason.zh.contains("format"), "{:?}", l.unreadable[0].reason);
    }

    #[test]
    fn draft_operations() {
        let mut d = Drafts::new("一", 0.0);
        let two = d.duplicate(&d.unused_name("一"), 1.0);
        assert_eq!(d.current, two);
        assert_eq!(d.current().name, "一 2");
        assert!(d.rename(&two, "二"));
        assert!(!d.rename(&two, "  "));
        let three = d.add("三", seed(), 2.0);
        assert_eq!(d.drafts.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["一", "二", "三"]);
        let (p, gone) = d.delete(&three, 3.0).unwrap();
        assert_eq!(d.current, two, "the neighbour opens");
        d.restore(p, gone);
        assert_eq!(d.current, three);
        assert_eq!(d.current().doc, seed());
        assert!(d.select("d-1"));
        assert!(!d.select("nope"));
    }

    #[test]
    fn the_time_an_envelope_was_written_round_trips_and_reads_as_0_when_absent() {
        let mut d = Drafts::new("一", 0.0);
        d.saved = 1_700_000_000_123.0;
        assert_eq!(load(Some(&d.to_json()), "x", 0.0).drafts.saved, 1_700_000_000_123.0);
        let old = r#"{"format":"selfcheck/drafts","version":1,"current":"d-1","drafts":[{"id":"d-1","name":"旧","updated":1.0,"doc":{"format":"selfcheck/self-evaluation","version":1}}]}"#;
        assert_eq!(load(Some(old), "x", 0.0).drafts.saved, 0.0);
    }

    #[test]
    fn deleting_the_last_draft_leaves_a_blank_one() {
        let mut d = Drafts::new("一", 0.0);
        let (_, gone) = d.delete("d-1", 1.0).unwrap();
        assert_eq!(d.drafts.len(), 1);
        assert_ne!(d.current, gone.id);
        d.restore(0, gone);
        assert_eq!(d.drafts.len(), 2);
        assert_eq!(d.current().name, "一");
    }
}
