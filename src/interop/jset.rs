//! java.util.HashSet, LinkedHashSet and TreeSet: mutable sets that
//! Clojure's seq/count/contains?/into/reduce accept and that print as
//! `#{...}` (print-method of java.util.Set).
//!
//! Iteration order is the JVM's: a HashSet walks its hash table (buckets
//! by `hashCode` spread, insertion order within a bucket, the table
//! doubling at load factor 0.75 as java.util.HashMap's does; bucket
//! treeification, which does not change small sets' order, is not
//! modelled), a LinkedHashSet its insertion order, a TreeSet its
//! comparator's order.

use crate::runtime::class::ClassDef;
use crate::runtime::coll::SortedComparator as Comparator;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number::convert::to_long;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

const HASH_SET: &str = "java.util.HashSet";
const LINKED_HASH_SET: &str = "java.util.LinkedHashSet";
const TREE_SET: &str = "java.util.TreeSet";
const KEY_SET: &str = "java.util.HashMap$KeySet";
const PMAP_KEY_SET: &str = "clojure.lang.APersistentMap$5";
const PMAP_ENTRY_SET: &str = "clojure.lang.APersistentMap$4";

enum Order {
    /// HashSet: the table size (a power of two).
    Hash(usize),
    Linked,
    Tree(Comparator),
}

pub(super) struct JavaSet {
    class: &'static str,
    order: Lock<Order>,
    /// Insertion order (kept sorted for a TreeSet).
    items: Lock<Vec<Value>>,
}

/// HashMap.tableSizeFor: the power of two at or above `cap` (at least 1).
fn table_size_for(cap: usize) -> usize {
    cap.max(1).next_power_of_two()
}

impl JavaSet {
    fn new(class: &'static str, order: Order) -> JavaSet {
        JavaSet {
            class,
            order: Lock::new(order),
            items: Lock::new(Vec::new()),
        }
    }

    fn position(&self, x: &Value) -> Result<Option<usize>> {
        let items = lock(&self.items).clone();
        if let Order::Tree(c) = &*lock(&self.order) {
            let c = clone_cmp(c);
            for (i, it) in items.iter().enumerate() {
                if c.compare(it, x)?.is_eq() {
                    return Ok(Some(i));
                }
            }
            return Ok(None);
        }
        for (i, it) in items.iter().enumerate() {
            if crate::runtime::equality::try_equals(it, x)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn contains(&self, x: &Value) -> Result<bool> {
        Ok(self.position(x)?.is_some())
    }

    /// Set.add: false when an equal item is already there.
    fn add(&self, x: Value) -> Result<bool> {
        let tree = match &*lock(&self.order) {
            Order::Tree(c) => Some(clone_cmp(c)),
            _ => None,
        };
        if let Some(c) = tree {
            // TreeMap.put compares even the first key (a null or
            // incomparable key throws).
            let items = lock(&self.items).clone();
            let mut at = items.len();
            for (i, it) in items.iter().enumerate() {
                match c.compare(&x, it)? {
                    std::cmp::Ordering::Equal => return Ok(false),
                    std::cmp::Ordering::Less => {
                        at = i;
                        break;
                    }
                    std::cmp::Ordering::Greater => {}
                }
            }
            if items.is_empty() {
                c.compare(&x, &x)?;
            }
            lock(&self.items).insert(at, x);
            return Ok(true);
        }
        if self.contains(&x)? {
            return Ok(false);
        }
        let n = {
            let mut items = lock(&self.items);
            items.push(x);
            items.len()
        };
        if let Order::Hash(cap) = &mut *lock(&self.order)
            && n * 4 > *cap * 3
        {
            *cap *= 2;
        }
        Ok(true)
    }

    fn remove(&self, x: &Value) -> Result<bool> {
        Ok(match self.position(x)? {
            Some(i) => {
                lock(&self.items).remove(i);
                true
            }
            None => false,
        })
    }

    /// The items in iteration order.
    fn ordered(&self) -> Vec<Value> {
        let items = lock(&self.items).clone();
        let Order::Hash(cap) = &*lock(&self.order) else {
            return items;
        };
        crate::runtime::hash::hash_table_order(items, *cap, Value::clone)
    }
}

fn clone_cmp(c: &Comparator) -> Comparator {
    match c {
        Comparator::Default => Comparator::Default,
        Comparator::Fn(f) => Comparator::Fn(f.clone()),
    }
}

impl ForeignObject for JavaSet {
    /// AbstractCollection.toString: "[a, b]".
    fn java_string(&self, object: &str) -> String {
        let parts: Result<Vec<String>> = self
            .ordered()
            .iter()
            .map(crate::runtime::printer::str_value)
            .collect();
        match parts {
            Ok(p) => format!("[{}]", p.join(", ")),
            Err(_) => object.to_string(),
        }
    }
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        let other = other.downcast_ref::<JavaSet>()?;
        let (a, b) = (self.ordered(), other.ordered());
        Some(a.len() == b.len() && a.iter().all(|x| other.contains(x).unwrap_or(false)))
    }
    /// AbstractSet.hashCode: the sum of the items' hash codes.
    fn hash_code(&self) -> Option<i32> {
        Some(self.ordered().iter().fold(0i32, |h, x| {
            h.wrapping_add(crate::runtime::hash::java_hash_code(x).unwrap_or(0))
        }))
    }
    fn items(&self) -> Option<Vec<Value>> {
        Some(self.ordered())
    }
    fn is_set(&self) -> bool {
        true
    }
    fn set_contains(&self, x: &Value) -> Option<Result<bool>> {
        Some(self.contains(x))
    }
}

/// A Map's keySet: a set of `keys` in the map's iteration order (a copy,
/// not a view of the map).
pub(super) fn key_set(keys: Vec<Value>) -> Value {
    view_set(KEY_SET, keys)
}

/// A persistent map's keySet (`true`) or entrySet (`false`): APersistentMap's
/// anonymous AbstractSet classes, holding the keys or MapEntries in the
/// map's seq order.
pub(super) fn persistent_map_set(map: &Value, keys: bool) -> Result<Value> {
    let mut items = Vec::new();
    for e in crate::runtime::seq::iter(map) {
        let e = e?;
        items.push(if keys {
            crate::runtime::coll::ops::nth(&e, 0)?
        } else {
            e
        });
    }
    Ok(view_set(
        if keys { PMAP_KEY_SET } else { PMAP_ENTRY_SET },
        items,
    ))
}

/// A java.util.HashSet holding `items` (distinct, as the caller gives them).
pub(super) fn hash_set(items: Vec<Value>) -> Value {
    let s = JavaSet::new(HASH_SET, Order::Hash(16));
    *lock(&s.items) = items;
    wrap(s)
}

fn view_set(class: &'static str, items: Vec<Value>) -> Value {
    let s = JavaSet::new(class, Order::Linked);
    *lock(&s.items) = items;
    wrap(s)
}

fn wrap(s: JavaSet) -> Value {
    Value::from(Ref::new(HostObject::Foreign(s.class, Box::new(s))))
}

fn class_name(class: &str) -> &'static str {
    match class {
        LINKED_HASH_SET => LINKED_HASH_SET,
        TREE_SET => TREE_SET,
        _ => HASH_SET,
    }
}

fn illegal_capacity(n: i64) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("Illegal initial capacity: {n}"),
    )
}

/// The items of a collection argument (a Clojure or Java collection).
fn items_of(coll: &Value) -> Result<Vec<Value>> {
    if coll.is_nil() {
        return Err(Exception::new(ExClass::NullPointerException, ""));
    }
    crate::runtime::seq::iter(coll).collect()
}

fn is_comparator(v: &Value) -> bool {
    match v.view() {
        View::Fn(_) => true,
        View::Instance(i) => i.has_method("compare"),
        _ => false,
    }
}

/// `(HashSet.)`, `(HashSet. capacity)`, `(HashSet. capacity load)`,
/// `(HashSet. coll)`, and LinkedHashSet's and TreeSet's (`(TreeSet.
/// comparator)`, `(TreeSet. coll)`).
fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    let class = class_name(class);
    Some((|| {
        let s = match (class, args) {
            (TREE_SET, []) => JavaSet::new(class, Order::Tree(Comparator::Default)),
            (TREE_SET, [c]) if is_comparator(c) => {
                JavaSet::new(class, Order::Tree(Comparator::from_value(c.clone())?))
            }
            (TREE_SET, [coll]) => {
                // TreeSet(SortedSet) keeps the set's comparator.
                let cmp = match coll.view() {
                    View::SortedSet(s) => clone_cmp(s.comparator()),
                    View::HostObject(HostObject::Foreign(_, f)) => {
                        match f.downcast_ref::<JavaSet>().map(|s| match &*lock(&s.order) {
                            Order::Tree(c) => clone_cmp(c),
                            _ => Comparator::Default,
                        }) {
                            Some(c) => c,
                            None => Comparator::Default,
                        }
                    }
                    _ => Comparator::Default,
                };
                let s = JavaSet::new(class, Order::Tree(cmp));
                for x in items_of(coll)? {
                    s.add(x)?;
                }
                s
            }
            (_, []) => JavaSet::new(class, hash_order(class, 16)),
            (_, [n] | [n, _]) if crate::runtime::number::is_number(n) => {
                let n = to_long(n)?;
                if n < 0 {
                    return Err(illegal_capacity(n));
                }
                JavaSet::new(class, hash_order(class, table_size_for(n as usize)))
            }
            (_, [coll]) => {
                let items = items_of(coll)?;
                // HashSet(c): new HashMap<>(Math.max((int) (c.size()/.75f) + 1, 16)).
                let cap = table_size_for(((items.len() as f32 / 0.75) as usize + 1).max(16));
                let s = JavaSet::new(class, hash_order(class, cap));
                for x in items {
                    s.add(x)?;
                }
                s
            }
            _ => return Err(super::no_ctor(class)),
        };
        Ok(wrap(s))
    })())
}

fn hash_order(class: &str, cap: usize) -> Order {
    if class == LINKED_HASH_SET {
        Order::Linked
    } else {
        Order::Hash(cap)
    }
}

fn object_array(items: Vec<Value>) -> Value {
    Value::from(Ref::new(HostObject::Array(
        "[Ljava.lang.Object;",
        Lock::new(items),
    )))
}

fn no_such_element() -> Exception {
    Exception::full(ExClass::NoSuchElementException, None, None, None)
}

/// `(.m set args)`; None when `target` is not one of these sets or the
/// method is not modelled.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(HostObject::Foreign(_, f)) = target.view() else {
        return None;
    };
    let s = f.downcast_ref::<JavaSet>()?;
    let tree = matches!(&*lock(&s.order), Order::Tree(_));
    let r = (|| -> Result<Option<Value>> {
        Ok(Some(match (method, args) {
            ("add", [x]) => Value::bool(s.add(x.clone())?),
            ("addAll", [c]) => {
                let mut changed = false;
                for x in items_of(c)? {
                    changed |= s.add(x)?;
                }
                Value::bool(changed)
            }
            ("contains", [x]) => Value::bool(s.contains(x)?),
            ("containsAll", [c]) => {
                for x in items_of(c)? {
                    if !s.contains(&x)? {
                        return Ok(Some(Value::FALSE));
                    }
                }
                Value::TRUE
            }
            ("remove", [x]) => Value::bool(s.remove(x)?),
            ("removeAll", [c]) => {
                let mut changed = false;
                for x in items_of(c)? {
                    changed |= s.remove(&x)?;
                }
                Value::bool(changed)
            }
            ("retainAll", [c]) => {
                let keep = items_of(c)?;
                let mut changed = false;
                for x in s.ordered() {
                    let mut found = false;
                    for k in &keep {
                        if crate::runtime::equality::try_equals(k, &x)? {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        changed |= s.remove(&x)?;
                    }
                }
                Value::bool(changed)
            }
            ("size", []) => Value::long(lock(&s.items).len() as i64),
            ("isEmpty", []) => Value::bool(lock(&s.items).is_empty()),
            ("clear", []) => {
                lock(&s.items).clear();
                Value::NIL
            }
            ("iterator", []) => Value::from(Ref::new(HostObject::Iterator(Lock::new(
                crate::runtime::seq::seq(&Value::vector(s.ordered()))?,
            )))),
            ("toArray", []) => object_array(s.ordered()),
            ("toArray", [_]) => object_array(s.ordered()),
            ("clone", []) => {
                let order = match &*lock(&s.order) {
                    Order::Hash(c) => Order::Hash(*c),
                    Order::Linked => Order::Linked,
                    Order::Tree(c) => Order::Tree(clone_cmp(c)),
                };
                let copy = JavaSet::new(s.class, order);
                *lock(&copy.items) = lock(&s.items).clone();
                wrap(copy)
            }
            ("equals", [o]) => Value::bool(crate::runtime::equality::try_equals(target, o)?),
            ("hashCode", []) => Value::long(i64::from(s.hash_code().unwrap_or(0))),
            ("toString", []) => Value::string(s.java_string("")),
            ("stream" | "parallelStream" | "spliterator", []) => {
                return crate::runtime::error::err::unsupported(format!(
                    "cljw does not support java.util.stream: {}.{method}",
                    s.class
                ));
            }
            ("first" | "last", []) if tree => {
                let items = lock(&s.items).clone();
                let x = if method == "first" {
                    items.first()
                } else {
                    items.last()
                };
                x.cloned().ok_or_else(no_such_element)?
            }
            ("pollFirst" | "pollLast", []) if tree => {
                let mut items = lock(&s.items);
                let x = if method == "pollFirst" {
                    (!items.is_empty()).then(|| items.remove(0))
                } else {
                    items.pop()
                };
                x.unwrap_or(Value::NIL)
            }
            ("floor" | "lower" | "ceiling" | "higher", [x]) if tree => {
                let c = match &*lock(&s.order) {
                    Order::Tree(c) => clone_cmp(c),
                    _ => Comparator::Default,
                };
                let items = lock(&s.items).clone();
                let mut found = Value::NIL;
                for it in &items {
                    let o = c.compare(it, x)?;
                    let take = match method {
                        "floor" => o.is_le(),
                        "lower" => o.is_lt(),
                        "ceiling" => o.is_ge(),
                        _ => o.is_gt(),
                    };
                    if take {
                        found = it.clone();
                        if matches!(method, "ceiling" | "higher") {
                            break;
                        }
                    }
                }
                found
            }
            ("comparator", []) if tree => match &*lock(&s.order) {
                Order::Tree(Comparator::Fn(f)) => f.clone(),
                _ => Value::NIL,
            },
            _ => return Ok(None),
        }))
    })();
    r.transpose()
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.HashMap$KeySet").extends("java.util.AbstractSet"),
    ClassDef::class(PMAP_KEY_SET).extends("java.util.AbstractSet"),
    ClassDef::class(PMAP_ENTRY_SET).extends("java.util.AbstractSet"),
    ClassDef::class("java.util.ArrayList$SubList")
        .extends("java.util.AbstractList")
        .implements(&["java.util.RandomAccess"]),
    ClassDef::class("java.util.HashSet")
        .extends("java.util.AbstractSet")
        .implements(&[
            "java.util.Set",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ])
        .ctor(construct),
    ClassDef::class("java.util.LinkedHashSet")
        .extends("java.util.HashSet")
        .implements(&[
            "java.util.Set",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ])
        .ctor(construct),
    ClassDef::class("java.util.TreeSet")
        .extends("java.util.AbstractSet")
        .implements(&[
            "java.util.NavigableSet",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ])
        .ctor(construct),
];
