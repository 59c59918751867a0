//! The `cljw` command line: -e printing, exit statuses, clojure.main-style
//! error reports, deep recursion. Expected texts were recorded from JVM
//! Clojure 1.11.1's clojure.main (noted per case); the `user/evalN` numbers
//! and report file names differ by design and are masked.

use std::io::Write;
use std::process::{Command, Stdio};

fn cljw(args: &[&str], stdin: Option<&str>) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
    if let Some(mut sin) = child.stdin.take() {
        let _ = sin.write_all(stdin.unwrap_or("").as_bytes());
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("cljw did not finish: {e}"));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The first lines of a report, with `evalN` numbers masked.
fn head(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines().take_while(|l| !l.is_empty()) {
        let mut masked = String::new();
        let mut rest = line;
        while let Some(i) = rest.find("/eval") {
            masked.push_str(&rest[..i + 5]);
            rest = rest[i + 5..].trim_start_matches(|c: char| c.is_ascii_digit());
            masked.push('N');
        }
        masked.push_str(rest);
        out.push_str(&masked);
        out.push('\n');
    }
    out
}

#[test]
fn eval_prints_non_nil_values() {
    // JVM: clojure -e '(+ 1 2) nil "s" :k' prints 3, "s", :k
    let (out, _, code) = cljw(&["-e", "(+ 1 2) nil \"s\" :k"], None);
    assert_eq!((out.as_str(), code), ("3\n\"s\"\n:k\n", 0));
    // JVM: *command-line-args* and *file* under -e: nil, "NO_SOURCE_PATH"
    let (out, _, _) = cljw(&["-e", "*command-line-args* *file*"], None);
    assert_eq!(out, "\"NO_SOURCE_PATH\"\n");
    let (out, _, _) = cljw(&["-e", "(def x 1)"], None);
    assert_eq!(out, "#'user/x\n");
}

#[test]
fn errors_are_reported_like_clojure_main() {
    // JVM: clojure -e '(throw (ex-info "boom" {}))'
    let (_, err, code) = cljw(
        &["-e", "(throw (clojure.lang.ExceptionInfo. \"boom\" {}))"],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(
        head(&err),
        "Execution error (ExceptionInfo) at user/evalN (REPL:1).\nboom\n"
    );
    assert!(err.contains("\nFull report at:\n"), "{err}");
    // JVM: clojure -e '(foo)'
    let (_, err, code) = cljw(&["-e", "(foo)"], None);
    assert_eq!(code, 1);
    assert_eq!(
        head(&err),
        "Syntax error compiling at (REPL:1:1).\nUnable to resolve symbol: foo in this context\n"
    );
    // JVM: clojure -e '(+ 1'
    let (_, err, _) = cljw(&["-e", "(+ 1"], None);
    assert_eq!(
        head(&err),
        "Execution error at clojure.main/main (main.java:40).\nEOF while reading, starting at line 1\n"
    );
    // JVM: clojure -e '1 (/ 1 0)': 1 is printed first.
    let (out, err, _) = cljw(&["-e", "1 (/ 1 0)"], None);
    assert_eq!(out, "1\n");
    assert_eq!(
        head(&err),
        "Execution error (ArithmeticException) at user/evalN (REPL:1).\nDivide by zero\n"
    );
    // JVM: (throw (Exception. "plain")) omits the class; a nil message prints as null.
    let (_, err, _) = cljw(&["-e", "(throw (Exception. \"plain\"))"], None);
    assert_eq!(
        head(&err),
        "Execution error at user/evalN (REPL:1).\nplain\n"
    );
    let (_, err, _) = cljw(&["-e", "(throw (RuntimeException.))"], None);
    assert_eq!(
        head(&err),
        "Execution error at user/evalN (REPL:1).\nnull\n"
    );
    // JVM: a missing script: FileNotFoundException from FileInputStream.
    let (_, err, code) = cljw(&["no-such-file.clj"], None);
    assert_eq!(code, 1);
    assert!(
        err.contains("no-such-file.clj (No such file or directory)"),
        "{err}"
    );
}

#[test]
fn script_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("cljw-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        let _ = std::fs::write(&p, text);
        p.to_string_lossy().into_owned()
    };
    // JVM: (+ 1 2)\n(/ 1 0) -> "Execution error (ArithmeticException) at user/eval3 (e1.clj:2)."
    let e1 = write("e1.clj", "(+ 1 2)\n(/ 1 0)\n");
    let (out, err, code) = cljw(&[&e1], None);
    assert_eq!((out.as_str(), code), ("", 1));
    assert_eq!(
        head(&err),
        "Execution error (ArithmeticException) at user/evalN (e1.clj:2).\nDivide by zero\n"
    );
    // JVM (run from the file's directory): "Syntax error compiling at (e2.clj:1:1)."
    let e2 = write("e2.clj", "(foo)\n");
    let (_, err, _) = cljw(&[&e2], None);
    assert!(
        head(&err).ends_with("e2.clj:1:1).\nUnable to resolve symbol: foo in this context\n"),
        "{err}"
    );
    // JVM: "(+ 1" -> "Syntax error reading source at (e5.clj:2:1)."
    let e5 = write("e5.clj", "(+ 1");
    let (_, err, _) = cljw(&[&e5], None);
    assert!(
        head(&err).ends_with("e5.clj:2:1).\nEOF while reading, starting at line 1\n"),
        "{err}"
    );
    // JVM: a final newline already ended the last line, so the end of the
    // text is not one more: "(a b\n\n" -> (e6.clj:3:1), "(a b\n" -> 2:1.
    for (text, at) in [("(a b\n\n", "e6.clj:3:1)."), ("(a b\n", "e6.clj:2:1).")] {
        let e6 = write("e6.clj", text);
        let (_, err, code) = cljw(&[&e6], None);
        assert!(head(&err).contains(at), "{err}");
        assert_eq!(code, 1);
    }
    // *command-line-args* after the script; -e then a script (clojure.main).
    let args = write(
        "args.clj",
        "(System/exit (.length (.toString *command-line-args*)))",
    );
    let (_, _, code) = cljw(&[&args, "a", "b"], None);
    assert_eq!(code, "(\"a\" \"b\")".len() as i32);
    let (out, _, code) = cljw(&["-e", "(+ 1 2)", &args, "x"], None);
    assert_eq!((out.as_str(), code), ("3\n", "(\"x\")".len() as i32));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_scripts_and_system_exit() {
    // JVM: echo '(/ 2 0)' | clojure - -> "... at user/eval3 (REPL:1)." and values are not printed.
    let (out, err, code) = cljw(&["-"], Some("(+ 1 2)\n(/ 2 0)"));
    assert_eq!((out.as_str(), code), ("", 1));
    assert!(head(&err).ends_with("(REPL:2).\nDivide by zero\n"), "{err}");
    let (_, _, code) = cljw(&["-e", "(System/exit 7)"], None);
    assert_eq!(code, 7);
}

#[test]
fn repl_reads_balanced_forms_and_keeps_results() {
    // JVM (piped): "user=> 3\nuser=> 6\nuser=> " + error on stderr + "user=> \n"
    let (out, err, code) = cljw(&[], Some("(+ 1 2)\n(+ 1\n 5)\n(/ 1 0)\n[*1 *2]\n"));
    assert_eq!(code, 0);
    // JVM: the banner is "Clojure 1.11.1".
    assert_eq!(out.lines().next(), Some("Clojure 1.11.1"));
    let prompts: String = out.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(prompts, "user=> 3\nuser=> 6\nuser=> user=> [6 3]\nuser=> ");
    assert!(err.contains("Divide by zero"), "{err}");
}

#[test]
fn deep_recursion_works_and_overflow_is_catchable() {
    let def = "(def f (fn* f [n] (if (== n 0) 0 (inc (f (dec n))))))";
    for backend in cljw::Backend::ALL.iter().map(|(n, _)| *n) {
        let b = format!("--backend={backend}");
        let (out, err, _) = cljw(&[&b, "-e", &format!("{def} (f 10000)")], None);
        assert_eq!(out, "#'user/f\n10000\n", "{backend}: {err}");
        let (out, err, _) = cljw(
            &[
                &b,
                "-e",
                &format!("{def} (try (f 1000000) (catch StackOverflowError e :caught))"),
            ],
            None,
        );
        assert_eq!(out, "#'user/f\n:caught\n", "{backend}: {err}");
        // JVM: an uncaught StackOverflowError's message prints as null.
        let (_, err, code) = cljw(&[&b, "-e", &format!("{def} (f 1000000)")], None);
        assert_eq!(code, 1);
        assert_eq!(
            head(&err),
            "Execution error (StackOverflowError) at user/f (REPL:1).\nnull\n"
        );
    }
}

#[test]
fn version_help_and_bad_options() {
    let (out, _, code) = cljw(&["--version"], None);
    assert_eq!((out.starts_with("cljw "), code), (true, 0));
    let (out, _, code) = cljw(&["--help"], None);
    assert!(out.starts_with("Usage: cljw") && code == 0);
    let (_, err, code) = cljw(&["--backend=nope"], None);
    assert_eq!(code, 2);
    assert!(err.contains("unknown backend"), "{err}");
}

/// `require` loads `NAME.clj`/`.cljc` from `src/` under the working
/// directory (the Clojure CLI's default path); `*file*` is the path under
/// the root and `:reload` loads again. JVM (CLASSPATH=src clojure main.clj):
/// "loading my.util\n\"HI\" \"my/util.clj\" user\n:clj true\nloading my.util\n".
#[test]
fn require_loads_from_the_src_root() {
    let dir = std::env::temp_dir().join(format!("cljw-lp-{}", std::process::id()));
    let lib = dir.join("src/my");
    std::fs::create_dir_all(&lib).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let write = |p: &std::path::Path, s: &str| {
        std::fs::write(p, s).unwrap_or_else(|e| panic!("write {}: {e}", p.display()))
    };
    write(
        &lib.join("util.clj"),
        "(ns my.util (:require [clojure.string :as str]))\n(defn shout [s] (str/upper-case s))\n(def loaded-file *file*)\n(println \"loading my.util\")\n",
    );
    write(
        &lib.join("dash_name.cljc"),
        "(ns my.dash-name)\n(def v #?(:clj :clj :cljs :cljs))\n",
    );
    write(
        &dir.join("main.clj"),
        "(require '[my.util :as u])\n(require 'my.util)\n(prn (u/shout \"hi\") u/loaded-file (ns-name *ns*))\n(require '[my.dash-name :refer [v]])\n(prn v (contains? (loaded-libs) 'my.util))\n(require 'my.util :reload)\n",
    );
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args([backend, "main.clj"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "loading my.util\n\"HI\" \"my/util.clj\" user\n:clj true\nloading my.util\n",
            "{backend}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Programs read standard input through `*in*`. JVM: `printf 'l1\nl2\n' |
/// clojure -e '(prn (read-line)) (prn (line-seq (java.io.BufferedReader. *in*)))'`
/// prints "\"l1\"\n(\"l2\")\n"; with `clojure -` the script itself comes
/// from `*in*` a form at a time, so it can read the lines after it.
#[test]
fn stdin_is_read_through_in() {
    let (out, err, _) = cljw(
        &[
            "-e",
            "(prn (read-line)) (prn (line-seq (java.io.BufferedReader. *in*)))",
        ],
        Some("l1\nl2\n"),
    );
    assert_eq!(out, "\"l1\"\n(\"l2\")\n", "{err}");
    // JVM: printf '(println (read-line))\nhello\n(println :x (read))\n(foo bar)\n(println (read-line))' | clojure -
    let (out, err, code) = cljw(
        &["-"],
        Some("(println (read-line))\nhello\n(println :x (read))\n(foo bar)\n(println (read-line))"),
    );
    assert_eq!(
        (out.as_str(), code),
        ("hello\n:x (foo bar)\nnil\n", 0),
        "{err}"
    );
    // JVM: printf '(println (read-line) (read-line))(println :x)\nab\n' | clojure -
    let (out, _, _) = cljw(
        &["-"],
        Some("(println (read-line) (read-line))(println :x)\nab\n"),
    );
    assert_eq!(out, "(println :x) ab\n");
    // JVM: the REPL's (read-line) reads the next line.
    let (out, _, _) = cljw(&[], Some("(prn (read-line))\n(+ 1 2)\n(prn (read-line))\n"));
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(
        lines,
        ["user=> \"(+ 1 2)\"", "nil", "user=> nil", "nil", "user=> "]
    );
    // Output is flushed before the program waits for input.
    let (out, _, _) = cljw(
        &[
            "-e",
            "(print \"name? \") (println (str \"hi \" (read-line)))",
        ],
        Some("bob\n"),
    );
    assert_eq!(out, "name? hi bob\n");
}

/// `load` resolves names against the load path (`src`); a name without a
/// leading slash is relative to the current namespace's directory.
/// JVM (CLASSPATH=src clojure main.clj): "thing my/thing.clj\nother
/// my/other.clj my.core\nCould not locate my/nope__init.class, my/nope.clj or
/// my/nope.cljc on classpath.\n".
#[test]
fn load_uses_the_load_path() {
    let dir = std::env::temp_dir().join(format!("cljw-load-{}", std::process::id()));
    let lib = dir.join("src/my");
    std::fs::create_dir_all(&lib).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let write = |p: &std::path::Path, s: &str| {
        std::fs::write(p, s).unwrap_or_else(|e| panic!("write {}: {e}", p.display()))
    };
    write(&lib.join("thing.clj"), "(println \"thing\" *file*)\n");
    write(
        &lib.join("other.clj"),
        "(println \"other\" *file* (ns-name *ns*))\n",
    );
    write(
        &dir.join("main.clj"),
        "(load \"/my/thing\")\n(ns my.core)\n(load \"other\")\n(println (try (load \"nope\") (catch Exception e (ex-message e))))\n",
    );
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args([backend, "main.clj"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "thing my/thing.clj\nother my/other.clj my.core\nCould not locate my/nope__init.class, my/nope.clj or my/nope.cljc on classpath.\n",
            "{backend}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn invalid_utf8_in_argv_files_and_stdin_is_replaced() {
    // JVM: each invalid byte decodes to U+FFFD (`clojure -e $'(println "a\xffb")'`
    // prints a�b; a file or stdin with the same bytes prints `a�b 3`).
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let run = |args: &[&[u8]], stdin: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args(args.iter().map(|a| OsStr::from_bytes(a)))
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        if let Some(mut sin) = child.stdin.take() {
            let _ = sin.write_all(stdin);
        }
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("cljw did not finish: {e}"));
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code().unwrap_or(-1),
        )
    };
    let (out, code) = run(&[b"-e", b"(println \"a\xffb\" (count \"a\xffb\"))"], b"");
    assert_eq!((out.as_str(), code), ("a\u{FFFD}b 3\n", 0));
    let (out, code) = run(&[b"-"], b"(println \"a\xffb\" (count \"a\xffb\"))");
    assert_eq!((out.as_str(), code), ("a\u{FFFD}b 3\n", 0));
    let (out, code) = run(&[b"-e", b"(println (read-line))"], b"x\xffy\n");
    assert_eq!((out.as_str(), code), ("x\u{FFFD}y\n", 0));
    let file = std::env::temp_dir().join(format!("cljw-utf8-{}.clj", std::process::id()));
    std::fs::write(
        &file,
        b"(println \"a\xffb\" (count \"a\xffb\"))\n(prn *command-line-args*)\n",
    )
    .unwrap();
    let (out, code) = run(&[file.as_os_str().as_bytes(), b"x\xfe"], b"");
    let _ = std::fs::remove_file(&file);
    assert_eq!((out.as_str(), code), ("a\u{FFFD}b 3\n(\"x\u{FFFD}\")\n", 0));
}

#[test]
fn repl_reader_errors_name_the_session_line_and_column() {
    // JVM 1.11.1 (`clojure < input`): reading goes on after the error, on
    // the same line; evaluation errors still say REPL:1.
    let input = "(+ 1 2)\n(prn \"x\"\n  ])\n(/ 1 0) 1 (prn :a\n)\n";
    let (out, err, code) = cljw(&[], Some(input));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Clojure 1.11.1\nuser=> 3\nuser=> user=> 1\n:a\nnil\nuser=> \n"
    );
    assert_eq!(
        head(&err),
        "Syntax error reading source at (REPL:3:4).\nUnmatched delimiter: ]\n\
         Syntax error reading source at (REPL:3:5).\nUnmatched delimiter: )\n\
         Execution error (ArithmeticException) at user/evalN (REPL:1).\nDivide by zero\n"
    );
}

#[test]
fn repl_reports_an_unfinished_form_at_end_of_input() {
    // JVM 1.11.1 (`printf ... | clojure`): the unfinished form is a reader
    // error at the end of input, then one more prompt.
    let input = "(+ 1 2)\n(1 2]\n:ok\n  )\n{:a}\n\"abc\n";
    let (out, err, code) = cljw(&[], Some(input));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Clojure 1.11.1\nuser=> 3\nuser=> user=> :ok\nuser=> user=> user=> user=> \n"
    );
    assert_eq!(
        err,
        "Syntax error reading source at (REPL:2:6).\nUnmatched delimiter: ]\n\
         Syntax error reading source at (REPL:4:4).\nUnmatched delimiter: )\n\
         Syntax error reading source at (REPL:5:5).\n\
         Map literal must contain an even number of forms\n\
         Syntax error reading source at (REPL:7:1).\nEOF while reading string\n"
    );
    let (out, err, _) = cljw(&[], Some("(+ 1\n 2"));
    assert_eq!(out, "Clojure 1.11.1\nuser=> user=> \n");
    assert_eq!(
        err,
        "Syntax error reading source at (REPL:3:1).\nEOF while reading, starting at line 1\n"
    );
}

#[test]
fn an_error_in_a_required_namespace_names_its_file() {
    // JVM (java -cp clojure.jar:src clojure.main main.clj): "Execution error
    // (ArithmeticException) at foo.bar/eval159 (bar.clj:4).\nDivide by zero"
    let dir = std::env::temp_dir().join(format!("cljw-rq-{}", std::process::id()));
    let lib = dir.join("src/foo");
    std::fs::create_dir_all(&lib).unwrap_or_else(|e| panic!("mkdir: {e}"));
    std::fs::write(
        lib.join("bar.clj"),
        "(ns foo.bar)\n\n(defn f [] 1)\n(/ 1 0)\n",
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    std::fs::write(dir.join("main.clj"), "(ns main)\n(require 'foo.bar)\n")
        .unwrap_or_else(|e| panic!("write: {e}"));
    // JVM: "Execution error (ExceptionInfo) at foo.baz/g (baz.clj:2).\nboom"
    std::fs::write(
        lib.join("baz.clj"),
        "(ns foo.baz)\n(defn g [] (throw (ex-info \"boom\" {})))\n",
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    std::fs::write(
        dir.join("main2.clj"),
        "(ns main2 (:require foo.baz))\n\n(foo.baz/g)\n",
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args([backend, "main2.clj"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        assert_eq!(
            head(&String::from_utf8_lossy(&out.stderr)),
            "Execution error (ExceptionInfo) at foo.baz/g (baz.clj:2).\nboom\n",
            "{backend}"
        );
    }
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args([backend, "main.clj"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            head(&String::from_utf8_lossy(&out.stderr)),
            "Execution error (ArithmeticException) at foo.bar/evalN (bar.clj:4).\nDivide by zero\n",
            "{backend}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-J-Xmx` / CLJW_MAX_HEAP: a runaway program throws a catchable
/// OutOfMemoryError "Java heap space" instead of being killed; uncaught it
/// is reported and the exit status is 1. JVM 1.11.1 with `java -Xmx64m
/// ... clojure.main` prints the same stdout and exits 1.
#[test]
fn heap_limit_throws_out_of_memory_error() {
    let prog = "(try (loop [v []] (recur (conj v (long-array 1000))))
                  (catch OutOfMemoryError e (println \"caught\" (.getMessage e))))
                (println (try (long-array 1e8) (catch OutOfMemoryError e (.getMessage e))))
                (println \"after\")
                (def v (vec (range 1e9)))
                (println \"unreachable\")";
    let (out, err, code) = cljw(&["-J-Xmx64m", "-"], Some(prog));
    assert_eq!(out, "caught Java heap space\nJava heap space\nafter\n");
    assert!(
        err.contains("(OutOfMemoryError)") && err.contains("Java heap space"),
        "{err}"
    );
    assert_eq!(code, 1);

    let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .args([
            "-e",
            "(try (long-array 1e8) (catch OutOfMemoryError e (.getMessage e)))",
        ])
        .env("CLJW_MAX_HEAP", "64m")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
    let _ = child.stdin.take();
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("cljw did not finish: {e}"));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "\"Java heap space\"\n"
    );

    let (_, err, code) = cljw(&["-J-Xss1m", "-e", "1"], None);
    assert!(err.contains("unsupported JVM option -J-Xss1m"), "{err}");
    assert_eq!(code, 2);
}

/// A fn's frame names the line of the failing call inside it, not the
/// fn's own line, on both backends. JVM 1.11.1 (`clojure tr.clj`):
/// "Execution error (ArithmeticException) at tr/g (tr.clj:5).", and a
/// caught exception's first frame of `g` in its :trace says 5 too.
#[test]
fn trace_frames_name_the_line_of_the_call() {
    let dir = std::env::temp_dir().join(format!("cljw-tr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let src = "(ns tr)\n\n(defn g [x]\n  (let [y (inc x)]\n    (/ y\n       0)))\n\n\
               (defn f [x]\n  (+ 1\n     (g x)))\n\n(f 1)\n";
    std::fs::write(dir.join("tr.clj"), src).unwrap_or_else(|e| panic!("write: {e}"));
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args([backend, "tr.clj"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            head(&String::from_utf8_lossy(&out.stderr)),
            "Execution error (ArithmeticException) at tr/g (tr.clj:5).\nDivide by zero\n",
            "{backend}"
        );
    }
    // --compare compares stderr too (report paths and evalN masked) and
    // the exit status: the backends agree here.
    let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .args(["--compare", "tr.clj"])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.starts_with("Execution error (ArithmeticException) at tr/g (tr.clj:5)."),
        "{err}"
    );
    assert!(!err.contains("cljw --compare"), "{err}");
    // The runs differ (the second one finds the file the first one made):
    // same stdout, different stderr and exit status, all reported.
    std::fs::write(
        dir.join("d.clj"),
        "(println :out)\n(let [seen (.exists (java.io.File. \"flag\"))]\n  (spit \"flag\" \"\")\n  \
         (.println *err* (if seen \"second\" \"first\"))\n  (System/exit (if seen 3 0)))\n",
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .args(["--compare", "d.clj"])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), ":out\n");
    assert!(!err.contains("differ at line"), "{err}");
    assert!(
        err.contains("differ on stderr at line 1:\n  first:  \"first\"\n  second: \"second\""),
        "{err}"
    );
    assert!(
        err.contains("exit status differs: vm 0, tree-walk 3"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A pattern that does not compile: PatternSyntaxException thrown by
/// java.util.regex.Pattern, which clojure.main names as the location.
/// JVM 1.11.1 (`clojure -e '(re-pattern "a[b")'`, and from a fn in a file).
#[test]
fn bad_regex_reports_the_jdk_frame() {
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let (_, err, code) = cljw(
            &[backend, "-e", "(defn f [s] (re-pattern s))\n(f \"a[b\")"],
            None,
        );
        assert_eq!(code, 1);
        assert_eq!(
            head(&err),
            "Execution error (PatternSyntaxException) at java.util.regex.Pattern/error (Pattern.java:2028).\n\
             Unclosed character class near index 2\na[b\n  ^\n",
            "{backend}"
        );
    }
}

/// Exceptions a JDK method throws name its frame, as clojure.main's
/// ex-triage does with the top of the root cause's stack trace; frames of
/// clojure.lang and the core namespaces are skipped (the error in
/// clojure.walk's fn is reported at the caller).
/// JVM 1.11.1 / JDK 17.0.15 (`clojure FILE` and `clojure -e EXPR`).
#[test]
fn jdk_throw_sites_report_the_jdk_frame() {
    let cases = [
        (
            "(Long/parseLong \"x\")",
            "Execution error (NumberFormatException) at java.lang.NumberFormatException/forInputString (NumberFormatException.java:67).\n\
             For input string: \"x\"\n",
        ),
        (
            "(defn f [s] (Integer/parseInt s))\n(f \"x\")",
            "Execution error (NumberFormatException) at java.lang.NumberFormatException/forInputString (NumberFormatException.java:67).\n\
             For input string: \"x\"\n",
        ),
        (
            "(Double/parseDouble \"x\")",
            "Execution error (NumberFormatException) at jdk.internal.math.FloatingDecimal/readJavaFormatString (FloatingDecimal.java:2054).\n\
             For input string: \"x\"\n",
        ),
        (
            "(Long/parseLong nil)",
            "Execution error (NumberFormatException) at java.lang.Long/parseLong (Long.java:674).\n\
             Cannot parse null string\n",
        ),
        (
            "(.charAt \"abc\" 5)",
            "Execution error (StringIndexOutOfBoundsException) at java.lang.StringLatin1/charAt (StringLatin1.java:48).\n\
             String index out of range: 5\n",
        ),
        (
            "(subs \"abc\" 0 9)",
            "Execution error (StringIndexOutOfBoundsException) at java.lang.String/checkBoundsBeginEnd (String.java:4606).\n\
             begin 0, end 9, length 3\n",
        ),
        (
            "(slurp \"nonexistent-file-x\")",
            "Execution error (FileNotFoundException) at java.io.FileInputStream/open0 (FileInputStream.java:-2).\n\
             nonexistent-file-x (No such file or directory)\n",
        ),
        (
            "(BigDecimal. \"\")",
            "Execution error (ArrayIndexOutOfBoundsException) at java.math.BigDecimal/<init> (BigDecimal.java:519).\n\
             Index 0 out of bounds for length 0\n",
        ),
        // clojure.lang's exceptions name the caller.
        (
            "(nth [1 2 3] 5)",
            "Execution error (IndexOutOfBoundsException) at user/evalN (REPL:1).\nnull\n",
        ),
        (
            "(require 'clojure.walk) (clojure.walk/postwalk inc [\"a\"])",
            "Execution error (ClassCastException) at user/evalN (REPL:1).\n\
             class java.lang.String cannot be cast to class java.lang.Number (java.lang.String and java.lang.Number are in module java.base of loader 'bootstrap')\n",
        ),
    ];
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        for (src, want) in cases {
            let (_, err, code) = cljw(&[backend, "-e", src], None);
            assert_eq!(code, 1, "{backend} {src}");
            assert_eq!(head(&err), want, "{backend} {src}");
        }
    }
}

/// Reader conditionals: a `.cljc` script or required `.cljc` namespace
/// reads them, a `.clj` file, `-e` and a script on stdin throw
/// "Conditional read not allowed"; the REPL reads them.
/// JVM 1.11.1 (`clojure a.clj`, `clojure b.cljc`, `clojure -e`,
/// `clojure -`, `clojure` with stdin, `java -cp clojure.jar:src clojure.main -e
/// "(require 'rcx.d)"`).
#[test]
fn reader_conditionals_only_in_cljc_and_the_repl() {
    let dir = std::env::temp_dir().join(format!("cljw-rc-{}", std::process::id()));
    let src = dir.join("src/rcx");
    std::fs::create_dir_all(&src).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let write = |p: &std::path::Path, s: &str| {
        std::fs::write(p, s).unwrap_or_else(|e| panic!("write {}: {e}", p.display()))
    };
    write(&dir.join("a.clj"), "(println #?(:clj 1 :cljs 2))\n");
    write(&dir.join("b.cljc"), "(println :ok #?(:clj 1 :cljs 2))\n");
    write(
        &src.join("c.cljc"),
        "(ns rcx.c)\n(def v #?(:clj :c-clj :default :d))\n",
    );
    write(
        &src.join("d.clj"),
        "(ns rcx.d)\n(def v #?(:clj :d-clj :default :d))\n",
    );
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .args(args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
        if let Some(mut sin) = child.stdin.take() {
            let _ = sin.write_all(stdin.as_bytes());
        }
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("cljw did not finish: {e}"));
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            head(&String::from_utf8_lossy(&out.stderr)),
            out.status.code().unwrap_or(-1),
        )
    };
    let not_allowed = |at: &str| format!("{at}\nConditional read not allowed\n");
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        let (_, err, code) = run(&[backend, "a.clj"], "");
        assert_eq!(
            (err, code),
            (
                not_allowed("Syntax error reading source at (a.clj:1:12)."),
                1
            ),
            "{backend}"
        );
        let (out, _, code) = run(&[backend, "b.cljc"], "");
        assert_eq!((out.as_str(), code), (":ok 1\n", 0), "{backend}");
        let (_, err, code) = run(&[backend, "-e", "(println #?(:clj 1))"], "");
        assert_eq!(
            (err, code),
            (
                not_allowed("Execution error at clojure.main/main (main.java:40)."),
                1
            ),
            "{backend}"
        );
        let (_, err, code) = run(&[backend, "-"], "(println #?(:clj 1))\n");
        assert_eq!(
            (err, code),
            (
                not_allowed("Syntax error reading source at (REPL:1:12)."),
                1
            ),
            "{backend}"
        );
        let (out, _, code) = run(
            &[
                backend,
                "-cp",
                "src",
                "-e",
                "(require 'rcx.c) (println rcx.c/v)",
            ],
            "",
        );
        assert_eq!((out.as_str(), code), (":c-clj\n", 0), "{backend}");
        let (_, err, code) = run(
            &[
                backend,
                "-cp",
                "src",
                "-e",
                "(require 'rcx.d) (println rcx.d/v)",
            ],
            "",
        );
        assert_eq!(
            (err, code),
            (
                not_allowed("Syntax error reading source at (rcx/d.clj:2:10)."),
                1
            ),
            "{backend}"
        );
        let (out, _, _) = run(&[backend], "(println #?(:clj 1))\n");
        assert!(out.contains("user=> 1\nnil\n"), "{backend}: {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A recur that passes a primitive local a value of another type is a
/// compile error naming the enclosing fn* form (the top-level form's own
/// for a loop at top level). JVM 1.11.1 (`clojure a.clj`, `clojure b.clj`).
#[test]
fn recur_type_mismatch_is_a_compile_error() {
    let dir = std::env::temp_dir().join(format!("cljw-recur-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let write = |name: &str, s: &str| {
        std::fs::write(dir.join(name), s).unwrap_or_else(|e| panic!("write {name}: {e}"))
    };
    write(
        "a.clj",
        "(println 1)\n(loop [b (pos? 1) n 0]\n  (if (< n 3) (recur n (inc n)) b))\n",
    );
    write(
        "b.clj",
        "(defn f [^long x]\n  (if (< x 3) (recur \"s\") x))\n",
    );
    for backend in ["--backend=vm", "--backend=tree-walk"] {
        for (file, out, want) in [
            (
                "a.clj",
                "1\n",
                "Syntax error (IllegalArgumentException) compiling fn* at (a.clj:2:1).\n \
                 recur arg for primitive local: b is not matching primitive, had: long, needed: boolean\n",
            ),
            (
                "b.clj",
                "",
                "Syntax error (IllegalArgumentException) compiling fn* at (b.clj:1:1).\n \
                 recur arg for primitive local: x is not matching primitive, had: java.lang.String, needed: long\n",
            ),
        ] {
            let o = Command::new(env!("CARGO_BIN_EXE_cljw"))
                .args([backend, file])
                .current_dir(&dir)
                .output()
                .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
            assert_eq!(o.status.code(), Some(1), "{backend} {file}");
            assert_eq!(String::from_utf8_lossy(&o.stdout), out, "{backend} {file}");
            assert_eq!(
                head(&String::from_utf8_lossy(&o.stderr)),
                want,
                "{backend} {file}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
