//! The value types of java.time in the ISO calendar (proleptic Gregorian,
//! like java.time's IsoChronology), with the JDK's toString, hashCode and
//! ordering. Pure data and arithmetic: the interop glue is in mod.rs, the
//! formatters in format.rs.

use crate::runtime::date::{days_from_gregorian, gregorian_from_days};

pub const NANOS_PER_SECOND: i64 = 1_000_000_000;
pub const SECONDS_PER_DAY: i64 = 86_400;
pub const NANOS_PER_DAY: i64 = SECONDS_PER_DAY * NANOS_PER_SECOND;

/// java.time's year range (Year.MIN_VALUE ..= Year.MAX_VALUE).
pub const MIN_YEAR: i64 = -999_999_999;
pub const MAX_YEAR: i64 = 999_999_999;

pub const MONTH_NAMES: [&str; 12] = [
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
];
pub const DAY_NAMES: [&str; 7] = [
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
];

/// "JANUARY" -> "January" (the English display names).
pub fn title_case(upper: &str) -> String {
    let mut out = String::with_capacity(upper.len());
    for (i, c) in upper.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub fn month_length(y: i64, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Java's `(int)(x ^ (x >>> 32))` (Long.hashCode).
pub fn long_hash(x: i64) -> i32 {
    (x ^ ((x as u64) >> 32) as i64) as i32
}

/// A ChronoField's checked range, for the JDK's "Invalid value for ..."
/// messages. Kept as the field's name and bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldRange {
    pub name: &'static str,
    pub min: i64,
    pub max: i64,
    /// DayOfMonth's "1 - 28/31".
    pub smallest_max: Option<i64>,
}

pub const YEAR: FieldRange = FieldRange::new("Year", MIN_YEAR, MAX_YEAR);
pub const MONTH_OF_YEAR: FieldRange = FieldRange::new("MonthOfYear", 1, 12);
pub const DAY_OF_MONTH: FieldRange = FieldRange {
    name: "DayOfMonth",
    min: 1,
    max: 31,
    smallest_max: Some(28),
};
pub const DAY_OF_YEAR: FieldRange = FieldRange {
    name: "DayOfYear",
    min: 1,
    max: 366,
    smallest_max: Some(365),
};
pub const HOUR_OF_DAY: FieldRange = FieldRange::new("HourOfDay", 0, 23);
pub const MINUTE_OF_HOUR: FieldRange = FieldRange::new("MinuteOfHour", 0, 59);
pub const SECOND_OF_MINUTE: FieldRange = FieldRange::new("SecondOfMinute", 0, 59);
pub const NANO_OF_SECOND: FieldRange = FieldRange::new("NanoOfSecond", 0, 999_999_999);
pub const EPOCH_DAY: FieldRange = FieldRange::new("EpochDay", -365_243_219_162, 365_241_780_471);

impl FieldRange {
    pub const fn new(name: &'static str, min: i64, max: i64) -> FieldRange {
        FieldRange {
            name,
            min,
            max,
            smallest_max: None,
        }
    }
    /// ChronoField.checkValidValue: Err(message) when out of range.
    pub fn check(&self, v: i64) -> Result<i64, String> {
        if v < self.min || v > self.max {
            let range = match self.smallest_max {
                Some(s) => format!("{} - {}/{}", self.min, s, self.max),
                None => format!("{} - {}", self.min, self.max),
            };
            Err(format!(
                "Invalid value for {} (valid values {range}): {v}",
                self.name
            ))
        } else {
            Ok(v)
        }
    }
}

// ----- LocalDate -----

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub y: i64,
    pub m: u8,
    pub d: u8,
}

impl Date {
    /// LocalDate.of with the JDK's validation messages.
    pub fn of(y: i64, m: i64, d: i64) -> Result<Date, String> {
        YEAR.check(y)?;
        MONTH_OF_YEAR.check(m)?;
        DAY_OF_MONTH.check(d)?;
        let (m, d) = (m as u8, d as u8);
        if d > 28 && d > month_length(y, m) {
            return Err(if d == 29 {
                format!("Invalid date 'February 29' as '{y}' is not a leap year")
            } else {
                format!("Invalid date '{} {d}'", MONTH_NAMES[m as usize - 1])
            });
        }
        Ok(Date { y, m, d })
    }
    pub fn of_epoch_day(day: i64) -> Result<Date, String> {
        EPOCH_DAY.check(day)?;
        let (y, m, d) = gregorian_from_days(day);
        Ok(Date {
            y,
            m: m as u8,
            d: d as u8,
        })
    }
    pub fn of_year_day(y: i64, doy: i64) -> Result<Date, String> {
        YEAR.check(y)?;
        DAY_OF_YEAR.check(doy)?;
        if doy == 366 && !is_leap(y) {
            return Err(format!(
                "Invalid date 'DayOfYear 366' as '{y}' is not a leap year"
            ));
        }
        Date::of_epoch_day(days_from_gregorian(y, 1, 1) + doy - 1)
    }
    pub fn epoch_day(&self) -> i64 {
        days_from_gregorian(self.y, self.m.into(), self.d.into())
    }
    /// ISO day of week, Monday = 1 .. Sunday = 7.
    pub fn day_of_week(&self) -> u8 {
        ((self.epoch_day() + 3).rem_euclid(7) + 1) as u8
    }
    pub fn day_of_year(&self) -> i64 {
        self.epoch_day() - days_from_gregorian(self.y, 1, 1) + 1
    }
    pub fn length_of_month(&self) -> u8 {
        month_length(self.y, self.m)
    }
    pub fn plus_days(&self, n: i64) -> Result<Date, String> {
        let day = self
            .epoch_day()
            .checked_add(n)
            .ok_or_else(|| "long overflow".to_string())?;
        Date::of_epoch_day(day)
    }
    /// plusMonths: the day is clamped to the new month's length.
    pub fn plus_months(&self, n: i64) -> Result<Date, String> {
        let count = (self.y as i128) * 12 + (self.m as i128 - 1) + n as i128;
        let y = count.div_euclid(12);
        if y < MIN_YEAR as i128 || y > MAX_YEAR as i128 {
            return Err(YEAR
                .check(y.clamp(i64::MIN as i128, i64::MAX as i128) as i64)
                .err()
                .unwrap_or_default());
        }
        let y = y as i64;
        let m = (count.rem_euclid(12) + 1) as u8;
        Ok(Date {
            y,
            m,
            d: self.d.min(month_length(y, m)),
        })
    }
    pub fn plus_years(&self, n: i64) -> Result<Date, String> {
        let y = self
            .y
            .checked_add(n)
            .ok_or_else(|| "long overflow".to_string())?;
        YEAR.check(y)?;
        Ok(Date {
            y,
            m: self.m,
            d: self.d.min(month_length(y, self.m)),
        })
    }
    pub fn java_hash(&self) -> i32 {
        let y = self.y as i32;
        (y & 0xFFFF_F800u32 as i32) ^ ((y << 11) + ((self.m as i32) << 6) + self.d as i32)
    }
}

/// The year as LocalDate.toString writes it: 4 digits at least, a sign
/// beyond 9999.
pub fn write_year(out: &mut String, y: i64) {
    if y.abs() < 1000 {
        if y < 0 {
            out.push('-');
        }
        out.push_str(&format!("{:04}", y.abs()));
    } else {
        if y > 9999 {
            out.push('+');
        }
        out.push_str(&y.to_string());
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        write_year(&mut s, self.y);
        write!(f, "{s}-{:02}-{:02}", self.m, self.d)
    }
}

// ----- LocalTime -----

/// A time of day in nanoseconds (0 ..= 86399999999999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub nod: i64,
}

impl Time {
    pub fn of(h: i64, m: i64, s: i64, n: i64) -> Result<Time, String> {
        HOUR_OF_DAY.check(h)?;
        MINUTE_OF_HOUR.check(m)?;
        SECOND_OF_MINUTE.check(s)?;
        NANO_OF_SECOND.check(n)?;
        Ok(Time {
            nod: ((h * 60 + m) * 60 + s) * NANOS_PER_SECOND + n,
        })
    }
    pub fn hour(&self) -> i64 {
        self.nod / (3600 * NANOS_PER_SECOND)
    }
    pub fn minute(&self) -> i64 {
        self.nod / (60 * NANOS_PER_SECOND) % 60
    }
    pub fn second(&self) -> i64 {
        self.nod / NANOS_PER_SECOND % 60
    }
    pub fn nano(&self) -> i64 {
        self.nod % NANOS_PER_SECOND
    }
    pub fn second_of_day(&self) -> i64 {
        self.nod / NANOS_PER_SECOND
    }
    /// Adding wraps around midnight, as LocalTime.plusNanos does; also
    /// returns the days carried (for LocalDateTime).
    pub fn plus_nanos_carry(&self, n: i128) -> (Time, i64) {
        let total = self.nod as i128 + n;
        let days = total.div_euclid(NANOS_PER_DAY as i128);
        (
            Time {
                nod: total.rem_euclid(NANOS_PER_DAY as i128) as i64,
            },
            days as i64,
        )
    }
    pub fn java_hash(&self) -> i32 {
        long_hash(self.nod)
    }
}

/// LocalTime.toString: HH:mm, then :ss and a fraction in groups of three
/// digits when not zero.
pub fn write_time(out: &mut String, t: &Time, always_seconds: bool) {
    out.push_str(&format!("{:02}:{:02}", t.hour(), t.minute()));
    let (s, n) = (t.second(), t.nano());
    if s > 0 || n > 0 || always_seconds {
        out.push_str(&format!(":{s:02}"));
        write_fraction_groups(out, n);
    }
}

/// ".nnn", ".nnnnnn" or ".nnnnnnnnn" as toString writes nanos (nothing for 0).
pub fn write_fraction_groups(out: &mut String, n: i64) {
    if n > 0 {
        if n % 1_000_000 == 0 {
            out.push_str(&format!(".{:03}", n / 1_000_000));
        } else if n % 1000 == 0 {
            out.push_str(&format!(".{:06}", n / 1000));
        } else {
            out.push_str(&format!(".{n:09}"));
        }
    }
}

impl std::fmt::Display for Time {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        write_time(&mut s, self, false);
        f.write_str(&s)
    }
}

// ----- LocalDateTime -----

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    pub date: Date,
    pub time: Time,
}

impl DateTime {
    pub fn plus_nanos(&self, n: i128) -> Result<DateTime, String> {
        let (time, days) = self.time.plus_nanos_carry(n);
        Ok(DateTime {
            date: self.date.plus_days(days)?,
            time,
        })
    }
    /// Seconds since the epoch of this local date-time at `offset`.
    pub fn epoch_second(&self, offset: i32) -> i64 {
        self.date.epoch_day() * SECONDS_PER_DAY + self.time.second_of_day() - offset as i64
    }
    pub fn of_epoch_second(secs: i64, nano: i64, offset: i32) -> Result<DateTime, String> {
        let local = secs
            .checked_add(offset as i64)
            .ok_or_else(|| "long overflow".to_string())?;
        let day = local.div_euclid(SECONDS_PER_DAY);
        let sod = local.rem_euclid(SECONDS_PER_DAY);
        Ok(DateTime {
            date: Date::of_epoch_day(day)?,
            time: Time {
                nod: sod * NANOS_PER_SECOND + nano,
            },
        })
    }
    pub fn java_hash(&self) -> i32 {
        self.date.java_hash() ^ self.time.java_hash()
    }
}

impl std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}T{}", self.date, self.time)
    }
}

// ----- Instant and Duration: seconds + nanos (0 .. 1e9) -----

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SecNanos {
    pub secs: i64,
    pub nanos: i64,
}

impl SecNanos {
    pub const ZERO: SecNanos = SecNanos { secs: 0, nanos: 0 };
    /// From seconds and a nano adjustment of any size (ofSeconds(s, n)).
    pub fn of(secs: i64, nano_adj: i64) -> Option<SecNanos> {
        let secs = secs.checked_add(nano_adj.div_euclid(NANOS_PER_SECOND))?;
        Some(SecNanos {
            secs,
            nanos: nano_adj.rem_euclid(NANOS_PER_SECOND),
        })
    }
    pub fn from_total_nanos(n: i128) -> Option<SecNanos> {
        let secs = n.div_euclid(NANOS_PER_SECOND as i128);
        Some(SecNanos {
            secs: i64::try_from(secs).ok()?,
            nanos: n.rem_euclid(NANOS_PER_SECOND as i128) as i64,
        })
    }
    pub fn total_nanos(&self) -> i128 {
        self.secs as i128 * NANOS_PER_SECOND as i128 + self.nanos as i128
    }
    pub fn of_millis(ms: i64) -> SecNanos {
        SecNanos {
            secs: ms.div_euclid(1000),
            nanos: ms.rem_euclid(1000) * 1_000_000,
        }
    }
    /// toMillis (Math.multiplyExact semantics: None on overflow).
    pub fn to_millis(self) -> Option<i64> {
        self.secs
            .checked_mul(1000)?
            .checked_add(self.nanos / 1_000_000)
    }
    pub fn java_hash(&self) -> i32 {
        long_hash(self.secs).wrapping_add(51i32.wrapping_mul(self.nanos as i32))
    }
}

/// Instant.MIN / MAX in epoch seconds.
pub const INSTANT_MIN_SECS: i64 = -31_557_014_167_219_200;
pub const INSTANT_MAX_SECS: i64 = 31_556_889_864_403_199;

pub fn check_instant(i: SecNanos) -> Result<SecNanos, String> {
    if i.secs < INSTANT_MIN_SECS || i.secs > INSTANT_MAX_SECS {
        Err("Instant exceeds minimum or maximum instant".to_string())
    } else {
        Ok(i)
    }
}

/// Instant.toString (DateTimeFormatter.ISO_INSTANT).
pub fn instant_string(i: &SecNanos) -> String {
    let mut out = String::new();
    let day = i.secs.div_euclid(SECONDS_PER_DAY);
    let sod = i.secs.rem_euclid(SECONDS_PER_DAY);
    let (y, m, d) = gregorian_from_days(day);
    write_year(&mut out, y);
    out.push_str(&format!("-{m:02}-{d:02}T"));
    write_time(
        &mut out,
        &Time {
            nod: sod * NANOS_PER_SECOND + i.nanos,
        },
        true,
    );
    out.push('Z');
    out
}

/// Duration.toString, as the JDK writes it (PT8H6M12.345S).
pub fn duration_string(d: &SecNanos) -> String {
    if d.secs == 0 && d.nanos == 0 {
        return "PT0S".to_string();
    }
    let mut effective = d.secs;
    if d.secs < 0 && d.nanos > 0 {
        effective += 1;
    }
    let hours = effective / 3600;
    let minutes = (effective % 3600) / 60;
    let secs = effective % 60;
    let mut buf = String::from("PT");
    if hours != 0 {
        buf.push_str(&format!("{hours}H"));
    }
    if minutes != 0 {
        buf.push_str(&format!("{minutes}M"));
    }
    if secs == 0 && d.nanos == 0 && buf.len() > 2 {
        return buf;
    }
    if d.secs < 0 && d.nanos > 0 {
        if secs == 0 {
            buf.push_str("-0");
        } else {
            buf.push_str(&secs.to_string());
        }
    } else {
        buf.push_str(&secs.to_string());
    }
    if d.nanos > 0 {
        let pos = buf.len();
        let frac = if d.secs < 0 {
            2 * NANOS_PER_SECOND - d.nanos
        } else {
            d.nanos + NANOS_PER_SECOND
        };
        buf.push_str(&frac.to_string());
        while buf.ends_with('0') {
            buf.pop();
        }
        buf.replace_range(pos..pos + 1, ".");
    }
    buf.push('S');
    buf
}

// ----- Period -----

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub y: i32,
    pub m: i32,
    pub d: i32,
}

impl Period {
    pub fn java_hash(&self) -> i32 {
        self.y
            .wrapping_add(self.m.rotate_left(8))
            .wrapping_add(self.d.rotate_left(16))
    }
    /// Period.between: whole years, months and days from `a` to `b`.
    pub fn between(a: &Date, b: &Date) -> Period {
        let mut total_months = (b.y * 12 + b.m as i64) - (a.y * 12 + a.m as i64);
        let mut days = b.d as i64 - a.d as i64;
        if total_months > 0 && days < 0 {
            total_months -= 1;
            let calc = a.plus_months(total_months).unwrap_or(*a);
            days = b.epoch_day() - calc.epoch_day();
        } else if total_months < 0 && days > 0 {
            total_months += 1;
            days -= b.length_of_month() as i64;
        }
        Period {
            y: (total_months / 12) as i32,
            m: (total_months % 12) as i32,
            d: days as i32,
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.y == 0 && self.m == 0 && self.d == 0 {
            return f.write_str("P0D");
        }
        f.write_str("P")?;
        if self.y != 0 {
            write!(f, "{}Y", self.y)?;
        }
        if self.m != 0 {
            write!(f, "{}M", self.m)?;
        }
        if self.d != 0 {
            write!(f, "{}D", self.d)?;
        }
        Ok(())
    }
}

// ----- Zones -----

/// ZoneOffset.getId: Z, +02:00, -05:30:15.
pub fn offset_id(total: i32) -> String {
    if total == 0 {
        return "Z".to_string();
    }
    let abs = total.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    let sign = if total < 0 { '-' } else { '+' };
    if s != 0 {
        format!("{sign}{h:02}:{m:02}:{s:02}")
    } else {
        format!("{sign}{h:02}:{m:02}")
    }
}

/// ZoneOffset.of's accepted forms: Z, +h, +hh, +hh:mm, +hhmm, +hh:mm:ss,
/// +hhmmss (also `-`). Err: the JDK's message.
pub fn parse_offset(id: &str) -> Result<i32, String> {
    if id == "Z" {
        return Ok(0);
    }
    let bad = || format!("Invalid ID for ZoneOffset, invalid format: {id}");
    let (sign, rest) = match id.as_bytes().first() {
        Some(b'+') => (1, &id[1..]),
        Some(b'-') => (-1, &id[1..]),
        _ => return Err(bad()),
    };
    if !rest.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<i32>().map_err(|_| bad());
    let (h, m, s) = match rest.len() {
        1 | 2 => (num(rest)?, 0, 0),
        4 if !rest.contains(':') => (num(&rest[..2])?, num(&rest[2..])?, 0),
        5 if rest.as_bytes()[2] == b':' => (num(&rest[..2])?, num(&rest[3..])?, 0),
        6 if !rest.contains(':') => (num(&rest[..2])?, num(&rest[2..4])?, num(&rest[4..])?),
        8 if rest.as_bytes()[2] == b':' && rest.as_bytes()[5] == b':' => {
            (num(&rest[..2])?, num(&rest[3..5])?, num(&rest[6..])?)
        }
        _ => return Err(bad()),
    };
    offset_of(sign * h, sign * m, sign * s)
}

/// ZoneOffset.ofHoursMinutesSeconds with its validation.
pub fn offset_of(h: i32, m: i32, s: i32) -> Result<i32, String> {
    if !(-18..=18).contains(&h) {
        return Err(format!(
            "Zone offset hours not in valid range: value {h} is not in the range -18 to 18"
        ));
    }
    if !(-59..=59).contains(&m) {
        return Err(format!(
            "Zone offset minutes not in valid range: value {m} is not in the range -59 to 59"
        ));
    }
    if !(-59..=59).contains(&s) {
        return Err(format!(
            "Zone offset seconds not in valid range: value {s} is not in the range -59 to 59"
        ));
    }
    let total = h * 3600 + m * 60 + s;
    if total.abs() > 18 * 3600 {
        return Err("Zone offset not in valid range: -18:00 to +18:00".to_string());
    }
    Ok(total)
}

/// A ZoneId: a fixed offset (ZoneOffset) or a region whose rules cljw
/// knows: the UTC aliases and prefixed offsets (UTC+01:00, GMT-5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    Offset(i32),
    Region(String, i32),
}

impl Zone {
    pub fn offset(&self) -> i32 {
        match self {
            Zone::Offset(o) | Zone::Region(_, o) => *o,
        }
    }
    pub fn id(&self) -> String {
        match self {
            Zone::Offset(o) => offset_id(*o),
            Zone::Region(id, _) => id.clone(),
        }
    }
    pub fn java_hash(&self) -> i32 {
        match self {
            Zone::Offset(o) => *o,
            Zone::Region(id, _) => java_string_hash(id),
        }
    }
}

pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(c as i32))
}

/// Zone regions with a fixed rule: what ZoneId.of accepts without a
/// time-zone database.
const UTC_REGIONS: &[&str] = &[
    "UTC",
    "GMT",
    "UT",
    "Etc/UTC",
    "Etc/GMT",
    "Etc/UCT",
    "Etc/Universal",
    "Etc/Zulu",
    "Etc/Greenwich",
    "Etc/GMT0",
    "Etc/GMT+0",
    "Etc/GMT-0",
    "UCT",
    "Universal",
    "Zulu",
    "Greenwich",
    "GMT0",
];

/// How ZoneId.of failed: the JDK's exception class decides.
pub enum ZoneError {
    /// DateTimeException: a malformed ID.
    Invalid(String),
    /// ZoneRulesException: a well-formed region cljw has no rules for.
    Unknown(String),
}

/// ZoneId.of.
pub fn zone_of(id: &str) -> Result<Zone, ZoneError> {
    if id == "Z" || id.starts_with('+') || id.starts_with('-') {
        return parse_offset(id)
            .map(Zone::Offset)
            .map_err(ZoneError::Invalid);
    }
    for prefix in ["UTC", "GMT", "UT"] {
        if let Some(rest) = id.strip_prefix(prefix)
            && (rest.starts_with('+') || rest.starts_with('-'))
        {
            let o = parse_offset(rest).map_err(|_| {
                ZoneError::Invalid(format!("Invalid ID for offset-based ZoneId: {id}"))
            })?;
            return Ok(Zone::Region(format!("{prefix}{}", offset_id(o)), o));
        }
    }
    if UTC_REGIONS.contains(&id) {
        return Ok(Zone::Region(id.to_string(), 0));
    }
    let well_formed = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "~/._+-".contains(c));
    if !well_formed {
        return Err(ZoneError::Invalid(format!(
            "Invalid ID for region-based ZoneId, invalid format: {id}"
        )));
    }
    if std::path::Path::new("/usr/share/zoneinfo")
        .join(id)
        .is_file()
    {
        return Err(ZoneError::Unknown(format!(
            "cljw does not support the time-zone rules of {id}: only UTC and fixed offsets"
        )));
    }
    Err(ZoneError::Unknown(format!("Unknown time-zone ID: {id}")))
}

/// ZoneId.systemDefault: TZ, else /etc/timezone, when it names a UTC
/// region; anything else is reported as Etc/UTC's rules would not apply,
/// so it is an error the caller turns into an exception.
pub fn system_zone() -> Result<Zone, ZoneError> {
    let name = std::env::var("TZ")
        .ok()
        .map(|s| s.trim_start_matches(':').to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            std::fs::read_to_string("/etc/timezone")
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "Etc/UTC".to_string());
    zone_of(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_hashes_match_the_jdk() {
        let d = Date::of(2024, 2, 29).unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(d.day_of_week(), 4);
        assert_eq!(d.day_of_year(), 60);
        assert_eq!(d.epoch_day(), 19782);
        assert_eq!(Date::of(2024, 1, 1).unwrap().java_hash(), 4145217);
        assert_eq!(d.plus_months(12).unwrap().to_string(), "2025-02-28");
        assert_eq!(Date::of_epoch_day(-1000).unwrap().to_string(), "1967-04-07");
        assert_eq!(Date::of(-1, 1, 1).unwrap().to_string(), "-0001-01-01");
        assert_eq!(Date::of(10000, 1, 1).unwrap().to_string(), "+10000-01-01");
        assert_eq!(
            Date::of(2023, 2, 29).unwrap_err(),
            "Invalid date 'February 29' as '2023' is not a leap year"
        );
        assert_eq!(
            Date::of(2023, 4, 31).unwrap_err(),
            "Invalid date 'APRIL 31'"
        );
        assert_eq!(
            Date::of(2023, 1, 32).unwrap_err(),
            "Invalid value for DayOfMonth (valid values 1 - 28/31): 32"
        );
    }

    #[test]
    fn times_instants_durations_print_like_the_jdk() {
        assert_eq!(
            Time::of(1, 2, 3, 4000).unwrap().to_string(),
            "01:02:03.000004"
        );
        assert_eq!(Time::of(9, 5, 0, 0).unwrap().to_string(), "09:05");
        assert_eq!(Time::of(10, 0, 0, 0).unwrap().java_hash(), -415866691);
        assert_eq!(
            instant_string(&SecNanos::of_millis(1_700_000_000_123)),
            "2023-11-14T22:13:20.123Z"
        );
        assert_eq!(
            SecNanos::of_millis(1_700_000_000_123).java_hash(),
            -616934592
        );
        assert_eq!(
            instant_string(&SecNanos::of(-1, 0).unwrap()),
            "1969-12-31T23:59:59Z"
        );
        let d = |s, n| duration_string(&SecNanos::of(s, n).unwrap());
        assert_eq!(d(3723, 0), "PT1H2M3S");
        assert_eq!(d(-61, 0), "PT-1M-1S");
        assert_eq!(d(59, -1), "PT58.999999999S");
        assert_eq!(d(0, -1_000_000), "PT-0.001S");
        assert_eq!(d(172_800, 0), "PT48H");
        assert_eq!(d(0, 0), "PT0S");
        assert_eq!(Period { y: 1, m: 2, d: 3 }.java_hash(), 197121);
        let a = Date::of(2020, 1, 15).unwrap();
        let b = Date::of(2024, 3, 1).unwrap();
        assert_eq!(Period::between(&a, &b).to_string(), "P4Y1M15D");
        assert_eq!(offset_id(5 * 3600 + 1800), "+05:30");
        assert_eq!(parse_offset("+0530"), Ok(19800));
    }
}
