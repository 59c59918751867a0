//! The JSON reader shared by cheshire.core and clojure.data.json: text in,
//! Clojure values out. One pass over the UTF-8 bytes with an explicit stack
//! of open containers, so nesting depth costs heap, never Rust stack.
//!
//! The two libraries differ in number types, key/value hooks and error
//! reporting; `Dialect` selects which one to follow:
//! - Jackson (cheshire): integers are longs, then java.math.BigInteger;
//!   decimals are doubles (or BigDecimal when asked); errors are
//!   JsonParseException with Jackson's message and position.
//! - data.json: integers are longs, then clojure.lang.BigInt; decimals are
//!   doubles or BigDecimal (`:bigdec`); errors are java.lang.Exception /
//!   EOFException with data.json's messages.
//!
//! Known difference: a lone UTF-16 surrogate escape (`"\ud800"`) reads as
//! U+FFFD, as Rust strings hold only scalar values.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func;
use crate::runtime::number::convert::{parse_bigdec, parse_bigint};
use crate::runtime::symbol::split_ns;
use crate::runtime::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Jackson,
    DataJson,
}

/// What happens to object keys.
#[derive(Clone)]
pub(crate) enum KeyFn {
    /// Keys stay strings.
    Identity,
    /// `keyword` of the key string (split at the first `/`).
    Keyword,
    /// A Clojure fn of the key string.
    Fn(Value),
}

#[derive(Clone)]
pub(crate) struct ParseOpts {
    pub dialect: Dialect,
    pub key_fn: KeyFn,
    /// data.json's `:value-fn`: fn of key and value; returning itself
    /// drops the entry.
    pub value_fn: Option<Value>,
    /// cheshire's array-coerce-fn: fn of the array's field name (nil at
    /// top level) giving the empty collection to fill.
    pub array_coerce: Option<Value>,
    /// Decimals as BigDecimal.
    pub bigdec: bool,
}

impl ParseOpts {
    pub fn new(dialect: Dialect) -> ParseOpts {
        ParseOpts {
            dialect,
            key_fn: KeyFn::Identity,
            value_fn: None,
            array_coerce: None,
            bigdec: false,
        }
    }
}

/// An open container while parsing.
enum Frame {
    Array {
        items: Vec<Value>,
        /// The field the array is the value of (for array-coerce-fn).
        field: Value,
        /// Byte offset of its `[`, for Jackson's end-of-input message.
        start: usize,
    },
    Object {
        pairs: Vec<(Value, Value)>,
        /// The key (after key-fn) whose value is being read, and its raw
        /// string.
        key: Value,
        raw_key: Value,
        start: usize,
    },
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pub pos: usize,
    opts: &'a ParseOpts,
    /// How Jackson names the source in messages: `(StringReader)`, ...
    source_name: &'static str,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_delim(b: Option<u8>) -> bool {
    match b {
        None => true,
        Some(b) => is_ws(b) || matches!(b, b',' | b']' | b'}'),
    }
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, opts: &'a ParseOpts) -> Parser<'a> {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            opts,
            source_name: "(StringReader)",
        }
    }

    pub fn source_name(mut self, name: &'static str) -> Self {
        self.source_name = name;
        self
    }

    /// The text not consumed yet.
    pub fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skip whitespace; the next byte. data.json treats any other control
    /// char as a failed `case` (no clause for it).
    fn next_token(&mut self) -> Result<Option<u8>> {
        while let Some(b) = self.peek() {
            if is_ws(b) {
                self.pos += 1;
                continue;
            }
            if b < 32 && self.opts.dialect == Dialect::DataJson {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!("No matching clause: {b}"),
                ));
            }
            return Ok(Some(b));
        }
        Ok(None)
    }

    /// 1-based (line, column) of byte offset `at` in chars, as Jackson
    /// counts them.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let before = self.src.get(..at.min(self.src.len())).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }

    fn location(&self, at: usize) -> String {
        let (line, col) = self.line_col(at);
        format!(
            "[Source: {}; line: {line}, column: {col}]",
            self.source_name
        )
    }

    /// Jackson's error for the char at `self.pos` (reported just after it).
    fn jackson_unexpected(&self, what: &str) -> Exception {
        let c = self.rest().chars().next().unwrap_or('\u{0}');
        let after = self.pos + c.len_utf8();
        let shown = if (c as u32) < 32 {
            format!("CTRL-CHAR, code {}", c as u32)
        } else {
            format!("'{c}' (code {})", c as u32)
        };
        Exception::new(
            ExClass::JsonParseException,
            format!(
                "Unexpected character ({shown}): {what}\n at {}",
                self.location(after)
            ),
        )
    }

    fn data_json_error(msg: impl Into<String>) -> Exception {
        Exception::new(ExClass::Exception, msg)
    }

    fn eof_in_container(&self, stack: &[Frame]) -> Exception {
        match self.opts.dialect {
            Dialect::DataJson => match stack.last() {
                Some(Frame::Array { .. }) => Self::data_json_error("JSON error (invalid array)"),
                _ => Exception::new(ExClass::EOFException, "JSON error (end-of-file)"),
            },
            Dialect::Jackson => {
                let (kind, start) = match stack.last() {
                    Some(Frame::Array { start, .. }) => ("Array", self.line_col(*start)),
                    Some(Frame::Object { start, .. }) => ("Object", self.line_col(*start)),
                    None => ("Array", (1, 1)),
                };
                Exception::new(
                    ExClass::JsonEOFException,
                    format!(
                        "Unexpected end-of-input: expected close marker for {kind} (start marker at [Source: {}; line: {}, column: {}])\n at {}",
                        self.source_name,
                        start.0,
                        start.1,
                        self.location(self.src.len() + 1)
                    ),
                )
            }
        }
    }

    /// The next value, or None when only whitespace is left.
    pub fn parse_value(&mut self) -> Result<Option<Value>> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut field = Value::NIL;
        loop {
            // Read one value (or open a container).
            let b = match self.next_token()? {
                Some(b) => b,
                None if stack.is_empty() => return Ok(None),
                // data.json reads a container's values with eof-error? true.
                None if self.opts.dialect == Dialect::DataJson => {
                    return Err(Exception::new(
                        ExClass::EOFException,
                        "JSON error (end-of-file)",
                    ));
                }
                None => return Err(self.eof_in_container(&stack)),
            };
            let mut v = match b {
                b'{' => {
                    let start = self.pos;
                    self.pos += 1;
                    match self.object_key(true)? {
                        Some((key, raw_key)) => {
                            stack.push(Frame::Object {
                                pairs: Vec::new(),
                                key,
                                raw_key: raw_key.clone(),
                                start,
                            });
                            field = raw_key;
                            continue;
                        }
                        None => Value::map_from_pairs(Vec::new()),
                    }
                }
                b'[' => {
                    let start = self.pos;
                    self.pos += 1;
                    match self.next_token()? {
                        Some(b']') => {
                            self.pos += 1;
                            self.finish_array(Vec::new(), &field)?
                        }
                        Some(b',') if self.opts.dialect == Dialect::DataJson => {
                            return Err(Self::data_json_error("JSON error (invalid array)"));
                        }
                        // data.json unreads the -1 it read as the char
                        // U+FFFF, then meets that char.
                        None if self.opts.dialect == Dialect::DataJson => {
                            return Err(Self::data_json_error(
                                "JSON error (unexpected character): \u{FFFF}",
                            ));
                        }
                        None => {
                            stack.push(Frame::Array {
                                items: Vec::new(),
                                field: field.clone(),
                                start,
                            });
                            return Err(self.eof_in_container(&stack));
                        }
                        _ => {
                            stack.push(Frame::Array {
                                items: Vec::new(),
                                field: std::mem::replace(&mut field, Value::NIL),
                                start,
                            });
                            continue;
                        }
                    }
                }
                _ => self.scalar(b, &stack)?,
            };
            // Hand the value to the containers, closing those that end.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(Some(v));
                };
                match top {
                    Frame::Array { items, .. } => {
                        items.push(v);
                        match self.next_token()? {
                            Some(b',') => {
                                self.pos += 1;
                                field = Value::NIL;
                                break;
                            }
                            Some(b']') => {
                                self.pos += 1;
                                let Some(Frame::Array { items, field, .. }) = stack.pop() else {
                                    return Err(Exception::new(
                                        ExClass::IllegalStateException,
                                        "JSON parser stack out of step",
                                    ));
                                };
                                v = self.finish_array(items, &field)?;
                            }
                            None => return Err(self.eof_in_container(&stack)),
                            Some(_) => {
                                return Err(match self.opts.dialect {
                                    Dialect::DataJson => {
                                        Self::data_json_error("JSON error (invalid array)")
                                    }
                                    Dialect::Jackson => self.jackson_unexpected(
                                        "was expecting comma to separate Array entries",
                                    ),
                                });
                            }
                        }
                    }
                    Frame::Object {
                        pairs,
                        key,
                        raw_key,
                        ..
                    } => {
                        let key = std::mem::replace(key, Value::NIL);
                        let _ = raw_key;
                        match &self.opts.value_fn {
                            Some(vf) => {
                                let out = func::invoke(vf, &[key.clone(), v])?;
                                if !out.identical(vf) {
                                    pairs.push((key, out));
                                }
                            }
                            None => pairs.push((key, v)),
                        }
                        match self.next_token()? {
                            Some(b',') => {
                                self.pos += 1;
                                match self.object_key(false)? {
                                    Some((k, raw)) => {
                                        if let Some(Frame::Object { key, raw_key, .. }) =
                                            stack.last_mut()
                                        {
                                            *key = k;
                                            *raw_key = raw.clone();
                                        }
                                        field = raw;
                                        break;
                                    }
                                    None => {
                                        // data.json: `{"a":1,}`
                                        return Err(Self::data_json_error(
                                            "JSON error empty entry in object is not allowed",
                                        ));
                                    }
                                }
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                let Some(Frame::Object { pairs, .. }) = stack.pop() else {
                                    return Err(Exception::new(
                                        ExClass::IllegalStateException,
                                        "JSON parser stack out of step",
                                    ));
                                };
                                v = Value::map_from_pairs(pairs);
                            }
                            None => return Err(self.eof_in_container(&stack)),
                            Some(_) => {
                                return Err(match self.opts.dialect {
                                    Dialect::DataJson => Self::data_json_error(
                                        "JSON error (missing entry in object)",
                                    ),
                                    Dialect::Jackson => self.jackson_unexpected(
                                        "was expecting comma to separate Object entries",
                                    ),
                                });
                            }
                        }
                    }
                }
            }
        }
    }

    fn finish_array(&self, items: Vec<Value>, field: &Value) -> Result<Value> {
        match &self.opts.array_coerce {
            None => Ok(Value::vector(items)),
            Some(f) => {
                let mut coll = func::invoke(f, std::slice::from_ref(field))?;
                for x in items {
                    coll = crate::runtime::coll::ops::conj(&coll, x)?;
                }
                Ok(coll)
            }
        }
    }

    /// After `{` (first) or `,`: the next key and its raw string, having
    /// consumed the `:`; None at `}` (an empty object when `first`).
    fn object_key(&mut self, first: bool) -> Result<Option<(Value, Value)>> {
        let dj = self.opts.dialect == Dialect::DataJson;
        match self.next_token()? {
            Some(b'"') => {}
            Some(b'}') if first || dj => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b) => {
                return Err(if dj {
                    let c = self.rest().chars().next().unwrap_or(b as char);
                    Self::data_json_error(format!(
                        "JSON error (non-string key in object), found `{c}`, expected `\"`"
                    ))
                } else {
                    self.jackson_unexpected("was expecting double-quote to start field name")
                });
            }
            None => {
                // data.json's `(char -1)` of the end of input.
                return Err(if dj {
                    Exception::new(
                        ExClass::IllegalArgumentException,
                        "Value out of range for char: -1",
                    )
                } else {
                    self.eof_in_container(&[Frame::Object {
                        pairs: Vec::new(),
                        key: Value::NIL,
                        raw_key: Value::NIL,
                        start: 0,
                    }])
                });
            }
        }
        self.pos += 1;
        let raw = self.string_body()?;
        match self.next_token()? {
            Some(b':') => self.pos += 1,
            _ if dj => return Err(Self::data_json_error("JSON error (missing `:` in object)")),
            None => return Err(self.eof_in_container(&[])),
            Some(_) => {
                return Err(self
                    .jackson_unexpected("was expecting a colon to separate field name and value"));
            }
        }
        let raw_v = Value::string(raw);
        let key = match &self.opts.key_fn {
            KeyFn::Identity => raw_v.clone(),
            KeyFn::Keyword => {
                let s = raw_v.as_str().unwrap_or("");
                let (ns, n) = split_ns(s);
                Value::keyword(ns, n)
            }
            KeyFn::Fn(f) => func::invoke(f, std::slice::from_ref(&raw_v))?,
        };
        Ok(Some((key, raw_v)))
    }

    /// A string, number or literal starting with `b`.
    fn scalar(&mut self, b: u8, stack: &[Frame]) -> Result<Value> {
        let dj = self.opts.dialect == Dialect::DataJson;
        match b {
            b'"' => {
                self.pos += 1;
                Ok(Value::string(self.string_body()?))
            }
            b'-' | b'0'..=b'9' => self.number(stack.is_empty()),
            b'n' | b't' | b'f' => {
                let (word, v, name) = match b {
                    b'n' => ("null", Value::NIL, "null"),
                    b't' => ("true", Value::bool(true), "true"),
                    _ => ("false", Value::bool(false), "false"),
                };
                if self.rest().starts_with(word) {
                    self.pos += word.len();
                    if !dj {
                        // Jackson reads the whole token: `nullx` is bad.
                        if let Some(c) = self.peek()
                            && (c.is_ascii_alphanumeric() || c == b'_')
                        {
                            return Err(self.unrecognized_token());
                        }
                    }
                    return Ok(v);
                }
                Err(if dj {
                    Self::data_json_error(format!("JSON error (expected {name})"))
                } else {
                    self.unrecognized_token()
                })
            }
            _ => Err(if dj {
                let c = self.rest().chars().next().unwrap_or(b as char);
                Self::data_json_error(format!("JSON error (unexpected character): {c}"))
            } else if b.is_ascii_alphabetic() {
                self.unrecognized_token()
            } else {
                self.jackson_unexpected("expected a value")
            }),
        }
    }

    fn unrecognized_token(&mut self) -> Exception {
        let start = self.pos;
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        let token = rest.get(..len.max(1)).unwrap_or("");
        let token = if token.is_empty() {
            self.src.get(start..).unwrap_or("")
        } else {
            token
        };
        Exception::new(
            ExClass::JsonParseException,
            format!(
                "Unrecognized token '{token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at {}",
                self.location(start + token.len())
            ),
        )
    }

    fn invalid_number(&self) -> Exception {
        match self.opts.dialect {
            Dialect::DataJson => Self::data_json_error("JSON error (invalid number literal)"),
            Dialect::Jackson => {
                let c = self.rest().chars().next();
                match c {
                    None => Exception::new(
                        ExClass::JsonEOFException,
                        format!(
                            "Unexpected end-of-input in numeric value\n at {}",
                            self.location(self.src.len() + 1)
                        ),
                    ),
                    Some(_) => self.jackson_unexpected(
                        "Expected space separating root-level values or a delimiter after a number",
                    ),
                }
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number; data.json (and Jackson at the root) wants a delimiter
    /// after it, Jackson in a container leaves that to the container.
    fn number(&mut self, root: bool) -> Result<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 {
            return Err(self.invalid_number());
        }
        if n > 1 && self.bytes.get(int_start) == Some(&b'0') {
            // A leading zero.
            self.pos = int_start + 1;
            return Err(self.invalid_number());
        }
        let mut decimal = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            decimal = true;
            if self.digits() == 0 {
                return Err(self.invalid_number());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            decimal = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.invalid_number());
            }
        }
        if (root || self.opts.dialect == Dialect::DataJson) && !is_delim(self.peek()) {
            return Err(self.invalid_number());
        }
        let text = self.src.get(start..self.pos).unwrap_or("0");
        if decimal {
            if self.opts.bigdec {
                return Ok(Value::bigdec(parse_bigdec(text)?));
            }
            return Ok(Value::double(text.parse::<f64>().unwrap_or(f64::NAN)));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Ok(Value::long(n));
        }
        let big = parse_bigint(text)?;
        Ok(match self.opts.dialect {
            Dialect::Jackson => Value::biginteger(big),
            Dialect::DataJson => Value::bigint(big),
        })
    }

    /// After the opening quote: the string's text, consuming the closing
    /// quote.
    fn string_body(&mut self) -> Result<String> {
        let start = self.pos;
        // Fast path: no escapes.
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    let s = self.src.get(start..self.pos).unwrap_or("").to_string();
                    self.pos += 1;
                    return Ok(s);
                }
                b'\\' => break,
                _ => self.pos += 1,
            }
        }
        let mut out = self.src.get(start..self.pos).unwrap_or("").to_string();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.eof_in_string());
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => {
                    // Copy the run up to the next quote or backslash.
                    let run_start = self.pos;
                    while let Some(b) = self.peek() {
                        if b == b'"' || b == b'\\' {
                            break;
                        }
                        self.pos += 1;
                    }
                    out.push_str(self.src.get(run_start..self.pos).unwrap_or(""));
                }
            }
        }
    }

    fn eof_in_string(&self) -> Exception {
        match self.opts.dialect {
            Dialect::DataJson => Exception::new(
                ExClass::EOFException,
                "JSON error (end-of-file inside string)",
            ),
            Dialect::Jackson => Exception::new(
                ExClass::JsonEOFException,
                format!(
                    "Unexpected end-of-input: was expecting closing quote for a string value\n at {}",
                    self.location(self.src.len() + 1)
                ),
            ),
        }
    }

    /// After a backslash: append the escaped char.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let dj = self.opts.dialect == Dialect::DataJson;
        let Some(b) = self.peek() else {
            return Err(if dj {
                Exception::new(
                    ExClass::EOFException,
                    "JSON error (end-of-file inside escaped char)",
                )
            } else {
                self.eof_in_string()
            });
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                if (0xD800..0xDC00).contains(&hi) && self.rest().starts_with("\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        return Ok(());
                    }
                    self.pos = save;
                }
                char::from_u32(hi).unwrap_or('\u{fffd}')
            }
            _ => {
                self.pos -= 1;
                let c = self.rest().chars().next().unwrap_or('?');
                return Err(if dj {
                    Exception::new(
                        ExClass::IllegalArgumentException,
                        format!("No matching clause: {}", c as u32),
                    )
                } else {
                    Exception::new(
                        ExClass::JsonParseException,
                        format!(
                            "Unrecognized character escape '{c}' (code {})\n at {}",
                            c as u32,
                            self.location(self.pos + c.len_utf8())
                        ),
                    )
                });
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32> {
        let Some(h) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return Err(match self.opts.dialect {
                Dialect::DataJson => Exception::new(
                    ExClass::EOFException,
                    "JSON error (end-of-file inside Unicode character escape)",
                ),
                Dialect::Jackson => self.eof_in_string(),
            });
        };
        let text = std::str::from_utf8(h).unwrap_or("");
        match u32::from_str_radix(text, 16) {
            Ok(n) if text.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.pos += 4;
                Ok(n)
            }
            _ => Err(match self.opts.dialect {
                Dialect::DataJson => Exception::new(
                    ExClass::NumberFormatException,
                    format!("For input string: \"{text}\""),
                ),
                Dialect::Jackson => Exception::new(
                    ExClass::JsonParseException,
                    format!(
                        "Unexpected character ({}): expected a hex-digit for character escape sequence\n at {}",
                        text.chars()
                            .find(|c| !c.is_ascii_hexdigit())
                            .map_or(String::new(), |c| format!("'{c}' (code {})", c as u32)),
                        self.location(self.pos + 1)
                    ),
                ),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Dialect, KeyFn, ParseOpts, Parser};

    /// Every prefix and every one-byte corruption of a document parses to
    /// a value or an error in both dialects: no panic, no hang.
    #[test]
    fn truncated_and_corrupted_input_never_panics() {
        let doc = r#"{"a":[1,-2.5e3,"x\u00e9\ud83d\ude00\n",true,false,null,{}],"b":{"c":[[]]},"d":123456789012345678901}"#;
        for dialect in [Dialect::Jackson, Dialect::DataJson] {
            let mut opts = ParseOpts::new(dialect);
            opts.key_fn = KeyFn::Keyword;
            let bytes = doc.as_bytes();
            for end in 0..=bytes.len() {
                if let Ok(s) = std::str::from_utf8(&bytes[..end]) {
                    let _ = Parser::new(s, &opts).parse_value();
                }
            }
            for i in 0..bytes.len() {
                for b in [
                    b'"', b'\\', b'}', b']', b',', b':', b'x', b'0', b'-', b'.', b'e',
                ] {
                    let mut v = bytes.to_vec();
                    v[i] = b;
                    if let Ok(s) = std::str::from_utf8(&v) {
                        let _ = Parser::new(s, &opts).parse_value();
                    }
                }
            }
            let ok = Parser::new(doc, &opts).parse_value();
            assert!(matches!(ok, Ok(Some(_))));
        }
    }
}
