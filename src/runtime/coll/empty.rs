//! The shared empty collections. The JVM compiles an empty collection
//! literal (`[]`, `()`, `{}`, `#{}`, quoted or not) to one static instance
//! (PersistentVector.EMPTY...), and `(vector)`, `(list)`, `(hash-map)`...
//! return it too, so `(identical? [] [])` is true. Under `threads` the
//! instances are process-wide; without it each thread has its own (Rc).

use super::{ArrayMap, HashSet, List, Vector};
use crate::runtime::gc::Ref;
use crate::runtime::value::{Value, View};

struct Empties {
    vector: Value,
    list: Value,
    map: Value,
    set: Value,
}

impl Empties {
    fn new() -> Empties {
        Empties {
            vector: Value::from(Ref::new(Vector::from_vec(Vec::new()))),
            list: Value::from(Ref::new(List::empty())),
            map: Value::from(Ref::new(ArrayMap::from_distinct(Vec::new()))),
            set: Value::from(Ref::new(HashSet::from_items(Vec::new()))),
        }
    }
}

#[cfg(feature = "threads")]
fn with_empties<R>(f: impl FnOnce(&Empties) -> R) -> R {
    static E: std::sync::OnceLock<Empties> = std::sync::OnceLock::new();
    f(E.get_or_init(Empties::new))
}

#[cfg(not(feature = "threads"))]
fn with_empties<R>(f: impl FnOnce(&Empties) -> R) -> R {
    thread_local! {
        static E: Empties = Empties::new();
    }
    E.with(f)
}

impl Value {
    /// PersistentVector.EMPTY.
    pub fn empty_vector() -> Value {
        with_empties(|e| e.vector.clone())
    }
    /// PersistentList.EMPTY.
    pub fn empty_list() -> Value {
        with_empties(|e| e.list.clone())
    }
    /// PersistentArrayMap.EMPTY.
    pub fn empty_map() -> Value {
        with_empties(|e| e.map.clone())
    }
    /// PersistentHashSet.EMPTY.
    pub fn empty_set() -> Value {
        with_empties(|e| e.set.clone())
    }
}

/// The shared instance for an empty vector, list, array map or hash set
/// without metadata (what the JVM compiler emits for such a constant); any
/// other value as it is.
pub fn canonical_empty(v: Value) -> Value {
    match v.view() {
        View::Vector(x) if x.is_empty() && x.meta().is_none() => Value::empty_vector(),
        View::List(x) if x.is_empty() && x.meta().is_none() => Value::empty_list(),
        View::ArrayMap(x) if x.is_empty() && x.meta().is_none() => Value::empty_map(),
        View::HashSet(x) if x.count() == 0 && x.meta().is_none() => Value::empty_set(),
        _ => v,
    }
}
