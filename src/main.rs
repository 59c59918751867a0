//! The `cljw` binary: hand argv to the app layer.

// mimalloc instead of the system malloc: see docs/decisions.md
// ("Global allocator"). wasm32 keeps Rust's default allocator.
#[cfg(not(target_family = "wasm"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Invalid UTF-8 in an argument becomes U+FFFD, as the JVM decodes argv.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    std::process::exit(cljw::app::main(args));
}
