//! The host-interop dispatch table. The engine compiles `(new C ...)`,
//! `(.m x ...)`, `(C/m ...)` and `C/F` into calls through this table; the
//! interop layer (layer 2) installs the implementations at startup. Without
//! them every interop form throws a clear exception.

use super::class::ClassDef;
use super::error::{ExClass, Exception, Result};
use super::value::Value;
use std::sync::OnceLock;

pub struct HostTable {
    /// Is `name` a class the interop layer knows (for `C/m` and `(C. ...)`)?
    pub is_class: fn(name: &str) -> bool,
    /// The value of a class symbol used as an expression (`String`).
    pub class_value: fn(name: &str) -> Option<Value>,
    /// The registry's class `name` denotes where the code is, unless a
    /// deftype/defrecord of the current namespace shadows it.
    pub class_def: fn(name: &str) -> Option<&'static ClassDef>,
    /// `def` is the class the analyzer resolved `class` to (None for a
    /// deftype/defrecord class, found by name).
    pub new_instance:
        fn(def: Option<&'static ClassDef>, class: &str, args: &[Value]) -> Result<Value>,
    pub call_static: fn(
        def: Option<&'static ClassDef>,
        class: &str,
        member: &str,
        args: &[Value],
    ) -> Result<Value>,
    pub get_static: fn(def: Option<&'static ClassDef>, class: &str, field: &str) -> Result<Value>,
    /// `(set! (. C field) v)`: assign a settable static field.
    pub set_static: fn(class: &str, field: &str, v: &Value) -> Result<Value>,
    pub call_method: fn(target: &Value, method: &str, args: &[Value]) -> Result<Value>,
    /// `(class x)`: the class value of `x` (nil for nil).
    pub class_of: fn(v: &Value) -> Value,
    /// `(instance? C x)` for the class named `class` (fully qualified),
    /// walking the JVM supertypes and interfaces of `x`'s class.
    pub is_instance: fn(class: &str, v: &Value) -> bool,
}

static HOST: OnceLock<HostTable> = OnceLock::new();

pub fn install(t: HostTable) {
    let _ = HOST.set(t);
}

/// The fn `(set! (. C f) v)` compiles to: args are the class name, the
/// field name (strings) and the value.
pub fn set_static_native(args: &[Value]) -> Result<Value> {
    let [c, f, v] = args else {
        return missing("set! of a static field");
    };
    let (Some(c), Some(f)) = (c.as_str(), f.as_str()) else {
        return missing("set! of a static field");
    };
    match HOST.get() {
        Some(h) => (h.set_static)(c, f, v),
        None => missing(&format!("(set! {c}/{f})")),
    }
}

fn missing<T>(what: &str) -> Result<T> {
    Err(Exception::new(
        ExClass::UnsupportedOperationException,
        format!("host interop is not available: {what}"),
    ))
}

pub fn is_class(name: &str) -> bool {
    HOST.get().is_some_and(|h| (h.is_class)(name))
}
pub fn class_value(name: &str) -> Option<Value> {
    HOST.get().and_then(|h| (h.class_value)(name))
}
pub fn class_def(name: &str) -> Option<&'static ClassDef> {
    HOST.get().and_then(|h| (h.class_def)(name))
}
pub fn new_instance(def: Option<&'static ClassDef>, class: &str, args: &[Value]) -> Result<Value> {
    match HOST.get() {
        Some(h) => (h.new_instance)(def, class, args),
        None => missing(&format!("(new {class})")),
    }
}
pub fn call_static(
    def: Option<&'static ClassDef>,
    class: &str,
    member: &str,
    args: &[Value],
) -> Result<Value> {
    match HOST.get() {
        Some(h) => (h.call_static)(def, class, member, args),
        None => missing(&format!("{class}/{member}")),
    }
}
pub fn get_static(def: Option<&'static ClassDef>, class: &str, field: &str) -> Result<Value> {
    match HOST.get() {
        Some(h) => (h.get_static)(def, class, field),
        None => missing(&format!("{class}/{field}")),
    }
}
pub fn call_method(target: &Value, method: &str, args: &[Value]) -> Result<Value> {
    match HOST.get() {
        Some(h) => (h.call_method)(target, method, args),
        None => missing(&format!(".{method}")),
    }
}

/// `(class x)`; without the interop layer, a class named by `Value::class_name`.
pub fn class_of(v: &Value) -> Value {
    match HOST.get() {
        Some(h) => (h.class_of)(v),
        None if v.is_nil() => Value::NIL,
        None => Value::class(v.class_name(), false),
    }
}
/// `(instance? C x)` by class name; without the interop layer, only the
/// exact class matches.
pub fn is_instance(class: &str, v: &Value) -> bool {
    match HOST.get() {
        Some(h) => (h.is_instance)(class, v),
        None => !v.is_nil() && v.class_name() == class,
    }
}
