//! The `cljw.wasm` namespace (feature `wasm-ffi`): loading, calls and
//! marshalling, host imports, guest memory, traps, fuel and limits, on both
//! backends. WAT sources are inline or under tests/wasm/.
#![cfg(feature = "wasm-ffi")]

use cljw::runtime::error::ExClass;
use cljw::runtime::printer::pr_str;
use cljw::{Backend, Runtime};

const BASICS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wasm/basics.wat");

/// `(module (func (export "add") (param i32 i32) (result i32) ...))` as a
/// binary module, encoded by hand.
const ADD_WASM: &[u8] = &[
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, // type (i32 i32) -> i32
    0x03, 0x02, 0x01, 0x00, // one func of type 0
    0x07, 0x07, 0x01, 0x03, b'a', b'd', b'd', 0x00, 0x00, // export "add"
    0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b, // body
];

/// Run `src` after a prelude that loads basics.wat as `inst` (its imports
/// are Clojure fns), on both backends; the printed result, or the thrown
/// exception's class, message and data. Both backends must agree.
fn eval(src: &str) -> String {
    eval_on(&[Backend::Vm, Backend::TreeWalk], src)
}

/// `eval` on the given backends, on a thread with a big stack as the CLI
/// gives its evaluator (WASI runs need more than a test thread's 2 MiB).
fn eval_on(backends: &[Backend], src: &str) -> String {
    let (backends, src) = (backends.to_vec(), src.to_string());
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || eval_here(&backends, &src))
        .expect("spawn an evaluator thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

fn eval_here(backends: &[Backend], src: &str) -> String {
    let prelude = format!(
        r#"(require '[cljw.wasm :as wasm])
           (def basics {BASICS:?})
           (def logged (atom []))
           (declare inst)
           (def imports
             {{"env" {{"log" (fn [p n] (swap! logged conj (wasm/read-string inst p n)))
                     "twice" (fn [x] (* 2 (wasm/call inst "addl" x 0)))
                     "pair" (fn [x] [x (wasm/call inst "add" x 1)])}}}})
           (def inst (wasm/load basics {{:imports imports}}))"#
    );
    let mut results = Vec::new();
    for &backend in backends {
        // Each run defines its vars in a namespace of its own: tests run in
        // parallel threads of one process, and a shared `user/f` would let
        // one test see another's definitions.
        static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let prelude = format!("(ns wasm-ffi-run-{n})\n{prelude}");
        let src = format!("(in-ns 'wasm-ffi-run-{n})\n{src}");
        let mut rt = Runtime::new(backend);
        let r = rt
            .load_str(&prelude, None)
            .and_then(|_| rt.load_str(&src, None));
        results.push(match r {
            Ok(v) => pr_str(&v),
            Err(mut e) => {
                // Top-level forms wrap what they throw, as on the JVM.
                while e.class() == ExClass::CompilerException {
                    match e.cause() {
                        Some(c) => e = c.clone(),
                        None => break,
                    }
                }
                format!(
                    "{} {} {}",
                    e.class().simple_name(),
                    e.message().unwrap_or(""),
                    e.data().map(pr_str).unwrap_or_default()
                )
            }
        });
    }
    assert!(
        results.windows(2).all(|w| w[0] == w[1]),
        "backends differ on {src}: {results:?}"
    );
    results.remove(0)
}

#[test]
fn load_from_text_path_and_bytes() {
    assert_eq!(
        eval(
            r#"(wasm/call (wasm/load "(module (func (export \"f\") (result i32) i32.const 7))") "f")"#
        ),
        "7"
    );
    assert_eq!(eval("(wasm/instance? inst)"), "true");
    let dir = std::env::temp_dir().join(format!("cljw-wasm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("add.wasm");
    std::fs::write(&bin, ADD_WASM).unwrap();
    assert_eq!(
        eval(&format!(
            "(wasm/call (wasm/load {:?}) \"add\" 2 3)",
            bin.to_str().unwrap()
        )),
        "5"
    );
    let bytes: Vec<String> = ADD_WASM.iter().map(|b| (*b as i8).to_string()).collect();
    assert_eq!(
        eval(&format!(
            "(wasm/call (wasm/load (byte-array [{}])) \"add\" 2 3)",
            bytes.join(" ")
        )),
        "5"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn calls_marshal_every_value_type() {
    assert_eq!(eval(r#"(wasm/call inst "add" 1 2)"#), "3");
    assert_eq!(
        eval(r#"(wasm/call inst "add" 2147483647 1)"#),
        "-2147483648"
    );
    assert_eq!(
        eval(r#"(wasm/call inst "addl" 10000000000 2)"#),
        "10000000002"
    );
    assert_eq!(eval(r#"(wasm/call inst "half" 3)"#), "1.5");
    assert_eq!(eval(r#"(wasm/call inst "halff" 3.0)"#), "1.5");
    assert_eq!(eval(r#"(wasm/call inst :add 1.9 2)"#), "3");
    assert_eq!(eval(r#"(wasm/call inst "swap" 1 2)"#), "[2 1]");
    assert_eq!(eval(r#"(wasm/call inst "nothing")"#), "nil");
}

#[test]
fn arguments_are_range_checked() {
    assert_eq!(
        eval(r#"(wasm/call inst "add" 3000000000 1)"#),
        "IllegalArgumentException Value out of range for int: 3000000000 "
    );
    assert_eq!(
        eval(r#"(wasm/call inst "add" -2147483649 1)"#),
        "IllegalArgumentException Value out of range for int: -2147483649 "
    );
    assert_eq!(
        eval(r#"(wasm/call inst "addl" 9223372036854775808N 1)"#),
        "IllegalArgumentException Value out of range for long: 9223372036854775808 "
    );
    assert_eq!(
        eval(r#"(wasm/call inst "halff" 1e300)"#),
        "IllegalArgumentException Value out of range for float: 1.0E300 "
    );
    assert!(eval(r#"(wasm/call inst "add" "1" 2)"#).starts_with("ClassCastException"));
    assert_eq!(
        eval(r#"(wasm/call inst "add" 1)"#),
        "ArityException Wrong number of args (1) passed to: wasm export add (takes 2) "
    );
    assert_eq!(
        eval(r#"(wasm/call inst "nope")"#),
        "IllegalArgumentException wasm module has no exported function \"nope\" "
    );
}

#[test]
fn wasm_fn_works_with_map_reduce_apply() {
    assert_eq!(
        eval(
            r#"(let [add (wasm/fn inst "add")] [(map add [1 2 3] [10 20 30]) (reduce add (range 100)) (apply add [5 6])])"#
        ),
        "[(11 22 33) 4950 11]"
    );
    assert_eq!(
        eval(r#"(mapv (wasm/fn inst "fib") (range 10))"#),
        "[0 1 1 2 3 5 8 13 21 34]"
    );
}

#[test]
fn exports_and_imports_as_data() {
    assert_eq!(
        eval(r#"(filter (comp #{"add" "memory" "swap"} :name) (wasm/exports inst))"#),
        r#"({:name "add", :kind :func, :params [:i32 :i32], :results [:i32]} {:name "memory", :kind :memory, :min 1, :max 4} {:name "swap", :kind :func, :params [:i32 :i32], :results [:i32 :i32]})"#
    );
    assert_eq!(
        eval("(= (wasm/imports inst) (wasm/imports basics))"),
        "true"
    );
    assert_eq!(
        eval("(first (wasm/imports basics))"),
        r#"{:module "env", :name "log", :kind :func, :params [:i32 :i32], :results []}"#
    );
}

#[test]
fn host_imports_call_clojure_and_back_into_the_guest() {
    // log reads the guest's memory from inside the import.
    assert_eq!(
        eval(r#"(wasm/call inst "greet") @logged"#),
        r#"["hello wasm"]"#
    );
    // twice calls the guest's addl from inside the import.
    assert_eq!(eval(r#"(wasm/call inst "tw" 21)"#), "42");
    // pair returns two results as a vector, one computed by the guest.
    assert_eq!(eval(r#"(wasm/call inst "sum-pair" 5)"#), "11");
}

#[test]
fn exceptions_cross_the_boundary_unchanged() {
    let src = r#"
      (def boom (ex-info "from clojure" {:k 1}))
      (def thrower (wasm/load basics {:imports (assoc-in imports ["env" "twice"] (fn [_] (throw boom)))}))
      (try (wasm/call thrower "tw" 1) (catch Exception e (identical? e boom)))"#;
    assert_eq!(eval(src), "true");
    // A trap inside a nested call travels out through the import unchanged.
    let src = r#"
      (declare nested)
      (def nested (wasm/load basics {:imports (assoc-in imports ["env" "twice"] (fn [_] (wasm/call nested "unreachable")))}))
      (try (wasm/call nested "tw" 1) (catch clojure.lang.ExceptionInfo e (:trap (ex-data e))))"#;
    assert_eq!(eval(src), ":unreachable");
    // A bad return value from an import.
    assert!(
        eval(r#"(wasm/call (wasm/load basics {:imports (assoc-in imports ["env" "twice"] (fn [_] "x"))}) "tw" 1)"#)
            .starts_with("ClassCastException")
    );
    assert_eq!(
        eval(
            r#"(wasm/call (wasm/load basics {:imports (assoc-in imports ["env" "pair"] (fn [_] [1]))}) "sum-pair" 1)"#
        ),
        "IllegalArgumentException cljw.wasm: host import env.pair must return 2 values, got 1 "
    );
    // The instance stays usable after an exception.
    assert_eq!(
        eval(
            r#"(try (wasm/call inst "unreachable") (catch Exception _)) (wasm/call inst "add" 1 1)"#
        ),
        "2"
    );
}

#[test]
fn guest_memory() {
    assert_eq!(eval("(wasm/memory-size inst)"), "1");
    assert_eq!(
        eval(
            r#"[(wasm/write-string! inst 100 "héllo") (wasm/read-string inst 100 6) (wasm/call inst "load" 100)]"#
        ),
        r#"[6 "héllo" 104]"#
    );
    assert_eq!(
        eval("(vec (wasm/read-bytes inst 16 5))"),
        "[104 101 108 108 111]"
    );
    assert_eq!(
        eval(
            "(wasm/write-bytes! inst 0 (byte-array [-1 2])) [(wasm/call inst \"load\" 0) (bytes? (wasm/read-bytes inst 0 2))]"
        ),
        "[255 true]"
    );
    assert_eq!(
        eval("(wasm/read-bytes inst 65530 10)"),
        "IndexOutOfBoundsException wasm memory access out of bounds: offset 65530, length 10, memory size 65536 "
    );
    assert!(eval("(wasm/write-string! inst -1 \"x\")").starts_with("IndexOutOfBoundsException"));
    // The module's maximum is 4 pages.
    assert_eq!(
        eval(
            "[(wasm/grow-memory! inst 2) (wasm/memory-size inst) (wasm/grow-memory! inst 5) (alength (wasm/read-bytes inst 70000 0))]"
        ),
        "[1 3 -1 0]"
    );
}

#[test]
fn memory_and_table_limits() {
    // 2 pages allowed: growing to 3 fails in wasm and from Clojure.
    assert_eq!(
        eval(
            r#"(let [i (wasm/load basics {:imports imports :max-memory-bytes 131072})]
                  [(wasm/call i "grow" 1) (wasm/call i "grow" 1) (wasm/grow-memory! i 1)])"#
        ),
        "[1 -1 -1]"
    );
    assert!(
        eval(r#"(wasm/load "(module (memory 3))" {:max-memory-bytes 65536})"#)
            .starts_with("ExceptionInfo wasm error:")
    );
    assert!(
        eval(r#"(wasm/load "(module (table 10 funcref))" {:max-table-elements 5})"#)
            .starts_with("ExceptionInfo wasm error:")
    );
}

fn trap(src: &str) -> String {
    eval(&format!(
        "(try {src} (catch clojure.lang.ExceptionInfo e (let [d (ex-data e)] [(:type d) (:trap d)])))"
    ))
}

#[test]
fn traps_become_ex_info() {
    assert_eq!(
        trap(r#"(wasm/call inst "unreachable")"#),
        "[:wasm/trap :unreachable]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "div" 1 0)"#),
        "[:wasm/trap :div-by-zero]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "div" -2147483648 -1)"#),
        "[:wasm/trap :integer-overflow]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "load" 70000)"#),
        "[:wasm/trap :memory-out-of-bounds]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "deep" 0)"#),
        "[:wasm/trap :stack-overflow]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "trunc" ##NaN)"#),
        "[:wasm/trap :bad-conversion-to-integer]"
    );
    assert_eq!(trap(r#"(wasm/call inst "call-indirect" 0)"#), "3");
    assert_eq!(
        trap(r#"(wasm/call inst "call-indirect" 1)"#),
        "[:wasm/trap :indirect-call-to-null]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "call-indirect" 7)"#),
        "[:wasm/trap :table-out-of-bounds]"
    );
    assert_eq!(
        trap(r#"(wasm/call inst "call-wrong-type")"#),
        "[:wasm/trap :bad-signature]"
    );
}

#[test]
fn fuel_runs_out_and_refills() {
    let src = r#"
      (def f (wasm/load basics {:imports imports :fuel 100000}))
      (def spin (try (wasm/call f "spin") (catch clojure.lang.ExceptionInfo e (:trap (ex-data e)))))
      [spin (wasm/fuel f) (wasm/add-fuel! f 1000000) (wasm/call f "fib" 15) (< (wasm/fuel f) 1000000) (wasm/fuel inst)]"#;
    // spin's loop costs 2 fuel a round: 1 is left over, unusable.
    assert_eq!(eval(src), "[:out-of-fuel 1 1000001 610 true nil]");
    assert_eq!(
        trap(r#"(wasm/call (wasm/load basics {:imports imports :fuel 10}) "fib" 25)"#),
        "[:wasm/trap :out-of-fuel]"
    );
    assert!(eval("(wasm/add-fuel! inst 10)").starts_with("IllegalStateException"));
}

#[test]
fn bad_modules_fail_clearly() {
    assert_eq!(
        eval(
            r#"(try (wasm/load (byte-array [0 97 115 109 9 0 0 0])) (catch clojure.lang.ExceptionInfo e (:type (ex-data e))))"#
        ),
        ":wasm/invalid-module"
    );
    assert!(
        eval(r#"(wasm/load "(module (func (result i32)))")"#)
            .starts_with("ExceptionInfo Invalid wasm module: ")
    );
    assert!(
        eval(r#"(wasm/load "(module (func")"#)
            .starts_with("ExceptionInfo Invalid wasm module: expected `)`")
    );
    assert_eq!(
        eval(r#"(wasm/load "no/such/file.wasm")"#),
        "FileNotFoundException no/such/file.wasm (No such file or directory) "
    );
    assert_eq!(
        eval("(wasm/load basics)"),
        r#"ExceptionInfo wasm module imports env.log, which :imports does not provide {:type :wasm/missing-import, :module "env", :name "log"}"#
    );
    assert!(eval("(wasm/load 42)").starts_with("IllegalArgumentException"));
}

const WASI_ECHO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wasm/wasi_echo.wat");

#[test]
fn run_wasi_command_module() {
    let dir = std::env::temp_dir().join(format!("cljw-wasi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("in.txt"), "from a file").unwrap();
    let src = format!(
        r#"(wasm/run {WASI_ECHO:?} {{:args ["first-arg " "x"] :stdin "from stdin" :dirs {{"." {:?}}}}})"#,
        dir.to_str().unwrap()
    );
    assert_eq!(
        eval(&src),
        r#"{:exit 7, :out "first-arg from stdin", :err "from a file"}"#
    );
    // No preopen: path_open fails and nothing reaches stderr; stdin as bytes.
    assert_eq!(
        eval(&format!(
            r#"(wasm/run {WASI_ECHO:?} {{:stdin (byte-array (map int "abc"))}})"#
        )),
        r#"{:exit 7, :out "abc", :err ""}"#
    );
    assert_eq!(
        eval(&format!(
            r#"(try (wasm/run {WASI_ECHO:?} {{:stdin "0123456789" :max-output-bytes 4}}) (catch clojure.lang.ExceptionInfo e (ex-data e)))"#
        )),
        r#"{:type :wasm/output-limit, :out "0123", :err ""}"#
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_with_fuel_and_traps() {
    let spin =
        r#""(module (memory (export \"memory\") 1) (func (export \"_start\") (loop br 0)))""#;
    assert_eq!(
        trap(&format!("(wasm/run {spin} {{:fuel 100000}})")),
        "[:wasm/trap :out-of-fuel]"
    );
    let ok = r#""(module (memory (export \"memory\") 1) (func (export \"_start\")))""#;
    assert_eq!(
        eval(&format!("(wasm/run {ok})")),
        r#"{:exit 0, :out "", :err ""}"#
    );
    let boom =
        r#""(module (memory (export \"memory\") 1) (func (export \"_start\") unreachable))""#;
    assert_eq!(
        trap(&format!("(wasm/run {boom})")),
        "[:wasm/trap :unreachable]"
    );
}

/// cljw's own wasm32 build runs inside `wasm/run`. CI builds it
/// (target/wasm32-wasip1/release/cljw.wasm) before re-running this test;
/// CLJW_WASM names another build. Skipped, saying so, when absent.
#[test]
fn cljw_wasm_runs_inside_wasm_run() {
    let path = std::env::var("CLJW_WASM").unwrap_or_else(|_| {
        let target = std::env::var("CARGO_TARGET_DIR")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").to_string());
        format!("{target}/wasm32-wasip1/release/cljw.wasm")
    });
    if !std::path::Path::new(&path).is_file() {
        eprintln!(
            "skipped: {path} is absent (build it with cargo build --release --target wasm32-wasip1 --no-default-features)"
        );
        return;
    }
    // The guest is the same for both backends: run it once.
    let eval = |src: &str| eval_on(&[Backend::Vm], src);
    assert_eq!(
        eval(&format!(
            r#"(wasm/run {path:?} {{:args ["-e" "(+ 1 2)"]}})"#
        )),
        r#"{:exit 0, :out "3\n", :err ""}"#
    );
    assert_eq!(
        eval(&format!(
            r#"(:out (wasm/run {path:?} {{:args ["-e" "(println (read-line) (System/getenv \"WHO\"))"] :stdin "hi\n" :env {{"WHO" "wasm"}}}}))"#
        )),
        r#""hi wasm\n""#
    );
}

/// Run `call` (after loading `setup`) on its own interruptible thread,
/// interrupt it from this one once it is running, and return what it threw
/// (class and ex-data) and how long it ran after the interrupt.
fn interrupted(backend: Backend, setup: &str, call: &str) -> (String, std::time::Duration) {
    use cljw::runtime::interrupt;
    let (setup, call) = (setup.to_string(), call.to_string());
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let flag = interrupt::register_current_thread();
            let mut rt = Runtime::new(backend);
            let loaded = rt.load_str(&setup, None);
            assert!(loaded.is_ok(), "setup failed");
            let _ = tx.send(flag.clone());
            let r = rt.load_str(&call, None);
            flag.clear();
            match r {
                Ok(v) => format!("returned {}", pr_str(&v)),
                Err(mut e) => {
                    while e.class() == ExClass::CompilerException {
                        match e.cause() {
                            Some(c) => e = c.clone(),
                            None => break,
                        }
                    }
                    format!(
                        "{} {}",
                        e.class().simple_name(),
                        e.data().map(pr_str).unwrap_or_default()
                    )
                }
            }
        })
        .expect("spawn a worker");
    let flag = rx.recv().expect("the worker's interrupter");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let at = std::time::Instant::now();
    flag.interrupt();
    let out = worker
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
    (out, at.elapsed())
}

#[test]
fn interrupt_stops_an_endless_guest() {
    let setup = r#"(require '[cljw.wasm :as wasm])
      (def spin "(module (func (export \"spin\") (loop br 0)))")
      (def free (wasm/load spin))
      (def budgeted (wasm/load spin {:fuel 1000000000000}))"#;
    for backend in [Backend::Vm, Backend::TreeWalk] {
        for call in [
            r#"(wasm/call free "spin")"#,
            r#"((wasm/fn budgeted "spin"))"#,
        ] {
            let (out, took) = interrupted(backend, setup, call);
            assert!(
                out.starts_with("ExceptionInfo {:type :wasm/trap, :trap :interrupted"),
                "{call}: {out}"
            );
            assert!(took < std::time::Duration::from_secs(5), "{call}: {took:?}");
        }
    }
}

#[test]
fn fuel_slices_keep_the_budget_exact() {
    // A budget larger than one slice runs out at the same point as one
    // handed over at once, and the refill counts from what was left.
    let src = r#"
      (def f (wasm/load basics {:imports imports :fuel 5000000}))
      (def spin (try (wasm/call f "spin") (catch clojure.lang.ExceptionInfo e (:trap (ex-data e)))))
      [spin (wasm/fuel f) (wasm/add-fuel! f 3000000) (wasm/call f "fib" 20) (< 0 (wasm/fuel f) 3000000)]"#;
    assert_eq!(eval(src), "[:out-of-fuel 1 3000001 6765 true]");
}
