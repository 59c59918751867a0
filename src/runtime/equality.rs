//! `=` (Util.equiv) and Java `.equals` (Util.equals) for every value type.
//!
//! Numbers compare within their category (`(= 1 1.0)` is false, `(= 1 1N)`
//! true); sequential collections (lists, vectors, map entries, queues, every
//! seq) equal each other element-wise; maps and sets compare by value across
//! their implementations; regexes, fns, exceptions and transients by identity.
//!
//! Both seq spines and nesting are walked with an explicit stack, so long
//! seqs and deeply nested collections cost heap, not Rust stack.

use crate::runtime::error::Result;
use crate::runtime::number;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Clojure `=`.
    Equiv,
    /// Java `.equals`: like `=` but numbers must have the same class.
    Equals,
}

/// Clojure's `=`. Realising a lazy seq that throws counts as "not equal";
/// use [`try_equiv`] to propagate the exception.
#[inline]
pub fn equiv(a: &Value, b: &Value) -> bool {
    // Hot path of map lookups: immediates, keywords, strings.
    match (a.view(), b.view()) {
        (View::Keyword(x), View::Keyword(y)) => x.same(y),
        (View::Long(x), View::Long(y)) => x == y,
        (View::Str(x), View::Str(y)) => x.as_str() == y.as_str(),
        (View::Nil, View::Nil) => true,
        (View::Bool(x), View::Bool(y)) => x == y,
        (View::Char(_), View::Char(_)) => a.char_code() == b.char_code(),
        _ => try_equiv(a, b).unwrap_or(false),
    }
}

/// Clojure's `=`, propagating exceptions thrown while realising lazy seqs.
/// Before an array map compares `k` with its keys (infallibly): on the JVM
/// Util.equiv(k, key) realises a LazySeq `k` (LazySeq.equiv), so a `k`
/// whose realisation throws throws from assoc/get/contains? of a non-empty
/// array map. Realise it here, propagating that exception.
#[inline]
pub fn realise_array_map_key(k: &Value, count: usize) -> Result<()> {
    if count > 0 && matches!(k.view(), View::LazySeq(_)) {
        seq::seq(k)?;
    }
    Ok(())
}

pub fn try_equiv(a: &Value, b: &Value) -> Result<bool> {
    eq(a, b, Mode::Equiv)
}

/// Java `.equals` (Util.equals): `(.equals 1 1N)` and `(.equals [1] [1N])`
/// are false, `(.equals 1.0M 1.00M)` is false (scale matters).
pub fn equals(a: &Value, b: &Value) -> bool {
    try_equals(a, b).unwrap_or(false)
}

pub fn try_equals(a: &Value, b: &Value) -> Result<bool> {
    eq(a, b, Mode::Equals)
}

/// `sequential?`: lists, vectors, map entries, queues and every seq type.
pub fn is_sequential(v: &Value) -> bool {
    matches!(
        v.view(),
        View::List(_)
            | View::Vector(_)
            | View::SubVector(_)
            | View::MapEntry(_)
            | View::Queue(_)
            | View::Cons(_)
            | View::LazySeq(_)
            | View::ArraySeq(_)
            | View::ChunkedSeq(_)
            | View::VectorSeq(_)
            | View::VectorRSeq(_)
            | View::QueueSeq(_)
            | View::MapSeq(_)
            | View::StringSeq(_)
            | View::ChunkedCons(_)
            | View::LongRange(_)
            | View::Range(_)
            | View::Repeat(_)
            | View::Iterate(_)
            | View::Cycle(_)
    )
}

/// `map?` over the persistent map types.
pub fn is_map(v: &Value) -> bool {
    match v.view() {
        View::ArrayMap(_) | View::HashMap(_) | View::SortedMap(_) => true,
        View::Instance(i) => i.is_record(),
        _ => false,
    }
}

/// `set?` over the persistent set types.
pub fn is_set(v: &Value) -> bool {
    matches!(v.view(), View::HashSet(_) | View::SortedSet(_))
}

/// Pending comparisons; `=` is their conjunction, so the walk is an explicit
/// depth-first stack and nesting depth costs heap, not Rust stack.
enum Task {
    Pair(Value, Value),
    Seq(OwnedItems, OwnedItems),
    /// Entries of one map still to look up in the other map.
    Map(std::vec::IntoIter<(Value, Value)>, Value),
}

fn eq(a: &Value, b: &Value, mode: Mode) -> Result<bool> {
    // Scalars and kind mismatches decide without allocating a stack.
    let mut stack = match shallow(a, b, mode)? {
        Shallow::Equal => return Ok(true),
        Shallow::Different => return Ok(false),
        Shallow::Walk(t) => vec![t],
    };
    while let Some(task) = stack.pop() {
        match task {
            Task::Pair(x, y) => match shallow(&x, &y, mode)? {
                Shallow::Equal => {}
                Shallow::Different => return Ok(false),
                Shallow::Walk(t) => stack.push(t),
            },
            Task::Seq(mut ia, mut ib) => match (ia.next(), ib.next()) {
                (None, None) => {}
                (Some(x), Some(y)) => {
                    let (x, y) = (x?, y?);
                    stack.push(Task::Seq(ia, ib));
                    stack.push(Task::Pair(x, y));
                }
                _ => return Ok(false),
            },
            Task::Map(mut es, other) => {
                if let Some((k, v)) = es.next() {
                    match map_lookup(&other, &k)? {
                        Some(w) => {
                            stack.push(Task::Map(es, other));
                            stack.push(Task::Pair(v, w));
                        }
                        None => return Ok(false),
                    }
                }
            }
        }
    }
    Ok(true)
}

/// LazySeq.equiv/equals realise the seq before comparing, so `=` throws
/// what realising throws even against a number: Util.equiv hands a pair
/// with a collection on either side to that collection's equiv (the left
/// one first; a map or set on the left answers without looking at a seq),
/// Util.equals (Java `.equals`) calls the left value's.
fn realise_lazy_operand(a: &Value, b: &Value, mode: Mode) -> Result<()> {
    if a.identical(b) {
        return Ok(());
    }
    if let View::LazySeq(_) = a.view() {
        seq::seq(a)?;
    } else if let View::LazySeq(_) = b.view()
        && mode == Mode::Equiv
        && !a.is_nil()
        && !is_map(a)
        && !is_set(a)
    {
        seq::seq(b)?;
    }
    Ok(())
}

enum Shallow {
    Equal,
    Different,
    Walk(Task),
}

/// Compare two values without descending: scalars decide, collections of
/// matching kinds return the walk to do.
fn shallow(a: &Value, b: &Value, mode: Mode) -> Result<Shallow> {
    let bool_result = |t: bool| {
        Ok(if t {
            Shallow::Equal
        } else {
            Shallow::Different
        })
    };
    realise_lazy_operand(a, b, mode)?;
    match (a.view(), b.view()) {
        // Before the identity check: NaN is not `=` to itself.
        (View::Double(x), View::Double(y)) => {
            return bool_result(match mode {
                Mode::Equiv => x == y,
                // Double.equals compares doubleToLongBits (NaN equals NaN,
                // 0.0 differs from -0.0).
                Mode::Equals => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
            });
        }
        // Float.equals compares floatToIntBits, like Double.equals.
        (View::Float(x), View::Float(y)) => {
            return bool_result(match mode {
                Mode::Equiv => x == y,
                Mode::Equals => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
            });
        }
        (View::Nil, View::Nil) => return bool_result(true),
        (View::Nil, _) | (_, View::Nil) => return bool_result(false),
        _ => {}
    }
    if a.identical(b) {
        return bool_result(true);
    }
    let (na, nb) = (number::is_number(a), number::is_number(b));
    if na || nb {
        return bool_result(
            na && nb
                && match mode {
                    Mode::Equiv => number::equiv(a, b).unwrap_or(false),
                    Mode::Equals => java_number_equals(a, b),
                },
        );
    }
    if let Some(r) = crate::runtime::types::equiv(a, b, mode == Mode::Equiv) {
        return bool_result(r?);
    }
    match (a.view(), b.view()) {
        (View::Bool(x), View::Bool(y)) => return bool_result(x == y),
        (View::Char(_), View::Char(_)) => return bool_result(a.char_code() == b.char_code()),
        (View::Str(x), View::Str(y)) => return bool_result(x.as_str() == y.as_str()),
        (View::Keyword(x), View::Keyword(y)) => return bool_result(x.same(y)),
        (View::Symbol(x), View::Symbol(y)) => return bool_result(x.same(y)),
        (View::Date(x), View::Date(y)) => return bool_result(x.java_equals(y)),
        (View::Uuid(x), View::Uuid(y)) => return bool_result(x.compare(y).is_eq()),
        (View::File(x), View::File(y)) => {
            return bool_result(x.path() == y.path() && x.is_nio_path() == y.is_nio_path());
        }
        // Host objects whose equals compares values.
        (View::HostObject(x), View::HostObject(y)) => {
            use super::object::HostObject as H;
            match (x, y) {
                (H::Uri(p), H::Uri(q)) => return bool_result(p == q),
                (H::Locale(p), H::Locale(q)) => return bool_result(p == q),
                (H::StackTraceElement(p), H::StackTraceElement(q)) => return bool_result(p == q),
                (H::Foreign(_, p), H::Foreign(_, q)) => {
                    if let Some(eq) = p.equals(&**q) {
                        return bool_result(eq);
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
    // A java.util.List is `=` to a Clojure sequential collection with the
    // same items, a java.util.Map to a Clojure map with the same entries.
    if let Some(x) = java_coll(a) {
        return Ok(Shallow::Walk(Task::Pair(x, b.clone())));
    }
    if let Some(y) = java_coll(b) {
        return Ok(Shallow::Walk(Task::Pair(a.clone(), y)));
    }
    let instance_b = matches!(b.view(), View::Instance(_));
    if is_sequential(a) {
        if !is_sequential(b) && !instance_b {
            return bool_result(false);
        }
        if let (Some(x), Some(y)) = (known_count(a), known_count(b))
            && x != y
        {
            return bool_result(false);
        }
        return Ok(Shallow::Walk(Task::Seq(
            OwnedItems::new(a.clone()),
            OwnedItems::new(b.clone()),
        )));
    }
    if is_map(a) {
        if !(is_map(b) || instance_b) || coll_count(a)? != coll_count(b)? {
            return bool_result(false);
        }
        // Look keys up in a hashed map when one side is sorted.
        let (a, b) = if matches!(b.view(), View::SortedMap(_)) {
            (b, a)
        } else {
            (a, b)
        };
        let es: Vec<(Value, Value)> = entries(a).collect::<Result<_>>()?;
        return Ok(Shallow::Walk(Task::Map(es.into_iter(), b.clone())));
    }
    if is_set(a) {
        return bool_result(match java_set(b) {
            Some(b) => set_equal(a, &b)?,
            None => (is_set(b) || instance_b) && set_equal(a, b)?,
        });
    }
    // APersistentSet.equiv accepts any java.util.Set.
    if let (Some(a), true) = (java_set(a), is_set(b)) {
        return bool_result(set_equal(&a, b)?);
    }
    // Regexes, fns, exceptions, transients: identity (checked above).
    bool_result(false)
}

fn java_number_equals(a: &Value, b: &Value) -> bool {
    // Integer, Short, Byte and Long are four classes: `(.equals (int 1) 1)`
    // is false.
    if a.as_int_box().map(|x| x.width()) != b.as_int_box().map(|x| x.width()) {
        return false;
    }
    match (a.view(), b.view()) {
        (View::Long(x), View::Long(y)) => x == y,
        (View::BigInt(x), View::BigInt(y)) => x == y,
        (View::BigInteger(x), View::BigInteger(y)) => x == y,
        (View::Ratio(x), View::Ratio(y)) => x == y,
        (View::BigDec(x), View::BigDec(y)) => {
            x.as_bigint_and_exponent() == y.as_bigint_and_exponent()
        }
        _ => false,
    }
}

/// A count known without walking, for a quick length mismatch.
fn known_count(v: &Value) -> Option<usize> {
    match v.view() {
        View::Vector(x) => Some(x.count()),
        View::SubVector(x) => Some(x.count()),
        View::Queue(x) => Some(x.count()),
        View::List(x) => Some(x.count()),
        View::MapEntry(_) => Some(2),
        _ => None,
    }
}

/// The items of a collection or seq, in order, owning the collection (so it
/// can sit on an explicit stack): vectors by index, hash sets copied out,
/// everything else through its seq (O(1) per step for lists, lazy for lazy
/// seqs).
pub(crate) enum OwnedItems {
    Indexed(Value, usize),
    Collected(std::vec::IntoIter<Value>),
    Seq(seq::SeqIter),
}

impl OwnedItems {
    pub(crate) fn new(coll: Value) -> OwnedItems {
        match coll.view() {
            View::Vector(_) | View::MapEntry(_) => OwnedItems::Indexed(coll, 0),
            View::HashSet(s) => {
                OwnedItems::Collected(s.iter().cloned().collect::<Vec<_>>().into_iter())
            }
            _ => OwnedItems::Seq(seq::iter(&coll)),
        }
    }
}

impl Iterator for OwnedItems {
    type Item = Result<Value>;
    fn next(&mut self) -> Option<Result<Value>> {
        match self {
            OwnedItems::Seq(s) => s.next(),
            OwnedItems::Collected(it) => it.next().map(Ok),
            OwnedItems::Indexed(coll, pos) => {
                let i = *pos;
                *pos += 1;
                let x = match coll.view() {
                    View::Vector(v) => v.nth(i).cloned(),
                    View::MapEntry(e) => match i {
                        0 => Some(e.key().clone()),
                        1 => Some(e.val().clone()),
                        _ => None,
                    },
                    _ => None,
                };
                x.map(Ok)
            }
        }
    }
}

/// The items of a collection or seq in order (borrowing).
pub(crate) fn items(v: &Value) -> Box<dyn Iterator<Item = Result<Value>> + '_> {
    match v.view() {
        View::Vector(x) => Box::new(x.iter().map(|i| Ok(i.clone()))),
        View::List(x) => Box::new(x.iter().map(|i| Ok(i.clone()))),
        View::HashSet(x) => Box::new(x.iter().map(|i| Ok(i.clone()))),
        View::MapEntry(e) => Box::new([e.key().clone(), e.val().clone()].into_iter().map(Ok)),
        _ => Box::new(seq::iter(v)),
    }
}

/// The entries of a map as key/value pairs, in the map's order.
pub(crate) fn entries(m: &Value) -> Box<dyn Iterator<Item = Result<(Value, Value)>> + '_> {
    match m.view() {
        View::ArrayMap(x) => Box::new(x.iter().map(|(k, v)| Ok((k.clone(), v.clone())))),
        View::HashMap(x) => Box::new(x.iter().map(|(k, v)| Ok((k.clone(), v.clone())))),
        _ => Box::new(seq::iter(m).map(|e| {
            let e = e?;
            match e.view() {
                View::MapEntry(me) => Ok((me.key().clone(), me.val().clone())),
                _ => Ok((e.clone(), Value::NIL)),
            }
        })),
    }
}

fn coll_count(v: &Value) -> Result<usize> {
    match v.view() {
        View::ArrayMap(x) => Ok(x.count()),
        View::HashMap(x) => Ok(x.count()),
        View::HashSet(x) => Ok(x.count()),
        View::Instance(_) => seq::count(v),
        // TODO(sorted): use SortedMap/SortedSet::count once their API lands.
        _ => {
            let mut n = 0;
            for x in items(v) {
                x?;
                n += 1;
            }
            Ok(n)
        }
    }
}

/// `(get m k)` distinguishing a missing key (None) from a nil value.
fn map_lookup(m: &Value, k: &Value) -> Result<Option<Value>> {
    match m.view() {
        View::ArrayMap(x) => Ok(x.get(k).cloned()),
        View::HashMap(x) => {
            super::hash::check_key(k)?;
            Ok(x.get(k).cloned())
        }
        // A java.util.Map type: containsKey, then get (or valAt).
        View::Instance(i) if i.has_method("containsKey") => {
            let ks = std::slice::from_ref(k);
            let found = crate::runtime::types::call_method(m, "containsKey", ks);
            if !found.transpose()?.is_some_and(|f| f.truthy()) {
                return Ok(None);
            }
            let getter = if i.has_method("get") { "get" } else { "valAt" };
            crate::runtime::types::call_method(m, getter, ks).transpose()
        }
        _ => {
            // TODO(sorted): SortedMap lookup by comparator once its API lands.
            for e in entries(m) {
                let (ek, ev) = e?;
                if try_equiv(&ek, k)? {
                    return Ok(Some(ev));
                }
            }
            Ok(None)
        }
    }
}

fn set_contains(s: &Value, k: &Value) -> Result<bool> {
    match s.view() {
        View::HashSet(x) => {
            super::hash::check_key(k)?;
            Ok(x.contains(k))
        }
        _ => {
            // TODO(sorted): SortedSet lookup by comparator once its API lands.
            for x in items(s) {
                if try_equiv(&x?, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// APersistentSet.equiv: same size, and every item of `b` is in `a`
/// (membership is `=`-based in both modes, as the JVM's `contains`).
/// A java.util.List host object's items as a vector, a java.util.Map's
/// entries as a map.
fn java_coll(v: &Value) -> Option<Value> {
    use super::object::HostObject as H;
    match v.view() {
        View::HostObject(o @ H::JavaMap(..)) => Some(Value::map_from_pairs(
            o.java_map_entries().unwrap_or_default(),
        )),
        View::HostObject(H::ArrayList(l)) => Some(Value::vector(super::gc::lock(l).clone())),
        View::HostObject(H::LinkedList(c, l)) if *c == "java.util.LinkedList" => {
            Some(Value::vector(super::gc::lock(l).clone()))
        }
        _ => None,
    }
}

/// A java.util.Set host object's items as a Clojure set.
fn java_set(v: &Value) -> Option<Value> {
    match v.view() {
        View::HostObject(super::object::HostObject::Foreign(_, f)) if f.is_set() => Some(
            crate::runtime::coll::ops::hash_set_of(f.items().unwrap_or_default()),
        ),
        _ => None,
    }
}

fn set_equal(a: &Value, b: &Value) -> Result<bool> {
    if coll_count(a)? != coll_count(b)? {
        return Ok(false);
    }
    let (a, b) = if matches!(a.view(), View::SortedSet(_)) {
        (b, a)
    } else {
        (a, b)
    };
    for x in items(b) {
        if !set_contains(a, &x?)? {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
#[path = "equality_tests.rs"]
mod tests;
