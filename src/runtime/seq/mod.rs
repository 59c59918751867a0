//! The seq abstraction: `seq`, `first`, `next`, `rest`, `count`, `cons` over
//! every collection, string and nil, plus the seq types themselves.
//!
//! # Dispatch
//! Every seq type implements [`SeqNode`] (`first`/`next`/`more`, optional O(1)
//! `counted`), and [`node`] maps a `View` to its `&dyn SeqNode`: adding a seq
//! type is one arm there (plus its line in value.rs's `heap_types!`).
//! Collections that are not seqs are turned into a seq by [`seq`] through
//! their own seq types (coll/: vector, subvec, queue, map and set seqs); map
//! entries are materialised into an ArraySeq.
//!
//! # Chunked seqs (how `map`/`filter` & co. consume and produce chunks)
//! LongRange, Range, ChunkedCons (and vector seqs) are chunked:
//! [`is_chunked_seq`] is true for them. A builtin over a seq `s` does:
//! ```text
//! let s = seq(&coll)?;                       // nil => done
//! if is_chunked_seq(&s) {
//!     let c = chunk_first(&s)?;              // ArrayChunk, up to 32 items
//!     let b = ChunkBuffer::new(c.count());
//!     for x in c.as_slice() { b.append(invoke(&f, &[x.clone()])?)?; }
//!     let rest = chunk_rest(&s)?;            // never nil; `()` at the end
//!     chunk_cons(b.chunk(), Value::lazy_seq_native(move || map(f, rest)))
//! } else {
//!     cons(invoke(&f, &[first(&s)?])?, Value::lazy_seq_native(move || map(f, rest(&s)?)))
//! }
//! ```
//! wrapped in a lazy seq. Realising the first item therefore calls `f` on a
//! whole chunk: `(first (map f (range 100)))` calls `f` 32 times, as on the
//! JVM. `chunk_next` is `chunk_rest` passed through `seq` (nil at the end).

mod array_seq;
mod chunk;
mod coll_seqs;
mod cons;
mod cycle;
mod drop;
mod iterate;
mod lazy;
mod range;
mod reduced;
mod repeat;

pub use crate::runtime::coll::ChunkedSeq;
pub use array_seq::{ArraySeq, StringSeq};
pub use chunk::{ArrayChunk, CHUNK_SIZE, ChunkBuffer, ChunkedCons, chunk_cons};
pub use cons::Cons;
pub use cycle::Cycle;
pub use iterate::Iterate;
pub use lazy::{LazySeq, NativeThunk};
pub(in crate::runtime) use lazy::{State as LazyState, Thunk as LazyThunk};
pub use range::{LongRange, Range, range_from, range_infinite, range_step, range_to};
pub use reduced::Reduced;
pub use repeat::Repeat;

use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::value::{Value, View};

/// The ISeq interface of a seq type. `this` is the value holding `self`
/// (a node may return itself, like an infinite Repeat's `next`).
pub(crate) trait SeqNode {
    fn first(&self) -> Result<Value>;
    /// nil when nothing follows.
    fn next(&self, this: &Value) -> Result<Value>;
    /// `rest`: never nil, `()` when nothing follows.
    fn more(&self, this: &Value) -> Result<Value> {
        let n = self.next(this)?;
        Ok(if n.is_nil() { Value::empty_list() } else { n })
    }
    /// The count in O(1) when this seq is Counted.
    fn counted(&self) -> Result<Option<usize>> {
        Ok(None)
    }
}

impl SeqNode for crate::runtime::coll::List {
    fn first(&self) -> Result<Value> {
        Ok(crate::runtime::coll::List::first(self).clone())
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        Ok(match crate::runtime::coll::List::next(self) {
            Some(r) => Value::from(r.clone()),
            None => Value::NIL,
        })
    }
    fn counted(&self) -> Result<Option<usize>> {
        Ok(Some(self.count()))
    }
}

/// The seq behind a value that is itself a seq (an ISeq), else None.
#[inline]
pub(crate) fn node(x: &Value) -> Option<&dyn SeqNode> {
    use crate::runtime::value::Repr;
    match &x.0 {
        Repr::List(s) => Some(&**s),
        Repr::Cons(s) => Some(&**s),
        Repr::LazySeq(s) => Some(&**s),
        Repr::ArraySeq(s) => Some(&**s),
        Repr::StringSeq(s) => Some(&**s),
        Repr::ChunkedCons(s) => Some(&**s),
        Repr::LongRange(s) => Some(&**s),
        Repr::Range(s) => Some(&**s),
        Repr::Repeat(s) => Some(&**s),
        Repr::Iterate(s) => Some(&**s),
        Repr::Cycle(s) => Some(&**s),
        Repr::ChunkedSeq(s) => Some(&**s),
        Repr::VectorSeq(s) => Some(&**s),
        Repr::VectorRSeq(s) => Some(&**s),
        Repr::QueueSeq(s) => Some(&**s),
        Repr::MapSeq(s) => Some(&**s),
        _ => None,
    }
}

/// `(seq? x)`: is `x` itself a seq (ISeq), empty list included?
pub fn is_seq(x: &Value) -> bool {
    node(x).is_some()
}

/// `(seq x)`: nil for empty collections and nil, else a seq value.
pub fn seq(x: &Value) -> Result<Value> {
    match x.view() {
        View::Nil => Ok(Value::NIL),
        View::LazySeq(l) => l.seq(),
        View::List(l) => Ok(if l.is_empty() { Value::NIL } else { x.clone() }),
        // Every other seq type is never empty.
        _ if is_seq(x) => Ok(x.clone()),
        View::Str(_) => Ok(match &x.0 {
            crate::runtime::value::Repr::Str(s) => StringSeq::value(s.clone(), 0),
            _ => Value::NIL,
        }),
        View::Vector(_) | View::SubVector(_) | View::Queue(_) => {
            Ok(crate::runtime::coll::vector::vector_family_seq(x).unwrap_or(Value::NIL))
        }
        View::ArrayMap(m) => Ok(m.seq()),
        View::HashMap(m) => Ok(m.seq()),
        View::HashSet(s) => Ok(s.seq()),
        View::SortedMap(m) => Ok(m.seq()),
        View::SortedSet(s) => Ok(s.seq()),
        View::MapEntry(e) => Ok(ArraySeq::value(vec![e.key().clone(), e.val().clone()])),
        View::Instance(i) if i.is_record() => {
            let es = i.record_entries()?;
            Ok(if es.is_empty() {
                Value::NIL
            } else {
                ArraySeq::value(
                    es.into_iter()
                        .map(|(k, v)| Value::map_entry(k, v))
                        .collect(),
                )
            })
        }
        View::Instance(_) => match crate::runtime::types::call_method(x, "seq", &[]) {
            // An ISeq type's seq is often itself.
            Some(r) => {
                let r = r?;
                if r.identical(x) { Ok(r) } else { seq(&r) }
            }
            None => err::illegal_arg(format!(
                "Don't know how to create ISeq from: {}",
                x.class_name()
            )),
        },
        View::HostObject(o) if o.seq_items().is_some() => {
            let items = o.seq_items().unwrap_or_default();
            Ok(if items.is_empty() {
                Value::NIL
            } else {
                ArraySeq::value(items)
            })
        }
        _ => err::illegal_arg(format!(
            "Don't know how to create ISeq from: {}",
            x.class_name()
        )),
    }
}

/// first/next/more of a deftype or reify implementing clojure.lang.ISeq.
fn instance_seq_op(x: &Value, op: &str) -> Option<Result<Value>> {
    match x.view() {
        View::Instance(i) if i.implements("clojure.lang.ISeq") => {
            crate::runtime::types::call_method(x, op, &[])
        }
        _ => None,
    }
}

/// `(first x)`.
pub fn first(x: &Value) -> Result<Value> {
    use crate::runtime::value::Repr;
    // The common seqs inline, without the dyn call.
    match &x.0 {
        Repr::LongRange(r) => return Ok(Value::long(r.start())),
        Repr::ChunkedSeq(s) => return Ok(s.first_ref().clone()),
        Repr::Cons(c) => return Ok(c.first.clone()),
        _ => {}
    }
    if let Some(n) = node(x) {
        return n.first();
    }
    if let Some(r) = instance_seq_op(x, "first") {
        return r;
    }
    let s = seq(x)?;
    if s.is_nil() {
        Ok(Value::NIL)
    } else {
        first(&s)
    }
}

/// `(next x)`: nil when nothing follows.
pub fn next(x: &Value) -> Result<Value> {
    if let Some(n) = node(x) {
        return n.next(x);
    }
    if let Some(r) = instance_seq_op(x, "next") {
        return r;
    }
    let s = seq(x)?;
    if s.is_nil() { Ok(Value::NIL) } else { next(&s) }
}

/// `(next x)` consuming `x`. A seq node nobody else holds is stepped in
/// place instead of allocating its successor: no one can observe the
/// difference, and walking a range, vector seq or chunked seq then costs
/// no allocation per item. Falls back to [`next`] otherwise.
pub fn next_owned(mut x: Value) -> Result<Value> {
    use crate::runtime::value::Repr;
    let stepped = match &mut x.0 {
        Repr::LongRange(r) => Ref::get_mut(r).is_some_and(|n| n.advance()),
        Repr::ChunkedCons(r) => Ref::get_mut(r).is_some_and(|n| n.advance()),
        Repr::ChunkedSeq(r) => Ref::get_mut(r).is_some_and(|n| n.advance()),
        Repr::ArraySeq(r) => Ref::get_mut(r).is_some_and(|n| n.advance()),
        Repr::StringSeq(r) => Ref::get_mut(r).is_some_and(|n| n.advance()),
        Repr::Cons(r) => {
            if let Some(c) = Ref::get_mut(r) {
                let rest = std::mem::take(&mut c.rest);
                drop(x);
                return seq(&rest);
            }
            false
        }
        Repr::LazySeq(_) => {
            // The realised seq is never a LazySeq: one level of recursion.
            let s = seq(&x)?;
            drop(x);
            return next_owned(s);
        }
        _ => false,
    };
    if stepped { Ok(x) } else { next(&x) }
}

/// `(rest x)`: never nil; `()` when nothing follows. Lazy tails (of a cons,
/// a chunked cons) are returned unrealised.
pub fn rest(x: &Value) -> Result<Value> {
    if let Some(n) = node(x) {
        return n.more(x);
    }
    if let Some(r) = instance_seq_op(x, "more") {
        return r;
    }
    let s = seq(x)?;
    if s.is_nil() {
        Ok(Value::empty_list())
    } else {
        rest(&s)
    }
}

/// `more` of a seq value (used by LazySeq).
pub(crate) fn more(s: &Value) -> Result<Value> {
    rest(s)
}

/// O(1) count when `x` is Counted (Java's `Counted` interface), else None.
fn counted(x: &Value) -> Result<Option<usize>> {
    Ok(Some(match x.view() {
        View::Nil => 0,
        View::Str(s) => s.utf16_len(),
        View::Vector(v) => v.count(),
        View::SubVector(v) => v.count(),
        View::Queue(q) => q.count(),
        View::ArrayMap(m) => m.count(),
        View::HashMap(m) => m.count(),
        View::HashSet(s) => s.count(),
        View::SortedMap(m) => m.count(),
        View::SortedSet(s) => s.count(),
        View::MapEntry(_) => 2,
        View::Instance(i) if i.is_record() => i.record_count(),
        View::Instance(_) => match crate::runtime::types::call_method(x, "count", &[]) {
            Some(r) => {
                let n = r?;
                usize::try_from(n.as_long().unwrap_or(0)).unwrap_or(0)
            }
            None => return Ok(None),
        },
        View::HostObject(o) if o.seq_items().is_some() => o.seq_items().map_or(0, |v| v.len()),
        _ => match node(x) {
            Some(n) => return n.counted(),
            None => return Ok(None),
        },
    }))
}

/// `(count x)`: O(1) for counted collections, walks other seqs (an infinite
/// one never returns, as on the JVM), strings count UTF-16 units.
pub fn count(x: &Value) -> Result<usize> {
    count_owned(x.clone())
}

/// `count` consuming `x`: an uncounted lazy seq is released as it is walked.
pub fn count_owned(x: Value) -> Result<usize> {
    if let Some(c) = counted(&x)? {
        return Ok(c);
    }
    // RT.countFrom: any other CharSequence (a StringBuilder, a deftype
    // implementing it) counts its length.
    if !is_seq(&x) && crate::runtime::host::is_instance("java.lang.CharSequence", &x) {
        let n = crate::runtime::host::call_method(&x, "length", &[])?;
        return Ok(usize::try_from(crate::runtime::number::convert::to_long(&n)?).unwrap_or(0));
    }
    if !is_seq(&x) {
        let simple = x.class_name().rsplit(['.', '$']).next().unwrap_or("");
        return err::unsupported(format!("count not supported on this type: {simple}"));
    }
    // RT.countFrom: walk, finishing early at a counted tail.
    let mut s = seq(&x)?;
    drop(x);
    let mut i = 0usize;
    while !s.is_nil() {
        if let Some(c) = counted(&s)? {
            return Ok(i + c);
        }
        // A chunk's items are all there: step over it at once (the same
        // cells are realised as walking it item by item).
        if let View::ChunkedCons(c) = s.view() {
            i += c.chunk().count();
            s = chunk_next(&s)?;
            continue;
        }
        i += 1;
        s = next_owned(s)?;
    }
    Ok(i)
}

/// `(cons x coll)`: a one-item list for nil, a Cons otherwise (`coll` is
/// seq'd first unless it is already a seq).
pub fn cons(x: Value, coll: &Value) -> Result<Value> {
    if coll.is_nil() {
        return Ok(Value::list(vec![x]));
    }
    let rest = if is_seq(coll) {
        coll.clone()
    } else {
        seq(coll)?
    };
    Ok(Value::from(Ref::new(Cons::new(x, rest))))
}

/// `(chunked-seq? x)`.
pub fn is_chunked_seq(x: &Value) -> bool {
    matches!(
        x.view(),
        View::ChunkedCons(_) | View::LongRange(_) | View::Range(_) | View::ChunkedSeq(_)
    )
}

fn not_chunked<T>(x: &Value) -> Result<T> {
    Err(crate::runtime::error::cast_exception(
        crate::runtime::compare::cast_message(x.class_name(), "clojure.lang.IChunkedSeq"),
    ))
}

/// `(chunk-first s)` for a chunked seq.
pub fn chunk_first(x: &Value) -> Result<ArrayChunk> {
    match x.view() {
        View::ChunkedCons(c) => Ok(c.chunk().clone()),
        View::LongRange(r) => Ok(r.chunked_first()),
        View::Range(r) => r.chunked_first(),
        View::ChunkedSeq(s) => Ok(ArrayChunk::new(s.chunk_first().to_vec())),
        _ => not_chunked(x),
    }
}

/// `(chunk-rest s)`: the seq after the first chunk, `()` when none.
pub fn chunk_rest(x: &Value) -> Result<Value> {
    match x.view() {
        View::ChunkedCons(c) => Ok(c.chunked_more()),
        View::LongRange(r) => Ok(r.chunked_more()),
        View::Range(r) => r.chunked_more(),
        View::ChunkedSeq(s) => {
            let n = s.chunk_next();
            Ok(if n.is_nil() { Value::empty_list() } else { n })
        }
        _ => not_chunked(x),
    }
}

/// `(chunk-next s)`: the seq after the first chunk, nil when none.
pub fn chunk_next(x: &Value) -> Result<Value> {
    seq(&chunk_rest(x)?)
}

/// Iterate any seqable value from Rust. Each item is a `Result` because
/// realising a lazy seq can throw. Holds only the current position, so an
/// iteration over a long lazy seq runs in constant memory.
pub struct SeqIter {
    cur: Value,
    started: bool,
}

impl Iterator for SeqIter {
    type Item = Result<Value>;
    fn next(&mut self) -> Option<Result<Value>> {
        // Each step of a seq walked from Rust is a safe point.
        if let Err(e) = super::interrupt::check() {
            self.cur = Value::NIL;
            return Some(Err(e));
        }
        let step = if self.started {
            next_owned(std::mem::take(&mut self.cur))
        } else {
            self.started = true;
            seq(&self.cur)
        };
        match step {
            Err(e) => {
                self.cur = Value::NIL;
                Some(Err(e))
            }
            Ok(s) if s.is_nil() => {
                self.cur = Value::NIL;
                None
            }
            Ok(s) => {
                let f = first(&s);
                self.cur = s;
                Some(f)
            }
        }
    }
}

/// Iterate an owned seqable, releasing each cell as it advances: nothing
/// holds the head (use with an argument a native took ownership of).
pub fn into_iter(x: Value) -> SeqIter {
    SeqIter {
        cur: x,
        started: false,
    }
}

/// Iterate the items of `x` (anything `seq` accepts).
pub fn iter(x: &Value) -> SeqIter {
    SeqIter {
        cur: x.clone(),
        started: false,
    }
}

impl Value {
    /// `(repeat x)`.
    pub fn repeat(x: Value) -> Value {
        Repeat::infinite(x)
    }
    /// An ArrayChunk value (`chunk-first`'s result).
    pub fn array_chunk(c: ArrayChunk) -> Value {
        c.into_value()
    }
    /// A ChunkBuffer value (`chunk-buffer`'s result).
    pub fn chunk_buffer(b: ChunkBuffer) -> Value {
        Value::from(Ref::new(b))
    }
}

#[cfg(test)]
mod tests;
