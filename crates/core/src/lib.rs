//! `selfcheck-core`, the pure checking core. No leptos, no web-sys: everything here runs natively and in wasm32,
//! so the CLI, the page and the tests all call the same code.
//!
//! One folder per concern (ARCHITECTURE.md draws the tree):
//! - [`document`]: the self-evaluation document as typed text, its files, drafts and next year;
//! - [`text`]: the language, reading what officers type (numbers, words) and writing numbers;
//! - [`check`]: computing the figures and the findings: budget, indicators, rubric scoring, rules;
//! - [`crosscheck`]: a written report's figures against the computed ones;
//! - [`report`]: the 自评报告 as data, text and .docx;
//! - [`office`]: Office Open XML and ZIP, and the Excel sheets;
//! - [`chart`]: charts as data and SVG;
//! - [`edit`]: the editing services the page uses (field paths, rows, pastes);
//! - [`workbook`]: a filled .xlsx template (another program's workbook) read into a document;
//! - [`report_docx`]: a written .docx report read and cross-checked;
//! - [`review`]: the reviewer's table, one row per submitted file.

pub mod chart;
pub mod check;
pub mod crosscheck;
pub mod document;
pub mod edit;
pub mod office;
pub mod report;
pub mod report_docx;
pub mod review;
pub mod text;
pub mod workbook;

pub use check::evaluate::{evaluate, evaluate_with, status, status_of, status_with_todo, Evaluation};
pub use document::format::SelfEvaluation;
pub use text::lang::{Lang, Text};
