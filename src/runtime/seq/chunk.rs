//! Chunks: ArrayChunk (up to 32 items), ChunkBuffer (builds one), and
//! ChunkedCons (a chunk in front of a seq). See `seq/mod.rs` for how a
//! builtin consumes and produces chunks.

use super::drop::{Tails, drop_tails, push_tail};
use super::{SeqNode, is_seq, seq};
use crate::runtime::error::{ExClass, Result, err};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::value::Value;

/// Chunk width of ranges, vectors and chunked `map`/`filter` output.
pub const CHUNK_SIZE: usize = 32;

/// clojure.lang.ArrayChunk: `items[off..end]`, shared with the chunks made
/// by `drop_first`.
#[derive(Clone)]
pub struct ArrayChunk {
    items: Ref<Vec<Value>>,
    off: usize,
    end: usize,
    /// Made for a LongRange: the JVM class is LongRange$LongChunk.
    long_chunk: bool,
}

impl ArrayChunk {
    pub fn new(items: Vec<Value>) -> ArrayChunk {
        let end = items.len();
        ArrayChunk {
            items: Ref::new(items),
            off: 0,
            end,
            long_chunk: false,
        }
    }
    pub(super) fn new_long(items: Vec<Value>) -> ArrayChunk {
        ArrayChunk {
            long_chunk: true,
            ..ArrayChunk::new(items)
        }
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.end - self.off
    }
    pub fn is_long_chunk(&self) -> bool {
        self.long_chunk
    }
    /// The chunk's items in order.
    pub fn as_slice(&self) -> &[Value] {
        self.items.get(self.off..self.end).unwrap_or(&[])
    }
    pub fn nth(&self, i: usize) -> Option<&Value> {
        self.as_slice().get(i)
    }
    /// The chunk without its first item; IllegalStateException when empty
    /// (ArrayChunk.dropFirst).
    pub fn drop_first(&self) -> Result<ArrayChunk> {
        if self.off == self.end {
            return err::illegal_state("dropFirst of empty chunk");
        }
        Ok(ArrayChunk {
            items: self.items.clone(),
            off: self.off + 1,
            end: self.end,
            long_chunk: self.long_chunk,
        })
    }
    pub fn into_value(self) -> Value {
        Value::from(Ref::new(self))
    }
}

/// clojure.lang.ChunkBuffer: `chunk-buffer`, `chunk-append`, `chunk`.
pub struct ChunkBuffer {
    buf: Lock<Option<Vec<Value>>>,
    capacity: usize,
}

impl ChunkBuffer {
    pub fn new(capacity: usize) -> ChunkBuffer {
        ChunkBuffer {
            buf: Lock::new(Some(Vec::with_capacity(capacity.min(CHUNK_SIZE)))),
            capacity,
        }
    }
    /// `(chunk-append b x)`; fails like the JVM past capacity or after `chunk`.
    pub fn append(&self, x: Value) -> Result<()> {
        let mut g = lock(&self.buf);
        match g.as_mut() {
            None => err::npe("Cannot store to object array because \"this.buffer\" is null"),
            Some(b) if b.len() >= self.capacity => err::throw(
                ExClass::ArrayIndexOutOfBoundsException,
                format!(
                    "Index {} out of bounds for length {}",
                    b.len(),
                    self.capacity
                ),
            ),
            Some(b) => {
                b.push(x);
                Ok(())
            }
        }
    }
    /// Items appended so far.
    pub fn count(&self) -> usize {
        lock(&self.buf).as_ref().map_or(0, Vec::len)
    }
    /// `(chunk b)`: the items as an ArrayChunk; the buffer is spent after.
    pub fn chunk(&self) -> ArrayChunk {
        ArrayChunk::new(lock(&self.buf).take().unwrap_or_default())
    }
}

/// clojure.lang.ChunkedCons: a non-empty chunk in front of `more`.
pub struct ChunkedCons {
    chunk: ArrayChunk,
    /// nil or a seq, unrealised.
    more: Value,
    meta: Option<Value>,
}

impl ChunkedCons {
    /// `chunk` must be non-empty and `more` nil or a seq (see `chunk_cons`).
    pub(super) fn new(chunk: ArrayChunk, more: Value) -> ChunkedCons {
        ChunkedCons {
            chunk,
            more,
            meta: None,
        }
    }
    pub fn chunk(&self) -> &ArrayChunk {
        &self.chunk
    }
    /// `chunkedMore`: the seq after this chunk, `()` when none.
    pub fn chunked_more(&self) -> Value {
        if self.more.is_nil() {
            Value::empty_list()
        } else {
            self.more.clone()
        }
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> ChunkedCons {
        ChunkedCons {
            chunk: self.chunk.clone(),
            more: self.more.clone(),
            meta,
        }
    }
    /// Become `next` in place while the chunk has items left (see
    /// `seq::next_owned`); false when the chunk holds only the first.
    pub(super) fn advance(&mut self) -> bool {
        if self.chunk.count() <= 1 {
            return false;
        }
        self.chunk.off += 1;
        self.meta = None;
        true
    }
    fn after_first(&self) -> Result<Option<Value>> {
        if self.chunk.count() > 1 {
            let c = ChunkedCons::new(self.chunk.drop_first()?, self.more.clone());
            return Ok(Some(Value::from(Ref::new(c))));
        }
        Ok(None)
    }
}

impl SeqNode for ChunkedCons {
    fn first(&self) -> Result<Value> {
        Ok(self.chunk.nth(0).cloned().unwrap_or(Value::NIL))
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        match self.after_first()? {
            Some(v) => Ok(v),
            None => seq(&self.more),
        }
    }
    fn more(&self, _this: &Value) -> Result<Value> {
        match self.after_first()? {
            Some(v) => Ok(v),
            None => Ok(self.chunked_more()),
        }
    }
}

impl Tails for ChunkedCons {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        push_tail(out, std::mem::take(&mut self.more));
    }
}

impl Drop for ChunkedCons {
    fn drop(&mut self) {
        drop_tails(self);
    }
}

/// `(chunk-cons chunk rest)`: `rest` itself when the chunk is empty.
pub fn chunk_cons(chunk: ArrayChunk, rest: Value) -> Result<Value> {
    if chunk.count() == 0 {
        return Ok(rest);
    }
    if !rest.is_nil() && !is_seq(&rest) {
        return Err(crate::runtime::error::cast_exception(
            crate::runtime::compare::cast_message(rest.class_name(), "clojure.lang.ISeq"),
        ));
    }
    Ok(Value::from(Ref::new(ChunkedCons::new(chunk, rest))))
}
