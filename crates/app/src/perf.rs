//! `performance.mark` / `measure` around the update that follows a keystroke, so a benchmark can
//! read how long typing takes (`scripts/bench-typing.mjs` reads the `sc-update` measures).
//!
//! `sc-input` is marked when the input event arrives; once every reactive effect the edit woke
//! has run (re-evaluation, rates, scores, findings, DOM), layout is forced and `sc-update` is
//! measured from the mark; after the next frame is painted `sc-paint` is measured too.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Marks the start of an update.
pub fn start() {
    if let Some(p) = performance() {
        let _ = p.mark("sc-input");
    }
}

/// Measures the update once the effects it woke have run, and again after the next paint.
pub fn finish() {
    // Effects woken by the edit are queued before this task; the effects they wake in turn are
    // queued behind it, so it re-queues itself twice before measuring.
    leptos::task::spawn_local(async {
        leptos::task::spawn_local(async {
            leptos::task::spawn_local(async {
                if let Some(p) = performance() {
                    let _ = p.measure_with_start_mark("sc-reactive", "sc-input");
                    // Reading a layout property makes style and layout happen now, inside the measure.
                    if let Some(b) = document().body() {
                        let _ = b.unchecked_ref::<web_sys::HtmlElement>().offset_height();
                    }
                    let _ = p.measure_with_start_mark("sc-update", "sc-input");
                }
                request_animation_frame(|| {
                    set_timeout(
                        || {
                            if let Some(p) = performance() {
                                let _ = p.measure_with_start_mark("sc-paint", "sc-input");
                            }
                        },
                        std::time::Duration::ZERO,
                    )
                });
            });
        });
    });
}

/// Runs `f` and measures it as `name` (e.g. `sc-eval` for the evaluation).
pub fn span<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let p = performance();
    let start = format!("{name}-start");
    if let Some(p) = &p {
        let _ = p.mark(&start);
    }
    let r = f();
    if let Some(p) = &p {
        let _ = p.measure_with_start_mark(name, &start);
    }
    r
}
