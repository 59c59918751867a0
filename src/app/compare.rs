//! `--compare`: run the program once per backend (as child processes of
//! this binary) and report the first line of output where they differ.

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
        } else if code(first) != code(other) {
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
    use super::first_difference;

    #[test]
    fn finds_the_first_differing_line() {
        assert_eq!(first_difference(b"a\nb\n", b"a\nb\n"), None);
        let d = first_difference(b"a\nb\nc\n", b"a\nx\nc\n").unwrap_or_default();
        assert!(d.starts_with("at line 2:"), "{d}");
        let d = first_difference(b"a\n", b"a\nmore\n").unwrap_or_default();
        assert!(d.starts_with("at line 2:") && d.contains("\"\""), "{d}");
    }
}
