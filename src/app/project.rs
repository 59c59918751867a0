//! The project layer of a run: the classpath from `-cp` or deps.edn, and
//! the Clojure CLI's entry points `-m NS` (clojure.main's main-opt) and
//! `-X fn :k v` (the CLI's exec).

use super::args::{Main, Options, parse_main};
use crate::builtins::ns::load_lib;
use crate::runtime::classpath;
use crate::runtime::error::{ExClass, Exception, Frame, Result};
use crate::runtime::func;
use crate::runtime::value::Value;

/// What deps.edn's aliases contribute to the entry point.
#[derive(Default)]
pub struct Plan {
    /// `:exec-fn` of the `-X` aliases.
    pub exec_fn: Option<String>,
    /// `:exec-args` of the `-X` aliases (a map, or nil).
    pub exec_args: Value,
    /// `:ns-default`: the namespace of an unqualified `-X` fn.
    pub ns_default: Option<String>,
    /// `:extra-paths` of the optional aliases that applied (`cljw test`
    /// scans the `:test` alias's).
    pub optional_paths: Vec<String>,
}

/// Set the classpath and, for `-M`, put the aliases' `:main-opts` before
/// the command line's clojure.main options. `optional` aliases apply when
/// deps.edn declares them. Errors are the CLI's "Error building classpath".
pub fn setup(opts: &mut Options, optional: &[&str]) -> std::result::Result<Plan, String> {
    if let Some(cp) = &opts.project.classpath {
        classpath::set_user_entries(classpath::split(cp));
        return Ok(Plan::default());
    }
    let Some(r) = super::deps::resolve(&opts.project, optional)? else {
        return Ok(Plan::default());
    };
    classpath::set_user_entries(r.classpath);
    if opts.project.main_mode && !r.main_opts.is_empty() {
        let mut argv = r.main_opts;
        argv.extend(opts.project.main_args.iter().cloned());
        opts.inits.clear();
        opts.main = Main::None;
        parse_main(&argv, opts)?;
    }
    Ok(r.plan)
}

/// `(require ns)` and the var `ns/name`'s value; a missing var is an error
/// naming it.
fn resolve_fn(ns: &str, name: &str) -> Result<Value> {
    load_lib(ns)?;
    crate::runtime::namespace::find_ns(ns)
        .and_then(|n| n.lookup(name))
        .and_then(|v| v.get())
        .ok_or_else(|| {
            Exception::new(
                ExClass::IllegalArgumentException,
                format!("Could not resolve function: {ns}/{name}"),
            )
        })
}

/// clojure.main's `-m`: `(apply (ns-resolve (doto 'ns require) '-main)
/// args)`; errors surface from clojure.main/main, as on the JVM.
pub fn run_main_ns(ns: &str, args: &[String]) -> Result<Value> {
    let call = || {
        load_lib(ns)?;
        let main = crate::runtime::namespace::find_ns(ns)
            .and_then(|n| n.lookup("-main"))
            .and_then(|v| v.get())
            .ok_or_else(|| {
                Exception::new(
                    ExClass::NullPointerException,
                    "Cannot invoke \"clojure.lang.IFn.applyTo(clojure.lang.ISeq)\" because \"f\" is null",
                )
            })?;
        let args: Vec<Value> = args.iter().map(|a| Value::string(a.as_str())).collect();
        func::invoke(&main, &args)
    };
    call().inspect_err(|e| {
        e.push_frame(Frame {
            name: "clojure.main/main".into(),
            file: Some("main.java".into()),
            line: 40,
            column: 0,
        });
    })
}

/// The CLI's `-X`: the fn named on the command line (else `:exec-fn`),
/// called with `:exec-args` updated by each `kpath value` pair (both EDN;
/// a kpath is a keyword or a vector of them).
pub fn run_exec(f: Option<&str>, kvs: &[String], plan: &Plan) -> Result<Value> {
    let bad = |m: String| Exception::new(ExClass::IllegalArgumentException, m);
    let name = f
        .map(str::to_string)
        .or_else(|| plan.exec_fn.clone())
        .ok_or_else(|| bad("No function found on command line or in :exec-fn".into()))?;
    let (ns, fname) = match name.rsplit_once('/') {
        Some((ns, n)) if !ns.is_empty() => (ns.to_string(), n.to_string()),
        _ => match &plan.ns_default {
            Some(ns) => (ns.clone(), name.clone()),
            None => {
                return Err(bad(format!(
                    "Unqualified function can't be resolved: {name}"
                )));
            }
        },
    };
    let mut args = if plan.exec_args.is_nil() {
        Value::map_from_pairs(vec![])
    } else {
        plan.exec_args.clone()
    };
    for pair in kvs.chunks(2) {
        let [k, v] = pair else {
            return Err(bad(format!("Key is missing value: {}", pair[0])));
        };
        let kpath = crate::reader::read_str(k)?;
        let value = crate::reader::read_str(v)?;
        let path = match kpath.as_keyword() {
            Some(_) => Value::vector(vec![kpath]),
            None => kpath,
        };
        let assoc_in = crate::builtins::lang::core_value("assoc-in")
            .ok_or_else(|| bad("assoc-in is missing".into()))?;
        args = func::invoke(&assoc_in, &[args, path, value])?;
    }
    let target = resolve_fn(&ns, &fname)?;
    func::invoke(&target, &[args])
}
