//! Higher-order fn helpers: apply comp partial juxt complement constantly
//! identity some-fn every-pred fnil memoize trampoline.

use super::{call, closure};
use crate::builtins::{Def, check_arity};
use crate::runtime::coll::ops;
use crate::runtime::error::Result;
use crate::runtime::func;
use crate::runtime::func::invoke;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::seq;
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[
    Def::owned("apply", apply),
    Def::f("comp", comp),
    Def::f("partial", partial),
    Def::f("juxt", juxt),
    Def::f("complement", complement),
    Def::f("constantly", constantly),
    Def::f("identity", identity),
    Def::f("some-fn", some_fn),
    Def::f("every-pred", every_pred),
    Def::f("fnil", fnil),
    Def::f("memoize", memoize),
    Def::f("trampoline", trampoline),
    Def::f("halt-when", halt_when),
];

/// `(apply f a b [c d])`: the last arg is spread; a variadic `f` gets its
/// rest unrealised (`func::apply_to`). Owns its args so the seq's head is
/// not held while `f` walks it.
fn apply(args: &mut [Value]) -> Result<Value> {
    check_arity("apply", args, 2, None)?;
    let Some((last, init)) = args.split_last_mut() else {
        return Ok(Value::NIL);
    };
    let f = init[0].clone();
    let mut argseq = std::mem::take(last);
    for x in init[1..].iter().rev() {
        argseq = seq::cons(x.clone(), &argseq)?;
    }
    func::apply_to(&f, argseq)
}

pub(crate) fn comp(args: &[Value]) -> Result<Value> {
    match args {
        // JVM: (= identity (comp)) is true, so return the interned fn itself.
        [] => Ok(crate::builtins::lang::core_var("identity")
            .and_then(|v| v.root())
            .unwrap_or_else(|| Value::native_fn("clojure.core/identity", identity))),
        [f] => Ok(f.clone()),
        _ => {
            let fs: Vec<Value> = args.to_vec();
            Ok(closure("clojure.core/comp", move |a| {
                let mut it = fs.iter().rev();
                let mut r = match it.next() {
                    Some(f) => invoke(f, a)?,
                    None => Value::NIL,
                };
                for f in it {
                    r = call(f, &mut [r])?;
                }
                Ok(r)
            }))
        }
    }
}

fn partial(args: &[Value]) -> Result<Value> {
    check_arity("partial", args, 1, None)?;
    if args.len() == 1 {
        return Ok(args[0].clone());
    }
    let f = args[0].clone();
    let pre: Vec<Value> = args[1..].to_vec();
    Ok(closure("clojure.core/partial", move |a| {
        let mut argv = pre.clone();
        argv.extend_from_slice(a);
        invoke(&f, &argv)
    }))
}

fn juxt(args: &[Value]) -> Result<Value> {
    check_arity("juxt", args, 1, None)?;
    let fs: Vec<Value> = args.to_vec();
    Ok(closure("clojure.core/juxt", move |a| {
        let mut out = Vec::with_capacity(fs.len());
        for f in &fs {
            out.push(invoke(f, a)?);
        }
        Ok(Value::vector(out))
    }))
}

fn complement(args: &[Value]) -> Result<Value> {
    check_arity("complement", args, 1, Some(1))?;
    let f = args[0].clone();
    Ok(closure("clojure.core/complement", move |a| {
        Ok(Value::bool(!invoke(&f, a)?.truthy()))
    }))
}

fn constantly(args: &[Value]) -> Result<Value> {
    check_arity("constantly", args, 1, Some(1))?;
    let x = args[0].clone();
    Ok(closure("clojure.core/constantly", move |_| Ok(x.clone())))
}

fn identity(args: &[Value]) -> Result<Value> {
    check_arity("identity", args, 1, Some(1))?;
    Ok(args[0].clone())
}

/// `(some-fn p ...)`: the first truthy `(p x)` over all preds and args.
/// `(some-fn p ...)`: the first truthy `(p x)`, trying each pred over the
/// (first three) args before the next pred, as core.clj's unrolled arities
/// do. With up to three preds and args, a miss returns the last falsy
/// result (`or`); otherwise nil (`some`).
fn some_fn(args: &[Value]) -> Result<Value> {
    check_arity("some-fn", args, 1, None)?;
    let ps: Vec<Value> = args.to_vec();
    Ok(closure("clojure.core/some-fn", move |a| {
        if a.is_empty() {
            return Ok(Value::NIL);
        }
        let head = &a[..a.len().min(3)];
        let mut last = Value::NIL;
        for p in &ps {
            for x in head {
                last = invoke(p, std::slice::from_ref(x))?;
                if last.truthy() {
                    return Ok(last);
                }
            }
        }
        if ps.len() > 3 {
            last = Value::NIL;
        }
        if a.len() <= 3 {
            return Ok(last);
        }
        let rest = &a[3..];
        if ps.len() <= 3 {
            // (some #(or (p1 %) (p2 %) ...) args)
            for x in rest {
                for p in &ps {
                    let r = invoke(p, std::slice::from_ref(x))?;
                    if r.truthy() {
                        return Ok(r);
                    }
                }
            }
        } else {
            // (some #(some % args) ps)
            for p in &ps {
                for x in rest {
                    let r = invoke(p, std::slice::from_ref(x))?;
                    if r.truthy() {
                        return Ok(r);
                    }
                }
            }
        }
        Ok(Value::NIL)
    }))
}

/// `(every-pred p ...)`: true when every pred holds for every arg.
fn every_pred(args: &[Value]) -> Result<Value> {
    check_arity("every-pred", args, 1, None)?;
    let ps: Vec<Value> = args.to_vec();
    Ok(closure("clojure.core/every-pred", move |a| {
        for p in &ps {
            for x in a {
                if !invoke(p, std::slice::from_ref(x))?.truthy() {
                    return Ok(Value::FALSE);
                }
            }
        }
        Ok(Value::TRUE)
    }))
}

/// `(fnil f x [y [z]])`: nil args in the first positions get defaults.
fn fnil(args: &[Value]) -> Result<Value> {
    check_arity("fnil", args, 2, Some(4))?;
    let f = args[0].clone();
    let defaults: Vec<Value> = args[1..].to_vec();
    Ok(closure("clojure.core/fnil", move |a| {
        let mut argv = a.to_vec();
        for (slot, d) in argv.iter_mut().zip(&defaults) {
            if slot.is_nil() {
                *slot = d.clone();
            }
        }
        invoke(&f, &argv)
    }))
}

/// `(memoize f)`: caches results by the argument list (a map keyed by the
/// args, like the JVM's atom of a map). The lock is not held while `f` runs,
/// so recursive memoized fns work.
fn memoize(args: &[Value]) -> Result<Value> {
    check_arity("memoize", args, 1, Some(1))?;
    let f = args[0].clone();
    let cache: Ref<Lock<Value>> = Ref::new(Lock::new(ops::hash_map_of(vec![])));
    Ok(closure("clojure.core/memoize", move |a| {
        let key = if a.is_empty() {
            Value::NIL
        } else {
            Value::vector(a.to_vec())
        };
        let hit = {
            let m = lock(&cache);
            ops::find(&m, &key)?
        };
        if !hit.is_nil() {
            return ops::nth(&hit, 1);
        }
        let ret = invoke(&f, a)?;
        let mut m = lock(&cache);
        *m = ops::assoc(&m, key, ret.clone())?;
        Ok(ret)
    }))
}

/// `(trampoline f & args)`: calls `f`, then keeps calling the result while
/// it is a fn (`fn?`: a fn object, not any IFn).
fn trampoline(args: &[Value]) -> Result<Value> {
    check_arity("trampoline", args, 1, None)?;
    let mut ret = invoke(&args[0], &args[1..])?;
    while matches!(ret.view(), crate::runtime::value::View::Fn(_)) {
        ret = call(&ret, &mut [])?;
    }
    Ok(ret)
}

fn halt_when(args: &[Value]) -> Result<Value> {
    match args {
        [pred] => Ok(super::xform::halt_when(pred.clone(), None)),
        [pred, retf] => Ok(super::xform::halt_when(
            pred.clone(),
            (!retf.is_nil()).then(|| retf.clone()),
        )),
        _ => Err(crate::builtins::arity_error("halt-when", args.len())),
    }
}
