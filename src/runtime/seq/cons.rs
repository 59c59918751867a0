//! clojure.lang.Cons: a first item in front of a seq (`cons`).

use super::drop::{Tails, drop_tails, push_tail};
use super::{SeqNode, seq};
use crate::runtime::error::Result;
use crate::runtime::value::Value;

pub struct Cons {
    pub(crate) first: Value,
    /// nil or a seq value (any ISeq: list, lazy seq, cons, ...). Kept
    /// unrealised so `rest` of a cons over a lazy seq stays lazy.
    pub(crate) rest: Value,
    pub(crate) meta: Option<Value>,
}

impl Cons {
    /// A cons cell; `rest` must be nil or a seq (see `seq::cons` for the
    /// checked entry point).
    pub fn new(first: Value, rest: Value) -> Cons {
        Cons {
            first,
            rest,
            meta: None,
        }
    }
    pub fn first(&self) -> &Value {
        &self.first
    }
    /// The tail as stored (nil or a seq), unrealised.
    pub fn rest_raw(&self) -> &Value {
        &self.rest
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Cons {
        Cons {
            first: self.first.clone(),
            rest: self.rest.clone(),
            meta,
        }
    }
}

impl SeqNode for Cons {
    fn first(&self) -> Result<Value> {
        Ok(self.first.clone())
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        seq(&self.rest)
    }
    fn more(&self, _this: &Value) -> Result<Value> {
        Ok(if self.rest.is_nil() {
            Value::empty_list()
        } else {
            self.rest.clone()
        })
    }
}

impl Tails for Cons {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        push_tail(out, std::mem::take(&mut self.rest));
    }
}

impl Drop for Cons {
    fn drop(&mut self) {
        drop_tails(self);
    }
}
