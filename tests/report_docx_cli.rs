//! `selfcheck crosscheck FILE REPORT.docx`: findings with their paragraph or cell.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck::cli::run;
use selfcheck::core::office::ooxml::zip::{ZipReader, ZipWriter};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/guangzhou-ftu-2021.json");

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

fn altered(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let z = ZipReader::new(bytes).unwrap();
    let names: Vec<String> = z.names().map(str::to_string).collect();
    let mut w = ZipWriter::new();
    for n in names {
        let d = z.get(&n).unwrap().unwrap();
        let d = if n == "word/document.xml" { String::from_utf8(d).unwrap().replacen(from, to, 1).into_bytes() } else { d };
        w.add(&n, &d);
    }
    w.finish()
}

#[test]
fn crosscheck_reads_a_docx_and_places_each_finding() {
    let dir = std::env::temp_dir().join(format!("selfcheck-docx-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("report.docx");
    let (code, _, _) = cli(&["report", "--docx", good.to_str().unwrap(), SEED]);
    assert_eq!(code, 0);
    let (code, out, err) = cli(&["crosscheck", SEED, good.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("个数字") && out.contains("表 1 第 2 行第 2 列"), "{out}");

    let bad = dir.join("bad.docx");
    std::fs::write(&bad, altered(&std::fs::read(&good).unwrap(), ">33,814.57<", ">33,841.57<")).unwrap();
    let (code, out, _) = cli(&["crosscheck", "--lang", "en", SEED, bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    let line = out.lines().find(|l| l.contains("report.figure_mismatch")).unwrap_or_default();
    assert!(line.contains("table 1, row 2, column 3 (合计 · 执行数（万元）)"), "{out}");

    let (code, json, _) = cli(&["crosscheck", "--json", SEED, bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let m = v["located"].as_array().unwrap().iter().find(|l| l["finding"]["rule"] == "report.figure_mismatch").unwrap();
    assert_eq!(m["place"]["kind"], "cell");
    assert_eq!(m["place"]["row"], 2);

    // Not a .docx: refused in words, exit 2.
    let doc = dir.join("old.doc");
    std::fs::write(&doc, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old word").unwrap();
    let (code, _, err) = cli(&["crosscheck", SEED, doc.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("另存为") && err.contains(".docx"), "{err}");
    let fake = dir.join("fake.docx");
    std::fs::write(&fake, "只是文字").unwrap();
    let (code, _, err) = cli(&["crosscheck", SEED, fake.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("不是 Word 文档"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
