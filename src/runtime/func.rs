//! Function objects and the call-dispatch table.
//!
//! runtime/ must call closures (a `reduce` with a user fn, a lazy-seq thunk)
//! without importing the engine: the engine installs its invoke function here
//! at startup, and `invoke` routes native fns, keywords, maps, sets and vectors
//! itself.

use super::error::{ExClass, Exception, Result};
use super::value::Value;
use std::any::Any;
use std::sync::OnceLock;

/// A builtin implemented in Rust.
pub type NativeFnPtr = fn(&[Value]) -> Result<Value>;

/// An engine's closure data, shared so `with-meta` can copy a fn cheaply.
#[cfg(feature = "threads")]
pub type ClosureBody = super::gc::Ref<dyn Any + Send + Sync>;
#[cfg(not(feature = "threads"))]
pub type ClosureBody = super::gc::Ref<dyn Any>;

pub enum FnKind {
    Native(NativeFnPtr),
    /// Engine-defined closure; only the engine that made it knows its shape.
    Closure(ClosureBody),
}

pub struct Fn {
    pub name: Option<String>,
    pub kind: FnKind,
    pub meta: Option<Value>,
}

/// Installed by the engine: invoke a closure it created. Gets the fn value
/// itself too (a named fn refers to itself through its frame).
pub type InvokeHook = fn(&Value, &Fn, &[Value]) -> Result<Value>;
static INVOKE_HOOK: OnceLock<InvokeHook> = OnceLock::new();

/// Called once by the engine at startup.
pub fn install_invoke_hook(h: InvokeHook) {
    let _ = INVOKE_HOOK.set(h);
}

/// Call a fn value (`fv` is the Value whose view is `f`).
#[inline]
pub fn invoke_fn(fv: &Value, f: &Fn, args: &[Value]) -> Result<Value> {
    match &f.kind {
        FnKind::Native(p) => p(args),
        FnKind::Closure(_) => match INVOKE_HOOK.get() {
            Some(h) => h(fv, f, args),
            None => Err(Exception::new(
                ExClass::IllegalStateException,
                "no engine installed to call closures",
            )),
        },
    }
}

/// Call any fn-like value: fns, keywords, symbols, maps, sets, vectors, vars.
/// (Completed by the seq layer's version; engine-side minimal dispatch.)
pub fn invoke(f: &Value, args: &[Value]) -> Result<Value> {
    use super::value::View;
    match f.view() {
        View::Fn(func) => invoke_fn(f, func, args),
        View::Var(v) => invoke(&v.deref()?, args),
        View::Keyword(_) | View::Symbol(_) => match args {
            [m] => Ok(super::lookup::get(m, f)),
            [m, d] => {
                let r = super::lookup::get(m, f);
                Ok(if r.is_nil() { d.clone() } else { r })
            }
            _ => Err(Exception::new(
                ExClass::ArityException,
                format!(
                    "Wrong number of args ({}) passed to: {}",
                    args.len(),
                    f.class_name()
                ),
            )),
        },
        View::ArrayMap(_) | View::HashMap(_) | View::HashSet(_) => match args {
            [k] => Ok(super::lookup::get(f, k)),
            [k, d] => {
                let r = super::lookup::get(f, k);
                Ok(if r.is_nil() { d.clone() } else { r })
            }
            _ => Err(Exception::new(
                ExClass::ArityException,
                format!(
                    "Wrong number of args ({}) passed to: {}",
                    args.len(),
                    f.class_name()
                ),
            )),
        },
        View::Vector(v) => match args {
            [i] => match i.as_long() {
                Some(n) if n >= 0 && (n as usize) < v.count() => {
                    Ok(v.nth(n as usize).cloned().unwrap_or(Value::NIL))
                }
                Some(_) => Err(Exception::new(ExClass::IndexOutOfBoundsException, "")),
                None => Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    "Key must be integer",
                )),
            },
            _ => Err(Exception::new(
                ExClass::ArityException,
                format!(
                    "Wrong number of args ({}) passed to: {}",
                    args.len(),
                    f.class_name()
                ),
            )),
        },
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class clojure.lang.IFn",
                f.class_name()
            ),
        )),
    }
}

impl Fn {
    pub fn native(name: &str, f: NativeFnPtr) -> Fn {
        Fn {
            name: Some(name.to_string()),
            kind: FnKind::Native(f),
            meta: None,
        }
    }
    /// The same fn with other metadata.
    pub fn with_meta(&self, meta: Option<Value>) -> Fn {
        Fn {
            name: self.name.clone(),
            kind: match &self.kind {
                FnKind::Native(p) => FnKind::Native(*p),
                FnKind::Closure(c) => FnKind::Closure(c.clone()),
            },
            meta,
        }
    }
}

impl Value {
    /// A builtin fn value.
    pub fn native_fn(name: &str, f: NativeFnPtr) -> Value {
        Value::from(super::gc::Ref::new(Fn::native(name, f)))
    }
}
