//! `range`: LongRange (all-long arguments, chunked 32 wide) and Range (any
//! other numbers), as clojure.lang.LongRange / Range in Clojure 1.11.1.
//!
//! JVM behaviour kept here (verified on 1.11.1): `(range)` is
//! `(iterate inc' 0)`; a zero step repeats `start` forever unless
//! start == end (then `()`); counts past Integer.MAX_VALUE throw
//! ArithmeticException "integer overflow"; a long range stops before a step
//! would overflow.

use super::chunk::{ArrayChunk, CHUNK_SIZE};
use super::drop::{Tails, drop_tails, push_tail};
use super::iterate::Iterate;
use super::repeat::Repeat;
use super::{SeqNode, seq};
use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::number::{add_p, gt, gte, inc_p, is_neg, is_pos, is_zero, lte, num_equiv};
use crate::runtime::value::Value;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// This range's chunk, computed on first use.
struct LongChunk {
    count: usize,
    /// The range after this chunk, or nil.
    chunk_next: Value,
}

/// clojure.lang.LongRange: never empty (start != end, step != 0).
pub struct LongRange {
    start: i64,
    end: i64,
    step: i64,
    chunk: OnceLock<LongChunk>,
    next: OnceLock<Value>,
    meta: Option<Value>,
}

impl LongRange {
    fn new(start: i64, end: i64, step: i64) -> LongRange {
        LongRange::with_parts(start, end, step, OnceLock::new(), None)
    }
    fn with_parts(
        start: i64,
        end: i64,
        step: i64,
        chunk: OnceLock<LongChunk>,
        meta: Option<Value>,
    ) -> LongRange {
        LongRange {
            start,
            end,
            step,
            chunk,
            next: OnceLock::new(),
            meta,
        }
    }
    /// `(range start end step)` over longs: `()`, a LongRange, or an infinite
    /// Repeat for a zero step.
    pub fn create(start: i64, end: i64, step: i64) -> Value {
        let empty = match step.cmp(&0) {
            Ordering::Greater => end <= start,
            Ordering::Less => end >= start,
            Ordering::Equal => {
                if end == start {
                    true
                } else {
                    return Repeat::infinite(Value::long(start));
                }
            }
        };
        if empty {
            Value::empty_list()
        } else {
            Value::from(Ref::new(LongRange::new(start, end, step)))
        }
    }

    /// Items left: ceil((end - start) / step), exact in i128.
    fn range_count(&self) -> i128 {
        let o: i128 = if self.step > 0 { -1 } else { 1 };
        (self.end as i128 - self.start as i128 + self.step as i128 + o) / self.step as i128
    }

    fn force(&self) -> &LongChunk {
        self.chunk.get_or_init(|| {
            let count = self.range_count();
            if count > CHUNK_SIZE as i128 {
                // Cannot overflow: it is still below `end`.
                let next_start = self.start + self.step * CHUNK_SIZE as i64;
                let next = LongRange::new(next_start, self.end, self.step);
                LongChunk {
                    count: CHUNK_SIZE,
                    chunk_next: Value::from(Ref::new(next)),
                }
            } else {
                LongChunk {
                    count: count.max(0) as usize,
                    chunk_next: Value::NIL,
                }
            }
        })
    }

    pub fn start(&self) -> i64 {
        self.start
    }
    pub fn end(&self) -> i64 {
        self.end
    }
    pub fn step(&self) -> i64 {
        self.step
    }
    /// `(count r)`; ArithmeticException past Integer.MAX_VALUE.
    pub fn count(&self) -> Result<usize> {
        let c = self.range_count();
        if c > i32::MAX as i128 {
            return err::arithmetic("integer overflow");
        }
        Ok(c.max(0) as usize)
    }
    /// `(chunk-first r)`: up to 32 longs.
    pub fn chunked_first(&self) -> ArrayChunk {
        let n = self.force().count as i64;
        ArrayChunk::new_long(
            (0..n)
                .map(|i| Value::long(self.start + i * self.step))
                .collect(),
        )
    }
    /// `(chunk-rest r)`: the range after this chunk, `()` when none.
    pub fn chunked_more(&self) -> Value {
        let c = &self.force().chunk_next;
        if c.is_nil() {
            Value::empty_list()
        } else {
            c.clone()
        }
    }
    /// Become `next` in place within the current chunk (see
    /// `seq::next_owned`): the same start/step/chunk boundaries as the node
    /// `next` would allocate. False at a chunk's last item or when `next`
    /// is already cached.
    pub(super) fn advance(&mut self) -> bool {
        if self.next.get_mut().is_some() {
            return false;
        }
        if self.chunk.get_mut().is_none() {
            self.force();
        }
        match self.chunk.get_mut() {
            Some(c) if c.count > 1 => c.count -= 1,
            _ => return false,
        }
        self.start += self.step;
        self.meta = None;
        true
    }
    /// `(reduce f acc r)` as LongRange.reduce: no seq nodes.
    pub fn reduce<A>(
        &self,
        mut acc: A,
        mut step: impl FnMut(A, i64) -> Result<std::ops::ControlFlow<A, A>>,
    ) -> Result<A> {
        let mut i = self.start;
        for _ in 0..self.range_count().max(0) {
            match step(acc, i)? {
                std::ops::ControlFlow::Continue(a) => acc = a,
                std::ops::ControlFlow::Break(v) => return Ok(v),
            }
            i = i.wrapping_add(self.step);
        }
        Ok(acc)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> LongRange {
        LongRange::with_parts(self.start, self.end, self.step, OnceLock::new(), meta)
    }
}

impl SeqNode for LongRange {
    fn first(&self) -> Result<Value> {
        Ok(Value::long(self.start))
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        if let Some(n) = self.next.get() {
            return Ok(n.clone());
        }
        let chunk = self.force();
        if chunk.count > 1 {
            let n = self.next.get_or_init(|| {
                let smaller = LongChunk {
                    count: chunk.count - 1,
                    chunk_next: chunk.chunk_next.clone(),
                };
                let r = LongRange::with_parts(
                    self.start + self.step,
                    self.end,
                    self.step,
                    OnceLock::from(smaller),
                    None,
                );
                Value::from(Ref::new(r))
            });
            return Ok(n.clone());
        }
        seq(&chunk.chunk_next)
    }
    fn counted(&self) -> Result<Option<usize>> {
        self.count().map(Some)
    }
}

impl Tails for LongRange {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        if let Some(n) = self.next.take() {
            push_tail(out, n);
        }
        if let Some(c) = self.chunk.take() {
            push_tail(out, c.chunk_next);
        }
    }
}

impl Drop for LongRange {
    fn drop(&mut self) {
        drop_tails(self);
    }
}

/// clojure.lang.Range: start/end/step of any numeric type. Never empty.
pub struct Range {
    start: Value,
    end: Value,
    step: Value,
    positive: bool,
    /// This range's chunk and the range after it (nil when last).
    chunk: OnceLock<(ArrayChunk, Value)>,
    next: OnceLock<Value>,
    meta: Option<Value>,
}

impl Range {
    fn new(start: Value, end: Value, step: Value, positive: bool) -> Range {
        Range {
            start,
            end,
            step,
            positive,
            chunk: OnceLock::new(),
            next: OnceLock::new(),
            meta: None,
        }
    }
    /// A copy sharing the bounds, with a preset chunk and meta.
    fn sibling(
        &self,
        start: Value,
        chunk: OnceLock<(ArrayChunk, Value)>,
        meta: Option<Value>,
    ) -> Range {
        Range {
            start,
            end: self.end.clone(),
            step: self.step.clone(),
            positive: self.positive,
            chunk,
            next: OnceLock::new(),
            meta,
        }
    }
    /// `(range start end step)` for numbers of any type (Range.create, with
    /// its order of checks, so a non-number fails as on the JVM).
    pub fn create(start: Value, end: Value, step: Value) -> Result<Value> {
        if (is_pos(&step)? && gt(&start, &end)?)
            || (is_neg(&step)? && gt(&end, &start)?)
            || num_equiv(&start, &end)?
        {
            return Ok(Value::empty_list());
        }
        if is_zero(&step)? {
            return Ok(Repeat::infinite(start));
        }
        let positive = is_pos(&step)?;
        Ok(Value::from(Ref::new(Range::new(
            start, end, step, positive,
        ))))
    }

    fn exceeded(&self, v: &Value) -> Result<bool> {
        if self.positive {
            gte(v, &self.end)
        } else {
            lte(v, &self.end)
        }
    }

    /// Range.forceChunk: up to 32 items and the range after them (nil when
    /// this chunk is the last).
    fn force(&self) -> Result<&(ArrayChunk, Value)> {
        if let Some(c) = self.chunk.get() {
            return Ok(c);
        }
        let mut items = Vec::with_capacity(CHUNK_SIZE);
        let mut v = self.start.clone();
        let mut rest = Value::NIL;
        while items.len() < CHUNK_SIZE {
            let next = add_p(&v, &self.step)?;
            items.push(v);
            v = next;
            if self.exceeded(&v)? {
                break;
            }
            if items.len() == CHUNK_SIZE {
                let r = Range::new(
                    v.clone(),
                    self.end.clone(),
                    self.step.clone(),
                    self.positive,
                );
                rest = Value::from(Ref::new(r));
            }
        }
        Ok(self.chunk.get_or_init(|| (ArrayChunk::new(items), rest)))
    }

    /// `(chunk-first r)`.
    pub fn chunked_first(&self) -> Result<ArrayChunk> {
        Ok(self.force()?.0.clone())
    }
    /// `(chunk-rest r)`.
    pub fn chunked_more(&self) -> Result<Value> {
        let c = &self.force()?.1;
        Ok(if c.is_nil() {
            Value::empty_list()
        } else {
            c.clone()
        })
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Range {
        self.sibling(self.start.clone(), OnceLock::new(), meta)
    }
}

impl SeqNode for Range {
    fn first(&self) -> Result<Value> {
        Ok(self.start.clone())
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        if let Some(n) = self.next.get() {
            return Ok(n.clone());
        }
        let (chunk, chunk_next) = self.force()?;
        if chunk.count() > 1 {
            let smaller = chunk.drop_first()?;
            let n = self.next.get_or_init(|| {
                let first = smaller.nth(0).cloned().unwrap_or(Value::NIL);
                let r = self.sibling(first, OnceLock::from((smaller, chunk_next.clone())), None);
                Value::from(Ref::new(r))
            });
            return Ok(n.clone());
        }
        seq(chunk_next)
    }
}

impl Tails for Range {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        if let Some(n) = self.next.take() {
            push_tail(out, n);
        }
        if let Some((_, c)) = self.chunk.take() {
            push_tail(out, c);
        }
    }
}

impl Drop for Range {
    fn drop(&mut self) {
        drop_tails(self);
    }
}

/// `inc'`, the step fn of `(range)`.
fn inc_p_fn(args: &[Value]) -> Result<Value> {
    match args {
        [x] => inc_p(x),
        _ => err::throw(
            crate::runtime::error::ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: clojure.core/inc'",
                args.len()
            ),
        ),
    }
}

/// `(range)`: `(iterate inc' 0)`, as in Clojure 1.11.
pub fn range_infinite() -> Value {
    Iterate::create(
        Value::native_fn("clojure.core/inc'", inc_p_fn),
        Value::long(0),
    )
}

/// `(range end)`.
pub fn range_to(end: &Value) -> Result<Value> {
    match end.as_long() {
        Some(e) => Ok(LongRange::create(0, e, 1)),
        None => {
            if is_pos(end)? {
                let r = Range::new(Value::long(0), end.clone(), Value::long(1), true);
                Ok(Value::from(Ref::new(r)))
            } else {
                Ok(Value::empty_list())
            }
        }
    }
}

/// `(range start end)`.
pub fn range_from(start: &Value, end: &Value) -> Result<Value> {
    range_step(start, end, &Value::long(1))
}

/// `(range start end step)`.
pub fn range_step(start: &Value, end: &Value, step: &Value) -> Result<Value> {
    match (start.as_long(), end.as_long(), step.as_long()) {
        (Some(s), Some(e), Some(st)) => Ok(LongRange::create(s, e, st)),
        _ => Range::create(start.clone(), end.clone(), step.clone()),
    }
}
