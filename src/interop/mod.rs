//! LAYER 2: host-class shims. One registry of the JVM classes a program can
//! name (`classes`), and the implementations behind `(new C ...)`,
//! `(C/m ...)`, `C/F` and `(.m x ...)`, installed into `runtime::host`.

mod builder;
mod classes;
mod clojure_lang;
mod coll;
mod concurrent;
mod date;
mod exceptions;
#[cfg(feature = "threads")]
mod executor;
mod io;
mod jdk;
mod lang;
mod multi;
mod number;
mod object;
mod regex;
mod string;
mod thread;

pub use thread::at_exit;

pub use classes::{all_names as class_names, class_of, is_instance};

/// Whether a known host class is an interface (None when unknown).
pub fn classes_resolve(full: &str) -> Option<bool> {
    classes::resolve(full).map(|c| c.interface)
}

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::host::{self, HostTable};
use crate::runtime::types;
use crate::runtime::value::{Value, View};

/// Install the interop table (idempotent).
pub fn install() {
    host::install(HostTable {
        is_class: |name| {
            local_type(name).is_some()
                || classes::resolve(name).is_some()
                || user_type(name).is_some()
        },
        class_value,
        new_instance,
        call_static,
        get_static: lang::get_static,
        set_static: clojure_lang::set_static,
        call_method: object::call_method,
        class_of,
        is_instance,
    });
}

fn class_value(name: &str) -> Option<Value> {
    if let Some(t) = local_type(name) {
        return Some(Value::class(
            t.name(),
            t.kind() == types::TypeKind::Interface,
        ));
    }
    if let Some(c) = classes::resolve(name) {
        return Some(Value::class(c.name, c.interface));
    }
    user_type(name).map(|t| Value::class(t.name(), t.kind() == types::TypeKind::Interface))
}

/// A deftype/defrecord/reify/definterface class as written in the current
/// namespace.
fn user_type(name: &str) -> Option<crate::runtime::gc::Ref<types::TypeDef>> {
    let ns = crate::builtins::lang::current_ns();
    types::resolve(ns.name_str(), name)
}

/// A type defined in the current namespace under the simple name `name`:
/// deftype/defrecord import their class into their namespace, where it
/// replaces java.lang's default mapping (`(ns-unmap *ns* 'Process)` then
/// `(defrecord Process ...)`, as babashka.process does).
fn local_type(name: &str) -> Option<crate::runtime::gc::Ref<types::TypeDef>> {
    if name.contains('.') {
        return None;
    }
    user_type(name)
}

fn new_instance(class: &str, args: &[Value]) -> Result<Value> {
    if let Some(t) = local_type(class) {
        return types::construct(&t, args);
    }
    if classes::resolve(class).is_none()
        && let Some(t) = user_type(class)
    {
        return types::construct(&t, args);
    }
    let Some(c) = classes::resolve(class) else {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("Unable to resolve classname: {class}"),
        ));
    };
    if let Some(ex) = ExClass::ALL.iter().find(|e| e.name() == c.name) {
        return exceptions::construct(*ex, args);
    }
    if let Some(r) = builder::construct(c.name, args) {
        return r;
    }
    if let Some(r) = number::construct(c.name, args) {
        return r;
    }
    if let Some(r) = date::construct(c.name, args) {
        return r;
    }
    if let Some(r) = io::construct(c.name, args) {
        return r;
    }
    if let Some(r) = jdk::construct(c.name, args) {
        return r;
    }
    if let Some(r) = thread::construct(c.name, args) {
        return r;
    }
    if let Some(r) = concurrent::construct(c.name, args) {
        return r;
    }
    match (c.name, args) {
        ("java.io.StringWriter", []) => Ok(crate::runtime::io::Writer::string()),
        // PrintWriter(Writer): printing through it lands in the wrapped
        // writer, so the wrapped writer itself stands in for it.
        ("java.io.PrintWriter", [w]) if matches!(w.view(), View::Writer(_)) => Ok(w.clone()),
        // Long(long) / Long(String), Integer(int) / Integer(String).
        ("java.lang.Long" | "java.lang.Integer", [x]) if x.is_string() => {
            lang::call_static(c.name, "valueOf", args)
        }
        ("java.lang.Long", [x]) if matches!(x.view(), View::Long(_)) => Ok(x.clone()),
        ("java.lang.Integer", [x]) => match x.view() {
            View::Long(n) if i32::try_from(n).is_ok() => Ok(x.clone()),
            _ => Err(no_ctor(c.name)),
        },
        // Short(short) / Byte(byte) (and their String ctors).
        ("java.lang.Short" | "java.lang.Byte", [x]) => {
            let (lo, hi) = if c.name == "java.lang.Short" {
                (i16::MIN as i64, i16::MAX as i64)
            } else {
                (i8::MIN as i64, i8::MAX as i64)
            };
            let n = match x.view() {
                View::Long(n) => n,
                View::Str(s) => match s.as_str().trim_start_matches('+').parse::<i64>() {
                    Ok(n) if (lo..=hi).contains(&n) => n,
                    _ => {
                        return Err(Exception::new(
                            ExClass::NumberFormatException,
                            format!("Value out of range. Value:\"{}\" Radix:10", s.as_str()),
                        ));
                    }
                },
                _ => return Err(no_ctor(c.name)),
            };
            if (lo..=hi).contains(&n) {
                Ok(Value::long(n))
            } else {
                Err(no_ctor(c.name))
            }
        }
        ("clojure.lang.LazySeq", [f]) => Ok(Value::lazy_seq(f.clone())),
        ("clojure.lang.LispReader$StringReader", []) => Ok(Value::native_fn(
            "clojure.lang.LispReader$StringReader",
            clojure_lang::string_reader,
        )),
        ("clojure.lang.MapEntry", [k, v]) => Ok(Value::map_entry(k.clone(), v.clone())),
        ("clojure.lang.Delay", [f]) => Ok(Value::delay(f.clone())),
        ("clojure.lang.MultiFn", [n, f, d, h]) => multi::construct(n, f, d, h),
        _ => Err(no_ctor(c.name)),
    }
}

fn call_static(class: &str, member: &str, args: &[Value]) -> Result<Value> {
    if classes::resolve(class).is_none()
        && let Some(t) = user_type(class)
    {
        return match (member, args) {
            ("create", [m]) if t.kind() == types::TypeKind::Record => types::record_from_map(&t, m),
            // getBasis: the field symbols.
            ("getBasis", []) => Ok(Value::vector(t.field_names().to_vec())),
            _ => Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    "No matching method {member} found taking {} args for class {}",
                    args.len(),
                    t.name()
                ),
            )),
        };
    }
    if let Some(c) = classes::resolve(class)
        && let Some(r) = date::call_static(c.name, member, args)
    {
        return r;
    }
    lang::call_static(class, member, args)
}

pub(crate) fn no_ctor(class: &str) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("No matching ctor found for class {class}"),
    )
}

/// Reflector's message when no method of that name and arity exists.
pub(crate) fn no_method(name: &str, nargs: usize, class: &str) -> Exception {
    if nargs == 0 {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!("No matching field found: {name} for class {class}"),
        )
    } else {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!("No matching method {name} found taking {nargs} args for class {class}"),
        )
    }
}

#[cfg(test)]
mod tests;
