//! The review table as an .xlsx, written with the project's own SpreadsheetML writer
//! ([`crate::office::xlsx::sheet`]): one sheet, one frozen header row, a row per submission.
//! Counts and totals are numbers (a stated total or year only when it is a plain decimal; else the
//! text as written); a file that could not be read has its reason and blank counts, and a row
//! without a Word report blank report counts.

use rust_decimal::Decimal;

use super::Row;
use crate::office::xlsx::sheet::{write_workbook, Cell, SheetOut, Style};
use crate::text::lang::Lang;

/// Columns: (key, zh header, en header, width).
pub const COLUMNS: &[(&str, &str, &str, f32)] = &[
    ("file", "文件", "File", 30.0),
    ("reports", "报告（Word）", "Report (Word)", 24.0),
    ("report_errors", "报告错误", "Report errors", 8.0),
    ("report_warnings", "报告提醒", "Report warnings", 8.0),
    ("reports_unread", "报告无法读取", "Reports not read", 8.0),
    ("unit", "单位", "Unit", 28.0),
    ("year", "年度", "Year", 7.0),
    ("stated_total", "自评总分", "Stated total", 9.0),
    ("computed_total", "计算总分", "Computed total", 9.0),
    ("stated_grade", "自评等级", "Stated grade", 8.0),
    ("grade", "计算等级", "Computed grade", 8.0),
    ("errors", "错误", "Errors", 6.0),
    ("warnings", "提醒", "Warnings", 8.0),
    ("first_error", "首个错误", "First error", 50.0),
    ("rule", "规则", "Rule", 24.0),
    ("unplaced", "未读取单元格", "Cells not read", 8.0),
    ("unread", "无法读取的原因", "Why it cannot be read", 40.0),
];

/// The sheet's name in each language.
pub const SHEET: (&str, &str) = ("审核汇总", "Review");

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty(Style::Text)
    } else {
        Cell::Text(s.to_string(), Style::Text)
    }
}

/// A plain decimal as written ("93.5", "2021") is a number; anything else stays text.
fn num_or_text(s: &str) -> Cell {
    let plain = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && s.parse::<Decimal>().is_ok_and(|d| d.to_string() == s);
    if plain {
        Cell::Number(s.to_string(), Style::Number)
    } else {
        text(s)
    }
}

fn count(n: usize, read: bool) -> Cell {
    if read {
        Cell::Number(n.to_string(), Style::Number)
    } else {
        Cell::Empty(Style::Number)
    }
}

/// The review table as a sheet (`lang`: headers, grades and messages).
pub fn sheet(rows: &[Row], lang: Lang) -> SheetOut {
    let mut out = vec![COLUMNS
        .iter()
        .map(|(_, zh, en, _)| Cell::Text((if lang == Lang::Zh { zh } else { en }).to_string(), Style::Header))
        .collect::<Vec<_>>()];
    for r in rows {
        let read = r.unread.is_none();
        let first = r.first_error.as_ref();
        out.push(vec![
            text(&r.file),
            text(&r.reports.join("\n")),
            count(r.report_errors, read && !r.reports.is_empty()),
            count(r.report_warnings, read && !r.reports.is_empty()),
            count(r.reports_unread, read && !r.reports.is_empty()),
            text(&r.unit),
            num_or_text(r.year.trim()),
            num_or_text(&r.stated_total),
            match r.computed_total {
                Some(t) => Cell::Number(t.to_string(), Style::Fixed2),
                None => Cell::Empty(Style::Fixed2),
            },
            text(&r.stated_grade),
            text(r.grade.map(|g| g.label().get(lang).to_string()).as_deref().unwrap_or("")),
            count(r.errors, read),
            count(r.warnings, read),
            text(first.map(|f| f.message.get(lang)).unwrap_or("")),
            text(first.map(|f| f.rule.as_str()).unwrap_or("")),
            count(r.unplaced, read),
            text(r.unread.as_ref().map(|t| t.get(lang)).unwrap_or("")),
        ]);
    }
    SheetOut {
        name: (if lang == Lang::Zh { SHEET.0 } else { SHEET.1 }).to_string(),
        widths: COLUMNS.iter().map(|c| c.3).collect(),
        rows: out,
        freeze_below: 1,
        merges: Vec::new(),
    }
}

/// The review table as .xlsx bytes (deterministic).
pub fn to_xlsx(rows: &[Row], lang: Lang) -> Vec<u8> {
    write_workbook(&[sheet(rows, lang)])
}
