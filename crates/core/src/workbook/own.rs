//! This tool's own Excel export (绩效指标 / 评分 / 预算执行, with their id columns), read back
//! through `core::office::xlsx::import`: every value goes back where it came from by its id. The rubric is
//! the first preset whose items the score sheet names; unit and year come from the title row.

use super::grid::Book;
use super::{Mapped, Part, Reading};
use crate::document::format::{RubricChoice, SelfEvaluation};
use crate::text::lang::{Lang, Text};

/// The id headers only this tool's export writes.
const ID_HEADERS: &[&str] = &["指标编号", "Indicator id", "评分项编号", "Item id", "行编号", "Row id"];

/// True when a sheet has one of the export's id headers in its first 10 rows.
pub(super) fn is_own_export(book: &Book) -> bool {
    book.sheets.iter().any(|s| s.cells.range((1, 0)..(11, 0)).any(|(_, c)| ID_HEADERS.contains(&c.text.trim())))
}

/// Unit and year from a title such as `广州市总工会2021年度部门整体支出绩效自评表——绩效指标`.
fn unit_and_year(title: &str) -> (String, String) {
    let head = title.split("——").next().unwrap_or("");
    let c: Vec<char> = head.chars().collect();
    for i in 0..c.len().saturating_sub(5) {
        if c[i..i + 4].iter().all(|d| d.is_ascii_digit()) && c[i + 4] == '年' {
            return (c[..i].iter().collect::<String>().trim().to_string(), c[i..i + 4].iter().collect());
        }
    }
    (String::new(), String::new())
}

pub(super) fn reading(bytes: &[u8], book: &Book) -> Result<Reading, Text> {
    let mut last_err = None;
    for preset in ["", "national-2020", "guangzhou-dept-example"] {
        let base = SelfEvaluation { rubric: RubricChoice { preset: preset.into(), inline: None }, ..Default::default() };
        match crate::office::xlsx::import(bytes, &base) {
            Ok(imp) => {
                let mut doc = imp.apply(&base);
                if preset.is_empty() {
                    doc.rubric.preset = "guangzhou-dept".into();
                }
                let title = book.sheets.iter().find_map(|s| s.cells.get(&(1, 0)).map(|c| c.text.clone())).unwrap_or_default();
                let (unit, year) = unit_and_year(&title);
                doc.unit.name = unit;
                doc.unit.year = year;
                let mut parts = vec![Part::Unit, Part::Rubric];
                if imp.budget.is_some() {
                    parts.push(Part::Budget);
                }
                if imp.tasks.is_some() {
                    parts.push(Part::Tasks);
                }
                if imp.scores.is_some() {
                    parts.push(Part::Stated);
                }
                parts.sort();
                let mapping: Vec<Mapped> = book
                    .sheets
                    .iter()
                    .filter(|s| !s.cells.is_empty())
                    .map(|s| Mapped {
                        sheet: s.name.clone(),
                        column: String::new(),
                        rows: (1, s.last_row()),
                        what: Text::new(
                            "本工具导出的表：按编号列读取，计算列（完成率、计算得分、计算等级、执行率）不读取而重新计算",
                            "this tool's export: read by its id columns; the computed columns (completion, computed score, grade, rate) are recomputed, not read",
                        ),
                    })
                    .collect();
                return Ok(Reading { document: doc, parts, mapping, unplaced: Vec::new() });
            }
            Err(errs) => last_err = Some(errs),
        }
    }
    let errs = last_err.unwrap_or_default();
    let lines = |lang: Lang| errs.iter().take(5).map(|e| e.line(lang)).collect::<Vec<_>>().join("；");
    Err(Text::new(
        format!("本工具导出的表有 {} 处问题：{}", errs.len(), lines(Lang::Zh)),
        format!("this tool's export has {} problems: {}", errs.len(), lines(Lang::En)),
    ))
}
