//! How the JSON libraries write java.util.Date: cheshire through a
//! SimpleDateFormat pattern in UTC, data.json as an ISO-8601 instant.

use crate::runtime::date::Date;
use crate::runtime::error::{ExClass, Exception, Result};
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

/// DateTimeFormatter.ISO_INSTANT: `2020-01-02T03:04:05Z`, with `.SSS`
/// when the millis are not zero.
pub(crate) fn iso_instant(d: &Date) -> String {
    let [y, mo, day, h, mi, s, ms, _] = d.utc_fields();
    let mut out = format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}");
    if ms != 0 {
        let _ = write!(out, ".{ms:03}");
    }
    out.push('Z');
    out
}

fn name_field(out: &mut String, name: &str, count: usize) {
    if count >= 4 {
        out.push_str(name);
    } else {
        out.push_str(name.get(..3).unwrap_or(name));
    }
}

/// SimpleDateFormat(pattern) in the UTC zone, for the pattern letters
/// y M d E H h k K m s S a X Z z and quoted text; other letters throw.
pub(crate) fn simple_date_format(d: &Date, pattern: &str) -> Result<String> {
    let [y, mo, day, h, mi, s, ms, dow] = d.utc_fields();
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\'' {
            // Quoted text; '' is a literal quote.
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            while let Some(&q) = chars.get(i) {
                if q == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        out.push('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                out.push(q);
                i += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        let num = |out: &mut String, v: i64| {
            let _ = write!(out, "{v:0n$}");
        };
        match c {
            'y' if n == 2 => num(&mut out, y % 100),
            'y' => num(&mut out, y),
            'M' if n >= 3 => name_field(
                &mut out,
                MONTHS.get((mo - 1) as usize).copied().unwrap_or(""),
                n,
            ),
            'M' => num(&mut out, mo),
            'd' => num(&mut out, day),
            'E' => name_field(
                &mut out,
                DAYS.get((dow - 1) as usize).copied().unwrap_or(""),
                n,
            ),
            'H' => num(&mut out, h),
            'k' => num(&mut out, if h == 0 { 24 } else { h }),
            'K' => num(&mut out, h % 12),
            'h' => num(&mut out, if h % 12 == 0 { 12 } else { h % 12 }),
            'm' => num(&mut out, mi),
            's' => num(&mut out, s),
            'S' => num(&mut out, ms),
            'a' => out.push_str(if h < 12 { "AM" } else { "PM" }),
            'X' => out.push('Z'),
            'Z' => out.push_str("+0000"),
            'z' if n >= 4 => out.push_str("Coordinated Universal Time"),
            'z' => out.push_str("UTC"),
            _ => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!(
                        "Illegal pattern character '{c}' (cljw supports y M d E H h k K m s S a X Z z)"
                    ),
                ));
            }
        }
    }
    Ok(out)
}
