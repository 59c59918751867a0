//! java.util.Date and java.util.UUID: constructors, statics and methods.

use crate::builtins::inst::uuid_from;
use crate::runtime::class::ClassDef;
use crate::runtime::compare::{cast_message, compare_int};
use crate::runtime::date::{self, Date, DateKind};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::number::convert::to_long;
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

/// `(java.util.Date. ...)`, `(java.sql.Date. ...)`, `(java.sql.Timestamp.
/// ...)` / `(java.util.UUID. msb lsb)`; None: no such ctor.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(Ok(match (class, args) {
        ("java.util.Date", []) => Value::date_now(),
        ("java.util.Date", [ms]) => Value::date(ms.as_long()?),
        ("java.util.Date", [y, m, d]) => fields_date(&[y, m, d])?,
        ("java.util.Date", [y, m, d, h, min]) => fields_date(&[y, m, d, h, min])?,
        ("java.util.Date", [y, m, d, h, min, s]) => fields_date(&[y, m, d, h, min, s])?,
        ("java.sql.Date", [ms]) => Value::date_of(DateKind::Sql, ms.as_long()?),
        ("java.sql.Date", [y, m, d]) => {
            let ms = fields_date(&[y, m, d])?.as_date_millis()?;
            Value::date_of(DateKind::Sql, ms)
        }
        ("java.sql.Timestamp", [ms]) => Value::date_of(DateKind::Timestamp, ms.as_long()?),
        ("java.sql.Timestamp", [y, m, d, h, min, s, n]) => {
            let ms = fields_date(&[y, m, d, h, min, s])?.as_date_millis()?;
            return Some(timestamp(ms, n.as_long()?));
        }
        // The only 2-arg ctor: reflection coerces any number with longValue.
        ("java.util.UUID", [m, l]) => Value::uuid(long_value(m)?, long_value(l)?),
        _ => return None,
    }))
}

/// A Timestamp at the whole second of `ms` with `nanos`.
fn timestamp(ms: i64, nanos: i64) -> Result<Value> {
    let ts = Value::date_of(DateKind::Timestamp, ms);
    set_nanos(&ts, nanos)?;
    Ok(ts)
}

/// Timestamp.setNanos, with its range check.
fn set_nanos(ts: &Value, n: i64) -> Result<()> {
    if !(0..=999_999_999).contains(&n) {
        return err::illegal_arg("nanos > 999999999 or < 0");
    }
    if let View::Date(d) = ts.view() {
        d.set_nanos(n);
    }
    Ok(())
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

/// `yyyy-[m]m-[d]d` as java.sql.Date.valueOf reads it: the year, month and
/// day (unchecked beyond their digit counts), None when malformed.
fn date_digits(s: &str) -> Option<(i64, i64, i64)> {
    let mut parts = s.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, lens: std::ops::RangeInclusive<usize>| {
        (lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i64>().ok())
            .flatten()
    };
    let (y, m, d) = (digits(y, 4..=4)?, digits(m, 1..=2)?, digits(d, 1..=2)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// java.sql.Date.valueOf(String): local midnight, lenient past month ends.
fn sql_date_value_of(s: &str) -> Result<Value> {
    let Some((y, m, d)) = date_digits(s) else {
        return Err(Exception::full(
            ExClass::IllegalArgumentException,
            None,
            None,
            None,
        ));
    };
    let ms = date::millis_from_fields(y - 1900, m - 1, d, 0, 0, 0);
    Ok(Value::date_of(DateKind::Sql, ms))
}

/// java.sql.Timestamp.valueOf(String): `yyyy-[m]m-[d]d hh:mm:ss[.f...]`.
fn timestamp_value_of(s: &str) -> Result<Value> {
    let bad = || {
        Exception::new(
            ExClass::IllegalArgumentException,
            "Timestamp format must be yyyy-mm-dd hh:mm:ss[.fffffffff]",
        )
    };
    let (date_s, time_s) = s.trim().split_once(' ').ok_or_else(bad)?;
    let (y, m, d) = date_digits(date_s).ok_or_else(bad)?;
    let (hms, frac) = match time_s.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (time_s, None),
    };
    let mut hms_parts = hms.splitn(3, ':');
    let mut num = || -> Result<i64> {
        let p = hms_parts.next().ok_or_else(bad)?;
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<i64>().map_err(|_| bad())
    };
    let (h, mi, sec) = (num()?, num()?, num()?);
    let nanos = match frac {
        None => 0,
        Some(f) if (1..=9).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{f:0<9}").parse::<i64>().map_err(|_| bad())?
        }
        Some(_) => return Err(bad()),
    };
    timestamp(
        date::millis_from_fields(y - 1900, m - 1, d, h, mi, sec),
        nanos,
    )
}

fn string_arg<'a>(x: &'a Value, name: &str) -> Result<&'a str> {
    match x.view() {
        View::Str(s) => Ok(s.as_str()),
        View::Nil => err::npe(format!(
            "Cannot invoke \"String.trim()\" because \"{name}\" is null"
        )),
        _ => err::class_cast(cast_message(x.class_name(), "java.lang.String")),
    }
}

/// `(java.util.UUID/randomUUID)`, `(java.util.UUID/fromString s)`, Date.from,
/// java.sql.Date/valueOf, java.sql.Timestamp/valueOf and from.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match (class, member, args) {
        ("java.util.UUID", "randomUUID", []) => Some(Ok(Value::random_uuid())),
        ("java.util.Date", "from", [i]) => Some(super::time::millis_of(i).map(Value::date)),
        ("java.util.UUID", "fromString", [s]) => Some(uuid_from(s)),
        ("java.sql.Date", "valueOf", [x]) => Some(match super::time::local_fields(x) {
            Some([y, m, d, ..]) => {
                let ms = date::millis_from_fields(y - 1900, m - 1, d, 0, 0, 0);
                Ok(Value::date_of(DateKind::Sql, ms))
            }
            None => string_arg(x, "s").and_then(sql_date_value_of),
        }),
        ("java.sql.Timestamp", "valueOf", [x]) => Some(match super::time::local_fields(x) {
            Some([y, m, d, h, mi, s, n]) => {
                timestamp(date::millis_from_fields(y - 1900, m - 1, d, h, mi, s), n)
            }
            None => string_arg(x, "s").and_then(timestamp_value_of),
        }),
        ("java.sql.Timestamp", "from", [i]) => {
            Some(super::time::instant_parts(i).and_then(|(secs, nanos)| {
                let ms = secs.checked_mul(1000).ok_or_else(|| {
                    Exception::new(
                        ExClass::IllegalArgumentException,
                        "java.lang.ArithmeticException: long overflow",
                    )
                })?;
                timestamp(ms, nanos)
            }))
        }
        _ => None,
    }
}

/// Methods of a Date (java.util.Date, java.sql.Date, java.sql.Timestamp)
/// or UUID `target`; None: not one of them.
pub fn call_method(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    if let View::Date(d) = target.view() {
        return date_method(target, d, method, args);
    }
    let r = match (target.view(), method, args) {
        (View::Uuid(u), "getMostSignificantBits", []) => Ok(Value::long(u.most_significant_bits())),
        (View::Uuid(u), "getLeastSignificantBits", []) => {
            Ok(Value::long(u.least_significant_bits()))
        }
        (View::Uuid(u), "version", []) => Ok(Value::long(u.version())),
        (View::Uuid(u), "variant", []) => Ok(Value::long(u.variant())),
        (View::Uuid(_), "compareTo", [x]) => same_class(target, x)
            .and_then(|x| compare_int(target, x))
            .map(|c| Value::long(c.into())),
        _ => return None,
    };
    Some(r)
}

/// A Date argument (any of the family), else the JVM's NPE / cast.
fn date_arg(x: &Value) -> Result<&Date> {
    match x.view() {
        View::Date(d) => Ok(d),
        View::Nil => {
            err::npe("Cannot invoke \"java.util.Date.getTime()\" because \"when\" is null")
        }
        _ => err::class_cast(cast_message(x.class_name(), "java.util.Date")),
    }
}

fn date_method(target: &Value, d: &Date, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let kind = d.kind();
    let [y, mo, day, h, mi, s, _, dow] = d.utc_fields();
    let r = match (method, args) {
        ("getTime", []) => Ok(Value::long(d.millis())),
        ("setTime", [ms]) => to_long(ms).map(|ms| {
            d.set_millis(ms);
            Value::NIL
        }),
        ("toInstant", []) => match kind {
            DateKind::Util => Ok(super::time::instant_of_millis(d.millis())),
            DateKind::Timestamp => Ok(super::time::instant_value(
                d.millis().div_euclid(1000),
                d.nanos(),
            )),
            DateKind::Sql => Err(Exception::full(
                ExClass::UnsupportedOperationException,
                None,
                None,
                None,
            )),
        },
        ("clone", []) => {
            let c = Value::date_of(kind, d.millis());
            if kind == DateKind::Timestamp
                && let View::Date(cd) = c.view()
            {
                cd.set_nanos(d.nanos());
            }
            Ok(c)
        }
        ("before" | "after", [x]) => date_arg(x).map(|o| {
            let c = d.compare(o);
            Value::bool(if method == "before" {
                c.is_lt()
            } else {
                c.is_gt()
            })
        }),
        ("compareTo", [x]) => date_arg(x).map(|o| {
            Value::long(match d.compare(o) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            })
        }),
        ("getNanos", []) if kind == DateKind::Timestamp => Ok(Value::long(d.nanos())),
        ("setNanos", [n]) if kind == DateKind::Timestamp => to_long(n)
            .and_then(|n| set_nanos(target, n))
            .map(|_| Value::NIL),
        ("toLocalDateTime", []) if kind == DateKind::Timestamp => {
            super::time::local_value(y, mo, day, Some([h, mi, s, d.nanos()]))
        }
        ("toLocalDate", []) if kind == DateKind::Sql => super::time::local_value(y, mo, day, None),
        // java.sql.Date has no time of day.
        ("getHours" | "getMinutes" | "getSeconds", []) if kind == DateKind::Sql => Err(
            Exception::full(ExClass::IllegalArgumentException, None, None, None),
        ),
        // The deprecated field getters, in the default zone (UTC).
        ("getYear", []) => Ok(Value::long(y - 1900)),
        ("getMonth", []) => Ok(Value::long(mo - 1)),
        ("getDate", []) => Ok(Value::long(day)),
        ("getDay", []) => Ok(Value::long(dow - 1)),
        ("getHours", []) => Ok(Value::long(h)),
        ("getMinutes", []) => Ok(Value::long(mi)),
        ("getSeconds", []) => Ok(Value::long(s)),
        ("getTimezoneOffset", []) => Ok(Value::long(0)),
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
    ClassDef::class("java.sql.Timestamp")
        .extends("java.util.Date")
        .statics(&["valueOf", "from"], call_static),
    ClassDef::class("java.sql.Date")
        .extends("java.util.Date")
        .statics(&["valueOf"], call_static),
];
