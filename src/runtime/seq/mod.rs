//! The seq abstraction: `seq`, `first`, `next`, `rest` over every collection,
//! string and nil, plus the seq types themselves.

mod placeholder;

pub use placeholder::{
    ArraySeq, ChunkedSeq, Cons, Cycle, Iterate, LazySeq, LongRange, Range, Repeat,
};

use crate::runtime::error::{Result, err};
use crate::runtime::value::{Value, View};

/// `(seq x)`: nil for empty collections and nil, else a seq value.
pub fn seq(x: &Value) -> Result<Value> {
    match x.view() {
        View::Nil => Ok(Value::NIL),
        View::List(l) => Ok(if l.is_empty() { Value::NIL } else { x.clone() }),
        View::Cons(_) | View::ArraySeq(_) => Ok(x.clone()),
        View::Vector(v) => Ok(ArraySeq::value(v.iter().cloned().collect())),
        View::ArrayMap(m) => Ok(ArraySeq::value(
            m.iter()
                .map(|(k, v)| Value::map_entry(k.clone(), v.clone()))
                .collect(),
        )),
        View::HashMap(m) => Ok(ArraySeq::value(
            m.iter()
                .map(|(k, v)| Value::map_entry(k.clone(), v.clone()))
                .collect(),
        )),
        View::HashSet(s) => Ok(ArraySeq::value(s.iter().cloned().collect())),
        View::Str(s) => Ok(ArraySeq::value(
            s.as_str().chars().map(Value::char).collect(),
        )),
        View::MapEntry(e) => Ok(ArraySeq::value(vec![e.key().clone(), e.val().clone()])),
        _ => err::illegal_arg(format!(
            "Don't know how to create ISeq from: {}",
            x.class_name()
        )),
    }
}

/// `(first x)`.
pub fn first(x: &Value) -> Result<Value> {
    match x.view() {
        View::List(l) => Ok(l.first().clone()),
        View::Cons(c) => Ok(c.first.clone()),
        View::ArraySeq(a) => Ok(a.first()),
        _ => {
            let s = seq(x)?;
            if s.is_nil() {
                Ok(Value::NIL)
            } else {
                first(&s)
            }
        }
    }
}

/// `(next x)`: nil when nothing follows.
pub fn next(x: &Value) -> Result<Value> {
    match x.view() {
        View::List(l) => Ok(match l.next() {
            Some(r) => Value::from(r.clone()),
            None => Value::NIL,
        }),
        View::Cons(c) => seq(&c.rest),
        View::ArraySeq(a) => Ok(a.next()),
        _ => {
            let s = seq(x)?;
            if s.is_nil() { Ok(Value::NIL) } else { next(&s) }
        }
    }
}

/// Iterate any seqable value from Rust. Each item is a `Result` because
/// realising a lazy seq can throw.
pub struct SeqIter {
    cur: Value,
    started: bool,
}

impl Iterator for SeqIter {
    type Item = Result<Value>;
    fn next(&mut self) -> Option<Result<Value>> {
        let step = if self.started {
            next(&self.cur)
        } else {
            self.started = true;
            seq(&self.cur)
        };
        match step {
            Err(e) => Some(Err(e)),
            Ok(s) if s.is_nil() => None,
            Ok(s) => {
                let f = first(&s);
                self.cur = s;
                Some(f)
            }
        }
    }
}

pub fn iter(x: &Value) -> SeqIter {
    SeqIter {
        cur: x.clone(),
        started: false,
    }
}
