//! A written 自评报告 given as a Word document (.docx): read, then cross-checked with each finding
//! at its paragraph or table cell.
//!
//! Policy:
//! - Read: the main part (`word/document.xml`, or what `_rels/.rels` names) with the package
//!   reader of [`crate::office::ooxml`] (bounded: entries ≤ 16 MiB, XML nesting ≤
//!   512, spans and columns capped), `word/styles.xml` when
//!   present. The body's paragraphs in order (runs joined; tabs and line breaks as spaces; deleted
//!   text and field codes left out; content controls looked through) and its tables (each cell on
//!   the table's grid, `w:gridSpan` and `w:vMerge` followed, with its row's name and its
//!   column's header). Empty paragraphs are skipped; paragraphs are numbered 1, 2, … among the
//!   rest.
//! - Headings: by style — a paragraph's `w:outlineLvl`, or its style's name ("heading 1",
//!   "标题 1") or outline level in styles.xml (through `w:basedOn`), or a style id such as
//!   "Heading1" / "1" when styles.xml is missing. A document with no heading by style has its
//!   headings found by numbering: 一、 (1), （一） (2), 1. / 1、 (3), （1） (4), when the title (up to
//!   the first 。 or ：) is at most 30 characters. `w:numPr` numbering is not rendered.
//! - Not read, and said in [`DocxReport::not_read`]: text boxes, footnotes, endnotes, comments,
//!   cells beyond 256 grid columns. Headers and footers (page furniture) are not read.
//! - Refused, in words: an old .doc, a PDF, a workbook, a text, a damaged package or XML.
//! - Cross-check: the document is written out as the text the officer would paste
//!   ([`flatten`]): one line per paragraph; each table between blank lines, one line per row,
//!   cells separated by tabs (a header spanning columns repeated over them; a row name merged
//!   down repeated on each row; a merged number kept once), which
//!   [`crate::crosscheck::table`] reads cell by cell. [`crate::crosscheck::analyse`]
//!   runs on that text unchanged, so a .docx and its pasted text give the same findings; each
//!   finding is then placed ([`Place`]) by the byte offset of its figure or sentence.

mod check;
mod read;

pub use check::{analyse, check, flatten, DocxCheck, Flat, Located, Place, Span};
pub use read::{numbering_level, read, Block, Cell, DocxReport, Paragraph, Table};
