//! Number printing: Java 17's `Double.toString` and `Float.toString` (a port of the JDK's
//! FloatingDecimal digit generator, which is NOT always the shortest
//! round-trip form: `2.82879384806159008E17`), and `BigDecimal.toString`.

use num_bigint::{BigInt, BigUint, Sign};
use std::cmp::Ordering;

const EXP_SHIFT: i32 = 52;
const FRACT_HOB: u64 = 1 << 52;
const EXP_ONE: u64 = 1023 << 52;
const SIGNIF_BIT_MASK: u64 = FRACT_HOB - 1;
const EXP_BIT_MASK: u64 = 0x7FF0_0000_0000_0000;
const SIGN_BIT_MASK: u64 = 1 << 63;
const MAX_SMALL_BIN_EXP: i32 = 62;
const MIN_SMALL_BIN_EXP: i32 = -(63 / 3);

/// Approximately ceil(log2(5^i)).
const N_5_BITS: [i32; 27] = [
    0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56,
    59, 61,
];

/// insignificantDigitsNumber[p] = number of decimal digits of 2^p minus one, roughly.
const INSIGNIFICANT_DIGITS_NUMBER: [i32; 64] = [
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9,
    9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16,
    16, 17, 17, 17, 18, 18, 18, 19,
];

fn pow5_i64(i: i32) -> i64 {
    let mut r: i64 = 1;
    for _ in 0..i.max(0) {
        r = r.wrapping_mul(5);
    }
    r
}

fn n5bits(i: i32) -> i32 {
    usize::try_from(i)
        .ok()
        .and_then(|i| N_5_BITS.get(i).copied())
        .unwrap_or(i.saturating_mul(3))
}

/// Digit buffer of one conversion (FloatingDecimal.BinaryToASCIIBuffer).
struct Dtoa {
    digits: [u8; 32],
    first: usize,
    n: usize,
    dec_exponent: i32,
}

impl Dtoa {
    fn push(&mut self, d: u8) {
        if self.first + self.n < self.digits.len() {
            self.digits[self.first + self.n] = d;
            self.n += 1;
        }
    }

    fn develop_long_digits(&mut self, mut dec_exponent: i32, mut lvalue: i64, insignificant: i32) {
        if insignificant != 0 {
            let pow10 = pow5_i64(insignificant) << insignificant;
            let residue = lvalue % pow10;
            lvalue /= pow10;
            dec_exponent += insignificant;
            if residue >= (pow10 >> 1) {
                lvalue += 1;
            }
        }
        // Fill from the right of a 20-digit window, skipping trailing zeros.
        let mut digitno: usize = 19;
        let mut c = (lvalue % 10) as u8;
        lvalue /= 10;
        while c == 0 && lvalue != 0 {
            dec_exponent += 1;
            c = (lvalue % 10) as u8;
            lvalue /= 10;
        }
        while lvalue != 0 {
            self.digits[digitno] = b'0' + c;
            digitno -= 1;
            dec_exponent += 1;
            c = (lvalue % 10) as u8;
            lvalue /= 10;
        }
        self.digits[digitno] = b'0' + c;
        self.dec_exponent = dec_exponent + 1;
        self.first = digitno;
        self.n = 20 - digitno;
    }

    fn roundup(&mut self) {
        let mut i = self.first + self.n - 1;
        let mut q = self.digits[i];
        if q == b'9' {
            while q == b'9' && i > self.first {
                self.digits[i] = b'0';
                i -= 1;
                q = self.digits[i];
            }
            if q == b'9' {
                self.dec_exponent += 1;
                self.digits[self.first] = b'1';
                return;
            }
        }
        self.digits[i] = q + 1;
    }

    fn dtoa(&mut self, bin_exp: i32, mut fract_bits: u64, n_significant_bits: i32) {
        let tail_zeros = fract_bits.trailing_zeros() as i32;
        let n_fract_bits = EXP_SHIFT + 1 - tail_zeros;
        let n_tiny_bits = (n_fract_bits - bin_exp - 1).max(0);
        if (MIN_SMALL_BIN_EXP..=MAX_SMALL_BIN_EXP).contains(&bin_exp)
            && n_tiny_bits < 27
            && n_fract_bits + n5bits(n_tiny_bits) < 64
            && n_tiny_bits == 0
        {
            // Easy case: an integer that fits a long.
            let insignificant = if bin_exp > n_significant_bits {
                let p2 = bin_exp - n_significant_bits - 1;
                if p2 > 1 && (p2 as usize) < INSIGNIFICANT_DIGITS_NUMBER.len() {
                    INSIGNIFICANT_DIGITS_NUMBER[p2 as usize]
                } else {
                    0
                }
            } else {
                0
            };
            if bin_exp >= EXP_SHIFT {
                fract_bits <<= bin_exp - EXP_SHIFT;
            } else {
                fract_bits >>= EXP_SHIFT - bin_exp;
            }
            self.develop_long_digits(0, fract_bits as i64, insignificant);
            return;
        }
        let mut dec_exp = estimate_dec_exp(fract_bits, bin_exp);
        let b5 = (-dec_exp).max(0);
        let mut b2 = b5 + n_tiny_bits + bin_exp;
        let s5 = dec_exp.max(0);
        let mut s2 = s5 + n_tiny_bits;
        let m5 = b5;
        let mut m2 = b2 - n_significant_bits;

        fract_bits >>= tail_zeros;
        b2 -= n_fract_bits - 1;
        let common2 = b2.min(s2);
        b2 -= common2;
        s2 -= common2;
        m2 -= common2;
        // Exact powers of two: the next smaller number is half as far away.
        if n_fract_bits == 1 {
            m2 -= 1;
        }
        if m2 < 0 {
            b2 -= m2;
            s2 -= m2;
            m2 = 0;
        }
        let bbits = n_fract_bits + b2 + n5bits(b5);
        let ten_sbits = s2 + 1 + n5bits(s5 + 1);
        let (mut low, mut high);
        let low_digit_difference: i64;
        self.first = 0;
        self.n = 0;
        if bbits < 64 && ten_sbits < 64 {
            if bbits < 32 && ten_sbits < 32 {
                // All ints (Java int arithmetic, wrapping as on the JVM).
                let mut b: i32 = (fract_bits as i32)
                    .wrapping_mul(pow5_i64(b5) as i32)
                    .wrapping_shl(b2 as u32);
                let s: i32 = (pow5_i64(s5) as i32).wrapping_shl(s2 as u32);
                let mut m: i32 = (pow5_i64(m5) as i32).wrapping_shl(m2 as u32);
                let tens: i32 = s.wrapping_mul(10);
                let mut q = b / s;
                b = 10i32.wrapping_mul(b % s);
                m = m.wrapping_mul(10);
                low = b < m;
                high = b.wrapping_add(m) > tens;
                if q == 0 && !high {
                    dec_exp -= 1;
                } else {
                    self.push(b'0' + q as u8);
                }
                if !(-3..8).contains(&dec_exp) {
                    high = false;
                    low = false;
                }
                while !low && !high {
                    q = b / s;
                    b = 10i32.wrapping_mul(b % s);
                    m = m.wrapping_mul(10);
                    if m > 0 {
                        low = b < m;
                        high = b.wrapping_add(m) > tens;
                    } else {
                        low = true;
                        high = true;
                    }
                    self.push(b'0' + q as u8);
                }
                low_digit_difference = (b.wrapping_shl(1)).wrapping_sub(tens) as i64;
            } else {
                // All longs.
                let mut b: i64 = (fract_bits as i64)
                    .wrapping_mul(pow5_i64(b5))
                    .wrapping_shl(b2 as u32);
                let s: i64 = pow5_i64(s5).wrapping_shl(s2 as u32);
                let mut m: i64 = pow5_i64(m5).wrapping_shl(m2 as u32);
                let tens: i64 = s.wrapping_mul(10);
                let mut q = b / s;
                b = 10i64.wrapping_mul(b % s);
                m = m.wrapping_mul(10);
                low = b < m;
                high = b.wrapping_add(m) > tens;
                if q == 0 && !high {
                    dec_exp -= 1;
                } else {
                    self.push(b'0' + q as u8);
                }
                if !(-3..8).contains(&dec_exp) {
                    high = false;
                    low = false;
                }
                while !low && !high {
                    q = b / s;
                    b = 10i64.wrapping_mul(b % s);
                    m = m.wrapping_mul(10);
                    if m > 0 {
                        low = b < m;
                        high = b.wrapping_add(m) > tens;
                    } else {
                        low = true;
                        high = true;
                    }
                    self.push(b'0' + q as u8);
                }
                low_digit_difference = (b.wrapping_shl(1)).wrapping_sub(tens);
            }
        } else {
            // Big integers.
            let pow52 = |p5: i32, p2: i32| -> BigUint {
                BigUint::from(5u32).pow(p5.max(0) as u32) << (p2.max(0) as usize)
            };
            let s = pow52(s5, s2);
            let mut b = (BigUint::from(fract_bits) * BigUint::from(5u32).pow(b5.max(0) as u32))
                << (b2.max(0) as usize);
            let mut m = pow52(m5 + 1, m2 + 1);
            let ten_s = pow52(s5 + 1, s2 + 1);
            let ten = BigUint::from(10u32);
            let quo_rem = |b: &mut BigUint| -> u8 {
                let q = &*b / &s;
                *b = (&*b % &s) * &ten;
                q.to_u32_digits().first().copied().unwrap_or(0) as u8
            };
            let mut q = quo_rem(&mut b);
            low = b < m;
            high = (&b + &m) >= ten_s;
            if q == 0 && !high {
                dec_exp -= 1;
            } else {
                self.push(b'0' + q);
            }
            if !(-3..8).contains(&dec_exp) {
                high = false;
                low = false;
            }
            while !low && !high {
                q = quo_rem(&mut b);
                m *= &ten;
                low = b < m;
                high = (&b + &m) >= ten_s;
                self.push(b'0' + q);
            }
            low_digit_difference = if high && low {
                match (b << 1usize).cmp(&ten_s) {
                    Ordering::Less => -1,
                    Ordering::Equal => 0,
                    Ordering::Greater => 1,
                }
            } else {
                0
            };
        }
        self.dec_exponent = dec_exp + 1;
        if self.n == 0 {
            // Cannot happen for finite non-zero input; keep the buffer sane.
            self.push(b'0');
        }
        if high {
            if low {
                if low_digit_difference == 0 {
                    if self.digits[self.first + self.n - 1] & 1 != 0 {
                        self.roundup();
                    }
                } else if low_digit_difference > 0 {
                    self.roundup();
                }
            } else {
                self.roundup();
            }
        }
    }

    fn write(&self, out: &mut String, negative: bool) {
        let digits = &self.digits[self.first..self.first + self.n];
        let n = digits.len() as i32;
        let de = self.dec_exponent;
        let push = |out: &mut String, ds: &[u8]| {
            for &d in ds {
                out.push(d as char);
            }
        };
        if negative {
            out.push('-');
        }
        if de > 0 && de < 8 {
            let char_len = n.min(de) as usize;
            push(out, &digits[..char_len]);
            if (char_len as i32) < de {
                for _ in 0..(de - char_len as i32) {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push('.');
                if (char_len as i32) < n {
                    push(out, &digits[char_len..]);
                } else {
                    out.push('0');
                }
            }
        } else if de <= 0 && de > -3 {
            out.push_str("0.");
            for _ in 0..(-de) {
                out.push('0');
            }
            push(out, digits);
        } else {
            push(out, &digits[..1]);
            out.push('.');
            if n > 1 {
                push(out, &digits[1..]);
            } else {
                out.push('0');
            }
            out.push('E');
            let e = if de <= 0 {
                out.push('-');
                -de + 1
            } else {
                de - 1
            };
            out.push_str(&e.to_string());
        }
    }
}

// The JDK's truncated log10(2) constant, kept verbatim for identical digits.
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(fract_bits: u64, bin_exp: i32) -> i32 {
    let d2 = f64::from_bits(EXP_ONE | (fract_bits & SIGNIF_BIT_MASK));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + (bin_exp as f64) * 0.301029995663981;
    let d_bits = d.to_bits();
    let exponent = ((d_bits & EXP_BIT_MASK) >> EXP_SHIFT) as i32 - 1023;
    let is_negative = d_bits & SIGN_BIT_MASK != 0;
    if (0..52).contains(&exponent) {
        let mask = SIGNIF_BIT_MASK >> exponent;
        let r = (((d_bits & SIGNIF_BIT_MASK) | FRACT_HOB) >> (EXP_SHIFT - exponent)) as i32;
        if is_negative {
            if mask & d_bits == 0 { -r } else { -r - 1 }
        } else {
            r
        }
    } else if exponent < 0 {
        if d_bits & !SIGN_BIT_MASK == 0 {
            0
        } else if is_negative {
            -1
        } else {
            0
        }
    } else {
        d as i32
    }
}

/// Append Java's `Double.toString(d)` (`1.0`, `1.0E10`, `NaN`, `-Infinity`).
pub fn write_java_double(out: &mut String, d: f64) {
    let bits = d.to_bits();
    let negative = bits & SIGN_BIT_MASK != 0;
    let mut fract_bits = bits & SIGNIF_BIT_MASK;
    let mut bin_exp = ((bits & EXP_BIT_MASK) >> EXP_SHIFT) as i32;
    if bin_exp == 0x7FF {
        write_special(out, fract_bits != 0, negative);
        return;
    }
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            out.push_str(if negative { "-0.0" } else { "0.0" });
            return;
        }
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (63 - EXP_SHIFT);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 64 - leading_zeros;
    } else {
        fract_bits |= FRACT_HOB;
        n_significant_bits = EXP_SHIFT + 1;
    }
    bin_exp -= 1023;
    write_digits(out, negative, bin_exp, fract_bits, n_significant_bits);
}

const SINGLE_EXP_SHIFT: i32 = 23;
const SINGLE_FRACT_HOB: u32 = 1 << 23;

/// Append Java 17's `Float.toString(f)` (`1.1`, `3.4028235E38`, `1.4E-45`):
/// FloatingDecimal's float entry, the double digit generator fed the
/// float's 24 significant bits.
pub fn write_java_float(out: &mut String, f: f32) {
    let bits = f.to_bits();
    let negative = bits & 0x8000_0000 != 0;
    let mut fract_bits = bits & (SINGLE_FRACT_HOB - 1);
    let mut bin_exp = ((bits & 0x7F80_0000) >> SINGLE_EXP_SHIFT) as i32;
    if bin_exp == 0xFF {
        write_special(out, fract_bits != 0, negative);
        return;
    }
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            out.push_str(if negative { "-0.0" } else { "0.0" });
            return;
        }
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (31 - SINGLE_EXP_SHIFT);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 32 - leading_zeros;
    } else {
        fract_bits |= SINGLE_FRACT_HOB;
        n_significant_bits = SINGLE_EXP_SHIFT + 1;
    }
    bin_exp -= 127;
    let fract = u64::from(fract_bits) << (EXP_SHIFT - SINGLE_EXP_SHIFT);
    write_digits(out, negative, bin_exp, fract, n_significant_bits);
}

fn write_special(out: &mut String, nan: bool, negative: bool) {
    out.push_str(if nan {
        "NaN"
    } else if negative {
        "-Infinity"
    } else {
        "Infinity"
    });
}

fn write_digits(
    out: &mut String,
    negative: bool,
    bin_exp: i32,
    fract_bits: u64,
    n_significant_bits: i32,
) {
    let mut buf = Dtoa {
        digits: [b'0'; 32],
        first: 0,
        n: 0,
        dec_exponent: 0,
    };
    buf.dtoa(bin_exp, fract_bits, n_significant_bits);
    buf.write(out, negative);
}

/// Java's `Float.toString(f)`.
pub fn java_float_string(f: f32) -> String {
    let mut s = String::with_capacity(16);
    write_java_float(&mut s, f);
    s
}

/// Java's `Double.toString(d)`.
pub fn java_double_string(d: f64) -> String {
    let mut s = String::with_capacity(24);
    write_java_double(&mut s, d);
    s
}

/// Append Java's `BigDecimal.toString()` of `unscaled * 10^-scale`
/// (`1.50`, `1E+3`, `1E-7`, `0.000001`).
pub fn write_java_bigdec(out: &mut String, unscaled: &BigInt, scale: i64) {
    if unscaled.sign() == Sign::Minus {
        out.push('-');
    }
    let coeff = unscaled.magnitude().to_string();
    if scale == 0 {
        out.push_str(&coeff);
        return;
    }
    let len = coeff.len() as i64;
    let adjusted = -scale + (len - 1);
    if scale >= 0 && adjusted >= -6 {
        let pad = scale - len;
        if pad >= 0 {
            out.push_str("0.");
            for _ in 0..pad {
                out.push('0');
            }
            out.push_str(&coeff);
        } else {
            let split = (-pad) as usize;
            out.push_str(&coeff[..split]);
            out.push('.');
            out.push_str(&coeff[split..]);
        }
    } else {
        out.push_str(&coeff[..1]);
        if len > 1 {
            out.push('.');
            out.push_str(&coeff[1..]);
        }
        if adjusted != 0 {
            out.push('E');
            if adjusted > 0 {
                out.push('+');
            }
            out.push_str(&adjusted.to_string());
        }
    }
}
