//! Reference types: atom swap! swap-vals! reset! reset-vals!
//! compare-and-set! deref add-watch remove-watch set-validator!
//! get-validator volatile! vswap! vreset! volatile? delay? realized? force
//! promise deliver.

use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::equality::is_map;
use crate::runtime::error::{Result, err};
use crate::runtime::func::invoke;
use crate::runtime::iref::RefBase;
use crate::runtime::number;
use crate::runtime::state::{self, Atom, Volatile};
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("atom", atom),
    Def::f("swap!", swap),
    Def::f("swap-vals!", swap_vals),
    Def::f("reset!", reset),
    Def::f("reset-vals!", reset_vals),
    Def::f("compare-and-set!", compare_and_set),
    Def::f("deref", deref),
    Def::f("add-watch", add_watch),
    Def::f("remove-watch", remove_watch),
    Def::f("set-validator!", set_validator),
    Def::f("get-validator", get_validator),
    Def::f("volatile!", volatile),
    Def::f("vswap!", vswap),
    Def::f("vreset!", vreset),
    Def::f("volatile?", is_volatile),
    Def::f("delay?", is_delay),
    Def::f("realized?", is_realized),
    Def::f("force", force),
    Def::f("promise", promise),
    Def::f("deliver", deliver),
];

/// The atom argument of an IAtom call; `call` is the interface method the
/// JVM invokes (`IAtom.swap(clojure.lang.IFn)`), named in its nil message.
fn atom_arg<'v>(v: &'v Value, call: &str) -> Result<&'v Atom> {
    match v.view() {
        View::Atom(a) => Ok(a),
        View::Nil => null_target(call, "atom"),
        // swap-vals!/reset-vals! cast to IAtom2, the interface of `call`.
        _ => {
            let iface = call.split('.').next().unwrap_or("IAtom");
            err::class_cast(cast_message(
                v.class_name(),
                &format!("clojure.lang.{iface}"),
            ))
        }
    }
}

/// The IRef argument; `local` is the JVM parameter name in its nil message.
fn atom_iref<'v>(v: &'v Value, call: &str, local: &str) -> Result<&'v Atom> {
    match v.view() {
        View::Atom(a) => Ok(a),
        View::Nil => null_target(&format!("IRef.{call}"), local),
        _ => err::class_cast(cast_message(v.class_name(), "clojure.lang.IRef")),
    }
}

/// The JVM's helpful NullPointerException for a method call on nil.
fn null_target<T>(call: &str, local: &str) -> Result<T> {
    err::npe(format!(
        "Cannot invoke \"clojure.lang.{call}\" because \"{local}\" is null"
    ))
}

fn volatile_arg(v: &Value) -> Result<&Volatile> {
    match v.view() {
        View::Volatile(x) => Ok(x),
        _ => err::class_cast(cast_message(v.class_name(), "clojure.lang.Volatile")),
    }
}

/// `(atom x & {:keys [meta validator]})`.
fn atom(args: &[Value]) -> Result<Value> {
    check_arity("atom", args, 1, None)?;
    let a = Value::atom(args[0].clone());
    let View::Atom(at) = a.view() else {
        return Ok(a);
    };
    // setup-reference reads the options with `(apply hash-map options)`.
    if args.len().is_multiple_of(2) {
        return super::no_value_supplied(args);
    }
    for kv in args[1..].chunks(2) {
        let (k, v) = match kv {
            [k, v] => (k, v.clone()),
            _ => continue,
        };
        match k.as_keyword().map(|k| k.name()) {
            Some("meta") => {
                if !v.is_nil() && !is_map(&v) {
                    return err::class_cast(cast_message(
                        v.class_name(),
                        "clojure.lang.IPersistentMap",
                    ));
                }
                at.set_meta(v)
            }
            Some("validator") => at.set_validator(if v.is_nil() { None } else { Some(v) })?,
            _ => {}
        }
    }
    Ok(a)
}

/// `IAtom.swap` / `IAtom2.swapVals` overload for `extra` args after f.
fn swap_sig(method: &str, extra: usize) -> String {
    let params = match extra {
        0 => "clojure.lang.IFn",
        1 => "clojure.lang.IFn, Object",
        2 => "clojure.lang.IFn, Object, Object",
        _ => "clojure.lang.IFn, Object, Object, clojure.lang.ISeq",
    };
    format!("{method}({params})")
}

fn swap(args: &[Value]) -> Result<Value> {
    check_arity("swap!", args, 2, None)?;
    let sig = swap_sig("IAtom.swap", args.len() - 2);
    Ok(atom_arg(&args[0], &sig)?
        .swap_vals(&args[0], &args[1], &args[2..])?
        .1)
}

fn swap_vals(args: &[Value]) -> Result<Value> {
    check_arity("swap-vals!", args, 2, None)?;
    let sig = swap_sig("IAtom2.swapVals", args.len().saturating_sub(2));
    let (old, new) = atom_arg(&args[0], &sig)?.swap_vals(&args[0], &args[1], &args[2..])?;
    Ok(Value::vector(vec![old, new]))
}

fn reset(args: &[Value]) -> Result<Value> {
    check_arity("reset!", args, 2, Some(2))?;
    atom_arg(&args[0], "IAtom.reset(Object)")?.reset(&args[0], args[1].clone())
}

fn reset_vals(args: &[Value]) -> Result<Value> {
    check_arity("reset-vals!", args, 2, Some(2))?;
    let (old, new) =
        atom_arg(&args[0], "IAtom2.resetVals(Object)")?.reset_vals(&args[0], args[1].clone())?;
    Ok(Value::vector(vec![old, new]))
}

fn compare_and_set(args: &[Value]) -> Result<Value> {
    check_arity("compare-and-set!", args, 3, Some(3))?;
    let ok = atom_arg(&args[0], "IAtom.compareAndSet(Object, Object)")?.compare_and_set(
        &args[0],
        &args[1],
        args[2].clone(),
    )?;
    Ok(Value::bool(ok))
}

/// `(deref ref)` / `(deref ref timeout-ms timeout-val)`.
fn deref(args: &[Value]) -> Result<Value> {
    check_arity("deref", args, 1, Some(3))?;
    let r = &args[0];
    if let [_, ms, dflt] = args {
        let ms = || {
            Ok::<_, crate::runtime::error::Exception>(
                u64::try_from(number::to_long(ms)?).unwrap_or(0),
            )
        };
        return match r.view() {
            View::Promise(p) => Ok(p.wait(Some(ms()?))?.unwrap_or_else(|| dflt.clone())),
            View::Future(f) => f.wait(Some(ms()?)).unwrap_or_else(|| Ok(dflt.clone())),
            // JVM: deref-future's `(.get fut timeout-ms ...)` on nil.
            View::Nil => err::npe(
                "Cannot invoke \"java.util.concurrent.Future.get(long, java.util.concurrent.TimeUnit)\" because \"fut\" is null",
            ),
            _ => err::class_cast(cast_message(r.class_name(), "java.util.concurrent.Future")),
        };
    }
    if args.len() == 2 {
        return Err(super::arity_error("deref", 2));
    }
    deref_value(r)
}

/// `(deref r)` of one value.
pub(crate) fn deref_value(r: &Value) -> Result<Value> {
    match state::deref(r) {
        Some(v) => v,
        // JVM: deref-future's `(.get fut)` on nil.
        None if r.is_nil() => {
            err::npe("Cannot invoke \"java.util.concurrent.Future.get()\" because \"fut\" is null")
        }
        None => err::class_cast(cast_message(r.class_name(), "java.util.concurrent.Future")),
    }
}

/// The ARef parts of a ref or an agent.
fn ref_base(v: &Value) -> Option<&RefBase> {
    match v.view() {
        View::TxRef(r) => Some(r.base()),
        View::Agent(a) => Some(a.base()),
        View::Var(v) => Some(v.iref()),
        _ => None,
    }
}

/// The state a new validator must accept: a ref's or agent's current value.
fn ref_state(v: &Value) -> Value {
    match v.view() {
        View::TxRef(r) => r.current_val(),
        View::Agent(a) => a.deref(),
        View::Var(v) => v.get().unwrap_or(Value::NIL),
        _ => Value::NIL,
    }
}

fn add_watch(args: &[Value]) -> Result<Value> {
    check_arity("add-watch", args, 3, Some(3))?;
    if let Some(b) = ref_base(&args[0]) {
        b.add_watch(args[1].clone(), args[2].clone());
        return Ok(args[0].clone());
    }
    atom_iref(&args[0], "addWatch(Object, clojure.lang.IFn)", "reference")?
        .add_watch(args[1].clone(), args[2].clone());
    Ok(args[0].clone())
}

fn remove_watch(args: &[Value]) -> Result<Value> {
    check_arity("remove-watch", args, 2, Some(2))?;
    if let Some(b) = ref_base(&args[0]) {
        b.remove_watch(&args[1]);
        return Ok(args[0].clone());
    }
    atom_iref(&args[0], "removeWatch(Object)", "reference")?.remove_watch(&args[1]);
    Ok(args[0].clone())
}

fn set_validator(args: &[Value]) -> Result<Value> {
    check_arity("set-validator!", args, 2, Some(2))?;
    let f = if args[1].is_nil() {
        None
    } else {
        Some(args[1].clone())
    };
    if let Some(b) = ref_base(&args[0]) {
        b.set_validator(f, &ref_state(&args[0]))?;
        return Ok(Value::NIL);
    }
    atom_iref(&args[0], "setValidator(clojure.lang.IFn)", "iref")?.set_validator(f)?;
    Ok(Value::NIL)
}

fn get_validator(args: &[Value]) -> Result<Value> {
    check_arity("get-validator", args, 1, Some(1))?;
    if let Some(b) = ref_base(&args[0]) {
        return Ok(b.validator().unwrap_or(Value::NIL));
    }
    Ok(atom_iref(&args[0], "getValidator()", "iref")?
        .validator()
        .unwrap_or(Value::NIL))
}

fn volatile(args: &[Value]) -> Result<Value> {
    check_arity("volatile!", args, 1, Some(1))?;
    Ok(Value::volatile(args[0].clone()))
}

/// `(vswap! vol f & args)` (a macro on the JVM; same effect).
fn vswap(args: &[Value]) -> Result<Value> {
    check_arity("vswap!", args, 2, None)?;
    let v = volatile_arg(&args[0])?;
    let mut call = vec![v.deref()];
    call.extend_from_slice(&args[2..]);
    let new = invoke(&args[1], &call)?;
    Ok(v.reset(new))
}

fn vreset(args: &[Value]) -> Result<Value> {
    check_arity("vreset!", args, 2, Some(2))?;
    Ok(volatile_arg(&args[0])?.reset(args[1].clone()))
}

fn is_volatile(args: &[Value]) -> Result<Value> {
    check_arity("volatile?", args, 1, Some(1))?;
    Ok(Value::bool(matches!(args[0].view(), View::Volatile(_))))
}

fn is_delay(args: &[Value]) -> Result<Value> {
    check_arity("delay?", args, 1, Some(1))?;
    Ok(Value::bool(matches!(args[0].view(), View::Delay(_))))
}

fn is_realized(args: &[Value]) -> Result<Value> {
    check_arity("realized?", args, 1, Some(1))?;
    let x = &args[0];
    Ok(Value::bool(match x.view() {
        View::Delay(d) => d.is_realized(),
        View::Promise(p) => p.is_realized(),
        View::Future(f) => f.is_done(),
        View::LazySeq(s) => s.is_realized(),
        View::Iterate(_) | View::Cycle(_) => true,
        _ => {
            return err::class_cast(cast_message(x.class_name(), "clojure.lang.IPending"));
        }
    }))
}

fn force(args: &[Value]) -> Result<Value> {
    check_arity("force", args, 1, Some(1))?;
    match args[0].view() {
        View::Delay(d) => d.deref(),
        _ => Ok(args[0].clone()),
    }
}

fn promise(args: &[Value]) -> Result<Value> {
    check_arity("promise", args, 0, Some(0))?;
    Ok(Value::promise())
}

/// `(deliver p v)`: returns p the first time, nil afterwards.
fn deliver(args: &[Value]) -> Result<Value> {
    check_arity("deliver", args, 2, Some(2))?;
    match args[0].view() {
        View::Promise(p) => Ok(if p.deliver(args[1].clone()) {
            args[0].clone()
        } else {
            Value::NIL
        }),
        // JVM: deliver calls the promise as a fn.
        _ => invoke(&args[0], &args[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::error::ExClass;

    fn inc() -> Value {
        Value::native_fn("inc", |a: &[Value]| number::inc(&a[0]))
    }

    #[test]
    fn atom_swap_reset_validate() {
        let a = atom(&[Value::long(1)]).unwrap_or(Value::NIL);
        let r = swap(&[a.clone(), inc()]).ok().and_then(|v| v.as_long());
        assert_eq!(r, Some(2));
        let r = swap_vals(&[a.clone(), inc()])
            .ok()
            .map(|v| format!("{v:?}"));
        assert_eq!(r.as_deref(), Some("[2 3]"));
        let r = reset_vals(&[a.clone(), Value::long(10)])
            .ok()
            .map(|v| format!("{v:?}"));
        assert_eq!(r.as_deref(), Some("[3 10]"));
        let ok = compare_and_set(&[a.clone(), Value::long(10), Value::long(11)]);
        assert_eq!(ok.ok().and_then(|v| v.as_bool()), Some(true));
        let ok = compare_and_set(&[a.clone(), Value::long(10), Value::long(12)]);
        assert_eq!(ok.ok().and_then(|v| v.as_bool()), Some(false));
        // JVM: (atom -1 :validator pos?) IllegalStateException "Invalid reference state"
        let pos = Value::native_fn("pos?", |a: &[Value]| {
            Ok(Value::bool(number::is_pos(&a[0])?))
        });
        let e = atom(&[Value::long(-1), Value::keyword(None, "validator"), pos]).err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some("java.lang.IllegalStateException: Invalid reference state")
        );
        // JVM: (deref 1) ClassCastException ... java.util.concurrent.Future
        let e = deref(&[Value::long(1)]).err().map(|e| e.class());
        assert_eq!(e, Some(ExClass::ClassCastException));
    }

    #[test]
    fn delay_runs_once_and_caches_failure() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static CALLS: AtomicUsize = AtomicUsize::new(0);
        let f = Value::native_fn("f", |_: &[Value]| {
            CALLS.fetch_add(1, Ordering::SeqCst);
            Ok(Value::long(7))
        });
        let d = Value::delay(f);
        assert_eq!(
            is_realized(std::slice::from_ref(&d))
                .ok()
                .and_then(|v| v.as_bool()),
            Some(false)
        );
        assert_eq!(
            force(std::slice::from_ref(&d))
                .ok()
                .and_then(|v| v.as_long()),
            Some(7)
        );
        assert_eq!(
            deref(std::slice::from_ref(&d))
                .ok()
                .and_then(|v| v.as_long()),
            Some(7)
        );
        assert_eq!(CALLS.load(Ordering::SeqCst), 1);
        let bad = Value::delay(Value::native_fn("g", |_: &[Value]| err::illegal_arg("x")));
        assert!(deref(std::slice::from_ref(&bad)).is_err());
        assert!(deref(std::slice::from_ref(&bad)).is_err());
        assert_eq!(
            is_realized(&[bad]).ok().and_then(|v| v.as_bool()),
            Some(true)
        );
    }

    #[test]
    fn promise_delivers_once() {
        let p = promise(&[]).unwrap_or(Value::NIL);
        let r = deref(&[p.clone(), Value::long(1), Value::keyword(None, "t")]);
        assert_eq!(r.ok().map(|v| format!("{v:?}")).as_deref(), Some(":t"));
        assert!(deliver(&[p.clone(), Value::long(3)]).is_ok_and(|v| !v.is_nil()));
        assert!(deliver(&[p.clone(), Value::long(4)]).is_ok_and(|v| v.is_nil()));
        assert_eq!(deref(&[p]).ok().and_then(|v| v.as_long()), Some(3));
    }
}
