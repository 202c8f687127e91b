//! Tables in a written report, as a word processor copies them to plain text: one row per line,
//! cells separated by tabs.
//!
//! Policy: a table is a run of two or more consecutive lines holding a tab and a non-blank cell. Its leading lines without a number are its header; each column's header lines are joined
//! ("全年预算数" over "（万元）"). A line "单位：万元" (or 元, 亿元) just above the table, or
//! inside its header, gives the money unit of the amount columns. A data row is read as the
//! sentence a writer would have written: each number cell is preceded by the row's name (its cells
//! of words before the first number, serial numbers left out) and its column's header, and followed by the
//! column's unit when the cell has none — "财政拨款 | 27,585.71" under "全年预算数（万元）" reads
//! "一般公共预算财政拨款·全年预算数27,585.71万元；" (the `·` keeps names and headers apart in quotes;
//! it ends no clause). So the cross-check needs no second set of
//! rules for tables. A cell whose column gives no unit stays a bare number, and bare numbers are
//! not figures (a 序号 column, a count without its unit).

/// The unit words a header or a 单位 line can give, longest first.
const MONEY_UNITS: &[&str] = &["亿元", "万元", "元"];
/// Headers of columns holding money (the block's 单位 applies to them).
const MONEY_HEADERS: &[&str] = &["预算", "执行数", "决算", "支出", "金额", "资金", "收入", "结转", "结余"];
/// Headers of columns holding scores.
const SCORE_HEADERS: &[&str] = &["得分", "分值", "权重", "满分"];

/// What [`read`] found in one line of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// Not part of a table: read as prose.
    Prose,
    /// A table's header line or its 单位 line: read as prose, ending a sentence.
    Header,
    /// A table's data row: the cells to read, in order.
    Row(Vec<Cell>),
}

/// One cell of a data row, to be read as `prefix` + the cell's own text + `unit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Byte range of the cell's text (trimmed) in the original.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Written before the cell: the row's name and the column's header.
    pub prefix: String,
    /// Written after the cell when it holds a number without a unit: the column's unit.
    pub unit: &'static str,
}

/// A line's cells: byte ranges of the trimmed tab-separated parts.
fn cells(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = start;
    for part in text[start..end].split('\t') {
        let b = a + part.len();
        let lead = part.len() - part.trim_start().len();
        let trail = part.len() - part.trim_end().len();
        if lead + trail < part.len() {
            out.push((a + lead, b - trail));
        } else {
            out.push((a, a));
        }
        a = b + 1;
    }
    out
}

/// True when the cell is a number, with at most a short unit after it ("95.68%", "3,130人"; not a
/// year or a date: "2021年").
pub(crate) fn is_number(cell: &str) -> bool {
    let t = cell.trim_start_matches(['-', '−', '+']);
    let digits = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '，'));
    match digits {
        Some(0) => false,
        None => !t.is_empty(),
        Some(k) => {
            let unit = &t[k..];
            unit.chars().count() <= 4 && !unit.contains(|c: char| c.is_ascii_digit()) && !unit.starts_with(['年', '月', '日'])
        }
    }
}

/// True when the cell reads as a serial number (序号): up to three digits, or 一、(1) style.
fn is_serial(cell: &str) -> bool {
    let t = cell.trim_matches(|c: char| "()（）、.．".contains(c));
    !t.is_empty() && t.chars().count() <= 3 && t.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// The money unit a 单位 line or a header names.
fn money_unit(text: &str) -> Option<&'static str> {
    MONEY_UNITS.iter().copied().find(|u| text.contains(u))
}

/// A header cell without its unit in brackets: "全年预算数（万元）" → "全年预算数".
fn header_words(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in h.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth == 0 && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The unit a number cell of this column takes when it has none.
fn column_unit(header: &str, table_unit: Option<&'static str>) -> &'static str {
    if header.contains('%') || header.contains('％') || header.ends_with('率') || header.contains("率（") || header.contains("率(") {
        "%"
    } else if let Some(u) = money_unit(header) {
        u
    } else if SCORE_HEADERS.iter().any(|w| header.contains(w)) {
        "分"
    } else if MONEY_HEADERS.iter().any(|w| header.contains(w)) {
        table_unit.unwrap_or("")
    } else {
        ""
    }
}

/// Reads every line of `text` (split at `\n`; a trailing `\r` belongs to the line's last cell
/// and is trimmed) and says, line by line, what the cross-check should read (see the module
/// policy). Returns one entry per line with its byte range.
pub fn read(text: &str) -> Vec<(usize, usize, Line)> {
    let mut lines = Vec::new();
    let mut a = 0;
    for l in text.split('\n') {
        lines.push((a, a + l.len()));
        a += l.len() + 1;
    }
    let tabular = |&(s, e): &(usize, usize)| text[s..e].contains('\t') && cells(text, s, e).iter().any(|(x, y)| x < y);
    let mut out: Vec<(usize, usize, Line)> = lines.iter().map(|&(s, e)| (s, e, Line::Prose)).collect();
    let mut i = 0;
    while i < lines.len() {
        if !tabular(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && tabular(&lines[j]) {
            j += 1;
        }
        if j - i >= 2 {
            read_table(text, &lines, i, j, &mut out);
        }
        i = j;
    }
    out
}

/// Reads the table on lines `first..end` into `out`.
fn read_table(text: &str, lines: &[(usize, usize)], first: usize, end: usize, out: &mut [(usize, usize, Line)]) {
    let grid: Vec<Vec<(usize, usize)>> = lines[first..end].iter().map(|&(s, e)| cells(text, s, e)).collect();
    let cell = |r: usize, c: usize| grid[r].get(c).map(|&(s, e)| &text[s..e]).unwrap_or("");
    let header_rows = grid.iter().take_while(|row| !row.iter().any(|&(s, e)| is_number(&text[s..e]))).count();
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let headers: Vec<String> = (0..columns).map(|c| (0..header_rows).map(|r| cell(r, c)).collect()).collect();
    // 单位: on the line just above (skipping blank lines), or in the header.
    let above = lines[..first].iter().rev().map(|&(s, e)| text[s..e].trim()).find(|l| !l.is_empty()).unwrap_or("");
    let unit_line = |l: &str| l.contains("单位") && l.chars().count() <= 24;
    let table_unit = if unit_line(above) { money_unit(above) } else { headers.iter().filter(|h| unit_line(h)).find_map(|h| money_unit(h)) };
    for (r, cells) in grid.iter().enumerate() {
        let k = first + r;
        if r < header_rows {
            out[k].2 = Line::Header;
            continue;
        }
        // The row's name: its cells of words before its first number (一级指标, 二级指标, the
        // indicator's name in a 自评表; the row's name in a 收支 table).
        let name: Vec<&str> = cells
            .iter()
            .map(|&(s, e)| &text[s..e])
            .take_while(|c| !is_number(c) || is_serial(c))
            .filter(|c| !c.is_empty() && !is_serial(c))
            .collect();
        let name = name.join("·");
        let row: Vec<Cell> = cells
            .iter()
            .enumerate()
            .filter(|&(c, &(s, e))| {
                let serial = headers.get(c).is_some_and(|h| h.contains("序号") || h.contains("编号")) || (c == 0 && is_serial(&text[s..e]));
                is_number(&text[s..e]) && !serial
            })
            .map(|(c, &(s, e))| {
                let h = headers.get(c).map(String::as_str).unwrap_or("");
                // What the cell writes besides its number: its own unit, if any.
                let own = text[s..e]
                    .trim_start_matches(['-', '−', '+'])
                    .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == ',' || ch == '，');
                Cell {
                    start: s,
                    end: e,
                    prefix: if name.is_empty() { header_words(h) } else { format!("{name}·{}", header_words(h)) },
                    unit: if own.is_empty() && is_number(&text[s..e]) { column_unit(h, table_unit) } else { "" },
                }
            })
            .collect();
        out[k].2 = Line::Row(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        read(text)
            .into_iter()
            .filter_map(|(_, _, l)| match l {
                Line::Row(cells) => Some(cells.iter().map(|c| format!("{}{}{}", c.prefix, &text[c.start..c.end], c.unit)).collect()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_budget_table_reads_as_sentences() {
        let t = "单位：万元\n项目\t全年预算数\t执行数\t执行率（%）\n一般公共预算财政拨款\t27,585.71\t26,393.83\t95.68\n合计\t35,408.62\t33,814.57\t95.50\n";
        assert_eq!(
            rows(t),
            [
                [
                    "一般公共预算财政拨款·全年预算数27,585.71万元",
                    "一般公共预算财政拨款·执行数26,393.83万元",
                    "一般公共预算财政拨款·执行率95.68%"
                ],
                ["合计·全年预算数35,408.62万元", "合计·执行数33,814.57万元", "合计·执行率95.50%"],
            ]
        );
    }

    #[test]
    fn units_from_the_header_serials_and_two_header_lines() {
        let t = "序号\t指标\t分值\t得分\n\t\t\t（分）\n1\t管理效能\t50\t43.53\n2\t履职效能\t50\t50分\n";
        assert_eq!(rows(t), [["管理效能·分值50分", "管理效能·得分43.53分"], ["履职效能·分值50分", "履职效能·得分50分"]]);
        // A negative figure takes its column's unit too.
        assert_eq!(rows("项目\t得分\n其他加减分项\t-1.5\n"), [["其他加减分项·得分-1.5分"]]);
    }

    #[test]
    fn prose_and_lone_tab_lines_are_not_tables() {
        let t = "一、基本情况\n本部门\t预算 35,408.62 万元。\n其余正文。";
        assert!(read(t).iter().all(|(_, _, l)| *l == Line::Prose));
        // A money column with no unit anywhere stays a bare number.
        assert_eq!(rows("项目\t预算数\n合计\t35,408.62\n"), [["合计·预算数35,408.62"]]);
    }

    #[test]
    fn numbers_and_serials() {
        assert!(is_number("95.68%") && is_number("3,130人") && is_number("-1.5") && is_number("27585.71"));
        assert!(!is_number("2021年度预算") && !is_number("2021年") && !is_number("合计") && !is_number(""));
        assert!(is_serial("1") && is_serial("（二）") && !is_serial("1,234"));
    }
}
