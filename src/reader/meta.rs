//! Reading and attaching metadata on read forms.

use crate::runtime::error::Result;
use crate::runtime::meta::reader_attach_meta;
use crate::runtime::value::{Value, View};

/// The metadata map of a form, if it has one.
pub(super) fn get(v: &Value) -> Option<Value> {
    let m = crate::runtime::meta::meta(v);
    if m.is_nil() { None } else { Some(m) }
}

/// Can the reader attach metadata to `v` (IMeta)?
pub(super) fn is_imeta(v: &Value) -> bool {
    matches!(
        v.view(),
        View::Symbol(_)
            | View::List(_)
            | View::Vector(_)
            | View::ArrayMap(_)
            | View::HashMap(_)
            | View::HashSet(_)
    )
}

/// Entries of a map value, in iteration order.
pub(super) fn map_pairs(m: &Value) -> Vec<(Value, Value)> {
    match m.view() {
        View::ArrayMap(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        View::HashMap(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

/// `RT.assoc` each pair onto a pair list: replace in place or append.
pub(super) fn assoc_all(base: &mut Vec<(Value, Value)>, pairs: Vec<(Value, Value)>) {
    use crate::runtime::equality::equiv;
    for (k, v) in pairs {
        match base.iter_mut().find(|(e, _)| equiv(e, &k)) {
            Some(slot) => slot.1 = v,
            None => base.push((k, v)),
        }
    }
}

/// `v` with `pairs` assoc'ed onto its existing metadata.
pub(super) fn attach(v: &Value, pairs: Vec<(Value, Value)>) -> Result<Value> {
    let mut m = get(v).map(|m| map_pairs(&m)).unwrap_or_default();
    assoc_all(&mut m, pairs);
    reader_attach_meta(v, Value::map_from_pairs(m))
}
