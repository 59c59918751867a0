//! Command-line parsing in two layers, like the Clojure CLI over
//! clojure.main. First the project options (`-cp`, `-Sdeps`, `-Spath`,
//! `-A`/`-M`/`-X` with aliases, `--`; see `ProjectOpts`), then clojure.main's:
//! init options (`-e`, `-i`) run in order, then one main option (a script
//! path, `-` for stdin, `-r` for a REPL, `-m NS`) takes the remaining
//! arguments as `*command-line-args*`. `-M` prepends the aliases'
//! `:main-opts`, so the app re-parses with `parse_main` once deps.edn is read.

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
    /// `-m NS`: require NS and apply its `-main` to the args.
    Ns(String),
    /// `-X[aliases] [fn] [kpath v]*`: call fn with a map of the args.
    Exec {
        f: Option<String>,
        kvs: Vec<String>,
    },
    /// `-Spath`: print the classpath and exit.
    PrintPath,
    /// `cljw test [opts]`: run clojure.test namespaces (app/test_runner.rs).
    Test(Vec<String>),
    /// `cljw build [opts]`: write one executable (app/build.rs).
    Build(Vec<String>),
    /// A classpath resource run as a script (a built program's entry).
    Resource(String),
    /// `nrepl-server [--port N] [--host H]` (also `nrepl`).
    NreplServer {
        host: String,
        port: u16,
    },
}

/// The Clojure CLI's options that pick the classpath and entry point.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectOpts {
    /// `-J-Xmx<size>`: the heap limit in bytes.
    pub max_heap: Option<usize>,
    /// `-cp PATH` / `-Scp PATH`: the classpath, replacing deps.edn's.
    pub classpath: Option<String>,
    /// `-Sdeps EDN`: deps data merged over deps.edn.
    pub sdeps: Option<String>,
    /// Aliases from `-A`, `-M` and `-X` (without the colons).
    pub aliases: Vec<String>,
    /// `-M`: the aliases' `:main-opts` come before the remaining args.
    pub main_mode: bool,
    /// The args after `-M`, as given (re-parsed after `:main-opts`).
    pub main_args: Vec<String>,
    /// `-Srepro`: leave out the user-level deps.edn.
    pub repro: bool,
    /// `-P`: fetch the deps (git clones) and exit without running.
    pub prepare: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub backend: Backend,
    pub compare: bool,
    /// `--dump-bytecode`: print each top-level form's bytecode (stderr).
    pub dump_bytecode: bool,
    pub project: ProjectOpts,
    pub inits: Vec<Init>,
    pub main: Main,
    /// Arguments after the main option.
    pub args: Vec<String>,
}

pub const USAGE: &str = "\
Usage: cljw [project-opt*] [options] [init-opt*] [main-opt] [arg*]

  With no options or args, runs an interactive Read-Eval-Print Loop

  project options (the Clojure CLI's; deps.edn is read when present):
    -cp, -Scp PATH          Classpath (dirs and jars, `:`-separated) instead
                            of deps.edn's (default: src); CLJW_PATH is added
    -Sdeps EDN              Deps data merged over deps.edn
    -Spath                  Print the classpath and exit
    -Srepro                 Ignore the user-level deps.edn (~/.clojure)
    -P                      Fetch the deps (git clones) and exit
    -J-Xmx<size>            Heap limit (e.g. 64m, 2g; also $CLJW_MAX_HEAP):
                            past it, programs throw OutOfMemoryError
    -A:aliases              Use the aliases' paths and deps
    -M:aliases [init-opt*] [main-opt] [arg*]
                            Also run the aliases' :main-opts first
    -X:aliases [ns/fn] [kpath v]*
                            Call fn (default :exec-fn) with a map made of
                            :exec-args and the kpath/value pairs (EDN)
    test [opts]             Run clojure.test namespaces (cljw test --help)
    build (FILE | -m NS) -o OUT
                            Write one executable running the program
    --                      End of project options (`cljw -- test` runs a
                            file named test)

  options:
    --backend=vm|tree-walk  Engine to run code on (default: vm)
    --compare               Run the program on both backends and report the
                            first line where stdout or stderr differ, and
                            a different exit status
    --dump-bytecode         Print the bytecode of each top-level form run
                            (on stderr) as the VM backend compiles it
    --version               Print the version and exit

  init options:
    -i, --init path     Load a file
    -e, --eval string   Evaluate expressions in string; print non-nil values

  main options:
    -m, --main ns-name  Call the -main function from a namespace with args
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

/// The one JVM option cljw has a use for: `-Xmx<size>`, the heap limit.
fn jvm_opt(opt: &str) -> Result<usize, String> {
    let Some(size) = opt.strip_prefix("-Xmx") else {
        return Err(format!(
            "unsupported JVM option -J{opt} (cljw understands -J-Xmx<size>)"
        ));
    };
    crate::runtime::alloc::parse_size(size)
        .ok_or_else(|| format!("invalid maximum heap size: -Xmx{size}"))
}

/// Parse argv (without the program name).
pub fn parse(argv: &[String]) -> Result<Options, String> {
    let mut o = Options {
        backend: Backend::default(),
        compare: false,
        dump_bytecode: false,
        project: ProjectOpts::default(),
        inits: Vec::new(),
        main: Main::None,
        args: Vec::new(),
    };
    let rest = parse_project(argv, &mut o)?;
    if !matches!(o.main, Main::None) {
        return Ok(o);
    }
    parse_main(&argv[rest..], &mut o)?;
    Ok(o)
}

/// The project layer: returns where clojure.main's options start. Sets
/// `o.main` for `-X`, `-Spath` and `test`, which take everything after them.
fn parse_project(argv: &[String], o: &mut Options) -> Result<usize, String> {
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
            "--dump-bytecode" => o.dump_bytecode = true,
            _ if a.starts_with("--backend=") => {
                let name = &a["--backend=".len()..];
                o.backend = Backend::from_name(name)
                    .ok_or_else(|| format!("unknown backend: {name} (expected vm or tree-walk)"))?;
            }
            "-cp" | "-classpath" | "-Scp" => o.project.classpath = Some(value(a)?),
            "-Sdeps" => o.project.sdeps = Some(value(a)?),
            "-Spath" => o.main = Main::PrintPath,
            "-Srepro" => o.project.repro = true,
            // There is no classpath cache to bypass.
            "-Sforce" => {}
            "-P" => o.project.prepare = true,
            _ if a.starts_with("-J") => o.project.max_heap = Some(jvm_opt(&a[2..])?),
            "--" => return Ok(i),
            "test" => {
                o.main = Main::Test(argv[i..].to_vec());
                return Ok(argv.len());
            }
            "build" => {
                o.main = Main::Build(argv[i..].to_vec());
                return Ok(argv.len());
            }
            _ if a.starts_with("-A") => o.project.aliases.extend(aliases(&a[2..])?),
            _ if a.starts_with("-M") => {
                o.project.aliases.extend(aliases(&a[2..])?);
                o.project.main_mode = true;
                o.project.main_args = argv[i..].to_vec();
                return Ok(i);
            }
            _ if a.starts_with("-X") => {
                o.project.aliases.extend(aliases(&a[2..])?);
                if matches!(o.main, Main::None) {
                    let rest = &argv[i..];
                    // An odd count means the first arg names the fn.
                    let (f, kvs) = match rest.split_first() {
                        Some((f, kvs)) if rest.len() % 2 == 1 => (Some(f.clone()), kvs.to_vec()),
                        _ => (None, rest.to_vec()),
                    };
                    o.main = Main::Exec { f, kvs };
                }
                return Ok(argv.len());
            }
            _ => return Ok(i - 1),
        }
    }
    Ok(i)
}

/// `:a:b` -> ["a", "b"]; empty is none.
fn aliases(spec: &str) -> Result<Vec<String>, String> {
    if spec.is_empty() {
        return Ok(Vec::new());
    }
    let Some(body) = spec.strip_prefix(':') else {
        return Err(format!(
            "aliases must be keywords, like -M:dev:test (got {spec})"
        ));
    };
    Ok(body
        .split(':')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// clojure.main's options: inits, then one main option and its args.
pub fn parse_main(argv: &[String], o: &mut Options) -> Result<(), String> {
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
            "-m" | "--main" => {
                o.main = Main::Ns(value(a)?);
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
    Ok(())
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

    #[test]
    fn parses_like_the_clojure_cli() {
        let o = p(&["-Sdeps", "{}", "-M:a:b", "-m", "x.core", "1"]);
        assert_eq!(o.project.sdeps.as_deref(), Some("{}"));
        assert_eq!(o.project.aliases, vec!["a".to_string(), "b".into()]);
        assert!(o.project.main_mode);
        assert_eq!(o.main, Main::Ns("x.core".into()));
        assert_eq!(o.args, vec!["1".to_string()]);
        let o = p(&["-X:t", "a/f", ":k", "1"]);
        assert_eq!(
            o.main,
            Main::Exec {
                f: Some("a/f".into()),
                kvs: vec![":k".into(), "1".into()]
            }
        );
        let o = p(&["-X", ":k", "1"]);
        assert!(matches!(o.main, Main::Exec { f: None, .. }));
        let o = p(&["-J-Xmx64m", "-e", "1"]);
        assert_eq!(o.project.max_heap, Some(64 << 20));
        assert!(parse(&["-J-Xmx6q".to_string()]).is_err());
        assert!(parse(&["-J-Xss4m".to_string()]).is_err());
        let o = p(&["-cp", "a:b.jar", "--", "-e", "1"]);
        assert_eq!(o.project.classpath.as_deref(), Some("a:b.jar"));
        assert_eq!(o.inits, vec![Init::Eval("1".into())]);
        assert_eq!(p(&["-A:dev", "-Spath"]).main, Main::PrintPath);
        assert_eq!(
            p(&["test", "-n", "x"]).main,
            Main::Test(vec!["-n".into(), "x".into()])
        );
        assert!(parse(&["-Mdev".to_string()]).is_err());
    }
}
