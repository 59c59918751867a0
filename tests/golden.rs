//! Golden programs: every tests/golden/**/*.clj runs through the built
//! `cljw` on each backend; its stdout must equal NAME.out and its exit
//! status NAME.exit (0 when absent) beside NAME.clj, both recorded from JVM Clojure 1.11.1
//! by scripts/record-golden.sh. Any difference fails the test.

#[path = "support/golden_runner.rs"]
mod golden_runner;

#[test]
fn golden_tree_walk() {
    golden_runner::run_all("tests/golden", "tree-walk");
}

#[test]
fn golden_vm() {
    // TODO: remove this guard once the VM backend is merged into main.
    if cljw::Backend::from_name("vm").is_none() {
        println!("golden [vm]: this build has no VM backend yet; skipped");
        return;
    }
    golden_runner::run_all("tests/golden", "vm");
}
