//! clojure.lang.Reduced: the box `reduced` puts around a value to stop a
//! reduction early.

use crate::runtime::gc::Ref;
use crate::runtime::value::{Value, View};

pub struct Reduced {
    val: Value,
}

impl Reduced {
    pub fn val(&self) -> &Value {
        &self.val
    }
}

impl Value {
    /// `(reduced x)`.
    pub fn reduced(x: Value) -> Value {
        Value::from(Ref::new(Reduced { val: x }))
    }
    /// The value inside a Reduced, None for anything else.
    pub fn as_reduced(&self) -> Option<&Value> {
        match self.view() {
            View::Reduced(r) => Some(&r.val),
            _ => None,
        }
    }
}
