//! Batteries for scripts (JSON, processes, files): every
//! tests/batteries/*.clj runs through the built `cljw` on each backend and
//! must print NAME.out. Programs using cheshire / data.json were recorded on
//! JVM Clojure 1.11.1 with those libraries' jars by
//! scripts/record-batteries.sh; babashka.* programs (no JVM jar here)
//! follow the library's documented behaviour, as each file's header says.

#![cfg(not(target_family = "wasm"))]

#[path = "support/golden_runner.rs"]
mod golden_runner;

#[test]
fn batteries_tree_walk() {
    golden_runner::run_all("tests/batteries", "tree-walk");
}

#[test]
fn batteries_vm() {
    if cljw::Backend::from_name("vm").is_none() {
        println!("batteries [vm]: this build has no VM backend; skipped");
        return;
    }
    golden_runner::run_all("tests/batteries", "vm");
}
