//! The review table as the reviewer looks at it: sorted by a column and filtered, without
//! touching the rows themselves (the page shows `visible(...)` in that order).
//!
//! Policy:
//! - Sorting by a column compares what the column shows: totals and years as numbers when they
//!   are plain numbers (a stated total "九十" or a blank sorts after every number, in both
//!   directions), grades 优 → 差, counts as counts, texts by their characters. Rows equal in the
//!   column keep the table's [`super::order`]. With no column chosen the table is in that order.
//! - Clicking a column sorts by it, counts (errors, warnings, report errors) most first, other
//!   columns ascending; clicking the same column again reverses it.
//! - The text filter keeps rows whose unit or file name contains every word of it (split at white
//!   space, letters compared without case). "Problems only" keeps the rows of
//!   [`Row::has_problem`].

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::{order, Row};
use crate::check::grade::Grade;
use crate::text::lang::Lang;

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The file name.
    File,
    /// 单位名称.
    Unit,
    /// 年度.
    Year,
    /// 自评总分 as stated.
    StatedTotal,
    /// The computed total.
    ComputedTotal,
    /// The computed grade.
    Grade,
    /// Error findings.
    Errors,
    /// Warning findings.
    Warnings,
    /// Error findings of the report's cross-check (and reports that could not be read).
    ReportErrors,
    /// The first error's message, or why the file could not be read.
    FirstError,
}

impl Column {
    /// True for the columns that sort most first on the first click.
    pub fn starts_descending(self) -> bool {
        matches!(self, Column::Errors | Column::Warnings | Column::ReportErrors)
    }
}

/// How the table is sorted: by a column, or in [`super::order`] when `column` is `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Sort {
    /// The column, if one was chosen.
    pub column: Option<Column>,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on `column`'s header (see the module policy).
    pub fn click(self, column: Column) -> Sort {
        if self.column == Some(column) {
            Sort { column: Some(column), descending: !self.descending }
        } else {
            Sort { column: Some(column), descending: column.starts_descending() }
        }
    }
}

/// Which rows are shown.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filter {
    /// Words every shown row's unit or file name contains.
    pub text: String,
    /// Only rows with a problem ([`Row::has_problem`]).
    pub problems_only: bool,
}

impl Filter {
    /// True when `row` is shown.
    pub fn keeps(&self, row: &Row) -> bool {
        if self.problems_only && !row.has_problem() {
            return false;
        }
        let hay = format!("{}\n{}", row.unit, row.file).to_lowercase();
        self.text.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
    }
}

/// A plain number as written ("93.5", " 2021 "); `None` for anything else.
fn number(s: &str) -> Option<Decimal> {
    s.trim().parse::<Decimal>().ok()
}

fn grade_rank(g: Option<Grade>) -> Option<u8> {
    g.map(|g| match g {
        Grade::Excellent => 0,
        Grade::Good => 1,
        Grade::Fair => 2,
        Grade::Poor => 3,
    })
}

/// What the first-error column shows for `row` in `lang`.
pub fn first_error_text(row: &Row, lang: Lang) -> &str {
    match (&row.unread, &row.first_error) {
        (Some(why), _) => why.get(lang),
        (None, Some(f)) => f.message.get(lang),
        (None, None) => "",
    }
}

/// Compares values that may be missing: a missing value is after every present one, whichever
/// the direction.
fn present_first<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares two rows for `sort` (ties in [`super::order`]).
pub fn compare(a: &Row, b: &Row, sort: Sort, lang: Lang) -> Ordering {
    let Some(column) = sort.column else { return order(a, b) };
    let d = sort.descending;
    let by_text = |x: &str, y: &str| {
        let x = (!x.trim().is_empty()).then_some(x);
        let y = (!y.trim().is_empty()).then_some(y);
        present_first(x, y, d)
    };
    let counts = |x: usize, y: usize| if d { y.cmp(&x) } else { x.cmp(&y) };
    let first = match column {
        Column::File => by_text(&a.file, &b.file),
        Column::Unit => by_text(&a.unit, &b.unit),
        Column::Year => present_first(number(&a.year), number(&b.year), d).then_with(|| by_text(&a.year, &b.year)),
        Column::StatedTotal => {
            present_first(number(&a.stated_total), number(&b.stated_total), d).then_with(|| by_text(&a.stated_total, &b.stated_total))
        }
        Column::ComputedTotal => present_first(a.computed_total, b.computed_total, d),
        Column::Grade => present_first(grade_rank(a.grade), grade_rank(b.grade), d),
        Column::Errors => counts(a.errors, b.errors),
        Column::Warnings => counts(a.warnings, b.warnings),
        Column::ReportErrors => counts(a.report_errors + a.reports_unread, b.report_errors + b.reports_unread),
        Column::FirstError => by_text(first_error_text(a, lang), first_error_text(b, lang)),
    };
    first.then_with(|| order(a, b))
}

/// The indices of the rows `filter` keeps, in the order of `sort`.
pub fn visible(rows: &[Row], filter: &Filter, sort: Sort, lang: Lang) -> Vec<usize> {
    let mut at: Vec<usize> = (0..rows.len()).filter(|&i| filter.keeps(&rows[i])).collect();
    at.sort_by(|&i, &j| compare(&rows[i], &rows[j], sort, lang));
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lang::Text;

    fn row(file: &str, unit: &str, stated: &str, errors: usize) -> Row {
        Row { file: file.into(), unit: unit.into(), stated_total: stated.into(), errors, ..Row::default() }
    }

    fn files(rows: &[Row], at: &[usize]) -> Vec<String> {
        at.iter().map(|&i| rows[i].file.clone()).collect()
    }

    fn table() -> Vec<Row> {
        let mut computed = row("c.json", "丙局", "", 0);
        computed.computed_total = Some(Decimal::new(955, 1));
        computed.grade = Some(Grade::Excellent);
        let mut poor = row("d.xlsx", "丁站", "58", 1);
        poor.computed_total = Some(Decimal::from(58));
        poor.grade = Some(Grade::Poor);
        vec![
            row("a.json", "甲单位", "93.5", 3),
            row("b.json", "乙单位", "九十", 0),
            computed,
            poor,
            Row::unreadable("x.json", Text::new("坏了", "broken")),
        ]
    }

    #[test]
    fn without_a_column_the_table_keeps_its_order() {
        let rows = table();
        let at = visible(&rows, &Filter::default(), Sort::default(), Lang::Zh);
        assert_eq!(files(&rows, &at), ["x.json", "a.json", "d.xlsx", "c.json", "b.json"], "丙 (U+4E19) before 乙 (U+4E59)");
    }

    #[test]
    fn a_stated_total_sorts_as_a_number_and_text_or_blank_after_numbers_both_ways() {
        let rows = table();
        let up = Sort::default().click(Column::StatedTotal);
        assert!(!up.descending);
        assert_eq!(files(&rows, &visible(&rows, &Filter::default(), up, Lang::Zh)), ["d.xlsx", "a.json", "b.json", "x.json", "c.json"]);
        let down = up.click(Column::StatedTotal);
        assert!(down.descending);
        // 93.5 before 58 (as numbers; as text "58" < "93.5" would put it second either way).
        assert_eq!(files(&rows, &visible(&rows, &Filter::default(), down, Lang::Zh)), ["a.json", "d.xlsx", "b.json", "x.json", "c.json"]);
    }

    #[test]
    fn counts_sort_most_first_on_the_first_click_and_grades_best_first() {
        let rows = table();
        let errors = Sort::default().click(Column::Errors);
        assert_eq!(files(&rows, &visible(&rows, &Filter::default(), errors, Lang::Zh))[..2], ["a.json", "d.xlsx"]);
        let grade = errors.click(Column::Grade);
        assert_eq!(grade, Sort { column: Some(Column::Grade), descending: false });
        assert_eq!(files(&rows, &visible(&rows, &Filter::default(), grade, Lang::Zh))[..2], ["c.json", "d.xlsx"]);
        let total = grade.click(Column::ComputedTotal).click(Column::ComputedTotal);
        assert_eq!(files(&rows, &visible(&rows, &Filter::default(), total, Lang::Zh))[..2], ["c.json", "d.xlsx"]);
    }

    #[test]
    fn the_filter_matches_every_word_in_unit_or_file_and_problems_only_keeps_problems() {
        let rows = table();
        let f = |text: &str, problems_only: bool| {
            files(&rows, &visible(&rows, &Filter { text: text.into(), problems_only }, Sort::default(), Lang::Zh))
        };
        assert_eq!(f("单位", false), ["a.json", "b.json"]);
        assert_eq!(f("  甲  A.JSON ", false), ["a.json"], "words, any case, in the unit or the file name");
        assert_eq!(f("甲 乙", false), Vec::<String>::new());
        assert_eq!(f("", true), ["x.json", "a.json", "d.xlsx"]);
        assert_eq!(f("单位", true), ["a.json"]);
        let mut report = row("r.json", "戊", "", 0);
        report.reports_unread = 1;
        assert!(Filter { text: String::new(), problems_only: true }.keeps(&report), "an unreadable report is a problem");
    }

    #[test]
    fn the_first_error_column_shows_the_reason_a_file_was_not_read() {
        let rows = table();
        assert_eq!(first_error_text(&rows[4], Lang::En), "broken");
        assert_eq!(first_error_text(&rows[0], Lang::Zh), "");
    }
}
