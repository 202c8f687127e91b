//! `selfcheck`: check self-evaluation files from the command line (see `selfcheck --help`).
//! Native only (the library's `cli` is not compiled for wasm32; there this is an empty `main`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = selfcheck::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
