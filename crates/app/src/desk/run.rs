//! Every call of the 审核 view into the core, in one place: checking the files, sorting and
//! filtering the table, writing it as .xlsx. The view holds only what these return.

use selfcheck_core::review::table::{self, Filter, Sort};
use selfcheck_core::review::{self, xlsx, Reviewed, Submission};
use selfcheck_core::{Lang, Text};

/// A file as the page got it: its name and its bytes, or why the browser gave none.
pub type File = (String, Result<Vec<u8>, Text>);

/// Checks `files` together (reports paired by name), in the table's order.
pub fn check(files: &[File]) -> Vec<Reviewed> {
    let subs: Vec<Submission> = files
        .iter()
        .map(|(name, bytes)| match bytes {
            Ok(b) => Submission::new(name, b),
            Err(why) => Submission::failed(name, why.clone()),
        })
        .collect();
    review::review_detailed(&subs)
}

/// The positions in `reviewed` of the rows shown, in the order shown.
pub fn visible(reviewed: &[Reviewed], filter: &Filter, sort: Sort, lang: Lang) -> Vec<usize> {
    let rows: Vec<review::Row> = reviewed.iter().map(|r| r.row.clone()).collect();
    table::visible(&rows, filter, sort, lang)
}

/// The rows at `at`, in that order, as an .xlsx table in `lang`.
pub fn to_xlsx(reviewed: &[Reviewed], at: &[usize], lang: Lang) -> Vec<u8> {
    let rows: Vec<review::Row> = at.iter().map(|&i| reviewed[i].row.clone()).collect();
    xlsx::to_xlsx(&rows, lang)
}
