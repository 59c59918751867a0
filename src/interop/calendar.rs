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
    fn hash_code(&self) -> Option<i32> {
        Some(
            self.id
                .bytes()
                .fold(0i32, |h, b| h.wrapping_mul(31).wrapping_add(b as i32)),
        )
    }
    /// ZoneInfo.toString.
    fn java_string(&self, _: &str) -> String {
        format!(
            "sun.util.calendar.ZoneInfo[id=\"{}\",offset={},dstSavings=0,useDaylight=false,transitions=0,lastRule=null]",
            self.id, self.offset_ms
        )
    }
}

/// The zero-offset IDs TimeZone.getTimeZone keeps as given.
const UTC_IDS: &[&str] = &[
    "UTC",
    "GMT",
    "UT",
    "UCT",
    "Universal",
    "Zulu",
    "Greenwich",
    "GMT0",
    "Etc/UTC",
    "Etc/GMT",
    "Etc/UCT",
    "Etc/Universal",
    "Etc/Zulu",
    "Etc/Greenwich",
    "Etc/GMT0",
    "Etc/GMT+0",
    "Etc/GMT-0",
];

impl TimeZone {
    /// TimeZone.getDefault: cljw's default zone is UTC, named as `TZ`
    /// names it when that is a UTC alias (the JVM reads `TZ` too).
    fn utc() -> TimeZone {
        let id = std::env::var("TZ")
            .ok()
            .filter(|tz| UTC_IDS.contains(&tz.as_str()))
            .unwrap_or_else(|| "UTC".into());
        TimeZone { id, offset_ms: 0 }
    }
    /// TimeZone.getTimeZone(id): GMT/UTC, `GMT[+-]h[h][[:]mm]` (normalised
    /// to `GMT+hh:mm`), anything else unparseable GMT, as the JDK does.
    fn of(id: &str) -> Result<TimeZone> {
        if UTC_IDS.contains(&id) {
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

/// Calendar's field numbers (the ones cljw reads or writes).
const ERA: i64 = 0;
const YEAR: i64 = 1;
const MONTH: i64 = 2;
const DAY_OF_MONTH: i64 = 5;
const DAY_OF_YEAR: i64 = 6;
const DAY_OF_WEEK: i64 = 7;
const AM_PM: i64 = 9;
const HOUR: i64 = 10;
const HOUR_OF_DAY: i64 = 11;
const MINUTE: i64 = 12;
const SECOND: i64 = 13;
const MILLISECOND: i64 = 14;
const ZONE_OFFSET: i64 = 15;
const DST_OFFSET: i64 = 16;

/// Calendar's static int fields: the field numbers and the month, day
/// and AM/PM constants.
const FIELDS: &[(&str, i64)] = &[
    ("ERA", ERA),
    ("YEAR", YEAR),
    ("MONTH", MONTH),
    ("WEEK_OF_YEAR", 3),
    ("WEEK_OF_MONTH", 4),
    ("DATE", DAY_OF_MONTH),
    ("DAY_OF_MONTH", DAY_OF_MONTH),
    ("DAY_OF_YEAR", DAY_OF_YEAR),
    ("DAY_OF_WEEK", DAY_OF_WEEK),
    ("DAY_OF_WEEK_IN_MONTH", 8),
    ("AM_PM", AM_PM),
    ("HOUR", HOUR),
    ("HOUR_OF_DAY", HOUR_OF_DAY),
    ("MINUTE", MINUTE),
    ("SECOND", SECOND),
    ("MILLISECOND", MILLISECOND),
    ("ZONE_OFFSET", ZONE_OFFSET),
    ("DST_OFFSET", DST_OFFSET),
    ("FIELD_COUNT", 17),
    ("JANUARY", 0),
    ("FEBRUARY", 1),
    ("MARCH", 2),
    ("APRIL", 3),
    ("MAY", 4),
    ("JUNE", 5),
    ("JULY", 6),
    ("AUGUST", 7),
    ("SEPTEMBER", 8),
    ("OCTOBER", 9),
    ("NOVEMBER", 10),
    ("DECEMBER", 11),
    ("UNDECIMBER", 12),
    ("SUNDAY", 1),
    ("MONDAY", 2),
    ("TUESDAY", 3),
    ("WEDNESDAY", 4),
    ("THURSDAY", 5),
    ("FRIDAY", 6),
    ("SATURDAY", 7),
    ("AM", 0),
    ("PM", 1),
    ("BC", 0),
    ("AD", 1),
];

struct CalState {
    zone: TimeZone,
    /// The instant, when computed or set; None after `set` until asked.
    millis: Option<i64>,
    /// [year, month0, day, hour, minute, second, milli] in `zone`.
    fields: [i64; 7],
}

/// A java.util.GregorianCalendar (mutable, as on the JVM).
pub(crate) struct Calendar(Lock<CalState>);

impl Calendar {
    /// The instant and the zone offset (clojure.instant's print-calendar).
    fn snapshot(&self) -> (i64, i64) {
        let mut st = lock(&self.0);
        let t = st.time();
        (t, st.zone.offset_ms)
    }
}

impl ForeignObject for Calendar {
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        let o = other.downcast_ref::<Calendar>()?;
        if std::ptr::eq(self, o) {
            return Some(true);
        }
        let (t, zone) = {
            let mut st = lock(&self.0);
            (st.time(), st.zone.clone())
        };
        let mut ot = lock(&o.0);
        Some(t == ot.time() && zone == ot.zone)
    }
    /// Consistent with equals (the instant), not the JVM's value.
    fn hash_code(&self) -> Option<i32> {
        let (t, _) = self.snapshot();
        Some((t ^ (t >> 32)) as i32)
    }
    fn compare_to(&self, other: &dyn ForeignObject) -> Option<std::cmp::Ordering> {
        let o = other.downcast_ref::<Calendar>()?;
        if std::ptr::eq(self, o) {
            return Some(std::cmp::Ordering::Equal);
        }
        let (t, _) = self.snapshot();
        let (u, _) = o.snapshot();
        Some(t.cmp(&u))
    }
    fn comparable(&self) -> bool {
        true
    }
    /// clojure.instant's print-calendar: RFC 3339 in the calendar's zone.
    fn print_method(&self) -> Option<String> {
        let (t, offset) = self.snapshot();
        let [y, mo, d, h, mi, s, ms, _] = date_fields(t.saturating_add(offset));
        let (sign, off) = if offset < 0 {
            ('-', -offset)
        } else {
            ('+', offset)
        };
        let off_min = off / MS_PER_MINUTE;
        Some(format!(
            "#inst \"{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}{sign}{:02}:{:02}\"",
            off_min / 60,
            off_min % 60
        ))
    }
}

impl CalState {
    fn time(&mut self) -> i64 {
        if let Some(ms) = self.millis {
            return ms;
        }
        let [y, mo, d, h, mi, s, ms] = self.fields;
        let local =
            date::millis_from_fields(y.saturating_sub(1900), mo, d, h, mi, s).saturating_add(ms);
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
        let local = t.saturating_add(self.zone.offset_ms);
        Ok(match field {
            ERA => i64::from(local >= ERA_START_MS),
            YEAR => y,
            MONTH => mo,
            DAY_OF_MONTH => d,
            DAY_OF_YEAR => {
                let jan1 = date::millis_from_fields(y - 1900, 0, 1, 0, 0, 0);
                local.saturating_sub(jan1).div_euclid(86_400_000) + 1
            }
            DAY_OF_WEEK => date_fields(local)[7],
            AM_PM => i64::from(h >= 12),
            HOUR_OF_DAY => h,
            HOUR => h % 12,
            MINUTE => mi,
            SECOND => s,
            MILLISECOND => ms,
            ZONE_OFFSET => self.zone.offset_ms,
            DST_OFFSET => 0,
            _ => return Err(unsupported_field(field)),
        })
    }
    fn set(&mut self, field: i64, v: i64) -> Result<()> {
        self.time();
        let f = &mut self.fields;
        match field {
            YEAR => f[0] = v,
            MONTH => f[1] = v,
            DAY_OF_MONTH => f[2] = v,
            HOUR_OF_DAY => f[3] = v,
            HOUR => f[3] = (f[3] / 12 * 12).saturating_add(v),
            AM_PM => f[3] = (f[3] % 12).saturating_add(v.saturating_mul(12)),
            MINUTE => f[4] = v,
            SECOND => f[5] = v,
            MILLISECOND => f[6] = v,
            _ => return Err(unsupported_field(field)),
        }
        self.millis = None;
        Ok(())
    }
    /// Calendar.add: YEAR and MONTH keep the day within the new month;
    /// the time fields move the instant.
    fn add(&mut self, field: i64, n: i64) -> Result<()> {
        let unit = match field {
            YEAR | MONTH => {
                self.time();
                let [y, mo, d, ..] = self.fields;
                let months = (y * 12 + mo).saturating_add(if field == YEAR {
                    n.saturating_mul(12)
                } else {
                    n
                });
                let (ny, nmo) = (months.div_euclid(12), months.rem_euclid(12));
                let next = date::millis_from_fields(ny - 1900, nmo + 1, 1, 0, 0, 0);
                let first = date::millis_from_fields(ny - 1900, nmo, 1, 0, 0, 0);
                let len = (next - first) / 86_400_000;
                self.fields[0] = ny;
                self.fields[1] = nmo;
                self.fields[2] = d.min(len);
                self.millis = None;
                return Ok(());
            }
            DAY_OF_MONTH | DAY_OF_YEAR | DAY_OF_WEEK => 86_400_000,
            HOUR | HOUR_OF_DAY => 3_600_000,
            MINUTE => MS_PER_MINUTE,
            SECOND => 1000,
            MILLISECOND => 1,
            _ => return Err(unsupported_field(field)),
        };
        let t = self.time().saturating_add(n.saturating_mul(unit));
        self.set_time(t);
        Ok(())
    }
}

/// The epoch millis of 0001-01-01 (Julian), where the AD era begins.
const ERA_START_MS: i64 = -62_135_769_600_000;

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

fn timezone_value(z: TimeZone) -> Value {
    host("sun.util.calendar.ZoneInfo", z)
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

/// A GregorianCalendar at `millis` in the zone `GMT±hh:mm` (`sign` -1 or
/// 1 gives the ID's sign), as clojure.instant's construct-calendar builds.
pub fn calendar_at(millis: i64, sign: i64, hours: i64, minutes: i64) -> Value {
    let zone = TimeZone {
        id: format!(
            "GMT{}{hours:02}:{minutes:02}",
            if sign < 0 { '-' } else { '+' }
        ),
        offset_ms: (if sign < 0 { -1 } else { 1 }) * (hours * 60 + minutes) * MS_PER_MINUTE,
    };
    calendar(zone, Some(millis), [0; 7])
}

fn now_millis() -> i64 {
    match Value::date_now().view() {
        View::Date(d) => d.millis(),
        _ => 0,
    }
}

fn string_arg(v: &Value) -> Result<&str> {
    v.as_str().ok_or_else(|| {
        if v.is_nil() {
            Exception::new(
                ExClass::NullPointerException,
                "Cannot invoke \"String.length()\" because \"ID\" is null",
            )
        } else {
            Exception::new(
                ExClass::ClassCastException,
                crate::runtime::compare::cast_message(v.class_name(), "java.lang.String"),
            )
        }
    })
}

fn is_locale(v: &Value) -> bool {
    v.class_name() == "java.util.Locale"
}

/// `(GregorianCalendar.)` (now), `(GregorianCalendar. zone [locale])`,
/// `(GregorianCalendar. locale)` and `(GregorianCalendar. y m d [h mi [s]])`.
fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some((|| match args {
        [] => Ok(calendar(TimeZone::utc(), Some(now_millis()), [0; 7])),
        [l] if is_locale(l) => Ok(calendar(TimeZone::utc(), Some(now_millis()), [0; 7])),
        [z] | [z, _] if zone_of(z).is_some() && args.get(1).is_none_or(is_locale) => Ok(calendar(
            zone_of(z).unwrap_or_else(TimeZone::utc),
            Some(now_millis()),
            [0; 7],
        )),
        _ if matches!(args.len(), 3 | 5 | 6) => {
            let mut f = [0i64; 7];
            for (slot, a) in f.iter_mut().zip(args) {
                *slot = to_long(a)?;
            }
            Ok(calendar(TimeZone::utc(), None, f))
        }
        _ => Err(super::no_ctor(class)),
    })())
}

fn statics(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, member, args) {
        // TimeZone.getTimeZone(ZoneId): a ZoneOffset's ID is `GMT±hh:mm`
        // ("Z" is UTC).
        ("java.util.TimeZone", "getTimeZone", [z]) if super::time::zone_id_parts(z).is_some() => {
            let (id, secs) = super::time::zone_id_parts(z).unwrap_or_default();
            let id = match id.as_str() {
                "Z" => "UTC".to_string(),
                _ if id.starts_with(['+', '-']) => format!("GMT{id}"),
                _ => id,
            };
            TimeZone::of(&id).map(|mut tz| {
                tz.offset_ms = i64::from(secs) * 1000;
                timezone_value(tz)
            })
        }
        ("java.util.TimeZone", "getTimeZone", [id]) => {
            string_arg(id).and_then(TimeZone::of).map(timezone_value)
        }
        ("java.util.TimeZone", "getDefault", []) => Ok(timezone_value(TimeZone::utc())),
        (_, "getInstance", []) => Ok(calendar(TimeZone::utc(), Some(now_millis()), [0; 7])),
        (_, "getInstance", [l]) if is_locale(l) => {
            Ok(calendar(TimeZone::utc(), Some(now_millis()), [0; 7]))
        }
        (_, "getInstance", [z] | [z, _]) => match zone_of(z) {
            Some(z) => Ok(calendar(z, Some(now_millis()), [0; 7])),
            None => return None,
        },
        _ => return None,
    })
}

fn fields(_: &str, field: &str) -> Option<Value> {
    FIELDS
        .iter()
        .find(|(n, _)| *n == field)
        .map(|&(_, v)| Value::long(v))
}

fn zone_of(v: &Value) -> Option<TimeZone> {
    match v.view() {
        View::HostObject(o) => o.foreign::<TimeZone>().cloned(),
        _ => None,
    }
}

/// A Calendar's instant, zone ID and zone offset (`format`'s %t).
pub(crate) fn calendar_parts(v: &Value) -> Option<(i64, String, i64)> {
    let View::HostObject(o) = v.view() else {
        return None;
    };
    let c = o.foreign::<Calendar>()?;
    let mut st = lock(&c.0);
    let t = st.time();
    Some((t, st.zone.id.clone(), st.zone.offset_ms))
}

/// The default zone's ID and offset (a new SimpleDateFormat's zone).
pub(crate) fn default_zone() -> (String, i64) {
    let z = TimeZone::utc();
    (z.id, z.offset_ms)
}

/// A TimeZone's ID and offset (java.text.SimpleDateFormat's zone).
pub(crate) fn zone_parts(v: &Value) -> Option<(String, i64)> {
    zone_of(v).map(|z| (z.id, z.offset_ms))
}

/// A TimeZone value of `id` and `offset_ms` (SimpleDateFormat.getTimeZone).
pub(crate) fn zone_value(id: &str, offset_ms: i64) -> Value {
    timezone_value(TimeZone {
        id: id.to_string(),
        offset_ms,
    })
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
            ("getDSTSavings", []) => Value::long(0),
            ("useDaylightTime" | "observesDaylightTime", []) | ("inDaylightTime", [_]) => {
                Value::FALSE
            }
            ("hasSameRules", [x]) => {
                Value::bool(zone_of(x).is_some_and(|x| x.offset_ms == z.offset_ms))
            }
            ("clone", []) => timezone_value(z.clone()),
            ("toZoneId", []) => return Some(super::time::zone_id_value(&z.id)),
            _ => return None,
        }));
    }
    let c = o.foreign::<Calendar>()?;
    if method == "clone" && args.is_empty() {
        let st = lock(&c.0);
        let copy = CalState {
            zone: st.zone.clone(),
            millis: st.millis,
            fields: st.fields,
        };
        return Some(Ok(host(
            "java.util.GregorianCalendar",
            Calendar(Lock::new(copy)),
        )));
    }
    if method == "compareTo" && args.len() == 1 {
        let other = match args[0].view() {
            View::HostObject(h) => h.foreign::<Calendar>().map(Calendar::snapshot),
            _ => None,
        };
        let (t, _) = c.snapshot();
        return Some(match other {
            Some((u, _)) => Ok(Value::long(match t.cmp(&u) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            })),
            None if args[0].is_nil() => Err(Exception::new(
                ExClass::NullPointerException,
                "Cannot invoke \"java.util.Calendar.getMillisOf(java.util.Calendar)\" because \"anotherCalendar\" is null",
            )),
            None => Err(Exception::new(
                ExClass::ClassCastException,
                crate::runtime::compare::cast_message(args[0].class_name(), "java.util.Calendar"),
            )),
        });
    }
    if matches!(method, "before" | "after") && args.len() == 1 {
        // Calendar.before/after: false unless the argument is a Calendar.
        let other = match args[0].view() {
            View::HostObject(h) => h.foreign::<Calendar>().map(Calendar::snapshot),
            _ => None,
        };
        let (t, _) = c.snapshot();
        return Some(Ok(Value::bool(match other {
            Some((u, _)) if method == "before" => t < u,
            Some((u, _)) => t > u,
            None => false,
        })));
    }
    let mut st = lock(&c.0);
    Some(match (method, args) {
        ("getTime", []) => Ok(Value::date(st.time())),
        ("getTimeInMillis", []) => Ok(Value::long(st.time())),
        ("toInstant", []) => Ok(super::time::instant_of_millis(st.time())),
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
        ("set", [y, m, d]) => (|| {
            st.set(YEAR, to_long(y)?)?;
            st.set(MONTH, to_long(m)?)?;
            st.set(DAY_OF_MONTH, to_long(d)?)?;
            Ok(Value::NIL)
        })(),
        ("add", [f, n]) => (|| {
            st.add(to_long(f)?, to_long(n)?)?;
            Ok(Value::NIL)
        })(),
        ("getTimeZone", []) => Ok(timezone_value(st.zone.clone())),
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
        ("isLenient", []) => Ok(Value::TRUE),
        ("getFirstDayOfWeek", []) => Ok(Value::long(1)),
        ("getMinimalDaysInFirstWeek", []) => Ok(Value::long(1)),
        _ => return None,
    })
}

/// Calendar's static fields.
const CALENDAR_FIELDS: [&str; 41] = [
    "ERA",
    "YEAR",
    "MONTH",
    "WEEK_OF_YEAR",
    "WEEK_OF_MONTH",
    "DATE",
    "DAY_OF_MONTH",
    "DAY_OF_YEAR",
    "DAY_OF_WEEK",
    "DAY_OF_WEEK_IN_MONTH",
    "AM_PM",
    "HOUR",
    "HOUR_OF_DAY",
    "MINUTE",
    "SECOND",
    "MILLISECOND",
    "ZONE_OFFSET",
    "DST_OFFSET",
    "FIELD_COUNT",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
    "UNDECIMBER",
    "SUNDAY",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "AM",
    "PM",
];

/// GregorianCalendar's: Calendar's and AD, BC.
const GREGORIAN_FIELDS: &[&str] = &{
    let mut all = [""; 43];
    let mut i = 0;
    while i < CALENDAR_FIELDS.len() {
        all[i] = CALENDAR_FIELDS[i];
        i += 1;
    }
    all[41] = "AD";
    all[42] = "BC";
    all
};

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.TimeZone")
        .implements(&["java.io.Serializable", "java.lang.Cloneable"])
        .statics(&["getTimeZone", "getDefault"], statics),
    ClassDef::class("sun.util.calendar.ZoneInfo").extends("java.util.TimeZone"),
    ClassDef::class("java.util.Calendar")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Cloneable",
            "java.lang.Comparable",
        ])
        .statics(&["getInstance"], statics)
        .fields(&CALENDAR_FIELDS, fields),
    ClassDef::class("java.util.GregorianCalendar")
        .extends("java.util.Calendar")
        .ctor(construct)
        .statics(&["getInstance"], statics)
        .fields(GREGORIAN_FIELDS, fields),
];
