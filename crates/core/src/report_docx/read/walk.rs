//! Walking `word/document.xml`: each paragraph's text (text boxes noted, deleted text and
//! field codes left out) and each table's cells with their row and column headers.

use super::*;

/// Collects a paragraph's (or cell paragraph's) text; notes text boxes.
pub(super) struct TextWalk {
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

pub(super) fn clean(s: &str) -> String {
    s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect::<String>().trim().to_string()
}

/// True when a cell holds a number (as [`crate::crosscheck::table`] reads one).
pub(super) fn numeric(s: &str) -> bool {
    crate::crosscheck::table::is_number(s.trim())
}

pub(super) struct Reader<'a> {
    pub(super) styles: &'a [(String, Option<u8>)],
    pub(super) out: DocxReport,
    /// Paragraphs with their style level and numbering level, before headings are settled.
    pub(super) raw: Vec<(String, Option<String>, Option<u8>)>,
    pub(super) textboxes: Vec<usize>,
    pub(super) clipped: Vec<(usize, usize)>,
}

impl Reader<'_> {
    /// Body-level blocks: paragraphs and tables, looking through content controls and other
    /// wrappers (`w:sdt`, `w:customXml`, tracked insertions).
    pub(super) fn blocks(&mut self, e: &Element) {
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
    pub(super) fn finish(mut self) -> DocxReport {
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
