//! LAYER 3: the `cljw` command: scripts, `-e`, stdin, the REPL, uncaught
//! error reports like clojure.main's, and `--compare` across backends.

pub mod args;
mod build;
mod build_wasm;
mod compare;
pub mod complete;
mod deps;
#[cfg(feature = "nrepl")]
pub mod nrepl;
mod project;
mod repl;
pub mod report;
#[cfg(not(target_family = "wasm"))]
mod sigint;
mod test_runner;

use crate::Runtime;
use crate::builtins::lang::core_var;
use crate::runtime::error::{ExClass, Exception, Frame, Result};
use crate::runtime::io;
use crate::runtime::value::Value;
use crate::runtime::{func, printer, stack, var};
use args::{Init, Main, Options};

/// Rust stack reserved for the evaluation thread: the tree-walk backend
/// recurses on it (about 20 KiB per Clojure call in debug builds).
#[cfg(not(target_family = "wasm"))]
pub(crate) const EVAL_STACK: usize = 1 << 30;

/// Nested Clojure calls allowed before StackOverflowError. Natively the
/// 1 GiB thread has room for this many tree-walk frames. On wasm32 the
/// shadow stack is set in .cargo/config.toml, but the engine's native stack
/// for wasm frames bounds depth too (the wasmtime Python embedding caps it
/// at 2 MiB: about 1,500 tree-walk calls), hence the low limit.
#[cfg(not(target_family = "wasm"))]
pub const DEPTH_LIMIT: u32 = 30_000;
#[cfg(target_family = "wasm")]
pub const DEPTH_LIMIT: u32 = 1_500;

/// Run the command line `argv` (without the program name); returns the exit
/// status.
pub fn main(argv: Vec<String>) -> i32 {
    if let Ok(size) = std::env::var("CLJW_MAX_HEAP") {
        match crate::runtime::alloc::parse_size(&size) {
            Some(n) => crate::runtime::alloc::set_heap_limit(Some(n)),
            None => {
                eprintln!("cljw: invalid maximum heap size in CLJW_MAX_HEAP: {size}");
                return 2;
            }
        }
    }
    if let Some(payload) = build::embedded() {
        return on_eval_stack(move || run_built(payload, argv));
    }
    let opts = match args::parse(&argv) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("cljw: {msg}\n\n{}", args::USAGE);
            return 2;
        }
    };
    if opts.project.max_heap.is_some() {
        crate::runtime::alloc::set_heap_limit(opts.project.max_heap);
    }
    match opts.main.clone() {
        Main::Help => {
            print!("{}", args::USAGE);
            return 0;
        }
        Main::Version => {
            println!("cljw {}", env!("CARGO_PKG_VERSION"));
            return 0;
        }
        Main::NreplServer { host, port } => {
            #[cfg(feature = "nrepl")]
            {
                // The server's sessions load from the project's classpath.
                let mut opts = opts.clone();
                if let Err(msg) = project::setup(&mut opts, &[]) {
                    eprintln!("Error building classpath. {msg}");
                    return 1;
                }
                return nrepl::run(&nrepl::ServerOptions { host, port }, opts.backend);
            }
            #[cfg(not(feature = "nrepl"))]
            {
                let _ = (host, port);
                eprintln!("cljw: this build has no nREPL server (cargo feature `nrepl`)");
                return 2;
            }
        }
        _ => {}
    }
    if opts.compare {
        return compare::run(&argv, &opts);
    }
    on_eval_stack(move || run(opts))
}

/// Run `f` where deep recursion fits: a thread with a large stack natively,
/// the main thread on wasm32 (no threads there).
fn on_eval_stack(f: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    #[cfg(not(target_family = "wasm"))]
    {
        let spawned = std::thread::Builder::new()
            // What `(.getName (Thread/currentThread))` reports, as on the JVM.
            .name("main".into())
            .stack_size(EVAL_STACK)
            .spawn(move || {
                stack::set_limit(DEPTH_LIMIT);
                crate::runtime::cycle::collect_on_this_thread();
                f()
            });
        match spawned {
            Ok(h) => h.join().unwrap_or_else(|_| {
                io::flush_stdout();
                eprintln!("cljw: internal error (the evaluator panicked)");
                70
            }),
            Err(e) => {
                eprintln!("cljw: cannot start the evaluation thread: {e}");
                70
            }
        }
    }
    #[cfg(target_family = "wasm")]
    {
        stack::set_limit(DEPTH_LIMIT);
        f()
    }
}

/// clojure.main's with-bindings: the vars a program may `set!`, bound on
/// this thread.
pub(crate) fn push_main_bindings(rt: &Runtime, args: &[String]) -> Result<()> {
    let cla = if args.is_empty() {
        Value::NIL
    } else {
        Value::list(args.iter().map(|a| Value::string(a.as_str())).collect())
    };
    let mut binds = Vec::new();
    for name in [
        "*ns*",
        "*command-line-args*",
        "*warn-on-reflection*",
        "*print-meta*",
        "*print-length*",
        "*print-level*",
        "*print-namespace-maps*",
        "*data-readers*",
        "*default-data-reader-fn*",
        "*unchecked-math*",
        "*assert*",
        "*math-context*",
        "*1",
        "*2",
        "*3",
        "*e",
    ] {
        let Some(v) = core_var(name) else { continue };
        if !v.is_dynamic() {
            continue;
        }
        let value = match name {
            "*ns*" => Value::namespace(rt.current_ns()),
            "*command-line-args*" => cla.clone(),
            "*print-namespace-maps*" => Value::TRUE,
            _ => v.get().unwrap_or(Value::NIL),
        };
        binds.push((v, value));
    }
    var::push_bindings(binds)
}

/// Everything a run does, on the evaluation thread.
fn run(mut opts: Options) -> i32 {
    crate::compiler::set_dump(opts.dump_bytecode);
    let mut rt = Runtime::new(opts.backend);
    // `cljw test` uses the :test alias when deps.edn declares it.
    let optional: &[&str] = match opts.main {
        Main::Test(_) => &["test"],
        _ => &[],
    };
    let plan = match project::setup(&mut opts, optional) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("Error building classpath. {msg}");
            return 1;
        }
    };
    if opts.project.prepare {
        return 0;
    }
    if opts.main == Main::PrintPath {
        println!("{}", crate::runtime::classpath::entries().join(":"));
        return 0;
    }
    if let Err(e) = crate::load_data_readers() {
        return fail(&e, None, &rt);
    }
    if let Err(e) = push_main_bindings(&rt, &opts.args) {
        return fail(&e, None, &rt);
    }
    if let Main::Test(args) = &opts.main {
        return run_tests(&mut rt, args, &plan);
    }
    if let Main::Build(args) = &opts.main {
        let r = build::parse(args).and_then(|o| build::build(&o));
        return match r {
            Ok(()) => 0,
            Err(msg) => {
                eprintln!("cljw build: {msg}\n\n{}", build::HELP);
                1
            }
        };
    }
    for init in &opts.inits {
        let r = match init {
            Init::Eval(src) => eval_opt(&mut rt, src),
            Init::Load(path) => rt.load_file(path).map(|_| ()),
        };
        if let Err(e) = r {
            let file = match init {
                Init::Load(p) => Some(report_file_name(p)),
                Init::Eval(_) => None,
            };
            return fail(&e, file, &rt);
        }
    }
    let r = match &opts.main {
        Main::None if opts.inits.is_empty() => return finish(repl::run(&mut rt)),
        Main::Repl => return finish(repl::run(&mut rt)),
        Main::Script(path) => rt
            .load_file(path)
            .map_err(|e| (e, Some(report_file_name(path)))),
        Main::Resource(name) => load_resource_script(&mut rt, name).map_err(|e| (e, None)),
        Main::Ns(ns) => project::run_main_ns(ns, &opts.args).map_err(|e| (e, None)),
        Main::Exec { f, kvs } => project::run_exec(f.as_deref(), kvs, &plan).map_err(|e| (e, None)),
        Main::Stdin => {
            // clojure.main loads the script from *in* form by form.
            let input = core_var("*in*").and_then(|v| v.get()).unwrap_or(Value::NIL);
            rt.load_stream(&input).map_err(|e| (e, None))
        }
        _ => Ok(Value::NIL),
    };
    match r {
        Ok(_) => finish(0),
        Err((e, file)) => fail(&e, file, &rt),
    }
}

/// A program made by `cljw build`: the payload is the classpath, every
/// argument is a `*command-line-args*` entry.
fn run_built(payload: Vec<u8>, argv: Vec<String>) -> i32 {
    crate::runtime::classpath::set_embedded(payload);
    crate::runtime::classpath::set_user_entries(vec![crate::runtime::classpath::EMBEDDED.into()]);
    let main = match build::entry() {
        Ok(build::Entry::Ns(ns)) => Main::Ns(ns),
        Ok(build::Entry::Script(name)) => Main::Resource(name),
        Err(msg) => {
            eprintln!("cljw: {msg}");
            return 70;
        }
    };
    let project = args::ProjectOpts {
        classpath: Some(crate::runtime::classpath::EMBEDDED.into()),
        ..Default::default()
    };
    run(Options {
        backend: crate::Backend::default(),
        compare: false,
        dump_bytecode: false,
        project,
        inits: Vec::new(),
        main,
        args: argv,
    })
}

/// Load the classpath resource `name` as a script (`*file*` is its name).
fn load_resource_script(rt: &mut Runtime, name: &str) -> Result<Value> {
    let res = crate::runtime::classpath::find_file(name).ok_or_else(|| {
        Exception::new(
            ExClass::FileNotFoundException,
            format!("{name} (not on the classpath)"),
        )
    })?;
    let src = res.read_text()?;
    let short = name.rsplit('/').next().unwrap_or(name);
    rt.load_str(&src, Some(short))
}

/// `cljw test ARGS`: the test dirs go on the classpath, then the runner.
fn run_tests(rt: &mut Runtime, args: &[String], plan: &project::Plan) -> i32 {
    let o = match test_runner::parse(args) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}\n\n{}", test_runner::HELP);
            return 2;
        }
    };
    if o.help {
        print!("{}", test_runner::HELP);
        return 0;
    }
    let mut dirs = o.dirs.clone();
    if dirs.is_empty() {
        dirs.push("test".to_string());
        for p in &plan.optional_paths {
            if !dirs.contains(p) {
                dirs.push(p.clone());
            }
        }
    }
    let mut cp = crate::runtime::classpath::user_entries();
    for d in &dirs {
        if !cp.contains(d) {
            cp.push(d.clone());
        }
    }
    crate::runtime::classpath::set_user_entries(cp);
    let r = test_runner::run(rt, &o, &dirs);
    io::flush_stdout();
    match r {
        Ok(code) => code,
        Err(e) => fail(&e, None, rt),
    }
}

/// A normal end: like the JVM waiting for its non-daemon agent threads,
/// let queued and running futures, agent actions and send-offs finish
/// (an uncaught error and System/exit leave at once, as clojure.main does).
fn finish(status: i32) -> i32 {
    #[cfg(feature = "threads")]
    crate::runtime::executor::await_submitted_work();
    crate::interop::at_exit();
    io::flush_stdout();
    status
}

fn report_file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// Report an uncaught exception like clojure.main and return exit status 1.
fn fail(e: &Exception, file_name: Option<String>, rt: &Runtime) -> i32 {
    // JVM: (print "abc") then an uncaught throw prints nothing to stdout.
    io::discard_stdout();
    let ctx = report::Context {
        file_name,
        ns: rt.current_ns().name_str().to_string(),
    };
    let text = report::report_text(e, &ctx);
    let _ = io::write_to(&io::Writer::stderr(), &text);
    1
}

/// `-e`: read and evaluate each form of `src`, printing non-nil values.
fn eval_opt(rt: &mut Runtime, src: &str) -> Result<()> {
    let mut reader = rt.reader(src, None);
    loop {
        let form = match reader.next_form() {
            Ok(Some(f)) => f,
            Ok(None) => return Ok(()),
            Err(e) => {
                // clojure.main reads -e with a plain `read`: the error
                // surfaces as thrown from clojure.main/main.
                let e = match e.class() {
                    ExClass::ReaderException => e.cause().cloned().unwrap_or(e),
                    _ => e,
                };
                e.push_frame(Frame {
                    name: "clojure.main/main".into(),
                    file: Some("main.java".into()),
                    line: 40,
                    column: 0,
                });
                return Err(e);
            }
        };
        let v = rt.eval(&form)?;
        if !v.is_nil() {
            print_value(&v)?;
        }
    }
}

/// `(prn v)` through clojure.core's prn when it exists (so `*out*` and the
/// print vars apply), else pr to stdout.
pub(crate) fn print_value(v: &Value) -> Result<()> {
    if let Some(prn) = core_var("prn").and_then(|p| p.get()) {
        return func::invoke(&prn, std::slice::from_ref(v)).map(|_| ());
    }
    let mut s = printer::try_pr_str(v)?;
    s.push('\n');
    let out = core_var("*out*")
        .and_then(|o| o.get())
        .unwrap_or_else(io::Writer::stdout);
    io::write_to(&out, &s)?;
    // prn flushes at the newline (*flush-on-newline* defaults to true).
    io::flush_value(&out)
}
