//! Java interface methods of Clojure collections and seqs (`.size`,
//! `.get`, `.containsKey`, `.iterator`, `.reduce`, ...): what programs call
//! through java.util.Collection/List/Map, IPersistentCollection, IReduce.

use crate::runtime::coll::ops;
use crate::runtime::equality;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::HostObject;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

/// Does `x` get these methods (a persistent collection or a seq)?
pub fn applies(x: &Value) -> bool {
    !matches!(x.view(), View::Instance(_))
        && (seq::is_seq(x) || super::classes::is_instance("clojure.lang.IPersistentCollection", x))
}

/// `(clojure.core/name args...)`.
pub(super) fn core(name: &str, args: &[Value]) -> Result<Value> {
    match crate::builtins::lang::core_value(name) {
        Some(f) => func::invoke(&f, args),
        None => Err(Exception::new(
            ExClass::IllegalStateException,
            format!("clojure.core/{name} is missing"),
        )),
    }
}

fn index(i: &Value) -> Result<i64> {
    crate::runtime::number::convert::to_long(i)
}

/// The first index of an item equal to `x` (List.indexOf), or -1.
fn index_of(coll: &Value, x: &Value, last: bool) -> Result<Value> {
    let mut found = -1i64;
    for (i, item) in seq::iter(coll).enumerate() {
        if equality::equiv(&item?, x) {
            found = i as i64;
            if !last {
                break;
            }
        }
    }
    Ok(Value::long(found))
}

pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let is_map = equality::is_map(target);
    let is_set = equality::is_set(target);
    let is_sorted = matches!(target.view(), View::SortedMap(_) | View::SortedSet(_));
    Some(match (method, args) {
        ("size" | "count", []) => seq::count(target).map(|n| Value::long(n as i64)),
        // IPersistentVector.length.
        ("length", [])
            if matches!(
                target.view(),
                View::Vector(_) | View::SubVector(_) | View::MapEntry(_)
            ) =>
        {
            seq::count(target).map(|n| Value::long(n as i64))
        }
        ("isEmpty", []) => seq::seq(target).map(|s| Value::bool(s.is_nil())),
        ("containsKey", [k]) => ops::contains(target, k).map(Value::bool),
        ("containsValue", [v]) if is_map => (|| {
            for e in seq::iter(target) {
                let e = e?;
                if equality::equiv(&ops::nth(&e, 1)?, v) {
                    return Ok(Value::TRUE);
                }
            }
            Ok(Value::FALSE)
        })(),
        ("contains", [x]) if is_set => ops::contains(target, x).map(Value::bool),
        // java.util.Map's views (copies here, as the maps are immutable).
        ("keySet", []) if is_map => super::jset::persistent_map_set(target, true),
        ("entrySet", []) if is_map => super::jset::persistent_map_set(target, false),
        ("values", []) if is_map => (|| {
            let mut vals = Vec::new();
            for e in seq::iter(target) {
                vals.push(ops::nth(&e?, 1)?);
            }
            Ok(Value::from(Ref::new(HostObject::ArrayList(Lock::new(
                vals,
            )))))
        })(),
        ("contains", [x]) if !is_map => {
            index_of(target, x, false).map(|i| Value::bool(i.as_long() != Some(-1)))
        }
        ("get" | "valAt", [k]) if is_map || is_set => func::get(target, k, Value::NIL),
        ("valAt", [k, d]) => func::get(target, k, d.clone()),
        ("valAt", [k]) => func::get(target, k, Value::NIL),
        ("get" | "nth", [i]) => index(i).and_then(|i| ops::nth(target, i)),
        ("nth", [i, d]) => index(i).and_then(|i| ops::nth_or(target, i, d.clone())),
        ("entryAt", [k]) => ops::find(target, k),
        ("withMeta", [m]) => crate::runtime::meta::with_meta(target, m.clone()),
        ("meta", []) => Ok(crate::runtime::meta::meta(target)),
        // Map.Entry / IMapEntry (and MapEntry's public key/val fields).
        ("getKey" | "key" | "-key", []) if matches!(target.view(), View::MapEntry(_)) => {
            ops::nth(target, 0)
        }
        ("getValue" | "val" | "-val", []) if matches!(target.view(), View::MapEntry(_)) => {
            ops::nth(target, 1)
        }
        ("indexOf", [x]) => index_of(target, x, false),
        ("lastIndexOf", [x]) => index_of(target, x, true),
        ("seq", []) => seq::seq(target),
        ("first", []) => seq::first(target),
        ("next", []) => seq::next(target),
        ("more", []) => seq::rest(target),
        ("cons", [x]) => ops::conj(target, x.clone()),
        ("empty", []) => core("empty", std::slice::from_ref(target)),
        ("equiv", [x]) => Ok(Value::bool(equality::equiv(target, x))),
        ("peek", []) => ops::peek(target),
        ("pop", []) => ops::pop(target),
        ("assoc" | "assocN", [k, v]) => ops::assoc(target, k.clone(), v.clone()),
        ("without", [k]) => ops::dissoc(target, k),
        ("disjoin", [k]) => ops::disj(target, k),
        ("rseq", []) => ops::rseq(target),
        // IEditableCollection.
        ("asTransient", []) => core("transient", std::slice::from_ref(target)),
        ("reduce", [f]) => core("reduce", &[f.clone(), target.clone()]),
        ("reduce", [f, init]) => core("reduce", &[f.clone(), init.clone(), target.clone()]),
        ("kvreduce", [f, init]) => core("reduce-kv", &[f.clone(), init.clone(), target.clone()]),
        ("invoke", _) => func::invoke(target, args),
        ("toArray", []) => core("object-array", std::slice::from_ref(target)),
        // clojure.lang.Sorted (what subseq/rsubseq call).
        ("seqFrom", [k, asc]) if is_sorted => ops::sorted_seq_from(target, k, asc.truthy()),
        ("entryKey", [e]) if is_sorted => ops::sorted_entry_key(target, e),
        ("seq", [asc]) if is_sorted => {
            if asc.truthy() {
                seq::seq(target)
            } else {
                ops::rseq(target)
            }
        }
        ("comparator", []) => {
            use crate::runtime::coll::SortedComparator as Comparator;
            let c = match target.view() {
                View::SortedMap(m) => m.comparator(),
                View::SortedSet(s) => s.comparator(),
                _ => return None,
            };
            Ok(match c {
                Comparator::Fn(f) => f.clone(),
                // RT.DEFAULT_COMPARATOR: `compare`.
                Comparator::Default => {
                    crate::builtins::lang::core_value("compare").unwrap_or(Value::NIL)
                }
            })
        }
        ("iterator", []) => {
            seq::seq(target).map(|s| Value::from(Ref::new(HostObject::Iterator(Lock::new(s)))))
        }
        // IMapIterable (PersistentArrayMap, PersistentHashMap).
        ("keyIterator" | "valIterator", [])
            if matches!(target.view(), View::ArrayMap(_) | View::HashMap(_)) =>
        {
            let which = if method == "keyIterator" {
                "keys"
            } else {
                "vals"
            };
            core(which, std::slice::from_ref(target))
                .map(|s| Value::from(Ref::new(HostObject::Iterator(Lock::new(s)))))
        }
        // java.util.Collection / List / Map mutators of an immutable
        // collection: UnsupportedOperationException without a message.
        (
            "add" | "addAll" | "remove" | "removeAll" | "retainAll" | "removeIf" | "clear" | "set"
            | "put" | "putAll" | "putIfAbsent" | "replaceAll",
            _,
        ) => Err(Exception::full(
            ExClass::UnsupportedOperationException,
            None,
            None,
            None,
        )),
        _ => return None,
    })
}

/// Methods of transient vectors, maps and sets (ITransient*).
pub fn transient_call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    if !matches!(
        target.view(),
        View::TransientVector(_) | View::TransientMap(_) | View::TransientSet(_)
    ) {
        return None;
    }
    Some(match (method, args) {
        ("valAt" | "get", [k]) => {
            ops::transient_get(target, k, Value::NIL).map(|v| v.unwrap_or(Value::NIL))
        }
        ("valAt", [k, d]) => {
            ops::transient_get(target, k, d.clone()).map(|v| v.unwrap_or(Value::NIL))
        }
        ("nth", [i]) => index(i).and_then(|i| ops::nth(target, i)),
        ("nth", [i, d]) => index(i).and_then(|i| ops::nth_or(target, i, d.clone())),
        ("count", []) => ops::transient_count(target).map(|n| Value::long(n.unwrap_or(0) as i64)),
        ("contains" | "containsKey", [k]) => ops::contains(target, k).map(Value::bool),
        ("conj", [x]) => ops::conj_mut(target, x.clone()),
        ("assoc" | "assocN", [k, v]) => ops::assoc_mut(target, k.clone(), v.clone()),
        ("without", [k]) => ops::dissoc_mut(target, k),
        ("disjoin", [x]) => ops::disj_mut(target, x),
        ("pop", []) => ops::pop_mut(target),
        ("persistent", []) => ops::persistent(target),
        _ => return None,
    })
}

/// java.util.Iterator over a seq.
pub fn iterator(it: &Lock<Value>, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("hasNext", []) => Ok(Value::bool(!lock(it).is_nil())),
        ("next", []) => (|| {
            let s = lock(it).clone();
            if s.is_nil() {
                return Err(Exception::full(
                    ExClass::NoSuchElementException,
                    None,
                    None,
                    None,
                ));
            }
            let x = seq::first(&s)?;
            *lock(it) = seq::next(&s)?;
            Ok(x)
        })(),
        ("remove", []) => Err(Exception::new(ExClass::UnsupportedOperationException, "")),
        _ => return None,
    })
}
