//! PersistentArrayMap: entries in insertion order in one shared array.
//! Growing past 8 entries (the JVM's HASHTABLE_THRESHOLD of 16 array slots)
//! turns it into a PersistentHashMap.

use super::hash_map::{HashMap, MapSeq, SeqKeys};
use crate::runtime::equality::equiv;
use crate::runtime::gc::Ref;
use crate::runtime::hash::HashCache;
use crate::runtime::value::Value;

/// Most entries an array map grows to by `assoc` (JVM: 16 slots / 2).
pub(crate) const ARRAY_MAP_MAX: usize = 8;

#[derive(Clone, Default)]
pub struct ArrayMap {
    /// Shared with seqs and `with_meta` copies, as the JVM shares its array.
    pub(in crate::runtime) entries: Ref<Vec<(Value, Value)>>,
    pub(in crate::runtime) meta: Option<Value>,
    /// Cached `hash` (the JVM's `_hasheq`): see runtime::hash::HashCache.
    pub(crate) hasheq: HashCache,
}

impl ArrayMap {
    pub fn empty() -> ArrayMap {
        ArrayMap::default()
    }
    /// Wrap entries whose keys are already distinct (any number, as
    /// `array-map` allows).
    pub(crate) fn from_distinct(entries: Vec<(Value, Value)>) -> ArrayMap {
        ArrayMap {
            hasheq: HashCache::default(),
            entries: Ref::new(entries),
            meta: None,
        }
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    fn index_of(&self, k: &Value) -> Option<usize> {
        if let Some(k) = k.as_keyword() {
            // keywords are interned: identity is equality
            return self
                .entries
                .iter()
                .position(|(ek, _)| ek.as_keyword().is_some_and(|e| std::ptr::eq(e, k)));
        }
        self.entries.iter().position(|(ek, _)| equiv(ek, k))
    }
    #[inline]
    pub fn entry(&self, k: &Value) -> Option<(&Value, &Value)> {
        self.index_of(k)
            .and_then(|i| self.entries.get(i))
            .map(|(k, v)| (k, v))
    }
    pub fn get(&self, k: &Value) -> Option<&Value> {
        self.entry(k).map(|(_, v)| v)
    }
    pub fn contains_key(&self, k: &Value) -> bool {
        self.index_of(k).is_some()
    }
    /// `(assoc m k v)`: replaces in place (keeping the key object and its
    /// position), appends a new key, or becomes a hash map at 8 entries.
    pub fn assoc(&self, k: Value, v: Value) -> Value {
        if let Some(i) = self.index_of(&k) {
            let mut entries = (*self.entries).clone();
            if let Some(e) = entries.get_mut(i) {
                e.1 = v;
            }
            return self.with_entries(entries);
        }
        if self.entries.len() >= ARRAY_MAP_MAX {
            let m = HashMap::from_pairs(self.entries.iter().cloned())
                .with_meta(self.meta.clone())
                .assoc(k, v);
            return Value::from(Ref::new(m));
        }
        let mut entries = Vec::with_capacity(self.entries.len() + 1);
        entries.extend(self.entries.iter().cloned());
        entries.push((k, v));
        self.with_entries(entries)
    }
    /// `(dissoc m k)`: order of the rest is kept; metadata too.
    pub fn without(&self, k: &Value) -> Value {
        let Some(i) = self.index_of(k) else {
            return Value::from(Ref::new(self.clone()));
        };
        let entries = self
            .entries
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, e)| e.clone())
            .collect();
        self.with_entries(entries)
    }
    fn with_entries(&self, entries: Vec<(Value, Value)>) -> Value {
        Value::from(Ref::new(ArrayMap {
            hasheq: HashCache::default(),
            entries: Ref::new(entries),
            meta: self.meta.clone(),
        }))
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        self.entries.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> + '_ {
        self.entries.iter().map(|(k, _)| k)
    }
    pub(crate) fn entries(&self) -> &[(Value, Value)] {
        &self.entries
    }
    /// `(seq m)`: a PersistentArrayMap$Seq of map entries, nil when empty.
    pub fn seq(&self) -> Value {
        MapSeq::of_array(&self.entries, SeqKeys::Entries)
    }
    /// `(keys m)`: an APersistentMap$KeySeq, nil when empty.
    pub fn keys_seq(&self) -> Value {
        MapSeq::of_array(&self.entries, SeqKeys::Keys)
    }
    /// `(vals m)`: an APersistentMap$ValSeq, nil when empty.
    pub fn vals_seq(&self) -> Value {
        MapSeq::of_array(&self.entries, SeqKeys::Vals)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> ArrayMap {
        ArrayMap {
            hasheq: HashCache::default(),
            entries: self.entries.clone(),
            meta,
        }
    }
    /// `(empty m)`: keeps the metadata.
    pub fn empty_like(&self) -> ArrayMap {
        ArrayMap {
            hasheq: HashCache::default(),
            entries: Ref::default(),
            meta: self.meta.clone(),
        }
    }
}
