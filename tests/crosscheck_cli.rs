//! `selfcheck crosscheck FILE.json REPORT.txt` and `selfcheck report --docx OUT FILE`.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck::cli::run;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guangzhou-ftu-2021.json");
const TEXT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ftu-2021-report.txt");

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn crosscheck_lists_figures_and_findings() {
    let (code, out, _) = cli(&["crosscheck", SEED, TEXT]);
    assert_eq!(code, 0, "warnings only\n{out}");
    assert!(out.contains("27 个数字"));
    assert!(out.contains("report.figure_ambiguous\twarning\treport.text.5\t"), "{out}");
    let (_, json, _) = cli(&["crosscheck", "--json", SEED, TEXT]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["figures"].as_array().unwrap().len(), 27);
    assert_eq!(v["figures"][4]["matched"]["kind"], "rate");
    assert_eq!(v["figures"][4]["matched"]["id"], "fin");
}

#[test]
fn crosscheck_exits_1_on_a_wrong_figure_and_2_on_bad_input() {
    let dir = std::env::temp_dir().join(format!("selfcheck-cc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "全年预算数 35,408.62 万元，执行数 33,841.57 万元。").unwrap();
    let (code, out, _) = cli(&["crosscheck", "--lang", "en", SEED, bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("report.figure_mismatch\terror\treport.text.2\t'"), "{out}");
    assert_eq!(cli(&["crosscheck", SEED]).0, 2);
    assert_eq!(cli(&["crosscheck", SEED, "/no/such/file.txt"]).0, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_writes_docx_and_notes_go_to_stderr() {
    let (code, out, err) = cli(&["report", SEED]);
    assert_eq!(code, 0);
    assert!(out.starts_with("广州市总工会2021年度部门整体支出绩效自评报告\n"));
    assert!(err.contains("note: 基本支出执行率 95.94% 取自填报数"), "{err}");
    let path = std::env::temp_dir().join(format!("selfcheck-report-{}.docx", std::process::id()));
    let (code, out, _) = cli(&["report", "--docx", path.to_str().unwrap(), SEED]);
    assert_eq!((code, out.as_str()), (0, ""));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    let _ = std::fs::remove_file(&path);
}
