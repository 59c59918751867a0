//! PersistentTreeMap / PersistentTreeSet (red-black tree). PLACEHOLDER (issue #2).
#![allow(dead_code)] // placeholder until issue #2 lands its body

use crate::runtime::value::Value;

pub struct SortedMap {
    pub(crate) entries: Vec<(Value, Value)>,
    pub(crate) comparator: Option<Value>,
    pub(crate) meta: Option<Value>,
}

pub struct SortedSet {
    pub(crate) items: Vec<Value>,
    pub(crate) comparator: Option<Value>,
    pub(crate) meta: Option<Value>,
}
