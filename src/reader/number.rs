//! Number literals: LispReader.matchNumber (intPat, floatPat, ratioPat).

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::number::{BigInt, parse_bigdec, read_ratio};
use crate::runtime::value::Value;
use num_traits::{ToPrimitive, Zero};

fn nfe(msg: String) -> Exception {
    Exception::new(ExClass::NumberFormatException, msg)
}

/// Parse a number token; `Err` carries the JVM's exception.
pub(crate) fn parse_number(s: &str) -> Result<Value> {
    match match_number(s)? {
        Some(v) => Ok(v),
        None => Err(nfe(format!("Invalid number: {s}"))),
    }
}

fn all(s: &str, f: impl Fn(u8) -> bool) -> bool {
    !s.is_empty() && s.bytes().all(f)
}

/// A BigInteger's value as a long when it fits, else a BigInt.
fn integer_value(n: BigInt, force_big: bool) -> Value {
    if force_big {
        return Value::bigint(n);
    }
    match n.to_i64() {
        Some(l) => Value::long(l),
        None => Value::bigint(n),
    }
}

/// `new BigInteger(digits, radix)` with Java's error messages.
fn big_integer(digits: &str, radix: u32) -> Result<BigInt> {
    if !(2..=36).contains(&radix) {
        return Err(nfe("Radix out of range".into()));
    }
    match BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(n) if all(digits, |b| (b as char).is_digit(radix)) => Ok(n),
        _ => Err(nfe(format!(
            "For input string: \"{digits}\"{}",
            if radix == 10 {
                String::new()
            } else {
                format!(" under radix {radix}")
            }
        ))),
    }
}

/// Outcome of intPat: no match, a match that yields no number (`08`), or
/// a number.
enum IntMatch {
    NoMatch,
    Null,
    Number(Value),
}

fn match_number(s: &str) -> Result<Option<Value>> {
    match match_int(s)? {
        IntMatch::Number(v) => return Ok(Some(v)),
        IntMatch::Null => return Ok(None),
        IntMatch::NoMatch => {}
    }
    if let Some(v) = match_float(s) {
        return Ok(Some(v));
    }
    match_ratio(s)
}

/// intPat: `([-+]?)(?:(0)|([1-9][0-9]*)|0[xX]([0-9A-Fa-f]+)|0([0-7]+)|
/// ([1-9][0-9]?)[rR]([0-9A-Za-z]+)|0[0-9]+)(N)?`
fn match_int(s: &str) -> Result<IntMatch> {
    let (negate, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (body, big) = match body.strip_suffix('N') {
        Some(b) => (b, true),
        None => (body, false),
    };
    if body.is_empty() {
        return Ok(IntMatch::NoMatch);
    }
    let finish = |n: BigInt| {
        let n = if negate { -n } else { n };
        IntMatch::Number(integer_value(n, big))
    };
    if body == "0" {
        return Ok(IntMatch::Number(if big {
            Value::bigint(BigInt::zero())
        } else {
            Value::long(0)
        }));
    }
    let b = body.as_bytes();
    if b[0] != b'0' && all(body, |c| c.is_ascii_digit()) {
        return Ok(finish(big_integer(body, 10)?));
    }
    if b[0] == b'0' {
        let rest = &body[1..];
        if let Some(hex) = rest.strip_prefix(['x', 'X']) {
            if all(hex, |c| c.is_ascii_hexdigit()) {
                return Ok(finish(big_integer(hex, 16)?));
            }
            return Ok(IntMatch::NoMatch);
        }
        if all(rest, |c| (b'0'..=b'7').contains(&c)) {
            return Ok(finish(big_integer(rest, 8)?));
        }
        // `0[0-9]+` matches but yields no number ("Invalid number: 08").
        if all(rest, |c| c.is_ascii_digit()) {
            return Ok(IntMatch::Null);
        }
        return Ok(IntMatch::NoMatch);
    }
    // ([1-9][0-9]?)[rR]([0-9A-Za-z]+)
    if let Some(r) = body.find(['r', 'R']) {
        let (radix, digits) = (&body[..r], &body[r + 1..]);
        if (1..=2).contains(&radix.len())
            && radix.as_bytes()[0] != b'0'
            && all(radix, |c| c.is_ascii_digit())
            && all(digits, |c| c.is_ascii_alphanumeric())
        {
            let radix: u32 = radix.parse().unwrap_or(0);
            return Ok(finish(big_integer(digits, radix)?));
        }
    }
    Ok(IntMatch::NoMatch)
}

/// floatPat: `([-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)(M)?`
fn match_float(s: &str) -> Option<Value> {
    let (num, decimal) = match s.strip_suffix('M') {
        Some(n) => (n, true),
        None => (s, false),
    };
    let b = num.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'-' | b'+')) {
        i += 1;
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        return None;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let es = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == es {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    if decimal {
        // `new BigDecimal(String)`, with Java's scale rules.
        return parse_bigdec(num).ok().map(Value::bigdec);
    }
    // Rust's parser accepts every string floatPat admits ("1." included).
    num.parse::<f64>().ok().map(Value::double)
}

/// ratioPat: `([-+]?[0-9]+)/([0-9]+)`, normalised as Numbers.divide does.
fn match_ratio(s: &str) -> Result<Option<Value>> {
    let Some((n, d)) = s.split_once('/') else {
        return Ok(None);
    };
    let n_digits = n.strip_prefix(['-', '+']).unwrap_or(n);
    if !all(n_digits, |c| c.is_ascii_digit()) || !all(d, |c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let num = big_integer(n_digits, 10)?;
    let num = if n.starts_with('-') { -num } else { num };
    let den = big_integer(d, 10)?;
    // Numbers.divide on the parts reduced to longs: `4/2` is the long 2,
    // `1/0` throws "Divide by zero".
    read_ratio(num, den).map(Some)
}
