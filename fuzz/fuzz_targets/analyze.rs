//! libFuzzer target for the analyzer: read arbitrary text and analyze each
//! form (macroexpansion included, nothing is run). Every outcome must be a
//! value or a Clojure exception: no panic, no stack overflow. See
//! fuzz/README.md for running it on the stable toolchain.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: cljw::runtime::alloc::CountingAlloc<std::alloc::System> =
    cljw::runtime::alloc::CountingAlloc(std::alloc::System);

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    cljw_fuzz::init();
    let src = src.to_string();
    cljw_fuzz::on_big_stack(move || {
        let rt = cljw::Runtime::new(cljw::Backend::Vm);
        cljw_fuzz::budget::with_time_budget(std::time::Duration::from_secs(2), || {
            let mut r = rt.reader(&src, None);
            for _ in 0..200 {
                let form = match r.next_form() {
                    Ok(Some(f)) => f,
                    Ok(None) | Err(_) => break,
                };
                let env = cljw::analyzer::Env {
                    ns: rt.current_ns(),
                    file: None,
                    pos: None,
                };
                let _ = cljw::analyzer::analyze_top(&form, &env);
            }
        })
    });
});
