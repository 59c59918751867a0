//! `--compare`: run the program once per backend (as child processes of
//! this binary) and report the first line where their stdout or their
//! stderr differ, and a different exit status.

use super::args::{Main, Options};

#[cfg(not(target_family = "wasm"))]
pub fn run(argv: &[String], opts: &Options) -> i32 {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cljw: --compare: cannot find this executable: {e}");
            return 2;
        }
    };
    let rest: Vec<&String> = argv
        .iter()
        .filter(|a| *a != "--compare" && !a.starts_with("--backend="))
        .collect();
    let input = if opts.main == Main::Stdin {
        let mut s = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut s);
        Some(s)
    } else {
        None
    };
    let backends = crate::Backend::ALL;
    if backends.len() < 2 {
        eprintln!("cljw: --compare: this build has only one backend; nothing to compare");
    }
    let mut runs = Vec::new();
    for (name, _) in backends {
        let mut cmd = Command::new(&exe);
        cmd.arg(format!("--backend={name}"))
            .args(&rest)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::inherit()
            });
        let child = cmd.spawn().and_then(|mut c| {
            if let (Some(data), Some(mut sin)) = (&input, c.stdin.take()) {
                sin.write_all(data)?;
            }
            c.wait_with_output()
        });
        match child {
            Ok(out) => runs.push((*name, out)),
            Err(e) => {
                eprintln!("cljw: --compare: cannot run the {name} backend: {e}");
                return 2;
            }
        }
    }
    let Some((first_name, first)) = runs.first() else {
        return 2;
    };
    let _ = std::io::stdout().write_all(&first.stdout);
    let _ = std::io::stderr().write_all(&first.stderr);
    let code = |o: &std::process::Output| o.status.code().unwrap_or(1);
    let mut same = true;
    for (name, other) in &runs[1..] {
        if let Some(msg) = first_difference(&first.stdout, &other.stdout) {
            eprintln!("cljw --compare: {first_name} and {name} differ {msg}");
            same = false;
        }
        let (ea, eb) = (
            normalize_stderr(&first.stderr),
            normalize_stderr(&other.stderr),
        );
        if let Some(msg) = first_difference(ea.as_bytes(), eb.as_bytes()) {
            eprintln!("cljw --compare: {first_name} and {name} differ on stderr {msg}");
            same = false;
        }
        if code(first) != code(other) {
            eprintln!(
                "cljw --compare: exit status differs: {first_name} {}, {name} {}",
                code(first),
                code(other)
            );
            same = false;
        }
    }
    if same { code(first) } else { 1 }
}

#[cfg(target_family = "wasm")]
pub fn run(_argv: &[String], _opts: &Options) -> i32 {
    let _ = Main::None;
    eprintln!("cljw: --compare runs child processes, which wasm32 does not have");
    2
}

#[cfg_attr(target_family = "wasm", allow(dead_code))]
/// Stderr without what differs from run to run by design: the path of a
/// "Full report at:" file and the numbers of `evalN` frames.
pub fn normalize_stderr(err: &[u8]) -> String {
    let text = String::from_utf8_lossy(err);
    let mut out = String::with_capacity(text.len());
    let mut after_report = false;
    for line in text.split_inclusive('\n') {
        if after_report {
            after_report = false;
            out.push_str("<report file>\n");
            continue;
        }
        after_report = line.trim_end() == "Full report at:";
        let mut rest = line;
        while let Some(i) = rest.find("eval") {
            let (head, tail) = rest.split_at(i + 4);
            out.push_str(head);
            let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits > 0 {
                out.push('N');
            }
            rest = &tail[digits..];
        }
        out.push_str(rest);
    }
    out
}

#[cfg_attr(target_family = "wasm", allow(dead_code))]
/// "at line N:\n  a: ...\n  b: ..." for the first differing line, or None.
pub fn first_difference(a: &[u8], b: &[u8]) -> Option<String> {
    if a == b {
        return None;
    }
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    let (mut la, mut lb) = (a.split('\n'), b.split('\n'));
    let mut n = 1;
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            (x, y) => {
                let show = |l: Option<&str>| match l {
                    Some(l) => format!("{l:?}"),
                    None => "<end of output>".to_string(),
                };
                return Some(format!(
                    "at line {n}:\n  first:  {}\n  second: {}",
                    show(x),
                    show(y)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{first_difference, normalize_stderr};

    #[test]
    fn stderr_is_compared_without_report_paths_and_eval_numbers() {
        let a = b"Execution error at user/eval1004 (REPL:1).\nboom\n\nFull report at:\n/tmp/clojure-1.edn\n";
        let b = b"Execution error at user/eval99 (REPL:1).\nboom\n\nFull report at:\n/tmp/clojure-2.edn\n";
        assert_eq!(normalize_stderr(a), normalize_stderr(b));
        assert!(normalize_stderr(a).contains("user/evalN (REPL:1)"));
        let c = b"Execution error at user/f (REPL:2).\nboom\n";
        assert!(
            first_difference(
                normalize_stderr(a).as_bytes(),
                normalize_stderr(c).as_bytes()
            )
            .is_some()
        );
        assert_eq!(
            normalize_stderr(b"(eval x) evaluation\n"),
            "(eval x) evaluation\n"
        );
    }

    #[test]
    fn finds_the_first_differing_line() {
        assert_eq!(first_difference(b"a\nb\n", b"a\nb\n"), None);
        let d = first_difference(b"a\nb\nc\n", b"a\nx\nc\n").unwrap_or_default();
        assert!(d.starts_with("at line 2:"), "{d}");
        let d = first_difference(b"a\n", b"a\nmore\n").unwrap_or_default();
        assert!(d.starts_with("at line 2:") && d.contains("\"\""), "{d}");
    }
}
