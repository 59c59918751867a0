//! java.lang.StringBuilder, `(Object.)` and `(Boolean. b)` (runtime::object).

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number;
use crate::runtime::object::HostObject;
use crate::runtime::printer;
use crate::runtime::value::{Value, View};

fn wrap(o: HostObject) -> Value {
    Value::from(Ref::new(o))
}

/// `(Object.)`, `(Boolean. x)`, `(StringBuilder. ...)`; None for other classes.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, args) {
        ("java.lang.Object", []) => Ok(wrap(HostObject::Object)),
        // Boolean(String) is true only for "true", ignoring case.
        ("java.lang.Boolean", [x]) => match x.view() {
            View::Bool(b) => Ok(wrap(HostObject::Boolean(b))),
            View::Str(s) => Ok(wrap(HostObject::Boolean(
                s.as_str().eq_ignore_ascii_case("true"),
            ))),
            View::Nil => Ok(wrap(HostObject::Boolean(false))),
            _ => return None,
        },
        ("java.lang.StringBuilder", []) => Ok(builder(String::new())),
        ("java.lang.StringBuilder", [x]) => match x.view() {
            // StringBuilder(int capacity)
            View::Long(_) => Ok(builder(String::new())),
            View::Str(s) => Ok(builder(s.as_str().to_string())),
            _ => return None,
        },
        _ => return None,
    })
}

fn builder(s: String) -> Value {
    wrap(HostObject::StringBuilder(Lock::new(s)))
}

/// Java's String.valueOf for append/insert.
fn text(v: &Value) -> Result<String> {
    Ok(match v.view() {
        View::Nil => "null".to_string(),
        _ => printer::str_value(v)?,
    })
}

fn ioobe(msg: String) -> Exception {
    Exception::new(ExClass::StringIndexOutOfBoundsException, msg)
}

/// Byte offset of UTF-16 index `i` in `s` (chars outside the BMP count 2).
fn byte_index(s: &str, i: i64) -> Option<usize> {
    let mut units = 0i64;
    for (b, c) in s.char_indices() {
        if units == i {
            return Some(b);
        }
        units += c.len_utf16() as i64;
    }
    (units == i).then_some(s.len())
}

/// StringBuilder methods; None when `target` is not a builder or the
/// method is unknown.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(HostObject::StringBuilder(sb)) = target.view() else {
        return None;
    };
    let r = (|| -> Result<Option<Value>> {
        Ok(Some(match (method, args) {
            ("append", [x]) => {
                let t = text(x)?;
                lock(sb).push_str(&t);
                target.clone()
            }
            ("toString", []) => Value::string(lock(sb).as_str()),
            ("length", []) => Value::long(lock(sb).encode_utf16().count() as i64),
            ("reverse", []) => {
                let mut s = lock(sb);
                *s = s.chars().rev().collect();
                target.clone()
            }
            ("insert", [i, x]) => {
                let t = text(x)?;
                let i = number::to_long(i)?;
                let mut s = lock(sb);
                let len = s.encode_utf16().count();
                match byte_index(&s, i) {
                    Some(b) => s.insert_str(b, &t),
                    None => return Err(ioobe(format!("offset {i}, length {len}"))),
                }
                target.clone()
            }
            ("setLength", [n]) => {
                let n = number::to_long(n)?;
                let mut s = lock(sb);
                if n < 0 {
                    return Err(ioobe(format!("String index out of range: {n}")));
                }
                match byte_index(&s, n) {
                    Some(b) => s.truncate(b),
                    None => {
                        let len = s.encode_utf16().count() as i64;
                        for _ in len..n {
                            s.push('\0');
                        }
                    }
                }
                Value::NIL
            }
            ("charAt", [i]) => {
                let i = number::to_long(i)?;
                let s = lock(sb);
                match byte_index(&s, i).and_then(|b| s[b..].chars().next()) {
                    Some(c) => Value::char(c),
                    None => {
                        let len = s.encode_utf16().count();
                        return Err(ioobe(format!("index {i},length {len}")));
                    }
                }
            }
            _ => return Ok(None),
        }))
    })();
    match r {
        Ok(Some(v)) => Some(Ok(v)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

