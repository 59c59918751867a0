//! LAYER 2: host-class shims. The JVM classes a program can name, and the
//! implementations behind `(new C ...)`, `(C/m ...)`, `C/F` and
//! `(.m x ...)`, installed into `runtime::host`.
//!
//! ## The class registry: how to add a class
//!
//! Every class is ONE `ClassDef` (`runtime::class`) in the `CLASSES` table
//! of the area file it belongs to (lang.rs java.lang, number.rs java.math,
//! clojure_lang.rs, io.rs java.io/nio, regex.rs, date.rs java.time & co,
//! jdk.rs the rest of the JDK; a new area file adds its table to
//! `classes::tables`). Exception classes come from `ExClass`. An entry:
//!
//! ```ignore
//! ClassDef::class("java.util.UUID")             // or ClassDef::interface(..)
//!     .extends("java.lang.Number")              // omit when it is Object
//!     .implements(&["java.io.Serializable", "java.lang.Comparable"])
//!     .ctor(construct)                          // fn(class, args) -> Option<Result<Value>>
//!     .statics(&["randomUUID", "fromString"], call_static) // names + fn(class, member, args)
//!     .fields(&["MAX_VALUE"], get_static),      // names + fn(class, field) -> Option<Value>
//! ```
//!
//! The hooks return None when no overload takes the args (the caller then
//! throws the JVM's "No matching ..." message). The analyzer resolves a
//! class once, at compile time; list every static method and field the
//! hook answers (a listed name the JVM lacks fails a unit test). List the
//! JVM's direct superclass and interfaces exactly (`bases`, `supers`,
//! `instance?`, `isa?` and catch walk them); each named supertype needs its
//! own entry (a unit test checks). Classes without a `ctor` hook fall back
//! to `new_instance`'s match by name. Instance methods dispatch on the
//! value (`object::call_method`).
//!
//! After adding classes, run `scripts/jvm-members.sh` (needs JVM Clojure):
//! it records the JVM's members of every registry class in
//! `jvm_members.txt`, which tells a member the JVM lacks (the JVM's error,
//! at compile time for statics) from one cljw lacks ("... is not supported
//! by cljw"). A class missing from that file is simply not checked. Then
//! run `scripts/jvm-int-members.sh`: it records the members the JVM types
//! int, short or byte in `jvm_int_members.txt`, and the hooks' integer
//! results for those come back as Integer/Short/Byte (`int_members`).
//! And `scripts/jvm-ctors.sh`: it records each class's public constructors
//! in `jvm_ctors.txt`, which `Class.getConstructors` answers from.

pub(crate) mod base64;
mod builder;
mod calendar;
mod charset;
mod classes;
mod clojure_lang;
mod coll;
mod concurrent;
mod date;
mod exceptions;
#[cfg(feature = "threads")]
mod executor;
mod int_members;
mod io;
mod jdk;
mod jset;
mod lang;
mod lib_classes;
mod logging;
mod math;
mod multi;
mod number;
mod object;
mod reflect;
mod regex;
mod simple_date_format;
mod stack_trace;
mod string;
mod thread;
mod time;
mod tokenizer;
mod url;
mod xml;

pub use calendar::calendar_at;
pub use simple_date_format::{format_pattern, format_time};
pub use thread::at_exit;
pub use time::instant_text;
use time::temporal_parts;

pub use classes::{all_names as class_names, class_of, is_instance};

use crate::runtime::class::{ClassDef, Member, jvm_has};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::host::{self, HostTable};
use crate::runtime::types;
use crate::runtime::value::{Value, View};

/// Install the interop table (idempotent).
pub fn install() {
    classes::install();
    host::install(HostTable {
        is_class: |name| {
            local_type(name).is_some()
                || classes::resolve(name).is_some()
                || user_type(name).is_some()
        },
        class_value,
        class_def,
        new_instance,
        call_static,
        get_static,
        set_static: clojure_lang::set_static,
        call_method,
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
        return Some(c.value());
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

/// The registry class `name` denotes here, unless a type defined in the
/// current namespace shadows it.
fn class_def(name: &str) -> Option<&'static ClassDef> {
    if local_type(name).is_some() {
        return None;
    }
    classes::resolve(name)
}

/// What a class name the analyzer did not resolve denotes at run time.
enum Named {
    User(crate::runtime::gc::Ref<types::TypeDef>),
    Def(&'static ClassDef),
    Unknown,
}

/// A deftype/defrecord class of the current namespace, else the registry's
/// class, else any namespace's user type of that name.
fn named(class: &str) -> Named {
    if let Some(t) = local_type(class) {
        return Named::User(t);
    }
    match (classes::resolve(class), user_type(class)) {
        (Some(d), _) => Named::Def(d),
        (None, Some(t)) => Named::User(t),
        (None, None) => Named::Unknown,
    }
}

fn new_instance(def: Option<&'static ClassDef>, class: &str, args: &[Value]) -> Result<Value> {
    let c = match def {
        Some(d) => d,
        None => match named(class) {
            Named::User(t) => return types::construct(&t, args),
            Named::Def(d) => d,
            Named::Unknown => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!("Unable to resolve classname: {class}"),
                ));
            }
        },
    };
    if let Some(f) = c.ctor
        && let Some(r) = f(c.name, args)
    {
        return r;
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
    match (c.name, args) {
        ("java.io.StringWriter", []) => Ok(crate::runtime::io::Writer::string()),
        // PrintWriter(Writer): printing through it lands in the wrapped
        // writer, so the wrapped writer itself stands in for it.
        ("java.io.PrintWriter", [w]) if matches!(w.view(), View::Writer(_)) => Ok(w.clone()),
        // Long(long) / Long(String), Integer(int) / Integer(String).
        // nil can only be the String: parseLong(null)'s exception.
        ("java.lang.Long" | "java.lang.Integer", [x]) if x.is_string() || x.is_nil() => {
            call_static(Some(c), c.name, "valueOf", args)
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
        // PersistentArrayMap(Object[] init): keys and values in turn, taken
        // as they are (no duplicate check).
        ("clojure.lang.PersistentArrayMap", [init]) => {
            let kvs: Vec<Value> = crate::runtime::seq::iter(init).collect::<Result<_>>()?;
            Ok(Value::map_from_flat(kvs))
        }
        ("clojure.lang.Delay", [f]) => Ok(Value::delay(f.clone())),
        ("clojure.lang.MultiFn", [n, f, d, h]) => multi::construct(n, f, d, h),
        _ => Err(no_ctor(c.name)),
    }
}

/// `(.m x ...)`: the method's result boxed at its JVM width (`int_members`).
fn call_method(target: &Value, method: &str, args: &[Value]) -> Result<Value> {
    let v = object::call_method(target, method, args)?;
    Ok(int_members::box_result(
        target.class_name(),
        int_members::Kind::Method,
        method,
        v,
    ))
}

/// `(C/m ...)`: the method's result boxed at its JVM width.
fn call_static(
    def: Option<&'static ClassDef>,
    class: &str,
    member: &str,
    args: &[Value],
) -> Result<Value> {
    let v = call_static_raw(def, class, member, args)?;
    let name = def.map_or(class, |d| d.name);
    Ok(int_members::box_result(
        name,
        int_members::Kind::Static,
        member,
        v,
    ))
}

fn call_static_raw(
    def: Option<&'static ClassDef>,
    class: &str,
    member: &str,
    args: &[Value],
) -> Result<Value> {
    let c = match def {
        Some(d) => d,
        None => match named(class) {
            Named::User(t) => return user_static(&t, member, args),
            Named::Def(d) => d,
            Named::Unknown => return Err(no_namespace(class)),
        },
    };
    match c.statics.and_then(|f| f(c.name, member, args)) {
        Some(r) => r,
        // `(. C FIELD)`: a static field read when no method matched.
        None if args.is_empty() && c.has_static_field(member) => {
            get_static(Some(c), c.name, member)
        }
        None if args.is_empty() && jvm_has(c, member, Member::StaticField) == Some(true) => {
            Err(unsupported(c, member))
        }
        None if !c.has_static_method(member)
            && jvm_has(c, member, Member::StaticMethod) == Some(true) =>
        {
            Err(unsupported(c, member))
        }
        None => Err(no_static_method(member, args.len(), c.name)),
    }
}

/// `(R/create m)`, `(T/getBasis)` of a deftype/defrecord class.
fn user_static(
    t: &crate::runtime::gc::Ref<types::TypeDef>,
    member: &str,
    args: &[Value],
) -> Result<Value> {
    match (member, args) {
        ("create", [m]) if t.kind() == types::TypeKind::Record => types::record_from_map(t, m),
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
    }
}

fn get_static(def: Option<&'static ClassDef>, class: &str, field: &str) -> Result<Value> {
    let c = match def.or_else(|| classes::resolve(class)) {
        Some(d) => d,
        None => return Err(no_namespace(class)),
    };
    match c.fields.and_then(|f| f(c.name, field)) {
        Some(v) => Ok(int_members::box_result(
            c.name,
            int_members::Kind::Field,
            field,
            v,
        )),
        None if jvm_has(c, field, Member::StaticField) == Some(true) => Err(unsupported(c, field)),
        None => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("Unable to find static field: {field} in class {}", c.name),
        )),
    }
}

/// A static member the JVM's class has and cljw does not model.
fn unsupported(c: &ClassDef, member: &str) -> Exception {
    Exception::new(
        ExClass::UnsupportedOperationException,
        format!("{}/{member} is not supported by cljw", c.name),
    )
}

fn no_namespace(class: &str) -> Exception {
    Exception::new(
        ExClass::RuntimeException,
        format!("No such namespace: {class}"),
    )
}

pub(crate) fn no_ctor(class: &str) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("No matching ctor found for class {class}"),
    )
}

/// The message when no static method of that name takes `nargs` args.
pub(crate) fn no_static_method(name: &str, nargs: usize, class: &str) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("No matching method {name} found taking {nargs} args for class {class}"),
    )
}

/// Reflector's message when no method of that name and arity exists.
pub(crate) fn no_method(name: &str, nargs: usize, class: &str) -> Exception {
    if let Some(d) = crate::runtime::class::find(class)
        && jvm_has(d, name, Member::Method) == Some(true)
    {
        return Exception::new(
            ExClass::UnsupportedOperationException,
            format!("{class}.{name} taking {nargs} args is not supported by cljw"),
        );
    }
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
