//! A written 自评报告 given as .docx: read (paragraphs, headings, tables with their headers),
//! cross-checked with each finding at its paragraph or cell, and refused when it is not a .docx.
#![cfg(not(target_arch = "wasm32"))]

use selfcheck::core::crosscheck::Status;
use selfcheck::core::document::format::SelfEvaluation;
use selfcheck::core::evaluate;
use selfcheck::core::office::ooxml::zip::{ZipReader, ZipWriter};
use selfcheck::core::report;
use selfcheck::core::report_docx::{self, Place};
use selfcheck::core::text::lang::Lang;

fn seed() -> SelfEvaluation {
    SelfEvaluation::from_json(include_str!("../examples/guangzhou-ftu-2021.json")).unwrap()
}

/// The seed's generated report as .docx (stored ZIP: its XML is in the bytes as written).
fn seed_docx() -> Vec<u8> {
    let doc = seed();
    let ev = evaluate(&doc);
    let r = report::build(&doc, &ev, Lang::Zh);
    report::docx::to_docx(&r, &selfcheck::core::chart::all(&doc, &ev, Lang::Zh))
}

/// `bytes` with `document.xml` rewritten by `edit` (repacked, so CRCs stay right).
fn edit_document(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    let z = ZipReader::new(bytes).unwrap();
    let names: Vec<String> = z.names().map(str::to_string).collect();
    let mut w = ZipWriter::new();
    for n in names {
        let data = z.get(&n).unwrap().unwrap();
        if n == "word/document.xml" {
            w.add(&n, edit(std::str::from_utf8(&data).unwrap()).as_bytes());
        } else {
            w.add(&n, &data);
        }
    }
    w.finish()
}

#[test]
fn the_generated_report_reads_back_with_headings_and_tables() {
    let d = report_docx::read(&seed_docx()).unwrap();
    let first = &d.paragraphs[0];
    assert_eq!(first.text, "广州市总工会2021年度部门整体支出绩效自评报告");
    assert_eq!(first.heading, None);
    let h: Vec<(&str, u8)> = d.paragraphs.iter().filter_map(|p| p.heading.map(|l| (p.text.as_str(), l))).take(3).collect();
    assert_eq!(h, [("一、基本情况", 1), ("（一）部门概况", 2), ("（二）年度总体工作和重点工作任务", 2)]);
    let t = &d.tables[0];
    assert_eq!(t.header_rows, 1);
    let cell = t.cell(3, 4).unwrap();
    assert_eq!(cell.text, "95.68%");
    assert_eq!(cell.row_header, "一般公共预算财政拨款");
    assert_eq!(cell.col_header, "执行率");
    assert_eq!(t.headings, ["一、基本情况", "（三）部门整体收支情况"]);
}

#[test]
fn the_generated_report_passes_the_cross_check_as_docx() {
    let doc = seed();
    let ev = evaluate(&doc);
    let cc = report_docx::analyse(&seed_docx(), &doc, &ev).unwrap();
    assert!(cc.cross.figures.len() > 40, "{}", cc.cross.figures.len());
    let bad: Vec<_> = cc.cross.figures.iter().filter(|f| f.status == Status::Mismatch).collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(!cc.located.iter().any(|l| l.finding.rule == "report.figure_mismatch"), "{:#?}", cc.located);
    // Every figure has a place; the table's cells are cells.
    assert_eq!(cc.figure_places.len(), cc.cross.figures.len());
    assert!(cc.figure_places.iter().any(|p| matches!(p, Place::Cell { table: 1, .. })));
}

#[test]
fn a_wrong_figure_in_a_paragraph_is_found_at_its_paragraph() {
    let doc = seed();
    let ev = evaluate(&doc);
    let bytes = edit_document(&seed_docx(), |x| x.replacen("执行数 33,814.57 万元", "执行数 33,841.57 万元", 1));
    let cc = report_docx::analyse(&bytes, &doc, &ev).unwrap();
    let m: Vec<_> = cc.located.iter().filter(|l| l.finding.rule == "report.figure_mismatch").collect();
    assert_eq!(m.len(), 1, "{m:#?}");
    let Place::Paragraph { n, headings } = &m[0].place else { panic!("{:?}", m[0].place) };
    let para = cc.report.paragraphs.iter().find(|p| p.n == *n).unwrap();
    assert!(para.text.contains("33,841.57"), "{}", para.text);
    assert_eq!(headings, &["一、基本情况", "（三）部门整体收支情况"]);
    let zh = m[0].place.describe().zh;
    assert!(zh.starts_with(&format!("第 {n} 段")) && zh.contains("（三）部门整体收支情况"), "{zh}");
}

#[test]
fn a_wrong_figure_in_a_table_is_found_at_its_cell() {
    let doc = seed();
    let ev = evaluate(&doc);
    // The 执行数 of 合计 in the budget table: the only "33,814.57" written alone in a cell.
    let bytes = edit_document(&seed_docx(), |x| x.replacen(">33,814.57<", ">33,841.57<", 1));
    let cc = report_docx::analyse(&bytes, &doc, &ev).unwrap();
    let m: Vec<_> = cc.located.iter().filter(|l| l.finding.rule == "report.figure_mismatch").collect();
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(
        m[0].place,
        Place::Cell {
            table: 1,
            row: 2,
            col: 3,
            row_header: "合计".into(),
            col_header: "执行数（万元）".into(),
            headings: vec!["一、基本情况".into(), "（三）部门整体收支情况".into()],
        }
    );
    assert_eq!(m[0].place.describe().en, "table 1, row 2, column 3 (合计 · 执行数（万元）), under “一、基本情况 › （三）部门整体收支情况”");
}

#[test]
fn headings_by_numbering_when_no_style_says() {
    let body =
        ["一、基本情况", "（一）部门概况", "本部门设处室14个。", "1.预算执行。全年执行率95.50%。", "二、综合评价分析", "1.5万元不是标题。"]
            .iter()
            .map(|t| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"))
            .collect::<String>();
    let d = report_docx::read(&minimal_docx(&body)).unwrap();
    let levels: Vec<Option<u8>> = d.paragraphs.iter().map(|p| p.heading).collect();
    assert_eq!(levels, [Some(1), Some(2), None, Some(3), Some(1), None]);
    assert_eq!(d.paragraphs[3].headings, ["一、基本情况", "（一）部门概况", "1.预算执行"]);
    assert_eq!(d.paragraphs[2].headings, ["一、基本情况", "（一）部门概况"]);
}

#[test]
fn merged_cells_keep_their_headers() {
    // Two header rows (执行数 spans two columns), a row name merged down two rows.
    let tc = |t: &str, pr: &str| format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let tr = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let body = format!(
        "<w:p><w:r><w:t>单位：万元</w:t></w:r></w:p><w:tbl>{}{}{}{}</w:tbl>",
        tr(&[
            tc("项目", r#"<w:vMerge w:val="restart"/>"#),
            tc("预算数", r#"<w:vMerge w:val="restart"/>"#),
            tc("执行", r#"<w:gridSpan w:val="2"/>"#)
        ]),
        tr(&[tc("", "<w:vMerge/>"), tc("", "<w:vMerge/>"), tc("执行数", ""), tc("执行率", "")]),
        tr(&[tc("财政拨款", r#"<w:vMerge w:val="restart"/>"#), tc("27,585.71", ""), tc("26,393.83", ""), tc("95.68%", "")]),
        tr(&[tc("", "<w:vMerge/>"), tc("1", ""), tc("1", ""), tc("100%", "")]),
    );
    let d = report_docx::read(&minimal_docx(&body)).unwrap();
    let t = &d.tables[0];
    assert_eq!(t.header_rows, 2);
    let c = t.cell(3, 4).unwrap();
    assert_eq!((c.row_header.as_str(), c.col_header.as_str(), c.text.as_str()), ("财政拨款", "执行 · 执行率", "95.68%"));
    assert_eq!(t.cell(4, 4).unwrap().row_header, "财政拨款");
    // The flattened text reads the table as table.rs does: one line per row, tabs between cells.
    let text = report_docx::flatten(&d).text;
    assert!(
        text.contains(
            "单位：万元\n\n项目\t预算数\t执行\t执行\n\t\t执行数\t执行率\n财政拨款\t27,585.71\t26,393.83\t95.68%\n财政拨款\t1\t1\t100%\n"
        ),
        "{text:?}"
    );
}

fn minimal_docx(body: &str) -> Vec<u8> {
    let mut w = ZipWriter::new();
    w.add("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#);
    w.add(
        "word/document.xml",
        format!(r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#)
            .as_bytes(),
    );
    w.finish()
}

#[test]
fn what_is_not_a_docx_is_refused_in_words() {
    let e = report_docx::read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").unwrap_err();
    assert!(e.zh.contains(".doc") && e.en.contains("Save As"), "{e:?}");
    let e = report_docx::read(b"%PDF-1.7").unwrap_err();
    assert!(e.zh.contains("PDF") && e.en.contains("PDF"), "{e:?}");
    let e = report_docx::read("全年预算数 35,408.62 万元。".as_bytes()).unwrap_err();
    assert!(e.zh.contains("不是 Word 文档") && e.en.contains("not a Word document"), "{e:?}");
    let mut w = ZipWriter::new();
    w.add("xl/workbook.xml", b"<workbook/>");
    let e = report_docx::read(&w.finish()).unwrap_err();
    assert!(e.zh.contains("Excel") && e.en.contains("Excel"), "{e:?}");
    let e = report_docx::read(&minimal_docx("<w:p><w:r><w:t>未闭合")).unwrap_err();
    assert!(e.zh.contains("word/document.xml") && e.en.contains("damaged"), "{e:?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "<w:sdt>".repeat(200_000), "</w:sdt>".repeat(200_000));
    assert!(report_docx::read(&minimal_docx(&deep)).is_err());
}

#[test]
fn what_is_not_read_is_said() {
    let body = r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里写了 95.00%</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p>"#;
    let d = report_docx::read(&minimal_docx(body)).unwrap();
    assert_eq!(d.paragraphs[0].text, "正文");
    assert_eq!(d.not_read.len(), 1);
    assert!(d.not_read[0].zh.contains("文本框") && d.not_read[0].zh.contains("第 1 段"), "{:?}", d.not_read);
}

#[test]
fn a_finding_about_a_sentence_is_at_its_paragraph_not_the_heading_before_it() {
    let doc = seed();
    let ev = evaluate(&doc);
    // A claim with no figure in its sentence, right after a heading that has no 。.
    let claim = r#"<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>各项绩效指标均已完成</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>，全部达到预期。</w:t></w:r></w:p>"#;
    let bytes = edit_document(&seed_docx(), |x| {
        let h = x.find("四、下一步改进措施").unwrap();
        let end = h + x[h..].find("</w:p>").unwrap() + "</w:p>".len();
        format!("{}{claim}{}", &x[..end], &x[end..])
    });
    let cc = report_docx::analyse(&bytes, &doc, &ev).unwrap();
    let c: Vec<_> = cc.located.iter().filter(|l| l.finding.rule == "report.claim_contradicted" && l.finding.path.contains(".s")).collect();
    assert_eq!(c.len(), 1, "{:#?}", cc.located);
    let Place::Paragraph { n, headings } = &c[0].place else { panic!("{:?}", c[0].place) };
    assert_eq!(cc.report.paragraphs.iter().find(|p| p.n == *n).unwrap().text, "各项绩效指标均已完成");
    assert_eq!(headings, &["四、下一步改进措施"]);
}

#[test]
fn a_report_made_in_word_with_numbered_headings_and_merged_headers() {
    // tests/fixtures/docx/build.py (python-docx): no heading styles, a deflated package, a
    // two-row merged header, two planted errors.
    let bytes = include_bytes!("fixtures/docx/numbered-headings.docx");
    let doc = seed();
    let ev = evaluate(&doc);
    let cc = report_docx::analyse(bytes, &doc, &ev).unwrap();
    assert!(cc.report.headings_by_numbering);
    let heads: Vec<(&str, u8)> = cc.report.paragraphs.iter().filter_map(|p| Some((p.headings.last()?.as_str(), p.heading?))).collect();
    assert_eq!(
        heads,
        [
            ("一、基本情况", 1),
            ("（一）部门概况", 2),
            ("（二）部门整体收支情况", 2),
            ("二、综合评价分析", 1),
            ("1.预算执行情况", 3),
            ("2.自评结论", 3),
            ("三、存在的主要问题", 1)
        ]
    );
    let m: Vec<(&str, String)> = cc
        .located
        .iter()
        .filter(|l| l.finding.rule == "report.figure_mismatch")
        .map(|l| (l.finding.path.as_str(), l.place.describe().zh))
        .collect();
    assert_eq!(
        m,
        [
            ("report.text.3", "第 6 段（“一、基本情况 › （二）部门整体收支情况”下）".to_string()),
            (
                "report.text.10",
                "表 1 第 4 行第 4 列（一般公共预算财政拨款 · 执行 · 执行率），“一、基本情况 › （二）部门整体收支情况”下".to_string()
            ),
        ]
    );
    // Every other figure matches.
    assert_eq!(cc.cross.figures.iter().filter(|f| f.status == Status::Mismatch).count(), 2);
}
