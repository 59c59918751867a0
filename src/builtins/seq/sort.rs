//! sort, sort-by (stable, `compare` or a comparator fn; boolean fns such as
//! `<` work as on the JVM through AFunction.compare) and shuffle.

use super::{basic::rand_below, call, items};
use crate::builtins::{Def, arity_error};
use crate::runtime::coll::SortedComparator;
use crate::runtime::error::{Exception, Result};
use crate::runtime::meta;
use crate::runtime::seq::ArraySeq;
use crate::runtime::value::Value;
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
    match key {
        None => sort_values(&mut v, |a, b| c.compare(a, b))?,
        Some(k) => sort_values(&mut v, |a, b| {
            let ka = call(k, std::slice::from_ref(a))?;
            let kb = call(k, std::slice::from_ref(b))?;
            c.compare(&ka, &kb)
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
