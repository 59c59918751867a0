//! Futures and parallel seqs: future future-call future? future-done?
//! future-cancel future-cancelled? pmap pcalls pvalues seque.

use super::{cast, null_target};
use crate::builtins::macros::{core, list, sym};
use crate::builtins::{Def, check_arity};
use crate::runtime::error::Result;
use crate::runtime::future::Future;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("future-call", future_call),
    Def::m("future", future),
    Def::f("future?", is_future),
    Def::f("future-done?", future_done),
    Def::f("future-cancel", future_cancel),
    Def::f("future-cancelled?", future_cancelled),
    Def::f("pmap", pmap),
    Def::f("pcalls", pcalls),
    Def::m("pvalues", pvalues),
    Def::f("seque", seque),
];

/// `(future & body)` => `(clojure.core/future-call (^{:once true} fn* [] body))`.
fn future(args: &[Value]) -> Result<Value> {
    let body = &args[2.min(args.len())..];
    let once = Value::map_from_pairs(vec![(Value::keyword(None, "once"), Value::TRUE)]);
    let fn_sym = Value::from(Symbol::intern(None, "fn*").with_meta(Some(once)));
    let mut f = vec![fn_sym, Value::vector(Vec::new())];
    f.extend_from_slice(body);
    Ok(list![core("future-call"), Value::list(f)])
}

/// `(pvalues & exprs)` => `(clojure.core/pcalls (clojure.core/fn [] e)...)`.
fn pvalues(args: &[Value]) -> Result<Value> {
    let mut out = vec![core("pcalls")];
    for e in &args[2.min(args.len())..] {
        out.push(list![core("fn"), Value::vector(Vec::new()), e.clone()]);
    }
    let _ = sym;
    Ok(Value::list(out))
}

/// The future argument of a java.util.concurrent.Future method.
fn future_arg<'v>(v: &'v Value, method: &str) -> Result<&'v Future> {
    match v.view() {
        View::Future(f) => Ok(f),
        View::Nil => null_target(&format!("java.util.concurrent.Future.{method}"), "f"),
        _ => cast(v, "java.util.concurrent.Future"),
    }
}

fn is_future(args: &[Value]) -> Result<Value> {
    check_arity("future?", args, 1, Some(1))?;
    Ok(Value::bool(matches!(args[0].view(), View::Future(_))))
}

fn future_done(args: &[Value]) -> Result<Value> {
    check_arity("future-done?", args, 1, Some(1))?;
    Ok(Value::bool(future_arg(&args[0], "isDone()")?.is_done()))
}

fn future_cancel(args: &[Value]) -> Result<Value> {
    check_arity("future-cancel", args, 1, Some(1))?;
    Ok(Value::bool(
        future_arg(&args[0], "cancel(boolean)")?.cancel(),
    ))
}

fn future_cancelled(args: &[Value]) -> Result<Value> {
    check_arity("future-cancelled?", args, 1, Some(1))?;
    Ok(Value::bool(
        future_arg(&args[0], "isCancelled()")?.is_cancelled(),
    ))
}

#[cfg(not(feature = "threads"))]
fn future_call(args: &[Value]) -> Result<Value> {
    check_arity("future-call", args, 1, Some(1))?;
    super::no_threads("future-call")
}

#[cfg(not(feature = "threads"))]
fn pmap(args: &[Value]) -> Result<Value> {
    check_arity("pmap", args, 2, None)?;
    super::no_threads("pmap")
}

#[cfg(not(feature = "threads"))]
fn pcalls(_args: &[Value]) -> Result<Value> {
    super::no_threads("pcalls")
}

#[cfg(not(feature = "threads"))]
fn seque(args: &[Value]) -> Result<Value> {
    check_arity("seque", args, 1, Some(2))?;
    super::no_threads("seque")
}

#[cfg(feature = "threads")]
pub(super) use threaded::*;

#[cfg(feature = "threads")]
mod threaded {
    use super::*;
    use crate::builtins::lang::core_value;
    use crate::runtime::error::{ExClass, Exception};
    use crate::runtime::executor;
    use crate::runtime::func::invoke;
    use crate::runtime::gc::Ref;
    use crate::runtime::seq;

    /// `(future-call f)`: run f (with the caller's bindings) on the solo
    /// pool.
    pub fn future_call(args: &[Value]) -> Result<Value> {
        check_arity("future-call", args, 1, Some(1))?;
        let f = super::super::binding_conveyor(args[0].clone(), None);
        let fut = Ref::new(Future::new());
        let job = fut.clone();
        let submitted = executor::solo().submit(Box::new(move || {
            job.run(|| invoke(&f, &[]));
        }));
        if submitted.is_err() {
            return Err(Exception::new(
                ExClass::RejectedExecutionException,
                "Task rejected from the send-off pool: shutdown-agents was called",
            ));
        }
        Ok(Value::from(fut))
    }

    fn deref(f: &Value) -> Result<Value> {
        crate::builtins::state::deref_value(f)
    }

    /// core.clj's pmap: futures for every item (as `map` realises them),
    /// kept `n` = 2 + CPUs ahead of the consumer.
    pub fn pmap(args: &[Value]) -> Result<Value> {
        check_arity("pmap", args, 2, None)?;
        let f = args[0].clone();
        let coll = if args.len() == 2 {
            args[1].clone()
        } else {
            // (map vector c1 c2 ...) stands for the JVM's step over firsts;
            // f is applied to each group.
            let map = core_value("map").unwrap_or(Value::NIL);
            let mut call = vec![core_value("vector").unwrap_or(Value::NIL)];
            call.extend_from_slice(&args[1..]);
            invoke(&map, &call)?
        };
        let spread = args.len() > 2;
        let make = Value::native_closure("clojure.core/pmap/fn", move |a| {
            let x = a.first().cloned().unwrap_or(Value::NIL);
            let f = f.clone();
            let body = Value::native_closure("clojure.core/pmap/fn/fn", move |_| {
                if spread {
                    crate::runtime::func::apply_to(&f, x.clone())
                } else {
                    invoke(&f, std::slice::from_ref(&x))
                }
            });
            future_call(&[body])
        });
        let map = core_value("map").unwrap_or(Value::NIL);
        let rets = invoke(&map, &[make, coll])?;
        let n = std::thread::available_parallelism().map_or(1, |n| n.get()) + 2;
        let drop_ = core_value("drop").unwrap_or(Value::NIL);
        let ahead = invoke(&drop_, &[Value::long(n as i64), rets.clone()])?;
        Ok(step(rets, ahead))
    }

    /// pmap's `step`: deref the next future once the one `n` ahead exists.
    fn step(vs: Value, fs: Value) -> Value {
        Value::lazy_seq_native(move || {
            let s = seq::seq(&fs)?;
            if s.is_nil() {
                return deref_all(vs);
            }
            let x = deref(&seq::first(&vs)?)?;
            let more = step(seq::rest(&vs)?, seq::rest(&s)?);
            seq::cons(x, &more)
        })
    }

    /// `(map deref vs)`.
    fn deref_all(vs: Value) -> Result<Value> {
        let s = seq::seq(&vs)?;
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let x = deref(&seq::first(&s)?)?;
        let rest = seq::rest(&s)?;
        let more = Value::lazy_seq_native(move || deref_all(rest));
        seq::cons(x, &more)
    }

    /// `(pcalls & fns)` => `(pmap #(%) fns)`.
    pub fn pcalls(args: &[Value]) -> Result<Value> {
        let call = Value::native_closure("clojure.core/pcalls/fn", |a| match a.first() {
            Some(f) => invoke(f, &[]),
            None => Ok(Value::NIL),
        });
        pmap(&[call, Value::list(args.to_vec())])
    }

    enum Item {
        Val(Value),
        Failed,
        End,
    }

    /// `(seque s)` / `(seque n s)`: a producer on the solo pool realises
    /// `s` up to `n` (100) items ahead of the consumer.
    pub fn seque(args: &[Value]) -> Result<Value> {
        check_arity("seque", args, 1, Some(2))?;
        if let [q, s] = args
            && crate::runtime::host::is_instance("java.util.concurrent.BlockingQueue", q)
        {
            return seque_queue(q.clone(), s.clone());
        }
        let (n, s) = match args {
            [n, s] => (crate::runtime::number::to_long(n)?, s.clone()),
            _ => (100, args[0].clone()),
        };
        let (tx, rx) =
            std::sync::mpsc::sync_channel::<Item>(usize::try_from(n).unwrap_or(1).max(1));
        let producer = Box::new(move || {
            let mut cur = s;
            loop {
                let item = match seq::seq(&cur) {
                    Ok(c) if c.is_nil() => Item::End,
                    Ok(c) => match (seq::first(&c), seq::rest(&c)) {
                        (Ok(x), Ok(r)) => {
                            cur = r;
                            Item::Val(x)
                        }
                        _ => Item::Failed,
                    },
                    Err(_) => Item::Failed,
                };
                let last = !matches!(item, Item::Val(_));
                if tx.send(item).is_err() || last {
                    return;
                }
            }
        });
        if executor::solo().submit(producer).is_err() {
            return Err(Exception::new(
                ExClass::RejectedExecutionException,
                "Task rejected from the send-off pool: shutdown-agents was called",
            ));
        }
        Ok(drain(rx))
    }

    /// `(seque q s)` with a BlockingQueue `q`, as core.clj does it: a fill
    /// job on the send-off pool `.offer`s items until `q` is full, then `q`
    /// itself as the end; each item the consumer `.take`s sends another
    /// fill. nil travels as a private marker (a queue holds no nulls), and a
    /// seq that fails ends the queue. Fills run one at a time.
    fn seque_queue(q: Value, s: Value) -> Result<Value> {
        use std::sync::{Arc, Mutex};
        let nil_marker = Value::native_closure("clojure.core/seque/NIL", |_| Ok(Value::NIL));
        // The unread rest of `s`; None once the end marker is in the queue.
        let rest = Arc::new(Mutex::new(Some(s)));
        let (fq, fm) = (q.clone(), nil_marker.clone());
        let fill = Arc::new(move || {
            let mut guard = match rest.lock() {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            };
            let Some(mut cur) = guard.take() else {
                return;
            };
            let offer = |x: &Value| {
                crate::runtime::host::call_method(&fq, "offer", std::slice::from_ref(x))
                    .is_ok_and(|r| r.truthy())
            };
            loop {
                let next = seq::seq(&cur).and_then(|c| {
                    if c.is_nil() {
                        Ok(None)
                    } else {
                        Ok(Some((seq::first(&c)?, seq::rest(&c)?)))
                    }
                });
                match next {
                    Ok(Some((x, r))) => {
                        let item = if x.is_nil() { fm.clone() } else { x };
                        if !offer(&item) {
                            *guard = Some(cur);
                            return;
                        }
                        cur = r;
                    }
                    Ok(None) | Err(_) => {
                        if !offer(&fq) {
                            *guard = Some(Value::empty_list());
                        }
                        return;
                    }
                }
            }
        });
        let submit = {
            let fill = fill.clone();
            move || {
                let fill = fill.clone();
                executor::solo()
                    .submit(Box::new(move || fill()))
                    .map_err(|_| {
                        Exception::new(
                            ExClass::RejectedExecutionException,
                            "Task rejected from the send-off pool: shutdown-agents was called",
                        )
                    })
            }
        };
        submit()?;
        Ok(drain_queue(q, nil_marker, Arc::new(submit)))
    }

    type Submit = std::sync::Arc<dyn Fn() -> Result<()> + Send + Sync>;

    fn drain_queue(q: Value, nil_marker: Value, submit: Submit) -> Value {
        Value::lazy_seq_native(move || {
            let x = crate::runtime::host::call_method(&q, "take", &[])?;
            if x.identical(&q) {
                return Ok(Value::NIL);
            }
            submit()?;
            let x = if x.identical(&nil_marker) {
                Value::NIL
            } else {
                x
            };
            seq::cons(
                x,
                &drain_queue(q.clone(), nil_marker.clone(), submit.clone()),
            )
        })
    }

    fn drain(rx: std::sync::mpsc::Receiver<Item>) -> Value {
        Value::lazy_seq_native(move || match rx.recv() {
            Ok(Item::Val(x)) => seq::cons(x, &drain(rx)),
            // core.clj's fill fails the agent behind seque and ends the
            // queue; drain's `@agt` does not rethrow, so the seq just ends.
            Ok(Item::End | Item::Failed) | Err(_) => Ok(Value::NIL),
        })
    }
}
