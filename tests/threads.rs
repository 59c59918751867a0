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

/// The process exits as soon as the script ends, whatever pool threads
/// still run (the JVM would wait for them about a minute without
/// shutdown-agents: docs/decisions.md).
#[test]
fn exit_does_not_wait_for_pool_threads() {
    let dir = std::env::temp_dir().join(format!("cljw-threads-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let prog = dir.join("exit.clj");
    let src = "(future (Thread/sleep 60000))\n(send-off (agent 0) (fn [_] (Thread/sleep 60000)))\n(println :done)\n";
    std::fs::write(&prog, src).unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let (out, err, code) = run("vm", &prog.to_string_lossy());
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, ":done\n");
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "cljw waited for pool threads"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
