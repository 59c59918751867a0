//! java.time's static members: `C/m` and `C/FIELD` of each class.

use super::*;

// ----- static members -----

/// `C/FIELD` of the java.time classes; None when not one of them.
pub(super) fn get_static(class: &str, field: &str) -> Option<Value> {
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

pub(super) fn enum_values(class: &str) -> Option<Value> {
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
pub(super) fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn ymd(y: &Value, m: &Value, d: &Value) -> Result<Date> {
    let m = match tv(m) {
        Some(TimeValue::Month(m)) => i64::from(*m),
        _ => int(m)?,
    };
    dt(Date::of(int(y)?, m, int(d)?))
}

pub(super) fn hms(args: &[Value]) -> Result<Time> {
    let get = |i: usize| args.get(i).map(int).transpose().map(|x| x.unwrap_or(0));
    dt(Time::of(get(0)?, get(1)?, get(2)?, get(3)?))
}

pub(super) fn zone_of_args(args: &[Value]) -> Result<Zone> {
    match args {
        [] => zone_value(calendar::system_zone()),
        [z] => zone_arg(z),
        _ => Err(dt_err("clock arguments are not supported")),
    }
}

pub(super) fn local_date_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn local_time_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn local_date_time_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn instant_arg(v: &Value) -> Result<SecNanos> {
    let t = arg(v, "java.time.Instant")?;
    t.instant_of().ok_or_else(|| {
        dt_err(format!(
            "Unable to obtain Instant from TemporalAccessor: {t} of type {}",
            t.class_name()
        ))
    })
}

pub(super) fn instant(i: Option<SecNanos>) -> Result<Value> {
    let i = i.ok_or_else(overflow)?;
    dt(calendar::check_instant(i)).map(|i| val(TimeValue::Instant(i)))
}

pub(super) fn instant_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn duration(d: Option<SecNanos>) -> Result<Value> {
    d.map(|d| val(TimeValue::Duration(d))).ok_or_else(overflow)
}

pub(super) fn duration_arg(v: &Value) -> Result<SecNanos> {
    match arg(v, "java.time.Duration")? {
        TimeValue::Duration(d) => Ok(*d),
        other => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(other.class_name(), "java.time.Duration"),
        )),
    }
}

pub(super) fn unit_duration(n: i64, unit: &Unit) -> Result<SecNanos> {
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

pub(super) fn duration_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
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
pub(super) fn between_nanos(a: &TimeValue, b: &TimeValue) -> Result<i128> {
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

pub(super) fn period(y: i64, m: i64, d: i64) -> Result<Value> {
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

pub(super) fn period_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn offset_value(r: std::result::Result<i32, String>) -> Result<Value> {
    dt(r).map(|o| val(TimeValue::Zone(Zone::Offset(o))))
}

pub(super) fn zone_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn zoned_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
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
