//! PersistentHashMap: a hash array mapped trie with the JVM's node layout
//! (see node.rs), so iteration order, and hence printing, matches the JVM.
//! The nil key is stored beside the trie, as the JVM's hasNull/nullValue,
//! and comes first in iteration.

mod node;
mod seq;

pub(crate) use node::{Node, Slot};
pub use seq::MapSeq;
pub(crate) use seq::SeqKeys;

use crate::runtime::gc::Ref;
use crate::runtime::hash::HashCache;
use crate::runtime::hash::hasheq;
use crate::runtime::value::Value;
use node::{NodeIter, Removal};

#[derive(Clone, Default)]
pub struct HashMap {
    count: usize,
    pub(in crate::runtime) root: Option<Ref<Node>>,
    /// `(nil, value)` when the map has the nil key.
    pub(in crate::runtime) null_entry: Option<(Value, Value)>,
    pub(in crate::runtime) meta: Option<Value>,
    /// Cached `hash` (the JVM's `_hasheq`): see runtime::hash::HashCache.
    pub(crate) hasheq: HashCache,
}

impl HashMap {
    pub fn empty() -> HashMap {
        HashMap::default()
    }
    /// `(hash-map k v ...)`: later duplicates win; entries are added in
    /// order, which fixes the order inside hash-collision nodes.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Value, Value)>) -> HashMap {
        let mut m = HashMap::empty();
        for (k, v) in pairs {
            m.assoc_mut(k, v);
        }
        m
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.count
    }
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    /// The entry for `k` (its stored key and value).
    pub fn entry(&self, k: &Value) -> Option<(&Value, &Value)> {
        if k.is_nil() {
            return self.null_entry.as_ref().map(|(k, v)| (k, v));
        }
        self.root.as_ref()?.find(hasheq(k), k)
    }
    pub fn get(&self, k: &Value) -> Option<&Value> {
        self.entry(k).map(|(_, v)| v)
    }
    pub fn contains_key(&self, k: &Value) -> bool {
        self.entry(k).is_some()
    }
    /// `(assoc m k v)`.
    pub fn assoc(&self, k: Value, v: Value) -> HashMap {
        let mut m = self.clone();
        m.assoc_mut(k, v);
        m
    }
    /// `(dissoc m k)`.
    pub fn without(&self, k: &Value) -> HashMap {
        if !self.contains_key(k) {
            return self.clone();
        }
        let mut m = self.clone();
        m.without_mut(k);
        m
    }
    /// Associate in place: nodes this map owns alone are edited, shared ones
    /// copied (the transient path; `assoc` is clone + this).
    pub(crate) fn assoc_mut(&mut self, k: Value, v: Value) {
        self.hasheq = HashCache::default();
        if k.is_nil() {
            if self.null_entry.is_none() {
                self.count += 1;
            }
            self.null_entry = Some((Value::NIL, v));
            return;
        }
        let mut added = false;
        let root = self.root.get_or_insert_with(|| Ref::new(Node::empty()));
        Ref::make_mut(root).assoc(0, hasheq(&k), k, v, &mut added);
        if added {
            self.count += 1;
        }
    }
    /// Remove in place; true when the key was present.
    pub(crate) fn without_mut(&mut self, k: &Value) -> bool {
        self.hasheq = HashCache::default();
        if k.is_nil() {
            if self.null_entry.take().is_some() {
                self.count -= 1;
                return true;
            }
            return false;
        }
        let Some(root) = self.root.as_mut() else {
            return false;
        };
        match Ref::make_mut(root).without(0, hasheq(k), k) {
            Removal::Absent => false,
            Removal::Done => {
                self.count -= 1;
                true
            }
            Removal::Emptied => {
                self.root = None;
                self.count -= 1;
                true
            }
        }
    }
    /// Entries in the JVM's order (nil key first).
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        self.null_entry
            .as_ref()
            .map(|(k, v)| (k, v))
            .into_iter()
            .chain(NodeIter::new(self.root.as_deref()))
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> + '_ {
        self.iter().map(|(k, _)| k)
    }
    /// `(seq m)`: a lazy seq of map entries, nil when empty.
    pub fn seq(&self) -> Value {
        MapSeq::of_hash(self, SeqKeys::Entries)
    }
    /// `(keys m)`: an APersistentMap$KeySeq, nil when empty.
    pub fn keys_seq(&self) -> Value {
        MapSeq::of_hash(self, SeqKeys::Keys)
    }
    /// `(vals m)`: an APersistentMap$ValSeq, nil when empty.
    pub fn vals_seq(&self) -> Value {
        MapSeq::of_hash(self, SeqKeys::Vals)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> HashMap {
        HashMap {
            hasheq: HashCache::default(),
            meta,
            ..self.clone()
        }
    }
    /// `(empty m)`: keeps the metadata.
    pub fn empty_like(&self) -> HashMap {
        HashMap {
            hasheq: HashCache::default(),
            meta: self.meta.clone(),
            ..HashMap::default()
        }
    }
}

impl Value {
    /// `(hash-map k v ...)`: always a PersistentHashMap; later duplicates win.
    pub fn hash_map_from_pairs(pairs: Vec<(Value, Value)>) -> Value {
        Value::from(Ref::new(HashMap::from_pairs(pairs)))
    }
}

#[cfg(test)]
mod tests;
