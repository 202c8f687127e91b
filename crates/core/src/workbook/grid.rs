//! A filled workbook's cells as the officer saw them: shared and inline strings, numbers shown
//! through their number format (a percent format shows 0.9568 as "95.68%", `0.00` shows 50 as
//! "50.00", a date format shows 44334 as "2021-05-18"), formulas by their cached value, merged
//! ranges (a merged cell's value applies to every row it spans), hidden sheets marked.
//!
//! Policy: nothing is rounded. A number format only adds what the officer saw and the stored
//! value does not say (the percent sign and its ×100, trailing zeros up to the format's
//! decimals); a stored value with more decimals than its format shows keeps all of them
//! (0.95678 with `0.00%` is "95.678%"). A formula without a cached value (a file written by a
//! program that does not calculate) is listed, never read as blank silently. Reading is bounded:
//! rows beyond Excel's 1,048,576, columns beyond XFD and merges beyond the used range are cut,
//! and malformed parts are refused with the part's name, never a panic.

use std::collections::BTreeMap;

use crate::office::ooxml::xml::{self, Element};
use crate::office::ooxml::zip::ZipReader;
use crate::office::xlsx::sheet::parse_ref;

pub use super::number_format::{show, shown_by, Shown};
use crate::text::lang::Text;

/// Excel's last row and column (0-based XFD).
pub const MAX_ROW: u32 = 1_048_576;
/// The last column index (XFD).
pub const MAX_COL: usize = 16_383;

/// One cell as read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cell {
    /// The text shown (see the module policy); "" for a formula without a cached value.
    pub text: String,
    /// The formula, when the cell has one (without the leading `=`).
    pub formula: Option<String>,
}

/// A merged range, 1-based rows and 0-based columns, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// First row.
    pub top: u32,
    /// First column.
    pub left: usize,
    /// Last row.
    pub bottom: u32,
    /// Last column.
    pub right: usize,
}

/// A sheet as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// Tab name.
    pub name: String,
    /// Hidden (or very hidden) in the workbook.
    pub hidden: bool,
    /// Cells that have a value or a formula, by (1-based row, 0-based column).
    pub cells: BTreeMap<(u32, usize), Cell>,
    /// Merged ranges.
    pub merges: Vec<Merge>,
    /// Cells beyond Excel's last row or column (only a damaged or hand-made file has them): not
    /// read, counted so that they are reported.
    pub beyond: usize,
    /// True when merged ranges cover more cells than are filled in ([`MAX_COVERED`]).
    pub merges_cut: bool,
    /// The anchor (top-left cell) of each merged cell below or beside it, for the covered cells
    /// within the used range.
    covered: BTreeMap<(u32, usize), (u32, usize)>,
}

impl Sheet {
    /// The cell's own text ("" when empty or covered by a merge).
    pub fn own(&self, row: u32, col: usize) -> &str {
        self.cells.get(&(row, col)).map(|c| c.text.as_str()).unwrap_or("")
    }

    /// The text shown at a cell: its own, or, when a merge covers it, its merge's value when the
    /// cell is in the merge's first column (a merged cell's value applies to every row it spans,
    /// not to every column: a text merged across two columns is read once).
    pub fn value(&self, row: u32, col: usize) -> &str {
        match self.covered.get(&(row, col)) {
            Some(&(r, c)) if c == col => self.own(r, c),
            Some(_) => "",
            None => self.own(row, col),
        }
    }

    /// The anchor of the merge covering a cell, if any.
    pub fn anchor(&self, row: u32, col: usize) -> Option<(u32, usize)> {
        self.covered.get(&(row, col)).copied()
    }

    /// The values shown in a row, by column: its own cells and the merged cells whose value
    /// applies to it (see [`Sheet::value`]); empty texts left out. Bounded by the cells there are,
    /// never by the sheet's width.
    pub fn row(&self, row: u32) -> Vec<(usize, &str)> {
        let mut out: Vec<(usize, &str)> = self
            .cells
            .range((row, 0)..=(row, usize::MAX))
            .filter(|(_, c)| !c.text.is_empty())
            .map(|(&(_, c), cell)| (c, cell.text.as_str()))
            .collect();
        for (&(_, c), &(ar, ac)) in self.covered.range((row, 0)..=(row, usize::MAX)) {
            if ac == c && !self.own(ar, ac).is_empty() {
                out.push((c, self.own(ar, ac)));
            }
        }
        out.sort_by_key(|x| x.0);
        out
    }

    /// The rows that show a value (own or merged), ascending.
    pub fn rows(&self) -> Vec<u32> {
        let mut r: Vec<u32> = self.cells.keys().map(|k| k.0).chain(self.covered.keys().map(|k| k.0)).collect();
        r.sort_unstable();
        r.dedup();
        r
    }

    /// True when a merge anchored at (row, col) spans rows below it.
    pub fn spans_down(&self, row: u32, col: usize) -> bool {
        self.merges.iter().any(|m| m.top == row && m.left == col && m.bottom > row)
    }

    /// The last row with a cell.
    pub fn last_row(&self) -> u32 {
        self.cells.keys().map(|(r, _)| *r).max().unwrap_or(0)
    }

    /// The last column with a cell.
    pub fn last_col(&self) -> usize {
        self.cells.keys().map(|(_, c)| *c).max().unwrap_or(0)
    }
}

/// A workbook as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    /// The sheets in tab order.
    pub sheets: Vec<Sheet>,
}

/// `Sheet1!C12`.
pub fn address(sheet: &str, row: u32, col: usize) -> String {
    format!("{}!{}{row}", quote_sheet(sheet), crate::office::xlsx::sheet::col_name(col))
}

/// A sheet name as Excel writes it in a reference: quoted when it has spaces or punctuation.
pub fn quote_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_' || (c as u32) >= 0x2E80) {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

fn malformed(what: impl Into<String>) -> Text {
    let what = what.into();
    Text::new(
        format!("工作簿结构有误（{what}），请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试"),
        format!("the workbook is malformed ({what}); open it in Excel or WPS, save it as .xlsx and try again"),
    )
}

fn part(z: &ZipReader, name: &str) -> Result<Option<Element>, Text> {
    match z.text(name).map_err(|e| e.message())? {
        None => Ok(None),
        Some(t) => xml::parse(&t).map(Some).map_err(|e| malformed(format!("{name}: {} @{}", e.what, e.at))),
    }
}

/// The text of a shared or inline string: its `<t>` runs, phonetic runs left out.
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

/// The most merged cells filled in per sheet (a merge over a whole sheet cannot exhaust memory).
pub const MAX_COVERED: usize = 200_000;

/// Reads every sheet of an .xlsx workbook.
pub fn read(bytes: &[u8]) -> Result<Book, Text> {
    let z = ZipReader::new(bytes).map_err(|e| e.message())?;
    let wb_path = "xl/workbook.xml";
    let wb = part(&z, wb_path)?.ok_or_else(|| malformed("xl/workbook.xml missing"))?;
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
    let find = |suffix: &str, default: &str| {
        targets.values().find(|(ty, _)| ty.ends_with(suffix)).map(|(_, p)| p.clone()).unwrap_or_else(|| default.to_string())
    };
    let mut shared: Vec<String> = Vec::new();
    if let Some(sst) = part(&z, &find("/sharedStrings", "xl/sharedStrings.xml"))? {
        for si in sst.elements().filter(|e| e.name == "si") {
            shared.push(rich_text(si));
        }
    }
    // Styles: cellXfs index → how its number format shows a number.
    let mut xf_shown: Vec<Shown> = Vec::new();
    if let Some(st) = part(&z, &find("/styles", "xl/styles.xml"))? {
        let mut codes: BTreeMap<u32, String> = BTreeMap::new();
        if let Some(nf) = st.child("numFmts") {
            for f in nf.elements().filter(|e| e.name == "numFmt") {
                if let (Some(id), Some(code)) = (f.attr("numFmtId").and_then(|i| i.parse().ok()), f.attr("formatCode")) {
                    codes.insert(id, code.to_string());
                }
            }
        }
        if let Some(xfs) = st.child("cellXfs") {
            for xf in xfs.elements().filter(|e| e.name == "xf") {
                let id: u32 = xf.attr("numFmtId").and_then(|i| i.parse().ok()).unwrap_or(0);
                xf_shown.push(shown_by(id, codes.get(&id).map(String::as_str)));
            }
        }
    }
    let date1904 = wb.child("workbookPr").and_then(|p| p.attr("date1904")).is_some_and(|v| v == "1" || v == "true");
    let mut book = Book::default();
    let sheets = wb.child("sheets").map(|s| s.elements().filter(|e| e.name == "sheet").cloned().collect::<Vec<_>>()).unwrap_or_default();
    for (k, s) in sheets.iter().enumerate() {
        let name = s.attr("name").unwrap_or("").to_string();
        let hidden = matches!(s.attr("state"), Some("hidden" | "veryHidden"));
        let path = s
            .attr("id")
            .and_then(|id| targets.get(id))
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", k + 1));
        let Some(ws) = part(&z, &path)? else { continue };
        let mut sheet = Sheet { name, hidden, ..Default::default() };
        if let Some(data) = ws.child("sheetData") {
            let mut next_row = 1u32;
            for row in data.elements().filter(|e| e.name == "row") {
                let rn = row.attr("r").and_then(|r| r.trim().parse::<u32>().ok()).unwrap_or(next_row);
                next_row = rn.saturating_add(1);
                if rn == 0 || rn > MAX_ROW {
                    sheet.beyond += row.elements().filter(|e| e.name == "c").count();
                    continue;
                }
                let mut next_col = 0usize;
                for c in row.elements().filter(|e| e.name == "c") {
                    let col = c.attr("r").and_then(parse_ref).map(|(c, _)| c).unwrap_or(next_col);
                    next_col = col.saturating_add(1);
                    if col > MAX_COL {
                        sheet.beyond += 1;
                        continue;
                    }
                    let v = c.child("v").map(|v| v.text());
                    let formula = c.child("f").map(|f| f.text());
                    let how = c
                        .attr("s")
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .and_then(|i| xf_shown.get(i))
                        .copied()
                        .unwrap_or(Shown::General);
                    let text = match c.attr("t").unwrap_or("n") {
                        "s" => v.and_then(|i| i.trim().parse::<usize>().ok()).and_then(|i| shared.get(i).cloned()).unwrap_or_default(),
                        "inlineStr" => c.child("is").map(rich_text).unwrap_or_default(),
                        "str" | "e" => v.unwrap_or_default(),
                        "b" => match v.as_deref().map(str::trim) {
                            Some("1") => "TRUE".into(),
                            Some(_) => "FALSE".into(),
                            None => String::new(),
                        },
                        _ => match v {
                            Some(v) if !v.trim().is_empty() => {
                                let how = match how {
                                    Shown::Date { .. } if date1904 => Shown::General,
                                    h => h,
                                };
                                show(&v, how, formula.is_some())
                            }
                            _ => String::new(),
                        },
                    };
                    if !text.is_empty() || formula.is_some() {
                        sheet.cells.insert((rn, col), Cell { text, formula });
                    }
                }
            }
        }
        if let Some(mc) = ws.child("mergeCells") {
            for m in mc.elements().filter(|e| e.name == "mergeCell") {
                let Some((a, b)) = m.attr("ref").and_then(|r| r.split_once(':')) else { continue };
                let (Some((c1, r1)), Some((c2, r2))) = (parse_ref(a), parse_ref(b)) else { continue };
                let (top, bottom) = (r1.min(r2).max(1), r1.max(r2).min(MAX_ROW));
                let (left, right) = (c1.min(c2), c1.max(c2).min(MAX_COL));
                if top <= bottom {
                    sheet.merges.push(Merge { top, left, bottom, right });
                }
            }
        }
        // Fill the covered cells within the used range, bounded.
        let (last_row, last_col) = (sheet.last_row(), sheet.last_col());
        let mut budget = MAX_COVERED;
        'm: for m in &sheet.merges {
            for r in m.top..=m.bottom.min(last_row) {
                for c in m.left..=m.right.min(last_col) {
                    if (r, c) == (m.top, m.left) {
                        continue;
                    }
                    if budget == 0 {
                        sheet.merges_cut = true;
                        break 'm;
                    }
                    budget -= 1;
                    sheet.covered.insert((r, c), (m.top, m.left));
                }
            }
        }
        book.sheets.push(sheet);
    }
    Ok(book)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_quote_sheet_names() {
        assert_eq!(address("Sheet1", 12, 2), "Sheet1!C12");
        assert_eq!(address("自评表", 1, 0), "自评表!A1");
        assert_eq!(address("My sheet", 1, 27), "'My sheet'!AB1");
    }
}
