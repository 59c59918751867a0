//! Generic lookups the engine needs on any value: `get`, `meta`, `count`.
//! (Dispatch by type; the full collection API is in coll/.)

use super::value::{Value, View};

/// `(get m k)` for maps, sets and vectors; nil otherwise.
pub fn get(m: &Value, k: &Value) -> Value {
    match m.view() {
        View::ArrayMap(a) => a.get(k).cloned().unwrap_or(Value::NIL),
        View::HashMap(h) => h.get(k).cloned().unwrap_or(Value::NIL),
        View::HashSet(s) => {
            if s.contains(k) {
                k.clone()
            } else {
                Value::NIL
            }
        }
        View::Vector(v) => match k.as_long() {
            Some(i) if i >= 0 => v.nth(i as usize).cloned().unwrap_or(Value::NIL),
            _ => Value::NIL,
        },
        _ => Value::NIL,
    }
}

/// `(meta x)`.
pub fn meta(v: &Value) -> Value {
    let m = match v.view() {
        View::List(l) => l.meta(),
        View::Vector(x) => x.meta(),
        View::ArrayMap(x) => x.meta(),
        View::HashMap(x) => x.meta(),
        View::HashSet(x) => x.meta(),
        View::Symbol(x) => x.meta(),
        _ => None,
    };
    m.cloned().unwrap_or(Value::NIL)
}

/// Entry count of a map (0 for anything else).
pub fn count(m: &Value) -> usize {
    match m.view() {
        View::ArrayMap(a) => a.count(),
        View::HashMap(h) => h.count(),
        _ => 0,
    }
}

/// A map without the given unqualified keyword keys.
pub fn dissoc_keys(m: &Value, keys: &[&str]) -> Value {
    let pairs: Vec<(Value, Value)> = match m.view() {
        View::ArrayMap(a) => a.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        View::HashMap(h) => h.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => return m.clone(),
    };
    Value::map_from_pairs(
        pairs
            .into_iter()
            .filter(|(k, _)| {
                !k.as_keyword()
                    .is_some_and(|kw| kw.ns().is_none() && keys.contains(&kw.name()))
            })
            .collect(),
    )
}

/// `(with-meta x m)` for fns and the collections.
pub fn with_meta(v: &Value, m: Value) -> super::error::Result<Value> {
    use super::gc::Ref;
    let meta = if m.is_nil() { None } else { Some(m) };
    Ok(match v.view() {
        View::Fn(f) => Value::from(Ref::new(f.with_meta(meta))),
        View::Vector(x) => Value::from(Ref::new(x.with_meta(meta))),
        View::List(x) => Value::from(Ref::new(x.with_meta(meta))),
        View::Symbol(x) => Value::from(x.with_meta(meta)),
        _ => {
            return Err(super::error::Exception::new(
                super::error::ExClass::ClassCastException,
                format!(
                    "class {} cannot be cast to class clojure.lang.IObj",
                    v.class_name()
                ),
            ));
        }
    })
}
