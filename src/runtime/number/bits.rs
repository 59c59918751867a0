//! Bit operations: longs only (Numbers.bitOpsCast), shift counts masked to
//! six bits as Java's `<<` does (`(bit-shift-left 1 64)` is 1).

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Repr, Value};

#[cold]
fn unsupported(v: &Value) -> Exception {
    if v.is_nil() {
        return Exception::new(
            ExClass::NullPointerException,
            "Cannot invoke \"Object.getClass()\" because \"x\" is null",
        );
    }
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("bit operation not supported for: class {}", v.class_name()),
    )
}

/// The long of a bit-operation argument.
#[inline]
pub fn bit_long(v: &Value) -> Result<i64> {
    match &v.0 {
        Repr::Long(n) => Ok(*n),
        Repr::Int(b) => Ok(b.value()),
        _ => Err(unsupported(v)),
    }
}

#[inline]
fn bin(a: &Value, b: &Value, f: fn(i64, i64) -> i64) -> Result<Value> {
    let x = bit_long(a)?;
    let y = bit_long(b)?;
    Ok(Value::long(f(x, y)))
}

/// `bit-and`
pub fn bit_and(a: &Value, b: &Value) -> Result<Value> {
    bin(a, b, |x, y| x & y)
}
/// `bit-or`
pub fn bit_or(a: &Value, b: &Value) -> Result<Value> {
    bin(a, b, |x, y| x | y)
}
/// `bit-xor`
pub fn bit_xor(a: &Value, b: &Value) -> Result<Value> {
    bin(a, b, |x, y| x ^ y)
}
/// `bit-and-not`
pub fn bit_and_not(a: &Value, b: &Value) -> Result<Value> {
    bin(a, b, |x, y| x & !y)
}
/// `bit-not`
pub fn bit_not(a: &Value) -> Result<Value> {
    Ok(Value::long(!bit_long(a)?))
}
/// `bit-shift-left`
pub fn shift_left(a: &Value, n: &Value) -> Result<Value> {
    bin(a, n, |x, n| x.wrapping_shl(n as u32))
}
/// `bit-shift-right` (arithmetic)
pub fn shift_right(a: &Value, n: &Value) -> Result<Value> {
    bin(a, n, |x, n| x.wrapping_shr(n as u32))
}
/// `unsigned-bit-shift-right`
pub fn unsigned_shift_right(a: &Value, n: &Value) -> Result<Value> {
    bin(a, n, |x, n| (x as u64).wrapping_shr(n as u32) as i64)
}
/// `bit-set`
pub fn bit_set(a: &Value, n: &Value) -> Result<Value> {
    bin(a, n, |x, n| x | 1i64.wrapping_shl(n as u32))
}
/// `bit-clear`
pub fn bit_clear(a: &Value, n: &Value) -> Result<Value> {
    bin(a, n, |x, n| x & !1i64.wrapping_shl(n as u32))
}
/// `bit-flip`
pub fn bit_flip(a: &Value, n: &Value) -> Result<Value> {
    bin(a, n, |x, n| x ^ 1i64.wrapping_shl(n as u32))
}
/// `bit-test`
pub fn bit_test(a: &Value, n: &Value) -> Result<bool> {
    let x = bit_long(a)?;
    let n = bit_long(n)?;
    Ok(x & 1i64.wrapping_shl(n as u32) != 0)
}
