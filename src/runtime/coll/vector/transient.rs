//! `PersistentVector$TransientVector`: edits the trie in place until
//! `persistent!`, which is O(1) and ends the transient.
//!
//! The `Option` in the lock is the JVM's `edit` owner: `None` after
//! `persistent!`. In-place edits need no owner tag on nodes: a node is
//! mutated only when the transient holds its only reference (see trie.rs).
//! Like Clojure 1.7+, any thread may use a live transient.

use super::trie::Trie;
use super::{Vector, index_out_of_bounds, pop_empty, transient_used_after_persistent};
use crate::runtime::error::Result;
use crate::runtime::gc::{Lock, lock};
use crate::runtime::hash::HashCache;
use crate::runtime::value::Value;

pub struct TransientVector {
    state: Lock<Option<Trie>>,
}

impl TransientVector {
    /// `(transient v)`: O(1); nodes are copied on first write. The result of
    /// `persistent!` has no metadata, as on the JVM.
    pub fn new(v: &Vector) -> TransientVector {
        TransientVector {
            state: Lock::new(Some(v.t.clone())),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut Trie) -> Result<R>) -> Result<R> {
        let mut g = lock(&self.state);
        match g.as_mut() {
            Some(t) => f(t),
            None => Err(transient_used_after_persistent()),
        }
    }

    /// `conj!`
    pub fn conj(&self, v: Value) -> Result<()> {
        self.with(|t| {
            t.conj(v, true);
            Ok(())
        })
    }
    /// `assoc!`: i == count appends; IndexOutOfBoundsException beyond.
    pub fn assoc_n(&self, i: usize, v: Value) -> Result<()> {
        self.with(|t| {
            if i == t.cnt {
                t.conj(v, true);
                Ok(())
            } else if t.assoc(i, v) {
                Ok(())
            } else {
                Err(index_out_of_bounds())
            }
        })
    }
    /// `pop!`: IllegalStateException "Can't pop empty vector" when empty.
    pub fn pop(&self) -> Result<()> {
        self.with(|t| if t.pop() { Ok(()) } else { Err(pop_empty()) })
    }
    /// `persistent!`: O(1); the transient is unusable afterwards.
    pub fn persistent(&self) -> Result<Vector> {
        match lock(&self.state).take() {
            Some(mut t) => {
                t.shrink_tail();
                Ok(Vector {
                    t,
                    meta: None,
                    hasheq: HashCache::default(),
                })
            }
            None => Err(transient_used_after_persistent()),
        }
    }
    pub fn count(&self) -> Result<usize> {
        self.with(|t| Ok(t.cnt))
    }
    /// Item i, None when out of range (the caller throws
    /// IndexOutOfBoundsException or returns its not-found value).
    pub fn nth(&self, i: usize) -> Result<Option<Value>> {
        self.with(|t| Ok(t.nth(i).cloned()))
    }
}
