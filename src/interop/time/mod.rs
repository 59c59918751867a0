//! java.time: LocalDate, LocalTime, LocalDateTime, Instant, Duration,
//! Period, ZoneId/ZoneOffset, ZonedDateTime, OffsetDateTime, DayOfWeek,
//! Month, temporal.ChronoUnit and format.DateTimeFormatter, with the JDK's
//! printed forms, equality, hash codes, ordering and exception messages.
//!
//! Values are `HostObject::Foreign` objects holding a `TimeValue`; the
//! calendar arithmetic is in calendar.rs, patterns and parsing in
//! format.rs. Not modelled: time-zone rules other than UTC and fixed
//! offsets (ZoneId/of "Europe/Paris" throws ZoneRulesException saying so),
//! locales other than English, week-based fields, chronologies other than
//! ISO.

mod calendar;
mod format;

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::Ref;
use crate::runtime::number::convert::to_long;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use calendar::{
    DAY_NAMES, Date, DateTime, MONTH_NAMES, NANOS_PER_DAY, NANOS_PER_SECOND, Period,
    SECONDS_PER_DAY, SecNanos, Time, Zone, ZoneError,
};
use format::{Fields, FormatError, Formatter, ParseError};
use std::cmp::Ordering;

/// A ChronoUnit constant: its name and duration in nanoseconds (None for
/// the date-based units, which vary).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    name: &'static str,
    nanos: Option<i128>,
    /// Months in one unit, for the date-based units.
    months: i64,
    days: i64,
}

const UNITS: &[Unit] = &[
    Unit::time("NANOS", 1),
    Unit::time("MICROS", 1_000),
    Unit::time("MILLIS", 1_000_000),
    Unit::time("SECONDS", NANOS_PER_SECOND as i128),
    Unit::time("MINUTES", 60 * NANOS_PER_SECOND as i128),
    Unit::time("HOURS", 3600 * NANOS_PER_SECOND as i128),
    Unit::time("HALF_DAYS", 43_200 * NANOS_PER_SECOND as i128),
    Unit::date("DAYS", 0, 1),
    Unit::date("WEEKS", 0, 7),
    Unit::date("MONTHS", 1, 0),
    Unit::date("YEARS", 12, 0),
    Unit::date("DECADES", 120, 0),
    Unit::date("CENTURIES", 1200, 0),
    Unit::date("MILLENNIA", 12_000, 0),
];

impl Unit {
    const fn time(name: &'static str, nanos: i128) -> Unit {
        Unit {
            name,
            nanos: Some(nanos),
            months: 0,
            days: 0,
        }
    }
    const fn date(name: &'static str, months: i64, days: i64) -> Unit {
        Unit {
            name,
            nanos: None,
            months,
            days,
        }
    }
    fn display(&self) -> String {
        calendar::title_case(self.name).replace("_d", "D")
    }
}

/// One java.time value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum TimeValue {
    Date(Date),
    Time(Time),
    DateTime(DateTime),
    Instant(SecNanos),
    Duration(SecNanos),
    Period(Period),
    Zone(Zone),
    Zoned(DateTime, i32, Zone),
    Offset(DateTime, i32),
    DayOfWeek(u8),
    Month(u8),
    Unit(Unit),
    Formatter(Formatter),
    TextStyle(&'static str),
}

impl TimeValue {
    fn class_name(&self) -> &'static str {
        match self {
            TimeValue::Date(_) => "java.time.LocalDate",
            TimeValue::Time(_) => "java.time.LocalTime",
            TimeValue::DateTime(_) => "java.time.LocalDateTime",
            TimeValue::Instant(_) => "java.time.Instant",
            TimeValue::Duration(_) => "java.time.Duration",
            TimeValue::Period(_) => "java.time.Period",
            TimeValue::Zone(Zone::Offset(_)) => "java.time.ZoneOffset",
            TimeValue::Zone(Zone::Region(..)) => "java.time.ZoneRegion",
            TimeValue::Zoned(..) => "java.time.ZonedDateTime",
            TimeValue::Offset(..) => "java.time.OffsetDateTime",
            TimeValue::DayOfWeek(_) => "java.time.DayOfWeek",
            TimeValue::Month(_) => "java.time.Month",
            TimeValue::Unit(_) => "java.time.temporal.ChronoUnit",
            TimeValue::Formatter(_) => "java.time.format.DateTimeFormatter",
            TimeValue::TextStyle(_) => "java.time.format.TextStyle",
        }
    }

    fn instant_of(&self) -> Option<SecNanos> {
        match self {
            TimeValue::Instant(i) => Some(*i),
            TimeValue::Zoned(dt, o, _) | TimeValue::Offset(dt, o) => Some(SecNanos {
                secs: dt.epoch_second(*o),
                nanos: dt.time.nano(),
            }),
            _ => None,
        }
    }

    /// The fields a formatter can read.
    fn fields(&self) -> Option<Fields> {
        let mut f = Fields::default();
        match self {
            TimeValue::Date(d) => f.date = Some(*d),
            TimeValue::Time(t) => f.time = Some(*t),
            TimeValue::DateTime(dt) => {
                f.date = Some(dt.date);
                f.time = Some(dt.time);
            }
            TimeValue::Instant(i) => f.instant = Some(*i),
            TimeValue::Zoned(dt, o, z) => {
                f.date = Some(dt.date);
                f.time = Some(dt.time);
                f.offset = Some(*o);
                f.zone = Some(z.clone());
                f.instant = self.instant_of();
            }
            TimeValue::Offset(dt, o) => {
                f.date = Some(dt.date);
                f.time = Some(dt.time);
                f.offset = Some(*o);
                f.zone = Some(Zone::Offset(*o));
                f.instant = self.instant_of();
            }
            TimeValue::Zone(Zone::Offset(o)) => f.offset = Some(*o),
            _ => return None,
        }
        Some(f)
    }
}

impl std::fmt::Display for TimeValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimeValue::Date(d) => write!(f, "{d}"),
            TimeValue::Time(t) => write!(f, "{t}"),
            TimeValue::DateTime(dt) => write!(f, "{dt}"),
            TimeValue::Instant(i) => f.write_str(&calendar::instant_string(i)),
            TimeValue::Duration(d) => f.write_str(&calendar::duration_string(d)),
            TimeValue::Period(p) => write!(f, "{p}"),
            TimeValue::Zone(z) => f.write_str(&z.id()),
            TimeValue::Zoned(dt, o, z) => {
                write!(f, "{dt}{}", calendar::offset_id(*o))?;
                if let Zone::Region(id, _) = z {
                    write!(f, "[{id}]")?;
                }
                Ok(())
            }
            TimeValue::Offset(dt, o) => write!(f, "{dt}{}", calendar::offset_id(*o)),
            TimeValue::DayOfWeek(d) => f.write_str(DAY_NAMES[*d as usize - 1]),
            TimeValue::Month(m) => f.write_str(MONTH_NAMES[*m as usize - 1]),
            TimeValue::Unit(u) => f.write_str(&u.display()),
            TimeValue::Formatter(fm) => f.write_str(&format::describe_formatter(fm)),
            TimeValue::TextStyle(s) => f.write_str(s),
        }
    }
}

impl ForeignObject for TimeValue {
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        match self {
            // Enums and formatters: identity, which for our shared constants
            // means equal values.
            TimeValue::Formatter(_) => None,
            _ => Some(other.downcast_ref::<TimeValue>().is_some_and(|o| o == self)),
        }
    }
    fn hash_code(&self) -> Option<i32> {
        Some(match self {
            TimeValue::Date(d) => d.java_hash(),
            TimeValue::Time(t) => t.java_hash(),
            TimeValue::DateTime(dt) => dt.java_hash(),
            TimeValue::Instant(i) | TimeValue::Duration(i) => i.java_hash(),
            TimeValue::Period(p) => p.java_hash(),
            TimeValue::Zone(z) => z.java_hash(),
            TimeValue::Zoned(dt, o, z) => dt.java_hash() ^ *o ^ z.java_hash().rotate_left(3),
            TimeValue::Offset(dt, o) => dt.java_hash() ^ *o,
            // Enum constants hash by identity on the JVM: a fixed stand-in.
            TimeValue::DayOfWeek(d) => calendar::java_string_hash(DAY_NAMES[*d as usize - 1]),
            TimeValue::Month(m) => calendar::java_string_hash(MONTH_NAMES[*m as usize - 1]),
            TimeValue::Unit(u) => calendar::java_string_hash(u.name),
            TimeValue::TextStyle(s) => calendar::java_string_hash(s),
            TimeValue::Formatter(_) => return None,
        })
    }
    fn comparable(&self) -> bool {
        !matches!(
            self,
            TimeValue::Period(_) | TimeValue::Formatter(_) | TimeValue::Zone(Zone::Region(..))
        )
    }
    fn compare_to(&self, other: &dyn ForeignObject) -> Option<Ordering> {
        let o = other.downcast_ref::<TimeValue>()?;
        Some(match (self, o) {
            (TimeValue::Date(a), TimeValue::Date(b)) => a.cmp(b),
            (TimeValue::Time(a), TimeValue::Time(b)) => a.cmp(b),
            (TimeValue::DateTime(a), TimeValue::DateTime(b)) => a.cmp(b),
            (TimeValue::Instant(a), TimeValue::Instant(b))
            | (TimeValue::Duration(a), TimeValue::Duration(b)) => a.cmp(b),
            // ZoneOffset sorts with the greatest offset first.
            (TimeValue::Zone(Zone::Offset(a)), TimeValue::Zone(Zone::Offset(b))) => b.cmp(a),
            (TimeValue::Zoned(a, _, za), TimeValue::Zoned(b, _, zb)) => self
                .instant_of()
                .cmp(&o.instant_of())
                .then(a.cmp(b))
                .then_with(|| za.id().cmp(&zb.id())),
            (TimeValue::Offset(a, oa), TimeValue::Offset(b, ob)) => {
                if oa == ob {
                    a.cmp(b)
                } else {
                    self.instant_of().cmp(&o.instant_of()).then(a.cmp(b))
                }
            }
            (TimeValue::DayOfWeek(a), TimeValue::DayOfWeek(b))
            | (TimeValue::Month(a), TimeValue::Month(b)) => a.cmp(b),
            (TimeValue::Unit(a), TimeValue::Unit(b)) => {
                let pos = |u: &Unit| UNITS.iter().position(|x| x.name == u.name);
                pos(a).cmp(&pos(b))
            }
            _ => return None,
        })
    }
    fn java_string(&self, _object: &str) -> String {
        self.to_string()
    }
}

// ----- values in and out -----

fn val(t: TimeValue) -> Value {
    Value::from(Ref::new(HostObject::Foreign(t.class_name(), Box::new(t))))
}

fn tv(v: &Value) -> Option<&TimeValue> {
    match v.view() {
        View::HostObject(h) => h.foreign::<TimeValue>(),
        _ => None,
    }
}

/// An Instant at `millis` since the epoch (Date.toInstant).
pub fn instant_of_millis(millis: i64) -> Value {
    val(TimeValue::Instant(SecNanos::of_millis(millis)))
}

/// The epoch millis of an Instant-like value (Date.from).
pub fn millis_of(v: &Value) -> Result<i64> {
    instant_arg(v)?.to_millis().ok_or_else(|| {
        Exception::new(
            ExClass::IllegalArgumentException,
            "java.lang.ArithmeticException: long overflow",
        )
    })
}

fn dt_err(msg: impl Into<String>) -> Exception {
    Exception::new(ExClass::DateTimeException, msg)
}

fn dt<T>(r: std::result::Result<T, String>) -> Result<T> {
    r.map_err(dt_err)
}

fn overflow() -> Exception {
    Exception::new(ExClass::ArithmeticException, "long overflow")
}

fn long(v: &Value) -> Result<i64> {
    to_long(v)
}

fn int(v: &Value) -> Result<i64> {
    let n = to_long(v)?;
    if i32::try_from(n).is_err() {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("Value out of range for int: {n}"),
        ));
    }
    Ok(n)
}

fn arg<'a>(v: &'a Value, class: &str) -> Result<&'a TimeValue> {
    tv(v).ok_or_else(|| {
        if v.is_nil() {
            Exception::new(ExClass::NullPointerException, format!("{class} is null"))
        } else {
            Exception::new(
                ExClass::ClassCastException,
                crate::runtime::compare::cast_message(v.class_name(), class),
            )
        }
    })
}

fn date_arg(v: &Value) -> Result<Date> {
    match arg(v, "java.time.LocalDate")? {
        TimeValue::Date(d) => Ok(*d),
        TimeValue::DateTime(x) | TimeValue::Zoned(x, ..) | TimeValue::Offset(x, _) => Ok(x.date),
        other => Err(dt_err(format!(
            "Unable to obtain LocalDate from TemporalAccessor: {other} of type {}",
            other.class_name()
        ))),
    }
}

fn zone_arg(v: &Value) -> Result<Zone> {
    match arg(v, "java.time.ZoneId")? {
        TimeValue::Zone(z) => Ok(z.clone()),
        other => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(other.class_name(), "java.time.ZoneId"),
        )),
    }
}

fn unit_arg(v: &Value) -> Result<Unit> {
    match arg(v, "java.time.temporal.TemporalUnit")? {
        TimeValue::Unit(u) => Ok(*u),
        other => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(
                other.class_name(),
                "java.time.temporal.TemporalUnit",
            ),
        )),
    }
}

fn zone_value(r: std::result::Result<Zone, ZoneError>) -> Result<Zone> {
    r.map_err(|e| match e {
        ZoneError::Invalid(m) => dt_err(m),
        ZoneError::Unknown(m) => Exception::new(ExClass::ZoneRulesException, m),
    })
}

fn now() -> SecNanos {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    SecNanos {
        secs: d.as_secs() as i64,
        // Like the JDK's clock: microsecond precision.
        nanos: i64::from(d.subsec_micros()) * 1000,
    }
}

fn local_now(zone: &Zone) -> Result<DateTime> {
    let n = now();
    dt(DateTime::of_epoch_second(n.secs, n.nanos, zone.offset()))
}

fn zoned(ldt: DateTime, zone: Zone) -> TimeValue {
    TimeValue::Zoned(ldt, zone.offset(), zone)
}

// ----- parsing -----

fn parse_error(text: &str, e: ParseError) -> Exception {
    Exception::new(
        ExClass::DateTimeParseException,
        match e {
            ParseError::At(i) => format!("Text '{text}' could not be parsed at index {i}"),
            ParseError::Unparsed(i) => {
                format!("Text '{text}' could not be parsed, unparsed text found at index {i}")
            }
        },
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Date,
    Time,
    DateTime,
    Zoned,
    Offset,
    Instant,
}

impl Target {
    fn name(self) -> &'static str {
        match self {
            Target::Date => "LocalDate",
            Target::Time => "LocalTime",
            Target::DateTime => "LocalDateTime",
            Target::Zoned => "ZonedDateTime",
            Target::Offset => "OffsetDateTime",
            Target::Instant => "Instant",
        }
    }
}

/// `X/parse text [formatter]`.
fn parse_as(text: &Value, fmt: &Formatter, target: Target) -> Result<Value> {
    let Some(s) = text.as_str() else {
        return Err(Exception::new(ExClass::NullPointerException, "text"));
    };
    let fail = |m: String| {
        Exception::new(
            ExClass::DateTimeParseException,
            format!("Text '{s}' could not be parsed: {m}"),
        )
    };
    let parsed = fmt.parse_fields(s).map_err(|e| parse_error(s, e))?;
    if target == Target::Instant
        && let Some(i) = parsed.instant
    {
        return Ok(val(TimeValue::Instant(i)));
    }
    let (date, time) = format::resolve_date_time(&parsed, fmt.strict).map_err(fail)?;
    let zone = parsed.zone.clone().or(parsed.offset.map(Zone::Offset));
    let missing = || {
        let mut unresolved = Vec::new();
        if let Some(o) = parsed.offset {
            unresolved.push(format!("OffsetSeconds={o}"));
        }
        let resolved = match (date, time) {
            (Some(d), Some(t)) => format!(" resolved to {d}T{t}"),
            (Some(d), None) => format!(" resolved to {d}"),
            (None, Some(t)) => format!(" resolved to {t}"),
            _ => String::new(),
        };
        let zone_part = parsed
            .zone
            .as_ref()
            .map(|z| format!(",{}", z.id()))
            .unwrap_or_default();
        fail(format!(
            "Unable to obtain {} from TemporalAccessor: {{{}}},ISO{zone_part}{resolved} of type java.time.format.Parsed",
            target.name(),
            unresolved.join(", ")
        ))
    };
    let v = match target {
        Target::Date => TimeValue::Date(date.ok_or_else(missing)?),
        Target::Time => TimeValue::Time(time.ok_or_else(missing)?),
        Target::DateTime => TimeValue::DateTime(DateTime {
            date: date.ok_or_else(missing)?,
            time: time.ok_or_else(missing)?,
        }),
        Target::Zoned | Target::Offset | Target::Instant => {
            let ldt = DateTime {
                date: date.ok_or_else(missing)?,
                time: time.ok_or_else(missing)?,
            };
            let z = zone.ok_or_else(missing)?;
            // An offset and a region: the instant is the offset's, shown
            // in the region.
            let offset = parsed.offset.unwrap_or(z.offset());
            match target {
                Target::Offset => TimeValue::Offset(ldt, offset),
                Target::Instant => TimeValue::Instant(SecNanos {
                    secs: ldt.epoch_second(offset),
                    nanos: ldt.time.nano(),
                }),
                _ => {
                    let secs = ldt.epoch_second(offset);
                    let local = dt(DateTime::of_epoch_second(secs, ldt.time.nano(), z.offset()))?;
                    zoned(local, z)
                }
            }
        }
    };
    Ok(val(v))
}

fn formatter_arg(v: &Value) -> Result<Formatter> {
    match arg(v, "java.time.format.DateTimeFormatter")? {
        TimeValue::Formatter(f) => Ok(f.clone()),
        other => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(
                other.class_name(),
                "java.time.format.DateTimeFormatter",
            ),
        )),
    }
}

fn iso(name: &str) -> Formatter {
    format::iso(name).unwrap_or_else(|| Formatter {
        items: Vec::new(),
        zone: None,
        strict: true,
        name: None,
    })
}

fn parse_with(args: &[Value], default: &str, target: Target) -> Result<Value> {
    match args {
        [text] => parse_as(text, &iso(default), target),
        [text, f] => parse_as(text, &formatter_arg(f)?, target),
        _ => Err(crate::interop::no_method(
            "parse",
            args.len(),
            target.name(),
        )),
    }
}

fn format_value(f: &Formatter, t: &TimeValue) -> Result<Value> {
    let fields = t.fields().ok_or_else(|| {
        Exception::new(
            ExClass::UnsupportedTemporalTypeException,
            "Unsupported field: YearOfEra",
        )
    })?;
    f.format(&fields).map(Value::string).map_err(|e| match e {
        FormatError::Unsupported(m) => Exception::new(ExClass::UnsupportedTemporalTypeException, m),
        FormatError::DateTime(m) => dt_err(m),
    })
}

/// Duration.parse: PnDTnHnMn.nS (signs allowed on each part and overall).
fn parse_duration(s: &str) -> Option<SecNanos> {
    let upper = s.to_ascii_uppercase();
    let (neg, rest) = match upper.as_bytes().first()? {
        b'-' => (true, &upper[1..]),
        b'+' => (false, &upper[1..]),
        _ => (false, &upper[..]),
    };
    let rest = rest.strip_prefix('P')?;
    let (day_part, time_part) = match rest.split_once('T') {
        Some((d, t)) => {
            if t.is_empty() {
                return None;
            }
            (d, Some(t))
        }
        None => (rest, None),
    };
    let mut total: i128 = 0;
    let mut any = false;
    if !day_part.is_empty() {
        let n: i64 = day_part.strip_suffix('D')?.parse().ok()?;
        total += n as i128 * NANOS_PER_DAY as i128;
        any = true;
    }
    if let Some(mut t) = time_part {
        for (suffix, scale) in [('H', 3600i128), ('M', 60)] {
            if let Some(i) = t.find(suffix) {
                let n: i64 = t[..i].parse().ok()?;
                total += n as i128 * scale * NANOS_PER_SECOND as i128;
                t = &t[i + 1..];
                any = true;
            }
        }
        if let Some(num) = t.strip_suffix('S') {
            let (whole, frac) = match num.split_once('.') {
                Some((w, f)) => (w, f),
                None => (num, ""),
            };
            let negative = whole.starts_with('-');
            let w: i64 = whole.parse().ok()?;
            if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let mut f: i128 = if frac.is_empty() {
                0
            } else {
                frac.parse().ok()?
            };
            for _ in frac.len()..9 {
                f *= 10;
            }
            total += w as i128 * NANOS_PER_SECOND as i128 + if negative { -f } else { f };
            any = true;
        } else if !t.is_empty() {
            return None;
        }
    }
    if !any {
        return None;
    }
    SecNanos::from_total_nanos(if neg { -total } else { total })
}

/// Period.parse: PnYnMnWnD.
fn parse_period(s: &str) -> Option<Period> {
    let upper = s.to_ascii_uppercase();
    let (neg, rest) = match upper.as_bytes().first()? {
        b'-' => (true, &upper[1..]),
        b'+' => (false, &upper[1..]),
        _ => (false, &upper[..]),
    };
    let mut rest = rest.strip_prefix('P')?;
    if rest.is_empty() {
        return None;
    }
    let mut p = Period { y: 0, m: 0, d: 0 };
    for (suffix, slot) in [('Y', 0), ('M', 1), ('W', 2), ('D', 3)] {
        if let Some(i) = rest.find(suffix) {
            let n: i32 = rest[..i].parse().ok()?;
            match slot {
                0 => p.y = n,
                1 => p.m = n,
                2 => p.d = p.d.checked_add(n.checked_mul(7)?)?,
                _ => p.d = p.d.checked_add(n)?,
            }
            rest = &rest[i + 1..];
        }
    }
    if !rest.is_empty() {
        return None;
    }
    if neg {
        p = Period {
            y: -p.y,
            m: -p.m,
            d: -p.d,
        };
    }
    Some(p)
}

// ----- static members -----

/// `C/FIELD` of the java.time classes; None when not one of them.
pub fn get_static(class: &str, field: &str) -> Option<Value> {
    let v = match (class, field) {
        ("java.time.Instant", "EPOCH") => TimeValue::Instant(SecNanos::ZERO),
        ("java.time.Instant", "MIN") => TimeValue::Instant(SecNanos {
            secs: calendar::INSTANT_MIN_SECS,
            nanos: 0,
        }),
        ("java.time.Instant", "MAX") => TimeValue::Instant(SecNanos {
            secs: calendar::INSTANT_MAX_SECS,
            nanos: 999_999_999,
        }),
        ("java.time.Duration", "ZERO") => TimeValue::Duration(SecNanos::ZERO),
        ("java.time.Period", "ZERO") => TimeValue::Period(Period { y: 0, m: 0, d: 0 }),
        ("java.time.LocalTime", "MIDNIGHT" | "MIN") => TimeValue::Time(Time { nod: 0 }),
        ("java.time.LocalTime", "NOON") => TimeValue::Time(Time {
            nod: 12 * 3600 * NANOS_PER_SECOND,
        }),
        ("java.time.LocalTime", "MAX") => TimeValue::Time(Time {
            nod: NANOS_PER_DAY - 1,
        }),
        ("java.time.LocalDate", "EPOCH") => TimeValue::Date(Date {
            y: 1970,
            m: 1,
            d: 1,
        }),
        ("java.time.ZoneOffset", "UTC") => TimeValue::Zone(Zone::Offset(0)),
        ("java.time.ZoneOffset", "MIN") => TimeValue::Zone(Zone::Offset(-18 * 3600)),
        ("java.time.ZoneOffset", "MAX") => TimeValue::Zone(Zone::Offset(18 * 3600)),
        ("java.time.DayOfWeek", _) => {
            TimeValue::DayOfWeek(DAY_NAMES.iter().position(|d| *d == field)? as u8 + 1)
        }
        ("java.time.Month", _) => {
            TimeValue::Month(MONTH_NAMES.iter().position(|d| *d == field)? as u8 + 1)
        }
        ("java.time.temporal.ChronoUnit", _) => {
            TimeValue::Unit(*UNITS.iter().find(|u| u.name == field)?)
        }
        ("java.time.format.DateTimeFormatter", _) => TimeValue::Formatter(format::iso(field)?),
        ("java.time.format.TextStyle", _) => TimeValue::TextStyle(
            [
                "FULL",
                "FULL_STANDALONE",
                "SHORT",
                "SHORT_STANDALONE",
                "NARROW",
                "NARROW_STANDALONE",
            ]
            .into_iter()
            .find(|s| *s == field)?,
        ),
        _ => return None,
    };
    Some(val(v))
}

fn enum_values(class: &str) -> Option<Value> {
    let items: Vec<Value> = match class {
        "java.time.DayOfWeek" => (1..=7).map(|d| val(TimeValue::DayOfWeek(d))).collect(),
        "java.time.Month" => (1..=12).map(|m| val(TimeValue::Month(m))).collect(),
        "java.time.temporal.ChronoUnit" => UNITS.iter().map(|u| val(TimeValue::Unit(*u))).collect(),
        _ => return None,
    };
    let array_class = match class {
        "java.time.DayOfWeek" => "[Ljava.time.DayOfWeek;",
        "java.time.Month" => "[Ljava.time.Month;",
        _ => "[Ljava.time.temporal.ChronoUnit;",
    };
    Some(Value::from(Ref::new(HostObject::Array(
        array_class,
        crate::runtime::gc::Lock::new(items),
    ))))
}

/// `(C/m args)` of the java.time classes; None when not one of them.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match class {
        "java.time.LocalDate" => local_date_static(member, args),
        "java.time.LocalTime" => local_time_static(member, args),
        "java.time.LocalDateTime" => local_date_time_static(member, args),
        "java.time.Instant" => instant_static(member, args),
        "java.time.Duration" => duration_static(member, args),
        "java.time.Period" => period_static(member, args),
        "java.time.ZoneId" | "java.time.ZoneOffset" => zone_static(class, member, args),
        "java.time.ZonedDateTime" | "java.time.OffsetDateTime" => zoned_static(class, member, args),
        "java.time.DayOfWeek" | "java.time.Month" | "java.time.temporal.ChronoUnit" => {
            match (member, args) {
                ("values", []) => enum_values(class).map(Ok),
                ("valueOf", [s]) => s
                    .as_str()
                    .and_then(|s| get_static(class, s))
                    .map(Ok)
                    .or_else(|| {
                        Some(Err(Exception::new(
                            ExClass::IllegalArgumentException,
                            format!(
                                "No enum constant {class}.{}",
                                crate::runtime::printer::str_value(&s.clone()).unwrap_or_default()
                            ),
                        )))
                    }),
                ("of", [n]) => Some(int(n).and_then(|n| {
                    let (max, name) = if class == "java.time.Month" {
                        (12, "MonthOfYear")
                    } else {
                        (7, "DayOfWeek")
                    };
                    if !(1..=max).contains(&n) {
                        return Err(dt_err(format!("Invalid value for {name}: {n}")));
                    }
                    Ok(val(if max == 12 {
                        TimeValue::Month(n as u8)
                    } else {
                        TimeValue::DayOfWeek(n as u8)
                    }))
                })),
                ("from", [t]) => Some(date_arg(t).map(|d| {
                    val(if class == "java.time.Month" {
                        TimeValue::Month(d.m)
                    } else {
                        TimeValue::DayOfWeek(d.day_of_week())
                    })
                })),
                _ => None,
            }
        }
        "java.time.format.DateTimeFormatter" => match (member, args) {
            ("ofPattern", [p, ..]) if args.len() <= 2 => Some(match p.as_str() {
                Some(p) => format::of_pattern(p)
                    .map(|f| val(TimeValue::Formatter(f)))
                    .map_err(|m| Exception::new(ExClass::IllegalArgumentException, m)),
                None => Err(Exception::new(ExClass::NullPointerException, "pattern")),
            }),
            _ => None,
        },
        _ => None,
    }
}

fn ymd(y: &Value, m: &Value, d: &Value) -> Result<Date> {
    let m = match tv(m) {
        Some(TimeValue::Month(m)) => i64::from(*m),
        _ => int(m)?,
    };
    dt(Date::of(int(y)?, m, int(d)?))
}

fn hms(args: &[Value]) -> Result<Time> {
    let get = |i: usize| args.get(i).map(int).transpose().map(|x| x.unwrap_or(0));
    dt(Time::of(get(0)?, get(1)?, get(2)?, get(3)?))
}

fn zone_of_args(args: &[Value]) -> Result<Zone> {
    match args {
        [] => zone_value(calendar::system_zone()),
        [z] => zone_arg(z),
        _ => Err(dt_err("clock arguments are not supported")),
    }
}

fn local_date_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("of", [y, m, d]) => ymd(y, m, d).map(|d| val(TimeValue::Date(d))),
        ("ofEpochDay", [n]) => long(n)
            .and_then(|n| dt(Date::of_epoch_day(n)))
            .map(|d| val(TimeValue::Date(d))),
        ("ofYearDay", [y, n]) => int(y)
            .and_then(|y| Ok((y, int(n)?)))
            .and_then(|(y, n)| dt(Date::of_year_day(y, n)))
            .map(|d| val(TimeValue::Date(d))),
        ("ofInstant", [i, z]) => instant_arg(i).and_then(|i| {
            let z = zone_arg(z)?;
            Ok(val(TimeValue::Date(
                dt(DateTime::of_epoch_second(i.secs, i.nanos, z.offset()))?.date,
            )))
        }),
        ("now", _) => {
            zone_of_args(args).and_then(|z| Ok(val(TimeValue::Date(local_now(&z)?.date))))
        }
        ("parse", _) => parse_with(args, "ISO_LOCAL_DATE", Target::Date),
        ("from", [t]) => date_arg(t).map(|d| val(TimeValue::Date(d))),
        _ => return None,
    })
}

fn local_time_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("of", _) if (2..=4).contains(&args.len()) => hms(args).map(|t| val(TimeValue::Time(t))),
        ("ofSecondOfDay", [n]) => long(n).and_then(|n| {
            dt(calendar::FieldRange::new("SecondOfDay", 0, SECONDS_PER_DAY - 1).check(n))?;
            Ok(val(TimeValue::Time(Time {
                nod: n * NANOS_PER_SECOND,
            })))
        }),
        ("ofNanoOfDay", [n]) => long(n).and_then(|n| {
            dt(calendar::FieldRange::new("NanoOfDay", 0, NANOS_PER_DAY - 1).check(n))?;
            Ok(val(TimeValue::Time(Time { nod: n })))
        }),
        ("now", _) => {
            zone_of_args(args).and_then(|z| Ok(val(TimeValue::Time(local_now(&z)?.time))))
        }
        ("parse", _) => parse_with(args, "ISO_LOCAL_TIME", Target::Time),
        _ => return None,
    })
}

fn local_date_time_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("of", [d, t]) if tv(d).is_some() => (|| {
            let date = date_arg(d)?;
            let TimeValue::Time(time) = arg(t, "java.time.LocalTime")? else {
                return Err(dt_err("LocalDateTime.of needs a LocalTime"));
            };
            Ok(val(TimeValue::DateTime(DateTime { date, time: *time })))
        })(),
        ("of", [y, m, d, rest @ ..]) if (2..=4).contains(&rest.len()) => (|| {
            let date = ymd(y, m, d)?;
            let time = hms(rest)?;
            Ok(val(TimeValue::DateTime(DateTime { date, time })))
        })(),
        ("ofInstant", [i, z]) => instant_arg(i).and_then(|i| {
            let z = zone_arg(z)?;
            Ok(val(TimeValue::DateTime(dt(DateTime::of_epoch_second(
                i.secs,
                i.nanos,
                z.offset(),
            ))?)))
        }),
        ("ofEpochSecond", [s, n, o]) => (|| {
            let Zone::Offset(o) = zone_arg(o)? else {
                return Err(dt_err("ofEpochSecond needs a ZoneOffset"));
            };
            let n = long(n)?;
            dt(calendar::NANO_OF_SECOND.check(n))?;
            Ok(val(TimeValue::DateTime(dt(DateTime::of_epoch_second(
                long(s)?,
                n,
                o,
            ))?)))
        })(),
        ("now", _) => zone_of_args(args).and_then(|z| Ok(val(TimeValue::DateTime(local_now(&z)?)))),
        ("parse", _) => parse_with(args, "ISO_LOCAL_DATE_TIME", Target::DateTime),
        _ => return None,
    })
}

fn instant_arg(v: &Value) -> Result<SecNanos> {
    let t = arg(v, "java.time.Instant")?;
    t.instant_of().ok_or_else(|| {
        dt_err(format!(
            "Unable to obtain Instant from TemporalAccessor: {t} of type {}",
            t.class_name()
        ))
    })
}

fn instant(i: Option<SecNanos>) -> Result<Value> {
    let i = i.ok_or_else(overflow)?;
    dt(calendar::check_instant(i)).map(|i| val(TimeValue::Instant(i)))
}

fn instant_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("now", []) => Ok(val(TimeValue::Instant(now()))),
        ("ofEpochMilli", [ms]) => long(ms).and_then(|ms| instant(Some(SecNanos::of_millis(ms)))),
        ("ofEpochSecond", [s]) => long(s).and_then(|s| instant(SecNanos::of(s, 0))),
        ("ofEpochSecond", [s, n]) => long(s).and_then(|s| instant(SecNanos::of(s, long(n)?))),
        ("parse", [s]) => parse_as(s, &iso("ISO_INSTANT"), Target::Instant),
        ("from", [t]) => instant_arg(t).map(|i| val(TimeValue::Instant(i))),
        _ => return None,
    })
}

fn duration(d: Option<SecNanos>) -> Result<Value> {
    d.map(|d| val(TimeValue::Duration(d))).ok_or_else(overflow)
}

fn duration_arg(v: &Value) -> Result<SecNanos> {
    match arg(v, "java.time.Duration")? {
        TimeValue::Duration(d) => Ok(*d),
        other => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(other.class_name(), "java.time.Duration"),
        )),
    }
}

fn unit_duration(n: i64, unit: &Unit) -> Result<SecNanos> {
    let nanos = match unit.nanos {
        Some(x) => x,
        None if unit.name == "DAYS" => NANOS_PER_DAY as i128,
        None => {
            return Err(Exception::new(
                ExClass::UnsupportedTemporalTypeException,
                "Unit must not have an estimated duration",
            ));
        }
    };
    (n as i128)
        .checked_mul(nanos)
        .and_then(SecNanos::from_total_nanos)
        .ok_or_else(overflow)
}

fn duration_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    let of = |n: &Value, scale: i64| -> Result<Value> {
        duration(long(n)?.checked_mul(scale).and_then(|s| SecNanos::of(s, 0)))
    };
    Some(match (member, args) {
        ("ofDays", [n]) => of(n, SECONDS_PER_DAY),
        ("ofHours", [n]) => of(n, 3600),
        ("ofMinutes", [n]) => of(n, 60),
        ("ofSeconds", [n]) => of(n, 1),
        ("ofSeconds", [n, adj]) => long(n).and_then(|n| duration(SecNanos::of(n, long(adj)?))),
        ("ofMillis", [n]) => long(n).map(|n| val(TimeValue::Duration(SecNanos::of_millis(n)))),
        ("ofNanos", [n]) => long(n).and_then(|n| duration(SecNanos::of(0, n))),
        ("of", [n, u]) => long(n).and_then(|n| {
            let u = unit_arg(u)?;
            duration(Some(unit_duration(n, &u)?))
        }),
        ("between", [a, b]) => (|| {
            let (ta, tb) = (
                arg(a, "java.time.temporal.Temporal")?,
                arg(b, "java.time.temporal.Temporal")?,
            );
            let nanos = between_nanos(ta, tb)?;
            duration(SecNanos::from_total_nanos(nanos))
        })(),
        ("parse", [s]) => match s.as_str().and_then(parse_duration) {
            Some(d) => Ok(val(TimeValue::Duration(d))),
            None => Err(Exception::new(
                ExClass::DateTimeParseException,
                format!(
                    "Text cannot be parsed to a Duration: {}",
                    s.as_str().unwrap_or_default()
                ),
            )),
        },
        _ => return None,
    })
}

/// Nanoseconds from `a` to `b` (both time-based temporals of one kind).
fn between_nanos(a: &TimeValue, b: &TimeValue) -> Result<i128> {
    Ok(match (a, b) {
        (TimeValue::Time(x), TimeValue::Time(y)) => (y.nod - x.nod) as i128,
        (TimeValue::DateTime(x), TimeValue::DateTime(y)) => {
            (y.epoch_second(0) as i128 - x.epoch_second(0) as i128) * NANOS_PER_SECOND as i128
                + (y.time.nano() - x.time.nano()) as i128
        }
        (TimeValue::Date(_), _) | (_, TimeValue::Date(_)) => {
            return Err(Exception::new(
                ExClass::UnsupportedTemporalTypeException,
                "Unsupported unit: Seconds",
            ));
        }
        _ => match (a.instant_of(), b.instant_of()) {
            (Some(x), Some(y)) => y.total_nanos() - x.total_nanos(),
            _ => {
                return Err(dt_err(format!(
                    "Unable to obtain Instant from TemporalAccessor: {b} of type {}",
                    b.class_name()
                )));
            }
        },
    })
}

fn period(y: i64, m: i64, d: i64) -> Result<Value> {
    let fit = |x: i64| {
        i32::try_from(x)
            .map_err(|_| Exception::new(ExClass::ArithmeticException, "integer overflow"))
    };
    Ok(val(TimeValue::Period(Period {
        y: fit(y)?,
        m: fit(m)?,
        d: fit(d)?,
    })))
}

fn period_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("of", [y, m, d]) => (|| period(int(y)?, int(m)?, int(d)?))(),
        ("ofYears", [n]) => int(n).and_then(|n| period(n, 0, 0)),
        ("ofMonths", [n]) => int(n).and_then(|n| period(0, n, 0)),
        ("ofWeeks", [n]) => int(n).and_then(|n| period(0, 0, n * 7)),
        ("ofDays", [n]) => int(n).and_then(|n| period(0, 0, n)),
        ("between", [a, b]) => (|| {
            let p = Period::between(&date_arg(a)?, &date_arg(b)?);
            Ok(val(TimeValue::Period(p)))
        })(),
        ("parse", [s]) => match s.as_str().and_then(parse_period) {
            Some(p) => Ok(val(TimeValue::Period(p))),
            None => Err(Exception::new(
                ExClass::DateTimeParseException,
                format!(
                    "Text cannot be parsed to a Period: {}",
                    s.as_str().unwrap_or_default()
                ),
            )),
        },
        _ => return None,
    })
}

fn offset_value(r: std::result::Result<i32, String>) -> Result<Value> {
    dt(r).map(|o| val(TimeValue::Zone(Zone::Offset(o))))
}

fn zone_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, member, args) {
        (_, "of", [id]) => match id.as_str() {
            Some(s) if class == "java.time.ZoneOffset" => offset_value(calendar::parse_offset(s)),
            Some(s) => zone_value(calendar::zone_of(s)).map(|z| val(TimeValue::Zone(z))),
            None => Err(Exception::new(ExClass::NullPointerException, "zoneId")),
        },
        (_, "systemDefault", []) => {
            zone_value(calendar::system_zone()).map(|z| val(TimeValue::Zone(z)))
        }
        (_, "getAvailableZoneIds", []) => Ok(Value::set_from(
            ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "UT"]
                .into_iter()
                .map(Value::string)
                .collect(),
        )),
        ("java.time.ZoneOffset", "ofHours", [h]) => {
            int(h).and_then(|h| offset_value(calendar::offset_of(h as i32, 0, 0)))
        }
        ("java.time.ZoneOffset", "ofHoursMinutes", [h, m]) => {
            (|| offset_value(calendar::offset_of(int(h)? as i32, int(m)? as i32, 0)))()
        }
        ("java.time.ZoneOffset", "ofHoursMinutesSeconds", [h, m, s]) => (|| {
            offset_value(calendar::offset_of(
                int(h)? as i32,
                int(m)? as i32,
                int(s)? as i32,
            ))
        })(),
        ("java.time.ZoneOffset", "ofTotalSeconds", [s]) => int(s).and_then(|s| {
            if s.abs() > 18 * 3600 {
                return Err(dt_err("Zone offset not in valid range: -18:00 to +18:00"));
            }
            Ok(val(TimeValue::Zone(Zone::Offset(s as i32))))
        }),
        _ => return None,
    })
}

fn zoned_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    let is_zoned = class == "java.time.ZonedDateTime";
    let make = |ldt: DateTime, z: Zone| -> Result<Value> {
        Ok(val(if is_zoned {
            zoned(ldt, z)
        } else {
            TimeValue::Offset(ldt, z.offset())
        }))
    };
    Some(match (member, args) {
        ("of", [y, mo, d, h, mi, s, n, z]) => (|| {
            let date = ymd(y, mo, d)?;
            let time = hms(&[h.clone(), mi.clone(), s.clone(), n.clone()])?;
            make(DateTime { date, time }, zone_arg(z)?)
        })(),
        ("of", [ldt, z]) => (|| {
            let TimeValue::DateTime(x) = arg(ldt, "java.time.LocalDateTime")? else {
                return Err(dt_err("of needs a LocalDateTime"));
            };
            make(*x, zone_arg(z)?)
        })(),
        ("of", [d, t, z]) => (|| {
            let date = date_arg(d)?;
            let TimeValue::Time(time) = arg(t, "java.time.LocalTime")? else {
                return Err(dt_err("of needs a LocalTime"));
            };
            make(DateTime { date, time: *time }, zone_arg(z)?)
        })(),
        ("ofInstant", [i, z]) => (|| {
            let i = instant_arg(i)?;
            let z = zone_arg(z)?;
            make(
                dt(DateTime::of_epoch_second(i.secs, i.nanos, z.offset()))?,
                z,
            )
        })(),
        ("now", _) => zone_of_args(args).and_then(|z| make(local_now(&z)?, z)),
        ("parse", _) => {
            if is_zoned {
                parse_with(args, "ISO_ZONED_DATE_TIME", Target::Zoned)
            } else {
                parse_with(args, "ISO_OFFSET_DATE_TIME", Target::Offset)
            }
        }
        _ => return None,
    })
}

// ----- instance methods -----

/// `(.m x args)` on a java.time value; None when `target` is not one or
/// has no such method.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let t = tv(target)?;
    // Object and Comparable methods first.
    match (method, args) {
        ("toString", []) => return Some(Ok(Value::string(t.to_string()))),
        ("equals", [o]) => {
            return Some(Ok(Value::bool(
                tv(o).is_some_and(|o| t.equals(o).unwrap_or(false)),
            )));
        }
        ("hashCode", []) => {
            return Some(Ok(Value::long(
                t.hash_code()
                    .unwrap_or_else(|| crate::runtime::hash::identity_hash(target))
                    as i64,
            )));
        }
        ("compareTo", [o]) if t.comparable() => {
            return Some(
                crate::runtime::compare::compare_int(target, o).map(|c| Value::long(c.into())),
            );
        }
        ("format", [f]) if !matches!(t, TimeValue::Formatter(_)) => {
            return Some(formatter_arg(f).and_then(|f| format_value(&f, t)));
        }
        _ => {}
    }
    let r = match t {
        TimeValue::Date(d) => date_method(*d, method, args),
        TimeValue::Time(x) => time_method(*x, method, args),
        TimeValue::DateTime(x) => date_time_method(*x, method, args, None),
        TimeValue::Zoned(x, o, z) => zoned_method(t, *x, *o, z, method, args),
        TimeValue::Offset(x, o) => zoned_method(t, *x, *o, &Zone::Offset(*o), method, args),
        TimeValue::Instant(i) => instant_method(*i, method, args),
        TimeValue::Duration(d) => duration_method(*d, method, args),
        TimeValue::Period(p) => period_method(*p, method, args),
        TimeValue::Zone(z) => zone_method(z, method, args),
        TimeValue::DayOfWeek(d) => enum_method(t, *d, 7, method, args),
        TimeValue::Month(m) => enum_method(t, *m, 12, method, args),
        TimeValue::Unit(u) => unit_method(u, method, args),
        TimeValue::Formatter(f) => formatter_method(f, method, args),
        TimeValue::TextStyle(s) => match (method, args) {
            ("name", []) => Some(Ok(Value::string(*s))),
            _ => None,
        },
    };
    Some(r.unwrap_or_else(|| {
        Err(crate::interop::no_method(
            method,
            args.len(),
            t.class_name(),
        ))
    }))
}

fn date_val(r: std::result::Result<Date, String>) -> Result<Value> {
    dt(r).map(|d| val(TimeValue::Date(d)))
}

fn plus_date(d: Date, n: i64, unit: &Unit) -> std::result::Result<Date, String> {
    match unit.nanos {
        Some(_) => Err(format!("Unsupported unit: {}", unit.display())),
        None if unit.months != 0 => {
            d.plus_months(n.checked_mul(unit.months).ok_or("long overflow")?)
        }
        None => d.plus_days(n.checked_mul(unit.days).ok_or("long overflow")?),
    }
}

/// Whole `unit`s from `a` to `b` (LocalDate.until).
fn date_until(a: Date, b: Date, unit: &Unit) -> Result<i64> {
    if unit.nanos.is_some() {
        return Err(Exception::new(
            ExClass::UnsupportedTemporalTypeException,
            format!("Unsupported unit: {}", unit.display()),
        ));
    }
    if unit.days != 0 {
        return Ok((b.epoch_day() - a.epoch_day()) / unit.days);
    }
    // Months between, adjusted when the day-of-month is not yet reached.
    let packed = |d: &Date| (d.y * 12 + d.m as i64) * 32 + d.d as i64;
    let months = (packed(&b) - packed(&a)) / 32;
    Ok(months / unit.months)
}

fn plus_or_minus(method: &str) -> Option<(&str, i64)> {
    method
        .strip_prefix("plus")
        .map(|r| (r, 1))
        .or_else(|| method.strip_prefix("minus").map(|r| (r, -1)))
}

fn temporal_amount(v: &Value) -> Result<&TimeValue> {
    arg(v, "java.time.temporal.TemporalAmount")
}

fn date_method(d: Date, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("getYear", []) => Ok(Value::long(d.y)),
        ("getMonthValue", []) => Ok(Value::long(d.m.into())),
        ("getMonth", []) => Ok(val(TimeValue::Month(d.m))),
        ("getDayOfMonth", []) => Ok(Value::long(d.d.into())),
        ("getDayOfYear", []) => Ok(Value::long(d.day_of_year())),
        ("getDayOfWeek", []) => Ok(val(TimeValue::DayOfWeek(d.day_of_week()))),
        ("isLeapYear", []) => Ok(Value::bool(calendar::is_leap(d.y))),
        ("lengthOfMonth", []) => Ok(Value::long(d.length_of_month().into())),
        ("lengthOfYear", []) => Ok(Value::long(if calendar::is_leap(d.y) { 366 } else { 365 })),
        ("toEpochDay", []) => Ok(Value::long(d.epoch_day())),
        ("atStartOfDay", []) => Ok(val(TimeValue::DateTime(DateTime {
            date: d,
            time: Time { nod: 0 },
        }))),
        ("atStartOfDay", [z]) => zone_arg(z).map(|z| {
            val(zoned(
                DateTime {
                    date: d,
                    time: Time { nod: 0 },
                },
                z,
            ))
        }),
        ("atTime", [t]) => match arg(t, "java.time.LocalTime") {
            Ok(TimeValue::Time(time)) => Ok(val(TimeValue::DateTime(DateTime {
                date: d,
                time: *time,
            }))),
            Ok(other) => Err(Exception::new(
                ExClass::ClassCastException,
                crate::runtime::compare::cast_message(other.class_name(), "java.time.LocalTime"),
            )),
            Err(e) => Err(e),
        },
        ("atTime", _) if (2..=4).contains(&args.len()) => {
            hms(args).map(|time| val(TimeValue::DateTime(DateTime { date: d, time })))
        }
        ("withDayOfMonth", [n]) => int(n).and_then(|n| date_val(Date::of(d.y, d.m.into(), n))),
        ("withMonth", [n]) => int(n).and_then(|n| {
            dt(calendar::MONTH_OF_YEAR.check(n))?;
            let len = calendar::month_length(d.y, n as u8);
            date_val(Date::of(d.y, n, i64::from(d.d.min(len))))
        }),
        ("withYear", [n]) => int(n).and_then(|n| {
            dt(calendar::YEAR.check(n))?;
            let len = calendar::month_length(n, d.m);
            date_val(Date::of(n, d.m.into(), i64::from(d.d.min(len))))
        }),
        ("withDayOfYear", [n]) => int(n).and_then(|n| date_val(Date::of_year_day(d.y, n))),
        ("isBefore", [o]) => date_arg(o).map(|o| Value::bool(d < o)),
        ("isAfter", [o]) => date_arg(o).map(|o| Value::bool(d > o)),
        ("isEqual", [o]) => date_arg(o).map(|o| Value::bool(d == o)),
        ("until", [o, u]) => (|| {
            let (o, u) = (date_arg(o)?, unit_arg(u)?);
            date_until(d, o, &u).map(Value::long)
        })(),
        ("until", [o]) => date_arg(o).map(|o| val(TimeValue::Period(Period::between(&d, &o)))),
        ("plus" | "minus", [n, u]) => (|| {
            let sign = if method == "plus" { 1 } else { -1 };
            let n = long(n)?.checked_mul(sign).ok_or_else(overflow)?;
            let u = unit_arg(u)?;
            plus_date(d, n, &u)
                .map_err(|m| {
                    if m.starts_with("Unsupported") {
                        Exception::new(ExClass::UnsupportedTemporalTypeException, m)
                    } else {
                        dt_err(m)
                    }
                })
                .map(|d| val(TimeValue::Date(d)))
        })(),
        ("plus" | "minus", [amount]) => (|| {
            let sign = if method == "plus" { 1 } else { -1 };
            match temporal_amount(amount)? {
                TimeValue::Period(p) => date_val(
                    d.plus_months(sign * (p.y as i64 * 12 + p.m as i64))
                        .and_then(|x| x.plus_days(sign * p.d as i64)),
                ),
                TimeValue::Duration(_) => Err(Exception::new(
                    ExClass::UnsupportedTemporalTypeException,
                    "Unsupported unit: Seconds",
                )),
                other => Err(Exception::new(
                    ExClass::ClassCastException,
                    crate::runtime::compare::cast_message(
                        other.class_name(),
                        "java.time.temporal.TemporalAmount",
                    ),
                )),
            }
        })(),
        _ => {
            let (unit, sign) = plus_or_minus(method)?;
            let [n] = args else { return None };
            let n = match long(n).and_then(|n| n.checked_mul(sign).ok_or_else(overflow)) {
                Ok(n) => n,
                Err(e) => return Some(Err(e)),
            };
            date_val(match unit {
                "Days" => d.plus_days(n),
                "Weeks" => n
                    .checked_mul(7)
                    .ok_or_else(|| "long overflow".to_string())
                    .and_then(|n| d.plus_days(n)),
                "Months" => d.plus_months(n),
                "Years" => d.plus_years(n),
                _ => return None,
            })
        }
    })
}

fn time_method(t: Time, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let tval = |t: Time| val(TimeValue::Time(t));
    Some(match (method, args) {
        ("getHour", []) => Ok(Value::long(t.hour())),
        ("getMinute", []) => Ok(Value::long(t.minute())),
        ("getSecond", []) => Ok(Value::long(t.second())),
        ("getNano", []) => Ok(Value::long(t.nano())),
        ("toSecondOfDay", []) => Ok(Value::long(t.second_of_day())),
        ("toNanoOfDay", []) => Ok(Value::long(t.nod)),
        ("isBefore", [o]) => time_arg(o).map(|o| Value::bool(t < o)),
        ("isAfter", [o]) => time_arg(o).map(|o| Value::bool(t > o)),
        ("atDate", [d]) => {
            date_arg(d).map(|date| val(TimeValue::DateTime(DateTime { date, time: t })))
        }
        ("withHour", [n]) => {
            int(n).and_then(|n| dt(Time::of(n, t.minute(), t.second(), t.nano())).map(tval))
        }
        ("withMinute", [n]) => {
            int(n).and_then(|n| dt(Time::of(t.hour(), n, t.second(), t.nano())).map(tval))
        }
        ("withSecond", [n]) => {
            int(n).and_then(|n| dt(Time::of(t.hour(), t.minute(), n, t.nano())).map(tval))
        }
        ("withNano", [n]) => {
            int(n).and_then(|n| dt(Time::of(t.hour(), t.minute(), t.second(), n)).map(tval))
        }
        ("truncatedTo", [u]) => {
            unit_arg(u).and_then(|u| truncate_nanos(t.nod, &u).map(|nod| tval(Time { nod })))
        }
        ("until", [o, u]) => (|| {
            let (o, u) = (time_arg(o)?, unit_arg(u)?);
            time_until((o.nod - t.nod) as i128, &u)
        })(),
        _ => {
            let nanos = plus_nanos(method, args)?;
            nanos.map(|n| tval(t.plus_nanos_carry(n).0))
        }
    })
}

fn time_arg(v: &Value) -> Result<Time> {
    match arg(v, "java.time.LocalTime")? {
        TimeValue::Time(t) => Ok(*t),
        TimeValue::DateTime(x) | TimeValue::Zoned(x, ..) | TimeValue::Offset(x, _) => Ok(x.time),
        other => Err(dt_err(format!(
            "Unable to obtain LocalTime from TemporalAccessor: {other} of type {}",
            other.class_name()
        ))),
    }
}

fn time_until(nanos: i128, u: &Unit) -> Result<Value> {
    match u.nanos {
        Some(n) => Ok(Value::long((nanos / n) as i64)),
        None if u.name == "DAYS" => Ok(Value::long((nanos / NANOS_PER_DAY as i128) as i64)),
        None => Err(Exception::new(
            ExClass::UnsupportedTemporalTypeException,
            format!("Unsupported unit: {}", u.display()),
        )),
    }
}

fn truncate_nanos(nod: i64, u: &Unit) -> Result<i64> {
    let n = match u.nanos {
        Some(n) => n as i64,
        None if u.name == "DAYS" => NANOS_PER_DAY,
        None => {
            return Err(Exception::new(
                ExClass::UnsupportedTemporalTypeException,
                "Unit is too large to be used for truncation",
            ));
        }
    };
    Ok(nod - nod.rem_euclid(n))
}

/// `plusHours n` ... `minusNanos n`, `plus n unit` and `plus duration` on
/// time-based values: the nanoseconds to add. None: not such a method.
fn plus_nanos(method: &str, args: &[Value]) -> Option<Result<i128>> {
    let (unit, sign) = plus_or_minus(method)?;
    Some((|| {
        let scale: i128 = match (unit, args) {
            ("", [n, u]) => {
                let u = unit_arg(u)?;
                return Ok(sign as i128 * unit_duration(long(n)?, &u)?.total_nanos());
            }
            ("", [amount]) => {
                return match temporal_amount(amount)? {
                    TimeValue::Duration(d) => Ok(sign as i128 * d.total_nanos()),
                    TimeValue::Period(_) => Err(Exception::new(
                        ExClass::UnsupportedTemporalTypeException,
                        "Unsupported unit: Days",
                    )),
                    other => Err(Exception::new(
                        ExClass::ClassCastException,
                        crate::runtime::compare::cast_message(
                            other.class_name(),
                            "java.time.temporal.TemporalAmount",
                        ),
                    )),
                };
            }
            ("Hours", [_]) => 3600 * NANOS_PER_SECOND as i128,
            ("Minutes", [_]) => 60 * NANOS_PER_SECOND as i128,
            ("Seconds", [_]) => NANOS_PER_SECOND as i128,
            ("Millis", [_]) => 1_000_000,
            ("Nanos", [_]) => 1,
            _ => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!(
                        "No matching method {method} found taking {} args",
                        args.len()
                    ),
                ));
            }
        };
        Ok(sign as i128 * long(&args[0])? as i128 * scale)
    })())
}

fn date_time_method(
    x: DateTime,
    method: &str,
    args: &[Value],
    zone: Option<&Zone>,
) -> Option<Result<Value>> {
    let dval = |d: DateTime| val(TimeValue::DateTime(d));
    Some(match (method, args) {
        ("toLocalDate", []) => Ok(val(TimeValue::Date(x.date))),
        ("toLocalTime", []) => Ok(val(TimeValue::Time(x.time))),
        ("isBefore", [o]) => dt_arg(o).map(|o| Value::bool(x < o)),
        ("isAfter", [o]) => dt_arg(o).map(|o| Value::bool(x > o)),
        ("isEqual", [o]) => dt_arg(o).map(|o| Value::bool(x == o)),
        ("atZone", [z]) => zone_arg(z).map(|z| val(zoned(x, z))),
        ("atOffset", [z]) => zone_arg(z).map(|z| val(TimeValue::Offset(x, z.offset()))),
        ("toEpochSecond", [z]) if zone.is_none() => {
            zone_arg(z).map(|z| Value::long(x.epoch_second(z.offset())))
        }
        ("toInstant", [z]) if zone.is_none() => zone_arg(z).map(|z| {
            val(TimeValue::Instant(SecNanos {
                secs: x.epoch_second(z.offset()),
                nanos: x.time.nano(),
            }))
        }),
        ("truncatedTo", [u]) => unit_arg(u).and_then(|u| {
            Ok(dval(DateTime {
                date: x.date,
                time: Time {
                    nod: truncate_nanos(x.time.nod, &u)?,
                },
            }))
        }),
        ("until", [o, u]) => (|| {
            let (o, u) = (dt_arg(o)?, unit_arg(u)?);
            if u.nanos.is_none() {
                // Date units: whole units, not counting an unfinished day.
                let mut end = o.date;
                if end > x.date && o.time < x.time {
                    end = dt(end.plus_days(-1))?;
                } else if end < x.date && o.time > x.time {
                    end = dt(end.plus_days(1))?;
                }
                return date_until(x.date, end, &u).map(Value::long);
            }
            time_until(
                between_nanos(&TimeValue::DateTime(x), &TimeValue::DateTime(o))?,
                &u,
            )
        })(),
        ("plus" | "minus", [n, u]) if matches!(tv(u), Some(TimeValue::Unit(u)) if u.nanos.is_none()) => {
            (|| {
                let sign = if method == "plus" { 1 } else { -1 };
                let u = unit_arg(u)?;
                let d = dt(plus_date(
                    x.date,
                    long(n)?.checked_mul(sign).ok_or_else(overflow)?,
                    &u,
                ))?;
                Ok(dval(DateTime {
                    date: d,
                    time: x.time,
                }))
            })()
        }
        ("plus" | "minus", [p]) if matches!(tv(p), Some(TimeValue::Period(_))) => (|| {
            let Some(TimeValue::Period(p)) = tv(p) else {
                unreachable!()
            };
            let sign = if method == "plus" { 1 } else { -1 };
            let d = dt(x
                .date
                .plus_months(sign * (p.y as i64 * 12 + p.m as i64))
                .and_then(|d| d.plus_days(sign * p.d as i64)))?;
            Ok(dval(DateTime {
                date: d,
                time: x.time,
            }))
        })(),
        _ if method.starts_with("get")
            || method.starts_with("with")
            || method == "lengthOfMonth"
            || method == "isLeapYear" =>
        {
            let r =
                date_method(x.date, method, args).or_else(|| time_method(x.time, method, args))?;
            match r {
                Ok(v) => match tv(&v) {
                    Some(TimeValue::Date(d)) => Ok(dval(DateTime {
                        date: *d,
                        time: x.time,
                    })),
                    Some(TimeValue::Time(t)) => Ok(dval(DateTime {
                        date: x.date,
                        time: *t,
                    })),
                    _ => Ok(v),
                },
                Err(e) => Err(e),
            }
        }
        _ => {
            if let Some((unit, _)) = plus_or_minus(method)
                && matches!(unit, "Days" | "Weeks" | "Months" | "Years")
            {
                let r = date_method(x.date, method, args)?;
                return Some(r.map(|v| match tv(&v) {
                    Some(TimeValue::Date(d)) => dval(DateTime {
                        date: *d,
                        time: x.time,
                    }),
                    _ => v,
                }));
            }
            let _ = plus_or_minus(method)?;
            let n = plus_nanos(method, args)?;
            n.and_then(|n| dt(x.plus_nanos(n)).map(dval))
        }
    })
}

fn dt_arg(v: &Value) -> Result<DateTime> {
    match arg(v, "java.time.LocalDateTime")? {
        TimeValue::DateTime(x) | TimeValue::Zoned(x, ..) | TimeValue::Offset(x, _) => Ok(*x),
        other => Err(dt_err(format!(
            "Unable to obtain LocalDateTime from TemporalAccessor: {other} of type {}",
            other.class_name()
        ))),
    }
}

fn zoned_method(
    t: &TimeValue,
    x: DateTime,
    o: i32,
    z: &Zone,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let is_zoned = matches!(t, TimeValue::Zoned(..));
    let rewrap = |v: Value| -> Value {
        match tv(&v) {
            Some(TimeValue::DateTime(d)) => val(if is_zoned {
                zoned(*d, z.clone())
            } else {
                TimeValue::Offset(*d, o)
            }),
            _ => v,
        }
    };
    Some(match (method, args) {
        ("getOffset", []) => Ok(val(TimeValue::Zone(Zone::Offset(o)))),
        ("getZone", []) => Ok(val(TimeValue::Zone(z.clone()))),
        ("toInstant", []) => Ok(val(TimeValue::Instant(t.instant_of()?))),
        ("toEpochSecond", []) => Ok(Value::long(x.epoch_second(o))),
        ("toLocalDateTime", []) => Ok(val(TimeValue::DateTime(x))),
        ("toOffsetDateTime", []) => Ok(val(TimeValue::Offset(x, o))),
        ("toZonedDateTime" | "atZoneSameInstant", []) => Ok(val(zoned(x, Zone::Offset(o)))),
        ("withZoneSameInstant" | "atZoneSameInstant", [zone]) => (|| {
            let zone = zone_arg(zone)?;
            let i = t.instant_of().ok_or_else(overflow)?;
            Ok(val(zoned(
                dt(DateTime::of_epoch_second(i.secs, i.nanos, zone.offset()))?,
                zone,
            )))
        })(),
        ("withZoneSameLocal", [zone]) => zone_arg(zone).map(|zone| val(zoned(x, zone))),
        ("withOffsetSameInstant", [zone]) => (|| {
            let zone = zone_arg(zone)?;
            let i = t.instant_of().ok_or_else(overflow)?;
            Ok(val(TimeValue::Offset(
                dt(DateTime::of_epoch_second(i.secs, i.nanos, zone.offset()))?,
                zone.offset(),
            )))
        })(),
        ("isBefore" | "isAfter" | "isEqual", [other]) => (|| {
            let a = t.instant_of().ok_or_else(overflow)?;
            let b = instant_arg(other)?;
            Ok(Value::bool(match method {
                "isBefore" => a < b,
                "isAfter" => a > b,
                _ => a == b,
            }))
        })(),
        _ => date_time_method(x, method, args, Some(z))?.map(rewrap),
    })
}

fn instant_method(i: SecNanos, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("toEpochMilli", []) => i.to_millis().map(Value::long).ok_or_else(overflow),
        ("getEpochSecond", []) => Ok(Value::long(i.secs)),
        ("getNano", []) => Ok(Value::long(i.nanos)),
        ("isBefore", [o]) => instant_arg(o).map(|o| Value::bool(i < o)),
        ("isAfter", [o]) => instant_arg(o).map(|o| Value::bool(i > o)),
        ("atZone", [z]) => zone_arg(z).and_then(|z| {
            Ok(val(zoned(
                dt(DateTime::of_epoch_second(i.secs, i.nanos, z.offset()))?,
                z,
            )))
        }),
        ("atOffset", [z]) => zone_arg(z).and_then(|z| {
            Ok(val(TimeValue::Offset(
                dt(DateTime::of_epoch_second(i.secs, i.nanos, z.offset()))?,
                z.offset(),
            )))
        }),
        ("truncatedTo", [u]) => unit_arg(u).and_then(|u| {
            let day_nanos = i.secs.rem_euclid(SECONDS_PER_DAY) * NANOS_PER_SECOND + i.nanos;
            let cut = day_nanos - truncate_nanos(day_nanos, &u)?;
            instant(SecNanos::from_total_nanos(i.total_nanos() - cut as i128))
        }),
        ("until", [o, u]) => (|| {
            let (o, u) = (instant_arg(o)?, unit_arg(u)?);
            time_until(o.total_nanos() - i.total_nanos(), &u)
        })(),
        _ => {
            let n = plus_nanos(method, args)?;
            n.and_then(|n| {
                instant(
                    i.total_nanos()
                        .checked_add(n)
                        .and_then(SecNanos::from_total_nanos),
                )
            })
        }
    })
}

fn duration_method(d: SecNanos, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let total = d.total_nanos();
    Some(match (method, args) {
        ("getSeconds" | "toSeconds", []) => Ok(Value::long(d.secs)),
        ("getNano", []) => Ok(Value::long(d.nanos)),
        ("toDays", []) => Ok(Value::long(d.secs / SECONDS_PER_DAY)),
        ("toHours", []) => Ok(Value::long(d.secs / 3600)),
        ("toMinutes", []) => Ok(Value::long(d.secs / 60)),
        ("toMillis", []) => d.to_millis().map(Value::long).ok_or_else(overflow),
        ("toNanos", []) => i64::try_from(total)
            .map(Value::long)
            .map_err(|_| overflow()),
        ("toDaysPart", []) => Ok(Value::long(d.secs / SECONDS_PER_DAY)),
        ("toHoursPart", []) => Ok(Value::long(d.secs / 3600 % 24)),
        ("toMinutesPart", []) => Ok(Value::long(d.secs / 60 % 60)),
        ("toSecondsPart", []) => Ok(Value::long(d.secs % 60)),
        ("toMillisPart", []) => Ok(Value::long(d.nanos / 1_000_000)),
        ("toNanosPart", []) => Ok(Value::long(d.nanos)),
        ("isZero", []) => Ok(Value::bool(total == 0)),
        ("isNegative", []) => Ok(Value::bool(total < 0)),
        ("negated", []) => duration(SecNanos::from_total_nanos(-total)),
        ("abs", []) => duration(SecNanos::from_total_nanos(total.abs())),
        ("multipliedBy", [n]) => long(n).and_then(|n| {
            duration(
                total
                    .checked_mul(n as i128)
                    .and_then(SecNanos::from_total_nanos),
            )
        }),
        ("dividedBy", [n]) if tv(n).is_none() => long(n).and_then(|n| {
            if n == 0 {
                return Err(Exception::new(
                    ExClass::ArithmeticException,
                    "Cannot divide by zero",
                ));
            }
            duration(SecNanos::from_total_nanos(total / n as i128))
        }),
        ("dividedBy", [o]) => duration_arg(o).and_then(|o| {
            if o.total_nanos() == 0 {
                return Err(Exception::new(
                    ExClass::ArithmeticException,
                    "Cannot divide by zero",
                ));
            }
            Ok(Value::long((total / o.total_nanos()) as i64))
        }),
        ("withSeconds", [n]) => long(n).map(|s| {
            val(TimeValue::Duration(SecNanos {
                secs: s,
                nanos: d.nanos,
            }))
        }),
        ("withNanos", [n]) => int(n).and_then(|n| {
            dt(calendar::NANO_OF_SECOND.check(n))?;
            Ok(val(TimeValue::Duration(SecNanos {
                secs: d.secs,
                nanos: n,
            })))
        }),
        ("truncatedTo", [u]) => unit_arg(u).and_then(|u| {
            let per = match u.nanos {
                Some(n) => n,
                None if u.name == "DAYS" => NANOS_PER_DAY as i128,
                None => {
                    return Err(Exception::new(
                        ExClass::UnsupportedTemporalTypeException,
                        "Unit is too large to be used for truncation",
                    ));
                }
            };
            duration(SecNanos::from_total_nanos(total - total % per))
        }),
        ("addTo", [t]) | ("subtractFrom", [t]) => {
            let m = if method == "addTo" { "plus" } else { "minus" };
            return call(t, m, &[val(TimeValue::Duration(d))]);
        }
        _ => {
            let (unit, sign) = plus_or_minus(method)?;
            let n = match (unit, args) {
                ("Days", [n]) => long(n).map(|n| sign as i128 * n as i128 * NANOS_PER_DAY as i128),
                _ => plus_nanos(method, args)?,
            };
            n.and_then(|n| duration(total.checked_add(n).and_then(SecNanos::from_total_nanos)))
        }
    })
}

fn period_method(p: Period, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("getYears", []) => Ok(Value::long(p.y.into())),
        ("getMonths", []) => Ok(Value::long(p.m.into())),
        ("getDays", []) => Ok(Value::long(p.d.into())),
        ("toTotalMonths", []) => Ok(Value::long(p.y as i64 * 12 + p.m as i64)),
        ("isZero", []) => Ok(Value::bool(p.y == 0 && p.m == 0 && p.d == 0)),
        ("isNegative", []) => Ok(Value::bool(p.y < 0 || p.m < 0 || p.d < 0)),
        ("negated", []) => period(-(p.y as i64), -(p.m as i64), -(p.d as i64)),
        ("normalized", []) => {
            let total = p.y as i64 * 12 + p.m as i64;
            period(total / 12, total % 12, p.d.into())
        }
        ("multipliedBy", [n]) => {
            int(n).and_then(|n| period(p.y as i64 * n, p.m as i64 * n, p.d as i64 * n))
        }
        ("withYears", [n]) => int(n).and_then(|n| period(n, p.m.into(), p.d.into())),
        ("withMonths", [n]) => int(n).and_then(|n| period(p.y.into(), n, p.d.into())),
        ("withDays", [n]) => int(n).and_then(|n| period(p.y.into(), p.m.into(), n)),
        ("plus" | "minus", [o]) => (|| {
            let TimeValue::Period(o) = arg(o, "java.time.Period")? else {
                return Err(dt_err(
                    "Unit must be Years, Months or Days, but was Seconds",
                ));
            };
            let s = if method == "plus" { 1 } else { -1 };
            period(
                p.y as i64 + s * o.y as i64,
                p.m as i64 + s * o.m as i64,
                p.d as i64 + s * o.d as i64,
            )
        })(),
        (
            "plusYears" | "minusYears" | "plusMonths" | "minusMonths" | "plusDays" | "minusDays",
            [n],
        ) => (|| {
            let n = long(n)? * if method.starts_with("plus") { 1 } else { -1 };
            match &method[method.len() - 4..] {
                "ears" => period(p.y as i64 + n, p.m.into(), p.d.into()),
                "nths" => period(p.y.into(), p.m as i64 + n, p.d.into()),
                _ => period(p.y.into(), p.m.into(), p.d as i64 + n),
            }
        })(),
        ("addTo", [t]) => return call(t, "plus", &[val(TimeValue::Period(p))]),
        ("subtractFrom", [t]) => return call(t, "minus", &[val(TimeValue::Period(p))]),
        _ => return None,
    })
}

fn zone_method(z: &Zone, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("getId", []) => Ok(Value::string(z.id())),
        ("getTotalSeconds", []) if matches!(z, Zone::Offset(_)) => {
            Ok(Value::long(z.offset().into()))
        }
        ("normalized", []) => Ok(val(TimeValue::Zone(Zone::Offset(z.offset())))),
        ("getRules", []) => Ok(val(TimeValue::Zone(z.clone()))),
        ("getOffset", [_]) => Ok(val(TimeValue::Zone(Zone::Offset(z.offset())))),
        ("getDisplayName", [_, _]) => Ok(Value::string(z.id())),
        _ => return None,
    })
}

fn enum_method(
    t: &TimeValue,
    n: u8,
    size: u8,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let make = |x: u8| {
        val(if size == 7 {
            TimeValue::DayOfWeek(x)
        } else {
            TimeValue::Month(x)
        })
    };
    Some(match (method, args) {
        ("getValue", []) => Ok(Value::long(n.into())),
        ("ordinal", []) => Ok(Value::long(i64::from(n) - 1)),
        ("name", []) => Ok(Value::string(t.to_string())),
        ("plus" | "minus", [k]) => long(k).map(|k| {
            let k = if method == "plus" { k } else { -k };
            make(((n as i64 - 1 + k).rem_euclid(size as i64) + 1) as u8)
        }),
        ("getDisplayName", [style, _locale]) => (|| {
            let style = match tv(style) {
                Some(TimeValue::TextStyle(s)) => *s,
                _ => return Err(dt_err("getDisplayName needs a TextStyle")),
            };
            let full = calendar::title_case(&t.to_string());
            Ok(Value::string(if style.starts_with("FULL") {
                full
            } else if style.starts_with("SHORT") {
                full.chars().take(3).collect()
            } else {
                full.chars().take(1).collect()
            }))
        })(),
        ("length", [leap]) if size == 12 => Ok(Value::long(if n == 2 {
            if leap.truthy() { 29 } else { 28 }
        } else {
            calendar::month_length(2001, n).into()
        })),
        ("maxLength", []) if size == 12 => Ok(Value::long(calendar::month_length(2000, n).into())),
        ("minLength", []) if size == 12 => Ok(Value::long(calendar::month_length(2001, n).into())),
        _ => return None,
    })
}

fn unit_method(u: &Unit, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("between", [a, b]) => (|| {
            let (ta, tb) = (
                arg(a, "java.time.temporal.Temporal")?,
                arg(b, "java.time.temporal.Temporal")?,
            );
            match ta {
                TimeValue::Date(x) => date_until(*x, date_arg(b)?, u).map(Value::long),
                TimeValue::DateTime(x) => {
                    date_time_method(*x, "until", &[b.clone(), val(TimeValue::Unit(*u))], None)
                        .unwrap_or_else(|| Err(dt_err("until")))
                }
                _ => time_until(between_nanos(ta, tb)?, u),
            }
        })(),
        ("getDuration", []) => unit_duration(1, u).map(|d| val(TimeValue::Duration(d))),
        ("isDateBased", []) => Ok(Value::bool(u.nanos.is_none())),
        ("isTimeBased", []) => Ok(Value::bool(u.nanos.is_some())),
        ("name", []) => Ok(Value::string(u.name)),
        ("ordinal", []) => Ok(Value::long(
            UNITS.iter().position(|x| x.name == u.name).unwrap_or(0) as i64,
        )),
        _ => return None,
    })
}

fn formatter_method(f: &Formatter, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("format", [t]) => {
            arg(t, "java.time.temporal.TemporalAccessor").and_then(|t| format_value(f, t))
        }
        ("withZone", [z]) => zone_arg(z).map(|z| {
            let mut f = f.clone();
            f.zone = Some(z);
            val(TimeValue::Formatter(f))
        }),
        ("withLocale", [l]) => {
            let tag = crate::runtime::printer::str_value(l).unwrap_or_default();
            if tag.is_empty() || tag.starts_with("en") {
                Ok(val(TimeValue::Formatter(f.clone())))
            } else {
                Err(Exception::new(
                    ExClass::UnsupportedOperationException,
                    format!("cljw's DateTimeFormatter supports English locales only, not {tag}"),
                ))
            }
        }
        ("getZone", []) => Ok(f
            .zone
            .clone()
            .map(|z| val(TimeValue::Zone(z)))
            .unwrap_or(Value::NIL)),
        ("parse", [s]) => (|| {
            let text = s.as_str().unwrap_or_default();
            let p = f.parse_fields(text).map_err(|e| parse_error(text, e))?;
            let (date, time) = format::resolve_date_time(&p, f.strict).map_err(|m| {
                Exception::new(
                    ExClass::DateTimeParseException,
                    format!("Text '{text}' could not be parsed: {m}"),
                )
            })?;
            let zone = p.zone.clone().or(p.offset.map(Zone::Offset));
            Ok(val(match (date, time, zone) {
                (Some(d), Some(t), Some(z)) => zoned(DateTime { date: d, time: t }, z),
                (Some(d), Some(t), None) => TimeValue::DateTime(DateTime { date: d, time: t }),
                (Some(d), None, _) => TimeValue::Date(d),
                (None, Some(t), _) => TimeValue::Time(t),
                _ => match p.instant {
                    Some(i) => TimeValue::Instant(i),
                    None => {
                        return Err(Exception::new(
                            ExClass::UnsupportedOperationException,
                            "cljw: DateTimeFormatter.parse of partial fields is not supported",
                        ));
                    }
                },
            }))
        })(),
        _ => return None,
    })
}

const TEMPORAL: &[&str] = &[
    "java.time.temporal.Temporal",
    "java.time.temporal.TemporalAdjuster",
    "java.lang.Comparable",
    "java.io.Serializable",
];
const ENUM: &[&str] = &[
    "java.time.temporal.TemporalAccessor",
    "java.time.temporal.TemporalAdjuster",
];

/// The java.time classes (registry entries: see interop/mod.rs).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.time.LocalDate")
        .implements(&[
            "java.time.temporal.Temporal",
            "java.time.temporal.TemporalAdjuster",
            "java.time.chrono.ChronoLocalDate",
            "java.io.Serializable",
        ])
        .statics(
            &[
                "of",
                "ofEpochDay",
                "ofYearDay",
                "ofInstant",
                "now",
                "parse",
                "from",
            ],
            call_static,
        )
        .fields(&["EPOCH"], get_static),
    ClassDef::class("java.time.LocalTime")
        .implements(TEMPORAL)
        .statics(
            &["of", "ofSecondOfDay", "ofNanoOfDay", "now", "parse"],
            call_static,
        )
        .fields(&["MIDNIGHT", "MIN", "NOON", "MAX"], get_static),
    ClassDef::class("java.time.LocalDateTime")
        .implements(&[
            "java.time.temporal.Temporal",
            "java.time.temporal.TemporalAdjuster",
            "java.time.chrono.ChronoLocalDateTime",
            "java.io.Serializable",
        ])
        .statics(
            &["of", "ofInstant", "ofEpochSecond", "now", "parse"],
            call_static,
        ),
    ClassDef::class("java.time.Instant")
        .implements(TEMPORAL)
        .statics(
            &["now", "ofEpochMilli", "ofEpochSecond", "parse", "from"],
            call_static,
        )
        .fields(&["EPOCH", "MIN", "MAX"], get_static),
    ClassDef::class("java.time.ZonedDateTime")
        .implements(&[
            "java.time.temporal.Temporal",
            "java.time.chrono.ChronoZonedDateTime",
            "java.io.Serializable",
        ])
        .statics(&["of", "ofInstant", "now", "parse"], call_static),
    ClassDef::class("java.time.OffsetDateTime")
        .implements(TEMPORAL)
        .statics(&["of", "ofInstant", "now", "parse"], call_static),
    ClassDef::class("java.time.Duration")
        .implements(&[
            "java.time.temporal.TemporalAmount",
            "java.lang.Comparable",
            "java.io.Serializable",
        ])
        .statics(
            &[
                "ofDays",
                "ofHours",
                "ofMinutes",
                "ofSeconds",
                "ofMillis",
                "ofNanos",
                "of",
                "between",
                "parse",
            ],
            call_static,
        )
        .fields(&["ZERO"], get_static),
    ClassDef::class("java.time.Period")
        .implements(&["java.time.chrono.ChronoPeriod", "java.io.Serializable"])
        .statics(
            &[
                "of", "ofYears", "ofMonths", "ofWeeks", "ofDays", "between", "parse",
            ],
            call_static,
        )
        .fields(&["ZERO"], get_static),
    ClassDef::class("java.time.ZoneId")
        .implements(&["java.io.Serializable"])
        .statics(&["of", "systemDefault", "getAvailableZoneIds"], call_static),
    ClassDef::class("java.time.ZoneOffset")
        .extends("java.time.ZoneId")
        .implements(&[
            "java.time.temporal.TemporalAccessor",
            "java.time.temporal.TemporalAdjuster",
            "java.lang.Comparable",
            "java.io.Serializable",
        ])
        .statics(
            &[
                "of",
                "ofHours",
                "ofHoursMinutes",
                "ofHoursMinutesSeconds",
                "ofTotalSeconds",
                "systemDefault",
                "getAvailableZoneIds",
            ],
            call_static,
        )
        .fields(&["UTC", "MIN", "MAX"], get_static),
    ClassDef::class("java.time.ZoneRegion")
        .extends("java.time.ZoneId")
        .implements(&["java.io.Serializable"]),
    ClassDef::class("java.time.DayOfWeek")
        .extends("java.lang.Enum")
        .implements(ENUM)
        .statics(&["of", "from", "values", "valueOf"], call_static)
        .fields(&DAY_NAMES, get_static),
    ClassDef::class("java.time.Month")
        .extends("java.lang.Enum")
        .implements(ENUM)
        .statics(&["of", "from", "values", "valueOf"], call_static)
        .fields(&MONTH_NAMES, get_static),
    ClassDef::class("java.time.temporal.ChronoUnit")
        .extends("java.lang.Enum")
        .implements(&["java.time.temporal.TemporalUnit"])
        .statics(&["values", "valueOf"], call_static)
        .fields(
            &[
                "NANOS",
                "MICROS",
                "MILLIS",
                "SECONDS",
                "MINUTES",
                "HOURS",
                "HALF_DAYS",
                "DAYS",
                "WEEKS",
                "MONTHS",
                "YEARS",
                "DECADES",
                "CENTURIES",
                "MILLENNIA",
            ],
            get_static,
        ),
    ClassDef::class("java.time.format.DateTimeFormatter")
        .statics(&["ofPattern"], call_static)
        .fields(format::ISO_NAMES, get_static),
    ClassDef::class("java.time.format.TextStyle")
        .extends("java.lang.Enum")
        .fields(
            &[
                "FULL",
                "FULL_STANDALONE",
                "SHORT",
                "SHORT_STANDALONE",
                "NARROW",
                "NARROW_STANDALONE",
            ],
            get_static,
        ),
    ClassDef::interface("java.time.chrono.ChronoLocalDate").implements(&[
        "java.time.temporal.Temporal",
        "java.time.temporal.TemporalAdjuster",
        "java.lang.Comparable",
    ]),
    ClassDef::interface("java.time.chrono.ChronoLocalDateTime").implements(&[
        "java.time.temporal.Temporal",
        "java.time.temporal.TemporalAdjuster",
        "java.lang.Comparable",
    ]),
    ClassDef::interface("java.time.chrono.ChronoPeriod")
        .implements(&["java.time.temporal.TemporalAmount"]),
    ClassDef::interface("java.time.chrono.ChronoZonedDateTime")
        .implements(&["java.time.temporal.Temporal", "java.lang.Comparable"]),
    ClassDef::interface("java.time.temporal.Temporal")
        .implements(&["java.time.temporal.TemporalAccessor"]),
    ClassDef::interface("java.time.temporal.TemporalAccessor"),
    ClassDef::interface("java.time.temporal.TemporalAdjuster"),
    ClassDef::interface("java.time.temporal.TemporalAmount"),
    ClassDef::interface("java.time.temporal.TemporalUnit"),
];
