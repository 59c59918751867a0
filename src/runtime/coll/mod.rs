//! Persistent collections with Clojure's layouts.

mod array_map;
mod empty;
mod hash_map;
mod hash_set;
mod list;
mod map_entry;
pub mod ops;
mod queue;
mod sorted;
mod transient;
pub mod vector;

pub use array_map::ArrayMap;
pub use empty::canonical_empty;
pub use hash_map::HashMap;
pub use hash_map::MapSeq;
pub(crate) use hash_map::{Node as HamtNode, Slot as HamtSlot};
pub use hash_set::HashSet;
pub use list::List;
pub use map_entry::MapEntry;
pub use queue::{Queue, QueueSeq};
pub use sorted::{Comparator as SortedComparator, SortedMap, SortedSet, fn_compare_int};
pub use transient::{TransientMap, TransientSet};
pub(crate) use vector::TrieNode;
pub use vector::{ChunkedSeq, SubVector, TransientVector, Vector, VectorRSeq, VectorSeq};

use crate::runtime::equality::equiv;
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;
use sorted::Comparator;

/// IllegalArgumentException "Duplicate key: k" (k as Java's toString:
/// nil is null) of the map/set factories that check.
pub fn duplicate_key(k: &Value) -> crate::runtime::error::Exception {
    crate::runtime::error::Exception::new(
        crate::runtime::error::ExClass::IllegalArgumentException,
        match k.is_nil() {
            true => "Duplicate key: null".to_string(),
            false => format!(
                "Duplicate key: {}",
                crate::runtime::printer::str_value(k).unwrap_or_default()
            ),
        },
    )
}

/// Map key equality with keywords (interned: equal only to themselves)
/// compared by pointer and nothing else.
#[inline]
pub(crate) fn same_key(a: &Value, b: &Value) -> bool {
    if b.is_keyword() || a.is_keyword() {
        return a.identical(b);
    }
    equiv(a, b)
}

impl Value {
    /// A map from pairs; a later duplicate key replaces the earlier value
    /// (the first key object stays). Array map up to 8 entries, hash map
    /// above (as a `{...}` literal).
    pub fn map_from_pairs(pairs: Vec<(Value, Value)>) -> Value {
        let n = pairs.len();
        // (Unchecked: cannot fail.)
        Value::map_from_pair_iter(n, pairs.into_iter(), false).unwrap_or_default()
    }
    /// A map from keys and values in turn (`k1 v1 k2 v2 ...`), as
    /// [`Value::map_from_pairs`] without an intermediate vector of pairs.
    pub fn map_from_flat(kvs: impl IntoIterator<Item = Value>) -> Value {
        let mut kvs = kvs.into_iter();
        let n = kvs.size_hint().0 / 2;
        let pairs = std::iter::from_fn(move || Some((kvs.next()?, kvs.next()?)));
        // (Unchecked: cannot fail.)
        Value::map_from_pair_iter(n, pairs, false).unwrap_or_default()
    }
    /// A `{...}` literal's value at run time (RT.map: createWithCheck): a
    /// repeated key throws IllegalArgumentException "Duplicate key: k", a
    /// key whose hash throws propagates.
    pub fn map_literal(kvs: impl IntoIterator<Item = Value>) -> Result<Value> {
        let mut kvs = kvs.into_iter();
        let n = kvs.size_hint().0 / 2;
        let pairs = std::iter::from_fn(move || Some((kvs.next()?, kvs.next()?)));
        Value::map_from_pair_iter(n, pairs, true)
    }
    /// Array map up to 8 entries, hash map above (as a `{...}` literal). A
    /// later duplicate key replaces the earlier value, or with `check`
    /// throws as [`Value::map_literal`] says.
    fn map_from_pair_iter(
        n: usize,
        mut it: impl Iterator<Item = (Value, Value)>,
        check: bool,
    ) -> Result<Value> {
        let mut entries: Vec<(Value, Value)> = Vec::with_capacity(n.min(8));
        for (k, v) in it.by_ref() {
            if let Some(e) = entries.iter_mut().find(|(ek, _)| same_key(ek, &k)) {
                if check {
                    // PersistentArrayMap.createWithCheck names the first.
                    return Err(duplicate_key(&e.0));
                }
                e.1 = v;
                continue;
            }
            match entries.len() < 8 {
                true => entries.push((k, v)),
                false => {
                    // A ninth distinct key: hash map built in input order
                    // (an array map compares keys with equals, a hash map
                    // hashes them: only now can a hash throw).
                    if check {
                        for (k, _) in &entries {
                            crate::runtime::hash::check_key(k)?;
                        }
                        crate::runtime::hash::check_key(&k)?;
                    }
                    let mut m = HashMap::from_pairs(entries);
                    m.assoc_mut(k, v);
                    for (k, v) in it {
                        if check {
                            crate::runtime::hash::check_key(&k)?;
                            let before = m.count();
                            let dup = k.clone();
                            m.assoc_mut(k, v);
                            if m.count() == before {
                                return Err(duplicate_key(&dup));
                            }
                        } else {
                            m.assoc_mut(k, v);
                        }
                    }
                    return Ok(Value::from(Ref::new(m)));
                }
            }
        }
        Ok(Value::from(Ref::new(ArrayMap::from_distinct(entries))))
    }
    /// A `#{...}` literal's value at run time (PersistentHashSet.
    /// createWithCheck): a repeated item throws IllegalArgumentException
    /// "Duplicate key: x", an item whose hash throws propagates.
    pub fn set_literal(items: Vec<Value>) -> Result<Value> {
        let mut s = HashSet::empty();
        for x in items {
            crate::runtime::hash::check_key(&x)?;
            let before = s.count();
            let dup = x.clone();
            s.conj_mut(x);
            if s.count() == before {
                return Err(duplicate_key(&dup));
            }
        }
        Ok(Value::from(Ref::new(s)))
    }
    /// A hash set (`set`, `hash-set`); duplicates collapse.
    pub fn set_from(items: Vec<Value>) -> Value {
        Value::from(Ref::new(HashSet::from_items(items)))
    }
    /// `(sorted-map k v ...)` / `(sorted-map-by f k v ...)` (comparator None
    /// is `compare`); later duplicates win. The comparator may throw.
    pub fn sorted_map_from_pairs(
        pairs: Vec<(Value, Value)>,
        comparator: Option<Value>,
    ) -> Result<Value> {
        let c = match comparator {
            None => Comparator::Default,
            Some(f) => Comparator::from_value(f)?,
        };
        Ok(Value::from(Ref::new(SortedMap::from_pairs(pairs, c)?)))
    }
    /// `(sorted-set x ...)` / `(sorted-set-by f x ...)`.
    pub fn sorted_set_from(items: Vec<Value>, comparator: Option<Value>) -> Result<Value> {
        let c = match comparator {
            None => Comparator::Default,
            Some(f) => Comparator::from_value(f)?,
        };
        Ok(Value::from(Ref::new(SortedSet::from_items(items, c)?)))
    }
}
