//! Transducers: the 1-arg (0-arg for `distinct`/`dedupe`) arities of the seq
//! fns, as core.clj writes them. A transducer is a fn of `rf` returning a
//! reducing fn of arities 0 (init), 1 (completion) and 2 (step); state lives
//! in a Lock inside the closure, like core.clj's volatiles.

use super::{Shared, call, closure};
use crate::builtins::arity_error;
use crate::runtime::coll::ops;
use crate::runtime::equality::equiv;
use crate::runtime::error::Result;
use crate::runtime::func::invoke;
use crate::runtime::gc::{Lock, lock};
use crate::runtime::value::Value;

/// A transducer whose reducing fn steps with `step(rf, acc, input)` and
/// completes with `complete(rf, acc)`. `make` builds fresh per-rf state.
fn transducer<S, F, C>(
    name: &'static str,
    make: impl Fn() -> S + Shared + 'static,
    step: F,
    complete: C,
) -> Value
where
    S: Shared + 'static,
    F: Fn(&S, &Value, Value, &[Value]) -> Result<Value> + Shared + Clone + 'static,
    C: Fn(&S, &Value, Value) -> Result<Value> + Shared + Clone + 'static,
{
    closure(name, move |a| {
        let [rf] = a else {
            return Err(arity_error(name, a.len()));
        };
        let rf = rf.clone();
        let state = make();
        let (step, complete) = (step.clone(), complete.clone());
        Ok(closure(name, move |b| match b {
            [] => call(&rf, &mut []),
            [acc] => complete(&state, &rf, acc.clone()),
            // (the inputs as a slice of the args: no Vec per step)
            [acc, xs @ ..] => step(&state, &rf, acc.clone(), xs),
        }))
    })
}

fn plain_complete<S>(_: &S, rf: &Value, acc: Value) -> Result<Value> {
    call(rf, &mut [acc])
}

/// `(ensure-reduced x)`.
pub(crate) fn ensure_reduced(x: Value) -> Value {
    if x.as_reduced().is_some() {
        x
    } else {
        Value::reduced(x)
    }
}

/// `(unreduced x)`.
pub(crate) fn unreduced(x: Value) -> Value {
    match x.as_reduced() {
        Some(v) => v.clone(),
        None => x,
    }
}

pub(crate) fn map(f: Value) -> Value {
    transducer(
        "clojure.core/map",
        || (),
        move |_, rf, acc, xs| {
            let y = invoke(&f, xs)?;
            call(rf, &mut [acc, y])
        },
        plain_complete,
    )
}

/// `(filter pred)`; `(remove pred)` when `want` is false.
pub(crate) fn filter(pred: Value, want: bool) -> Value {
    transducer(
        if want {
            "clojure.core/filter"
        } else {
            "clojure.core/remove"
        },
        || (),
        move |_, rf, acc, xs| {
            if invoke(&pred, &xs[..1])?.truthy() == want {
                call(rf, &mut [acc, xs[0].clone()])
            } else {
                Ok(acc)
            }
        },
        plain_complete,
    )
}

/// `(keep f)`; `(keep-indexed f)` when `indexed`.
pub(crate) fn keep(f: Value, indexed: bool) -> Value {
    transducer(
        "clojure.core/keep",
        || Lock::new(-1i64),
        move |i, rf, acc, xs| {
            let v = if indexed {
                let idx = {
                    let mut g = lock(i);
                    *g += 1;
                    *g
                };
                call(&f, &mut [Value::long(idx), xs[0].clone()])?
            } else {
                invoke(&f, &xs[..1])?
            };
            if v.is_nil() {
                Ok(acc)
            } else {
                call(rf, &mut [acc, v])
            }
        },
        plain_complete,
    )
}

pub(crate) fn map_indexed(f: Value) -> Value {
    transducer(
        "clojure.core/map-indexed",
        || Lock::new(-1i64),
        move |i, rf, acc, xs| {
            let idx = {
                let mut g = lock(i);
                *g += 1;
                *g
            };
            let y = call(&f, &mut [Value::long(idx), xs[0].clone()])?;
            call(rf, &mut [acc, y])
        },
        plain_complete,
    )
}

pub(crate) fn take(n: i64) -> Value {
    transducer(
        "clojure.core/take",
        move || Lock::new(n),
        |nv, rf, acc, xs| {
            let (n, nn) = {
                let mut g = lock(nv);
                let n = *g;
                *g -= 1;
                (n, *g)
            };
            let acc = if n > 0 {
                call(rf, &mut [acc, xs[0].clone()])?
            } else {
                acc
            };
            Ok(if nn <= 0 { ensure_reduced(acc) } else { acc })
        },
        plain_complete,
    )
}

pub(crate) fn drop(n: i64) -> Value {
    transducer(
        "clojure.core/drop",
        move || Lock::new(n),
        |nv, rf, acc, xs| {
            let n = {
                let mut g = lock(nv);
                let n = *g;
                *g -= 1;
                n
            };
            if n > 0 {
                Ok(acc)
            } else {
                call(rf, &mut [acc, xs[0].clone()])
            }
        },
        plain_complete,
    )
}

pub(crate) fn take_while(pred: Value) -> Value {
    transducer(
        "clojure.core/take-while",
        || (),
        move |_, rf, acc, xs| {
            if invoke(&pred, &xs[..1])?.truthy() {
                call(rf, &mut [acc, xs[0].clone()])
            } else {
                Ok(Value::reduced(acc))
            }
        },
        plain_complete,
    )
}

pub(crate) fn drop_while(pred: Value) -> Value {
    transducer(
        "clojure.core/drop-while",
        || Lock::new(true),
        move |dv, rf, acc, xs| {
            let dropping = *lock(dv);
            if dropping && invoke(&pred, &xs[..1])?.truthy() {
                Ok(acc)
            } else {
                *lock(dv) = false;
                call(rf, &mut [acc, xs[0].clone()])
            }
        },
        plain_complete,
    )
}

pub(crate) fn take_nth(n: i64) -> Value {
    transducer(
        "clojure.core/take-nth",
        || Lock::new(-1i64),
        move |iv, rf, acc, xs| {
            let i = {
                let mut g = lock(iv);
                *g += 1;
                *g
            };
            // (zero? (rem i n)); n = 0 divides by zero on the JVM.
            if n == 0 {
                return crate::runtime::err::arithmetic("Divide by zero");
            }
            if i % n == 0 {
                call(rf, &mut [acc, xs[0].clone()])
            } else {
                Ok(acc)
            }
        },
        plain_complete,
    )
}

/// Flush a buffered partition at completion (partition-all/-by).
fn flush(buf: &Lock<Vec<Value>>, rf: &Value, acc: Value) -> Result<Value> {
    let items = std::mem::take(&mut *lock(buf));
    let acc = if items.is_empty() {
        acc
    } else {
        unreduced(call(rf, &mut [acc, Value::vector(items)])?)
    };
    call(rf, &mut [acc])
}

pub(crate) fn partition_all(n: i64) -> Value {
    transducer(
        "clojure.core/partition-all",
        || Lock::new(Vec::new()),
        move |buf, rf, acc, xs| {
            let full = {
                let mut g = lock(buf);
                g.push(xs[0].clone());
                if g.len() as i64 == n {
                    Some(std::mem::take(&mut *g))
                } else {
                    None
                }
            };
            match full {
                Some(items) => call(rf, &mut [acc, Value::vector(items)]),
                None => Ok(acc),
            }
        },
        flush,
    )
}

type ByState = (Lock<Vec<Value>>, Lock<Option<Value>>);

pub(crate) fn partition_by(f: Value) -> Value {
    transducer(
        "clojure.core/partition-by",
        || -> ByState { (Lock::new(Vec::new()), Lock::new(None)) },
        move |(buf, pv), rf, acc, xs| {
            let x = xs[0].clone();
            let val = invoke(&f, std::slice::from_ref(&x))?;
            let prior = lock(pv).replace(val.clone());
            if prior.as_ref().is_none_or(|p| equiv(p, &val)) {
                lock(buf).push(x);
                return Ok(acc);
            }
            let items = std::mem::take(&mut *lock(buf));
            let ret = call(rf, &mut [acc, Value::vector(items)])?;
            if ret.as_reduced().is_none() {
                lock(buf).push(x);
            }
            Ok(ret)
        },
        |(buf, _), rf, acc| flush(buf, rf, acc),
    )
}

pub(crate) fn distinct() -> Value {
    transducer(
        "clojure.core/distinct",
        || Lock::new(ops::hash_set_of(Vec::new())),
        |seen, rf, acc, xs| {
            let x = &xs[0];
            let s = lock(seen).clone();
            if ops::contains(&s, x)? {
                return Ok(acc);
            }
            *lock(seen) = ops::conj(&s, x.clone())?;
            call(rf, &mut [acc, x.clone()])
        },
        plain_complete,
    )
}

pub(crate) fn dedupe() -> Value {
    transducer(
        "clojure.core/dedupe",
        || Lock::new(None::<Value>),
        |pv, rf, acc, xs| {
            let x = xs[0].clone();
            let prior = lock(pv).replace(x.clone());
            if prior.is_some_and(|p| equiv(&p, &x)) {
                Ok(acc)
            } else {
                call(rf, &mut [acc, x])
            }
        },
        plain_complete,
    )
}

pub(crate) fn interpose(sep: Value) -> Value {
    transducer(
        "clojure.core/interpose",
        || Lock::new(false),
        move |started, rf, acc, xs| {
            let was = std::mem::replace(&mut *lock(started), true);
            if !was {
                return call(rf, &mut [acc, xs[0].clone()]);
            }
            let sepr = call(rf, &mut [acc, sep.clone()])?;
            if sepr.as_reduced().is_some() {
                return Ok(sepr);
            }
            call(rf, &mut [sepr, xs[0].clone()])
        },
        plain_complete,
    )
}

/// `cat`: each input is a coll reduced into rf; a `reduced` from rf is
/// kept wrapped so the outer reduction stops too.
pub(crate) fn cat_rf(rf: Value) -> Value {
    let rf2 = rf.clone();
    closure("clojure.core/cat", move |b| match b {
        [] => call(&rf2, &mut []),
        [acc] => invoke(&rf2, std::slice::from_ref(acc)),
        [acc, coll, ..] => {
            let rf3 = rf2.clone();
            let preserving = closure("clojure.core/preserving-reduced", move |c| {
                let ret = invoke(&rf3, c)?;
                Ok(if ret.as_reduced().is_some() {
                    Value::reduced(ret)
                } else {
                    ret
                })
            });
            super::reduce::reduce_with(&preserving, acc.clone(), coll)
        }
    })
}

/// `(mapcat f)` = `(comp (map f) cat)`.
pub(crate) fn mapcat(f: Value) -> Value {
    let m = map(f);
    closure("clojure.core/mapcat", move |a| {
        let [rf] = a else {
            return Err(arity_error("mapcat", a.len()));
        };
        call(&m, &mut [cat_rf(rf.clone())])
    })
}

/// `(halt-when pred)` / `(halt-when pred retf)`: stop the reduction at the
/// first input matching pred; the result is that input, or
/// `(retf (rf result) input)`. The halt travels as `{::halt value}` through
/// the completion step, as in core.clj.
pub(crate) fn halt_when(pred: Value, retf: Option<Value>) -> Value {
    let halt = Value::keyword(Some("clojure.core"), "halt");
    closure("clojure.core/halt-when", move |a| {
        let [rf] = a else {
            return Err(arity_error("halt-when", a.len()));
        };
        let (rf, pred, retf, halt) = (rf.clone(), pred.clone(), retf.clone(), halt.clone());
        Ok(closure("clojure.core/halt-when", move |b| match b {
            [] => call(&rf, &mut []),
            [result] => {
                if crate::runtime::equality::is_map(result) {
                    let missing = Value::keyword(Some("cljw.internal"), "missing");
                    let h = crate::runtime::func::get(result, &halt, missing.clone())?;
                    if !h.identical(&missing) {
                        return Ok(h);
                    }
                }
                invoke(&rf, std::slice::from_ref(result))
            }
            [result, input] => {
                if invoke(&pred, std::slice::from_ref(input))?.truthy() {
                    let v = match &retf {
                        Some(f) => {
                            let r = invoke(&rf, std::slice::from_ref(result))?;
                            call(f, &mut [r, input.clone()])?
                        }
                        None => input.clone(),
                    };
                    Ok(Value::reduced(Value::map_from_pairs(vec![(
                        halt.clone(),
                        v,
                    )])))
                } else {
                    call(&rf, &mut [result.clone(), input.clone()])
                }
            }
            _ => Err(arity_error("halt-when", b.len())),
        }))
    })
}
