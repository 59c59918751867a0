//! Arithmetic and comparison: + - * / quot rem mod inc dec min max, = == <
//! <= > >=, the promoting (`+'`) and unchecked variants, bit operations.
//! Thin wrappers over runtime::number that add Clojure's arities.

use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::number as n;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("+", add),
    Def::f("-", sub),
    Def::f("*", mul),
    Def::f("/", div),
    Def::f("inc", inc),
    Def::f("dec", dec),
    Def::f("<", lt),
    Def::f("<=", lte),
    Def::f(">", gt),
    Def::f(">=", gte),
    Def::f("==", num_eq),
    Def::f("+'", add_p),
    Def::f("-'", sub_p),
    Def::f("*'", mul_p),
    Def::f("inc'", inc_p),
    Def::f("dec'", dec_p),
    Def::f("unchecked-add", unchecked_add),
    Def::f("unchecked-subtract", unchecked_sub),
    Def::f("unchecked-multiply", unchecked_mul),
    Def::f("unchecked-negate", unchecked_negate),
    Def::f("unchecked-inc", unchecked_inc),
    Def::f("unchecked-dec", unchecked_dec),
    Def::f("unchecked-add-int", unchecked_add_int),
    Def::f("unchecked-subtract-int", unchecked_sub_int),
    Def::f("unchecked-multiply-int", unchecked_mul_int),
    Def::f("unchecked-divide-int", unchecked_div_int),
    Def::f("unchecked-remainder-int", unchecked_rem_int),
    Def::f("unchecked-negate-int", unchecked_negate_int),
    Def::f("unchecked-inc-int", unchecked_inc_int),
    Def::f("unchecked-dec-int", unchecked_dec_int),
    Def::f("unchecked-int", unchecked_int),
    Def::f("unchecked-long", unchecked_long),
    Def::f("unchecked-short", unchecked_short),
    Def::f("unchecked-byte", unchecked_byte),
    Def::f("unchecked-char", unchecked_char),
    Def::f("unchecked-double", unchecked_double),
    Def::f("unchecked-float", unchecked_float),
    Def::f("quot", quot),
    Def::f("rem", rem),
    Def::f("mod", modulo),
    Def::f("max", max),
    Def::f("min", min),
    Def::f("abs", abs),
    Def::f("zero?", is_zero),
    Def::f("pos?", is_pos),
    Def::f("neg?", is_neg),
    Def::f("even?", is_even),
    Def::f("odd?", is_odd),
    Def::f("NaN?", is_nan),
    Def::f("infinite?", is_infinite),
    Def::f("bit-and", bit_and),
    Def::f("bit-or", bit_or),
    Def::f("bit-xor", bit_xor),
    Def::f("bit-and-not", bit_and_not),
    Def::f("bit-not", bit_not),
    Def::f("bit-shift-left", shift_left),
    Def::f("bit-shift-right", shift_right),
    Def::f("unsigned-bit-shift-right", unsigned_shift_right),
    Def::f("bit-set", bit_set),
    Def::f("bit-clear", bit_clear),
    Def::f("bit-flip", bit_flip),
    Def::f("bit-test", bit_test),
    Def::f("int", int),
    Def::f("long", long),
    Def::f("double", double),
    Def::f("float", float),
    Def::f("char", char),
    Def::f("byte", byte),
    Def::f("short", short),
    Def::f("vector-of", vector_of),
    Def::f("num", num),
    Def::f("bigint", bigint),
    Def::f("biginteger", biginteger),
    Def::f("bigdec", bigdec),
    Def::f("rationalize", rationalize),
    Def::f("numerator", numerator),
    Def::f("denominator", denominator),
    Def::f("rand", rand),
    Def::f("rand-int", rand_int),
    Def::f("compare", compare),
    Def::f("=", equiv),
    Def::f("not=", not_equiv),
    Def::f("identical?", identical),
    Def::f("hash", hash),
];

/// Fold a binary op over the args with an identity for zero args and a
/// one-arg form (`(+ x)` casts x to a number).
fn fold(
    args: &[Value],
    identity: i64,
    one: fn(&Value) -> Result<Value>,
    op: fn(&Value, &Value) -> Result<Value>,
) -> Result<Value> {
    match args {
        [] => Ok(Value::long(identity)),
        [x] => one(x),
        [x, rest @ ..] => {
            let mut acc = op(x, &rest[0])?;
            for y in &rest[1..] {
                acc = op(&acc, y)?;
            }
            Ok(acc)
        }
    }
}

/// `(+ x)` returns x after checking it is a number.
fn identity_num(x: &Value) -> Result<Value> {
    n::cast_number(x)?;
    Ok(x.clone())
}

fn add(args: &[Value]) -> Result<Value> {
    fold(args, 0, identity_num, n::add)
}
fn mul(args: &[Value]) -> Result<Value> {
    fold(args, 1, identity_num, n::mul)
}
fn sub(args: &[Value]) -> Result<Value> {
    check_arity("-", args, 1, None)?;
    fold(args, 0, n::negate, n::sub)
}
fn div(args: &[Value]) -> Result<Value> {
    check_arity("/", args, 1, None)?;
    fold(args, 1, |x| n::div(&Value::long(1), x), n::div)
}
fn inc(args: &[Value]) -> Result<Value> {
    check_arity("inc", args, 1, Some(1))?;
    n::inc(&args[0])
}
fn dec(args: &[Value]) -> Result<Value> {
    check_arity("dec", args, 1, Some(1))?;
    n::dec(&args[0])
}

/// A chained comparison `(< a b c)`: every adjacent pair. One argument is
/// true whatever it is (clojure.core's `([x] true)`).
fn chain(name: &str, args: &[Value], op: fn(&Value, &Value) -> Result<bool>) -> Result<Value> {
    check_arity(name, args, 1, None)?;
    for w in args.windows(2) {
        if !op(&w[0], &w[1])? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn lt(args: &[Value]) -> Result<Value> {
    chain("<", args, n::lt)
}
fn lte(args: &[Value]) -> Result<Value> {
    chain("<=", args, n::lte)
}
fn gt(args: &[Value]) -> Result<Value> {
    chain(">", args, n::gt)
}
fn gte(args: &[Value]) -> Result<Value> {
    chain(">=", args, n::gte)
}
fn num_eq(args: &[Value]) -> Result<Value> {
    chain("==", args, n::num_equiv)
}

fn add_p(args: &[Value]) -> Result<Value> {
    fold(args, 0, identity_num, n::add_p)
}
fn mul_p(args: &[Value]) -> Result<Value> {
    fold(args, 1, identity_num, n::mul_p)
}
fn sub_p(args: &[Value]) -> Result<Value> {
    check_arity("-'", args, 1, None)?;
    fold(args, 0, n::negate_p, n::sub_p)
}

/// A one-argument number op.
fn unary(name: &str, args: &[Value], f: fn(&Value) -> Result<Value>) -> Result<Value> {
    check_arity(name, args, 1, Some(1))?;
    f(&args[0])
}
/// A two-argument number op.
fn binary(name: &str, args: &[Value], f: fn(&Value, &Value) -> Result<Value>) -> Result<Value> {
    check_arity(name, args, 2, Some(2))?;
    f(&args[0], &args[1])
}

fn inc_p(args: &[Value]) -> Result<Value> {
    unary("inc'", args, n::inc_p)
}
fn dec_p(args: &[Value]) -> Result<Value> {
    unary("dec'", args, n::dec_p)
}
fn unchecked_add(args: &[Value]) -> Result<Value> {
    binary("unchecked-add", args, n::unchecked_add)
}
fn unchecked_sub(args: &[Value]) -> Result<Value> {
    binary("unchecked-subtract", args, n::unchecked_sub)
}
fn unchecked_mul(args: &[Value]) -> Result<Value> {
    binary("unchecked-multiply", args, n::unchecked_mul)
}
fn unchecked_negate(args: &[Value]) -> Result<Value> {
    unary("unchecked-negate", args, n::unchecked_negate)
}
fn unchecked_inc(args: &[Value]) -> Result<Value> {
    unary("unchecked-inc", args, n::unchecked_inc)
}
fn unchecked_dec(args: &[Value]) -> Result<Value> {
    unary("unchecked-dec", args, n::unchecked_dec)
}

/// The int operand of an `unchecked-*-int` op (RT.intCast).
/// The int operand of the unchecked-*-int ops: a Number (no chars).
fn int_arg(v: &Value) -> Result<i32> {
    if let View::Char(_) = v.view() {
        return err::class_cast(cast_message(v.class_name(), "java.lang.Number"));
    }
    n::to_int(v)
}
fn int2(name: &str, args: &[Value], f: fn(i32, i32) -> Result<i32>) -> Result<Value> {
    check_arity(name, args, 2, Some(2))?;
    Ok(Value::int(f(int_arg(&args[0])?, int_arg(&args[1])?)?))
}
fn int1(name: &str, args: &[Value], f: fn(i32) -> i32) -> Result<Value> {
    check_arity(name, args, 1, Some(1))?;
    Ok(Value::int(f(int_arg(&args[0])?)))
}
fn divide_by_zero() -> Exception {
    Exception::new(ExClass::ArithmeticException, "/ by zero")
}
fn unchecked_add_int(args: &[Value]) -> Result<Value> {
    int2("unchecked-add-int", args, |a, b| Ok(a.wrapping_add(b)))
}
fn unchecked_sub_int(args: &[Value]) -> Result<Value> {
    int2("unchecked-subtract-int", args, |a, b| Ok(a.wrapping_sub(b)))
}
fn unchecked_mul_int(args: &[Value]) -> Result<Value> {
    int2("unchecked-multiply-int", args, |a, b| Ok(a.wrapping_mul(b)))
}
fn unchecked_div_int(args: &[Value]) -> Result<Value> {
    int2("unchecked-divide-int", args, |a, b| {
        if b == 0 {
            return Err(divide_by_zero());
        }
        Ok(a.wrapping_div(b))
    })
}
fn unchecked_rem_int(args: &[Value]) -> Result<Value> {
    int2("unchecked-remainder-int", args, |a, b| {
        if b == 0 {
            return Err(divide_by_zero());
        }
        Ok(a.wrapping_rem(b))
    })
}
fn unchecked_negate_int(args: &[Value]) -> Result<Value> {
    int1("unchecked-negate-int", args, i32::wrapping_neg)
}
fn unchecked_inc_int(args: &[Value]) -> Result<Value> {
    int1("unchecked-inc-int", args, |a| a.wrapping_add(1))
}
fn unchecked_dec_int(args: &[Value]) -> Result<Value> {
    int1("unchecked-dec-int", args, |a| a.wrapping_sub(1))
}

/// Number.longValue() of a number (the unchecked casts; only
/// unchecked-int and unchecked-char also take a char).
fn unchecked_bits(name: &str, args: &[Value]) -> Result<i64> {
    check_arity(name, args, 1, Some(1))?;
    n::long_value(&args[0])
}
/// `unchecked-int`, `unchecked-short`, `unchecked-byte`.
fn unchecked_int_cast(name: &str, args: &[Value], width: n::IntWidth) -> Result<Value> {
    check_arity(name, args, 1, Some(1))?;
    Ok(Value::int_box(n::unchecked_int_box(&args[0], width)?))
}
fn unchecked_int(args: &[Value]) -> Result<Value> {
    unchecked_int_cast("unchecked-int", args, n::IntWidth::Int)
}
fn unchecked_long(args: &[Value]) -> Result<Value> {
    Ok(Value::long(unchecked_bits("unchecked-long", args)?))
}
fn unchecked_short(args: &[Value]) -> Result<Value> {
    unchecked_int_cast("unchecked-short", args, n::IntWidth::Short)
}
fn unchecked_byte(args: &[Value]) -> Result<Value> {
    unchecked_int_cast("unchecked-byte", args, n::IntWidth::Byte)
}
fn unchecked_char(args: &[Value]) -> Result<Value> {
    if let [x] = args
        && let View::Char(_) = x.view()
    {
        return Ok(x.clone());
    }
    let code = unchecked_bits("unchecked-char", args)? as u16;
    Ok(Value::char_unit(code))
}
fn unchecked_double(args: &[Value]) -> Result<Value> {
    check_arity("unchecked-double", args, 1, Some(1))?;
    Ok(Value::double(n::to_double(&args[0])?))
}

fn unchecked_float(args: &[Value]) -> Result<Value> {
    check_arity("unchecked-float", args, 1, Some(1))?;
    Ok(Value::float(n::unchecked_float(&args[0])?))
}

fn quot(args: &[Value]) -> Result<Value> {
    binary("quot", args, n::quot)
}
fn rem(args: &[Value]) -> Result<Value> {
    binary("rem", args, n::rem)
}
fn modulo(args: &[Value]) -> Result<Value> {
    binary("mod", args, n::modulo)
}

/// `max`/`min`: `(max x)` is x unchecked, as on the JVM.
fn extreme(name: &str, args: &[Value], op: fn(&Value, &Value) -> Result<Value>) -> Result<Value> {
    check_arity(name, args, 1, None)?;
    let mut acc = args[0].clone();
    for x in &args[1..] {
        acc = op(&acc, x)?;
    }
    Ok(acc)
}
fn max(args: &[Value]) -> Result<Value> {
    extreme("max", args, n::max)
}
fn min(args: &[Value]) -> Result<Value> {
    extreme("min", args, n::min)
}
fn abs(args: &[Value]) -> Result<Value> {
    unary("abs", args, n::abs)
}

fn pred(name: &str, args: &[Value], f: fn(&Value) -> Result<bool>) -> Result<Value> {
    check_arity(name, args, 1, Some(1))?;
    Ok(Value::bool(f(&args[0])?))
}
fn is_zero(args: &[Value]) -> Result<Value> {
    pred("zero?", args, n::is_zero)
}
fn is_pos(args: &[Value]) -> Result<Value> {
    pred("pos?", args, n::is_pos)
}
fn is_neg(args: &[Value]) -> Result<Value> {
    pred("neg?", args, n::is_neg)
}

/// The low bit of an integer argument of even?/odd?.
fn low_bit(x: &Value) -> Result<i64> {
    match x.view() {
        View::Long(v) => Ok(v & 1),
        View::BigInt(_) | View::BigInteger(_) => Ok(n::long_value(x)? & 1),
        _ => {
            let s = crate::runtime::printer::str_value(x)?;
            err::illegal_arg(format!("Argument must be an integer: {s}"))
        }
    }
}
fn is_even(args: &[Value]) -> Result<Value> {
    check_arity("even?", args, 1, Some(1))?;
    Ok(Value::bool(low_bit(&args[0])? == 0))
}
fn is_odd(args: &[Value]) -> Result<Value> {
    check_arity("odd?", args, 1, Some(1))?;
    Ok(Value::bool(low_bit(&args[0])? == 1))
}
fn is_nan(args: &[Value]) -> Result<Value> {
    check_arity("NaN?", args, 1, Some(1))?;
    Ok(Value::bool(n::to_double(&args[0])?.is_nan()))
}
fn is_infinite(args: &[Value]) -> Result<Value> {
    check_arity("infinite?", args, 1, Some(1))?;
    Ok(Value::bool(n::to_double(&args[0])?.is_infinite()))
}

/// `(bit-and x y & more)`: at least two arguments.
fn bit_fold(name: &str, args: &[Value], op: fn(&Value, &Value) -> Result<Value>) -> Result<Value> {
    check_arity(name, args, 2, None)?;
    let mut acc = op(&args[0], &args[1])?;
    for x in &args[2..] {
        acc = op(&acc, x)?;
    }
    Ok(acc)
}
fn bit_and(args: &[Value]) -> Result<Value> {
    bit_fold("bit-and", args, n::bit_and)
}
fn bit_or(args: &[Value]) -> Result<Value> {
    bit_fold("bit-or", args, n::bit_or)
}
fn bit_xor(args: &[Value]) -> Result<Value> {
    bit_fold("bit-xor", args, n::bit_xor)
}
fn bit_and_not(args: &[Value]) -> Result<Value> {
    bit_fold("bit-and-not", args, n::bit_and_not)
}
fn bit_not(args: &[Value]) -> Result<Value> {
    unary("bit-not", args, n::bit_not)
}
fn shift_left(args: &[Value]) -> Result<Value> {
    binary("bit-shift-left", args, n::shift_left)
}
fn shift_right(args: &[Value]) -> Result<Value> {
    binary("bit-shift-right", args, n::shift_right)
}
fn unsigned_shift_right(args: &[Value]) -> Result<Value> {
    binary("unsigned-bit-shift-right", args, n::unsigned_shift_right)
}
fn bit_set(args: &[Value]) -> Result<Value> {
    binary("bit-set", args, n::bit_set)
}
fn bit_clear(args: &[Value]) -> Result<Value> {
    binary("bit-clear", args, n::bit_clear)
}
fn bit_flip(args: &[Value]) -> Result<Value> {
    binary("bit-flip", args, n::bit_flip)
}
fn bit_test(args: &[Value]) -> Result<Value> {
    check_arity("bit-test", args, 2, Some(2))?;
    Ok(Value::bool(n::bit_test(&args[0], &args[1])?))
}

/// `(int x)`: RT.intCast (see `number::to_int_box`).
fn int(args: &[Value]) -> Result<Value> {
    cast_int("int", args, n::IntWidth::Int)
}
/// `int`, `short`, `byte`: a java.lang.Integer, Short or Byte.
fn cast_int(name: &str, args: &[Value], width: n::IntWidth) -> Result<Value> {
    check_arity(name, args, 1, Some(1))?;
    Ok(Value::int_box(n::to_int_box(&args[0], width)?))
}
fn long(args: &[Value]) -> Result<Value> {
    check_arity("long", args, 1, Some(1))?;
    Ok(Value::long(n::to_long(&args[0])?))
}
fn double(args: &[Value]) -> Result<Value> {
    check_arity("double", args, 1, Some(1))?;
    Ok(Value::double(n::to_double(&args[0])?))
}
/// `(float x)`: a java.lang.Float, range-checked (RT.floatCast).
fn float(args: &[Value]) -> Result<Value> {
    check_arity("float", args, 1, Some(1))?;
    Ok(Value::float(n::to_float(&args[0])?))
}
fn char(args: &[Value]) -> Result<Value> {
    check_arity("char", args, 1, Some(1))?;
    n::to_char_value(&args[0])
}
fn byte(args: &[Value]) -> Result<Value> {
    cast_int("byte", args, n::IntWidth::Byte)
}
fn short(args: &[Value]) -> Result<Value> {
    cast_int("short", args, n::IntWidth::Short)
}
/// `(vector-of :type & xs)`: a vector whose items are coerced to the
/// primitive type. (The JVM's is a clojure.core.Vec; ours is an ordinary
/// persistent vector of the coerced values.)
fn vector_of(args: &[Value]) -> Result<Value> {
    check_arity("vector-of", args, 1, None)?;
    let t = match args[0].view() {
        View::Keyword(k) if k.ns().is_none() => k.name().to_string(),
        _ => String::new(),
    };
    let coerce: fn(&[Value]) -> Result<Value> = match t.as_str() {
        "int" => int,
        "long" => long,
        "float" => float,
        "double" => double,
        "byte" => byte,
        "short" => short,
        "char" => char,
        "boolean" => |a: &[Value]| Ok(Value::bool(a[0].truthy())),
        _ => {
            let s = crate::runtime::printer::str_value(&args[0])?;
            return err::illegal_arg(format!("Unrecognized type {s}"));
        }
    };
    let items = args[1..]
        .iter()
        .map(|x| coerce(std::slice::from_ref(x)))
        .collect::<Result<Vec<Value>>>()?;
    Ok(Value::vector(items))
}
fn num(args: &[Value]) -> Result<Value> {
    check_arity("num", args, 1, Some(1))?;
    // `(num nil)` is nil: the cast to Number lets null through.
    if !n::is_number(&args[0]) && !args[0].is_nil() {
        return err::class_cast(cast_message(args[0].class_name(), "java.lang.Number"));
    }
    Ok(args[0].clone())
}
fn bigint(args: &[Value]) -> Result<Value> {
    unary("bigint", args, n::to_bigint)
}
fn biginteger(args: &[Value]) -> Result<Value> {
    unary("biginteger", args, n::to_biginteger)
}
fn bigdec(args: &[Value]) -> Result<Value> {
    unary("bigdec", args, n::to_bigdec)
}
fn rationalize(args: &[Value]) -> Result<Value> {
    unary("rationalize", args, n::rationalize)
}
fn numerator(args: &[Value]) -> Result<Value> {
    unary("numerator", args, n::numerator)
}
fn denominator(args: &[Value]) -> Result<Value> {
    unary("denominator", args, n::denominator)
}

/// A process-wide xorshift generator seeded from the clock (Math.random
/// gives no reproducible sequence either).
pub(crate) fn next_random() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static STATE: AtomicU64 = AtomicU64::new(0);
    let mut x = STATE.load(Ordering::Relaxed);
    if x == 0 {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9e37_79b9_7f4a_7c15);
        x = t | 1;
    }
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    STATE.store(x, Ordering::Relaxed);
    (x >> 11) as f64 / (1u64 << 53) as f64
}

fn rand(args: &[Value]) -> Result<Value> {
    check_arity("rand", args, 0, Some(1))?;
    let r = next_random();
    match args.first() {
        Some(n) => Ok(Value::double(r * n::to_double(n)?)),
        None => Ok(Value::double(r)),
    }
}
fn rand_int(args: &[Value]) -> Result<Value> {
    check_arity("rand-int", args, 1, Some(1))?;
    let d = next_random() * n::to_double(&args[0])?;
    Ok(Value::int(n::to_int(&Value::double(d))?))
}

fn compare(args: &[Value]) -> Result<Value> {
    check_arity("compare", args, 2, Some(2))?;
    // Util.compare returns an int: a java.lang.Integer.
    Ok(Value::int(crate::runtime::compare::compare_int(
        &args[0], &args[1],
    )?))
}
fn equiv(args: &[Value]) -> Result<Value> {
    check_arity("=", args, 1, None)?;
    for w in args.windows(2) {
        if !crate::runtime::equality::try_equiv(&w[0], &w[1])? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
fn not_equiv(args: &[Value]) -> Result<Value> {
    check_arity("not=", args, 1, None)?;
    Ok(Value::bool(!equiv(args)?.truthy()))
}
fn identical(args: &[Value]) -> Result<Value> {
    check_arity("identical?", args, 2, Some(2))?;
    Ok(Value::bool(args[0].identical(&args[1])))
}
fn hash(args: &[Value]) -> Result<Value> {
    check_arity("hash", args, 1, Some(1))?;
    super::lang::hash_value(&args[0])
}
