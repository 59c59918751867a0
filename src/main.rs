//! The `cljw` binary: hand argv to the app layer.

// The heap-limit counter (-J-Xmx, CLJW_MAX_HEAP) over mimalloc instead of
// the system malloc (docs/decisions.md, "Global allocator"); wasm32 keeps
// Rust's default allocator.
#[cfg(not(target_family = "wasm"))]
#[global_allocator]
static ALLOC: cljw::runtime::alloc::CountingAlloc<mimalloc::MiMalloc> =
    cljw::runtime::alloc::CountingAlloc(mimalloc::MiMalloc);
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOC: cljw::runtime::alloc::CountingAlloc<std::alloc::System> =
    cljw::runtime::alloc::CountingAlloc(std::alloc::System);

fn main() {
    // Invalid UTF-8 in an argument becomes U+FFFD, as the JVM decodes argv.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    std::process::exit(cljw::app::main(args));
}
