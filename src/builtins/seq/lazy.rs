//! Lazy seq builders: map filter remove keep keep-indexed map-indexed take
//! drop take-while drop-while take-nth take-last drop-last concat mapcat
//! interleave interpose partition partition-all partition-by split-at
//! split-with distinct dedupe range repeat repeatedly iterate cycle flatten
//! tree-seq. Each follows core.clj's definition, including chunking: over a
//! chunked source, `map`/`filter`/`keep`/`map-indexed`/`keep-indexed`
//! realise a whole chunk (32 items) at a time.
//!
//! Locals clearing: every body takes its input by value and drops it as soon
//! as it has the seq, so a realised lazy seq holds no more than its tail.

use super::basic::count_arg;
use super::{call, lazy, xform};
use crate::builtins::{Def, arity_error, check_arity};
use crate::runtime::coll::ops;
use crate::runtime::equality::equiv;
use crate::runtime::error::Result;
use crate::runtime::func::invoke;
use crate::runtime::number;
use crate::runtime::seq::{self, ArrayChunk};
use crate::runtime::value::Value;
use crate::vm::{Caller, with_caller};

pub(crate) const DEFS: &[Def] = &[
    Def::f("map", map),
    Def::f("filter", filter),
    Def::f("remove", remove),
    Def::f("keep", keep),
    Def::f("keep-indexed", keep_indexed),
    Def::f("map-indexed", map_indexed),
    Def::f("take", take),
    Def::f("drop", drop_),
    Def::f("take-while", take_while),
    Def::f("drop-while", drop_while),
    Def::f("take-nth", take_nth),
    Def::f("take-last", take_last),
    Def::f("drop-last", drop_last),
    Def::rest("concat", 2, concat),
    Def::f("mapcat", mapcat),
    Def::f("interleave", interleave),
    Def::f("interpose", interpose),
    Def::f("partition", partition),
    Def::f("partition-all", partition_all),
    Def::f("partition-by", partition_by),
    Def::f("split-at", split_at),
    Def::f("split-with", split_with),
    Def::f("distinct", distinct),
    Def::f("dedupe", dedupe),
    Def::f("range", range),
    Def::f("replicate", replicate),
    Def::f("random-sample", random_sample),
    Def::f("iteration", iteration),
    Def::f("repeat", repeat),
    Def::f("repeatedly", repeatedly),
    Def::f("iterate", iterate),
    Def::f("cycle", cycle),
    Def::f("flatten", flatten),
    Def::f("tree-seq", tree_seq),
    Def::f("xml-seq", xml_seq),
    Def::f("replace", replace),
];

// ---- map / filter / keep (chunked) ----

/// How a chunked walker turns one item into zero or one output item.
#[derive(Clone)]
enum Step {
    Map(Value),
    /// Keep the item when pred is truthy (`remove`: when falsy).
    Filter(Value, bool),
    /// Keep `(f x)` when non-nil.
    Keep(Value),
    /// `(f i x)`, with `keep` semantics when the flag is set.
    Indexed(Value, bool),
}

impl Step {
    /// The fn applied.
    fn f(&self) -> &Value {
        match self {
            Step::Map(f) | Step::Filter(f, _) | Step::Keep(f) | Step::Indexed(f, _) => f,
        }
    }

    /// The output of item `x` (number `idx`), the fn called through `f`,
    /// the prepared call of `self.f()`.
    fn apply(&self, f: &mut Caller<'_>, idx: i64, x: Value) -> Result<Option<Value>> {
        Ok(match self {
            Step::Map(_) => Some(f.call1(x)?),
            Step::Filter(_, want) => {
                if f.call1(x.clone())?.truthy() == *want {
                    Some(x)
                } else {
                    None
                }
            }
            Step::Keep(_) => {
                let r = f.call1(x)?;
                if r.is_nil() { None } else { Some(r) }
            }
            Step::Indexed(_, keep) => {
                let r = f.call2(Value::long(idx), x)?;
                if *keep && r.is_nil() { None } else { Some(r) }
            }
        })
    }
}

/// The lazy seq of `step` over `coll`, `idx` numbering the items.
fn walk(step: Step, coll: Value, idx: i64) -> Value {
    lazy(move || walk_body(step, coll, idx))
}

fn walk_body(step: Step, coll: Value, mut idx: i64) -> Result<Value> {
    let mut s = seq::seq(&coll)?;
    drop(coll);
    loop {
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        if seq::is_chunked_seq(&s) {
            let c = seq::chunk_first(&s)?;
            // A plain Vec, not a ChunkBuffer: nobody else sees the buffer.
            let mut b = Vec::with_capacity(c.count());
            // One prepared call for the chunk's items.
            with_caller(step.f(), |f| {
                for x in c.as_slice() {
                    if let Some(y) = step.apply(f, idx, x.clone())? {
                        b.push(y);
                    }
                    idx += 1;
                }
                Ok(())
            })?;
            let rest = seq::chunk_rest(&s)?;
            return seq::chunk_cons(ArrayChunk::new(b), walk(step, rest, idx));
        }
        let x = seq::first(&s)?;
        let out = with_caller(step.f(), |f| step.apply(f, idx, x))?;
        idx += 1;
        let rest = seq::rest(&s)?;
        match out {
            Some(y) => return seq::cons(y, &walk(step, rest, idx)),
            // A skipped item: go on here rather than nest lazy seqs.
            None => s = seq::seq(&rest)?,
        }
    }
}

/// The first items and rests of colls, or None when any is empty (the
/// step of multi-coll `map` and `interleave`).
/// The firsts and rests of every coll, or None once one is empty. Up to
/// `eager` colls are all seq'd before that check, as core.clj's fixed
/// arities do (`(let [s1 (seq c1) s2 (seq c2)] (when (and s1 s2) ...))`);
/// beyond that its `every?` stops at the first empty one.
fn firsts_and_rests(colls: Vec<Value>, eager: usize) -> Result<Option<(Vec<Value>, Vec<Value>)>> {
    let mut ss = Vec::with_capacity(colls.len());
    let mut empty = false;
    for c in &colls {
        let s = seq::seq(c)?;
        empty |= s.is_nil();
        if empty && colls.len() > eager {
            break;
        }
        ss.push(s);
    }
    if empty {
        return Ok(None);
    }
    drop(colls);
    let mut firsts = Vec::with_capacity(ss.len());
    let mut rests = Vec::with_capacity(ss.len());
    for s in &ss {
        firsts.push(seq::first(s)?);
        rests.push(seq::rest(s)?);
    }
    Ok(Some((firsts, rests)))
}

/// `(map f c1 c2 ...)`: stops at the shortest coll; not chunked.
fn map_multi(f: Value, colls: Vec<Value>) -> Value {
    lazy(move || {
        let Some((firsts, rests)) = firsts_and_rests(colls, 3)? else {
            return Ok(Value::NIL);
        };
        let y = invoke(&f, &firsts)?;
        seq::cons(y, &map_multi(f, rests))
    })
}

pub(crate) fn map_lazy(f: Value, coll: Value) -> Value {
    walk(Step::Map(f), coll, 0)
}

pub(crate) fn map(args: &[Value]) -> Result<Value> {
    match args {
        [] => Err(arity_error("map", 0)),
        [f] => Ok(xform::map(f.clone())),
        [f, c] => Ok(map_lazy(f.clone(), c.clone())),
        [f, cs @ ..] => Ok(map_multi(f.clone(), cs.to_vec())),
    }
}

pub(crate) fn filter_lazy(pred: Value, coll: Value, want: bool) -> Value {
    walk(Step::Filter(pred, want), coll, 0)
}

fn filter(args: &[Value]) -> Result<Value> {
    match args {
        [p] => Ok(xform::filter(p.clone(), true)),
        [p, c] => Ok(filter_lazy(p.clone(), c.clone(), true)),
        _ => Err(arity_error("filter", args.len())),
    }
}
fn remove(args: &[Value]) -> Result<Value> {
    match args {
        [p] => Ok(xform::filter(p.clone(), false)),
        [p, c] => Ok(filter_lazy(p.clone(), c.clone(), false)),
        _ => Err(arity_error("remove", args.len())),
    }
}
fn keep(args: &[Value]) -> Result<Value> {
    match args {
        [f] => Ok(xform::keep(f.clone(), false)),
        [f, c] => Ok(walk(Step::Keep(f.clone()), c.clone(), 0)),
        _ => Err(arity_error("keep", args.len())),
    }
}
fn keep_indexed(args: &[Value]) -> Result<Value> {
    match args {
        [f] => Ok(xform::keep(f.clone(), true)),
        [f, c] => Ok(walk(Step::Indexed(f.clone(), true), c.clone(), 0)),
        _ => Err(arity_error("keep-indexed", args.len())),
    }
}
fn map_indexed(args: &[Value]) -> Result<Value> {
    match args {
        [f] => Ok(xform::map_indexed(f.clone())),
        [f, c] => Ok(walk(Step::Indexed(f.clone(), false), c.clone(), 0)),
        _ => Err(arity_error("map-indexed", args.len())),
    }
}

// ---- take / drop ----

pub(crate) fn take_lazy(n: i64, coll: Value) -> Value {
    lazy(move || {
        if n <= 0 {
            return Ok(Value::NIL);
        }
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let x = seq::first(&s)?;
        seq::cons(x, &take_lazy(n - 1, seq::rest(&s)?))
    })
}

fn take(args: &[Value]) -> Result<Value> {
    match args {
        [n] => Ok(xform::take(count_arg(n)?)),
        [n, c] => Ok(take_lazy(count_arg(n)?, c.clone())),
        _ => Err(arity_error("take", args.len())),
    }
}

/// The seq after dropping `n` items (realises them).
fn drop_seq(mut n: i64, coll: &Value) -> Result<Value> {
    let mut s = seq::seq(coll)?;
    while n > 0 && !s.is_nil() {
        s = seq::next(&s)?;
        n -= 1;
    }
    Ok(s)
}

pub(crate) fn drop_lazy(n: i64, coll: Value) -> Value {
    lazy(move || drop_seq(n, &coll))
}

fn drop_(args: &[Value]) -> Result<Value> {
    match args {
        [n] => Ok(xform::drop(count_arg(n)?)),
        [n, c] => Ok(drop_lazy(count_arg(n)?, c.clone())),
        _ => Err(arity_error("drop", args.len())),
    }
}

pub(crate) fn take_while_lazy(pred: Value, coll: Value) -> Value {
    lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let x = seq::first(&s)?;
        if !invoke(&pred, std::slice::from_ref(&x))?.truthy() {
            return Ok(Value::NIL);
        }
        let rest = seq::rest(&s)?;
        seq::cons(x, &take_while_lazy(pred, rest))
    })
}

fn take_while(args: &[Value]) -> Result<Value> {
    match args {
        [p] => Ok(xform::take_while(p.clone())),
        [p, c] => Ok(take_while_lazy(p.clone(), c.clone())),
        _ => Err(arity_error("take-while", args.len())),
    }
}

fn drop_while_lazy(pred: Value, coll: Value) -> Value {
    lazy(move || {
        let mut s = seq::seq(&coll)?;
        drop(coll);
        while !s.is_nil() && call(&pred, &mut [seq::first(&s)?])?.truthy() {
            s = seq::next(&s)?;
        }
        Ok(s)
    })
}

fn drop_while(args: &[Value]) -> Result<Value> {
    match args {
        [p] => Ok(xform::drop_while(p.clone())),
        [p, c] => Ok(drop_while_lazy(p.clone(), c.clone())),
        _ => Err(arity_error("drop-while", args.len())),
    }
}

fn take_nth_lazy(n: i64, coll: Value) -> Value {
    lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let x = seq::first(&s)?;
        seq::cons(x, &take_nth_lazy(n, drop_lazy(n, s)))
    })
}

fn take_nth(args: &[Value]) -> Result<Value> {
    match args {
        [n] => Ok(xform::take_nth(count_arg(n)?)),
        [n, c] => Ok(take_nth_lazy(count_arg(n)?, c.clone())),
        _ => Err(arity_error("take-nth", args.len())),
    }
}

/// `(take-last n coll)`: a seq of the last n items, nil when none.
fn take_last(args: &[Value]) -> Result<Value> {
    check_arity("take-last", args, 2, Some(2))?;
    let n = count_arg(&args[0])?;
    let mut s = seq::seq(&args[1])?;
    let mut lead = drop_seq(n, &args[1])?;
    while !lead.is_nil() {
        s = seq::next(&s)?;
        lead = seq::next(&lead)?;
    }
    Ok(s)
}

fn drop_last(args: &[Value]) -> Result<Value> {
    let (n, coll) = match args {
        [c] => (1, c.clone()),
        [n, c] => (count_arg(n)?, c.clone()),
        _ => return Err(arity_error("drop-last", args.len())),
    };
    // (map (fn [x _] x) coll (drop n coll))
    let first_of = super::closure("clojure.core/drop-last/fn", |a| {
        Ok(a.first().cloned().unwrap_or(Value::NIL))
    });
    Ok(map_multi(first_of, vec![coll.clone(), drop_lazy(n, coll)]))
}

// ---- concat / mapcat / interleave / interpose ----

/// Lazy concatenation of `cur` then every coll in the seq `more`, keeping
/// chunks whole.
pub(crate) fn concat_lazy(cur: Value, more: Value) -> Value {
    lazy(move || {
        let mut cur = seq::seq(&cur)?;
        let mut more = more;
        loop {
            if !cur.is_nil() {
                if seq::is_chunked_seq(&cur) {
                    let c = seq::chunk_first(&cur)?;
                    let rest = seq::chunk_rest(&cur)?;
                    return seq::chunk_cons(c, concat_lazy(rest, more));
                }
                let x = seq::first(&cur)?;
                return seq::cons(x, &concat_lazy(seq::rest(&cur)?, more));
            }
            let m = seq::seq(&more)?;
            if m.is_nil() {
                return Ok(Value::NIL);
            }
            cur = seq::seq(&seq::first(&m)?)?;
            // One ahead, as the JVM's variadic concat takes `(next zs)`.
            more = seq::next(&m)?;
            if more.is_nil() {
                // The last coll is the tail itself: no concat layer per
                // item (tree-seq/flatten of a deep tree stay linear).
                return Ok(cur);
            }
        }
    })
}

/// `(concat x y & zs)`: the rest arrives as a seq so `(apply concat s)`
/// stays lazy over an infinite `s`.
fn concat(fixed: &[Value], rest: Value) -> Result<Value> {
    match fixed {
        [] => Ok(lazy(|| Ok(Value::NIL))),
        [x] => {
            let x = x.clone();
            Ok(lazy(move || Ok(x)))
        }
        [x, y] if rest.is_nil() => Ok(concat_lazy(x.clone(), Value::list(vec![y.clone()]))),
        [x, y] => Ok(concat_lazy(x.clone(), seq::cons(y.clone(), &rest)?)),
        _ => Err(arity_error("concat", fixed.len())),
    }
}

/// `(mapcat f & colls)` is `(apply concat (apply map f colls))` on the JVM,
/// and realises what that `apply` does (a few cells ahead).
fn mapcat(args: &[Value]) -> Result<Value> {
    match args {
        [] => Err(arity_error("mapcat", 0)),
        [f] => Ok(xform::mapcat(f.clone())),
        [f, cs @ ..] => {
            let mut margs = vec![f.clone()];
            margs.extend_from_slice(cs);
            let colls = map(&margs)?;
            let concat = crate::builtins::lang::core_var("concat")
                .and_then(|v| v.root())
                .unwrap_or(Value::NIL);
            crate::runtime::func::apply_to(&concat, colls)
        }
    }
}

fn interleave_lazy(colls: Vec<Value>) -> Value {
    lazy(move || {
        let Some((firsts, rests)) = firsts_and_rests(colls, 2)? else {
            return Ok(Value::NIL);
        };
        let mut out = interleave_lazy(rests);
        for x in firsts.into_iter().rev() {
            out = seq::cons(x, &out)?;
        }
        Ok(out)
    })
}

fn interleave(args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::empty_list()),
        [c] => {
            let c = c.clone();
            Ok(lazy(move || Ok(c)))
        }
        _ => Ok(interleave_lazy(args.to_vec())),
    }
}

/// Items of `coll` each preceded by `sep`.
fn sep_before(sep: Value, coll: Value) -> Value {
    lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let x = seq::first(&s)?;
        let rest = sep_before(sep.clone(), seq::rest(&s)?);
        seq::cons(sep, &seq::cons(x, &rest)?)
    })
}

fn interpose(args: &[Value]) -> Result<Value> {
    match args {
        [sep] => Ok(xform::interpose(sep.clone())),
        [sep, coll] => {
            let (sep, coll) = (sep.clone(), coll.clone());
            Ok(lazy(move || {
                let s = seq::seq(&coll)?;
                drop(coll);
                if s.is_nil() {
                    return Ok(Value::NIL);
                }
                let x = seq::first(&s)?;
                seq::cons(x, &sep_before(sep, seq::rest(&s)?))
            }))
        }
        _ => Err(arity_error("interpose", args.len())),
    }
}

// ---- partition ----

/// `(doall (take n s))` and its count.
fn take_realised(n: i64, s: &Value) -> Result<(Value, i64)> {
    let p = take_lazy(n, s.clone());
    let c = seq::count(&p)? as i64;
    Ok((p, c))
}

fn nthrest_of(s: Value, step: i64) -> Result<Value> {
    let mut xs = s;
    let mut i = 0;
    while i < step {
        let q = seq::seq(&xs)?;
        if q.is_nil() {
            break;
        }
        xs = seq::rest(&q)?;
        i += 1;
    }
    Ok(xs)
}

fn partition_lazy(n: i64, step: i64, pad: Option<Value>, coll: Value) -> Value {
    lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let (p, c) = take_realised(n, &s)?;
        if c == n {
            let rest = nthrest_of(s, step)?;
            return seq::cons(p, &partition_lazy(n, step, pad, rest));
        }
        match pad {
            None => Ok(Value::NIL),
            Some(pad) => {
                let padded = take_lazy(n, concat_lazy(p, Value::list(vec![pad])));
                Ok(Value::list(vec![padded]))
            }
        }
    })
}

fn partition(args: &[Value]) -> Result<Value> {
    match args {
        [n, c] => {
            let n = count_arg(n)?;
            Ok(partition_lazy(n, n, None, c.clone()))
        }
        [n, step, c] => Ok(partition_lazy(
            count_arg(n)?,
            count_arg(step)?,
            None,
            c.clone(),
        )),
        [n, step, pad, c] => Ok(partition_lazy(
            count_arg(n)?,
            count_arg(step)?,
            Some(pad.clone()),
            c.clone(),
        )),
        _ => Err(arity_error("partition", args.len())),
    }
}

fn partition_all_lazy(n: i64, step: i64, coll: Value) -> Value {
    lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let (p, _) = take_realised(n, &s)?;
        let rest = nthrest_of(s, step)?;
        seq::cons(p, &partition_all_lazy(n, step, rest))
    })
}

fn partition_all(args: &[Value]) -> Result<Value> {
    match args {
        [n] => Ok(xform::partition_all(count_arg(n)?)),
        [n, c] => {
            let n = count_arg(n)?;
            Ok(partition_all_lazy(n, n, c.clone()))
        }
        [n, step, c] => Ok(partition_all_lazy(
            count_arg(n)?,
            count_arg(step)?,
            c.clone(),
        )),
        _ => Err(arity_error("partition-all", args.len())),
    }
}

fn partition_by_lazy(f: Value, coll: Value) -> Value {
    lazy(move || {
        let s = seq::seq(&coll)?;
        drop(coll);
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let fst = seq::first(&s)?;
        let fv = invoke(&f, std::slice::from_ref(&fst))?;
        let g = f.clone();
        let same = super::closure("clojure.core/partition-by/fn", move |a| {
            let x = a.first().cloned().unwrap_or(Value::NIL);
            Ok(Value::bool(equiv(&fv, &call(&g, &mut [x])?)))
        });
        let run = seq::cons(fst, &take_while_lazy(same, seq::next(&s)?))?;
        let n = seq::count(&run)? as i64;
        seq::cons(run, &partition_by_lazy(f, drop_lazy(n, s)))
    })
}

fn partition_by(args: &[Value]) -> Result<Value> {
    match args {
        [f] => Ok(xform::partition_by(f.clone())),
        [f, c] => Ok(partition_by_lazy(f.clone(), c.clone())),
        _ => Err(arity_error("partition-by", args.len())),
    }
}

fn split_at(args: &[Value]) -> Result<Value> {
    check_arity("split-at", args, 2, Some(2))?;
    let n = count_arg(&args[0])?;
    Ok(Value::vector(vec![
        take_lazy(n, args[1].clone()),
        drop_lazy(n, args[1].clone()),
    ]))
}

fn split_with(args: &[Value]) -> Result<Value> {
    check_arity("split-with", args, 2, Some(2))?;
    Ok(Value::vector(vec![
        take_while_lazy(args[0].clone(), args[1].clone()),
        drop_while_lazy(args[0].clone(), args[1].clone()),
    ]))
}

// ---- distinct / dedupe ----

/// `first_step`: the JVM's step destructures `[f :as xs]` over the coll
/// itself first, so a coll without nth (a map, a set, a number) throws
/// UnsupportedOperationException, as `(nth coll 0 nil)` does; later steps
/// get seqs.
fn distinct_lazy(coll: Value, seen: Value, first_step: bool) -> Value {
    lazy(move || {
        if first_step {
            ops::nth_or(&coll, 0, Value::NIL)?;
        }
        let mut s = seq::seq(&coll)?;
        drop(coll);
        while !s.is_nil() {
            let x = seq::first(&s)?;
            if !ops::contains(&seen, &x)? {
                let seen = ops::conj(&seen, x.clone())?;
                return seq::cons(x, &distinct_lazy(seq::rest(&s)?, seen, false));
            }
            s = seq::seq(&seq::rest(&s)?)?;
        }
        Ok(Value::NIL)
    })
}

fn distinct(args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(xform::distinct()),
        [c] => Ok(distinct_lazy(c.clone(), ops::hash_set_of(Vec::new()), true)),
        _ => Err(arity_error("distinct", args.len())),
    }
}

fn dedupe(args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(xform::dedupe()),
        // `(sequence (dedupe) coll)`, as core.clj: it steps the coll at once.
        [c] => super::reduce::sequence(&[xform::dedupe(), c.clone()]),
        _ => Err(arity_error("dedupe", args.len())),
    }
}

// ---- generators ----

fn range(args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(seq::range_infinite()),
        [end] => seq::range_to(end),
        [start, end] => seq::range_from(start, end),
        [start, end, step] => seq::range_step(start, end, step),
        _ => Err(arity_error("range", args.len())),
    }
}

fn repeat(args: &[Value]) -> Result<Value> {
    match args {
        [x] => Ok(Value::repeat(x.clone())),
        [n, x] => Ok(seq::Repeat::create(number::to_long(n)?, x.clone())),
        _ => Err(arity_error("repeat", args.len())),
    }
}

fn repeatedly_lazy(f: Value) -> Value {
    lazy(move || {
        let x = call(&f, &mut [])?;
        seq::cons(x, &repeatedly_lazy(f))
    })
}

fn repeatedly(args: &[Value]) -> Result<Value> {
    match args {
        [f] => Ok(repeatedly_lazy(f.clone())),
        [n, f] => Ok(take_lazy(count_arg(n)?, repeatedly_lazy(f.clone()))),
        _ => Err(arity_error("repeatedly", args.len())),
    }
}

fn iterate(args: &[Value]) -> Result<Value> {
    check_arity("iterate", args, 2, Some(2))?;
    Ok(seq::Iterate::create(args[0].clone(), args[1].clone()))
}

fn cycle(args: &[Value]) -> Result<Value> {
    check_arity("cycle", args, 1, Some(1))?;
    seq::Cycle::create(&args[0])
}

// ---- trees ----

fn tree_walk(branch: Value, children: Value, node: Value) -> Value {
    lazy(move || {
        let tail = if invoke(&branch, std::slice::from_ref(&node))?.truthy() {
            let kids = invoke(&children, std::slice::from_ref(&node))?;
            let (b, c) = (branch.clone(), children.clone());
            let walker = super::closure("clojure.core/tree-seq/walk", move |a| {
                let n = a.first().cloned().unwrap_or(Value::NIL);
                Ok(tree_walk(b.clone(), c.clone(), n))
            });
            concat_lazy(Value::NIL, map_lazy(walker, kids))
        } else {
            Value::NIL
        };
        seq::cons(node, &tail)
    })
}

fn tree_seq(args: &[Value]) -> Result<Value> {
    check_arity("tree-seq", args, 3, Some(3))?;
    Ok(tree_walk(args[0].clone(), args[1].clone(), args[2].clone()))
}

/// `(xml-seq root)`: `(tree-seq (complement string?) (comp seq :content)
/// root)`, the nodes of a clojure.xml / data.xml element tree.
fn xml_seq(args: &[Value]) -> Result<Value> {
    check_arity("xml-seq", args, 1, Some(1))?;
    let branch = Value::native_fn("clojure.core/xml-seq$branch", |a| {
        Ok(Value::bool(!a.first().is_some_and(Value::is_string)))
    });
    let children = Value::native_fn("clojure.core/xml-seq$children", |a| match a {
        [x] => seq::seq(&crate::runtime::func::get(
            x,
            &Value::keyword(None, "content"),
            Value::NIL,
        )?),
        _ => Err(arity_error("xml-seq$children", a.len())),
    });
    Ok(tree_walk(branch, children, args[0].clone()))
}

fn flatten(args: &[Value]) -> Result<Value> {
    check_arity("flatten", args, 1, Some(1))?;
    let sequential = Value::native_fn("clojure.core/sequential?", |a| {
        Ok(Value::bool(
            a.first()
                .is_some_and(crate::runtime::equality::is_sequential),
        ))
    });
    let seq_fn = Value::native_fn("clojure.core/seq", |a| match a {
        [x] => seq::seq(x),
        _ => Err(arity_error("seq", a.len())),
    });
    let tree = tree_walk(sequential.clone(), seq_fn, args[0].clone());
    Ok(filter_lazy(sequential, seq::rest(&tree)?, false))
}

/// `(replace smap coll)`: a vector stays a vector; other colls give a lazy
/// seq.
fn replace(args: &[Value]) -> Result<Value> {
    let smap = match args {
        [] => return Err(arity_error("replace", 0)),
        [m, ..] => m.clone(),
    };
    let m = smap.clone();
    let f = super::closure("clojure.core/replace/fn", move |a| {
        let x = a.first().cloned().unwrap_or(Value::NIL);
        let e = ops::find(&m, &x)?;
        if e.is_nil() {
            Ok(x)
        } else {
            seq::first(&seq::next(&e)?)
        }
    });
    match args {
        [_] => Ok(xform::map(f)),
        [_, coll]
            if crate::runtime::equality::is_sequential(coll)
                && matches!(coll.view(), crate::runtime::value::View::Vector(_)) =>
        {
            let mut v = coll.clone();
            let n = seq::count(coll)?;
            for i in 0..n {
                let x = ops::nth(&v, i as i64)?;
                let e = ops::find(&smap, &x)?;
                if !e.is_nil() {
                    v = ops::assoc(&v, Value::long(i as i64), seq::first(&seq::next(&e)?)?)?;
                }
            }
            Ok(v)
        }
        [_, coll] => Ok(map_lazy(f, coll.clone())),
        _ => Err(arity_error("replace", args.len())),
    }
}

/// `(replicate n x)` (deprecated): `(take n (repeat x))`.
fn replicate(args: &[Value]) -> Result<Value> {
    match args {
        [n, x] => Ok(take_lazy(count_arg(n)?, Value::repeat(x.clone()))),
        _ => Err(arity_error("replicate", args.len())),
    }
}

/// `(random-sample prob)` / `(random-sample prob coll)`: filter by
/// `(< (rand) prob)`.
fn random_sample(args: &[Value]) -> Result<Value> {
    let prob = match args {
        [p] | [p, _] => p.clone(),
        _ => return Err(arity_error("random-sample", args.len())),
    };
    let pred = super::closure("clojure.core/random-sample", move |_| {
        let r = Value::double(crate::builtins::math::next_random());
        Ok(Value::bool(number::lt(&r, &prob)?))
    });
    Ok(match args {
        [_, coll] => filter_lazy(pred, coll.clone(), true),
        _ => xform::filter(pred, true),
    })
}

/// `(iteration step & {:keys [somef vf kf initk]})`: the seq of
/// `(vf ret)` for `ret` = `(step k)`, while `(somef ret)`, with the next
/// `k` = `(kf ret)` (stopping when it is nil). The JVM returns a
/// Seqable/IReduceInit object; this returns the lazy seq it makes, whose
/// first step runs on the call.
fn iteration(args: &[Value]) -> Result<Value> {
    let Some((step, opts)) = args.split_first() else {
        return Err(arity_error("iteration", 0));
    };
    // 1.11 keyword args (PersistentArrayMap.createAsIfByAssoc): with an odd
    // count the last item is a map of more options (`(seq x)` of anything
    // else fails); a lone item is the whole map, and a non-map gives none.
    let merged;
    let opts = if opts.len() % 2 == 1 {
        let nil = Value::NIL;
        let (last, pairs) = opts.split_last().unwrap_or((&nil, &[]));
        let entries = if pairs.is_empty() && !crate::runtime::equality::is_map(last) {
            Value::NIL
        } else {
            crate::runtime::seq::seq(last)?
        };
        let mut kvs = pairs.to_vec();
        for e in crate::runtime::seq::iter(&entries) {
            let e = e?;
            kvs.push(crate::runtime::seq::first(&e)?);
            kvs.push(crate::runtime::seq::first(&crate::runtime::seq::next(&e)?)?);
        }
        merged = kvs;
        merged.as_slice()
    } else {
        opts
    };
    let opt = |k: &str| {
        opts.chunks(2)
            .find(|kv| {
                kv[0]
                    .as_keyword()
                    .is_some_and(|x| x.ns().is_none() && x.name() == k)
            })
            .map(|kv| kv[1].clone())
    };
    let identity = || crate::builtins::lang::core_var("identity").and_then(|v| v.root());
    let it = Iteration {
        step: step.clone(),
        somef: opt("somef"),
        vf: opt("vf").or_else(identity).unwrap_or(Value::NIL),
        kf: opt("kf").or_else(identity).unwrap_or(Value::NIL),
    };
    let initk = opt("initk").unwrap_or(Value::NIL);
    let first = call(&it.step, &mut [initk])?;
    iteration_from(crate::runtime::gc::Ref::new(it), first)
}

struct Iteration {
    step: Value,
    somef: Option<Value>,
    vf: Value,
    kf: Value,
}

fn iteration_from(it: crate::runtime::gc::Ref<Iteration>, ret: Value) -> Result<Value> {
    let more = match &it.somef {
        Some(f) => invoke(f, std::slice::from_ref(&ret))?.truthy(),
        None => !ret.is_nil(),
    };
    if !more {
        return Ok(Value::NIL);
    }
    let v = invoke(&it.vf, std::slice::from_ref(&ret))?;
    let k = call(&it.kf, &mut [ret])?;
    if k.is_nil() {
        return seq::cons(v, &Value::NIL);
    }
    let rest = lazy(move || {
        let next = call(&it.step, &mut [k])?;
        iteration_from(it, next)
    });
    seq::cons(v, &rest)
}
