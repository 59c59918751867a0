//! java.lang.Number and its classes: constructors `(Float. "1.5")`,
//! `(BigInteger. "ff" 16)`, statics `Float/MAX_VALUE`, `BigInteger/ONE`, and
//! instance methods `(.doubleValue x)`, `(.toBigInteger 1N)`,
//! `(.add (biginteger 1) (biginteger 2))`. Java int results are longs here
//! (we have no Integer type).

use super::lang::{decimal_arg, parse_double, parse_float};
use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::number::{
    self as n, BigInt, BigInteger,
    bigdec::Dec,
    convert::{long_value, parse_bigdec, parse_bigint, to_double, unchecked_float},
};
use crate::runtime::value::{Value, View};
use num_traits::{Signed, Zero};

/// A java.math.RoundingMode constant.
fn rounding_mode(r: n::Rounding) -> Value {
    Value::from(crate::runtime::gc::Ref::new(
        crate::runtime::object::HostObject::RoundingMode(r),
    ))
}

/// `(MathContext. precision)` / `(MathContext. precision rounding-mode)`.
fn math_context(precision: &Value, rounding: Option<&Value>) -> Result<Value> {
    let p = n::to_long(precision)?;
    if p < 0 {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            "Digits < 0",
        ));
    }
    let rounding = match rounding.map(Value::view) {
        None => n::Rounding::HalfUp,
        Some(View::HostObject(crate::runtime::object::HostObject::RoundingMode(r))) => *r,
        Some(View::Nil) => {
            return Err(Exception::new(
                ExClass::NullPointerException,
                "null RoundingMode",
            ));
        }
        Some(_) => {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                "No matching ctor found for class java.math.MathContext",
            ));
        }
    };
    Ok(Value::math_context(n::MathContext {
        precision: p as u32,
        rounding,
    }))
}

/// `(new C args)` for the number classes; None when `class` is not one.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, args) {
        ("java.math.MathContext", [p]) => math_context(p, None),
        ("java.math.MathContext", [p, r]) => math_context(p, Some(r)),
        ("java.lang.Float", [x]) => match x.view() {
            View::Double(d) => Ok(Value::float(d as f32)),
            View::Float(f) => Ok(Value::float(f)),
            _ => string_ctor(class, x, "in")
                .and_then(parse_float)
                .map(Value::float),
        },
        ("java.lang.Double", [x]) => match x.view() {
            View::Double(d) => Ok(Value::double(d)),
            View::Float(f) => Ok(Value::double(f64::from(f))),
            _ => string_ctor(class, x, "in")
                .and_then(parse_double)
                .map(Value::double),
        },
        // BigInteger(byte[]): big-endian two's complement.
        ("java.math.BigInteger", [b]) if b.class_name() == "[B" => {
            let bytes: Vec<u8> = match crate::runtime::seq::iter(b)
                .map(|x| x.and_then(|x| n::to_long(&x)).map(|x| x as u8))
                .collect::<Result<_>>()
            {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            };
            if bytes.is_empty() {
                return Some(Err(Exception::new(
                    ExClass::NumberFormatException,
                    "Zero length BigInteger",
                )));
            }
            Ok(Value::biginteger(BigInt::from_signed_bytes_be(&bytes)))
        }
        ("java.math.BigInteger", [s]) => string_ctor(class, s, "val")
            .and_then(parse_bigint)
            .map(Value::biginteger),
        ("java.math.BigInteger", [s, radix]) => (|| {
            let s = string_ctor(class, s, "val")?;
            let radix = n::to_long(radix)?;
            parse_radix(s, radix).map(Value::biginteger)
        })(),
        // BigDecimal(BigInteger unscaledVal, int scale).
        ("java.math.BigDecimal", [u, scale])
            if matches!(u.view(), View::BigInteger(_)) && is_int_arg(scale) =>
        {
            let View::BigInteger(b) = u.view() else {
                return None;
            };
            n::to_long(scale).map(|s| Value::bigdec(Dec::new(b.0.clone(), s).into_big()))
        }
        ("java.math.BigDecimal", [x]) => match x.view() {
            View::Long(v) => Ok(Value::bigdec(Dec::new(BigInt::from(v), 0).into_big())),
            View::BigInteger(b) => Ok(Value::bigdec(Dec::new(b.0.clone(), 0).into_big())),
            // new BigDecimal(double) is the exact binary value.
            View::Double(d) => exact_decimal(d),
            View::Float(f) => exact_decimal(f64::from(f)),
            _ => string_ctor(class, x, "in")
                .and_then(parse_bigdec)
                .map(Value::bigdec),
        },
        _ => return None,
    })
}

/// Does `v` convert to a Java int parameter (a Long, Integer, Short or
/// Byte within int range)?
fn is_int_arg(v: &Value) -> bool {
    match v.view() {
        View::Long(l) => i32::try_from(l).is_ok(),
        _ => matches!(
            v.class_name(),
            "java.lang.Integer" | "java.lang.Short" | "java.lang.Byte"
        ),
    }
}

/// A String constructor argument: nil is an NPE naming Java's parameter,
/// any other type has no matching constructor.
fn string_ctor<'a>(class: &str, v: &'a Value, param: &str) -> Result<&'a str> {
    match v.view() {
        View::Str(_) => Ok(v.as_str().unwrap_or_default()),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            if param == "val" {
                "Cannot invoke \"String.length()\" because \"val\" is null".to_string()
            } else {
                format!("Cannot invoke \"String.trim()\" because \"{param}\" is null")
            },
        )),
        _ => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("No matching ctor found for class {class}"),
        )),
    }
}

/// `new BigDecimal(double)`: the exact binary value, odd significand times
/// a power of two (`(BigDecimal. 0.5)` is 0.5M, 1.1 has 52 decimals).
fn exact_decimal(d: f64) -> Result<Value> {
    if !d.is_finite() {
        return Err(Exception::new(
            ExClass::NumberFormatException,
            "Infinite or NaN",
        ));
    }
    if d == 0.0 {
        return Ok(Value::bigdec(Dec::new(BigInt::from(0), 0).into_big()));
    }
    let bits = d.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let mut u = BigInt::from(m);
    if d < 0.0 {
        u = -u;
    }
    let dec = if e >= 0 {
        Dec::new(u << (e as usize), 0)
    } else {
        Dec::new(u * num_traits::pow(BigInt::from(5), (-e) as usize), -e)
    };
    Ok(Value::bigdec(dec.into_big()))
}

/// `new BigInteger(s, radix)`.
fn parse_radix(s: &str, radix: i64) -> Result<BigInt> {
    if !(2..=36).contains(&radix) {
        return Err(
            Exception::new(ExClass::NumberFormatException, "Radix out of range")
                .at_jdk(crate::runtime::jdk_frame::BIGINTEGER_INIT_RADIX),
        );
    }
    if s.is_empty() {
        return Err(
            Exception::new(ExClass::NumberFormatException, "Zero length BigInteger")
                .at_jdk(crate::runtime::jdk_frame::BIGINTEGER_INIT_ZERO_LENGTH),
        );
    }
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let fail = || {
        Exception::new(
            ExClass::NumberFormatException,
            format!("For input string: \"{s}\""),
        )
        .at_jdk(crate::runtime::jdk_frame::FOR_INPUT_STRING)
    };
    if body.is_empty() || body.contains(['-', '+']) {
        return Err(fail());
    }
    let v = BigInt::parse_bytes(body.as_bytes(), radix as u32).ok_or_else(fail)?;
    Ok(if neg { -v } else { v })
}

/// Static methods of Float and BigInteger; None when not one of ours.
pub fn call_static(class: &str, name: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, name, args) {
        ("java.lang.Float", "parseFloat", [s]) => {
            decimal_arg(s).and_then(parse_float).map(Value::float)
        }
        ("java.lang.Float", "valueOf", [x]) => match x.view() {
            View::Float(f) => Ok(Value::float(f)),
            View::Double(d) => Ok(Value::float(d as f32)),
            _ => decimal_arg(x).and_then(parse_float).map(Value::float),
        },
        ("java.lang.Float", "compare", [x, y]) => (|| {
            Ok(Value::long(float_compare(
                unchecked_float(x)?,
                unchecked_float(y)?,
            )))
        })(),
        ("java.lang.Float", "isNaN", [x]) => to_double(x).map(|d| Value::bool(d.is_nan())),
        ("java.lang.Float", "isInfinite", [x]) => {
            to_double(x).map(|d| Value::bool(d.is_infinite()))
        }
        ("java.lang.Float", "toString", [x]) => {
            unchecked_float(x).map(|f| Value::string(n::java_float_string(f)))
        }
        ("java.lang.Double", "valueOf", [x]) if !x.is_string() && !x.is_nil() => {
            to_double(x).map(Value::double)
        }
        ("java.lang.Double", "compare", [x, y]) => {
            (|| Ok(Value::long(double_compare(to_double(x)?, to_double(y)?))))()
        }
        ("java.lang.Double", "isFinite", [x]) => to_double(x).map(|d| Value::bool(d.is_finite())),
        // doubleToLongBits canonicalizes NaN; the raw variant keeps the bits.
        ("java.lang.Double", "doubleToLongBits", [x]) => to_double(x).map(|d| {
            Value::long(if d.is_nan() {
                0x7ff8_0000_0000_0000
            } else {
                d.to_bits() as i64
            })
        }),
        ("java.lang.Double", "doubleToRawLongBits", [x]) => {
            to_double(x).map(|d| Value::long(d.to_bits() as i64))
        }
        ("java.lang.Double", "longBitsToDouble", [x]) => {
            long_value(x).map(|b| Value::double(f64::from_bits(b as u64)))
        }
        ("java.lang.Double", "toString", [x]) => {
            to_double(x).map(|d| Value::string(n::java_double_string(d)))
        }
        ("java.math.BigInteger", "valueOf", [x]) => {
            long_value(x).map(|v| Value::biginteger(BigInt::from(v)))
        }
        // valueOf(double) goes through Double.toString; valueOf(long).
        ("java.math.BigDecimal", "valueOf", [x]) => match x.view() {
            View::Double(d) => parse_bigdec(&n::java_double_string(d)).map(Value::bigdec),
            _ => long_value(x).map(|v| Value::bigdec(Dec::new(BigInt::from(v), 0).into_big())),
        },
        ("java.math.BigDecimal", "valueOf", [x, scale]) => (|| {
            let d = Dec::new(BigInt::from(long_value(x)?), int_arg(scale)?);
            Ok(Value::bigdec(d.into_big()))
        })(),
        _ => return None,
    })
}

/// Static fields of Float, Double and BigInteger.
pub fn get_static(class: &str, field: &str) -> Option<Value> {
    Some(match (class, field) {
        ("java.lang.Float", "MAX_VALUE") => Value::float(f32::MAX),
        ("java.lang.Float", "MIN_VALUE") => Value::float(f32::from_bits(1)),
        ("java.lang.Float", "MIN_NORMAL") => Value::float(f32::MIN_POSITIVE),
        ("java.lang.Float", "POSITIVE_INFINITY") => Value::float(f32::INFINITY),
        ("java.lang.Float", "NEGATIVE_INFINITY") => Value::float(f32::NEG_INFINITY),
        ("java.lang.Float", "NaN") => Value::float(f32::NAN),
        ("java.lang.Double", "MIN_NORMAL") => Value::double(f64::MIN_POSITIVE),
        ("java.lang.Double", "MAX_EXPONENT") => Value::long(1023),
        ("java.lang.Double", "MIN_EXPONENT") => Value::long(-1022),
        ("java.lang.Double", "SIZE") => Value::long(64),
        ("java.lang.Double", "BYTES") => Value::long(8),
        ("java.math.BigDecimal", "ZERO" | "ONE" | "TEN") => {
            let v = match field {
                "ZERO" => 0,
                "ONE" => 1,
                _ => 10,
            };
            Value::bigdec(Dec::new(BigInt::from(v), 0).into_big())
        }
        // The legacy rounding ints: RoundingMode's ordinals.
        ("java.math.BigDecimal", f) if f.starts_with("ROUND_") => {
            let mode = n::Rounding::by_name(&f["ROUND_".len()..])?;
            Value::long(n::Rounding::ALL.iter().position(|r| *r == mode)? as i64)
        }
        ("java.math.BigInteger", "ZERO") => Value::biginteger(BigInt::from(0)),
        ("java.math.BigInteger", "ONE") => Value::biginteger(BigInt::from(1)),
        ("java.math.BigInteger", "TWO") => Value::biginteger(BigInt::from(2)),
        ("java.math.BigInteger", "TEN") => Value::biginteger(BigInt::from(10)),
        ("java.math.RoundingMode", f) => rounding_mode(n::Rounding::by_name(f)?),
        ("java.math.MathContext", "UNLIMITED") => Value::math_context(n::MathContext {
            precision: 0,
            rounding: n::Rounding::HalfUp,
        }),
        ("java.math.MathContext", "DECIMAL32") => Value::math_context(n::MathContext {
            precision: 7,
            rounding: n::Rounding::HalfEven,
        }),
        ("java.math.MathContext", "DECIMAL64") => Value::math_context(n::MathContext {
            precision: 16,
            rounding: n::Rounding::HalfEven,
        }),
        ("java.math.MathContext", "DECIMAL128") => Value::math_context(n::MathContext {
            precision: 34,
            rounding: n::Rounding::HalfEven,
        }),
        _ => return None,
    })
}

/// Instance methods of numbers; None to fall back to Object's methods.
pub fn call(target: &Value, name: &str, args: &[Value]) -> Option<Result<Value>> {
    // java.lang.Number's value methods, on every number.
    let number = match (name, args) {
        ("doubleValue", []) => Some(to_double(target).map(Value::double)),
        ("floatValue", []) => Some(unchecked_float(target).map(Value::float)),
        ("longValue", []) => Some(long_value(target).map(Value::long)),
        // Their boxes (Integer ...) come from int_members.
        ("intValue", []) => Some(n::int_value(target).map(|v| Value::long(i64::from(v)))),
        ("shortValue", []) => Some(long_value(target).map(|v| Value::long(i64::from(v as i16)))),
        ("byteValue", []) => Some(long_value(target).map(|v| Value::long(i64::from(v as i8)))),
        _ => None,
    };
    if number.is_some() {
        return number;
    }
    match target.view() {
        // Long.compareTo(Long), Integer.compareTo(Integer) ...: the argument
        // must be of the target's class.
        View::Long(x) => match (name, args) {
            ("compareTo", [y]) => Some(match y.view() {
                // Short's and Byte's compareTo return x - y.
                View::Long(y) if y_same_width(target, &args[0]) => {
                    Ok(Value::long(match target.as_int_box().map(|b| b.width()) {
                        Some(n::IntWidth::Short | n::IntWidth::Byte) => x - y,
                        _ => x.cmp(&y) as i64,
                    }))
                }
                _ => Err(cast_to(y, target.class_name())),
            }),
            _ => None,
        },
        View::Double(d) => match (name, args) {
            ("compareTo", [y]) => Some(match y.view() {
                View::Double(e) => Ok(Value::long(double_compare(d, e))),
                _ => Err(cast_to(y, "java.lang.Double")),
            }),
            _ => floating(d.is_nan(), d.is_infinite(), name, args),
        },
        View::Float(f) => match (name, args) {
            ("compareTo", [y]) => Some(match y.view() {
                View::Float(e) => Ok(Value::long(float_compare(f, e))),
                _ => Err(cast_to(y, "java.lang.Float")),
            }),
            _ => floating(f.is_nan(), f.is_infinite(), name, args),
        },
        View::BigInt(b) => match (name, args) {
            ("toBigInteger", []) => Some(Ok(Value::biginteger(b.clone()))),
            _ => None,
        },
        View::BigDec(d) => match (name, args) {
            ("toBigInteger", []) => Some(n::to_biginteger(target)),
            _ => bigdecimal(&Dec::from_big(d), name, args),
        },
        View::Ratio(r) => match (name, args) {
            ("numerator", []) => Some(Ok(Value::biginteger(r.numer().clone()))),
            ("denominator", []) => Some(Ok(Value::biginteger(r.denom().clone()))),
            ("bigIntegerValue", []) => Some(Ok(Value::biginteger(r.numer() / r.denom()))),
            _ => None,
        },
        View::BigInteger(b) => biginteger(b, name, args),
        _ => None,
    }
}

/// A BigDecimal method argument: must itself be a BigDecimal.
fn dec_arg(v: &Value) -> Result<Dec> {
    match v.view() {
        View::BigDec(d) => Ok(Dec::from_big(d)),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot read field \"scale\" because \"augend\" is null",
        )),
        _ => Err(cast_to(v, "java.math.BigDecimal")),
    }
}

/// A rounding-mode argument: a RoundingMode or a legacy `ROUND_*` int.
fn rounding_arg(v: &Value) -> Result<n::Rounding> {
    match v.view() {
        View::HostObject(crate::runtime::object::HostObject::RoundingMode(r)) => Ok(*r),
        View::Long(i) => n::Rounding::from_legacy(i).ok_or_else(|| {
            Exception::new(ExClass::IllegalArgumentException, "Invalid rounding mode")
        }),
        _ => Err(cast_to(v, "java.math.RoundingMode")),
    }
}

/// An int argument (a scale or a point move).
fn int_arg(v: &Value) -> Result<i64> {
    n::to_long(v).map(|x| i64::from(x as i32))
}

/// java.math.BigDecimal's instance methods beyond Number's.
fn bigdecimal(x: &Dec, name: &str, args: &[Value]) -> Option<Result<Value>> {
    let dec = |d: Dec| Ok(Value::bigdec(d.into_big()));
    Some(match (name, args) {
        ("scale", []) => Ok(Value::long(x.s)),
        ("precision", []) => Ok(Value::long(n::math_context::digits(&x.u) as i64)),
        ("unscaledValue", []) => Ok(Value::biginteger(x.u.clone())),
        ("signum", []) => Ok(Value::long(i64::from(x.signum()))),
        ("negate", []) => dec(x.neg()),
        ("abs", []) => dec(x.abs()),
        ("plus", []) => dec(x.clone()),
        ("stripTrailingZeros", []) => dec(x.stripped()),
        ("toPlainString", []) => Ok(Value::string(x.to_big().to_plain_string())),
        ("setScale", [scale]) => {
            (|| dec(x.set_scale(int_arg(scale)?, n::Rounding::Unnecessary)?))()
        }
        ("setScale", [scale, mode]) => {
            (|| dec(x.set_scale(int_arg(scale)?, rounding_arg(mode)?)?))()
        }
        ("movePointLeft" | "movePointRight", [k]) => (|| {
            let k = int_arg(k)?;
            let k = if name == "movePointLeft" { k } else { -k };
            let moved = Dec::new(x.u.clone(), x.s + k);
            // The result's scale is never negative.
            dec(if moved.s < 0 {
                moved.set_scale(0, n::Rounding::Unnecessary)?
            } else {
                moved
            })
        })(),
        ("compareTo" | "add" | "subtract" | "multiply" | "max" | "min", [y]) => (|| {
            let y = dec_arg(y)?;
            match name {
                "compareTo" => Ok(Value::long(x.compare(&y) as i64)),
                "add" => dec(x.add(&y)),
                "subtract" => dec(x.sub(&y)),
                "multiply" => dec(x.mul(&y)),
                "max" if x.compare(&y).is_lt() => dec(y),
                "min" if x.compare(&y).is_gt() => dec(y),
                _ => dec(x.clone()),
            }
        })(),
        _ => return None,
    })
}

/// Are `x` and `y` integers of one class (Long, Integer, Short or Byte)?
fn y_same_width(x: &Value, y: &Value) -> bool {
    x.as_int_box().map(|b| b.width()) == y.as_int_box().map(|b| b.width())
}

/// Float.compare: total order with -0.0 below 0.0 and NaN above +Infinity.
fn float_compare(x: f32, y: f32) -> i64 {
    x.total_cmp(&y) as i64 * i64::from(!(x.is_nan() && y.is_nan()))
}

/// Double.compare (see [`float_compare`]).
fn double_compare(x: f64, y: f64) -> i64 {
    // Java orders every NaN above +Infinity, whatever its sign bit.
    let canon = |d: f64| if d.is_nan() { f64::NAN } else { d };
    canon(x).total_cmp(&canon(y)) as i64
}

fn floating(nan: bool, infinite: bool, name: &str, args: &[Value]) -> Option<Result<Value>> {
    match (name, args) {
        ("isNaN", []) => Some(Ok(Value::bool(nan))),
        ("isInfinite", []) => Some(Ok(Value::bool(infinite))),
        _ => None,
    }
}

/// Reflector.boxArg's message for an argument of the wrong class.
fn cast_to(v: &Value, class: &str) -> Exception {
    Exception::new(
        ExClass::ClassCastException,
        format!("Cannot cast {} to {class}", v.class_name()),
    )
}

/// A BigInteger method argument: must itself be a BigInteger.
fn big_arg(v: &Value) -> Result<&BigInt> {
    match v.view() {
        View::BigInteger(b) => Ok(&b.0),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot read field \"signum\" because \"val\" is null",
        )),
        _ => Err(cast_to(v, "java.math.BigInteger")),
    }
}

fn big_zero() -> Exception {
    Exception::new(ExClass::ArithmeticException, "BigInteger divide by zero")
}

fn biginteger(b: &BigInteger, name: &str, args: &[Value]) -> Option<Result<Value>> {
    let x = &b.0;
    let big = |r: BigInt| Ok(Value::biginteger(r));
    Some(match (name, args) {
        ("negate", []) => big(-x),
        ("abs", []) => big(x.abs()),
        ("signum", []) => Ok(Value::long(i64::from(sign(x)))),
        ("bitLength", []) => Ok(Value::long(bit_length(x))),
        ("toString", [radix]) => (|| {
            let r = n::to_long(radix)?;
            let r = if (2..=36).contains(&r) { r as u32 } else { 10 };
            Ok(Value::string(x.to_str_radix(r)))
        })(),
        ("pow", [e]) => (|| {
            let e = n::to_long(e)?;
            let e = u32::try_from(e)
                .map_err(|_| Exception::new(ExClass::ArithmeticException, "Negative exponent"))?;
            big(num_traits::pow(x.clone(), e as usize))
        })(),
        // shiftLeft/shiftRight(int n): x * 2^n / floor(x / 2^n), a negative n
        // shifting the other way.
        ("shiftLeft" | "shiftRight", [k]) => (|| {
            let k = n::to_long(k)?;
            let k = if name == "shiftLeft" {
                k
            } else {
                k.saturating_neg()
            };
            let by = usize::try_from(k.unsigned_abs()).unwrap_or(usize::MAX);
            big(if k >= 0 { x << by } else { x >> by })
        })(),
        ("not", []) => big(!x),
        ("testBit", [k]) => (|| {
            let k = n::to_long(k)?;
            let k = u64::try_from(k).map_err(|_| {
                Exception::new(ExClass::ArithmeticException, "Negative bit address")
            })?;
            Ok(Value::bool(((x >> k) & BigInt::from(1)) == BigInt::from(1)))
        })(),
        ("and" | "or" | "xor" | "andNot", [y]) => (|| {
            let y = big_arg(y)?;
            big(match name {
                "and" => x & y,
                "or" => x | y,
                "xor" => x ^ y,
                _ => x & !y,
            })
        })(),
        (
            "add" | "subtract" | "multiply" | "divide" | "remainder" | "mod" | "gcd" | "max"
            | "min" | "compareTo",
            [y],
        ) => (|| {
            let y = big_arg(y)?;
            match name {
                "add" => big(x + y),
                "subtract" => big(x - y),
                "multiply" => big(x * y),
                "divide" if y.is_zero() => Err(big_zero()),
                "divide" => big(x / y),
                "remainder" if y.is_zero() => Err(big_zero()),
                "remainder" => big(x % y),
                "mod" if !y.is_positive() => Err(Exception::new(
                    ExClass::ArithmeticException,
                    "BigInteger: modulus not positive",
                )),
                "mod" => big(((x % y) + y) % y),
                "gcd" => big(num_integer::Integer::gcd(x, y)),
                "max" => big(x.max(y).clone()),
                "min" => big(x.min(y).clone()),
                _ => Ok(Value::long(x.cmp(y) as i64)),
            }
        })(),
        _ => return None,
    })
}

fn sign(x: &BigInt) -> i32 {
    if x.is_positive() {
        1
    } else if x.is_negative() {
        -1
    } else {
        0
    }
}

/// BigInteger.bitLength(): bits of the two's complement excluding the sign.
fn bit_length(x: &BigInt) -> i64 {
    if x.is_negative() {
        let m: BigInt = -x - 1;
        m.bits() as i64
    } else {
        x.to_biguint().map_or(0, |u| u.bits() as i64)
    }
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.math.BigDecimal")
        .extends("java.lang.Number")
        .implements(&["java.lang.Comparable"])
        .statics(&["valueOf"], super::lang::statics)
        .fields(
            &[
                "ZERO",
                "ONE",
                "TEN",
                "ROUND_UP",
                "ROUND_DOWN",
                "ROUND_CEILING",
                "ROUND_FLOOR",
                "ROUND_HALF_UP",
                "ROUND_HALF_DOWN",
                "ROUND_HALF_EVEN",
                "ROUND_UNNECESSARY",
            ],
            super::lang::fields,
        ),
    ClassDef::class("java.math.BigInteger")
        .extends("java.lang.Number")
        .implements(&["java.lang.Comparable"])
        .statics(&["valueOf"], super::lang::statics)
        .fields(&["ZERO", "ONE", "TWO", "TEN"], super::lang::fields),
    ClassDef::class("java.math.MathContext")
        .implements(&["java.io.Serializable"])
        .fields(
            &["UNLIMITED", "DECIMAL32", "DECIMAL64", "DECIMAL128"],
            super::lang::fields,
        ),
    ClassDef::class("java.math.RoundingMode")
        .extends("java.lang.Enum")
        .fields(
            &[
                "UP",
                "DOWN",
                "CEILING",
                "FLOOR",
                "HALF_UP",
                "HALF_DOWN",
                "HALF_EVEN",
                "UNNECESSARY",
            ],
            super::lang::fields,
        ),
];
