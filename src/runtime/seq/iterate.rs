//! clojure.lang.Iterate: `(iterate f x)`. Each item is computed once, on
//! first use, by calling `f` on the previous item.

use super::SeqNode;
use super::drop::{Tails, drop_tails, push_tail};
use crate::runtime::error::Result;
use crate::runtime::func::invoke;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;
use std::sync::OnceLock;

pub struct Iterate {
    f: Value,
    prev_seed: Value,
    /// This item: `(f prev_seed)`, computed lazily.
    seed: OnceLock<Value>,
    next: OnceLock<Value>,
    meta: Option<Value>,
}

impl Iterate {
    fn make(f: Value, prev_seed: Value, seed: OnceLock<Value>, meta: Option<Value>) -> Iterate {
        Iterate {
            f,
            prev_seed,
            seed,
            next: OnceLock::new(),
            meta,
        }
    }
    /// `(iterate f x)`.
    pub fn create(f: Value, seed: Value) -> Value {
        Value::from(Ref::new(Iterate::make(
            f,
            Value::NIL,
            OnceLock::from(seed),
            None,
        )))
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Iterate {
        let seed = OnceLock::new();
        if let Some(s) = self.seed.get() {
            let _ = seed.set(s.clone());
        }
        Iterate::make(self.f.clone(), self.prev_seed.clone(), seed, meta)
    }
}

impl SeqNode for Iterate {
    fn first(&self) -> Result<Value> {
        if let Some(s) = self.seed.get() {
            return Ok(s.clone());
        }
        let v = invoke(&self.f, std::slice::from_ref(&self.prev_seed))?;
        // Under a race the first value stored wins (the JVM races the same way).
        Ok(self.seed.get_or_init(|| v).clone())
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        if let Some(n) = self.next.get() {
            return Ok(n.clone());
        }
        let seed = self.first()?;
        let n = self.next.get_or_init(|| {
            Value::from(Ref::new(Iterate::make(
                self.f.clone(),
                seed,
                OnceLock::new(),
                None,
            )))
        });
        Ok(n.clone())
    }
}

impl Tails for Iterate {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        if let Some(n) = self.next.take() {
            push_tail(out, n);
        }
    }
}

impl Drop for Iterate {
    fn drop(&mut self) {
        drop_tails(self);
    }
}
