//! No workbook, however malformed, panics or hangs the workbook reader: random bytes written
//! into, cut from or inserted in one part of a valid package (the fixtures of
//! tests/fixtures/workbooks/), hostile XML spliced into a part (a cell at XFD1048576, a merge
//! over the whole sheet, row 4294967295, a shared-string index past the end, a style index past
//! the end, 1e308 with a percent format), and random bytes into the ZIP itself.
//!
//! 256 cases each by default; `PROPTEST_CASES=5000 cargo test --release --test workbook_properties`
//! digs deeper.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use selfcheck::core::office::ooxml::zip::{ZipReader, ZipWriter};
use selfcheck::core::workbook;

const FIXTURES: &[&str] =
    &["national-project-08.xlsx", "dept-national-03.xlsx", "table-20-80-01.xlsx", "table-20-80-07.xlsx", "hunan-dept-02.xlsx"];

fn fixture(i: usize) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks").join(FIXTURES[i % FIXTURES.len()]);
    std::fs::read(p).unwrap()
}

/// The package's parts, in order.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let z = ZipReader::new(bytes).unwrap();
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

/// Reads, and fails when reading takes longer than a person would wait.
fn read_in_time(bytes: &[u8]) -> Result<(), TestCaseError> {
    let t = Instant::now();
    let r = workbook::read(bytes);
    let took = t.elapsed();
    prop_assert!(took < Duration::from_secs(5), "took {took:?}");
    if let Ok(r) = r {
        // Whatever was read can be written and read back as a document.
        let json = r.document.to_json();
        prop_assert!(selfcheck::core::document::format::SelfEvaluation::from_json(&json).is_ok());
        for u in &r.unplaced {
            prop_assert!(!u.at.is_empty());
        }
    }
    Ok(())
}

const HOSTILE: &[&str] = &[
    r#"<row r="4294967295"><c r="A4294967295" t="s"><v>0</v></c></row>"#,
    r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
    r#"<c r="XFE1"><v>1</v></c>"#,
    r#"<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>"#,
    r#"<mergeCell ref="B2:A1"/>"#,
    r#"<mergeCell ref="A0:ZZZZ0"/>"#,
    r#"<c r="B5" t="s"><v>99999999999</v></c>"#,
    r#"<c r="B5" s="999999"><v>1</v></c>"#,
    r#"<c r="C5" s="5"><v>1e308</v></c>"#,
    r#"<c r="C5" s="5"><v>-79228162514264337593543950335</v></c>"#,
    r#"<c r="C5" s="5"><v>NaN</v></c>"#,
    r#"<c r="D5"><f>A1/0</f></c>"#,
    r#"<c r="D5" t="e"><f>A1/0</f><v>#DIV/0!</v></c>"#,
    r#"<numFmts count="1"><numFmt numFmtId="5" formatCode="0.00000000000000000000000000000%"/></numFmts>"#,
    r#"<numFmt numFmtId="4294967295" formatCode="[Red]&quot;年&quot;yyyy\"#,
    r#"<xf numFmtId="14"/>"#,
    r#"<si><t>一级指标</t></si><si><t>三级指标</t></si><si><t>年度指标值</t></si>"#,
    r#"<row><c><v>2958466</v></c></row>"#,
    "&#0;&#xFFFFFFFF;&amp",
    "<![CDATA[",
    "<!--",
    "\u{0}\u{FFFF}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn bytes_written_into_a_part(f in 0usize..5, p in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 1..64)) {
        let mut ps = parts(&fixture(f));
        let i = p.index(ps.len());
        let d = &mut ps[i].1;
        let start = at.index(d.len().max(1)).min(d.len());
        for (k, b) in junk.iter().enumerate() {
            if start + k < d.len() {
                d[start + k] = *b;
            }
        }
        read_in_time(&repack(&ps))?;
    }

    #[test]
    fn a_part_cut_short_or_grown(f in 0usize..5, p in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut ps = parts(&fixture(f));
        let i = p.index(ps.len());
        let d = &mut ps[i].1;
        let cut = at.index(d.len().max(1)).min(d.len());
        d.truncate(cut);
        d.extend_from_slice(&junk);
        read_in_time(&repack(&ps))?;
    }

    #[test]
    fn hostile_xml_spliced_into_a_part(f in 0usize..5, p in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), h in prop::collection::vec(0usize..HOSTILE.len(), 1..4)) {
        let mut ps = parts(&fixture(f));
        // Where hostile elements are read: before a row, a cell, a merge, a format, a style or a
        // shared string (so the XML mostly stays well-formed and the element is reached).
        const BEFORE: &[&str] = &["<row ", "<c ", "</sheetData>", "<mergeCell ", "</numFmts>", "<numFmts", "<xf ", "<si>", "</sst>"];
        let mut spots: Vec<(usize, usize)> = Vec::new();
        for (i, (_, d)) in ps.iter().enumerate() {
            let text = String::from_utf8_lossy(d);
            for b in BEFORE {
                spots.extend(text.match_indices(b).map(|(k, _)| (i, k)));
            }
        }
        let (i, pos) = if spots.is_empty() { (p.index(ps.len()), 0) } else { spots[at.index(spots.len())] };
        let ins: String = h.iter().map(|&k| HOSTILE[k]).collect();
        ps[i].1.splice(pos..pos, ins.bytes());
        read_in_time(&repack(&ps))?;
    }

    #[test]
    fn bytes_written_into_the_zip(f in 0usize..5, at in any::<prop::sample::Index>(), junk in prop::collection::vec(any::<u8>(), 1..32)) {
        let mut b = fixture(f);
        let start = at.index(b.len());
        for (k, x) in junk.iter().enumerate() {
            if start + k < b.len() {
                b[start + k] = *x;
            }
        }
        read_in_time(&b)?;
    }
}

/// The cases above that matter most, every time: a cell at the sheet's last cell with a merge
/// over the whole sheet is read in bounded time.
#[test]
fn a_whole_sheet_merge_and_a_far_cell_are_bounded() {
    let mut ps = parts(&fixture(0));
    let sheet = ps.iter_mut().find(|(n, _)| n.starts_with("xl/worksheets/sheet")).unwrap();
    let text = String::from_utf8(sheet.1.clone()).unwrap();
    let text = text
        .replacen("</sheetData>", r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#, 1)
        .replacen("<mergeCells count=\"", "<mergeCells count=\"1\" x=\"", 1)
        .replacen("<mergeCell ", r#"<mergeCell ref="A1:XFD1048576"/><mergeCell "#, 1);
    sheet.1 = text.into_bytes();
    let t = Instant::now();
    let r = workbook::read(&repack(&ps));
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // The far cell is listed, never dropped.
    let r = r.unwrap();
    assert!(r.unplaced.iter().any(|u| u.at.ends_with("!XFD1048576")), "{:#?}", r.unplaced.iter().map(|u| &u.at).collect::<Vec<_>>());
    assert!(
        r.unplaced.iter().any(|u| u.reason.zh.contains("合并单元格过大")),
        "{:#?}",
        r.unplaced.iter().map(|u| &u.reason.zh).collect::<Vec<_>>()
    );
    // A cell beyond Excel's last column is counted and said, never dropped silently.
    let mut ps = parts(&fixture(0));
    let sheet = ps.iter_mut().find(|(n, _)| n.starts_with("xl/worksheets/sheet")).unwrap();
    let text = String::from_utf8(sheet.1.clone()).unwrap().replacen(
        "</sheetData>",
        r#"<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>"#,
        1,
    );
    sheet.1 = text.into_bytes();
    let r = workbook::read(&repack(&ps)).unwrap();
    assert!(r.unplaced.iter().any(|u| u.reason.zh.contains("1 个单元格在 Excel 的范围之外")), "{:#?}", r.unplaced);
}

/// The page's own Excel import (core::office::xlsx::sheet) reads the same hostile row number without an
/// overflow.
#[test]
fn the_own_import_survives_the_last_row_number() {
    let mut ps = parts(&fixture(0));
    let sheet = ps.iter_mut().find(|(n, _)| n.starts_with("xl/worksheets/sheet")).unwrap();
    let text = String::from_utf8(sheet.1.clone()).unwrap().replacen("<row ", r#"<row r="4294967295"><c><v>1</v></c></row><row "#, 1);
    sheet.1 = text.into_bytes();
    let _ = selfcheck::core::office::xlsx::sheet::read_workbook(&repack(&ps));
}
