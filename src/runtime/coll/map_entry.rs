//! MapEntry: a key/value pair; a vector of two for every other purpose.

use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

pub struct MapEntry {
    pub(in crate::runtime) key: Value,
    pub(in crate::runtime) val: Value,
}

impl MapEntry {
    pub fn new(key: Value, val: Value) -> MapEntry {
        MapEntry { key, val }
    }
    pub fn key(&self) -> &Value {
        &self.key
    }
    pub fn val(&self) -> &Value {
        &self.val
    }
}

impl Value {
    pub fn map_entry(key: Value, val: Value) -> Value {
        Value::from(Ref::new(MapEntry::new(key, val)))
    }
}
