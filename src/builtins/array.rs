//! Java arrays (runtime::object::HostObject::Array): into-array, long-array,
//! float-array, double-array, object-array, alength, aget, aset. Seqable,
//! counted and indexed like the JVM's; `=` and `hash` by identity.

use super::{Def, check_arity};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number;
use crate::runtime::object::HostObject;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("into-array", into_array),
    Def::f("long-array", long_array),
    Def::f("float-array", float_array),
    Def::f("double-array", double_array),
    Def::f("object-array", object_array),
    Def::f("alength", alength),
    Def::f("aget", aget),
    Def::f("aset", aset),
];

fn array(class: &'static str, items: Vec<Value>) -> Value {
    Value::from(Ref::new(HostObject::Array(class, Lock::new(items))))
}

/// The array class for elements of class `elem` (known classes only).
fn array_class(elem: &str) -> &'static str {
    match elem {
        "java.lang.Long" => "[Ljava.lang.Long;",
        "java.lang.Double" => "[Ljava.lang.Double;",
        "java.lang.Float" => "[Ljava.lang.Float;",
        "java.math.BigInteger" => "[Ljava.math.BigInteger;",
        "java.lang.String" => "[Ljava.lang.String;",
        "java.lang.Character" => "[Ljava.lang.Character;",
        "java.lang.Boolean" => "[Ljava.lang.Boolean;",
        "clojure.lang.Keyword" => "[Lclojure.lang.Keyword;",
        "clojure.lang.Symbol" => "[Lclojure.lang.Symbol;",
        "clojure.lang.PersistentVector" => "[Lclojure.lang.PersistentVector;",
        _ => "[Ljava.lang.Object;",
    }
}

/// `(into-array aseq)` / `(into-array type aseq)`: typed by the first item's
/// class (Object[] when empty).
fn into_array(args: &[Value]) -> Result<Value> {
    check_arity("into-array", args, 1, Some(2))?;
    let items: Vec<Value> = seq::iter(&args[args.len() - 1]).collect::<Result<_>>()?;
    let class = match args {
        [t, _] => array_class(&super::lang::class_name_of(t)?),
        _ => match items.first() {
            Some(x) if !x.is_nil() => array_class(x.class_name()),
            _ => "[Ljava.lang.Object;",
        },
    };
    Ok(array(class, items))
}

/// `(long-array size-or-seq)` / `(long-array size init-or-seq)`.
fn long_array(args: &[Value]) -> Result<Value> {
    check_arity("long-array", args, 1, Some(2))?;
    prim_array(args, "[J", Value::long(0), |x| {
        number::to_long(x).map(Value::long)
    })
}

/// `(float-array size-or-seq)` / `(float-array size init-or-seq)`: elements
/// are Floats through Number.floatValue() (no range check, as RT.float_array).
fn float_array(args: &[Value]) -> Result<Value> {
    check_arity("float-array", args, 1, Some(2))?;
    prim_array(args, "[F", Value::float(0.0), |x| {
        number::unchecked_float(x).map(Value::float)
    })
}

/// `(double-array size-or-seq)` / `(double-array size init-or-seq)`.
fn double_array(args: &[Value]) -> Result<Value> {
    check_arity("double-array", args, 1, Some(2))?;
    prim_array(args, "[D", Value::double(0.0), |x| {
        number::to_double(x).map(Value::double)
    })
}

/// A primitive array from a size, a seq, or a size with an init value or
/// seq (padded with `zero`); `conv` casts each element.
fn prim_array(
    args: &[Value],
    class: &'static str,
    zero: Value,
    conv: fn(&Value) -> Result<Value>,
) -> Result<Value> {
    let items = match args {
        [n] if number::is_number(n) => vec![zero; size(n)?],
        [s] => seq::iter(s)
            .map(|x| x.and_then(|x| conv(&x)))
            .collect::<Result<_>>()?,
        [n, init] if number::is_number(init) => vec![conv(init)?; size(n)?],
        [n, s] => {
            let mut v: Vec<Value> = seq::iter(s)
                .take(size(n)?)
                .map(|x| x.and_then(|x| conv(&x)))
                .collect::<Result<_>>()?;
            v.resize(size(n)?, zero);
            v
        }
        _ => Vec::new(),
    };
    Ok(array(class, items))
}

/// `(object-array size-or-seq)`.
fn object_array(args: &[Value]) -> Result<Value> {
    check_arity("object-array", args, 1, Some(1))?;
    let items = if number::is_number(&args[0]) {
        vec![Value::NIL; size(&args[0])?]
    } else {
        seq::iter(&args[0]).collect::<Result<_>>()?
    };
    Ok(array("[Ljava.lang.Object;", items))
}

fn size(n: &Value) -> Result<usize> {
    let n = number::to_long(n)?;
    usize::try_from(n)
        .map_err(|_| Exception::new(ExClass::NegativeArraySizeException, n.to_string()))
}

fn items_of(a: &Value) -> Result<&Lock<Vec<Value>>> {
    match a.view() {
        View::HostObject(HostObject::Array(_, l)) => Ok(l),
        _ => Err(Exception::new(
            ExClass::IllegalArgumentException,
            "Argument is not an array",
        )),
    }
}

fn bounds(i: i64, len: usize) -> Exception {
    Exception::new(
        ExClass::ArrayIndexOutOfBoundsException,
        format!("Index {i} out of bounds for length {len}"),
    )
}

fn alength(args: &[Value]) -> Result<Value> {
    check_arity("alength", args, 1, Some(1))?;
    Ok(Value::long(lock(items_of(&args[0])?).len() as i64))
}

/// `(aget a i)` / `(aget a i j ...)` (nested arrays).
fn aget(args: &[Value]) -> Result<Value> {
    check_arity("aget", args, 2, None)?;
    let mut cur = args[0].clone();
    for i in &args[1..] {
        let i = number::to_long(i)?;
        let next = {
            let v = lock(items_of(&cur)?);
            usize::try_from(i)
                .ok()
                .and_then(|u| v.get(u).cloned())
                .ok_or_else(|| bounds(i, v.len()))?
        };
        cur = next;
    }
    Ok(cur)
}

/// `(aset a i v)` / `(aset a i j ... v)`: returns v.
fn aset(args: &[Value]) -> Result<Value> {
    check_arity("aset", args, 3, None)?;
    let (path, last) = args.split_at(args.len() - 2);
    let target = if path.len() == 1 {
        path[0].clone()
    } else {
        aget(path)?
    };
    let i = number::to_long(&last[0])?;
    let mut v = lock(items_of(&target)?);
    let len = v.len();
    match usize::try_from(i).ok().and_then(|u| v.get_mut(u)) {
        Some(slot) => *slot = last[1].clone(),
        None => return Err(bounds(i, len)),
    }
    Ok(last[1].clone())
}
