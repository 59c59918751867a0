//! Bencode, nREPL's wire format: integers `i42e`, byte strings `3:abc`,
//! lists `l...e`, dictionaries `d...e` (keys are byte strings, sorted).
//!
//! The decoder reads from an untrusted socket: a message larger than
//! [`MAX_MESSAGE`] bytes or nested deeper than [`MAX_DEPTH`] is an error,
//! and malformed input is an error, never a panic.

use std::collections::BTreeMap;
use std::io::{BufRead, Read};

/// The largest message accepted (a `load-file` of a big source file fits).
pub const MAX_MESSAGE: usize = 64 << 20;
/// The deepest nesting of lists and dictionaries accepted.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bencode {
    Int(i64),
    Bytes(Vec<u8>),
    List(Vec<Bencode>),
    Dict(BTreeMap<Vec<u8>, Bencode>),
}

#[derive(Debug)]
pub enum DecodeError {
    /// The stream ended cleanly between messages.
    Eof,
    Io(std::io::Error),
    /// Not bencode (or ended inside a message).
    Malformed(String),
    TooLarge,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Eof => write!(f, "end of stream"),
            DecodeError::Io(e) => write!(f, "{e}"),
            DecodeError::Malformed(m) => write!(f, "malformed bencode: {m}"),
            DecodeError::TooLarge => write!(f, "message larger than {MAX_MESSAGE} bytes"),
        }
    }
}

impl Bencode {
    pub fn str(s: &str) -> Bencode {
        Bencode::Bytes(s.as_bytes().to_vec())
    }
    /// A list of strings (statuses, arglists...).
    pub fn strs<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Bencode {
        Bencode::List(
            items
                .into_iter()
                .map(|s| Bencode::str(s.as_ref()))
                .collect(),
        )
    }
    /// The text of a byte string (invalid UTF-8 replaced).
    pub fn as_str(&self) -> Option<String> {
        match self {
            Bencode::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        }
    }
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Bencode::Int(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_dict(&self) -> Option<&BTreeMap<Vec<u8>, Bencode>> {
        match self {
            Bencode::Dict(d) => Some(d),
            _ => None,
        }
    }
    /// `self[key]` of a dictionary.
    pub fn get(&self, key: &str) -> Option<&Bencode> {
        self.as_dict()?.get(key.as_bytes())
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }

    fn encode_into(&self, out: &mut Vec<u8>) {
        match self {
            Bencode::Int(n) => out.extend_from_slice(format!("i{n}e").as_bytes()),
            Bencode::Bytes(b) => {
                out.extend_from_slice(format!("{}:", b.len()).as_bytes());
                out.extend_from_slice(b);
            }
            Bencode::List(items) => {
                out.push(b'l');
                for i in items {
                    i.encode_into(out);
                }
                out.push(b'e');
            }
            Bencode::Dict(d) => {
                out.push(b'd');
                for (k, v) in d {
                    out.extend_from_slice(format!("{}:", k.len()).as_bytes());
                    out.extend_from_slice(k);
                    v.encode_into(out);
                }
                out.push(b'e');
            }
        }
    }
}

/// Build a dictionary from `(key, value)` pairs.
pub fn dict<'a>(pairs: impl IntoIterator<Item = (&'a str, Bencode)>) -> Bencode {
    Bencode::Dict(
        pairs
            .into_iter()
            .map(|(k, v)| (k.as_bytes().to_vec(), v))
            .collect(),
    )
}

/// Reads one message at a time, counting its bytes against the limit.
struct Decoder<'a, R: BufRead> {
    input: &'a mut R,
    read: usize,
}

impl<R: BufRead> Decoder<'_, R> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let mut b = [0u8; 1];
        loop {
            return match self.input.read(&mut b) {
                Ok(0) => Err(DecodeError::Malformed("unexpected end of input".into())),
                Ok(_) => {
                    self.read += 1;
                    if self.read > MAX_MESSAGE {
                        return Err(DecodeError::TooLarge);
                    }
                    Ok(b[0])
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => Err(DecodeError::Io(e)),
            };
        }
    }

    /// Digits up to `end`, as a number (with an optional leading `-`).
    fn number(&mut self, first: u8, end: u8) -> Result<i64, DecodeError> {
        let mut text = String::new();
        let mut c = first;
        while c != end {
            if !(c.is_ascii_digit() || (c == b'-' && text.is_empty())) || text.len() > 20 {
                return Err(DecodeError::Malformed(format!(
                    "unexpected byte {c:#04x} in a number"
                )));
            }
            text.push(c as char);
            c = self.byte()?;
        }
        text.parse::<i64>()
            .map_err(|_| DecodeError::Malformed(format!("bad number {text:?}")))
    }

    fn bytes(&mut self, first: u8) -> Result<Vec<u8>, DecodeError> {
        let n = self.number(first, b':')?;
        let n = usize::try_from(n)
            .map_err(|_| DecodeError::Malformed("negative string length".into()))?;
        if self.read.saturating_add(n) > MAX_MESSAGE {
            return Err(DecodeError::TooLarge);
        }
        // Grows as bytes arrive: a length claimed but never sent costs nothing.
        let mut buf = Vec::new();
        let got = (&mut *self.input)
            .take(n as u64)
            .read_to_end(&mut buf)
            .map_err(DecodeError::Io)?;
        if got < n {
            return Err(DecodeError::Malformed("unexpected end of input".into()));
        }
        self.read += n;
        Ok(buf)
    }

    fn value(&mut self, first: u8, depth: usize) -> Result<Bencode, DecodeError> {
        if depth > MAX_DEPTH {
            return Err(DecodeError::Malformed("nested too deeply".into()));
        }
        match first {
            b'i' => {
                let c = self.byte()?;
                Ok(Bencode::Int(self.number(c, b'e')?))
            }
            b'0'..=b'9' => Ok(Bencode::Bytes(self.bytes(first)?)),
            b'l' => {
                let mut items = Vec::new();
                loop {
                    let c = self.byte()?;
                    if c == b'e' {
                        return Ok(Bencode::List(items));
                    }
                    items.push(self.value(c, depth + 1)?);
                }
            }
            b'd' => {
                let mut d = BTreeMap::new();
                loop {
                    let c = self.byte()?;
                    if c == b'e' {
                        return Ok(Bencode::Dict(d));
                    }
                    if !c.is_ascii_digit() {
                        return Err(DecodeError::Malformed(
                            "dictionary key is not a string".into(),
                        ));
                    }
                    let k = self.bytes(c)?;
                    let c = self.byte()?;
                    let v = self.value(c, depth + 1)?;
                    d.insert(k, v);
                }
            }
            c => Err(DecodeError::Malformed(format!("unexpected byte {c:#04x}"))),
        }
    }
}

/// Read one value; `Eof` when the stream ends before it starts.
pub fn read<R: BufRead>(input: &mut R) -> Result<Bencode, DecodeError> {
    let mut d = Decoder { input, read: 0 };
    let first = match d.byte() {
        Ok(b) => b,
        Err(DecodeError::Malformed(_)) => return Err(DecodeError::Eof),
        Err(e) => return Err(e),
    };
    d.value(first, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(b: &[u8]) -> Result<Bencode, DecodeError> {
        read(&mut std::io::Cursor::new(b))
    }

    #[test]
    fn round_trips() {
        let v = dict([
            ("op", Bencode::str("eval")),
            ("n", Bencode::Int(-42)),
            ("l", Bencode::List(vec![Bencode::str("é"), Bencode::Int(0)])),
            ("d", dict([])),
        ]);
        let bytes = v.encode();
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            "d1:dde1:ll2:éi0ee1:ni-42e2:op4:evale"
        );
        assert_eq!(decode(&bytes).ok(), Some(v));
    }

    #[test]
    fn rejects_bad_input_without_panicking() {
        for bad in [
            &b"x"[..],
            b"i12",
            b"i1x2e",
            b"i99999999999999999999999e",
            b"5:ab",
            b"-1:a",
            b"d1:a",
            b"di1ei2ee",
            b"l",
            b"99999999999:",
        ] {
            assert!(decode(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
        assert!(matches!(decode(b""), Err(DecodeError::Eof)));
        let deep = "l".repeat(1000);
        assert!(decode(deep.as_bytes()).is_err());
        let huge = format!("{}:", MAX_MESSAGE + 1);
        assert!(matches!(
            decode(huge.as_bytes()),
            Err(DecodeError::TooLarge)
        ));
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let mut bytes = Vec::with_capacity(len);
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.push(b"ild0123456789e:-x"[(seed % 17) as usize]);
            }
            let _ = decode(&bytes);
        }
    }
}
