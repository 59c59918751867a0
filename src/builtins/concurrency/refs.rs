//! Refs and transactions: ref dosync sync io! alter commute ensure ref-set
//! ref-history-count ref-min-history ref-max-history.

use super::{cast, null_target, option, options};
use crate::builtins::macros::{core, list, sym};
use crate::builtins::{Def, check_arity};
use crate::runtime::equality::is_map;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::Ref;
use crate::runtime::number;
use crate::runtime::stm::{self, TxRef};
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[
    Def::f("ref", ref_),
    Def::m("sync", sync),
    Def::m("dosync", dosync),
    Def::m("io!", io),
    Def::f("alter", alter),
    Def::f("commute", commute),
    Def::f("ensure", ensure),
    Def::f("ref-set", ref_set),
    Def::f("ref-history-count", ref_history_count),
    Def::f("ref-min-history", ref_min_history),
    Def::f("ref-max-history", ref_max_history),
];

/// The ref argument; `method` is the Ref method the JVM calls, named in
/// its nil message.
fn ref_arg(v: &Value, method: &str) -> Result<Ref<TxRef>> {
    match v.as_tx_ref() {
        Some(r) => Ok(r),
        None if v.is_nil() => null_target(&format!("clojure.lang.Ref.{method}"), "ref"),
        None => cast(v, "clojure.lang.Ref"),
    }
}

/// An int option or argument (a cast to Number, then intValue).
fn int_arg(v: &Value) -> Result<usize> {
    if !number::is_number(v) {
        return cast(v, "java.lang.Number");
    }
    Ok(usize::try_from(number::to_long(v)?).unwrap_or(0))
}

/// `(ref x & {:keys [meta validator min-history max-history]})`.
fn ref_(args: &[Value]) -> Result<Value> {
    check_arity("ref", args, 1, None)?;
    let v = Value::tx_ref(args[0].clone());
    let Some(r) = v.as_tx_ref() else {
        return Ok(v);
    };
    let opts = options(&args[1..])?;
    // setup-reference: meta, then validator; then the history bounds.
    if let Some(m) = option(&opts, "meta").filter(|m| m.truthy()) {
        if !is_map(&m) {
            return cast(&m, "clojure.lang.IPersistentMap");
        }
        r.base().set_meta(m);
    }
    if let Some(f) = option(&opts, "validator").filter(|f| f.truthy()) {
        if !crate::builtins::classes::is_instance("clojure.lang.IFn", &f) {
            return cast(&f, "clojure.lang.IFn");
        }
        r.base().set_validator(Some(f), &args[0])?;
    }
    if let Some(n) = option(&opts, "max-history").filter(|n| n.truthy()) {
        r.set_max_history(int_arg(&n)?);
    }
    if let Some(n) = option(&opts, "min-history").filter(|n| n.truthy()) {
        r.set_min_history(int_arg(&n)?);
    }
    Ok(v)
}

/// `(sync flags & body)`: as core.clj,
/// `(. clojure.lang.LockingTransaction (runInTransaction (fn [] body)))`.
fn sync(args: &[Value]) -> Result<Value> {
    check_arity("sync", args, 3, None)?;
    let mut f = vec![core("fn"), Value::vector(Vec::new())];
    f.extend_from_slice(&args[3..]);
    Ok(list![
        sym("."),
        sym("clojure.lang.LockingTransaction"),
        list![core("runInTransaction"), Value::list(f)]
    ])
}

/// `(dosync & body)` => `(clojure.core/sync nil body...)`.
fn dosync(args: &[Value]) -> Result<Value> {
    check_arity("dosync", args, 2, None)?;
    let mut out = vec![core("sync"), Value::NIL];
    out.extend_from_slice(&args[2..]);
    Ok(Value::list(out))
}

/// `(io! "message"? & body)`: IllegalStateException inside a transaction.
fn io(args: &[Value]) -> Result<Value> {
    check_arity("io!", args, 2, None)?;
    let body = &args[2..];
    let (message, body) = match body.first() {
        Some(m) if m.is_string() => (m.clone(), &body[1..]),
        _ => (Value::string("I/O in transaction"), body),
    };
    let mut doit = vec![sym("do")];
    doit.extend_from_slice(body);
    Ok(list![
        sym("if"),
        list![sym("clojure.lang.LockingTransaction/isRunning")],
        list![
            sym("throw"),
            list![sym("new"), sym("java.lang.IllegalStateException"), message]
        ],
        Value::list(doit)
    ])
}

/// The static methods of clojure.lang.LockingTransaction the macros call.
pub fn call_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("runInTransaction", [f]) => stm::run(f),
        ("isRunning", []) => Ok(Value::bool(stm::in_transaction())),
        _ => return None,
    })
}

fn alter(args: &[Value]) -> Result<Value> {
    check_arity("alter", args, 2, None)?;
    let r = ref_arg(&args[0], "alter(clojure.lang.IFn, clojure.lang.ISeq)")?;
    stm::alter(&r, &args[1], &args[2..])
}

fn commute(args: &[Value]) -> Result<Value> {
    check_arity("commute", args, 2, None)?;
    let r = ref_arg(&args[0], "commute(clojure.lang.IFn, clojure.lang.ISeq)")?;
    if !stm::in_transaction() {
        return no_transaction();
    }
    stm::commute(&r, &args[1], &args[2..])
}

fn ensure(args: &[Value]) -> Result<Value> {
    check_arity("ensure", args, 1, Some(1))?;
    let r = ref_arg(&args[0], "touch()")?;
    stm::ensure(&r)
}

fn ref_set(args: &[Value]) -> Result<Value> {
    check_arity("ref-set", args, 2, Some(2))?;
    let r = ref_arg(&args[0], "set(Object)")?;
    stm::ref_set(&r, args[1].clone())
}

fn no_transaction<T>() -> Result<T> {
    Err(Exception::new(
        ExClass::IllegalStateException,
        "No transaction running",
    ))
}

fn ref_history_count(args: &[Value]) -> Result<Value> {
    check_arity("ref-history-count", args, 1, Some(1))?;
    let r = ref_arg(&args[0], "getHistoryCount()")?;
    Ok(Value::long(r.history_count() as i64))
}

fn ref_min_history(args: &[Value]) -> Result<Value> {
    check_arity("ref-min-history", args, 1, Some(2))?;
    match args {
        [r, n] => {
            let r2 = ref_arg(r, "setMinHistory(int)")?;
            r2.set_min_history(int_arg(n)?);
            Ok(r.clone())
        }
        _ => {
            let r = ref_arg(&args[0], "getMinHistory()")?;
            Ok(Value::long(r.min_history() as i64))
        }
    }
}

fn ref_max_history(args: &[Value]) -> Result<Value> {
    check_arity("ref-max-history", args, 1, Some(2))?;
    match args {
        [r, n] => {
            let r2 = ref_arg(r, "setMaxHistory(int)")?;
            r2.set_max_history(int_arg(n)?);
            Ok(r.clone())
        }
        _ => {
            let r = ref_arg(&args[0], "getMaxHistory()")?;
            Ok(Value::long(r.max_history() as i64))
        }
    }
}
