//! `format`: the subset of java.util.Formatter that Clojure programs use.
//! %s %S %d %o %x %X %e %E %f %g %G %c %C %b %B %h %H %t %T %n %% with argument
//! indexes (`%2$s`, `%<s`), flags `-#+ 0,(`, width and precision.
//!
//! Doubles are formatted from the digits of Double.toString, rounded
//! HALF_UP, as Java's FormattedFloatingDecimal does (`(format "%.2f" 0.125)`
//! is "0.13", `(format "%.1f" 0.15)` "0.2").
//!
//! %t/%T (date-time) conversions of a Long, Date, Calendar or java.time value come from
//! `interop::format_time`.
//!
//! Known difference: Clojure's `(int x)` gives a java.lang.Integer, which %c
//! accepts; we have only longs, so %c accepts a long too (the JVM rejects a
//! Long), and %x/%o of a negative number always use 64 bits.

use super::{Def, check_arity};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::hash::java_hash_code;
use crate::runtime::number::{java_double_string, push_long};
use crate::runtime::printer::{PrintOpts, str_value, write_str};
use crate::runtime::value::{Value, View};
use num_traits::Signed;

pub(crate) const DEFS: &[Def] = &[Def::f("format", format)];

fn format(args: &[Value]) -> Result<Value> {
    check_arity("format", args, 1, None)?;
    Ok(Value::string(format_values(&args[0], &args[1..])?))
}

/// `(format fmt args...)`; `fmt` must be a string.
pub fn format_values(fmt: &Value, args: &[Value]) -> Result<String> {
    match fmt.as_str() {
        Some(f) => format_str(f, args),
        None if fmt.is_nil() => Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot invoke \"String.length()\" because \"s\" is null",
        )),
        None => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(fmt.class_name(), "java.lang.String"),
        )),
    }
}

fn ex(class: ExClass, msg: impl Into<String>) -> Exception {
    Exception::new(class, msg)
}

#[derive(Default, Clone, Copy, PartialEq)]
struct Flags {
    left: bool,
    alt: bool,
    plus: bool,
    space: bool,
    zero: bool,
    group: bool,
    paren: bool,
}

struct Spec<'a> {
    flags: Flags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
    /// The specifier text, for error messages.
    text: &'a [char],
}

impl Spec<'_> {
    fn text(&self) -> String {
        self.text.iter().collect()
    }
    /// No flags, width or precision: `%s` and `%d` of a long then append
    /// straight to the output.
    fn is_plain(&self) -> bool {
        self.flags == Flags::default() && self.width.is_none() && self.precision.is_none()
    }
}

pub fn format_str(fmt: &str, args: &[Value]) -> Result<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut ordinary = 0usize;
    let mut last: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // argument index: digits followed by '$', or '<'
        let mut index: Option<usize> = None;
        let mut relative = false;
        let digits_end = scan_digits(&chars, i);
        if digits_end > i && chars.get(digits_end) == Some(&'$') {
            let n: usize = chars[i..digits_end]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            index = Some(n);
            i = digits_end + 1;
        }
        let mut flags = Flags::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => flags.left = true,
                '#' => flags.alt = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '0' => flags.zero = true,
                ',' => flags.group = true,
                '(' => flags.paren = true,
                '<' => relative = true,
                _ => break,
            }
            i += 1;
        }
        let w_end = scan_digits(&chars, i);
        let width = if w_end > i {
            let w = chars[i..w_end].iter().collect::<String>().parse().ok();
            i = w_end;
            w
        } else {
            None
        };
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            let p_end = scan_digits(&chars, i + 1);
            if p_end == i + 1 {
                return Err(ex(
                    ExClass::UnknownFormatConversionException,
                    "Conversion = '.'",
                ));
            }
            precision = chars[i + 1..p_end].iter().collect::<String>().parse().ok();
            i = p_end;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(ex(
                ExClass::UnknownFormatConversionException,
                format!("Conversion = '{}'", "%"),
            ));
        };
        i += 1;
        // %tX / %TX: a date-time conversion with its suffix letter.
        let time_suffix = match conv {
            't' | 'T' => {
                let Some(&suffix) = chars.get(i) else {
                    return Err(ex(
                        ExClass::UnknownFormatConversionException,
                        format!("Conversion = '{conv}'"),
                    ));
                };
                i += 1;
                Some(suffix)
            }
            _ => None,
        };
        let text = &chars[start..i];
        let spec = Spec {
            flags,
            width,
            precision,
            conv,
            text,
        };
        match conv {
            '%' => {
                check_width(&spec)?;
                out.push_str(&justify("%".into(), &spec));
                continue;
            }
            'n' => {
                out.push('\n');
                continue;
            }
            'b' | 'B' | 'h' | 'H' | 's' | 'S' | 'c' | 'C' | 'd' | 'o' | 'x' | 'X' | 'e' | 'E'
            | 'f' | 'g' | 'G' | 't' | 'T' => {}
            _ => {
                return Err(ex(
                    ExClass::UnknownFormatConversionException,
                    format!("Conversion = '{conv}'"),
                ));
            }
        }
        check_width(&spec)?;
        let at = if relative {
            last
        } else if let Some(n) = index {
            n.checked_sub(1)
        } else {
            ordinary += 1;
            Some(ordinary - 1)
        };
        let arg = match at.and_then(|k| args.get(k)) {
            Some(a) => a,
            None => {
                return Err(ex(
                    ExClass::MissingFormatArgumentException,
                    format!("Format specifier '{}'", spec.text()),
                ));
            }
        };
        last = at;
        if let Some(suffix) = time_suffix {
            no_precision(&spec)?;
            let t = crate::interop::format_time(suffix, arg)?;
            out.push_str(&justify(upper_if(t, conv), &spec));
            continue;
        }
        if spec.is_plain() {
            match (conv, arg.view()) {
                ('s', View::Nil) => out.push_str("null"),
                ('s', _) => write_str(&mut out, arg, &PrintOpts::PR)?,
                ('d', View::Long(n)) => push_long(&mut out, n),
                _ => out.push_str(&format_one(&spec, arg)?),
            }
            continue;
        }
        out.push_str(&format_one(&spec, arg)?);
    }
    Ok(out)
}

fn scan_digits(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
    }
    i
}

/// `-` and `0` need a width.
fn check_width(spec: &Spec) -> Result<()> {
    if (spec.flags.left || spec.flags.zero) && spec.width.is_none() {
        return Err(ex(ExClass::MissingFormatWidthException, spec.text()));
    }
    Ok(())
}

fn justify(s: String, spec: &Spec) -> String {
    let len = s.chars().count();
    match spec.width {
        Some(w) if w > len => {
            let pad = " ".repeat(w - len);
            if spec.flags.left { s + &pad } else { pad + &s }
        }
        _ => s,
    }
}

fn upper_if(s: String, conv: char) -> String {
    if conv.is_ascii_uppercase() {
        s.to_uppercase()
    } else {
        s
    }
}

fn mismatch(conv: char, arg: &Value) -> Exception {
    ex(
        ExClass::IllegalFormatConversionException,
        format!("{} != {}", conv.to_ascii_lowercase(), arg.class_name()),
    )
}

fn no_precision(spec: &Spec) -> Result<()> {
    match spec.precision {
        Some(p) => Err(ex(ExClass::IllegalFormatPrecisionException, p.to_string())),
        None => Ok(()),
    }
}

fn truncate(s: String, precision: Option<usize>) -> String {
    match precision {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    }
}

fn format_one(spec: &Spec, arg: &Value) -> Result<String> {
    let conv = spec.conv;
    let s = match conv.to_ascii_lowercase() {
        'b' => {
            let b = match arg.view() {
                View::Nil => false,
                View::Bool(b) => b,
                _ => true,
            };
            truncate(b.to_string(), spec.precision)
        }
        'h' => {
            let h = match arg.view() {
                View::Nil => "null".to_string(),
                _ => format!("{:x}", java_hash_code(arg)? as u32),
            };
            truncate(h, spec.precision)
        }
        's' => {
            let s = match arg.view() {
                View::Nil => "null".to_string(),
                _ => str_value(arg)?,
            };
            truncate(s, spec.precision)
        }
        'c' => {
            no_precision(spec)?;
            match arg.view() {
                View::Nil => "null".to_string(),
                View::Char(c) => c.to_string(),
                View::Long(n) => match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(c) => c.to_string(),
                    None => {
                        return Err(ex(
                            ExClass::IllegalFormatException,
                            format!("Code point = 0x{n:x}"),
                        ));
                    }
                },
                _ => return Err(mismatch(conv, arg)),
            }
        }
        'd' | 'o' | 'x' => {
            no_precision(spec)?;
            return integral(spec, arg);
        }
        _ => return floating(spec, arg),
    };
    Ok(justify(upper_if(s, conv), spec))
}

/// Group the digits of an integer part by threes with ','.
fn group(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Sign, zero padding and justification of a formatted magnitude.
fn finish_number(spec: &Spec, neg: bool, body: String) -> String {
    let f = spec.flags;
    let (prefix, suffix) = if neg {
        if f.paren { ("(", ")") } else { ("-", "") }
    } else if f.plus {
        ("+", "")
    } else if f.space {
        (" ", "")
    } else {
        ("", "")
    };
    let mut body = body;
    if f.zero
        && let Some(w) = spec.width
    {
        let used = prefix.len() + suffix.len() + body.chars().count();
        if w > used {
            body = "0".repeat(w - used) + &body;
        }
    }
    justify(format!("{prefix}{body}{suffix}"), spec)
}

fn integral(spec: &Spec, arg: &Value) -> Result<String> {
    let n = match arg.view() {
        View::Nil => return Ok(justify("null".into(), spec)),
        View::Long(n) => n,
        View::BigInteger(b) => return Ok(big_integral(spec, b)),
        _ => return Err(mismatch(spec.conv, arg)),
    };
    match spec.conv {
        'd' => {
            let mut digits = n.unsigned_abs().to_string();
            if spec.flags.group {
                digits = group(&digits);
            }
            Ok(finish_number(spec, n < 0, digits))
        }
        c => {
            // Long, Integer, Short and Byte in octal/hex are unsigned two's
            // complement at their width (`%X` of `(byte -1)` is FF); no
            // sign flags.
            let bits = crate::runtime::number::twos_complement(arg).unwrap_or(n as u64);
            let mut body = if c == 'o' {
                format!("{bits:o}")
            } else {
                format!("{bits:x}")
            };
            let prefix = match (spec.flags.alt, c) {
                (true, 'o') => "0",
                (true, _) => "0x",
                _ => "",
            };
            if spec.flags.zero
                && let Some(w) = spec.width
            {
                let used = prefix.len() + body.len();
                if w > used {
                    body = "0".repeat(w - used) + &body;
                }
            }
            Ok(justify(upper_if(format!("{prefix}{body}"), c), spec))
        }
    }
}

/// A java.math.BigInteger under %d/%o/%x: signed in every radix
/// (`(format "%x" (biginteger -10))` is "-a").
fn big_integral(spec: &Spec, b: &num_bigint::BigInt) -> String {
    let neg = b.is_negative();
    let mag = b.magnitude();
    let body = match spec.conv {
        'd' => {
            let digits = mag.to_string();
            if spec.flags.group {
                group(&digits)
            } else {
                digits
            }
        }
        c => {
            let (radix, prefix) = if c == 'o' { (8, "0") } else { (16, "0x") };
            let digits = mag.to_str_radix(radix);
            let prefix = if spec.flags.alt { prefix } else { "" };
            upper_if(format!("{prefix}{digits}"), c)
        }
    };
    finish_number(spec, neg, body)
}

/// A decimal number `0.d1d2d3... * 10^point`; `digits` has no leading zero
/// (empty means zero).
struct Decimal {
    neg: bool,
    digits: Vec<u8>,
    point: i64,
}

impl Decimal {
    /// The digits of Double.toString(d) (finite d).
    fn from_f64(d: f64) -> Decimal {
        let s = java_double_string(d.abs());
        let (mant, exp) = match s.split_once('E') {
            Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
            None => (s.as_str(), 0),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        Decimal::from_parts(d.is_sign_negative(), int, frac, exp)
    }
    /// `int.frac * 10^exp` from decimal digit strings.
    fn from_parts(neg: bool, int: &str, frac: &str, exp: i64) -> Decimal {
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let mut point = int.len() as i64 + exp;
        let lead = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..lead);
        point -= lead as i64;
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.is_empty() {
            point = 0;
        }
        Decimal { neg, digits, point }
    }
    fn from_bigdec(unscaled: &num_bigint::BigInt, scale: i64) -> Decimal {
        let s = unscaled.abs().to_string();
        Decimal::from_parts(unscaled.is_negative(), &s, "", -scale)
    }
    /// Keep `keep` leading digits, rounding HALF_UP.
    fn round_digits(&mut self, keep: i64) {
        if keep < 0 {
            self.digits.clear();
            self.point = 0;
            return;
        }
        let keep = keep as usize;
        if keep >= self.digits.len() {
            return;
        }
        let up = self.digits[keep] >= 5;
        self.digits.truncate(keep);
        if up {
            let mut i = keep;
            loop {
                if i == 0 {
                    self.digits.insert(0, 1);
                    self.point += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
    }
    fn digit(&self, i: i64) -> char {
        if i < 0 {
            return '0';
        }
        match self.digits.get(i as usize) {
            Some(d) => char::from(b'0' + d),
            None => '0',
        }
    }
    /// Fixed notation with `frac` digits after the point.
    fn fixed(&mut self, frac: usize, grouping: bool) -> String {
        self.round_digits(self.point + frac as i64);
        let mut int = String::new();
        if self.point <= 0 {
            int.push('0');
        } else {
            for i in 0..self.point {
                int.push(self.digit(i));
            }
        }
        if grouping {
            int = group(&int);
        }
        if frac > 0 {
            int.push('.');
            for i in 0..frac as i64 {
                int.push(self.digit(self.point + i));
            }
        }
        int
    }
    /// Scientific notation with `frac` mantissa digits after the point.
    fn scientific(&mut self, frac: usize) -> String {
        self.round_digits(frac as i64 + 1);
        let exp = if self.digits.is_empty() {
            0
        } else {
            self.point - 1
        };
        let mut s = String::new();
        s.push(self.digit(0));
        if frac > 0 {
            s.push('.');
            for i in 1..=frac as i64 {
                s.push(self.digit(i));
            }
        }
        s.push('e');
        s.push(if exp < 0 { '-' } else { '+' });
        s.push_str(&format!("{:02}", exp.abs()));
        s
    }
}

fn floating(spec: &Spec, arg: &Value) -> Result<String> {
    let conv = spec.conv;
    let value = match arg.view() {
        // Formatter prints a Float through its double value.
        View::Float(f) => Some(f64::from(f)),
        View::Double(d) => Some(d),
        _ => None,
    };
    let mut dec = match arg.view() {
        View::Nil => return Ok(justify("null".into(), spec)),
        _ if let Some(d) = value => {
            if !d.is_finite() {
                let s = if d.is_nan() {
                    "NaN".to_string()
                } else if d < 0.0 {
                    if spec.flags.paren {
                        "(Infinity)".into()
                    } else {
                        "-Infinity".into()
                    }
                } else if spec.flags.plus {
                    "+Infinity".into()
                } else if spec.flags.space {
                    " Infinity".into()
                } else {
                    "Infinity".into()
                };
                return Ok(justify(upper_if(s, conv), spec));
            }
            Decimal::from_f64(d)
        }
        View::BigDec(b) => {
            let (u, scale) = b.as_bigint_and_exponent();
            Decimal::from_bigdec(&u, scale)
        }
        _ => return Err(mismatch(conv, arg)),
    };
    // Java keeps the sign of values that round to zero (-0.0 is "-0.00").
    let neg = dec.neg;
    let body = match conv.to_ascii_lowercase() {
        'f' => dec.fixed(spec.precision.unwrap_or(6), spec.flags.group),
        'e' => dec.scientific(spec.precision.unwrap_or(6)),
        _ => {
            // %g: precision significant digits, fixed or scientific by the
            // rounded exponent.
            let prec = match spec.precision {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            } as i64;
            let mut probe = Decimal {
                neg: false,
                digits: dec.digits.clone(),
                point: dec.point,
            };
            probe.round_digits(prec);
            let exp = if probe.digits.is_empty() {
                0
            } else {
                probe.point - 1
            };
            if (-4..prec).contains(&exp) {
                dec.fixed((prec - exp - 1) as usize, spec.flags.group)
            } else {
                dec.scientific((prec - 1) as usize)
            }
        }
    };
    Ok(upper_if(finish_number(spec, neg, body), conv))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: &[Value]) -> String {
        format_str(fmt, args).unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn java_formatter_cases() {
        // JVM 1.11.1 (clojure.core/format), see tests/golden/string_format.clj
        let d = Value::double;
        let l = Value::long;
        assert_eq!(f("%.2f", &[d(1.005)]), "1.01");
        assert_eq!(f("%.2f", &[d(0.125)]), "0.13");
        assert_eq!(f("%.1f", &[d(0.15)]), "0.2");
        assert_eq!(f("%e", &[d(12345.678)]), "1.234568e+04");
        assert_eq!(f("%g", &[d(12345.678)]), "12345.7");
        assert_eq!(f("%g", &[d(0.00001234)]), "1.23400e-05");
        assert_eq!(
            f(
                "%10.3f|%-8s|%08d|%+d|%,d|%x|%X|%o|%(d",
                &[
                    d("3.14159".parse().unwrap_or(0.0)),
                    Value::string("ab"),
                    l(42),
                    l(5),
                    l(1234567),
                    l(255),
                    l(255),
                    l(8),
                    l(-5)
                ]
            ),
            "     3.142|ab      |00000042|+5|1,234,567|ff|FF|10|(5)"
        );
        assert_eq!(f("%x", &[l(-1)]), "ffffffffffffffff");
        assert_eq!(f("%,.2f", &[d(1234567.891)]), "1,234,567.89");
        assert_eq!(f("%.0f %.0f %.0f", &[d(0.5), d(1.5), d(2.5)]), "1 2 3");
        assert_eq!(f("%f", &[d(1.0E20)]), "100000000000000000000.000000");
        assert_eq!(f("%.3e", &[d(0.0)]), "0.000e+00");
        assert_eq!(f("%010.2f", &[d(-3.5)]), "-000003.50");
        assert_eq!(f("%#x %#o", &[l(255), l(8)]), "0xff 010");
        assert_eq!(f("%.2e", &[d(9.999)]), "1.00e+01");
        assert_eq!(f("%g", &[d(100000.0)]), "100000");
        assert_eq!(f("%g", &[d(1000000.0)]), "1.00000e+06");
        assert_eq!(f("%.3g", &[d(0.0001)]), "0.000100");
        assert_eq!(f("%5.2f", &[d(f64::INFINITY)]), "Infinity");
        assert_eq!(f("%2$s %1$s", &[l(1), l(2)]), "2 1");
        assert_eq!(f("%5.1s|", &[Value::string("hello")]), "    h|");
        assert_eq!(f("%-5d|%5s|", &[l(3), Value::NIL]), "3    | null|");
        assert_eq!(
            f("%d", &[d(1.0)]),
            "ERR java.util.IllegalFormatConversionException: d != java.lang.Double"
        );
        assert_eq!(
            f("%s", &[]),
            "ERR java.util.MissingFormatArgumentException: Format specifier '%s'"
        );
        assert_eq!(
            f("%q", &[l(1)]),
            "ERR java.util.UnknownFormatConversionException: Conversion = 'q'"
        );
    }
}
