//! clojure.lang.Cycle: `(cycle coll)`, the items of a seq repeated forever.

use super::drop::{Tails, drop_tails, push_tail};
use super::{SeqNode, first, next, seq};
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;
use std::sync::OnceLock;

pub struct Cycle {
    /// The whole cycle, a non-empty seq.
    all: Value,
    /// The seq whose `next` is this item's position (nil for the first).
    prev: Value,
    /// This item's position in `all`, realised lazily.
    current: OnceLock<Value>,
    next: OnceLock<Value>,
    meta: Option<Value>,
}

impl Cycle {
    fn make(all: Value, prev: Value, current: OnceLock<Value>, meta: Option<Value>) -> Cycle {
        Cycle {
            all,
            prev,
            current,
            next: OnceLock::new(),
            meta,
        }
    }
    /// `(cycle coll)`: `()` for an empty coll.
    pub fn create(coll: &Value) -> Result<Value> {
        let all = seq(coll)?;
        if all.is_nil() {
            return Ok(Value::empty_list());
        }
        let current = OnceLock::from(all.clone());
        Ok(Value::from(Ref::new(Cycle::make(
            all,
            Value::NIL,
            current,
            None,
        ))))
    }
    fn current(&self) -> Result<Value> {
        if let Some(c) = self.current.get() {
            return Ok(c.clone());
        }
        let c = next(&self.prev)?;
        let c = if c.is_nil() { self.all.clone() } else { c };
        Ok(self.current.get_or_init(|| c).clone())
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Cycle {
        let current = OnceLock::new();
        if let Some(c) = self.current.get() {
            let _ = current.set(c.clone());
        }
        Cycle::make(self.all.clone(), self.prev.clone(), current, meta)
    }
}

impl SeqNode for Cycle {
    fn first(&self) -> Result<Value> {
        first(&self.current()?)
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        if let Some(n) = self.next.get() {
            return Ok(n.clone());
        }
        let cur = self.current()?;
        let n = self.next.get_or_init(|| {
            Value::from(Ref::new(Cycle::make(
                self.all.clone(),
                cur,
                OnceLock::new(),
                None,
            )))
        });
        Ok(n.clone())
    }
}

impl Tails for Cycle {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        if let Some(n) = self.next.take() {
            push_tail(out, n);
        }
    }
}

impl Drop for Cycle {
    fn drop(&mut self) {
        drop_tails(self);
    }
}
