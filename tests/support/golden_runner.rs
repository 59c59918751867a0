// Runs golden-style programs (NAME.clj + NAME.out [+ NAME.exit]) through
// the built `cljw` on one backend and compares stdout and exit status;
// shared by tests/golden.rs and tests/batteries.rs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

// Generous: a hang still fails, but a debug build loading clojure.spec
// (lib_spec: ~8 s of CPU) must not time out on a loaded 2-core machine.
const TIMEOUT: Duration = Duration::from_secs(180);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "clj") {
            out.push(p);
        }
    }
}

/// Path relative to the crate root, as the program is run (and recorded).
fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .into_owned()
}

struct Outcome {
    stdout: Vec<u8>,
    code: Option<i32>,
    stderr: Vec<u8>,
    timed_out: bool,
}

fn run(backend: &str, program: &str) -> std::io::Result<Outcome> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .arg(format!("--backend={backend}"))
        .arg(program)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Drain the pipes on threads so a chatty program cannot block.
    let mut so = child.stdout.take();
    let mut se = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = so.as_mut() {
            let _ = std::io::Read::read_to_end(s, &mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = se.as_mut() {
            let _ = std::io::Read::read_to_end(s, &mut v);
        }
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break Some(st);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(Outcome {
        stdout: out_t.join().unwrap_or_default(),
        stderr: err_t.join().unwrap_or_default(),
        code: status.and_then(|s| s.code()),
        timed_out,
    })
}

/// A short diff around the first differing line.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split('\n').collect();
    let a: Vec<&str> = actual.split('\n').collect();
    let n = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    let mut out = format!("  first difference at line {}:\n", n + 1);
    let from = n.saturating_sub(2);
    for l in &e[from..n.min(e.len())] {
        out.push_str(&format!("     {l}\n"));
    }
    for l in e.iter().skip(n).take(3) {
        out.push_str(&format!("  -  {l}\n"));
    }
    for l in a.iter().skip(n).take(3) {
        out.push_str(&format!("  +  {l}\n"));
    }
    out
}

fn check(backend: &str, prog: &Path) -> Option<String> {
    let name = rel(prog);
    let expected = std::fs::read_to_string(prog.with_extension("out")).unwrap_or_default();
    let expected_code: i32 = std::fs::read_to_string(prog.with_extension("exit"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let o = match run(backend, &name) {
        Ok(o) => o,
        Err(e) => return Some(format!("{name}: cannot run cljw: {e}")),
    };
    if o.timed_out {
        return Some(format!("{name}: timed out after {TIMEOUT:?}"));
    }
    let actual = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stderr_tail: String = stderr.lines().take(6).collect::<Vec<_>>().join("\n    ");
    if actual != expected {
        return Some(format!(
            "{name}: stdout differs (exit {:?})\n{}  stderr:\n    {stderr_tail}",
            o.code,
            diff(&expected, &actual)
        ));
    }
    if o.code != Some(expected_code) {
        return Some(format!(
            "{name}: exit status {:?}, expected {expected_code}\n  stderr:\n    {stderr_tail}",
            o.code
        ));
    }
    None
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn run_all(dir: &str, backend: &str) {
    let mut programs = Vec::new();
    collect(&root().join(dir), &mut programs);
    let queue = Mutex::new(programs.iter());
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 8);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some(p) = next else { break };
                    if let Some(f) = check(backend, p)
                        && let Ok(mut fs) = failures.lock()
                    {
                        fs.push((stem(p), f));
                    }
                }
            });
        }
    });
    let mut failures: Vec<(String, String)> = failures.into_inner().unwrap_or_default();
    failures.sort();
    let failures: Vec<String> = failures.into_iter().map(|(_, f)| f).collect();
    println!(
        "{dir} [{backend}]: {} programs, {} passed, {} failed",
        programs.len(),
        programs.len() - failures.len(),
        failures.len(),
    );
    assert!(
        failures.is_empty(),
        "{dir} [{backend}]: {} of {} programs failed:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}
