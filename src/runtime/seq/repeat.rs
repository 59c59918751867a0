//! clojure.lang.Repeat: `(repeat x)` and `(repeat n x)`.

use super::SeqNode;
use super::drop::{Tails, drop_tails, push_tail};
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;
use std::sync::OnceLock;

/// Never empty: `count` is None (infinite) or at least 1.
pub struct Repeat {
    count: Option<u64>,
    val: Value,
    next: OnceLock<Value>,
    meta: Option<Value>,
}

impl Repeat {
    fn make(count: Option<u64>, val: Value, meta: Option<Value>) -> Repeat {
        Repeat {
            count,
            val,
            next: OnceLock::new(),
            meta,
        }
    }
    /// `(repeat x)`.
    pub fn infinite(val: Value) -> Value {
        Value::from(Ref::new(Repeat::make(None, val, None)))
    }
    /// `(repeat n x)`: `()` when n <= 0.
    pub fn create(n: i64, val: Value) -> Value {
        if n <= 0 {
            return Value::empty_list();
        }
        Value::from(Ref::new(Repeat::make(Some(n as u64), val, None)))
    }
    pub fn val(&self) -> &Value {
        &self.val
    }
    /// Items left; None when infinite.
    pub fn count(&self) -> Option<u64> {
        self.count
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Repeat {
        Repeat::make(self.count, self.val.clone(), meta)
    }
}

impl SeqNode for Repeat {
    fn first(&self) -> Result<Value> {
        Ok(self.val.clone())
    }
    fn next(&self, this: &Value) -> Result<Value> {
        Ok(match self.count {
            // An infinite repeat is its own next, as on the JVM.
            None => this.clone(),
            Some(n) if n > 1 => self
                .next
                .get_or_init(|| {
                    Value::from(Ref::new(Repeat::make(Some(n - 1), self.val.clone(), None)))
                })
                .clone(),
            Some(_) => Value::NIL,
        })
    }
    fn counted(&self) -> Result<Option<usize>> {
        // Not Counted on the JVM, but walking a finite repeat gives the same.
        Ok(self.count.map(|n| n as usize))
    }
}

impl Tails for Repeat {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        if let Some(n) = self.next.take() {
            push_tail(out, n);
        }
    }
}

impl Drop for Repeat {
    fn drop(&mut self) {
        drop_tails(self);
    }
}
