//! PersistentQueue. PLACEHOLDER (issue #2).
#![allow(dead_code)] // placeholder until issue #2 lands its body

use crate::runtime::value::Value;

pub struct Queue {
    pub(crate) items: Vec<Value>,
    pub(crate) meta: Option<Value>,
}
