//! libFuzzer target for evaluation: the bytes drive a grammar of pure
//! clojure.core calls (src/program.rs); each generated form runs on the VM and
//! on the tree-walk evaluator with a time budget, and the two backends
//! must agree on its printed value or on the class of what it threw. A
//! panic, a stack overflow, or a difference is a finding.
#![no_main]

use cljw_fuzz::Outcome;
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

#[global_allocator]
static ALLOC: cljw::runtime::alloc::CountingAlloc<std::alloc::System> =
    cljw::runtime::alloc::CountingAlloc(std::alloc::System);

fuzz_target!(|data: &[u8]| {
    cljw_fuzz::init();
    let forms = cljw_fuzz::program::programs(data, 4, 5);
    if forms.is_empty() {
        return;
    }
    let limit = Duration::from_millis(300);
    let f2 = forms.clone();
    let (vm, tw) = cljw_fuzz::on_big_stack(move || {
        let vm = cljw_fuzz::run_forms(cljw::Backend::Vm, &f2, limit);
        let tw = cljw_fuzz::run_forms(cljw::Backend::TreeWalk, &f2, limit);
        (vm, tw)
    });
    for ((form, a), b) in forms.iter().zip(&vm).zip(&tw) {
        if matches!(a, Outcome::Budget(_)) || matches!(b, Outcome::Budget(_)) {
            continue;
        }
        assert_eq!(
            a, b,
            "backends differ on {form}\n  vm: {a:?}\n  tree-walk: {b:?}"
        );
    }
});
