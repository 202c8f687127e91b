//! The `selfcheck` command line: batch checking for a finance bureau reviewer, and the same
//! figures and findings an officer sees in the page.
//!
//! `selfcheck check [--json] [--lang en] [--rubric FILE] FILE...` exits 0 when no file has an
//! error finding, 1 when any has, 2 when a file cannot be read or parsed (with line and column).

use std::io::Write;

use crate::core::check::budget::money;
use crate::core::check::evaluate::{evaluate, evaluate_with, status, Evaluation};
use crate::core::check::rubric::Rubric;
use crate::core::check::rules::catalogue;
use crate::core::document::format::SelfEvaluation;
use crate::core::document::import;
use crate::core::text::lang::Lang;

mod crosscheck_docx;
mod review;

/// The usage text.
pub const USAGE: &str = "\
selfcheck — 绩效自评自查 (self-evaluation checker)

USAGE:
  selfcheck check [--json] [--lang zh|en] [--rubric RUBRIC.json] FILE...
                                               FILE: a self-evaluation (.json) or a filled 自评表 (.xlsx)
  selfcheck import [--lang zh|en] FILE.xlsx    print the self-evaluation read from a filled 自评表 as JSON;
                                               the mapping found and the cells not placed go to stderr
  selfcheck report [--lang zh|en] [--docx OUT.docx] FILE
                                               print the generated 自评报告 (or write it as .docx)
  selfcheck crosscheck [--json] [--lang zh|en] FILE REPORT.txt|REPORT.docx
                                               check a written report's figures against FILE
                                               (a .docx: each finding with its paragraph or cell)
  selfcheck review [--json] [--lang zh|en] [--xlsx OUT.xlsx] DIR
                                               one table for every submission in DIR (.json, .xlsx; a .docx
                                               paired by name and cross-checked; not recursive): errors
                                               first; exit 1 when a file or its report has errors or cannot
                                               be read, 2 when DIR cannot be read
  selfcheck rules                              print the rule catalogue (Markdown)

EXIT: 0 no errors; 1 a file has error findings; 2 a file cannot be read or parsed.
";

struct Opts {
    json: bool,
    lang: Lang,
    rubric: Option<String>,
    docx: Option<String>,
    files: Vec<String>,
}

fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts { json: false, lang: Lang::Zh, rubric: None, docx: None, files: vec![] };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--lang" => {
                let v = it.next().ok_or("--lang needs zh or en")?;
                o.lang = Lang::parse(v).ok_or_else(|| format!("unknown language '{v}' (zh or en)"))?;
            }
            "--rubric" => o.rubric = Some(it.next().ok_or("--rubric needs a file")?.clone()),
            "--docx" => o.docx = Some(it.next().ok_or("--docx needs an output file")?.clone()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => o.files.push(a.clone()),
        }
    }
    Ok(o)
}

/// `path:line:column: message`, or `path: message` when the position means nothing.
fn load_error(path: &str, e: &crate::core::document::format::LoadError, lang: Lang) -> String {
    if e.line == 0 {
        format!("{path}: {}", e.message.get(lang))
    } else {
        format!("{path}:{}:{}: {}", e.line, e.column, e.message.get(lang))
    }
}

/// Reads and parses a document file, or says why not (with line and column). The file is read
/// as bytes: invalid UTF-8 is refused at its byte, never replaced (`core::import`).
pub fn load(path: &str, lang: Lang) -> Result<SelfEvaluation, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    if import::sniff(&bytes) == import::Sniffed::Xlsx {
        return read_workbook(path, &bytes, lang).map(|r| r.document);
    }
    let text = import::json_text(&bytes).map_err(|e| load_error(path, &e, lang))?;
    SelfEvaluation::from_json(text).map_err(|e| load_error(path, &e, lang))
}

/// Reads a rubric file (`--rubric`), or says why not: a file that is not a rubric, or a rubric
/// that cannot score anything, is refused.
pub fn load_rubric(path: &str, lang: Lang) -> Result<Rubric, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    match import::read_json(&bytes, import::Expect::Rubric) {
        Ok(import::Imported::Rubric(r)) => Ok(*r),
        Ok(import::Imported::Document(_)) => Err(format!("{path}: not a rubric")),
        Err(e) => Err(load_error(path, &e, lang)),
    }
}

/// Runs the command line with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(cmd) = args.first() else {
        let _ = write!(err, "{USAGE}");
        return 2;
    };
    if cmd == "review" {
        return review::run(&args[1..], out, err);
    }
    let opts = match parse_opts(&args[1..]) {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(err, "selfcheck: {e}\n\n{USAGE}");
            return 2;
        }
    };
    match cmd.as_str() {
        "check" => check(&opts, out, err),
        "import" => import_workbook(&opts, out, err),
        "report" => report(&opts, out, err),
        "crosscheck" => crosscheck(&opts, out, err),
        "rules" => {
            let _ = write!(out, "{}", rules_markdown());
            0
        }
        "-h" | "--help" | "help" => {
            let _ = write!(out, "{USAGE}");
            0
        }
        other => {
            let _ = writeln!(err, "selfcheck: unknown command '{other}'\n\n{USAGE}");
            2
        }
    }
}

fn check(o: &Opts, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if o.files.is_empty() {
        let _ = writeln!(err, "selfcheck check: no FILE given\n\n{USAGE}");
        return 2;
    }
    let rubric = match &o.rubric {
        Some(p) => match load_rubric(p, o.lang) {
            Ok(r) => Some(r),
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 2;
            }
        },
        None => None,
    };
    let mut code = 0;
    let mut json = Vec::new();
    for f in &o.files {
        let doc = match load_noting(f, o.lang, err) {
            Ok(d) => d,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                code = 2;
                continue;
            }
        };
        let ev = match &rubric {
            Some(r) => evaluate_with(&doc, r),
            None => evaluate(&doc),
        };
        if !ev.ready() && code == 0 {
            code = 1;
        }
        if o.json {
            json.push(serde_json::json!({ "file": f, "evaluation": ev }));
        } else {
            let _ = write!(out, "{}", summary(f, &doc, &ev, o.lang));
        }
    }
    if o.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json).unwrap_or_default());
    }
    code
}

fn report(o: &Opts, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let [f] = o.files.as_slice() else {
        let _ = writeln!(err, "selfcheck report: give exactly one FILE");
        return 2;
    };
    match load(f, o.lang) {
        Ok(doc) => {
            let ev = evaluate(&doc);
            let r = crate::core::report::build(&doc, &ev, o.lang);
            // Notes for the officer go to stderr so stdout is the report alone.
            for n in &r.notes {
                let _ = writeln!(err, "note: {n}");
            }
            if let Some(path) = &o.docx {
                if let Err(e) = std::fs::write(path, crate::core::report::docx::to_docx(&r, &crate::core::chart::all(&doc, &ev, o.lang))) {
                    let _ = writeln!(err, "{path}: {e}");
                    return 2;
                }
                return 0;
            }
            let _ = write!(out, "{}", crate::core::report::render_text(&r));
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            2
        }
    }
}

/// `crosscheck FILE.json REPORT.txt`: every figure of the report with what it matched, then the
/// findings; exit 1 when a finding is an error.
fn crosscheck(o: &Opts, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let [f, t] = o.files.as_slice() else {
        let _ = writeln!(err, "selfcheck crosscheck: give FILE.json and REPORT.txt");
        return 2;
    };
    let doc = match load(f, o.lang) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let text = match std::fs::read(t) {
        Ok(b) if crosscheck_docx::is_docx(t, &b) => return crosscheck_docx::run(o.json, o.lang, f, t, &doc, &b, out, err),
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            let _ = writeln!(err, "{t}: {e}");
            return 2;
        }
    };
    let ev = evaluate(&doc);
    let cc = crate::core::crosscheck::analyse(&text, &doc, &ev);
    let code = if cc.findings.iter().any(|f| f.severity == crate::core::check::finding::Severity::Error) { 1 } else { 0 };
    if o.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&cc).unwrap_or_default());
        return code;
    }
    let zh = o.lang == Lang::Zh;
    let _ = writeln!(out, "== {t} × {f}: {} {}", cc.figures.len(), if zh { "个数字" } else { "figures" });
    for g in &cc.figures {
        let status = serde_json::to_value(g.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let what = if g.label.zh.is_empty() {
            String::new()
        } else {
            format!("{} {}", g.label.get(o.lang), g.computed.clone().unwrap_or_default())
        };
        let _ = writeln!(out, "  {:>3} {:<14} {:<15} {what}", g.n, g.raw, status);
    }
    let (e, w, i) = crate::core::check::finding::counts(&cc.findings);
    let _ = writeln!(out, "-- {} ({e} error, {w} warning, {i} info)", if zh { "核对结果" } else { "Findings" });
    for f in &cc.findings {
        let _ = writeln!(out, "  {}", f.line(o.lang));
    }
    code
}

/// Pads to `cols` terminal columns, counting CJK characters as two.
fn pad(s: &str, cols: usize) -> String {
    let w: usize = s.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

fn opt(d: Option<rust_decimal::Decimal>, suffix: &str) -> String {
    d.map(|v| format!("{v}{suffix}")).unwrap_or_else(|| "—".to_string())
}

/// The text summary of one file: rates, scores, total and grade, then one line per finding
/// (`rule  severity  path  message`).
pub fn summary(file: &str, doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = String::new();
    let unit = &doc.unit.amount_unit;
    s.push_str(&format!("== {file}: {} {} ({})\n", doc.unit.name, doc.unit.year, status(ev).get(lang)));
    s.push_str(if zh { "-- 预算执行\n" } else { "-- Budget execution\n" });
    for r in std::iter::once(&ev.budget.total).chain(ev.budget.rows.iter()) {
        let amounts = match (r.budget, r.actual) {
            (Some(b), Some(a)) => format!("{} / {} {unit}", money(a), money(b)),
            _ => "—".to_string(),
        };
        let rate = if r.not_applicable { (if zh { "不适用" } else { "n/a" }).to_string() } else { opt(r.rate, "%") };
        let stated = r.stated_rate.map(|v| format!(" ({} {v}%)", if zh { "填报" } else { "stated" })).unwrap_or_default();
        let derived = if r.derived {
            if zh {
                " [推算]"
            } else {
                " [derived]"
            }
        } else {
            ""
        };
        s.push_str(&format!("  {} {amounts:>28}  {rate:>8}{stated}{derived}\n", pad(&r.name, 22)));
    }
    s.push_str(if zh { "-- 评分\n" } else { "-- Scores\n" });
    s.push_str(&format!("  {} ({})\n", ev.rubric.name_text().get(lang), ev.rubric.source));
    for n in &ev.scores.nodes {
        let name = n.name_in(lang);
        let indent = "  ".repeat(n.depth);
        s.push_str(&format!("{indent}{name}: {} / {}  ({})\n", opt(n.score, ""), opt(n.effective_weight, ""), n.explain.get(lang)));
    }
    if !ev.scores.adjustments.is_zero() || !doc.stated.adjustments.is_empty() {
        s.push_str(&format!("  {}: {}\n", if zh { "其他加减分项" } else { "adjustments" }, ev.scores.adjustments));
    }
    let grade = ev.scores.grade.map(|g| g.label().get(lang).to_string()).unwrap_or_else(|| "—".into());
    s.push_str(&format!(
        "  {}: {}  ({})  {}: {grade}\n",
        if zh { "总分" } else { "total" },
        opt(ev.scores.total, ""),
        ev.scores.total_explain.get(lang),
        if zh { "等级" } else { "grade" }
    ));
    let shortfalls: Vec<_> = ev.indicators.iter().filter(|i| i.shortfall).collect();
    if !shortfalls.is_empty() {
        s.push_str(if zh { "-- 未完成指标\n" } else { "-- Shortfalls\n" });
        for (r, (_, i)) in ev.indicators.iter().zip(doc.indicators()).filter(|(r, _)| r.shortfall) {
            s.push_str(&format!("  {}: {} ({})\n", i.name, crate::core::check::rules::indicator::completion_text(r, !zh), r.explain(lang)));
        }
    }
    let (e, w, i) = ev.counts();
    s.push_str(&format!("-- {} ({e} error, {w} warning, {i} info)\n", if zh { "自查结果" } else { "Findings" }));
    for f in &ev.findings {
        s.push_str(&format!("  {}\n", f.line(lang)));
    }
    s
}

/// The rule catalogue as Markdown: the body of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let mut s = String::from("# 规则目录 / Rule catalogue\n\n");
    s.push_str("Generated from `data/rules.json` by `selfcheck rules`; a test keeps this file equal to that output.\n\n");
    s.push_str("| id | severity | category | 规则 | rule | source |\n|---|---|---|---|---|---|\n");
    for r in catalogue::rules() {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            r.id,
            r.severity.id(),
            r.category,
            r.title.zh.replace('|', "\\|"),
            r.title.en.replace('|', "\\|"),
            r.source.replace('|', "\\|")
        ));
    }
    s.push_str("\n## 改正值 / Fixes\n\n");
    s.push_str(
        "Where one of these rules can compute the corrected value for certain (never from bounds or estimates), its finding \
         carries it as `fix`: the field to write and the text to write there (`selfcheck check --json`). `selfcheck check` \
         prints it after the message (“→ 改为 93.33” / “→ change to 93.33”); the page offers it beside the finding, \
         applied in one click and undoable (`core::edit::apply_fix`).\n\n",
    );
    s.push_str("| id | 改正值 | fix |\n|---|---|---|\n");
    for r in catalogue::rules() {
        if let Some(f) = &r.fix {
            s.push_str(&format!("| `{}` | {} | {} |\n", r.id, f.zh.replace('|', "\\|"), f.en.replace('|', "\\|")));
        }
    }
    s
}

fn read_workbook(path: &str, bytes: &[u8], lang: Lang) -> Result<crate::core::workbook::Reading, String> {
    crate::core::workbook::read(bytes).map_err(|m| format!("{path}: {}", m.get(lang)))
}

/// [`load`], and for a workbook a line on stderr counting the cells it could not place.
fn load_noting(path: &str, lang: Lang, err: &mut dyn Write) -> Result<SelfEvaluation, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    if import::sniff(&bytes) != import::Sniffed::Xlsx {
        return load(path, lang);
    }
    let r = read_workbook(path, &bytes, lang)?;
    if !r.unplaced.is_empty() {
        let n = r.unplaced.len();
        let _ = match lang {
            Lang::Zh => writeln!(err, "{path}: {n} 个单元格未读取（selfcheck import {path} 列出每一个）"),
            _ => writeln!(err, "{path}: {n} cells not read (selfcheck import {path} lists each)"),
        };
    }
    Ok(r.document)
}

/// `import FILE.xlsx`: the self-evaluation read, as the project's JSON, on stdout; the mapping
/// found and every cell not placed on stderr. Exit 0, or 2 when the file cannot be read.
fn import_workbook(o: &Opts, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let [f] = o.files.as_slice() else {
        let _ = writeln!(err, "selfcheck import: give exactly one FILE.xlsx\n\n{USAGE}");
        return 2;
    };
    let bytes = match std::fs::read(f) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{f}: {e}");
            return 2;
        }
    };
    let r = match read_workbook(f, &bytes, o.lang) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let zh = o.lang == Lang::Zh;
    let _ = writeln!(err, "== {f}: {}", if zh { "读取位置" } else { "mapping" });
    for m in &r.mapping {
        let _ = writeln!(err, "  {}", m.line(o.lang));
    }
    let _ = writeln!(err, "-- {} ({})", if zh { "未读取的单元格" } else { "cells not placed" }, r.unplaced.len());
    for u in &r.unplaced {
        let _ = writeln!(err, "  {}", u.line(o.lang));
    }
    let _ = write!(out, "{}", r.document.to_json());
    0
}
