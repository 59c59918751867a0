//! The parts of clojure.lang.ARef shared by refs and agents: metadata, a
//! validator and watches (atoms keep their own copy in state.rs).

use super::coll::HashMap;
use super::error::Result;
use super::func::invoke;
use super::gc::{Lock, lock};
use super::state::validate;
use super::value::Value;

pub struct RefBase {
    pub(in crate::runtime) meta: Lock<Value>,
    pub(in crate::runtime) validator: Lock<Option<Value>>,
    /// ARef keeps watches in a PersistentHashMap and notifies in its order.
    pub(in crate::runtime) watches: Lock<HashMap>,
}

impl Default for RefBase {
    fn default() -> Self {
        Self::new()
    }
}

impl RefBase {
    pub fn new() -> RefBase {
        RefBase {
            meta: Lock::new(Value::NIL),
            validator: Lock::new(None),
            watches: Lock::new(HashMap::empty()),
        }
    }
    pub fn meta(&self) -> Value {
        lock(&self.meta).clone()
    }
    pub fn set_meta(&self, m: Value) {
        *lock(&self.meta) = m;
    }
    pub fn validator(&self) -> Option<Value> {
        lock(&self.validator).clone()
    }
    /// ARef.setValidator: `current` (the state now) must pass the new one.
    pub fn set_validator(&self, f: Option<Value>, current: &Value) -> Result<()> {
        validate(&f, current)?;
        *lock(&self.validator) = f;
        Ok(())
    }
    /// Run the validator on a candidate state.
    pub fn validate(&self, v: &Value) -> Result<()> {
        validate(&self.validator(), v)
    }
    pub fn add_watch(&self, key: Value, f: Value) {
        let mut w = lock(&self.watches);
        *w = w.assoc(key, f);
    }
    pub fn remove_watch(&self, key: &Value) {
        let mut w = lock(&self.watches);
        *w = w.without(key);
    }
    pub fn has_watches(&self) -> bool {
        lock(&self.watches).count() > 0
    }
    /// Call every watch with (key ref old new).
    pub fn notify_watches(&self, this: &Value, old: &Value, new: &Value) -> Result<()> {
        let ws: Vec<(Value, Value)> = {
            let w = lock(&self.watches);
            w.iter().map(|(k, f)| (k.clone(), f.clone())).collect()
        };
        for (k, f) in ws {
            invoke(&f, &[k, this.clone(), old.clone(), new.clone()])?;
        }
        Ok(())
    }
}
