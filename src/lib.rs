//! 绩效自评自查 (Self-Evaluation Checker): the command line, and the door the integration
//! tests, benches and size probes use.
//!
//! The code lives in three crates (ARCHITECTURE.md): `selfcheck-core` (crates/core: the pure
//! checking core, no browser dependency, native and wasm32), `selfcheck-app` (crates/app: the
//! Leptos page, wasm32 only) and this one: [`cli`] (native only, so the page's wasm never
//! compiles it) and the page's binary for Trunk (src/main.rs). `core` and `app` name the two
//! crates under the paths the CLI, the tests and the docs use (`selfcheck::core::evaluate`).

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

pub use selfcheck_core as core;

#[cfg(target_arch = "wasm32")]
pub use selfcheck_app as app;
