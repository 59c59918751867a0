//! PersistentHashSet: a PersistentHashMap from each item to itself, as on the
//! JVM, so sets iterate (and print) in the JVM's order.

use super::hash_map::HashMap;
use crate::runtime::hash::HashCache;
use crate::runtime::value::Value;

#[derive(Clone, Default)]
pub struct HashSet {
    pub(crate) map: HashMap,
    pub(in crate::runtime) meta: Option<Value>,
    /// Cached `hash` (the JVM's `_hasheq`): see runtime::hash::HashCache.
    pub(crate) hasheq: HashCache,
}

impl HashSet {
    pub fn empty() -> HashSet {
        HashSet::default()
    }
    /// A set of `items` (JVM PersistentHashSet.create: transient conj of each).
    pub fn from_items(items: impl IntoIterator<Item = Value>) -> HashSet {
        let mut s = HashSet::empty();
        for x in items {
            s.conj_mut(x);
        }
        s
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.map.count()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn contains(&self, k: &Value) -> bool {
        self.map.contains_key(k)
    }
    /// `(get s k)`: the stored item equal to `k` (the JVM returns the map's
    /// value, which a transient `conj!` of an equal item replaces).
    pub fn get(&self, k: &Value) -> Option<&Value> {
        self.map.get(k)
    }
    /// `(conj s x)`: an item already present keeps its original object.
    pub fn conj(&self, x: Value) -> HashSet {
        if self.contains(&x) {
            return self.clone();
        }
        let mut s = self.clone();
        s.map.assoc_mut(x.clone(), x);
        s
    }
    /// Transient conj (JVM TransientHashSet.conj: `impl.assoc(x, x)`).
    pub(crate) fn conj_mut(&mut self, x: Value) {
        self.hasheq = HashCache::default();
        self.map.assoc_mut(x.clone(), x);
    }
    /// `(disj s x)`.
    pub fn disj(&self, x: &Value) -> HashSet {
        HashSet {
            hasheq: HashCache::default(),
            map: self.map.without(x),
            meta: self.meta.clone(),
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.map.keys()
    }
    /// `(seq s)`: an APersistentMap$KeySeq, nil when empty.
    pub fn seq(&self) -> Value {
        self.map.keys_seq()
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> HashSet {
        HashSet {
            hasheq: HashCache::default(),
            map: self.map.clone(),
            meta,
        }
    }
    /// `(empty s)`: keeps the metadata.
    pub fn empty_like(&self) -> HashSet {
        HashSet {
            hasheq: HashCache::default(),
            map: HashMap::empty(),
            meta: self.meta.clone(),
        }
    }
}
