//! clojure.core's collection functions: constructors, lookup, `conj`/`assoc`
//! & co., nested updates, maps (keys vals merge zipmap select-keys ...),
//! predicates, transients, sorted-coll seqs. The type-dispatching work is
//! runtime::coll::ops (RT.java's counterpart).

use super::seq::{call, items, lazy::take_while_lazy, reduce};
use super::{Def, arity_error, check_arity};
use crate::runtime::coll::{canonical_empty, ops};
use crate::runtime::compare::cast_message;
use crate::runtime::equality::{is_map, is_sequential, is_set};
use crate::runtime::error::{Result, err};
use crate::runtime::func::invoke;
use crate::runtime::meta;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("conj", conj),
    Def::f("empty", empty),
    Def::f("empty?", empty_p),
    Def::f("not-empty", not_empty),
    Def::owned("count", count),
    Def::f("nth", nth),
    Def::f("get", get),
    Def::f("get-in", get_in),
    Def::f("contains?", contains),
    Def::f("assoc", assoc),
    Def::f("assoc-in", assoc_in),
    Def::f("dissoc", dissoc),
    Def::f("update", update),
    Def::f("update-in", update_in),
    Def::f("keys", keys),
    Def::f("vals", vals),
    Def::f("key", key),
    Def::f("val", val),
    Def::f("find", find),
    Def::f("select-keys", select_keys),
    Def::f("update-vals", update_vals),
    Def::f("update-keys", update_keys),
    Def::f("merge", merge),
    Def::f("merge-with", merge_with),
    Def::owned("zipmap", zipmap),
    Def::owned("vec", vec),
    Def::f("vector", vector),
    Def::f("list", list),
    Def::f("hash-map", hash_map),
    Def::f("array-map", array_map),
    Def::f("hash-set", hash_set),
    Def::owned("set", set),
    Def::f("sorted-map", sorted_map),
    Def::f("sorted-map-by", sorted_map_by),
    Def::f("sorted-set", sorted_set),
    Def::f("sorted-set-by", sorted_set_by),
    Def::f("subvec", subvec),
    Def::f("peek", peek),
    Def::f("pop", pop),
    Def::f("disj", disj),
    Def::f("rseq", rseq),
    Def::f("seq?", seq_p),
    Def::f("seqable?", seqable_p),
    Def::f("sequential?", sequential_p),
    Def::f("coll?", coll_p),
    Def::f("vector?", vector_p),
    Def::f("map?", map_p),
    Def::f("set?", set_p),
    Def::f("list?", list_p),
    Def::f("associative?", associative_p),
    Def::f("counted?", counted_p),
    Def::f("indexed?", indexed_p),
    Def::f("bounded-count", bounded_count),
    Def::f("reversible?", reversible_p),
    Def::f("sorted?", sorted_p),
    Def::f("map-entry?", map_entry_p),
    Def::f("transient", transient),
    Def::f("persistent!", persistent),
    Def::f("conj!", conj_mut),
    Def::f("assoc!", assoc_mut),
    Def::f("dissoc!", dissoc_mut),
    Def::f("disj!", disj_mut),
    Def::f("pop!", pop_mut),
    Def::f("subseq", subseq),
    Def::f("rsubseq", rsubseq),
];

fn one<'a>(name: &str, args: &'a [Value]) -> Result<&'a Value> {
    match args {
        [x] => Ok(x),
        _ => Err(arity_error(name, args.len())),
    }
}

fn conj(args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::vector(Vec::new())),
        [c] => Ok(c.clone()),
        [c, xs @ ..] => {
            let mut acc = c.clone();
            for x in xs {
                acc = ops::conj(&acc, x.clone())?;
            }
            Ok(acc)
        }
    }
}

/// `(empty c)`: a vector, map or set without metadata gives the shared
/// EMPTY instance, as the JVM's `EMPTY.withMeta(meta())` does; a list a new
/// EmptyList (JVM: `(identical? (empty '(1)) ())` is false).
fn empty(args: &[Value]) -> Result<Value> {
    let c = one("empty", args)?;
    if let View::Instance(i) = c.view() {
        if i.is_record() {
            return Err(crate::runtime::error::Exception::new(
                crate::runtime::error::ExClass::UnsupportedOperationException,
                format!("Can't create empty: {}", i.class_name()),
            ));
        }
        if let Some(r) = crate::runtime::types::call_method(c, "empty", &[]) {
            return r;
        }
    }
    let e = ops::empty(c);
    Ok(match e.view() {
        View::List(_) => e,
        _ => canonical_empty(e),
    })
}
fn empty_p(args: &[Value]) -> Result<Value> {
    let c = one("empty?", args)?;
    if let Some(n) = ops::transient_count(c)? {
        return Ok(Value::bool(n == 0));
    }
    Ok(Value::bool(seq::seq(c)?.is_nil()))
}
fn not_empty(args: &[Value]) -> Result<Value> {
    let c = one("not-empty", args)?;
    Ok(if seq::seq(c)?.is_nil() {
        Value::NIL
    } else {
        c.clone()
    })
}

/// Owns its argument: counting a lazy seq releases it as it goes.
fn count(args: &mut [Value]) -> Result<Value> {
    let c = match args {
        [c] => std::mem::take(c),
        _ => return Err(arity_error("count", args.len())),
    };
    if let Some(n) = ops::transient_count(&c)? {
        return Ok(Value::int_count(n as i64));
    }
    // Chunks are Counted (doseq's expansion counts them).
    match c.view() {
        View::ArrayChunk(ch) => return Ok(Value::int_count(ch.count() as i64)),
        View::ChunkBuffer(b) => return Ok(Value::int_count(b.count() as i64)),
        _ => {}
    }
    Ok(Value::int_count(seq::count_owned(c)? as i64))
}

fn nth(args: &[Value]) -> Result<Value> {
    match args {
        [c, i] => ops::nth(c, ops::int_index(i)?),
        [c, i, nf] => ops::nth_or(c, ops::int_index(i)?, nf.clone()),
        _ => Err(arity_error("nth", args.len())),
    }
}

/// RT.get including transients.
fn get_from(m: &Value, k: &Value, nf: Value) -> Result<Value> {
    match ops::transient_get(m, k, nf.clone())? {
        Some(v) => Ok(v),
        None => crate::runtime::func::get(m, k, nf),
    }
}

fn get(args: &[Value]) -> Result<Value> {
    match args {
        [m, k] => get_from(m, k, Value::NIL),
        [m, k, nf] => get_from(m, k, nf.clone()),
        _ => Err(arity_error("get", args.len())),
    }
}

fn get_in(args: &[Value]) -> Result<Value> {
    let (m, ks, nf) = match args {
        [m, ks] => (m, ks, None),
        [m, ks, nf] => (m, ks, Some(nf)),
        _ => return Err(arity_error("get-in", args.len())),
    };
    let mut cur = m.clone();
    // A fresh marker that no map can hold, like core.clj's (Object.).
    let sentinel = Value::vector(vec![Value::NIL]);
    for k in seq::iter(ks) {
        let k = k?;
        match nf {
            None => cur = get_from(&cur, &k, Value::NIL)?,
            Some(nf) => {
                let v = get_from(&cur, &k, sentinel.clone())?;
                if v.identical(&sentinel) {
                    return Ok(nf.clone());
                }
                cur = v;
            }
        }
    }
    Ok(cur)
}

fn contains(args: &[Value]) -> Result<Value> {
    check_arity("contains?", args, 2, Some(2))?;
    Ok(Value::bool(ops::contains(&args[0], &args[1])?))
}

fn assoc(args: &[Value]) -> Result<Value> {
    assoc_pairs("assoc", args, ops::assoc)
}

/// `(assoc c k v & kvs)` / `(assoc! ...)`: each pair in turn through `step`,
/// with the JVM's arity and odd-pairs errors.
fn assoc_pairs(
    name: &str,
    args: &[Value],
    step: fn(&Value, Value, Value) -> Result<Value>,
) -> Result<Value> {
    if args.len() < 3 {
        return Err(arity_error(name, args.len()));
    }
    let kvs = &args[1..];
    if !kvs.len().is_multiple_of(2) {
        return err::illegal_arg(format!(
            "{name} expects even number of arguments after map/vector, found odd number"
        ));
    }
    let mut acc = args[0].clone();
    for kv in kvs.chunks(2) {
        acc = step(&acc, kv[0].clone(), kv[1].clone())?;
    }
    Ok(acc)
}

/// `(assoc-in m [k & ks] v)`; an empty path assocs under nil.
fn assoc_in_path(m: &Value, ks: &[Value], v: Value) -> Result<Value> {
    match ks {
        [] | [_] => {
            let k = ks.first().cloned().unwrap_or(Value::NIL);
            ops::assoc(m, k, v)
        }
        [k, rest @ ..] => {
            let inner = get_from(m, k, Value::NIL)?;
            ops::assoc(m, k.clone(), assoc_in_path(&inner, rest, v)?)
        }
    }
}

fn assoc_in(args: &[Value]) -> Result<Value> {
    check_arity("assoc-in", args, 3, Some(3))?;
    assoc_in_path(&args[0], &items(&args[1])?, args[2].clone())
}

fn dissoc(args: &[Value]) -> Result<Value> {
    check_arity("dissoc", args, 1, None)?;
    let mut acc = args[0].clone();
    for k in &args[1..] {
        acc = ops::dissoc(&acc, k)?;
        if acc.is_nil() {
            return Ok(acc);
        }
    }
    // PersistentArrayMap.without gives EMPTY (with the map's meta).
    Ok(match acc.view() {
        View::ArrayMap(_) => canonical_empty(acc),
        _ => acc,
    })
}

fn apply_f(f: &Value, x: Value, extra: &[Value]) -> Result<Value> {
    let mut argv = Vec::with_capacity(extra.len() + 1);
    argv.push(x);
    argv.extend_from_slice(extra);
    invoke(f, &argv)
}

fn update(args: &[Value]) -> Result<Value> {
    check_arity("update", args, 3, None)?;
    let (m, k, f) = (&args[0], &args[1], &args[2]);
    let old = get_from(m, k, Value::NIL)?;
    ops::assoc(m, k.clone(), apply_f(f, old, &args[3..])?)
}

fn update_in_path(m: &Value, ks: &[Value], f: &Value, extra: &[Value]) -> Result<Value> {
    match ks {
        [] | [_] => {
            let k = ks.first().cloned().unwrap_or(Value::NIL);
            let old = get_from(m, &k, Value::NIL)?;
            ops::assoc(m, k, apply_f(f, old, extra)?)
        }
        [k, rest @ ..] => {
            let inner = get_from(m, k, Value::NIL)?;
            ops::assoc(m, k.clone(), update_in_path(&inner, rest, f, extra)?)
        }
    }
}

fn update_in(args: &[Value]) -> Result<Value> {
    check_arity("update-in", args, 3, None)?;
    update_in_path(&args[0], &items(&args[1])?, &args[2], &args[3..])
}

fn keys(args: &[Value]) -> Result<Value> {
    ops::keys_or_vals(one("keys", args)?, true)
}
fn vals(args: &[Value]) -> Result<Value> {
    ops::keys_or_vals(one("vals", args)?, false)
}

fn not_entry<T>(x: &Value) -> Result<T> {
    err::class_cast(cast_message(x.class_name(), "java.util.Map$Entry"))
}
fn key(args: &[Value]) -> Result<Value> {
    let e = one("key", args)?;
    match e.view() {
        View::MapEntry(me) => Ok(me.key().clone()),
        _ => not_entry(e),
    }
}
fn val(args: &[Value]) -> Result<Value> {
    let e = one("val", args)?;
    match e.view() {
        View::MapEntry(me) => Ok(me.val().clone()),
        _ => not_entry(e),
    }
}

fn find(args: &[Value]) -> Result<Value> {
    check_arity("find", args, 2, Some(2))?;
    ops::find(&args[0], &args[1])
}

/// `(update-vals m f)`: reduce-kv assoc!-ing `(f v)` into `(transient m)`
/// (or a transient {} when m is not editable, e.g. a sorted map), keeping
/// m's metadata.
fn update_vals(args: &[Value]) -> Result<Value> {
    check_arity("update-vals", args, 2, Some(2))?;
    let (m, f) = (&args[0], args[1].clone());
    let init = match m.view() {
        View::ArrayMap(_) | View::HashMap(_) | View::Vector(_) => ops::transient(m)?,
        _ => ops::transient(&ops::array_map_of(vec![]))?,
    };
    let step = super::seq::closure("clojure.core/update-vals", move |a| match a {
        [acc, k, v] => ops::assoc_mut(acc, k.clone(), invoke(&f, std::slice::from_ref(v))?),
        _ => Err(arity_error("update-vals/fn", a.len())),
    });
    let t = super::seq::reduce::reduce_kv(&[step, init, m.clone()])?;
    meta::with_meta(&ops::persistent(&t)?, meta::meta(m))
}

/// `(update-keys m f)`: reduce-kv assoc!-ing `(f k)` into a transient {},
/// keeping m's metadata.
fn update_keys(args: &[Value]) -> Result<Value> {
    check_arity("update-keys", args, 2, Some(2))?;
    let (m, f) = (&args[0], args[1].clone());
    let init = ops::transient(&ops::array_map_of(vec![]))?;
    let step = super::seq::closure("clojure.core/update-keys", move |a| match a {
        [acc, k, v] => ops::assoc_mut(acc, invoke(&f, std::slice::from_ref(k))?, v.clone()),
        _ => Err(arity_error("update-keys/fn", a.len())),
    });
    let t = super::seq::reduce::reduce_kv(&[step, init, m.clone()])?;
    meta::with_meta(&ops::persistent(&t)?, meta::meta(m))
}

fn select_keys(args: &[Value]) -> Result<Value> {
    check_arity("select-keys", args, 2, Some(2))?;
    let mut ret = Value::map_from_pairs(Vec::new());
    for k in seq::iter(&args[1]) {
        let e = ops::find(&args[0], &k?)?;
        if !e.is_nil() {
            ret = ops::conj(&ret, e)?;
        }
    }
    let m = meta::meta(&args[0]);
    meta::with_meta(&ret, m)
}

fn merge(args: &[Value]) -> Result<Value> {
    if !args.iter().any(Value::truthy) {
        return Ok(Value::NIL);
    }
    let mut acc = args[0].clone();
    for m in &args[1..] {
        if acc.truthy() {
            acc = ops::conj(&acc, m.clone())?;
        } else {
            acc = ops::conj(&Value::map_from_pairs(Vec::new()), m.clone())?;
        }
    }
    Ok(acc)
}

fn merge_with(args: &[Value]) -> Result<Value> {
    check_arity("merge-with", args, 1, None)?;
    let (f, maps) = (&args[0], &args[1..]);
    if !maps.iter().any(Value::truthy) {
        return Ok(Value::NIL);
    }
    let mut acc = maps[0].clone();
    for m in &maps[1..] {
        let mut m1 = if acc.truthy() {
            acc
        } else {
            Value::map_from_pairs(Vec::new())
        };
        for e in seq::iter(m) {
            let e = e?;
            let View::MapEntry(me) = e.view() else {
                return not_entry(&e);
            };
            let (k, v) = (me.key().clone(), me.val().clone());
            let nv = if ops::contains(&m1, &k)? {
                call(f, &mut [get_from(&m1, &k, Value::NIL)?, v])?
            } else {
                v
            };
            m1 = ops::assoc(&m1, k, nv)?;
        }
        acc = m1;
    }
    Ok(acc)
}

/// `zipmap` and `vec` own their colls (see NativeOwnedFnPtr): nothing
/// holds the head of a long source seq.
fn zipmap(args: &mut [Value]) -> Result<Value> {
    check_arity("zipmap", args, 2, Some(2))?;
    let mut m = ops::transient(&Value::map_from_pairs(Vec::new()))?;
    // Both seqs first, as zipmap's loop binds `(seq keys)` and `(seq vals)`.
    let ks = seq::seq(&std::mem::take(&mut args[0]))?;
    let mut vs = seq::into_iter(seq::seq(&std::mem::take(&mut args[1]))?);
    for k in seq::into_iter(ks) {
        let k = k?;
        let Some(v) = vs.next() else { break };
        m = ops::assoc_mut(&m, k, v?)?;
    }
    ops::persistent(&m)
}

fn vec(args: &mut [Value]) -> Result<Value> {
    check_arity("vec", args, 1, Some(1))?;
    let c = std::mem::take(&mut args[0]);
    match c.view() {
        View::Vector(_) => meta::with_meta(&c, Value::NIL),
        View::Nil => Ok(Value::vector(Vec::new())),
        _ if seq::is_seq(&c) || seqable(&c) => reduce::vector_of(c, None),
        // A java.util.Collection (ArrayList, a queue) is converted from
        // its array.
        View::HostObject(o) if o.seq_items().is_some() => {
            Ok(Value::vector(o.seq_items().unwrap_or_default()))
        }
        _ => err::runtime(format!(
            "Unable to convert: class {} to Object[]",
            c.class_name()
        )),
    }
}
// With no args these give the shared EMPTY instances (core.clj returns the
// literal `[]`, `()`, `{}`, `#{}`).
fn vector(args: &[Value]) -> Result<Value> {
    Ok(match args {
        [] => Value::empty_vector(),
        _ => Value::vector(args.to_vec()),
    })
}
fn list(args: &[Value]) -> Result<Value> {
    Ok(match args {
        [] => Value::empty_list(),
        _ => Value::list(args.to_vec()),
    })
}

fn pairs(args: &[Value]) -> Result<Vec<(Value, Value)>> {
    if !args.len().is_multiple_of(2) {
        return super::no_value_supplied(args);
    }
    Ok(args
        .chunks(2)
        .map(|kv| (kv[0].clone(), kv[1].clone()))
        .collect())
}

fn hash_map(args: &[Value]) -> Result<Value> {
    if args.is_empty() {
        return Ok(Value::empty_map());
    }
    for k in args.iter().step_by(2) {
        crate::runtime::hash::check_key(k)?;
    }
    Ok(ops::hash_map_of(pairs(args)?))
}
fn array_map(args: &[Value]) -> Result<Value> {
    if args.is_empty() {
        return Ok(Value::empty_map());
    }
    Ok(ops::array_map_of(pairs(args)?))
}
fn hash_set(args: &[Value]) -> Result<Value> {
    if args.is_empty() {
        return Ok(Value::empty_set());
    }
    for x in args {
        crate::runtime::hash::check_key(x)?;
    }
    Ok(ops::hash_set_of(args.iter().cloned()))
}
fn set(args: &mut [Value]) -> Result<Value> {
    check_arity("set", args, 1, Some(1))?;
    let c = std::mem::take(&mut args[0]);
    match c.view() {
        View::HashSet(_) => meta::with_meta(&c, Value::NIL),
        _ => reduce::hash_set_of_owned(c),
    }
}
fn sorted_map(args: &[Value]) -> Result<Value> {
    Value::sorted_map_from_pairs(pairs(args)?, None)
}
fn sorted_map_by(args: &[Value]) -> Result<Value> {
    check_arity("sorted-map-by", args, 1, None)?;
    Value::sorted_map_from_pairs(pairs(&args[1..])?, Some(args[0].clone()))
}
fn sorted_set(args: &[Value]) -> Result<Value> {
    Value::sorted_set_from(args.to_vec(), None)
}
fn sorted_set_by(args: &[Value]) -> Result<Value> {
    check_arity("sorted-set-by", args, 1, None)?;
    Value::sorted_set_from(args[1..].to_vec(), Some(args[0].clone()))
}

fn subvec(args: &[Value]) -> Result<Value> {
    match args {
        [v, start] => {
            let end = seq::count(v)? as i64;
            ops::subvec(v, ops::int_index(start)?, end)
        }
        [v, start, end] => ops::subvec(v, ops::int_index(start)?, ops::int_index(end)?),
        _ => Err(arity_error("subvec", args.len())),
    }
}

fn peek(args: &[Value]) -> Result<Value> {
    ops::peek(one("peek", args)?)
}
fn pop(args: &[Value]) -> Result<Value> {
    // Popping a vector's last item gives EMPTY (with the vector's meta).
    let r = ops::pop(one("pop", args)?)?;
    Ok(match r.view() {
        View::Vector(_) => canonical_empty(r),
        _ => r,
    })
}
fn disj(args: &[Value]) -> Result<Value> {
    check_arity("disj", args, 1, None)?;
    let mut acc = args[0].clone();
    for x in &args[1..] {
        acc = ops::disj(&acc, x)?;
        if acc.is_nil() {
            return Ok(acc);
        }
    }
    Ok(acc)
}
fn rseq(args: &[Value]) -> Result<Value> {
    ops::rseq(one("rseq", args)?)
}

/// RT.canSeq.
/// A deftype/defrecord/reify object implementing the interface `iface`.
fn instance_of(x: &Value, iface: &str) -> bool {
    matches!(x.view(), View::Instance(_)) && super::classes::is_instance(iface, x)
}

fn seqable(x: &Value) -> bool {
    instance_of(x, "clojure.lang.Seqable")
        || seq::is_seq(x)
        || matches!(
            x.view(),
            View::Nil
                | View::Str(_)
                | View::Vector(_)
                | View::SubVector(_)
                | View::MapEntry(_)
                | View::Queue(_)
                | View::ArrayMap(_)
                | View::HashMap(_)
                | View::HashSet(_)
                | View::SortedMap(_)
                | View::SortedSet(_)
                | View::HostObject(crate::runtime::object::HostObject::Array(..))
        )
}

fn is_coll(x: &Value) -> bool {
    if let View::Instance(_) = x.view() {
        return instance_of(x, "clojure.lang.IPersistentCollection");
    }
    let array = matches!(
        x.view(),
        View::HostObject(crate::runtime::object::HostObject::Array(..))
    );
    !x.is_nil() && !x.is_string() && !array && seqable(x)
}

fn pred(name: &str, args: &[Value], p: fn(&Value) -> bool) -> Result<Value> {
    Ok(Value::bool(p(one(name, args)?)))
}
fn seq_p(args: &[Value]) -> Result<Value> {
    pred("seq?", args, |x| {
        seq::is_seq(x) || instance_of(x, "clojure.lang.ISeq")
    })
}
fn seqable_p(args: &[Value]) -> Result<Value> {
    pred("seqable?", args, seqable)
}
fn sequential_p(args: &[Value]) -> Result<Value> {
    pred("sequential?", args, |x| {
        is_sequential(x) || instance_of(x, "clojure.lang.Sequential")
    })
}
fn coll_p(args: &[Value]) -> Result<Value> {
    pred("coll?", args, is_coll)
}
fn vector_p(args: &[Value]) -> Result<Value> {
    pred("vector?", args, |x| {
        matches!(
            x.view(),
            View::Vector(_) | View::SubVector(_) | View::MapEntry(_)
        ) || instance_of(x, "clojure.lang.IPersistentVector")
    })
}
fn map_p(args: &[Value]) -> Result<Value> {
    pred("map?", args, |x| {
        is_map(x) || instance_of(x, "clojure.lang.IPersistentMap")
    })
}
fn set_p(args: &[Value]) -> Result<Value> {
    pred("set?", args, |x| {
        is_set(x) || instance_of(x, "clojure.lang.IPersistentSet")
    })
}
fn list_p(args: &[Value]) -> Result<Value> {
    pred("list?", args, |x| matches!(x.view(), View::List(_)))
}
fn associative_p(args: &[Value]) -> Result<Value> {
    pred("associative?", args, |x| {
        instance_of(x, "clojure.lang.Associative")
            || matches!(
                x.view(),
                View::Vector(_)
                    | View::SubVector(_)
                    | View::MapEntry(_)
                    | View::ArrayMap(_)
                    | View::HashMap(_)
                    | View::SortedMap(_)
            )
    })
}
fn counted_p(args: &[Value]) -> Result<Value> {
    pred("counted?", args, is_counted)
}
/// Counted: `count` is constant-time.
pub(crate) fn is_counted(x: &Value) -> bool {
    instance_of(x, "clojure.lang.Counted")
        || matches!(
            x.view(),
            View::List(_)
                | View::Vector(_)
                | View::SubVector(_)
                | View::MapEntry(_)
                | View::Queue(_)
                | View::ArrayMap(_)
                | View::HashMap(_)
                | View::HashSet(_)
                | View::SortedMap(_)
                | View::SortedSet(_)
                | View::ArraySeq(_)
                | View::StringSeq(_)
                | View::ChunkedSeq(_)
                | View::VectorSeq(_)
                | View::VectorRSeq(_)
                | View::LongRange(_)
                | View::TransientVector(_)
                | View::TransientMap(_)
                | View::TransientSet(_)
        )
}
/// `(indexed? c)`: Indexed (vectors and their kin).
fn indexed_p(args: &[Value]) -> Result<Value> {
    pred("indexed?", args, |x| {
        instance_of(x, "clojure.lang.Indexed")
            || matches!(
                x.view(),
                View::Vector(_) | View::SubVector(_) | View::MapEntry(_) | View::TransientVector(_)
            )
    })
}
/// `(bounded-count n coll)`: the count of a counted coll, else the number
/// of its first n items.
fn bounded_count(args: &[Value]) -> Result<Value> {
    check_arity("bounded-count", args, 2, Some(2))?;
    let (n, coll) = (&args[0], &args[1]);
    if is_counted(coll) {
        return Ok(Value::long(seq::count(coll)? as i64));
    }
    let n = crate::runtime::number::to_long(n)?;
    let mut i = 0;
    let mut s = seq::seq(coll)?;
    while !s.is_nil() && i < n {
        s = seq::next(&s)?;
        i += 1;
    }
    Ok(Value::long(i))
}
fn reversible_p(args: &[Value]) -> Result<Value> {
    pred("reversible?", args, |x| {
        instance_of(x, "clojure.lang.Reversible")
            || matches!(
                x.view(),
                View::Vector(_)
                    | View::SubVector(_)
                    | View::MapEntry(_)
                    | View::SortedMap(_)
                    | View::SortedSet(_)
            )
    })
}
fn sorted_p(args: &[Value]) -> Result<Value> {
    pred("sorted?", args, ops::is_sorted)
}
fn map_entry_p(args: &[Value]) -> Result<Value> {
    pred("map-entry?", args, |x| {
        matches!(x.view(), View::MapEntry(_))
    })
}

fn transient(args: &[Value]) -> Result<Value> {
    ops::transient(one("transient", args)?)
}
fn persistent(args: &[Value]) -> Result<Value> {
    ops::persistent(one("persistent!", args)?)
}
fn conj_mut(args: &[Value]) -> Result<Value> {
    match args {
        [] => ops::transient(&Value::vector(Vec::new())),
        [c] => Ok(c.clone()),
        [c, x] => ops::conj_mut(c, x.clone()),
        _ => Err(arity_error("conj!", args.len())),
    }
}
/// `assoc!` walks its pairs with `(second kvs)` as clojure.core's does, so
/// an odd trailing key gets nil rather than an error (unlike `assoc`).
fn assoc_mut(args: &[Value]) -> Result<Value> {
    if args.len() < 3 {
        return Err(arity_error("assoc!", args.len()));
    }
    let mut acc = args[0].clone();
    for kv in args[1..].chunks(2) {
        let v = kv.get(1).cloned().unwrap_or(Value::NIL);
        acc = ops::assoc_mut(&acc, kv[0].clone(), v)?;
    }
    Ok(acc)
}
fn dissoc_mut(args: &[Value]) -> Result<Value> {
    check_arity("dissoc!", args, 2, None)?;
    let mut acc = args[0].clone();
    for k in &args[1..] {
        acc = ops::dissoc_mut(&acc, k)?;
    }
    Ok(acc)
}
fn disj_mut(args: &[Value]) -> Result<Value> {
    check_arity("disj!", args, 1, None)?;
    let mut acc = args[0].clone();
    for x in &args[1..] {
        acc = ops::disj_mut(&acc, x)?;
    }
    Ok(acc)
}
fn pop_mut(args: &[Value]) -> Result<Value> {
    ops::pop_mut(one("pop!", args)?)
}

// ---- subseq / rsubseq ----

/// Is `test` clojure.core's fn named `name`?
fn is_core_fn(test: &Value, names: &[&str]) -> bool {
    match test.view() {
        View::Fn(f) => f.name().is_some_and(|n| {
            names
                .iter()
                .any(|w| n.strip_prefix("clojure.core/") == Some(w))
        }),
        _ => false,
    }
}

/// core.clj's mk-bound-fn: `(test (compare (entry-key e) key) 0)` with the
/// coll's comparator.
fn bound_fn(sc: &Value, test: &Value, key: &Value) -> Value {
    let (sc, test, key) = (sc.clone(), test.clone(), key.clone());
    super::seq::closure("clojure.core/mk-bound-fn", move |a| {
        let e = a.first().cloned().unwrap_or(Value::NIL);
        let ek = ops::sorted_entry_key(&sc, &e)?;
        let c = match ops::sorted_compare(&sc, &ek, &key)? {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        };
        call(&test, &mut [Value::long(c), Value::long(0)])
    })
}

fn all_seq(sc: &Value, ascending: bool) -> Result<Value> {
    ops::sorted_seq(sc, ascending)
}

fn sub(args: &[Value], ascending: bool) -> Result<Value> {
    let name = if ascending { "subseq" } else { "rsubseq" };
    let from_tests: &[&str] = if ascending {
        &[">", ">="]
    } else {
        &["<", "<="]
    };
    match args {
        [sc, test, key] => {
            let include = bound_fn(sc, test, key);
            if is_core_fn(test, from_tests) {
                let s = ops::sorted_seq_from(sc, key, ascending)?;
                if s.is_nil() {
                    return Ok(Value::NIL);
                }
                if call(&include, &mut [seq::first(&s)?])?.truthy() {
                    Ok(s)
                } else {
                    seq::next(&s)
                }
            } else {
                Ok(take_while_lazy(include, all_seq(sc, ascending)?))
            }
        }
        [sc, st, sk, et, ek] => {
            let (from_test, from_key, to_test, to_key) = if ascending {
                (st, sk, et, ek)
            } else {
                (et, ek, st, sk)
            };
            let s = ops::sorted_seq_from(sc, from_key, ascending)?;
            if s.is_nil() {
                return Ok(Value::NIL);
            }
            let start =
                if call(&bound_fn(sc, from_test, from_key), &mut [seq::first(&s)?])?.truthy() {
                    s
                } else {
                    seq::next(&s)?
                };
            Ok(take_while_lazy(bound_fn(sc, to_test, to_key), start))
        }
        _ => Err(arity_error(name, args.len())),
    }
}

fn subseq(args: &[Value]) -> Result<Value> {
    sub(args, true)
}
fn rsubseq(args: &[Value]) -> Result<Value> {
    sub(args, false)
}
