//! Small conveniences over the collection API for the engine: `get` that
//! cannot fail, map counts, and dropping reader keys from metadata.

use super::value::{Value, View};

/// `(get m k)` (RT.get); nil when missing or when a comparator throws.
pub fn get(m: &Value, k: &Value) -> Value {
    super::func::get(m, k, Value::NIL).unwrap_or(Value::NIL)
}

/// Entry count of a map (0 for anything else).
pub fn count(m: &Value) -> usize {
    match m.view() {
        View::ArrayMap(a) => a.count(),
        View::HashMap(h) => h.count(),
        View::SortedMap(s) => s.count(),
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
