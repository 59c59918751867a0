//! java.util.Date and java.util.UUID in clojure.core: `inst?`, `inst-ms`,
//! `uuid?`, `random-uuid`, `parse-uuid`, `default-data-readers`, and the
//! reader fns of clojure.instant / clojure.uuid that it names, and
//! clojure.instant's parse-timestamp and validated.

use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::value::{Value, View};
use crate::runtime::{date, uuid};

pub(crate) const DEFS: &[Def] = &[
    Def::f("inst?", is_inst),
    Def::f("inst-ms", inst_ms),
    Def::f("inst-ms*", inst_ms_star),
    Def::f("uuid?", is_uuid),
    Def::f("random-uuid", random_uuid),
    Def::f("parse-uuid", parse_uuid),
];

fn is_inst(args: &[Value]) -> Result<Value> {
    check_arity("inst?", args, 1, Some(1))?;
    Ok(Value::bool(args[0].as_date_millis().is_some()))
}

fn is_uuid(args: &[Value]) -> Result<Value> {
    check_arity("uuid?", args, 1, Some(1))?;
    Ok(Value::bool(args[0].as_uuid().is_some()))
}

/// The Inst protocol's only method; Date is its only implementation here.
fn ms(x: &Value) -> Result<Value> {
    match x.as_date_millis() {
        Some(ms) => Ok(Value::long(ms)),
        None => {
            let class = if x.is_nil() { "nil" } else { x.class_name() };
            err::illegal_arg(format!(
                "No implementation of method: :inst-ms* of protocol: #'clojure.core/Inst found for class: {class}"
            ))
        }
    }
}

fn inst_ms(args: &[Value]) -> Result<Value> {
    check_arity("inst-ms", args, 1, Some(1))?;
    ms(&args[0])
}

fn inst_ms_star(args: &[Value]) -> Result<Value> {
    check_arity("inst-ms*", args, 1, Some(1))?;
    ms(&args[0])
}

fn random_uuid(args: &[Value]) -> Result<Value> {
    check_arity("random-uuid", args, 0, Some(0))?;
    Ok(Value::random_uuid())
}

/// UUID.fromString's argument: a String (`name`), else NPE / CCE.
pub(crate) fn uuid_from(x: &Value) -> Result<Value> {
    match x.view() {
        View::Str(s) => uuid::from_string(s.as_str()),
        View::Nil => err::npe("Cannot invoke \"String.length()\" because \"name\" is null"),
        _ => err::class_cast(cast_message(x.class_name(), "java.lang.String")),
    }
}

/// `(parse-uuid s)`: nil when UUID.fromString throws IllegalArgumentException
/// (NumberFormatException is one).
fn parse_uuid(args: &[Value]) -> Result<Value> {
    check_arity("parse-uuid", args, 1, Some(1))?;
    match uuid_from(&args[0]) {
        Err(e) if e.class().is_a(ExClass::IllegalArgumentException) => Ok(Value::NIL),
        r => r,
    }
}

/// clojure.instant/read-instant-date.
fn read_instant_date(args: &[Value]) -> Result<Value> {
    check_arity_in("clojure.instant/read-instant-date", args, 1)?;
    let s = match args[0].view() {
        View::Str(s) => s.as_str(),
        _ => {
            return err::class_cast(cast_message(args[0].class_name(), "java.lang.CharSequence"));
        }
    };
    Ok(Value::date(date::parse_instant(s)?))
}

/// The fields and epoch millis of an instant string, validated as
/// clojure.instant's `validated` does (read-instant-*'s argument, a
/// CharSequence).
fn instant_fields(x: &Value) -> Result<(date::TimestampFields, i64)> {
    let s = match x.view() {
        View::Str(s) => s.as_str(),
        _ => return err::class_cast(cast_message(x.class_name(), "java.lang.CharSequence")),
    };
    let f = date::parse_timestamp_fields(s)?;
    date::validate_timestamp_fields(&f)?;
    Ok((f, date::timestamp_millis(&f)))
}

/// clojure.instant/read-instant-calendar: a GregorianCalendar in the zone
/// `GMT±hh:mm` of the offset written (millisecond precision).
fn read_instant_calendar(args: &[Value]) -> Result<Value> {
    check_arity_in("clojure.instant/read-instant-calendar", args, 1)?;
    let (f, ms) = instant_fields(&args[0])?;
    Ok(crate::interop::calendar_at(ms, f[7], f[8], f[9]))
}

/// clojure.instant/read-instant-timestamp: a java.sql.Timestamp with the
/// nanoseconds written.
fn read_instant_timestamp(args: &[Value]) -> Result<Value> {
    check_arity_in("clojure.instant/read-instant-timestamp", args, 1)?;
    let (f, ms) = instant_fields(&args[0])?;
    let ts = Value::date_of(date::DateKind::Timestamp, ms.div_euclid(1000) * 1000);
    if let View::Date(d) = ts.view() {
        d.set_nanos(f[6]);
    }
    Ok(ts)
}

/// `(clojure.instant/parse-timestamp new-instant cs)`: call `new-instant`
/// with the ten fields of the timestamp `cs`.
fn parse_timestamp(args: &[Value]) -> Result<Value> {
    check_arity_in("clojure.instant/parse-timestamp", args, 2)?;
    let s = match args[1].view() {
        View::Str(s) => s.as_str(),
        _ => {
            return err::class_cast(cast_message(args[1].class_name(), "java.lang.CharSequence"));
        }
    };
    let fields = date::parse_timestamp_fields(s)?;
    let argv: Vec<Value> = fields.iter().map(|&n| Value::long(n)).collect();
    crate::runtime::func::invoke(&args[0], &argv)
}

/// `(clojure.instant/validated new-instance)`: a fn of the ten fields that
/// checks them (clojure.instant's messages) and then calls `new-instance`.
fn validated(args: &[Value]) -> Result<Value> {
    check_arity_in("clojure.instant/validated", args, 1)?;
    let new_instance = args[0].clone();
    Ok(Value::native_closure(
        "clojure.instant/validated",
        move |xs: &[Value]| {
            check_arity_in("clojure.instant/validated/fn", xs, 10)?;
            let mut fields: date::TimestampFields = [0; 10];
            for (slot, x) in fields.iter_mut().zip(xs) {
                *slot = x.as_long().map_or_else(
                    || err::class_cast(cast_message(x.class_name(), "java.lang.Number")),
                    Ok,
                )?;
            }
            date::validate_timestamp_fields(&fields)?;
            crate::runtime::func::invoke(&new_instance, xs)
        },
    ))
}

/// clojure.uuid/default-uuid-reader.
fn default_uuid_reader(args: &[Value]) -> Result<Value> {
    check_arity_in("clojure.uuid/default-uuid-reader", args, 1)?;
    if args[0].as_str().is_none() {
        return Err(Exception::new(
            ExClass::AssertionError,
            "Assert failed: (string? form)",
        ));
    }
    uuid_from(&args[0])
}

fn check_arity_in(name: &str, args: &[Value], n: usize) -> Result<()> {
    if args.len() != n {
        return Err(Exception::new(
            ExClass::ArityException,
            format!("Wrong number of args ({}) passed to: {name}", args.len()),
        ));
    }
    Ok(())
}

/// Create clojure.instant and clojure.uuid (loaded at startup on the JVM)
/// and `clojure.core/default-data-readers` naming their vars.
pub(crate) fn install_vars(core: &Ref<Namespace>) {
    let instant = namespace::find_ns("clojure.instant")
        .unwrap_or_else(|| namespace::create_ns("clojure.instant"));
    let rid = instant.intern("read-instant-date");
    rid.bind_root(Value::native_fn(
        "clojure.instant/read-instant-date",
        read_instant_date,
    ));
    let pts = instant.intern("parse-timestamp");
    pts.bind_root(Value::native_fn(
        "clojure.instant/parse-timestamp",
        parse_timestamp,
    ));
    let val = instant.intern("validated");
    val.bind_root(Value::native_fn("clojure.instant/validated", validated));
    let ric = instant.intern("read-instant-calendar");
    ric.bind_root(Value::native_fn(
        "clojure.instant/read-instant-calendar",
        read_instant_calendar,
    ));
    let rit = instant.intern("read-instant-timestamp");
    rit.bind_root(Value::native_fn(
        "clojure.instant/read-instant-timestamp",
        read_instant_timestamp,
    ));
    // Their JVM metadata (docstrings) comes from core_meta.rs when read.
    for v in [&rid, &pts, &val, &ric, &rit] {
        v.set_meta_pending();
    }
    let uuid_ns =
        namespace::find_ns("clojure.uuid").unwrap_or_else(|| namespace::create_ns("clojure.uuid"));
    let dur = uuid_ns.intern("default-uuid-reader");
    dur.bind_root(Value::native_fn(
        "clojure.uuid/default-uuid-reader",
        default_uuid_reader,
    ));
    dur.set_meta(Value::map_from_pairs(vec![(
        Value::keyword(None, "private"),
        Value::TRUE,
    )]));
    // Loaded at startup on the JVM, so `require` finds them.
    let _ = super::ns::mark_loaded("clojure.instant");
    let _ = super::ns::mark_loaded("clojure.uuid");
    // JVM: default-data-readers prints {uuid #'clojure.uuid/default-uuid-reader,
    // inst #'clojure.instant/read-instant-date} (an array map, uuid first).
    core.intern("default-data-readers")
        .bind_root(Value::map_from_pairs(vec![
            (Value::symbol(None, "uuid"), Value::var(dur)),
            (Value::symbol(None, "inst"), Value::var(rid)),
        ]));
}
