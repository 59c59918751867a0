//! java.text.SimpleDateFormat (English symbols, the Gregorian calendar
//! with its 1582 cutover): a pattern of letters and quoted text formats a
//! Date in the formatter's TimeZone (a fixed offset, `calendar`) and
//! parses text back, leniently, as the JDK does by default. The week
//! letters (w W Y) are not supported and throw. Zone names parse for GMT,
//! UTC, UT and the US abbreviations (EST ... PDT) only, and a parsed zone
//! does not become the formatter's zone (the JDK's `parse` sets it on the
//! formatter's calendar, which later `format` calls show).

use crate::runtime::class::ClassDef;
use crate::runtime::date;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use std::fmt::Write;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MS_PER_MINUTE: i64 = 60_000;

/// One element of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
enum Item {
    Text(String),
    /// A pattern letter repeated `n` times.
    Field(char, usize),
}

/// The pattern letters SimpleDateFormat knows; the ones cljw formats are
/// all but the week fields.
const LETTERS: &str = "GyYMLwWDdFEuaHkKhmsSzZX";

/// SimpleDateFormat.compile: letters, quoted text, other characters as
/// text; the JDK's IllegalArgumentException for a letter it lacks.
fn compile(pattern: &str) -> Result<Vec<Item>> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut items = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\'' {
            if chars.get(i + 1) == Some(&'\'') {
                text.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return err::illegal_arg("Unterminated quote");
                    }
                    Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                        text.push('\'');
                        i += 2;
                    }
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(&q) => {
                        text.push(q);
                        i += 1;
                    }
                }
            }
            continue;
        }
        if !c.is_ascii_alphabetic() {
            text.push(c);
            i += 1;
            continue;
        }
        if !LETTERS.contains(c) {
            return err::illegal_arg(format!("Illegal pattern character '{c}'"));
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        if c == 'X' && n > 3 {
            return err::illegal_arg(format!("invalid ISO 8601 format: length={n}"));
        }
        if matches!(c, 'w' | 'W' | 'Y') {
            return err::unsupported(format!(
                "cljw does not support the SimpleDateFormat week letter '{c}'"
            ));
        }
        if !text.is_empty() {
            items.push(Item::Text(std::mem::take(&mut text)));
        }
        items.push(Item::Field(c, n));
        i += n;
    }
    if !text.is_empty() {
        items.push(Item::Text(text));
    }
    Ok(items)
}

/// A fixed-offset zone: its ID and offset.
#[derive(Clone, Debug, PartialEq)]
struct Zone {
    id: String,
    offset_ms: i64,
}

struct State {
    pattern: String,
    items: Vec<Item>,
    zone: Zone,
    lenient: bool,
}

/// A java.text.SimpleDateFormat (mutable: setTimeZone, applyPattern ...).
struct SimpleDateFormat(Lock<State>);

impl ForeignObject for SimpleDateFormat {
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        let o = other.downcast_ref::<SimpleDateFormat>()?;
        if std::ptr::eq(self, o) {
            return Some(true);
        }
        let a = lock(&self.0).pattern.clone();
        Some(a == lock(&o.0).pattern)
    }
    /// SimpleDateFormat.hashCode: the pattern's String.hashCode.
    fn hash_code(&self) -> Option<i32> {
        let p = lock(&self.0).pattern.clone();
        Some(
            p.encode_utf16()
                .fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(c as i32)),
        )
    }
}

/// The short and long names of a zero-offset ID, as the JDK shows them.
fn zone_names(z: &Zone) -> (String, String) {
    match z.id.as_str() {
        "GMT" | "Etc/GMT" | "GMT0" | "Etc/GMT0" | "Etc/GMT+0" | "Etc/GMT-0" | "Greenwich"
        | "Etc/Greenwich" => ("GMT".into(), "Greenwich Mean Time".into()),
        "UTC" | "Etc/UTC" | "UCT" | "Etc/UCT" | "Universal" | "Etc/Universal" | "Zulu"
        | "Etc/Zulu" => ("UTC".into(), "Coordinated Universal Time".into()),
        "UT" => ("UT".into(), "UT".into()),
        _ => {
            let off = z.offset_ms.abs() / MS_PER_MINUTE;
            let sign = if z.offset_ms < 0 { '-' } else { '+' };
            let id = format!("GMT{sign}{:02}:{:02}", off / 60, off % 60);
            (id.clone(), id)
        }
    }
}

/// The local fields of `millis` in `zone`: [year of era, month 1-12, day,
/// hour, minute, second, milli, day of week 1-7 (Sunday 1)], the era (1
/// AD) and the day of the year.
fn local_fields(millis: i64, zone: &Zone) -> ([i64; 8], i64, i64) {
    let local = millis.saturating_add(zone.offset_ms);
    let f = match Value::date(local).view() {
        View::Date(d) => d.utc_fields(),
        _ => [1970, 1, 1, 0, 0, 0, 0, 5],
    };
    // The era: AD from 0001-01-01 (Julian).
    let era = i64::from(local >= -62_135_769_600_000);
    let astro = if era == 1 { f[0] } else { 1 - f[0] };
    let jan1 = date::millis_from_fields(astro - 1900, 0, 1, 0, 0, 0);
    let doy = local.saturating_sub(jan1).div_euclid(86_400_000) + 1;
    (f, era, doy)
}

fn pad(out: &mut String, v: i64, n: usize) {
    if v < 0 {
        out.push('-');
    }
    let _ = write!(out, "{:0n$}", v.unsigned_abs());
}

fn name(out: &mut String, full: &str, n: usize) {
    out.push_str(if n >= 4 {
        full
    } else {
        full.get(..3).unwrap_or(full)
    });
}

/// Format `millis` with `items` in `zone`.
fn format_items(items: &[Item], millis: i64, zone: &Zone) -> String {
    let ([y, mo, d, h, mi, s, ms, dow], era, doy) = local_fields(millis, zone);
    let mut out = String::new();
    for item in items {
        let (c, n) = match item {
            Item::Text(t) => {
                out.push_str(t);
                continue;
            }
            Item::Field(c, n) => (*c, *n),
        };
        match c {
            'G' => out.push_str(if era == 1 { "AD" } else { "BC" }),
            'y' if n == 2 => pad(&mut out, y % 100, 2),
            'y' => pad(&mut out, y, n),
            'M' | 'L' if n >= 3 => name(&mut out, MONTHS[(mo as usize + 11) % 12], n),
            'M' | 'L' => pad(&mut out, mo, n),
            'd' => pad(&mut out, d, n),
            'D' => pad(&mut out, doy, n),
            'F' => pad(&mut out, (d - 1) / 7 + 1, n),
            'E' => name(&mut out, DAYS[(dow as usize + 6) % 7], n),
            'u' => pad(&mut out, if dow == 1 { 7 } else { dow - 1 }, n),
            'a' => out.push_str(if h < 12 { "AM" } else { "PM" }),
            'H' => pad(&mut out, h, n),
            'k' => pad(&mut out, if h == 0 { 24 } else { h }, n),
            'K' => pad(&mut out, h % 12, n),
            'h' => pad(&mut out, if h % 12 == 0 { 12 } else { h % 12 }, n),
            'm' => pad(&mut out, mi, n),
            's' => pad(&mut out, s, n),
            'S' => pad(&mut out, ms, n),
            'z' => {
                let (short, long) = zone_names(zone);
                out.push_str(if n >= 4 { &long } else { &short });
            }
            'Z' | 'X' => {
                let off = zone.offset_ms / MS_PER_MINUTE;
                if c == 'X' && off == 0 {
                    out.push('Z');
                    continue;
                }
                out.push(if off < 0 { '-' } else { '+' });
                let (hh, mm) = (off.abs() / 60, off.abs() % 60);
                let _ = match (c, n) {
                    ('X', 1) => write!(out, "{hh:02}"),
                    ('X', 3) => write!(out, "{hh:02}:{mm:02}"),
                    _ => write!(out, "{hh:02}{mm:02}"),
                };
            }
            _ => {}
        }
    }
    out
}

/// The fields a parse collects; None: not in the text.
#[derive(Default)]
struct Parsed {
    era: Option<i64>,
    year: Option<i64>,
    /// Whether the year was two digits read with `y`/`yy` (to resolve
    /// within 80 years before and 20 after now).
    short_year: bool,
    month: Option<i64>,
    day: Option<i64>,
    day_of_year: Option<i64>,
    hour: Option<i64>,
    /// `h`/`K` hour, resolved with `a`.
    hour12: Option<i64>,
    pm: Option<bool>,
    minute: Option<i64>,
    second: Option<i64>,
    milli: Option<i64>,
    offset_ms: Option<i64>,
}

struct Cursor<'a> {
    s: &'a [char],
    i: usize,
}

impl Cursor<'_> {
    /// Digits (at most `max` of them when the field abuts the next
    /// numeric one), with a leading sign for a lenient number.
    fn number(&mut self, max: Option<usize>) -> Option<(i64, usize)> {
        let start = self.i;
        let mut j = self.i;
        let neg = self.s.get(j) == Some(&'-');
        if neg {
            j += 1;
        }
        let digits_start = j;
        while self.s.get(j).is_some_and(char::is_ascii_digit)
            && max.is_none_or(|m| j - digits_start < m)
        {
            j += 1;
        }
        if j == digits_start {
            return None;
        }
        let text: String = self.s.get(digits_start..j)?.iter().collect();
        let v: i64 = text.parse().ok()?;
        self.i = j;
        Some((if neg { -v } else { v }, j - start))
    }
    /// The index of the longest of `names` (and their 3-letter forms) the
    /// text starts with, ignoring case.
    fn name(&mut self, names: &[&str]) -> Option<usize> {
        let rest: String = self.s.get(self.i..)?.iter().collect();
        let lower = rest.to_lowercase();
        let mut best: Option<(usize, usize)> = None;
        for (k, full) in names.iter().enumerate() {
            for cand in [full.to_string(), full.get(..3).unwrap_or(full).to_string()] {
                let c = cand.to_lowercase();
                if lower.starts_with(&c) && best.is_none_or(|(_, len)| c.len() > len) {
                    best = Some((k, c.chars().count()));
                }
            }
        }
        let (k, len) = best?;
        self.i += len;
        Some(k)
    }
    fn starts_with(&self, t: &str) -> bool {
        (self.i..)
            .zip(t.chars())
            .all(|(j, c)| self.s.get(j) == Some(&c))
    }
    /// `GMT±h[h][:mm]`, `UTC`, `GMT`, `Z`, `±hh[[:]mm]`, or (`names`) a
    /// North American zone abbreviation: the offset.
    fn offset(&mut self, allow_z: bool, names: bool) -> Option<i64> {
        if allow_z && self.s.get(self.i) == Some(&'Z') {
            self.i += 1;
            return Some(0);
        }
        if names {
            // The standard and daylight names of the US zones, as the JDK's
            // English zone strings give them (their offsets are fixed).
            const NAMES: &[(&str, i64)] = &[
                ("EST", -5),
                ("EDT", -4),
                ("CST", -6),
                ("CDT", -5),
                ("MST", -7),
                ("MDT", -6),
                ("PST", -8),
                ("PDT", -7),
            ];
            for &(n, h) in NAMES {
                if self.starts_with(n) {
                    self.i += n.len();
                    return Some(h * 60 * MS_PER_MINUTE);
                }
            }
        }
        for prefix in ["GMT", "UTC", "UT"] {
            if self.starts_with(prefix) {
                self.i += prefix.len();
                if matches!(self.s.get(self.i), Some('+' | '-')) {
                    return self.numeric_offset();
                }
                return Some(0);
            }
        }
        self.numeric_offset()
    }
    fn numeric_offset(&mut self) -> Option<i64> {
        let start = self.i;
        let sign = match self.s.get(self.i)? {
            '+' => 1,
            '-' => -1,
            _ => return None,
        };
        self.i += 1;
        let digits = |c: &mut Cursor, n: usize| -> Option<i64> {
            let mut v = 0;
            for k in 0..n {
                let d = c.s.get(c.i + k)?.to_digit(10)?;
                v = v * 10 + i64::from(d);
            }
            c.i += n;
            Some(v)
        };
        let parsed = (|| {
            let hh = digits(self, 2)?;
            let mm = if self.s.get(self.i) == Some(&':') {
                self.i += 1;
                digits(self, 2)?
            } else {
                digits(self, 2).unwrap_or(0)
            };
            (hh <= 23 && mm <= 59).then_some(sign * (hh * 60 + mm) * MS_PER_MINUTE)
        })();
        if parsed.is_none() {
            self.i = start;
        }
        parsed
    }
}

fn is_numeric(item: Option<&Item>) -> bool {
    matches!(item, Some(Item::Field(c, n)) if "yDdFuHkKhmsS".contains(*c) || (*c == 'M' && *n < 3))
}

/// Parse `text` from the start; Err(offset) where it failed.
fn parse_items(items: &[Item], text: &str) -> std::result::Result<Parsed, usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut c = Cursor { s: &chars, i: 0 };
    let mut p = Parsed::default();
    for (k, item) in items.iter().enumerate() {
        let (ch, n) = match item {
            Item::Text(t) => {
                if !c.starts_with(t) {
                    return Err(c.i);
                }
                c.i += t.chars().count();
                continue;
            }
            Item::Field(ch, n) => (*ch, *n),
        };
        // Each field skips the spaces and tabs before it (subParse).
        while matches!(c.s.get(c.i), Some(' ' | '\t')) {
            c.i += 1;
        }
        let at = c.i;
        // A numeric field abutting the next numeric one reads `n` digits.
        let max = is_numeric(items.get(k + 1)).then_some(n);
        let num = |c: &mut Cursor| c.number(max).ok_or(at);
        match ch {
            'G' => {
                p.era = Some(c.name(&["BC", "AD"]).ok_or(at)? as i64);
            }
            'y' => {
                let (v, len) = num(&mut c)?;
                p.short_year = n <= 2 && len == 2 && v >= 0;
                p.year = Some(v);
            }
            'M' | 'L' if n >= 3 => p.month = Some(c.name(&MONTHS).ok_or(at)? as i64 + 1),
            'M' | 'L' => p.month = Some(num(&mut c)?.0),
            'd' => p.day = Some(num(&mut c)?.0),
            'D' => p.day_of_year = Some(num(&mut c)?.0),
            'F' | 'u' => {
                num(&mut c)?;
            }
            'E' => {
                c.name(&DAYS).ok_or(at)?;
            }
            'a' => p.pm = Some(c.name(&["AM", "PM"]).ok_or(at)? == 1),
            'H' => p.hour = Some(num(&mut c)?.0),
            'k' => p.hour = Some(num(&mut c)?.0 % 24),
            'K' => p.hour12 = Some(num(&mut c)?.0),
            'h' => p.hour12 = Some(num(&mut c)?.0 % 12),
            'm' => p.minute = Some(num(&mut c)?.0),
            's' => p.second = Some(num(&mut c)?.0),
            'S' => p.milli = Some(num(&mut c)?.0),
            'z' | 'Z' => p.offset_ms = Some(c.offset(false, true).ok_or(at)?),
            'X' => p.offset_ms = Some(c.offset(true, false).ok_or(at)?),
            _ => return Err(at),
        }
    }
    if items.is_empty() {
        return Err(0);
    }
    Ok(p)
}

/// The epoch millis of the parsed fields in `zone` (a parsed offset
/// wins), lenient: out-of-range values carry.
fn resolve(p: &Parsed, zone: &Zone, now_millis: i64) -> i64 {
    let mut year = p.year.unwrap_or(1970);
    if p.short_year {
        // Within 80 years before and 20 years after now.
        let ([now_year, ..], _, _) = local_fields(now_millis, zone);
        let start = now_year - 80;
        year = year.saturating_add(start - start.rem_euclid(100));
        if year < start {
            year += 100;
        }
    }
    if p.era == Some(0) {
        year = 1i64.saturating_sub(year);
    }
    let hour = match (p.hour, p.hour12) {
        (Some(h), _) => h,
        (None, Some(h)) => h.saturating_add(if p.pm == Some(true) { 12 } else { 0 }),
        (None, None) => {
            if p.pm == Some(true) {
                12
            } else {
                0
            }
        }
    };
    let (month0, day) = match (p.month, p.day, p.day_of_year) {
        (None, None, Some(doy)) => (0, doy),
        (m, d, _) => (m.unwrap_or(1) - 1, d.unwrap_or(1)),
    };
    let local = date::millis_from_fields(
        year.saturating_sub(1900),
        month0,
        day,
        hour,
        p.minute.unwrap_or(0),
        p.second.unwrap_or(0),
    )
    .saturating_add(p.milli.unwrap_or(0));
    local.saturating_sub(p.offset_ms.unwrap_or(zone.offset_ms))
}

/// Whether the parsed fields are in range (a non-lenient parse).
fn in_range(p: &Parsed) -> bool {
    let within = |v: Option<i64>, lo: i64, hi: i64| v.is_none_or(|v| (lo..=hi).contains(&v));
    within(p.month, 1, 12)
        && within(p.day, 1, 31)
        && within(p.hour, 0, 23)
        && within(p.hour12, 0, 11)
        && within(p.minute, 0, 59)
        && within(p.second, 0, 59)
        && within(p.milli, 0, 999)
}

fn now_millis() -> i64 {
    Value::date_now().as_date_millis().unwrap_or(0)
}

fn sdf(pattern: &str) -> Result<Value> {
    let items = compile(pattern)?;
    let (id, offset_ms) = super::calendar::default_zone();
    Ok(Value::from(Ref::new(HostObject::Foreign(
        "java.text.SimpleDateFormat",
        Box::new(SimpleDateFormat(Lock::new(State {
            pattern: pattern.to_string(),
            items,
            zone: Zone { id, offset_ms },
            lenient: true,
        }))),
    ))))
}

fn pattern_arg(v: &Value) -> Result<&str> {
    match v.view() {
        View::Str(s) => Ok(s.as_str()),
        View::Nil => err::npe("Cannot invoke \"String.length()\" because \"pattern\" is null"),
        _ => err::class_cast(crate::runtime::compare::cast_message(
            v.class_name(),
            "java.lang.String",
        )),
    }
}

/// `(SimpleDateFormat.)` (the JDK's en_US default pattern),
/// `(SimpleDateFormat. pattern [locale])`.
fn construct(_: &str, args: &[Value]) -> Option<Result<Value>> {
    match args {
        [] => Some(sdf("M/d/yy, h:mm a")),
        [p] => Some(pattern_arg(p).and_then(sdf)),
        [p, l] if l.class_name() == "java.util.Locale" => Some(pattern_arg(p).and_then(sdf)),
        _ => None,
    }
}

/// `new SimpleDateFormat(pattern)` in UTC formatting `millis`: what
/// cljw's JSON writers (cheshire's :date-format) use.
pub fn format_pattern(pattern: &str, millis: i64) -> Result<String> {
    let items = compile(pattern)?;
    Ok(format_items(
        &items,
        millis,
        &Zone {
            id: "UTC".into(),
            offset_ms: 0,
        },
    ))
}

/// What a %t conversion reads, each part when the value has it.
struct TimeParts {
    /// Year (astronomical), month, day, day of week (Sunday 1), day of year.
    date: Option<[i64; 5]>,
    /// Hour, minute, second, nano.
    time: Option<[i64; 4]>,
    offset_secs: Option<i64>,
    /// The zone's short name, when the value has a zone.
    zone_name: Option<String>,
    /// Epoch seconds and nanos.
    instant: Option<(i64, i64)>,
}

impl TimeParts {
    /// A Date's or Calendar's: every part, in `zone`.
    fn of_millis(millis: i64, zone: &Zone) -> TimeParts {
        let ([y, mo, d, h, mi, s, ms, dow], era, doy) = local_fields(millis, zone);
        TimeParts {
            date: Some([if era == 1 { y } else { 1 - y }, mo, d, dow, doy]),
            time: Some([h, mi, s, ms * 1_000_000]),
            offset_secs: Some(zone.offset_ms / 1000),
            zone_name: Some(zone_names(zone).0),
            instant: Some((millis.div_euclid(1000), millis.rem_euclid(1000) * 1_000_000)),
        }
    }
}

/// java.util.Formatter's date-time conversion `%t<suffix>` of `arg` (a
/// Long of epoch millis, a Date or a Calendar in its zone, or a java.time
/// value), before width and upper-casing.
pub fn format_time(suffix: char, arg: &Value) -> Result<String> {
    const SUFFIXES: &str = "HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc";
    if !SUFFIXES.contains(suffix) {
        return Err(Exception::new(
            ExClass::UnknownFormatConversionException,
            format!("Conversion = 't{suffix}'"),
        ));
    }
    let default = || {
        let (id, offset_ms) = super::calendar::default_zone();
        Zone { id, offset_ms }
    };
    let parts = match arg.view() {
        View::Nil => return Ok("null".into()),
        View::Long(ms) => TimeParts::of_millis(ms, &default()),
        View::Date(d) => TimeParts::of_millis(d.millis(), &default()),
        _ => match super::calendar::calendar_parts(arg) {
            Some((ms, id, offset_ms)) => TimeParts::of_millis(ms, &Zone { id, offset_ms }),
            None => match super::temporal_parts(arg) {
                Some((date, time, offset_secs, zone, instant)) => TimeParts {
                    date,
                    time,
                    offset_secs,
                    // A region's short name; a ZoneOffset shows its ID.
                    zone_name: match (zone, offset_secs) {
                        (Some(id), Some(off)) => Some(
                            zone_names(&Zone {
                                id,
                                offset_ms: off * 1000,
                            })
                            .0,
                        ),
                        (None, Some(off)) => Some(offset_id(off)),
                        _ => None,
                    },
                    instant,
                },
                None => {
                    return Err(Exception::new(
                        ExClass::IllegalFormatConversionException,
                        format!("{suffix} != {}", arg.class_name()),
                    ));
                }
            },
        },
    };
    time_conversion(suffix, &parts, arg)
}

/// ZoneOffset.getId: `Z` or `±hh:mm[:ss]`.
fn offset_id(secs: i64) -> String {
    if secs == 0 {
        return "Z".into();
    }
    let a = secs.abs();
    let mut s = format!(
        "{}{:02}:{:02}",
        if secs < 0 { '-' } else { '+' },
        a / 3600,
        a / 60 % 60
    );
    if a % 60 != 0 {
        let _ = write!(s, ":{:02}", a % 60);
    }
    s
}

fn time_conversion(suffix: char, p: &TimeParts, arg: &Value) -> Result<String> {
    // A part the value lacks: the JDK's exception names the conversion
    // (the innermost one of a composite like %tT).
    let lacks = || {
        Exception::new(
            ExClass::IllegalFormatConversionException,
            format!("{suffix} != {}", arg.class_name()),
        )
    };
    let date = |_: &str| p.date.ok_or_else(lacks);
    let time = |_: &str| p.time.ok_or_else(lacks);
    let t = |c| time_conversion(c, p, arg);
    let year_of_era = |y: i64| if y <= 0 { 1 - y } else { y };
    Ok(match suffix {
        'H' => format!("{:02}", time("HourOfDay")?[0]),
        'k' => time("HourOfDay")?[0].to_string(),
        'I' | 'l' => {
            let h = time("ClockHourOfAmPm")?[0];
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            if suffix == 'I' {
                format!("{h12:02}")
            } else {
                h12.to_string()
            }
        }
        'M' => format!("{:02}", time("MinuteOfHour")?[1]),
        'S' => format!("{:02}", time("SecondOfMinute")?[2]),
        // An Instant has its nanos without a time of day.
        'L' | 'N' => {
            let nano = match (p.time, p.instant) {
                (Some([.., n]), _) | (None, Some((_, n))) => n,
                (None, None) => return Err(lacks()),
            };
            if suffix == 'L' {
                format!("{:03}", nano / 1_000_000)
            } else {
                format!("{nano:09}")
            }
        }
        'p' => (if time("AmPmOfDay")?[0] < 12 {
            "am"
        } else {
            "pm"
        })
        .into(),
        'z' => {
            let off = p.offset_secs.ok_or_else(lacks)? / 60;
            let sign = if off < 0 { '-' } else { '+' };
            format!("{sign}{:02}{:02}", off.abs() / 60, off.abs() % 60)
        }
        'Z' => p.zone_name.clone().ok_or_else(lacks)?,
        's' => p.instant.ok_or_else(lacks)?.0.to_string(),
        'Q' => {
            let (secs, nanos) = p.instant.ok_or_else(lacks)?;
            secs.saturating_mul(1000)
                .saturating_add(nanos / 1_000_000)
                .to_string()
        }
        'B' | 'b' | 'h' => {
            let month = MONTHS[(date("MonthOfYear")?[1] as usize + 11) % 12];
            if suffix == 'B' {
                month.into()
            } else {
                month.get(..3).unwrap_or(month).into()
            }
        }
        'A' | 'a' => {
            let day = DAYS[(date("DayOfWeek")?[3] as usize + 6) % 7];
            if suffix == 'A' {
                day.into()
            } else {
                day.get(..3).unwrap_or(day).into()
            }
        }
        'C' => format!("{:02}", year_of_era(date("YearOfEra")?[0]) / 100),
        'Y' => format!("{:04}", year_of_era(date("YearOfEra")?[0])),
        'y' => format!("{:02}", year_of_era(date("YearOfEra")?[0]) % 100),
        'j' => format!("{:03}", date("DayOfYear")?[4]),
        'm' => format!("{:02}", date("MonthOfYear")?[1]),
        'd' => format!("{:02}", date("DayOfMonth")?[2]),
        'e' => date("DayOfMonth")?[2].to_string(),
        'R' => format!("{}:{}", t('H')?, t('M')?),
        'T' => format!("{}:{}:{}", t('H')?, t('M')?, t('S')?),
        'r' => format!(
            "{}:{}:{} {}",
            t('I')?,
            t('M')?,
            t('S')?,
            t('p')?.to_uppercase()
        ),
        'D' => format!("{}/{}/{}", t('m')?, t('d')?, t('y')?),
        'F' => format!("{}-{}-{}", t('Y')?, t('m')?, t('d')?),
        'c' => format!(
            "{} {} {} {} {} {}",
            t('a')?,
            t('b')?,
            t('d')?,
            t('T')?,
            t('Z')?,
            t('Y')?
        ),
        _ => String::new(),
    })
}

fn parse_exception(text: &str, offset: usize) -> Exception {
    let _ = offset;
    Exception::new(
        ExClass::ParseException,
        format!("Unparseable date: \"{text}\""),
    )
}

/// Methods of a SimpleDateFormat; None when `target` is not one.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    let f = o.foreign::<SimpleDateFormat>()?;
    let mut st = lock(&f.0);
    Some(match (method, args) {
        ("format", [d]) => match d.view() {
            View::Date(dd) => Ok(Value::string(format_items(
                &st.items,
                dd.millis(),
                &st.zone,
            ))),
            View::Long(ms) => Ok(Value::string(format_items(&st.items, ms, &st.zone))),
            View::Nil => {
                err::npe("Cannot invoke \"java.util.Date.getTime()\" because \"date\" is null")
            }
            _ => err::illegal_arg("Cannot format given Object as a Date"),
        },
        ("parse", [s]) => match s.view() {
            View::Str(text) => {
                let text = text.as_str();
                match parse_items(&st.items, text) {
                    Ok(p) if st.lenient || in_range(&p) => {
                        Ok(Value::date(resolve(&p, &st.zone, now_millis())))
                    }
                    Ok(_) => Err(parse_exception(text, 0)),
                    Err(at) => Err(parse_exception(text, at)),
                }
            }
            View::Nil => err::npe("Cannot invoke \"String.length()\" because \"text\" is null"),
            _ => return None,
        },
        ("setTimeZone", [z]) => match super::calendar::zone_parts(z) {
            Some((id, offset_ms)) => {
                st.zone = Zone { id, offset_ms };
                Ok(Value::NIL)
            }
            None => return None,
        },
        ("getTimeZone", []) => Ok(super::calendar::zone_value(&st.zone.id, st.zone.offset_ms)),
        ("setLenient", [b]) => {
            st.lenient = b.truthy();
            Ok(Value::NIL)
        }
        ("isLenient", []) => Ok(Value::bool(st.lenient)),
        ("toPattern", []) => Ok(Value::string(st.pattern.clone())),
        ("applyPattern", [p]) => pattern_arg(p).and_then(|p| {
            st.items = compile(p)?;
            st.pattern = p.to_string();
            Ok(Value::NIL)
        }),
        ("clone", []) => {
            let copy = State {
                pattern: st.pattern.clone(),
                items: st.items.clone(),
                zone: st.zone.clone(),
                lenient: st.lenient,
            };
            Ok(Value::from(Ref::new(HostObject::Foreign(
                "java.text.SimpleDateFormat",
                Box::new(SimpleDateFormat(Lock::new(copy))),
            ))))
        }
        _ => return None,
    })
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.text.SimpleDateFormat")
        .extends("java.text.DateFormat")
        .ctor(construct),
    ClassDef::class("java.text.DateFormat").extends("java.text.Format"),
    ClassDef::class("java.text.Format")
        .implements(&["java.io.Serializable", "java.lang.Cloneable"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> Zone {
        Zone {
            id: "UTC".into(),
            offset_ms: 0,
        }
    }

    #[test]
    fn compiles_quotes_and_rejects_unknown_letters() {
        assert_eq!(
            compile("yyyy'T''x'").unwrap(),
            vec![Item::Field('y', 4), Item::Text("T'x".into())]
        );
        assert!(compile("yyyy-MM-dd q").is_err());
        assert!(compile("'open").is_err());
    }

    #[test]
    fn formats_and_parses_back() {
        // JVM: (.format (doto (SimpleDateFormat. p) (.setTimeZone UTC)) (Date. 1578020645678))
        let items = compile("yyyy-MM-dd'T'HH:mm:ss.SSSXXX EEE MMM a").unwrap();
        let s = format_items(&items, 1_578_020_645_678, &utc());
        assert_eq!(s, "2020-01-03T03:04:05.678Z Fri Jan AM");
        let p = parse_items(&items, &s).unwrap();
        assert_eq!(resolve(&p, &utc(), 0), 1_578_020_645_678);
        assert_eq!(parse_items(&items, "2020-01-0x").err(), Some(9));
        // Huge or negative fields saturate instead of overflowing.
        let huge = compile("y G h a").unwrap();
        for text in [
            "9223372036854775807 BC 9223372036854775807 PM",
            "-9223372036854775807 BC 1 AM",
        ] {
            let p = parse_items(&huge, text).unwrap();
            resolve(&p, &utc(), 0);
        }
        format_items(&items, i64::MAX, &utc());
        format_items(&items, i64::MIN, &utc());
        assert_eq!(parse_items(&items, "2020-0x").err(), Some(6));
        assert_eq!(parse_items(&items, "2020-x").err(), Some(5));
    }
}
