//! Minimal SpreadsheetML: write a workbook of simple sheets, read any workbook's cells.
//!
//! Policy: writing produces inline strings (no shared-string table), a fixed style sheet
//! (title, header, computed-column shading, thin borders, `0.00` and `0.00%` formats), column
//! widths, a merged title row and a frozen header. Reading accepts what Excel, WPS, LibreOffice
//! and openpyxl write: shared or inline strings, numbers, booleans, formulas' cached values,
//! prefixed or unprefixed element names, sheets found through the workbook relationships. A
//! number keeps its text when it has at most 15 significant digits (Excel's precision);
//! otherwise (binary noise such as 98.670000000000002) it is rounded to 15 significant digits.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use std::str::FromStr;

use crate::office::ooxml::xml::{self, escape, Element};
use crate::office::ooxml::zip::{ZipError, ZipReader, ZipWriter};
use crate::text::fixed::fixed;
use crate::text::lang::Text;

/// Cell styles of the fixed style sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain (no border): notes.
    Plain = 0,
    /// The sheet title: bold 14 pt, centred.
    Title = 1,
    /// A column header: bold, grey, bordered, wrapped.
    Header = 2,
    /// A computed column's header: bold, blue-grey.
    HeaderComputed = 3,
    /// Text in a bordered, wrapped cell.
    Text = 4,
    /// A number as entered (General).
    Number = 5,
    /// A score or weight: `0.00`.
    Fixed2 = 6,
    /// A computed percentage: `0.00%`, shaded.
    ComputedPercent = 7,
    /// A computed score: `0.00`, shaded.
    ComputedFixed2 = 8,
    /// Computed text, shaded.
    ComputedText = 9,
}

/// A cell to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing (a bordered blank when styled).
    Empty(Style),
    /// Text.
    Text(String, Style),
    /// A number, given as its decimal text (written verbatim into `<v>`).
    Number(String, Style),
}

/// A sheet to write.
#[derive(Clone, Debug, Default)]
pub struct SheetOut {
    /// Tab name (≤ 31 characters, no `[]:*?/\`).
    pub name: String,
    /// Column widths in characters.
    pub widths: Vec<f32>,
    /// Rows from row 1.
    pub rows: Vec<Vec<Cell>>,
    /// Row (1-based) below which the panes are frozen; 0 for none.
    pub freeze_below: u32,
    /// Merged ranges such as `A1:S1`.
    pub merges: Vec<String>,
}

/// Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn col_name(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// (0-based column, 1-based row) of a reference such as `AB12`.
pub fn parse_ref(r: &str) -> Option<(usize, u32)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &r[letters.len()..];
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col = 0usize;
    for c in letters.chars() {
        col = col * 26 + (c.to_ascii_uppercase() as u8 - b'A' + 1) as usize;
    }
    Some((col - 1, digits.parse().ok()?))
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/><family val="3"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/><family val="3"/></font><font><b/><sz val="14"/><name val="宋体"/><charset val="134"/><family val="3"/></font></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="10" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="2" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// Display width of text in character cells (CJK and full-width forms count two).
fn text_width(t: &str) -> f32 {
    t.chars().map(|c| if (c as u32) >= 0x2E80 { 2.0 } else { 1.0 }).sum()
}

/// A height for rows whose wrapped text needs more than one line (Excel and LibreOffice do not
/// grow rows of a written file by themselves): 15 pt per line, at most 8 lines.
fn row_height(s: &SheetOut, row: &[Cell]) -> String {
    if row.iter().any(|c| matches!(c, Cell::Text(_, Style::Title))) {
        return r#" ht="24" customHeight="1""#.to_string();
    }
    let mut lines = 1f32;
    for (c, cell) in row.iter().enumerate() {
        if let Cell::Text(t, _) = cell {
            let w = s.widths.get(c).copied().unwrap_or(8.43).max(4.0);
            let need: f32 = t.split('\n').map(|l| (text_width(l) / (w - 1.0)).ceil().max(1.0)).sum();
            lines = lines.max(need);
        }
    }
    if lines <= 1.0 {
        String::new()
    } else {
        format!(r#" ht="{}" customHeight="1""#, fixed(f64::from(15.0 * lines.min(8.0)), 2))
    }
}

fn sheet_xml(s: &SheetOut) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#,
    );
    if s.freeze_below > 0 {
        x.push_str(&format!(
            r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="{f}" topLeftCell="A{t}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
            f = s.freeze_below,
            t = s.freeze_below + 1
        ));
    }
    x.push_str(r#"<sheetFormatPr defaultRowHeight="15"/>"#);
    if !s.widths.is_empty() {
        x.push_str("<cols>");
        for (i, w) in s.widths.iter().enumerate() {
            x.push_str(&format!(r#"<col min="{c}" max="{c}" width="{}" customWidth="1"/>"#, fixed(f64::from(*w), 2), c = i + 1));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, row) in s.rows.iter().enumerate() {
        let rn = r + 1;
        x.push_str(&format!(r#"<row r="{rn}"{}>"#, row_height(s, row)));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{rn}", col_name(c));
            match cell {
                Cell::Empty(st) => x.push_str(&format!(r#"<c r="{at}" s="{}"/>"#, *st as u8)),
                Cell::Text(t, st) => x.push_str(&format!(
                    r#"<c r="{at}" s="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    *st as u8,
                    escape(t)
                )),
                Cell::Number(v, st) => x.push_str(&format!(r#"<c r="{at}" s="{}"><v>{}</v></c>"#, *st as u8, escape(v))),
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData>");
    if !s.merges.is_empty() {
        x.push_str(&format!(r#"<mergeCells count="{}">"#, s.merges.len()));
        for m in &s.merges {
            x.push_str(&format!(r#"<mergeCell ref="{m}"/>"#));
        }
        x.push_str("</mergeCells>");
    }
    x.push_str(r#"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#);
    x
}

/// Writes a workbook (a stored ZIP, deterministic).
pub fn write_workbook(sheets: &[SheetOut]) -> Vec<u8> {
    let mut z = ZipWriter::new();
    let mut ct = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    for i in 1..=sheets.len() {
        ct.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
    }
    ct.push_str("</Types>");
    z.add("[Content_Types].xml", ct.as_bytes());
    z.add("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
    let mut wb = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        wb.push_str(&format!(r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#, escape(&s.name)));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    wb.push_str("</sheets></workbook>");
    rels.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#, sheets.len() + 1));
    z.add("xl/workbook.xml", wb.as_bytes());
    z.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    z.add("xl/styles.xml", STYLES.as_bytes());
    for (i, s) in sheets.iter().enumerate() {
        z.add(&format!("xl/worksheets/sheet{}.xml", i + 1), sheet_xml(s).as_bytes());
    }
    z.finish()
}

/// A sheet as read: its name and its non-empty cells' text by (1-based row, 0-based column).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetIn {
    /// Tab name.
    pub name: String,
    /// Cell text by (row, column).
    pub cells: BTreeMap<(u32, usize), String>,
}

impl SheetIn {
    /// The text of a cell ("" when empty).
    pub fn get(&self, row: u32, col: usize) -> &str {
        self.cells.get(&(row, col)).map(String::as_str).unwrap_or("")
    }

    /// The last row that has a cell.
    pub fn last_row(&self) -> u32 {
        self.cells.keys().map(|(r, _)| *r).max().unwrap_or(0)
    }
}

/// Why a workbook could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// The ZIP container.
    Zip(ZipError),
    /// A part is missing or is not well-formed XML.
    Part(String),
}

impl ReadError {
    /// The reason in both languages.
    pub fn message(&self) -> Text {
        match self {
            ReadError::Zip(z) => z.message(),
            ReadError::Part(p) => Text::new(
                format!("工作簿结构有误（{p}），请在 Excel/WPS 中另存为 .xlsx 后重试"),
                format!("the workbook is malformed ({p}); save it again as .xlsx and retry"),
            ),
        }
    }
}

fn part(z: &ZipReader, name: &str) -> Result<Option<Element>, ReadError> {
    match z.text(name).map_err(ReadError::Zip)? {
        None => Ok(None),
        Some(t) => xml::parse(&t).map(Some).map_err(|e| ReadError::Part(format!("{name}: {} @{}", e.what, e.at))),
    }
}

/// A number cell's text: kept as written up to 15 significant digits, else rounded to 15.
pub fn number_text(v: &str) -> String {
    let v = v.trim();
    let d = Decimal::from_str(v).or_else(|_| Decimal::from_scientific(v));
    let Ok(d) = d else { return v.to_string() };
    let digits = v.chars().filter(char::is_ascii_digit).collect::<String>();
    let significant = digits.trim_start_matches('0').len();
    if significant <= 15 && !v.contains(['e', 'E']) {
        return v.to_string();
    }
    let int_digits = d.trunc().abs().to_string().trim_start_matches('0').len() as i64;
    let dp = (15 - int_digits).clamp(0, 28) as u32;
    d.round_dp(dp).normalize().to_string()
}

/// Reads every sheet of an .xlsx workbook.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<SheetIn>, ReadError> {
    let z = ZipReader::new(bytes).map_err(ReadError::Zip)?;
    let wb_path = "xl/workbook.xml";
    let wb = part(&z, wb_path)?.ok_or_else(|| ReadError::Part("xl/workbook.xml missing".into()))?;
    let rels = part(&z, "xl/_rels/workbook.xml.rels")?;
    let mut targets: BTreeMap<String, (String, String)> = BTreeMap::new();
    if let Some(r) = &rels {
        for rel in r.elements() {
            if let (Some(id), Some(t)) = (rel.attr("Id"), rel.attr("Target")) {
                targets.insert(
                    id.to_string(),
                    (rel.attr("Type").unwrap_or("").to_string(), crate::office::ooxml::zip::resolve_part(wb_path, t)),
                );
            }
        }
    }
    let ss_path = targets
        .values()
        .find(|(ty, _)| ty.ends_with("/sharedStrings"))
        .map(|(_, p)| p.clone())
        .unwrap_or_else(|| "xl/sharedStrings.xml".into());
    let mut shared: Vec<String> = Vec::new();
    if let Some(sst) = part(&z, &ss_path)? {
        for si in sst.elements().filter(|e| e.name == "si") {
            shared.push(rich_text(si));
        }
    }
    let mut out = Vec::new();
    let sheets = wb.child("sheets").map(|s| s.elements().filter(|e| e.name == "sheet").cloned().collect::<Vec<_>>()).unwrap_or_default();
    for (k, s) in sheets.iter().enumerate() {
        let name = s.attr("name").unwrap_or("").to_string();
        let path = s
            .attr("id")
            .and_then(|id| targets.get(id))
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", k + 1));
        let Some(ws) = part(&z, &path)? else { continue };
        let mut sheet = SheetIn { name, cells: BTreeMap::new() };
        let Some(data) = ws.child("sheetData") else {
            out.push(sheet);
            continue;
        };
        let mut next_row = 1u32;
        for row in data.elements().filter(|e| e.name == "row") {
            let rn = row.attr("r").and_then(|r| r.parse().ok()).unwrap_or(next_row);
            next_row = rn.saturating_add(1);
            let mut next_col = 0usize;
            for c in row.elements().filter(|e| e.name == "c") {
                let col = c.attr("r").and_then(parse_ref).map(|(c, _)| c).unwrap_or(next_col);
                next_col = col + 1;
                let v = c.child("v").map(|v| v.text());
                let text = match c.attr("t").unwrap_or("n") {
                    "s" => v.and_then(|i| i.trim().parse::<usize>().ok()).and_then(|i| shared.get(i).cloned()).unwrap_or_default(),
                    "inlineStr" => c.child("is").map(rich_text).unwrap_or_default(),
                    "str" | "e" => v.unwrap_or_default(),
                    "b" => {
                        if v.as_deref().map(str::trim) == Some("1") {
                            "TRUE".into()
                        } else {
                            "FALSE".into()
                        }
                    }
                    _ => v.map(|v| number_text(&v)).unwrap_or_default(),
                };
                if !text.is_empty() {
                    sheet.cells.insert((rn, col), text);
                }
            }
        }
        out.push(sheet);
    }
    Ok(out)
}

/// The text of a shared or inline string: its `<t>` runs, phonetic runs (`<rPh>`) left out.
fn rich_text(si: &Element) -> String {
    let mut s = String::new();
    for e in si.elements() {
        match e.name.as_str() {
            "t" => s.push_str(&e.text()),
            "r" => {
                if let Some(t) = e.child("t") {
                    s.push_str(&t.text());
                }
            }
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_and_refs() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(702), "AAA");
        assert_eq!(parse_ref("AB12"), Some((27, 12)));
        assert_eq!(parse_ref("12"), None);
    }

    #[test]
    fn excel_number_noise_is_rounded_to_15_digits() {
        assert_eq!(number_text("98.67"), "98.67");
        assert_eq!(number_text("50.00"), "50.00");
        assert_eq!(number_text("98.670000000000002"), "98.67");
        assert_eq!(number_text("3.3000000000000003"), "3.3");
        assert_eq!(number_text("1E-3"), "0.001");
        assert_eq!(number_text("35408.62"), "35408.62");
    }

    #[test]
    fn write_then_read() {
        let s = SheetOut {
            name: "表<1>".into(),
            widths: vec![10.0, 20.0],
            rows: vec![
                vec![Cell::Text("标题 & x".into(), Style::Title)],
                vec![Cell::Number("85.79".into(), Style::Number), Cell::Empty(Style::Text), Cell::Text("甲".into(), Style::Text)],
            ],
            freeze_below: 1,
            merges: vec!["A1:C1".into()],
        };
        let bytes = write_workbook(&[s]);
        let r = read_workbook(&bytes).unwrap();
        assert_eq!(r[0].name, "表<1>");
        assert_eq!(r[0].get(1, 0), "标题 & x");
        assert_eq!(r[0].get(2, 0), "85.79");
        assert_eq!(r[0].get(2, 1), "");
        assert_eq!(r[0].get(2, 2), "甲");
        assert!(read_workbook(b"not a zip").is_err());
    }

    #[test]
    fn paths_resolve_like_office() {
        assert_eq!(crate::office::ooxml::zip::resolve_part("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(crate::office::ooxml::zip::resolve_part("xl/workbook.xml", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(crate::office::ooxml::zip::resolve_part("xl/workbook.xml", "../x.xml"), "x.xml");
    }
}
