//! No .docx, however malformed, panics or hangs the report reader or its cross-check: random
//! bytes written into, cut from or grown onto a part of the seed's generated report, hostile
//! WordprocessingML spliced before a paragraph, a row or a cell (spans of 4294967295, a merge
//! continued from nowhere, a style based on itself, deep nesting), and random bytes into the ZIP.
//!
//! 256 cases each by default; `PROPTEST_CASES=5000 cargo test --release --test
//! report_docx_properties` digs deeper.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::evaluate;
use selfcheck::core::office::ooxml::zip::{ZipReader, ZipWriter};
use selfcheck::core::report;
use selfcheck::core::report_docx;
use selfcheck::core::text::lang::Lang;

fn seed() -> &'static SelfEvaluation {
    static S: OnceLock<SelfEvaluation> = OnceLock::new();
    S.get_or_init(|| SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap())
}

fn fixture() -> &'static [u8] {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| {
        let doc = seed();
        let ev = evaluate(doc);
        // Without charts: the parts that matter are the document and its styles.
        report::docx::to_docx(&report::build(doc, &ev, Lang::Zh), &[])
    })
}

fn parts() -> Vec<(String, Vec<u8>)> {
    let z = ZipReader::new(fixture()).unwrap();
    let names: Vec<String> = z.names().map(str::to_string).collect();
    names.into_iter().map(|n| (n.clone(), z.get(&n).unwrap().unwrap())).collect()
}

fn repack(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = ZipWriter::new();
    for (n, d) in parts {
        w.add(n, d);
    }
    w.finish()
}

/// The index of word/document.xml or word/styles.xml (the parts the reader parses), by `pick`.
fn read_part(ps: &[(String, Vec<u8>)], pick: bool) -> usize {
    let name = if pick { "word/document.xml" } else { "word/styles.xml" };
    ps.iter().position(|(n, _)| n == name).unwrap()
}

fn check_in_time(bytes: &[u8]) -> Result<(), TestCaseError> {
    let t = Instant::now();
    let doc = seed();
    let ev = evaluate(doc);
    let r = report_docx::analyse(bytes, doc, &ev);
    let took = t.elapsed();
    prop_assert!(took < Duration::from_secs(5), "took {took:?}");
    match r {
        Ok(cc) => {
            prop_assert_eq!(cc.figure_places.len(), cc.cross.figures.len());
            prop_assert_eq!(cc.located.len(), cc.cross.findings.len());
            for p in &cc.report.paragraphs {
                prop_assert!(!p.text.is_empty());
            }
        }
        Err(m) => prop_assert!(!m.zh.is_empty() && !m.en.is_empty()),
    }
    Ok(())
}

const HOSTILE: &[&str] = &[
    r#"<w:tbl><w:tr><w:trPr><w:gridBefore w:val="4294967295"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="4294967295"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    r#"<w:tc><w:tcPr><w:gridSpan w:val="-1"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>95.68%</w:t></w:r></w:p></w:tc>"#,
    r#"<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr></w:tc></w:tr>"#,
    r#"<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"#,
    r#"<w:p><w:pPr><w:outlineLvl w:val="255"/><w:pStyle w:val="Heading99"/></w:pPr><w:r><w:t>（一）</w:t></w:r></w:p>"#,
    r#"<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Body"/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>"#,
    r#"<mc:AlternateContent><mc:Choice><w:r><w:t>甲</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>甲</w:t></w:r></mc:Fallback></mc:AlternateContent>"#,
    r#"<w:r><w:t>一、</w:t><w:tab/><w:br/><w:t>35,408.62万元。</w:t></w:r>"#,
    r#"<w:sdt><w:sdtContent><w:p><w:r><w:t>1.</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
    "<w:txbxContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:txbxContent>",
    "&#0;&#xFFFFFFFF;&amp",
    "<![CDATA[",
    "<!--",
    "\u{0}\u{FFFF}\t\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn bytes_written_into_a_part(pick in any::<bool>(), at in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 1..64)) {
        let mut ps = parts();
        let i = read_part(&ps, pick);
        let d = &mut ps[i].1;
        let start = at.index(d.len());
        for (k, b) in junk.iter().enumerate() {
            if start + k < d.len() {
                d[start + k] = *b;
            }
        }
        check_in_time(&repack(&ps))?;
    }

    #[test]
    fn a_part_cut_short_or_grown(pick in any::<bool>(), at in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut ps = parts();
        let i = read_part(&ps, pick);
        let d = &mut ps[i].1;
        let cut = at.index(d.len());
        d.truncate(cut);
        d.extend_from_slice(&junk);
        check_in_time(&repack(&ps))?;
    }

    #[test]
    fn hostile_xml_spliced_into_a_part(at in any::<prop::sample::Index>(), h in prop::collection::vec(0usize..HOSTILE.len(), 1..4), deep in 0usize..600) {
        let mut ps = parts();
        const BEFORE: &[&str] = &["<w:p>", "<w:p ", "<w:tr>", "<w:tc>", "</w:tbl>", "<w:r>", "<w:style ", "</w:body>"];
        let mut spots: Vec<(usize, usize)> = Vec::new();
        for (i, (_, d)) in ps.iter().enumerate() {
            let text = String::from_utf8_lossy(d);
            for b in BEFORE {
                spots.extend(text.match_indices(b).map(|(k, _)| (i, k)));
            }
        }
        let (i, pos) = spots[at.index(spots.len())];
        let mut ins: String = h.iter().map(|&k| HOSTILE[k]).collect();
        if deep > 500 {
            ins = format!("{}{ins}{}", "<w:sdt><w:sdtContent>".repeat(deep / 2), "</w:sdtContent></w:sdt>".repeat(deep / 2));
        }
        ps[i].1.splice(pos..pos, ins.bytes());
        check_in_time(&repack(&ps))?;
    }

    #[test]
    fn bytes_written_into_the_zip(at in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 1..32)) {
        let mut b = fixture().to_vec();
        let start = at.index(b.len());
        for (k, x) in junk.iter().enumerate() {
            if start + k < b.len() {
                b[start + k] = *x;
            }
        }
        check_in_time(&b)?;
    }

    #[test]
    fn any_bytes(b in prop::collection::vec(any::<u8>(), 0..512)) {
        check_in_time(&b)?;
        let mut z = b"PK\x03\x04".to_vec();
        z.extend_from_slice(&b);
        check_in_time(&z)?;
    }
}
