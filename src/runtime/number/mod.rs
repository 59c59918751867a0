//! The number tower: long, double, BigInt (`N`), Ratio, BigDecimal (`M`).
//! Arithmetic with JVM Clojure's contagion and overflow rules lives in `ops`.

pub use bigdecimal::BigDecimal;
pub use num_bigint::BigInt;
pub use num_rational::BigRational as Ratio;

use super::gc::Ref;
use super::value::Value;

impl Value {
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

use super::value::View;
use std::cmp::Ordering;

/// Is `v` any kind of number?
pub fn is_number(v: &Value) -> bool {
    matches!(
        v.view(),
        View::Long(_) | View::Double(_) | View::BigInt(_) | View::Ratio(_) | View::BigDec(_)
    )
}

/// Clojure `hash` of a number (Numbers.hasheq); None when `v` is not a number.
/// PLACEHOLDER coverage (issue #2): longs and doubles.
pub fn hasheq(v: &Value) -> Option<i32> {
    match v.view() {
        View::Long(n) => Some(super::hash::hash_long(n)),
        View::Double(d) => Some(if d == 0.0 {
            0
        } else {
            let b = d.to_bits();
            (b ^ (b >> 32)) as i32
        }),
        _ => None,
    }
}

/// `=` between two numbers (same category required: `(= 1 1.0)` is false);
/// None when either is not a number. PLACEHOLDER coverage (issue #2).
pub fn equiv(a: &Value, b: &Value) -> Option<bool> {
    match (a.view(), b.view()) {
        (View::Long(x), View::Long(y)) => Some(x == y),
        (View::Double(x), View::Double(y)) => Some(x == y),
        _ if is_number(a) && is_number(b) => Some(false),
        _ => None,
    }
}

/// Numeric order (`compare`, `<`) between two numbers; None when either is
/// not a number. PLACEHOLDER coverage (issue #2).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a.view(), b.view()) {
        (View::Long(x), View::Long(y)) => Some(x.cmp(&y)),
        (View::Double(x), View::Double(y)) => x.partial_cmp(&y),
        _ => None,
    }
}

/// Append the printed form of a number: `readably` is `pr` (`1N`, `1.5M`,
/// `##Inf`), otherwise `print`/`str` (`1`, `1.5`, `Infinity`). Returns false
/// when `v` is not a number. PLACEHOLDER coverage (issue #2).
pub fn write(out: &mut String, v: &Value, readably: bool) -> bool {
    let _ = readably;
    match v.view() {
        View::Long(n) => {
            out.push_str(&n.to_string());
            true
        }
        View::Double(d) => {
            out.push_str(&format!("{d:?}"));
            true
        }
        _ => false,
    }
}
