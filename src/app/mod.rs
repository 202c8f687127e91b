//! The Leptos page (placeholder until the page issue lands).
use leptos::prelude::*;

/// Mounts the page on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <main id="app"><h1>"绩效自评自查"</h1></main> });
}
