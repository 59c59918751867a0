//! sort, sort-by (stable, `compare` or a comparator fn; boolean fns such as
//! `<` work as on the JVM through AFunction.compare) and shuffle.

use super::{basic::rand_below, items};
use crate::builtins::{Def, arity_error};
use crate::runtime::coll::{SortedComparator, fn_compare_int};
use crate::runtime::error::{Exception, Result};
use crate::runtime::meta;
use crate::runtime::seq::ArraySeq;
use crate::runtime::value::Value;
use crate::vm::{Caller, with_caller};
use std::cmp::Ordering;

pub(crate) const DEFS: &[Def] = &[
    Def::f("sort", sort),
    Def::f("sort-by", sort_by),
    Def::f("shuffle", shuffle),
];

/// Stable sort with a fallible comparison; the first error wins.
pub(crate) fn sort_values(
    v: &mut [Value],
    mut cmp: impl FnMut(&Value, &Value) -> Result<Ordering>,
) -> Result<()> {
    let mut failed: Option<Exception> = None;
    v.sort_by(|a, b| {
        if failed.is_some() {
            return Ordering::Equal;
        }
        match cmp(a, b) {
            Ok(o) => o,
            Err(e) => {
                failed = Some(e);
                Ordering::Equal
            }
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The sorted items as an ArraySeq carrying `coll`'s metadata; `()` when
/// empty.
fn sorted_seq(coll: &Value, c: &SortedComparator, key: Option<&Value>) -> Result<Value> {
    let mut v = items(coll)?;
    if v.is_empty() {
        return Ok(Value::empty_list());
    }
    // The key fn and the comparator are prepared calls (one VM entry
    // for the whole sort, not one per comparison).
    match (key, c) {
        (None, SortedComparator::Default) => sort_values(&mut v, |a, b| c.compare(a, b))?,
        (None, SortedComparator::Fn(f)) => {
            with_caller(f, |cf| sort_values(&mut v, |a, b| by_fn(f, cf, a, b)))?
        }
        (Some(k), _) => with_caller(k, |kc| match c {
            SortedComparator::Default => sort_values(&mut v, |a, b| {
                let ka = kc.call1(a.clone())?;
                let kb = kc.call1(b.clone())?;
                c.compare(&ka, &kb)
            }),
            SortedComparator::Fn(f) => with_caller(f, |cf| {
                sort_values(&mut v, |a, b| {
                    let ka = kc.call1(a.clone())?;
                    let kb = kc.call1(b.clone())?;
                    by_fn(f, cf, &ka, &kb)
                })
            }),
        })?,
    }
    let s = ArraySeq::value(v);
    let m = meta::meta(coll);
    if m.is_nil() {
        Ok(s)
    } else {
        meta::with_meta(&s, m)
    }
}

/// The order of `a` and `b` by the comparator fn `f` (called through its
/// prepared call `cf`).
fn by_fn(f: &Value, cf: &mut Caller<'_>, a: &Value, b: &Value) -> Result<Ordering> {
    Ok(fn_compare_int(f, a, b, |x, y| cf.call2(x, y))?.cmp(&0))
}

fn comparator(f: &Value) -> Result<SortedComparator> {
    SortedComparator::from_value(f.clone())
}

fn sort(args: &[Value]) -> Result<Value> {
    match args {
        [coll] => sorted_seq(coll, &SortedComparator::Default, None),
        // Arrays.sort with a null Comparator sorts by natural order.
        [c, coll] if c.is_nil() => sorted_seq(coll, &SortedComparator::Default, None),
        [c, coll] => sorted_seq(coll, &comparator(c)?, None),
        _ => Err(arity_error("sort", args.len())),
    }
}

fn sort_by(args: &[Value]) -> Result<Value> {
    match args {
        [k, coll] => sorted_seq(coll, &SortedComparator::Default, Some(k)),
        [k, c, coll] => sorted_seq(coll, &comparator(c)?, Some(k)),
        _ => Err(arity_error("sort-by", args.len())),
    }
}

/// `(shuffle coll)`: a vector in random order (Fisher-Yates).
fn shuffle(args: &[Value]) -> Result<Value> {
    let [coll] = args else {
        return Err(arity_error("shuffle", args.len()));
    };
    let mut v = items(coll)?;
    for i in (1..v.len()).rev() {
        v.swap(i, rand_below(i + 1));
    }
    Ok(Value::vector(v))
}
