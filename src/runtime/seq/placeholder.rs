//! Seq types. PLACEHOLDER BODIES (issue #2): Cons and ArraySeq work, the rest
//! are declared so `Value` can name them.
#![allow(dead_code)] // placeholder until issue #2 lands its body

use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

pub struct Cons {
    pub(crate) first: Value,
    pub(crate) rest: Value,
    pub(crate) meta: Option<Value>,
}

pub struct ArraySeq {
    items: Ref<Vec<Value>>,
    i: usize,
}

impl ArraySeq {
    /// A seq over items, or nil when empty.
    pub fn value(items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::NIL;
        }
        Value::from(Ref::new(ArraySeq {
            items: Ref::new(items),
            i: 0,
        }))
    }
    pub fn first(&self) -> Value {
        self.items[self.i].clone()
    }
    pub fn next(&self) -> Value {
        if self.i + 1 >= self.items.len() {
            Value::NIL
        } else {
            Value::from(Ref::new(ArraySeq {
                items: self.items.clone(),
                i: self.i + 1,
            }))
        }
    }
}

pub struct LazySeq {}
pub struct LongRange {}
pub struct Range {}
pub struct Repeat {}
pub struct Iterate {}
pub struct Cycle {}
