//! `APersistentVector$SubVector`: an O(1) window `start..end` onto a
//! PersistentVector. Edits go through to a new parent, like the JVM's.

use super::Vector;
use super::seq::{VectorRSeq, VectorSeq};
use super::trie::Iter;
use crate::runtime::gc::Ref;
use crate::runtime::hash::HashCache;
use crate::runtime::value::Value;

pub struct SubVector {
    pub(crate) vec: Ref<Vector>,
    pub(crate) start: usize,
    pub(crate) end: usize,
    meta: Option<Value>,
}

impl SubVector {
    /// RT.subvec on the window `base..` of `vec`: None when out of range, the
    /// empty vector when start == end, else a SubVector.
    pub(super) fn make(vec: &Ref<Vector>, base: usize, start: usize, end: usize) -> Option<Value> {
        let len = vec.count().checked_sub(base)?;
        if end < start || end > len {
            return None;
        }
        if start == end {
            return Some(Value::from(Ref::new(Vector::empty())));
        }
        Some(Value::from(Ref::new(SubVector {
            vec: vec.clone(),
            start: base + start,
            end: base + end,
            meta: None,
        })))
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.end - self.start
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    #[inline]
    pub fn nth(&self, i: usize) -> Option<&Value> {
        if i >= self.count() {
            return None;
        }
        self.vec.nth(self.start + i)
    }
    pub fn peek(&self) -> Option<&Value> {
        self.count().checked_sub(1).and_then(|i| self.nth(i))
    }
    /// Appending writes slot `end` of the parent (appending to the parent
    /// when the window reaches its end).
    pub fn conj(&self, v: Value) -> SubVector {
        let mut t = self.vec.t.clone();
        if self.end < t.cnt {
            t.assoc(self.end, v);
        } else {
            t.conj(v, false);
        }
        SubVector {
            vec: Ref::new(Vector {
                hasheq: HashCache::default(),
                t,
                meta: self.vec.meta.clone(),
            }),
            start: self.start,
            end: self.end + 1,
            meta: self.meta.clone(),
        }
    }
    /// Replace item i; i == count appends; None when out of range.
    pub fn assoc_n(&self, i: usize, v: Value) -> Option<SubVector> {
        let count = self.count();
        if i > count {
            return None;
        }
        if i == count {
            return Some(self.conj(v));
        }
        Some(SubVector {
            vec: Ref::new(self.vec.assoc_n(self.start + i, v)?),
            start: self.start,
            end: self.end,
            meta: self.meta.clone(),
        })
    }
    /// Drop the last item: None when empty; popping the last item gives the
    /// empty PersistentVector (without meta, as on the JVM).
    pub fn pop(&self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        if self.end - 1 == self.start {
            return Some(Value::from(Ref::new(Vector::empty())));
        }
        Some(Value::from(Ref::new(SubVector {
            vec: self.vec.clone(),
            start: self.start,
            end: self.end - 1,
            meta: self.meta.clone(),
        })))
    }
    pub fn iter(&self) -> Iter<'_> {
        self.vec.t.iter_range(self.start, self.end)
    }
    /// `(seq sv)`: nil when empty, else an `APersistentVector$Seq`.
    pub fn seq(self: &Ref<SubVector>) -> Value {
        VectorSeq::value(&self.vec, self.start, self.end)
    }
    /// `(rseq sv)`: nil when empty, else an `APersistentVector$RSeq`.
    pub fn rseq(self: &Ref<SubVector>) -> Value {
        VectorRSeq::value(&self.vec, self.start, self.end)
    }
    /// `(subvec sv start end)` shares the original parent.
    pub fn subvec(self: &Ref<SubVector>, start: usize, end: usize) -> Option<Value> {
        if end > self.count() {
            return None;
        }
        SubVector::make(&self.vec, self.start, start, end)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> SubVector {
        SubVector {
            vec: self.vec.clone(),
            start: self.start,
            end: self.end,
            meta,
        }
    }
}
