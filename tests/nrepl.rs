//! The nREPL server end to end: `cljw nrepl-server` in a temporary
//! directory, driven by a small bencode client. Servers bind 127.0.0.1 and
//! are stopped (SIGTERM) when each test ends.
#![cfg(feature = "nrepl")]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Clone, Debug, PartialEq)]
enum B {
    I(i64),
    S(String),
    L(Vec<B>),
    D(BTreeMap<String, B>),
}

impl B {
    fn enc(&self, out: &mut Vec<u8>) {
        match self {
            B::I(n) => out.extend(format!("i{n}e").bytes()),
            B::S(s) => {
                out.extend(format!("{}:", s.len()).bytes());
                out.extend(s.bytes());
            }
            B::L(l) => {
                out.push(b'l');
                l.iter().for_each(|x| x.enc(out));
                out.push(b'e');
            }
            B::D(d) => {
                out.push(b'd');
                for (k, v) in d {
                    B::S(k.clone()).enc(out);
                    v.enc(out);
                }
                out.push(b'e');
            }
        }
    }
    fn get(&self, k: &str) -> Option<&B> {
        match self {
            B::D(d) => d.get(k),
            _ => None,
        }
    }
    fn s(&self, k: &str) -> Option<&str> {
        match self.get(k)? {
            B::S(s) => Some(s),
            _ => None,
        }
    }
    fn list(&self, k: &str) -> Vec<B> {
        match self.get(k) {
            Some(B::L(l)) => l.clone(),
            _ => Vec::new(),
        }
    }
    fn statuses(&self) -> Vec<String> {
        self.list("status")
            .into_iter()
            .filter_map(|x| match x {
                B::S(s) => Some(s),
                _ => None,
            })
            .collect()
    }
    fn has_status(&self, s: &str) -> bool {
        self.statuses().iter().any(|x| x == s)
    }
}

fn decode(r: &mut impl BufRead) -> Option<B> {
    let mut c = [0u8];
    r.read_exact(&mut c).ok()?;
    decode_from(c[0], r)
}

fn byte(r: &mut impl BufRead) -> Option<u8> {
    let mut b = [0u8];
    r.read_exact(&mut b).ok().map(|_| b[0])
}

fn decode_from(c: u8, r: &mut impl BufRead) -> Option<B> {
    match c {
        b'i' => {
            let mut s = String::new();
            loop {
                let b = byte(r)?;
                if b == b'e' {
                    break;
                }
                s.push(b as char);
            }
            s.parse().ok().map(B::I)
        }
        b'l' | b'd' => {
            let mut items = Vec::new();
            loop {
                let b = byte(r)?;
                if b == b'e' {
                    break;
                }
                items.push(decode_from(b, r)?);
            }
            if c == b'l' {
                return Some(B::L(items));
            }
            let mut d = BTreeMap::new();
            let mut it = items.into_iter();
            while let (Some(B::S(k)), Some(v)) = (it.next(), it.next()) {
                d.insert(k, v);
            }
            Some(B::D(d))
        }
        _ => {
            let mut s = vec![c];
            loop {
                let b = byte(r)?;
                if b == b':' {
                    break;
                }
                s.push(b);
            }
            let n: usize = String::from_utf8(s).ok()?.parse().ok()?;
            let mut buf = vec![0u8; n];
            r.read_exact(&mut buf).ok()?;
            Some(B::S(String::from_utf8_lossy(&buf).into_owned()))
        }
    }
}

fn msg(pairs: &[(&str, &str)]) -> B {
    B::D(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), B::S(v.to_string())))
            .collect(),
    )
}

/// A `cljw nrepl-server` child in its own directory.
struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
    banner: String,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }
    /// `pre`: options before the command (`--backend=...`).
    fn start_with(pre: &[&str]) -> Server {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "cljw-nrepl-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args(pre)
            .arg("nrepl-server")
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start cljw nrepl-server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server {
            child,
            port,
            dir,
            banner: line.trim_end().to_string(),
        }
    }
    fn connect(&self) -> Client {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        Client {
            r: BufReader::new(s.try_clone().unwrap()),
            w: s,
            next: 0,
        }
    }
    fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

struct Client {
    r: BufReader<TcpStream>,
    w: TcpStream,
    next: u32,
}

impl Client {
    fn send(&mut self, m: &B) {
        let mut out = Vec::new();
        m.enc(&mut out);
        self.w.write_all(&out).unwrap();
    }
    fn recv(&mut self) -> Option<B> {
        decode(&mut self.r)
    }
    /// Send a request (with a fresh id) and collect its replies until done.
    fn call(&mut self, pairs: &[(&str, &str)]) -> Vec<B> {
        let id = self.start(pairs);
        self.until_done(&id)
    }
    fn start(&mut self, pairs: &[(&str, &str)]) -> String {
        self.next += 1;
        let id = format!("r{}", self.next);
        let mut p = pairs.to_vec();
        p.push(("id", &id));
        self.send(&msg(&p));
        id
    }
    fn until_done(&mut self, id: &str) -> Vec<B> {
        let mut out = Vec::new();
        loop {
            let m = self.recv().expect("reply");
            if m.s("id") == Some(id) {
                let done = m.has_status("done");
                out.push(m);
                if done {
                    return out;
                }
            }
        }
    }
    fn clone_session(&mut self) -> String {
        let r = self.call(&[("op", "clone")]);
        r[0].s("new-session").unwrap().to_string()
    }
    fn eval(&mut self, session: &str, code: &str) -> Vec<B> {
        self.call(&[("op", "eval"), ("session", session), ("code", code)])
    }
}

fn values(r: &[B]) -> Vec<String> {
    r.iter()
        .filter_map(|m| m.s("value").map(str::to_string))
        .collect()
}

fn text(r: &[B], key: &str) -> String {
    r.iter().filter_map(|m| m.s(key)).collect()
}

#[test]
fn startup_line_and_port_file() {
    let mut s = Server::start();
    assert_eq!(
        s.banner,
        format!(
            "nREPL server started on port {p} on host 127.0.0.1 - nrepl://127.0.0.1:{p}",
            p = s.port
        )
    );
    let port_file = s.dir.join(".nrepl-port");
    assert_eq!(
        std::fs::read_to_string(&port_file).unwrap(),
        s.port.to_string()
    );
    s.stop();
    assert!(!port_file.exists(), ".nrepl-port is removed on exit");
}

#[test]
fn sessions_and_eval() {
    let s = Server::start();
    let mut c = s.connect();
    let d = c.call(&[("op", "describe")]);
    let ops = d[0].get("ops").unwrap();
    for op in ["eval", "clone", "interrupt", "completions", "cider/info"] {
        assert!(ops.get(op).is_some(), "describe lists {op}");
    }
    assert_eq!(
        d[0].get("versions")
            .and_then(|v| v.get("clojure"))
            .and_then(|v| v.s("version-string")),
        Some("1.11.1")
    );
    let a = c.clone_session();
    let b = c.clone_session();
    let ls = c.call(&[("op", "ls-sessions")]);
    let listed = ls[0].list("sessions");
    assert!(listed.contains(&B::S(a.clone())) && listed.contains(&B::S(b.clone())));

    let r = c.eval(&a, "(println \"hi\") (+ 1 2) (/ 1 0) (* 2 *1)");
    assert_eq!(values(&r), ["nil", "3", "6"]);
    assert_eq!(text(&r, "out"), "hi\n");
    assert!(text(&r, "err").contains("Divide by zero"), "{r:?}");
    let e = r.iter().find(|m| m.has_status("eval-error")).unwrap();
    assert_eq!(e.s("ex"), Some("class java.lang.ArithmeticException"));
    assert_eq!(e.s("root-ex"), Some("class java.lang.ArithmeticException"));
    assert!(r.last().unwrap().has_status("done"));
    assert!(r.iter().all(|m| m.s("session") == Some(a.as_str())));

    // Each session has its own *ns* and *1.
    let r = c.eval(&a, "(ns my.app) (def x 42) x");
    assert_eq!(r.last().unwrap().statuses(), ["done"]);
    assert_eq!(
        r.iter().filter_map(|m| m.s("ns")).next_back(),
        Some("my.app")
    );
    assert_eq!(
        values(&c.eval(&a, "(str *ns* \" \" *1)")),
        ["\"my.app 42\""]
    );
    assert_eq!(values(&c.eval(&b, "(str *ns*)")), ["\"user\""]);
    assert_eq!(values(&c.eval(&b, "*e")), ["nil"]);
    assert!(values(&c.eval(&a, "(ex-message *e)"))[0].contains("Divide by zero"));
    // An explicit ns applies to that eval only.
    let r = c.call(&[
        ("op", "eval"),
        ("session", &b),
        ("code", "(str *ns*)"),
        ("ns", "my.app"),
    ]);
    assert_eq!(values(&r), ["\"my.app\""]);
    assert_eq!(values(&c.eval(&b, "(str *ns*)")), ["\"user\""]);
    let r = c.call(&[
        ("op", "eval"),
        ("session", &b),
        ("code", "1"),
        ("ns", "no.such"),
    ]);
    assert!(r[0].has_status("namespace-not-found"));
    // out is streamed before the eval ends.
    let id = c.start(&[
        ("op", "eval"),
        ("session", &b),
        ("code", "(println \"early\") (flush) (Thread/sleep 300) 1"),
    ]);
    let first = c.recv().unwrap();
    assert_eq!(first.s("out"), Some("early\n"));
    c.until_done(&id);
    // A clone copies the session's namespace.
    let r = c.call(&[("op", "clone"), ("session", &a)]);
    let a2 = r[0].s("new-session").unwrap().to_string();
    assert_eq!(values(&c.eval(&a2, "(str *ns*)")), ["\"my.app\""]);
    // close
    let r = c.call(&[("op", "close"), ("session", &a2)]);
    assert!(r[0].has_status("session-closed"));
    let r = c.eval(&a2, "1");
    assert!(r[0].has_status("unknown-session"));
    // An eval without a session runs in a fresh one.
    assert_eq!(
        values(&c.call(&[("op", "eval"), ("code", "(+ 40 2)")])),
        ["42"]
    );
    // Read errors stop the eval; a syntax error is a CompilerException.
    let r = c.eval(&b, "(+ 1 2) (let [x] x) 5");
    assert_eq!(values(&r), ["3", "5"]);
    assert!(
        r.iter()
            .any(|m| m.s("ex") == Some("class clojure.lang.Compiler$CompilerException")),
        "{r:?}"
    );
    // As the reference server answers (checked against JVM nREPL 1.0).
    let r = c.eval(&b, "1 )");
    assert_eq!(values(&r), ["1"]);
    assert_eq!(
        text(&r, "err"),
        "Syntax error reading source at (REPL:1:4).\nUnmatched delimiter: )\n"
    );
    let e = r.iter().find(|m| m.has_status("eval-error")).unwrap();
    assert_eq!(e.s("ex"), Some("class clojure.lang.ExceptionInfo"));
    assert_eq!(e.s("root-ex"), Some("class java.lang.RuntimeException"));
}

#[test]
fn two_sessions_evaluate_at_once() {
    let s = Server::start();
    let mut c1 = s.connect();
    let mut c2 = s.connect();
    let a = c1.clone_session();
    let b = c2.clone_session();
    let start = Instant::now();
    let i1 = c1.start(&[
        ("op", "eval"),
        ("session", &a),
        ("code", "(Thread/sleep 1500) :a"),
    ]);
    let i2 = c2.start(&[
        ("op", "eval"),
        ("session", &b),
        ("code", "(Thread/sleep 1500) :b"),
    ]);
    assert_eq!(values(&c1.until_done(&i1)), ["nil", ":a"]);
    assert_eq!(values(&c2.until_done(&i2)), ["nil", ":b"]);
    // One after the other would take 3 s.
    assert!(
        start.elapsed() < Duration::from_millis(2900),
        "{:?}",
        start.elapsed()
    );
}

/// Start `code`, interrupt it, and check it ends `interrupted` with the
/// session still usable.
fn check_interrupt(c: &mut Client, session: &str, code: &str) {
    let id = c.start(&[("op", "eval"), ("session", session), ("code", code)]);
    std::thread::sleep(Duration::from_millis(300));
    let start = Instant::now();
    let mut eval_end = None;
    loop {
        let iid = c.start(&[
            ("op", "interrupt"),
            ("session", session),
            ("interrupt-id", &id),
        ]);
        let answer = loop {
            let m = c.recv().expect("reply");
            if m.s("id") == Some(id.as_str()) && m.has_status("done") {
                eval_end = Some(m);
            } else if m.s("id") == Some(iid.as_str()) && m.has_status("done") {
                break m;
            }
        };
        // Under load the eval may not have started yet: ask again.
        if answer.has_status("session-idle") && eval_end.is_none() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{code}: never ran"
            );
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        assert_eq!(answer.statuses(), ["done"], "{code}");
        break;
    }
    while eval_end.is_none() {
        let m = c.recv().expect("reply");
        if m.s("id") == Some(id.as_str()) && m.has_status("done") {
            eval_end = Some(m);
        }
    }
    let end = eval_end.unwrap_or_else(|| unreachable!());
    assert!(end.has_status("interrupted"), "{code}: {end:?}");
    assert!(start.elapsed() < Duration::from_secs(20), "{code}");
    assert_eq!(values(&c.eval(session, "(+ 1 1)")), ["2"], "{code}");
}

#[test]
fn interrupt_stops_anything() {
    let s = Server::start();
    let mut c = s.connect();
    let a = c.clone_session();
    for code in [
        "(loop [] (recur))",
        "(loop [i 0] (recur (inc i)))",
        "(Thread/sleep 100000)",
        "@(promise)",
        "(deref (promise) 100000 :timeout)",
        "(dorun (range))",
        "(count (iterate inc 0))",
        "(reduce + (range))",
        "(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 60)",
        "(loop [] (try (Thread/sleep 10) (catch Exception _ nil)) (recur))",
        "(last (map inc (range)))",
        "(read-line)",
    ] {
        check_interrupt(&mut c, &a, code);
    }
    // Idle session, and an id that is not running.
    let r = c.call(&[("op", "interrupt"), ("session", &a)]);
    assert!(r[0].has_status("session-idle"));
    let id = c.start(&[
        ("op", "eval"),
        ("session", &a),
        ("code", "(Thread/sleep 500)"),
    ]);
    let r = c.call(&[
        ("op", "interrupt"),
        ("session", &a),
        ("interrupt-id", "nope"),
    ]);
    assert!(r[0].has_status("interrupt-id-mismatch"));
    c.until_done(&id);
}

/// A wasm guest in an endless loop stops at its next fuel slice.
#[cfg(feature = "wasm-ffi")]
#[test]
fn interrupt_stops_a_wasm_guest() {
    let s = Server::start();
    let mut c = s.connect();
    let a = c.clone_session();
    check_interrupt(
        &mut c,
        &a,
        r#"(require '[cljw.wasm :as wasm])
           (wasm/call (wasm/load "(module (func (export \"spin\") (loop br 0)))") "spin")"#,
    );
}

#[test]
fn interrupt_on_tree_walk_backend() {
    let mut s = Server::start_with(&["--backend=tree-walk"]);
    let mut c = s.connect();
    let a = c.clone_session();
    for code in [
        "(loop [] (recur))",
        "(defn deep [n] (if (zero? n) 0 (+ (deep (dec n)) (deep (dec n))))) (deep 40)",
        "(reduce + (range))",
    ] {
        check_interrupt(&mut c, &a, code);
    }
    s.stop();
}

#[test]
fn stdin_asks_for_input() {
    let s = Server::start();
    let mut c = s.connect();
    let a = c.clone_session();
    let id = c.start(&[
        ("op", "eval"),
        ("session", &a),
        ("code", "[(read-line) (read)]"),
    ]);
    let m = c.recv().unwrap();
    assert!(m.has_status("need-input"), "{m:?}");
    assert_eq!(m.s("id"), Some(id.as_str()));
    let sid = c.start(&[("op", "stdin"), ("session", &a), ("stdin", "hello world\n")]);
    // The stdin request is done, and `read` asks again (in either order).
    let (mut stdin_done, mut asked) = (false, false);
    while !(stdin_done && asked) {
        let m = c.recv().unwrap();
        stdin_done |= m.s("id") == Some(sid.as_str()) && m.has_status("done");
        asked |= m.s("id") == Some(id.as_str()) && m.has_status("need-input");
    }
    // The eval may finish before the stdin request's own done arrives:
    // collect both.
    let sid = c.start(&[("op", "stdin"), ("session", &a), ("stdin", "{:a 1}\n")]);
    let (mut stdin_done, mut r) = (false, Vec::new());
    while !(stdin_done && r.iter().any(|m: &B| m.has_status("done"))) {
        let m = c.recv().expect("reply");
        stdin_done |= m.s("id") == Some(sid.as_str()) && m.has_status("done");
        if m.s("id") == Some(id.as_str()) {
            r.push(m);
        }
    }
    assert_eq!(values(&r), ["[\"hello world\" {:a 1}]"]);
}

#[test]
fn bad_input_never_kills_the_server() {
    let s = Server::start();
    // Unknown op.
    let mut c = s.connect();
    let r = c.call(&[("op", "frobnicate")]);
    assert!(r[0].has_status("unknown-op") && r[0].has_status("error"));
    // Malformed bencode: an error, then the connection is closed.
    let mut bad = s.connect();
    bad.w.write_all(b"d2:op4:evalxx").unwrap();
    let mut rest = Vec::new();
    let _ = bad.r.read_to_end(&mut rest);
    assert!(String::from_utf8_lossy(&rest).contains("error"));
    // A huge message is refused without reading it all.
    let mut huge = s.connect();
    huge.w.write_all(b"d4:code999999999999:").unwrap();
    let mut rest = Vec::new();
    let _ = huge.r.read_to_end(&mut rest);
    // Deep nesting.
    let mut deep = s.connect();
    deep.w
        .write_all("l".repeat(100_000).as_bytes())
        .unwrap_or(());
    let mut rest = Vec::new();
    let _ = deep.r.read_to_end(&mut rest);
    // A client that leaves mid-eval: its session is interrupted and freed.
    let mut gone = s.connect();
    let g = gone.clone_session();
    gone.start(&[
        ("op", "eval"),
        ("session", &g),
        ("code", "(loop [] (recur))"),
    ]);
    std::thread::sleep(Duration::from_millis(200));
    drop(gone);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let ls = c.call(&[("op", "ls-sessions")]);
        if !ls[0].list("sessions").contains(&B::S(g.clone())) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "session of a closed connection not freed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // The first connection still works.
    let a = c.clone_session();
    assert_eq!(values(&c.eval(&a, "(+ 1 2)")), ["3"]);
}

#[test]
fn load_file_reports_the_files_lines() {
    let s = Server::start();
    let mut c = s.connect();
    let a = c.clone_session();
    let src = "(ns demo.core)\n(defn f [x] (* x 2))\n(f 21)\n";
    let r = c.call(&[
        ("op", "load-file"),
        ("session", &a),
        ("file", src),
        ("file-path", "demo/core.clj"),
        ("file-name", "core.clj"),
    ]);
    assert_eq!(values(&r), ["42"]);
    assert_eq!(values(&c.eval(&a, "(demo.core/f 5)")), ["10"]);
    let bad = "(ns demo.bad)\n\n(defn g [] (/ 1 0))\n(g)\n";
    let r = c.call(&[
        ("op", "load-file"),
        ("session", &a),
        ("file", bad),
        ("file-path", "demo/bad.clj"),
        ("file-name", "bad.clj"),
    ]);
    let e = r.iter().find(|m| m.has_status("eval-error")).unwrap();
    assert_eq!(
        e.s("ex"),
        Some("class clojure.lang.Compiler$CompilerException")
    );
    assert_eq!(
        e.s("root-ex"),
        Some("class clojure.lang.Compiler$CompilerException")
    );
    assert_eq!(
        text(&r, "err"),
        "Execution error (ArithmeticException) at demo.bad/g (bad.clj:3).\nDivide by zero\n"
    );
}

#[test]
fn tooling_ops() {
    let s = Server::start();
    let mut c = s.connect();
    let a = c.clone_session();
    c.eval(&a, "(ns t.ops (:require [clojure.string :as str])) (defn my-fn \"Doubles.\" [x] (* 2 x)) (def ^:dynamic *thing* 1)");
    for op in ["completions", "complete", "cider/complete"] {
        let r = c.call(&[
            ("op", op),
            ("session", &a),
            ("prefix", "my-"),
            ("ns", "t.ops"),
        ]);
        let cs = r[0].list("completions");
        assert!(
            cs.iter()
                .any(|x| x.s("candidate") == Some("my-fn") && x.s("type") == Some("function")),
            "{op}: {r:?}"
        );
    }
    let cands = |c: &mut Client, p: &str| -> Vec<String> {
        let r = c.call(&[("op", "completions"), ("session", &a), ("prefix", p)]);
        r[0].list("completions")
            .iter()
            .filter_map(|x| x.s("candidate").map(str::to_string))
            .collect()
    };
    assert!(cands(&mut c, "str/jo").contains(&"str/join".to_string()));
    assert!(
        cands(&mut c, "clojure.se").contains(&"clojure.set".to_string())
            || cands(&mut c, "clojure.st").contains(&"clojure.string".to_string())
    );
    assert!(cands(&mut c, ":requi").contains(&":require".to_string()));
    assert!(cands(&mut c, "StringB").contains(&"StringBuilder".to_string()));
    // info / lookup / eldoc, own vars and builtins.
    let r = c.call(&[
        ("op", "info"),
        ("session", &a),
        ("sym", "my-fn"),
        ("ns", "t.ops"),
    ]);
    assert_eq!(r[0].s("doc"), Some("Doubles."));
    assert_eq!(r[0].s("ns"), Some("t.ops"));
    assert_eq!(r[0].s("arglists-str"), Some("([x])"));
    let r = c.call(&[("op", "cider/info"), ("session", &a), ("sym", "map")]);
    assert!(
        r[0].s("doc")
            .unwrap_or("")
            .starts_with("Returns a lazy sequence"),
        "{r:?}"
    );
    assert!(r[0].s("arglists-str").unwrap_or("").contains("[f coll]"));
    let r = c.call(&[("op", "lookup"), ("session", &a), ("sym", "str/join")]);
    let info = r[0].get("info").unwrap();
    assert_eq!(info.s("name"), Some("join"));
    assert_eq!(info.s("arglists"), Some("([coll] [separator coll])"));
    assert!(
        info.s("doc")
            .unwrap_or("")
            .starts_with("Returns a string of all elements in coll"),
        "{info:?}"
    );
    let r = c.call(&[("op", "eldoc"), ("session", &a), ("sym", "reduce")]);
    assert_eq!(r[0].s("type"), Some("function"));
    assert!(
        r[0].list("eldoc")
            .contains(&B::L(vec![B::S("f".into()), B::S("coll".into())]))
    );
    let r = c.call(&[
        ("op", "cider/eldoc"),
        ("session", &a),
        ("sym", "no-such-thing"),
    ]);
    assert!(r[0].has_status("no-eldoc"));
    // ns-list, classpath, macroexpand.
    let r = c.call(&[("op", "ns-list"), ("session", &a)]);
    assert!(r[0].list("ns-list").contains(&B::S("t.ops".into())));
    let r = c.call(&[("op", "classpath"), ("session", &a)]);
    assert!(!r[0].list("classpath").is_empty());
    let r = c.call(&[
        ("op", "macroexpand"),
        ("session", &a),
        ("code", "(when x y)"),
        ("expander", "macroexpand-1"),
    ]);
    assert_eq!(r[0].s("expansion"), Some("(if x (do y))"));
    // analyze-last-stacktrace: the chain of *e.
    let r = c.call(&[("op", "analyze-last-stacktrace"), ("session", &a)]);
    assert!(r[0].has_status("no-error"));
    c.eval(
        &a,
        "(throw (ex-info \"outer\" {:k 1} (ArithmeticException. \"inner\")))",
    );
    let r = c.call(&[("op", "cider/analyze-last-stacktrace"), ("session", &a)]);
    let classes: Vec<&str> = r.iter().filter_map(|m| m.s("class")).collect();
    assert_eq!(
        classes,
        [
            "clojure.lang.ExceptionInfo",
            "java.lang.ArithmeticException"
        ]
    );
    assert_eq!(r[0].s("message"), Some("outer"));
    assert_eq!(r[0].s("data"), Some("{:k 1}"));
    assert!(r.last().unwrap().has_status("done"));
}

/// JVM nREPL's own client (Debian's libnrepl-clojure) against our server:
/// describe, eval, load-file, interrupt and completions
/// (tests/nrepl/jvm_client.clj).
#[test]
fn jvm_nrepl_client_end_to_end() {
    let jars = [
        "/usr/share/java/clojure-1.11.jar",
        "/usr/share/java/spec.alpha.jar",
        "/usr/share/java/core.specs.alpha.jar",
        "/usr/share/java/nrepl.jar",
    ];
    let java = Command::new("java").arg("-version").output().is_ok();
    if let Some(missing) = jars.iter().find(|j| !std::path::Path::new(j).exists()) {
        eprintln!(
            "SKIPPED jvm_nrepl_client_end_to_end: {missing} is missing (apt-get install libnrepl-clojure)"
        );
        return;
    }
    if !java {
        eprintln!("SKIPPED jvm_nrepl_client_end_to_end: no `java` on PATH");
        return;
    }
    let s = Server::start();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/nrepl/jvm_client.clj");
    let out = Command::new("java")
        .args([
            "-cp",
            &jars.join(":"),
            "clojure.main",
            script,
            &s.port.to_string(),
        ])
        .output()
        .expect("run java");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("ALL OK"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What CIDER sends on `cider-connect` and on common commands (cider-repl.el,
/// cider-eldoc.el, cider-completion.el): a tooling session and a REPL
/// session, describe, the REPL init code, then eldoc/complete/info with the
/// fields CIDER sends. Each gets the answer CIDER reads.
#[test]
fn cider_connect_replay() {
    let s = Server::start();
    let mut c = s.connect();
    let tooling = c.clone_session();
    let repl = c.clone_session();
    let d = c.call(&[("op", "describe"), ("session", &tooling)]);
    let ops = d[0].get("ops").unwrap();
    for op in [
        "cider/complete",
        "cider/eldoc",
        "cider/info",
        "cider/ns-list",
    ] {
        assert!(ops.get(op).is_some(), "{op}");
    }
    let init = "(when-let [requires (resolve 'clojure.main/repl-requires)] \
                (clojure.core/apply clojure.core/require @requires))";
    let r = c.call(&[
        ("op", "eval"),
        ("session", &repl),
        ("code", init),
        ("ns", "user"),
    ]);
    assert!(!r.iter().any(|m| m.has_status("eval-error")), "{r:?}");
    assert!(r.last().unwrap().has_status("done"));
    let r = c.call(&[
        ("op", "eval"),
        ("session", &tooling),
        ("code", "(str *ns*)"),
    ]);
    assert_eq!(values(&r), ["\"user\""]);
    let r = c.call(&[
        ("op", "cider/complete"),
        ("session", &tooling),
        ("ns", "user"),
        ("prefix", "ma"),
        ("context", ":same"),
        ("enhanced-cljs-completion?", "t"),
    ]);
    assert!(
        r[0].list("completions")
            .iter()
            .any(|x| x.s("candidate") == Some("mapv") && x.s("ns") == Some("clojure.core"))
    );
    let r = c.call(&[
        ("op", "cider/eldoc"),
        ("session", &tooling),
        ("ns", "user"),
        ("sym", "map"),
    ]);
    assert_eq!(r[0].s("name"), Some("map"));
    assert!(!r[0].list("eldoc").is_empty());
    let r = c.call(&[
        ("op", "cider/info"),
        ("session", &tooling),
        ("ns", "user"),
        ("sym", "when"),
    ]);
    assert_eq!(r[0].s("macro"), Some("true"));
    let r = c.call(&[("op", "cider/ns-list"), ("session", &tooling)]);
    assert!(r[0].list("ns-list").contains(&B::S("clojure.core".into())));
    // C-c C-c, then C-c C-b on an idle REPL.
    let r = c.call(&[
        ("op", "eval"),
        ("session", &repl),
        ("code", "(defn hello [] :hi)"),
        ("ns", "user"),
        ("file", "/tmp/hello.clj"),
        ("line", "3"),
        ("column", "1"),
    ]);
    assert_eq!(values(&r), ["#'user/hello"]);
    let r = c.call(&[
        ("op", "cider/info"),
        ("session", &tooling),
        ("ns", "user"),
        ("sym", "hello"),
    ]);
    assert_eq!(r[0].get("line"), Some(&B::I(3)), "{r:?}");
    let r = c.call(&[("op", "interrupt"), ("session", &repl)]);
    assert!(r[0].has_status("session-idle"));
}

#[test]
fn sessions_per_connection_are_bounded() {
    let s = Server::start();
    let mut c = s.connect();
    for _ in 0..256 {
        c.clone_session();
    }
    let r = c.call(&[("op", "clone")]);
    assert!(r[0].has_status("too-many-sessions"), "{r:?}");
    // Another connection is not affected.
    let mut d = s.connect();
    let a = d.clone_session();
    assert_eq!(values(&d.eval(&a, "(+ 1 2)")), ["3"]);
}
