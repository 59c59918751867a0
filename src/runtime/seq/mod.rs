//! The seq abstraction: `seq`, `first`, `next`, `rest` over every collection,
//! string and nil, plus the seq types themselves.

mod placeholder;

pub use crate::runtime::coll::ChunkedSeq;
pub use placeholder::{ArraySeq, Cons, Cycle, Iterate, LazySeq, LongRange, Range, Repeat};

use crate::runtime::error::{Result, err};
use crate::runtime::value::{Value, View};

/// `(seq x)`: nil for empty collections and nil, else a seq value.
pub fn seq(x: &Value) -> Result<Value> {
    match x.view() {
        View::Nil => Ok(Value::NIL),
        View::List(l) => Ok(if l.is_empty() { Value::NIL } else { x.clone() }),
        View::Cons(_) | View::ArraySeq(_) => Ok(x.clone()),
        View::Vector(_) | View::SubVector(_) | View::Queue(_) => {
            Ok(crate::runtime::coll::vector::vector_family_seq(x).unwrap_or(Value::NIL))
        }
        View::ChunkedSeq(_) | View::VectorSeq(_) | View::VectorRSeq(_) | View::QueueSeq(_) => {
            Ok(x.clone())
        }
        View::ArrayMap(m) => Ok(m.seq()),
        View::HashMap(m) => Ok(m.seq()),
        View::HashSet(s) => Ok(s.seq()),
        View::SortedMap(m) => Ok(m.seq()),
        View::SortedSet(s) => Ok(s.seq()),
        View::MapSeq(_) => Ok(x.clone()),
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
        View::ChunkedSeq(s) => Ok(s.first()),
        View::VectorSeq(s) => Ok(s.first()),
        View::VectorRSeq(s) => Ok(s.first()),
        View::QueueSeq(s) => Ok(s.first()),
        View::MapSeq(m) => Ok(m.first()),
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
        View::ChunkedSeq(s) => Ok(s.next()),
        View::VectorSeq(s) => Ok(s.next()),
        View::VectorRSeq(s) => Ok(s.next()),
        View::QueueSeq(s) => Ok(s.next()),
        View::MapSeq(m) => Ok(m.next()),
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
