//! LAYER 2: clojure.core, implemented in Rust and registered from static
//! tables at startup (no Clojure source is read or compiled to boot).
//!
//! Each domain file exposes `pub(crate) const DEFS: &[Def]`; `install` interns
//! every entry into clojure.core. A macro is a native fn that receives
//! `(&form &env arg...)`, like a Clojure macro fn, and its var is marked macro.

mod array;
pub mod classes;
mod coll;
pub(crate) mod concurrency;
mod core_inline;
mod core_meta;
pub mod format;
pub(crate) mod inst;
pub mod io;
pub mod lang;
pub(crate) mod macros;
mod math;
mod multi;
pub(crate) use multi::rt_print;
pub mod ns;
pub mod open;
mod regex;
pub(crate) mod seq;
pub mod state;
pub mod stream;
pub mod string;
mod structs;
pub(crate) mod types;
mod var_meta;
mod vars;

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func::{Fn, FnKind, NativeFnPtr, NativeOwnedFnPtr, NativeRestFnPtr};
use crate::runtime::gc::Ref;
use crate::runtime::namespace::Namespace;
use crate::runtime::value::Value;

/// One clojure.core entry.
pub struct Def {
    pub name: &'static str,
    pub f: DefFn,
    pub is_macro: bool,
    pub dynamic: bool,
}

/// How a builtin receives its arguments.
pub enum DefFn {
    Borrowed(NativeFnPtr),
    /// May move its arguments out (see `NativeOwnedFnPtr`): for fns that walk
    /// a whole seq and must not keep its head alive.
    Owned(NativeOwnedFnPtr),
    /// Variadic, taking its rest args as a seq (see `NativeRestFnPtr`), with
    /// the number of fixed params: `apply` passes that seq unrealised.
    Rest(NativeRestFnPtr, usize),
}

impl Def {
    pub const fn f(name: &'static str, f: NativeFnPtr) -> Def {
        Def {
            name,
            f: DefFn::Borrowed(f),
            is_macro: false,
            dynamic: false,
        }
    }
    pub const fn owned(name: &'static str, f: NativeOwnedFnPtr) -> Def {
        Def {
            name,
            f: DefFn::Owned(f),
            is_macro: false,
            dynamic: false,
        }
    }
    pub const fn rest(name: &'static str, required: usize, f: NativeRestFnPtr) -> Def {
        Def {
            name,
            f: DefFn::Rest(f, required),
            is_macro: false,
            dynamic: false,
        }
    }
    pub const fn m(name: &'static str, f: NativeFnPtr) -> Def {
        Def {
            name,
            f: DefFn::Borrowed(f),
            is_macro: true,
            dynamic: false,
        }
    }
}

/// Every table, in registration order.
const TABLES: &[&[Def]] = &[
    math::DEFS,
    io::DEFS,
    format::DEFS,
    string::DEFS,
    regex::DEFS,
    lang::DEFS,
    inst::DEFS,
    ns::DEFS,
    state::DEFS,
    macros::DEFS,
    coll::DEFS,
    array::DEFS,
    seq::basic::DEFS,
    seq::fns::DEFS,
    seq::lazy::DEFS,
    seq::reduce::DEFS,
    seq::sort::DEFS,
    vars::DEFS,
    multi::DEFS,
    types::DEFS,
    types::LITERAL_DEFS,
    structs::DEFS,
    stream::DEFS,
];

/// Intern all builtins into `core`.
pub fn install(core: &Ref<Namespace>) {
    var_meta::install();
    lang::install_vars(core);
    ns::install_vars(core);
    inst::install_vars(core);
    // Only fails if clojure.core is missing its own vars.
    let _ = multi::install_vars(core);
    concurrency::install_vars(core);
    for table in TABLES.iter().chain(concurrency::DEFS) {
        intern_defs(core, table);
    }
}

/// Intern a table of builtins into `ns` (clojure.core or a bundled lib).
pub fn intern_defs(ns: &Ref<Namespace>, defs: &[Def]) {
    let prefix = ns.name_str().to_string();
    for d in defs {
        let var = ns.intern(d.name);
        let name = format!("{prefix}/{}", d.name);
        var.bind_root(match d.f {
            DefFn::Borrowed(f) => Value::native_fn(&name, f),
            DefFn::Owned(f) => Value::from(Ref::new(Fn::new(Some(&name), FnKind::NativeOwned(f)))),
            DefFn::Rest(f, required) => Value::from(Ref::new(Fn::new(
                Some(&name),
                FnKind::NativeRest(f, required),
            ))),
        });
        // Metadata as the JVM's core vars have it, until the full map is read:
        // `clojure.test/function?` and tools read :macro from it.
        let mut meta = Vec::new();
        if d.is_macro {
            meta.push((Value::keyword(None, "macro"), Value::TRUE));
        }
        if d.dynamic {
            var.set_dynamic(true);
            meta.push((Value::keyword(None, "dynamic"), Value::TRUE));
        }
        meta.push((Value::keyword(None, "name"), Value::symbol(None, d.name)));
        meta.push((Value::keyword(None, "ns"), Value::namespace(ns.clone())));
        var.set_meta(Value::map_from_pairs(meta));
        // The rest (:doc, :arglists ...) comes from core_meta.rs when read.
        var.set_meta_pending();
    }
}

/// ArityException as the JVM words it.
/// `(apply hash-map kvs)` and the `& {:keys ...}` options it backs, given
/// an odd count: the message concatenates the last key as Java does
/// (toString, nil as "null").
pub(crate) fn no_value_supplied<T>(kvs: &[Value]) -> Result<T> {
    let key = match kvs.last() {
        Some(k) if !k.is_nil() => crate::runtime::printer::str_value(k)?,
        _ => "null".to_string(),
    };
    Err(Exception::new(
        ExClass::IllegalArgumentException,
        format!("No value supplied for key: {key}"),
    ))
}

pub fn arity_error(name: &str, n: usize) -> Exception {
    let suffix = jvm_fn_class_suffix(name).unwrap_or_default();
    Exception::new(
        ExClass::ArityException,
        format!("Wrong number of args ({n}) passed to: clojure.core/{name}{suffix}"),
    )
}

/// core.clj defines a few fns before `defn` exists, as `(def f (fn f ...))`,
/// so their JVM class is `clojure.core$f__NNNN` and arity errors name it
/// `clojure.core/f--NNNN` (numbers of the Clojure 1.11.1 jar; JVM:
/// `(first)` => "Wrong number of args (0) passed to: clojure.core/first--5449").
fn jvm_fn_class_suffix(name: &str) -> Option<&'static str> {
    Some(match name {
        "cons" => "--5441",
        "first" => "--5449",
        "next" => "--5451",
        "rest" => "--5453",
        "second" => "--5457",
        "ffirst" => "--5459",
        "nfirst" => "--5461",
        "fnext" => "--5463",
        "nnext" => "--5465",
        "seq" => "--5467",
        "instance?" => "--5469",
        "seq?" => "--5471",
        "char?" => "--5473",
        "string?" => "--5475",
        "map?" => "--5477",
        "vector?" => "--5479",
        "assoc" => "--5481",
        "meta" => "--5483",
        "with-meta" => "--5485",
        "last" => "--5493",
        "butlast" => "--5495",
        _ => return None,
    })
}

/// Check `args.len()` is within `min..=max` (max None: variadic).
#[inline]
pub fn check_arity(name: &str, args: &[Value], min: usize, max: Option<usize>) -> Result<()> {
    let n = args.len();
    if n < min || max.is_some_and(|m| n > m) {
        return Err(arity_error(name, n));
    }
    Ok(())
}
