//! Reduction: reduce reduce-kv reductions reduced reduced? unreduced
//! ensure-reduced transduce into sequence completing cat mapv filterv
//! frequencies group-by run!. `reduce` honours `reduced` and walks vectors
//! and maps directly, without building a seq.

use super::{call, closure, lazy, protocol_reduce, xform};
use crate::builtins::{Def, arity_error, check_arity};
use crate::runtime::coll::HashSet;
use crate::runtime::coll::ops;
use crate::runtime::coll::vector::VectorBuilder;
use crate::runtime::error::{Result, err};
use crate::runtime::func::invoke;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::meta;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use crate::vm::with_caller;
use std::collections::VecDeque;
use std::ops::ControlFlow;

pub(crate) const DEFS: &[Def] = &[
    Def::owned("reduce", reduce),
    Def::f("reduce-kv", reduce_kv),
    Def::f("reductions", reductions),
    Def::f("reduced", reduced),
    Def::f("reduced?", reduced_p),
    Def::f("unreduced", unreduced),
    Def::f("ensure-reduced", ensure_reduced),
    Def::f("transduce", transduce),
    Def::owned("into", into),
    Def::f("sequence", sequence),
    Def::f("eduction", eduction),
    Def::f("completing", completing),
    Def::f("cat", cat),
    Def::owned("mapv", mapv),
    Def::f("filterv", filterv),
    Def::f("frequencies", frequencies),
    Def::f("group-by", group_by),
    Def::owned("run!", run),
];

/// `(reduce f init coll)`: the result with any `reduced` unwrapped.
pub(crate) fn reduce_with(f: &Value, init: Value, coll: &Value) -> Result<Value> {
    reduce_owned(f, init, coll.clone())
}

/// Reduce consuming `coll`: a lazy seq is released cell by cell.
pub(crate) fn reduce_owned(f: &Value, init: Value, coll: Value) -> Result<Value> {
    if let Some(m) = protocol_reduce::coll_reduce_target(&coll) {
        return call(&m, &mut [coll, f.clone(), init]);
    }
    reduce_owned_native(f, init, coll)
}

/// `reduce_owned` without dispatch through CollReduce: its defaults.
fn reduce_owned_native(f: &Value, init: Value, coll: Value) -> Result<Value> {
    // A deftype/reify implementing IReduceInit reduces itself.
    if matches!(coll.view(), View::Instance(_)) && instance_reduces(&coll) {
        return crate::runtime::types::call_method(&coll, "reduce", &[f.clone(), init])
            .unwrap_or(Ok(Value::NIL));
    }
    with_caller(f, |f| {
        fold_owned(coll, init, |acc, x| {
            let acc = f.call2(acc, x)?;
            Ok(match acc.as_reduced() {
                Some(v) => ControlFlow::Break(v.clone()),
                None => ControlFlow::Continue(acc),
            })
        })
    })
}

/// The items of `coll` through `step` in order, as `reduce` walks them:
/// vectors, maps and long ranges without seq nodes, anything else by its
/// seq, released cell by cell (nothing holds the head of an owned seq).
pub(crate) fn fold_owned<A>(
    coll: Value,
    mut acc: A,
    mut step: impl FnMut(A, Value) -> Result<ControlFlow<A, A>>,
) -> Result<A> {
    macro_rules! step {
        ($x:expr) => {{
            match step(acc, $x)? {
                ControlFlow::Continue(a) => acc = a,
                ControlFlow::Break(v) => return Ok(v),
            }
        }};
    }
    match coll.view() {
        View::Vector(v) => {
            for x in v.iter() {
                step!(x.clone());
            }
        }
        View::ArrayMap(m) => {
            for (k, v) in m.iter() {
                step!(Value::map_entry(k.clone(), v.clone()));
            }
        }
        View::HashMap(m) => {
            for (k, v) in m.iter() {
                step!(Value::map_entry(k.clone(), v.clone()));
            }
        }
        // LongRange implements IReduce: no seq nodes at all.
        View::LongRange(r) => return r.reduce(acc, |a, i| step(a, Value::long(i))),
        _ => {
            for x in seq::into_iter(coll) {
                step!(x?);
            }
        }
    }
    Ok(acc)
}

/// A vector of `coll`'s items, built in place (`vec`, `mapv`): peak memory
/// is the result, not the source seq too.
pub(crate) fn vector_of(coll: Value, f: Option<&Value>) -> Result<Value> {
    let b = fold_owned(coll, VectorBuilder::default(), |mut b, x| {
        b.push(match f {
            Some(f) => call(f, &mut [x])?,
            None => x,
        });
        Ok(ControlFlow::Continue(b))
    })?;
    Ok(b.finish())
}

/// A hash set of `coll`'s items, built in place (`set`).
pub(crate) fn hash_set_of_owned(coll: Value) -> Result<Value> {
    let s = fold_owned(coll, HashSet::empty(), |mut s, x| {
        crate::runtime::hash::check_key(&x)?;
        s.conj_mut(x);
        Ok(ControlFlow::Continue(s))
    })?;
    Ok(ops::hash_set_value(s))
}

/// Does this deftype/reify instance implement clojure.lang.IReduceInit?
fn instance_reduces(x: &Value) -> bool {
    crate::builtins::classes::is_instance("clojure.lang.IReduceInit", x)
}

/// `reduce` owns its collection argument (see NativeOwnedFnPtr).
fn reduce(args: &mut [Value]) -> Result<Value> {
    match args {
        [f, coll] => {
            if let Some(m) = protocol_reduce::coll_reduce_target(coll) {
                return call(&m, &mut [std::mem::take(coll), f.clone()]);
            }
        }
        [f, init, coll] => {
            return reduce_owned(f, std::mem::take(init), std::mem::take(coll));
        }
        _ => {}
    }
    reduce_native(args)
}

/// `(-reduce f coll)` / `(-reduce f init coll)`: reduce without dispatch
/// through CollReduce (clojure.core.protocols' Object default).
pub(crate) fn reduce_native(args: &mut [Value]) -> Result<Value> {
    match args {
        [f, coll] => {
            let coll = std::mem::take(coll);
            if let View::Vector(v) = coll.view() {
                let mut acc = match v.nth(0) {
                    None => return call(f, &mut []),
                    Some(first) => first.clone(),
                };
                return with_caller(f, |f| {
                    for x in v.iter().skip(1) {
                        acc = f.call2(std::mem::take(&mut acc), x.clone())?;
                        if let Some(r) = acc.as_reduced() {
                            return Ok(r.clone());
                        }
                    }
                    Ok(acc)
                });
            }
            // IReduce: the instance's own (reduce f).
            if matches!(coll.view(), View::Instance(_))
                && crate::builtins::classes::is_instance("clojure.lang.IReduce", &coll)
                && let Some(r) =
                    crate::runtime::types::call_method(&coll, "reduce", std::slice::from_ref(f))
            {
                return r;
            }
            let s = seq::seq(&coll)?;
            drop(coll);
            if s.is_nil() {
                return call(f, &mut []);
            }
            let first = seq::first(&s)?;
            let rest = seq::next(&s)?;
            drop(s);
            reduce_owned_native(f, first, rest)
        }
        [f, init, coll] => reduce_owned_native(f, std::mem::take(init), std::mem::take(coll)),
        _ => Err(arity_error("reduce", args.len())),
    }
}

pub(crate) fn reduce_kv(args: &[Value]) -> Result<Value> {
    check_arity("reduce-kv", args, 3, Some(3))?;
    if let Some(m) = protocol_reduce::kv_reduce_target(&args[2]) {
        return call(&m, &mut [args[2].clone(), args[0].clone(), args[1].clone()]);
    }
    reduce_kv_native(args)
}

/// `(-kv-reduce f init coll)`: reduce-kv without dispatch through
/// IKVReduce (clojure.core.protocols' Object default).
pub(crate) fn reduce_kv_native(args: &[Value]) -> Result<Value> {
    check_arity("reduce-kv", args, 3, Some(3))?;
    let (f, coll) = (&args[0], &args[2]);
    let mut acc = args[1].clone();
    // A deftype/reify implementing IKVReduce reduces itself.
    if matches!(coll.view(), View::Instance(_))
        && crate::builtins::classes::is_instance("clojure.lang.IKVReduce", coll)
        && let Some(r) =
            crate::runtime::types::call_method(coll, "kvreduce", &[f.clone(), acc.clone()])
    {
        return r;
    }
    // Maps are walked in place (the fn can't change a persistent map, and
    // `args` holds it alive meanwhile).
    let pairs: Vec<(Value, Value)> = match coll.view() {
        View::Nil => return Ok(acc),
        View::ArrayMap(m) => return kv_fold(f, acc, m.iter()),
        View::HashMap(m) => return kv_fold(f, acc, m.iter()),
        View::SortedMap(m) => return kv_fold(f, acc, m.iter()),
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_) => super::items(coll)?
            .into_iter()
            .enumerate()
            .map(|(i, x)| (Value::long(i as i64), x))
            .collect(),
        // The Object impl of IKVReduce reduces over map entries.
        _ => {
            let mut out = Vec::new();
            for e in seq::iter(coll) {
                let e = e?;
                match e.view() {
                    View::MapEntry(me) => out.push((me.key().clone(), me.val().clone())),
                    _ => {
                        return err::class_cast(crate::runtime::compare::cast_message(
                            e.class_name(),
                            "java.util.Map$Entry",
                        ));
                    }
                }
            }
            out
        }
    };
    for (k, v) in pairs {
        acc = call(f, &mut [acc, k, v])?;
        if let Some(v) = acc.as_reduced() {
            return Ok(v.clone());
        }
    }
    Ok(acc)
}

/// `(f acc k v)` over borrowed entries, stopping at a `reduced`.
fn kv_fold<'a>(
    f: &Value,
    mut acc: Value,
    entries: impl Iterator<Item = (&'a Value, &'a Value)>,
) -> Result<Value> {
    for (k, v) in entries {
        acc = call(f, &mut [acc, k.clone(), v.clone()])?;
        if let Some(v) = acc.as_reduced() {
            return Ok(v.clone());
        }
    }
    Ok(acc)
}

fn reductions_from(f: Value, acc: Value, coll: Value) -> Result<Value> {
    if let Some(v) = acc.as_reduced() {
        return Ok(Value::list(vec![v.clone()]));
    }
    let a = acc.clone();
    let tail = lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let next = call(&f, &mut [a, seq::first(&s)?])?;
        reductions_from(f, next, seq::rest(&s)?)
    });
    seq::cons(acc, &tail)
}

fn reductions(args: &[Value]) -> Result<Value> {
    match args {
        [f, coll] => {
            let (f, coll) = (f.clone(), coll.clone());
            Ok(lazy(move || {
                let s = seq::seq(&coll)?;
                drop(coll);
                if s.is_nil() {
                    return Ok(Value::list(vec![call(&f, &mut [])?]));
                }
                reductions_from(f, seq::first(&s)?, seq::rest(&s)?)
            }))
        }
        [f, init, coll] => reductions_from(f.clone(), init.clone(), coll.clone()),
        _ => Err(arity_error("reductions", args.len())),
    }
}

fn one<'a>(name: &str, args: &'a [Value]) -> Result<&'a Value> {
    match args {
        [x] => Ok(x),
        _ => Err(arity_error(name, args.len())),
    }
}

fn reduced(args: &[Value]) -> Result<Value> {
    Ok(Value::reduced(one("reduced", args)?.clone()))
}
fn reduced_p(args: &[Value]) -> Result<Value> {
    Ok(Value::bool(one("reduced?", args)?.as_reduced().is_some()))
}
fn unreduced(args: &[Value]) -> Result<Value> {
    Ok(xform::unreduced(one("unreduced", args)?.clone()))
}
fn ensure_reduced(args: &[Value]) -> Result<Value> {
    Ok(xform::ensure_reduced(one("ensure-reduced", args)?.clone()))
}

fn transduce(args: &[Value]) -> Result<Value> {
    let (xf, f, init, coll) = match args {
        [xf, f, coll] => (xf, f, call(f, &mut [])?, coll),
        [xf, f, init, coll] => (xf, f, init.clone(), coll),
        _ => return Err(arity_error("transduce", args.len())),
    };
    let rf = invoke(xf, std::slice::from_ref(f))?;
    let ret = reduce_with(&rf, init, coll)?;
    call(&rf, &mut [ret])
}

/// A native reducing fn for `into`: conj! onto a transient, or conj.
fn conj_rf(transient: bool) -> Value {
    closure("clojure.core/conj!", move |a| match a {
        [] => Ok(if transient {
            ops::transient(&Value::vector(Vec::new()))?
        } else {
            Value::vector(Vec::new())
        }),
        [acc] => Ok(acc.clone()),
        [acc, x] => {
            if transient {
                ops::conj_mut(acc, x.clone())
            } else {
                ops::conj(acc, x.clone())
            }
        }
        _ => Err(arity_error("conj", a.len())),
    })
}

fn editable(x: &Value) -> bool {
    matches!(
        x.view(),
        View::Vector(_) | View::ArrayMap(_) | View::HashMap(_) | View::HashSet(_)
    )
}

/// `(into to from)` / `(into to xform from)`: through a transient when `to`
/// is editable; the result keeps `to`'s metadata. Consumes `from`.
pub(crate) fn into_with(to: &Value, xf: Option<&Value>, from: Value) -> Result<Value> {
    let transient = editable(to);
    let start = if transient {
        ops::transient(to)?
    } else {
        to.clone()
    };
    let out = match xf {
        None if (matches!(from.view(), View::Instance(_)) && instance_reduces(&from))
            || protocol_reduce::coll_reduce_target(&from).is_some() =>
        {
            reduce_owned(&conj_rf(transient), start, from)?
        }
        None => fold_owned(from, start, |acc, x| {
            Ok(ControlFlow::Continue(if transient {
                ops::conj_mut(&acc, x)?
            } else {
                ops::conj(&acc, x)?
            }))
        })?,
        Some(xf) => {
            let rf = call(xf, &mut [conj_rf(transient)])?;
            let ret = reduce_owned(&rf, start, from)?;
            call(&rf, &mut [ret])?
        }
    };
    if !transient {
        return Ok(out);
    }
    let p = ops::persistent(&out)?;
    let m = meta::meta(to);
    if m.is_nil() {
        Ok(p)
    } else {
        meta::with_meta(&p, m)
    }
}

/// `into` owns its source (see NativeOwnedFnPtr): nothing holds its head.
fn into(args: &mut [Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::vector(Vec::new())),
        [to] => Ok(to.clone()),
        [to, from] => into_with(to, None, std::mem::take(from)),
        [to, xf, from] => into_with(to, Some(xf), std::mem::take(from)),
        _ => Err(arity_error("into", args.len())),
    }
}

/// clojure.lang.TransformerIterator: the output of a transducer over its
/// inputs, stepping the source one input at a time, only as far as the
/// next output needs (`sequence`).
struct TransformerIter {
    /// The xform applied to a reducing fn that appends to `buf`.
    rf: Value,
    /// What is left of each input coll (SeqIterator's position); several
    /// colls step in parallel (MultiIterator) and stop at the shortest.
    inputs: Vec<Value>,
    buf: Ref<Lock<VecDeque<Value>>>,
    /// The output `has_next` took from the buffer.
    next: Option<Value>,
    /// The completion step ran: no more input is read.
    completed: bool,
}

impl TransformerIter {
    /// TransformerIterator.hasNext: step inputs until an output is ready or
    /// the source (or a `reduced`) ends it, then run the completion step.
    fn has_next(&mut self) -> Result<bool> {
        while self.next.is_none() {
            if let Some(x) = lock(&self.buf).pop_front() {
                self.next = Some(x);
                break;
            }
            if self.completed {
                return Ok(false);
            }
            let r = match self.source_next()? {
                Some(mut args) => {
                    args.insert(0, Value::NIL);
                    if args.len() == 2 {
                        call(&self.rf, &mut args)?
                    } else {
                        invoke(&self.rf, &args)?
                    }
                }
                None => Value::NIL,
            };
            if self.inputs.is_empty() || r.as_reduced().is_some() {
                // Release the inputs' heads before the completion step.
                self.inputs.clear();
                self.completed = true;
                call(&self.rf, &mut [Value::NIL])?;
            }
        }
        Ok(true)
    }

    /// The output `has_next` found (call it first).
    fn take_next(&mut self) -> Value {
        self.next.take().unwrap_or(Value::NIL)
    }

    /// One item of each input, or None (inputs cleared) when one is empty.
    fn source_next(&mut self) -> Result<Option<Vec<Value>>> {
        let mut heads = Vec::with_capacity(self.inputs.len());
        for input in &self.inputs {
            let s = seq::seq(input)?;
            if s.is_nil() {
                self.inputs.clear();
                return Ok(None);
            }
            heads.push(s);
        }
        let mut items = Vec::with_capacity(heads.len());
        for (input, s) in self.inputs.iter_mut().zip(heads) {
            items.push(seq::first(&s)?);
            *input = seq::rest(&s)?;
        }
        Ok(Some(items))
    }
}

/// RT.chunkIteratorSeq: nil when the iterator is empty (asked at once),
/// else a lazy seq of 32-item chunks, each filled when it is first needed.
fn chunk_iterator_seq(mut it: TransformerIter) -> Result<Value> {
    if !it.has_next()? {
        return Ok(Value::NIL);
    }
    Ok(lazy(move || {
        let mut items = Vec::with_capacity(seq::CHUNK_SIZE);
        // The JVM asks hasNext before checking the count: filling a chunk
        // steps the source once past it.
        while it.has_next()? && items.len() < seq::CHUNK_SIZE {
            items.push(it.take_next());
        }
        let rest = chunk_iterator_seq(it)?;
        seq::chunk_cons(seq::ArrayChunk::new(items), rest)
    }))
}

pub(super) fn sequence(args: &[Value]) -> Result<Value> {
    match args {
        [coll] => {
            if seq::is_seq(coll) {
                return Ok(coll.clone());
            }
            let s = seq::seq(coll)?;
            Ok(if s.is_nil() { Value::empty_list() } else { s })
        }
        [xf, colls @ ..] => {
            // `(sequence xf c1 c2 ...)` steps over the colls in parallel,
            // stopping at the shortest.
            let buf: Ref<Lock<VecDeque<Value>>> = Ref::new(Lock::new(VecDeque::new()));
            let b = buf.clone();
            let collect = closure("clojure.core/sequence/rf", move |a| {
                if let [_, x] = a {
                    lock(&b).push_back(x.clone());
                }
                Ok(Value::NIL)
            });
            let rf = call(xf, &mut [collect])?;
            let it = TransformerIter {
                rf,
                inputs: colls.to_vec(),
                buf,
                next: None,
                completed: false,
            };
            let s = chunk_iterator_seq(it)?;
            Ok(if s.is_nil() { Value::empty_list() } else { s })
        }
        _ => Err(arity_error("sequence", args.len())),
    }
}

/// `(eduction xform* coll)`: approximated by a lazy `sequence` over the
/// composed xforms (same items and printing; the JVM's is an Eduction
/// object that re-runs the xform on every reduce).
fn eduction(args: &[Value]) -> Result<Value> {
    let Some((coll, xfs)) = args.split_last() else {
        return Ok(Value::list(Vec::new())); // `(eduction)`: an empty one
    };
    let coll = std::slice::from_ref(coll);
    if xfs.is_empty() {
        return sequence(coll);
    }
    let xf = super::fns::comp(xfs)?;
    sequence(&[xf, coll[0].clone()])
}

fn completing(args: &[Value]) -> Result<Value> {
    let (f, cf) = match args {
        [f] => (f.clone(), None),
        [f, cf] => (f.clone(), Some(cf.clone())),
        _ => return Err(arity_error("completing", args.len())),
    };
    Ok(closure("clojure.core/completing", move |a| match a {
        [] => call(&f, &mut []),
        [x] => match &cf {
            Some(cf) => invoke(cf, std::slice::from_ref(x)),
            None => Ok(x.clone()),
        },
        _ => invoke(&f, a),
    }))
}

fn cat(args: &[Value]) -> Result<Value> {
    Ok(xform::cat_rf(one("cat", args)?.clone()))
}

/// `mapv` owns its coll (see NativeOwnedFnPtr).
fn mapv(args: &mut [Value]) -> Result<Value> {
    match args {
        [f, coll] => vector_of(std::mem::take(coll), Some(f)),
        [_, _, ..] => vector_of(super::lazy::map(args)?, None),
        _ => Err(arity_error("mapv", args.len())),
    }
}

fn filterv(args: &[Value]) -> Result<Value> {
    check_arity("filterv", args, 2, Some(2))?;
    let mut out = Vec::new();
    for x in seq::iter(&args[1]) {
        let x = x?;
        if invoke(&args[0], std::slice::from_ref(&x))?.truthy() {
            out.push(x);
        }
    }
    Ok(Value::vector(out))
}

/// Build a map through a transient by `update(map, item)`.
fn build_map(
    coll: &Value,
    mut update: impl FnMut(&Value, Value) -> Result<Value>,
) -> Result<Value> {
    let mut t = ops::transient(&Value::map_from_pairs(Vec::new()))?;
    for x in seq::iter(coll) {
        t = update(&t, x?)?;
    }
    ops::persistent(&t)
}

fn frequencies(args: &[Value]) -> Result<Value> {
    let coll = one("frequencies", args)?;
    build_map(coll, |t, x| {
        let n = ops::transient_get(t, &x, Value::long(0))?.unwrap_or(Value::long(0));
        let n = crate::runtime::number::inc(&n)?;
        ops::assoc_mut(t, x, n)
    })
}

fn group_by(args: &[Value]) -> Result<Value> {
    check_arity("group-by", args, 2, Some(2))?;
    let f = &args[0];
    build_map(&args[1], |t, x| {
        let k = invoke(f, std::slice::from_ref(&x))?;
        let empty = Value::vector(Vec::new());
        let cur = ops::transient_get(t, &k, empty.clone())?.unwrap_or(empty);
        ops::assoc_mut(t, k, ops::conj(&cur, x)?)
    })
}

fn run(args: &mut [Value]) -> Result<Value> {
    check_arity("run!", args, 2, Some(2))?;
    let proc_ = args[0].clone();
    let f = closure("clojure.core/run!/fn", move |a| match a {
        [_, x] => invoke(&proc_, std::slice::from_ref(x)),
        _ => Ok(Value::NIL),
    });
    reduce_owned(&f, Value::NIL, std::mem::take(&mut args[1]))?;
    Ok(Value::NIL)
}
