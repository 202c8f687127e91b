//! The pure checking core. No leptos, no web-sys: everything here runs natively and in wasm32.
