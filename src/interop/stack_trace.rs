//! java.lang.StackTraceElement, and the stack-trace and suppression members
//! of Throwable and Thread.
//!
//! cljw records a Clojure frame (`ns/fn (file:line)`) on an exception while
//! it unwinds, not the whole stack at construction as the JVM does, and it
//! keeps no live record of the frames of running code: `getStackTrace` of a
//! thrown exception lists the frames it unwound through, and
//! `Thread.getStackTrace` the two frames every JVM trace has at its ends.

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result, StackTraceElement};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number::convert::to_long;
use crate::runtime::object::HostObject;
use crate::runtime::value::{Value, View};

const TRACE_ARRAY: &str = "[Ljava.lang.StackTraceElement;";
const THROWABLE_ARRAY: &str = "[Ljava.lang.Throwable;";

fn element(e: StackTraceElement) -> Value {
    Value::from(Ref::new(HostObject::StackTraceElement(e)))
}

fn array(class: &'static str, items: Vec<Value>) -> Value {
    Value::from(Ref::new(HostObject::Array(class, Lock::new(items))))
}

fn trace_array(t: Vec<StackTraceElement>) -> Value {
    array(TRACE_ARRAY, t.into_iter().map(element).collect())
}

fn npe(what: &str) -> Exception {
    Exception::new(ExClass::NullPointerException, what.to_string())
}

pub(super) static CLASSES: &[ClassDef] = &[ClassDef::class("java.lang.StackTraceElement")
    .implements(&["java.io.Serializable"])
    .ctor(construct)];

/// `(StackTraceElement. class method file line)`.
fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    let [c, m, f, l] = args else {
        return Some(Err(super::no_ctor(class)));
    };
    Some((|| {
        let text = |v: &Value, what: &str| match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None if v.is_nil() => Err(npe(what)),
            None => Err(super::no_ctor(class)),
        };
        let file = match f.as_str() {
            Some(s) => Some(s.to_string()),
            None if f.is_nil() => None,
            None => return Err(super::no_ctor(class)),
        };
        let line = i32::try_from(to_long(l)?).map_err(|_| super::no_ctor(class))?;
        Ok(element(StackTraceElement {
            module: None,
            class: text(c, "Declaring class is null")?,
            method: text(m, "Method name is null")?,
            file,
            line,
        }))
    })())
}

/// Methods of a StackTraceElement; None when `target` is not one.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(HostObject::StackTraceElement(e)) = target.view() else {
        return None;
    };
    Some(Ok(match (method, args) {
        ("getClassName", []) => Value::string(&e.class),
        ("getMethodName", []) => Value::string(&e.method),
        ("getFileName", []) => e.file.as_deref().map_or(Value::NIL, Value::string),
        ("getLineNumber", []) => Value::long(i64::from(e.line)),
        ("isNativeMethod", []) => Value::bool(e.line == -2),
        ("getModuleName", []) => e.module.map_or(Value::NIL, Value::string),
        ("getModuleVersion" | "getClassLoaderName", []) => Value::NIL,
        ("toString", []) => Value::string(e.java_string()),
        ("equals", [o]) => Value::bool(
            matches!(o.view(), View::HostObject(HostObject::StackTraceElement(x)) if x == e),
        ),
        _ => return None,
    }))
}

/// Throwable's getStackTrace / setStackTrace / addSuppressed /
/// getSuppressed; None for other methods.
pub fn throwable_call(e: &Exception, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("getStackTrace", []) => Ok(trace_array(e.stack_trace())),
        ("setStackTrace", [t]) => set_stack_trace(e, t),
        ("getSuppressed", []) => Ok(array(
            THROWABLE_ARRAY,
            e.suppressed().into_iter().map(Value::from).collect(),
        )),
        ("addSuppressed", [s]) => match s.as_exception() {
            Some(s) if s.ptr_eq(e) => Err(Exception::full(
                ExClass::IllegalArgumentException,
                Some("Self-suppression not permitted".to_string()),
                None,
                Some(s),
            )),
            Some(s) => {
                e.add_suppressed(s);
                Ok(Value::NIL)
            }
            None if s.is_nil() => Err(npe("Cannot suppress a null exception.")),
            None => Err(super::no_method("addSuppressed", 1, e.class().name())),
        },
        _ => return None,
    })
}

/// Throwable.setStackTrace: copies the array; a null array or element is
/// a NullPointerException.
fn set_stack_trace(e: &Exception, t: &Value) -> Result<Value> {
    let items = match t.view() {
        View::HostObject(HostObject::Array(_, items)) => lock(items).clone(),
        View::Nil => return Err(npe("stackTrace")),
        _ => return Err(super::no_method("setStackTrace", 1, e.class().name())),
    };
    let mut trace = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        match x.view() {
            View::HostObject(HostObject::StackTraceElement(el)) => trace.push(el.clone()),
            View::Nil => return Err(npe(&format!("stackTrace[{i}]"))),
            // Not a StackTraceElement[]: Reflector finds no such method.
            _ => return Err(super::no_method("setStackTrace", 1, e.class().name())),
        }
    }
    e.set_stack_trace(trace);
    Ok(Value::NIL)
}

/// Thread.getStackTrace: the JVM's trace begins with this call's own frame
/// and ends at the program's entry point; cljw keeps no record of the
/// running Clojure frames between them.
pub fn thread_stack_trace() -> Value {
    trace_array(vec![
        StackTraceElement {
            module: Some("java.base"),
            class: "java.lang.Thread".to_string(),
            method: "getStackTrace".to_string(),
            file: Some("Thread.java".to_string()),
            line: 1619,
        },
        StackTraceElement {
            module: None,
            class: "clojure.main".to_string(),
            method: "main".to_string(),
            file: Some("main.java".to_string()),
            line: 40,
        },
    ])
}
