//! The page's entry point: Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    selfcheck::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The page is built for the browser: run `make serve`. For the command line use `selfcheck`.");
    std::process::exit(2);
}
