//! `meta` and `with-meta` over the types that carry metadata (IObj on the
//! JVM: symbols, lists, vectors, maps, sets, seqs, fns).
//!
//! Types whose owners have not yet exposed `meta`/`with_meta` report nil
//! metadata and throw UnsupportedOperationException from `with_meta`; each
//! such arm is marked TODO(meta).

use crate::runtime::compare::cast_message;
use crate::runtime::equality::is_map;
use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::value::{Value, View};

/// `(meta x)`: the metadata map, or nil.
pub fn meta(v: &Value) -> Value {
    let m = match v.view() {
        View::Symbol(s) => s.meta(),
        View::List(l) => l.meta(),
        View::Vector(x) => x.meta(),
        View::SubVector(x) => x.meta(),
        View::Queue(x) => x.meta(),
        View::ChunkedSeq(x) => x.meta(),
        View::VectorSeq(x) => x.meta(),
        View::VectorRSeq(x) => x.meta(),
        View::QueueSeq(x) => x.meta(),
        View::ArrayMap(m) => m.meta(),
        View::HashMap(m) => m.meta(),
        View::HashSet(s) => s.meta(),
        View::SortedMap(m) => m.meta(),
        View::SortedSet(s) => s.meta(),
        View::MapSeq(s) => s.meta(),
        View::Fn(f) => f.meta.as_ref(),
        View::Cons(x) => x.meta(),
        View::LazySeq(x) => x.meta(),
        View::ArraySeq(x) => x.meta(),
        View::StringSeq(x) => x.meta(),
        View::ChunkedCons(x) => x.meta(),
        View::LongRange(x) => x.meta(),
        View::Range(x) => x.meta(),
        View::Repeat(x) => x.meta(),
        View::Iterate(x) => x.meta(),
        View::Cycle(x) => x.meta(),
        View::Instance(i) => match crate::runtime::types::call_method(v, "meta", &[]) {
            Some(r) => return r.unwrap_or(Value::NIL),
            None => Some(i.meta()),
        },
        _ => None,
    };
    m.cloned().unwrap_or(Value::NIL)
}

/// Does this value's type carry metadata (IObj)?
pub fn is_iobj(v: &Value) -> bool {
    if let View::Instance(i) = v.view() {
        use crate::runtime::types::TypeKind;
        return matches!(i.type_def().kind(), TypeKind::Record | TypeKind::Reify)
            || i.has_method("withMeta");
    }
    matches!(
        v.view(),
        View::Symbol(_)
            | View::List(_)
            | View::Vector(_)
            | View::SubVector(_)
            | View::VectorSeq(_)
            | View::VectorRSeq(_)
            | View::QueueSeq(_)
            | View::ArrayMap(_)
            | View::HashMap(_)
            | View::HashSet(_)
            | View::MapSeq(_)
            | View::SortedMap(_)
            | View::SortedSet(_)
            | View::Queue(_)
            | View::Cons(_)
            | View::LazySeq(_)
            | View::ArraySeq(_)
            | View::StringSeq(_)
            | View::ChunkedCons(_)
            | View::ChunkedSeq(_)
            | View::LongRange(_)
            | View::Range(_)
            | View::Repeat(_)
            | View::Iterate(_)
            | View::Cycle(_)
            | View::Fn(_)
    )
}

/// `(with-meta x m)`: `m` must be a map or nil; `x` must carry metadata.
pub fn with_meta(v: &Value, m: Value) -> Result<Value> {
    if v.is_nil() {
        // JVM: the compiled `(. x (withMeta m))` on nil.
        return err::npe(
            "Cannot invoke \"clojure.lang.IObj.withMeta(clojure.lang.IPersistentMap)\" because \"x\" is null",
        );
    }
    if !is_iobj(v) {
        return err::class_cast(cast_message(v.class_name(), "clojure.lang.IObj"));
    }
    if !m.is_nil() && !is_map(&m) {
        return err::class_cast(cast_message(m.class_name(), "clojure.lang.IPersistentMap"));
    }
    // Every IObj's withMeta returns `this` when the map is the one it has.
    if meta(v).identical(&m) {
        return Ok(v.clone());
    }
    if let Some(r) = crate::runtime::types::call_method(v, "withMeta", std::slice::from_ref(&m)) {
        return r;
    }
    let m = if m.is_nil() { None } else { Some(m) };
    if let View::LazySeq(x) = v.view() {
        // LazySeq.withMeta realises the seq, which can throw.
        return Ok(Value::from(Ref::new(x.with_meta(m)?)));
    }
    match attach(v, m) {
        Some(r) => Ok(r),
        // TODO(meta): seqs, sorted colls, queues and fns need `with_meta`
        // from their owners (a Fn's closure body cannot be cloned from here).
        None => err::unsupported(format!(
            "with-meta is not implemented yet for {}",
            v.class_name()
        )),
    }
}

/// The same value with metadata `m`, for the types we can rebuild here.
fn attach(v: &Value, m: Option<Value>) -> Option<Value> {
    Some(match v.view() {
        View::Symbol(s) => Value::from(s.with_meta(m)),
        View::List(l) => Value::from(Ref::new(l.with_meta(m))),
        View::Vector(x) => Value::from(Ref::new(x.with_meta(m))),
        View::SubVector(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Queue(x) => Value::from(Ref::new(x.with_meta(m))),
        View::ChunkedSeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::VectorSeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::VectorRSeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::QueueSeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Fn(f) => Value::from(Ref::new(f.with_meta(m))),
        View::ArrayMap(x) => Value::from(Ref::new(x.with_meta(m))),
        View::HashMap(x) => Value::from(Ref::new(x.with_meta(m))),
        View::HashSet(x) => Value::from(Ref::new(x.with_meta(m))),
        View::SortedMap(x) => Value::from(Ref::new(x.with_meta(m))),
        View::SortedSet(x) => Value::from(Ref::new(x.with_meta(m))),
        View::MapSeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Cons(x) => Value::from(Ref::new(x.with_meta(m))),
        View::ArraySeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::StringSeq(x) => Value::from(Ref::new(x.with_meta(m))),
        View::ChunkedCons(x) => Value::from(Ref::new(x.with_meta(m))),
        View::LongRange(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Range(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Repeat(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Iterate(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Cycle(x) => Value::from(Ref::new(x.with_meta(m))),
        View::Instance(i) => crate::runtime::types::with_meta(i, m.unwrap_or(Value::NIL)),
        _ => return None,
    })
}

/// `^meta form` in the reader: like `with-meta` for the types the reader
/// produces; anything else is LispReader's IllegalArgumentException
/// "Metadata can only be applied to IMetas".
pub fn reader_attach_meta(v: &Value, meta: Value) -> Result<Value> {
    let meta = if meta.is_nil() { None } else { Some(meta) };
    match attach(v, meta) {
        Some(r) => Ok(r),
        None => err::illegal_arg("Metadata can only be applied to IMetas"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::ExClass;

    fn m1() -> Value {
        Value::map_from_pairs(vec![(Value::keyword(None, "a"), Value::long(1))])
    }

    #[test]
    fn meta_round_trip() {
        let v = Value::vector(vec![Value::long(1)]);
        assert!(meta(&v).is_nil());
        let w = with_meta(&v, m1()).unwrap();
        assert_eq!(crate::runtime::printer::pr_str(&meta(&w)), "{:a 1}");
        // JVM: (meta (with-meta [1] nil)) => nil
        assert!(meta(&with_meta(&w, Value::NIL).unwrap()).is_nil());
        let s = with_meta(&Value::symbol(None, "x"), m1()).unwrap();
        assert!(!meta(&s).is_nil());
        let l = with_meta(&Value::list(vec![Value::long(1)]), m1()).unwrap();
        assert!(!meta(&l).is_nil());
        let mm = with_meta(&m1(), m1()).unwrap();
        assert!(!meta(&mm).is_nil());
        let st = with_meta(&Value::set_from(vec![]), m1()).unwrap();
        assert!(!meta(&st).is_nil());
        // JVM: (meta 1) => nil, (meta nil) => nil, (meta :a) => nil
        assert!(meta(&Value::long(1)).is_nil());
        assert!(meta(&Value::NIL).is_nil());
        assert!(meta(&Value::keyword(None, "a")).is_nil());
    }

    #[test]
    fn with_meta_errors_like_jvm() {
        let e = with_meta(&Value::long(1), m1()).err().unwrap();
        assert_eq!(e.class(), ExClass::ClassCastException);
        // JVM: (with-meta 1 {})
        assert_eq!(
            e.message(),
            Some(
                "class java.lang.Long cannot be cast to class clojure.lang.IObj (java.lang.Long is in module java.base of loader 'bootstrap'; clojure.lang.IObj is in unnamed module of loader 'app')"
            )
        );
        // JVM: (with-meta :a {})
        let e = with_meta(&Value::keyword(None, "a"), m1()).err().unwrap();
        assert_eq!(
            e.message(),
            Some(
                "class clojure.lang.Keyword cannot be cast to class clojure.lang.IObj (clojure.lang.Keyword and clojure.lang.IObj are in unnamed module of loader 'app')"
            )
        );
        // JVM: (with-meta (first {1 2}) {:a 1})
        let e = with_meta(&Value::map_entry(Value::long(1), Value::long(2)), m1())
            .err()
            .unwrap();
        assert_eq!(e.class(), ExClass::ClassCastException);
        // JVM: (with-meta nil {})
        let e = with_meta(&Value::NIL, m1()).err().unwrap();
        assert_eq!(e.class(), ExClass::NullPointerException);
        assert_eq!(
            e.message(),
            Some(
                "Cannot invoke \"clojure.lang.IObj.withMeta(clojure.lang.IPersistentMap)\" because \"x\" is null"
            )
        );
        // JVM: (with-meta [1] 1)
        let e = with_meta(&Value::vector(vec![]), Value::long(1))
            .err()
            .unwrap();
        assert_eq!(
            e.message(),
            Some(
                "class java.lang.Long cannot be cast to class clojure.lang.IPersistentMap (java.lang.Long is in module java.base of loader 'bootstrap'; clojure.lang.IPersistentMap is in unnamed module of loader 'app')"
            )
        );
        // JVM: (with-meta [] [])
        let e = with_meta(&Value::vector(vec![]), Value::vector(vec![]))
            .err()
            .unwrap();
        assert_eq!(
            e.message(),
            Some(
                "class clojure.lang.PersistentVector cannot be cast to class clojure.lang.IPersistentMap (clojure.lang.PersistentVector and clojure.lang.IPersistentMap are in unnamed module of loader 'app')"
            )
        );
    }
}
