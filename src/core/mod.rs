//! The pure checking core. No leptos, no web-sys: everything here runs natively and in wasm32,
//! so the CLI, the page and the tests all call the same code.

pub mod budget;
pub mod budget_paste;
pub mod carry;
pub mod chart;
pub mod crosscheck;
pub mod draft;
pub mod draft_sync;
pub mod edit;
pub mod entry;
pub mod evaluate;
pub mod finding;
pub mod fixed;
pub mod format;
pub mod grade;
pub mod header;
pub mod ids;
pub mod import;
pub mod incremental;
pub mod indicator;
pub mod number;
pub mod ooxml;
pub mod paste;
pub mod report;
pub mod report_docx;
pub mod review;
pub mod rounding;
pub mod rubric;
pub mod rules;
pub mod scoring;
pub mod text;
pub mod words;
pub mod workbook;
pub mod xlsx;

pub use evaluate::{evaluate, evaluate_with, status, status_of, status_with_todo, Evaluation};
pub use format::SelfEvaluation;
pub use text::{Lang, Text};
