//! java.util.Date and java.util.UUID: constructors, statics and methods.

use crate::builtins::inst::uuid_from;
use crate::runtime::class::ClassDef;
use crate::runtime::compare::{cast_message, compare_int};
use crate::runtime::date;
use crate::runtime::error::{Result, err};
use crate::runtime::value::{Value, View};

/// A Date or UUID argument of a method taking one (else the JVM's cast).
fn same_class<'a>(target: &Value, x: &'a Value) -> Result<&'a Value> {
    if x.class_name() == target.class_name() {
        Ok(x)
    } else if x.is_nil() {
        err::npe(match target.view() {
            View::Uuid(_) => "Cannot read field \"mostSigBits\" because \"val\" is null",
            _ => "Cannot invoke \"Object.getClass()\" because \"date\" is null",
        })
    } else {
        err::class_cast(cast_message(x.class_name(), target.class_name()))
    }
}

/// `(java.util.Date. ...)` / `(java.util.UUID. msb lsb)`; None: no such ctor.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(Ok(match (class, args) {
        ("java.util.Date", []) => Value::date_now(),
        ("java.util.Date", [ms]) => Value::date(ms.as_long()?),
        ("java.util.Date", [y, m, d]) => fields_date(&[y, m, d])?,
        ("java.util.Date", [y, m, d, h, min]) => fields_date(&[y, m, d, h, min])?,
        ("java.util.Date", [y, m, d, h, min, s]) => fields_date(&[y, m, d, h, min, s])?,
        // The only 2-arg ctor: reflection coerces any number with longValue.
        ("java.util.UUID", [m, l]) => Value::uuid(long_value(m)?, long_value(l)?),
        _ => return None,
    }))
}

/// The deprecated int-field constructors of Date.
fn fields_date(args: &[&Value]) -> Option<Value> {
    let mut f = [0i64; 6];
    for (slot, a) in f.iter_mut().zip(args) {
        *slot = a.as_long()?;
    }
    let [y, m, d, h, min, s] = f;
    Some(Value::date(date::millis_from_fields(y, m, d, h, min, s)))
}

fn long_value(x: &Value) -> Option<i64> {
    match x.view() {
        View::Long(n) => Some(n),
        View::Double(d) => Some(d as i64),
        _ => None,
    }
}

/// `(java.util.UUID/randomUUID)`, `(java.util.UUID/fromString s)`.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match (class, member, args) {
        ("java.util.UUID", "randomUUID", []) => Some(Ok(Value::random_uuid())),
        ("java.util.Date", "from", [i]) => Some(super::time::millis_of(i).map(Value::date)),
        ("java.util.UUID", "fromString", [s]) => Some(uuid_from(s)),
        _ => None,
    }
}

/// Methods of a Date or UUID `target`; None: not one of them.
pub fn call_method(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let r = match (target.view(), method, args) {
        (View::Date(d), "getTime", []) => Ok(Value::long(d.millis())),
        (View::Date(d), "toInstant", []) => Ok(super::time::instant_of_millis(d.millis())),
        (View::Date(_), "clone", []) => Ok(Value::date(target.as_date_millis()?)),
        (View::Date(d), "before" | "after", [x]) => same_class(target, x).map(|x| {
            let other = x.as_date_millis().unwrap_or_default();
            Value::bool(if method == "before" {
                d.millis() < other
            } else {
                d.millis() > other
            })
        }),
        (View::Uuid(u), "getMostSignificantBits", []) => Ok(Value::long(u.most_significant_bits())),
        (View::Uuid(u), "getLeastSignificantBits", []) => {
            Ok(Value::long(u.least_significant_bits()))
        }
        (View::Uuid(u), "version", []) => Ok(Value::long(u.version())),
        (View::Uuid(u), "variant", []) => Ok(Value::long(u.variant())),
        (View::Date(_) | View::Uuid(_), "compareTo", [x]) => same_class(target, x)
            .and_then(|x| compare_int(target, x))
            .map(|c| Value::long(c.into())),
        _ => return None,
    };
    Some(r)
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.Date")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Cloneable",
            "java.lang.Comparable",
        ])
        .statics(&["from"], call_static),
    ClassDef::class("java.text.SimpleDateFormat").extends("java.text.DateFormat"),
    ClassDef::class("java.sql.Timestamp").extends("java.util.Date"),
    ClassDef::class("java.sql.Date").extends("java.util.Date"),
    ClassDef::class("java.text.DateFormat").extends("java.text.Format"),
    ClassDef::class("java.text.Format")
        .implements(&["java.io.Serializable", "java.lang.Cloneable"]),
];
