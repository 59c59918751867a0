//! PersistentVector: clojure.lang.PersistentVector's 32-way trie + tail with
//! structural sharing, plus its transient, subvec and seq types.

mod seq;
mod subvec;
mod transient;
mod trie;

pub use seq::{ChunkedSeq, VectorRSeq, VectorSeq};
pub use subvec::SubVector;
pub use transient::TransientVector;
pub use trie::Iter;
pub(crate) use trie::Node as TrieNode;

use crate::runtime::error::{ExClass, Exception};
use crate::runtime::gc::Ref;
use crate::runtime::hash::HashCache;
use crate::runtime::value::{Repr, Value};
use trie::Trie;

/// `(pop [])`: IllegalStateException with this message.
pub const POP_EMPTY_MSG: &str = "Can't pop empty vector";
/// A transient used after `persistent!`: IllegalAccessError with this message.
pub const TRANSIENT_USED_MSG: &str = "Transient used after persistent! call";

/// The JVM's `new IndexOutOfBoundsException()` (message null), thrown by
/// `nth`/`assoc`/`subvec` out of range.
pub fn index_out_of_bounds() -> Exception {
    Exception::full(ExClass::IndexOutOfBoundsException, None, None, None)
}

/// IllegalStateException "Can't pop empty vector".
pub fn pop_empty() -> Exception {
    Exception::new(ExClass::IllegalStateException, POP_EMPTY_MSG)
}

/// IllegalAccessError "Transient used after persistent! call".
pub fn transient_used_after_persistent() -> Exception {
    Exception::new(ExClass::IllegalAccessError, TRANSIENT_USED_MSG)
}

pub struct Vector {
    pub(crate) t: Trie,
    pub(in crate::runtime) meta: Option<Value>,
    /// Cached `hash` (the JVM's `_hasheq`): see runtime::hash::HashCache.
    pub(crate) hasheq: HashCache,
}

/// A vector built item by item in place: a transient no one else can see,
/// so `vec`/`mapv` of a long seq hold only the trie (no item buffer).
pub struct VectorBuilder {
    t: Trie,
}

impl Default for VectorBuilder {
    fn default() -> Self {
        VectorBuilder { t: Trie::empty() }
    }
}

impl VectorBuilder {
    pub fn push(&mut self, v: Value) {
        self.t.conj(v, true);
    }
    pub fn finish(mut self) -> Value {
        self.t.shrink_tail();
        Value::from(Ref::new(Vector {
            hasheq: HashCache::default(),
            t: self.t,
            meta: None,
        }))
    }
}

impl Vector {
    pub fn empty() -> Vector {
        Vector {
            hasheq: HashCache::default(),
            t: Trie::empty(),
            meta: None,
        }
    }
    /// A vector of items in order (built in place, O(n)).
    pub fn from_vec(items: Vec<Value>) -> Vector {
        if items.len() <= trie::WIDTH {
            return Vector {
                hasheq: HashCache::default(),
                t: Trie::from_tail(items),
                meta: None,
            };
        }
        let mut t = Trie::empty();
        for v in items {
            t.conj(v, true);
        }
        t.shrink_tail();
        Vector {
            t,
            meta: None,
            hasheq: HashCache::default(),
        }
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.t.cnt
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.t.cnt == 0
    }
    #[inline]
    pub fn nth(&self, i: usize) -> Option<&Value> {
        self.t.nth(i)
    }
    /// The last item (`peek`); None when empty.
    pub fn peek(&self) -> Option<&Value> {
        self.t.cnt.checked_sub(1).and_then(|i| self.t.nth(i))
    }
    pub fn conj(&self, v: Value) -> Vector {
        let mut t = self.t.clone();
        t.conj(v, false);
        Vector {
            hasheq: HashCache::default(),
            t,
            meta: self.meta.clone(),
        }
    }
    /// Replace item i; i == count appends; None when out of range.
    pub fn assoc_n(&self, i: usize, v: Value) -> Option<Vector> {
        if i == self.t.cnt {
            return Some(self.conj(v));
        }
        if i > self.t.cnt {
            return None;
        }
        let mut t = self.t.clone();
        t.assoc(i, v);
        Some(Vector {
            hasheq: HashCache::default(),
            t,
            meta: self.meta.clone(),
        })
    }
    /// Remove the last item; None on the empty vector (see [`pop_empty`]).
    pub fn pop(&self) -> Option<Vector> {
        let mut t = self.t.clone();
        if !t.pop() {
            return None;
        }
        Some(Vector {
            hasheq: HashCache::default(),
            t,
            meta: self.meta.clone(),
        })
    }
    pub fn iter(&self) -> Iter<'_> {
        self.t.iter_range(0, self.t.cnt)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Vector {
        Vector {
            hasheq: HashCache::default(),
            t: self.t.clone(),
            meta,
        }
    }
    /// `(seq v)`: nil when empty, else a `PersistentVector$ChunkedSeq`.
    pub fn seq(self: &Ref<Vector>) -> Value {
        match ChunkedSeq::new(self, 0) {
            Some(s) => Value::from(Ref::new(s)),
            None => Value::NIL,
        }
    }
    /// `(rseq v)`: nil when empty, else an `APersistentVector$RSeq`.
    pub fn rseq(self: &Ref<Vector>) -> Value {
        VectorRSeq::value(self, 0, self.t.cnt)
    }
    /// `(subvec v start end)`: None when out of range (IndexOutOfBounds);
    /// the empty vector when start == end (as RT.subvec), else an O(1)
    /// `SubVector` sharing this vector.
    pub fn subvec(self: &Ref<Vector>, start: usize, end: usize) -> Option<Value> {
        SubVector::make(self, 0, start, end)
    }
}

impl Value {
    pub fn vector(items: Vec<Value>) -> Value {
        Value::from(Ref::new(Vector::from_vec(items)))
    }
}

/// The seq of a vector, subvector or queue value (nil when empty); None for
/// other types. For `seq` dispatch.
pub(in crate::runtime) fn vector_family_seq(x: &Value) -> Option<Value> {
    match &x.0 {
        Repr::Vector(v) => Some(Vector::seq(v)),
        Repr::SubVector(s) => Some(SubVector::seq(s)),
        Repr::Queue(q) => Some(super::Queue::seq(q)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
