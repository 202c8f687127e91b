//! `selfcheck`: check self-evaluation files from the command line (see `selfcheck --help`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = selfcheck::cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
