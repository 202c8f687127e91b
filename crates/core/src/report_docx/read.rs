//! Reading `word/document.xml` (and `word/styles.xml` for heading styles) into paragraphs and
//! tables. See the module policy in [`super`].

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

/// A heading style's level from its name or id: "heading 1", "Heading1", "标题 1", "1".
fn level_of_name(name: &str) -> Option<u8> {
    let t: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let digits = t.strip_prefix("heading").or_else(|| t.strip_prefix("标题")).unwrap_or(&t);
    match digits.parse::<u8>() {
        Ok(l) if (1..=MAX_LEVEL).contains(&l) => Some(l),
        _ => None,
    }
}

/// Paragraph styles: id → heading level, from `word/styles.xml` (name, `w:outlineLvl`,
/// `w:basedOn` followed up to 8 steps).
fn style_levels(styles: Option<&Element>) -> Vec<(String, Option<u8>)> {
    let Some(root) = styles else { return vec![] };
    struct S {
        id: String,
        own: Option<u8>,
        based: Option<String>,
    }
    let list: Vec<S> = root
        .elements()
        .filter(|s| s.name == "style" && s.attr("type").is_none_or(|t| t == "paragraph"))
        .filter_map(|s| {
            let id = s.attr("styleId")?.to_string();
            let by_name = s.child("name").and_then(|n| n.attr("val")).and_then(level_of_name);
            let by_outline =
                s.child("pPr").and_then(|p| p.child("outlineLvl")).and_then(|o| o.attr("val")).and_then(|v| v.parse::<u8>().ok());
            let own = by_name.or_else(|| by_outline.filter(|&l| l < MAX_LEVEL).map(|l| l + 1));
            // A style that says outline level 9 (body text) is not a heading, whatever its base.
            let own = if by_name.is_none() && by_outline.is_some_and(|l| l >= MAX_LEVEL) { Some(0) } else { own };
            Some(S { id, own, based: s.child("basedOn").and_then(|b| b.attr("val")).map(str::to_string) })
        })
        .collect();
    list.iter()
        .map(|s| {
            let mut cur = s;
            let mut level = None;
            for _ in 0..8 {
                if let Some(l) = cur.own {
                    level = Some(l);
                    break;
                }
                match cur.based.as_deref().and_then(|b| list.iter().find(|x| x.id == b)) {
                    Some(next) => cur = next,
                    None => break,
                }
            }
            (s.id.clone(), level.filter(|&l| l > 0))
        })
        .collect()
}

/// A paragraph's heading level by style: its own `w:outlineLvl`, else its style's, else the
/// style id read as a name (when styles.xml is missing).
fn style_level(p: &Element, styles: &[(String, Option<u8>)]) -> Option<u8> {
    let ppr = p.child("pPr")?;
    if let Some(l) = ppr.child("outlineLvl").and_then(|o| o.attr("val")).and_then(|v| v.parse::<u8>().ok()) {
        return (l < MAX_LEVEL).then(|| l + 1);
    }
    let id = ppr.child("pStyle")?.attr("val")?;
    match styles.iter().find(|(s, _)| s == id) {
        Some((_, l)) => *l,
        None => level_of_name(id),
    }
}

const CN_NUMERALS: &str = "一二三四五六七八九十百零〇";

/// A heading's level from its numbering: 一、 → 1, （一） → 2, 1. / 1、 / 1．→ 3, （1） → 4.
pub fn numbering_level(text: &str) -> Option<u8> {
    let t = text.trim_start();
    let cn = |s: &str| !s.is_empty() && s.chars().count() <= 3 && s.chars().all(|c| CN_NUMERALS.contains(c));
    let ar = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    // （一） / (一) / （1）
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            let inner: String = rest.chars().take_while(|&c| c != close).collect();
            if rest[inner.len()..].starts_with(close) {
                if cn(&inner) {
                    return Some(2);
                }
                if ar(&inner) {
                    return Some(4);
                }
            }
            return None;
        }
    }
    let lead: String = t.chars().take_while(|c| CN_NUMERALS.contains(*c) || c.is_ascii_digit()).collect();
    let rest = &t[lead.len()..];
    if cn(&lead) && rest.starts_with('、') {
        return Some(1);
    }
    if ar(&lead) {
        let mut r = rest.chars();
        let (mark, next) = (r.next(), r.next());
        // "1." followed by a digit is a number (1.5万元), not a heading.
        if matches!(mark, Some('.' | '．' | '、')) && next.is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace() || c == ' ') {
            return Some(3);
        }
    }
    None
}

/// A heading's title as cited: up to its first 。/：/:, at most 40 characters.
fn title_of(text: &str) -> String {
    let t = text.trim();
    let end = t.find(['。', '：', ':', '；']).unwrap_or(t.len());
    let head = t[..end].trim();
    if head.chars().count() > 40 {
        format!("{}…", head.chars().take(40).collect::<String>())
    } else {
        head.to_string()
    }
}

/// Collects a paragraph's (or cell paragraph's) text; notes text boxes.
struct TextWalk {
    out: String,
    textboxes: usize,
}

impl TextWalk {
    fn new() -> Self {
        TextWalk { out: String::new(), textboxes: 0 }
    }

    fn walk(&mut self, e: &Element) {
        for n in &e.children {
            let Node::Element(c) = n else { continue };
            match c.name.as_str() {
                "t" => self.out.push_str(&c.text()),
                "tab" | "br" | "cr" => self.out.push(' '),
                "noBreakHyphen" => self.out.push('-'),
                // Deleted text, field codes, properties: not text of the document.
                "delText" | "instrText" | "delInstrText" | "pPr" | "rPr" | "del" | "moveFrom" => {}
                // A text box: not part of the paragraph's sentences; said in `not_read`.
                "txbxContent" => self.textboxes += 1,
                // Markup compatibility: Choice and Fallback hold the same content; read one.
                "AlternateContent" => {
                    if let Some(first) = c.elements().find(|x| x.name == "Choice" || x.name == "Fallback") {
                        self.walk(first);
                    }
                }
                _ => self.walk(c),
            }
        }
    }
}

fn clean(s: &str) -> String {
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// True when a cell holds a number (as [`crate::crosscheck::table`] reads one).
fn numeric(s: &str) -> bool {
    crate::crosscheck::table::is_number(s.trim())
}

struct Reader<'a> {
    styles: &'a [(String, Option<u8>)],
    out: DocxReport,
    /// Paragraphs with their style level and numbering level, before headings are settled.
    raw: Vec<(String, Option<String>, Option<u8>)>,
    textboxes: Vec<usize>,
    clipped: Vec<(usize, usize)>,
}

impl Reader<'_> {
    /// Body-level blocks: paragraphs and tables, looking through content controls and other
    /// wrappers (`w:sdt`, `w:customXml`, tracked insertions).
    fn blocks(&mut self, e: &Element) {
        for c in e.elements() {
            match c.name.as_str() {
                "p" => self.paragraph(c),
                "tbl" => self.table(c),
                "sectPr" | "sdtPr" | "sdtEndPr" | "del" | "moveFrom" => {}
                _ => self.blocks(c),
            }
        }
    }

    fn paragraph(&mut self, p: &Element) {
        let mut w = TextWalk::new();
        w.walk(p);
        let text = clean(&w.out);
        if w.textboxes > 0 {
            self.textboxes.push(self.raw.len() + 1);
        }
        if text.is_empty() {
            return;
        }
        let style = p.child("pPr").and_then(|x| x.child("pStyle")).and_then(|s| s.attr("val")).map(str::to_string);
        let level = style_level(p, self.styles);
        self.raw.push((text, style, level));
        self.out.blocks.push(Block::Paragraph(self.raw.len() - 1));
    }

    fn cell_text(&mut self, tc: &Element) -> String {
        let mut textboxes = 0;
        let mut parts = Vec::new();
        let mut ps = Vec::new();
        tc.descendants("p", &mut ps);
        // Paragraphs of nested tables are descendants too; take each paragraph once, in order.
        for p in ps {
            let mut one = TextWalk::new();
            one.walk(p);
            textboxes += one.textboxes;
            let t = clean(&one.out);
            if !t.is_empty() {
                parts.push(t);
            }
        }
        if textboxes > 0 {
            self.textboxes.push(self.raw.len().max(1));
        }
        parts.join(" ")
    }

    fn table(&mut self, tbl: &Element) {
        let n = self.out.tables.len() + 1;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        // The text of the vertically merged cell open in each grid column.
        let mut open: Vec<Option<String>> = Vec::new();
        let mut trs = Vec::new();
        collect(tbl, "tr", &["tbl"], &mut trs);
        for (r, tr) in trs.iter().enumerate() {
            let mut col = 1 + tr
                .child("trPr")
                .and_then(|p| p.child("gridBefore"))
                .and_then(|g| g.attr("val"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
                .min(MAX_SPAN);
            let mut cells = Vec::new();
            let mut tcs = Vec::new();
            collect(tr, "tc", &["tbl", "trPr"], &mut tcs);
            for tc in tcs {
                let pr = tc.child("tcPr");
                let span = pr
                    .and_then(|p| p.child("gridSpan"))
                    .and_then(|g| g.attr("val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_SPAN);
                let vmerge = pr.and_then(|p| p.child("vMerge")).map(|v| v.attr("val").unwrap_or("continue").to_string());
                let own = self.cell_text(tc);
                if col > MAX_COLUMNS {
                    if !own.is_empty() {
                        self.clipped.push((n, r + 1));
                    }
                    continue;
                }
                if open.len() < col + span {
                    open.resize(col + span, None);
                }
                let merged = vmerge.as_deref().is_some_and(|v| v != "restart");
                let text = if merged { open[col].clone().filter(|t| !numeric(t)).unwrap_or_default() } else { own };
                open[col] = match vmerge.as_deref() {
                    Some("restart") => Some(text.clone()),
                    Some(_) => open[col].take(),
                    None => None,
                };
                cells.push(Cell { row: r + 1, col, text, span, merged, row_header: String::new(), col_header: String::new() });
                col += span;
            }
            rows.push(cells);
        }
        let header_rows = rows.iter().take_while(|row| !row.iter().any(|c| numeric(&c.text))).count();
        let header_rows = if header_rows == rows.len() { 0 } else { header_rows };
        // Column headers: the header rows' texts over each grid column (a spanning header
        // covers every column it spans; a merged continuation adds nothing).
        let columns = rows.iter().flat_map(|r| r.iter().map(|c| c.col + c.span - 1)).max().unwrap_or(0);
        let col_headers: Vec<String> = (1..=columns)
            .map(|g| {
                let mut parts: Vec<&str> = Vec::new();
                for row in &rows[..header_rows] {
                    if let Some(c) = row.iter().find(|c| g >= c.col && g < c.col + c.span) {
                        if !c.merged && !c.text.is_empty() && parts.last() != Some(&c.text.as_str()) {
                            parts.push(&c.text);
                        }
                    }
                }
                parts.join(" · ")
            })
            .collect();
        for (r, row) in rows.iter_mut().enumerate() {
            let name: Vec<String> = row
                .iter()
                .take_while(|c| !numeric(&c.text))
                .filter(|c| !c.text.is_empty() && !crate::text::words::is_placeholder(&c.text))
                .map(|c| c.text.clone())
                .collect();
            let name = if r < header_rows { String::new() } else { name.join(" · ") };
            for c in row.iter_mut() {
                c.col_header = col_headers.get(c.col - 1).cloned().unwrap_or_default();
                c.row_header = name.clone();
            }
        }
        self.out.tables.push(Table { n, rows, header_rows, headings: vec![] });
        self.out.blocks.push(Block::Table(n - 1));
    }

    /// Settles headings (by style, or by numbering when no paragraph has a heading style) and
    /// the outline each paragraph and table is under.
    fn finish(mut self) -> DocxReport {
        let by_style = self.raw.iter().any(|(_, _, l)| l.is_some());
        self.out.headings_by_numbering = !by_style;
        let mut stack: Vec<(u8, String)> = Vec::new();
        let mut paragraphs = Vec::with_capacity(self.raw.len());
        for b in self.out.blocks.clone() {
            match b {
                Block::Paragraph(i) => {
                    let (text, style, level) = &self.raw[i];
                    let level = if by_style {
                        *level
                    } else {
                        numbering_level(text).filter(|_| {
                            // A numbered paragraph is a heading when its title is short.
                            let t = title_of(text);
                            !t.ends_with('…') && t.chars().count() <= 30
                        })
                    };
                    if let Some(l) = level {
                        while stack.last().is_some_and(|(k, _)| *k >= l) {
                            stack.pop();
                        }
                        stack.push((l, title_of(text)));
                    }
                    paragraphs.push(Paragraph {
                        n: i + 1,
                        text: text.clone(),
                        style: style.clone(),
                        heading: level,
                        headings: stack.iter().map(|(_, t)| t.clone()).collect(),
                    });
                }
                Block::Table(t) => self.out.tables[t].headings = stack.iter().map(|(_, t)| t.clone()).collect(),
            }
        }
        self.out.paragraphs = paragraphs;
        for p in self.textboxes {
            self.out.not_read.push(Text::new(
                format!("第 {p} 段附近的文本框中的文字未核对"),
                format!("the text in a text box near paragraph {p} is not checked"),
            ));
        }
        for (t, r) in self.clipped {
            self.out.not_read.push(Text::new(
                format!("表 {t} 第 {r} 行第 {MAX_COLUMNS} 列以后的单元格未核对"),
                format!("table {t}, row {r}: the cells after column {MAX_COLUMNS} are not checked"),
            ));
        }
        self.out
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_levels() {
        assert_eq!(numbering_level("一、基本情况"), Some(1));
        assert_eq!(numbering_level("十二、其他"), Some(1));
        assert_eq!(numbering_level("（三）部门整体收支情况"), Some(2));
        assert_eq!(numbering_level("(二)绩效"), Some(2));
        assert_eq!(numbering_level("1.预算执行"), Some(3));
        assert_eq!(numbering_level("2、产出"), Some(3));
        assert_eq!(numbering_level("3．效益"), Some(3));
        assert_eq!(numbering_level("（1）数量指标"), Some(4));
        for not in ["1.5万元", "2021年", "一是压实责任", "（注）", "正文", "", "（", "1."] {
            assert_eq!(numbering_level(not), None, "{not}");
        }
    }

    #[test]
    fn style_names() {
        assert_eq!(level_of_name("heading 1"), Some(1));
        assert_eq!(level_of_name("Heading2"), Some(2));
        assert_eq!(level_of_name("标题 3"), Some(3));
        assert_eq!(level_of_name("1"), Some(1));
        assert_eq!(level_of_name("Title"), None);
        assert_eq!(level_of_name("10"), None);
    }
}
