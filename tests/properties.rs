//! Property tests of the core: the number parser never panics and round-trips what the core
//! formats; `evaluate` never panics on any document (random text in every field, random rubric
//! trees, empty everything, zero budgets, 0 ÷ 0, huge and tiny magnitudes) and is deterministic;
//! any block pasted into any cell of the budget table keeps the document whole.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;

use selfcheck::core::check::evaluate::{evaluate, evaluate_with};
use selfcheck::core::check::rubric::{preset, Method, Node, Rubric};
use selfcheck::core::document::format::{
    Adjustment, Budget, BudgetRow, Indicator, RubricChoice, SelfEvaluation, Stated, StatedScore, Task, Unit,
};
use selfcheck::core::edit::budget_paste::{columns, paste};
use selfcheck::core::text::number::{parse, parse_opt, to_half_width, Kind};
use selfcheck::core::text::rounding::{
    decimal_text, group_thousands, matches_at_stated_precision, mul_div, mul_div_round2, percent, plain_text, round_to,
};

const KINDS: [Kind<'static>; 6] =
    [Kind::Amount { unit: "万元" }, Kind::Amount { unit: "元" }, Kind::Percent, Kind::Score, Kind::Weight, Kind::Value];

/// Texts a field may hold: numbers as officers type them, numbers at the edges of `Decimal`, and
/// anything at all.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        2 => prop::sample::select(vec![
            "0", "-0", "+0", "0.00", "-", "+", ".", ",", "%", "万元", "1e5", "NaN", "∞", "-1", "100", "100.00",
            "79228162514264337593543950335", "-79228162514264337593543950335", "79228162514264337593543950336",
            "0.0000000000000000000000000001", "0.00000000000000000000000000001", "7922816251426433759354395033.5",
            "99999999999999999999999999999999999999", "1,000,000,000,000,000,000,000,000.00", "９９．５", "－５",
            "35,408.62万元", "95.68%", "达成", "部分达成", "未达成", "achieved", "　", "1.2.3", "12a", "¥5",
        ]).prop_map(str::to_string),
        4 => "[-+]?[0-9]{1,6}(\\.[0-9]{1,3})?",
        2 => "[-+]?[0-9]{1,40}(\\.[0-9]{0,40})?",
        2 => "[-+ 0-9０-９,，.．。、%％万元分个\u{3000}\u{2212}]{0,24}",
        2 => ".{0,16}",
    ]
}

fn direction() -> impl Strategy<Value = String> {
    prop_oneof![prop::sample::select(vec!["≥", "≤", "=", "定性", "", ">=", "<="]).prop_map(str::to_string), ".{0,3}",]
}

fn budget_row() -> impl Strategy<Value = BudgetRow> {
    ("[a-z]{1,3}", prop::sample::select(vec!["source", "type", "", "other"]), (field(), field(), field(), field()), field()).prop_map(
        |(id, g, (initial, adjusted, actual, stated_rate), reason)| BudgetRow {
            id,
            group: g.to_string(),
            name: "行".into(),
            initial,
            adjusted,
            actual,
            stated_rate,
            reason,
        },
    )
}

fn node_ids() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "a", "b", "c", "d", "execution", "output", "outcome", "satisfaction", "management", "duties"])
        .prop_map(str::to_string)
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        "[a-z0-9]{1,3}",
        direction(),
        (field(), field(), field(), field()),
        (prop::sample::select(vec!["", "deduct", "x"]), field()),
        (field(), field(), field()),
        node_ids(),
    )
        .prop_map(
            |(id, direction, (target, actual, weight, stated_score), (scoring, deduct_per_unit), (reason, measure, previous), node)| {
                Indicator {
                    id,
                    name: "指标".into(),
                    category: "产出-数量".into(),
                    direction,
                    unit: "%".into(),
                    target,
                    actual,
                    weight,
                    stated_score,
                    scoring: scoring.to_string(),
                    deduct_per_unit,
                    reason,
                    measure,
                    node,
                    previous,
                }
            },
        )
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Auto),
        Just(Method::Manual),
        prop::sample::select(vec!["", "total", "a", "b", "nope"]).prop_map(|r| Method::ExecutionRate { row: r.to_string() }),
        node_ids().prop_map(|f| Method::Indicators { fallback_to: f }),
    ]
}

fn rubric_tree() -> impl Strategy<Value = Vec<Node>> {
    let leaf = (node_ids(), field(), method()).prop_map(|(id, weight, method)| Node {
        id,
        name: "项".into(),
        weight,
        method,
        ..Default::default()
    });
    let tree = leaf.prop_recursive(4, 24, 4, |inner| {
        (node_ids(), field(), method(), prop::collection::vec(inner, 0..4)).prop_map(|(id, weight, method, children)| Node {
            id,
            name: "项".into(),
            weight,
            method,
            children,
            ..Default::default()
        })
    });
    prop::collection::vec(tree, 0..5)
}

fn rubric_choice() -> impl Strategy<Value = RubricChoice> {
    prop_oneof![
        prop::sample::select(vec!["", "national-2020", "guangzhou-dept", "guangzhou-dept-example", "unknown"])
            .prop_map(|p| RubricChoice { preset: p.to_string(), inline: None }),
        (rubric_tree(), field(), field()).prop_map(|(nodes, adjustment_min, adjustment_max)| RubricChoice {
            preset: String::new(),
            inline: Some(Rubric { id: "random".into(), nodes, adjustment_min, adjustment_max, ..Default::default() }),
        }),
    ]
}

fn document() -> impl Strategy<Value = SelfEvaluation> {
    (
        (field(), field(), prop::sample::select(vec!["万元", "元", "", "亿元"])),
        (budget_row(), prop::collection::vec(budget_row(), 0..6), field(), field()),
        rubric_choice(),
        prop::collection::vec(("[a-z]{1,2}", prop::collection::vec(indicator(), 0..5)), 0..4),
        (
            prop::collection::btree_map(node_ids(), (field(), field(), field()), 0..6),
            prop::collection::vec(("[a-z]{1,2}", field(), field()), 0..3),
            field(),
            prop::sample::select(vec!["", "优", "良", "中", "差", "A"]),
        ),
        prop::collection::btree_map("[a-z]{1,8}", ".{0,40}|.{0,10}(均已完成|全部完成|未全部完成).{0,10}", 0..3),
    )
        .prop_map(
            |(
                (name, year, amount_unit),
                (total, rows, reason, measure),
                rubric,
                tasks,
                (scores, adjustments, total_score, grade),
                narrative,
            )| {
                SelfEvaluation {
                    unit: Unit { name, year, amount_unit: amount_unit.to_string(), ..Default::default() },
                    budget: Budget { total: BudgetRow { id: "total".into(), ..total }, rows, reason, measure },
                    rubric,
                    tasks: tasks.into_iter().map(|(id, indicators)| Task { id, name: "任务".into(), indicators }).collect(),
                    stated: Stated {
                        scores: scores
                            .into_iter()
                            .map(|(k, (score, reason, measure))| (k, StatedScore { score, reason, measure }))
                            .collect(),
                        adjustments: adjustments.into_iter().map(|(id, points, reason)| Adjustment { id, points, reason }).collect(),
                        total: total_score,
                        grade: grade.to_string(),
                    },
                    narrative,
                    ..Default::default()
                }
            },
        )
}

/// A decimal with up to `max_scale` places, from the whole i64 range.
fn decimal(max_scale: u32) -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0..=max_scale).prop_map(|(m, s)| Decimal::new(m, s))
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            ',' => '，',
            '.' => '．',
            '-' => '－',
            c => c,
        })
        .collect()
}

proptest! {
    // 512 cases by default; `PROPTEST_CASES=20000 cargo test --release --test properties` digs deeper.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn the_parser_never_panics(s in ".{0,64}") {
        for k in KINDS {
            let _ = parse(&s, k);
            let _ = parse_opt(&s, k);
        }
        let _ = to_half_width(&s);
    }

    #[test]
    fn the_parser_never_panics_on_number_like_text(s in field()) {
        for k in KINDS {
            if let Ok(v) = parse(&s, k) {
                // A value that parsed is an exact decimal of at most 28 significant digits,
                // never a negative zero, and negative only where the kind allows it.
                prop_assert!(v.scale() <= 28);
                prop_assert!(!(v.is_zero() && v.is_sign_negative()), "{s:?} gave -0");
                if !matches!(k, Kind::Score | Kind::Value) {
                    prop_assert!(!v.is_sign_negative(), "{s:?} is negative as {k:?}");
                }
            }
        }
    }

    #[test]
    fn huge_digit_strings_are_errors_not_panics(n in 29usize..200, lead in "[+-]?", frac in 0usize..60) {
        let s = format!("{lead}{}.{}", "9".repeat(n), "1".repeat(frac));
        for k in KINDS {
            prop_assert!(parse(&s, k).is_err(), "{s} parsed as {:?}", parse(&s, k));
        }
    }

    #[test]
    fn display_round_trips(d in decimal(12)) {
        prop_assert_eq!(parse(&d.to_string(), Kind::Score).unwrap(), d);
        prop_assert_eq!(parse(&d.to_string(), Kind::Value).unwrap(), d);
    }

    #[test]
    fn grouped_round_trips(d in decimal(12)) {
        let s = group_thousands(d, d.scale());
        prop_assert_eq!(parse(&s, Kind::Score).unwrap(), d, "{}", s);
        let abs = d.abs();
        let amount = group_thousands(abs, abs.scale());
        prop_assert_eq!(parse(&amount, Kind::Amount { unit: "万元" }).unwrap(), abs);
        prop_assert_eq!(parse(&format!("{amount}万元"), Kind::Amount { unit: "万元" }).unwrap(), abs);
        prop_assert_eq!(parse(&full_width(&amount), Kind::Amount { unit: "万元" }).unwrap(), abs, "{}", full_width(&amount));
    }

    #[test]
    fn percent_text_round_trips(d in decimal(4)) {
        let p = d.abs();
        prop_assert_eq!(parse(&format!("{p}%"), Kind::Percent).unwrap(), p);
        prop_assert_eq!(parse(&format!("{p}％"), Kind::Percent).unwrap(), p);
    }

    #[test]
    fn rounding_is_stable_and_matches_itself(d in decimal(10), dp in 0u32..6) {
        let r = round_to(d, dp);
        prop_assert_eq!(round_to(r, dp), r);
        prop_assert!(matches_at_stated_precision(r, d));
        prop_assert!((r - d).abs() * Decimal::from(2) <= Decimal::new(1, dp));
    }

    #[test]
    fn fast_decimal_text_is_display(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28, small in decimal(28)) {
        for x in [Decimal::from_parts(lo, mid, hi, neg, scale), Decimal::from_parts(lo, mid, 0, neg, scale), small] {
            prop_assert_eq!(decimal_text(x), x.to_string());
            prop_assert_eq!(plain_text(x), x.normalize().to_string());
        }
    }

    #[test]
    fn exact_and_decimal_quotients_agree_on_ordinary_values(a in decimal(4), b in decimal(4), c in decimal(4)) {
        // Values of a few significant digits: the 28-digit Decimal quotient rounds like the exact one.
        let small = |x: Decimal| Decimal::new(x.mantissa() as i64 % 1_000_000_000, x.scale());
        let (a, b, c) = (small(a), small(b), small(c));
        prop_assert_eq!(mul_div_round2(a, b, c), mul_div(a, b, c).map(|q| round_to(q, 2)), "{} × {} ÷ {}", a, b, c);
    }

    #[test]
    fn percent_never_panics(a in decimal(10), b in decimal(10)) {
        let _ = percent(a, b);
        prop_assert_eq!(percent(a, Decimal::ZERO), None);
    }

    #[test]
    fn evaluate_never_panics_and_is_deterministic(doc in document()) {
        let a = evaluate(&doc);
        let b = evaluate(&doc);
        prop_assert_eq!(&a, &b);
        // Every finding names a catalogue rule and a path.
        for f in &a.findings {
            prop_assert!(f.category != "internal", "unknown rule {}", f.rule);
            prop_assert!(!f.path.is_empty());
        }
        // A computed indicator score lies in [0, weight]: no formula scores above the weight or
        // below zero, whatever the signs of target and actual.
        for i in &a.indicators {
            if let (Some(s), Some(w)) = (i.score, i.weight) {
                // (Scores are 2-dp figures: a weight of 0.005 scores 0.01 in full.)
                let cap = round_to(w.max(Decimal::ZERO), 2);
                prop_assert!(s >= Decimal::ZERO && s <= cap, "{} scored {s} of {w}: {}", i.id, i.explain.en);
            }
            if let Some(c) = i.completion {
                prop_assert!(c >= Decimal::ZERO, "{}: completion {c}", i.id);
            }
        }
        // An execution-rate score is capped at its weight.
        for n in a.scores.nodes.iter().filter(|n| n.leaf && n.method == "execution_rate") {
            if let (Some(c), Some(w)) = (n.computed, n.effective_weight) {
                prop_assert!(c <= round_to(w.max(Decimal::ZERO), 2), "{}: {c} > {w}", n.id);
            }
        }
        // The document survives its own JSON.
        let back = SelfEvaluation::from_json(&doc.to_json()).unwrap();
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(evaluate(&back), a);
    }

    #[test]
    fn any_paste_into_any_budget_cell_keeps_the_document_valid(doc in document(), text in "([^\t\n]{0,12}[\t\n\r\"]){0,24}", row in 0usize..8, col in 0usize..6) {
        let mut doc = doc;
        let ids: Vec<String> = std::iter::once("total".to_string()).chain(doc.budget.rows.iter().map(|r| r.id.clone())).collect();
        let id = ids[row % ids.len()].clone();
        let rows_before = doc.budget.rows.len();
        let p = paste(&mut doc, &text, &id, columns()[col].0);
        // Every added row is in the document; nothing else is removed.
        prop_assert_eq!(doc.budget.rows.len(), rows_before + p.added.len());
        for r in &p.rows {
            prop_assert!(r == "total" || doc.budget.rows.iter().any(|x| &x.id == r), "{r}");
        }
        let _ = evaluate(&doc);
        // Added rows get ids the format accepts: the document survives its own JSON.
        prop_assert_eq!(SelfEvaluation::from_json(&doc.to_json()).unwrap(), doc);
    }

    #[test]
    fn every_preset_evaluates_any_document(doc in document()) {
        for id in ["national-2020", "guangzhou-dept", "guangzhou-dept-example"] {
            let r = preset(id).unwrap();
            let _ = evaluate_with(&doc, &r);
        }
    }
}

#[test]
fn empty_and_zero_documents_evaluate() {
    let empty = SelfEvaluation::default();
    let ev = evaluate(&empty);
    assert!(ev.findings.iter().any(|f| f.rule == "entry.required"));
    let zero = SelfEvaluation {
        budget: Budget {
            total: BudgetRow {
                id: "total".into(),
                initial: "0".into(),
                adjusted: "0".into(),
                actual: "0".into(),
                stated_rate: "0".into(),
                ..Default::default()
            },
            rows: vec![BudgetRow {
                id: "a".into(),
                group: "source".into(),
                adjusted: "0".into(),
                actual: "0".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
        tasks: vec![Task {
            name: String::new(),
            id: "t".into(),
            indicators: ["≥", "≤", "=", "定性"]
                .iter()
                .enumerate()
                .map(|(n, d)| Indicator {
                    id: format!("i{n}"),
                    direction: d.to_string(),
                    target: "0".into(),
                    actual: "0".into(),
                    weight: "0".into(),
                    stated_score: "0".into(),
                    node: "output".into(),
                    ..Default::default()
                })
                .collect(),
        }],
        narrative: BTreeMap::new(),
        ..Default::default()
    };
    let ev = evaluate(&zero);
    assert!(ev.budget.total.not_applicable);
    assert_eq!(ev.budget.total.rate, None);
}
