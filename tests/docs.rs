//! The documents that are generated from data stay equal to what generates them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// `docs/rules.md` is `selfcheck rules` (generated from `data/rules.json`). After changing the
/// catalogue, regenerate it: `cargo run --bin selfcheck -- rules > docs/rules.md`.
#[test]
fn rules_md_is_generated_from_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = selfcheck::cli::rules_markdown();
    if on_disk != generated {
        let first = on_disk
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(on_disk.lines().count().min(generated.lines().count()));
        panic!(
            "docs/rules.md differs from the catalogue (first difference at line {}):\n  on disk:   {}\n  generated: {}\nregenerate it: cargo run --bin selfcheck -- rules > docs/rules.md",
            first + 1,
            on_disk.lines().nth(first).unwrap_or("<end of file>"),
            generated.lines().nth(first).unwrap_or("<end of file>")
        );
    }
}

/// Every rule of the catalogue appears in docs/rules.md by its id (a cheap guard that also reads
/// well when the table format changes).
#[test]
fn every_rule_is_documented() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).unwrap_or_default();
    for r in selfcheck::core::check::rules::catalogue::rules() {
        assert!(doc.contains(&format!("`{}`", r.id)), "docs/rules.md lacks {}", r.id);
    }
}

/// docs/format.md documents every field of the self-evaluation and rubric formats.
#[test]
fn format_md_names_every_field() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md")).unwrap_or_default();
    let full = selfcheck::core::document::format::SelfEvaluation {
        rubric: selfcheck::core::document::format::RubricChoice {
            preset: String::new(),
            inline: selfcheck::core::check::rubric::preset("guangzhou-dept-example"),
        },
        ..Default::default()
    };
    let mut value = serde_json::to_value(&full).unwrap();
    // One of each list item, so their fields are listed too.
    value["budget"]["rows"] = serde_json::to_value(vec![selfcheck::core::document::format::BudgetRow::default()]).unwrap();
    value["tasks"] =
        serde_json::to_value(vec![selfcheck::core::document::format::Task { indicators: vec![Default::default()], ..Default::default() }])
            .unwrap();
    value["stated"]["scores"] = serde_json::json!({ "node": selfcheck::core::document::format::StatedScore::default() });
    value["stated"]["adjustments"] = serde_json::to_value(vec![selfcheck::core::document::format::Adjustment::default()]).unwrap();
    let mut missing = Vec::new();
    fn walk(v: &serde_json::Value, doc: &str, missing: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, child) in m {
                    if k != "node" && !doc.contains(&format!("`{k}`")) {
                        missing.push(k.clone());
                    }
                    walk(child, doc, missing);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|c| walk(c, doc, missing)),
            _ => {}
        }
    }
    walk(&value, &doc, &mut missing);
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "docs/format.md does not mention these fields: {missing:?}");
}

/// The minimal example in docs/format.md loads and evaluates to what the page says it does.
#[test]
fn format_md_minimal_example_evaluates_as_described() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md")).unwrap_or_default();
    let start = doc.find("```json\n").expect("docs/format.md has a JSON example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the example ends");
    let example = selfcheck::core::document::format::SelfEvaluation::from_json(&doc[start..end]).expect("the example loads");
    let ev = selfcheck::core::check::evaluate::evaluate(&example);
    assert!(ev.findings.is_empty(), "{:?}", ev.findings.iter().map(|f| &f.rule).collect::<Vec<_>>());
    assert_eq!(ev.scores.total.map(|t| t.to_string()).as_deref(), Some("99.60"));
    assert_eq!(ev.scores.node("execution").and_then(|n| n.score).map(|s| s.to_string()).as_deref(), Some("9.60"));
    assert_eq!(ev.scores.node("output").and_then(|n| n.effective_weight).map(|s| s.to_string()).as_deref(), Some("60"));
}
