//! `entry.rubric_unusable`: a rubric carried in the document that cannot score.
//!
//! - **What**: a rubric (edited by hand, or every weight cleared while editing) with no item that
//!   weighs more than 0. It is kept, so the page edits what it shows, but it is an error: the
//!   status is never 可以提交 with an empty score table.
//! - **Why**: nothing could be scored.
//! - **Source**: 本工具文件格式 docs/format.md：评分标准至少有一个分值大于 0 的评分项 / the file format.

use crate::check::finding::violation;
use crate::text::lang::Text;

/// A rubric that cannot score.
#[derive(Debug)]
pub struct RubricUnusable {
    /// Why.
    pub reason: Text,
}

violation!(RubricUnusable = "entry.rubric_unusable" { reason });

#[cfg(test)]
mod tests {
    use crate::check::rubric::{preset, Rubric};
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_an_empty_rubric() {
        let f = with(|d| d.rubric.inline = Some(Rubric { name: "空标准".into(), ..Default::default() }));
        fires(&f, "entry.rubric_unusable", "rubric.preset", &["空标准"]);
    }

    #[test]
    fn quiet_on_a_preset() {
        quiet(&with(|d| d.rubric.inline = preset("national-2020")), "entry.rubric_unusable");
    }
}
