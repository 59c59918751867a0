//! java.math.MathContext and RoundingMode: BigDecimal arithmetic under
//! `*math-context*` (what `with-precision` binds). Clojure's BigDecimalOps
//! pass the bound context to add, subtract, multiply, divide, quotient,
//! remainder, negate and abs; unbound (nil) means exact arithmetic.

use super::bigdec::Dec;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

/// java.math.RoundingMode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    Unnecessary,
}

impl Rounding {
    pub const ALL: [Rounding; 8] = [
        Rounding::Up,
        Rounding::Down,
        Rounding::Ceiling,
        Rounding::Floor,
        Rounding::HalfUp,
        Rounding::HalfDown,
        Rounding::HalfEven,
        Rounding::Unnecessary,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Rounding::Up => "UP",
            Rounding::Down => "DOWN",
            Rounding::Ceiling => "CEILING",
            Rounding::Floor => "FLOOR",
            Rounding::HalfUp => "HALF_UP",
            Rounding::HalfDown => "HALF_DOWN",
            Rounding::HalfEven => "HALF_EVEN",
            Rounding::Unnecessary => "UNNECESSARY",
        }
    }
    /// The legacy `BigDecimal.ROUND_*` int (RoundingMode.valueOf(int)).
    pub fn from_legacy(n: i64) -> Option<Rounding> {
        usize::try_from(n)
            .ok()
            .and_then(|i| Rounding::ALL.get(i).copied())
    }
    pub fn by_name(name: &str) -> Option<Rounding> {
        Rounding::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// java.math.MathContext: significant digits (0 = unlimited) and rounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MathContext {
    pub precision: u32,
    pub rounding: Rounding,
}

impl MathContext {
    /// MathContext.toString.
    pub fn java_string(&self) -> String {
        format!(
            "precision={} roundingMode={}",
            self.precision,
            self.rounding.name()
        )
    }
}

fn rounding_necessary() -> Exception {
    Exception::new(ExClass::ArithmeticException, "Rounding necessary")
}

/// The number of decimal digits of |n| (1 for zero): BigDecimal.precision.
pub fn digits(n: &BigInt) -> u64 {
    if n.is_zero() {
        return 1;
    }
    n.abs().to_str_radix(10).len() as u64
}

fn pow10(n: u64) -> BigInt {
    num_traits::pow(BigInt::from(10u32), n as usize)
}

/// `n / d` rounded by `mode` (d > 0).
fn round_div(n: &BigInt, d: &BigInt, mode: Rounding) -> Result<BigInt> {
    let (q, r) = n.div_rem(d);
    if r.is_zero() {
        return Ok(q);
    }
    let negative = n.is_negative();
    let away = match mode {
        Rounding::Up => true,
        Rounding::Down => false,
        Rounding::Ceiling => !negative,
        Rounding::Floor => negative,
        Rounding::Unnecessary => return Err(rounding_necessary()),
        Rounding::HalfUp | Rounding::HalfDown | Rounding::HalfEven => {
            let twice = r.abs() * 2u32;
            match twice.cmp(d) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => match mode {
                    Rounding::HalfUp => true,
                    Rounding::HalfDown => false,
                    _ => q.is_odd(),
                },
            }
        }
    };
    Ok(if !away {
        q
    } else if negative {
        q - 1
    } else {
        q + 1
    })
}

impl Dec {
    /// BigDecimal.setScale(scale, mode): the same value with `scale`
    /// fraction digits, rounded by `mode` when digits are dropped.
    pub fn set_scale(&self, scale: i64, mode: Rounding) -> Result<Dec> {
        let drop = self.s - scale;
        let u = if drop <= 0 {
            &self.u * pow10(drop.unsigned_abs())
        } else {
            round_div(&self.u, &pow10(drop as u64), mode)?
        };
        Ok(Dec::new(u, scale))
    }

    /// BigDecimal.round(mc).
    pub fn round(self, mc: MathContext) -> Result<Dec> {
        let prec = u64::from(mc.precision);
        let d = digits(&self.u);
        if prec == 0 || d <= prec {
            return Ok(self);
        }
        let drop = d - prec;
        let mut u = round_div(&self.u, &pow10(drop), mc.rounding)?;
        let mut s = self.s - drop as i64;
        if digits(&u) > prec {
            // Rounding carried into a new digit (999 -> 1000).
            u /= 10u32;
            s -= 1;
        }
        Ok(Dec::new(u, s))
    }

    /// BigDecimal.divide(divisor, mc). Callers check for a zero divisor.
    pub fn div_mc(&self, o: &Dec, mc: MathContext) -> Result<Dec> {
        if mc.precision == 0 {
            return self.div(o);
        }
        let preferred = self.s - o.s;
        if self.is_zero() {
            return Ok(Dec::new(BigInt::zero(), preferred));
        }
        let prec = i64::from(mc.precision);
        // Scale the dividend so the truncated quotient has > prec digits.
        let k = prec + digits(&o.u) as i64 - digits(&self.u) as i64 + 1;
        let (mut n, mut den) = (self.u.clone(), o.u.clone());
        if k >= 0 {
            n *= pow10(k as u64);
        } else {
            den *= pow10((-k) as u64);
        }
        if den.is_negative() {
            n = -n;
            den = -den;
        }
        let q0 = &n / &den;
        let drop = digits(&q0) as i64 - prec;
        let mut u = round_div(&n, &(den * pow10(drop.max(0) as u64)), mc.rounding)?;
        let mut s = self.s - o.s + k - drop;
        if digits(&u) as i64 > prec {
            u /= 10u32;
            s -= 1;
        }
        Ok(Dec::new(u, s).strip_to(preferred))
    }

    /// BigDecimal.divideToIntegralValue(divisor, mc).
    pub fn div_to_integral_mc(&self, o: &Dec, mc: MathContext) -> Result<Dec> {
        if mc.precision == 0 || self.abs().compare(&o.abs()) == std::cmp::Ordering::Less {
            return self.div_to_integral(o);
        }
        let preferred = self.s - o.s;
        let down = MathContext {
            precision: mc.precision,
            rounding: Rounding::Down,
        };
        let mut r = self.div_mc(o, down)?;
        if r.s < 0 {
            let rest = self.sub(&r.mul(o)).abs();
            if rest.compare(&o.abs()) != std::cmp::Ordering::Less {
                return Err(Exception::new(
                    ExClass::ArithmeticException,
                    "Division impossible",
                ));
            }
        } else if r.s > 0 {
            // setScale(0, DOWN)
            r = Dec::new(&r.u / pow10(r.s as u64), 0);
        }
        let pdiff = i64::from(mc.precision) - digits(&r.u) as i64;
        if preferred > r.s && pdiff > 0 {
            let add = pdiff.min(preferred - r.s);
            return Ok(Dec::new(&r.u * pow10(add as u64), r.s + add));
        }
        Ok(r.strip_to(preferred))
    }

    /// BigDecimal.remainder(divisor, mc).
    pub fn rem_mc(&self, o: &Dec, mc: MathContext) -> Result<Dec> {
        Ok(self.sub(&self.div_to_integral_mc(o, mc)?.mul(o)))
    }
}

/// The MathContext `*math-context*` holds now, if any.
pub fn current() -> Option<MathContext> {
    let v = math_context_var()?.get()?;
    match v.view() {
        crate::runtime::value::View::HostObject(
            crate::runtime::object::HostObject::MathContext(mc),
        ) => Some(*mc),
        _ => None,
    }
}

type VarRef = crate::runtime::gc::Ref<crate::runtime::var::Var>;

/// clojure.core/*math-context*.
fn math_context_var() -> Option<VarRef> {
    Some(crate::runtime::core_vars::core_vars().math_context.clone())
}

impl Value {
    /// A java.math.MathContext object.
    pub fn math_context(mc: MathContext) -> Value {
        Value::from(crate::runtime::gc::Ref::new(
            crate::runtime::object::HostObject::MathContext(mc),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::number::bigdec::parse_dec;

    fn d(s: &str) -> Dec {
        parse_dec(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }
    fn mc(precision: u32, rounding: Rounding) -> MathContext {
        MathContext {
            precision,
            rounding,
        }
    }
    fn show(x: &Dec) -> String {
        format!("{}", x.to_big())
    }

    // Expected values from JVM Clojure 1.11.1 (tests/golden/num_with_precision.clj).
    #[test]
    fn division_rounds_to_precision_with_the_preferred_scale() {
        let cases = [
            ("1", "3", 5, Rounding::HalfUp, d("0.33333")),
            ("2", "3", 2, Rounding::Floor, d("0.66")),
            ("-2", "3", 2, Rounding::Ceiling, d("-0.66")),
            ("22", "7", 4, Rounding::HalfUp, d("3.143")),
            ("10", "4", 3, Rounding::HalfUp, d("2.5")),
            (
                "1000",
                "1",
                3,
                Rounding::HalfUp,
                Dec::new(BigInt::from(100), -1),
            ),
            ("1", "4", 0, Rounding::HalfUp, d("0.25")),
            ("1", "3", 3, Rounding::Up, d("0.334")),
        ];
        for (a, b, p, r, want) in cases {
            let got = d(a)
                .div_mc(&d(b), mc(p, r))
                .unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(got, want, "{a}/{b} prec {p} {r:?}: {}", show(&got));
        }
    }

    #[test]
    fn round_and_integral_division() {
        let r = |s: &str, p, m| d(s).round(mc(p, m)).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r("1.25", 2, Rounding::HalfUp), d("1.3"));
        assert_eq!(r("1.25", 2, Rounding::HalfEven), d("1.2"));
        assert_eq!(r("0.1225", 3, Rounding::HalfDown), d("0.122"));
        assert_eq!(
            r("1234.5", 3, Rounding::HalfUp),
            Dec::new(BigInt::from(123), -1)
        );
        assert_eq!(r("99", 1, Rounding::HalfUp), Dec::new(BigInt::from(1), -2));
        let q = d("100").div_to_integral_mc(&d("7"), mc(2, Rounding::HalfUp));
        assert_eq!(q.ok(), Some(d("14")));
        let m = d("100").rem_mc(&d("7"), mc(2, Rounding::HalfUp));
        assert_eq!(m.ok(), Some(d("2")));
        let e = d("1").div_mc(&d("3"), mc(2, Rounding::Unnecessary));
        assert_eq!(
            e.err().and_then(|e| e.message().map(str::to_string)),
            Some("Rounding necessary".to_string())
        );
    }
}
