//! What the page shows of one submission once it is opened, as plain data: its findings and, for
//! each paired Word report, the report's findings with their places. The page's second wasm module
//! checks the files and hands the page one [`Entry`] per row (JSON), so the page holds no
//! document, evaluation or report of its own and never links the readers.

use serde::{Deserialize, Serialize};

use super::{Reviewed, Row};
use crate::check::finding::Finding;
use crate::text::lang::Text;

/// One row of the desk and what opening it shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Entry {
    /// The table row.
    pub row: Row,
    /// The opened view.
    pub opened: Opened,
}

/// The findings of a submission and of its reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Opened {
    /// The submission's own findings (none when it was not read).
    pub findings: Vec<Finding>,
    /// Its paired Word reports.
    pub reports: Vec<OpenedReport>,
}

/// A paired Word report as opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct OpenedReport {
    /// The report's file name.
    pub file: String,
    /// Why it could not be read (then nothing else is filled in).
    pub unread: Option<Text>,
    /// How many figures the cross-check found in it.
    pub figures: usize,
    /// What holds text that was not checked.
    pub not_read: Vec<Text>,
    /// Each finding with where it is (paragraph, table cell).
    pub findings: Vec<(Finding, Text)>,
}

impl Entry {
    /// The row and the opened view of a reviewed submission.
    pub fn of(r: &Reviewed) -> Entry {
        let findings = r.checked.as_ref().map(|c| c.evaluation.findings.clone()).unwrap_or_default();
        let reports = r
            .reports
            .iter()
            .map(|rc| match &rc.result {
                Err(why) => OpenedReport { file: rc.file.clone(), unread: Some(why.clone()), ..Default::default() },
                Ok(cc) => OpenedReport {
                    file: rc.file.clone(),
                    unread: None,
                    figures: cc.cross.figures.len(),
                    not_read: cc.not_read.clone(),
                    findings: cc.located.iter().map(|x| (x.finding.clone(), x.place.describe())).collect(),
                },
            })
            .collect();
        Entry { row: r.row.clone(), opened: Opened { findings, reports } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{review_detailed, Submission};

    #[test]
    fn an_entry_carries_the_findings_and_survives_json() {
        let seed = include_str!("../../../../examples/guangzhou-ftu-2021.json");
        let reviewed = review_detailed(&[Submission::new("a.json", seed.as_bytes()), Submission::new("b.json", b"{")]);
        let entries: Vec<Entry> = reviewed.iter().map(Entry::of).collect();
        let a = entries.iter().find(|e| e.row.file == "a.json").unwrap();
        assert_eq!(
            a.opened.findings.len(),
            reviewed.iter().find(|r| r.row.file == "a.json").unwrap().checked.as_ref().unwrap().evaluation.findings.len()
        );
        assert!(!a.opened.findings.is_empty());
        let b = entries.iter().find(|e| e.row.file == "b.json").unwrap();
        assert!(b.row.unread.is_some() && b.opened.findings.is_empty());
        let back: Vec<Entry> = serde_json::from_str(&serde_json::to_string(&entries).unwrap()).unwrap();
        assert_eq!(back, entries);
    }
}
