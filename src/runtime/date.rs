//! java.util.Date: an instant as milliseconds since the epoch (UTC), what
//! `#inst "..."` reads to. Calendar fields follow java.util.GregorianCalendar
//! with its default cutover: dates before 1582-10-15 are Julian, so
//! `#inst "1000-01-01"` has the JVM's epoch millis and prints back unchanged.
//! The default time zone is taken to be UTC (Date.toString names it "UTC").

use super::error::{ExClass, Exception, Result};
use super::gc::Ref;
use super::value::{Value, View};
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};

/// Which class of the java.util.Date family a Date value is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateKind {
    /// java.util.Date.
    Util,
    /// java.sql.Date (a Date whose toString is `yyyy-mm-dd`).
    Sql,
    /// java.sql.Timestamp: whole seconds plus nanoseconds.
    Timestamp,
}

/// A java.util.Date (or java.sql.Date / java.sql.Timestamp): mutable, as
/// on the JVM (`setTime`, Timestamp's `setNanos`).
pub struct Date {
    kind: DateKind,
    /// getTime(): epoch millis (a Timestamp's include its nanos' millis).
    millis: AtomicI64,
    /// A Timestamp's fraction of a second in nanoseconds (0 otherwise).
    nanos: AtomicI64,
}

impl Date {
    fn new(kind: DateKind, millis: i64, nanos: i64) -> Date {
        Date {
            kind,
            millis: AtomicI64::new(millis),
            nanos: AtomicI64::new(nanos),
        }
    }
    pub fn kind(&self) -> DateKind {
        self.kind
    }
    pub fn class_name(&self) -> &'static str {
        match self.kind {
            DateKind::Util => "java.util.Date",
            DateKind::Sql => "java.sql.Date",
            DateKind::Timestamp => "java.sql.Timestamp",
        }
    }
    /// getTime().
    pub fn millis(&self) -> i64 {
        self.millis.load(Relaxed)
    }
    /// A Timestamp's getNanos (0 for the other kinds).
    pub fn nanos(&self) -> i64 {
        self.nanos.load(Relaxed)
    }
    /// setTime(ms); a Timestamp's nanos become the millis' fraction.
    pub fn set_millis(&self, ms: i64) {
        if self.kind == DateKind::Timestamp {
            self.nanos.store(ms.rem_euclid(1000) * 1_000_000, Relaxed);
        }
        self.millis.store(ms, Relaxed);
    }
    /// Timestamp.setNanos (the caller checks the range 0..=999999999).
    pub fn set_nanos(&self, n: i64) {
        let secs_ms = self.millis().div_euclid(1000) * 1000;
        self.nanos.store(n, Relaxed);
        self.millis.store(secs_ms + n / 1_000_000, Relaxed);
    }
    /// Date.hashCode: `(int) (ms ^ (ms >>> 32))`; also its hasheq.
    pub fn java_hash(&self) -> i32 {
        let ms = self.millis();
        (ms ^ ((ms as u64) >> 32) as i64) as i32
    }
    /// Date.equals / Timestamp.equals: the same getTime, and for a
    /// Timestamp receiver a Timestamp argument with the same nanos.
    pub fn java_equals(&self, other: &Date) -> bool {
        match self.kind {
            DateKind::Timestamp => {
                other.kind == DateKind::Timestamp
                    && self.millis() == other.millis()
                    && self.nanos() == other.nanos()
            }
            _ => self.millis() == other.millis(),
        }
    }
    /// compareTo: by getTime, then (both Timestamps) by nanos.
    pub fn compare(&self, other: &Date) -> std::cmp::Ordering {
        let key = |d: &Date| match d.kind {
            DateKind::Timestamp => (d.millis().div_euclid(1000), d.nanos()),
            _ => (
                d.millis().div_euclid(1000),
                d.millis().rem_euclid(1000) * 1_000_000,
            ),
        };
        key(self).cmp(&key(other))
    }
    /// How `#inst` prints it (clojure.instant/print-date): SimpleDateFormat
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS-00:00` in GMT; a Timestamp
    /// (print-timestamp) shows its nine digits of nanos.
    pub fn rfc3339(&self) -> String {
        let f = Fields::of(self.millis());
        let frac = match self.kind {
            DateKind::Timestamp => format!("{:09}", self.nanos()),
            _ => format!("{:03}", f.milli),
        };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{frac}-00:00",
            f.year_of_era(),
            f.month,
            f.day,
            f.hour,
            f.minute,
            f.second,
        )
    }
    /// Calendar fields in UTC for date formatters outside runtime/:
    /// `[year of era, month 1-12, day, hour, minute, second, milli,
    /// day of week 1-7 with Sunday 1]`.
    pub fn utc_fields(&self) -> [i64; 8] {
        let f = Fields::of(self.millis());
        // 1970-01-01 was a Thursday (5 counting Sunday as 1).
        let dow = (f.epoch_day + 4).rem_euclid(7) + 1;
        [
            f.year_of_era(),
            f.month,
            f.day,
            f.hour,
            f.minute,
            f.second,
            f.milli,
            dow,
        ]
    }
    /// toString in the default zone: Date's `EEE MMM dd HH:mm:ss zzz
    /// yyyy`, java.sql.Date's `yyyy-mm-dd`, Timestamp's `yyyy-mm-dd
    /// hh:mm:ss.f` (nanos without trailing zeros, at least one digit).
    pub fn java_string(&self) -> String {
        let f = Fields::of(self.millis());
        match self.kind {
            DateKind::Util => {}
            DateKind::Sql => {
                return format!("{:04}-{:02}-{:02}", f.year_of_era(), f.month, f.day);
            }
            DateKind::Timestamp => {
                let nanos = format!("{:09}", self.nanos());
                let frac = match nanos.trim_end_matches('0') {
                    "" => "0",
                    t => t,
                };
                return format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{frac}",
                    f.year_of_era(),
                    f.month,
                    f.day,
                    f.hour,
                    f.minute,
                    f.second
                );
            }
        }
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        // 1970-01-01 was a Thursday.
        let dow = DAYS
            .get(f.epoch_day.rem_euclid(7) as usize)
            .copied()
            .unwrap_or("Thu");
        let mon = MONTHS.get((f.month - 1) as usize).copied().unwrap_or("Jan");
        format!(
            "{dow} {mon} {:02} {:02}:{:02}:{:02} UTC {}",
            f.day,
            f.hour,
            f.minute,
            f.second,
            f.year_of_era()
        )
    }
}

/// The IMF-fixdate of HTTP's Date header (RFC 9110 5.6.7):
/// `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn http_date(millis: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let f = Fields::of(millis);
    let dow = DAYS
        .get(f.epoch_day.rem_euclid(7) as usize)
        .copied()
        .unwrap_or("Thu");
    let mon = MONTHS.get((f.month - 1) as usize).copied().unwrap_or("Jan");
    format!(
        "{dow}, {:02} {mon} {:04} {:02}:{:02}:{:02} GMT",
        f.day,
        f.year_of_era(),
        f.hour,
        f.minute,
        f.second
    )
}

impl Value {
    /// A java.util.Date at `millis` since the epoch.
    pub fn date(millis: i64) -> Value {
        Value::date_of(DateKind::Util, millis)
    }
    /// A java.util.Date, java.sql.Date or java.sql.Timestamp at `millis`
    /// (a Timestamp's nanos are the millis' fraction, as `new
    /// Timestamp(ms)`).
    pub fn date_of(kind: DateKind, millis: i64) -> Value {
        let nanos = match kind {
            DateKind::Timestamp => millis.rem_euclid(1000) * 1_000_000,
            _ => 0,
        };
        Value::from(Ref::new(Date::new(kind, millis, nanos)))
    }
    /// `(java.util.Date.)`: the current time.
    pub fn date_now() -> Value {
        let ms = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
            Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
        };
        Value::date(ms)
    }
    /// The epoch millis of a Date value.
    pub fn as_date_millis(&self) -> Option<i64> {
        match self.view() {
            View::Date(d) => Some(d.millis()),
            _ => None,
        }
    }
}

const MS_PER_DAY: i64 = 86_400_000;
/// Epoch day of 1582-10-15, GregorianCalendar's default cutover.
const CUTOVER_DAY: i64 = -141_427;

/// Calendar fields of an instant in UTC.
struct Fields {
    epoch_day: i64,
    /// Astronomical year (0 is 1 BC).
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    milli: i64,
}

impl Fields {
    fn of(millis: i64) -> Fields {
        let (epoch_day, ms) = (millis.div_euclid(MS_PER_DAY), millis.rem_euclid(MS_PER_DAY));
        let (year, month, day) = if epoch_day >= CUTOVER_DAY {
            gregorian_from_days(epoch_day)
        } else {
            julian_from_days(epoch_day)
        };
        Fields {
            epoch_day,
            year,
            month,
            day,
            hour: ms / 3_600_000,
            minute: ms / 60_000 % 60,
            second: ms / 1000 % 60,
            milli: ms % 1000,
        }
    }
    /// The year as `yyyy` and Date.toString show it: 1 BC is 1.
    fn year_of_era(&self) -> i64 {
        if self.year <= 0 {
            1 - self.year
        } else {
            self.year
        }
    }
}

/// Epoch day of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_gregorian(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn gregorian_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Julian day number 2440588 is 1970-01-01.
const EPOCH_JDN: i64 = 2_440_588;

/// Epoch day of a proleptic Julian date (astronomical years).
fn days_from_julian(y: i64, m: i64, d: i64) -> i64 {
    let a = (14 - m).div_euclid(12);
    let yy = y + 4800 - a;
    let mm = m + 12 * a - 3;
    let jdn = d + (153 * mm + 2).div_euclid(5) + 365 * yy + yy.div_euclid(4) - 32_083;
    jdn - EPOCH_JDN
}

fn julian_from_days(z: i64) -> (i64, i64, i64) {
    let c = z + EPOCH_JDN + 32_082;
    let d = (4 * c + 3).div_euclid(1461);
    let e = c - (1461 * d).div_euclid(4);
    let m = (5 * e + 2).div_euclid(153);
    let day = e - (153 * m + 2).div_euclid(5) + 1;
    let month = m + 3 - 12 * m.div_euclid(10);
    let year = d - 4800 + m.div_euclid(10);
    (year, month, day)
}

/// GregorianCalendar's lenient field-to-day mapping: Gregorian from the
/// cutover on, Julian before it (a date in the ten skipped days is read as
/// Julian, so 1582-10-14 is 1582-10-24).
fn epoch_day(y: i64, m: i64, d: i64) -> i64 {
    let g = days_from_gregorian(y, m, d);
    if g >= CUTOVER_DAY {
        g
    } else {
        days_from_julian(y, m, d)
    }
}

/// The deprecated `Date(year - 1900, month0, day[, hrs, min[, sec]])`
/// constructors in UTC, lenient: out-of-range months, days and times carry.
pub fn millis_from_fields(year: i64, month0: i64, day: i64, h: i64, m: i64, s: i64) -> i64 {
    // Years past ±10^12 are far outside Date's range (about ±2.9 x 10^8
    // years) and would overflow the day arithmetic: the millis saturate.
    let y = year
        .saturating_add(1900)
        .saturating_add(month0.div_euclid(12))
        .clamp(-1_000_000_000_000, 1_000_000_000_000);
    let first = epoch_day(y, month0.rem_euclid(12) + 1, 1);
    let days = first.saturating_add(day.saturating_sub(1));
    let secs = h
        .saturating_mul(3600)
        .saturating_add(m.saturating_mul(60))
        .saturating_add(s);
    days.saturating_mul(MS_PER_DAY)
        .saturating_add(secs.saturating_mul(1000))
}

fn unrecognized(s: &str) -> Exception {
    Exception::new(
        ExClass::RuntimeException,
        format!("Unrecognized date/time syntax: {s}"),
    )
}

fn failed(test: &str) -> Exception {
    Exception::new(ExClass::RuntimeException, format!("failed: {test}"))
}

/// clojure.instant/read-instant-date: parse, validate the fields in
/// clojure.instant's order with its messages, and return epoch millis
/// (fractional seconds truncated to milliseconds).
pub fn parse_instant(s: &str) -> Result<i64> {
    let f = parse_timestamp_fields(s)?;
    validate_timestamp_fields(&f)?;
    Ok(timestamp_millis(&f))
}

/// The fields clojure.instant/parse-timestamp passes on: years months days
/// hours minutes seconds nanoseconds offset-sign offset-hours
/// offset-minutes.
pub type TimestampFields = [i64; 10];

/// clojure.instant/parse-timestamp's syntax,
/// `yyyy[-MM[-dd[Thh[:mm[:ss[.f+]]]]]][Z|(+|-)hh:mm]`, unvalidated.
pub fn parse_timestamp_fields(s: &str) -> Result<TimestampFields> {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, n: usize| -> Option<i64> {
        let d = b.get(*i..*i + n)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        *i += n;
        Some(d.iter().fold(0, |acc, c| acc * 10 + i64::from(c - b'0')))
    };
    let bad = || unrecognized(s);
    let year = num(&mut i, 4).ok_or_else(bad)?;
    let (mut month, mut day, mut hour, mut minute, mut second, mut nanos) = (1, 1, 0, 0, 0, 0);
    if b.get(i) == Some(&b'-') {
        i += 1;
        month = num(&mut i, 2).ok_or_else(bad)?;
        if b.get(i) == Some(&b'-') {
            i += 1;
            day = num(&mut i, 2).ok_or_else(bad)?;
            if b.get(i) == Some(&b'T') {
                i += 1;
                hour = num(&mut i, 2).ok_or_else(bad)?;
                if b.get(i) == Some(&b':') {
                    i += 1;
                    minute = num(&mut i, 2).ok_or_else(bad)?;
                    if b.get(i) == Some(&b':') {
                        i += 1;
                        second = num(&mut i, 2).ok_or_else(bad)?;
                        if b.get(i) == Some(&b'.') {
                            i += 1;
                            let start = i;
                            while b.get(i).is_some_and(u8::is_ascii_digit) {
                                i += 1;
                            }
                            let digits = b.get(start..i).unwrap_or_default();
                            if digits.is_empty() {
                                return Err(bad());
                            }
                            // zero-fill-right to 9 digits.
                            for k in 0..9 {
                                let dgt = digits.get(k).map_or(0, |c| i64::from(c - b'0'));
                                nanos = nanos * 10 + dgt;
                            }
                        }
                    }
                }
            }
        }
    }
    let (mut sign, mut off_h, mut off_m) = (0, 0, 0);
    match b.get(i) {
        None => {}
        Some(b'Z') => i += 1,
        Some(&c @ (b'+' | b'-')) => {
            i += 1;
            off_h = num(&mut i, 2).ok_or_else(bad)?;
            if b.get(i) != Some(&b':') {
                return Err(bad());
            }
            i += 1;
            off_m = num(&mut i, 2).ok_or_else(bad)?;
            sign = if c == b'-' { -1 } else { 1 };
        }
        _ => return Err(bad()),
    }
    if i != b.len() {
        return Err(bad());
    }
    Ok([
        year, month, day, hour, minute, second, nanos, sign, off_h, off_m,
    ])
}

/// clojure.instant/validated's checks, in its order and with its messages.
pub fn validate_timestamp_fields(f: &TimestampFields) -> Result<()> {
    let [
        year,
        month,
        day,
        hour,
        minute,
        second,
        nanos,
        sign,
        off_h,
        off_m,
    ] = *f;
    if !(1..=12).contains(&month) {
        return Err(failed("(<= 1 months 12)"));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let dim = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=dim).contains(&day) {
        return Err(failed(
            "(<= 1 days (days-in-month months (leap-year? years)))",
        ));
    }
    if !(0..=23).contains(&hour) {
        return Err(failed("(<= 0 hours 23)"));
    }
    if !(0..=59).contains(&minute) {
        return Err(failed("(<= 0 minutes 59)"));
    }
    if !(0..=if minute == 59 { 60 } else { 59 }).contains(&second) {
        return Err(failed("(<= 0 seconds (if (= minutes 59) 60 59))"));
    }
    if !(0..=999_999_999).contains(&nanos) {
        return Err(failed("(<= 0 nanoseconds 999999999)"));
    }
    if !(-1..=1).contains(&sign) {
        return Err(failed("(<= -1 offset-sign 1)"));
    }
    if !(0..=23).contains(&off_h) {
        return Err(failed("(<= 0 offset-hours 23)"));
    }
    if !(0..=59).contains(&off_m) {
        return Err(failed("(<= 0 offset-minutes 59)"));
    }
    Ok(())
}

/// Epoch millis of validated fields (the fraction truncated to millis).
pub fn timestamp_millis(f: &TimestampFields) -> i64 {
    let [
        year,
        month,
        day,
        hour,
        minute,
        second,
        nanos,
        sign,
        off_h,
        off_m,
    ] = *f;
    // GregorianCalendar in zone GMT±hh:mm; a leap second rolls over.
    let day_ms = epoch_day(year, month, day) * MS_PER_DAY;
    let time_ms = ((hour * 60 + minute) * 60 + second) * 1000 + nanos / 1_000_000;
    let offset_ms = sign * (off_h * 60 + off_m) * 60_000;
    day_ms + time_ms - offset_ms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inst(s: &str) -> String {
        Date::new(DateKind::Util, parse_instant(s).unwrap(), 0).rfc3339()
    }

    #[test]
    fn http_date_is_imf_fixdate() {
        // RFC 9110's example, and DateTimeFormatter.RFC_1123_DATE_TIME of
        // Instant.ofEpochMilli(0) at UTC (with a two-digit day).
        assert_eq!(http_date(784_111_777_000), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    #[test]
    fn parses_and_prints_like_clojure_instant() {
        // JVM: (read-string "#inst \"...\"") and (inst-ms ...)
        assert_eq!(inst("2020"), "2020-01-01T00:00:00.000-00:00");
        assert_eq!(parse_instant("2020").unwrap(), 1_577_836_800_000);
        assert_eq!(inst("2020-01-01T23:59:60"), "2020-01-02T00:00:00.000-00:00");
        assert_eq!(inst("1000-01-01"), "1000-01-01T00:00:00.000-00:00");
        assert_eq!(parse_instant("1000-01-01").unwrap(), -30_609_792_000_000);
        assert_eq!(parse_instant("1582-10-15").unwrap(), -12_219_292_800_000);
        assert_eq!(parse_instant("1582-10-14").unwrap(), -12_218_515_200_000);
        assert_eq!(inst("1582-10-14"), "1582-10-24T00:00:00.000-00:00");
        assert_eq!(inst("0000-01-01"), "0001-01-01T00:00:00.000-00:00");
        assert_eq!(parse_instant("0000-01-01").unwrap(), -62_167_392_000_000);
        assert_eq!(
            inst("9999-12-31T23:59:59.999999999-01:00"),
            "10000-01-01T00:59:59.999-00:00"
        );
        assert_eq!(
            inst("2020-01-01T00:00:00.1234567891234"),
            "2020-01-01T00:00:00.123-00:00"
        );
        assert_eq!(inst("2020-01-01T10+05:30"), "2020-01-01T04:30:00.000-00:00");
        assert_eq!(inst("2020Z"), "2020-01-01T00:00:00.000-00:00");
        assert_eq!(
            inst("2020-01-01T00:00:00-23:59"),
            "2020-01-01T23:59:00.000-00:00"
        );
    }

    #[test]
    fn invalid_instants_fail_like_the_jvm() {
        let msg = |s: &str| {
            parse_instant(s)
                .unwrap_err()
                .message()
                .unwrap_or("")
                .to_string()
        };
        // JVM: RuntimeException messages of clojure.instant.
        assert_eq!(msg("2020-13-01"), "failed: (<= 1 months 12)");
        assert_eq!(msg("2020-13-01T00:00:00+24:00"), "failed: (<= 1 months 12)");
        assert_eq!(
            msg("2020-01-01T23:58:60"),
            "failed: (<= 0 seconds (if (= minutes 59) 60 59))"
        );
        assert_eq!(
            msg("1900-02-29"),
            "failed: (<= 1 days (days-in-month months (leap-year? years)))"
        );
        assert_eq!(
            msg("2020-01-01T00:00:00+24:00"),
            "failed: (<= 0 offset-hours 23)"
        );
        assert_eq!(
            msg("2020-01-01T00:00:00+01:60"),
            "failed: (<= 0 offset-minutes 59)"
        );
        for s in [
            "2020-01-01T",
            "20200",
            "-2020",
            "2020-01-01T00:00:00.",
            "2020-01-01 00:00:00",
        ] {
            assert_eq!(msg(s), format!("Unrecognized date/time syntax: {s}"));
        }
    }

    #[test]
    fn to_string_and_hash_match_java() {
        let d = |ms| Date::new(DateKind::Util, ms, 0);
        // JVM (TZ=UTC): (str (java.util.Date. ms))
        assert_eq!(d(0).java_string(), "Thu Jan 01 00:00:00 UTC 1970");
        assert_eq!(
            d(-100_000_000_000_000).java_string(),
            "Thu Feb 26 14:13:20 UTC 1200"
        );
        assert_eq!(
            d(100_000_000_000_000).java_string(),
            "Wed Nov 16 09:46:40 UTC 5138"
        );
        assert_eq!(
            d(-12_219_292_800_001).java_string(),
            "Thu Oct 04 23:59:59 UTC 1582"
        );
        assert_eq!(
            d(-62_167_392_000_000).java_string(),
            "Thu Jan 01 00:00:00 UTC 1"
        );
        assert_eq!(d(-1).rfc3339(), "1969-12-31T23:59:59.999-00:00");
        // JVM: (hash #inst "2020-07-04T12:34:56.789") 433230310
        let ms = parse_instant("2020-07-04T12:34:56.789").unwrap();
        assert_eq!(d(ms).java_hash(), 433_230_310);
        let ms = parse_instant("1900-07-04T12:34:56.789").unwrap();
        assert_eq!(d(ms).java_hash(), -1_682_385_260);
        // JVM (TZ=UTC): (java.util.Date. 1 2 3) #inst "1901-03-03T00:00:00.000-00:00",
        // (java.util.Date. 120 13 32 25 61 61) #inst "2021-03-05T02:02:01.000-00:00"
        assert_eq!(
            d(millis_from_fields(1, 2, 3, 0, 0, 0)).rfc3339(),
            "1901-03-03T00:00:00.000-00:00"
        );
        assert_eq!(
            d(millis_from_fields(120, 13, 32, 25, 61, 61)).rfc3339(),
            "2021-03-05T02:02:01.000-00:00"
        );
        // Extreme values do not panic.
        let _ = (d(i64::MAX).java_string(), d(i64::MIN).rfc3339());
    }
}
