//! Shared pieces of the cljw fuzz targets (fuzz_targets/*.rs) and of the
//! stable-toolchain driver (src/bin/fuzz-driver.rs): running code on a
//! thread with room for deep recursion, a time budget per case enforced
//! through the runtime's interrupt safe points, a heap limit, and a
//! generator of well-formed Clojure programs driven by fuzzer bytes.

pub mod budget;
pub mod program;

use cljw::runtime::error::{ExClass, Exception};

/// Stack for the thread that analyzes and evaluates a case: the tree-walk
/// backend needs about 20 KiB per Clojure call in debug builds.
pub const STACK: usize = 256 << 20;

/// Nested Clojure calls allowed on that thread before StackOverflowError.
pub const DEPTH_LIMIT: u32 = 5_000;

/// Run `f` on a fresh thread with [`STACK`] bytes of stack and the depth
/// limit set; a panic there propagates (libFuzzer records it as a crash).
pub fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let h = std::thread::Builder::new()
        .name("fuzz-case".into())
        .stack_size(STACK)
        .spawn(move || {
            cljw::runtime::stack::set_limit(DEPTH_LIMIT);
            f()
        })
        .expect("spawn the fuzz case thread");
    match h.join() {
        Ok(v) => v,
        Err(p) => std::panic::resume_unwind(p),
    }
}

/// The class a failed case reports: a CompilerException's cause (the
/// error inside the form), else the exception's own class.
pub fn root_class(e: &Exception) -> ExClass {
    let mut e = e;
    while e.class() == ExClass::CompilerException {
        match e.cause() {
            Some(c) => e = c,
            None => break,
        }
    }
    e.class()
}

/// Errors that mean "the case ran out of budget" (time, heap, depth):
/// one backend may hit them where the other finishes, so they are not
/// differences.
pub fn is_budget(c: ExClass) -> bool {
    matches!(
        c,
        ExClass::InterruptedException | ExClass::OutOfMemoryError | ExClass::StackOverflowError
    )
}

/// What one top-level form did: its printed value, or the class of what
/// it threw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Value(String),
    Threw(&'static str),
    /// The budget (time, heap or depth) ran out.
    Budget(&'static str),
}

/// Read `src` and evaluate each form as `(pr-str FORM)` on `backend`, each
/// with `limit` of time; one outcome per form (a read error ends the list).
pub fn run_forms(
    backend: cljw::Backend,
    src: &[String],
    limit: std::time::Duration,
) -> Vec<Outcome> {
    let mut rt = cljw::Runtime::new(backend);
    let mut out = Vec::new();
    for form in src {
        let text = format!("(pr-str {form})");
        let r = budget::with_time_budget(limit, || {
            let mut reader = rt.reader(&text, None);
            match reader.next_form() {
                Ok(Some(f)) => rt.eval(&f),
                Ok(None) => Ok(cljw::runtime::value::Value::NIL),
                Err(e) => Err(e),
            }
        });
        out.push(match r {
            Ok(v) => Outcome::Value(normalize(&cljw::runtime::printer::pr_str(&v))),
            Err(e) => {
                let c = root_class(&e);
                if is_budget(c) {
                    Outcome::Budget(c.name())
                } else {
                    Outcome::Threw(c.name())
                }
            }
        });
    }
    out
}

/// Identity hashes in `#object[...]` differ between runs: drop them.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("#object[") {
        out.push_str(&rest[..i]);
        out.push_str("#object");
        let tail = &rest[i..];
        // Skip to the matching bracket.
        let mut depth = 0usize;
        let mut end = tail.len();
        for (j, ch) in tail.char_indices() {
            match ch {
                '[' => depth += 1,
                ']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Install the heap limit every target runs under (the counting allocator
/// must be the target's `#[global_allocator]`).
pub fn init() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        cljw::runtime::alloc::set_heap_limit(Some(1 << 30));
    });
}
