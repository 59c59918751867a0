//! Multimethods and hierarchies: defmulti defmethod remove-method
//! remove-all-methods prefer-method methods get-method prefers,
//! make-hierarchy derive underive isa? parents ancestors descendants bases
//! supers, the private global-hierarchy var, and print-method / print-dup as
//! multimethods (core.clj, core_print.clj).
//!
//! The MultiFn value and its dispatch are runtime::multi; hierarchies are
//! plain maps `{:parents {} :descendants {} :ancestors {}}` built exactly as
//! core.clj's derive builds them, so they print the same.

use super::classes::{direct_supers, is_subclass};
use super::lang::{core_value, core_var};
use super::macros::{core, kw, list, sym};
use super::{Def, check_arity};
use crate::runtime::class::Class;
use crate::runtime::coll::ops;
use crate::runtime::compare::cast_message;
use crate::runtime::core_vars::core_vars;
use crate::runtime::equality::equiv;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func;
use crate::runtime::gc::Ref;
use crate::runtime::host;
use crate::runtime::io::{Writer, write_to};
use crate::runtime::meta;
use crate::runtime::multi::{self as rt, HierarchyOps, MultiFn};
use crate::runtime::namespace::Namespace;
use crate::runtime::printer::{PrintOpts, try_print_str, write_value};
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use crate::runtime::var::{pop_bindings, push_bindings};

pub(crate) const DEFS: &[Def] = &[
    Def::f("make-hierarchy", make_hierarchy),
    Def::f("isa?", isa),
    Def::f("parents", parents),
    Def::f("ancestors", ancestors),
    Def::f("descendants", descendants),
    Def::f("derive", derive),
    Def::f("underive", underive),
    Def::f("bases", bases),
    Def::f("supers", supers),
    Def::f("remove-method", remove_method),
    Def::f("remove-all-methods", remove_all_methods),
    Def::f("prefer-method", prefer_method),
    Def::f("methods", methods),
    Def::f("get-method", get_method),
    Def::f("prefers", prefers),
    Def::m("defmulti", defmulti),
    Def::m("defmethod", defmethod),
];

// ----- hierarchies -----

fn make_hierarchy(args: &[Value]) -> Result<Value> {
    check_arity("make-hierarchy", args, 0, Some(0))?;
    Ok(empty_hierarchy())
}

fn empty_hierarchy() -> Value {
    let e = || Value::map_from_pairs(vec![]);
    Value::map_from_pairs(vec![
        (kw("parents"), e()),
        (kw("descendants"), e()),
        (kw("ancestors"), e()),
    ])
}

/// The private var clojure.core/global-hierarchy.
fn global_var() -> Result<Ref<crate::runtime::var::Var>> {
    core_var("global-hierarchy").ok_or_else(|| {
        Exception::new(
            ExClass::IllegalStateException,
            "global-hierarchy is missing",
        )
    })
}

fn global() -> Result<Value> {
    global_var()?.deref()
}

/// `(alter-var-root #'global-hierarchy f tag parent)`.
fn alter_global(
    f: fn(&Value, &Value, &Value) -> Result<Value>,
    tag: &Value,
    parent: &Value,
) -> Result<Value> {
    let var = global_var()?;
    let root = var.root().unwrap_or(Value::NIL);
    var.bind_root(f(&root, tag, parent)?);
    Ok(Value::NIL)
}

/// `(get m k)`, nil-safe like clojure.core/get.
fn get(m: &Value, k: &Value) -> Result<Value> {
    func::get(m, k, Value::NIL)
}

/// `(m k)`: a map called as a fn (NullPointerException when it is nil).
fn call(m: &Value, k: &Value) -> Result<Value> {
    func::invoke(m, std::slice::from_ref(k))
}

fn contains(coll: &Value, k: &Value) -> Result<bool> {
    if coll.is_nil() {
        return Ok(false);
    }
    ops::contains(coll, k)
}

fn not_empty(v: Value) -> Result<Value> {
    Ok(if seq::seq(&v)?.is_nil() {
        Value::NIL
    } else {
        v
    })
}

/// `(into to from)` for sets (into1).
fn into(mut to: Value, from: &Value) -> Result<Value> {
    for x in seq::iter(from) {
        to = ops::conj(&to, x?)?;
    }
    Ok(to)
}

fn is_vector(v: &Value) -> bool {
    matches!(
        v.view(),
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_)
    )
}

fn is_named(v: &Value) -> bool {
    v.is_keyword() || v.is_symbol()
}

fn isa(args: &[Value]) -> Result<Value> {
    check_arity("isa?", args, 2, Some(3))?;
    Ok(Value::bool(match args {
        [c, p] => isa3(&global()?, c, p)?,
        [h, c, p] => isa3(h, c, p)?,
        _ => false,
    }))
}

/// `(isa? h child parent)` as core.clj: equality, class inheritance, the
/// hierarchy's ancestors (of the class's supers too), then vectors
/// element-wise.
pub(crate) fn isa3(h: &Value, child: &Value, parent: &Value) -> Result<bool> {
    if equiv(child, parent) {
        return Ok(true);
    }
    if let (Some(pc), Some(cc)) = (parent.as_class(), child.as_class())
        && is_subclass(cc.name(), pc.name())
    {
        return Ok(true);
    }
    let anc = get(h, &kw("ancestors"))?;
    if contains(&call(&anc, child)?, parent)? {
        return Ok(true);
    }
    if let Some(cc) = child.as_class() {
        for s in supers_of(cc) {
            if contains(&call(&anc, &s)?, parent)? {
                return Ok(true);
            }
        }
    }
    if is_vector(parent) && is_vector(child) {
        let n = seq::count(parent)?;
        if n != seq::count(child)? {
            return Ok(false);
        }
        for i in 0..n {
            let c = ops::nth(child, i as i64)?;
            let p = ops::nth(parent, i as i64)?;
            if !isa3(h, &c, &p)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    Ok(false)
}

fn parents(args: &[Value]) -> Result<Value> {
    check_arity("parents", args, 1, Some(2))?;
    match args {
        [t] => parents2(&global()?, t),
        [h, t] => parents2(h, t),
        _ => Ok(Value::NIL),
    }
}

pub(crate) fn parents2(h: &Value, tag: &Value) -> Result<Value> {
    let tp = get(&get(h, &kw("parents"))?, tag)?;
    not_empty(match tag.as_class() {
        Some(c) => into(ops::hash_set_of(bases_of(c)), &tp)?,
        None => tp,
    })
}

fn ancestors(args: &[Value]) -> Result<Value> {
    check_arity("ancestors", args, 1, Some(2))?;
    match args {
        [t] => ancestors2(&global()?, t),
        [h, t] => ancestors2(h, t),
        _ => Ok(Value::NIL),
    }
}

fn ancestors2(h: &Value, tag: &Value) -> Result<Value> {
    let anc = get(h, &kw("ancestors"))?;
    let ta = get(&anc, tag)?;
    not_empty(match tag.as_class() {
        Some(c) => {
            let sups = supers_of(c);
            let mut out = ops::hash_set_of(sups.clone());
            out = into(out, &ta)?;
            for s in &sups {
                out = into(out, &get(&anc, s)?)?;
            }
            out
        }
        None => ta,
    })
}

fn descendants(args: &[Value]) -> Result<Value> {
    check_arity("descendants", args, 1, Some(2))?;
    let (h, tag) = match args {
        [t] => (global()?, t),
        [h, t] => (h.clone(), t),
        _ => return Ok(Value::NIL),
    };
    if tag.as_class().is_some() {
        return err::unsupported("Can't get descendants of classes");
    }
    not_empty(get(&get(&h, &kw("descendants"))?, tag)?)
}

fn assert_failed<T>(form: &str) -> Result<T> {
    err::throw(ExClass::AssertionError, format!("Assert failed: {form}"))
}

/// `(namespace x)` through clojure.core's fn, for its errors on non-names.
fn namespace_of(x: &Value) -> Result<Value> {
    match core_value("namespace") {
        Some(f) => call(&f, x),
        None => Ok(Value::NIL),
    }
}

fn derive(args: &[Value]) -> Result<Value> {
    check_arity("derive", args, 2, Some(3))?;
    match args {
        [tag, parent] => {
            if !namespace_of(parent)?.truthy() {
                return assert_failed("(namespace parent)");
            }
            let ok = tag.as_class().is_some() || (is_named(tag) && namespace_of(tag)?.truthy());
            if !ok {
                return assert_failed(
                    "(or (class? tag) (and (instance? clojure.lang.Named tag) (namespace tag)))",
                );
            }
            alter_global(derive3, tag, parent)
        }
        [h, tag, parent] => derive3(h, tag, parent),
        _ => Ok(Value::NIL),
    }
}

/// core.clj's 3-arity derive, step for step (so maps and sets are built in
/// the same order and print the same).
fn derive3(h: &Value, tag: &Value, parent: &Value) -> Result<Value> {
    if equiv(tag, parent) {
        return assert_failed("(not= tag parent)");
    }
    if !(tag.as_class().is_some() || is_named(tag)) {
        return assert_failed("(or (class? tag) (instance? clojure.lang.Named tag))");
    }
    if !is_named(parent) {
        return assert_failed("(instance? clojure.lang.Named parent)");
    }
    let tp = get(h, &kw("parents"))?;
    let td = get(h, &kw("descendants"))?;
    let ta = get(h, &kw("ancestors"))?;
    if contains(&call(&tp, tag)?, parent)? {
        return Ok(h.clone());
    }
    if contains(&call(&ta, tag)?, parent)? {
        let msg = try_print_str(&Value::list(vec![
            tag.clone(),
            sym("already has"),
            parent.clone(),
            sym("as ancestor"),
        ]))?;
        return err::throw(ExClass::Exception, strip_parens(&msg));
    }
    if contains(&call(&ta, parent)?, tag)? {
        let msg = try_print_str(&Value::list(vec![
            sym("Cyclic derivation:"),
            parent.clone(),
            sym("has"),
            tag.clone(),
            sym("as ancestor"),
        ]))?;
        return err::throw(ExClass::Exception, strip_parens(&msg));
    }
    let tag_parents = func::get(&tp, tag, ops::hash_set_of(vec![]))?;
    let new_parents = ops::assoc(&tp, tag.clone(), ops::conj(&tag_parents, parent.clone())?)?;
    let new_anc = tf(&ta, tag, &td, parent, &ta)?;
    let new_desc = tf(&td, parent, &ta, tag, &td)?;
    Ok(Value::map_from_pairs(vec![
        (kw("parents"), new_parents),
        (kw("ancestors"), new_anc),
        (kw("descendants"), new_desc),
    ]))
}

/// `(print-str a b c)` is the printed list without its parens.
fn strip_parens(s: &str) -> String {
    s.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(s)
        .to_string()
}

/// derive's `tf`: for `source` and each of its `sources`, add `target` and
/// the target's `targets` to that key's set in `m`.
fn tf(
    m: &Value,
    source: &Value,
    sources: &Value,
    target: &Value,
    targets: &Value,
) -> Result<Value> {
    let mut ret = m.clone();
    let mut keys = vec![source.clone()];
    for k in seq::iter(&call(sources, source)?) {
        keys.push(k?);
    }
    let mut adds = vec![target.clone()];
    for x in seq::iter(&call(targets, target)?) {
        adds.push(x?);
    }
    for k in keys {
        let mut set = func::get(targets, &k, ops::hash_set_of(vec![]))?;
        for x in &adds {
            set = ops::conj(&set, x.clone())?;
        }
        ret = ops::assoc(&ret, k, set)?;
    }
    Ok(ret)
}

fn underive(args: &[Value]) -> Result<Value> {
    check_arity("underive", args, 2, Some(3))?;
    match args {
        [tag, parent] => alter_global(underive3, tag, parent),
        [h, tag, parent] => underive3(h, tag, parent),
        _ => Ok(Value::NIL),
    }
}

/// core.clj's underive: rebuild the hierarchy from scratch with every
/// remaining parent link.
fn underive3(h: &Value, tag: &Value, parent: &Value) -> Result<Value> {
    let parent_map = get(h, &kw("parents"))?;
    let tag_parents = call(&parent_map, tag)?;
    if !contains(&tag_parents, parent)? {
        return Ok(h.clone());
    }
    let childs = ops::disj(&tag_parents, parent)?;
    let new_parents = if seq::seq(&childs)?.is_nil() {
        ops::dissoc(&parent_map, tag)?
    } else {
        ops::assoc(&parent_map, tag.clone(), childs)?
    };
    let mut out = empty_hierarchy();
    for e in crate::runtime::equality::entries(&new_parents) {
        let (k, ps) = e?;
        for p in seq::iter(&ps) {
            out = derive3(&out, &k, &p?)?;
        }
    }
    Ok(out)
}

// ----- classes: bases and supers -----

/// A class value by full name, with the registry's interface flag when it
/// knows the class.
fn class_named(name: &str) -> Value {
    host::class_value(name).unwrap_or_else(|| Value::class(name, looks_like_interface(name)))
}

/// For supertypes only the inheritance table names: clojure.lang's
/// `I...` types and its few other interfaces.
fn looks_like_interface(name: &str) -> bool {
    let simple = name.rsplit('.').next().unwrap_or(name);
    let mut cs = simple.chars();
    (cs.next() == Some('I') && cs.next().is_some_and(|c| c.is_ascii_uppercase()))
        || matches!(
            simple,
            "Sequential"
                | "Counted"
                | "Indexed"
                | "IndexedSeq"
                | "Reversible"
                | "Sorted"
                | "Named"
                | "Seqable"
                | "Associative"
                | "Fn"
                | "Settable"
                | "MapEquivalence"
        )
}

/// `(bases c)`: the superclass (Object when the table names none) then the
/// interfaces.
fn bases_of(c: &Class) -> Vec<Value> {
    if c.name() == "java.lang.Object" {
        return Vec::new();
    }
    let mut out: Vec<Value> = direct_supers(c.name())
        .iter()
        .map(|n| class_named(n))
        .collect();
    let has_superclass = out
        .iter()
        .any(|v| v.as_class().is_some_and(|k| !k.is_interface()));
    if !c.is_interface() && !has_superclass {
        out.insert(0, class_named("java.lang.Object"));
    }
    out
}

/// `(supers c)`: every superclass and interface, transitively.
fn supers_of(c: &Class) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut todo = bases_of(c);
    while let Some(x) = todo.pop() {
        if out.iter().any(|y| y.identical(&x)) {
            continue;
        }
        if let Some(k) = x.as_class() {
            todo.extend(bases_of(k));
        }
        out.push(x);
    }
    out
}

fn class_arg<'a>(name: &str, args: &'a [Value]) -> Result<Option<&'a Class>> {
    check_arity(name, args, 1, Some(1))?;
    let c = &args[0];
    if c.is_nil() {
        return Ok(None);
    }
    match c.as_class() {
        Some(k) => Ok(Some(k)),
        None => err::class_cast(cast_message(c.class_name(), "java.lang.Class")),
    }
}

fn bases(args: &[Value]) -> Result<Value> {
    let Some(c) = class_arg("bases", args)? else {
        return Ok(Value::NIL);
    };
    let b = bases_of(c);
    Ok(if b.is_empty() {
        Value::NIL
    } else {
        Value::list(b)
    })
}

fn supers(args: &[Value]) -> Result<Value> {
    let Some(c) = class_arg("supers", args)? else {
        return Ok(Value::NIL);
    };
    let s = supers_of(c);
    Ok(if s.is_empty() {
        Value::NIL
    } else {
        ops::hash_set_of(s)
    })
}

// ----- multimethod fns -----

fn multi(v: &Value) -> Result<&MultiFn> {
    match v.view() {
        View::MultiFn(m) => Ok(m),
        _ if v.is_nil() => err::npe(
            "Cannot invoke \"clojure.lang.MultiFn.getMethodTable()\" because \"multifn\" is null",
        ),
        _ => err::class_cast(cast_message(v.class_name(), "clojure.lang.MultiFn")),
    }
}

fn remove_method(args: &[Value]) -> Result<Value> {
    check_arity("remove-method", args, 2, Some(2))?;
    multi(&args[0])?.remove_method(&args[1])?;
    Ok(args[0].clone())
}

fn remove_all_methods(args: &[Value]) -> Result<Value> {
    check_arity("remove-all-methods", args, 1, Some(1))?;
    multi(&args[0])?.reset();
    Ok(args[0].clone())
}

fn prefer_method(args: &[Value]) -> Result<Value> {
    check_arity("prefer-method", args, 3, Some(3))?;
    multi(&args[0])?.prefer_method(args[1].clone(), args[2].clone())?;
    Ok(args[0].clone())
}

fn methods(args: &[Value]) -> Result<Value> {
    check_arity("methods", args, 1, Some(1))?;
    Ok(multi(&args[0])?.method_table())
}

fn get_method(args: &[Value]) -> Result<Value> {
    check_arity("get-method", args, 2, Some(2))?;
    Ok(multi(&args[0])?.get_method(&args[1])?.unwrap_or(Value::NIL))
}

fn prefers(args: &[Value]) -> Result<Value> {
    check_arity("prefers", args, 1, Some(1))?;
    Ok(multi(&args[0])?.prefer_table())
}

// ----- macros -----

fn macro_error(msg: &str) -> Exception {
    Exception::new(ExClass::Exception, msg)
}

/// `(defmulti name docstring? attr-map? dispatch-fn & options)`, expanding
/// as core.clj does: an existing multimethod is kept (re-evaluating a
/// defmulti does not drop its methods).
fn defmulti(args: &[Value]) -> Result<Value> {
    check_arity("defmulti", args, 3, None)?;
    let name = args[2].clone();
    let mut opts: &[Value] = &args[3..];
    let docstring = match opts.first() {
        Some(s) if s.is_string() => {
            opts = &opts[1..];
            Some(s.clone())
        }
        _ => None,
    };
    let mut m = match opts.first() {
        Some(x) if crate::runtime::equality::is_map(x) => {
            opts = &opts[1..];
            x.clone()
        }
        _ => Value::map_from_pairs(vec![]),
    };
    let dispatch = opts.first().cloned().unwrap_or(Value::NIL);
    let options: &[Value] = opts.get(1..).unwrap_or(&[]);
    if let Some(d) = docstring {
        m = ops::assoc(&m, kw("doc"), d)?;
    }
    let nm = meta::meta(&name);
    if !nm.is_nil() {
        m = ops::conj(&nm, m)?;
    }
    let name = meta::with_meta(&name, m)?;
    if options.len() == 1 {
        return Err(macro_error(
            "The syntax for defmulti has changed. Example: (defmulti name dispatch-fn :default dispatch-value)",
        ));
    }
    if options.len() % 2 == 1 {
        return crate::builtins::no_value_supplied(options);
    }
    let mut default = kw("default");
    let mut hierarchy = None;
    for pair in options.chunks(2) {
        let [k, v] = pair else { continue };
        if equiv(k, &kw("default")) {
            default = v.clone();
        } else if equiv(k, &kw("hierarchy")) {
            hierarchy = Some(v.clone());
        } else {
            return err::illegal_arg("Only these options are valid: :default, :hierarchy");
        }
    }
    let hierarchy = match hierarchy {
        Some(h) => h,
        None => Value::var(global_var()?),
    };
    let name_str = match name.as_symbol() {
        Some(s) => s.name().to_string(),
        None => crate::runtime::printer::str_value(&name)?,
    };
    let v = super::macros::auto("v");
    Ok(list![
        core("let"),
        Value::vector(vec![v.clone(), list![sym("def"), name.clone()]]),
        list![
            core("when-not"),
            list![
                core("and"),
                list![sym(".hasRoot"), v.clone()],
                list![
                    core("instance?"),
                    sym("clojure.lang.MultiFn"),
                    list![core("deref"), v]
                ]
            ],
            list![
                sym("def"),
                name,
                list![
                    sym("new"),
                    sym("clojure.lang.MultiFn"),
                    Value::string(name_str),
                    dispatch,
                    default,
                    hierarchy
                ]
            ]
        ]
    ])
}

/// `(defmethod multifn dispatch-val & fn-tail)`.
fn defmethod(args: &[Value]) -> Result<Value> {
    check_arity("defmethod", args, 4, None)?;
    let mf = meta::with_meta(
        &args[2],
        Value::map_from_pairs(vec![(kw("tag"), sym("clojure.lang.MultiFn"))]),
    )?;
    let mut fn_form = vec![core("fn")];
    fn_form.extend_from_slice(&args[4..]);
    Ok(list![
        sym("."),
        mf,
        core("addMethod"),
        args[3].clone(),
        Value::list(fn_form)
    ])
}

// ----- print-method and print-dup -----

/// The name of the built-in print methods: the printer keeps printing
/// values these are selected for in Rust.
const BUILTIN_PRINT: &str = "clojure.core/fn--print-method";

/// A built-in print-method: print `x` to the writer as the Rust printer
/// does under the current print vars.
fn builtin_print(args: &[Value]) -> Result<Value> {
    let [x, w] = args else {
        return Err(super::arity_error("fn--print-method", args.len()));
    };
    let opts = super::io::current_opts(true);
    let mut s = String::new();
    write_value(&mut s, x, &opts)?;
    write_to(w, &s)?;
    Ok(Value::NIL)
}

fn is_builtin_print(f: &Value) -> bool {
    matches!(f.view(), View::Fn(f) if f.name() == Some(BUILTIN_PRINT))
}

/// print-method's dispatch: a keyword `:type` in the metadata, else the class.
fn print_method_dispatch(args: &[Value]) -> Result<Value> {
    let Some(x) = args.first() else {
        return Err(super::arity_error("print-method", 0));
    };
    let t = get(&meta::meta(x), &kw("type"))?;
    Ok(if t.is_keyword() { t } else { host::class_of(x) })
}

fn print_dup_dispatch(args: &[Value]) -> Result<Value> {
    let Some(x) = args.first() else {
        return Err(super::arity_error("print-dup", 0));
    };
    Ok(host::class_of(x))
}

/// The dispatch values of core_print.clj's methods (nil is nil).
const PRINT_METHOD_CLASSES: &[&str] = &[
    "java.lang.Object",
    "clojure.lang.Keyword",
    "java.lang.Number",
    "java.lang.Double",
    "java.lang.Float",
    "java.lang.Boolean",
    "clojure.lang.Symbol",
    "clojure.lang.Var",
    "clojure.lang.ISeq",
    "java.lang.String",
    "clojure.lang.IPersistentVector",
    "clojure.lang.IPersistentMap",
    "java.util.List",
    "java.util.RandomAccess",
    "java.util.Map",
    "java.util.Set",
    "clojure.lang.IRecord",
    "clojure.lang.IPersistentSet",
    "java.lang.Character",
    "java.lang.Class",
    "java.math.BigDecimal",
    "clojure.lang.BigInt",
    "java.util.regex.Pattern",
    "clojure.lang.IDeref",
    "java.lang.StackTraceElement",
    "java.lang.Throwable",
    "clojure.lang.TaggedLiteral",
    "clojure.lang.ReaderConditional",
    "java.util.Date",
    "java.util.Calendar",
    "java.sql.Timestamp",
    "java.util.UUID",
    "clojure.core.Eduction",
];

const PRINT_METHOD_PREFERS: &[(&str, &str)] = &[
    ("clojure.lang.ISeq", "clojure.lang.IPersistentCollection"),
    ("clojure.lang.ISeq", "java.util.Collection"),
    ("clojure.lang.IPersistentCollection", "java.util.Collection"),
    (
        "clojure.lang.IPersistentCollection",
        "java.util.RandomAccess",
    ),
    ("java.util.RandomAccess", "java.util.List"),
    ("clojure.lang.IPersistentCollection", "java.util.Map"),
    ("clojure.lang.IRecord", "java.util.Map"),
    ("clojure.lang.IRecord", "clojure.lang.IPersistentMap"),
];

const PRINT_DUP_CLASSES: &[&str] = &[
    "clojure.lang.Keyword",
    "java.lang.Number",
    "clojure.lang.Fn",
    "java.lang.Boolean",
    "clojure.lang.Symbol",
    "clojure.lang.Var",
    "clojure.lang.ISeq",
    "clojure.lang.IPersistentList",
    "java.util.Collection",
    "clojure.lang.IPersistentCollection",
    "java.lang.String",
    "java.util.Map",
    "clojure.lang.IPersistentMap",
    "clojure.lang.IRecord",
    "java.lang.Character",
    "java.lang.Long",
    "java.lang.Double",
    "clojure.lang.Ratio",
    "java.math.BigDecimal",
    "clojure.lang.BigInt",
    "clojure.lang.PersistentHashMap",
    "clojure.lang.PersistentHashSet",
    "clojure.lang.PersistentVector",
    "clojure.lang.LazilyPersistentVector",
    "java.lang.Class",
    "java.util.regex.Pattern",
    "clojure.lang.Namespace",
    "java.util.Date",
    "java.util.Calendar",
    "java.sql.Timestamp",
    "java.util.UUID",
];

const PRINT_DUP_PREFERS: &[(&str, &str)] = &[
    ("clojure.lang.IPersistentCollection", "clojure.lang.Fn"),
    ("java.util.Map", "clojure.lang.Fn"),
    ("java.util.Collection", "clojure.lang.Fn"),
    ("clojure.lang.ISeq", "clojure.lang.IPersistentCollection"),
    ("clojure.lang.ISeq", "java.util.Collection"),
    ("clojure.lang.IPersistentCollection", "java.util.Collection"),
    ("clojure.lang.IRecord", "clojure.lang.IPersistentMap"),
    ("clojure.lang.IPersistentCollection", "java.util.Map"),
    ("clojure.lang.IRecord", "clojure.lang.IPersistentCollection"),
    ("clojure.lang.IRecord", "java.util.Map"),
];

/// A multimethod with core_print.clj's dispatch values, each bound to the
/// built-in printer.
fn printer_multifn(
    name: &str,
    dispatch: fn(&[Value]) -> Result<Value>,
    classes: &[&str],
    prefs: &[(&str, &str)],
    extra: &[Value],
) -> Result<Value> {
    let d = Value::native_fn(&format!("clojure.core/{name}-dispatch"), dispatch);
    let mf = MultiFn::new(name, d, kw("default"), Value::var(global_var()?));
    let method = Value::native_fn(BUILTIN_PRINT, builtin_print);
    mf.add_method(Value::NIL, method.clone())?;
    for x in extra {
        mf.add_method(x.clone(), method.clone())?;
    }
    for c in classes {
        mf.add_method(class_named(c), method.clone())?;
    }
    for (x, y) in prefs {
        mf.prefer_method(class_named(x), class_named(y))?;
    }
    mf.watch_for_printer();
    Ok(Value::from(Ref::new(mf)))
}

/// The printer hook: when the program defined a print-method (print-dup
/// under `*print-dup*`) that applies to `v`, the text it writes.
fn print_hook(v: &Value, opts: &PrintOpts) -> Result<Option<String>> {
    let vars = core_vars();
    let dup = vars.print_dup.get().is_some_and(|x| x.truthy());
    let Some(mfv) = (if dup {
        &vars.print_dup_method
    } else {
        &vars.print_method
    })
    .get() else {
        return Ok(None);
    };
    let View::MultiFn(mf) = mfv.view() else {
        return Ok(None);
    };
    let dv = if dup {
        host::class_of(v)
    } else {
        print_method_dispatch(std::slice::from_ref(v))?
    };
    // An ambiguity our class table would cause (and the JVM's does not)
    // falls back to the built-in printing.
    let method = match mf.get_method(&dv) {
        Ok(Some(m)) if !is_builtin_print(&m) => m,
        _ => return Ok(None),
    };
    let w = Writer::string();
    // The method sees *print-readably* as this print has it.
    let readably_var = &vars.print_readably;
    let bound = readably_var.get().is_some_and(|r| r.truthy()) != opts.readably;
    if bound {
        push_bindings(vec![(readably_var.clone(), Value::bool(opts.readably))])?;
    }
    let r = func::invoke(&method, &[v.clone(), w.clone()]);
    if bound {
        pop_bindings()?;
    }
    r?;
    Ok(Some(match w.view() {
        View::Writer(w) => w.contents(),
        _ => String::new(),
    }))
}

/// Define global-hierarchy, print-method and print-dup, and install the
/// runtime hooks dispatch and printing use.
pub(crate) fn install_vars(core: &Ref<Namespace>) -> Result<()> {
    rt::install_hierarchy_ops(HierarchyOps {
        isa: isa3,
        parents: parents2,
    });
    rt::install_print_hook(print_hook);
    let gh = core.intern("global-hierarchy");
    gh.bind_root(empty_hierarchy());
    gh.set_meta(Value::map_from_pairs(vec![(kw("private"), Value::TRUE)]));
    let pm = printer_multifn(
        "print-method",
        print_method_dispatch,
        PRINT_METHOD_CLASSES,
        PRINT_METHOD_PREFERS,
        &[
            kw("default"),
            Value::keyword(Some("clojure.core"), "Vec"),
            Value::keyword(Some("clojure.core"), "VecSeq"),
        ],
    )?;
    core.intern("print-method").bind_root(pm);
    let pd = printer_multifn(
        "print-dup",
        print_dup_dispatch,
        PRINT_DUP_CLASSES,
        PRINT_DUP_PREFERS,
        &[],
    )?;
    core.intern("print-dup").bind_root(pd);
    // RT.PRINT_INITIALIZED: true once print-method is in place; RT.print
    // falls back to the built-in printer when it is bound false.
    let pi = core.intern("print-initialized");
    pi.bind_root(Value::TRUE);
    pi.set_dynamic(true);
    pi.set_meta(Value::map_from_pairs(vec![(kw("private"), Value::TRUE)]));
    Ok(())
}

/// RT.print(x, w): pr-on (print-dup under `*print-dup*`, else print-method)
/// once print-initialized, else the built-in printer.
pub(crate) fn rt_print(x: &Value, w: &Value) -> Result<Value> {
    let initialized = super::lang::core_value("print-initialized").is_some_and(|v| v.truthy());
    if !initialized {
        return builtin_print(&[x.clone(), w.clone()]);
    }
    let vars = crate::runtime::core_vars::core_vars();
    let dup = vars.print_dup.get().is_some_and(|v| v.truthy());
    let f = if dup {
        &vars.print_dup_method
    } else {
        &vars.print_method
    };
    let f = f.get().unwrap_or(Value::NIL);
    crate::runtime::func::invoke(&f, &[x.clone(), w.clone()])?;
    Ok(Value::NIL)
}

#[cfg(test)]
mod tests;
