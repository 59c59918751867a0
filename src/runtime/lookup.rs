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
