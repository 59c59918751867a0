//! Compare the VM with the tree-walk evaluator on two small programs:
//! a counting loop (intrinsics, recur) and naive fib (VM-to-VM calls).
//! Run: `cargo run --release --example vm_bench`. Registers temporary
//! clojure.core natives (`<`, `+`, `-`, `inc`) since clojure.core is not
//! built yet.

use cljw::runtime::error::{ExClass, Exception, Result};
use cljw::runtime::namespace;
use cljw::runtime::value::Value;
use cljw::{Backend, Runtime};
use std::time::Instant;

fn longs(args: &[Value]) -> Result<(i64, i64)> {
    match args {
        [a, b] => a
            .as_long()
            .zip(b.as_long())
            .ok_or_else(|| Exception::new(ExClass::ClassCastException, "not longs")),
        _ => Err(Exception::new(ExClass::ArityException, "arity")),
    }
}
fn lt(args: &[Value]) -> Result<Value> {
    longs(args).map(|(a, b)| Value::bool(a < b))
}
fn add(args: &[Value]) -> Result<Value> {
    longs(args).map(|(a, b)| Value::long(a + b))
}
fn sub(args: &[Value]) -> Result<Value> {
    longs(args).map(|(a, b)| Value::long(a - b))
}
fn inc(args: &[Value]) -> Result<Value> {
    longs(&[args[0].clone(), Value::long(1)]).map(|(a, b)| Value::long(a + b))
}

fn sym(s: &str) -> Value {
    Value::symbol(None, s)
}
fn list(v: Vec<Value>) -> Value {
    Value::list(v)
}

fn main() {
    let core = namespace::create_ns("clojure.core");
    for (name, f) in [
        ("<", lt as cljw::runtime::func::NativeFnPtr),
        ("+", add),
        ("-", sub),
        ("inc", inc),
    ] {
        core.intern(name).bind_root(Value::native_fn(name, f));
    }
    let n: i64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000_000);
    // (loop* [i 0] (if (< i n) (recur (inc i)) i))
    let count = list(vec![
        sym("loop*"),
        Value::vector(vec![sym("i"), Value::long(0)]),
        list(vec![
            sym("if"),
            list(vec![sym("<"), sym("i"), Value::long(n)]),
            list(vec![sym("recur"), list(vec![sym("inc"), sym("i")])]),
            sym("i"),
        ]),
    ]);
    // (def fib (fn* [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
    let def_fib = list(vec![
        sym("def"),
        sym("fib"),
        list(vec![
            sym("fn*"),
            Value::vector(vec![sym("n")]),
            list(vec![
                sym("if"),
                list(vec![sym("<"), sym("n"), Value::long(2)]),
                sym("n"),
                list(vec![
                    sym("+"),
                    list(vec![
                        sym("fib"),
                        list(vec![sym("-"), sym("n"), Value::long(1)]),
                    ]),
                    list(vec![
                        sym("fib"),
                        list(vec![sym("-"), sym("n"), Value::long(2)]),
                    ]),
                ]),
            ]),
        ]),
    ]);
    let fib = list(vec![sym("fib"), Value::long(27)]);
    let only = std::env::args().nth(2);
    for backend in [Backend::Vm, Backend::TreeWalk] {
        if only.as_deref().is_some_and(|o| o != format!("{backend:?}")) {
            continue;
        }
        let mut rt = Runtime::new(backend);
        let t = Instant::now();
        let r = rt.eval(&count).map(|v| v.as_long());
        println!("{backend:?} loop {n}: {r:?} in {:?}", t.elapsed());
        if std::env::args().nth(3).is_some_and(|a| a == "loop") {
            continue;
        }
        let _ = rt.eval(&def_fib);
        let t = Instant::now();
        let r = rt.eval(&fib).map(|v| v.as_long());
        println!("{backend:?} fib 27: {r:?} in {:?}", t.elapsed());
    }
}
