//! ArraySeq (a seq over a shared slice of values) and StringSeq (a seq over
//! the characters of a string).

use super::SeqNode;
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::string::Str;
use crate::runtime::value::Value;

/// clojure.lang.ArraySeq: items shared between all the seqs that step
/// through them; `i` is this seq's position. Never empty.
pub struct ArraySeq {
    items: Ref<Vec<Value>>,
    i: usize,
    meta: Option<Value>,
}

impl ArraySeq {
    /// A seq over items, or nil when empty.
    pub fn value(items: Vec<Value>) -> Value {
        ArraySeq::from_shared(Ref::new(items), 0)
    }
    /// A seq over `items[i..]`, or nil when that is empty.
    pub fn from_shared(items: Ref<Vec<Value>>, i: usize) -> Value {
        if i >= items.len() {
            return Value::NIL;
        }
        Value::from(Ref::new(ArraySeq {
            items,
            i,
            meta: None,
        }))
    }
    pub fn first(&self) -> Value {
        self.items.get(self.i).cloned().unwrap_or(Value::NIL)
    }
    pub fn next(&self) -> Value {
        ArraySeq::from_shared(self.items.clone(), self.i + 1)
    }
    /// Items left, this one included.
    pub fn count(&self) -> usize {
        self.items.len().saturating_sub(self.i)
    }
    /// Become `next` in place (see `seq::next_owned`); false at the end.
    pub(super) fn advance(&mut self) -> bool {
        if self.i + 1 >= self.items.len() {
            return false;
        }
        self.i += 1;
        self.meta = None;
        true
    }
    /// The items left, as a slice.
    pub fn as_slice(&self) -> &[Value] {
        self.items.get(self.i..).unwrap_or(&[])
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> ArraySeq {
        ArraySeq {
            items: self.items.clone(),
            i: self.i,
            meta,
        }
    }
}

impl SeqNode for ArraySeq {
    fn first(&self) -> Result<Value> {
        Ok(ArraySeq::first(self))
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        Ok(ArraySeq::next(self))
    }
    fn counted(&self) -> Result<Option<usize>> {
        Ok(Some(self.count()))
    }
}

/// clojure.lang.StringSeq: the characters of a string from byte offset `i`.
/// Never empty. Steps by Unicode scalar value: a character outside the BMP
/// is one item here, where the JVM yields its two UTF-16 surrogates.
pub struct StringSeq {
    s: Ref<Str>,
    i: usize,
    meta: Option<Value>,
}

impl StringSeq {
    /// `(seq s)` for a string: nil when `s[i..]` is empty.
    pub fn value(s: Ref<Str>, i: usize) -> Value {
        if i >= s.as_str().len() {
            return Value::NIL;
        }
        Value::from(Ref::new(StringSeq { s, i, meta: None }))
    }
    fn rest_str(&self) -> &str {
        self.s.as_str().get(self.i..).unwrap_or("")
    }
    pub fn first(&self) -> Value {
        match self.rest_str().chars().next() {
            Some(c) => Value::char(c),
            None => Value::NIL,
        }
    }
    pub fn next(&self) -> Value {
        let step = self.rest_str().chars().next().map_or(1, char::len_utf8);
        StringSeq::value(self.s.clone(), self.i + step)
    }
    /// Characters left, this one included.
    pub fn count(&self) -> usize {
        self.rest_str().chars().count()
    }
    /// Become `next` in place (see `seq::next_owned`); false at the end.
    pub(super) fn advance(&mut self) -> bool {
        let step = self.rest_str().chars().next().map_or(1, char::len_utf8);
        if self.i + step >= self.s.as_str().len() {
            return false;
        }
        self.i += step;
        self.meta = None;
        true
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> StringSeq {
        StringSeq {
            s: self.s.clone(),
            i: self.i,
            meta,
        }
    }
}

impl SeqNode for StringSeq {
    fn first(&self) -> Result<Value> {
        Ok(StringSeq::first(self))
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        Ok(StringSeq::next(self))
    }
    fn counted(&self) -> Result<Option<usize>> {
        Ok(Some(self.count()))
    }
}
