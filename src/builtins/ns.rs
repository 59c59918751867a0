//! Namespaces and vars: in-ns, the-ns, find-ns, create-ns, remove-ns,
//! all-ns, ns-name, ns-publics/interns/map/refers/aliases, ns-unmap,
//! ns-unalias, alias, refer, refer-clojure, require, use, intern, find-var,
//! resolve, ns-resolve, var-get, var-set, alter-var-root, bound?,
//! thread-bound?; and evaluation: eval, read-string, load-string.
//!
//! The current namespace is the value of `*ns*` (NAMESPACE STATE contract).

use super::lang::{class_name_of, core_var, current_ns, set_var};
use super::{Def, check_arity};
use crate::reader::{Reader, Resolver};
use crate::runtime::coll::HashMap;
use crate::runtime::compare::cast_message;
use crate::runtime::equality::is_map;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func::invoke;
use crate::runtime::gc::Ref;
use crate::runtime::host;
use crate::runtime::lookup;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::seq;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::{Value, View};
use crate::runtime::var::{Var, current_bindings};
use std::sync::OnceLock;

pub(crate) const DEFS: &[Def] = &[
    Def::f("in-ns", in_ns),
    Def::f("push-thread-bindings", push_thread_bindings),
    Def::f("pop-thread-bindings", pop_thread_bindings),
    Def::f("get-thread-bindings", get_thread_bindings),
    Def::f("bound-fn*", bound_fn_star),
    Def::f("with-bindings*", with_bindings_star),
    Def::f("the-ns", the_ns_fn),
    Def::f("find-ns", find_ns),
    Def::f("create-ns", create_ns),
    Def::f("remove-ns", remove_ns),
    Def::f("all-ns", all_ns),
    Def::f("ns-name", ns_name),
    Def::f("ns-publics", ns_publics),
    Def::f("ns-interns", ns_interns),
    Def::f("ns-map", ns_map),
    Def::f("ns-imports", ns_imports),
    Def::f("ns-refers", ns_refers),
    Def::f("ns-aliases", ns_aliases),
    Def::f("ns-unmap", ns_unmap),
    Def::f("ns-unalias", ns_unalias),
    Def::f("alias", alias),
    Def::f("refer", refer),
    Def::f("refer-clojure", refer_clojure),
    Def::f("require", require),
    Def::f("use", use_fn),
    Def::f("intern", intern),
    Def::f("find-var", find_var),
    Def::f("resolve", resolve),
    Def::f("ns-resolve", ns_resolve),
    Def::f("var-get", var_get),
    Def::f("var-set", var_set),
    Def::f("alter-var-root", alter_var_root),
    Def::f("bound?", is_bound),
    Def::f("thread-bound?", is_thread_bound),
    Def::f("eval", eval),
    Def::f("read-string", read_string),
    Def::f("load-string", load_string),
    Def::f("loaded-libs", loaded_libs),
];

// ---------------------------------------------------------------- helpers

fn sym_arg(v: &Value) -> Result<&Symbol> {
    match v.as_symbol() {
        Some(s) => Ok(s),
        None => err::class_cast(cast_message(v.class_name(), "clojure.lang.Symbol")),
    }
}

fn sym_name(s: &Symbol) -> String {
    match s.ns() {
        Some(ns) => format!("{ns}/{}", s.name()),
        None => s.name().to_string(),
    }
}

/// `the-ns`: a namespace, or the namespace a symbol names.
pub fn the_ns(x: &Value) -> Result<Ref<Namespace>> {
    if let Some(ns) = x.as_namespace() {
        return Ok(ns);
    }
    let s = sym_arg(x)?;
    let name = sym_name(s);
    namespace::find_ns(&name)
        .ok_or_else(|| Exception::new(ExClass::Exception, format!("No namespace: {name} found")))
}

fn var_arg(v: &Value) -> Result<&Var> {
    match v.view() {
        View::Var(var) => Ok(var),
        _ => err::class_cast(cast_message(v.class_name(), "clojure.lang.Var")),
    }
}

fn ns_value(ns: Ref<Namespace>) -> Value {
    Value::namespace(ns)
}

/// A map of the given mappings, in the order a JVM map of them iterates
/// (the namespace's own table is a hash map).
fn mapping_map(pairs: Vec<(Value, Value)>) -> Value {
    let hashed = HashMap::from_pairs(pairs);
    let ordered: Vec<(Value, Value)> = hashed.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    Value::map_from_pairs(ordered)
}

fn is_private(var: &Var) -> bool {
    lookup::get(&var.meta(), &Value::keyword(None, "private")).truthy()
}

fn mappings_where(ns: &Namespace, keep: impl Fn(&Ref<Var>) -> bool) -> Value {
    let pairs = ns
        .mappings()
        .into_iter()
        .filter(|(_, v)| keep(v))
        .map(|(k, v)| (Value::symbol(None, &k), Value::var(v)))
        .collect();
    mapping_map(pairs)
}

fn owned_by(var: &Var, ns: &Namespace) -> bool {
    var.ns_sym().same(ns.name())
}

// ---------------------------------------------------------------- namespaces

fn in_ns(args: &[Value]) -> Result<Value> {
    check_arity("in-ns", args, 1, Some(1))?;
    let s = sym_arg(&args[0])?;
    let ns = namespace::create_ns(&sym_name(s));
    if let Some(var) = core_var("*ns*") {
        set_var(&var, ns_value(ns.clone()));
    }
    Ok(ns_value(ns))
}

fn the_ns_fn(args: &[Value]) -> Result<Value> {
    check_arity("the-ns", args, 1, Some(1))?;
    Ok(ns_value(the_ns(&args[0])?))
}

fn find_ns(args: &[Value]) -> Result<Value> {
    check_arity("find-ns", args, 1, Some(1))?;
    let s = sym_arg(&args[0])?;
    Ok(namespace::find_ns(&sym_name(s)).map_or(Value::NIL, ns_value))
}

fn create_ns(args: &[Value]) -> Result<Value> {
    check_arity("create-ns", args, 1, Some(1))?;
    let s = sym_arg(&args[0])?;
    Ok(ns_value(namespace::create_ns(&sym_name(s))))
}

fn remove_ns(args: &[Value]) -> Result<Value> {
    check_arity("remove-ns", args, 1, Some(1))?;
    let s = sym_arg(&args[0])?;
    let name = sym_name(s);
    if name == "clojure.core" {
        return err::illegal_arg("Cannot remove clojure namespace");
    }
    Ok(namespace::remove_ns(&name).map_or(Value::NIL, ns_value))
}

fn all_ns(args: &[Value]) -> Result<Value> {
    check_arity("all-ns", args, 0, Some(0))?;
    Ok(Value::list(
        namespace::all_ns().into_iter().map(ns_value).collect(),
    ))
}

fn ns_name(args: &[Value]) -> Result<Value> {
    check_arity("ns-name", args, 1, Some(1))?;
    Ok(Value::from(the_ns(&args[0])?.name().clone()))
}

fn ns_publics(args: &[Value]) -> Result<Value> {
    check_arity("ns-publics", args, 1, Some(1))?;
    let ns = the_ns(&args[0])?;
    Ok(mappings_where(&ns, |v| owned_by(v, &ns) && !is_private(v)))
}

fn ns_interns(args: &[Value]) -> Result<Value> {
    check_arity("ns-interns", args, 1, Some(1))?;
    let ns = the_ns(&args[0])?;
    Ok(mappings_where(&ns, |v| owned_by(v, &ns)))
}

fn ns_map(args: &[Value]) -> Result<Value> {
    check_arity("ns-map", args, 1, Some(1))?;
    let ns = the_ns(&args[0])?;
    Ok(mappings_where(&ns, |_| true))
}

/// `(ns-imports ns)`: simple name -> class, for the classes imported into
/// ns (java.lang's implicit imports are not listed).
fn ns_imports(args: &[Value]) -> Result<Value> {
    check_arity("ns-imports", args, 1, Some(1))?;
    let ns = the_ns(&args[0])?;
    let mut pairs = Vec::new();
    for (simple, full) in ns.imports() {
        if let Some(c) = crate::runtime::host::class_value(&full) {
            pairs.push((Value::symbol(None, &simple), c));
        }
    }
    Ok(Value::map_from_pairs(pairs))
}

fn ns_refers(args: &[Value]) -> Result<Value> {
    check_arity("ns-refers", args, 1, Some(1))?;
    let ns = the_ns(&args[0])?;
    Ok(mappings_where(&ns, |v| !owned_by(v, &ns)))
}

fn ns_aliases(args: &[Value]) -> Result<Value> {
    check_arity("ns-aliases", args, 1, Some(1))?;
    let ns = the_ns(&args[0])?;
    let pairs = ns
        .aliases()
        .into_iter()
        .map(|(k, n)| (Value::symbol(None, &k), ns_value(n)))
        .collect();
    Ok(mapping_map(pairs))
}

fn ns_unmap(args: &[Value]) -> Result<Value> {
    check_arity("ns-unmap", args, 2, Some(2))?;
    let ns = the_ns(&args[0])?;
    ns.unmap(sym_arg(&args[1])?.name());
    Ok(Value::NIL)
}

fn ns_unalias(args: &[Value]) -> Result<Value> {
    check_arity("ns-unalias", args, 2, Some(2))?;
    let _ns = the_ns(&args[0])?;
    let _alias = sym_arg(&args[1])?;
    // TODO(namespace): Namespace has no remove_alias yet.
    err::unsupported("ns-unalias is not supported yet")
}

fn alias(args: &[Value]) -> Result<Value> {
    check_arity("alias", args, 2, Some(2))?;
    let a = sym_arg(&args[0])?;
    let target = the_ns(&args[1])?;
    current_ns().add_alias(&sym_name(a), target)?;
    Ok(Value::NIL)
}

/// Options of `refer`: `:exclude`, `:only`, `:rename` (and require's
/// `:refer`, treated as `:only`; `:all` refers everything).
#[derive(Default)]
struct ReferOpts {
    only: Option<Vec<Value>>,
    exclude: Vec<Value>,
    rename: Value,
}

fn refer_opts(kvs: &[Value]) -> Result<ReferOpts> {
    let mut o = ReferOpts::default();
    for kv in kvs.chunks(2) {
        let (k, v) = match kv {
            [k, v] => (k, v),
            [k] => (k, &Value::NIL),
            _ => continue,
        };
        let Some(kw) = k.as_keyword() else { continue };
        match kw.name() {
            "only" | "refer" => {
                if v.as_keyword().is_some_and(|k| k.name() == "all") {
                    o.only = None;
                } else {
                    o.only = Some(seq::iter(v).collect::<Result<Vec<_>>>()?);
                }
            }
            "exclude" => o.exclude = seq::iter(v).collect::<Result<Vec<_>>>()?,
            "rename" => o.rename = v.clone(),
            _ => {}
        }
    }
    Ok(o)
}

/// Refer the public vars of `from` into the current namespace.
fn refer_into(from: &Ref<Namespace>, opts: &ReferOpts) -> Result<()> {
    let to = current_ns();
    let publics: Vec<(String, Ref<Var>)> = from
        .mappings()
        .into_iter()
        .filter(|(_, v)| owned_by(v, from) && !is_private(v))
        .collect();
    let names: Vec<String> = match &opts.only {
        Some(only) => only
            .iter()
            .map(|s| sym_arg(s).map(|s| s.name().to_string()))
            .collect::<Result<_>>()?,
        None => publics.iter().map(|(k, _)| k.clone()).collect(),
    };
    for name in names {
        if opts
            .exclude
            .iter()
            .any(|e| e.as_symbol().is_some_and(|s| s.name() == name))
        {
            continue;
        }
        let Some((_, var)) = publics.iter().find(|(k, _)| *k == name) else {
            let msg = if from.find_interned(&name).is_some() {
                format!("{name} is not public")
            } else {
                format!("{name} does not exist")
            };
            return Err(Exception::new(ExClass::IllegalAccessError, msg));
        };
        let renamed = lookup::get(&opts.rename, &Value::symbol(None, &name));
        let as_name = renamed
            .as_symbol()
            .map_or(name.clone(), |s| s.name().to_string());
        to.refer(&as_name, var.clone())?;
    }
    Ok(())
}

fn refer(args: &[Value]) -> Result<Value> {
    check_arity("refer", args, 1, None)?;
    let s = sym_arg(&args[0])?;
    let name = sym_name(s);
    let Some(from) = namespace::find_ns(&name) else {
        return Err(Exception::new(
            ExClass::Exception,
            format!("No namespace: {name}"),
        ));
    };
    refer_into(&from, &refer_opts(&args[1..])?)?;
    Ok(Value::NIL)
}

fn refer_clojure(args: &[Value]) -> Result<Value> {
    let mut a = vec![Value::symbol(None, "clojure.core")];
    a.extend_from_slice(args);
    refer(&a)
}

// ---------------------------------------------------------------- require

/// Loads a library namespace that is not loaded yet (installed by lib/:
/// returns Ok(true) when it knew and loaded `ns`).
pub type LibLoader = fn(ns: &str) -> Result<bool>;
static LIB_LOADER: OnceLock<LibLoader> = OnceLock::new();

/// Called once at startup by whoever provides loadable namespaces.
pub fn install_lib_loader(f: LibLoader) {
    let _ = LIB_LOADER.set(f);
}

/// The set in `*loaded-libs*` (an atom here; a ref on the JVM).
fn loaded_set() -> Value {
    match super::lang::core_value("*loaded-libs*")
        .as_ref()
        .map(Value::view)
    {
        Some(View::Atom(a)) => a.deref(),
        _ => Value::NIL,
    }
}

/// Has `lib` been loaded (by `ns`, `require` or the lib loader)?
pub fn is_loaded(lib: &str) -> bool {
    lib == "clojure.core"
        || crate::runtime::func::get(&loaded_set(), &Value::symbol(None, lib), Value::NIL)
            .is_ok_and(|v| !v.is_nil())
}

/// Record `lib` in `*loaded-libs*` (the `ns` macro does this on the JVM).
pub fn mark_loaded(lib: &str) -> Result<()> {
    if let Some(var) = core_var("*loaded-libs*")
        && let Some(atom) = var.get()
        && let View::Atom(a) = atom.view()
    {
        let old = a.deref();
        let mut items: Vec<Value> = seq::iter(&old).collect::<Result<_>>()?;
        items.push(Value::symbol(None, lib));
        let new = Value::sorted_set_from(items, None)?;
        a.reset(&atom, new)?;
    }
    Ok(())
}

/// `(loaded-libs)`.
fn loaded_libs(args: &[Value]) -> Result<Value> {
    check_arity("loaded-libs", args, 0, Some(0))?;
    Ok(loaded_set())
}

/// The initial `*loaded-libs*`: an atom holding a sorted set of symbols.
pub(crate) fn install_vars(core: &Ref<Namespace>) {
    let set = Value::sorted_set_from(vec![], None).unwrap_or(Value::NIL);
    let var = core.intern("*loaded-libs*");
    var.bind_root(Value::atom(set));
    var.set_dynamic(true);
}

// How `require`/`use` reload libs: 0 = not, 1 = the named ones
// (`:reload`), 2 = those and every lib they require (`:reload-all`).
// Per thread: a require on another thread is not a reload.
thread_local! {
    static RELOAD: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// Make sure namespace `lib` is loaded (loaded again under `:reload`).
pub fn load_lib(lib: &str) -> Result<()> {
    let reload = RELOAD.get();
    if reload == 1 {
        // :reload applies to the named libs only, not to what they require.
        RELOAD.set(0);
    }
    let r = load_lib_now(lib, reload > 0);
    RELOAD.set(reload);
    r
}

fn load_lib_now(lib: &str, reload: bool) -> Result<()> {
    if !reload && is_loaded(lib) {
        return Ok(());
    }
    if let Some(f) = LIB_LOADER.get()
        && f(lib)?
    {
        mark_loaded(lib)?;
        if lib == "clojure.spec.alpha" {
            ensure_macro_check()?;
        }
        return Ok(());
    }
    let path = lib.replace('-', "_").replace('.', "/");
    let mut msg =
        format!("Could not locate {path}__init.class, {path}.clj or {path}.cljc on classpath.");
    if lib.contains('-') {
        msg.push_str(
            " Please check that namespaces with dashes use underscores in the Clojure file name.",
        );
    }
    Err(Exception::new(ExClass::FileNotFoundException, msg))
}

/// Compiler.ensureMacroCheck, run once spec is loaded (the JVM runs it at
/// the first macroexpansion, cljw when spec loads so start-up stays lean):
/// require clojure.core.specs.alpha, so macro calls are checked against
/// their specs. clojure.main comes first because the JVM always has it
/// loaded and spec's `fn-sym` resolves `clojure.main/demunge` on every
/// conform of a fn predicate: loading clojure.main lazily from there once
/// core specs exist checks each of its macro calls, and each check loads
/// clojure.main again (a lib counts as loaded only when done), an
/// exponential recursion.
fn ensure_macro_check() -> Result<()> {
    load_lib_now("clojure.main", false)?;
    load_lib_now("clojure.core.specs.alpha", false)
}

/// One lib spec: `lib`, `[lib & opts]` or a prefix list `(prefix spec...)`.
fn load_spec(spec: &Value, use_all: bool) -> Result<()> {
    match spec.view() {
        View::Symbol(s) => load_one(&sym_name(s), &[], use_all),
        // core.clj's libspec?: a vector whose second item is absent or a
        // keyword; `[prefix a b]` is a prefix list.
        View::Vector(_)
            if {
                let second = crate::runtime::coll::ops::nth_or(spec, 1, Value::NIL)?;
                second.is_nil() || second.is_keyword()
            } =>
        {
            let items: Vec<Value> = seq::iter(spec).collect::<Result<_>>()?;
            let Some(first) = items.first() else {
                return Ok(());
            };
            let lib = sym_name(sym_arg(first)?);
            load_one(&lib, &items[1..], use_all)
        }
        View::Keyword(_) => Ok(()), // :reload, :verbose ...
        _ if crate::runtime::equality::is_sequential(spec) => {
            let items: Vec<Value> = seq::iter(spec).collect::<Result<_>>()?;
            let Some(first) = items.first() else {
                return Ok(());
            };
            let prefix = sym_name(sym_arg(first)?);
            for x in &items[1..] {
                let full = |s: &Symbol| Value::symbol(None, &format!("{prefix}.{}", sym_name(s)));
                match x.view() {
                    View::Symbol(s) => load_spec(&full(s), use_all)?,
                    View::Vector(_) => {
                        let mut v: Vec<Value> = seq::iter(x).collect::<Result<_>>()?;
                        if let Some(s) = v.first().and_then(|f| f.as_symbol()) {
                            v[0] = full(s);
                        }
                        load_spec(&Value::vector(v), use_all)?
                    }
                    _ => {}
                }
            }
            Ok(())
        }
        _ => err::illegal_arg(format!(
            "Unsupported lib spec: {}",
            crate::runtime::printer::pr_str(spec)
        )),
    }
}

fn load_one(lib: &str, opts: &[Value], use_all: bool) -> Result<()> {
    let get = |k: &str| {
        opts.chunks(2)
            .find(|kv| kv[0].as_keyword().is_some_and(|kw| kw.name() == k))
            .and_then(|kv| kv.get(1).cloned())
    };
    if let Some(a) = get("as-alias") {
        let ns = namespace::create_ns(lib);
        current_ns().add_alias(&sym_name(sym_arg(&a)?), ns)?;
        return Ok(());
    }
    load_lib(lib)?;
    let ns = namespace::find_ns(lib).unwrap_or_else(|| namespace::create_ns(lib));
    if let Some(a) = get("as") {
        current_ns().add_alias(&sym_name(sym_arg(&a)?), ns.clone())?;
    }
    if use_all {
        refer_into(&ns, &refer_opts(opts)?)?;
    } else if get("refer").is_some() {
        let mut o = refer_opts(opts)?;
        o.exclude.clear();
        refer_into(&ns, &o)?;
    }
    Ok(())
}

fn require(args: &[Value]) -> Result<Value> {
    load_specs(args, false)
}

fn use_fn(args: &[Value]) -> Result<Value> {
    load_specs(args, true)
}

/// load-libs' throw-if: an Exception wrapped in a CompilerException at the
/// top-level form being loaded (Compiler.LINE/COLUMN) in `*file*`.
fn load_libs_error(msg: String) -> Exception {
    let file = super::lang::core_value("*file*")
        .and_then(|f| f.as_str().map(str::to_string))
        .filter(|f| f != "NO_SOURCE_PATH");
    let (line, column) = crate::load_pos().unwrap_or((0, 0));
    crate::runtime::error::compiler_exception(
        Exception::new(ExClass::Exception, msg),
        file.as_deref(),
        "compile-syntax-check",
        i64::from(line),
        i64::from(column),
    )
}

/// The libspecs of `require`/`use`, with the flags among them (`:reload`,
/// `:reload-all`; `:verbose` is accepted and prints nothing).
fn load_specs(args: &[Value], use_all: bool) -> Result<Value> {
    const SUPPORTED: &[&str] = &[
        "as",
        "reload",
        "reload-all",
        "require",
        "use",
        "verbose",
        "refer",
        "as-alias",
    ];
    let unsupported: Vec<String> = args
        .iter()
        .filter(|a| {
            a.as_keyword()
                .is_some_and(|k| k.ns().is_some() || !SUPPORTED.contains(&k.name()))
        })
        .map(crate::runtime::printer::pr_str)
        .collect();
    if !unsupported.is_empty() {
        return Err(load_libs_error(format!(
            "Unsupported option(s) supplied: {}",
            unsupported.join(",")
        )));
    }
    if args.iter().all(|a| a.is_keyword()) {
        return Err(load_libs_error("Nothing specified to load".into()));
    }
    let flag = |name: &str| {
        args.iter().any(|a| {
            a.as_keyword()
                .is_some_and(|k| k.ns().is_none() && k.name() == name)
        })
    };
    let mode = if flag("reload-all") {
        2
    } else {
        u8::from(flag("reload"))
    };
    let saved = RELOAD.get();
    let mut r = Ok(());
    for a in args {
        if mode > 0 {
            RELOAD.set(mode);
        }
        r = load_spec(a, use_all);
        if r.is_err() {
            break;
        }
    }
    RELOAD.set(saved);
    r.map(|()| Value::NIL)
}

// ---------------------------------------------------------------- vars

fn intern(args: &[Value]) -> Result<Value> {
    check_arity("intern", args, 2, Some(3))?;
    let ns = the_ns(&args[0])?;
    let s = sym_arg(&args[1])?;
    let var = ns.intern_checked(s.name())?;
    if let Some(v) = args.get(2) {
        var.set_root(&Value::var(var.clone()), v.clone())?;
    }
    if let Some(m) = s.meta() {
        var.set_meta(m.clone());
    }
    Ok(Value::var(var))
}

fn find_var(args: &[Value]) -> Result<Value> {
    check_arity("find-var", args, 1, Some(1))?;
    let s = sym_arg(&args[0])?;
    let Some(ns_name) = s.ns() else {
        return err::illegal_arg("Symbol must be namespace-qualified");
    };
    let Some(ns) = namespace::find_ns(ns_name) else {
        return err::illegal_arg(format!("No such namespace: {ns_name}"));
    };
    Ok(ns.find_interned(s.name()).map_or(Value::NIL, Value::var))
}

/// Compiler.maybeResolveIn: a var, a class, or nil.
pub fn resolve_in(ns: &Namespace, s: &Symbol) -> Result<Value> {
    if let Some(n) = s.ns() {
        let target = ns.alias(n).or_else(|| namespace::find_ns(n));
        return Ok(match target {
            Some(t) => t.find_interned(s.name()).map_or(Value::NIL, Value::var),
            None => Value::NIL,
        });
    }
    if let Some(v) = ns.lookup(s.name()) {
        return Ok(Value::var(v));
    }
    if s.name() == "ns" || s.name() == "in-ns" {
        return Ok(core_var(s.name()).map_or(Value::NIL, Value::var));
    }
    Ok(host::class_value(s.name()).unwrap_or(Value::NIL))
}

fn resolve_with_env(ns: &Namespace, env: Option<&Value>, s: &Value) -> Result<Value> {
    let sym = sym_arg(s)?;
    if let Some(env) = env
        && !env.is_nil()
        && lookup::get(env, s).truthy()
    {
        return Ok(Value::NIL);
    }
    resolve_in(ns, sym)
}

fn resolve(args: &[Value]) -> Result<Value> {
    check_arity("resolve", args, 1, Some(2))?;
    let ns = current_ns();
    match args {
        [s] => resolve_with_env(&ns, None, s),
        [env, s] => resolve_with_env(&ns, Some(env), s),
        _ => Ok(Value::NIL),
    }
}

fn ns_resolve(args: &[Value]) -> Result<Value> {
    check_arity("ns-resolve", args, 2, Some(3))?;
    let ns = the_ns(&args[0])?;
    match &args[1..] {
        [s] => resolve_with_env(&ns, None, s),
        [env, s] => resolve_with_env(&ns, Some(env), s),
        _ => Ok(Value::NIL),
    }
}

fn var_get(args: &[Value]) -> Result<Value> {
    check_arity("var-get", args, 1, Some(1))?;
    var_arg(&args[0])?.deref()
}

fn var_set(args: &[Value]) -> Result<Value> {
    check_arity("var-set", args, 2, Some(2))?;
    var_arg(&args[0])?.set(args[1].clone())
}

fn alter_var_root(args: &[Value]) -> Result<Value> {
    check_arity("alter-var-root", args, 2, None)?;
    let var = var_arg(&args[0])?;
    let mut call = vec![var.root().unwrap_or(Value::NIL)];
    call.extend_from_slice(&args[2..]);
    let v = invoke(&args[1], &call)?;
    var.set_root(&args[0], v.clone())?;
    Ok(v)
}

fn is_bound(args: &[Value]) -> Result<Value> {
    for a in args {
        if !var_arg(a)?.is_bound() {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn is_thread_bound(args: &[Value]) -> Result<Value> {
    let bound = current_bindings();
    for a in args {
        let v = var_arg(a)?;
        if !bound.iter().any(|(b, _)| std::ptr::eq(Ref::as_ptr(b), v)) {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ---------------------------------------------------------------- eval/read

fn eval(args: &[Value]) -> Result<Value> {
    check_arity("eval", args, 1, Some(1))?;
    crate::runtime::eval::eval(&args[0])
}

/// The reader's view of the engine: current namespace, its aliases, and
/// Compiler.resolveSymbol for syntax-quote.
pub struct NsResolver;

impl Resolver for NsResolver {
    fn current_ns(&self) -> String {
        current_ns().name_str().to_string()
    }
    fn resolve_alias(&self, alias: &str) -> Option<String> {
        current_ns().alias(alias).map(|n| n.name_str().to_string())
    }
    fn resolve_symbol(&self, ns: Option<&str>, name: &str) -> Value {
        let cur = current_ns();
        if name.find('.').is_some_and(|i| i > 0) {
            return Value::symbol(ns, name);
        }
        if let Some(n) = ns {
            if let Some(real) = cur.alias(n) {
                return Value::symbol(Some(real.name_str()), name);
            }
            // `Class/member` of an imported (or java.lang) class: the
            // class's full name, as Compiler.resolveSymbol does.
            if crate::runtime::namespace::find_ns(n).is_none()
                && let Some(Ok(full)) = host::class_value(n).map(|c| class_name_of(&c))
            {
                return Value::symbol(Some(&full), name);
            }
            return Value::symbol(Some(n), name);
        }
        match cur.lookup(name) {
            Some(v) => Value::symbol(Some(v.ns_sym().name()), v.sym().name()),
            None => match host::class_value(name) {
                Some(c) => match class_name_of(&c) {
                    Ok(full) => Value::symbol(None, &full),
                    Err(_) => Value::symbol(Some(cur.name_str()), name),
                },
                None => Value::symbol(Some(cur.name_str()), name),
            },
        }
    }
    fn eval(&self, form: &Value) -> Result<Value> {
        crate::runtime::eval::eval(form)
    }
    fn data_reader(&self, tag: &Value) -> Option<Value> {
        let readers = super::lang::core_value("*data-readers*")?;
        Some(lookup::get(&readers, tag)).filter(|f| !f.is_nil())
    }
    fn default_data_reader_fn(&self) -> Option<Value> {
        super::lang::core_value("*default-data-reader-fn*").filter(|f| !f.is_nil())
    }
    fn construct_record(&self, class: &str, form: &Value) -> Result<Value> {
        construct_literal(class, form)
    }
    fn tagged_literal(&self, tag: &Value, form: &Value) -> Result<Value> {
        super::types::literal::new_tagged_literal(tag, form)
    }
    fn reader_conditional(&self, form: &Value, splicing: bool) -> Result<Value> {
        super::types::literal::new_reader_conditional(form, splicing)
    }
}

/// LispReader's CtorReader: `#my.R[a b]` calls the constructor taking that
/// many args, `#my.R{:a 1}` calls `R/create` with the map (its keys must be
/// keywords).
fn construct_literal(class: &str, form: &Value) -> Result<Value> {
    let runtime = |m: String| Exception::new(ExClass::RuntimeException, m);
    let user = crate::runtime::types::lookup(class);
    let known = user.is_some() || host::class_def(class).is_some_and(|d| d.name == class);
    if !known {
        return Err(Exception::new(ExClass::ClassNotFoundException, class));
    }
    match form.view() {
        View::Vector(_) => {
            let args: Vec<Value> = crate::runtime::seq::iter(form).collect::<Result<_>>()?;
            if let Some(t) = &user
                && !crate::runtime::types::constructor_arities(t).contains(&args.len())
            {
                return Err(runtime(format!(
                    "Unexpected number of constructor arguments to class {class}: got {}",
                    args.len()
                )));
            }
            host::new_instance(host::class_def(class), class, &args)
        }
        _ if is_map(form) => {
            for e in crate::runtime::equality::entries(form) {
                let (k, _) = e?;
                if !k.is_keyword() {
                    return Err(runtime(format!(
                        "Unreadable defrecord form: key must be of type clojure.lang.Keyword, got {}",
                        crate::runtime::printer::str_value(&k)?
                    )));
                }
            }
            host::call_static(
                host::class_def(class),
                class,
                "create",
                std::slice::from_ref(form),
            )
        }
        _ => Err(runtime(format!(
            "Unreadable constructor form starting with \"#{class}\""
        ))),
    }
}

/// A reader over `src` for `read-string` / `load-string`.
pub fn reader_for(src: &str, line_numbering: bool) -> Reader {
    let ns = current_ns();
    let mut r = Reader::new(src)
        .line_numbering(line_numbering)
        .ns(ns.name_str())
        .resolver(Box::new(NsResolver));
    for (a, target) in ns.aliases() {
        r = r.alias(&a, target.name_str());
    }
    if let Some(v) = super::lang::core_value("*read-eval*") {
        r = r.read_eval(v.truthy());
    }
    r
}

/// LispReader.read's first check: `*read-eval*` bound to :unknown forbids
/// reading (read and read-string; not load, nor the edn reader).
pub(crate) fn check_read_allowed() -> Result<()> {
    let unknown = super::lang::core_value("*read-eval*")
        .and_then(|v| {
            v.as_keyword()
                .map(|k| k.ns().is_none() && k.name() == "unknown")
        })
        .unwrap_or(false);
    if unknown {
        return err::runtime("Reading disallowed - *read-eval* bound to :unknown");
    }
    Ok(())
}

fn read_string(args: &[Value]) -> Result<Value> {
    check_arity("read-string", args, 1, Some(2))?;
    let (opts, s) = match args {
        [opts, s] => (Some(opts), s),
        [s] => (None, s),
        _ => return Ok(Value::NIL),
    };
    let src = match s.view() {
        View::Str(x) => x.as_str(),
        View::Nil => {
            return err::npe("Cannot invoke \"String.length()\" because \"s\" is null");
        }
        _ => return err::class_cast(cast_message(s.class_name(), "java.lang.String")),
    };
    // The options map as `read` takes it (a non-map is ignored, as the
    // JVM's RT.get on it finds nothing).
    let o = match opts {
        Some(o) if is_map(o) => super::stream::ReadOpts::from_map(o)?,
        _ => super::stream::ReadOpts::plain(None),
    };
    let eof = o.eof.clone();
    check_read_allowed()?;
    let mut r = o.configure(reader_for(src, false));
    match r.next_form()? {
        Some(v) => Ok(v),
        None => match eof {
            Some(e) => Ok(e),
            None => err::runtime("EOF while reading"),
        },
    }
}

fn load_string(args: &[Value]) -> Result<Value> {
    check_arity("load-string", args, 1, Some(1))?;
    let src = match args[0].as_str() {
        Some(s) => s.to_string(),
        None => {
            return err::class_cast(cast_message(args[0].class_name(), "java.lang.String"));
        }
    };
    let mut r = reader_for(&src, true).read_cond(crate::reader::ReadCond::Disallow);
    // Compiler.load(reader) runs with no source path: *file* is nil.
    let file_var = super::lang::core_var("*file*");
    if let Some(v) = &file_var {
        crate::runtime::var::push_bindings(vec![(v.clone(), Value::NIL)])?;
    }
    let mut run = || -> Result<Value> {
        let mut last = Value::NIL;
        // Reader errors are wrapped as Compiler.load wraps them.
        while let Some(form) = r
            .next_form()
            .map_err(|e| crate::runtime::error::read_source_error(e, None))?
        {
            last = crate::runtime::eval::eval(&form)?;
        }
        Ok(last)
    };
    let result = run();
    if file_var.is_some() {
        crate::runtime::var::pop_bindings()?;
    }
    result
}

/// `(push-thread-bindings {#'v val ...})`: what `binding` expands to. Every
/// key must be a dynamic var (IllegalStateException otherwise, as on the JVM).
fn push_thread_bindings(args: &[Value]) -> Result<Value> {
    check_arity("push-thread-bindings", args, 1, Some(1))?;
    let binds = crate::runtime::var::bindings_of(&args[0])?;
    crate::runtime::var::push_bindings(binds)?;
    Ok(Value::NIL)
}

fn pop_thread_bindings(args: &[Value]) -> Result<Value> {
    check_arity("pop-thread-bindings", args, 0, Some(0))?;
    crate::runtime::var::pop_bindings()?;
    Ok(Value::NIL)
}

/// `(get-thread-bindings)`: a map of every thread-bound var to its value.
fn get_thread_bindings(args: &[Value]) -> Result<Value> {
    check_arity("get-thread-bindings", args, 0, Some(0))?;
    Ok(Value::map_from_pairs(
        current_bindings()
            .into_iter()
            .map(|(var, v)| (Value::var(var), v))
            .collect(),
    ))
}

/// `(bound-fn* f)`: a fn that calls f with the thread bindings in effect now.
fn bound_fn_star(args: &[Value]) -> Result<Value> {
    check_arity("bound-fn*", args, 1, Some(1))?;
    let f = args[0].clone();
    let binds = current_bindings();
    Ok(Value::native_closure("clojure.core/bound-fn*", move |a| {
        crate::runtime::var::push_bindings(binds.clone())?;
        let r = invoke(&f, a);
        crate::runtime::var::pop_bindings()?;
        r
    }))
}

/// `(with-bindings* {#'v val} f & args)`: call f inside those bindings.
fn with_bindings_star(args: &[Value]) -> Result<Value> {
    check_arity("with-bindings*", args, 2, None)?;
    push_thread_bindings(&args[..1])?;
    let r = invoke(&args[1], &args[2..]);
    crate::runtime::var::pop_bindings()?;
    r
}
