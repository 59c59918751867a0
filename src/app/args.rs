//! Command-line parsing, following clojure.main: init options (`-e`, `-i`)
//! run in order, then one main option (a script path, `-` for stdin, `-r`
//! for a REPL) takes the remaining arguments as `*command-line-args*`.

use crate::Backend;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Init {
    /// `-e EXPR`: evaluate, printing non-nil values.
    Eval(String),
    /// `-i PATH`: load a file.
    Load(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Main {
    /// No main option: run the inits, or a REPL when there are none.
    None,
    Script(String),
    Stdin,
    Repl,
    Help,
    Version,
    /// `nrepl-server [--port N] [--host H]` (also `nrepl`).
    NreplServer {
        host: String,
        port: u16,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub backend: Backend,
    pub compare: bool,
    pub inits: Vec<Init>,
    pub main: Main,
    /// Arguments after the main option.
    pub args: Vec<String>,
}

pub const USAGE: &str = "\
Usage: cljw [options] [init-opt*] [main-opt] [arg*]

  With no options or args, runs an interactive Read-Eval-Print Loop

  options:
    --backend=vm|tree-walk  Engine to run code on (default: vm)
    --compare               Run the program on both backends and report the
                            first line of output where they differ
    --version               Print the version and exit

  init options:
    -i, --init path     Load a file
    -e, --eval string   Evaluate expressions in string; print non-nil values

  main options:
    -r, --repl          Run a repl
    path                Run a script from a file
    -                   Run a script from standard input
    -h, -?, --help      Print this help message and exit

  commands:
    nrepl-server [--port N] [--host H]
                        Start an nREPL server (default 127.0.0.1, a free
                        port; writes .nrepl-port). Also: nrepl

  operation:
    - Enters the user namespace
    - Binds *command-line-args* to a seq of strings containing command line
      args that appear after any main option
    - Runs all init options in order
    - Runs a repl or script if requested
";

/// Parse argv (without the program name).
pub fn parse(argv: &[String]) -> Result<Options, String> {
    let mut o = Options {
        backend: Backend::default(),
        compare: false,
        inits: Vec::new(),
        main: Main::None,
        args: Vec::new(),
    };
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        let mut value = |flag: &str| -> Result<String, String> {
            let v = argv
                .get(i)
                .cloned()
                .ok_or_else(|| format!("{flag} requires an argument"))?;
            i += 1;
            Ok(v)
        };
        match a {
            "--compare" => o.compare = true,
            _ if a.starts_with("--backend=") => {
                let name = &a["--backend=".len()..];
                o.backend = Backend::from_name(name)
                    .ok_or_else(|| format!("unknown backend: {name} (expected vm or tree-walk)"))?;
            }
            "-e" | "--eval" => o.inits.push(Init::Eval(value(a)?)),
            "-i" | "--init" => o.inits.push(Init::Load(value(a)?)),
            "--version" => {
                o.main = Main::Version;
                break;
            }
            "-h" | "-?" | "--help" => {
                o.main = Main::Help;
                break;
            }
            "-r" | "--repl" => {
                o.main = Main::Repl;
                break;
            }
            "-" => {
                o.main = Main::Stdin;
                break;
            }
            "nrepl-server" | "nrepl" if o.inits.is_empty() => {
                o.main = parse_nrepl(&argv[i..])?;
                i = argv.len();
                break;
            }
            path => {
                o.main = Main::Script(path.to_string());
                break;
            }
        }
    }
    o.args = argv[i..].to_vec();
    Ok(o)
}

/// `nrepl-server` options.
fn parse_nrepl(argv: &[String]) -> Result<Main, String> {
    let mut host = "127.0.0.1".to_string();
    let mut port = 0u16;
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} requires an argument"));
        match a.as_str() {
            "--port" | "-p" => {
                let v = value()?;
                port = v.parse().map_err(|_| format!("bad port: {v}"))?;
            }
            "--host" | "-h" => host = value()?.clone(),
            other => return Err(format!("unknown nrepl-server option: {other}")),
        }
    }
    Ok(Main::NreplServer { host, port })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &[&str]) -> Options {
        let v: Vec<String> = a.iter().map(|s| s.to_string()).collect();
        parse(&v).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn parses_like_clojure_main() {
        let o = p(&["f.clj", "a", "-e"]);
        assert_eq!(o.main, Main::Script("f.clj".into()));
        assert_eq!(o.args, vec!["a".to_string(), "-e".to_string()]);
        // clojure -e '(+ 1 2)' x y: x is the script, (y) the args.
        let o = p(&["-e", "(+ 1 2)", "x", "y"]);
        assert_eq!(o.inits, vec![Init::Eval("(+ 1 2)".into())]);
        assert_eq!(o.main, Main::Script("x".into()));
        assert_eq!(o.args, vec!["y".to_string()]);
        let o = p(&["--backend=tree-walk", "--compare", "-", "q"]);
        assert_eq!(o.backend, Backend::TreeWalk);
        assert!(o.compare);
        assert_eq!(o.main, Main::Stdin);
        assert_eq!(p(&[]).main, Main::None);
        assert!(parse(&["--backend=jvm".to_string()]).is_err());
        assert!(parse(&["-e".to_string()]).is_err());
        assert_eq!(
            p(&["nrepl-server", "--port", "7888", "--host", "0.0.0.0"]).main,
            Main::NreplServer {
                host: "0.0.0.0".into(),
                port: 7888
            }
        );
        assert_eq!(
            p(&["nrepl"]).main,
            Main::NreplServer {
                host: "127.0.0.1".into(),
                port: 0
            }
        );
        assert!(parse(&["nrepl".to_string(), "--port".to_string(), "x".to_string()]).is_err());
    }
}
