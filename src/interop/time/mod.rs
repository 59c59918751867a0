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
mod methods;
mod statics;

pub use methods::call;
use statics::*;

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

/// An Instant of epoch seconds and nanos (Timestamp.toInstant).
pub fn instant_value(secs: i64, nanos: i64) -> Value {
    val(TimeValue::Instant(SecNanos { secs, nanos }))
}

/// The epoch seconds and nanos of an Instant-like value (Timestamp.from).
pub fn instant_parts(v: &Value) -> Result<(i64, i64)> {
    instant_arg(v).map(|i| (i.secs, i.nanos))
}

/// A LocalDate, or with `time` (hour minute second nanos) a
/// LocalDateTime (java.sql.Date.toLocalDate, Timestamp.toLocalDateTime).
pub fn local_value(y: i64, m: i64, d: i64, time: Option<[i64; 4]>) -> Result<Value> {
    let date = dt(Date::of(y, m, d))?;
    Ok(val(match time {
        None => TimeValue::Date(date),
        Some([h, mi, s, n]) => TimeValue::DateTime(DateTime {
            date,
            time: dt(Time::of(h, mi, s, n))?,
        }),
    }))
}

/// `[year month day hour minute second nanos]` of a LocalDate (time 0)
/// or LocalDateTime; None for other values.
pub fn local_fields(v: &Value) -> Option<[i64; 7]> {
    let (date, time) = match tv(v)? {
        TimeValue::Date(d) => (*d, None),
        TimeValue::DateTime(dt) => (dt.date, Some(dt.time)),
        _ => return None,
    };
    let t = time.map_or([0; 4], |t| [t.hour(), t.minute(), t.second(), t.nano()]);
    Some([
        date.y,
        i64::from(date.m),
        i64::from(date.d),
        t[0],
        t[1],
        t[2],
        t[3],
    ])
}

/// DateTimeFormatter.ISO_INSTANT text of an Instant, or of a
/// java.util.Date's or Timestamp's `toInstant` (a Timestamp keeps its
/// nanos); None for other values.
pub fn instant_text(x: &Value) -> Option<String> {
    let i = match x.view() {
        View::Date(d) if d.kind() == crate::runtime::date::DateKind::Timestamp => SecNanos {
            secs: d.millis().div_euclid(1000),
            nanos: d.nanos(),
        },
        View::Date(d) => SecNanos::of_millis(d.millis()),
        _ => match tv(x)? {
            TimeValue::Instant(i) => *i,
            _ => return None,
        },
    };
    Some(calendar::instant_string(&i))
}

/// `ZoneId.of(id)` (TimeZone.toZoneId).
pub fn zone_id_value(id: &str) -> Result<Value> {
    zone_value(calendar::zone_of(id)).map(|z| val(TimeValue::Zone(z)))
}

/// The ID and offset in seconds of a ZoneId value (TimeZone.getTimeZone).
pub fn zone_id_parts(v: &Value) -> Option<(String, i32)> {
    match tv(v)? {
        TimeValue::Zone(z) => Some((z.id(), z.offset())),
        _ => None,
    }
}

/// What `format`'s %t conversions read of a java.time value: `[year,
/// month, day, day of week (Sunday 1), day of year]`, `[hour, minute,
/// second, nano]`, the offset in seconds, the zone's ID (None for a
/// ZoneOffset) and the instant's seconds and nanos, each when the value has
/// it; None for other values.
#[allow(clippy::type_complexity)]
pub fn temporal_parts(
    v: &Value,
) -> Option<(
    Option<[i64; 5]>,
    Option<[i64; 4]>,
    Option<i64>,
    Option<String>,
    Option<(i64, i64)>,
)> {
    let f = tv(v)?.fields()?;
    let date = f.date.map(|d| {
        [
            d.y,
            i64::from(d.m),
            i64::from(d.d),
            i64::from(d.day_of_week()) % 7 + 1,
            d.day_of_year(),
        ]
    });
    let time = f.time.map(|t| [t.hour(), t.minute(), t.second(), t.nano()]);
    let zone = match &f.zone {
        Some(Zone::Region(id, _)) => Some(id.clone()),
        _ => None,
    };
    Some((
        date,
        time,
        f.offset.map(i64::from),
        zone,
        f.instant.map(|i| (i.secs, i.nanos)),
    ))
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
    match e {
        ParseError::At(i) => Exception::new(
            ExClass::DateTimeParseException,
            format!("Text '{text}' could not be parsed at index {i}"),
        )
        .at_jdk(crate::runtime::jdk_frame::DATE_TIME_PARSE_RESOLVED0),
        ParseError::Unparsed(i) => Exception::new(
            ExClass::DateTimeParseException,
            format!("Text '{text}' could not be parsed, unparsed text found at index {i}"),
        ),
    }
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
