//! Tagged literals `#tag form` (LispReader.CtorReader): data readers,
//! `#inst`, `#uuid`, the default data reader fn, and record literals
//! `#my.Rec{...}`.
//!
//! PLACEHOLDER: the runtime has no Date or UUID type yet, so `#inst` and
//! `#uuid` validate their string like the JVM and then produce the map
//! `{:tag inst, :form "<normalised string>"}` (the shape of a
//! `clojure.core/tagged-literal`'s :tag/:form). The engine should replace them
//! with real values by installing data readers for `inst` and `uuid`.

use super::{DefaultDataReader, Reader, call_data_reader, invoke_value, runtime};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;
use std::collections::VecDeque;

fn placeholder(tag: &str, form: String) -> Value {
    Value::map_from_pairs(vec![
        (Value::keyword(None, "tag"), Value::symbol(None, tag)),
        (Value::keyword(None, "form"), Value::string(form)),
    ])
}

impl Reader {
    /// After `#` when the next char is not a dispatch macro.
    pub(super) fn read_tagged_or_record(&mut self, pending: &mut VecDeque<Value>) -> Result<Value> {
        let name = self.read_required(Some(&mut *pending))?;
        let Some(tag) = name.as_symbol() else {
            return Err(runtime("Reader tag must be a symbol"));
        };
        let is_record = tag.ns().is_none() && tag.name().contains('.');
        if is_record {
            return self.read_record(tag.name().to_string(), pending);
        }
        let o = self.read_required(Some(pending))?;
        if let Some((_, f)) = self
            .data_readers
            .iter()
            .find(|(t, _)| t.identical(&name) || same_symbol(t, &name))
        {
            return call_data_reader(f, &o);
        }
        if tag.ns().is_none() {
            match tag.name() {
                "inst" => return read_inst(&o),
                "uuid" => return read_uuid(&o),
                _ => {}
            }
        }
        if let Some(d) = &self.default_data_reader {
            return match d {
                DefaultDataReader::Native(g) => g(&name, &o),
                DefaultDataReader::Fn(f) => invoke_value(f, &[name.clone(), o]),
            };
        }
        if self.suppress > 0 {
            // Unselected reader-conditional branch: the value is discarded.
            return Ok(Value::NIL);
        }
        Err(runtime(format!("No reader function for tag {tag}")))
    }

    fn read_record(&mut self, class: String, pending: &mut VecDeque<Value>) -> Result<Value> {
        if !self.read_eval {
            return Err(runtime(
                "Record construction syntax can only be used when *read-eval* == true",
            ));
        }
        let form = self.read_required(Some(pending))?;
        if self.suppress > 0 {
            return Ok(Value::NIL);
        }
        match &self.resolver {
            Some(r) => r.construct_record(&class, &form),
            None => Err(Exception::new(ExClass::ClassNotFoundException, class)),
        }
    }
}

fn same_symbol(a: &Value, b: &Value) -> bool {
    match (a.as_symbol(), b.as_symbol()) {
        (Some(x), Some(y)) => x.same(y),
        _ => false,
    }
}

/// `#uuid`: UUID.fromString's validation and normalised lowercase form.
fn read_uuid(o: &Value) -> Result<Value> {
    let Some(s) = o.as_str() else {
        return Err(Exception::new(
            ExClass::AssertionError,
            "Assert failed: (string? form)",
        ));
    };
    let bad = || {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!("Invalid UUID string: {s}"),
        )
    };
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 5 || s.len() > 36 {
        return Err(bad());
    }
    let widths = [8usize, 4, 4, 4, 12];
    let mut out = Vec::with_capacity(5);
    for (p, w) in parts.iter().zip(widths) {
        if p.is_empty() || p.len() > w || !p.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        out.push(format!("{:0>w$}", p.to_ascii_lowercase()));
    }
    Ok(placeholder("uuid", out.join("-")))
}

/// `#inst`: clojure.instant's RFC3339 parsing; the placeholder keeps the
/// normalised UTC form the JVM prints (`2020-01-01T09:20:30.123-00:00`).
fn read_inst(o: &Value) -> Result<Value> {
    let Some(s) = o.as_str() else {
        return Err(Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class java.lang.CharSequence",
                o.class_name()
            ),
        ));
    };
    let t = parse_timestamp(s)?;
    Ok(placeholder("inst", t))
}

fn unrecognized(s: &str) -> Exception {
    Exception::new(
        ExClass::RuntimeException,
        format!("Unrecognized date/time syntax: {s}"),
    )
}

/// Parse `yyyy[-MM[-dd[Thh[:mm[:ss[.fff]]]]]][Z|(+|-)hh:mm]` and render it
/// in UTC with millisecond precision.
fn parse_timestamp(s: &str) -> Result<String> {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, n: usize| -> Option<i64> {
        let d = b.get(*i..*i + n)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        *i += n;
        std::str::from_utf8(d).ok()?.parse().ok()
    };
    let year = num(&mut i, 4).ok_or_else(|| unrecognized(s))?;
    let (mut month, mut day, mut hour, mut min, mut sec, mut nanos) = (1, 1, 0, 0, 0, 0i64);
    let mut frac_digits = String::new();
    if b.get(i) == Some(&b'-') {
        i += 1;
        month = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
        if b.get(i) == Some(&b'-') {
            i += 1;
            day = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
            if b.get(i) == Some(&b'T') {
                i += 1;
                hour = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
                if b.get(i) == Some(&b':') {
                    i += 1;
                    min = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
                    if b.get(i) == Some(&b':') {
                        i += 1;
                        sec = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
                        if b.get(i) == Some(&b'.') {
                            i += 1;
                            while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
                                frac_digits.push(*c as char);
                                i += 1;
                            }
                            if frac_digits.is_empty() {
                                return Err(unrecognized(s));
                            }
                        }
                    }
                }
            }
        }
    }
    let mut offset_min = 0i64;
    match b.get(i) {
        None => {}
        Some(b'Z') => i += 1,
        Some(&c @ (b'+' | b'-')) => {
            i += 1;
            let oh = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
            if b.get(i) != Some(&b':') {
                return Err(unrecognized(s));
            }
            i += 1;
            let om = num(&mut i, 2).ok_or_else(|| unrecognized(s))?;
            if !(0..=23).contains(&oh) {
                return Err(runtime("failed: (<= 0 offset-hours 23)"));
            }
            if !(0..=59).contains(&om) {
                return Err(runtime("failed: (<= 0 offset-minutes 59)"));
            }
            offset_min = (oh * 60 + om) * if c == b'-' { -1 } else { 1 };
        }
        _ => return Err(unrecognized(s)),
    }
    if i != b.len() {
        return Err(unrecognized(s));
    }
    if !frac_digits.is_empty() {
        let mut f = frac_digits.clone();
        f.truncate(9);
        while f.len() < 9 {
            f.push('0');
        }
        nanos = f.parse().unwrap_or(0);
    }
    // clojure.instant's validations, with its messages.
    if !(1..=12).contains(&month) {
        return Err(runtime("failed: (<= 1 months 12)"));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let dim = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let max_day = dim.get((month - 1) as usize).copied().unwrap_or(31);
    if !(1..=max_day).contains(&day) {
        return Err(runtime(
            "failed: (<= 1 days (days-in-month months (leap-year? years)))",
        ));
    }
    if !(0..=23).contains(&hour) {
        return Err(runtime("failed: (<= 0 hours 23)"));
    }
    if !(0..=59).contains(&min) {
        return Err(runtime("failed: (<= 0 minutes 59)"));
    }
    if !(0..=60).contains(&sec) {
        return Err(runtime("failed: (<= 0 seconds (if (= minutes 59) 60 59))"));
    }
    // To UTC: epoch millis, then back to civil time.
    let days = days_from_civil(year, month, day);
    let millis =
        (((days * 24 + hour) * 60 + min - offset_min) * 60 + sec) * 1000 + nanos / 1_000_000;
    let (d, ms) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
    let (y, m, dd) = civil_from_days(d);
    Ok(format!(
        "{y:04}-{m:02}-{dd:02}T{:02}:{:02}:{:02}.{:03}-00:00",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    ))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
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
