//! The `cljw` binary: hand argv to the app layer.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cljw::app::main(args));
}
