//! PersistentQueue like clojure.lang.PersistentQueue: a front seq (a list,
//! or later the chunked seq of a former rear) plus a rear vector.

use super::list::List;
use super::vector::{ChunkedSeq, Vector};
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

/// The front seq: never empty.
#[derive(Clone)]
pub(crate) enum Front {
    List(Ref<List>),
    Chunked(Ref<ChunkedSeq>),
}

impl Front {
    fn first(&self) -> &Value {
        match self {
            Front::List(l) => l.first(),
            Front::Chunked(c) => c.first_ref(),
        }
    }
    fn next(&self) -> Option<Front> {
        match self {
            Front::List(l) => l.next().map(|r| Front::List(r.clone())),
            Front::Chunked(c) => c.next_seq().map(|s| Front::Chunked(Ref::new(s))),
        }
    }
    fn count(&self) -> usize {
        match self {
            Front::List(l) => l.count(),
            Front::Chunked(c) => c.count(),
        }
    }
    /// `RT.seq(r)` of a rear vector.
    fn of_vector(r: &Ref<Vector>) -> Option<Front> {
        ChunkedSeq::new(r, 0).map(|s| Front::Chunked(Ref::new(s)))
    }
    fn iter(&self) -> FrontIter<'_> {
        match self {
            Front::List(l) => FrontIter::List(l.iter()),
            Front::Chunked(c) => FrontIter::Chunked(c.iter()),
        }
    }
}

enum FrontIter<'a> {
    List(super::list::ListIter<'a>),
    Chunked(super::vector::Iter<'a>),
}

impl<'a> Iterator for FrontIter<'a> {
    type Item = &'a Value;
    fn next(&mut self) -> Option<&'a Value> {
        match self {
            FrontIter::List(i) => i.next(),
            FrontIter::Chunked(i) => i.next(),
        }
    }
}

pub struct Queue {
    cnt: usize,
    front: Option<Front>,
    rear: Option<Ref<Vector>>,
    meta: Option<Value>,
}

impl Queue {
    /// `clojure.lang.PersistentQueue/EMPTY`.
    pub fn empty() -> Queue {
        Queue {
            cnt: 0,
            front: None,
            rear: None,
            meta: None,
        }
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.cnt
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.cnt == 0
    }
    /// The first item; None when empty (`peek` returns nil).
    pub fn peek(&self) -> Option<&Value> {
        self.front.as_ref().map(Front::first)
    }
    pub fn conj(&self, v: Value) -> Queue {
        match &self.front {
            None => Queue {
                cnt: self.cnt + 1,
                front: Some(Front::List(Ref::new(List::from_vec(vec![v])))),
                rear: None,
                meta: self.meta.clone(),
            },
            Some(f) => {
                let rear = match &self.rear {
                    Some(r) => r.conj(v),
                    None => Vector::empty().conj(v),
                };
                Queue {
                    cnt: self.cnt + 1,
                    front: Some(f.clone()),
                    rear: Some(Ref::new(rear)),
                    meta: self.meta.clone(),
                }
            }
        }
    }
    /// Drop the first item. None when empty: `(pop EMPTY)` returns the
    /// queue itself on the JVM, so the caller returns its own value.
    pub fn pop(&self) -> Option<Queue> {
        let f = self.front.as_ref()?;
        let (front, rear) = match f.next() {
            Some(f1) => (Some(f1), self.rear.clone()),
            None => (self.rear.as_ref().and_then(Front::of_vector), None),
        };
        Some(Queue {
            cnt: self.cnt - 1,
            front,
            rear,
            meta: self.meta.clone(),
        })
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.front
            .iter()
            .flat_map(Front::iter)
            .chain(self.rear.iter().flat_map(|r| r.iter()))
    }
    /// `(seq q)`: nil when empty, else a `PersistentQueue$Seq`.
    pub fn seq(self: &Ref<Queue>) -> Value {
        match &self.front {
            None => Value::NIL,
            Some(f) => Value::from(Ref::new(QueueSeq {
                front: f.clone(),
                rear: self.rear.clone(),
                meta: None,
            })),
        }
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> Queue {
        Queue {
            cnt: self.cnt,
            front: self.front.clone(),
            rear: self.rear.clone(),
            meta,
        }
    }
}

/// `PersistentQueue$Seq`: the front seq, then the rear vector's seq.
pub struct QueueSeq {
    front: Front,
    rear: Option<Ref<Vector>>,
    meta: Option<Value>,
}

impl QueueSeq {
    pub fn first(&self) -> Value {
        self.front.first().clone()
    }
    /// nil at the end.
    pub fn next(&self) -> Value {
        let (front, rear) = match self.front.next() {
            Some(f1) => (f1, self.rear.clone()),
            None => match self.rear.as_ref().and_then(Front::of_vector) {
                Some(f1) => (f1, None),
                None => return Value::NIL,
            },
        };
        Value::from(Ref::new(QueueSeq {
            front,
            rear,
            meta: None,
        }))
    }
    pub fn count(&self) -> usize {
        self.front.count() + self.rear.as_ref().map_or(0, |r| r.count())
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.front
            .iter()
            .chain(self.rear.iter().flat_map(|r| r.iter()))
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> QueueSeq {
        QueueSeq {
            front: self.front.clone(),
            rear: self.rear.clone(),
            meta,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn longs<'a>(it: impl Iterator<Item = &'a Value>) -> Vec<i64> {
        it.filter_map(Value::as_long).collect()
    }

    fn seq_longs(mut s: Value) -> Vec<i64> {
        let mut out = Vec::new();
        while let crate::runtime::value::View::QueueSeq(q) = s.view() {
            out.extend(q.first().as_long());
            s = q.next();
        }
        out
    }

    #[test]
    fn fifo_order_and_count() {
        // JVM: (seq (-> EMPTY (conj 1 2 3) pop (conj 4) pop (conj 5))) => (3 4 5), count 3
        let q = Queue::empty()
            .conj(Value::long(1))
            .conj(Value::long(2))
            .conj(Value::long(3));
        let q = q.pop().map(|q| q.conj(Value::long(4)));
        let q = q.and_then(|q| q.pop()).map(|q| q.conj(Value::long(5)));
        let Some(q) = q else { panic!("pop failed") };
        assert_eq!(q.count(), 3);
        assert_eq!(longs(q.iter()), vec![3, 4, 5]);
        assert_eq!(q.peek().and_then(Value::as_long), Some(3));
        let q = Ref::new(q);
        assert_eq!(seq_longs(Queue::seq(&q)), vec![3, 4, 5]);
    }

    #[test]
    fn empty_queue() {
        // JVM: (pop EMPTY) is EMPTY, (peek EMPTY) nil, (seq EMPTY) nil
        let q = Ref::new(Queue::empty());
        assert!(q.pop().is_none());
        assert!(q.peek().is_none());
        assert!(Queue::seq(&q).is_nil());
    }

    #[test]
    fn many_items_through_front_and_rear() {
        let mut q = Queue::empty();
        let mut model = std::collections::VecDeque::new();
        for i in 0..300i64 {
            q = q.conj(Value::long(i));
            model.push_back(i);
            if i % 3 == 0 {
                if let Some(p) = q.pop() {
                    q = p;
                }
                model.pop_front();
            }
            assert_eq!(q.count(), model.len());
            assert_eq!(q.peek().and_then(Value::as_long), model.front().copied());
        }
        assert_eq!(longs(q.iter()), model.iter().copied().collect::<Vec<_>>());
        let q = Ref::new(q);
        assert_eq!(
            seq_longs(Queue::seq(&q)),
            model.iter().copied().collect::<Vec<_>>()
        );
        if let crate::runtime::value::View::QueueSeq(s) = Queue::seq(&q).view() {
            assert_eq!(s.count(), model.len());
        }
    }

    #[test]
    fn meta_survives_pop_and_conj() {
        // JVM: (meta (pop (with-meta (conj EMPTY 1) {:a 1}))) => {:a 1}
        let m = Value::keyword(None, "m");
        let q = Queue::empty()
            .conj(Value::long(1))
            .with_meta(Some(m.clone()));
        assert!(q.pop().is_some_and(|p| p.meta().is_some()));
        assert!(q.conj(Value::long(2)).meta().is_some());
    }
}
