//! PersistentTreeMap / PersistentTreeSet: a persistent red-black tree ordered
//! by `compare` or by a Clojure fn used as a comparator.

mod tree;

pub(crate) use tree::TreeCursor;

use super::hash_map::{MapSeq, SeqKeys};
use crate::runtime::compare::{cast_message, compare_int};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func::call;
use crate::runtime::value::{Value, View};
use std::cmp::Ordering;
use tree::{Added, Link, TreeIter};

/// The order of a sorted collection.
#[derive(Clone, Default)]
pub enum Comparator {
    /// `compare` (RT.DEFAULT_COMPARATOR).
    #[default]
    Default,
    /// A fn called like AFunction.compare.
    Fn(Value),
}

impl Comparator {
    /// The comparator for `(sorted-map-by f ...)`: only fns are
    /// java.util.Comparators; anything else is a ClassCastException.
    pub fn from_value(f: Value) -> Result<Comparator> {
        match f.view() {
            View::Fn(_) => Ok(Comparator::Fn(f)),
            // A deftype/reify/proxy implementing java.util.Comparator.
            View::Instance(i) if i.has_method("compare") => Ok(Comparator::Fn(f)),
            _ => err::class_cast(cast_message(f.class_name(), "java.util.Comparator")),
        }
    }
    /// The comparator fn, None for the default.
    pub fn as_value(&self) -> Option<&Value> {
        match self {
            Comparator::Default => None,
            Comparator::Fn(f) => Some(f),
        }
    }

    pub fn compare(&self, a: &Value, b: &Value) -> Result<Ordering> {
        Ok(self.compare_int(a, b)?.cmp(&0))
    }

    /// Comparator.compare's int (AFunction.compare for a fn).
    pub fn compare_int(&self, a: &Value, b: &Value) -> Result<i32> {
        match self {
            Comparator::Default => compare_int(a, b),
            Comparator::Fn(f) => fn_compare_int(f, a, b, |x, y| call(f, &mut [x, y])),
        }
    }
}

/// Comparator.compare's int for the comparator `f` (AFunction.compare for
/// a fn, a Comparator instance's own `compare`), the fn called through
/// `call` with its two args moved (a sort's prepared call, or
/// `func::call`).
pub fn fn_compare_int(
    f: &Value,
    a: &Value,
    b: &Value,
    mut call: impl FnMut(Value, Value) -> Result<Value>,
) -> Result<i32> {
    match f.view() {
        View::Fn(_) => {}
        View::Instance(_) => {
            if let Some(r) =
                crate::runtime::types::call_method(f, "compare", &[a.clone(), b.clone()])
            {
                let n = crate::runtime::number::to_long(&r?)?;
                return Ok(n as i32);
            }
            return err::class_cast(cast_message(f.class_name(), "java.util.Comparator"));
        }
        _ => return err::class_cast(cast_message(f.class_name(), "java.util.Comparator")),
    }
    {
        let r = call(a.clone(), b.clone())?;
        // AFunction.compare: a boolean means "less than"; a number's
        // intValue() gives the sign.
        let n: i32 = match r.view() {
            View::Bool(true) => -1,
            View::Bool(false) => {
                if call(b.clone(), a.clone())?.truthy() {
                    1
                } else {
                    0
                }
            }
            View::Long(n) => n as i32,
            // Java's (int) cast saturates and maps NaN to 0, as `as` does.
            View::Double(d) => d as i32,
            View::BigInt(n) => bigint_int_value(n),
            View::Ratio(r) => {
                use num_traits::ToPrimitive;
                r.to_f64().map_or(0, |d| d as i32)
            }
            View::BigDec(d) => {
                let (n, _) = d.with_scale(0).into_bigint_and_exponent();
                bigint_int_value(&n)
            }
            View::Nil => {
                return Err(Exception::new(
                    ExClass::NullPointerException,
                    "Cannot invoke \"java.lang.Number.intValue()\" because \"n\" is null",
                ));
            }
            _ => return err::class_cast(cast_message(r.class_name(), "java.lang.Number")),
        };
        Ok(n)
    }
}

/// BigInteger.intValue(): the low 32 bits of the two's complement.
fn bigint_int_value(n: &num_bigint::BigInt) -> i32 {
    let low = n.iter_u32_digits().next().unwrap_or(0) as i32;
    if n.sign() == num_bigint::Sign::Minus {
        low.wrapping_neg()
    } else {
        low
    }
}

#[derive(Clone, Default)]
pub struct SortedMap {
    root: Link,
    count: usize,
    comparator: Comparator,
    meta: Option<Value>,
}

impl SortedMap {
    pub fn empty(comparator: Comparator) -> SortedMap {
        SortedMap {
            comparator,
            ..SortedMap::default()
        }
    }
    /// `(sorted-map-by c k v ...)`: later duplicates win.
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (Value, Value)>,
        comparator: Comparator,
    ) -> Result<SortedMap> {
        let mut m = SortedMap::empty(comparator);
        for (k, v) in pairs {
            m = m.assoc(k, v)?;
        }
        Ok(m)
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.count
    }
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    pub fn comparator(&self) -> &Comparator {
        &self.comparator
    }
    /// The entry for `k`; the comparator may throw (ClassCastException for
    /// keys `compare` can't order).
    pub fn entry(&self, k: &Value) -> Result<Option<(&Value, &Value)>> {
        let mut t = self.root.as_deref();
        while let Some(n) = t {
            t = match self.comparator.compare(k, &n.key)? {
                Ordering::Equal => return Ok(Some((&n.key, &n.val))),
                Ordering::Less => n.left.as_deref(),
                Ordering::Greater => n.right.as_deref(),
            };
        }
        Ok(None)
    }
    pub fn get(&self, k: &Value) -> Result<Option<&Value>> {
        Ok(self.entry(k)?.map(|(_, v)| v))
    }
    pub fn contains_key(&self, k: &Value) -> Result<bool> {
        Ok(self.entry(k)?.is_some())
    }
    /// `(assoc m k v)`; an existing key keeps its original object.
    pub fn assoc(&self, k: Value, v: Value) -> Result<SortedMap> {
        match tree::add(&self.root, &k, &v, &self.comparator)? {
            Added::Node(n) => Ok(SortedMap {
                root: Some(tree::blacken(&n)),
                count: self.count + 1,
                ..self.clone()
            }),
            Added::Found => {
                let Some(root) = &self.root else {
                    return Ok(self.clone());
                };
                Ok(SortedMap {
                    root: Some(tree::replace(root, &k, &v, &self.comparator)?),
                    ..self.clone()
                })
            }
        }
    }
    /// `(dissoc m k)`.
    pub fn without(&self, k: &Value) -> Result<SortedMap> {
        match tree::remove(&self.root, k, &self.comparator)? {
            None => Ok(self.clone()),
            Some(t) => Ok(SortedMap {
                root: t.as_ref().map(tree::blacken),
                count: self.count.saturating_sub(1),
                ..self.clone()
            }),
        }
    }
    /// Entries in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        TreeIter::new(&self.root, true)
    }
    /// Entries in descending order.
    pub fn iter_rev(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        TreeIter::new(&self.root, false)
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> + '_ {
        self.iter().map(|(k, _)| k)
    }
    pub fn first_entry(&self) -> Option<(&Value, &Value)> {
        self.iter().next()
    }
    pub fn last_entry(&self) -> Option<(&Value, &Value)> {
        self.iter_rev().next()
    }
    /// `(seq m)`: ascending PersistentTreeMap$Seq of entries, nil when empty.
    pub fn seq(&self) -> Value {
        self.seq_with(true, SeqKeys::Entries)
    }
    /// `(rseq m)`.
    pub fn rseq(&self) -> Value {
        self.seq_with(false, SeqKeys::Entries)
    }
    /// `(keys m)` / `(vals m)` in ascending order.
    pub fn keys_seq(&self) -> Value {
        self.seq_with(true, SeqKeys::Keys)
    }
    pub fn vals_seq(&self) -> Value {
        self.seq_with(true, SeqKeys::Vals)
    }
    pub(crate) fn seq_with(&self, asc: bool, keys: SeqKeys) -> Value {
        MapSeq::of_tree(TreeCursor::start(&self.root, asc), keys)
    }
    /// JVM seqFrom, the building block of subseq/rsubseq: entries from the
    /// first key >= `k` ascending, or from the last key <= `k` descending.
    pub fn seq_from(&self, k: &Value, ascending: bool) -> Result<Value> {
        self.seq_from_with(k, ascending, SeqKeys::Entries)
    }
    pub(crate) fn seq_from_with(&self, k: &Value, asc: bool, keys: SeqKeys) -> Result<Value> {
        Ok(MapSeq::of_tree(
            TreeCursor::seek(&self.root, k, asc, &self.comparator)?,
            keys,
        ))
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> SortedMap {
        SortedMap {
            meta,
            ..self.clone()
        }
    }
    /// `(empty m)`: same comparator and metadata.
    pub fn empty_like(&self) -> SortedMap {
        SortedMap {
            comparator: self.comparator.clone(),
            meta: self.meta.clone(),
            ..SortedMap::default()
        }
    }
    #[cfg(test)]
    pub(crate) fn check_invariants(&self) {
        tree::check(&self.root);
        assert_eq!(self.iter().count(), self.count);
    }
}

/// PersistentTreeSet: a SortedMap from each item to itself.
#[derive(Clone, Default)]
pub struct SortedSet {
    map: SortedMap,
    meta: Option<Value>,
}

impl SortedSet {
    pub fn empty(comparator: Comparator) -> SortedSet {
        SortedSet {
            map: SortedMap::empty(comparator),
            meta: None,
        }
    }
    pub fn from_items(
        items: impl IntoIterator<Item = Value>,
        comparator: Comparator,
    ) -> Result<SortedSet> {
        let mut s = SortedSet::empty(comparator);
        for x in items {
            s = s.conj(x)?;
        }
        Ok(s)
    }
    #[inline]
    pub fn count(&self) -> usize {
        self.map.count()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn comparator(&self) -> &Comparator {
        self.map.comparator()
    }
    pub fn contains(&self, k: &Value) -> Result<bool> {
        self.map.contains_key(k)
    }
    /// `(get s k)`: the stored item.
    pub fn get(&self, k: &Value) -> Result<Option<&Value>> {
        self.map.get(k)
    }
    /// `(conj s x)`: an item already present stays as it is.
    pub fn conj(&self, x: Value) -> Result<SortedSet> {
        if self.map.contains_key(&x)? {
            return Ok(self.clone());
        }
        Ok(SortedSet {
            map: self.map.assoc(x.clone(), x)?,
            meta: self.meta.clone(),
        })
    }
    pub fn disj(&self, x: &Value) -> Result<SortedSet> {
        Ok(SortedSet {
            map: self.map.without(x)?,
            meta: self.meta.clone(),
        })
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.map.keys()
    }
    pub fn iter_rev(&self) -> impl Iterator<Item = &Value> + '_ {
        self.map.iter_rev().map(|(k, _)| k)
    }
    pub fn first(&self) -> Option<&Value> {
        self.map.first_entry().map(|(k, _)| k)
    }
    pub fn last(&self) -> Option<&Value> {
        self.map.last_entry().map(|(k, _)| k)
    }
    /// `(seq s)`: ascending APersistentMap$KeySeq, nil when empty.
    pub fn seq(&self) -> Value {
        self.map.seq_with(true, SeqKeys::Keys)
    }
    pub fn rseq(&self) -> Value {
        self.map.seq_with(false, SeqKeys::Keys)
    }
    /// subseq/rsubseq building block (see SortedMap::seq_from).
    pub fn seq_from(&self, k: &Value, ascending: bool) -> Result<Value> {
        self.map.seq_from_with(k, ascending, SeqKeys::Keys)
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> SortedSet {
        SortedSet {
            map: self.map.clone(),
            meta,
        }
    }
    pub fn empty_like(&self) -> SortedSet {
        SortedSet {
            map: self.map.empty_like(),
            meta: self.meta.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
