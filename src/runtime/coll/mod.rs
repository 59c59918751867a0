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
pub use sorted::{Comparator as SortedComparator, SortedMap, SortedSet};
pub use transient::{TransientMap, TransientSet};
pub(crate) use vector::TrieNode;
pub use vector::{ChunkedSeq, SubVector, TransientVector, Vector, VectorRSeq, VectorSeq};

use crate::runtime::equality::equiv;
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;
use sorted::Comparator;

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
        Value::map_from_pair_iter(n, pairs.into_iter())
    }
    /// A map literal's value from its keys and values in turn (`k1 v1 k2
    /// v2 ...`), as [`Value::map_from_pairs`] without an intermediate
    /// vector of pairs.
    pub fn map_from_flat(kvs: impl IntoIterator<Item = Value>) -> Value {
        let mut kvs = kvs.into_iter();
        let n = kvs.size_hint().0 / 2;
        let pairs = std::iter::from_fn(move || Some((kvs.next()?, kvs.next()?)));
        Value::map_from_pair_iter(n, pairs)
    }
    fn map_from_pair_iter(n: usize, mut it: impl Iterator<Item = (Value, Value)>) -> Value {
        let mut entries: Vec<(Value, Value)> = Vec::with_capacity(n.min(8));
        for (k, v) in it.by_ref() {
            if let Some(e) = entries.iter_mut().find(|(ek, _)| same_key(ek, &k)) {
                e.1 = v;
                continue;
            }
            match entries.len() < 8 {
                true => entries.push((k, v)),
                false => {
                    // A ninth distinct key: hash map built in input order.
                    let mut m = HashMap::from_pairs(entries);
                    m.assoc_mut(k, v);
                    for (k, v) in it {
                        m.assoc_mut(k, v);
                    }
                    return Value::from(Ref::new(m));
                }
            }
        }
        Value::from(Ref::new(ArrayMap::from_distinct(entries)))
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
