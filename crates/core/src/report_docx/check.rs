//! The cross-check of a read .docx, with places. See the module policy in [`super`].

use serde::Serialize;

use super::read::{Block, DocxReport};
use crate::check::evaluate::Evaluation;
use crate::check::finding::Finding;
use crate::crosscheck::scan::{is_sentence_end, normalize, scan};
use crate::crosscheck::{self, CrossCheck};
use crate::document::format::SelfEvaluation;
use crate::text::lang::Text;

/// Where in the document a figure or a finding is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A body paragraph: its 1-based number among the non-empty paragraphs and the headings it
    /// is under (outermost first).
    Paragraph {
        /// 1-based paragraph number.
        n: usize,
        /// The headings it is under.
        headings: Vec<String>,
    },
    /// A table cell: 1-based table, row (header rows included) and grid column, with the row's
    /// name and the column's header.
    Cell {
        /// 1-based table number.
        table: usize,
        /// 1-based row.
        row: usize,
        /// 1-based grid column.
        col: usize,
        /// The row's name.
        row_header: String,
        /// The column's header.
        col_header: String,
        /// The headings the table is under.
        headings: Vec<String>,
    },
    /// The report as a whole.
    Report,
}

impl Place {
    /// Where, in words: "第 12 段（“二、… › （一）…”下）" / "paragraph 12, under “二、… › （一）…”",
    /// "表 1 第 2 行第 3 列（合计 · 执行数）" / "table 1, row 2, column 3 (合计 · 执行数)".
    pub fn describe(&self) -> Text {
        let under = |h: &[String]| {
            if h.is_empty() {
                (String::new(), String::new())
            } else {
                let path = h.join(" › ");
                (format!("，“{path}”下"), format!(", under “{path}”"))
            }
        };
        match self {
            Place::Paragraph { n, headings } => {
                let (uz, ue) = under(headings);
                let uz = uz.strip_prefix('，').map(|u| format!("（{u}）")).unwrap_or_default();
                Text::new(format!("第 {n} 段{uz}"), format!("paragraph {n}{ue}"))
            }
            Place::Cell { table, row, col, row_header, col_header, headings } => {
                let names: Vec<&str> = [row_header.as_str(), col_header.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
                let (nz, ne) = if names.is_empty() {
                    (String::new(), String::new())
                } else {
                    (format!("（{}）", names.join(" · ")), format!(" ({})", names.join(" · ")))
                };
                let (uz, ue) = under(headings);
                Text::new(format!("表 {table} 第 {row} 行第 {col} 列{nz}{uz}"), format!("table {table}, row {row}, column {col}{ne}{ue}"))
            }
            Place::Report => Text::new("全文", "the whole report"),
        }
    }
}

/// A byte range of the flattened text and what of the document it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Start byte in [`Flat::text`].
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The paragraph or cell.
    pub place: Place,
    /// True for a heading paragraph.
    pub heading: bool,
}

/// The document as the text the cross-check reads, with where each part came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flat {
    /// Paragraphs one per line; tables between blank lines, rows one per line, cells by tabs.
    pub text: String,
    /// Each paragraph's and cell's range, in text order.
    pub spans: Vec<Span>,
}

/// Writes the document as the text the cross-check reads (see the module policy).
pub fn flatten(d: &DocxReport) -> Flat {
    let mut text = String::new();
    let mut spans = Vec::new();
    for b in &d.blocks {
        match *b {
            Block::Paragraph(i) => {
                let Some(p) = d.paragraphs.iter().find(|p| p.n == i + 1) else { continue };
                let start = text.len();
                text.push_str(&p.text);
                spans.push(Span {
                    start,
                    end: text.len(),
                    place: Place::Paragraph { n: p.n, headings: p.headings.clone() },
                    heading: p.heading.is_some(),
                });
                text.push('\n');
            }
            Block::Table(t) => {
                let Some(t) = d.tables.get(t) else { continue };
                if !text.is_empty() && !text.ends_with("\n\n") {
                    text.push('\n');
                }
                let columns = t.rows.iter().flat_map(|r| r.iter().map(|c| c.col + c.span - 1)).max().unwrap_or(0);
                for (r, row) in t.rows.iter().enumerate() {
                    let header = r < t.header_rows;
                    for g in 1..=columns {
                        if g > 1 {
                            text.push('\t');
                        }
                        let Some(c) = row.iter().find(|c| g >= c.col && g < c.col + c.span) else { continue };
                        let shown = if header && c.merged || !header && g != c.col { "" } else { c.text.as_str() };
                        if shown.is_empty() {
                            continue;
                        }
                        let start = text.len();
                        text.push_str(shown);
                        spans.push(Span {
                            start,
                            end: text.len(),
                            place: Place::Cell {
                                table: t.n,
                                row: c.row,
                                col: c.col,
                                row_header: c.row_header.clone(),
                                col_header: c.col_header.clone(),
                                headings: t.headings.clone(),
                            },
                            heading: false,
                        });
                    }
                    text.push('\n');
                }
                text.push('\n');
            }
        }
    }
    Flat { text, spans }
}

impl Flat {
    /// The span at byte `at`: the one holding it, else the next one, else the last.
    fn span_at(&self, at: usize) -> Option<&Span> {
        self.spans
            .iter()
            .find(|s| s.start <= at && at < s.end.max(s.start + 1))
            .or_else(|| self.spans.iter().find(|s| s.start >= at))
            .or(self.spans.last())
    }

    /// The place at byte `at`.
    pub fn place_at(&self, at: usize) -> Place {
        self.span_at(at).map(|s| s.place.clone()).unwrap_or(Place::Report)
    }
}

/// A finding with its place in the document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Located {
    /// The cross-check's finding, unchanged (its path is `report.text.<n>` or `.s<k>`).
    pub finding: Finding,
    /// Where it is.
    pub place: Place,
}

/// The cross-check of a .docx.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocxCheck {
    /// What was read.
    #[serde(skip)]
    pub report: DocxReport,
    /// The text checked, with where each part came from.
    pub flat: Flat,
    /// The cross-check of that text: figures (byte ranges in `flat.text`) and findings.
    pub cross: CrossCheck,
    /// Each figure's place, in the order of `cross.figures`.
    pub figure_places: Vec<Place>,
    /// Each finding with its place, in the order of `cross.findings`.
    pub located: Vec<Located>,
    /// What holds text that was not checked ([`DocxReport::not_read`]).
    pub not_read: Vec<Text>,
}

/// Byte offset of each sentence of `text` as the cross-check splits it: its first written
/// character outside a heading paragraph (a heading without 。 runs into the sentence after it),
/// else its first written character.
fn sentence_places(text: &str, doc: &SelfEvaluation, flat: &Flat) -> Vec<Place> {
    let n = normalize(text);
    let mut units: Vec<String> = doc
        .indicators()
        .map(|(_, i)| i.unit.trim().to_string())
        .filter(|u| !u.is_empty() && u != "%" && u != "万元" && u != "元")
        .collect();
    units.sort();
    units.dedup();
    let mut in_number = vec![false; n.chars.len()];
    for t in scan(&n, &units) {
        for x in in_number.iter_mut().take(t.num_end).skip(t.start) {
            *x = true;
        }
    }
    let mut out = Vec::new();
    let mut s0 = 0;
    let close = |a: usize, b: usize, out: &mut Vec<Place>| {
        let written = || (a..b).filter(|&k| n.len[k] > 0);
        let at = written()
            .find(|&k| flat.span_at(n.pos[k]).is_some_and(|s| !s.heading))
            .or_else(|| written().next())
            .map(|k| n.pos[k])
            .or_else(|| n.pos.get(a).copied());
        out.push(at.map(|p| flat.place_at(p)).unwrap_or(Place::Report));
    };
    for (i, c) in n.chars.iter().enumerate() {
        if is_sentence_end(*c) && !in_number[i] {
            close(s0, i + 1, &mut out);
            s0 = i + 1;
        }
    }
    if s0 < n.chars.len() {
        close(s0, n.chars.len(), &mut out);
    }
    out
}

/// Cross-checks a read .docx against the computed figures: [`crosscheck::analyse`] of its
/// [`flatten`]ed text, each figure and finding placed.
pub fn check(report: DocxReport, doc: &SelfEvaluation, ev: &Evaluation) -> DocxCheck {
    let flat = flatten(&report);
    let cross = crosscheck::analyse(&flat.text, doc, ev);
    let figure_places: Vec<Place> = cross.figures.iter().map(|f| flat.place_at(f.start)).collect();
    let mut sentences: Option<Vec<Place>> = None;
    let located = cross
        .findings
        .iter()
        .map(|f| {
            let rest = f.path.strip_prefix("report.text.");
            let place = match rest {
                Some(s) if s.starts_with('s') => {
                    let k: usize = s[1..].parse().unwrap_or(0);
                    let all = sentences.get_or_insert_with(|| sentence_places(&flat.text, doc, &flat));
                    k.checked_sub(1).and_then(|k| all.get(k)).cloned().unwrap_or(Place::Report)
                }
                Some(s) => s.parse::<usize>().ok().and_then(|k| figure_places.get(k.checked_sub(1)?)).cloned().unwrap_or(Place::Report),
                None => Place::Report,
            };
            Located { finding: f.clone(), place }
        })
        .collect();
    let not_read = report.not_read.clone();
    DocxCheck { report, flat, cross, figure_places, located, not_read }
}

/// Reads a .docx ([`super::read`]) and cross-checks it ([`check`]); `Err` says why the bytes
/// are not a .docx that can be read.
pub fn analyse(bytes: &[u8], doc: &SelfEvaluation, ev: &Evaluation) -> Result<DocxCheck, Text> {
    Ok(check(super::read(bytes)?, doc, ev))
}
