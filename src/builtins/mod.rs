//! LAYER 2: clojure.core, implemented in Rust and registered from static
//! tables at startup (no Clojure source is read or compiled to boot).
//!
//! Each domain file exposes `pub(crate) const DEFS: &[Def]`; `install` interns
//! every entry into clojure.core. A macro is a native fn that receives
//! `(&form &env arg...)`, like a Clojure macro fn, and its var is marked macro.

mod array;
pub mod classes;
mod coll;
pub mod format;
pub mod io;
pub mod lang;
mod macros;
mod math;
pub mod ns;
mod regex;
pub(crate) mod seq;
pub mod state;
pub mod string;

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func::{Fn, FnKind, NativeFnPtr, NativeOwnedFnPtr};
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
];

/// Intern all builtins into `core`.
pub fn install(core: &Ref<Namespace>) {
    lang::install_vars(core);
    ns::install_vars(core);
    for table in TABLES {
        for d in table.iter() {
            let var = core.intern(d.name);
            let name = format!("clojure.core/{}", d.name);
            var.bind_root(match d.f {
                DefFn::Borrowed(f) => Value::native_fn(&name, f),
                DefFn::Owned(f) => Value::from(Ref::new(Fn {
                    name: Some(name),
                    kind: FnKind::NativeOwned(f),
                    meta: None,
                })),
            });
            if d.is_macro {
                var.set_macro(true);
            }
            if d.dynamic {
                var.set_dynamic(true);
            }
        }
    }
}

/// ArityException as the JVM words it.
pub fn arity_error(name: &str, n: usize) -> Exception {
    Exception::new(
        ExClass::ArityException,
        format!("Wrong number of args ({n}) passed to: clojure.core/{name}"),
    )
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
