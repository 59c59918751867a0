//! Throwable constructors and methods.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::printer;
use crate::runtime::value::{Value, View};

/// `(new C args)` for an exception class, with Throwable's constructors:
/// `()`, `(msg)`, `(msg cause)`, `(cause)`; ExceptionInfo takes
/// `(msg data)` and `(msg data cause)`.
pub fn construct(class: ExClass, args: &[Value]) -> Result<Value> {
    let msg = |v: &Value| -> Option<Option<String>> {
        match v.view() {
            View::Nil => Some(None),
            View::Str(s) => Some(Some(s.as_str().to_string())),
            _ => None,
        }
    };
    let no_ctor = || super::no_ctor(class.name());
    if class == ExClass::ExceptionInfo {
        let (m, data, cause) = match args {
            [m, d] => (m, d, None),
            [m, d, c] => (m, d, Some(c)),
            _ => return Err(no_ctor()),
        };
        let m = msg(m).ok_or_else(no_ctor)?;
        if data.is_nil() {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                "Additional data must be non-nil.",
            ));
        }
        let cause = match cause {
            None => None,
            Some(c) if c.is_nil() => None,
            Some(c) => Some(c.as_exception().ok_or_else(no_ctor)?),
        };
        return Ok(Value::from(Exception::full(
            class,
            m,
            Some(data.clone()),
            cause,
        )));
    }
    let (m, cause) = match args {
        [] => (None, None),
        [a] => match a.as_exception() {
            // Throwable(Throwable cause): the message is cause.toString().
            Some(c) => (Some(throwable_string(&c)), Some(c)),
            None => (msg(a).ok_or_else(no_ctor)?, None),
        },
        [a, c] => {
            let m = msg(a).ok_or_else(no_ctor)?;
            let c = if c.is_nil() {
                None
            } else {
                Some(c.as_exception().ok_or_else(no_ctor)?)
            };
            (m, c)
        }
        _ => return Err(no_ctor()),
    };
    Ok(Value::from(Exception::full(class, m, None, cause)))
}

/// Throwable.toString().
pub fn throwable_string(e: &Exception) -> String {
    printer::str_value(&Value::from(e.clone())).unwrap_or_else(|_| e.class().name().to_string())
}

/// Methods of Throwable and ExceptionInfo; None when `name` is not one.
pub fn call(e: &Exception, name: &str, args: &[Value]) -> Option<Result<Value>> {
    let opt_str = |s: Option<&str>| s.map(Value::string).unwrap_or(Value::NIL);
    Some(Ok(match (name, args) {
        ("getMessage" | "getLocalizedMessage", []) => opt_str(e.message()),
        ("getCause", []) => e
            .cause()
            .map(|c| Value::from(c.clone()))
            .unwrap_or(Value::NIL),
        ("getData", [])
            if matches!(
                e.class(),
                ExClass::ExceptionInfo | ExClass::CompilerException
            ) =>
        {
            e.data().cloned().unwrap_or(Value::NIL)
        }
        ("toString", []) => Value::string(throwable_string(e)),
        ("fillInStackTrace", []) => Value::from(e.clone()),
        ("printStackTrace", []) => {
            let text = format!("{}\n", throwable_string(e));
            return Some(
                crate::runtime::io::write_to(&crate::runtime::io::Writer::stderr(), &text)
                    .map(|_| Value::NIL),
            );
        }
        _ => return super::stack_trace::throwable_call(e, name, args),
    }))
}
