//! Editing a document by field path: read and write any field ([`get`], [`set`]), apply a
//! finding's correction ([`apply_fix`]), say where a field lives on the page ([`place`]). The
//! structural edits are in [`rows`], the pastes from Excel in [`paste`] and [`budget_paste`].
//!
//! The page keeps one [`SelfEvaluation`] and writes every keystroke into it through [`set`], with
//! the same paths findings use ([`crate::document::format::path`]), so a field, its value and its findings
//! always agree. Values are stored exactly as typed. Removals return what was removed and where,
//! so the page can offer undo.

pub mod budget_paste;
pub mod paste;
pub mod rows;

pub use crate::check::finding::Fix;
use crate::check::presets;
use crate::check::rubric::Rubric;
use crate::document::field_path::FieldPath;
use crate::document::format::SelfEvaluation;
use crate::text::lang::Text;

/// The rubric the document is scored with, copied into the document if it was a preset, so one
/// of its weights can be edited.
pub fn inline_rubric(doc: &mut SelfEvaluation) -> &mut Rubric {
    if doc.rubric.inline.is_none() {
        doc.rubric.inline = Some(presets::current_rubric(doc));
    }
    doc.rubric.inline.get_or_insert_with(Rubric::default)
}

/// The text of the field at `path`, `None` when the path names no field (see [`FieldPath::get`]).
pub fn get(doc: &SelfEvaluation, path: &str) -> Option<String> {
    path.parse::<FieldPath>().ok()?.get(doc)
}

/// Writes `value` exactly as typed into the field at `path`. Returns false when the path names no
/// field (nothing is changed). Writing a rubric weight copies a preset into the document first
/// (see [`FieldPath::set`]).
pub fn set(doc: &mut SelfEvaluation, path: &str, value: &str) -> bool {
    path.parse::<FieldPath>().is_ok_and(|p| p.set(doc, value))
}

/// Applies a finding's correction ([`Fix`]): writes its value at its path, exactly as [`set`]
/// does for a keystroke, and returns the text it replaced, so the page can undo with
/// `apply_fix(doc, &Fix::new(path, old))`. A path that names no field is refused with the reason
/// in both languages, and nothing is changed.
///
/// ```
/// use selfcheck_core::{check::evaluate::evaluate, document::format::SelfEvaluation, edit, text::lang::Lang};
///
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/guangzhou-ftu-2021.json");
/// let mut doc = SelfEvaluation::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
/// edit::set(&mut doc, "stated.total", "95.00"); // the parts add up to 93.53
/// let ev = evaluate(&doc);
/// let finding = ev.findings.iter().find(|f| f.rule == "score.total_mismatch").unwrap();
/// let fix = finding.fix.clone().unwrap();
/// assert_eq!(fix.label().get(Lang::Zh), "改为 93.53");
/// let old = edit::apply_fix(&mut doc, &fix).unwrap();
/// assert_eq!(old, "95.00");
/// assert!(!evaluate(&doc).findings.iter().any(|f| f.rule == "score.total_mismatch"));
/// // Undo: write the old text back.
/// edit::apply_fix(&mut doc, &edit::Fix::new(fix.path, old)).unwrap();
/// assert_eq!(doc.stated.total, "95.00");
/// ```
pub fn apply_fix(doc: &mut SelfEvaluation, fix: &Fix) -> Result<String, Text> {
    let refused = || Text::new(format!("无法改正：没有“{}”这一项", fix.path), format!("cannot apply the fix: no field '{}'", fix.path));
    let old = get(doc, &fix.path).ok_or_else(refused)?;
    if set(doc, &fix.path, &fix.value) {
        Ok(old)
    } else {
        Err(refused())
    }
}

/// Where a field lives on the page, for revealing it (expanding its task, paging to its row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// An indicator's field: its task, its index in the task.
    Indicator {
        /// Task id.
        task: String,
        /// Indicator id.
        id: String,
        /// Position in the task.
        index: usize,
    },
    /// Any other field (always on the page).
    Other,
}

/// Locates the field at `path`.
pub fn place(doc: &SelfEvaluation, path: &str) -> Place {
    if let Ok(FieldPath::Indicator { task, id, .. }) = path.parse::<FieldPath>() {
        if let Some(t) = doc.tasks.iter().find(|t| t.id == task) {
            if let Some(index) = t.indicators.iter().position(|i| i.id == id) {
                return Place::Indicator { task, id, index };
            }
        }
    }
    Place::Other
}

#[cfg(test)]
mod tests {
    use super::rows::{
        add_adjustment, add_budget_row, add_indicator, add_task, move_indicator, move_task, paste_indicators, remove_adjustment,
        remove_budget_row, remove_indicator, remove_task, restore_budget_row, restore_indicator, restore_task,
    };
    use super::*;
    use crate::document::format::path;
    use crate::document::format::{group, Indicator};
    use crate::document::ids;

    fn seed() -> SelfEvaluation {
        SelfEvaluation::from_json(include_str!("../../../../examples/guangzhou-ftu-2021.json")).unwrap()
    }

    #[test]
    fn every_path_of_the_seed_reads_and_writes_exactly() {
        let mut d = seed();
        let paths = [
            "unit.name".to_string(),
            "unit.subordinates".to_string(),
            path::budget_row("total", "actual"),
            path::budget_row("fin", "stated_rate"),
            "budget.reason".to_string(),
            path::indicator("t-models", "i-checkup", "actual"),
            "tasks.t-models.name".to_string(),
            path::stated_score("management", "reason"),
            "stated.total".to_string(),
            "stated.grade".to_string(),
            "narrative.achievements".to_string(),
        ];
        for p in &paths {
            assert!(get(&d, p).is_some(), "{p}");
            assert!(set(&mut d, p, " 12a，３ "), "{p}");
            assert_eq!(get(&d, p).as_deref(), Some(" 12a，３ "), "{p}");
        }
        assert!(!set(&mut d, "tasks.nope.indicators.x.actual", "1"));
        assert!(!set(&mut d, "budget.rows.fin.bogus", "1"));
        assert!(get(&d, "nothing").is_none());
    }

    #[test]
    fn editing_a_preset_weight_copies_the_preset_into_the_document() {
        let mut d = seed();
        assert!(d.rubric.inline.is_none());
        let p = path::rubric_weight("management");
        assert_eq!(get(&d, &p).as_deref(), Some("50"));
        assert!(set(&mut d, &p, "45"));
        let r = d.rubric.inline.as_ref().unwrap();
        assert_eq!(r.id, "guangzhou-dept");
        assert_eq!(get(&d, &p).as_deref(), Some("45"));
        assert!(!set(&mut d, &path::rubric_weight("nope"), "1"));
        // Choosing a preset drops the copy.
        assert!(set(&mut d, "rubric.preset", "national-2020"));
        assert!(d.rubric.inline.is_none());
    }

    #[test]
    fn current_rubric_is_the_one_evaluate_uses() {
        let mut d = seed();
        for preset in ["", "national-2020", "nope", " guangzhou-dept "] {
            d.rubric.preset = preset.into();
            assert_eq!(presets::current_rubric(&d), crate::check::evaluate::rubric_of(&d).0, "{preset:?}");
        }
        set(&mut d, &path::rubric_weight("output"), "55");
        assert_eq!(presets::current_rubric(&d), crate::check::evaluate::rubric_of(&d).0);
    }

    #[test]
    fn stated_score_entries_are_created_on_write() {
        let mut d = SelfEvaluation::default();
        assert_eq!(get(&d, &path::stated_score("x", "score")).as_deref(), Some(""));
        assert!(set(&mut d, &path::stated_score("x", "score"), "7"));
        assert_eq!(d.stated.scores["x"].score, "7");
    }

    #[test]
    fn subordinates_round_trip_line_by_line() {
        let mut d = SelfEvaluation::default();
        set(&mut d, "unit.subordinates", "a\n\nb\n");
        assert_eq!(get(&d, "unit.subordinates").as_deref(), Some("a\n\nb\n"));
        set(&mut d, "unit.subordinates", "");
        assert!(d.unit.subordinates.is_empty());
    }

    #[test]
    fn remove_and_restore_put_rows_back_where_they_were() {
        let mut d = seed();
        let before = d.clone();
        let (p, i) = remove_indicator(&mut d, "t-teaching", "i-32").unwrap();
        assert_eq!(p, 2);
        assert!(restore_indicator(&mut d, "t-teaching", p, i));
        let (p, t) = remove_task(&mut d, "t-models").unwrap();
        restore_task(&mut d, p, t);
        let (p, r) = remove_budget_row(&mut d, "other").unwrap();
        restore_budget_row(&mut d, p, r);
        assert_eq!(d, before);
    }

    #[test]
    fn add_and_move_rows() {
        let mut d = seed();
        let id = add_indicator(&mut d, "t-models", Some("i-checkup")).unwrap();
        assert_eq!(d.tasks[0].indicators[1].id, id);
        assert!(move_indicator(&mut d, "t-models", &id, -1));
        assert_eq!(d.tasks[0].indicators[0].id, id);
        assert!(!move_indicator(&mut d, "t-models", &id, -1));
        let t = add_task(&mut d);
        assert_eq!(d.tasks.last().unwrap().id, t);
        assert_eq!(d.tasks.last().unwrap().indicators.len(), 1);
        assert!(move_task(&mut d, &t, -1));
        assert_eq!(d.tasks[d.tasks.len() - 2].id, t);
        let b = add_budget_row(&mut d, group::SOURCE, "上年结转");
        let pos = d.budget.rows.iter().position(|r| r.id == b).unwrap();
        assert_eq!(pos, 2, "after the last source row");
        let a = add_adjustment(&mut d);
        assert!(remove_adjustment(&mut d, &a).is_some());
        let mut all = ids::used(&d);
        assert!(all.insert("fresh".into()));
    }

    #[test]
    fn paste_overwrites_the_pasted_columns_and_appends_the_rest() {
        let mut d = seed();
        let rows = vec![
            Indicator { actual: "90".into(), name: "ignored".into(), ..Default::default() },
            Indicator { actual: "x9".into(), ..Default::default() },
            Indicator { actual: "7".into(), ..Default::default() },
            Indicator { actual: "8".into(), ..Default::default() },
        ];
        let ids = paste_indicators(&mut d, "t-models", 1, &["actual"], rows);
        assert_eq!(ids.len(), 4);
        let t = &d.tasks[0];
        assert_eq!(t.indicators.len(), 5);
        assert_eq!(t.indicators[1].actual, "90");
        assert_eq!(t.indicators[1].name, "劳模津贴发放率", "only pasted columns change");
        assert_eq!(t.indicators[2].actual, "x9");
        assert_eq!(t.indicators[4].actual, "8");
        assert_eq!(t.indicators[4].direction, "≥");
    }
}
