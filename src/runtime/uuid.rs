//! java.util.UUID: 128 bits as Java's two signed longs, what `#uuid "..."`
//! reads to. Parsing, printing, hashing and ordering follow the JDK 17
//! class (compareTo compares the halves as signed longs).

use super::error::{ExClass, Exception, Result};
use super::gc::Ref;
use super::value::{Value, View};
use std::cmp::Ordering;

pub struct Uuid {
    msb: i64,
    lsb: i64,
}

impl Uuid {
    pub fn most_significant_bits(&self) -> i64 {
        self.msb
    }
    pub fn least_significant_bits(&self) -> i64 {
        self.lsb
    }
    /// UUID.hashCode, also its hasheq.
    pub fn java_hash(&self) -> i32 {
        let hilo = self.msb ^ self.lsb;
        ((hilo >> 32) as i32) ^ (hilo as i32)
    }
    /// UUID.compareTo.
    pub fn compare(&self, other: &Uuid) -> Ordering {
        self.msb
            .cmp(&other.msb)
            .then_with(|| self.lsb.cmp(&other.lsb))
    }
    /// UUID.version.
    pub fn version(&self) -> i64 {
        (self.msb >> 12) & 0xf
    }
    /// UUID.variant: `(lsb >>> (64 - (lsb >>> 62))) & (lsb >> 63)`.
    pub fn variant(&self) -> i64 {
        let l = self.lsb as u64;
        // Java masks a long's shift count to 6 bits.
        let shift = (64 - (l >> 62) as u32) & 63;
        ((l >> shift) as i64) & (self.lsb >> 63)
    }
}

impl std::fmt::Display for Uuid {
    /// UUID.toString: lowercase 8-4-4-4-12 hex digits.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (m, l) = (self.msb as u64, self.lsb as u64);
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            m >> 32,
            (m >> 16) & 0xffff,
            m & 0xffff,
            l >> 48,
            l & 0xffff_ffff_ffff
        )
    }
}

impl Value {
    /// A java.util.UUID from its most and least significant halves.
    pub fn uuid(msb: i64, lsb: i64) -> Value {
        Value::from(Ref::new(Uuid { msb, lsb }))
    }
    /// `(java.util.UUID/randomUUID)`: a version 4 UUID from std's randomly
    /// seeded hasher keys (no extra dependency; fine for ids, not crypto).
    pub fn random_uuid() -> Value {
        let msb = (random_u64() & !0xf000) | 0x4000;
        let lsb = (random_u64() & !(0xc000u64 << 48)) | (0x8000u64 << 48);
        Value::uuid(msb as i64, lsb as i64)
    }
    pub fn as_uuid(&self) -> Option<&Uuid> {
        match self.view() {
            View::Uuid(u) => Some(u),
            _ => None,
        }
    }
}

pub(crate) fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // Each RandomState has fresh keys (OS-seeded once per thread, then
    // incremented); hashing a counter and the clock adds more variation.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(d) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(d.as_nanos());
    }
    h.finish()
}

/// UUID.fromString (JDK 17): five dash-separated hex fields, each parsed
/// with Long.parseLong(radix 16) and masked to its width.
pub fn from_string(s: &str) -> Result<Value> {
    // String.length counts UTF-16 units.
    if s.encode_utf16().count() > 36 {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            "UUID string too large",
        ));
    }
    let parts: Vec<&str> = s.split('-').collect();
    let [a, b, c, d, e] = parts.as_slice() else {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("Invalid UUID string: {s}"),
        )
        .at_jdk(super::jdk_frame::UUID_FROM_STRING));
    };
    let mut msb = parse_hex(a)? & 0xffff_ffff;
    msb = (msb << 16) | (parse_hex(b)? & 0xffff);
    msb = (msb << 16) | (parse_hex(c)? & 0xffff);
    let mut lsb = parse_hex(d)? & 0xffff;
    lsb = (lsb << 48) | (parse_hex(e)? & 0xffff_ffff_ffff);
    Ok(Value::uuid(msb, lsb))
}

/// Long.parseLong(s, 16) for a field without '-': an optional '+', then hex
/// digits, overflow past Long.MAX_VALUE rejected with the JDK's message.
fn parse_hex(s: &str) -> Result<i64> {
    if s.is_empty() {
        return Err(Exception::new(ExClass::NumberFormatException, ""));
    }
    let at = |i: usize| {
        Exception::new(
            ExClass::NumberFormatException,
            format!("Error at index {i} in: \"{s}\""),
        )
    };
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    if chars.first().is_some_and(|c| *c < '0') {
        if chars.first() != Some(&'+') {
            return Err(at(0));
        }
        i = 1;
        if chars.len() == 1 {
            return Err(at(1));
        }
    }
    // Accumulate negatively, as the JDK does.
    let limit = -i64::MAX;
    let multmin = limit / 16;
    let mut result: i64 = 0;
    while let Some(c) = chars.get(i) {
        let Some(digit) = c.to_digit(16).map(i64::from) else {
            return Err(at(i));
        };
        if result < multmin {
            return Err(at(i));
        }
        result *= 16;
        if result < limit + digit {
            return Err(at(i));
        }
        result -= digit;
        i += 1;
    }
    Ok(-result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> std::result::Result<String, (ExClass, String)> {
        match from_string(s) {
            Ok(v) => Ok(v.as_uuid().map(|u| u.to_string()).unwrap_or_default()),
            Err(e) => Err((e.class(), e.message().unwrap_or("").to_string())),
        }
    }

    #[test]
    fn from_string_matches_jdk17() {
        // JVM: (java.util.UUID/fromString s)
        assert_eq!(
            parse("1-1-1-1-1").unwrap(),
            "00000001-0001-0001-0001-000000000001"
        );
        assert_eq!(
            parse("123E4567-E89B-12D3-A456-426614174000").unwrap(),
            "123e4567-e89b-12d3-a456-426614174000"
        );
        assert_eq!(
            parse("123e4567e-89b-12d3-a456-42661417400").unwrap(),
            "23e4567e-089b-12d3-a456-042661417400"
        );
        assert_eq!(
            parse("+1-1-1-1-1").unwrap(),
            "00000001-0001-0001-0001-000000000001"
        );
        assert_eq!(
            parse("1-1-1-1-1111111111111").unwrap(),
            "00000001-0001-0001-0001-111111111111"
        );
        assert_eq!(
            parse("1-1-1-1-7fffffffffffffff").unwrap(),
            "00000001-0001-0001-0001-ffffffffffff"
        );
        let iae = ExClass::IllegalArgumentException;
        let nfe = ExClass::NumberFormatException;
        assert_eq!(
            parse("xyz").unwrap_err(),
            (iae, "Invalid UUID string: xyz".into())
        );
        assert_eq!(
            parse("1-1-1-1-1-1").unwrap_err(),
            (iae, "Invalid UUID string: 1-1-1-1-1-1".into())
        );
        assert_eq!(
            parse("123e4567-e89b-12d3-a456-4266141740001").unwrap_err(),
            (iae, "UUID string too large".into())
        );
        assert_eq!(parse("1--1-1-1").unwrap_err(), (nfe, "".into()));
        assert_eq!(parse("----").unwrap_err(), (nfe, "".into()));
        assert_eq!(
            parse("1-1-1-1-x").unwrap_err(),
            (nfe, "Error at index 0 in: \"x\"".into())
        );
        assert_eq!(
            parse("1-1-1-1-+").unwrap_err(),
            (nfe, "Error at index 1 in: \"+\"".into())
        );
        assert_eq!(
            parse("1-1-1-1-11111111111111111").unwrap_err(),
            (nfe, "Error at index 16 in: \"11111111111111111\"".into())
        );
        assert_eq!(
            parse("1-1-1-1-ffffffffffffffff").unwrap_err(),
            (nfe, "Error at index 15 in: \"ffffffffffffffff\"".into())
        );
        assert_eq!(
            parse("123e4567-e89b-12d3-a456-42661417400g").unwrap_err(),
            (nfe, "Error at index 11 in: \"42661417400g\"".into())
        );
    }

    #[test]
    fn hash_order_and_fields_match_jdk17() {
        let u = |s: &str| from_string(s).unwrap();
        let a = u("123e4567-e89b-12d3-a456-426614174000");
        let b = u("f23e4567-e89b-12d3-a456-426614174000");
        let (a, b) = (a.as_uuid().unwrap(), b.as_uuid().unwrap());
        // JVM: (hash #uuid "...") 1256478162 / -1427876398
        assert_eq!(a.java_hash(), 1_256_478_162);
        assert_eq!(b.java_hash(), -1_427_876_398);
        // JVM: signed compare, (compare #uuid "f23e..." #uuid "123e...") -1
        assert_eq!(b.compare(a), Ordering::Less);
        assert_eq!(a.most_significant_bits(), 1_314_564_453_825_188_563);
        assert_eq!(a.least_significant_bits(), -6_605_018_797_301_088_256);
        // JVM: (.variant #uuid "...-c000-..." / "...-e000-..." / "...-0000-...") 6 7 0
        for (s, v) in [
            ("00000000-0000-0000-c000-000000000000", 6),
            ("00000000-0000-0000-e000-000000000000", 7),
            ("00000000-0000-0000-0000-000000000000", 0),
            ("1-1-1-1-1", 0),
        ] {
            assert_eq!(u(s).as_uuid().unwrap().variant(), v, "{s}");
        }
        let r = Value::random_uuid();
        let r = r.as_uuid().unwrap();
        assert_eq!((r.version(), r.variant()), (4, 2));
    }
}
