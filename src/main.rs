//! The `cljw` binary: parse argv and hand over to the app layer.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--version") {
        println!("cljw {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    eprintln!("cljw: the evaluator is not built yet (see issue #3); try --version");
    std::process::exit(2);
}
