//! 绩效自评自查 (Self-Evaluation Checker).
//!
//! [`core`] is the pure checking core: the self-evaluation format, number parsing, budget
//! rates, rubric scoring, the rule catalogue and its findings, and the report text. It has no
//! browser dependency and builds natively (CLI, tests, benches) and for wasm32 (the page).
//! `app` is the Leptos page; it only exists on wasm32. `cli` is the command line; it only exists
//! natively (it reads files), so the page's wasm never compiles it.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
