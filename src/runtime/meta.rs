//! Metadata attachment used by the reader for literal collections that have
//! no public with-meta path yet. Kept minimal (one function) so the owner of
//! metadata can replace it with the general `with-meta`.

use super::coll::{ArrayMap, HashMap, HashSet};
use super::error::{ExClass, Exception, Result};
use super::gc::Ref;
use super::value::{Value, View};

/// `(with-meta v meta)` for the types the reader produces (symbols, lists,
/// vectors, maps, sets). Anything else: "Metadata can only be applied to
/// IMetas" (IllegalArgumentException, as LispReader's MetaReader throws).
pub fn reader_attach_meta(v: &Value, meta: Value) -> Result<Value> {
    let meta = if meta.is_nil() { None } else { Some(meta) };
    Ok(match v.view() {
        View::Symbol(s) => Value::from(s.with_meta(meta)),
        View::List(l) => Value::from(Ref::new(l.with_meta(meta))),
        View::Vector(x) => Value::from(Ref::new(x.with_meta(meta))),
        View::ArrayMap(m) => Value::from(Ref::new(ArrayMap {
            entries: m.entries.clone(),
            meta,
        })),
        View::HashMap(m) => Value::from(Ref::new(HashMap {
            entries: m.entries.clone(),
            meta,
        })),
        View::HashSet(s) => Value::from(Ref::new(HashSet {
            items: s.items.clone(),
            meta,
        })),
        _ => {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                "Metadata can only be applied to IMetas",
            ));
        }
    })
}
