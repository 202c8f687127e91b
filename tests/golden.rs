//! Golden cases: every `tests/golden/*.json` holds a self-evaluation document and the exact set of
//! findings (rule, path, severity, and the correction a finding offers: `"fix": "<path> = <value>"`)
//! and computed figures it must give. The suite diffs them all and
//! lists every difference.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites each file's `expect` and `figures` from
//! what the core computes now (and the `input` in its canonical form). Commit a rewritten
//! expectation only after checking it by hand against the formulas: the file's `description`
//! says how each figure is obtained.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use selfcheck::core::check::evaluate::{evaluate, Evaluation};
use selfcheck::core::document::format::SelfEvaluation;

#[derive(Deserialize)]
struct Golden {
    /// What the case is about and how its figures are obtained, by hand.
    #[serde(default)]
    description: Vec<String>,
    input: serde_json::Value,
    expect: Vec<Expect>,
    #[serde(default)]
    figures: BTreeMap<String, String>,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expect {
    rule: String,
    path: String,
    severity: String,
    /// The finding's correction, `<path> = <value>` (issue 12); absent when it offers none.
    #[serde(default)]
    fix: Option<String>,
}

impl Expect {
    fn line(&self) -> String {
        let fix = self.fix.as_ref().map(|f| format!("  fix {f}")).unwrap_or_default();
        format!("{} {} {}{fix}", self.rule, self.severity, self.path)
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/golden exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

fn findings(ev: &Evaluation) -> Vec<Expect> {
    ev.findings
        .iter()
        .map(|f| Expect {
            rule: f.rule.clone(),
            path: f.path.clone(),
            severity: f.severity.id().to_string(),
            fix: f.fix.as_ref().map(|x| format!("{} = {}", x.path, x.value)),
        })
        .collect()
}

/// The computed figures a golden file pins down, by key:
/// `rate.<row>` (or `n/a` for a zero budget), `derived.<row>` (budget / spending of a derived
/// row), `score.<node>`, `weight.<node>` (only where a fallback changed it),
/// `indicator.<id>.completion` / `.score` / `.range`, `adjustments`, `total`, `grade`.
fn figures(ev: &Evaluation) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for r in std::iter::once(&ev.budget.total).chain(&ev.budget.rows) {
        if r.not_applicable {
            m.insert(format!("rate.{}", r.id), "n/a".to_string());
        } else if let Some(rate) = r.rate {
            m.insert(format!("rate.{}", r.id), rate.to_string());
        }
        if r.derived {
            let (b, a) = (r.budget.unwrap_or_default(), r.actual.unwrap_or_default());
            m.insert(format!("derived.{}", r.id), format!("{b} / {a}"));
        }
    }
    for n in &ev.scores.nodes {
        if let Some(s) = n.score {
            m.insert(format!("score.{}", n.id), s.to_string());
        }
        if n.effective_weight != n.weight {
            if let Some(w) = n.effective_weight {
                m.insert(format!("weight.{}", n.id), w.to_string());
            }
        }
    }
    for i in &ev.indicators {
        if let Some(c) = i.completion {
            m.insert(format!("indicator.{}.completion", i.id), c.to_string());
        }
        if let Some(s) = i.score {
            m.insert(format!("indicator.{}.score", i.id), s.to_string());
        }
        if i.range.is_some() {
            m.insert(format!("indicator.{}.range", i.id), i.range_text());
        }
    }
    if !ev.scores.adjustments.is_zero() {
        m.insert("adjustments".to_string(), ev.scores.adjustments.to_string());
    }
    if let Some(t) = ev.scores.total {
        m.insert("total".to_string(), t.to_string());
    }
    if let Some(g) = ev.scores.grade {
        m.insert("grade".to_string(), g.label().zh);
    }
    m
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn indent(text: &str, by: &str) -> String {
    text.lines().enumerate().map(|(i, l)| if i == 0 { l.to_string() } else { format!("{by}{l}") }).collect::<Vec<_>>().join("\n")
}

/// The file as UPDATE_GOLDEN writes it: description, canonical input, one finding per line,
/// one figure per line.
fn render(description: &[String], doc: &SelfEvaluation, expect: &[Expect], figs: &BTreeMap<String, String>) -> String {
    let desc = description.iter().map(|d| format!("    {}", json_str(d))).collect::<Vec<_>>().join(",\n");
    let exp = expect
        .iter()
        .map(|e| {
            let fix = e.fix.as_ref().map(|f| format!(", \"fix\": {}", json_str(f))).unwrap_or_default();
            format!(
                "    {{ \"rule\": {}, \"path\": {}, \"severity\": {}{fix} }}",
                json_str(&e.rule),
                json_str(&e.path),
                json_str(&e.severity)
            )
        })
        .collect::<Vec<_>>()
        .join(",\n");
    let fig = figs.iter().map(|(k, v)| format!("    {}: {}", json_str(k), json_str(v))).collect::<Vec<_>>().join(",\n");
    let block =
        |s: String, open: &str, close: &str| if s.is_empty() { format!("{open}{close}") } else { format!("{open}\n{s}\n  {close}") };
    format!(
        "{{\n  \"description\": {},\n  \"input\": {},\n  \"expect\": {},\n  \"figures\": {}\n}}\n",
        block(desc, "[", "]"),
        indent(&doc.to_json(), "  "),
        block(exp, "[", "]"),
        block(fig, "{", "}")
    )
}

#[test]
fn every_golden_case_gives_exactly_its_findings_and_figures() {
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| !v.is_empty() && v != "0");
    let mut failures = Vec::new();
    let files = files();
    assert!(!files.is_empty(), "no golden files in tests/golden");
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let g: Golden = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not a golden file: {e}"));
        let doc = SelfEvaluation::from_json(&g.input.to_string()).unwrap_or_else(|e| panic!("{name}: input: {e}"));
        let ev = evaluate(&doc);
        let got = findings(&ev);
        let figs = figures(&ev);
        if update {
            std::fs::write(&path, render(&g.description, &doc, &got, &figs)).unwrap_or_else(|e| panic!("{name}: {e}"));
            continue;
        }
        let (mut want_sorted, mut got_sorted) = (g.expect.clone(), got.clone());
        want_sorted.sort();
        got_sorted.sort();
        if want_sorted != got_sorted {
            let missing: Vec<_> = want_sorted.iter().filter(|e| !got_sorted.contains(e)).map(|e| format!("  - {}", e.line())).collect();
            let extra: Vec<_> = ev
                .findings
                .iter()
                .zip(&got)
                .filter(|(_, e)| !want_sorted.contains(e))
                .map(|(f, e)| format!("  + {}  ({})", e.line(), f.message.zh))
                .collect();
            let counts = if missing.is_empty() && extra.is_empty() {
                "  (same findings, different multiplicity)\n".to_string()
            } else {
                String::new()
            };
            failures.push(format!(
                "{name}: findings differ (- expected, not found; + found, not expected)\n{counts}{}",
                [missing, extra].concat().join("\n")
            ));
        }
        if g.figures != figs {
            let keys: std::collections::BTreeSet<&String> = g.figures.keys().chain(figs.keys()).collect();
            let diff: Vec<String> = keys
                .into_iter()
                .filter(|k| g.figures.get(*k) != figs.get(*k))
                .map(|k| format!("  {k}: expected {:?}, computed {:?}", g.figures.get(k), figs.get(k)))
                .collect();
            failures.push(format!("{name}: figures differ\n{}", diff.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "\n{}\n\n(UPDATE_GOLDEN=1 rewrites the expectations; check them by hand before committing)",
        failures.join("\n\n")
    );
}

/// The seed golden case is the shipped example, so neither can drift from the other.
#[test]
fn the_seed_golden_case_is_the_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/guangzhou-ftu-2021.json")).unwrap();
    let example = SelfEvaluation::from_json(&example).unwrap();
    let g: Golden = serde_json::from_str(&std::fs::read_to_string(dir().join("seed-guangzhou-ftu-2021.json")).unwrap()).unwrap();
    let golden = SelfEvaluation::from_json(&g.input.to_string()).unwrap();
    assert_eq!(golden, example);
}

/// The cases the core's documentation promises are all there.
#[test]
fn the_required_cases_exist() {
    for name in [
        "seed-guangzhou-ftu-2021",
        "seed-shortfall-unexplained",
        "national-2020-satisfaction-fallback",
        "wrong-arithmetic",
        "over-execution-and-adjusted-budget",
        "qualitative-deduction-reverse",
    ] {
        assert!(dir().join(format!("{name}.json")).exists(), "tests/golden/{name}.json missing");
    }
}

/// Writing a golden file and reading it back changes nothing.
#[test]
fn render_round_trips() {
    for path in files() {
        let g: Golden = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = SelfEvaluation::from_json(&g.input.to_string()).unwrap();
        let text = render(&g.description, &doc, &g.expect, &g.figures);
        let back: Golden = serde_json::from_str(&text).unwrap();
        assert_eq!(back.expect, g.expect);
        assert_eq!(back.figures, g.figures);
        assert_eq!(SelfEvaluation::from_json(&back.input.to_string()).unwrap(), doc);
    }
}

/// The seed's own figures, with the formulas a reviewer redoes (domain notes, "Seed arithmetic").
#[test]
fn the_seed_reproduces_its_report() {
    let g: Golden = serde_json::from_str(&std::fs::read_to_string(dir().join("seed-guangzhou-ftu-2021.json")).unwrap()).unwrap();
    let ev = evaluate(&SelfEvaluation::from_json(&g.input.to_string()).unwrap());
    let rate = |id: &str| ev.budget.row(id).and_then(|r| r.rate).map(|r| r.to_string());
    assert_eq!(rate("fin").as_deref(), Some("95.68"));
    assert_eq!(rate("total").as_deref(), Some("95.50"));
    assert_eq!(rate("other").as_deref(), Some("94.86"));
    assert!(ev.budget.total.explain.zh.contains("95.50% = 33,814.57 ÷ 35,408.62 × 100"), "{}", ev.budget.total.explain.zh);
    assert!(ev.budget.row("other").unwrap().explain.zh.contains("7,822.91 = 35,408.62 − 27,585.71"));
    assert_eq!(ev.scores.total_explain.zh, "93.53 = 43.53 + 50.00（一级指标）+ 0.00（其他加减分项）");
    assert_eq!(ev.scores.grade.map(|g| g.label().zh).as_deref(), Some("优"));
    assert!(ev.ready(), "the seed has no error finding");
}

/// A deduction among 其他加减分项 reads "− 1.00" in the total's formula, not "+ -1.00".
#[test]
fn a_deduction_reads_as_a_minus_in_the_total() {
    let g: Golden = serde_json::from_str(&std::fs::read_to_string(dir().join("qualitative-deduction-reverse.json")).unwrap()).unwrap();
    let ev = evaluate(&SelfEvaluation::from_json(&g.input.to_string()).unwrap());
    assert_eq!(ev.scores.total_explain.zh, "84.92 = 10.00 + 45.92 + 30.00 + 0.00（一级指标）− 1.00（其他加减分项）");
    assert_eq!(ev.scores.total_explain.en, "84.92 = 10.00 + 45.92 + 30.00 + 0.00 (level-1) − 1.00 (adjustments)");
}
