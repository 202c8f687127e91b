//! Reading `word/document.xml` (and `word/styles.xml` for heading styles) into paragraphs and
//! tables. See the module policy in [`super`]. Headings are recognised in [`headings`] (by
//! style, else by numbering), paragraphs and tables walked in [`walk`].

use crate::document::import::{sniff, Sniffed};
use crate::office::ooxml::xml::{self, Element, Node};
use crate::office::ooxml::zip::{ZipError, ZipReader};
use crate::text::lang::Text;

/// Columns a row may span at most (a `w:gridSpan` beyond it is read as this).
const MAX_SPAN: usize = 64;
/// Grid columns a table row may have at most; cells beyond are listed as not read.
const MAX_COLUMNS: usize = 256;
/// Heading levels kept (一、 … （1）, Heading 1 … 9).
const MAX_LEVEL: u8 = 9;

/// A paragraph of the body (outside tables), in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based number among the body's non-empty paragraphs (what [`super::Place`] cites).
    pub n: usize,
    /// Its text: runs joined, tabs and line breaks as spaces, deleted text and field codes left
    /// out.
    pub text: String,
    /// Its style id (`w:pStyle`), when it has one.
    pub style: Option<String>,
    /// Its heading level (1 = top), by style or, in a document without heading styles, by its
    /// numbering.
    pub heading: Option<u8>,
    /// The headings it is under, outermost first; for a heading, ending with itself (its title
    /// up to the first 。 or ：).
    pub headings: Vec<String>,
}

/// One cell of a table, on the table's grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// 1-based row in the table (header rows included).
    pub row: usize,
    /// 1-based grid column.
    pub col: usize,
    /// Its text (its paragraphs joined by a space).
    pub text: String,
    /// Grid columns it spans (`w:gridSpan`), ≥ 1.
    pub span: usize,
    /// True for the continuation of a vertically merged cell (`w:vMerge` without `restart`):
    /// its text is the merged cell's when that is words (a row name), empty when a number.
    pub merged: bool,
    /// The row's name: the row's cells of words before its first number (placeholders such as
    /// — or / left out), joined by ` · `.
    pub row_header: String,
    /// The column's header: the header rows' texts in its column, joined by ` · `.
    pub col_header: String,
}

/// A table of the body (a table nested in a cell is read as that cell's text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// 1-based number among the body's tables.
    pub n: usize,
    /// Rows of cells; each row's cells in grid order, one per grid column it starts at.
    pub rows: Vec<Vec<Cell>>,
    /// Leading rows without a number: the header.
    pub header_rows: usize,
    /// The headings it is under, outermost first.
    pub headings: Vec<String>,
}

impl Table {
    /// The cell at 1-based `row` and grid column `col` (a spanned column gives the spanning cell).
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row.checked_sub(1)?)?.iter().find(|c| col >= c.col && col < c.col + c.span)
    }
}

/// A body block in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// `paragraphs[i]`.
    Paragraph(usize),
    /// `tables[i]`.
    Table(usize),
}

/// What was read from a .docx.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DocxReport {
    /// The body's non-empty paragraphs outside tables.
    pub paragraphs: Vec<Paragraph>,
    /// The body's tables.
    pub tables: Vec<Table>,
    /// Paragraphs and tables in document order.
    pub blocks: Vec<Block>,
    /// True when headings were found by their numbering (the document has no heading styles).
    pub headings_by_numbering: bool,
    /// What holds text that is not checked (text boxes, footnotes, comments, cells past the
    /// column limit), one line each.
    pub not_read: Vec<Text>,
}

/// Why a file is not a .docx this reader can read.
fn refuse(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(zh, en)
}

fn not_docx() -> Text {
    refuse(
        "不是 Word 文档（.docx）：请选择 Word 或 WPS 保存的 .docx 报告，或将报告文字复制到“核对报告文字”",
        "not a Word document (.docx): choose the report as saved by Word or WPS (.docx), or paste its text into Check report",
    )
}

/// The refusal for bytes that are not a Word package, by what they are; `None` when they may be one.
fn refusal(bytes: &[u8]) -> Option<Text> {
    Some(match sniff(bytes) {
        Sniffed::Docx | Sniffed::Zip => return None,
        Sniffed::Xlsx => refuse(
            "这是 Excel 工作簿（.xlsx），不是 Word 报告（.docx）：工作簿请作为自评表导入",
            "this is an Excel workbook (.xlsx), not a Word report (.docx): import workbooks as the self-evaluation",
        ),
        Sniffed::OldOffice => refuse(
            "这是旧版 Word 文件（.doc）或其他旧版 Office 文件：请在 Word 或 WPS 中打开，点“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再核对新保存的 .docx",
            "this is an old Word file (.doc) or another old Office file: open it in Word or WPS, choose File → Save As, pick 'Word Document (*.docx)', and check the new .docx",
        ),
        Sniffed::Pdf => refuse(
            "这是 PDF 文件，不是 Word 文档（.docx）：请核对报告的 .docx，或将 PDF 中的文字复制到“核对报告文字”",
            "this is a PDF, not a Word document (.docx): check the report's .docx, or paste the PDF's text into Check report",
        ),
        Sniffed::Empty | Sniffed::Json | Sniffed::Utf16 | Sniffed::Other => not_docx(),
    })
}

fn zip_refusal(e: &ZipError) -> Text {
    let m = e.message();
    refuse(format!("无法读取 Word 文档：{}", m.zh), format!("cannot read the Word document: {}", m.en))
}

/// The main part's name: the `officeDocument` relationship of `_rels/.rels`, else
/// `word/document.xml`.
fn main_part(z: &ZipReader) -> String {
    let from_rels = z.text("_rels/.rels").ok().flatten().and_then(|t| {
        let root = xml::parse(&t).ok()?;
        let target = root
            .elements()
            .find(|r| r.attr("Type").is_some_and(|t| t.ends_with("/officeDocument")))
            .and_then(|r| r.attr("Target"))
            .map(|t| t.trim_start_matches('/').to_string());
        target
    });
    from_rels.filter(|p| p.to_ascii_lowercase().ends_with(".xml")).unwrap_or_else(|| "word/document.xml".to_string())
}

mod headings;
mod walk;

pub use headings::numbering_level;
use headings::*;
use walk::*;

/// Every `name` below `e`, not looking inside `skip` elements (nested tables).
fn collect<'a>(e: &'a Element, name: &str, skip: &[&str], out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        if c.name == name {
            out.push(c);
        } else if !skip.contains(&c.name.as_str()) {
            collect(c, name, skip, out);
        }
    }
}

/// True when a part holds text a reader would see (footnotes besides the separators, comments).
fn has_text(z: &ZipReader, part: &str) -> bool {
    let Some(t) = z.text(part).ok().flatten() else { return false };
    let Ok(root) = xml::parse(&t) else { return false };
    let any = root.elements().any(|n| n.attr("type").is_none_or(|t| t == "normal") && !n.text().trim().is_empty());
    any
}

/// Reads a .docx: its body's paragraphs (with style and heading level) and tables (each cell with
/// its row and column headers), in order. `Err` says, in both languages, why the bytes are not a
/// .docx that can be read (an old .doc, a PDF, a workbook, a damaged package).
pub fn read(bytes: &[u8]) -> Result<DocxReport, Text> {
    if let Some(t) = refusal(bytes) {
        return Err(t);
    }
    let z = ZipReader::new(bytes).map_err(|e| zip_refusal(&e))?;
    if z.names().any(|n| n.eq_ignore_ascii_case("xl/workbook.xml")) {
        return Err(refusal(b"PK\x03\x04xl/").unwrap_or_else(not_docx));
    }
    let part = main_part(&z);
    let Some(src) = z.text(&part).map_err(|e| zip_refusal(&e))? else {
        return Err(refuse(format!("压缩包中没有 {part}：{}", not_docx().zh), format!("the package has no {part}: {}", not_docx().en)));
    };
    let root = xml::parse(&src).map_err(|e| {
        refuse(
            format!("{part} 已损坏，无法读取（第 {} 字节：{}）", e.at, e.what),
            format!("{part} is damaged and cannot be read (byte {}: {})", e.at, e.what),
        )
    })?;
    let Some(body) = root.child("body") else {
        return Err(refuse(
            format!("{part} 中没有正文（w:body）：{}", not_docx().zh),
            format!("{part} has no body (w:body): {}", not_docx().en),
        ));
    };
    let dir = part.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default();
    let styles_xml = z.text(&format!("{dir}styles.xml")).ok().flatten();
    let styles_root = styles_xml.as_deref().and_then(|s| xml::parse(s).ok());
    let styles = style_levels(styles_root.as_ref());
    let mut r = Reader { styles: &styles, out: DocxReport::default(), raw: vec![], textboxes: vec![], clipped: vec![] };
    r.blocks(body);
    let mut out = r.finish();
    for (file, zh, en) in
        [("footnotes.xml", "脚注", "footnotes"), ("endnotes.xml", "尾注", "endnotes"), ("comments.xml", "批注", "comments")]
    {
        if has_text(&z, &format!("{dir}{file}")) {
            out.not_read.push(Text::new(format!("{zh}中的文字未核对"), format!("the text of the {en} is not checked")));
        }
    }
    Ok(out)
}
