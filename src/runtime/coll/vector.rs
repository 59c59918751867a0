//! PersistentVector. PLACEHOLDER BODY: a copy-on-write Vec with the final API;
//! the 32-way trie + tail replaces it (issue #2).
#![allow(dead_code)] // placeholder until issue #2 lands its body

use crate::runtime::gc::{Lock, Ref};
use crate::runtime::value::Value;

pub struct Vector {
    items: Vec<Value>,
    meta: Option<Value>,
}

impl Vector {
    pub fn empty() -> Vector {
        Vector {
            items: Vec::new(),
            meta: None,
        }
    }
    pub fn from_vec(items: Vec<Value>) -> Vector {
        Vector { items, meta: None }
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.items.len()
    }
    #[inline]
    pub fn nth(&self, i: usize) -> Option<&Value> {
        self.items.get(i)
    }
    pub fn conj(&self, v: Value) -> Vector {
        let mut items = self.items.clone();
        items.push(v);
        Vector {
            items,
            meta: self.meta.clone(),
        }
    }
    /// Replace item i; i == count appends; None when out of range.
    pub fn assoc_n(&self, i: usize, v: Value) -> Option<Vector> {
        if i == self.items.len() {
            return Some(self.conj(v));
        }
        if i > self.items.len() {
            return None;
        }
        let mut items = self.items.clone();
        items[i] = v;
        Some(Vector {
            items,
            meta: self.meta.clone(),
        })
    }
    /// Remove the last item; None on the empty vector.
    pub fn pop(&self) -> Option<Vector> {
        if self.items.is_empty() {
            return None;
        }
        let mut items = self.items.clone();
        items.pop();
        Some(Vector {
            items,
            meta: self.meta.clone(),
        })
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.items.iter()
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Vector {
        Vector {
            items: self.items.clone(),
            meta,
        }
    }
}

/// `(transient v)`: mutable in place until `persistent!`.
pub struct TransientVector {
    items: Lock<Option<Vec<Value>>>,
}

impl TransientVector {
    pub fn new(v: &Vector) -> TransientVector {
        TransientVector {
            items: Lock::new(Some(v.items.clone())),
        }
    }
}

impl Value {
    pub fn vector(items: Vec<Value>) -> Value {
        Value::from(Ref::new(Vector::from_vec(items)))
    }
}
