//! Files handed to the command line that are not what they should be (issue 11, items 6, 7, 8,
//! 11): each is refused with its reason, in the chosen language, and the exit status is 2.
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

/// A scratch file with these bytes, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("selfcheck-import-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
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
fn item6_a_json_that_is_not_a_self_evaluation_exits_2_with_the_reason() {
    for (name, body, zh, en) in [
        ("empty-object.json", "{}", "没有 format 字段", "no 'format' field"),
        ("array.json", "[]", "JSON 数组", "JSON array"),
        ("package.json", r#"{"name":"x","version":"1.0.0"}"#, "其他软件", "another program"),
        ("rubric.json", r#"{"format":"selfcheck/rubric","version":1}"#, "评分标准文件", "rubric file"),
    ] {
        let f = Scratch::new(name, body.as_bytes());
        for cmd in [&["check", f.path()][..], &["report", f.path()][..], &["crosscheck", f.path(), TEXT][..]] {
            let (code, out, err) = cli(cmd);
            assert_eq!(code, 2, "{name} {cmd:?}: {out}{err}");
            assert!(err.contains(zh), "{name}: {err}");
            assert!(out.is_empty(), "{name}: nothing is checked: {out}");
        }
        let (code, _, err) = cli(&["check", "--lang", "en", f.path()]);
        assert_eq!(code, 2);
        assert!(err.contains(en), "{name}: {err}");
    }
    // Files written by an earlier build still load.
    let old = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/old-versions/export-11f400e.json");
    assert_ne!(cli(&["check", old]).0, 2);
    assert_ne!(cli(&["check", SEED]).0, 2);
}

#[test]
fn item7_invalid_utf8_is_refused_naming_the_byte() {
    // "广州" in GBK (B9 E3 D6 DD) inside an otherwise valid file: its first byte is the first bad one.
    let mut bytes = br#"{"format":"selfcheck/self-evaluation","version":1,"unit":{"name":""#.to_vec();
    let at = bytes.len() + 1;
    bytes.extend_from_slice(&[0xB9, 0xE3, 0xD6, 0xDD]);
    bytes.extend_from_slice(br#""}}"#);
    let f = Scratch::new("gbk.json", &bytes);
    let (code, out, err) = cli(&["check", f.path()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains(&format!("第 {at} 个字节")) && err.contains("UTF-8"), "{err}");
    let (_, _, err) = cli(&["check", "--lang", "en", f.path()]);
    assert!(err.contains(&format!("byte {at}")) && err.contains("UTF-8"), "{err}");
    // A BOM is dropped, not refused.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&std::fs::read(SEED).unwrap());
    let f = Scratch::new("bom.json", &bom);
    assert_eq!(cli(&["check", f.path()]).0, 0);
    // A rubric file is read the same way.
    let f = Scratch::new("gbk-rubric.json", &bytes);
    let (code, _, err) = cli(&["check", "--rubric", f.path(), SEED]);
    assert_eq!(code, 2);
    assert!(err.contains(&format!("第 {at} 个字节")), "{err}");
}

#[test]
fn item11_a_workbook_given_as_json_says_to_use_the_excel_import() {
    let xlsx = selfcheck::core::office::xlsx::export(
        &selfcheck::core::document::format::SelfEvaluation::from_json(&std::fs::read_to_string(SEED).unwrap()).unwrap(),
        &selfcheck::core::check::evaluate::evaluate(
            &selfcheck::core::document::format::SelfEvaluation::from_json(&std::fs::read_to_string(SEED).unwrap()).unwrap(),
        ),
        selfcheck::core::Lang::Zh,
    );
    // `check` reads a workbook by what it is, whatever its name (issue 14): checked, not refused.
    let f = Scratch::new("table.json", &xlsx);
    let (code, out, err) = cli(&["check", f.path()]);
    assert_ne!(code, 2, "{err}");
    assert!(out.contains("广州市总工会"), "{out}");
    assert!(!err.contains("expected value") && !err.contains("JSON 格式错误"), "{err}");
    // The JSON import of the page still says to use its Excel import.
    let e = selfcheck::core::document::import::json_text(&xlsx).unwrap_err();
    assert!(e.message.zh.contains("导入 Excel") && e.message.en.contains("Import Excel"), "{:?}", e.message);
}

#[test]
fn item8_a_rubric_that_cannot_score_is_refused_by_check_rubric() {
    for body in [
        r#"{"format":"selfcheck/rubric","version":1,"id":"empty","name":"空","nodes":[]}"#,
        r#"{"format":"selfcheck/rubric","version":1,"nodes":[{"id":"a","weight":""}]}"#,
        "{}",
    ] {
        let f = Scratch::new("rubric.json", body.as_bytes());
        let (code, out, err) = cli(&["check", "--rubric", f.path(), SEED]);
        assert_eq!(code, 2, "{body}: {out}{err}");
        assert!(out.is_empty(), "nothing is checked with it");
        assert!(err.contains("评分标准") && err.contains(f.path()), "{err}");
    }
}

/// A document carrying a rubric that cannot score (edited by hand) still loads, and an error at
/// the rubric says why, so the status is never 可以提交 with an empty score table.
#[test]
fn item8_a_document_with_an_inline_rubric_that_cannot_score_gets_an_error() {
    use selfcheck::core::document::format::SelfEvaluation;
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SEED).unwrap()).unwrap();
    v["rubric"]["inline"] = serde_json::json!({"format": "selfcheck/rubric", "version": 1, "id": "empty", "name": "空标准", "nodes": []});
    let doc = SelfEvaluation::from_json(&v.to_string()).unwrap();
    let ev = selfcheck::core::evaluate(&doc);
    let f = ev.findings.iter().find(|f| f.path == "rubric.preset").expect("a finding at the rubric");
    assert_eq!(f.severity, selfcheck::core::check::finding::Severity::Error);
    assert!(f.message.zh.contains("空标准") && f.message.zh.contains("无法计分"), "{}", f.message.zh);
    assert!(!ev.ready());
    assert!(ev.scores.nodes.is_empty());
    // The incremental evaluator the page uses says the same.
    let mut cache = selfcheck::core::check::incremental::Evaluator::new();
    assert_eq!(cache.evaluate(&doc), ev);
}
