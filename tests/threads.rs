//! Thread programs: tests/threads/*.clj use futures, agents and pmap, so
//! they cannot be golden programs (the wasm32 build has no threads). Each
//! runs through the built `cljw` on both backends; stdout must equal the
//! NAME.out beside it, recorded from JVM Clojure 1.11.1 with
//! `scripts/record-golden.sh tests/threads/NAME.clj`. The programs print
//! nothing that depends on timing.
#![cfg(feature = "threads")]

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `cljw --backend=B prog`; (stdout, stderr, exit code), killed after
/// a minute.
fn run(backend: &str, prog: &str) -> (String, String, Option<i32>) {
    let child = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .arg(format!("--backend={backend}"))
        .arg(prog)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(child) = child else {
        return (String::new(), "cannot run cljw".into(), None);
    };
    let id = child.id();
    let start = Instant::now();
    let waiter = std::thread::spawn(move || child.wait_with_output());
    while !waiter.is_finished() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = Command::new("kill").arg(id.to_string()).status();
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    match waiter.join() {
        Ok(Ok(o)) => (
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
            o.status.code(),
        ),
        _ => (String::new(), "cljw did not finish".into(), None),
    }
}

fn check(name: &str) {
    let prog = format!("tests/threads/{name}.clj");
    let expected = std::fs::read_to_string(root().join(format!("tests/threads/{name}.out")))
        .unwrap_or_else(|e| panic!("{name}.out: {e}"));
    for backend in ["vm", "tree-walk"] {
        let (out, err, code) = run(backend, &prog);
        assert_eq!(
            code,
            Some(0),
            "{prog} [{backend}] exit status; stderr:\n{err}"
        );
        if out != expected {
            let line = out
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "{prog} [{backend}]: stdout differs at line {}\n expected: {:?}\n actual:   {:?}",
                line + 1,
                expected.lines().nth(line),
                out.lines().nth(line)
            );
        }
    }
}

#[test]
fn futures_promises_pmap_conveyance_contention() {
    check("conc_futures");
}

#[test]
fn agents() {
    check("conc_agents");
}

#[test]
fn reducers_fold_in_parallel() {
    check("lib_reducers_fold");
}

#[test]
fn future_cancel_interrupts_the_running_body() {
    check("future_cancel_interrupts");
}

#[test]
fn jdk_threads_executors_locks_queues() {
    check("jdk_threads");
}

#[test]
fn vm_var_cache_sees_conveyed_bindings_and_other_threads() {
    check("vm_var_cache_threads");
}

/// Run `src` as a script file through the VM backend.
fn run_source(name: &str, src: &str) -> (String, String, Option<i32>, Duration) {
    let dir = std::env::temp_dir().join(format!("cljw-threads-{name}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let prog = dir.join("exit.clj");
    std::fs::write(&prog, src).unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let (out, err, code) = run("vm", &prog.to_string_lossy());
    let elapsed = start.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    (out, err, code, elapsed)
}

/// At the end of a script, running and queued work finishes before the
/// process exits (JVM: the pools' non-daemon threads keep it alive), but
/// idle pool threads do not delay exit (the JVM's idle out after 60 s; the
/// run is killed after 60 s, so waiting for them fails this test).
#[test]
fn exit_waits_for_submitted_work_not_idle_threads() {
    let src = "(future (Thread/sleep 300) (println :future))\n\
               (send-off (agent 0) (fn [_] (Thread/sleep 600) (println :send-off)))\n\
               @(future 1)\n\
               (println :done)\n";
    let (out, err, code, elapsed) = run_source("pending", src);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, ":done\n:future\n:send-off\n");
    assert!(
        elapsed < Duration::from_secs(30),
        "cljw waited for idle pool threads"
    );
}

/// After shutdown-agents, work already submitted still runs before exit;
/// an agent's next action, submitted only after that, is rejected (JVM
/// 1.11.1 prints `:main :send-off :future` for this program).
#[test]
fn exit_after_shutdown_agents_runs_submitted_work() {
    let src = "(def a (agent 0))\n\
               (send-off a (fn [v] (Thread/sleep 300) (println :send-off) (inc v)))\n\
               (send-off a (fn [v] (println :rejected) v))\n\
               (future (Thread/sleep 600) (println :future))\n\
               (shutdown-agents)\n\
               (println :main)\n";
    let (out, err, code, _) = run_source("shutdown", src);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, ":main\n:send-off\n:future\n");
}

/// System/exit leaves at once, whatever work is pending; so does an
/// uncaught error (clojure.main calls System/exit 1).
#[test]
fn system_exit_and_errors_do_not_wait_for_work() {
    let src = "(future (Thread/sleep 60000) (println :late))\n(println :done)\n(System/exit 3)\n";
    let (out, err, code, elapsed) = run_source("exit", src);
    assert_eq!((out.as_str(), code), (":done\n", Some(3)), "{err}");
    assert!(elapsed < Duration::from_secs(30), "System/exit waited");
    let src = "(future (Thread/sleep 60000) (println :late))\n(/ 1 0)\n";
    let (out, _, code, elapsed) = run_source("error", src);
    assert_eq!((out.as_str(), code), ("", Some(1)));
    assert!(
        elapsed < Duration::from_secs(30),
        "an uncaught error waited"
    );
}
