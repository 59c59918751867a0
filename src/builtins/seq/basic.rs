//! Seq accessors and eager walkers: seq first rest next cons second ffirst
//! nfirst fnext nnext nthrest nthnext last butlast list* reverse every? some
//! not-every? not-any? doall dorun distinct? rand-nth max-key min-key and
//! the chunk fns.

use super::{call, items};
use crate::builtins::{Def, arity_error, check_arity};
use crate::runtime::coll::ops;
use crate::runtime::error::{Result, err};
use crate::runtime::func::invoke;
use crate::runtime::number;
use crate::runtime::seq::{self, ChunkBuffer};
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("seq", seq_),
    Def::f("first", first),
    Def::f("rest", rest),
    Def::f("next", next),
    Def::f("cons", cons),
    Def::f("second", second),
    Def::f("ffirst", ffirst),
    Def::f("nfirst", nfirst),
    Def::f("fnext", fnext),
    Def::f("nnext", nnext),
    Def::f("nthrest", nthrest),
    Def::f("nthnext", nthnext),
    Def::owned("last", last),
    Def::f("butlast", butlast),
    Def::f("list*", list_star),
    Def::f("reverse", reverse),
    Def::owned("every?", every),
    Def::owned("some", some),
    Def::owned("not-every?", not_every),
    Def::owned("not-any?", not_any),
    Def::f("doall", doall),
    Def::owned("dorun", dorun),
    Def::f("distinct?", distinct_p),
    Def::f("rand-nth", rand_nth),
    Def::f("max-key", max_key),
    Def::f("min-key", min_key),
    Def::f("chunk-first", chunk_first),
    Def::f("chunk-rest", chunk_rest),
    Def::f("chunk-next", chunk_next),
    Def::f("chunk-cons", chunk_cons),
    Def::f("chunk-buffer", chunk_buffer),
    Def::f("chunk-append", chunk_append),
    Def::f("chunk", chunk),
    Def::f("chunked-seq?", chunked_seq_p),
];

fn one<'a>(name: &str, args: &'a [Value]) -> Result<&'a Value> {
    match args {
        [x] => Ok(x),
        _ => Err(arity_error(name, args.len())),
    }
}

fn seq_(args: &[Value]) -> Result<Value> {
    seq::seq(one("seq", args)?)
}
fn first(args: &[Value]) -> Result<Value> {
    seq::first(one("first", args)?)
}
fn rest(args: &[Value]) -> Result<Value> {
    seq::rest(one("rest", args)?)
}
fn next(args: &[Value]) -> Result<Value> {
    seq::next(one("next", args)?)
}
fn cons(args: &[Value]) -> Result<Value> {
    check_arity("cons", args, 2, Some(2))?;
    seq::cons(args[0].clone(), &args[1])
}
fn second(args: &[Value]) -> Result<Value> {
    seq::first(&seq::next(one("second", args)?)?)
}
fn ffirst(args: &[Value]) -> Result<Value> {
    seq::first(&seq::first(one("ffirst", args)?)?)
}
fn nfirst(args: &[Value]) -> Result<Value> {
    seq::next(&seq::first(one("nfirst", args)?)?)
}
fn fnext(args: &[Value]) -> Result<Value> {
    seq::first(&seq::next(one("fnext", args)?)?)
}
fn nnext(args: &[Value]) -> Result<Value> {
    seq::next(&seq::next(one("nnext", args)?)?)
}

/// A count argument as the number of steps clojure.core's `(pos? n)` /
/// `(dec n)` loops take: a fractional count rounds up (`(take 2.5 ...)` and
/// `(take 1/2 ...)` take 3 and 1 items).
pub(crate) fn count_arg(n: &Value) -> Result<i64> {
    match n.view() {
        View::Long(x) => Ok(x),
        View::Double(d) => Ok(d.ceil() as i64),
        View::Ratio(r) => number::to_long(&Value::bigint(r.ceil().to_integer())),
        View::BigDec(_) => Ok(number::to_double(n)?.ceil() as i64),
        _ => number::to_long(n),
    }
}

/// `(nthrest coll n)`: `rest` n times, stopping at an empty seq.
fn nthrest(args: &[Value]) -> Result<Value> {
    check_arity("nthrest", args, 2, Some(2))?;
    let n = count_arg(&args[1])?;
    let mut xs = args[0].clone();
    let mut i = 0;
    while i < n {
        let s = seq::seq(&xs)?;
        if s.is_nil() {
            break;
        }
        xs = seq::rest(&s)?;
        i += 1;
    }
    Ok(xs)
}

/// `(nthnext coll n)`: `next` n times, nil at the end.
fn nthnext(args: &[Value]) -> Result<Value> {
    check_arity("nthnext", args, 2, Some(2))?;
    let n = count_arg(&args[1])?;
    let mut xs = seq::seq(&args[0])?;
    let mut i = 0;
    while i < n && !xs.is_nil() {
        xs = seq::next(&xs)?;
        i += 1;
    }
    Ok(xs)
}

/// Owns its argument so walking a lazy seq releases it cell by cell.
fn last(args: &mut [Value]) -> Result<Value> {
    let coll = match args {
        [c] => std::mem::take(c),
        _ => return Err(super::super::arity_error("last", args.len())),
    };
    let mut s = seq::seq(&coll)?;
    drop(coll);
    loop {
        let f = seq::first(&s)?;
        let n = seq::next_owned(s)?;
        if n.is_nil() {
            return Ok(f);
        }
        s = n;
    }
}

/// `(butlast coll)`: a seq of all but the last item, nil when none.
fn butlast(args: &[Value]) -> Result<Value> {
    let mut out = Vec::new();
    let mut s = seq::seq(one("butlast", args)?)?;
    while !s.is_nil() {
        let n = seq::next(&s)?;
        if n.is_nil() {
            break;
        }
        out.push(seq::first(&s)?);
        s = n;
    }
    // core.clj builds a vector and returns (seq ret).
    seq::seq(&Value::vector(out))
}

/// `(list* a b coll)`: items consed onto `(seq coll)`.
fn list_star(args: &[Value]) -> Result<Value> {
    check_arity("list*", args, 1, None)?;
    let (init, last) = args.split_at(args.len() - 1);
    let mut s = seq::seq(&last[0])?;
    for x in init.iter().rev() {
        s = seq::cons(x.clone(), &s)?;
    }
    Ok(s)
}

/// `(reverse coll)`: a list (`()` when empty).
fn reverse(args: &[Value]) -> Result<Value> {
    let mut v = items(one("reverse", args)?)?;
    v.reverse();
    Ok(Value::list(v))
}

// every?/some and friends own their collection (NativeOwnedFnPtr): a long
// lazy seq is released as it is walked.
fn every(args: &mut [Value]) -> Result<Value> {
    check_arity("every?", args, 2, Some(2))?;
    for x in seq::into_iter(std::mem::take(&mut args[1])) {
        if !call(&args[0], &mut [x?])?.truthy() {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
fn some(args: &mut [Value]) -> Result<Value> {
    check_arity("some", args, 2, Some(2))?;
    for x in seq::into_iter(std::mem::take(&mut args[1])) {
        let r = call(&args[0], &mut [x?])?;
        if r.truthy() {
            return Ok(r);
        }
    }
    Ok(Value::NIL)
}
fn not_every(args: &mut [Value]) -> Result<Value> {
    check_arity("not-every?", args, 2, Some(2))?;
    Ok(Value::bool(!every(args)?.truthy()))
}
fn not_any(args: &mut [Value]) -> Result<Value> {
    check_arity("not-any?", args, 2, Some(2))?;
    Ok(Value::bool(!some(args)?.truthy()))
}

/// Walk `n` (or all) items of a seq; returns nothing.
fn walk(coll: &Value, n: Option<i64>) -> Result<()> {
    walk_owned(coll.clone(), n)
}

/// Realise `coll` (up to n items) releasing each cell behind us.
fn walk_owned(coll: Value, n: Option<i64>) -> Result<()> {
    let mut s = seq::seq(&coll)?;
    drop(coll);
    let mut i = 0;
    while !s.is_nil() && n.is_none_or(|n| i < n) {
        s = seq::next(&s)?;
        i += 1;
    }
    Ok(())
}

fn dorun(args: &mut [Value]) -> Result<Value> {
    match args {
        [coll] => walk_owned(std::mem::take(coll), None)?,
        [n, coll] => walk_owned(std::mem::take(coll), Some(count_arg(n)?))?,
        _ => return Err(arity_error("dorun", args.len())),
    }
    Ok(Value::NIL)
}
fn doall(args: &[Value]) -> Result<Value> {
    match args {
        [coll] => {
            walk(coll, None)?;
            Ok(coll.clone())
        }
        [n, coll] => {
            walk(coll, Some(count_arg(n)?))?;
            Ok(coll.clone())
        }
        _ => Err(arity_error("doall", args.len())),
    }
}

fn distinct_p(args: &[Value]) -> Result<Value> {
    check_arity("distinct?", args, 1, None)?;
    // core.clj: one arg is true, two are (not (= x y)) (nothing hashed),
    // more go through a set after (not= x y).
    if args.len() == 1 {
        return Ok(Value::TRUE);
    }
    if crate::runtime::equality::try_equiv(&args[0], &args[1])? {
        return Ok(Value::FALSE);
    }
    if args.len() == 2 {
        return Ok(Value::TRUE);
    }
    let mut set = ops::hash_set_of(Vec::new());
    for x in args {
        if ops::contains(&set, x)? {
            return Ok(Value::FALSE);
        }
        set = ops::conj(&set, x.clone())?;
    }
    Ok(Value::TRUE)
}

/// A pseudo-random index below `n` (xorshift seeded from the clock).
pub(crate) fn rand_below(n: usize) -> usize {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0x9E37_79B9_7F4A_7C15)
                | 1,
        );
    }
    if n == 0 {
        return 0;
    }
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        (x % n as u64) as usize
    })
}

fn rand_nth(args: &[Value]) -> Result<Value> {
    let coll = one("rand-nth", args)?;
    let n = seq::count(coll)?;
    ops::nth(coll, rand_below(n) as i64)
}

/// `max-key`/`min-key`: the last of the extreme items wins ties, as in
/// core.clj (`>=`/`<=` comparisons).
fn extreme_key(name: &str, args: &[Value], max: bool) -> Result<Value> {
    check_arity(name, args, 2, None)?;
    let k = &args[0];
    let mut best = args[1].clone();
    if args.len() == 2 {
        return Ok(best);
    }
    let mut kb = invoke(k, std::slice::from_ref(&best))?;
    for y in &args[2..] {
        let ky = invoke(k, std::slice::from_ref(y))?;
        let better = if max {
            number::gte(&ky, &kb)?
        } else {
            number::lte(&ky, &kb)?
        };
        if better {
            best = y.clone();
            kb = ky;
        }
    }
    Ok(best)
}
fn max_key(args: &[Value]) -> Result<Value> {
    extreme_key("max-key", args, true)
}
fn min_key(args: &[Value]) -> Result<Value> {
    extreme_key("min-key", args, false)
}

fn chunk_first(args: &[Value]) -> Result<Value> {
    Ok(Value::array_chunk(seq::chunk_first(one(
        "chunk-first",
        args,
    )?)?))
}
fn chunk_rest(args: &[Value]) -> Result<Value> {
    seq::chunk_rest(one("chunk-rest", args)?)
}
fn chunk_next(args: &[Value]) -> Result<Value> {
    seq::chunk_next(one("chunk-next", args)?)
}
fn chunk_cons(args: &[Value]) -> Result<Value> {
    check_arity("chunk-cons", args, 2, Some(2))?;
    match args[0].view() {
        View::ArrayChunk(c) => seq::chunk_cons(c.clone(), args[1].clone()),
        _ => err::class_cast(crate::runtime::compare::cast_message(
            args[0].class_name(),
            "clojure.lang.IChunk",
        )),
    }
}
fn chunk_buffer(args: &[Value]) -> Result<Value> {
    let n = number::to_int(one("chunk-buffer", args)?)?;
    Ok(Value::chunk_buffer(ChunkBuffer::new(n.max(0) as usize)))
}
fn chunk_append(args: &[Value]) -> Result<Value> {
    check_arity("chunk-append", args, 2, Some(2))?;
    match args[0].view() {
        View::ChunkBuffer(b) => {
            b.append(args[1].clone())?;
            Ok(Value::NIL)
        }
        _ => err::class_cast(crate::runtime::compare::cast_message(
            args[0].class_name(),
            "clojure.lang.ChunkBuffer",
        )),
    }
}
fn chunk(args: &[Value]) -> Result<Value> {
    match one("chunk", args)?.view() {
        View::ChunkBuffer(b) => Ok(Value::array_chunk(b.chunk())),
        _ => err::class_cast(crate::runtime::compare::cast_message(
            args[0].class_name(),
            "clojure.lang.ChunkBuffer",
        )),
    }
}
fn chunked_seq_p(args: &[Value]) -> Result<Value> {
    Ok(Value::bool(seq::is_chunked_seq(one("chunked-seq?", args)?)))
}
