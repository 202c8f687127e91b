//! The reviewer's desk: many submissions → one table (`core::review`), its .xlsx export
//! (`core::review::xlsx`) and `selfcheck review DIR [--xlsx OUT] [--json] [--lang en]`.
//!
//! The submissions are the real reports' documents (tests/real/*.json, the `document` field of
//! each), the seed example and the filled workbooks of tests/fixtures/workbooks/, plus files that
//! cannot be read; each test builds what it needs in memory or in its own temp directory.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use selfcheck::cli::run;
use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::check::finding::Severity;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::office::xlsx::sheet::{read_workbook, Cell};
use selfcheck::core::review::{self, xlsx as review_xlsx, Row, Submission};
use selfcheck::core::text::lang::Lang;
use selfcheck::core::workbook;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// (file name, bytes) of every real report's document, as a unit would hand it over.
fn real_documents() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(root().join("tests/real"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let case: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            let doc = serde_json::to_vec_pretty(&case["document"]).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), doc)
        })
        .collect();
    v.sort();
    assert_eq!(v.len(), 18);
    v
}

fn workbooks() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(root().join("tests/fixtures/workbooks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    assert!(v.len() >= 6);
    v
}

fn seed() -> (String, Vec<u8>) {
    ("guangzhou-ftu-2021.json".to_string(), std::fs::read(root().join("examples/guangzhou-ftu-2021.json")).unwrap())
}

fn docx_of(json: &[u8]) -> Vec<u8> {
    let doc = SelfEvaluation::from_json(std::str::from_utf8(json).unwrap()).unwrap();
    let ev = evaluate(&doc);
    selfcheck::core::report::docx::to_docx(&selfcheck::core::report::build(&doc, &ev, Lang::Zh), &[])
}

fn subs(files: &[(String, Vec<u8>)]) -> Vec<Submission<'_>> {
    files.iter().map(|(n, b)| Submission::new(n, b)).collect()
}

fn row<'a>(rows: &'a [Row], file: &str) -> &'a Row {
    rows.iter().find(|r| r.file == file).unwrap_or_else(|| panic!("no row for {file}"))
}

#[test]
fn every_submission_is_a_row_with_the_figures_check_computes() {
    let mut files = real_documents();
    files.extend(workbooks());
    files.push(seed());
    let rows = review::review(&subs(&files));
    assert_eq!(rows.len(), files.len(), "one row per submission");
    for (name, bytes) in &files {
        let r = row(&rows, name);
        let doc = if name.ends_with(".xlsx") {
            let reading = workbook::read(bytes).unwrap();
            assert_eq!(r.unplaced, reading.unplaced.len(), "{name}");
            reading.document
        } else {
            assert_eq!(r.unplaced, 0);
            SelfEvaluation::from_json(std::str::from_utf8(bytes).unwrap()).unwrap()
        };
        let ev = evaluate(&doc);
        let (e, w, _) = ev.counts();
        assert_eq!(r.unread, None, "{name}");
        assert_eq!((r.errors, r.warnings), (e, w), "{name}");
        assert_eq!(r.unit, doc.unit.name, "{name}");
        assert_eq!(r.year, doc.unit.year, "{name}");
        assert_eq!(r.stated_total, doc.stated.total.trim(), "{name}");
        assert_eq!(r.stated_grade, doc.stated.grade.trim(), "{name}");
        assert_eq!(r.computed_total, ev.scores.total, "{name}");
        assert_eq!(r.grade, ev.scores.grade, "{name}");
        let first = ev.findings.iter().find(|f| f.severity == Severity::Error);
        assert_eq!(r.first_error.as_ref().map(|f| &f.message), first.map(|f| &f.message), "{name}");
        assert_eq!(r.first_error.as_ref().map(|f| f.rule.as_str()), first.map(|f| f.rule.as_str()), "{name}");
        assert_eq!(r.has_problem(), e > 0, "{name}");
    }
    // The seed has no error; the real reports all do (tests/real expects them).
    assert!(!row(&rows, "guangzhou-ftu-2021.json").has_problem());
    assert!(!review::all_clear(&rows));
    assert!(review::all_clear(&review::review(&subs(&[seed()]))));
}

#[test]
fn rows_are_sorted_errors_first_then_by_unit() {
    let mut files = real_documents();
    files.push(seed());
    files.reverse();
    let rows = review::review(&subs(&files));
    for w in rows.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.errors > b.errors || (a.errors == b.errors && (&a.unit, &a.file) <= (&b.unit, &b.file)),
            "{} ({} errors, {}) before {} ({} errors, {})",
            a.file,
            a.errors,
            a.unit,
            b.file,
            b.errors,
            b.unit
        );
    }
    assert!(rows[0].errors > rows.last().unwrap().errors);
    assert_eq!(rows.last().unwrap().file, "guangzhou-ftu-2021.json", "no errors: last");
    // The same table whatever order the files came in.
    files.reverse();
    assert_eq!(review::review(&subs(&files)), rows);
}

#[test]
fn a_file_that_cannot_be_read_is_a_row_with_the_reason_and_comes_first() {
    let mut files = vec![seed(), real_documents().swap_remove(0)];
    files.push(("broken.json".into(), b"{\"format\": \"selfcheck/self-evaluation\", \"version\": 1,\n  \"unit\": ".to_vec()));
    files.push(("gbk.json".into(), b"{\"unit\": \"\xBE\xD6\"}".to_vec()));
    files.push(("old.xls".into(), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0".to_vec()));
    files.push(("empty.xlsx".into(), Vec::new()));
    files.push(("cut.xlsx".into(), b"PK\x03\x04\x14\0\0\0".to_vec()));
    files.push(("rubric.json".into(), selfcheck::core::check::rubric::preset("national-2020").unwrap().to_json().into_bytes()));
    let mut all = subs(&files);
    all.push(Submission::failed("locked.json", selfcheck::core::text::lang::Text::new("权限不足", "permission denied")));
    let rows = review::review(&all);
    assert_eq!(rows.len(), 9, "nothing dropped");
    let unread: Vec<&Row> = rows.iter().filter(|r| r.unread.is_some()).collect();
    assert_eq!(unread.len(), 7);
    assert!(rows[..7].iter().all(|r| r.unread.is_some()), "unreadable rows first");
    for r in &unread {
        let why = r.unread.as_ref().unwrap();
        assert!(!why.zh.is_empty() && !why.en.is_empty(), "{}: a reason in both languages", r.file);
        assert!(r.has_problem());
        assert_eq!((r.errors, r.warnings, r.computed_total), (0, 0, None));
    }
    let why = |f: &str| row(&rows, f).unread.clone().unwrap();
    assert!(why("broken.json").zh.starts_with("第 2 行第 10 列：JSON"), "{}", why("broken.json").zh);
    assert!(why("broken.json").en.starts_with("line 2, column 10: invalid JSON"), "{}", why("broken.json").en);
    assert!(why("gbk.json").zh.contains("UTF-8"), "{}", why("gbk.json").zh);
    assert!(why("old.xls").en.contains(".xlsx"), "{}", why("old.xls").en);
    // A ZIP package goes to the workbook reader, which says what to do.
    assert!(why("cut.xlsx").en.contains("save it as .xlsx"), "{}", why("cut.xlsx").en);
    assert!(why("rubric.json").zh.contains("评分标准"), "{}", why("rubric.json").zh);
    assert!(why("rubric.json").en.contains("rubric"), "{}", why("rubric.json").en);
    assert_eq!(why("locked.json").en, "permission denied");
    assert!(!review::all_clear(&review::review(&[Submission::new("x.json", b"")])));
}

#[test]
fn a_word_report_is_paired_with_the_submission_of_the_same_name_and_cross_checked() {
    let (name, json) = seed();
    let docx = docx_of(&json);
    let wb = workbooks().swap_remove(0);
    let wb_docx = format!("{}.docx", wb.0.trim_end_matches(".xlsx"));
    let files = vec![
        (name.clone(), json.clone()),
        ("guangzhou-ftu-2021.docx".to_string(), docx.clone()),
        wb.clone(),
        (wb_docx.clone(), b"not even a zip".to_vec()),
        ("orphan.docx".to_string(), docx),
    ];
    let rows = review::review(&subs(&files));
    assert_eq!(rows.len(), 3, "paired reports are noted in their submission's row: {rows:#?}");
    let seed_row = row(&rows, &name);
    assert_eq!(seed_row.reports, vec!["guangzhou-ftu-2021.docx".to_string()]);
    // The page's own report of the seed agrees with the seed's figures.
    assert_eq!((seed_row.errors, seed_row.report_errors, seed_row.reports_unread), (0, 0, 0));
    assert!(!seed_row.has_problem());
    let wb_row = row(&rows, &wb.0);
    assert_eq!(wb_row.reports, vec![wb_docx]);
    assert_eq!(wb_row.reports_unread, 1, "a report that cannot be read is counted");
    assert!(wb_row.has_problem());
    let orphan = row(&rows, "orphan.docx");
    let why = orphan.unread.as_ref().expect("a report without its submission says so");
    assert!(why.zh.contains("orphan.json") && why.zh.contains("orphan.xlsx"), "{}", why.zh);
    assert!(why.en.contains("orphan.json") && why.en.contains("orphan.xlsx"), "{}", why.en);
    assert_eq!(rows[0].file, "orphan.docx");
    // Why the report could not be read is kept for the page to show.
    let detailed = review::review_detailed(&subs(&files));
    let d = detailed.iter().find(|d| d.row.file == wb.0).unwrap();
    assert_eq!(d.reports.len(), 1);
    assert!(d.reports[0].result.as_ref().is_err_and(|why| !why.zh.is_empty()));
}

#[test]
fn a_report_that_misstates_figures_is_counted_in_its_submissions_row() {
    // tests/fixtures/docx/numbered-headings.docx: the seed's report with two planted mismatches.
    let (_, json) = seed();
    let files = vec![
        ("单位A.json".to_string(), json),
        ("单位A.docx".to_string(), std::fs::read(root().join("tests/fixtures/docx/numbered-headings.docx")).unwrap()),
    ];
    let detailed = review::review_detailed(&subs(&files));
    assert_eq!(detailed.len(), 1);
    let r = &detailed[0];
    assert_eq!(r.row.errors, 0, "the data are right; the report is not");
    let cc = r.reports[0].result.as_ref().unwrap();
    let (e, w, _) = selfcheck::core::check::finding::counts(&cc.cross.findings);
    assert!(e >= 2, "the two planted mismatches: {e}");
    assert_eq!((r.row.report_errors, r.row.report_warnings), (e, w));
    assert!(r.row.has_problem());
    assert!(cc.located.iter().any(|l| l.finding.rule == "report.figure_mismatch" && l.place.describe().zh.starts_with("表 1")));
}

#[test]
fn the_detailed_review_keeps_each_document_and_evaluation_for_the_page() {
    let files = vec![seed(), ("bad.json".into(), b"[".to_vec())];
    let detailed = review::review_detailed(&subs(&files));
    assert_eq!(detailed.len(), 2);
    assert_eq!(detailed[0].row.file, "bad.json");
    assert!(detailed[0].checked.is_none());
    let c = detailed[1].checked.as_ref().unwrap();
    assert_eq!(c.document.unit.name, "广州市总工会");
    assert_eq!(c.evaluation, evaluate(&c.document));
    let rows: Vec<Row> = detailed.into_iter().map(|d| d.row).collect();
    assert_eq!(rows, review::review(&subs(&files)));
}

#[test]
fn the_table_exports_to_xlsx_one_header_row_numbers_as_numbers() {
    let mut files = vec![seed(), ("bad.json".into(), b"[".to_vec())];
    files.extend(real_documents().into_iter().take(3));
    let rows = review::review(&subs(&files));
    for lang in [Lang::Zh, Lang::En] {
        let sheet = review_xlsx::sheet(&rows, lang);
        assert_eq!(sheet.rows.len(), rows.len() + 1, "one header row, then a row per submission");
        assert_eq!(sheet.freeze_below, 1);
        let header: Vec<&str> = sheet.rows[0]
            .iter()
            .map(|c| match c {
                Cell::Text(t, _) => t.as_str(),
                other => panic!("header cell {other:?}"),
            })
            .collect();
        assert_eq!(header.len(), review_xlsx::COLUMNS.len());
        let col = |key: &str| review_xlsx::COLUMNS.iter().position(|c| c.0 == key).unwrap();
        assert_eq!(header[col("file")], if lang == Lang::Zh { "文件" } else { "File" });
        let seed_at = 1 + rows.iter().position(|r| r.file == "guangzhou-ftu-2021.json").unwrap();
        let s = &sheet.rows[seed_at];
        let seed_row = &rows[seed_at - 1];
        assert_eq!(
            s[col("computed_total")],
            Cell::Number(seed_row.computed_total.unwrap().to_string(), selfcheck::core::office::xlsx::sheet::Style::Fixed2)
        );
        assert!(matches!(&s[col("stated_total")], Cell::Number(v, _) if v == &seed_row.stated_total), "{:?}", s[col("stated_total")]);
        assert!(matches!(&s[col("errors")], Cell::Number(v, _) if v == "0"));
        assert!(matches!(&s[col("warnings")], Cell::Number(v, _) if v == &seed_row.warnings.to_string()));
        assert!(matches!(&s[col("unit")], Cell::Text(v, _) if v == "广州市总工会"));
        // The unreadable file: its reason, and no counts (it was not checked).
        let bad = &sheet.rows[1];
        assert!(matches!(&bad[col("file")], Cell::Text(v, _) if v == "bad.json"));
        assert!(matches!(&bad[col("errors")], Cell::Empty(_)));
        assert!(matches!(&bad[col("unread")], Cell::Text(v, _) if !v.is_empty()));
        // An erring real report: its first error in the sheet's language.
        let r = rows.iter().position(|r| r.errors > 0).unwrap();
        let msg = rows[r].first_error.as_ref().unwrap().message.get(lang).to_string();
        assert!(matches!(&sheet.rows[r + 1][col("first_error")], Cell::Text(v, _) if *v == msg));
    }
    // The bytes: a workbook our own reader (and so Excel) opens, with the same cells.
    let bytes = review_xlsx::to_xlsx(&rows, Lang::Zh);
    let book = read_workbook(&bytes).unwrap();
    assert_eq!(book.len(), 1);
    assert_eq!(book[0].get(1, 0), "文件");
    assert_eq!(book[0].get(2, 0), "bad.json");
    assert_eq!(book[0].last_row(), rows.len() as u32 + 1);
    assert_eq!(review_xlsx::to_xlsx(&rows, Lang::Zh), bytes, "deterministic");
}

// ---- CLI ----

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// A fresh directory holding `files`.
fn temp_dir(tag: &str, files: &[(String, Vec<u8>)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selfcheck-review-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (n, b) in files {
        std::fs::write(dir.join(n), b).unwrap();
    }
    dir
}

#[test]
fn cli_review_prints_the_table_and_exits_1_when_a_file_has_errors() {
    let mut files = real_documents().into_iter().take(4).collect::<Vec<_>>();
    files.push(workbooks().swap_remove(0));
    files.push(seed());
    files.push(("guangzhou-ftu-2021.docx".into(), docx_of(&seed().1)));
    files.push(("broken.json".into(), b"{".to_vec()));
    files.push(("notes.txt".into(), b"not a submission".to_vec()));
    let dir = temp_dir("text", &files);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/deeper.json"), &seed().1).unwrap();
    let d = dir.to_str().unwrap();

    let (code, out, err) = cli(&["review", d]);
    assert_eq!(code, 1, "{out}\n{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("文件"), "{out}");
    // Header + 7 submissions (the .docx is in the seed's row) + the summary line.
    assert_eq!(lines.len(), 1 + 7 + 1, "{out}");
    assert!(lines[1].starts_with("broken.json"), "unreadable first:\n{out}");
    let seed_line = lines.iter().find(|l| l.starts_with("guangzhou-ftu-2021.json")).unwrap();
    assert!(seed_line.contains("guangzhou-ftu-2021.docx") && seed_line.contains("广州市总工会"), "{seed_line}");
    assert_eq!(lines[7], *seed_line, "no errors: last\n{out}");
    // Aligned: the unit column starts at the same display column on every line.
    let col_of = |l: &str, s: &str| -> usize {
        let at = l.find(s).unwrap();
        l[..at].chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
    };
    assert_eq!(col_of(lines[0], "单位"), col_of(seed_line, "广州市总工会"), "{out}");
    assert!(lines[8].contains("7 份") && lines[8].contains("无法读取"), "summary: {}", lines[8]);
    // Not recursive; other files named on stderr, never dropped silently.
    assert!(!out.contains("deeper.json"));
    assert!(err.contains("notes.txt") && err.contains("sub"), "{err}");

    let (code, out, _) = cli(&["review", "--lang", "en", d]);
    assert_eq!(code, 1);
    assert!(out.starts_with("File"), "{out}");
    assert!(out.lines().last().unwrap().contains("cannot be read"), "{out}");

    let (code, json, _) = cli(&["review", "--json", d]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 7);
    assert_eq!(arr[0]["file"], "broken.json");
    assert!(arr[0]["unread"]["zh"].as_str().unwrap().contains("第 1 行"));
    assert_eq!(arr[6]["reports"][0], "guangzhou-ftu-2021.docx");
    assert_eq!(arr[6]["errors"], 0);
    // The CLI checks files on several threads: the same table as the core's, row for row.
    let submitted: Vec<(String, Vec<u8>)> = files.iter().filter(|(n, _)| n != "notes.txt").cloned().collect();
    assert_eq!(v, serde_json::to_value(review::review(&subs(&submitted))).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_review_writes_the_workbook_and_exits_0_when_nothing_has_errors() {
    // A unit name with a line break stays on its row.
    let mut doc = SelfEvaluation::from_json(std::str::from_utf8(&seed().1).unwrap()).unwrap();
    doc.unit.name = "广州市\n总工会".into();
    let two_lines = ("z-two-lines.json".to_string(), doc.to_json().into_bytes());
    let dir = temp_dir("xlsx", &[seed(), ("guangzhou-ftu-2021.docx".into(), docx_of(&seed().1)), two_lines]);
    let out_path = dir.join("审核汇总.xlsx");
    let (code, out, err) = cli(&["review", "--xlsx", out_path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}\n{err}");
    let book = read_workbook(&std::fs::read(&out_path).unwrap()).unwrap();
    assert_eq!(book[0].get(1, 0), "文件");
    // Same errors (none): by unit, and "广州市\n" sorts before "广州市总".
    assert_eq!(book[0].get(2, 0), "z-two-lines.json");
    assert_eq!(book[0].get(3, 0), "guangzhou-ftu-2021.json");
    assert_eq!(book[0].last_row(), 3);
    let unit_col = review_xlsx::COLUMNS.iter().position(|c| c.0 == "unit").unwrap();
    assert_eq!(book[0].get(2, unit_col), "广州市\n总工会", "the workbook keeps the name as written");
    // Run again: the table written into DIR is not taken for a submission.
    let (code, out, err) = cli(&["review", "--xlsx", out_path.to_str().unwrap(), dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert_eq!(out.lines().count(), 4, "header, two rows, summary:\n{out}");
    assert!(out.contains("广州市 总工会"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_review_exits_2_when_dir_cannot_be_read_or_the_workbook_cannot_be_written() {
    let (code, out, err) = cli(&["review", "/no/such/dir"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("/no/such/dir"), "{err}");
    assert_eq!(cli(&["review"]).0, 2);
    assert_eq!(cli(&["review", "--bogus", "."]).0, 2);
    let dir = temp_dir("w", &[seed()]);
    let (code, _, err) = cli(&["review", "--xlsx", "/no/such/dir/out.xlsx", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("/no/such/dir/out.xlsx"), "{err}");
    // An empty folder: an empty table, said on stderr; nothing has errors.
    let empty = temp_dir("empty", &[]);
    let (code, _, err) = cli(&["review", empty.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("没有"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn the_e2e_desk_folder_is_what_the_cli_says_of_it() {
    // e2e/review.test.mjs checks the page's table against this file; it must stay the core's.
    let dir = root().join("e2e/fixtures/desk");
    let (_, json, err) = cli(&["review", "--json", dir.to_str().unwrap()]);
    let got: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{err}"));
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("e2e/fixtures/desk.expected.json")).unwrap()).unwrap();
    assert_eq!(got, want, "the folder's review changed: run python3 e2e/fixtures/build-desk.py and review the diff");
    assert_eq!(got.as_array().unwrap().len(), 20);
}
