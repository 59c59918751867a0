//! Casts and conversions: `long`, `int`, `char`, `double`, `float`,
//! `bigint`, `biginteger`, `bigdec`, `rationalize`, `numerator`, `denominator`, and the string
//! parsers of BigInteger / BigDecimal.

use super::bigdec::{self, Dec};
use super::format::{java_double_string, java_float_string};
use super::{
    BigDecimal, BigInt, IntBox, IntWidth, Num, Ratio, class_cast_message, not_a_number, ratio_value,
};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Value, View};
use num_traits::{One, ToPrimitive};

fn out_of_range(kind: &str, shown: impl std::fmt::Display) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("Value out of range for {kind}: {shown}"),
    )
}

fn npe(method: &str) -> Exception {
    Exception::new(
        ExClass::NullPointerException,
        format!("Cannot invoke \"{method}\" because \"x\" is null"),
    )
}

/// 1.11's bigint/bigdec/biginteger end in a reflective `(BigInteger. x)`,
/// which finds no constructor for a non-string, non-number x.
fn no_matching_ctor(class: &str) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("No matching ctor found for class {class}"),
    )
}

/// nil passed on to that constructor, whose first call on it fails.
fn nil_ctor_arg(method: &str) -> Exception {
    Exception::new(
        ExClass::NullPointerException,
        format!("Cannot invoke \"{method}\" because \"val\" is null"),
    )
}

fn cce(v: &Value, to: &str) -> Exception {
    crate::runtime::error::cast_exception(class_cast_message(v.class_name(), to))
}

/// RT.longCast(double): range-checked truncation; NaN gives 0.
pub fn double_to_long(d: f64) -> Result<i64> {
    if d < i64::MIN as f64 || d > i64::MAX as f64 {
        return Err(out_of_range("long", java_double_string(d)));
    }
    Ok(d as i64)
}

/// RT.longCast(float): as for a double, but the message shows the float.
fn float_to_long(f: f32) -> Result<i64> {
    let d = f64::from(f);
    if d < i64::MIN as f64 || d > i64::MAX as f64 {
        return Err(out_of_range("long", java_float_string(f)));
    }
    Ok(d as i64)
}

fn bigint_to_long(b: &BigInt) -> Result<i64> {
    b.to_i64().ok_or_else(|| out_of_range("long", b))
}

/// `(long x)` (RT.longCast): doubles and BigDecimals truncate with a range
/// check through double, BigInts and Ratios must fit, chars give their code.
pub fn to_long(v: &Value) -> Result<i64> {
    match v.view() {
        View::Long(n) => Ok(n),
        View::Double(d) => double_to_long(d),
        View::Float(f) => float_to_long(f),
        View::BigInt(b) => bigint_to_long(b),
        View::BigInteger(b) => bigint_to_long(b),
        View::Ratio(r) => bigint_to_long(&(r.numer() / r.denom())),
        View::BigDec(m) => double_to_long(Dec::from_big(m).to_f64()),
        View::Char(_) => Ok(i64::from(v.char_code().unwrap_or(0))),
        View::Nil => Err(npe("java.lang.Number.doubleValue()")),
        _ => Err(cce(v, "java.lang.Number")),
    }
}

/// `(int x)` as a function call (RT.intCast(Object)): `long` then an int
/// range check that throws ArithmeticException "integer overflow".
pub fn to_int(v: &Value) -> Result<i32> {
    match v.view() {
        View::Char(_) => Ok(v.char_code().unwrap_or(0) as i32),
        View::Nil => Err(npe("java.lang.Character.charValue()")),
        _ if super::is_number(v) => {
            let n = to_long(v)?;
            i32::try_from(n)
                .map_err(|_| Exception::new(ExClass::ArithmeticException, "integer overflow"))
        }
        _ => Err(cce(v, "java.lang.Character")),
    }
}

/// `(int x)`, `(short x)`, `(byte x)` (RT.intCast, shortCast, byteCast):
/// a double or float out of the width's range throws "Value out of range"
/// naming it (NaN passes only to int, as 0); an integer out of an int's
/// range is ArithmeticException "integer overflow", out of a short's or
/// byte's "Value out of range"; chars give their code.
pub fn to_int_box(v: &Value, width: IntWidth) -> Result<IntBox> {
    let shown = || {
        let mut s = String::new();
        // A number or char always prints; the text is only the message.
        let _ = crate::runtime::printer::write_str(&mut s, v, &Default::default());
        s
    };
    let d = match v.view() {
        View::Double(d) => Some(d),
        View::Float(f) => Some(f64::from(f)),
        _ => None,
    };
    if let Some(d) = d
        && !(width.min() as f64..=width.max() as f64).contains(&d)
        && !(width == IntWidth::Int && d.is_nan())
    {
        return Err(out_of_range(width.prim_name(), shown()));
    }
    if width == IntWidth::Int {
        return Ok(IntBox::wrapping(IntWidth::Int, i64::from(to_int(v)?)));
    }
    let n = to_long(v)?;
    IntBox::new(width, n).ok_or_else(|| out_of_range(width.prim_name(), shown()))
}

/// `(unchecked-int x)`, `unchecked-short`, `unchecked-byte`: the number's
/// intValue() narrowed to the width (RT.uncheckedIntCast also takes a char).
pub fn unchecked_int_box(v: &Value, width: IntWidth) -> Result<IntBox> {
    if width == IntWidth::Int
        && let Some(c) = v.char_code()
    {
        return Ok(IntBox::wrapping(width, i64::from(c)));
    }
    Ok(IntBox::wrapping(width, i64::from(int_value(v)?)))
}

/// Number.intValue() of any number: doubles saturate (NaN is 0), the rest
/// wrap their longValue.
pub fn int_value(v: &Value) -> Result<i32> {
    match v.view() {
        View::Double(d) => Ok(d as i32),
        View::Float(f) => Ok(f as i32),
        _ => long_value(v).map(|n| n as i32),
    }
}

/// Number.longValue() of any number: truncating and wrapping.
pub fn long_value(v: &Value) -> Result<i64> {
    Num::of(v).map(long_value_of).ok_or_else(|| not_a_number(v))
}

pub(crate) fn long_value_of(n: Num) -> i64 {
    let wrap = |b: &BigInt| {
        let (sign, digits) = b.to_u64_digits();
        let low = digits.first().copied().unwrap_or(0) as i64;
        if sign == num_bigint::Sign::Minus {
            low.wrapping_neg()
        } else {
            low
        }
    };
    match n {
        Num::L(x) => x,
        Num::D(d) => d as i64,
        Num::B(b) => wrap(b),
        Num::R(r) => wrap(&(r.numer() / r.denom())),
        Num::M(m) => wrap(&Dec::from_big(m).to_bigint()),
    }
}

/// `(char x)` (RT.charCast) as a char value: a number's longValue must be
/// 0..=0xFFFF; a surrogate code unit gives a lone-surrogate char.
pub fn to_char_value(v: &Value) -> Result<Value> {
    if v.char_code().is_some() {
        return Ok(v.clone());
    }
    if let Some(n) = Num::of(v)
        && let Ok(u) = u16::try_from(long_value_of(n))
    {
        return Ok(Value::char_unit(u));
    }
    to_char(v).map(Value::char)
}

/// `(char x)` (RT.charCast): a number's longValue must be 0..=0xFFFF.
/// Surrogate code units cannot be a Rust char and are rejected the same way
/// (`to_char_value` keeps them).
pub fn to_char(v: &Value) -> Result<char> {
    if let View::Char(c) = v.view() {
        return Ok(c);
    }
    if v.is_nil() {
        return Err(npe("java.lang.Number.longValue()"));
    }
    let n = Num::of(v).ok_or_else(|| cce(v, "java.lang.Number"))?;
    let code = long_value_of(n);
    let shown = || {
        let mut s = String::new();
        super::write_str(&mut s, v);
        s
    };
    if !(0..=0xFFFF).contains(&code) {
        return Err(out_of_range("char", shown()));
    }
    char::from_u32(code as u32).ok_or_else(|| out_of_range("char", shown()))
}

/// `(double x)` (Number.doubleValue()).
pub fn to_double(v: &Value) -> Result<f64> {
    match Num::of(v) {
        Some(n) => Ok(n.to_f64()),
        None if v.is_nil() => Err(npe("java.lang.Number.doubleValue()")),
        None => Err(cce(v, "java.lang.Number")),
    }
}

/// `(float x)` (RT.floatCast): a Float passes, anything else goes through
/// its double value and must lie within ±Float/MAX_VALUE (so `##Inf`
/// throws; NaN and underflow to 0.0 pass). Longs round directly to float.
pub fn to_float(v: &Value) -> Result<f32> {
    let d = match v.view() {
        View::Float(f) => return Ok(f),
        View::Long(n) => return Ok(n as f32),
        _ => to_double(v)?,
    };
    if d < -f64::from(f32::MAX) || d > f64::from(f32::MAX) {
        let mut shown = String::new();
        super::write_str(&mut shown, v);
        return Err(out_of_range("float", shown));
    }
    Ok(d as f32)
}

/// `(unchecked-float x)` (Number.floatValue()): out-of-range values become
/// infinities.
pub fn unchecked_float(v: &Value) -> Result<f32> {
    match v.view() {
        View::Float(f) => Ok(f),
        View::Long(n) => Ok(n as f32),
        View::Nil => Err(npe("java.lang.Number.floatValue()")),
        _ => to_double(v).map(|d| d as f32),
    }
}

/// BigDecimal.valueOf(double): the decimal of Double.toString(d).
pub fn double_to_dec(d: f64) -> Result<Dec> {
    if !d.is_finite() {
        let c = if d.is_nan() { 'N' } else { 'I' };
        return Err(Exception::new(
            ExClass::NumberFormatException,
            format!(
                "Character {c} is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."
            ),
        ));
    }
    bigdec::parse_dec(&java_double_string(d))
}

/// `new BigInteger(String)`.
pub fn parse_bigint(s: &str) -> Result<BigInt> {
    let zero_len = || {
        Exception::new(ExClass::NumberFormatException, "Zero length BigInteger")
            .at_jdk(crate::runtime::jdk_frame::BIGINTEGER_INIT_ZERO_LENGTH)
    };
    if s.is_empty() {
        return Err(zero_len());
    }
    let (negative, body) = if let Some(rest) = s.strip_prefix('-') {
        (true, rest)
    } else {
        (false, s.strip_prefix('+').unwrap_or(s))
    };
    if body.is_empty() {
        return Err(zero_len());
    }
    if body.contains(['-', '+']) {
        return Err(Exception::new(
            ExClass::NumberFormatException,
            "Illegal embedded sign character",
        ));
    }
    let bad = || {
        Exception::new(
            ExClass::NumberFormatException,
            format!("For input string: \"{body}\""),
        )
        .at_jdk(crate::runtime::jdk_frame::FOR_INPUT_STRING)
    };
    if !body.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: BigInt = body.parse().map_err(|_| bad())?;
    Ok(if negative { -n } else { n })
}

/// `new BigDecimal(String)`.
pub fn parse_bigdec(s: &str) -> Result<BigDecimal> {
    Ok(bigdec::parse_dec(s)?.into_big())
}

/// `bigint`.
pub fn to_bigint(v: &Value) -> Result<Value> {
    Ok(match v.view() {
        View::BigInt(_) => v.clone(),
        View::Long(n) => Value::bigint(BigInt::from(n)),
        View::Double(d) => Value::bigint(double_to_dec(d)?.to_bigint()),
        View::Float(f) => Value::bigint(double_to_dec(f64::from(f))?.to_bigint()),
        View::BigInteger(b) => Value::bigint(b.0.clone()),
        View::Ratio(r) => Value::bigint(r.numer() / r.denom()),
        View::BigDec(m) => Value::bigint(Dec::from_big(m).to_bigint()),
        View::Str(s) => Value::bigint(parse_bigint(s.as_str())?),
        View::Nil => return Err(nil_ctor_arg("String.length()")),
        _ => return Err(no_matching_ctor("java.math.BigInteger")),
    })
}

/// `biginteger` (a java.math.BigInteger): floats through
/// BigDecimal.valueOf, ratios truncated, strings parsed; nil and other
/// objects fail as `(BigInteger. x)` does.
pub fn to_biginteger(v: &Value) -> Result<Value> {
    Ok(match v.view() {
        View::BigInteger(_) => v.clone(),
        View::Long(n) => Value::biginteger(BigInt::from(n)),
        View::BigInt(b) => Value::biginteger(b.clone()),
        View::Double(d) => Value::biginteger(double_to_dec(d)?.to_bigint()),
        View::Float(f) => Value::biginteger(double_to_dec(f64::from(f))?.to_bigint()),
        View::Ratio(r) => Value::biginteger(r.numer() / r.denom()),
        View::BigDec(m) => Value::biginteger(Dec::from_big(m).to_bigint()),
        View::Str(s) => Value::biginteger(parse_bigint(s.as_str())?),
        View::Nil => return Err(nil_ctor_arg("String.length()")),
        _ => return Err(no_matching_ctor("java.math.BigInteger")),
    })
}

/// `bigdec`.
pub fn to_bigdec(v: &Value) -> Result<Value> {
    Ok(match v.view() {
        View::BigDec(_) => v.clone(),
        View::Long(n) => Value::bigdec(Dec::new(BigInt::from(n), 0).into_big()),
        View::BigInt(b) | View::BigInteger(super::BigInteger(b)) => {
            Value::bigdec(Dec::new(b.clone(), 0).into_big())
        }
        View::Double(d) => Value::bigdec(double_to_dec(d)?.into_big()),
        View::Float(f) => Value::bigdec(double_to_dec(f64::from(f))?.into_big()),
        // clojure.core/bigdec divides numerator by denominator with `/`,
        // so under *math-context* it rounds (else an inexact one throws).
        View::Ratio(r) => Value::bigdec(
            match super::math_context::current() {
                Some(mc) => {
                    Dec::new(r.numer().clone(), 0).div_mc(&Dec::new(r.denom().clone(), 0), mc)?
                }
                None => bigdec::ratio_to_dec(r.numer(), r.denom())?,
            }
            .into_big(),
        ),
        View::Str(s) => Value::bigdec(parse_bigdec(s.as_str())?),
        View::Nil => return Err(nil_ctor_arg("Object.getClass()")),
        _ => return Err(no_matching_ctor("java.math.BigDecimal")),
    })
}

fn rationalize_dec(d: &Dec) -> Value {
    let (n, den) = d.to_ratio_parts();
    if den.is_one() {
        Value::bigint(n)
    } else {
        ratio_value(Ratio::new(n, den))
    }
}

/// `rationalize`: doubles and floats through BigDecimal.valueOf, so
/// `(rationalize 0.1)` is `1/10`; integers and ratios are returned unchanged.
pub fn rationalize(v: &Value) -> Result<Value> {
    match v.view() {
        View::Double(d) => Ok(rationalize_dec(&double_to_dec(d)?)),
        View::Float(f) => Ok(rationalize_dec(&double_to_dec(f64::from(f))?)),
        View::BigDec(m) => Ok(rationalize_dec(&Dec::from_big(m))),
        // Numbers.rationalize returns anything else as it is once cast to
        // Number, and a null cast succeeds.
        _ if super::is_number(v) || v.is_nil() => Ok(v.clone()),
        _ => Err(not_a_number(v)),
    }
}

fn as_ratio(v: &Value) -> Result<&Ratio> {
    match v.view() {
        View::Ratio(r) => Ok(r),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot read field \"numerator\" because \"x\" is null",
        )),
        _ => Err(cce(v, "clojure.lang.Ratio")),
    }
}

/// `numerator` (Ratio only).
pub fn numerator(v: &Value) -> Result<Value> {
    Ok(Value::biginteger(as_ratio(v)?.numer().clone()))
}

/// `denominator` (Ratio only).
pub fn denominator(v: &Value) -> Result<Value> {
    Ok(Value::biginteger(as_ratio(v)?.denom().clone()))
}

/// `(cast Number x)` as the one-argument `+`, `*`, `-'` etc. do: nil and
/// numbers pass, anything else throws "Cannot cast java.lang.String to
/// java.lang.Number" (JVM: `(+ "a")`).
pub fn cast_number(v: &Value) -> Result<()> {
    if v.is_nil() || super::is_number(v) {
        Ok(())
    } else {
        Err(Exception::new(
            ExClass::ClassCastException,
            format!("Cannot cast {} to java.lang.Number", v.class_name()),
        ))
    }
}
