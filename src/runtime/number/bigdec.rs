//! java.math.BigDecimal semantics (unlimited precision, no MathContext) on
//! an (unscaled, scale) pair: value = unscaled * 10^-scale. The bigdecimal
//! crate is only the storage type; every result scale follows Java's rules.

use super::BigDecimal;
use crate::runtime::error::{ExClass, Exception, Result};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use std::cmp::Ordering;

/// A decimal as Java sees it: `u * 10^-s`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dec {
    pub u: BigInt,
    pub s: i64,
}

pub(crate) fn non_terminating() -> Exception {
    Exception::new(
        ExClass::ArithmeticException,
        "Non-terminating decimal expansion; no exact representable decimal result.",
    )
}

/// BigDecimal's own message for a zero divisor (Clojure checks first and
/// says "Divide by zero"; this only guards direct callers).
fn zero_divisor(dividend: &Dec) -> Exception {
    Exception::new(
        ExClass::ArithmeticException,
        if dividend.is_zero() {
            "Division undefined"
        } else {
            "Division by zero"
        },
    )
}

fn pow10(n: i64) -> BigInt {
    num_traits::pow(BigInt::from(10u32), n.max(0) as usize)
}

impl Dec {
    pub fn new(u: BigInt, s: i64) -> Dec {
        Dec { u, s }
    }
    pub fn from_big(d: &BigDecimal) -> Dec {
        let (u, s) = d.as_bigint_and_exponent();
        Dec { u, s }
    }
    pub fn to_big(&self) -> BigDecimal {
        BigDecimal::new(self.u.clone(), self.s)
    }
    pub fn into_big(self) -> BigDecimal {
        BigDecimal::new(self.u, self.s)
    }
    pub fn signum(&self) -> i32 {
        match self.u.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }
    pub fn is_zero(&self) -> bool {
        self.u.is_zero()
    }

    /// The unscaled value rescaled up to `scale` (>= self.s).
    fn upscaled(&self, scale: i64) -> BigInt {
        if scale > self.s {
            &self.u * pow10(scale - self.s)
        } else {
            self.u.clone()
        }
    }

    pub fn add(&self, o: &Dec) -> Dec {
        let s = self.s.max(o.s);
        Dec::new(self.upscaled(s) + o.upscaled(s), s)
    }
    pub fn sub(&self, o: &Dec) -> Dec {
        let s = self.s.max(o.s);
        Dec::new(self.upscaled(s) - o.upscaled(s), s)
    }
    pub fn mul(&self, o: &Dec) -> Dec {
        Dec::new(&self.u * &o.u, self.s + o.s)
    }
    pub fn neg(&self) -> Dec {
        Dec::new(-&self.u, self.s)
    }
    pub fn abs(&self) -> Dec {
        Dec::new(self.u.abs(), self.s)
    }

    /// compareTo: numeric order ignoring scale.
    pub fn compare(&self, o: &Dec) -> Ordering {
        let s = self.s.max(o.s);
        self.upscaled(s).cmp(&o.upscaled(s))
    }

    /// stripTrailingZeros (zero keeps its scale, as Java 8+ does not; we
    /// only use this for non-zero values).
    pub fn stripped(&self) -> Dec {
        let mut u = self.u.clone();
        let mut s = self.s;
        if u.is_zero() {
            return Dec::new(u, 0);
        }
        let ten = BigInt::from(10u32);
        loop {
            let (q, r) = u.div_rem(&ten);
            if !r.is_zero() {
                break;
            }
            u = q;
            s -= 1;
        }
        Dec::new(u, s)
    }

    /// Strip trailing zeros while the scale stays >= `preferred`.
    pub(super) fn strip_to(mut self, preferred: i64) -> Dec {
        let ten = BigInt::from(10u32);
        while self.s > preferred && !self.u.is_zero() {
            let (q, r) = self.u.div_rem(&ten);
            if !r.is_zero() {
                break;
            }
            self.u = q;
            self.s -= 1;
        }
        self
    }

    /// Exact `divide(BigDecimal)`: throws when the expansion does not
    /// terminate. Callers check for a zero divisor first.
    pub fn div(&self, o: &Dec) -> Result<Dec> {
        if o.is_zero() {
            return Err(zero_divisor(self));
        }
        let preferred = self.s - o.s;
        if self.is_zero() {
            return Ok(Dec::new(BigInt::zero(), preferred));
        }
        // self/o = (a/b) * 10^-(preferred); reduce a/b and make b a power of 10.
        let g = self.u.gcd(&o.u);
        let mut a = &self.u / &g;
        let mut b = &o.u / &g;
        if b.is_negative() {
            a = -a;
            b = -b;
        }
        let (mut twos, mut fives) = (0i64, 0i64);
        let two = BigInt::from(2u32);
        let five = BigInt::from(5u32);
        while (&b % &two).is_zero() {
            b /= &two;
            twos += 1;
        }
        while (&b % &five).is_zero() {
            b /= &five;
            fives += 1;
        }
        if !b.is_one() {
            return Err(non_terminating());
        }
        let k = twos.max(fives);
        let factor =
            num_traits::pow(two, (k - twos) as usize) * num_traits::pow(five, (k - fives) as usize);
        let q = Dec::new(a * factor, preferred + k).strip_to(i64::MIN);
        if q.s < preferred {
            Ok(Dec::new(q.upscaled(preferred), preferred))
        } else {
            Ok(q)
        }
    }

    /// `divideToIntegralValue`: the truncated quotient with Java's scale.
    pub fn div_to_integral(&self, o: &Dec) -> Result<Dec> {
        if o.is_zero() {
            return Err(zero_divisor(self));
        }
        let preferred = self.s - o.s;
        // Truncated integer quotient of the exact values.
        let s = self.s.max(o.s);
        let q = self.upscaled(s) / o.upscaled(s);
        if q.is_zero() {
            return Ok(Dec::new(q, preferred));
        }
        Ok(if preferred >= 0 {
            Dec::new(&q * pow10(preferred), preferred)
        } else {
            Dec::new(q, 0).strip_to(preferred)
        })
    }

    /// `remainder`: self - divideToIntegralValue(o) * o.
    pub fn rem(&self, o: &Dec) -> Result<Dec> {
        Ok(self.sub(&self.div_to_integral(o)?.mul(o)))
    }

    /// The exact value as a rational (num, den).
    pub fn to_ratio_parts(&self) -> (BigInt, BigInt) {
        if self.s < 0 {
            (&self.u * pow10(-self.s), BigInt::one())
        } else {
            (self.u.clone(), pow10(self.s))
        }
    }

    /// `doubleValue()`: correctly rounded.
    pub fn to_f64(&self) -> f64 {
        format!("{}e{}", self.u, -self.s)
            .parse::<f64>()
            .unwrap_or(f64::NAN)
    }

    /// `toBigInteger()`: truncation toward zero.
    pub fn to_bigint(&self) -> BigInt {
        if self.s <= 0 {
            &self.u * pow10(-self.s)
        } else {
            &self.u / pow10(self.s)
        }
    }

    /// `hashCode()`: 31 * unscaled.hashCode() + scale.
    pub fn java_hash(&self) -> i32 {
        31i32
            .wrapping_mul(super::biginteger_hash(&self.u))
            .wrapping_add(self.s as i32)
    }
}

/// Exact `new BigDecimal(num).divide(new BigDecimal(den))` for a Ratio.
pub fn ratio_to_dec(num: &BigInt, den: &BigInt) -> Result<Dec> {
    Dec::new(num.clone(), 0).div(&Dec::new(den.clone(), 0))
}

fn bad_char(c: char) -> Exception {
    Exception::new(
        ExClass::NumberFormatException,
        format!(
            "Character {c} is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."
        ),
    )
    .at_jdk(crate::runtime::jdk_frame::BIGDECIMAL_INIT)
}

/// `new BigDecimal(String)`: `[+-]digits[.digits][(e|E)[+-]digits]`.
pub fn parse_dec(s: &str) -> Result<Dec> {
    if s.is_empty() {
        // The constructor reads the first char before any check, and wraps
        // that ArrayIndexOutOfBoundsException in a NumberFormatException
        // with no message.
        let cause = Exception::new(
            ExClass::ArrayIndexOutOfBoundsException,
            "Index 0 out of bounds for length 0",
        )
        .at_jdk(crate::runtime::jdk_frame::BIGDECIMAL_INIT_EMPTY);
        return Err(
            Exception::full(ExClass::NumberFormatException, None, None, Some(cause))
                .at_jdk(crate::runtime::jdk_frame::BIGDECIMAL_INIT_EMPTY_WRAP),
        );
    }
    let empty = || Exception::new(ExClass::NumberFormatException, "");
    let mut chars = s.chars().peekable();
    let mut negative = false;
    if let Some(&c) = chars.peek()
        && (c == '-' || c == '+')
    {
        negative = c == '-';
        chars.next();
    }
    let mut digits = String::new();
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    let mut exp: i64 = 0;
    let mut saw_exp = false;
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.push(c);
            if seen_point {
                frac_digits += 1;
            }
        } else if c == '.' {
            if seen_point {
                return Err(Exception::new(
                    ExClass::NumberFormatException,
                    "Character array contains more than one decimal point.",
                ));
            }
            seen_point = true;
        } else if c == 'e' || c == 'E' {
            let rest: String = chars.by_ref().collect();
            if rest.is_empty() {
                return Err(empty());
            }
            let body = rest.strip_prefix('+').unwrap_or(&rest);
            exp = body.parse::<i64>().map_err(|_| empty())?;
            saw_exp = true;
            break;
        } else {
            return Err(bad_char(c));
        }
    }
    let _ = saw_exp;
    if digits.is_empty() {
        return Err(empty());
    }
    let mut u: BigInt = digits.parse().map_err(|_| empty())?;
    if negative {
        u = -u;
    }
    Ok(Dec::new(u, frac_digits - exp))
}
