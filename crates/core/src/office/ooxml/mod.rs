//! Office Open XML packages (.docx, .xlsx) written and read in pure Rust.
//!
//! Policy: the page must stay small (≤ 200 KB gzip in all), so instead of general-purpose crates
//! (docx-rs, rust_xlsxwriter, calamine: see BENCHMARKS.md, "Report and Excel") the checker
//! carries the few hundred lines it needs: a ZIP container ([`zip`]) whose writer stores entries
//! uncompressed (Word and Excel read stored entries; the files are tens of KB) and whose reader
//! inflates with `miniz_oxide`, and a small XML tree reader/escaper ([`xml`]). Output is
//! deterministic (fixed timestamps, fixed entry order) so tests can compare bytes.

pub mod xml;
pub mod zip;
