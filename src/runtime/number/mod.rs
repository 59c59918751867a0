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
