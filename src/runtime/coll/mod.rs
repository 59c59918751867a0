//! Persistent collections with Clojure's layouts.

mod array_map;
mod hash_map;
mod hash_set;
mod list;
mod map_entry;
mod queue;
mod sorted;
mod transient;
pub mod vector;

pub use array_map::ArrayMap;
pub use hash_map::HashMap;
pub use hash_set::HashSet;
pub use list::List;
pub use map_entry::MapEntry;
pub use queue::{Queue, QueueSeq};
pub use sorted::{SortedMap, SortedSet};
pub use transient::{TransientMap, TransientSet};
pub use vector::{ChunkedSeq, SubVector, TransientVector, Vector, VectorRSeq, VectorSeq};

use crate::runtime::equality::equiv;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

impl Value {
    /// A map from pairs; a later duplicate key replaces the earlier value
    /// (as `hash-map` does). Array-map up to 8 entries, hash-map above.
    pub fn map_from_pairs(pairs: Vec<(Value, Value)>) -> Value {
        let mut entries: Vec<(Value, Value)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match entries.iter_mut().find(|(ek, _)| equiv(ek, &k)) {
                Some(e) => e.1 = v,
                None => entries.push((k, v)),
            }
        }
        if entries.len() <= 8 {
            Value::from(Ref::new(ArrayMap {
                entries,
                meta: None,
            }))
        } else {
            Value::from(Ref::new(HashMap {
                entries,
                meta: None,
            }))
        }
    }
    /// A hash-set; duplicates collapse.
    pub fn set_from(items: Vec<Value>) -> Value {
        let mut out: Vec<Value> = Vec::with_capacity(items.len());
        for x in items {
            if !out.iter().any(|y| equiv(y, &x)) {
                out.push(x);
            }
        }
        Value::from(Ref::new(HashSet {
            items: out,
            meta: None,
        }))
    }
}
