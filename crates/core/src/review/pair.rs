//! Which files go together: a Word report (`.docx`) belongs to the submission of the same stem.
//!
//! Policy: the stem is the file name without its last extension, compared exactly (`单位A.docx`
//! goes with `单位A.xlsx` and `单位A.json`, not with `单位a.json`). A report whose stem names two
//! submissions goes with both; a report whose stem names none is an orphan, which the table shows
//! as a row of its own. Groups keep the order of the files given; each group's reports are sorted
//! by name.

use std::collections::HashMap;

use super::Submission;

/// A submission and the Word reports of its stem.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'s, 'a> {
    /// The self-evaluation or workbook.
    pub submission: &'s Submission<'a>,
    /// Its reports, sorted by name.
    pub reports: Vec<&'s Submission<'a>>,
}

/// The files sorted into groups, and the reports that have no submission.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pairing<'s, 'a> {
    /// One group per file that is not a report, in the order given.
    pub groups: Vec<Group<'s, 'a>>,
    /// Reports with no submission of their stem, in the order given.
    pub orphans: Vec<&'s Submission<'a>>,
}

/// (stem, extension in lower case) of a file name: `单位A.DOCX` → (`单位A`, `docx`).
pub fn split_name(name: &str) -> (&str, String) {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (name, String::new()),
    }
}

/// True for a Word report (`.docx`, any case).
pub fn is_report(name: &str) -> bool {
    split_name(name).1 == "docx"
}

/// Sorts `files` into groups (see the module policy).
pub fn pair<'s, 'a>(files: &'s [Submission<'a>]) -> Pairing<'s, 'a> {
    let mut out = Pairing::default();
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    for s in files.iter().filter(|s| !is_report(s.name)) {
        by_stem.entry(split_name(s.name).0).or_default().push(out.groups.len());
        out.groups.push(Group { submission: s, reports: Vec::new() });
    }
    for r in files.iter().filter(|s| is_report(s.name)) {
        match by_stem.get(split_name(r.name).0) {
            Some(at) => at.iter().for_each(|&i| out.groups[i].reports.push(r)),
            None => out.orphans.push(r),
        }
    }
    for g in &mut out.groups {
        g.reports.sort_by(|a, b| a.name.cmp(b.name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'s>(v: &[&'s Submission<'_>]) -> Vec<&'s str> {
        v.iter().map(|s| s.name).collect()
    }

    #[test]
    fn a_report_goes_with_every_submission_of_its_stem_and_only_those() {
        let files = [
            Submission::new("单位A.docx", b""),
            Submission::new("单位A.xlsx", b""),
            Submission::new("单位A.json", b""),
            Submission::new("单位a.json", b""),
            Submission::new("单位B.json", b""),
            Submission::new("单位B.v2.DOCX", b""),
            Submission::new("单位B.DOCX", b""),
            Submission::new("孤儿.docx", b""),
        ];
        let p = pair(&files);
        let got: Vec<(&str, Vec<&str>)> = p.groups.iter().map(|g| (g.submission.name, names(&g.reports))).collect();
        assert_eq!(
            got,
            vec![
                ("单位A.xlsx", vec!["单位A.docx"]),
                ("单位A.json", vec!["单位A.docx"]),
                ("单位a.json", vec![]),
                ("单位B.json", vec!["单位B.DOCX"]),
            ]
        );
        assert_eq!(names(&p.orphans), vec!["单位B.v2.DOCX", "孤儿.docx"]);
    }

    #[test]
    fn names_without_a_stem_or_extension_are_kept_whole() {
        assert_eq!(split_name(".docx"), (".docx", String::new()));
        assert_eq!(split_name("README"), ("README", String::new()));
        assert_eq!(split_name("a.b.XLSX"), ("a.b", "xlsx".to_string()));
        assert!(!is_report(".docx"), "a hidden file named .docx has no stem to pair by");
        let files = [Submission::new(".docx", b"")];
        assert_eq!(pair(&files).groups.len(), 1);
    }
}
