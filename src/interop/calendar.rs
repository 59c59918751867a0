//! java.util.TimeZone (fixed offsets: GMT, UTC and custom `GMT+hh:mm`
//! IDs) and java.util.GregorianCalendar basics: fields set leniently and
//! read back, the instant computed from them in the calendar's zone when
//! asked (as Calendar does: `setTimeZone` after `set` reinterprets the
//! fields). cljw's default zone is UTC; region IDs (America/New_York) need
//! a time-zone database cljw does not carry and throw.

use crate::runtime::class::ClassDef;
use crate::runtime::date;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number::convert::to_long;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

const MS_PER_MINUTE: i64 = 60_000;

/// A TimeZone with a fixed offset from UTC.
#[derive(Clone, PartialEq)]
struct TimeZone {
    id: String,
    offset_ms: i64,
}

impl ForeignObject for TimeZone {
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        Some(other.downcast_ref::<TimeZone>() == Some(self))
    }
}

impl TimeZone {
    fn utc() -> TimeZone {
        TimeZone {
            id: "UTC".into(),
            offset_ms: 0,
        }
    }
    /// TimeZone.getTimeZone(id): GMT/UTC, `GMT[+-]h[h][[:]mm]` (normalised
    /// to `GMT+hh:mm`), anything else unparseable GMT, as the JDK does.
    fn of(id: &str) -> Result<TimeZone> {
        if id == "UTC" || id == "GMT" {
            return Ok(TimeZone {
                id: id.into(),
                offset_ms: 0,
            });
        }
        if let Some(rest) = id.strip_prefix("GMT")
            && let Some(tz) = custom_offset(rest)
        {
            return Ok(tz);
        }
        if id.contains('/') {
            return Err(Exception::new(
                ExClass::UnsupportedOperationException,
                format!("cljw does not support the time zone {id} (only fixed offsets)"),
            ));
        }
        Ok(TimeZone {
            id: "GMT".into(),
            offset_ms: 0,
        })
    }
}

/// `+h`, `+hh`, `+hmm`, `+hhmm`, `+h:mm`, `+hh:mm` after GMT (zero keeps
/// its sign: `GMT-00:00`).
fn custom_offset(s: &str) -> Option<TimeZone> {
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let body = &s[1..];
    let (h, m) = match body.split_once(':') {
        Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        Some(_) => return None,
        None if (1..=2).contains(&body.len()) => (body, "0"),
        None if body.len() == 3 => (&body[..1], &body[1..]),
        None if body.len() == 4 => (&body[..2], &body[2..]),
        None => return None,
    };
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    Some(TimeZone {
        id: format!("GMT{}{h:02}:{m:02}", if sign > 0 { '+' } else { '-' }),
        offset_ms: sign * (h * 60 + m) * MS_PER_MINUTE,
    })
}

/// The calendar fields cljw models, by Calendar's field numbers.
const YEAR: i64 = 1;
const MONTH: i64 = 2;
const DAY_OF_MONTH: i64 = 5;
const DAY_OF_WEEK: i64 = 7;
const HOUR: i64 = 10;
const HOUR_OF_DAY: i64 = 11;
const MINUTE: i64 = 12;
const SECOND: i64 = 13;
const MILLISECOND: i64 = 14;

struct CalState {
    zone: TimeZone,
    /// The instant, when computed or set; None after `set` until asked.
    millis: Option<i64>,
    /// [year, month0, day, hour, minute, second, milli] in `zone`.
    fields: [i64; 7],
}

struct Calendar(Lock<CalState>);

impl ForeignObject for Calendar {}

impl CalState {
    fn time(&mut self) -> i64 {
        if let Some(ms) = self.millis {
            return ms;
        }
        let [y, mo, d, h, mi, s, ms] = self.fields;
        let local = date::millis_from_fields(y - 1900, mo, d, h, mi, s).saturating_add(ms);
        let t = local.saturating_sub(self.zone.offset_ms);
        self.set_time(t);
        t
    }
    fn set_time(&mut self, t: i64) {
        let local = t.saturating_add(self.zone.offset_ms);
        let f = date_fields(local);
        self.fields = [f[0], f[1] - 1, f[2], f[3], f[4], f[5], f[6]];
        self.millis = Some(t);
    }
    fn get(&mut self, field: i64) -> Result<i64> {
        let t = self.time();
        let [y, mo, d, h, mi, s, ms] = self.fields;
        Ok(match field {
            YEAR => y,
            MONTH => mo,
            DAY_OF_MONTH => d,
            HOUR_OF_DAY => h,
            HOUR => h % 12,
            MINUTE => mi,
            SECOND => s,
            MILLISECOND => ms,
            DAY_OF_WEEK => date_fields(t.saturating_add(self.zone.offset_ms))[7],
            _ => return Err(unsupported_field(field)),
        })
    }
    fn set(&mut self, field: i64, v: i64) -> Result<()> {
        self.time();
        let i = match field {
            YEAR => 0,
            MONTH => 1,
            DAY_OF_MONTH => 2,
            HOUR_OF_DAY => 3,
            MINUTE => 4,
            SECOND => 5,
            MILLISECOND => 6,
            _ => return Err(unsupported_field(field)),
        };
        self.fields[i] = v;
        self.millis = None;
        Ok(())
    }
}

/// [year, month 1-12, day, hour, minute, second, milli, day of week] of
/// the instant `local` read as UTC.
fn date_fields(local: i64) -> [i64; 8] {
    match Value::date(local).view() {
        View::Date(d) => d.utc_fields(),
        _ => [1970, 1, 1, 0, 0, 0, 0, 5],
    }
}

fn unsupported_field(field: i64) -> Exception {
    Exception::new(
        ExClass::UnsupportedOperationException,
        format!("cljw does not support Calendar field {field}"),
    )
}

fn host<T: ForeignObject>(class: &'static str, x: T) -> Value {
    Value::from(Ref::new(HostObject::Foreign(class, Box::new(x))))
}

fn calendar(zone: TimeZone, millis: Option<i64>, fields: [i64; 7]) -> Value {
    let mut st = CalState {
        zone,
        millis: None,
        fields,
    };
    if let Some(t) = millis {
        st.set_time(t);
    }
    host("java.util.GregorianCalendar", Calendar(Lock::new(st)))
}

fn now_millis() -> i64 {
    match Value::date_now().view() {
        View::Date(d) => d.millis(),
        _ => 0,
    }
}

fn string_arg(v: &Value) -> Result<&str> {
    v.as_str()
        .ok_or_else(|| Exception::new(ExClass::NullPointerException, ""))
}

/// `(GregorianCalendar.)` (now) and `(GregorianCalendar. y m d [h mi [s]])`.
fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some((|| {
        if args.is_empty() {
            return Ok(calendar(TimeZone::utc(), Some(now_millis()), [0; 7]));
        }
        if !matches!(args.len(), 3 | 5 | 6) {
            return Err(super::no_ctor(class));
        }
        let mut f = [0i64; 7];
        for (slot, a) in f.iter_mut().zip(args) {
            *slot = to_long(a)?;
        }
        Ok(calendar(TimeZone::utc(), None, f))
    })())
}

fn statics(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, member, args) {
        ("java.util.TimeZone", "getTimeZone", [id]) => string_arg(id)
            .and_then(TimeZone::of)
            .map(|z| host("java.util.TimeZone", z)),
        ("java.util.TimeZone", "getDefault", []) => Ok(host("java.util.TimeZone", TimeZone::utc())),
        ("java.util.Calendar", "getInstance", []) => {
            Ok(calendar(TimeZone::utc(), Some(now_millis()), [0; 7]))
        }
        ("java.util.Calendar", "getInstance", [z]) => match zone_of(z) {
            Some(z) => Ok(calendar(z, Some(now_millis()), [0; 7])),
            None => return None,
        },
        _ => return None,
    })
}

fn fields(_: &str, field: &str) -> Option<Value> {
    Some(Value::long(match field {
        "YEAR" => YEAR,
        "MONTH" => MONTH,
        "DAY_OF_MONTH" | "DATE" => DAY_OF_MONTH,
        "DAY_OF_WEEK" => DAY_OF_WEEK,
        "HOUR" => HOUR,
        "HOUR_OF_DAY" => HOUR_OF_DAY,
        "MINUTE" => MINUTE,
        "SECOND" => SECOND,
        "MILLISECOND" => MILLISECOND,
        _ => return None,
    }))
}

fn zone_of(v: &Value) -> Option<TimeZone> {
    match v.view() {
        View::HostObject(o) => o.foreign::<TimeZone>().cloned(),
        _ => None,
    }
}

/// Methods of a TimeZone or GregorianCalendar; None when `target` is
/// neither.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    if let Some(z) = o.foreign::<TimeZone>() {
        return Some(Ok(match (method, args) {
            ("getID", []) => Value::string(z.id.clone()),
            ("getRawOffset", []) | ("getOffset", [_]) => Value::long(z.offset_ms),
            ("toZoneId", []) => return None,
            _ => return None,
        }));
    }
    let c = o.foreign::<Calendar>()?;
    let mut st = lock(&c.0);
    Some(match (method, args) {
        ("getTime", []) => Ok(Value::date(st.time())),
        ("getTimeInMillis", []) => Ok(Value::long(st.time())),
        ("setTimeInMillis", [t]) => to_long(t).map(|t| {
            st.set_time(t);
            Value::NIL
        }),
        ("setTime", [d]) => match d.as_date_millis() {
            Some(t) => {
                st.set_time(t);
                Ok(Value::NIL)
            }
            None => Err(Exception::new(
                ExClass::ClassCastException,
                crate::runtime::compare::cast_message(d.class_name(), "java.util.Date"),
            )),
        },
        ("get", [f]) => to_long(f).and_then(|f| st.get(f)).map(Value::long),
        ("set", [f, v]) => (|| {
            st.set(to_long(f)?, to_long(v)?)?;
            Ok(Value::NIL)
        })(),
        ("getTimeZone", []) => Ok(host("java.util.TimeZone", st.zone.clone())),
        ("setTimeZone", [z]) => match zone_of(z) {
            Some(z) => {
                // An instant already computed stays; pending fields are
                // read in the new zone.
                if let Some(t) = st.millis {
                    st.zone = z;
                    st.set_time(t);
                } else {
                    st.zone = z;
                }
                Ok(Value::NIL)
            }
            None => return None,
        },
        _ => return None,
    })
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.TimeZone")
        .implements(&["java.io.Serializable", "java.lang.Cloneable"])
        .statics(&["getTimeZone", "getDefault"], statics),
    ClassDef::class("java.util.Calendar")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Cloneable",
            "java.lang.Comparable",
        ])
        .statics(&["getInstance"], statics)
        .fields(
            &[
                "YEAR",
                "MONTH",
                "DAY_OF_MONTH",
                "DATE",
                "DAY_OF_WEEK",
                "HOUR",
                "HOUR_OF_DAY",
                "MINUTE",
                "SECOND",
                "MILLISECOND",
            ],
            fields,
        ),
    ClassDef::class("java.util.GregorianCalendar")
        .extends("java.util.Calendar")
        .ctor(construct),
];
