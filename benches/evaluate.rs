//! Full evaluation of a large self-evaluation: 2,000 indicators in 40 tasks and 50 budget rows,
//! on the national rubric. Target: ≤ 1 ms per evaluation natively (see BENCHMARKS.md).
//!
//! `cargo bench --bench evaluate`

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::document::format::{Budget, BudgetRow, Indicator, RubricChoice, SelfEvaluation, Stated, StatedScore, Task, Unit};

include!("support/large_document.rs");

fn bench(c: &mut Criterion) {
    let doc = large_document();
    assert_eq!(doc.indicators().count(), 2_000);
    assert_eq!(doc.budget.rows.len(), 50);
    let json = doc.to_json();
    let ev = evaluate(&doc);
    assert!(!ev.findings.is_empty() && ev.scores.total.is_some(), "the document exercises the checks");
    c.bench_function("evaluate 2000 indicators + 50 budget rows", |b| b.iter(|| evaluate(black_box(&doc))));
    c.bench_function("parse JSON + evaluate (2000 indicators + 50 rows)", |b| {
        b.iter(|| {
            let d = SelfEvaluation::from_json(black_box(&json)).expect("valid");
            evaluate(&d)
        })
    });
}

/// The seed report (19 indicators, 5 budget rows): the size of a real self-evaluation.
fn seed(c: &mut Criterion) {
    let doc = SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).expect("the seed loads");
    c.bench_function("evaluate the seed (19 indicators)", |b| b.iter(|| evaluate(black_box(&doc))));
}

criterion_group!(benches, bench, seed);
criterion_main!(benches);
