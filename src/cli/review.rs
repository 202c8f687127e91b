//! `selfcheck review DIR [--xlsx OUT] [--json] [--lang zh|en]`: every submission in DIR (the
//! .json, .xlsx, .xls and .docx files; not recursive; by name) checked through
//! [`crate::core::review`], printed as one aligned table (or JSON), written as .xlsx when asked.
//! Files of other kinds and sub-directories are named on stderr, never skipped silently.
//!
//! Exit: 0 no submission has errors; 1 some submission (or its report) has errors or cannot be
//! read; 2 DIR cannot be read, the options are wrong, or OUT cannot be written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::core::review::{self, Row, Submission};
use crate::core::text::lang::{Lang, Text};

/// The extensions read from DIR (an .xls is read to say how to save it as .xlsx).
const EXTENSIONS: &[&str] = &["json", "xlsx", "xls", "docx"];

struct Opts {
    json: bool,
    lang: Lang,
    xlsx: Option<String>,
    dir: String,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let (mut json, mut lang, mut xlsx, mut dirs) = (false, Lang::Zh, None, Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--lang" => {
                let v = it.next().ok_or("--lang needs zh or en")?;
                lang = Lang::parse(v).ok_or_else(|| format!("unknown language '{v}' (zh or en)"))?;
            }
            "--xlsx" => xlsx = Some(it.next().ok_or("--xlsx needs an output file")?.clone()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => dirs.push(a.clone()),
        }
    }
    match dirs.as_slice() {
        [d] => Ok(Opts { json, lang, xlsx, dir: d.clone() }),
        _ => Err("review: give exactly one DIR".to_string()),
    }
}

/// The submissions of a directory: (file name, path), sorted by name.
type Files = Vec<(String, PathBuf)>;

/// The submissions of `dir`, and the names left out (other kinds, sub-directories; `skip`, the
/// table being written, is left out without a word).
fn list(dir: &Path, skip: Option<&Path>) -> std::io::Result<(Files, Vec<String>)> {
    let skip = skip.and_then(|p| std::fs::canonicalize(p).ok());
    let (mut files, mut other) = (Vec::new(), Vec::new());
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        let ext = path.extension().map(|x| x.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        let is_file = e.file_type().map(|t| t.is_file() || t.is_symlink() && path.is_file()).unwrap_or(false);
        if !is_file {
            other.push(format!("{name}/"));
        } else if !EXTENSIONS.contains(&ext.as_str()) {
            other.push(name);
        } else if skip.is_some() && std::fs::canonicalize(&path).ok() == skip {
            // The table this command writes, written into DIR by an earlier run.
        } else {
            files.push((name, path));
        }
    }
    files.sort();
    other.sort();
    Ok((files, other))
}

/// Display width, CJK counted as two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

/// The report column: the reports' names and, when they were checked, what their cross-check
/// found ("a.docx（核对：2 错误，0 提醒）").
fn reports_cell(r: &Row, lang: Lang) -> String {
    if r.reports.is_empty() {
        return "—".to_string();
    }
    let names = r.reports.join(", ");
    if r.unread.is_some() {
        return names;
    }
    let (e, w, u) = (r.report_errors, r.report_warnings, r.reports_unread);
    let unread = match (lang, u) {
        (_, 0) => String::new(),
        (Lang::Zh, u) => format!("，{u} 份无法读取"),
        (Lang::En, u) => format!(", {u} not read"),
    };
    match lang {
        Lang::Zh => format!("{names}（核对：{e} 错误，{w} 提醒{unread}）"),
        Lang::En => format!("{names} (check: {e} errors, {w} warnings{unread})"),
    }
}

/// The table as aligned text: a header line, a line per row, a summary line.
pub fn table_text(rows: &[Row], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let dash = || "—".to_string();
    let header: Vec<String> = if zh {
        ["文件", "报告", "单位", "年度", "自评总分", "计算总分", "等级", "错误", "提醒", "首个错误 / 无法读取的原因"]
    } else {
        ["File", "Report", "Unit", "Year", "Stated", "Computed", "Grade", "Errors", "Warnings", "First error / why it cannot be read"]
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut lines = vec![header];
    for r in rows {
        let read = r.unread.is_none();
        let or_dash = |s: &str| if s.is_empty() { dash() } else { s.to_string() };
        let note = match (&r.unread, &r.first_error) {
            (Some(why), _) => why.get(lang).to_string(),
            (None, Some(f)) => format!("{}  {}", f.rule, f.message.text(lang)),
            (None, None) => String::new(),
        };
        lines.push(vec![
            r.file.clone(),
            reports_cell(r, lang),
            or_dash(&r.unit),
            or_dash(r.year.trim()),
            or_dash(&r.stated_total),
            r.computed_total.map(|t| t.to_string()).unwrap_or_else(dash),
            r.grade.map(|g| g.label().get(lang).to_string()).unwrap_or_else(dash),
            if read { r.errors.to_string() } else { dash() },
            if read { r.warnings.to_string() } else { dash() },
            note,
        ]);
    }
    // One line per row: a line break or tab inside a cell (a message, a unit name) is a space.
    for l in &mut lines {
        for cell in l.iter_mut() {
            if cell.contains(|c: char| c.is_control()) {
                *cell = cell.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            }
        }
    }
    // Columns 4–8 (totals and counts) are right-aligned.
    let right = |c: usize| (4..=8).contains(&c);
    let cols = lines[0].len();
    let widths: Vec<usize> = (0..cols).map(|c| lines.iter().map(|l| width(&l[c])).max().unwrap_or(0)).collect();
    let mut s = String::new();
    for l in &lines {
        let mut line = String::new();
        for (c, cell) in l.iter().enumerate() {
            let gap = " ".repeat(widths[c].saturating_sub(width(cell)));
            if c + 1 == cols {
                line.push_str(cell);
            } else if right(c) {
                line.push_str(&format!("{gap}{cell}  "));
            } else {
                line.push_str(&format!("{cell}{gap}  "));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    let n = rows.len();
    let with_errors = rows.iter().filter(|r| r.unread.is_none() && r.errors > 0).count();
    let unread = rows.iter().filter(|r| r.unread.is_some()).count();
    let summary = Text::new(
        format!("共 {n} 份：{with_errors} 份有错误，{unread} 份无法读取，{} 份无错误", n - with_errors - unread),
        format!("{n} submissions: {with_errors} with errors, {unread} cannot be read, {} without errors", n - with_errors - unread),
    );
    s.push_str(summary.get(lang));
    s.push('\n');
    s
}

/// [`review::review`] with the groups checked on every core (the core is single-threaded, so
/// that the page runs it as it is): the same rows in the same order.
fn review_parallel(subs: &[Submission<'_>]) -> Vec<Row> {
    let p = review::pair(subs);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, p.groups.len().max(1));
    let chunk = p.groups.len().div_ceil(threads).max(1);
    let rows: Vec<Row> = std::thread::scope(|scope| {
        let handles: Vec<_> = p
            .groups
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|g| review::check_group(g).row).collect::<Vec<Row>>()))
            .collect();
        // A thread that panicked (a bug) loses no file silently: the whole command fails loudly.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let checked = rows.into_iter().map(|row| review::Reviewed { row, checked: None, reports: Vec::new() }).collect();
    review::assemble(checked, &p.orphans).into_iter().map(|r| r.row).collect()
}

/// Runs `review` with `args` (after the word `review`); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            let _ = writeln!(err, "selfcheck: {e}\n\n{}", super::USAGE);
            return 2;
        }
    };
    let zh = o.lang == Lang::Zh;
    let (files, other) = match list(Path::new(&o.dir), o.xlsx.as_deref().map(Path::new)) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", o.dir);
            return 2;
        }
    };
    if !other.is_empty() {
        let _ = match o.lang {
            Lang::Zh => {
                writeln!(err, "{}: 未审核 {} 项（不是 .json/.xlsx/.xls/.docx 文件，或是子目录）：{}", o.dir, other.len(), other.join("、"))
            }
            Lang::En => writeln!(
                err,
                "{}: {} not reviewed (not a .json/.xlsx/.xls/.docx file, or a folder): {}",
                o.dir,
                other.len(),
                other.join(", ")
            ),
        };
    }
    if files.is_empty() {
        let _ = if zh {
            writeln!(err, "{}: 没有 .json/.xlsx/.docx 文件", o.dir)
        } else {
            writeln!(err, "{}: no .json/.xlsx/.docx files", o.dir)
        };
    }
    let read: Vec<(String, Result<Vec<u8>, Text>)> = files
        .into_iter()
        .map(|(name, path)| {
            let bytes = std::fs::read(&path).map_err(|e| Text::new(format!("无法读取文件：{e}"), format!("cannot read the file: {e}")));
            (name, bytes)
        })
        .collect();
    let subs: Vec<Submission> = read
        .iter()
        .map(|(n, b)| match b {
            Ok(b) => Submission::new(n, b),
            Err(why) => Submission::failed(n, why.clone()),
        })
        .collect();
    let rows = review_parallel(&subs);
    for r in rows.iter().filter(|r| r.unplaced > 0) {
        let (f, n) = (&r.file, r.unplaced);
        let _ = if zh {
            writeln!(err, "{f}: {n} 个单元格未读取（selfcheck import {f} 列出每一个）")
        } else {
            writeln!(err, "{f}: {n} cells not read (selfcheck import {f} lists each)")
        };
    }
    if o.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
    } else {
        let _ = write!(out, "{}", table_text(&rows, o.lang));
    }
    if let Some(path) = &o.xlsx {
        if let Err(e) = std::fs::write(path, review::xlsx::to_xlsx(&rows, o.lang)) {
            let _ = writeln!(err, "{path}: {e}");
            return 2;
        }
    }
    if review::all_clear(&rows) {
        0
    } else {
        1
    }
}
