//! Inline fast paths of the intrinsic ops: longs (checked) and doubles,
//! with Clojure's contagion (long op double -> double). `None` means "not
//! for the fast path": the VM then calls the clojure.core var.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;

/// A fast-path result, kept scalar so the VM writes it straight into its
/// stack slot (a 16-byte Value copied through a temporary stalls on
/// store forwarding).
#[derive(Clone, Debug)]
pub enum Fast {
    L(i64),
    D(f64),
    B(bool),
    /// A collection lookup's item.
    V(Value),
}

impl PartialEq for Fast {
    fn eq(&self, o: &Fast) -> bool {
        match (self, o) {
            (Fast::L(a), Fast::L(b)) => a == b,
            (Fast::D(a), Fast::D(b)) => a == b,
            (Fast::B(a), Fast::B(b)) => a == b,
            (Fast::V(a), Fast::V(b)) => a.identical(b),
            _ => false,
        }
    }
}

#[derive(Clone, Copy)]
pub enum Num {
    L(i64),
    D(f64),
}

#[inline(always)]
pub fn num(v: &Value) -> Option<Num> {
    if let Some(x) = v.as_long() {
        return Some(Num::L(x));
    }
    v.as_double().map(Num::D)
}

#[cold]
pub fn overflow() -> Exception {
    // JVM (Clojure 1.11.1): (+ Long/MAX_VALUE 1) -> ArithmeticException "long overflow"
    Exception::new(ExClass::ArithmeticException, "long overflow")
}

#[inline(always)]
fn both(a: &Value, b: &Value) -> Option<(Num, Num)> {
    Some((num(a)?, num(b)?))
}

#[inline(always)]
fn as_f64(n: Num) -> f64 {
    match n {
        Num::L(x) => x as f64,
        Num::D(d) => d,
    }
}

macro_rules! arith {
    ($name:ident, $checked:ident, $op:tt) => {
        #[inline(always)]
        pub fn $name(a: &Value, b: &Value) -> Option<Result<Fast>> {
            if let (Some(x), Some(y)) = (a.as_long(), b.as_long()) {
                return Some(x.$checked(y).map(Fast::L).ok_or_else(overflow));
            }
            let (x, y) = both(a, b)?;
            Some(Ok(Fast::D(as_f64(x) $op as_f64(y))))
        }
    };
}
arith!(add, checked_add, +);
arith!(sub, checked_sub, -);
arith!(mul, checked_mul, *);

macro_rules! compare {
    ($name:ident, $op:tt) => {
        #[inline(always)]
        pub fn $name(a: &Value, b: &Value) -> Option<bool> {
            if let (Some(x), Some(y)) = (a.as_long(), b.as_long()) {
                return Some(x $op y);
            }
            let (x, y) = both(a, b)?;
            Some(as_f64(x) $op as_f64(y))
        }
    };
}
compare!(lt, <);
compare!(gt, >);
compare!(le, <=);
compare!(ge, >=);
// `==`: numeric equality across categories (`(== 1 1.0)` is true).
compare!(num_eq, ==);

/// `=` on numbers: same category required (`(= 1 1.0)` is false).
#[inline(always)]
pub fn eq(a: &Value, b: &Value) -> Option<bool> {
    match both(a, b)? {
        (Num::L(x), Num::L(y)) => Some(x == y),
        (Num::D(x), Num::D(y)) => Some(x == y),
        _ => Some(false),
    }
}

#[inline(always)]
pub fn inc(a: &Value) -> Option<Result<Fast>> {
    Some(match num(a)? {
        Num::L(x) => x.checked_add(1).map(Fast::L).ok_or_else(overflow),
        Num::D(d) => Ok(Fast::D(d + 1.0)),
    })
}

#[inline(always)]
pub fn dec(a: &Value) -> Option<Result<Fast>> {
    Some(match num(a)? {
        Num::L(x) => x.checked_sub(1).map(Fast::L).ok_or_else(overflow),
        Num::D(d) => Ok(Fast::D(d - 1.0)),
    })
}

macro_rules! sign_test {
    ($name:ident, $op:tt) => {
        /// `zero?` / `pos?` / `neg?` (all false for NaN).
        #[inline(always)]
        pub fn $name(a: &Value) -> Option<bool> {
            Some(match num(a)? {
                Num::L(x) => x $op 0,
                Num::D(d) => d $op 0.0,
            })
        }
    };
}
sign_test!(is_zero, ==);
sign_test!(is_pos, >);
sign_test!(is_neg, <);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_and_double_paths() {
        let l = Value::long;
        let d = Value::double;
        assert_eq!(add(&l(1), &l(2)).and_then(|r| r.ok()), Some(Fast::L(3)));
        // JVM: (+ 1 1.5) => 2.5, (- 3 0.5) => 2.5, (* 2 2.5) => 5.0
        assert_eq!(add(&l(1), &d(1.5)).and_then(|r| r.ok()), Some(Fast::D(2.5)));
        assert_eq!(sub(&l(3), &d(0.5)).and_then(|r| r.ok()), Some(Fast::D(2.5)));
        assert_eq!(mul(&l(2), &d(2.5)).and_then(|r| r.ok()), Some(Fast::D(5.0)));
        // JVM: (+ Long/MAX_VALUE 1) => ArithmeticException "long overflow"
        let e = add(&l(i64::MAX), &l(1)).and_then(|r| r.err());
        assert_eq!(e.as_ref().and_then(|e| e.message()), Some("long overflow"));
        assert!(inc(&l(i64::MAX)).is_some_and(|r| r.is_err()));
        assert!(dec(&l(i64::MIN)).is_some_and(|r| r.is_err()));
        assert!(mul(&l(i64::MAX), &l(2)).is_some_and(|r| r.is_err()));
        // JVM: (== 1 1.0) true, (= 1 1.0) false, (< 1 1.5) true
        assert_eq!(num_eq(&l(1), &d(1.0)), Some(true));
        assert_eq!(eq(&l(1), &d(1.0)), Some(false));
        assert_eq!(lt(&l(1), &d(1.5)), Some(true));
        // JVM: (< 1.0 ##NaN) false, (== ##NaN ##NaN) false
        assert_eq!(lt(&d(1.0), &d(f64::NAN)), Some(false));
        assert_eq!(num_eq(&d(f64::NAN), &d(f64::NAN)), Some(false));
        assert!(add(&l(1), &Value::NIL).is_none());
        assert!(lt(&Value::string("a"), &l(1)).is_none());
    }
}
