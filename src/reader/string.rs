//! String, regex and character literals with LispReader's escapes and
//! error messages.

use super::Reader;
use super::source::{is_macro, is_whitespace};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;

fn runtime(msg: impl Into<String>) -> Exception {
    Exception::new(ExClass::RuntimeException, msg)
}
fn illegal_arg(msg: impl Into<String>) -> Exception {
    Exception::new(ExClass::IllegalArgumentException, msg)
}

/// Collects UTF-16 code units so `\uD83D\uDE00` escapes pair up like Java
/// strings. A lone surrogate cannot live in a Rust string: it becomes
/// U+FFFD (the JVM keeps it; printing it shows `?`).
struct Utf16Builder {
    out: String,
    high: Option<u16>,
}

impl Utf16Builder {
    fn new() -> Self {
        Utf16Builder {
            out: String::new(),
            high: None,
        }
    }
    fn flush_high(&mut self) {
        if self.high.take().is_some() {
            self.out.push('\u{FFFD}');
        }
    }
    fn push_char(&mut self, c: char) {
        self.flush_high();
        self.out.push(c);
    }
    fn push_unit(&mut self, u: u32) {
        match u {
            0xD800..=0xDBFF => {
                self.flush_high();
                self.high = Some(u as u16);
            }
            0xDC00..=0xDFFF => match self.high.take() {
                Some(h) => {
                    let cp = 0x10000 + ((h as u32 - 0xD800) << 10) + (u - 0xDC00);
                    self.out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                }
                None => self.out.push('\u{FFFD}'),
            },
            _ => self.push_char(char::from_u32(u).unwrap_or('\u{FFFD}')),
        }
    }
    fn finish(mut self) -> String {
        self.flush_high();
        self.out
    }
}

impl Reader {
    /// After the opening `"`.
    pub(super) fn read_string(&mut self) -> Result<Value> {
        let mut sb = Utf16Builder::new();
        loop {
            let ch = match self.src.next() {
                None => return Err(runtime("EOF while reading string")),
                Some('"') => break,
                Some(c) => c,
            };
            if ch != '\\' {
                sb.push_char(ch);
                continue;
            }
            let esc = self
                .src
                .next()
                .ok_or_else(|| runtime("EOF while reading string"))?;
            match esc {
                't' => sb.push_char('\t'),
                'r' => sb.push_char('\r'),
                'n' => sb.push_char('\n'),
                '\\' => sb.push_char('\\'),
                '"' => sb.push_char('"'),
                'b' => sb.push_char('\u{8}'),
                'f' => sb.push_char('\u{C}'),
                'u' => {
                    let c = self.src.next();
                    match c {
                        Some(c) if c.is_ascii_hexdigit() => {
                            let u = self.read_unicode_char(c, 16, 4, true)?;
                            sb.push_unit(u);
                        }
                        Some(c) => return Err(runtime(format!("Invalid unicode escape: \\u{c}"))),
                        // Java prints (char)-1 here.
                        None => return Err(runtime("Invalid unicode escape: \\u\u{FFFF}")),
                    }
                }
                c if c.is_ascii_digit() => {
                    let u = self.read_unicode_char(c, 8, 3, false)?;
                    if u > 0o377 {
                        return Err(runtime("Octal escape sequence must be in range [0, 377]."));
                    }
                    sb.push_unit(u);
                }
                c => return Err(runtime(format!("Unsupported escape character: \\{c}"))),
            }
        }
        Ok(Value::string(sb.finish()))
    }

    /// readUnicodeChar over the stream: up to `length` digits, stopping at
    /// whitespace or a macro character.
    fn read_unicode_char(
        &mut self,
        init: char,
        base: u32,
        length: u32,
        exact: bool,
    ) -> Result<u32> {
        let mut uc = init
            .to_digit(base)
            .ok_or_else(|| illegal_arg(format!("Invalid digit: {init}")))?;
        let mut i = 1;
        while i < length {
            match self.src.peek() {
                None => {
                    self.src.touch_eof();
                    break;
                }
                Some(c) if is_whitespace(c) || is_macro(c) => break,
                Some(c) => {
                    self.src.next();
                    let d = c
                        .to_digit(base)
                        .ok_or_else(|| illegal_arg(format!("Invalid digit: {c}")))?;
                    uc = uc * base + d;
                }
            }
            i += 1;
        }
        if i != length && exact {
            return Err(illegal_arg(format!(
                "Invalid character length: {i}, should be: {length}"
            )));
        }
        Ok(uc)
    }

    /// After `#"`: backslashes are kept for the regex engine.
    pub(super) fn read_regex(&mut self) -> Result<Value> {
        let mut sb = String::new();
        loop {
            match self.src.next() {
                None => return Err(runtime("EOF while reading regex")),
                Some('"') => break,
                Some('\\') => {
                    sb.push('\\');
                    let c = self
                        .src
                        .next()
                        .ok_or_else(|| runtime("EOF while reading regex"))?;
                    sb.push(c);
                }
                Some(c) => sb.push(c),
            }
        }
        Value::regex(&sb)
    }

    /// After `\`.
    pub(super) fn read_char(&mut self) -> Result<Value> {
        let first = self
            .src
            .next()
            .ok_or_else(|| runtime("EOF while reading character"))?;
        let token = self.read_token(first);
        let units: usize = token.chars().map(char::len_utf16).sum();
        if units == 1 {
            return Ok(Value::char(first));
        }
        let named = match token.as_str() {
            "newline" => Some('\n'),
            "space" => Some(' '),
            "tab" => Some('\t'),
            "backspace" => Some('\u{8}'),
            "formfeed" => Some('\u{C}'),
            "return" => Some('\r'),
            _ => None,
        };
        if let Some(c) = named {
            return Ok(Value::char(c));
        }
        if let Some(hex) = token.strip_prefix('u') {
            let u = unicode_from_token(&token, hex, 4, 16)?;
            if (0xD800..=0xDFFF).contains(&u) {
                return Err(runtime(format!("Invalid character constant: \\u{u:x}")));
            }
            return Ok(Value::char(char::from_u32(u).unwrap_or('\u{FFFD}')));
        }
        if let Some(oct) = token.strip_prefix('o') {
            let len = oct.chars().count();
            if len > 3 {
                return Err(runtime(format!(
                    "Invalid octal escape sequence length: {len}"
                )));
            }
            let u = unicode_from_token(&token, oct, len, 8)?;
            if u > 0o377 {
                return Err(runtime("Octal escape sequence must be in range [0, 377]."));
            }
            return Ok(Value::char(char::from_u32(u).unwrap_or('\u{FFFD}')));
        }
        Err(runtime(format!("Unsupported character: \\{token}")))
    }
}

/// readUnicodeChar over a token: exactly `length` digits after the prefix.
fn unicode_from_token(token: &str, digits: &str, length: usize, base: u32) -> Result<u32> {
    if digits.chars().count() != length {
        return Err(illegal_arg(format!("Invalid unicode character: \\{token}")));
    }
    let mut uc: u32 = 0;
    for c in digits.chars() {
        let d = c
            .to_digit(base)
            .ok_or_else(|| illegal_arg(format!("Invalid digit: {c}")))?;
        uc = uc * base + d;
    }
    Ok(uc)
}
