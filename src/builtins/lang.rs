//! Language support: the dynamic vars of clojure.core, type predicates,
//! metadata, exceptions (ex-info & co), `class`/`type`/`instance?`, `not`,
//! `boolean`, collection-hash helpers, `comparator`, `clojure-version`.

use super::classes;
use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::core_vars::core_vars;
use crate::runtime::equality::is_map;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func::invoke;
use crate::runtime::gc::Ref;
use crate::runtime::hash::{OrderedHasher, UnorderedHasher, hasheq, mix_coll_hash, try_hasheq};
use crate::runtime::host;
use crate::runtime::io::Writer;
use crate::runtime::meta;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::number;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use crate::runtime::var::Var;

pub(crate) const DEFS: &[Def] = &[
    Def::f("nil?", is_nil),
    Def::f("iterator-seq", iterator_seq),
    Def::f("enumeration-seq", enumeration_seq),
    Def::f("some?", is_some),
    Def::f("any?", is_any),
    Def::f("uri?", is_uri),
    Def::f("true?", is_true),
    Def::f("false?", is_false),
    Def::f("boolean?", is_boolean),
    Def::f("keyword?", is_keyword),
    Def::f("symbol?", is_symbol),
    Def::f("string?", is_string),
    Def::f("char?", is_char),
    Def::f("number?", is_number),
    Def::f("integer?", is_integer),
    Def::f("int?", is_int),
    Def::f("pos-int?", is_pos_int),
    Def::f("neg-int?", is_neg_int),
    Def::f("nat-int?", is_nat_int),
    Def::f("float?", is_float),
    Def::f("double?", is_double),
    Def::f("ratio?", is_ratio),
    Def::f("rational?", is_rational),
    Def::f("decimal?", is_decimal),
    Def::f("fn?", is_fn),
    Def::f("ifn?", is_ifn),
    Def::f("var?", is_var),
    Def::f("simple-keyword?", is_simple_keyword),
    Def::f("qualified-keyword?", is_qualified_keyword),
    Def::f("simple-symbol?", is_simple_symbol),
    Def::f("qualified-symbol?", is_qualified_symbol),
    Def::f("ident?", is_ident),
    Def::f("simple-ident?", is_simple_ident),
    Def::f("qualified-ident?", is_qualified_ident),
    Def::f("not", not),
    Def::f("boolean", boolean),
    Def::f("meta", meta_fn),
    Def::f("with-meta", with_meta),
    Def::f("vary-meta", vary_meta),
    Def::f("alter-meta!", alter_meta),
    Def::f("reset-meta!", reset_meta),
    Def::f("ex-info", ex_info),
    Def::f("ex-data", ex_data),
    Def::f("ex-message", ex_message),
    Def::f("ex-cause", ex_cause),
    Def::f("class", class),
    Def::f("type", type_fn),
    Def::f("instance?", instance),
    Def::f("class?", is_class),
    Def::f("hash-combine", hash_combine),
    Def::f("hash-ordered-coll", hash_ordered_coll),
    Def::f("hash-unordered-coll", hash_unordered_coll),
    Def::f("mix-collection-hash", mix_collection_hash),
    Def::f("comparator", comparator),
    Def::f("clojure-version", clojure_version),
    Def::f("special-symbol?", special_symbol),
];

// ---------------------------------------------------------------- core vars

/// A var interned in clojure.core.
pub fn core_var(name: &str) -> Option<Ref<Var>> {
    namespace::find_ns("clojure.core")?.find_interned(name)
}

/// The current value of a clojure.core var (None if missing or unbound).
pub fn core_value(name: &str) -> Option<Value> {
    core_var(name)?.get()
}

/// The current namespace: the value of `*ns*`.
pub fn current_ns() -> Ref<Namespace> {
    if let Some(ns) = core_vars().ns.get().and_then(|v| v.as_namespace()) {
        return ns;
    }
    namespace::find_ns("user").unwrap_or_else(|| namespace::create_ns("user"))
}

/// Set a dynamic var: its thread binding if it has one, else its root.
pub fn set_var(var: &Var, v: Value) {
    if var.set(v.clone()).is_err() {
        var.bind_root(v);
    }
}

/// `*clojure-version*`.
fn version_map() -> Value {
    let kw = |s: &str| Value::keyword(None, s);
    Value::map_from_pairs(vec![
        (kw("major"), Value::long(1)),
        (kw("minor"), Value::long(11)),
        (kw("incremental"), Value::long(1)),
        (kw("qualifier"), Value::NIL),
    ])
}

/// Create clojure.core's dynamic vars with the values a JVM script sees
/// (clojure.main binds `*print-namespace-maps*` to true, for one).
pub(crate) fn install_vars(core: &Ref<Namespace>) {
    let vars: Vec<(&str, Value)> = vec![
        ("*out*", Writer::stdout()),
        ("*err*", Writer::stderr()),
        ("*in*", crate::runtime::input::InStream::stdin()),
        ("*print-length*", Value::NIL),
        ("*print-level*", Value::NIL),
        ("*print-meta*", Value::FALSE),
        ("*print-readably*", Value::TRUE),
        ("*print-dup*", Value::FALSE),
        ("*print-namespace-maps*", Value::TRUE),
        ("*flush-on-newline*", Value::TRUE),
        ("*ns*", Value::namespace(core.clone())),
        ("*file*", Value::string("NO_SOURCE_PATH")),
        ("*command-line-args*", Value::NIL),
        ("*assert*", Value::TRUE),
        ("*1", Value::NIL),
        ("*2", Value::NIL),
        ("*3", Value::NIL),
        ("*e", Value::NIL),
        ("*warn-on-reflection*", Value::FALSE),
        ("*unchecked-math*", Value::FALSE),
        ("*data-readers*", Value::map_from_pairs(vec![])),
        ("*default-data-reader-fn*", Value::NIL),
        ("*read-eval*", Value::TRUE),
        ("*math-context*", Value::NIL),
        ("*compile-path*", Value::string("classes")),
        ("*compile-files*", Value::FALSE),
        ("*agent*", Value::NIL),
        ("*clojure-version*", version_map()),
    ];
    for (name, v) in vars {
        let var = core.intern(name);
        var.bind_root(v);
        var.set_dynamic(true);
    }
}

// ---------------------------------------------------------------- predicates

fn one<'a>(name: &str, args: &'a [Value]) -> Result<&'a Value> {
    check_arity(name, args, 1, Some(1))?;
    Ok(&args[0])
}

macro_rules! pred {
    ($fname:ident, $name:literal, |$x:ident| $body:expr) => {
        fn $fname(args: &[Value]) -> Result<Value> {
            let $x = one($name, args)?;
            Ok(Value::bool($body))
        }
    };
}

pred!(is_nil, "nil?", |x| x.is_nil());
pred!(is_some, "some?", |x| !x.is_nil());
pred!(is_any, "any?", |_x| true);
// java.net.URI has no cljw counterpart: nothing is one.
pred!(is_uri, "uri?", |_x| false);
pred!(is_true, "true?", |x| x.as_bool() == Some(true));
pred!(is_false, "false?", |x| x.as_bool() == Some(false));
pred!(is_boolean, "boolean?", |x| x.as_bool().is_some());
pred!(is_keyword, "keyword?", |x| x.is_keyword());
pred!(is_symbol, "symbol?", |x| x.is_symbol());
pred!(is_string, "string?", |x| x.is_string());
pred!(is_char, "char?", |x| x.as_char().is_some());
pred!(is_number, "number?", |x| number::is_number(x));
pred!(is_integer, "integer?", |x| matches!(
    x.view(),
    View::Long(_) | View::BigInt(_) | View::BigInteger(_)
));
pred!(is_int, "int?", |x| matches!(x.view(), View::Long(_)));
pred!(
    is_pos_int,
    "pos-int?",
    |x| matches!(x.view(), View::Long(n) if n > 0)
);
pred!(
    is_neg_int,
    "neg-int?",
    |x| matches!(x.view(), View::Long(n) if n < 0)
);
pred!(
    is_nat_int,
    "nat-int?",
    |x| matches!(x.view(), View::Long(n) if n >= 0)
);
pred!(is_class, "class?", |x| x.class_name() == "java.lang.Class");
pred!(is_float, "float?", |x| matches!(
    x.view(),
    View::Double(_) | View::Float(_)
));
pred!(is_double, "double?", |x| matches!(
    x.view(),
    View::Double(_)
));
pred!(is_ratio, "ratio?", |x| matches!(x.view(), View::Ratio(_)));
pred!(is_rational, "rational?", |x| matches!(
    x.view(),
    View::Long(_) | View::BigInt(_) | View::BigInteger(_) | View::Ratio(_) | View::BigDec(_)
));
pred!(is_decimal, "decimal?", |x| matches!(
    x.view(),
    View::BigDec(_)
));
pred!(is_fn, "fn?", |x| matches!(x.view(), View::Fn(_)));
pred!(is_ifn, "ifn?", |x| classes::is_instance(
    "clojure.lang.IFn",
    x
));
pred!(is_var, "var?", |x| matches!(x.view(), View::Var(_)));
pred!(is_simple_keyword, "simple-keyword?", |x| x
    .as_keyword()
    .is_some_and(|k| k.ns().is_none()));
pred!(is_qualified_keyword, "qualified-keyword?", |x| x
    .as_keyword()
    .is_some_and(|k| k.ns().is_some()));
pred!(is_simple_symbol, "simple-symbol?", |x| x
    .as_symbol()
    .is_some_and(|k| k.ns().is_none()));
pred!(is_qualified_symbol, "qualified-symbol?", |x| x
    .as_symbol()
    .is_some_and(|k| k.ns().is_some()));
pred!(is_ident, "ident?", |x| x.is_keyword() || x.is_symbol());
pred!(is_simple_ident, "simple-ident?", |x| ident_ns(x)
    == Some(None));
pred!(is_qualified_ident, "qualified-ident?", |x| matches!(
    ident_ns(x),
    Some(Some(_))
));
pred!(not, "not", |x| !x.truthy());
pred!(boolean, "boolean", |x| x.truthy());

fn ident_ns(x: &Value) -> Option<Option<&str>> {
    match x.view() {
        View::Keyword(k) => Some(k.ns()),
        View::Symbol(s) => Some(s.ns()),
        _ => None,
    }
}

// ---------------------------------------------------------------- metadata

/// `(meta x)`, including the reference types (atoms, vars, namespaces).
pub fn meta_of(x: &Value) -> Value {
    match x.view() {
        View::Atom(a) => a.meta(),
        View::TxRef(r) => r.base().meta(),
        View::Agent(a) => a.base().meta(),
        View::Var(v) => v.meta(),
        View::Namespace(n) => n.meta(),
        _ => meta::meta(x),
    }
}

fn meta_fn(args: &[Value]) -> Result<Value> {
    Ok(meta_of(one("meta", args)?))
}

fn with_meta(args: &[Value]) -> Result<Value> {
    check_arity("with-meta", args, 2, Some(2))?;
    meta::with_meta(&args[0], args[1].clone())
}

fn vary_meta(args: &[Value]) -> Result<Value> {
    check_arity("vary-meta", args, 2, None)?;
    let mut call = vec![meta_of(&args[0])];
    call.extend_from_slice(&args[2..]);
    let m = invoke(&args[1], &call)?;
    meta::with_meta(&args[0], m)
}

/// Set the metadata of a reference type (IReference); the map is checked.
fn set_ref_meta(r: &Value, m: Value) -> Result<Value> {
    if !m.is_nil() && !is_map(&m) {
        return err::class_cast(cast_message(m.class_name(), "clojure.lang.IPersistentMap"));
    }
    match r.view() {
        View::Atom(a) => a.set_meta(m.clone()),
        View::TxRef(r) => r.base().set_meta(m.clone()),
        View::Agent(a) => a.base().set_meta(m.clone()),
        View::Var(v) => v.set_meta(m.clone()),
        View::Namespace(n) => n.set_meta(m.clone()),
        _ => return err::class_cast(cast_message(r.class_name(), "clojure.lang.IReference")),
    }
    Ok(m)
}

fn is_reference(r: &Value) -> bool {
    matches!(
        r.view(),
        View::Atom(_) | View::TxRef(_) | View::Agent(_) | View::Var(_) | View::Namespace(_)
    )
}

fn alter_meta(args: &[Value]) -> Result<Value> {
    check_arity("alter-meta!", args, 2, None)?;
    if !is_reference(&args[0]) {
        return err::class_cast(cast_message(
            args[0].class_name(),
            "clojure.lang.IReference",
        ));
    }
    let mut call = vec![meta_of(&args[0])];
    call.extend_from_slice(&args[2..]);
    let m = invoke(&args[1], &call)?;
    set_ref_meta(&args[0], m)
}

fn reset_meta(args: &[Value]) -> Result<Value> {
    check_arity("reset-meta!", args, 2, Some(2))?;
    set_ref_meta(&args[0], args[1].clone())
}

// ---------------------------------------------------------------- exceptions

fn ex_info(args: &[Value]) -> Result<Value> {
    check_arity("ex-info", args, 2, Some(3))?;
    let msg = match args[0].view() {
        View::Nil => None,
        View::Str(s) => Some(s.as_str().to_string()),
        _ => {
            return err::class_cast(cast_message(args[0].class_name(), "java.lang.String"));
        }
    };
    let data = &args[1];
    if data.is_nil() {
        return err::illegal_arg("Additional data must be non-nil.");
    }
    if !is_map(data) {
        return err::class_cast(cast_message(
            data.class_name(),
            "clojure.lang.IPersistentMap",
        ));
    }
    let cause = match args.get(2) {
        None => None,
        Some(c) if c.is_nil() => None,
        Some(c) => match c.as_exception() {
            Some(e) => Some(e),
            None => return err::class_cast(cast_message(c.class_name(), "java.lang.Throwable")),
        },
    };
    Ok(Value::from(Exception::full(
        ExClass::ExceptionInfo,
        msg,
        Some(data.clone()),
        cause,
    )))
}

fn ex_data(args: &[Value]) -> Result<Value> {
    let x = one("ex-data", args)?;
    Ok(x.as_exception()
        .and_then(|e| e.data().cloned())
        .unwrap_or(Value::NIL))
}

fn ex_message(args: &[Value]) -> Result<Value> {
    let x = one("ex-message", args)?;
    Ok(x.as_exception()
        .and_then(|e| e.message().map(Value::string))
        .unwrap_or(Value::NIL))
}

fn ex_cause(args: &[Value]) -> Result<Value> {
    let x = one("ex-cause", args)?;
    Ok(x.as_exception()
        .and_then(|e| e.cause().cloned())
        .map_or(Value::NIL, Value::from))
}

// ---------------------------------------------------------------- classes

/// The class value for a JVM class name: the interop layer's, else the
/// class name as a symbol (which prints the same).
pub fn class_value(name: &str) -> Value {
    host::class_value(name).unwrap_or_else(|| Value::symbol(None, name))
}

/// The JVM name of a class value (`(.getName c)`).
pub fn class_name_of(c: &Value) -> Result<String> {
    if let Some(s) = c.as_symbol() {
        return Ok(s.name().to_string());
    }
    if c.is_nil() {
        return err::npe(
            "Cannot invoke \"java.lang.Class.isInstance(Object)\" because \"c\" is null",
        );
    }
    let cast = || err::class_cast(cast_message(c.class_name(), "java.lang.Class"));
    if matches!(
        c.view(),
        View::Long(_) | View::Double(_) | View::Bool(_) | View::Char(_) | View::Str(_)
    ) {
        return cast();
    }
    match host::call_method(c, "getName", &[]) {
        Ok(n) => match n.as_str() {
            Some(s) => Ok(s.to_string()),
            None => cast(),
        },
        Err(_) => cast(),
    }
}

fn class(args: &[Value]) -> Result<Value> {
    let x = one("class", args)?;
    // The interop layer's class value (a Class, `=` to the class symbol's value).
    Ok(host::class_of(x))
}

fn type_fn(args: &[Value]) -> Result<Value> {
    let x = one("type", args)?;
    let t = crate::runtime::lookup::get(&meta_of(x), &Value::keyword(None, "type"));
    if t.truthy() {
        return Ok(t);
    }
    class(args)
}

fn instance(args: &[Value]) -> Result<Value> {
    check_arity("instance?", args, 2, Some(2))?;
    let name = class_name_of(&args[0])?;
    Ok(Value::bool(classes::is_instance(&name, &args[1])))
}

// ---------------------------------------------------------------- hashing

fn hash_ordered_coll(args: &[Value]) -> Result<Value> {
    let coll = one("hash-ordered-coll", args)?;
    let mut h = OrderedHasher::default();
    for x in seq::iter(coll) {
        h.add(try_hasheq(&x?)?);
    }
    Ok(Value::long(i64::from(h.finish())))
}

fn hash_unordered_coll(args: &[Value]) -> Result<Value> {
    let coll = one("hash-unordered-coll", args)?;
    let mut h = UnorderedHasher::default();
    for x in seq::iter(coll) {
        h.add(try_hasheq(&x?)?);
    }
    Ok(Value::long(i64::from(h.finish())))
}

fn mix_collection_hash(args: &[Value]) -> Result<Value> {
    check_arity("mix-collection-hash", args, 2, Some(2))?;
    let h = number::to_long(&args[0])? as i32;
    let n = number::to_long(&args[1])? as i32;
    Ok(Value::long(i64::from(mix_coll_hash(h, n))))
}

/// `(hash-combine x y)`: Util.hashCombine((int) x, y.hashCode()).
fn hash_combine(args: &[Value]) -> Result<Value> {
    check_arity("hash-combine", args, 2, Some(2))?;
    let seed = number::to_long(&args[0])? as i32;
    let h = crate::runtime::hash::java_hash_code(&args[1])?;
    Ok(Value::int(crate::runtime::hash::hash_combine(seed, h)))
}

/// `(hash x)` as a long.
pub fn hash_value(x: &Value) -> Result<Value> {
    // Util.hasheq returns an int: a java.lang.Integer.
    Ok(Value::int(match x.view() {
        View::Long(_) | View::Keyword(_) | View::Str(_) => hasheq(x),
        _ => try_hasheq(x)?,
    }))
}

// ---------------------------------------------------------------- misc

fn comparator(args: &[Value]) -> Result<Value> {
    let pred = one("comparator", args)?.clone();
    Ok(Value::native_closure(
        "clojure.core/comparator/fn",
        move |xs: &[Value]| {
            let [x, y] = xs else {
                return Err(super::arity_error("comparator/fn", xs.len()));
            };
            if invoke(&pred, &[x.clone(), y.clone()])?.truthy() {
                Ok(Value::long(-1))
            } else if invoke(&pred, &[y.clone(), x.clone()])?.truthy() {
                Ok(Value::long(1))
            } else {
                Ok(Value::long(0))
            }
        },
    ))
}

fn clojure_version(args: &[Value]) -> Result<Value> {
    check_arity("clojure-version", args, 0, Some(0))?;
    Ok(Value::string("1.11.1"))
}

fn special_symbol(args: &[Value]) -> Result<Value> {
    let x = one("special-symbol?", args)?;
    Ok(Value::bool(x.as_symbol().is_some_and(|s| s.is_special())))
}

/// `(iterator-seq it)`: the items a java.util.Iterator has not returned yet,
/// as a seq (nil when none); the iterator is used up.
fn iterator_seq(args: &[Value]) -> Result<Value> {
    check_arity("iterator-seq", args, 1, Some(1))?;
    match args[0].view() {
        View::HostObject(crate::runtime::object::HostObject::Iterator(it)) => Ok(
            std::mem::replace(&mut *crate::runtime::gc::lock(it), Value::NIL),
        ),
        View::Nil => crate::runtime::error::err::npe(
            "Cannot invoke \"java.util.Iterator.hasNext()\" because \"iter\" is null",
        ),
        // Any other java.util.Iterator (a list's, a reify's, a deftype's):
        // read as the seq is walked, as IteratorSeq.
        _ if super::classes::is_instance("java.util.Iterator", &args[0]) => {
            iterator_step(args[0].clone())
        }
        _ => crate::runtime::error::err::class_cast(crate::runtime::compare::cast_message(
            args[0].class_name(),
            "java.util.Iterator",
        )),
    }
}

fn iterator_step(it: Value) -> Result<Value> {
    let call = |m: &str| crate::runtime::host::call_method(&it, m, &[]);
    if !call("hasNext")?.truthy() {
        return Ok(Value::NIL);
    }
    let x = call("next")?;
    crate::runtime::seq::cons(x, &Value::lazy_seq_native(move || iterator_step(it)))
}

/// `(enumeration-seq e)`: a seq over a java.util.Enumeration's remaining
/// elements (nil when none), read as the seq is walked, as EnumerationSeq.
fn enumeration_seq(args: &[Value]) -> Result<Value> {
    check_arity("enumeration-seq", args, 1, Some(1))?;
    enumeration_step(args[0].clone())
}

fn enumeration_step(e: Value) -> Result<Value> {
    let call = |m: &str| crate::runtime::host::call_method(&e, m, &[]);
    if !call("hasMoreElements")?.truthy() {
        return Ok(Value::NIL);
    }
    let x = call("nextElement")?;
    crate::runtime::seq::cons(x, &Value::lazy_seq_native(move || enumeration_step(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(s: &str) -> Value {
        Value::keyword(None, s)
    }

    #[test]
    fn ex_info_checks_like_the_jvm() {
        // JVM: (ex-info "m" nil) IllegalArgumentException "Additional data must be non-nil."
        let e = ex_info(&[Value::string("m"), Value::NIL]).err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some("java.lang.IllegalArgumentException: Additional data must be non-nil.")
        );
        // JVM: (ex-info "m" 1) ClassCastException ... clojure.lang.IPersistentMap
        let e = ex_info(&[Value::string("m"), Value::long(1)]).err();
        assert_eq!(e.map(|e| e.class()), Some(ExClass::ClassCastException));
        let data = Value::map_from_pairs(vec![(kw("a"), Value::long(1))]);
        let x = ex_info(&[Value::string("boom"), data]).unwrap_or(Value::NIL);
        // JVM: (str (ex-info "a" {:b 1})) "clojure.lang.ExceptionInfo: a {:b 1}"
        assert_eq!(
            crate::runtime::printer::str_value(&x).ok().as_deref(),
            Some("clojure.lang.ExceptionInfo: boom {:a 1}")
        );
        let d = ex_data(std::slice::from_ref(&x)).unwrap_or(Value::NIL);
        assert_eq!(format!("{d:?}"), "{:a 1}");
        let m = ex_message(std::slice::from_ref(&x)).unwrap_or(Value::NIL);
        assert_eq!(m.as_str(), Some("boom"));
        assert!(ex_message(&[Value::long(1)]).is_ok_and(|v| v.is_nil()));
    }

    #[test]
    fn predicates_and_special_symbols() {
        let t = |f: fn(&[Value]) -> Result<Value>, x: Value| f(&[x]).ok().and_then(|v| v.as_bool());
        assert_eq!(t(is_integer, Value::long(1)), Some(true));
        assert_eq!(t(is_integer, Value::double(1.0)), Some(false));
        assert_eq!(t(is_ifn, kw("a")), Some(true));
        assert_eq!(t(is_ifn, Value::long(1)), Some(false));
        assert_eq!(t(not, Value::NIL), Some(true));
        // JVM: (special-symbol? 'if) true, (special-symbol? 'let) false
        assert_eq!(t(special_symbol, Value::symbol(None, "if")), Some(true));
        assert_eq!(t(special_symbol, Value::symbol(None, "let")), Some(false));
    }

    #[test]
    fn collection_hashes() {
        // JVM: (hash-ordered-coll [1 2]) 156247261, (hash-unordered-coll #{1 2}) 460223544,
        // (mix-collection-hash 5 2) -624268693
        let v = Value::vector(vec![Value::long(1), Value::long(2)]);
        let h = hash_ordered_coll(std::slice::from_ref(&v))
            .ok()
            .and_then(|v| v.as_long());
        assert_eq!(h, Some(156247261));
        let s = Value::set_from(vec![Value::long(1), Value::long(2)]);
        let h = hash_unordered_coll(&[s]).ok().and_then(|v| v.as_long());
        assert_eq!(h, Some(460223544));
        let h = mix_collection_hash(&[Value::long(5), Value::long(2)])
            .ok()
            .and_then(|v| v.as_long());
        assert_eq!(h, Some(-624268693));
    }

    #[test]
    fn comparator_from_pred() {
        let lt = Value::native_fn("lt", |a: &[Value]| {
            Ok(Value::bool(number::lt(&a[0], &a[1])?))
        });
        let c = comparator(&[lt]).unwrap_or(Value::NIL);
        let r = invoke(&c, &[Value::long(1), Value::long(2)])
            .ok()
            .and_then(|v| v.as_long());
        assert_eq!(r, Some(-1));
        let r = invoke(&c, &[Value::long(2), Value::long(1)])
            .ok()
            .and_then(|v| v.as_long());
        assert_eq!(r, Some(1));
    }
}
