//! The report as a Word document (.docx), written directly as WordprocessingML.
//!
//! Policy: a minimal, valid Office Open XML package — `[Content_Types].xml`, the package and
//! document relationships, `word/document.xml`, `word/styles.xml`, `word/fontTable.xml`, a footer
//! with the page number and `docProps/core.xml` — instead of a document-model crate, because the
//! page ships it as wasm and every KB counts (BENCHMARKS.md, "Report and Excel"). Layout follows
//! the usual government document look (党政机关公文格式 GB/T 9704 in spirit): A4, margins
//! 3.7/3.5/2.8/2.6 cm, body 仿宋 三号 (16 pt) with a two-character first-line indent and exact
//! 28 pt line spacing, level-1 headings 黑体, level-2 headings 楷体, the title 宋体 二号 bold and
//! centred, tables 宋体 五号 with grid borders. Latin text uses Times New Roman. The font table
//! gives each Chinese font its English alternate name (FangSong, SimSun, SimHei, KaiTi) and the
//! GB2312 charset so Word, WPS and LibreOffice substitute a close face where one is missing.
//! The page's three charts follow the report under 附：图表, as native Word charts
//! ([`super::drawingml`]), each captioned 图1…图3 below it.

use super::drawingml;
use super::{Block, Report, Table};
use crate::chart::Chart;
use crate::office::ooxml::xml::escape;
use crate::office::ooxml::zip::ZipWriter;
use crate::text::lang::Lang;

/// The MIME type a download of the file should carry.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#;

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// Chinese fonts with their English names (what Word matches on other systems).
const FONTS: &[(&str, &str)] = &[("仿宋", "FangSong"), ("宋体", "SimSun"), ("黑体", "SimHei"), ("楷体", "KaiTi")];

fn fonts(east_asia: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{east_asia}" w:cs="Times New Roman" w:hint="eastAsia"/>"#
    )
}

fn styles(lang: Lang) -> String {
    let lang_attr = if lang == Lang::Zh { "zh-CN" } else { "en-US" };
    let para = |id: &str, name: &str, font: &str, size: u32, bold: bool, ppr: &str, outline: Option<u8>| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Body"/><w:qFormat/><w:pPr>{ppr}{}</w:pPr><w:rPr>{}{}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#,
            outline.map(|l| format!(r#"<w:outlineLvl w:val="{l}"/>"#)).unwrap_or_default(),
            fonts(font),
            if bold { "<w:b/><w:bCs/>" } else { "" },
        )
    };
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="{lang_attr}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
        fonts("仿宋")
    );
    s.push_str(&para("Body", "Body Text First Indent", "仿宋", 32, false, r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#, None));
    s.push_str(&para(
        "Title",
        "Title",
        "宋体",
        44,
        true,
        r#"<w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>"#,
        None,
    ));
    s.push_str(&para(
        "Heading1",
        "heading 1",
        "黑体",
        32,
        false,
        r#"<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
        Some(0),
    ));
    s.push_str(&para(
        "Heading2",
        "heading 2",
        "楷体",
        32,
        false,
        r#"<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
        Some(1),
    ));
    s.push_str(&para(
        "TableText",
        "Table Text",
        "宋体",
        21,
        false,
        r#"<w:spacing w:line="300" w:lineRule="atLeast"/><w:jc w:val="left"/>"#,
        None,
    ));
    s.push_str(&para("Footer", "footer", "宋体", 28, false, r#"<w:jc w:val="center"/>"#, None));
    s.push_str(r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#);
    s
}

fn font_table() -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts {W_NS}><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#
    );
    for (zh, en) in FONTS {
        s.push_str(&format!(r#"<w:font w:name="{zh}"><w:altName w:val="{en}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#));
    }
    s.push_str("</w:fonts>");
    s
}

const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#;

fn para(style: &str, text: &str, jc: Option<&str>, bold: bool) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{}</w:pPr><w:r>{}<w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        jc.map(|j| format!(r#"<w:jc w:val="{j}"/>"#)).unwrap_or_default(),
        if bold { "<w:rPr><w:b/><w:bCs/></w:rPr>" } else { "" },
        escape(text)
    )
}

/// Text width between the margins of A4 in twentieths of a point: 11906 − 1588 − 1474.
const TEXT_WIDTH: u32 = 8844;

fn table(t: &Table) -> String {
    let cols = t.header.len().max(1) as u32;
    // The first column (names) gets two shares, the others one each.
    let share = TEXT_WIDTH / (cols + 1);
    let widths: Vec<u32> = (0..cols).map(|c| if c == 0 { TEXT_WIDTH - share * (cols - 1) } else { share }).collect();
    let mut s = format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
    );
    for w in &widths {
        s.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    s.push_str("</w:tblGrid>");
    let row = |cells: &[String], header: bool| {
        let mut r = String::from(if header { r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>"# } else { "<w:tr>" });
        for (c, text) in cells.iter().enumerate() {
            let jc = if header {
                "center"
            } else if t.numeric.get(c).copied().unwrap_or(false) {
                "right"
            } else {
                "left"
            };
            r.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{}</w:tc>"#,
                widths.get(c).copied().unwrap_or(share),
                para("TableText", text, Some(jc), header)
            ));
        }
        r.push_str("</w:tr>");
        r
    };
    s.push_str(&row(&t.header, true));
    for r in &t.rows {
        s.push_str(&row(r, false));
    }
    s.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows; it also spaces the table.
    s.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#);
    s
}

/// The relationship id of chart `k` (0-based).
fn chart_rel(k: usize) -> String {
    format!("rIdChart{}", k + 1)
}

/// `word/document.xml` of the report, with `charts` after it.
pub fn document_xml(r: &Report, charts: &[Chart]) -> String {
    let mut body = String::new();
    body.push_str(&para("Title", &r.title, None, false));
    for sec in &r.sections {
        body.push_str(&para(if sec.level <= 1 { "Heading1" } else { "Heading2" }, &sec.title, None, false));
        for b in &sec.blocks {
            match b {
                Block::Paragraph(p) => body.push_str(&para("Body", p, None, false)),
                Block::Table(t) => body.push_str(&table(t)),
            }
        }
    }
    if !charts.is_empty() {
        let zh = r.lang == Lang::Zh;
        body.push_str(&para("Heading1", if zh { "附：图表" } else { "Appendix: charts" }, None, false));
        for (k, c) in charts.iter().enumerate() {
            body.push_str(&drawingml::inline_paragraph(c, &chart_rel(k), k + 1));
            let caption = if zh { format!("图{} {}", k + 1, c.title) } else { format!("Figure {}. {}", k + 1, c.title) };
            body.push_str(&para("TableText", &caption, Some("center"), false));
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="560"/></w:sectPr></w:body></w:document>"#
    )
}

/// The report as .docx bytes, with `charts` ([`crate::chart::all`]) appended (a stored
/// ZIP package; deterministic for the same report and charts).
pub fn to_docx(r: &Report, charts: &[Chart]) -> Vec<u8> {
    let mut types = CONTENT_TYPES.to_string();
    let mut rels = DOC_RELS.to_string();
    for k in 0..charts.len() {
        types.push_str(&format!(r#"<Override PartName="/word/charts/chart{}.xml" ContentType="{}"/>"#, k + 1, drawingml::CONTENT_TYPE));
        rels.push_str(&format!(
            r#"<Relationship Id="{}" Type="{}" Target="charts/chart{}.xml"/>"#,
            chart_rel(k),
            drawingml::REL_TYPE,
            k + 1
        ));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let mut z = ZipWriter::new();
    z.add("[Content_Types].xml", types.as_bytes());
    z.add("_rels/.rels", ROOT_RELS.as_bytes());
    z.add("word/document.xml", document_xml(r, charts).as_bytes());
    z.add("word/_rels/document.xml.rels", rels.as_bytes());
    let lang = if r.lang == Lang::Zh { "zh-CN" } else { "en-US" };
    for (k, c) in charts.iter().enumerate() {
        z.add(&format!("word/charts/chart{}.xml", k + 1), drawingml::chart_xml(c, lang).as_bytes());
    }
    z.add("word/styles.xml", styles(r.lang).as_bytes());
    z.add("word/fontTable.xml", font_table().as_bytes());
    z.add("word/footer1.xml", FOOTER.as_bytes());
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>selfcheck</dc:creator><dc:language>{}</dc:language></cp:coreProperties>"#,
        escape(&r.title),
        if r.lang == Lang::Zh { "zh-CN" } else { "en-US" }
    );
    z.add("docProps/core.xml", core.as_bytes());
    z.finish()
}

/// A file name for the download: `<unit><year>年度部门整体支出绩效自评报告.docx`, with characters
/// that file systems refuse replaced by `_`.
pub fn file_name(r: &Report) -> String {
    let base: String = r.title.chars().map(|c| if "\\/:*?\"<>|".contains(c) || (c as u32) < 0x20 { '_' } else { c }).collect();
    format!("{}.docx", if base.trim().is_empty() { "report".to_string() } else { base })
}
