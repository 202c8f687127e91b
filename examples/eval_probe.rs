//! Instruction-count probe for BENCHMARKS.md: evaluates the bench's 2,000-indicator document N
//! times. Instruction counts are stable on a loaded machine where criterion's times are not:
//!
//! ```sh
//! cargo build --release --example eval_probe
//! valgrind --tool=callgrind --callgrind-out-file=cg-1.out target/release/examples/eval_probe 1
//! valgrind --tool=callgrind --callgrind-out-file=cg-11.out target/release/examples/eval_probe 11
//! # per evaluation = (Collected at 11 − Collected at 1) ÷ 10
//! ```

use std::collections::BTreeMap;
use std::hint::black_box;

use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::document::format::{Budget, BudgetRow, Indicator, RubricChoice, SelfEvaluation, Stated, StatedScore, Task, Unit};

include!("../benches/support/large_document.rs");

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let d = large_document();
    for _ in 0..n {
        black_box(evaluate(black_box(&d)));
    }
}
