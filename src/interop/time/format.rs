//! java.time.format.DateTimeFormatter: `ofPattern` patterns and the ISO
//! constants as one list of printer-parser items (as DateTimeFormatterBuilder
//! builds them), formatting any temporal's fields and parsing text back into
//! fields that mod.rs resolves into the requested type.

use super::calendar::{
    self, DAY_NAMES, Date, DateTime, FieldRange, MONTH_NAMES, SecNanos, Time, Zone, title_case,
};

/// A temporal field a pattern letter reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Era,
    Year,
    YearOfEra,
    Quarter,
    Month,
    DayOfMonth,
    DayOfYear,
    DayOfWeek,
    /// `e`/`c`: the day of week counted from Sunday (Locale.US).
    LocalDayOfWeek,
    AmPm,
    HourOfDay,
    ClockHourOfAmPm,
    HourOfAmPm,
    ClockHourOfDay,
    Minute,
    Second,
    Nano,
    MilliOfDay,
    NanoOfDay,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Era => "Era",
            Field::Year => "Year",
            Field::YearOfEra => "YearOfEra",
            Field::Quarter => "QuarterOfYear",
            Field::Month => "MonthOfYear",
            Field::DayOfMonth => "DayOfMonth",
            Field::DayOfYear => "DayOfYear",
            Field::DayOfWeek => "DayOfWeek",
            Field::LocalDayOfWeek => "DayOfWeek",
            Field::AmPm => "AmPmOfDay",
            Field::HourOfDay => "HourOfDay",
            Field::ClockHourOfAmPm => "ClockHourOfAmPm",
            Field::HourOfAmPm => "HourOfAmPm",
            Field::ClockHourOfDay => "ClockHourOfDay",
            Field::Minute => "MinuteOfHour",
            Field::Second => "SecondOfMinute",
            Field::Nano => "NanoOfSecond",
            Field::MilliOfDay => "MilliOfDay",
            Field::NanoOfDay => "NanoOfDay",
        }
    }
    fn is_date(self) -> bool {
        matches!(
            self,
            Field::Era
                | Field::Year
                | Field::YearOfEra
                | Field::Quarter
                | Field::Month
                | Field::DayOfMonth
                | Field::DayOfYear
                | Field::DayOfWeek
                | Field::LocalDayOfWeek
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignStyle {
    Normal,
    NotNegative,
    ExceedsPad,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStyle {
    Short,
    Full,
    Narrow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Lit(String),
    Num {
        field: Field,
        min: usize,
        max: usize,
        sign: SignStyle,
    },
    /// `yy`: two digits, base year 2000.
    ReducedYear(Field),
    Text(Field, TextStyle),
    /// Fraction of second: min..max digits, with a leading '.' when `point`.
    Fraction {
        min: usize,
        max: usize,
        point: bool,
    },
    /// An offset as "+HH:MM:ss" style patterns write it, `zero` for 0.
    Offset {
        pattern: &'static str,
        zero: &'static str,
    },
    /// `VV`: the zone id.
    ZoneId,
    /// ISO_ZONED_DATE_TIME's "[Region]" (only for a region zone).
    ZoneBracket,
    /// ISO_INSTANT: the instant in UTC with a 3/6/9-digit fraction and Z.
    Instant,
    Optional(Vec<Item>),
}

/// A DateTimeFormatter: its items, an override zone (`withZone`) and the
/// resolver style (ISO constants are STRICT, ofPattern SMART).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formatter {
    pub items: Vec<Item>,
    pub zone: Option<Zone>,
    pub strict: bool,
    /// The ISO constant's name, for toString's sake (None: a pattern).
    pub name: Option<&'static str>,
}

/// The fields a temporal offers to a formatter.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    pub date: Option<Date>,
    pub time: Option<Time>,
    pub offset: Option<i32>,
    pub zone: Option<Zone>,
    /// An Instant's seconds and nanos (also derived for zoned values).
    pub instant: Option<SecNanos>,
}

pub enum FormatError {
    /// UnsupportedTemporalTypeException "Unsupported field: X".
    Unsupported(String),
    /// DateTimeException (e.g. "Unable to extract ZoneId").
    DateTime(String),
}

// ----- patterns -----

/// DateTimeFormatter.ofPattern: Err is IllegalArgumentException's message.
pub fn of_pattern(pattern: &str) -> Result<Formatter, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut stack: Vec<Vec<Item>> = vec![Vec::new()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphabetic() {
            let mut n = 1;
            while i + n < chars.len() && chars[i + n] == c {
                n += 1;
            }
            i += n;
            let item = letter_item(c, n)?;
            push_item(&mut stack, item);
        } else if c == '\'' {
            let start = i + 1;
            let mut j = start;
            let mut text = String::new();
            loop {
                match chars.get(j) {
                    None => {
                        return Err(format!(
                            "Pattern ends with an incomplete string literal: {pattern}"
                        ));
                    }
                    Some('\'') if chars.get(j + 1) == Some(&'\'') => {
                        text.push('\'');
                        j += 2;
                    }
                    Some('\'') => break,
                    Some(&ch) => {
                        text.push(ch);
                        j += 1;
                    }
                }
            }
            if j == start {
                text.push('\'');
            }
            push_item(&mut stack, Item::Lit(text));
            i = j + 1;
        } else if c == '[' {
            stack.push(Vec::new());
            i += 1;
        } else if c == ']' {
            if stack.len() == 1 {
                return Err("Pattern invalid as it contains ] without previous [".to_string());
            }
            let opt = stack.pop().unwrap_or_default();
            push_item(&mut stack, Item::Optional(opt));
            i += 1;
        } else if c == '{' || c == '}' || c == '#' {
            return Err(format!("Pattern includes reserved character: '{c}'"));
        } else {
            push_item(&mut stack, Item::Lit(c.to_string()));
            i += 1;
        }
    }
    while stack.len() > 1 {
        let opt = stack.pop().unwrap_or_default();
        push_item(&mut stack, Item::Optional(opt));
    }
    Ok(Formatter {
        items: stack.pop().unwrap_or_default(),
        zone: None,
        strict: false,
        name: None,
    })
}

fn push_item(stack: &mut [Vec<Item>], item: Item) {
    if let Some(top) = stack.last_mut() {
        // Adjacent literals merge, as appendLiteral does.
        if let (Item::Lit(s), Some(Item::Lit(prev))) = (&item, top.last_mut()) {
            prev.push_str(s);
            return;
        }
        top.push(item);
    }
}

fn num(field: Field, min: usize, max: usize, sign: SignStyle) -> Item {
    Item::Num {
        field,
        min,
        max,
        sign,
    }
}

fn letter_item(c: char, n: usize) -> Result<Item, String> {
    let too_many = || Err(format!("Too many pattern letters: {c}"));
    let text = |field| match n {
        1..=3 => Ok(Item::Text(field, TextStyle::Short)),
        4 => Ok(Item::Text(field, TextStyle::Full)),
        5 => Ok(Item::Text(field, TextStyle::Narrow)),
        _ => too_many(),
    };
    let small = |field| match n {
        1 => Ok(num(field, 1, 19, SignStyle::Normal)),
        2 => Ok(num(field, 2, 2, SignStyle::NotNegative)),
        _ => too_many(),
    };
    match c {
        'G' => text(Field::Era),
        'y' | 'u' => {
            let field = if c == 'y' {
                Field::YearOfEra
            } else {
                Field::Year
            };
            Ok(match n {
                2 => Item::ReducedYear(field),
                1..=3 => num(field, n, 19, SignStyle::Normal),
                _ => num(field, n, 19, SignStyle::ExceedsPad),
            })
        }
        'Q' | 'q' => match n {
            1 => Ok(num(Field::Quarter, 1, 19, SignStyle::Normal)),
            2 => Ok(num(Field::Quarter, 2, 2, SignStyle::NotNegative)),
            _ => text(Field::Quarter),
        },
        'M' | 'L' => match n {
            1 => Ok(num(Field::Month, 1, 19, SignStyle::Normal)),
            2 => Ok(num(Field::Month, 2, 2, SignStyle::NotNegative)),
            _ => text(Field::Month),
        },
        'd' => small(Field::DayOfMonth),
        'D' => match n {
            1 => Ok(num(Field::DayOfYear, 1, 19, SignStyle::Normal)),
            2 => Ok(num(Field::DayOfYear, 2, 3, SignStyle::NotNegative)),
            3 => Ok(num(Field::DayOfYear, 3, 3, SignStyle::NotNegative)),
            _ => too_many(),
        },
        'E' => text(Field::DayOfWeek),
        'e' | 'c' => match n {
            1 => Ok(num(Field::LocalDayOfWeek, 1, 1, SignStyle::NotNegative)),
            2 if c == 'e' => Ok(num(Field::LocalDayOfWeek, 2, 2, SignStyle::NotNegative)),
            2 => Err("Invalid pattern \"cc\"".to_string()),
            _ => text(Field::DayOfWeek),
        },
        'a' => match n {
            1 => Ok(Item::Text(Field::AmPm, TextStyle::Short)),
            _ => too_many(),
        },
        'H' => small(Field::HourOfDay),
        'h' => small(Field::ClockHourOfAmPm),
        'K' => small(Field::HourOfAmPm),
        'k' => small(Field::ClockHourOfDay),
        'm' => small(Field::Minute),
        's' => small(Field::Second),
        'S' => Ok(Item::Fraction {
            min: n,
            max: n,
            point: false,
        }),
        'n' => Ok(num(Field::Nano, n, 19, SignStyle::NotNegative)),
        'N' => Ok(num(Field::NanoOfDay, n, 19, SignStyle::NotNegative)),
        'A' => Ok(num(Field::MilliOfDay, n, 19, SignStyle::NotNegative)),
        'V' => match n {
            2 => Ok(Item::ZoneId),
            _ => Err("Pattern letter count must be 2: V".to_string()),
        },
        'z' if n <= 4 => Ok(Item::ZoneId),
        'X' | 'x' => {
            let zero = if c == 'X' { "Z" } else { "" };
            let (pattern, xzero) = match n {
                1 => ("+HHmm", "+00"),
                2 => ("+HHMM", "+0000"),
                3 => ("+HH:MM", "+00:00"),
                4 => ("+HHMMss", "+0000"),
                5 => ("+HH:MM:ss", "+00:00"),
                _ => return too_many(),
            };
            Ok(Item::Offset {
                pattern,
                zero: if c == 'X' { zero } else { xzero },
            })
        }
        'Z' => match n {
            1..=3 => Ok(Item::Offset {
                pattern: "+HHMM",
                zero: "+0000",
            }),
            5 => Ok(Item::Offset {
                pattern: "+HH:MM:ss",
                zero: "Z",
            }),
            _ => Err(format!(
                "cljw does not support the localized offset pattern: {}",
                "Z".repeat(n)
            )),
        },
        'O' | 'v' | 'z' | 'w' | 'W' | 'Y' | 'F' | 'B' => Err(format!(
            "cljw does not support the pattern letter {c} (localized or week-based fields)"
        )),
        _ => Err(format!("Unknown pattern letter: {c}")),
    }
}

/// The ISO constants of DateTimeFormatter.
pub fn iso(name: &str) -> Option<Formatter> {
    let year = num(Field::Year, 4, 10, SignStyle::ExceedsPad);
    let two = |f| num(f, 2, 2, SignStyle::NotNegative);
    let lit = |s: &str| Item::Lit(s.to_string());
    let local_date = vec![
        year.clone(),
        lit("-"),
        two(Field::Month),
        lit("-"),
        two(Field::DayOfMonth),
    ];
    let local_time = vec![
        two(Field::HourOfDay),
        lit(":"),
        two(Field::Minute),
        Item::Optional(vec![
            lit(":"),
            two(Field::Second),
            Item::Optional(vec![Item::Fraction {
                min: 0,
                max: 9,
                point: true,
            }]),
        ]),
    ];
    let offset = Item::Offset {
        pattern: "+HH:MM:ss",
        zero: "Z",
    };
    let mut local_date_time = local_date.clone();
    local_date_time.push(lit("T"));
    local_date_time.extend(local_time.clone());
    let items = match name {
        "ISO_LOCAL_DATE" => local_date,
        "ISO_LOCAL_TIME" => local_time,
        "ISO_LOCAL_DATE_TIME" => local_date_time,
        "ISO_OFFSET_DATE" => [local_date, vec![offset]].concat(),
        "ISO_OFFSET_TIME" => [local_time, vec![offset]].concat(),
        "ISO_OFFSET_DATE_TIME" => [local_date_time, vec![offset]].concat(),
        "ISO_ZONED_DATE_TIME" => [local_date_time, vec![offset, Item::ZoneBracket]].concat(),
        "ISO_DATE_TIME" => [
            local_date_time,
            vec![Item::Optional(vec![offset, Item::ZoneBracket])],
        ]
        .concat(),
        "ISO_DATE" => [local_date, vec![Item::Optional(vec![offset])]].concat(),
        "ISO_TIME" => [local_time, vec![Item::Optional(vec![offset])]].concat(),
        "ISO_INSTANT" => vec![Item::Instant],
        "BASIC_ISO_DATE" => vec![
            num(Field::Year, 4, 4, SignStyle::NotNegative),
            two(Field::Month),
            two(Field::DayOfMonth),
            Item::Optional(vec![Item::Offset {
                pattern: "+HHMMss",
                zero: "Z",
            }]),
        ],
        "RFC_1123_DATE_TIME" => vec![
            Item::Optional(vec![
                Item::Text(Field::DayOfWeek, TextStyle::Short),
                lit(", "),
            ]),
            num(Field::DayOfMonth, 1, 2, SignStyle::NotNegative),
            lit(" "),
            Item::Text(Field::Month, TextStyle::Short),
            lit(" "),
            num(Field::Year, 4, 4, SignStyle::NotNegative),
            lit(" "),
            two(Field::HourOfDay),
            lit(":"),
            two(Field::Minute),
            Item::Optional(vec![lit(":"), two(Field::Second)]),
            lit(" "),
            Item::Offset {
                pattern: "+HHMM",
                zero: "GMT",
            },
        ],
        _ => return None,
    };
    let name = ISO_NAMES.iter().find(|n| **n == name).copied();
    Some(Formatter {
        items,
        zone: None,
        strict: true,
        name,
    })
}

pub const ISO_NAMES: &[&str] = &[
    "ISO_LOCAL_DATE",
    "ISO_LOCAL_TIME",
    "ISO_LOCAL_DATE_TIME",
    "ISO_OFFSET_DATE",
    "ISO_OFFSET_TIME",
    "ISO_OFFSET_DATE_TIME",
    "ISO_ZONED_DATE_TIME",
    "ISO_DATE_TIME",
    "ISO_DATE",
    "ISO_TIME",
    "ISO_INSTANT",
    "BASIC_ISO_DATE",
    "RFC_1123_DATE_TIME",
];

// ----- formatting -----

impl Fields {
    fn field(&self, f: Field) -> Result<i64, FormatError> {
        let unsupported = || FormatError::Unsupported(format!("Unsupported field: {}", f.name()));
        if f.is_date() {
            let d = self.date.ok_or_else(unsupported)?;
            return Ok(match f {
                Field::Era => i64::from(d.y > 0),
                Field::Year => d.y,
                Field::YearOfEra => {
                    if d.y >= 1 {
                        d.y
                    } else {
                        1 - d.y
                    }
                }
                Field::Quarter => (d.m as i64 - 1) / 3 + 1,
                Field::Month => d.m.into(),
                Field::DayOfMonth => d.d.into(),
                Field::DayOfYear => d.day_of_year(),
                Field::DayOfWeek => d.day_of_week().into(),
                _ => i64::from(d.day_of_week()) % 7 + 1,
            });
        }
        let t = self.time.ok_or_else(unsupported)?;
        let h = t.hour();
        Ok(match f {
            Field::AmPm => i64::from(h >= 12),
            Field::HourOfDay => h,
            Field::ClockHourOfAmPm => match h % 12 {
                0 => 12,
                x => x,
            },
            Field::HourOfAmPm => h % 12,
            Field::ClockHourOfDay => {
                if h == 0 {
                    24
                } else {
                    h
                }
            }
            Field::Minute => t.minute(),
            Field::Second => t.second(),
            Field::Nano => t.nano(),
            Field::MilliOfDay => t.nod / 1_000_000,
            _ => t.nod,
        })
    }
}

fn text_of(field: Field, v: i64, style: TextStyle) -> String {
    let full = match field {
        Field::Month => title_case(MONTH_NAMES[(v - 1).clamp(0, 11) as usize]),
        Field::DayOfWeek => title_case(DAY_NAMES[(v - 1).clamp(0, 6) as usize]),
        Field::AmPm => return if v == 0 { "AM" } else { "PM" }.to_string(),
        Field::Era => {
            return match (style, v) {
                (TextStyle::Full, 1) => "Anno Domini",
                (TextStyle::Full, _) => "Before Christ",
                (TextStyle::Narrow, 1) => "A",
                (TextStyle::Narrow, _) => "B",
                (_, 1) => "AD",
                _ => "BC",
            }
            .to_string();
        }
        Field::Quarter => {
            return match style {
                TextStyle::Full => ["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"]
                    [(v - 1).clamp(0, 3) as usize]
                    .to_string(),
                TextStyle::Narrow => v.to_string(),
                TextStyle::Short => format!("Q{v}"),
            };
        }
        _ => return v.to_string(),
    };
    match style {
        TextStyle::Full => full,
        TextStyle::Short => full.chars().take(3).collect(),
        TextStyle::Narrow => full.chars().take(1).collect(),
    }
}

fn write_offset(out: &mut String, total: i32, pattern: &str, zero: &str) {
    if total == 0 {
        out.push_str(zero);
        return;
    }
    let abs = total.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    out.push(if total < 0 { '-' } else { '+' });
    out.push_str(&format!("{h:02}"));
    let colon = pattern.contains(':');
    let minutes_optional = pattern.contains("mm");
    let has_seconds = pattern.contains("ss") || pattern.contains("SS");
    let seconds_optional = pattern.contains("ss");
    let with_minutes = pattern.len() > 3 && (!minutes_optional || m != 0 || s != 0);
    if with_minutes {
        if colon {
            out.push(':');
        }
        out.push_str(&format!("{m:02}"));
        if has_seconds && (!seconds_optional || s != 0) {
            if colon {
                out.push(':');
            }
            out.push_str(&format!("{s:02}"));
        }
    }
}

impl Formatter {
    /// Formats `fields`, applying the override zone to instants.
    pub fn format(&self, fields: &Fields) -> Result<String, FormatError> {
        let mut fields = fields.clone();
        if let Some(z) = &self.zone {
            if let Some(i) = fields.instant {
                let dt = DateTime::of_epoch_second(i.secs, i.nanos, z.offset())
                    .map_err(FormatError::DateTime)?;
                fields.date = Some(dt.date);
                fields.time = Some(dt.time);
                fields.offset = Some(z.offset());
            }
            fields.zone = Some(z.clone());
        }
        let mut out = String::new();
        format_items(&self.items, &fields, &mut out)?;
        Ok(out)
    }
}

fn format_items(items: &[Item], f: &Fields, out: &mut String) -> Result<(), FormatError> {
    for item in items {
        match item {
            Item::Lit(s) => out.push_str(s),
            Item::Num {
                field,
                min,
                max,
                sign,
            } => {
                let v = f.field(*field)?;
                let digits = v.unsigned_abs().to_string();
                if digits.len() > *max {
                    return Err(FormatError::DateTime(format!(
                        "Field {} cannot be printed as the value {v} exceeds the maximum print width of {max}",
                        field.name()
                    )));
                }
                if v < 0 {
                    if *sign == SignStyle::NotNegative {
                        return Err(FormatError::DateTime(format!(
                            "Field {} cannot be printed as the value {v} cannot be negative according to the SignStyle",
                            field.name()
                        )));
                    }
                    out.push('-');
                } else if *sign == SignStyle::ExceedsPad && digits.len() > *min {
                    out.push('+');
                }
                for _ in digits.len()..*min {
                    out.push('0');
                }
                out.push_str(&digits);
            }
            Item::ReducedYear(field) => {
                let v = f.field(*field)?;
                out.push_str(&format!("{:02}", v.rem_euclid(100)));
            }
            Item::Text(field, style) => {
                let v = f.field(*field)?;
                out.push_str(&text_of(*field, v, *style));
            }
            Item::Fraction { min, max, point } => {
                let nano = f.field(Field::Nano)?;
                let mut digits = format!("{nano:09}");
                digits.truncate(*max);
                while digits.len() > *min && digits.ends_with('0') {
                    digits.pop();
                }
                if !digits.is_empty() {
                    if *point {
                        out.push('.');
                    }
                    out.push_str(&digits);
                }
            }
            Item::Offset { pattern, zero } => {
                let o = f.offset.ok_or_else(|| {
                    FormatError::Unsupported("Unsupported field: OffsetSeconds".to_string())
                })?;
                write_offset(out, o, pattern, zero);
            }
            Item::ZoneId => {
                let z = f.zone.as_ref().ok_or_else(|| {
                    FormatError::DateTime(format!(
                        "Unable to extract ZoneId from temporal {}",
                        describe(f)
                    ))
                })?;
                out.push_str(&z.id());
            }
            Item::ZoneBracket => {
                if let Some(Zone::Region(id, _)) = &f.zone {
                    out.push('[');
                    out.push_str(id);
                    out.push(']');
                }
            }
            Item::Instant => {
                let i = f.instant.ok_or_else(|| {
                    FormatError::Unsupported("Unsupported field: InstantSeconds".to_string())
                })?;
                out.push_str(&calendar::instant_string(&i));
            }
            Item::Optional(inner) => {
                let mut tmp = String::new();
                if format_items(inner, f, &mut tmp).is_ok() {
                    out.push_str(&tmp);
                }
            }
        }
    }
    Ok(())
}

fn describe(f: &Fields) -> String {
    match (f.date, f.time) {
        (Some(d), Some(t)) => format!("{d}T{t}"),
        (Some(d), None) => d.to_string(),
        (None, Some(t)) => t.to_string(),
        _ => f
            .instant
            .map(|i| calendar::instant_string(&i))
            .unwrap_or_default(),
    }
}

// ----- parsing -----

/// What a parse found, before resolving.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub values: Vec<(Field, i64)>,
    pub offset: Option<i32>,
    pub zone: Option<Zone>,
    pub instant: Option<SecNanos>,
}

impl Parsed {
    fn get(&self, f: Field) -> Option<i64> {
        self.values.iter().rev().find(|(g, _)| *g == f).map(|x| x.1)
    }
    fn set(&mut self, f: Field, v: i64) {
        self.values.push((f, v));
    }
}

/// Why a parse failed: the message after "Text '...' could not be parsed".
pub enum ParseError {
    At(usize),
    Unparsed(usize),
}

struct Cursor<'a> {
    text: &'a [char],
    pos: usize,
}

impl Formatter {
    /// Parses the whole of `text` into fields.
    pub fn parse_fields(&self, text: &str) -> Result<Parsed, ParseError> {
        let chars: Vec<char> = text.chars().collect();
        let mut cur = Cursor {
            text: &chars,
            pos: 0,
        };
        let mut parsed = Parsed::default();
        parse_items(&self.items, &mut cur, &mut parsed)?;
        if cur.pos < chars.len() {
            return Err(ParseError::Unparsed(cur.pos));
        }
        if parsed.zone.is_none()
            && let Some(z) = &self.zone
        {
            parsed.zone = Some(z.clone());
        }
        Ok(parsed)
    }
}

fn fixed_width(item: &Item) -> Option<usize> {
    match item {
        Item::Num { min, max, .. } if min == max => Some(*min),
        Item::ReducedYear(_) => Some(2),
        Item::Fraction {
            min,
            max,
            point: false,
        } if min == max => Some(*min),
        _ => None,
    }
}

fn parse_items(items: &[Item], cur: &mut Cursor, p: &mut Parsed) -> Result<(), ParseError> {
    for (idx, item) in items.iter().enumerate() {
        match item {
            Item::Lit(s) => {
                for c in s.chars() {
                    if cur.text.get(cur.pos) != Some(&c) {
                        return Err(ParseError::At(cur.pos));
                    }
                    cur.pos += 1;
                }
            }
            Item::Num {
                field,
                min,
                max,
                sign,
            } => {
                // Adjacent value parsing: leave room for the fixed-width
                // numbers that follow directly (yyyyMMdd).
                let reserve: usize = items[idx + 1..].iter().map_while(fixed_width).sum();
                let start = cur.pos;
                let mut neg = false;
                match cur.text.get(cur.pos) {
                    Some('-') if *sign != SignStyle::NotNegative => {
                        neg = true;
                        cur.pos += 1;
                    }
                    Some('+') if *sign == SignStyle::ExceedsPad => cur.pos += 1,
                    _ => {}
                }
                let avail = cur.text[cur.pos..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let take = if min == max {
                    *min
                } else {
                    avail.saturating_sub(reserve).min(*max).max(*min)
                };
                if avail < take || take == 0 {
                    return Err(ParseError::At(start));
                }
                let digits: String = cur.text[cur.pos..cur.pos + take].iter().collect();
                let v: i64 = digits.parse().map_err(|_| ParseError::At(start))?;
                cur.pos += take;
                p.set(*field, if neg { -v } else { v });
            }
            Item::ReducedYear(field) => {
                let start = cur.pos;
                let digits: String = cur.text[cur.pos..].iter().take(2).collect();
                if digits.len() != 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
                    return Err(ParseError::At(start));
                }
                cur.pos += 2;
                p.set(*field, 2000 + digits.parse::<i64>().unwrap_or(0));
            }
            Item::Text(field, style) => {
                let candidates: Vec<(String, i64)> = match field {
                    Field::Month => (1..=12)
                        .flat_map(|v| {
                            [TextStyle::Full, TextStyle::Short]
                                .into_iter()
                                .map(move |s| (text_of(Field::Month, v, s), v))
                        })
                        .collect(),
                    Field::DayOfWeek => (1..=7)
                        .flat_map(|v| {
                            [TextStyle::Full, TextStyle::Short]
                                .into_iter()
                                .map(move |s| (text_of(Field::DayOfWeek, v, s), v))
                        })
                        .collect(),
                    Field::AmPm => vec![("AM".into(), 0), ("PM".into(), 1)],
                    Field::Era => vec![
                        (text_of(Field::Era, 1, *style), 1),
                        (text_of(Field::Era, 0, *style), 0),
                    ],
                    _ => vec![],
                };
                let rest: String = cur.text[cur.pos..].iter().collect();
                let hit = candidates
                    .iter()
                    .filter(|(t, _)| rest.starts_with(t.as_str()))
                    .max_by_key(|(t, _)| t.len());
                match hit {
                    Some((t, v)) => {
                        cur.pos += t.chars().count();
                        p.set(*field, *v);
                    }
                    None => return Err(ParseError::At(cur.pos)),
                }
            }
            Item::Fraction { min, max, point } => {
                let start = cur.pos;
                if *point {
                    if cur.text.get(cur.pos) != Some(&'.') {
                        if *min == 0 {
                            continue;
                        }
                        return Err(ParseError::At(start));
                    }
                    cur.pos += 1;
                }
                let avail = cur.text[cur.pos..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count()
                    .min(*max);
                if avail < *min || (*point && avail == 0) {
                    return Err(ParseError::At(start));
                }
                let digits: String = cur.text[cur.pos..cur.pos + avail].iter().collect();
                cur.pos += avail;
                let mut nano: i64 = if digits.is_empty() {
                    0
                } else {
                    digits.parse().unwrap_or(0)
                };
                for _ in avail..9 {
                    nano *= 10;
                }
                p.set(Field::Nano, nano);
            }
            Item::Offset { zero, .. } => {
                let start = cur.pos;
                let rest: String = cur.text[cur.pos..].iter().collect();
                if !zero.is_empty() && rest.starts_with(zero) && !zero.starts_with('+') {
                    cur.pos += zero.chars().count();
                    p.offset = Some(0);
                    continue;
                }
                let sign = match cur.text.get(cur.pos) {
                    Some('+') => 1,
                    Some('-') => -1,
                    _ => return Err(ParseError::At(start)),
                };
                cur.pos += 1;
                let mut parts = Vec::new();
                loop {
                    let two: String = cur.text[cur.pos..].iter().take(2).collect();
                    if two.len() == 2 && two.chars().all(|c| c.is_ascii_digit()) {
                        parts.push(two.parse::<i32>().unwrap_or(0));
                        cur.pos += 2;
                    } else {
                        break;
                    }
                    if parts.len() == 3 {
                        break;
                    }
                    if cur.text.get(cur.pos) == Some(&':')
                        && cur
                            .text
                            .get(cur.pos + 1)
                            .is_some_and(|c| c.is_ascii_digit())
                    {
                        cur.pos += 1;
                    }
                }
                if parts.is_empty() {
                    return Err(ParseError::At(start));
                }
                let get = |i: usize| parts.get(i).copied().unwrap_or(0);
                match calendar::offset_of(sign * get(0), sign * get(1), sign * get(2)) {
                    Ok(o) => p.offset = Some(o),
                    Err(_) => return Err(ParseError::At(start)),
                }
            }
            Item::ZoneId => {
                let start = cur.pos;
                let id: String = cur.text[cur.pos..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || "~/._+-:".contains(**c))
                    .collect();
                match calendar::zone_of(&id) {
                    Ok(z) => {
                        cur.pos += id.chars().count();
                        p.zone = Some(z);
                    }
                    Err(_) => return Err(ParseError::At(start)),
                }
            }
            Item::ZoneBracket => {
                if cur.text.get(cur.pos) != Some(&'[') {
                    continue;
                }
                let start = cur.pos;
                let id: String = cur.text[cur.pos + 1..]
                    .iter()
                    .take_while(|c| **c != ']')
                    .collect();
                let end = cur.pos + 1 + id.chars().count();
                if cur.text.get(end) != Some(&']') {
                    return Err(ParseError::At(start));
                }
                match calendar::zone_of(&id) {
                    Ok(z) => p.zone = Some(z),
                    Err(_) => return Err(ParseError::At(start + 1)),
                }
                cur.pos = end + 1;
            }
            Item::Instant => {
                let f = iso("ISO_OFFSET_DATE_TIME").ok_or(ParseError::At(cur.pos))?;
                let start = cur.pos;
                let mut sub = Parsed::default();
                parse_items(&f.items, cur, &mut sub)?;
                let dt = resolve_date_time(&sub, true).map_err(|_| ParseError::At(start))?;
                let (Some(d), Some(t)) = dt else {
                    return Err(ParseError::At(start));
                };
                let dt = DateTime { date: d, time: t };
                let secs = dt.epoch_second(sub.offset.unwrap_or(0));
                p.instant = Some(SecNanos {
                    secs,
                    nanos: t.nano(),
                });
            }
            Item::Optional(inner) => {
                let save_pos = cur.pos;
                let mut sub = p.clone();
                match parse_items(inner, cur, &mut sub) {
                    Ok(()) => *p = sub,
                    Err(_) => cur.pos = save_pos,
                }
            }
        }
    }
    Ok(())
}

fn check(range: FieldRange, v: i64) -> Result<i64, String> {
    range.check(v)
}

/// Resolves parsed fields into a date and/or time (ResolverStyle STRICT or
/// SMART). Err: the DateTimeException message.
pub fn resolve_date_time(p: &Parsed, strict: bool) -> Result<(Option<Date>, Option<Time>), String> {
    let year = match (p.get(Field::Year), p.get(Field::YearOfEra)) {
        (Some(y), _) => Some(y),
        (None, Some(yoe)) if !strict => Some(match p.get(Field::Era) {
            Some(0) => 1 - yoe,
            _ => yoe,
        }),
        _ => None,
    };
    let date = match (
        year,
        p.get(Field::Month),
        p.get(Field::DayOfMonth),
        p.get(Field::DayOfYear),
    ) {
        (Some(y), Some(m), Some(d), _) => {
            check(calendar::YEAR, y)?;
            check(calendar::MONTH_OF_YEAR, m)?;
            check(calendar::DAY_OF_MONTH, d)?;
            let d = if strict {
                d
            } else {
                d.min(calendar::month_length(y, m as u8) as i64)
            };
            Some(Date::of(y, m, d)?)
        }
        (Some(y), None, None, Some(doy)) => Some(Date::of_year_day(y, doy)?),
        _ => None,
    };
    if let (Some(d), Some(dow)) = (date, p.get(Field::DayOfWeek))
        && dow != d.day_of_week() as i64
    {
        return Err(format!(
            "Conflict found: Field DayOfWeek {} differs from DayOfWeek {dow} derived from {d}",
            d.day_of_week()
        ));
    }
    let hour = if let Some(h) = p.get(Field::HourOfDay) {
        Some(check(calendar::HOUR_OF_DAY, h)?)
    } else if let Some(k) = p.get(Field::ClockHourOfDay) {
        Some(if k == 24 { 0 } else { k })
    } else if let (Some(ap), Some(h)) = (p.get(Field::AmPm), p.get(Field::ClockHourOfAmPm)) {
        Some(ap * 12 + h % 12)
    } else if let (Some(ap), Some(h)) = (p.get(Field::AmPm), p.get(Field::HourOfAmPm)) {
        Some(ap * 12 + h)
    } else {
        None
    };
    let time = match hour {
        Some(h) => Some(Time::of(
            h,
            p.get(Field::Minute).unwrap_or(0),
            p.get(Field::Second).unwrap_or(0),
            p.get(Field::Nano).unwrap_or(0),
        )?),
        None => None,
    };
    Ok((date, time))
}

/// `str` of a formatter: the builder's description, as the JDK prints it
/// for patterns (`Value(YearOfEra,4,19,EXCEEDS_PAD)'-'...`).
pub fn describe_formatter(f: &Formatter) -> String {
    fn items(out: &mut String, list: &[Item]) {
        for item in list {
            match item {
                Item::Lit(s) if s.chars().count() == 1 => {
                    out.push_str(&format!("'{}'", s.replace('\'', "''")))
                }
                Item::Lit(s) => out.push_str(&format!("'{}'", s.replace('\'', "''"))),
                Item::Num {
                    field,
                    min,
                    max,
                    sign,
                } => {
                    if *min == 1 && *max == 19 && *sign == SignStyle::Normal {
                        out.push_str(&format!("Value({})", field.name()));
                    } else if min == max && *sign == SignStyle::NotNegative {
                        out.push_str(&format!("Value({},{min})", field.name()));
                    } else {
                        let s = match sign {
                            SignStyle::Normal => "NORMAL",
                            SignStyle::NotNegative => "NOT_NEGATIVE",
                            SignStyle::ExceedsPad => "EXCEEDS_PAD",
                        };
                        out.push_str(&format!("Value({},{min},{max},{s})", field.name()));
                    }
                }
                Item::ReducedYear(field) => {
                    out.push_str(&format!("ReducedValue({},2,2,2000-01-01)", field.name()))
                }
                Item::Text(field, style) => {
                    let s = match style {
                        TextStyle::Short => "SHORT",
                        TextStyle::Full => "FULL",
                        TextStyle::Narrow => "NARROW",
                    };
                    out.push_str(&format!("Text({},{s})", field.name()));
                }
                Item::Fraction { min, max, point } => out.push_str(&format!(
                    "Fraction(NanoOfSecond,{min},{max}{})",
                    if *point { ",DecimalPoint" } else { "" }
                )),
                Item::Offset { pattern, zero } => {
                    out.push_str(&format!("Offset({pattern},'{zero}')"))
                }
                Item::ZoneId => out.push_str("ZoneId()"),
                Item::ZoneBracket => out.push_str("['['ParseCaseSensitive(true)ZoneRegionId()']']"),
                Item::Instant => out.push_str("ParseCaseSensitive(false)InstantSeconds"),
                Item::Optional(inner) => {
                    out.push('[');
                    items(out, inner);
                    out.push(']');
                }
            }
        }
    }
    let mut out = String::new();
    items(&mut out, &f.items);
    out
}
