//! Generic collection operations over Values, as clojure.lang.RT does them:
//! `conj`, `assoc`, `dissoc`, `disj`, `peek`, `pop`, `empty`, `nth`,
//! `contains?`, `find`, `subvec`, `rseq`, `keys`/`vals` and the transient
//! ops. They live in runtime/ because several need the `Ref` behind a value
//! (vector seqs and subvecs share their parent).

use super::{HashMap, HashSet, List, MapEntry, Queue, Vector};
use crate::runtime::compare::cast_message;
use crate::runtime::equality::realise_array_map_key;
use crate::runtime::error::{Exception, Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::hash::check_key;
use crate::runtime::object::HostObject;
use crate::runtime::seq;
use crate::runtime::value::{Repr, Value, View};

fn cce<T>(x: &Value, to: &str) -> Result<T> {
    err::class_cast(cast_message(x.class_name(), to))
}

fn ioobe() -> Exception {
    super::vector::index_out_of_bounds()
}

/// Simple class name (after the last `.` or `$`), as JVM messages use it.
pub fn simple_class_name(x: &Value) -> &'static str {
    let n = x.class_name();
    n.rsplit(['.', '$']).next().unwrap_or(n)
}

fn wrap<T>(x: T) -> Value
where
    Value: From<Ref<T>>,
{
    Value::from(Ref::new(x))
}

/// A map entry as a two-item vector (`conj`/`assoc`/`pop` on an entry).
fn entry_vec(e: &MapEntry) -> Vector {
    Vector::from_vec(vec![e.key().clone(), e.val().clone()])
}

/// `(conj coll x)` (RT.conj): nil gives a list.
pub fn conj(coll: &Value, x: Value) -> Result<Value> {
    if let Repr::HashSet(_) = &coll.0 {
        check_key(&x)?;
    }
    Ok(match &coll.0 {
        Repr::Nil => Value::list(vec![x]),
        Repr::List(l) => wrap(l.conj(x)),
        Repr::Vector(v) => wrap(v.conj(x)),
        Repr::SubVector(v) => wrap(v.conj(x)),
        Repr::MapEntry(e) => wrap(entry_vec(e).conj(x)),
        Repr::Queue(q) => wrap(q.conj(x)),
        Repr::HashSet(s) => wrap(s.conj(x)),
        Repr::SortedSet(s) => wrap(s.conj(x)?),
        Repr::ArrayMap(_) | Repr::HashMap(_) | Repr::SortedMap(_) => map_conj(coll, x)?,
        Repr::Instance(i) if i.is_record() => map_conj(coll, x)?,
        Repr::Instance(_) => match crate::runtime::types::call_method(coll, "cons", &[x]) {
            Some(r) => r?,
            None => return cce(coll, "clojure.lang.IPersistentCollection"),
        },
        // LazySeq.cons is RT.cons(x, seq()): conj realises it (and
        // throws what realising throws).
        Repr::LazySeq(_) => seq::cons(x, &seq::seq(coll)?)?,
        _ if seq::is_seq(coll) => seq::cons(x, coll)?,
        _ => return cce(coll, "clojure.lang.IPersistentCollection"),
    })
}

/// APersistentMap.cons: an entry, a pair vector, or a seq of entries.
fn map_conj(m: &Value, x: Value) -> Result<Value> {
    match x.view() {
        View::MapEntry(e) => assoc(m, e.key().clone(), e.val().clone()),
        View::Vector(_) | View::SubVector(_) => {
            if seq::count(&x)? != 2 {
                return err::illegal_arg("Vector arg to map conj must be a pair");
            }
            assoc(m, nth(&x, 0)?, nth(&x, 1)?)
        }
        _ => {
            let mut acc = m.clone();
            for e in seq::iter(&x) {
                let e = e?;
                match e.view() {
                    View::MapEntry(me) => acc = assoc(&acc, me.key().clone(), me.val().clone())?,
                    _ => return cce(&e, "java.util.Map$Entry"),
                }
            }
            Ok(acc)
        }
    }
}

/// A vector index from a key (APersistentVector.assoc): integers only.
fn vec_index(k: &Value) -> Result<i64> {
    if !crate::runtime::number::is_util_integer(k) {
        return err::illegal_arg("Key must be integer");
    }
    match k.view() {
        View::Long(n) => Ok(n),
        View::BigInt(_) | View::BigInteger(_) => crate::runtime::number::long_value(k),
        _ => err::illegal_arg("Key must be integer"),
    }
}

/// `(assoc coll k v)` (RT.assoc): nil gives an array map.
pub fn assoc(coll: &Value, k: Value, v: Value) -> Result<Value> {
    match &coll.0 {
        Repr::HashMap(_) => check_key(&k)?,
        Repr::ArrayMap(m) => realise_array_map_key(&k, m.count())?,
        _ => {}
    }
    Ok(match &coll.0 {
        Repr::Nil => Value::map_from_pairs(vec![(k, v)]),
        // JVM maps return themselves when the key already maps to this very
        // value (`(identical? m (assoc m :a 1))` can be true).
        Repr::ArrayMap(m) if m.get(&k).is_some_and(|old| old.identical(&v)) => coll.clone(),
        Repr::HashMap(m) if m.get(&k).is_some_and(|old| old.identical(&v)) => coll.clone(),
        Repr::SortedMap(m) if m.get(&k)?.is_some_and(|old| old.identical(&v)) => coll.clone(),
        Repr::ArrayMap(m) => m.assoc(k, v),
        Repr::HashMap(m) => wrap(m.assoc(k, v)),
        Repr::SortedMap(m) => wrap(m.assoc(k, v)?),
        Repr::Vector(vec) => {
            let i = vec_index(&k)?;
            let i = usize::try_from(i).map_err(|_| ioobe())?;
            if i == vec.count() {
                wrap(vec.conj(v))
            } else {
                wrap(vec.assoc_n(i, v).ok_or_else(ioobe)?)
            }
        }
        Repr::SubVector(vec) => {
            let i = vec_index(&k)?;
            let i = usize::try_from(i).map_err(|_| ioobe())?;
            if i == vec.count() {
                wrap(vec.conj(v))
            } else {
                wrap(vec.assoc_n(i, v).ok_or_else(ioobe)?)
            }
        }
        Repr::MapEntry(e) => {
            let vec = entry_vec(e);
            let i = usize::try_from(vec_index(&k)?).map_err(|_| ioobe())?;
            if i == 2 {
                wrap(vec.conj(v))
            } else {
                wrap(vec.assoc_n(i, v).ok_or_else(ioobe)?)
            }
        }
        Repr::Instance(i) if i.is_record() => crate::runtime::types::record_assoc(i, k, v)?,
        Repr::Instance(_) => match crate::runtime::types::call_method(coll, "assoc", &[k, v]) {
            Some(r) => r?,
            None => return cce(coll, "clojure.lang.Associative"),
        },
        _ => return cce(coll, "clojure.lang.Associative"),
    })
}

/// `(dissoc m k)`: nil stays nil.
pub fn dissoc(coll: &Value, k: &Value) -> Result<Value> {
    if let Repr::HashMap(_) = &coll.0 {
        check_key(k)?;
    }
    Ok(match &coll.0 {
        Repr::Nil => Value::NIL,
        Repr::ArrayMap(m) => m.without(k),
        Repr::HashMap(m) => wrap(m.without(k)),
        Repr::SortedMap(m) => wrap(m.without(k)?),
        Repr::Instance(i) if i.is_record() => crate::runtime::types::record_dissoc(i, k)?,
        Repr::Instance(_) => {
            match crate::runtime::types::call_method(coll, "without", std::slice::from_ref(k)) {
                Some(r) => r?,
                None => return cce(coll, "clojure.lang.IPersistentMap"),
            }
        }
        _ => return cce(coll, "clojure.lang.IPersistentMap"),
    })
}

/// `(disj s x)`: nil stays nil.
pub fn disj(coll: &Value, x: &Value) -> Result<Value> {
    if let Repr::HashSet(_) = &coll.0 {
        check_key(x)?;
    }
    Ok(match &coll.0 {
        Repr::Nil => Value::NIL,
        Repr::HashSet(s) => wrap(s.disj(x)),
        Repr::SortedSet(s) => wrap(s.disj(x)?),
        Repr::Instance(_) => {
            match crate::runtime::types::call_method(coll, "disjoin", std::slice::from_ref(x)) {
                Some(r) => r?,
                None => return cce(coll, "clojure.lang.IPersistentSet"),
            }
        }
        _ => return cce(coll, "clojure.lang.IPersistentSet"),
    })
}

/// `(peek coll)`: lists and queues from the front, vectors from the end.
pub fn peek(coll: &Value) -> Result<Value> {
    Ok(match coll.view() {
        View::Nil => Value::NIL,
        View::List(l) => {
            if l.is_empty() {
                Value::NIL
            } else {
                l.first().clone()
            }
        }
        View::Vector(v) => v.peek().cloned().unwrap_or(Value::NIL),
        View::SubVector(v) => v.peek().cloned().unwrap_or(Value::NIL),
        View::MapEntry(e) => e.val().clone(),
        View::Queue(q) => q.peek().cloned().unwrap_or(Value::NIL),
        View::Instance(_) => match crate::runtime::types::call_method(coll, "peek", &[]) {
            Some(r) => r?,
            None => return cce(coll, "clojure.lang.IPersistentStack"),
        },
        _ => return cce(coll, "clojure.lang.IPersistentStack"),
    })
}

/// `(pop coll)`.
pub fn pop(coll: &Value) -> Result<Value> {
    Ok(match &coll.0 {
        Repr::Nil => Value::NIL,
        Repr::List(l) => match l.pop() {
            Some(p) => wrap(p),
            None => return err::illegal_state("Can't pop empty list"),
        },
        Repr::Vector(v) => wrap(v.pop().ok_or_else(super::vector::pop_empty)?),
        Repr::SubVector(v) => v.pop().ok_or_else(super::vector::pop_empty)?,
        Repr::MapEntry(e) => Value::vector(vec![e.key().clone()]),
        Repr::Queue(q) => wrap(q.pop().unwrap_or_else(|| q.with_meta(q.meta().cloned()))),
        Repr::Instance(_) => match crate::runtime::types::call_method(coll, "pop", &[]) {
            Some(r) => r?,
            None => return cce(coll, "clojure.lang.IPersistentStack"),
        },
        _ => return cce(coll, "clojure.lang.IPersistentStack"),
    })
}

/// `(empty coll)`: an empty collection of the same kind with the same
/// metadata; nil for non-collections; `()` for seqs.
pub fn empty(coll: &Value) -> Value {
    let meta = crate::runtime::meta::meta(coll);
    let meta = if meta.is_nil() { None } else { Some(meta) };
    match coll.view() {
        View::List(_) => wrap(List::empty().with_meta(meta)),
        View::Vector(_) | View::SubVector(_) => wrap(Vector::empty().with_meta(meta)),
        View::MapEntry(_) => Value::NIL,
        View::Queue(_) => wrap(Queue::empty().with_meta(meta)),
        View::ArrayMap(m) => wrap(m.empty_like()),
        View::HashMap(m) => wrap(m.empty_like()),
        View::HashSet(s) => wrap(s.empty_like()),
        View::SortedMap(m) => wrap(m.empty_like()),
        View::SortedSet(s) => wrap(s.empty_like()),
        _ if seq::is_seq(coll) => Value::empty_list(),
        _ => Value::NIL,
    }
}

/// The int index of `nth` (RT.intCast): numbers only.
pub fn int_index(n: &Value) -> Result<i64> {
    if !crate::runtime::number::is_number(n) {
        return cce(n, "java.lang.Number");
    }
    Ok(crate::runtime::number::to_int(n)? as i64)
}

/// `(nth coll i)`: IndexOutOfBoundsException out of range.
pub fn nth(coll: &Value, i: i64) -> Result<Value> {
    // RT.nth on a Matcher is Matcher.group(n).
    if let View::HostObject(HostObject::Matcher(m)) = coll.view() {
        let Ok(n) = usize::try_from(i) else {
            m.group(0)?;
            return err::index_out_of_bounds(format!("No group {i}"));
        };
        return Ok(m.group(n)?.map_or(Value::NIL, Value::string));
    }
    if let Some(r) = crate::runtime::types::call_method(coll, "nth", &[Value::long(i)]) {
        return r;
    }
    match nth_opt(coll, i)? {
        Some(v) => Ok(v),
        None => match coll.view() {
            View::Nil => Ok(Value::NIL),
            View::Str(st) => Err(st.char_at_error(i)),
            // RT.nthFrom's java.lang.reflect.Array.get.
            _ if coll.class_name().starts_with('[') => Err(Exception::full(
                crate::runtime::error::ExClass::ArrayIndexOutOfBoundsException,
                None,
                None,
                None,
            )
            .at_jdk(crate::runtime::jdk_frame::REFLECT_ARRAY_GET)),
            _ => Err(ioobe()),
        },
    }
}

/// `(nth coll i not-found)`.
pub fn nth_or(coll: &Value, i: i64, not_found: Value) -> Result<Value> {
    if let View::HostObject(HostObject::Matcher(m)) = coll.view() {
        // Out of range, or no current match: not-found.
        return Ok(match usize::try_from(i).ok().map(|n| m.group(n)) {
            Some(Ok(g)) => g.map_or(Value::NIL, Value::string),
            _ => not_found,
        });
    }
    if let Some(r) =
        crate::runtime::types::call_method(coll, "nth", &[Value::long(i), not_found.clone()])
    {
        return r;
    }
    // RT.nthFrom answers not-found for a negative index before it looks
    // at the type: `(nth :k -1 3)` is 3.
    if i < 0 {
        return Ok(not_found);
    }
    Ok(nth_opt(coll, i)?.unwrap_or(not_found))
}

/// The item at `i`, None when out of range; errors for non-indexable types.
fn nth_opt(coll: &Value, i: i64) -> Result<Option<Value>> {
    let idx = usize::try_from(i).ok();
    Ok(match coll.view() {
        View::Nil => None,
        View::Vector(v) => idx.and_then(|i| v.nth(i).cloned()),
        View::SubVector(v) => idx.and_then(|i| v.nth(i).cloned()),
        View::MapEntry(e) => match i {
            0 => Some(e.key().clone()),
            1 => Some(e.val().clone()),
            _ => None,
        },
        View::Str(s) => {
            let Some(i) = idx else { return Ok(None) };
            s.unit_at(i).map(Value::char_unit)
        }
        View::ArrayChunk(c) => idx.and_then(|i| c.nth(i).cloned()),
        View::HostObject(o) if o.list_items().is_some() => {
            idx.and_then(|i| o.list_items().and_then(|v| v.get(i).cloned()))
        }
        View::TransientVector(t) => match idx {
            Some(i) => t.nth(i)?,
            None => None,
        },
        _ if seq::is_seq(coll) || matches!(coll.view(), View::Queue(_)) => {
            // RT.nthFrom realises the seq before it looks at the index:
            // `(nth (keep keyword -5) -1)` throws keep's exception.
            let mut s = seq::seq(coll)?;
            let Some(n) = idx else { return Ok(None) };
            let mut k = 0;
            while !s.is_nil() {
                if k == n {
                    return Ok(Some(seq::first(&s)?));
                }
                k += 1;
                s = seq::next(&s)?;
            }
            None
        }
        _ => {
            return err::unsupported(format!(
                "nth not supported on this type: {}",
                simple_class_name(coll)
            ));
        }
    })
}

/// `(contains? coll k)`.
pub fn contains(coll: &Value, k: &Value) -> Result<bool> {
    Ok(match coll.view() {
        View::Nil => false,
        View::ArrayMap(m) => {
            realise_array_map_key(k, m.count())?;
            m.contains_key(k)
        }
        View::HashMap(m) => {
            check_key(k)?;
            m.contains_key(k)
        }
        View::SortedMap(m) => m.contains_key(k)?,
        View::HashSet(s) => {
            check_key(k)?;
            s.contains(k)
        }
        View::SortedSet(s) => s.contains(k)?,
        View::TransientMap(t) => t.contains_key(k)?,
        View::TransientSet(t) => t.contains(k)?,
        // java.util.Set / Map objects of the interop layer.
        View::HostObject(crate::runtime::object::HostObject::Foreign(_, f))
            if f.set_contains(k).is_some() =>
        {
            f.set_contains(k).unwrap_or(Ok(false))?
        }
        View::Instance(i) if i.is_record() => i.record_get(k)?.is_some(),
        // Associative.containsKey, else IPersistentSet.contains.
        View::Instance(i) if i.has_method("containsKey") || i.has_method("contains") => {
            let m = if i.has_method("containsKey") {
                "containsKey"
            } else {
                "contains"
            };
            match crate::runtime::types::call_method(coll, m, std::slice::from_ref(k)) {
                Some(r) => r?.truthy(),
                None => false,
            }
        }
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_) | View::TransientVector(_) => {
            let n = seq_count_of(coll)?;
            match k.view() {
                View::Long(i) => i >= 0 && (i as u64) < n as u64,
                View::BigInt(_)
                | View::BigInteger(_)
                | View::Double(_)
                | View::Float(_)
                | View::Ratio(_)
                | View::BigDec(_) => {
                    let i = crate::runtime::number::long_value(k)? as i32 as i64;
                    i >= 0 && (i as u64) < n as u64
                }
                _ => false,
            }
        }
        View::Str(s) => match k.view() {
            View::Long(i) => i >= 0 && (i as u64) < s.utf16_len() as u64,
            _ if crate::runtime::number::is_number(k) => {
                let i = crate::runtime::number::long_value(k)? as i32 as i64;
                i >= 0 && (i as u64) < s.utf16_len() as u64
            }
            // RT.contains only indexes strings and arrays by a Number.
            _ => return unsupported_contains(coll),
        },
        View::HostObject(o @ super::super::object::HostObject::JavaMap(..)) => {
            o.java_map_entry(k).is_some()
        }
        // Java arrays: a numeric key within the index range (RT.contains).
        View::HostObject(o @ super::super::object::HostObject::Array(..)) => {
            let n = o.list_items().map_or(0, |v| v.len());
            match k.view() {
                View::Long(i) => i >= 0 && (i as u64) < n as u64,
                _ if crate::runtime::number::is_number(k) => {
                    let i = crate::runtime::number::long_value(k)? as i32 as i64;
                    i >= 0 && (i as u64) < n as u64
                }
                _ => return unsupported_contains(coll),
            }
        }
        _ => {
            return err::illegal_arg(format!(
                "contains? not supported on type: {}",
                coll.class_name()
            ));
        }
    })
}

fn unsupported_contains<T>(coll: &Value) -> Result<T> {
    err::illegal_arg(format!(
        "contains? not supported on type: {}",
        coll.class_name()
    ))
}

fn seq_count_of(coll: &Value) -> Result<usize> {
    match coll.view() {
        View::TransientVector(t) => t.count(),
        _ => seq::count(coll),
    }
}

/// `(find m k)`: the map entry, nil when missing.
pub fn find(coll: &Value, k: &Value) -> Result<Value> {
    let e = |k: &Value, v: &Value| Value::map_entry(k.clone(), v.clone());
    Ok(match coll.view() {
        View::Nil => Value::NIL,
        View::ArrayMap(m) => m.entry(k).map(|(k, v)| e(k, v)).unwrap_or(Value::NIL),
        View::HashMap(m) => {
            check_key(k)?;
            m.entry(k).map(|(k, v)| e(k, v)).unwrap_or(Value::NIL)
        }
        View::SortedMap(m) => m.entry(k)?.map(|(k, v)| e(k, v)).unwrap_or(Value::NIL),
        // TransientVector is an ITransientAssociative2 (entryAt) too.
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_) | View::TransientVector(_) => {
            match k.view() {
                View::Long(i) => match nth_opt(coll, i)? {
                    Some(v) => Value::map_entry(k.clone(), v),
                    None => Value::NIL,
                },
                _ => Value::NIL,
            }
        }
        View::TransientMap(t) => match t.get(k)? {
            Some(v) => Value::map_entry(k.clone(), v),
            None => Value::NIL,
        },
        View::Instance(i) if i.is_record() => match i.record_get(k)? {
            Some(v) => Value::map_entry(k.clone(), v),
            None => Value::NIL,
        },
        // RT.find: an Associative's entryAt.
        View::Instance(i) if i.has_method("entryAt") => {
            match crate::runtime::types::call_method(coll, "entryAt", std::slice::from_ref(k)) {
                Some(r) => r?,
                None => Value::NIL,
            }
        }
        View::HostObject(o @ super::super::object::HostObject::JavaMap(..)) => {
            match o.java_map_entry(k) {
                Some((k, v)) => e(&k, &v),
                None => Value::NIL,
            }
        }
        _ => {
            return err::illegal_arg(format!("find not supported on type: {}", coll.class_name()));
        }
    })
}

/// `(subvec v start end)`.
pub fn subvec(coll: &Value, start: i64, end: i64) -> Result<Value> {
    // RT.subvec casts to IPersistentVector before it checks the bounds;
    // nil passes the cast, and `end < start || start < 0` come before the
    // `v.count()` that throws NullPointerException.
    if coll.is_nil() && (end < start || start < 0) {
        return Err(ioobe());
    }
    if !matches!(
        &coll.0,
        Repr::Vector(_) | Repr::SubVector(_) | Repr::MapEntry(_)
    ) {
        return cce(coll, "clojure.lang.IPersistentVector");
    }
    let (Ok(s), Ok(e)) = (usize::try_from(start), usize::try_from(end)) else {
        return Err(ioobe());
    };
    let out = match &coll.0 {
        Repr::Vector(v) => v.subvec(s, e),
        Repr::SubVector(v) => v.subvec(s, e),
        Repr::MapEntry(me) => Ref::new(entry_vec(me)).subvec(s, e),
        _ => return cce(coll, "clojure.lang.IPersistentVector"),
    };
    out.ok_or_else(ioobe)
}

/// `(rseq coll)`: vectors and sorted colls; nil when empty.
pub fn rseq(coll: &Value) -> Result<Value> {
    Ok(match &coll.0 {
        Repr::Vector(v) => v.rseq(),
        Repr::SubVector(v) => v.rseq(),
        Repr::MapEntry(e) => Ref::new(entry_vec(e)).rseq(),
        Repr::SortedMap(m) => m.rseq(),
        Repr::SortedSet(s) => s.rseq(),
        Repr::Instance(_) => match crate::runtime::types::call_method(coll, "rseq", &[]) {
            Some(r) => r?,
            None => return cce(coll, "clojure.lang.Reversible"),
        },
        _ => return cce(coll, "clojure.lang.Reversible"),
    })
}

/// `(keys m)` / `(vals m)`: nil when empty; other seqables are walked as
/// seqs of entries (a ClassCastException on realising a non-entry).
pub fn keys_or_vals(coll: &Value, keys: bool) -> Result<Value> {
    Ok(match coll.view() {
        View::Nil => Value::NIL,
        View::ArrayMap(m) => {
            if keys {
                m.keys_seq()
            } else {
                m.vals_seq()
            }
        }
        View::HashMap(m) => {
            if keys {
                m.keys_seq()
            } else {
                m.vals_seq()
            }
        }
        View::SortedMap(m) => {
            if keys {
                m.keys_seq()
            } else {
                m.vals_seq()
            }
        }
        _ => {
            let s = seq::seq(coll)?;
            if s.is_nil() {
                return Ok(Value::NIL);
            }
            entry_part_seq(s, keys)
        }
    })
}

/// A lazy seq of the keys (or vals) of a seq of entries.
fn entry_part_seq(s: Value, keys: bool) -> Value {
    Value::lazy_seq_native(move || {
        let s = seq::seq(&s)?;
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        let e = seq::first(&s)?;
        let part = match e.view() {
            View::MapEntry(me) => {
                if keys {
                    me.key().clone()
                } else {
                    me.val().clone()
                }
            }
            _ => return cce(&e, "java.util.Map$Entry"),
        };
        let rest = seq::next(&s)?;
        seq::cons(part, &entry_part_seq(rest, keys))
    })
}

/// `(transient coll)`.
pub fn transient(coll: &Value) -> Result<Value> {
    match &coll.0 {
        Repr::Vector(v) => Ok(wrap(super::TransientVector::new(v))),
        Repr::Instance(_) => match instance_op(coll, "asTransient", &[]) {
            Some(r) => r,
            None => cce(coll, "clojure.lang.IEditableCollection"),
        },
        _ => match coll.transient_of() {
            Some(t) => Ok(t),
            None => cce(coll, "clojure.lang.IEditableCollection"),
        },
    }
}

/// A deftype/reify method standing for a core operation (None when `coll`
/// is not such an object or lacks the method).
fn instance_op(coll: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    crate::runtime::types::call_method(coll, method, args)
}

fn not_transient<T>(coll: &Value) -> Result<T> {
    cce(coll, "clojure.lang.ITransientCollection")
}

/// `(persistent! t)`.
pub fn persistent(coll: &Value) -> Result<Value> {
    match coll.view() {
        View::TransientVector(t) => Ok(wrap(t.persistent()?)),
        View::TransientMap(t) => t.persistent(),
        View::TransientSet(t) => t.persistent(),
        _ => instance_op(coll, "persistent", &[]).unwrap_or_else(|| not_transient(coll)),
    }
}

/// `(conj! t x)`: returns the transient to keep using.
pub fn conj_mut(coll: &Value, x: Value) -> Result<Value> {
    match coll.view() {
        View::TransientVector(t) => t.conj(x)?,
        View::TransientSet(t) => t.conj(x)?,
        View::TransientMap(t) => {
            // ATransientMap.conj: an entry, a pair vector or a seq of entries.
            let mut acc = coll.clone();
            match x.view() {
                View::MapEntry(e) => return assoc_mut(coll, e.key().clone(), e.val().clone()),
                View::Vector(_) | View::SubVector(_) => {
                    if seq::count(&x)? != 2 {
                        return err::illegal_arg("Vector arg to map conj must be a pair");
                    }
                    return assoc_mut(coll, nth(&x, 0)?, nth(&x, 1)?);
                }
                _ => {
                    let _ = t;
                    for e in seq::iter(&x) {
                        let e = e?;
                        match e.view() {
                            View::MapEntry(me) => {
                                acc = assoc_mut(&acc, me.key().clone(), me.val().clone())?
                            }
                            _ => return cce(&e, "java.util.Map$Entry"),
                        }
                    }
                    return Ok(acc);
                }
            }
        }
        _ => return instance_op(coll, "conj", &[x]).unwrap_or_else(|| not_transient(coll)),
    }
    Ok(coll.clone())
}

/// `(assoc! t k v)`.
pub fn assoc_mut(coll: &Value, k: Value, v: Value) -> Result<Value> {
    match coll.view() {
        View::TransientMap(t) => Ok(t.assoc(k, v)?.unwrap_or_else(|| coll.clone())),
        View::TransientVector(t) => {
            let i = vec_index(&k)?;
            let i = usize::try_from(i).map_err(|_| ioobe())?;
            if i == t.count()? {
                t.conj(v)?;
            } else {
                t.assoc_n(i, v)?;
            }
            Ok(coll.clone())
        }
        _ => instance_op(coll, "assoc", &[k, v])
            .unwrap_or_else(|| cce(coll, "clojure.lang.ITransientAssociative")),
    }
}

/// `(dissoc! t k)`.
pub fn dissoc_mut(coll: &Value, k: &Value) -> Result<Value> {
    match coll.view() {
        View::TransientMap(t) => {
            t.without(k)?;
            Ok(coll.clone())
        }
        _ => instance_op(coll, "without", std::slice::from_ref(k))
            .unwrap_or_else(|| cce(coll, "clojure.lang.ITransientMap")),
    }
}

/// `(disj! t x)`.
pub fn disj_mut(coll: &Value, x: &Value) -> Result<Value> {
    match coll.view() {
        View::TransientSet(t) => {
            t.disj(x)?;
            Ok(coll.clone())
        }
        _ => instance_op(coll, "disjoin", std::slice::from_ref(x))
            .unwrap_or_else(|| cce(coll, "clojure.lang.ITransientSet")),
    }
}

/// `(pop! t)`.
pub fn pop_mut(coll: &Value) -> Result<Value> {
    match coll.view() {
        View::TransientVector(t) => {
            t.pop()?;
            Ok(coll.clone())
        }
        _ => instance_op(coll, "pop", &[])
            .unwrap_or_else(|| cce(coll, "clojure.lang.ITransientVector")),
    }
}

/// Count of a transient (for `count`).
pub fn transient_count(coll: &Value) -> Result<Option<usize>> {
    Ok(match coll.view() {
        View::TransientVector(t) => Some(t.count()?),
        View::TransientMap(t) => Some(t.count()?),
        View::TransientSet(t) => Some(t.count()?),
        _ => None,
    })
}

/// `(get t k)` on transients (RT.get on ITransientAssociative / sets).
pub fn transient_get(coll: &Value, k: &Value, not_found: Value) -> Result<Option<Value>> {
    Ok(match coll.view() {
        View::TransientMap(t) => Some(t.get(k)?.unwrap_or(not_found)),
        View::TransientSet(t) => Some(t.get(k)?.unwrap_or(not_found)),
        View::TransientVector(t) => Some(match k.view() {
            View::Long(i) => match usize::try_from(i) {
                Ok(i) => t.nth(i)?.unwrap_or(not_found),
                Err(_) => not_found,
            },
            _ => not_found,
        }),
        _ => None,
    })
}

/// A hash set from items (`set`, `hash-set`): the first of equal items wins.
pub fn hash_set_of(items: impl IntoIterator<Item = Value>) -> Value {
    wrap(HashSet::from_items(items))
}

/// A hash-set value of a set built in place.
pub fn hash_set_value(s: HashSet) -> Value {
    wrap(s)
}

/// `(array-map k v ...)`: stays an array map at any size; a later equal
/// key replaces the value and keeps the first key.
pub fn array_map_of(pairs: Vec<(Value, Value)>) -> Value {
    let mut entries: Vec<(Value, Value)> = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        match entries
            .iter_mut()
            .find(|(ek, _)| crate::runtime::equality::equiv(ek, &k))
        {
            Some(e) => e.1 = v,
            None => entries.push((k, v)),
        }
    }
    wrap(super::ArrayMap::from_distinct(entries))
}

/// `(hash-map k v ...)`: a hash map even when small.
pub fn hash_map_of(pairs: Vec<(Value, Value)>) -> Value {
    wrap(HashMap::from_pairs(pairs))
}

/// `(sorted? coll)`.
pub fn is_sorted(coll: &Value) -> bool {
    matches!(coll.view(), View::SortedMap(_) | View::SortedSet(_))
}

/// `(subseq sc test k)`-style seq from a sorted coll: entries (or items)
/// from `k` on, ascending or descending; nil when none.
pub fn sorted_seq_from(coll: &Value, k: &Value, ascending: bool) -> Result<Value> {
    match coll.view() {
        View::SortedMap(m) => m.seq_from(k, ascending),
        View::SortedSet(s) => s.seq_from(k, ascending),
        _ => sorted_method(coll, "seqFrom", &[k.clone(), Value::bool(ascending)]),
    }
}

/// `(.seq sc ascending)`: a sorted coll's items in either order.
pub fn sorted_seq(coll: &Value, ascending: bool) -> Result<Value> {
    match coll.view() {
        View::SortedMap(_) | View::SortedSet(_) if ascending => seq::seq(coll),
        View::SortedMap(_) | View::SortedSet(_) => rseq(coll),
        _ => sorted_method(coll, "seq", &[Value::bool(ascending)]),
    }
}

/// `(.entryKey sc e)`: the key an entry of a sorted coll sorts by.
pub fn sorted_entry_key(coll: &Value, e: &Value) -> Result<Value> {
    match (coll.view(), e.view()) {
        (View::SortedMap(_), View::MapEntry(me)) => Ok(me.key().clone()),
        (View::SortedMap(_) | View::SortedSet(_), _) => Ok(e.clone()),
        _ => sorted_method(coll, "entryKey", std::slice::from_ref(e)),
    }
}

/// The comparator of a sorted coll as a Clojure-callable compare.
pub fn sorted_compare(coll: &Value, a: &Value, b: &Value) -> Result<std::cmp::Ordering> {
    match coll.view() {
        View::SortedMap(m) => m.comparator().compare(a, b),
        View::SortedSet(s) => s.comparator().compare(a, b),
        _ => {
            let c = sorted_method(coll, "comparator", &[])?;
            super::sorted::Comparator::from_value(c)?.compare(a, b)
        }
    }
}

/// A clojure.lang.Sorted method of a deftype that implements the interface.
fn sorted_method(coll: &Value, method: &str, args: &[Value]) -> Result<Value> {
    match coll.view() {
        View::Instance(i) if i.implements("clojure.lang.Sorted") => {
            match crate::runtime::types::call_method(coll, method, args) {
                Some(r) => r,
                None => cce(coll, "clojure.lang.Sorted"),
            }
        }
        _ => cce(coll, "clojure.lang.Sorted"),
    }
}
