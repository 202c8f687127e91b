//! Real published self-evaluations (`tests/real/*.json`, typed from the corpus in
//! `../shared/corpus/`): each file holds the document as an officer would type it from the
//! published figures, a report text in our own words where the document has report prose, and
//! its expectations as data:
//!
//! - `figures`: computed figures (the keys of `tests/golden.rs`: `rate.<row>`, `score.<node>`,
//!   `indicator.<id>.score` / `.completion`, `total`, `grade`) that must equal the published
//!   ones where those are right;
//! - `must_flag`: each real problem, at a path (or path prefix) with a minimum severity and,
//!   where known, the rule;
//! - `must_not`: paths (prefixes; `""` is the whole document) where no error or warning may be
//!   raised (optionally only a given rule).
//!
//! An expectation not met yet carries `known_gap` (why). The test fails when an expectation
//! without `known_gap` is not met, and when one with `known_gap` is met (remove the mark: the list
//! only shrinks). It prints "figures reproduced x/y · problems flagged x/y · false errors z" and
//! each document's detail (`cargo test --test real -- --nocapture`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use selfcheck::core::check::evaluate::{evaluate, Evaluation};
use selfcheck::core::check::finding::{Finding, Severity};
use selfcheck::core::crosscheck;
use selfcheck::core::document::format::SelfEvaluation;

#[allow(dead_code)]
#[derive(Deserialize)]
struct Source {
    corpus: String,
    address: String,
    publisher: String,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Case {
    source: Source,
    #[serde(default)]
    note: Vec<String>,
    document: serde_json::Value,
    #[serde(default)]
    report: Vec<String>,
    #[serde(default)]
    figures: Vec<Figure>,
    #[serde(default)]
    must_flag: Vec<Flag>,
    #[serde(default)]
    must_not: Vec<Not>,
    #[serde(default)]
    verdicts: Vec<Verdict>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Figure {
    key: String,
    expect: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    known_gap: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Flag {
    what: String,
    path: String,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default = "warning")]
    severity: String,
    /// Text the finding's (Chinese) message must contain, where the path alone cannot tell
    /// (a report's figures are numbered, not named).
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    known_gap: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Not {
    what: String,
    path: String,
    #[serde(default)]
    rule: Option<String>,
    /// "warning" (default: no error and no warning) or "error" (no error; a warning is acceptable).
    #[serde(default = "warning")]
    severity: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    known_gap: Option<String>,
}

/// A corpus verdict judged wrong, with the reason.
#[allow(dead_code)]
#[derive(Deserialize)]
struct Verdict {
    corpus: String,
    judgement: String,
}

fn warning() -> String {
    "warning".to_string()
}

fn severity(s: &str) -> Severity {
    match s {
        "error" => Severity::Error,
        "info" => Severity::Info,
        _ => Severity::Warning,
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real")
}

fn files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/real exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// The computed figures by key (the keys of tests/golden.rs).
fn figures(ev: &Evaluation) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for r in std::iter::once(&ev.budget.total).chain(&ev.budget.rows) {
        if r.not_applicable {
            m.insert(format!("rate.{}", r.id), "n/a".to_string());
        } else if let Some(rate) = r.rate {
            m.insert(format!("rate.{}", r.id), rate.to_string());
        }
    }
    for n in &ev.scores.nodes {
        if let Some(s) = n.score {
            m.insert(format!("score.{}", n.id), s.to_string());
        }
        if let Some(w) = n.effective_weight {
            m.insert(format!("weight.{}", n.id), w.to_string());
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
    if let Some(t) = ev.scores.total {
        m.insert("total".to_string(), t.to_string());
    }
    if let Some(g) = ev.scores.grade {
        m.insert("grade".to_string(), g.label().zh);
    }
    m
}

fn under(path: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || path == prefix
        || (path.starts_with(prefix) && matches!(path.as_bytes().get(prefix.len()), Some(b'.')))
        || (prefix.ends_with('.') && path.starts_with(prefix))
}

fn flagged(all: &[Finding], f: &Flag) -> bool {
    let min = severity(&f.severity);
    all.iter().any(|x| {
        under(&x.path, &f.path)
            && x.severity <= min
            && f.rule.as_ref().is_none_or(|r| *r == x.rule)
            && f.message.as_ref().is_none_or(|m| x.message.zh.contains(m.as_str()))
    })
}

fn violations<'a>(all: &'a [Finding], n: &Not) -> Vec<&'a Finding> {
    all.iter()
        .filter(|x| {
            under(&x.path, &n.path)
                && x.severity <= severity(&n.severity)
                && n.rule.as_ref().is_none_or(|r| *r == x.rule)
                && n.message.as_ref().is_none_or(|m| x.message.zh.contains(m.as_str()))
        })
        .collect()
}

#[test]
fn real_reports() {
    let (mut fig_ok, mut fig_n, mut flag_ok, mut flag_n, mut false_errors) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    let files = files();
    assert_eq!(files.len(), 18, "one file per corpus document");
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let case: Case = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not a real case: {e}"));
        assert!(!case.source.address.is_empty() && !case.source.publisher.is_empty(), "{name}: source");
        let doc = SelfEvaluation::from_json(&case.document.to_string()).unwrap_or_else(|e| panic!("{name}: document: {e}"));
        let ev = evaluate(&doc);
        let mut all = ev.findings.clone();
        if !case.report.is_empty() {
            all.extend(crosscheck::check(&case.report.join("\n"), &doc, &ev));
        }
        let figs = figures(&ev);
        let mut detail = Vec::new();
        let (mut f_ok, mut p_ok) = (0, 0);
        let mut false_at: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
        for f in &case.figures {
            let got = figs.get(&f.key);
            let met = got == Some(&f.expect);
            fig_n += 1;
            if met {
                fig_ok += 1;
                f_ok += 1;
            }
            match (&f.known_gap, met) {
                (None, false) => failures.push(format!("{name}: figure {} expected {}, computed {:?}", f.key, f.expect, got)),
                (Some(_), true) => failures.push(format!("{name}: figure {} is now reproduced: remove its known_gap", f.key)),
                _ => {}
            }
            if !met {
                detail.push(format!("    figure {} = {} ≠ {:?}", f.key, f.expect, got));
            }
        }
        for f in &case.must_flag {
            let met = flagged(&all, f);
            flag_n += 1;
            if met {
                flag_ok += 1;
                p_ok += 1;
            }
            match (&f.known_gap, met) {
                (None, false) => failures.push(format!(
                    "{name}: not flagged: {} ({} {} ≥ {})",
                    f.what,
                    f.path,
                    f.rule.as_deref().unwrap_or("*"),
                    f.severity
                )),
                (Some(_), true) => failures.push(format!("{name}: now flagged: {} ({}): remove its known_gap", f.what, f.path)),
                _ => {}
            }
            if !met {
                detail.push(format!("    missed {} [{}]", f.what, f.path));
            }
        }
        for n in &case.must_not {
            let v = violations(&all, n);
            false_at.extend(v.iter().map(|x| *x as *const Finding as usize));
            match (&n.known_gap, v.is_empty()) {
                (None, false) => failures.push(format!(
                    "{name}: must not: {} ({}), got:\n{}",
                    n.what,
                    n.path,
                    v.iter().map(|x| format!("      {}", x.line(selfcheck::core::text::lang::Lang::Zh))).collect::<Vec<_>>().join("\n")
                )),
                (Some(_), true) => failures.push(format!("{name}: must-not now holds: {} ({}): remove its known_gap", n.what, n.path)),
                _ => {}
            }
            for x in v {
                detail.push(format!("    false {} {} {} {}", x.severity.id(), x.rule, x.path, x.message.zh));
            }
        }
        let fe = false_at.len();
        false_errors += fe;
        println!("{name}: figures {f_ok}/{} · flagged {p_ok}/{} · false {fe}", case.figures.len(), case.must_flag.len());
        for d in detail {
            println!("{d}");
        }
        if std::env::var("REAL_VERBOSE").is_ok() {
            for x in &all {
                println!("      | {}", x.line(selfcheck::core::text::lang::Lang::Zh));
            }
        }
    }
    println!("figures reproduced {fig_ok}/{fig_n} · problems flagged {flag_ok}/{flag_n} · false errors {false_errors}");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
