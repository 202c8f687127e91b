//! Excel exchange of the indicator table (绩效指标), the score table (评分) and the budget
//! table (预算执行, in [`budget`]).
//!
//! Policy:
//! - Export lays the two tables out like the self-evaluation tables officers know: a title row,
//!   one header row (frozen), one row per indicator or rubric item, the unit's entries as typed
//!   (numbers as numbers when they are plain decimals, anything else as the text entered, so
//!   nothing is reformatted), computed columns (完成率, 计算得分, 计算等级) filled and shaded, widths
//!   set, landscape A4. Stable ids travel in their own columns so an import puts every value back
//!   where it came from.
//! - Import finds each table by its sheet name (绩效指标/Indicators, 评分/Scores) or by its header
//!   row (anywhere in the first 10 rows; columns in any order; headers in Chinese or English),
//!   validates every cell, and either returns every problem — each naming the sheet, row and
//!   column (`绩效指标!J7`) — or an [`Import`] the caller shows and confirms. Nothing is applied
//!   until [`Import::apply`] is called, and then all of it is: never half an import. Computed
//!   columns are ignored on import (they are recomputed).

pub mod budget;
pub mod layout;
mod read;
pub mod sheet;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::check::evaluate::{rubric_of, Evaluation};
use crate::document::format::{Adjustment, Budget, SelfEvaluation, StatedScore, Task};
use crate::document::schema::{self, Column};
use crate::text::lang::{Lang, Text};
use layout::sheets;
use read::{find_table, import_indicators, import_scores, Table};
use sheet::{read_workbook, write_workbook};

/// The MIME type of an .xlsx download.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The indicator sheet's columns ([`schema::indicator_sheet`]).
pub fn indicator_columns() -> &'static [Column] {
    schema::indicator_sheet()
}

/// The score sheet's columns.
pub const SCORE_COLUMNS: &[Column] = schema::SCORE;

/// The sheet names: (indicators, scores) in zh and en.
pub const SHEETS: [(&str, &str); 2] = [("绩效指标", "Indicators"), ("评分", "Scores")];
/// Marks an adjustment row in the score table's id column: `加减分:<id>`.
pub const ADJ_PREFIX: &str = "加减分:";
/// The id of the score table's total row.
pub const TOTAL_ID: &str = "总分";

/// The indicator, score and budget tables as .xlsx bytes (deterministic).
pub fn export(doc: &SelfEvaluation, ev: &Evaluation, lang: Lang) -> Vec<u8> {
    write_workbook(&sheets(doc, ev, lang))
}

/// One problem of an imported sheet, at a cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellError {
    /// The sheet's tab name ("" when the problem is the workbook itself).
    pub sheet: String,
    /// 1-based row (0 when not about a row).
    pub row: u32,
    /// Column letters ("" when not about a column).
    pub column: String,
    /// The column's header.
    pub header: String,
    /// What is wrong.
    pub message: Text,
}

impl CellError {
    /// `绩效指标!J7（实际完成值）：…` / `Indicators!J7 (Actual): …`.
    pub fn line(&self, lang: Lang) -> String {
        if self.sheet.is_empty() && self.row == 0 {
            // A problem of the whole file: its message alone, never "：message".
            return self.message.get(lang).to_string();
        }
        let at = match (self.row, self.column.is_empty()) {
            (0, _) => self.sheet.clone(),
            (r, true) => format!("{}!{r}", self.sheet),
            (r, false) => format!("{}!{}{r}", self.sheet, self.column),
        };
        let h = if self.header.is_empty() {
            String::new()
        } else if lang == Lang::Zh {
            format!("（{}）", self.header)
        } else {
            format!(" ({})", self.header)
        };
        format!("{at}{h}{}{}", if lang == Lang::Zh { "：" } else { ": " }, self.message.get(lang))
    }
}

/// A validated import, to be shown and confirmed before [`Import::apply`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// The tasks with their indicators, when the workbook has the indicator table.
    pub tasks: Option<Vec<Task>>,
    /// The stated scores, adjustments, total and grade, when it has the score table.
    pub scores: Option<ImportedScores>,
    /// The budget table (合计, rows, overall explanation), when it has the budget table.
    #[serde(default)]
    pub budget: Option<Budget>,
    /// What applying will change, in words.
    pub summary: Vec<Text>,
}

/// The score table's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedScores {
    /// Stated score per rubric node id.
    pub scores: BTreeMap<String, StatedScore>,
    /// 其他加减分项.
    pub adjustments: Vec<Adjustment>,
    /// 自评总分.
    pub total: String,
    /// 自评等级.
    pub grade: String,
}

impl Import {
    /// The document with the import applied: the indicator table replaces every task, the score
    /// table replaces the stated scores, adjustments, total and grade, the budget table replaces
    /// the budget table; nothing else changes. Rows added in the sheet without an id get one.
    pub fn apply(&self, doc: &SelfEvaluation) -> SelfEvaluation {
        let mut d = doc.clone();
        if let Some(b) = &self.budget {
            d.budget = b.clone();
            crate::document::ids::repair(&mut d);
        }
        if let Some(t) = &self.tasks {
            d.tasks = t.clone();
        }
        if let Some(s) = &self.scores {
            d.stated.scores = s.scores.clone();
            d.stated.adjustments = s.adjustments.clone();
            d.stated.total = s.total.clone();
            d.stated.grade = s.grade.clone();
        }
        d
    }
}

/// Why `bytes` are not an .xlsx workbook, said for what they are (a JSON file, a Word document,
/// an old .xls, a CSV…); `None` when they are a ZIP package that may be one.
pub fn not_a_workbook(bytes: &[u8]) -> Option<Text> {
    use crate::document::import::{sniff, Sniffed};
    Some(match sniff(bytes) {
        Sniffed::Xlsx | Sniffed::Zip => return None,
        Sniffed::Json => Text::new(
            "这是 JSON 文件（自评文件或评分标准），不是 Excel 表（.xlsx）：JSON 文件请用“导入”导入",
            "this is a JSON file (a self-evaluation or a rubric), not an Excel workbook (.xlsx): use Import for JSON files",
        ),
        Sniffed::Docx => Text::new("这是 Word 文档（.docx），不是 Excel 表（.xlsx）", "this is a Word document (.docx), not an Excel workbook (.xlsx)"),
        Sniffed::OldOffice => crate::document::import::old_office(),
        Sniffed::Empty => Text::new("文件是空的，不是 Excel 表（.xlsx）", "the file is empty: it is not an Excel workbook (.xlsx)"),
        Sniffed::Pdf => Text::new("这是 PDF 文件，不是 Excel 表（.xlsx）", "this is a PDF, not an Excel workbook (.xlsx)"),
        Sniffed::Utf16 | Sniffed::Other if looks_like_text(bytes) => Text::new(
            "这是文本文件（如 CSV），不是 Excel 表（.xlsx）：请在 Excel 或 WPS 中打开并另存为 .xlsx，或复制表格后粘贴到绩效指标表",
            "this is a text file (a CSV?), not an Excel workbook (.xlsx): open it in Excel or WPS and save it as .xlsx, or copy the table and paste it into the indicator table",
        ),
        Sniffed::Utf16 | Sniffed::Other => Text::new(
            "不是 Excel 表（.xlsx）：无法识别文件类型，请在 Excel 或 WPS 中另存为 .xlsx",
            "not an Excel workbook (.xlsx): the kind of file is not recognised; save it as .xlsx in Excel or WPS",
        ),
    })
}

/// True when the first bytes are text (UTF-8 or UTF-16, no control characters but tabs and
/// line breaks).
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // Cut inside a character at the end of the window.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
        Err(_) => return false,
    };
    !text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{feff}'))
}

/// Reads an .xlsx workbook with the indicator and/or score table. `doc` supplies the rubric
/// (score items must be its nodes). Returns every problem at once, or the import to confirm.
pub fn import(bytes: &[u8], doc: &SelfEvaluation) -> Result<Import, Vec<CellError>> {
    let whole = |message: Text| vec![CellError { sheet: String::new(), row: 0, column: String::new(), header: String::new(), message }];
    if let Some(m) = not_a_workbook(bytes) {
        return Err(whole(m));
    }
    let book = read_workbook(bytes).map_err(|e| whole(e.message()))?;
    let (rubric, _) = rubric_of(doc);
    let mut ids = BTreeSet::new();
    let mut names = BTreeMap::new();
    for (_, _, n) in rubric.walk() {
        ids.insert(n.id.clone());
        names.insert(n.name.clone(), n.id.clone());
        if !n.name_en.is_empty() {
            names.insert(n.name_en.clone(), n.id.clone());
        }
    }
    let pick = |name: (&str, &str), cols: &'static [Column], key: &str| -> Option<Table> {
        book.iter()
            .filter(|s| s.name == name.0 || s.name == name.1)
            .chain(book.iter())
            .filter_map(|s| find_table(s, cols))
            .find(|t| t.cols.contains_key(key))
    };
    let mut errs = Vec::new();
    let ind = pick(SHEETS[0], indicator_columns(), "name").filter(|t| t.cols.contains_key("actual") || t.cols.contains_key("direction"));
    let sc = pick(SHEETS[1], SCORE_COLUMNS, "score").filter(|t| ind.as_ref().is_none_or(|i| i.sheet.name != t.sheet.name));
    let bt = pick(budget::SHEET, budget::COLUMNS, "actual").filter(|t| {
        t.cols.contains_key("name")
            && (t.cols.contains_key("adjusted") || t.cols.contains_key("initial"))
            && [&ind, &sc].iter().all(|o| o.as_ref().is_none_or(|o| o.sheet.name != t.sheet.name))
    });
    if ind.is_none() && sc.is_none() && bt.is_none() {
        return Err(vec![CellError {
            sheet: String::new(),
            row: 0,
            column: String::new(),
            header: String::new(),
            message: Text::new("没有找到绩效指标表、评分表或预算执行表：表头应含“三级指标（指标名称）”“实际完成值”，或“评分项编号”“自评得分”，或“项目”“全年预算数”“执行数”", "found no indicator, score or budget table (headers such as 'Indicator', 'Actual'; 'Item id', 'Stated score'; or 'Item', 'Adjusted budget', 'Spent')"),
        }]);
    }
    let mut tasks = ind.as_ref().map(|t| import_indicators(t, &ids, &names, &mut errs));
    // A sheet without the 上年实际完成值 column (exported before it existed, or made by hand)
    // leaves each indicator's value as it is in the draft.
    if let (Some(t), Some(tasks)) = (&ind, &mut tasks) {
        if !t.cols.contains_key("previous") {
            for i in tasks.iter_mut().flat_map(|t| t.indicators.iter_mut()) {
                if let Some((_, old)) = doc.indicators().find(|(_, o)| o.id == i.id) {
                    i.previous = old.previous.clone();
                }
            }
        }
    }
    let scores = sc.as_ref().map(|t| import_scores(t, &ids, &names, &mut errs));
    let budget = bt.as_ref().map(|t| budget::import(t, doc, &mut errs));
    if !errs.is_empty() {
        errs.sort_by(|a, b| (&a.sheet, a.row, a.column.len(), &a.column).cmp(&(&b.sheet, b.row, b.column.len(), &b.column)));
        return Err(errs);
    }
    let mut summary = Vec::new();
    if let Some(t) = &tasks {
        let n: usize = t.iter().map(|x| x.indicators.len()).sum();
        summary.push(Text::new(
            format!(
                "替换全部重点工作任务和绩效指标：{} 项任务、{n} 个指标（原 {} 项任务、{} 个指标）",
                t.len(),
                doc.tasks.len(),
                doc.indicators().count()
            ),
            format!(
                "replace every task and indicator: {} tasks, {n} indicators (now {} and {})",
                t.len(),
                doc.tasks.len(),
                doc.indicators().count()
            ),
        ));
    }
    if let Some(s) = &scores {
        summary.push(Text::new(
            format!(
                "替换自评得分：{} 个评分项、{} 个加减分项，总分“{}”，等级“{}”",
                s.scores.len(),
                s.adjustments.len(),
                s.total.trim(),
                s.grade.trim()
            ),
            format!(
                "replace the stated scores: {} items, {} adjustments, total '{}', grade '{}'",
                s.scores.len(),
                s.adjustments.len(),
                s.total.trim(),
                s.grade.trim()
            ),
        ));
    }
    if let Some(b) = &budget {
        summary.push(budget::summary(b, doc));
    }
    Ok(Import { tasks, scores, budget, summary })
}

/// A file name for the download: `<unit><year>年度绩效自评表.xlsx`.
pub fn file_name(doc: &SelfEvaluation) -> String {
    let base = format!(
        "{}{}绩效自评表",
        doc.unit.name.trim(),
        if doc.unit.year.trim().is_empty() { String::new() } else { format!("{}年度", doc.unit.year.trim()) }
    );
    let base: String = base.chars().map(|c| if "\\/:*?\"<>|".contains(c) || (c as u32) < 0x20 { '_' } else { c }).collect();
    format!("{base}.xlsx")
}
