//! The terminal REPL on a pseudo-terminal (driven by Python's `pty`, which
//! the toolchain step has): Ctrl-C stops a running form and the REPL goes
//! on, Tab completes, Ctrl-C drops a half-typed form, Ctrl-D exits.
#![cfg(unix)]

use std::process::Command;

const DRIVER: &str = r#"
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], ["cljw"])
def read(t):
    out = b""; end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: out += os.read(fd, 4096)
            except OSError: break
    return out.decode(errors="replace")
log = read(2)
for keys, wait in [(b"(loop [] (recur))\r", 1.0), (b"\x03", 1.5), (b"(+ 1 2)\r", 1.0),
                   (b"(map-indexe\t", 1.0), (b" vector [:a])\r", 1.0), (b"(+ 1\r", 0.5),
                   (b"\x03", 0.5), (b"(+ 2 2)\r", 1.0), (b"\x04", 1.0)]:
    os.write(fd, keys)
    log += read(wait)
_, status = os.waitpid(pid, 0)
print(log)
print("EXIT", os.waitstatus_to_exitcode(status))
"#;

#[test]
fn ctrl_c_tab_and_ctrl_d() {
    let Ok(out) = Command::new("python3")
        .args(["-c", DRIVER, env!("CARGO_BIN_EXE_cljw")])
        .output()
    else {
        eprintln!("SKIPPED ctrl_c_tab_and_ctrl_d: no python3 to drive a pty");
        return;
    };
    let log = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(log.contains("cljw "), "banner names cljw: {log}");
    assert!(log.contains("Interrupted."), "{log}");
    // The REPL goes on after the interrupt.
    assert!(log.contains("\n3\n"), "{log}");
    // Tab completed map-indexe to map-indexed.
    assert!(log.contains("([0 :a])"), "{log}");
    // (+ 1 was dropped by Ctrl-C: the next form alone gives 4.
    assert!(log.contains("\n4\n"), "{log}");
    assert!(log.contains("EXIT 0"), "{log}");
}
