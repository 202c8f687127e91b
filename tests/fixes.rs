//! The fix, not only the finding (issue 12): where a finding has a computable correction, it
//! carries the field to write and the exact text to write there; `core::edit::apply_fix` writes
//! it; the CLI prints it and `--json` carries it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use selfcheck::cli::run;
use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::check::finding::{Finding, Fix, Severity};
use selfcheck::core::check::rules::catalogue;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::edit;
use selfcheck::core::text::lang::Lang;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// Every document the project holds: the example, the golden inputs, the real reports.
fn all_documents() -> Vec<(String, SelfEvaluation)> {
    let mut docs = Vec::new();
    for p in json_files("examples") {
        let text = std::fs::read_to_string(&p).unwrap();
        docs.push((p.display().to_string(), SelfEvaluation::from_json(&text).unwrap()));
    }
    for (dir, key) in [("tests/golden", "input"), ("tests/real", "document")] {
        for p in json_files(dir) {
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let doc = SelfEvaluation::from_json(&v[key].to_string()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            docs.push((p.display().to_string(), doc));
        }
    }
    docs
}

fn golden(name: &str) -> SelfEvaluation {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/golden").join(name)).unwrap()).unwrap();
    SelfEvaluation::from_json(&v["input"].to_string()).unwrap()
}

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(&std::fs::read_to_string(root().join("examples/guangzhou-ftu-2021.json")).unwrap()).unwrap()
}

fn key(f: &Finding) -> (String, String) {
    (f.rule.clone(), f.path.clone())
}

fn fixes_of(doc: &SelfEvaluation) -> Vec<(String, String, String, String)> {
    evaluate(doc)
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|x| (f.rule.clone(), f.path.clone(), x.path.clone(), x.value.clone())))
        .collect()
}

fn has_fix(doc: &SelfEvaluation, rule: &str, path: &str, value: &str) {
    let fixes = fixes_of(doc);
    assert!(
        fixes.iter().any(|(r, p, _, v)| r == rule && p == path && v == value),
        "expected {rule} at {path} with the fix {value}; fixes: {fixes:#?}"
    );
}

#[test]
fn a_wrong_stated_rate_carries_the_computed_rate_at_2_dp() {
    // 基本支出 states 93.00 where 560 ÷ 600 = 93.33.
    let doc = golden("wrong-arithmetic.json");
    has_fix(&doc, "budget.rate_mismatch", "budget.rows.basic.stated_rate", "93.33");
}

#[test]
fn a_rate_typed_with_its_percent_sign_is_corrected_with_it() {
    let mut doc = golden("wrong-arithmetic.json");
    assert!(edit::set(&mut doc, "budget.rows.basic.stated_rate", "94%"));
    has_fix(&doc, "budget.rate_mismatch", "budget.rows.basic.stated_rate", "93.33%");
}

#[test]
fn a_wrong_indicator_score_total_and_node_score_carry_the_computed_values() {
    let mut doc = golden("wrong-arithmetic.json");
    // i2 states 30 where 96 ≥ 95 gives the full 25; the column is of whole numbers.
    has_fix(&doc, "score.stated_mismatch", "tasks.t1.indicators.i2.stated_score", "25");
    // Stated 95.00, computed 9.00 + 50.00 + 25.00 + 10.00 = 94.00.
    has_fix(&doc, "score.total_mismatch", "stated.total", "94.00");
    // 预算执行率 10 × 90.00% = 9.00, stated 9.5.
    assert!(edit::set(&mut doc, "stated.scores.execution.score", "9.5"));
    has_fix(&doc, "score.stated_mismatch", "stated.scores.execution.score", "9.00");
}

#[test]
fn a_proportional_indicator_score_is_corrected_at_the_columns_precision() {
    let mut doc = golden("wrong-arithmetic.json");
    // 就业率 target 95, actual 90: 25 × 90 ÷ 95 = 23.684… → 23.68 in a column of 2-dp scores.
    assert!(edit::set(&mut doc, "tasks.t1.indicators.i2.actual", "90"));
    assert!(edit::set(&mut doc, "tasks.t1.indicators.i2.stated_score", "24.50"));
    has_fix(&doc, "score.stated_mismatch", "tasks.t1.indicators.i2.stated_score", "23.68");
}

#[test]
fn a_qualitative_score_outside_its_range_has_no_fix() {
    // q3 states 8 where 部分达成 gives [6.00, 8.00): any value in the range would do, none is certain.
    let doc = golden("qualitative-deduction-reverse.json");
    let ev = evaluate(&doc);
    let f = ev.findings.iter().find(|f| f.rule == "score.stated_mismatch" && f.path.ends_with("q3.stated_score")).expect("fires");
    assert_eq!(f.fix, None);
}

#[test]
fn a_wrong_grade_is_corrected_to_the_totals_grade() {
    let mut doc = seed();
    assert!(edit::set(&mut doc, "stated.grade", "良"));
    has_fix(&doc, "score.grade_mismatch", "stated.grade", "优");
    // A blank grade beside a computed total: the grade to fill in.
    let doc = seed();
    has_fix(&doc, "score.grade_missing", "stated.grade", "优");
}

#[test]
fn a_correction_is_written_the_way_the_cell_was_typed() {
    // A grade typed in English is corrected in English; a total typed with 分 keeps it.
    let mut doc = seed();
    assert!(edit::set(&mut doc, "stated.grade", "good"));
    has_fix(&doc, "score.grade_mismatch", "stated.grade", "excellent");
    let mut doc = golden("wrong-arithmetic.json");
    assert!(edit::set(&mut doc, "stated.total", "95分"));
    has_fix(&doc, "score.total_mismatch", "stated.total", "94.00分");
    // A total typed without thousands separators is corrected without them.
    let mut doc = total_row_contradicting_its_parts();
    assert!(edit::set(&mut doc, "budget.total.adjusted", "1100"));
    has_fix(&doc, "budget.rows_sum", "budget.total.adjusted", "1000.00");
}

#[test]
fn a_total_estimated_from_bounds_has_no_fix() {
    // With a part that cannot be scored, the total is only bounded: no value is certain.
    let mut doc = seed();
    assert!(edit::set(&mut doc, "stated.scores.management.score", ""));
    assert!(edit::set(&mut doc, "stated.total", "40"));
    let ev = evaluate(&doc);
    assert!(ev.scores.total.is_none(), "the case needs a total that cannot be computed");
    let f = ev.findings.iter().find(|f| f.rule == "score.total_mismatch").expect("the bound fires");
    assert_eq!(f.fix, None);
    assert!(ev.findings.iter().filter(|f| f.rule.starts_with("score.grade")).all(|f| f.fix.is_none()));
}

/// Both groups add up to the same amounts, the total row says otherwise: the total is wrong.
fn total_row_contradicting_its_parts() -> SelfEvaluation {
    let mut doc = golden("wrong-arithmetic.json");
    // Source rows 700 + 300 = 1,000 and 640 + 260 = 900, as the type rows.
    assert!(edit::set(&mut doc, "budget.rows.other.adjusted", "300.00"));
    assert!(edit::set(&mut doc, "budget.rows.other.actual", "260.00"));
    assert!(edit::set(&mut doc, "budget.rows.other.stated_rate", "86.67"));
    assert!(edit::set(&mut doc, "budget.total.adjusted", "1,100.00"));
    assert!(edit::set(&mut doc, "budget.total.actual", "0"));
    doc
}

#[test]
fn a_total_row_that_contradicts_its_parts_is_corrected_to_their_sum() {
    let doc = total_row_contradicting_its_parts();
    has_fix(&doc, "budget.rows_sum", "budget.total.adjusted", "1,000.00");
    has_fix(&doc, "budget.rows_sum", "budget.total.actual", "900.00");
}

#[test]
fn a_budget_stated_only_as_initial_is_corrected_in_initial() {
    // No row states a 全年预算数: the budget is the 年初 figure, and that is the cell to correct.
    let mut doc = total_row_contradicting_its_parts();
    for r in std::iter::once(&mut doc.budget.total).chain(doc.budget.rows.iter_mut()) {
        r.initial = std::mem::take(&mut r.adjusted);
    }
    let fixes = fixes_of(&doc);
    let budget: Vec<_> = fixes.iter().filter(|f| f.0 == "budget.rows_sum" && f.1 != "budget.total.actual").collect();
    assert!(!budget.is_empty(), "{fixes:#?}");
    assert!(budget.iter().all(|f| f.2 == "budget.total.initial" && f.3 == "1,000.00"), "{budget:#?}");
}

#[test]
fn while_the_total_row_is_in_doubt_its_rate_score_total_and_grade_wait() {
    // The total row says 0 spent of 1,100 while both groups say 900 of 1,000: the rate 0.00 and
    // the scores that follow from it are not the corrections; the total's amounts come first.
    let doc = total_row_contradicting_its_parts();
    let ev = evaluate(&doc);
    let rate = ev.findings.iter().find(|f| f.rule == "budget.rate_mismatch" && f.path == "budget.total.stated_rate").expect("fires");
    assert_eq!(rate.fix, None);
    let total = ev.findings.iter().find(|f| f.rule == "score.total_mismatch").expect("fires");
    assert_eq!(total.fix, None);
    // A detail row's rate does not depend on the total: still offered.
    has_fix(&doc, "budget.rate_mismatch", "budget.rows.basic.stated_rate", "93.33");
    // Once the total row is corrected, the total's score is offered.
    let mut fixed = doc.clone();
    for f in ev.findings.iter().filter(|f| f.rule == "budget.rows_sum") {
        edit::apply_fix(&mut fixed, f.fix.as_ref().unwrap()).unwrap();
    }
    has_fix(&fixed, "score.total_mismatch", "stated.total", "94.00");
}

#[test]
fn no_fix_for_a_total_when_the_groups_disagree() {
    // wrong-arithmetic: source rows give 950 / 890, type rows give 1,000 / 900 = the total: the
    // source rows are wrong, not the total.
    let ev = evaluate(&golden("wrong-arithmetic.json"));
    let sums: Vec<&Finding> = ev.findings.iter().filter(|f| f.rule == "budget.rows_sum").collect();
    assert_eq!(sums.len(), 2);
    assert!(sums.iter().all(|f| f.fix.is_none()), "{sums:#?}");
}

#[test]
fn no_fix_for_a_total_above_a_lone_row() {
    // A lone row is 其中, not a breakdown: the total is not its sum.
    let mut doc = total_row_contradicting_its_parts();
    doc.budget.rows.retain(|r| r.id == "fin");
    assert!(evaluate(&doc).findings.iter().filter(|f| f.rule == "budget.rows_sum").all(|f| f.fix.is_none()));
}

#[test]
fn apply_fix_writes_the_value_and_returns_the_old_one_for_undo() {
    let mut doc = golden("wrong-arithmetic.json");
    let fix = Fix { path: "stated.total".into(), value: "94.00".into() };
    assert_eq!(edit::apply_fix(&mut doc, &fix), Ok("95.00".to_string()));
    assert_eq!(edit::get(&doc, "stated.total").as_deref(), Some("94.00"));
    // Undo is the same call with the old value.
    assert_eq!(edit::apply_fix(&mut doc, &Fix { path: "stated.total".into(), value: "95.00".into() }), Ok("94.00".into()));
    let bad = Fix { path: "stated.nowhere".into(), value: "1".into() };
    let before = doc.clone();
    let e = edit::apply_fix(&mut doc, &bad).unwrap_err();
    assert!(e.zh.contains("stated.nowhere") && e.en.contains("stated.nowhere"), "{e:?}");
    assert_eq!(doc, before, "a failed fix changes nothing");
}

#[test]
fn the_fix_has_a_label_in_both_languages() {
    let fix = Fix { path: "stated.total".into(), value: "9.57".into() };
    assert_eq!(fix.label().get(Lang::Zh), "改为 9.57");
    assert_eq!(fix.label().get(Lang::En), "change to 9.57");
}

/// Applying any one fix of any document the project holds removes that finding and raises no
/// error that was not there; applying them all (again where a fix was waiting on another) leaves
/// no finding that has a fix.
#[test]
fn applying_every_fix_removes_its_finding_and_adds_no_error() {
    let mut applied = 0;
    let mut failures = Vec::new();
    let mut docs = all_documents();
    docs.push(("wrong-arithmetic + node score".into(), {
        let mut d = golden("wrong-arithmetic.json");
        edit::set(&mut d, "stated.scores.execution.score", "9.5");
        d
    }));
    docs.push(("total row contradicting its parts".into(), total_row_contradicting_its_parts()));
    docs.push(("the same, budgets as 年初 only".into(), {
        let mut d = total_row_contradicting_its_parts();
        for r in std::iter::once(&mut d.budget.total).chain(d.budget.rows.iter_mut()) {
            r.initial = std::mem::take(&mut r.adjusted);
        }
        d
    }));
    docs.push(("seed with a wrong grade".into(), {
        let mut d = seed();
        edit::set(&mut d, "stated.grade", "良");
        d
    }));
    for (name, doc) in &docs {
        let ev = evaluate(doc);
        let errors: BTreeSet<(String, String)> = ev.findings.iter().filter(|f| f.severity == Severity::Error).map(key).collect();
        let mut all = doc.clone();
        for f in ev.findings.iter().filter(|f| f.fix.is_some()) {
            let fix = f.fix.as_ref().unwrap();
            let mut d = doc.clone();
            let old = edit::apply_fix(&mut d, fix).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(edit::get(doc, &fix.path), Some(old), "{name}: apply_fix returns the old value");
            let _ = edit::apply_fix(&mut all, fix);
            applied += 1;
            let after = evaluate(&d);
            if after.findings.iter().any(|g| g.rule == f.rule && g.path == f.path) {
                failures.push(format!("{name}: {} at {} still fires after {} := {}", f.rule, f.path, fix.path, fix.value));
            }
            for g in after.findings.iter().filter(|g| g.severity == Severity::Error) {
                if !errors.contains(&key(g)) {
                    failures.push(format!("{name}: {} := {} raises {} at {}", fix.path, fix.value, g.rule, g.path));
                }
            }
        }
        // A fix withheld while the figure it follows from is in doubt (the total's score while the
        // total row contradicts its parts) is offered once that is fixed: two rounds at most.
        for _ in 0..2 {
            for f in evaluate(&all).findings.iter().filter_map(|f| f.fix.clone()) {
                let _ = edit::apply_fix(&mut all, &f);
            }
        }
        let left: Vec<String> =
            evaluate(&all).findings.iter().filter(|f| f.fix.is_some()).map(|f| format!("{} at {}", f.rule, f.path)).collect();
        if !left.is_empty() {
            failures.push(format!("{name}: after applying every fix (three rounds), still fixable: {left:?}"));
        }
    }
    eprintln!("{applied} fixes applied one by one over {} documents", docs.len());
    assert!(applied >= 8, "only {applied} fixes applied: the test would prove nothing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The catalogue flags the rules that offer a fix, and only those produce one.
#[test]
fn the_catalogue_flags_exactly_the_rules_that_carry_fixes() {
    let flagged: BTreeSet<&str> = catalogue::rules().iter().filter(|r| r.fix.is_some()).map(|r| r.id.as_str()).collect();
    let expected: BTreeSet<&str> = [
        "budget.rate_mismatch",
        "budget.rows_sum",
        "score.stated_mismatch",
        "score.total_mismatch",
        "score.grade_missing",
        "score.grade_mismatch",
    ]
    .into();
    assert_eq!(flagged, expected);
    let mut docs = all_documents();
    docs.push(("total row".into(), total_row_contradicting_its_parts()));
    for (name, doc) in &docs {
        for f in evaluate(doc).findings.iter().filter(|f| f.fix.is_some()) {
            assert!(flagged.contains(f.rule.as_str()), "{name}: {} carries a fix but is not flagged", f.rule);
        }
    }
    // docs/rules.md (generated) lists them after the table, with what each writes.
    let md = selfcheck::cli::rules_markdown();
    let (_, fixes) = md.split_once("\n## 改正值 / Fixes\n").expect("docs/rules.md has a section on fixes");
    for r in catalogue::rules().iter().filter(|r| r.fix.is_some()) {
        let what = r.fix.as_ref().unwrap();
        assert!(
            fixes.lines().any(|l| l.contains(&format!("`{}`", r.id)) && l.contains(&what.zh) && l.contains(&what.en)),
            "docs/rules.md does not say what {} writes",
            r.id
        );
    }
}

#[test]
fn a_finding_without_a_fix_is_written_as_before_and_old_output_still_reads() {
    let ev = evaluate(&seed());
    let f = ev.findings.iter().find(|f| f.fix.is_none()).cloned().unwrap_or_else(|| {
        catalogue::fire("budget.not_applicable", "budget.total.adjusted", &[("row_zh", "合计".into()), ("row_en", "total".into())])
    });
    let v = serde_json::to_value(&f).unwrap();
    assert!(v.get("fix").is_none(), "no fix key when there is none: {v}");
    // A finding written before fixes existed reads with no fix.
    let old = r#"{"rule":"score.total_mismatch","severity":"error","category":"score","path":"stated.total",
        "message":{"zh":"a","en":"b"},"rule_title":{"zh":"c","en":"d"},"source":"e"}"#;
    let read: Finding = serde_json::from_str(old).unwrap();
    assert_eq!(read.fix, None);
    let with = Finding { fix: Some(Fix { path: "stated.total".into(), value: "94.00".into() }), ..read };
    let v = serde_json::to_value(&with).unwrap();
    assert_eq!(v["fix"], serde_json::json!({ "path": "stated.total", "value": "94.00" }));
    assert_eq!(serde_json::from_value::<Finding>(v).unwrap(), with);
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// A scratch copy of a document, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, doc: &SelfEvaluation) -> Scratch {
        let dir = std::env::temp_dir().join(format!("selfcheck-fixes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, doc.to_json()).unwrap();
        Scratch(p)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn check_prints_the_correction_on_the_findings_line() {
    let f = Scratch::new("wrong.json", &golden("wrong-arithmetic.json"));
    let (code, out, _) = cli(&["check", f.path()]);
    assert_eq!(code, 1);
    let line = out.lines().find(|l| l.contains("budget.rate_mismatch")).unwrap();
    assert!(line.ends_with("→ 改为 93.33"), "{line}");
    let line = out.lines().find(|l| l.contains("score.total_mismatch")).unwrap();
    assert!(line.ends_with("→ 改为 94.00"), "{line}");
    // A finding with no fix has no arrow.
    let line = out.lines().find(|l| l.contains("budget.low_execution")).unwrap();
    assert!(!line.contains('→'), "{line}");
    let (_, out, _) = cli(&["check", "--lang", "en", f.path()]);
    let line = out.lines().find(|l| l.contains("score.total_mismatch")).unwrap();
    assert!(line.ends_with("→ change to 94.00"), "{line}");
}

#[test]
fn check_json_carries_the_fix() {
    let f = Scratch::new("wrong-json.json", &golden("wrong-arithmetic.json"));
    let (code, out, _) = cli(&["check", "--json", f.path()]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v[0]["evaluation"]["findings"].as_array().unwrap();
    let total = findings.iter().find(|f| f["rule"] == "score.total_mismatch").unwrap();
    assert_eq!(total["fix"], serde_json::json!({ "path": "stated.total", "value": "94.00" }));
    let low = findings.iter().find(|f| f["rule"] == "budget.low_execution").unwrap();
    assert!(low.get("fix").is_none(), "{low}");
}

/// docs/format.md documents the findings `--json` writes, `fix` included, field by field.
#[test]
fn format_md_documents_the_finding_and_its_fix() {
    let doc = std::fs::read_to_string(root().join("docs/format.md")).unwrap();
    let (_, rest) = doc.split_once("\n## Findings\n").expect("docs/format.md has a Findings section");
    let section = rest.split("\n## ").next().unwrap();
    let f = catalogue::fire("score.total_mismatch", "stated.total", &[]).with_fix(Some(Fix::new("stated.total", "94.00")));
    let v = serde_json::to_value(&f).unwrap();
    let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    keys.extend(v["fix"].as_object().unwrap().keys().cloned());
    for k in keys {
        assert!(section.contains(&format!("| `{k}` |")), "docs/format.md's Findings section lacks `{k}`");
    }
}
