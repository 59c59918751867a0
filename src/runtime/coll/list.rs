//! PersistentList: a counted singly linked list; `()` is the empty list.

use crate::runtime::gc::{Ref, into_inner};
use crate::runtime::hash::HashCache;
use crate::runtime::value::Value;

pub struct List {
    pub(in crate::runtime) first: Value,
    pub(in crate::runtime) rest: Option<Ref<List>>,
    count: usize,
    pub(in crate::runtime) meta: Option<Value>,
    /// Cached `hash` (the JVM's `_hasheq`): see runtime::hash::HashCache.
    pub(crate) hasheq: HashCache,
}

impl List {
    pub fn empty() -> List {
        List {
            hasheq: HashCache::default(),
            first: Value::NIL,
            rest: None,
            count: 0,
            meta: None,
        }
    }
    /// Build a list from items in order.
    pub fn from_vec(items: Vec<Value>) -> List {
        let mut it = items.into_iter().rev();
        let Some(last) = it.next() else {
            return List::empty();
        };
        let mut l = List {
            hasheq: HashCache::default(),
            first: last,
            rest: None,
            count: 1,
            meta: None,
        };
        for v in it {
            l = List {
                hasheq: HashCache::default(),
                first: v,
                count: l.count + 1,
                rest: Some(Ref::new(l)),
                meta: None,
            };
        }
        l
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.count
    }
    /// First item (nil for the empty list).
    #[inline]
    pub fn first(&self) -> &Value {
        &self.first
    }
    /// The rest as a list (None when this is the last cell or empty).
    pub fn next(&self) -> Option<&Ref<List>> {
        self.rest.as_ref()
    }
    /// `(conj l x)` / `cons` onto a list.
    pub fn conj(self: &Ref<List>, v: Value) -> List {
        if self.is_empty() {
            return List {
                hasheq: HashCache::default(),
                first: v,
                rest: None,
                count: 1,
                meta: self.meta.clone(),
            };
        }
        List {
            hasheq: HashCache::default(),
            first: v,
            count: self.count + 1,
            rest: Some(self.clone()),
            meta: None,
        }
    }
    /// `(pop l)`; popping the empty list is the caller's error to report.
    pub fn pop(&self) -> Option<List> {
        if self.is_empty() {
            return None;
        }
        Some(match &self.rest {
            Some(r) => List {
                hasheq: HashCache::default(),
                first: r.first.clone(),
                rest: r.rest.clone(),
                count: r.count,
                meta: self.meta.clone(),
            },
            None => List {
                hasheq: HashCache::default(),
                first: Value::NIL,
                rest: None,
                count: 0,
                meta: self.meta.clone(),
            },
        })
    }
    pub fn iter(&self) -> ListIter<'_> {
        ListIter {
            cur: if self.is_empty() { None } else { Some(self) },
        }
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> List {
        List {
            hasheq: HashCache::default(),
            first: self.first.clone(),
            rest: self.rest.clone(),
            count: self.count,
            meta,
        }
    }
}

pub struct ListIter<'a> {
    cur: Option<&'a List>,
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Value;
    fn next(&mut self) -> Option<&'a Value> {
        let c = self.cur?;
        self.cur = c.rest.as_deref();
        Some(&c.first)
    }
}

impl Drop for List {
    // Unlink iteratively so a 10-million-element list drops without recursion.
    fn drop(&mut self) {
        let mut next = self.rest.take();
        while let Some(r) = next {
            match into_inner(r) {
                Some(mut l) => next = l.rest.take(),
                None => break,
            }
        }
    }
}

impl Value {
    pub fn list(items: Vec<Value>) -> Value {
        Value::from(Ref::new(List::from_vec(items)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn long_list_drops_without_overflow() {
        let mut l = Ref::new(List::empty());
        for i in 0..2_000_000 {
            l = Ref::new(l.conj(Value::long(i)));
        }
        assert_eq!(l.count(), 2_000_000);
        drop(l);
    }
    #[test]
    fn from_vec_order() {
        let l = List::from_vec(vec![Value::long(1), Value::long(2)]);
        let v: Vec<i64> = l.iter().filter_map(|v| v.as_long()).collect();
        assert_eq!(v, vec![1, 2]);
        assert_eq!(l.pop().map(|p| p.count()), Some(1));
    }
}
