//! Seqs over vectors: PersistentVector$ChunkedSeq (chunked, for `seq` on a
//! vector), APersistentVector$Seq (for a subvec) and APersistentVector$RSeq.

use super::Vector;
use super::trie::{Iter, Node};
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

/// `PersistentVector$ChunkedSeq`: item `i + offset` of `vec`, where `node`
/// is the 32-item chunk starting at index `i`.
pub struct ChunkedSeq {
    pub(crate) vec: Ref<Vector>,
    pub(crate) node: Ref<Node>,
    pub(crate) i: usize,
    pub(crate) offset: usize,
    pub(crate) meta: Option<Value>,
}

impl ChunkedSeq {
    /// The seq from the chunk starting at index i (a multiple of 32); None
    /// past the end.
    pub(crate) fn new(vec: &Ref<Vector>, i: usize) -> Option<ChunkedSeq> {
        let node = vec.t.leaf_for(i)?.clone();
        Some(ChunkedSeq {
            vec: vec.clone(),
            node,
            i,
            offset: 0,
            meta: None,
        })
    }
    /// The current item by reference.
    #[inline]
    pub fn first_ref(&self) -> &Value {
        self.node
            .items()
            .get(self.offset)
            .unwrap_or(Value::nil_ref())
    }
    pub fn first(&self) -> Value {
        self.first_ref().clone()
    }
    /// The rest as a chunked seq; None at the end.
    pub fn next_seq(&self) -> Option<ChunkedSeq> {
        if self.offset + 1 < self.node.items().len() {
            return Some(ChunkedSeq {
                vec: self.vec.clone(),
                node: self.node.clone(),
                i: self.i,
                offset: self.offset + 1,
                meta: None,
            });
        }
        self.chunk_next_seq()
    }
    /// `(next s)`: nil at the end.
    pub fn next(&self) -> Value {
        wrap(self.next_seq())
    }
    /// Become `next` in place within the current chunk (see
    /// `seq::next_owned`); false at the chunk's last item.
    pub(crate) fn advance(&mut self) -> bool {
        if self.offset + 1 >= self.node.items().len() {
            return false;
        }
        self.offset += 1;
        self.meta = None;
        true
    }
    /// Items left, this one included.
    pub fn count(&self) -> usize {
        self.vec.count().saturating_sub(self.i + self.offset)
    }
    /// `chunk-first`: the rest of the current chunk (1..=32 items).
    pub fn chunk_first(&self) -> &[Value] {
        self.node.items().get(self.offset..).unwrap_or(&[])
    }
    /// The seq after the current chunk; None at the end.
    pub fn chunk_next_seq(&self) -> Option<ChunkedSeq> {
        let next = self.i + self.node.items().len();
        ChunkedSeq::new(&self.vec, next)
    }
    /// `chunk-next`: nil when the current chunk is the last.
    pub fn chunk_next(&self) -> Value {
        wrap(self.chunk_next_seq())
    }
    /// Remaining items in order.
    pub fn iter(&self) -> Iter<'_> {
        self.vec
            .t
            .iter_range(self.i + self.offset, self.vec.count())
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> ChunkedSeq {
        ChunkedSeq {
            vec: self.vec.clone(),
            node: self.node.clone(),
            i: self.i,
            offset: self.offset,
            meta,
        }
    }
}

fn wrap(s: Option<ChunkedSeq>) -> Value {
    match s {
        Some(s) => Value::from(Ref::new(s)),
        None => Value::NIL,
    }
}

/// `APersistentVector$Seq`: items `i..end` of `vec`, one at a time (the seq
/// of a subvec is not chunked on the JVM either).
pub struct VectorSeq {
    pub(crate) vec: Ref<Vector>,
    pub(crate) i: usize,
    pub(crate) end: usize,
    pub(crate) meta: Option<Value>,
}

impl VectorSeq {
    /// Items start..end; nil when empty.
    pub(crate) fn value(vec: &Ref<Vector>, start: usize, end: usize) -> Value {
        if start >= end.min(vec.count()) {
            return Value::NIL;
        }
        Value::from(Ref::new(VectorSeq {
            vec: vec.clone(),
            i: start,
            end: end.min(vec.count()),
            meta: None,
        }))
    }
    pub fn first(&self) -> Value {
        self.vec.nth(self.i).cloned().unwrap_or(Value::NIL)
    }
    pub fn next(&self) -> Value {
        VectorSeq::value(&self.vec, self.i + 1, self.end)
    }
    pub fn count(&self) -> usize {
        self.end - self.i
    }
    pub fn iter(&self) -> Iter<'_> {
        self.vec.t.iter_range(self.i, self.end)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> VectorSeq {
        VectorSeq {
            vec: self.vec.clone(),
            i: self.i,
            end: self.end,
            meta,
        }
    }
}

/// `APersistentVector$RSeq`: items `i, i-1, ..., start` of `vec`.
pub struct VectorRSeq {
    pub(crate) vec: Ref<Vector>,
    pub(crate) start: usize,
    pub(crate) i: usize,
    pub(crate) meta: Option<Value>,
}

impl VectorRSeq {
    /// Items `end-1` down to `start`; nil when empty.
    pub(crate) fn value(vec: &Ref<Vector>, start: usize, end: usize) -> Value {
        let end = end.min(vec.count());
        if start >= end {
            return Value::NIL;
        }
        Value::from(Ref::new(VectorRSeq {
            vec: vec.clone(),
            start,
            i: end - 1,
            meta: None,
        }))
    }
    pub fn first(&self) -> Value {
        self.vec.nth(self.i).cloned().unwrap_or(Value::NIL)
    }
    pub fn next(&self) -> Value {
        if self.i > self.start {
            VectorRSeq::value(&self.vec, self.start, self.i)
        } else {
            Value::NIL
        }
    }
    pub fn count(&self) -> usize {
        self.i + 1 - self.start
    }
    /// Remaining items, last first.
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        (self.start..=self.i).rev().filter_map(|i| self.vec.nth(i))
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> VectorRSeq {
        VectorRSeq {
            vec: self.vec.clone(),
            start: self.start,
            i: self.i,
            meta,
        }
    }
}
