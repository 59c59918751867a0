//! Java arrays (runtime::object::HostObject::Array): the typed constructors
//! (long-array int-array ... object-array, make-array, to-array,
//! to-array-2d, into-array), alength aget aset aset-*, aclone, the array
//! casts (ints longs ...) and bytes?. Seqable, counted and indexed like the
//! JVM's; `=` and `hash` by identity. int/short/byte arrays hold
//! java.lang.Integer/Short/Byte boxes (`number::IntBox`), so `aget`, `nth`
//! and seqs of them give what the JVM's boxing gives.

use super::{Def, check_arity};
use crate::runtime::alloc;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number::{self, IntBox, IntWidth};
use crate::runtime::object::HostObject;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("into-array", into_array),
    Def::f("long-array", long_array),
    Def::f("float-array", float_array),
    Def::f("double-array", double_array),
    Def::f("object-array", object_array),
    Def::f("int-array", int_array),
    Def::f("short-array", short_array),
    Def::f("byte-array", byte_array),
    Def::f("char-array", char_array),
    Def::f("boolean-array", boolean_array),
    Def::f("make-array", make_array),
    Def::f("to-array", to_array),
    Def::f("to-array-2d", to_array_2d),
    Def::f("aclone", aclone),
    Def::f("alength", alength),
    Def::f("aget", aget),
    Def::f("aset", aset),
    Def::f("aset-int", aset_int),
    Def::f("aset-long", aset_long),
    Def::f("aset-short", aset_short),
    Def::f("aset-byte", aset_byte),
    Def::f("aset-double", aset_double),
    Def::f("aset-float", aset_float),
    Def::f("aset-char", aset_char),
    Def::f("aset-boolean", aset_boolean),
    Def::f("ints", ints),
    Def::f("longs", longs),
    Def::f("shorts", shorts),
    Def::f("bytes", bytes),
    Def::f("doubles", doubles),
    Def::f("floats", floats),
    Def::f("chars", chars),
    Def::f("booleans", booleans),
    Def::f("bytes?", bytes_p),
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
        "java.lang.Integer" => "[Ljava.lang.Integer;",
        "java.lang.Short" => "[Ljava.lang.Short;",
        "java.lang.Byte" => "[Ljava.lang.Byte;",
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
    let elem = match args {
        [t, _] => Some(super::lang::class_name_of(t)?),
        _ => None,
    };
    if let Some(w) = IntWidth::ALL
        .into_iter()
        .find(|w| elem.as_deref() == Some(w.prim_name()))
    {
        // `(into-array Integer/TYPE xs)`: an int[], each item cast as
        // Array.setInt's caller (RT.intCast etc.) does.
        let items = items
            .iter()
            .map(|x| number::to_int_box(x, w).map(Value::int_box))
            .collect::<Result<_>>()?;
        return Ok(array(prim_class(w), items));
    }
    if let Some((class, conv)) = elem.as_deref().and_then(prim_store) {
        let items = items.iter().map(conv).collect::<Result<_>>()?;
        return Ok(array(class, items));
    }
    // The element class: the given one, else the first item's
    // (RT.seqToTypedArray); an item of another class fails as Array.set does.
    let elem = elem.or_else(|| {
        items
            .first()
            .filter(|x| !x.is_nil())
            .map(|x| x.class_name().to_string())
    });
    let class = match &elem {
        Some(e) => {
            if items
                .iter()
                .any(|x| !x.is_nil() && !super::classes::is_instance(e, x))
            {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    "array element type mismatch",
                ));
            }
            array_class(e)
        }
        None => "[Ljava.lang.Object;",
    };
    Ok(array(class, items))
}

type StoreFn = fn(&Value) -> Result<Value>;

/// How `into-array` stores into a long/double/float/char/boolean array:
/// RT.seqToTypedArray casts for float and char (RT.floatCast, charCast) and
/// otherwise calls Array.set, which only unboxes and widens.
fn prim_store(elem: &str) -> Option<(&'static str, StoreFn)> {
    Some(match elem {
        "float" => ("[F", |x| number::to_float(x).map(Value::float)),
        "char" => ("[C", |x| number::to_char(x).map(Value::char)),
        "long" => ("[J", |x| match x.view() {
            View::Long(n) => Ok(Value::long(n)),
            View::Char(_) => Ok(Value::long(i64::from(x.char_code().unwrap_or(0)))),
            _ => match x.as_int_box() {
                Some(b) => Ok(Value::long(b.value())),
                None => array_set_mismatch(x),
            },
        }),
        "double" => ("[D", |x| match x.view() {
            View::Double(d) => Ok(Value::double(d)),
            View::Float(f) => Ok(Value::double(f64::from(f))),
            View::Long(n) => Ok(Value::double(n as f64)),
            View::Char(_) => Ok(Value::double(f64::from(x.char_code().unwrap_or(0)))),
            _ => match x.as_int_box() {
                Some(b) => Ok(Value::double(b.value() as f64)),
                None => array_set_mismatch(x),
            },
        }),
        "boolean" => ("[Z", |x| match x.view() {
            View::Bool(b) => Ok(Value::bool(b)),
            _ => array_set_mismatch(x),
        }),
        _ => return None,
    })
}

/// Array.set's IllegalArgumentException: no message for null, else
/// "argument type mismatch".
fn array_set_mismatch(x: &Value) -> Result<Value> {
    let message = (!x.is_nil()).then(|| "argument type mismatch".to_string());
    Err(Exception::full(
        ExClass::IllegalArgumentException,
        message,
        None,
        None,
    ))
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
        [n] if number::is_number(n) => alloc::vec_filled(int_size(n)?, zero)?,
        [s] => seq::iter(s)
            .map(|x| x.and_then(|x| conv(&x)))
            .collect::<Result<_>>()?,
        // A scalar init value fills the array (RT.booleanArray etc.).
        [n, init]
            if number::is_number(init) || matches!(init.view(), View::Bool(_) | View::Char(_)) =>
        {
            alloc::vec_filled(size(n)?, conv(init)?)?
        }
        [n, s] => {
            let n = size(n)?;
            let mut v = alloc::vec_with_capacity(n)?;
            for x in seq::iter(s).take(n) {
                v.push(conv(&x?)?);
            }
            v.resize(n, zero);
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
        alloc::vec_filled(int_size(&args[0])?, Value::NIL)?
    } else {
        seq::iter(&args[0]).collect::<Result<_>>()?
    };
    Ok(array("[Ljava.lang.Object;", items))
}

/// An array length from `(int n)` (make-array, `(long-array n init)`): "integer overflow" past
/// an int, NegativeArraySizeException below 0.
fn size(n: &Value) -> Result<usize> {
    non_negative(number::convert::to_int(n)?)
}

/// An array length from `n`'s intValue (RT.object_array, Numbers.long_array
/// ...): doubles saturate, longs wrap, as the JVM's casts do.
fn int_size(n: &Value) -> Result<usize> {
    non_negative(number::convert::int_value(n)?)
}

fn non_negative(n: i32) -> Result<usize> {
    usize::try_from(n)
        .map_err(|_| Exception::new(ExClass::NegativeArraySizeException, n.to_string()))
}

fn items_of(a: &Value) -> Result<&Lock<Vec<Value>>> {
    match a.view() {
        View::HostObject(HostObject::Array(_, l)) => Ok(l),
        _ => Err(not_an_array(a)),
    }
}

/// Reflector's error for a non-array; nil fails first, reading its class.
fn not_an_array(a: &Value) -> Exception {
    if a.is_nil() {
        return Exception::new(
            ExClass::NullPointerException,
            "Cannot read the array length because \"xs\" is null",
        );
    }
    Exception::new(
        ExClass::IllegalArgumentException,
        "Argument is not an array",
    )
}

fn bounds(i: i64, len: usize) -> Exception {
    Exception::new(
        ExClass::ArrayIndexOutOfBoundsException,
        format!("Index {i} out of bounds for length {len}"),
    )
}

fn alength(args: &[Value]) -> Result<Value> {
    check_arity("alength", args, 1, Some(1))?;
    // Array.getLength returns an int.
    Ok(Value::int_box(IntBox::wrapping(
        IntWidth::Int,
        lock(items_of(&args[0])?).len() as i64,
    )))
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
    let item = match target.view() {
        View::HostObject(HostObject::Array(class, _)) => match IntWidth::of_array_class(class) {
            Some(w) => int_item(w, &last[1])?,
            None => last[1].clone(),
        },
        _ => last[1].clone(),
    };
    let mut v = lock(items_of(&target)?);
    let len = v.len();
    match usize::try_from(i).ok().and_then(|u| v.get_mut(u)) {
        Some(slot) => *slot = item.clone(),
        None => return Err(bounds(i, len)),
    }
    Ok(item)
}

/// The value `aset` stores into an int/short/byte array, as the JVM's
/// reflective call of RT.aset(int[], int, int) converts it: an int slot
/// takes an Integer or a Long (Math.toIntExact: "integer overflow"), a
/// short or byte slot only its own box; anything else matches no overload.
fn int_item(w: IntWidth, x: &Value) -> Result<Value> {
    let no_match = || {
        Exception::new(
            ExClass::IllegalArgumentException,
            "No matching method aset found taking 3 args",
        )
    };
    let fits_slot = match x.as_int_box() {
        Some(b) => b.width() == w,
        None => w == IntWidth::Int && matches!(x.view(), View::Long(_)),
    };
    if !fits_slot {
        return Err(no_match());
    }
    let n = x.as_long().ok_or_else(no_match)?;
    IntBox::new(w, n)
        .map(Value::int_box)
        .ok_or_else(|| Exception::new(ExClass::ArithmeticException, "integer overflow"))
}

/// An int/short/byte array element from a number (RT.int_array etc.:
/// the number narrowed to the width).
fn wrap_to(w: IntWidth, x: &Value) -> Result<Value> {
    number::to_long(x).map(|n| Value::int_box(IntBox::wrapping(w, n)))
}
fn wrap_int(x: &Value) -> Result<Value> {
    wrap_to(IntWidth::Int, x)
}
fn wrap_short(x: &Value) -> Result<Value> {
    wrap_to(IntWidth::Short, x)
}
fn wrap_byte(x: &Value) -> Result<Value> {
    wrap_to(IntWidth::Byte, x)
}
/// The array class of a primitive integer width (`[I`).
fn prim_class(w: IntWidth) -> &'static str {
    match w {
        IntWidth::Int => "[I",
        IntWidth::Short => "[S",
        IntWidth::Byte => "[B",
    }
}
fn zero_of(w: IntWidth) -> Value {
    Value::int_box(IntBox::wrapping(w, 0))
}
fn to_char(x: &Value) -> Result<Value> {
    match x.view() {
        View::Char(_) => Ok(x.clone()),
        _ => number::to_long(x).map(|n| Value::char_unit((n & 0xffff) as u16)),
    }
}
fn to_bool(x: &Value) -> Result<Value> {
    match x.view() {
        View::Bool(b) => Ok(Value::bool(b)),
        _ => crate::runtime::error::err::class_cast(crate::runtime::compare::cast_message(
            x.class_name(),
            "java.lang.Boolean",
        )),
    }
}

fn int_array(args: &[Value]) -> Result<Value> {
    check_arity("int-array", args, 1, Some(2))?;
    prim_array(args, "[I", zero_of(IntWidth::Int), wrap_int)
}
fn short_array(args: &[Value]) -> Result<Value> {
    check_arity("short-array", args, 1, Some(2))?;
    prim_array(args, "[S", zero_of(IntWidth::Short), wrap_short)
}
fn byte_array(args: &[Value]) -> Result<Value> {
    check_arity("byte-array", args, 1, Some(2))?;
    prim_array(args, "[B", zero_of(IntWidth::Byte), wrap_byte)
}
fn char_array(args: &[Value]) -> Result<Value> {
    check_arity("char-array", args, 1, Some(2))?;
    prim_array(args, "[C", Value::char('\0'), to_char)
}
fn boolean_array(args: &[Value]) -> Result<Value> {
    check_arity("boolean-array", args, 1, Some(2))?;
    prim_array(args, "[Z", Value::FALSE, to_bool)
}

/// The array class and element default for a component class name.
fn component(name: &str) -> (String, Value) {
    match name {
        "long" => ("[J".into(), Value::long(0)),
        "int" => ("[I".into(), zero_of(IntWidth::Int)),
        "short" => ("[S".into(), zero_of(IntWidth::Short)),
        "byte" => ("[B".into(), zero_of(IntWidth::Byte)),
        "double" => ("[D".into(), Value::double(0.0)),
        "float" => ("[F".into(), Value::float(0.0)),
        "char" => ("[C".into(), Value::char('\0')),
        "boolean" => ("[Z".into(), Value::FALSE),
        c if c.starts_with('[') => (format!("[{c}"), Value::NIL),
        c => (format!("[L{c};"), Value::NIL),
    }
}

fn leak_class(name: String) -> &'static str {
    // Array class names are a small fixed set per program; intern them.
    crate::runtime::string::intern_static(&name)
}

/// `(make-array class dim & more-dims)`.
fn make_array(args: &[Value]) -> Result<Value> {
    check_arity("make-array", args, 2, None)?;
    let elem = super::lang::class_name_of(&args[0])?;
    make_dims(&elem, &args[1..])
}

fn make_dims(elem: &str, dims: &[Value]) -> Result<Value> {
    let Some((n, rest)) = dims.split_first() else {
        return Ok(Value::NIL);
    };
    let n = size(n)?;
    if rest.is_empty() {
        let (class, zero) = component(elem);
        return Ok(array(leak_class(class), alloc::vec_filled(n, zero)?));
    }
    // The class of the inner arrays is the component of this one.
    let mut inner = component(elem).0;
    for _ in 1..rest.len() {
        inner = format!("[{inner}");
    }
    let class = leak_class(format!("[{inner}"));
    let mut items = alloc::vec_with_capacity(n)?;
    for _ in 0..n {
        items.push(make_dims(elem, rest)?);
    }
    Ok(array(class, items))
}

/// `(to-array coll)`: an Object[] of the items.
fn to_array(args: &[Value]) -> Result<Value> {
    check_arity("to-array", args, 1, Some(1))?;
    let items = match args[0].view() {
        View::HostObject(HostObject::Array(_, l)) => lock(l).clone(),
        // RT.toArray converts collections, strings and nil, not scalars.
        View::Bool(_)
        | View::Long(_)
        | View::Double(_)
        | View::Float(_)
        | View::Char(_)
        | View::Keyword(_)
        | View::Symbol(_)
        | View::BigInt(_)
        | View::BigInteger(_)
        | View::Ratio(_)
        | View::BigDec(_) => {
            return Err(Exception::new(
                ExClass::RuntimeException,
                format!(
                    "Unable to convert: class {} to Object[]",
                    args[0].class_name()
                ),
            ));
        }
        _ => seq::iter(&args[0]).collect::<Result<_>>()?,
    };
    Ok(array("[Ljava.lang.Object;", items))
}

/// `(to-array-2d coll)`: an Object[][] of the items' items.
fn to_array_2d(args: &[Value]) -> Result<Value> {
    check_arity("to-array-2d", args, 1, Some(1))?;
    let mut rows = Vec::new();
    for row in seq::iter(&args[0]) {
        rows.push(to_array(&[row?])?);
    }
    Ok(array("[[Ljava.lang.Object;", rows))
}

/// `(aclone a)`: a copy of the same class.
fn aclone(args: &[Value]) -> Result<Value> {
    check_arity("aclone", args, 1, Some(1))?;
    match args[0].view() {
        View::HostObject(HostObject::Array(c, l)) => Ok(array(c, lock(l).clone())),
        _ => Err(not_an_array(&args[0])),
    }
}

/// `(aset-int a i v)` and friends: aset with the element cast.
fn aset_as(name: &str, args: &[Value], conv: fn(&Value) -> Result<Value>) -> Result<Value> {
    check_arity(name, args, 3, None)?;
    let mut a = args.to_vec();
    let last = a.len() - 1;
    a[last] = conv(&a[last])?;
    aset(&a)?;
    // def-aset's fns return the value as given, not as stored.
    Ok(args[last].clone())
}
fn aset_int(args: &[Value]) -> Result<Value> {
    aset_as("aset-int", args, |x| cast_to(IntWidth::Int, x))
}
/// aset-int/short/byte cast their value as `int`/`short`/`byte` do.
fn cast_to(w: IntWidth, x: &Value) -> Result<Value> {
    number::to_int_box(x, w).map(Value::int_box)
}
fn aset_long(args: &[Value]) -> Result<Value> {
    aset_as("aset-long", args, |x| number::to_long(x).map(Value::long))
}
fn aset_short(args: &[Value]) -> Result<Value> {
    aset_as("aset-short", args, |x| cast_to(IntWidth::Short, x))
}
fn aset_byte(args: &[Value]) -> Result<Value> {
    aset_as("aset-byte", args, |x| cast_to(IntWidth::Byte, x))
}
fn aset_double(args: &[Value]) -> Result<Value> {
    aset_as("aset-double", args, |x| {
        number::to_double(x).map(Value::double)
    })
}
fn aset_float(args: &[Value]) -> Result<Value> {
    aset_as("aset-float", args, |x| {
        number::unchecked_float(x).map(Value::float)
    })
}
fn aset_char(args: &[Value]) -> Result<Value> {
    aset_as("aset-char", args, to_char)
}
fn aset_boolean(args: &[Value]) -> Result<Value> {
    aset_as("aset-boolean", args, to_bool)
}

/// `(ints a)` and friends: the array itself when it has that class.
fn cast_array(name: &str, args: &[Value], class: &str) -> Result<Value> {
    check_arity(name, args, 1, Some(1))?;
    let a = &args[0];
    match a.view() {
        View::Nil => Ok(Value::NIL),
        View::HostObject(HostObject::Array(c, _)) if *c == class => Ok(a.clone()),
        _ => crate::runtime::error::err::class_cast(crate::runtime::compare::cast_message(
            a.class_name(),
            class,
        )),
    }
}
fn ints(args: &[Value]) -> Result<Value> {
    cast_array("ints", args, "[I")
}
fn longs(args: &[Value]) -> Result<Value> {
    cast_array("longs", args, "[J")
}
fn shorts(args: &[Value]) -> Result<Value> {
    cast_array("shorts", args, "[S")
}
fn bytes(args: &[Value]) -> Result<Value> {
    cast_array("bytes", args, "[B")
}
fn doubles(args: &[Value]) -> Result<Value> {
    cast_array("doubles", args, "[D")
}
fn floats(args: &[Value]) -> Result<Value> {
    cast_array("floats", args, "[F")
}
fn chars(args: &[Value]) -> Result<Value> {
    cast_array("chars", args, "[C")
}
fn booleans(args: &[Value]) -> Result<Value> {
    cast_array("booleans", args, "[Z")
}

/// `(bytes? x)`: a byte array.
fn bytes_p(args: &[Value]) -> Result<Value> {
    check_arity("bytes?", args, 1, Some(1))?;
    Ok(Value::bool(matches!(
        args[0].view(),
        View::HostObject(HostObject::Array("[B", _))
    )))
}
