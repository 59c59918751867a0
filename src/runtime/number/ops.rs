//! Arithmetic and numeric comparison with clojure.lang.Numbers' rules.
//!
//! Every entry point tries long/long and double/double first (the VM's hot
//! path: no allocation, one match) and falls back to a cold generic path
//! that picks the operation kind by contagion rank (see [`Num`]).
//!
//! Where the JVM's behaviour depends on whether the compiler saw primitive
//! or boxed operands, we follow the primitive (literal / local) behaviour:
//! `(/ 1.0 0)` is `##Inf`, `unchecked-add` wraps longs, `(<= ##NaN 1)` is
//! false, `(max 0.0 -0.0)` is `0.0`.

use super::bigdec::Dec;
use super::{Num, Rank, Ratio, not_a_number, ratio_value};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Repr, Value};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cmp::Ordering;

#[cold]
fn overflow() -> Exception {
    Exception::new(ExClass::ArithmeticException, "long overflow")
}

#[cold]
fn divide_by_zero() -> Exception {
    Exception::new(ExClass::ArithmeticException, "Divide by zero")
}

/// Both operands as numbers; nil fails before a wrong type, as on the JVM
/// (`ops(x)`, `ops(y)` run before the casts).
fn nums<'a>(a: &'a Value, b: &'a Value) -> Result<(Num<'a>, Num<'a>)> {
    if a.is_nil() {
        return Err(not_a_number(a));
    }
    if b.is_nil() {
        return Err(not_a_number(b));
    }
    let x = Num::of(a).ok_or_else(|| not_a_number(a))?;
    let y = Num::of(b).ok_or_else(|| not_a_number(b))?;
    Ok((x, y))
}

fn num(a: &Value) -> Result<Num<'_>> {
    Num::of(a).ok_or_else(|| not_a_number(a))
}

/// A BigDecimal result, rounded to `*math-context*` when one is bound.
fn dec_value(d: Dec) -> Result<Value> {
    let d = match super::math_context::current() {
        Some(mc) => d.round(mc)?,
        None => d,
    };
    Ok(Value::bigdec(d.into_big()))
}

// ---------------------------------------------------------------- add / sub / mul

/// `+`: throws "long overflow" on long overflow.
#[inline]
pub fn add(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => match x.checked_add(*y) {
            Some(r) => Ok(Value::long(r)),
            None => Err(overflow()),
        },
        (Repr::Double(x), Repr::Double(y)) => Ok(Value::double(x + y)),
        _ => add_slow(a, b, false),
    }
}

/// `+'`: promotes to BigInt on long overflow.
#[inline]
pub fn add_p(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(match x.checked_add(*y) {
            Some(r) => Value::long(r),
            None => Value::bigint(BigInt::from(*x) + *y),
        }),
        _ => add_slow(a, b, true),
    }
}

/// `unchecked-add`: wraps on long overflow.
#[inline]
pub fn unchecked_add(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(Value::long(x.wrapping_add(*y))),
        _ => add(a, b),
    }
}

#[cold]
#[inline(never)]
fn add_slow(a: &Value, b: &Value, promote: bool) -> Result<Value> {
    let (x, y) = nums(a, b)?;
    combine_add(x, y, promote)
}

fn combine_add(x: Num, y: Num, promote: bool) -> Result<Value> {
    Ok(match x.rank().max(y.rank()) {
        Rank::Long => {
            let (p, q) = (x.long_part(), y.long_part());
            match p.checked_add(q) {
                Some(r) => Value::long(r),
                None if promote => Value::bigint(BigInt::from(p) + q),
                None => return Err(overflow()),
            }
        }
        Rank::Double => Value::double(x.to_f64() + y.to_f64()),
        Rank::Big => Value::bigint(x.to_bigint() + y.to_bigint()),
        Rank::Ratio => ratio_value(x.to_ratio() + y.to_ratio()),
        Rank::Dec => dec_value(x.to_dec()?.add(&y.to_dec()?))?,
    })
}

/// `-` (binary): throws on long overflow.
#[inline]
pub fn sub(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => match x.checked_sub(*y) {
            Some(r) => Ok(Value::long(r)),
            None => Err(overflow()),
        },
        (Repr::Double(x), Repr::Double(y)) => Ok(Value::double(x - y)),
        _ => sub_slow(a, b, false),
    }
}

/// `-'` (binary): promotes on long overflow.
#[inline]
pub fn sub_p(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(match x.checked_sub(*y) {
            Some(r) => Value::long(r),
            None => Value::bigint(BigInt::from(*x) - *y),
        }),
        _ => sub_slow(a, b, true),
    }
}

/// `unchecked-subtract`.
#[inline]
pub fn unchecked_sub(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(Value::long(x.wrapping_sub(*y))),
        _ => sub(a, b),
    }
}

#[cold]
#[inline(never)]
fn sub_slow(a: &Value, b: &Value, promote: bool) -> Result<Value> {
    let (x, y) = nums(a, b)?;
    Ok(match x.rank().max(y.rank()) {
        Rank::Long => {
            let (p, q) = (x.long_part(), y.long_part());
            match p.checked_sub(q) {
                Some(r) => Value::long(r),
                None if promote => Value::bigint(BigInt::from(p) - q),
                None => return Err(overflow()),
            }
        }
        Rank::Double => Value::double(x.to_f64() - y.to_f64()),
        Rank::Big => Value::bigint(x.to_bigint() - y.to_bigint()),
        Rank::Ratio => ratio_value(x.to_ratio() - y.to_ratio()),
        Rank::Dec => dec_value(x.to_dec()?.sub(&y.to_dec()?))?,
    })
}

/// `*`: throws on long overflow.
#[inline]
pub fn mul(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => match x.checked_mul(*y) {
            Some(r) => Ok(Value::long(r)),
            None => Err(overflow()),
        },
        (Repr::Double(x), Repr::Double(y)) => Ok(Value::double(x * y)),
        _ => mul_slow(a, b, false),
    }
}

/// `*'`: promotes on long overflow.
#[inline]
pub fn mul_p(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(match x.checked_mul(*y) {
            Some(r) => Value::long(r),
            None => Value::bigint(BigInt::from(*x) * *y),
        }),
        _ => mul_slow(a, b, true),
    }
}

/// `unchecked-multiply`.
#[inline]
pub fn unchecked_mul(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(Value::long(x.wrapping_mul(*y))),
        _ => mul(a, b),
    }
}

#[cold]
#[inline(never)]
fn mul_slow(a: &Value, b: &Value, promote: bool) -> Result<Value> {
    let (x, y) = nums(a, b)?;
    Ok(match x.rank().max(y.rank()) {
        Rank::Long => {
            let (p, q) = (x.long_part(), y.long_part());
            match p.checked_mul(q) {
                Some(r) => Value::long(r),
                None if promote => Value::bigint(BigInt::from(p) * q),
                None => return Err(overflow()),
            }
        }
        Rank::Double => Value::double(x.to_f64() * y.to_f64()),
        Rank::Big => Value::bigint(x.to_bigint() * y.to_bigint()),
        Rank::Ratio => ratio_value(x.to_ratio() * y.to_ratio()),
        Rank::Dec => dec_value(x.to_dec()?.mul(&y.to_dec()?))?,
    })
}

// ---------------------------------------------------------------- unary

/// `(- x)`: throws for Long/MIN_VALUE.
#[inline]
pub fn negate(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => x.checked_neg().map(Value::long).ok_or_else(overflow),
        Repr::Double(x) => Ok(Value::double(-x)),
        _ => negate_slow(a, false),
    }
}

/// `(-' x)`: Long/MIN_VALUE promotes.
#[inline]
pub fn negate_p(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => Ok(match x.checked_neg() {
            Some(r) => Value::long(r),
            None => Value::bigint(-BigInt::from(*x)),
        }),
        _ => negate_slow(a, true),
    }
}

/// `unchecked-negate`.
#[inline]
pub fn unchecked_negate(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => Ok(Value::long(x.wrapping_neg())),
        _ => negate(a),
    }
}

#[cold]
#[inline(never)]
fn negate_slow(a: &Value, promote: bool) -> Result<Value> {
    Ok(match num(a)? {
        Num::L(x) => match x.checked_neg() {
            Some(r) => Value::long(r),
            None if promote => Value::bigint(-BigInt::from(x)),
            None => return Err(overflow()),
        },
        Num::D(x) => Value::double(-x),
        Num::B(b) => Value::bigint(-b),
        Num::R(r) => Value::ratio(-r),
        Num::M(m) => dec_value(Dec::from_big(m).neg())?,
    })
}

/// `inc`.
#[inline]
pub fn inc(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => x.checked_add(1).map(Value::long).ok_or_else(overflow),
        Repr::Double(x) => Ok(Value::double(x + 1.0)),
        _ => add_slow(a, &Value::long(1), false),
    }
}

/// `inc'`.
#[inline]
pub fn inc_p(a: &Value) -> Result<Value> {
    add_p(a, &Value::long(1))
}

/// `unchecked-inc`.
#[inline]
pub fn unchecked_inc(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => Ok(Value::long(x.wrapping_add(1))),
        _ => inc(a),
    }
}

/// `dec`.
#[inline]
pub fn dec(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => x.checked_sub(1).map(Value::long).ok_or_else(overflow),
        Repr::Double(x) => Ok(Value::double(x - 1.0)),
        _ => add_slow(a, &Value::long(-1), false),
    }
}

/// `dec'`.
#[inline]
pub fn dec_p(a: &Value) -> Result<Value> {
    sub_p(a, &Value::long(1))
}

/// `unchecked-dec`.
#[inline]
pub fn unchecked_dec(a: &Value) -> Result<Value> {
    match &a.0 {
        Repr::Long(x) => Ok(Value::long(x.wrapping_sub(1))),
        _ => dec(a),
    }
}

/// `abs` (Clojure 1.11): `(abs Long/MIN_VALUE)` stays negative, like Math.abs.
pub fn abs(a: &Value) -> Result<Value> {
    Ok(match num(a)? {
        Num::L(x) => Value::long(x.wrapping_abs()),
        Num::D(x) => Value::double(x.abs()),
        Num::B(b) => Value::bigint(b.abs()),
        Num::R(r) => Value::ratio(r.abs()),
        Num::M(m) => dec_value(Dec::from_big(m).abs())?,
    })
}

// ---------------------------------------------------------------- division

/// LongOps.divide: reduce by gcd with Java's wrapping long arithmetic
/// (so `(/ 1 Long/MIN_VALUE)` is the JVM's odd `-1/-9223372036854775808`).
fn long_divide(n: i64, d: i64) -> Result<Value> {
    if d == 0 {
        return Err(divide_by_zero());
    }
    let (mut u, mut v) = (n, d);
    while v != 0 {
        let r = u.wrapping_rem(v);
        u = v;
        v = r;
    }
    let gcd = u;
    if gcd == 0 {
        return Ok(Value::long(0));
    }
    let mut n = n.wrapping_div(gcd);
    let mut d = d.wrapping_div(gcd);
    if d == 1 {
        return Ok(Value::long(n));
    }
    if d < 0 {
        n = n.wrapping_neg();
        d = d.wrapping_neg();
    }
    Ok(Value::ratio(Ratio::new_raw(
        BigInt::from(n),
        BigInt::from(d),
    )))
}

/// `/`: exact for integers and ratios (`(/ 4 2)` is 2, `(/ 1 3)` is 1/3),
/// "Divide by zero" for an exact zero divisor, IEEE for long/double.
#[inline]
pub fn div(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => long_divide(*x, *y),
        (Repr::Double(x), Repr::Double(y)) => Ok(Value::double(x / y)),
        (Repr::Double(x), Repr::Long(y)) => Ok(Value::double(x / *y as f64)),
        (Repr::Long(x), Repr::Double(y)) => Ok(Value::double(*x as f64 / y)),
        // A primitive float divides as a double (Numbers.divide(double, long)).
        (Repr::Float(x), Repr::Long(y)) => Ok(Value::double(f64::from(*x) / *y as f64)),
        (Repr::Long(x), Repr::Float(y)) => Ok(Value::double(*x as f64 / f64::from(*y))),
        (Repr::Float(x), Repr::Float(y)) => Ok(Value::double(f64::from(*x) / f64::from(*y))),
        (Repr::Float(x), Repr::Double(y)) => Ok(Value::double(f64::from(*x) / y)),
        (Repr::Double(x), Repr::Float(y)) => Ok(Value::double(x / f64::from(*y))),
        _ => div_slow(a, b),
    }
}

#[cold]
#[inline(never)]
fn div_slow(a: &Value, b: &Value) -> Result<Value> {
    let (x, y) = nums(a, b)?;
    if let Num::D(d) = x
        && d.is_nan()
    {
        return Ok(a.clone());
    }
    if let Num::D(d) = y
        && d.is_nan()
    {
        return Ok(b.clone());
    }
    // A double on either side divides as doubles, zero divisor included
    // (Numbers.divide(double, Object) gives Infinity for `(/ ##Inf 0N)`).
    if x.rank() == Rank::Double || y.rank() == Rank::Double {
        return Ok(Value::double(x.to_f64() / y.to_f64()));
    }
    if num_is_zero(y) {
        return Err(divide_by_zero());
    }
    Ok(match x.rank().max(y.rank()) {
        Rank::Long => {
            let (p, q) = (x.long_part(), y.long_part());
            return long_divide(p, q);
        }
        Rank::Double => Value::double(x.to_f64() / y.to_f64()),
        Rank::Big | Rank::Ratio => ratio_value(x.to_ratio() / y.to_ratio()),
        Rank::Dec => {
            let (x, y) = (x.to_dec()?, y.to_dec()?);
            match super::math_context::current() {
                Some(mc) => Value::bigdec(x.div_mc(&y, mc)?.into_big()),
                None => Value::bigdec(x.div(&y)?.into_big()),
            }
        }
    })
}

/// Numbers.divide(BigInteger, BigInteger): the value of a ratio literal
/// `n/d` (reader) or of exact division: BigInt when it divides evenly,
/// else a normalised Ratio; "Divide by zero" for d = 0.
pub fn make_ratio(n: BigInt, d: BigInt) -> Result<Value> {
    if d.is_zero() {
        return Err(divide_by_zero());
    }
    Ok(ratio_value(Ratio::new(n, d)))
}

/// The value of a ratio literal as LispReader builds it: both parts reduced
/// to longs when they fit, then `/` (`4/2` reads as the long 2, `1/0`
/// throws "Divide by zero").
pub fn read_ratio(n: BigInt, d: BigInt) -> Result<Value> {
    use num_traits::ToPrimitive;
    let reduce = |b: BigInt| match b.to_i64() {
        Some(x) => Value::long(x),
        None => Value::bigint(b),
    };
    div(&reduce(n), &reduce(d))
}

fn num_is_zero(n: Num) -> bool {
    match n {
        Num::L(x) => x == 0,
        Num::D(x) => x == 0.0,
        Num::B(b) => b.is_zero(),
        Num::R(r) => r.is_zero(),
        Num::M(m) => Dec::from_big(m).is_zero(),
    }
}

fn num_signum(n: Num) -> i32 {
    match n {
        Num::L(x) => x.signum() as i32,
        Num::D(x) => {
            if x > 0.0 {
                1
            } else if x < 0.0 {
                -1
            } else {
                0
            }
        }
        Num::B(b) => match b.sign() {
            num_bigint::Sign::Minus => -1,
            num_bigint::Sign::NoSign => 0,
            num_bigint::Sign::Plus => 1,
        },
        Num::R(r) => {
            if r.is_positive() {
                1
            } else if r.is_negative() {
                -1
            } else {
                0
            }
        }
        Num::M(m) => Dec::from_big(m).signum(),
    }
}

/// Numbers.quotient(double, double): truncation through long when in range.
fn double_quotient(n: f64, d: f64) -> Result<f64> {
    let q = n / d;
    if q <= i64::MAX as f64 && q >= i64::MIN as f64 {
        Ok((q as i64) as f64)
    } else if q.is_finite() {
        Ok(q) // already an integer this far out
    } else {
        Err(Exception::new(
            ExClass::NumberFormatException,
            "Infinite or NaN",
        ))
    }
}

fn double_remainder(n: f64, d: f64) -> Result<f64> {
    let q = n / d;
    if q <= i64::MAX as f64 && q >= i64::MIN as f64 {
        Ok(n - ((q as i64) as f64) * d)
    } else if q.is_finite() {
        Ok(n - q * d)
    } else {
        Err(Exception::new(
            ExClass::NumberFormatException,
            "Infinite or NaN",
        ))
    }
}

/// The truncated ratio quotient (RatioOps.quotient).
fn ratio_quotient(x: Num, y: Num) -> BigInt {
    let (rx, ry) = (x.to_ratio(), y.to_ratio());
    (rx.numer() * ry.denom()) / (rx.denom() * ry.numer())
}

/// `quot`: truncating division ("Divide by zero" for any zero divisor).
#[inline]
pub fn quot(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) if *y != 0 => Ok(Value::long(x.wrapping_div(*y))),
        _ => quot_slow(a, b),
    }
}

#[cold]
#[inline(never)]
fn quot_slow(a: &Value, b: &Value) -> Result<Value> {
    let (x, y) = nums(a, b)?;
    if num_is_zero(y) {
        return Err(divide_by_zero());
    }
    Ok(match x.rank().max(y.rank()) {
        Rank::Long => Value::long(x.long_part().wrapping_div(y.long_part())),
        Rank::Double => Value::double(double_quotient(x.to_f64(), y.to_f64())?),
        Rank::Big => Value::bigint(x.to_bigint() / y.to_bigint()),
        Rank::Ratio => Value::bigint(ratio_quotient(x, y)),
        Rank::Dec => {
            let (x, y) = (x.to_dec()?, y.to_dec()?);
            match super::math_context::current() {
                Some(mc) => Value::bigdec(x.div_to_integral_mc(&y, mc)?.into_big()),
                None => Value::bigdec(x.div_to_integral(&y)?.into_big()),
            }
        }
    })
}

/// `rem`: remainder with the sign of the dividend.
#[inline]
pub fn rem(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) if *y != 0 => Ok(Value::long(x.wrapping_rem(*y))),
        _ => rem_slow(a, b),
    }
}

#[cold]
#[inline(never)]
fn rem_slow(a: &Value, b: &Value) -> Result<Value> {
    let (x, y) = nums(a, b)?;
    if num_is_zero(y) {
        return Err(divide_by_zero());
    }
    Ok(match x.rank().max(y.rank()) {
        Rank::Long => Value::long(x.long_part().wrapping_rem(y.long_part())),
        Rank::Double => Value::double(double_remainder(x.to_f64(), y.to_f64())?),
        Rank::Big => Value::bigint(x.to_bigint() % y.to_bigint()),
        Rank::Ratio => {
            // x - q*y through the generic operations, as RatioOps does.
            let q = Value::bigint(ratio_quotient(x, y));
            return sub(a, &mul(&q, b)?);
        }
        Rank::Dec => {
            let (x, y) = (x.to_dec()?, y.to_dec()?);
            match super::math_context::current() {
                Some(mc) => Value::bigdec(x.rem_mc(&y, mc)?.into_big()),
                None => Value::bigdec(x.rem(&y)?.into_big()),
            }
        }
    })
}

/// `mod`: remainder with the sign of the divisor (core.clj's definition:
/// `(let [m (rem n d)] (if (or (zero? m) (= (pos? n) (pos? d))) m (+ m d)))`).
#[inline]
pub fn modulo(a: &Value, b: &Value) -> Result<Value> {
    if let (Repr::Long(x), Repr::Long(y)) = (&a.0, &b.0)
        && *y != 0
    {
        let m = x.wrapping_rem(*y);
        return Ok(Value::long(if m == 0 || (*x > 0) == (*y > 0) {
            m
        } else {
            m + y
        }));
    }
    modulo_slow(a, b)
}

#[cold]
#[inline(never)]
fn modulo_slow(a: &Value, b: &Value) -> Result<Value> {
    let m = rem(a, b)?;
    if is_zero(&m)? || is_pos(a)? == is_pos(b)? {
        Ok(m)
    } else {
        add(&m, b)
    }
}

impl Num<'_> {
    /// The long of a Rank::Long operand (both operands are longs there).
    fn long_part(self) -> i64 {
        match self {
            Num::L(n) => n,
            _ => 0,
        }
    }
}

// ---------------------------------------------------------------- predicates

/// `zero?`
#[inline]
pub fn is_zero(a: &Value) -> Result<bool> {
    match &a.0 {
        Repr::Long(x) => Ok(*x == 0),
        Repr::Double(x) => Ok(*x == 0.0),
        _ => Ok(num_is_zero(num(a)?)),
    }
}

/// `pos?`
#[inline]
pub fn is_pos(a: &Value) -> Result<bool> {
    match &a.0 {
        Repr::Long(x) => Ok(*x > 0),
        Repr::Double(x) => Ok(*x > 0.0),
        _ => Ok(num_signum(num(a)?) > 0),
    }
}

/// `neg?`
#[inline]
pub fn is_neg(a: &Value) -> Result<bool> {
    match &a.0 {
        Repr::Long(x) => Ok(*x < 0),
        Repr::Double(x) => Ok(*x < 0.0),
        _ => Ok(num_signum(num(a)?) < 0),
    }
}

/// Is `v` a double or float NaN (Numbers.isNaN)?
pub fn is_nan(v: &Value) -> bool {
    match v.0 {
        Repr::Double(d) => d.is_nan(),
        Repr::Float(f) => f.is_nan(),
        _ => false,
    }
}

// ---------------------------------------------------------------- comparison

/// `==`: numeric equality across all kinds (`(== 1 1.0)` is true). A Ratio
/// against a BigDecimal converts the ratio exactly and may throw.
#[inline]
pub fn num_equiv(a: &Value, b: &Value) -> Result<bool> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(x == y),
        (Repr::Double(x), Repr::Double(y)) => Ok(x == y),
        _ => {
            let (x, y) = nums(a, b)?;
            Ok(match x.rank().max(y.rank()) {
                Rank::Long => x.long_part() == y.long_part(),
                Rank::Double => x.to_f64() == y.to_f64(),
                Rank::Big => x.to_bigint() == y.to_bigint(),
                Rank::Ratio => x.to_ratio() == y.to_ratio(),
                Rank::Dec => x.to_dec()?.compare(&y.to_dec()?) == Ordering::Equal,
            })
        }
    }
}

/// Exact order of two non-double numbers; None for a double pair (caller
/// compares f64s itself so NaN stays unordered).
fn exact_cmp(x: Num, y: Num) -> Result<Option<Ordering>> {
    Ok(Some(match x.rank().max(y.rank()) {
        Rank::Long => x.long_part().cmp(&y.long_part()),
        Rank::Double => return Ok(None),
        Rank::Big => x.to_bigint().cmp(&y.to_bigint()),
        Rank::Ratio => x.to_ratio().cmp(&y.to_ratio()),
        Rank::Dec => x.to_dec()?.compare(&y.to_dec()?),
    }))
}

#[cold]
#[inline(never)]
fn cmp_slow(
    a: &Value,
    b: &Value,
    pred: fn(f64, f64) -> bool,
    ord: fn(Ordering) -> bool,
) -> Result<bool> {
    let (x, y) = nums(a, b)?;
    match exact_cmp(x, y)? {
        Some(o) => Ok(ord(o)),
        None => Ok(pred(x.to_f64(), y.to_f64())),
    }
}

/// `<`
#[inline]
pub fn lt(a: &Value, b: &Value) -> Result<bool> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(x < y),
        (Repr::Double(x), Repr::Double(y)) => Ok(x < y),
        _ => cmp_slow(a, b, |x, y| x < y, |o| o == Ordering::Less),
    }
}

/// `<=` (false when either side is NaN).
#[inline]
pub fn lte(a: &Value, b: &Value) -> Result<bool> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(x <= y),
        (Repr::Double(x), Repr::Double(y)) => Ok(x <= y),
        _ => cmp_slow(a, b, |x, y| x <= y, |o| o != Ordering::Greater),
    }
}

/// `>`
#[inline]
pub fn gt(a: &Value, b: &Value) -> Result<bool> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(x > y),
        (Repr::Double(x), Repr::Double(y)) => Ok(x > y),
        _ => cmp_slow(a, b, |x, y| x > y, |o| o == Ordering::Greater),
    }
}

/// `>=` (false when either side is NaN).
#[inline]
pub fn gte(a: &Value, b: &Value) -> Result<bool> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(x >= y),
        (Repr::Double(x), Repr::Double(y)) => Ok(x >= y),
        _ => cmp_slow(a, b, |x, y| x >= y, |o| o != Ordering::Less),
    }
}

/// Numbers.compare: Less / Greater by `<`, Equal otherwise (so NaN is
/// "equal" to everything). May throw for Ratio vs non-terminating BigDecimal.
pub fn num_compare(a: &Value, b: &Value) -> Result<Ordering> {
    if let (Repr::Long(x), Repr::Long(y)) = (&a.0, &b.0) {
        return Ok(x.cmp(y));
    }
    let (x, y) = nums(a, b)?;
    match exact_cmp(x, y)? {
        Some(o) => Ok(o),
        None => Ok(x
            .to_f64()
            .partial_cmp(&y.to_f64())
            .unwrap_or(Ordering::Equal)),
    }
}

/// `max` of two numbers: NaN wins; doubles follow Math.max (`0.0` beats
/// `-0.0`); otherwise the first if strictly greater, else the second
/// (`(max 1N 1)` is `1`).
pub fn max(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(Value::long(*x.max(y))),
        (Repr::Double(x), Repr::Double(y)) => Ok(Value::double(java_max(*x, *y))),
        _ => {
            nums(a, b)?;
            if is_nan(a) {
                Ok(a.clone())
            } else if is_nan(b) {
                Ok(b.clone())
            } else if gt(a, b)? {
                Ok(a.clone())
            } else {
                Ok(b.clone())
            }
        }
    }
}

/// `min` of two numbers (see [`max`]).
pub fn min(a: &Value, b: &Value) -> Result<Value> {
    match (&a.0, &b.0) {
        (Repr::Long(x), Repr::Long(y)) => Ok(Value::long(*x.min(y))),
        (Repr::Double(x), Repr::Double(y)) => Ok(Value::double(java_min(*x, *y))),
        _ => {
            nums(a, b)?;
            if is_nan(a) {
                Ok(a.clone())
            } else if is_nan(b) {
                Ok(b.clone())
            } else if lt(a, b)? {
                Ok(a.clone())
            } else {
                Ok(b.clone())
            }
        }
    }
}

/// Math.max(double, double).
pub fn java_max(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        a
    } else if a == 0.0 && b == 0.0 && a.is_sign_negative() {
        b
    } else if a >= b {
        a
    } else {
        b
    }
}

/// Math.min(double, double).
pub fn java_min(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        a
    } else if a == 0.0 && b == 0.0 && b.is_sign_negative() {
        b
    } else if a <= b {
        a
    } else {
        b
    }
}
