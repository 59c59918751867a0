//! The number tower: long, double, float, BigInt (`N`), BigInteger, Ratio,
//! BigDecimal (`M`), with JVM Clojure 1.11's contagion, overflow, equality, hashing and
//! printing rules (clojure.lang.Numbers, checked against the JVM).
//!
//! - `ops`: arithmetic and numeric comparison (`+ - * / quot rem mod`, `==`, `<`)
//! - `bits`: bit operations on longs
//! - `convert`: casts (`long`, `int`, `char`, `double`, `bigint`, `bigdec`, ...)
//! - `format`: Java's `Double.toString`, `Float.toString` and `BigDecimal.toString`
//!
//! java.lang.Float computes like a double (Numbers.ops maps Float to
//! DoubleOps, so `(+ (float 1) 1)` is a Double) and java.math.BigInteger like
//! a BigInt (BigIntOps: `(+ (biginteger 1) 1)` is `2N`); both differ only in
//! class, printing, hashing and `.equals`.
//! - `bigdec`: java.math.BigDecimal arithmetic rules

pub mod bigdec;
pub mod bits;
pub mod convert;
pub mod format;
pub mod intbox;
pub mod math_context;
pub mod ops;

#[cfg(test)]
mod tests;

pub use bigdecimal::BigDecimal;
pub use bits::*;
pub use convert::*;
pub use format::{java_double_string, java_float_string, write_java_double, write_java_float};
pub use intbox::{IntBox, IntWidth, is_util_integer, twos_complement};
pub use math_context::{MathContext, Rounding};
pub use num_bigint::BigInt;
pub use num_rational::BigRational as Ratio;
pub use ops::*;

use super::error::{ExClass, Exception};
use super::gc::Ref;
use super::value::{Value, View};
use bigdec::Dec;
use num_bigint::Sign;
use num_traits::{One, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt::Write;

/// java.math.BigInteger: the same integer as a BigInt, but a distinct JVM
/// class that prints without `N` and is not `.equals` to a BigInt.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct BigInteger(pub BigInt);

impl std::ops::Deref for BigInteger {
    type Target = BigInt;
    fn deref(&self) -> &BigInt {
        &self.0
    }
}

impl Value {
    /// A java.math.BigInteger value.
    pub fn biginteger(n: BigInt) -> Value {
        Value::from(Ref::new(BigInteger(n)))
    }
    /// A BigInt value (`1N`). Kept as BigInt even when it fits a long.
    pub fn bigint(n: BigInt) -> Value {
        Value::from(Ref::new(n))
    }
    /// A Ratio value; callers normalise first (a ratio with denominator 1
    /// must be a BigInt, see `ops::ratio_value`).
    pub fn ratio(r: Ratio) -> Value {
        Value::from(Ref::new(r))
    }
    pub fn bigdec(d: BigDecimal) -> Value {
        Value::from(Ref::new(d))
    }
}

/// Is `v` any kind of number?
pub fn is_number(v: &Value) -> bool {
    matches!(
        v.view(),
        View::Long(_)
            | View::Double(_)
            | View::Float(_)
            | View::BigInt(_)
            | View::BigInteger(_)
            | View::Ratio(_)
            | View::BigDec(_)
    )
}

/// A borrowed number, ordered by contagion rank: combining two numbers
/// computes in the higher of their kinds (Long < BigInt < Ratio < BigDec <
/// Double), exactly as Numbers.Ops.combine does. A Float is a `D` (its exact
/// double value) and a BigInteger a `B`, as Numbers.ops maps them.
#[derive(Clone, Copy)]
pub(crate) enum Num<'a> {
    L(i64),
    B(&'a BigInt),
    R(&'a Ratio),
    M(&'a BigDecimal),
    D(f64),
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum Rank {
    Long,
    Big,
    Ratio,
    Dec,
    Double,
}

impl<'a> Num<'a> {
    pub(crate) fn of(v: &'a Value) -> Option<Num<'a>> {
        Some(match v.view() {
            View::Long(n) => Num::L(n),
            View::Double(d) => Num::D(d),
            View::Float(f) => Num::D(f64::from(f)),
            View::BigInt(b) => Num::B(b),
            View::BigInteger(b) => Num::B(b),
            View::Ratio(r) => Num::R(r),
            View::BigDec(m) => Num::M(m),
            _ => return None,
        })
    }
    pub(crate) fn rank(self) -> Rank {
        match self {
            Num::L(_) => Rank::Long,
            Num::B(_) => Rank::Big,
            Num::R(_) => Rank::Ratio,
            Num::M(_) => Rank::Dec,
            Num::D(_) => Rank::Double,
        }
    }
    /// Number.doubleValue().
    pub(crate) fn to_f64(self) -> f64 {
        match self {
            Num::L(n) => n as f64,
            Num::D(d) => d,
            Num::B(b) => bigint_to_f64(b),
            Num::R(r) => ratio_to_f64(r),
            Num::M(m) => Dec::from_big(m).to_f64(),
        }
    }
    /// toBigInteger for Long/BigInt operands (others truncate).
    pub(crate) fn to_bigint(self) -> BigInt {
        match self {
            Num::L(n) => BigInt::from(n),
            Num::B(b) => b.clone(),
            Num::R(r) => r.numer() / r.denom(),
            Num::M(m) => Dec::from_big(m).to_bigint(),
            Num::D(d) => BigInt::from(d as i64),
        }
    }
    /// toRatio for exact operands.
    pub(crate) fn to_ratio(self) -> Ratio {
        match self {
            Num::R(r) => r.clone(),
            Num::M(m) => {
                let (n, d) = Dec::from_big(m).to_ratio_parts();
                Ratio::new(n, d)
            }
            _ => Ratio::from_integer(self.to_bigint()),
        }
    }
    /// toBigDecimal for exact operands (a Ratio may not terminate).
    pub(crate) fn to_dec(self) -> super::Result<Dec> {
        match self {
            Num::L(n) => Ok(Dec::new(BigInt::from(n), 0)),
            Num::B(b) => Ok(Dec::new(b.clone(), 0)),
            Num::R(r) => bigdec::ratio_to_dec(r.numer(), r.denom()),
            Num::M(m) => Ok(Dec::from_big(m)),
            Num::D(d) => convert::double_to_dec(d),
        }
    }
}

/// BigInteger.doubleValue(): correctly rounded.
pub(crate) fn bigint_to_f64(b: &BigInt) -> f64 {
    if let Some(n) = b.to_i64() {
        return n as f64;
    }
    b.to_string().parse::<f64>().unwrap_or(f64::NAN)
}

/// Ratio.doubleValue(): numerator/denominator rounded to 16 significant
/// digits (MathContext.DECIMAL64, half-even), then to double.
pub(crate) fn ratio_to_f64(r: &Ratio) -> f64 {
    use num_bigint::BigUint;
    use num_integer::Integer;
    let n = r.numer().magnitude();
    let d = r.denom().magnitude();
    if n.is_zero() {
        return 0.0;
    }
    let sign = if r.numer().sign() == Sign::Minus {
        "-"
    } else {
        ""
    };
    let ten = BigUint::from(10u32);
    let lo = num_traits::pow(ten.clone(), 15);
    let hi = num_traits::pow(ten.clone(), 16);
    let digits = |x: &BigUint| (x.bits() as f64 * std::f64::consts::LOG10_2) as i64;
    // Find k with 10^15 <= n*10^k/d < 10^16 (the estimate is off by at most one or two).
    let mut k = 15 - (digits(n) - digits(d));
    loop {
        let (num, den) = if k >= 0 {
            (n * num_traits::pow(ten.clone(), k as usize), d.clone())
        } else {
            (n.clone(), d * num_traits::pow(ten.clone(), (-k) as usize))
        };
        let (q, rem) = num.div_rem(&den);
        if q < lo {
            k += 1;
            continue;
        }
        if q >= hi {
            k -= 1;
            continue;
        }
        let twice = rem * 2u32;
        let q = if twice > den || (twice == den && q.is_odd()) {
            q + 1u32
        } else {
            q
        };
        return format!("{sign}{q}e{}", -k)
            .parse::<f64>()
            .unwrap_or(f64::NAN);
    }
}

/// BigInteger.hashCode(): 31-polynomial over the big-endian 32-bit words of
/// the magnitude, times the signum.
pub(crate) fn biginteger_hash(b: &BigInt) -> i32 {
    let mut h: i32 = 0;
    for w in b.magnitude().to_u32_digits().iter().rev() {
        h = h.wrapping_mul(31).wrapping_add(*w as i32);
    }
    match b.sign() {
        Sign::Minus => h.wrapping_neg(),
        Sign::NoSign => 0,
        Sign::Plus => h,
    }
}

/// Double.hashCode() with all NaNs collapsed (doubleToLongBits).
pub(crate) fn double_hash(d: f64) -> i32 {
    let bits = if d.is_nan() {
        0x7ff8_0000_0000_0000u64
    } else {
        d.to_bits()
    };
    (bits ^ (bits >> 32)) as i32
}

/// Float.hashCode(): floatToIntBits, all NaNs collapsed.
pub(crate) fn float_hash(f: f32) -> i32 {
    if f.is_nan() {
        0x7fc0_0000
    } else {
        f.to_bits() as i32
    }
}

/// Clojure `hash` of a number (Numbers.hasheq); None when `v` is not a number.
pub fn hasheq(v: &Value) -> Option<i32> {
    Some(match v.view() {
        View::Long(n) => super::hash::hash_long(n),
        View::Double(d) => {
            if d == 0.0 {
                0 // -0.0 hashes like 0.0
            } else {
                double_hash(d)
            }
        }
        // Float.hashCode (floatToIntBits), with -0.0 hashing like 0.0.
        View::Float(f) => {
            if f == 0.0 {
                0
            } else {
                float_hash(f)
            }
        }
        View::BigInt(b) | View::BigInteger(BigInteger(b)) => match b.to_i64() {
            Some(n) => super::hash::hash_long(n),
            None => biginteger_hash(b),
        },
        View::Ratio(r) => biginteger_hash(r.numer()) ^ biginteger_hash(r.denom()),
        View::BigDec(m) => {
            let d = Dec::from_big(m);
            if d.is_zero() {
                0
            } else {
                d.stripped().java_hash()
            }
        }
        _ => return None,
    })
}

/// Numbers.Category: `=` only equates numbers of one category.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Category {
    Integer,
    Floating,
    Ratio,
    Decimal,
}

fn category(n: Num) -> Category {
    match n {
        Num::L(_) | Num::B(_) => Category::Integer,
        Num::D(_) => Category::Floating,
        Num::R(_) => Category::Ratio,
        Num::M(_) => Category::Decimal,
    }
}

/// `=` between two numbers (same category required: `(= 1 1.0)` is false,
/// `(= 1 1N)` and `(= 1.0M 1.00M)` are true); None when either is not a number.
pub fn equiv(a: &Value, b: &Value) -> Option<bool> {
    let (x, y) = (Num::of(a)?, Num::of(b)?);
    if category(x) != category(y) {
        return Some(false);
    }
    // Same category never needs a throwing conversion.
    Some(ops::num_equiv(a, b).unwrap_or(false))
}

/// Numeric order (`compare`, sorted collections) between two numbers; None
/// when either is not a number. NaN compares equal to everything, as
/// Numbers.compare does. Where the JVM would throw (a Ratio against a
/// BigDecimal with a non-terminating expansion) this compares exactly.
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    let (x, y) = (Num::of(a)?, Num::of(b)?);
    match ops::num_compare(a, b) {
        Ok(o) => Some(o),
        Err(_) => Some(x.to_ratio().cmp(&y.to_ratio())),
    }
}

/// Append the printed form of a number as `pr` and `print` show it: `1N`,
/// `1.5M`, `1/3`, `##Inf`, `##NaN` (JVM `print` prints numbers exactly like
/// `pr`; only `str` differs, see [`write_str`]). `readably` is accepted for
/// the printer's uniform signature and does not change the output. Returns
/// false when `v` is not a number.
pub fn write(out: &mut String, v: &Value, readably: bool) -> bool {
    let _ = readably;
    match v.view() {
        View::Long(n) => push_long(out, n),
        View::Double(d) => {
            if d.is_nan() {
                out.push_str("##NaN");
            } else if d.is_infinite() {
                out.push_str(if d > 0.0 { "##Inf" } else { "##-Inf" });
            } else {
                format::write_java_double(out, d);
            }
        }
        View::Float(f) => {
            if f.is_nan() {
                out.push_str("##NaN");
            } else if f.is_infinite() {
                out.push_str(if f > 0.0 { "##Inf" } else { "##-Inf" });
            } else {
                format::write_java_float(out, f);
            }
        }
        View::BigInt(b) => {
            out.push_str(&b.to_string());
            out.push('N');
        }
        View::BigInteger(b) => out.push_str(&b.to_string()),
        View::Ratio(r) => write_ratio(out, r),
        View::BigDec(m) => {
            let d = Dec::from_big(m);
            format::write_java_bigdec(out, &d.u, d.s);
            out.push('M');
        }
        _ => return false,
    }
    true
}

/// Append a number as `str` shows it (Java's toString): `1`, `1.5`, `1/3`,
/// `Infinity`, `NaN`. Returns false when `v` is not a number.
pub fn write_str(out: &mut String, v: &Value) -> bool {
    match v.view() {
        View::Long(n) => push_long(out, n),
        View::Double(d) => format::write_java_double(out, d),
        View::Float(f) => format::write_java_float(out, f),
        View::BigInt(b) => out.push_str(&b.to_string()),
        View::BigInteger(b) => out.push_str(&b.to_string()),
        View::Ratio(r) => write_ratio(out, r),
        View::BigDec(m) => {
            let d = Dec::from_big(m);
            format::write_java_bigdec(out, &d.u, d.s);
        }
        _ => return false,
    }
    true
}

fn write_ratio(out: &mut String, r: &Ratio) {
    let _ = write!(out, "{}/{}", r.numer(), r.denom());
}

/// Append a long's decimal digits (Long.toString) without the formatting
/// machinery: `(str i)` is among the hottest printing paths.
#[inline]
pub fn push_long(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut u = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    // Only ASCII digits were written, so this never fails.
    if let Ok(digits) = std::str::from_utf8(&buf[i..]) {
        out.push_str(digits);
    }
}

/// The JVM's ClassCastException message for casting a `from` instance to
/// class `to` (one wording: `compare::cast_message`).
pub fn class_cast_message(from: &str, to: &str) -> String {
    crate::runtime::compare::cast_message(from, to)
}

/// The exception for using `v` where a number is required: NPE for nil
/// (as `x.getClass()` fails on the JVM), ClassCastException otherwise.
pub(crate) fn not_a_number(v: &Value) -> Exception {
    if v.is_nil() {
        Exception::new(
            ExClass::NullPointerException,
            "Cannot invoke \"Object.getClass()\" because \"x\" is null",
        )
    } else {
        Exception::new(
            ExClass::ClassCastException,
            class_cast_message(v.class_name(), "java.lang.Number"),
        )
    }
}

/// A Ratio result normalised as Numbers.divide does: denominator 1 gives a
/// BigInt (`(* 1/2 2)` is `1N`).
pub fn ratio_value(r: Ratio) -> Value {
    if r.denom().is_one() {
        Value::bigint(r.numer().clone())
    } else {
        Value::ratio(r)
    }
}
