//! The same evaluation as [`crate::evaluate()`], reusing the results of indicators that did not
//! change since the last call: what the page needs to re-check a 2,000-indicator draft on every
//! keystroke.
//!
//! Policy: [`Evaluator::evaluate`] must return exactly what [`crate::evaluate()`] returns for the
//! same document — the tests below compare the two on the seed, on blank and large documents and
//! across edits, so a change to the core's pipeline that this file does not follow fails a test
//! rather than the page. An indicator's result depends only on its task's id and its own fields,
//! so it is cached under its id together with the fields it was computed from; the rubric is
//! cached together with the document's rubric choice. Budget, rubric scores and the rule checks
//! are recomputed every time (they are cheap, and they look across rows).

use std::collections::HashMap;

use crate::check::budget;
use crate::check::entry::Entries;
use crate::check::evaluate::{check_unit, finish, rubric_of, Evaluation};
use crate::check::finding::Finding;
use crate::check::indicator::{self, IndicatorResult};
use crate::check::rubric::Rubric;
use crate::document::format::{Indicator, RubricChoice, SelfEvaluation, Task};

struct Cached {
    task: String,
    input: Indicator,
    result: IndicatorResult,
    findings: Vec<Finding>,
}

/// An evaluator with a cache; keep one per open document.
#[derive(Default)]
pub struct Evaluator {
    rubric: Option<(RubricChoice, Rubric, Option<Finding>)>,
    /// One entry per indicator of the last document, in its order.
    cache: Vec<Cached>,
    /// Indicators computed (not taken from the cache) by the last call, for tests and benches.
    pub last_computed: usize,
}

impl Evaluator {
    /// A new evaluator with an empty cache.
    pub fn new() -> Evaluator {
        Evaluator::default()
    }

    /// Evaluates `doc`; equal to `crate::evaluate(doc)`.
    pub fn evaluate(&mut self, doc: &SelfEvaluation) -> Evaluation {
        let fresh_rubric = !matches!(&self.rubric, Some((choice, _, _)) if *choice == doc.rubric);
        if fresh_rubric {
            let (r, problem) = rubric_of(doc);
            self.rubric = Some((doc.rubric.clone(), r, problem));
        }
        let Some((_, rubric, problem)) = &self.rubric else { unreachable!() };

        // As `evaluate_with`, with the indicators from the cache.
        let mut e = Entries::default();
        check_unit(doc, &mut e);
        let budget = budget::compute(doc, &mut e);
        // The previous entries, looked up by position first (typing changes no positions), then
        // by id (rows added, removed or moved).
        let mut old: Vec<Option<Cached>> = std::mem::take(&mut self.cache).into_iter().map(Some).collect();
        let mut by_id: Option<HashMap<String, usize>> = None;
        let mut cache = Vec::with_capacity(old.len());
        let mut indicators = Vec::with_capacity(old.len());
        self.last_computed = 0;
        let mut k = 0;
        for t in &doc.tasks {
            for i in &t.indicators {
                let same_place = old.get(k).and_then(|c| c.as_ref()).is_some_and(|c| c.input.id == i.id);
                let slot = if same_place {
                    Some(k)
                } else {
                    let map = by_id.get_or_insert_with(|| {
                        old.iter().enumerate().filter_map(|(n, c)| c.as_ref().map(|c| (c.input.id.clone(), n))).collect()
                    });
                    map.get(&i.id).copied()
                };
                let hit = slot.and_then(|n| {
                    let fits = old[n].as_ref().is_some_and(|c| c.task == t.id && c.input == *i);
                    if fits {
                        old[n].take()
                    } else {
                        None
                    }
                });
                let c = match hit {
                    Some(c) => c,
                    None => {
                        self.last_computed += 1;
                        compute_one(t, i)
                    }
                };
                indicators.push(c.result.clone());
                e.findings.extend(c.findings.iter().cloned());
                cache.push(c);
                k += 1;
            }
        }
        self.cache = cache;
        let mut ev = finish(doc, rubric, budget, indicators, e);
        if let Some(f) = problem {
            ev.findings.insert(0, f.clone());
        }
        ev
    }
}

fn compute_one(t: &Task, i: &Indicator) -> Cached {
    let mini =
        SelfEvaluation { tasks: vec![Task { id: t.id.clone(), name: String::new(), indicators: vec![i.clone()] }], ..Default::default() };
    let mut e = Entries::default();
    let result = indicator::compute(&mini, &mut e).pop().expect("one indicator in, one result out");
    Cached { task: t.id.clone(), input: i.clone(), result, findings: e.findings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::format::path;
    use crate::evaluate;

    fn seed() -> SelfEvaluation {
        SelfEvaluation::from_json(include_str!("../../../../examples/guangzhou-ftu-2021.json")).unwrap()
    }

    /// A document with `n` indicators over 20 tasks: shortfalls, blanks, bad numbers, 定性.
    pub fn large(n: usize) -> SelfEvaluation {
        let mut doc = seed();
        let per = n.div_ceil(20);
        doc.tasks = (0..20)
            .map(|t| Task {
                id: format!("t{t}"),
                name: format!("任务{t}"),
                indicators: (0..per)
                    .map(|k| Indicator {
                        id: format!("i{t}-{k}"),
                        name: format!("指标{k}"),
                        category: "产出-数量".into(),
                        direction: ["≥", "≤", "=", "定性"][k % 4].into(),
                        unit: "%".into(),
                        target: if k % 4 == 3 { "完成".into() } else { "100".into() },
                        actual: match k % 7 {
                            0 => "85.79".into(),
                            1 => "12a".into(),
                            2 => "".into(),
                            3 if k % 4 == 3 => "部分达成".into(),
                            _ => format!("{}", 90 + k % 20),
                        },
                        weight: if k % 5 == 0 { String::new() } else { "1".into() },
                        reason: if k % 3 == 0 { "原因".into() } else { String::new() },
                        node: "duties".into(),
                        ..Default::default()
                    })
                    .collect(),
            })
            .collect();
        doc
    }

    #[test]
    fn equals_the_plain_evaluation_on_seed_blank_and_large_documents() {
        for doc in [seed(), SelfEvaluation::default(), crate::document::draft::blank_document(), large(400)] {
            let mut ev = Evaluator::new();
            assert_eq!(ev.evaluate(&doc), evaluate(&doc));
            assert_eq!(ev.evaluate(&doc), evaluate(&doc), "second call, from the cache");
            assert_eq!(ev.last_computed, 0);
        }
    }

    #[test]
    fn equals_the_plain_evaluation_across_edits() {
        let mut doc = large(200);
        let mut ev = Evaluator::new();
        ev.evaluate(&doc);
        let edits: Vec<(String, &str)> = vec![
            (path::indicator("t0", "i0-0", "actual"), "100"),
            (path::indicator("t0", "i0-0", "reason"), ""),
            (path::indicator("t3", "i3-2", "weight"), "x"),
            (path::budget_row("total", "actual"), "1"),
            (path::rubric_weight("duties"), "45"),
            ("rubric.preset".into(), "national-2020"),
            (path::stated_score("management", "score"), "60"),
            ("stated.total".into(), ""),
            ("unit.name".into(), ""),
        ];
        for (p, v) in edits {
            assert!(crate::edit::set(&mut doc, &p, v), "{p}");
            assert_eq!(ev.evaluate(&doc), evaluate(&doc), "after {p} = {v}");
            assert!(ev.last_computed <= 1, "{p}: {} recomputed", ev.last_computed);
        }
        // Structural edits: moving an indicator to another task, duplicate ids, removal.
        let moved = doc.tasks[0].indicators.remove(0);
        doc.tasks[1].indicators.insert(0, moved);
        assert_eq!(ev.evaluate(&doc), evaluate(&doc));
        let dup = doc.tasks[2].indicators[0].clone();
        doc.tasks[2].indicators.push(dup);
        assert_eq!(ev.evaluate(&doc), evaluate(&doc));
        doc.tasks.remove(4);
        assert_eq!(ev.evaluate(&doc), evaluate(&doc));
        let id = crate::edit::rows::add_indicator(&mut doc, "t5", None).unwrap();
        assert_eq!(ev.evaluate(&doc), evaluate(&doc));
        assert!(crate::edit::set(&mut doc, &path::indicator("t5", &id, "direction"), "定性"));
        assert_eq!(ev.evaluate(&doc), evaluate(&doc));
    }
}
