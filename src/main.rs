//! The `cljw` binary: hand argv to the app layer.

/// Counts live bytes while a heap limit (-J-Xmx, CLJW_MAX_HEAP) is set.
#[global_allocator]
static ALLOC: cljw::runtime::alloc::CountingAlloc = cljw::runtime::alloc::CountingAlloc;

fn main() {
    // Invalid UTF-8 in an argument becomes U+FFFD, as the JVM decodes argv.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    std::process::exit(cljw::app::main(args));
}
