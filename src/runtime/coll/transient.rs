//! Transient hash map / set. PLACEHOLDER (issue #2).
#![allow(dead_code)] // placeholder until issue #2 lands its body

use crate::runtime::gc::Lock;
use crate::runtime::value::Value;

pub struct TransientMap {
    pub(crate) entries: Lock<Option<Vec<(Value, Value)>>>,
}

pub struct TransientSet {
    pub(crate) items: Lock<Option<Vec<Value>>>,
}
