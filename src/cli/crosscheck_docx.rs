//! `selfcheck crosscheck FILE REPORT.docx`: the cross-check of a Word report, each figure and
//! finding with its paragraph or table cell (`core::report_docx`).

use std::io::Write;

use crate::core::check::evaluate::evaluate;
use crate::core::check::finding::Severity;
use crate::core::document::format::SelfEvaluation;
use crate::core::document::import::{sniff, Sniffed};
use crate::core::text::lang::Lang;

/// True when the report file is to be read as a .docx: named .docx, or bytes of an Office
/// package, an old Office file or a PDF (which the .docx reader refuses in words).
pub(super) fn is_docx(path: &str, bytes: &[u8]) -> bool {
    path.to_ascii_lowercase().ends_with(".docx")
        || matches!(sniff(bytes), Sniffed::Docx | Sniffed::Zip | Sniffed::Xlsx | Sniffed::OldOffice | Sniffed::Pdf)
}

/// Prints the figures and findings with their places; exit 1 when a finding is an error, 2
/// when the file is not a .docx that can be read.
#[allow(clippy::too_many_arguments)]
pub(super) fn run(
    json: bool,
    lang: Lang,
    f: &str,
    t: &str,
    doc: &SelfEvaluation,
    bytes: &[u8],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let ev = evaluate(doc);
    let cc = match crate::core::report_docx::analyse(bytes, doc, &ev) {
        Ok(cc) => cc,
        Err(m) => {
            let _ = writeln!(err, "{t}: {}", m.get(lang));
            return 2;
        }
    };
    let code = if cc.cross.findings.iter().any(|f| f.severity == Severity::Error) { 1 } else { 0 };
    if json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&cc).unwrap_or_default());
        return code;
    }
    let zh = lang == Lang::Zh;
    let by = if cc.report.headings_by_numbering {
        if zh {
            "，标题按编号识别"
        } else {
            "; headings found by numbering"
        }
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "== {t} × {f}: {} {}, {} {}, {} {}{by}",
        cc.report.paragraphs.len(),
        if zh { "段" } else { "paragraphs" },
        cc.report.tables.len(),
        if zh { "个表格" } else { "tables" },
        cc.cross.figures.len(),
        if zh { "个数字" } else { "figures" },
    );
    for (g, place) in cc.cross.figures.iter().zip(&cc.figure_places) {
        let status = serde_json::to_value(g.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let what =
            if g.label.zh.is_empty() { String::new() } else { format!("{} {}", g.label.get(lang), g.computed.clone().unwrap_or_default()) };
        let _ = writeln!(out, "  {:>3} {:<14} {:<15} {what}\t@ {}", g.n, g.raw, status, place.describe().get(lang));
    }
    let (e, w, i) = crate::core::check::finding::counts(&cc.cross.findings);
    let _ = writeln!(out, "-- {} ({e} error, {w} warning, {i} info)", if zh { "核对结果" } else { "Findings" });
    for l in &cc.located {
        let _ = writeln!(out, "  {}\t@ {}", l.finding.line(lang), l.place.describe().get(lang));
    }
    for n in &cc.not_read {
        let _ = writeln!(out, "  {}: {}", if zh { "未核对" } else { "not checked" }, n.get(lang));
    }
    code
}
