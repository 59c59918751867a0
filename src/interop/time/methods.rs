//! java.time's instance methods: `(.m x args)` on each kind of value.

use super::*;

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

pub(super) fn date_val(r: std::result::Result<Date, String>) -> Result<Value> {
    dt(r).map(|d| val(TimeValue::Date(d)))
}

pub(super) fn plus_date(d: Date, n: i64, unit: &Unit) -> std::result::Result<Date, String> {
    match unit.nanos {
        Some(_) => Err(format!("Unsupported unit: {}", unit.display())),
        None if unit.months != 0 => {
            d.plus_months(n.checked_mul(unit.months).ok_or("long overflow")?)
        }
        None => d.plus_days(n.checked_mul(unit.days).ok_or("long overflow")?),
    }
}

/// Whole `unit`s from `a` to `b` (LocalDate.until).
pub(super) fn date_until(a: Date, b: Date, unit: &Unit) -> Result<i64> {
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

pub(super) fn plus_or_minus(method: &str) -> Option<(&str, i64)> {
    method
        .strip_prefix("plus")
        .map(|r| (r, 1))
        .or_else(|| method.strip_prefix("minus").map(|r| (r, -1)))
}

pub(super) fn temporal_amount(v: &Value) -> Result<&TimeValue> {
    arg(v, "java.time.temporal.TemporalAmount")
}

pub(super) fn date_method(d: Date, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn time_method(t: Time, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn time_arg(v: &Value) -> Result<Time> {
    match arg(v, "java.time.LocalTime")? {
        TimeValue::Time(t) => Ok(*t),
        TimeValue::DateTime(x) | TimeValue::Zoned(x, ..) | TimeValue::Offset(x, _) => Ok(x.time),
        other => Err(dt_err(format!(
            "Unable to obtain LocalTime from TemporalAccessor: {other} of type {}",
            other.class_name()
        ))),
    }
}

pub(super) fn time_until(nanos: i128, u: &Unit) -> Result<Value> {
    match u.nanos {
        Some(n) => Ok(Value::long((nanos / n) as i64)),
        None if u.name == "DAYS" => Ok(Value::long((nanos / NANOS_PER_DAY as i128) as i64)),
        None => Err(Exception::new(
            ExClass::UnsupportedTemporalTypeException,
            format!("Unsupported unit: {}", u.display()),
        )),
    }
}

pub(super) fn truncate_nanos(nod: i64, u: &Unit) -> Result<i64> {
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
pub(super) fn plus_nanos(method: &str, args: &[Value]) -> Option<Result<i128>> {
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

pub(super) fn date_time_method(
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

pub(super) fn dt_arg(v: &Value) -> Result<DateTime> {
    match arg(v, "java.time.LocalDateTime")? {
        TimeValue::DateTime(x) | TimeValue::Zoned(x, ..) | TimeValue::Offset(x, _) => Ok(*x),
        other => Err(dt_err(format!(
            "Unable to obtain LocalDateTime from TemporalAccessor: {other} of type {}",
            other.class_name()
        ))),
    }
}

pub(super) fn zoned_method(
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

pub(super) fn instant_method(i: SecNanos, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn duration_method(d: SecNanos, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn period_method(p: Period, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn zone_method(z: &Zone, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn enum_method(
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

pub(super) fn unit_method(u: &Unit, method: &str, args: &[Value]) -> Option<Result<Value>> {
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

pub(super) fn formatter_method(
    f: &Formatter,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
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
