//! java.lang.Math and java.lang.StrictMath: every public static of JDK 17,
//! one implementation for both classes (they differ only in copySign's
//! treatment of a NaN sign, and in the last ulp of transcendental
//! functions, which here both take from the platform's libm).
//!
//! Overloads are picked by the arguments' boxes the way Clojure's compiler
//! picks them for primitive arguments: an Integer selects the int overload
//! (result an Integer), a Long (or Short/Byte) the long one, a Float the
//! float one, anything else numeric the double one. A reflective call with
//! unhinted Long arguments on the JVM may pick the int overload instead;
//! cljw has no compile-time types and always picks long for a Long.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::number::convert::to_double;
use crate::runtime::value::{Value, View};

/// The static methods both classes answer.
pub(super) const STATICS: &[&str] = &[
    "IEEEremainder",
    "abs",
    "absExact",
    "acos",
    "addExact",
    "asin",
    "atan",
    "atan2",
    "cbrt",
    "ceil",
    "copySign",
    "cos",
    "cosh",
    "decrementExact",
    "exp",
    "expm1",
    "floor",
    "floorDiv",
    "floorMod",
    "fma",
    "getExponent",
    "hypot",
    "incrementExact",
    "log",
    "log10",
    "log1p",
    "max",
    "min",
    "multiplyExact",
    "multiplyFull",
    "multiplyHigh",
    "negateExact",
    "nextAfter",
    "nextDown",
    "nextUp",
    "pow",
    "random",
    "rint",
    "round",
    "scalb",
    "signum",
    "sin",
    "sinh",
    "sqrt",
    "subtractExact",
    "tan",
    "tanh",
    "toDegrees",
    "toIntExact",
    "toRadians",
    "ulp",
];

/// The static fields both classes answer.
pub(super) const FIELDS: &[&str] = &["PI", "E"];

pub(super) fn fields(_: &str, field: &str) -> Option<Value> {
    match field {
        "PI" => Some(Value::double(std::f64::consts::PI)),
        "E" => Some(Value::double(std::f64::consts::E)),
        _ => None,
    }
}

/// How an argument selects among primitive overloads.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Prim {
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    /// Not a primitive-compatible number (nil, a string, a Ratio ...).
    Other,
}

fn prim(v: &Value) -> Prim {
    if let Some(b) = v.as_int_box()
        && b.width() == crate::runtime::number::IntWidth::Int
    {
        return Prim::Int(b.value() as i32);
    }
    match v.view() {
        View::Long(n) => Prim::Long(n),
        View::Float(f) => Prim::Float(f),
        View::Double(d) => Prim::Double(d),
        _ => Prim::Other,
    }
}

/// The integral value of an argument a long parameter takes.
fn long_of(v: &Value) -> Option<i64> {
    match prim(v) {
        Prim::Int(n) => Some(i64::from(n)),
        Prim::Long(n) => Some(n),
        _ => None,
    }
}

/// The value of an argument an overload set of float and double
/// parameters takes: a Long matches neither (No matching method).
fn floating(v: &Value) -> Option<f64> {
    match prim(v) {
        Prim::Float(f) => Some(f64::from(f)),
        Prim::Double(d) => Some(d),
        _ => None,
    }
}

fn overflow(int: bool) -> Exception {
    Exception::new(
        ExClass::ArithmeticException,
        if int {
            "integer overflow"
        } else {
            "long overflow"
        },
    )
}

fn div_zero() -> Exception {
    Exception::new(ExClass::ArithmeticException, "/ by zero")
}

fn dbl(f: impl Fn(f64) -> f64, a: &Value) -> Result<Value> {
    Ok(Value::double(f(to_double(a)?)))
}

fn dbl2(f: impl Fn(f64, f64) -> f64, a: &Value, b: &Value) -> Result<Value> {
    Ok(Value::double(f(to_double(a)?, to_double(b)?)))
}

/// Math.round(double): the closest long, ties toward positive infinity
/// (exactly, unlike floor(x + 0.5)); NaN is 0, out of range saturates.
fn round_double(d: f64) -> i64 {
    if d.abs() < 4503599627370496.0 {
        let f = d.floor();
        (if d - f >= 0.5 { f + 1.0 } else { f }) as i64
    } else {
        d as i64
    }
}

/// Math.round(float): the same at float width, an int.
fn round_float(f: f32) -> i32 {
    if f.abs() < 8388608.0 {
        let fl = f.floor();
        (if f - fl >= 0.5 { fl + 1.0 } else { fl }) as i32
    } else {
        f as i32
    }
}

/// 2^n for n in the normal exponent range.
fn pow2(n: i32) -> f64 {
    f64::from_bits(((i64::from(n) + 1023) as u64) << 52)
}

/// Math.scalb(double, int): d * 2^n rounded once (the JDK's algorithm).
fn scalb(mut d: f64, n: i32) -> f64 {
    const MAX_SCALE: i32 = 1023 + 1022 + 53 + 1;
    let (mut n, step, delta) = if n < 0 {
        (n.max(-MAX_SCALE), -512, pow2(-512))
    } else {
        (n.min(MAX_SCALE), 512, pow2(512))
    };
    let adjust = n % 512;
    d *= pow2(adjust);
    n -= adjust;
    while n != 0 {
        d *= delta;
        n -= step;
    }
    d
}

fn scalb_float(f: f32, n: i32) -> f32 {
    const MAX_SCALE: i32 = 127 + 126 + 24 + 1;
    let n = n.clamp(-MAX_SCALE, MAX_SCALE);
    (f64::from(f) * pow2(n)) as f32
}

fn exponent(d: f64) -> i32 {
    (((d.to_bits() >> 52) & 0x7ff) as i32) - 1023
}

fn exponent_float(f: f32) -> i32 {
    (((f.to_bits() >> 23) & 0xff) as i32) - 127
}

fn ulp(d: f64) -> f64 {
    match exponent(d) {
        1024 => d.abs(),
        -1023 => f64::from_bits(1),
        e => {
            let e = e - 52;
            if e >= -1022 {
                pow2(e)
            } else {
                f64::from_bits(1u64 << (e + 1074))
            }
        }
    }
}

fn ulp_float(f: f32) -> f32 {
    match exponent_float(f) {
        128 => f.abs(),
        -127 => f32::from_bits(1),
        e => {
            let e = e - 23;
            if e >= -126 {
                f32::from_bits(((e + 127) as u32) << 23)
            } else {
                f32::from_bits(1u32 << (e + 149))
            }
        }
    }
}

/// The neighbour of a double's bits, away from (`up`) or toward zero in
/// magnitude according to the direction of travel.
fn step(d: f64, up: bool) -> f64 {
    if d.is_nan() {
        return d;
    }
    if d == 0.0 {
        return if up {
            f64::from_bits(1)
        } else {
            -f64::from_bits(1)
        };
    }
    if (up && d == f64::INFINITY) || (!up && d == f64::NEG_INFINITY) {
        return d;
    }
    let bits = d.to_bits();
    let grow = (d > 0.0) == up;
    f64::from_bits(if grow { bits + 1 } else { bits - 1 })
}

fn step_float(f: f32, up: bool) -> f32 {
    if f.is_nan() {
        return f;
    }
    if f == 0.0 {
        return if up {
            f32::from_bits(1)
        } else {
            -f32::from_bits(1)
        };
    }
    if (up && f == f32::INFINITY) || (!up && f == f32::NEG_INFINITY) {
        return f;
    }
    let bits = f.to_bits();
    let grow = (f > 0.0) == up;
    f32::from_bits(if grow { bits + 1 } else { bits - 1 })
}

/// nextAfter(start, direction): equal returns direction (so its sign of
/// zero), NaN propagates.
fn next_after(start: f64, dir: f64) -> f64 {
    if start > dir {
        step(start, false)
    } else if start < dir {
        step(start, true)
    } else if start == dir {
        dir
    } else {
        start + dir
    }
}

fn next_after_float(start: f32, dir: f64) -> f32 {
    let s = f64::from(start);
    if s > dir {
        step_float(start, false)
    } else if s < dir {
        step_float(start, true)
    } else if s == dir {
        dir as f32
    } else {
        (s + dir) as f32
    }
}

/// IEEEremainder: x - n*y with n the integer nearest x/y (ties to even),
/// fdlibm's __ieee754_remainder.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if y == 0.0 || !x.is_finite() || y.is_nan() {
        return f64::NAN;
    }
    let p = y.abs();
    let mut r = if p <= f64::MAX / 2.0 { x % (p + p) } else { x };
    if r.abs() == p {
        return 0.0 * r;
    }
    let neg = r.is_sign_negative();
    r = r.abs();
    if p < 2.0 * f64::MIN_POSITIVE {
        if r + r > p {
            r -= p;
            if r + r >= p {
                r -= p;
            }
        }
    } else {
        let half = 0.5 * p;
        if r > half {
            r -= p;
            if r >= half {
                r -= p;
            }
        }
    }
    if neg { -r } else { r }
}

/// floorDiv/floorMod at long width (MIN / -1 wraps, as on the JVM).
fn floor_div(x: i64, y: i64) -> i64 {
    let q = x.wrapping_div(y);
    if (x ^ y) < 0 && q.wrapping_mul(y) != x {
        q - 1
    } else {
        q
    }
}

fn floor_mod(x: i64, y: i64) -> i64 {
    x.wrapping_sub(floor_div(x, y).wrapping_mul(y))
}

/// Math.pow: C's pow but for a NaN exponent and a base of magnitude 1
/// raised to an infinity, which are NaN in Java (C gives 1).
fn pow(x: f64, y: f64) -> f64 {
    if y.is_nan() || (x.abs() == 1.0 && y.is_infinite()) {
        f64::NAN
    } else {
        x.powf(y)
    }
}

fn signum(d: f64) -> f64 {
    if d == 0.0 || d.is_nan() {
        d
    } else {
        d.signum()
    }
}

/// Math.copySign; StrictMath's treats a NaN sign as positive.
fn copy_sign(m: f64, s: f64, strict: bool) -> f64 {
    if strict && s.is_nan() {
        m.abs()
    } else {
        m.copysign(s)
    }
}

/// Math.max/min: int, long, float or double by the arguments' boxes;
/// NaN wins and -0.0 is less than 0.0 for floating point.
fn min_max(a: &Value, b: &Value, max: bool) -> Option<Result<Value>> {
    fn pick_f(x: f64, y: f64, max: bool) -> f64 {
        if x.is_nan() || y.is_nan() {
            f64::NAN
        } else if x == y {
            // Only zeros of opposite sign differ here.
            if max == x.is_sign_negative() { y } else { x }
        } else if (x > y) == max {
            x
        } else {
            y
        }
    }
    Some(Ok(match (prim(a), prim(b)) {
        (Prim::Int(x), Prim::Int(y)) => Value::int(if max { x.max(y) } else { x.min(y) }),
        (Prim::Int(_) | Prim::Long(_), Prim::Int(_) | Prim::Long(_)) => {
            let (x, y) = (long_of(a)?, long_of(b)?);
            Value::long(if max { x.max(y) } else { x.min(y) })
        }
        (Prim::Float(x), Prim::Float(y)) => {
            Value::float(pick_f(f64::from(x), f64::from(y), max) as f32)
        }
        _ => Value::double(pick_f(floating(a)?, floating(b)?, max)),
    }))
}

/// The integer overloads of addExact & co: both Integers take the int one,
/// any other integers the long one; a non-integer matches none.
fn exact2(
    a: &Value,
    b: &Value,
    int: fn(i32, i32) -> Option<i32>,
    long: fn(i64, i64) -> Option<i64>,
) -> Option<Result<Value>> {
    Some(match (prim(a), prim(b)) {
        (Prim::Int(x), Prim::Int(y)) => int(x, y).map(Value::int).ok_or(overflow(true)),
        _ => long(long_of(a)?, long_of(b)?)
            .map(Value::long)
            .ok_or(overflow(false)),
    })
}

fn exact1(
    a: &Value,
    int: fn(i32) -> Option<i32>,
    long: fn(i64) -> Option<i64>,
) -> Option<Result<Value>> {
    Some(match prim(a) {
        Prim::Int(x) => int(x).map(Value::int).ok_or(overflow(true)),
        _ => long(long_of(a)?).map(Value::long).ok_or(overflow(false)),
    })
}

/// The hook of both classes' statics.
pub(super) fn call(class: &str, name: &str, args: &[Value]) -> Option<Result<Value>> {
    let strict = class == "java.lang.StrictMath";
    Some(match (name, args) {
        ("abs", [a]) => match prim(a) {
            Prim::Int(n) => Ok(Value::int(n.wrapping_abs())),
            Prim::Long(n) => Ok(Value::long(n.wrapping_abs())),
            Prim::Float(f) => Ok(Value::float(f.abs())),
            _ => dbl(f64::abs, a),
        },
        ("absExact", [a]) => match prim(a) {
            Prim::Int(n) => n.checked_abs().map(Value::int).ok_or_else(|| {
                Exception::new(
                    ExClass::ArithmeticException,
                    "Overflow to represent absolute value of Integer.MIN_VALUE",
                )
            }),
            _ => long_of(a)?.checked_abs().map(Value::long).ok_or_else(|| {
                Exception::new(
                    ExClass::ArithmeticException,
                    "Overflow to represent absolute value of Long.MIN_VALUE",
                )
            }),
        },
        ("sqrt", [a]) => dbl(f64::sqrt, a),
        ("cbrt", [a]) => dbl(f64::cbrt, a),
        ("floor", [a]) => dbl(f64::floor, a),
        ("ceil", [a]) => dbl(f64::ceil, a),
        ("rint", [a]) => dbl(f64::round_ties_even, a),
        ("sin", [a]) => dbl(f64::sin, a),
        ("cos", [a]) => dbl(f64::cos, a),
        ("tan", [a]) => dbl(f64::tan, a),
        ("asin", [a]) => dbl(f64::asin, a),
        ("acos", [a]) => dbl(f64::acos, a),
        ("atan", [a]) => dbl(f64::atan, a),
        ("sinh", [a]) => dbl(f64::sinh, a),
        ("cosh", [a]) => dbl(f64::cosh, a),
        ("tanh", [a]) => dbl(f64::tanh, a),
        ("exp", [a]) => dbl(f64::exp, a),
        ("expm1", [a]) => dbl(f64::exp_m1, a),
        ("log", [a]) => dbl(f64::ln, a),
        ("log10", [a]) => dbl(f64::log10, a),
        ("log1p", [a]) => dbl(f64::ln_1p, a),
        ("toRadians", [a]) => dbl(f64::to_radians, a),
        ("toDegrees", [a]) => dbl(f64::to_degrees, a),
        ("signum", [a]) => match prim(a) {
            Prim::Float(f) => Ok(Value::float(signum(f64::from(f)) as f32)),
            _ => Ok(Value::double(signum(floating(a)?))),
        },
        ("ulp", [a]) => match prim(a) {
            Prim::Float(f) => Ok(Value::float(ulp_float(f))),
            _ => Ok(Value::double(ulp(floating(a)?))),
        },
        ("nextUp", [a]) => match prim(a) {
            Prim::Float(f) => Ok(Value::float(step_float(f, true))),
            _ => Ok(Value::double(step(floating(a)?, true))),
        },
        ("nextDown", [a]) => match prim(a) {
            Prim::Float(f) => Ok(Value::float(step_float(f, false))),
            _ => Ok(Value::double(step(floating(a)?, false))),
        },
        ("getExponent", [a]) => match prim(a) {
            Prim::Float(f) => Ok(Value::int(exponent_float(f))),
            _ => Ok(Value::int(exponent(floating(a)?))),
        },
        ("round", [a]) => match prim(a) {
            Prim::Float(f) => Ok(Value::int(round_float(f))),
            _ => Ok(Value::long(round_double(floating(a)?))),
        },
        ("pow", [a, b]) => dbl2(pow, a, b),
        ("atan2", [a, b]) => dbl2(f64::atan2, a, b),
        ("hypot", [a, b]) => dbl2(f64::hypot, a, b),
        ("IEEEremainder", [a, b]) => dbl2(ieee_remainder, a, b),
        ("copySign", [a, b]) => match (prim(a), prim(b)) {
            (Prim::Float(m), Prim::Float(s)) => {
                Ok(Value::float(
                    copy_sign(f64::from(m), f64::from(s), strict) as f32
                ))
            }
            _ => Ok(Value::double(copy_sign(floating(a)?, floating(b)?, strict))),
        },
        ("nextAfter", [a, b]) => match prim(a) {
            Prim::Float(f) => Ok(Value::float(next_after_float(f, floating(b)?))),
            _ => Ok(Value::double(next_after(floating(a)?, floating(b)?))),
        },
        ("scalb", [a, b]) => {
            let n = match prim(b) {
                Prim::Int(n) => n,
                // A long argument to the int parameter narrows (RT.intCast).
                _ => match crate::runtime::number::to_int(b) {
                    Ok(n) => n,
                    Err(e) => return Some(Err(e)),
                },
            };
            match prim(a) {
                Prim::Float(f) => Ok(Value::float(scalb_float(f, n))),
                _ => Ok(Value::double(scalb(floating(a)?, n))),
            }
        }
        ("fma", [a, b, c]) => match (prim(a), prim(b), prim(c)) {
            (Prim::Float(x), Prim::Float(y), Prim::Float(z)) => Ok(Value::float(x.mul_add(y, z))),
            _ => Ok(Value::double(
                floating(a)?.mul_add(floating(b)?, floating(c)?),
            )),
        },
        ("max", [a, b]) => return min_max(a, b, true),
        ("min", [a, b]) => return min_max(a, b, false),
        ("addExact", [a, b]) => return exact2(a, b, i32::checked_add, i64::checked_add),
        ("subtractExact", [a, b]) => return exact2(a, b, i32::checked_sub, i64::checked_sub),
        ("multiplyExact", [a, b]) => return exact2(a, b, i32::checked_mul, i64::checked_mul),
        ("incrementExact", [a]) => return exact1(a, |n| n.checked_add(1), |n| n.checked_add(1)),
        ("decrementExact", [a]) => return exact1(a, |n| n.checked_sub(1), |n| n.checked_sub(1)),
        ("negateExact", [a]) => return exact1(a, i32::checked_neg, i64::checked_neg),
        ("toIntExact", [a]) => {
            let n = long_of(a)?;
            i32::try_from(n).map(Value::int).map_err(|_| overflow(true))
        }
        ("multiplyFull", [a, b]) => {
            let (x, y) = (long_of(a)?, long_of(b)?);
            match (i32::try_from(x), i32::try_from(y)) {
                (Ok(x), Ok(y)) => Ok(Value::long(i64::from(x) * i64::from(y))),
                _ => Err(overflow(true)),
            }
        }
        ("multiplyHigh", [a, b]) => {
            let (x, y) = (long_of(a)?, long_of(b)?);
            Ok(Value::long(((i128::from(x) * i128::from(y)) >> 64) as i64))
        }
        // floorDiv/floorMod: (int, int) gives an int; floorMod(long, int)
        // an int too; the rest are long.
        ("floorDiv" | "floorMod", [a, b]) => {
            let div = name == "floorDiv";
            let (x, y) = (long_of(a)?, long_of(b)?);
            if y == 0 {
                return Some(Err(div_zero()));
            }
            let r = if div {
                floor_div(x, y)
            } else {
                floor_mod(x, y)
            };
            match (prim(a), prim(b)) {
                (Prim::Int(x), Prim::Int(y)) => Ok(Value::int(if div {
                    floor_div(i64::from(x), i64::from(y)) as i32
                } else {
                    r as i32
                })),
                (_, Prim::Int(_)) if !div => Ok(Value::int(r as i32)),
                _ => Ok(Value::long(r)),
            }
        }
        ("random", []) => Ok(Value::double(super::lang::random())),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_level_helpers_follow_the_jdk() {
        assert_eq!(scalb(1.0, 3), 8.0);
        assert_eq!(scalb(1.0, -1074), f64::from_bits(1));
        assert_eq!(scalb(1.0, -1075), 0.0);
        assert_eq!(scalb(f64::MAX, -2098), f64::from_bits(1));
        assert_eq!(scalb(f64::MAX, -2099), 0.0);
        assert_eq!(scalb(f64::from_bits(1), 2097), pow2(1023));
        assert_eq!(scalb(f64::from_bits(1), 2098), f64::INFINITY);
        assert_eq!(scalb(f64::from_bits(1), 1074), 1.0);
        assert_eq!(ulp(1.0), f64::EPSILON);
        assert_eq!(ulp(0.0), f64::from_bits(1));
        assert_eq!(ulp(f64::MAX), pow2(971));
        assert_eq!(step(-0.0, true), f64::from_bits(1));
        assert_eq!(step(1.0, false), 1.0 - f64::EPSILON / 2.0);
        assert_eq!(ieee_remainder(5.0, 2.0), 1.0);
        assert_eq!(ieee_remainder(7.0, 2.0), -1.0);
        assert_eq!(ieee_remainder(3.0, 2.0), -1.0);
        assert_eq!(ieee_remainder(-4.0, 2.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(round_double(0.49999999999999994), 0);
        assert_eq!(round_double(-2.5), -2);
        assert_eq!(round_float(2.5), 3);
        assert_eq!(floor_div(i64::MIN, -1), i64::MIN);
        assert_eq!(floor_mod(-7, 2), 1);
        assert_eq!(floor_mod(7, -2), -1);
    }
}
