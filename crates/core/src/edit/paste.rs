//! Pasting indicator rows from Excel (or WPS): tab-separated text, one row per line.
//!
//! Column order (documented in `docs/paste.md` and on the page):
//! 指标名称 · 指标类别 · 方向 · 计量单位 · 年度指标值 · 实际完成值 · 分值 · 自评得分 · 偏差原因 · 改进措施.
//! A block pasted into a cell starts at that cell's column and row, like Excel. Policy: every cell
//! is kept exactly as copied; a category or direction this tool does not recognise stays as
//! typed and is listed as an issue; numbers are not judged here (the core flags those that do not
//! parse, at their field). A first row that repeats the column headings is skipped.

use std::sync::OnceLock;

use crate::document::format::Indicator;
use crate::document::schema;
use crate::text::lang::Text;
use crate::text::number::{self, Kind};
use crate::text::words::{category_of, direction_of};

/// The fields of the paste columns, in order (their labels and header words: [`schema::INDICATOR`]).
const ORDER: &[&str] = &["name", "category", "direction", "unit", "target", "actual", "weight", "stated_score", "reason", "measure"];

/// The paste columns in order: (field, zh-CN label, English label), from the field schema.
pub fn columns() -> &'static [(&'static str, &'static str, &'static str)] {
    static COLUMNS: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    COLUMNS.get_or_init(|| {
        ORDER
            .iter()
            .map(|k| {
                let (zh, en) = schema::label(schema::INDICATOR, k);
                (*k, zh, en)
            })
            .collect()
    })
}

/// The column index of an indicator field, if it is a paste column.
pub fn column_of(field: &str) -> Option<usize> {
    ORDER.iter().position(|f| *f == field)
}

/// A cell that was kept as typed but is not what its column expects.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// 0-based row of the pasted block (after a skipped heading row).
    pub row: usize,
    /// The field of the cell.
    pub field: &'static str,
    /// The cell as pasted.
    pub value: String,
    /// What is wrong.
    pub message: Text,
}

/// A parsed block.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pasted {
    /// One indicator per row, with only the pasted fields set (ids blank).
    pub rows: Vec<Indicator>,
    /// The fields the block covers, in column order.
    pub fields: Vec<&'static str>,
    /// Cells that are kept but not understood.
    pub issues: Vec<Issue>,
    /// True when the first row was a heading row and was skipped.
    pub skipped_heading: bool,
    /// Cells beyond the last column, dropped (counted, never silently).
    pub extra_cells: usize,
}

/// True when a clipboard text is a block (more than one cell) rather than text for one field.
pub fn is_block(text: &str) -> bool {
    let t = text.trim_end_matches(['\r', '\n']);
    t.contains('\t') || t.contains('\n')
}

/// Splits tab-separated text into rows of cells, honouring Excel's quoting (a cell holding a tab,
/// a line break or a quote is written in `"…"` with `""` for a quote). A final line break is not
/// an extra row.
pub fn split_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                // Quoted cell.
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') | None => break,
                        Some(x) => cell.push(x),
                    }
                }
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            x => {
                cell.push(x);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

fn is_heading(row: &[String], start: usize) -> bool {
    row.iter().enumerate().any(|(k, c)| {
        let c = c.trim();
        ORDER
            .get(start + k)
            .and_then(|key| schema::column(schema::INDICATOR, key))
            .is_some_and(|col| col.names().any(|n| c == n || c.eq_ignore_ascii_case(n)))
    }) && row.iter().all(|c| number::parse_opt(c, Kind::Value).map(|v| v.is_none()).unwrap_or(true))
}

/// A pasted block as rows of cells, without its heading row.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Block {
    /// The rows, each a list of cells as copied.
    pub rows: Vec<Vec<String>>,
    /// The fields the block covers from its first column on, in column order.
    pub fields: Vec<&'static str>,
    /// True when the first row repeated the column headings and was removed.
    pub skipped_heading: bool,
}

/// Splits a block pasted at column `start` of a table with `columns` (field, zh, en); a first
/// row for which `heading` holds is removed.
pub fn block(text: &str, start: usize, columns: &[(&'static str, &str, &str)], heading: impl Fn(&[String]) -> bool) -> Block {
    let mut rows = split_tsv(text);
    let skipped_heading = rows.first().is_some_and(|r| heading(r));
    if skipped_heading {
        rows.remove(0);
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let from = start.min(columns.len());
    let fields = columns[from..(start + width).min(columns.len())].iter().map(|(f, _, _)| *f).collect();
    Block { rows, fields, skipped_heading }
}

/// Parses a pasted block whose first cell goes to column `start` (see [`columns`]).
pub fn parse(text: &str, start: usize) -> Pasted {
    let b = block(text, start, columns(), |r| is_heading(r, start));
    let mut out = Pasted { fields: b.fields, skipped_heading: b.skipped_heading, ..Default::default() };
    for (r, cells) in b.rows.into_iter().enumerate() {
        let mut ind = Indicator::default();
        for (k, cell) in cells.into_iter().enumerate() {
            let Some((field, _, _)) = columns().get(start + k) else {
                if !cell.trim().is_empty() {
                    out.extra_cells += 1;
                }
                continue;
            };
            let mut value = cell;
            match *field {
                "category" => match category_of(&value) {
                    Some(id) if !value.trim().is_empty() => value = id.to_string(),
                    Some(_) => {}
                    None => out.issues.push(Issue {
                        row: r,
                        field,
                        value: value.clone(),
                        message: Text::new(
                            format!("指标类别“{}”无法识别，已按原样保留", value.trim()),
                            format!("category '{}' not recognised; kept as typed", value.trim()),
                        ),
                    }),
                },
                "direction" => match direction_of(&value) {
                    Some(d) if !value.trim().is_empty() => value = d.to_string(),
                    Some(_) => {}
                    None => out.issues.push(Issue {
                        row: r,
                        field,
                        value: value.clone(),
                        message: Text::new(
                            format!("方向“{}”无法识别（应为 ≥、≤、= 或 定性），已按原样保留", value.trim()),
                            format!("direction '{}' not recognised (≥, ≤, = or 定性); kept as typed", value.trim()),
                        ),
                    }),
                },
                "target" | "actual" | "weight" | "stated_score" => {
                    if let Err(e) = number::parse_opt(&value, Kind::Value) {
                        let m = e.message();
                        // 定性 indicators take words in target/actual: only flag the number columns.
                        if matches!(*field, "weight" | "stated_score") {
                            out.issues.push(Issue {
                                row: r,
                                field,
                                value: value.clone(),
                                message: Text::new(
                                    format!("“{}”不是数字：{}", value.trim(), m.zh),
                                    format!("'{}' is not a number: {}", value.trim(), m.en),
                                ),
                            });
                        }
                    }
                }
                _ => {}
            }
            set_field(&mut ind, field, value);
        }
        out.rows.push(ind);
    }
    out
}

fn set_field(i: &mut Indicator, field: &str, v: String) {
    match field {
        "name" => i.name = v,
        "category" => i.category = v,
        "direction" => i.direction = v,
        "unit" => i.unit = v,
        "target" => i.target = v,
        "actual" => i.actual = v,
        "weight" => i.weight = v,
        "stated_score" => i.stated_score = v,
        "reason" => i.reason = v,
        "measure" => i.measure = v,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_block_fills_columns_in_order() {
        let text = "劳模体检疗养实际参加人数占计划人数比例\t数量指标\t≥\t%\t100\t85.79\t10\t8.58\t疫情\t加强宣传\r\n督导员听课节次\t产出指标·数量指标\t>=\t节次\t300\t395\t5\t5\t\t\r\n";
        let p = parse(text, 0);
        assert_eq!(p.rows.len(), 2);
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        assert_eq!(p.fields.len(), 10);
        let a = &p.rows[0];
        assert_eq!(
            (a.category.as_str(), a.direction.as_str(), a.actual.as_str(), a.measure.as_str()),
            ("产出-数量", "≥", "85.79", "加强宣传")
        );
        assert_eq!(p.rows[1].direction, "≥");
        assert_eq!(p.rows[1].category, "产出-数量");
    }

    #[test]
    fn cells_that_do_not_parse_are_kept_and_reported() {
        let p = parse("名\t奇怪类别\t约等于\t%\t100\t8５.7９%\t十分\n", 0);
        assert_eq!(p.rows[0].category, "奇怪类别");
        assert_eq!(p.rows[0].direction, "约等于");
        assert_eq!(p.rows[0].actual, "8５.7９%", "kept exactly as pasted");
        assert_eq!(p.rows[0].weight, "十分");
        let fields: Vec<&str> = p.issues.iter().map(|i| i.field).collect();
        assert_eq!(fields, ["category", "direction", "weight"]);
    }

    #[test]
    fn a_column_pasted_into_the_actual_column_starts_there() {
        let p = parse("85.79\n98.67\n100\n", column_of("actual").unwrap());
        assert_eq!(p.fields, ["actual"]);
        assert_eq!(p.rows.len(), 3);
        assert_eq!(p.rows[1].actual, "98.67");
        assert_eq!(p.rows[1].name, "");
    }

    #[test]
    fn heading_row_is_skipped_and_extra_cells_counted() {
        let head: Vec<&str> = columns().iter().map(|c| c.1).collect();
        let text = format!("{}\nA\t\t≥\t个\t1\t2\t\t\t\t\t多余\n", head.join("\t"));
        let p = parse(&text, 0);
        assert!(p.skipped_heading);
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.extra_cells, 1);
    }

    #[test]
    fn quoted_cells_keep_tabs_quotes_and_line_breaks() {
        let rows = split_tsv("\"一是\n二是\"\t\"say \"\"hi\"\"\"\tx\n");
        assert_eq!(rows, vec![vec!["一是\n二是".to_string(), "say \"hi\"".to_string(), "x".to_string()]]);
        assert!(is_block("a\tb"));
        assert!(is_block("a\nb"));
        assert!(!is_block("85.79\n"));
    }
}
