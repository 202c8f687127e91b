//! Reading a file the officer hands over: bytes → text → a self-evaluation or a rubric.
//!
//! Policy: a file is refused for what it is, in words a person understands, never for the first
//! byte or token a parser trips on. Bytes that are not UTF-8 are refused with the position of the
//! first bad byte (never replaced by "�"); a leading byte order mark is dropped; an Excel or
//! Word file, an old binary Office file, a UTF-16 text or a PDF handed to the JSON import is
//! named as such and the right import is suggested. The page and the CLI both read files
//! through [`read_json`] (or [`json_text`] and the format's own `from_json`).

use crate::check::rubric::{self, Rubric};
use crate::document::format::{LoadError, SelfEvaluation};
use crate::text::lang::Text;

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// No bytes, or only white space.
    Empty,
    /// A ZIP package holding a workbook (`xl/…`): an .xlsx.
    Xlsx,
    /// A ZIP package holding a Word document (`word/…`): a .docx.
    Docx,
    /// Another ZIP package.
    Zip,
    /// An OLE2 compound file (`D0 CF 11 E0`): an old binary .xls or .doc.
    OldOffice,
    /// A text starting with a UTF-16 byte order mark.
    Utf16,
    /// A PDF.
    Pdf,
    /// A text whose first character (after a BOM and white space) is `{` or `[`.
    Json,
    /// Anything else (a CSV, a text, or bytes of an unknown kind).
    Other,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What `bytes` are, from their first bytes (and, for a ZIP package, the names of its first
/// entries, which are stored uncompressed in the local headers).
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let head = &bytes[..bytes.len().min(1 << 16)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        return if has(b"xl/") {
            Sniffed::Xlsx
        } else if has(b"word/") {
            Sniffed::Docx
        } else {
            Sniffed::Zip
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Sniffed::OldOffice;
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Sniffed::Utf16;
    }
    if bytes.starts_with(b"%PDF") {
        return Sniffed::Pdf;
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        None => Sniffed::Empty,
        Some(b'{' | b'[') => Sniffed::Json,
        Some(_) => Sniffed::Other,
    }
}

fn refused(message: Text) -> LoadError {
    LoadError { line: 0, column: 0, message }
}

/// Why bytes of another kind are not a JSON file of ours (`what`: "自评文件", "a self-evaluation
/// file"); `None` when they may be one.
fn other_kind(bytes: &[u8], what: (&str, &str)) -> Option<Text> {
    let (wz, we) = what;
    Some(match sniff(bytes) {
        Sniffed::Xlsx => Text::new(
            format!("这是 Excel 表格（.xlsx），不是{wz}（.json）：Excel 表请用“导入 Excel”导入"),
            format!("this is an Excel workbook (.xlsx), not {we} (.json): use Import Excel for workbooks"),
        ),
        Sniffed::Docx => Text::new(
            format!("这是 Word 文档（.docx），不是{wz}（.json）：要核对报告文字，请将文字复制到“核对报告文字”"),
            format!("this is a Word document (.docx), not {we} (.json): to check a report's text, paste it into Check report"),
        ),
        Sniffed::Zip => Text::new(format!("这是压缩包（.zip），不是{wz}（.json）"), format!("this is a ZIP archive, not {we} (.json)")),
        Sniffed::OldOffice => old_office(),
        Sniffed::Utf16 => Text::new(
            format!("文件是 UTF-16 编码，{wz}须为 UTF-8 编码：请在编辑器中另存为 UTF-8 后再导入"),
            format!("the file is UTF-16 text; {we} must be UTF-8: save it as UTF-8 in an editor and import it again"),
        ),
        Sniffed::Pdf => Text::new(format!("这是 PDF 文件，不是{wz}（.json）"), format!("this is a PDF, not {we} (.json)")),
        Sniffed::Empty | Sniffed::Json | Sniffed::Other => return None,
    })
}

/// The text of a JSON file's bytes: a leading UTF-8 byte order mark dropped, bytes that are not
/// UTF-8 refused with the (1-based) position of the first bad byte and its line and column, a
/// file of another kind (.xlsx, .docx, .xls, UTF-16, PDF) refused for what it is.
pub fn json_text(bytes: &[u8]) -> Result<&str, LoadError> {
    text_for(bytes, ("自评文件", "a self-evaluation file"))
}

fn text_for<'a>(bytes: &'a [u8], what: (&str, &str)) -> Result<&'a str, LoadError> {
    if let Some(m) = other_kind(bytes, what) {
        return Err(refused(m));
    }
    let (skip, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    std::str::from_utf8(body).map_err(|e| {
        let good = &body[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
        let byte = skip + e.valid_up_to() + 1;
        let bad = body[e.valid_up_to()];
        LoadError {
            line,
            column,
            message: Text::new(
                format!(
                    "第 {byte} 个字节（第 {line} 行第 {column} 列，0x{bad:02X}）不是有效的 UTF-8 编码：文件可能以 GBK/GB18030 等编码保存，或已损坏；请在编辑器中另存为 UTF-8 后再导入"
                ),
                format!(
                    "byte {byte} (line {line}, column {column}, 0x{bad:02X}) is not valid UTF-8: the file may be saved as GBK/GB18030, or damaged; save it as UTF-8 in an editor and import it again"
                ),
            ),
        }
    })
}

/// Which file the officer meant to hand over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A self-evaluation (the page's 导入); a rubric file, recognised by its `format`, is read as
    /// a rubric.
    Document,
    /// A rubric file (the CLI's `--rubric`, a rubric import).
    Rubric,
}

/// A file read by [`read_json`].
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    /// A self-evaluation.
    Document(Box<SelfEvaluation>),
    /// A rubric that can score (see [`Rubric::from_json`]).
    Rubric(Box<Rubric>),
}

/// Reads a JSON file's bytes as a self-evaluation or a rubric, or says why not (bilingual, with
/// line and column when they are known; `line == 0` when the position means nothing, e.g. an
/// .xlsx). What the page's JSON import and the CLI call.
pub fn read_json(bytes: &[u8], expect: Expect) -> Result<Imported, LoadError> {
    let what = match expect {
        Expect::Document => ("自评文件", "a self-evaluation file"),
        Expect::Rubric => ("评分标准文件", "a rubric file"),
    };
    let text = text_for(bytes, what)?;
    let is_rubric = expect == Expect::Rubric || crate::document::header::Header::read(text).is_some_and(|h| h.format() == rubric::FORMAT);
    if is_rubric {
        Rubric::from_json(text).map(|r| Imported::Rubric(Box::new(r)))
    } else {
        SelfEvaluation::from_json(text).map(|d| Imported::Document(Box::new(d)))
    }
}

/// What an old binary Office file (`D0 CF 11 E0`: .xls, .doc) is told, wherever it is handed in
/// (the workbook import, the JSON import, the CLI): how to save it as .xlsx.
pub fn old_office() -> Text {
    Text::new(
        "这是旧版 .xls 工作簿（或其他旧版 Office 文件，如 .doc），本工具读取 .xlsx：请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新保存的 .xlsx 文件",
        "this is an old .xls workbook (or another old Office file, such as a .doc); this tool reads .xlsx: open it in Excel or WPS, choose File → Save As, pick the type 'Excel Workbook (*.xlsx)', and import the new .xlsx file",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../../examples/guangzhou-ftu-2021.json");

    #[test]
    fn invalid_utf8_is_refused_at_its_byte_line_and_column() {
        let mut b = b"{\n  \"unit\": \"".to_vec();
        b.extend_from_slice("某".as_bytes());
        b.extend_from_slice(&[0xBE, 0xD6, b'"', b'}']);
        let e = json_text(&b).unwrap_err();
        assert_eq!((e.line, e.column), (2, 13));
        assert!(e.message.zh.starts_with("第 17 个字节（第 2 行第 13 列，0xBE）"), "{}", e.message.zh);
        assert!(e.message.en.starts_with("byte 17 (line 2, column 13, 0xBE)"), "{}", e.message.en);
        // Positions count the BOM's three bytes, which are dropped.
        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend_from_slice(&b);
        assert!(json_text(&with_bom).unwrap_err().message.en.starts_with("byte 20 "));
        // A sequence cut short at the end of the file.
        let e = json_text(b"{\"a\":\"\xE6\x9F").unwrap_err();
        assert!(e.message.en.starts_with("byte 7 (line 1, column 7, 0xE6)"), "{}", e.message.en);
    }

    #[test]
    fn a_bom_is_dropped() {
        let mut b = UTF8_BOM.to_vec();
        b.extend_from_slice(SEED.as_bytes());
        assert_eq!(json_text(&b).unwrap(), SEED);
        assert!(matches!(read_json(&b, Expect::Document), Ok(Imported::Document(_))));
    }

    #[test]
    fn files_of_another_kind_are_named() {
        let doc = SelfEvaluation::from_json(SEED).unwrap();
        let xlsx = crate::office::xlsx::export(&doc, &crate::evaluate(&doc), crate::Lang::Zh);
        let docx = crate::report::docx::to_docx(&crate::report::build(&doc, &crate::evaluate(&doc), crate::Lang::Zh), &[]);
        for (bytes, zh, en) in [
            (&xlsx[..], "导入 Excel", "Import Excel"),
            (&docx[..], "Word 文档", "Word document"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", "旧版 Office", "old Office"),
            (b"\xFF\xFE{\0}\0", "UTF-16", "UTF-16"),
            (b"%PDF-1.7\n", "PDF", "PDF"),
            (b"PK\x03\x04\x14\0\0\0", "压缩包", "ZIP"),
        ] {
            let e = read_json(bytes, Expect::Document).unwrap_err();
            assert!(e.message.zh.contains(zh), "{}", e.message.zh);
            assert!(e.message.en.contains(en), "{}", e.message.en);
            assert_eq!(e.line, 0, "no position for a file of another kind");
            assert!(!e.message.en.contains("expected value"));
        }
        let e = read_json(&xlsx, Expect::Rubric).unwrap_err();
        assert!(e.message.zh.contains("不是评分标准文件"), "{}", e.message.zh);
    }

    #[test]
    fn a_rubric_is_recognised_by_its_format() {
        let r = crate::check::rubric::preset("national-2020").unwrap();
        assert_eq!(read_json(r.to_json().as_bytes(), Expect::Document), Ok(Imported::Rubric(Box::new(r.clone()))));
        assert_eq!(read_json(r.to_json().as_bytes(), Expect::Rubric), Ok(Imported::Rubric(Box::new(r))));
        assert!(read_json(SEED.as_bytes(), Expect::Rubric).is_err(), "a self-evaluation is not a rubric");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"\xEF\xBB\xBF \n"), Sniffed::Empty);
        assert_eq!(sniff(b"\xEF\xBB\xBF [1]"), Sniffed::Json);
        assert_eq!(sniff(b"name,actual\n"), Sniffed::Other);
    }
}
