//! java.nio.charset.Charset and StandardCharsets: text to bytes and back
//! in the charsets every JDK has, with Java's replacement rules (an
//! unmappable char encodes as `?`, a malformed byte decodes as U+FFFD).

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::Ref;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

/// One of the standard charsets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Charset {
    Utf8,
    UsAscii,
    Latin1,
    Utf16,
    Utf16Be,
    Utf16Le,
}

/// (canonical name, the JDK's class, StandardCharsets field, aliases).
const TABLE: &[(Charset, &str, &str, &str, &[&str])] = &[
    (
        Charset::Utf8,
        "UTF-8",
        "sun.nio.cs.UTF_8",
        "UTF_8",
        &["UTF8", "unicode-1-1-utf-8"],
    ),
    (
        Charset::UsAscii,
        "US-ASCII",
        "sun.nio.cs.US_ASCII",
        "US_ASCII",
        &[
            "ASCII",
            "ascii7",
            "646",
            "iso-ir-6",
            "ISO646-US",
            "us",
            "cp367",
            "csASCII",
        ],
    ),
    (
        Charset::Latin1,
        "ISO-8859-1",
        "sun.nio.cs.ISO_8859_1",
        "ISO_8859_1",
        &[
            "ISO8859_1",
            "ISO_8859_1",
            "ISO8859-1",
            "latin1",
            "l1",
            "8859_1",
            "cp819",
            "IBM819",
        ],
    ),
    (
        Charset::Utf16,
        "UTF-16",
        "sun.nio.cs.UTF_16",
        "UTF_16",
        &["UTF_16", "utf16", "unicode"],
    ),
    (
        Charset::Utf16Be,
        "UTF-16BE",
        "sun.nio.cs.UTF_16BE",
        "UTF_16BE",
        &["UTF_16BE", "X-UTF-16BE"],
    ),
    (
        Charset::Utf16Le,
        "UTF-16LE",
        "sun.nio.cs.UTF_16LE",
        "UTF_16LE",
        &["UTF_16LE", "X-UTF-16LE"],
    ),
];

impl Charset {
    fn row(
        self,
    ) -> &'static (
        Charset,
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    ) {
        // Every variant has a row.
        TABLE.iter().find(|r| r.0 == self).unwrap_or(&TABLE[0])
    }
    pub fn name(self) -> &'static str {
        self.row().1
    }
    /// A charset by name or alias, ignoring case (Charset.forName).
    pub fn lookup(name: &str) -> Option<Charset> {
        TABLE
            .iter()
            .find(|r| {
                r.1.eq_ignore_ascii_case(name) || r.4.iter().any(|a| a.eq_ignore_ascii_case(name))
            })
            .map(|r| r.0)
    }

    /// String.getBytes in this charset.
    pub fn encode(self, s: &str) -> Vec<u8> {
        match self {
            Charset::Utf8 => s.as_bytes().to_vec(),
            Charset::UsAscii => s
                .encode_utf16()
                .map(|u| if u < 0x80 { u as u8 } else { b'?' })
                .collect(),
            Charset::Latin1 => s
                .encode_utf16()
                .map(|u| if u < 0x100 { u as u8 } else { b'?' })
                .collect(),
            Charset::Utf16 => {
                let mut out = vec![0xFE, 0xFF];
                out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
                out
            }
            Charset::Utf16Be => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            Charset::Utf16Le => s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        }
    }

    /// new String(bytes, charset).
    pub fn decode(self, b: &[u8]) -> String {
        match self {
            Charset::Utf8 => String::from_utf8_lossy(b).into_owned(),
            Charset::UsAscii => b
                .iter()
                .map(|&c| if c < 0x80 { c as char } else { '\u{fffd}' })
                .collect(),
            Charset::Latin1 => b.iter().map(|&c| c as char).collect(),
            Charset::Utf16 => match b {
                [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
                [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
                _ => utf16(b, u16::from_be_bytes),
            },
            Charset::Utf16Be => utf16(b, u16::from_be_bytes),
            Charset::Utf16Le => utf16(b, u16::from_le_bytes),
        }
    }
}

fn utf16(b: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let chunks = b.chunks_exact(2);
    let odd = !chunks.remainder().is_empty();
    let mut s = String::from_utf16_lossy(&chunks.map(|p| unit([p[0], p[1]])).collect::<Vec<_>>());
    if odd {
        s.push('\u{fffd}');
    }
    s
}

impl ForeignObject for Charset {
    fn java_string(&self, _object: &str) -> String {
        self.name().to_string()
    }
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        Some(other.downcast_ref::<Charset>() == Some(self))
    }
}

fn value(c: Charset) -> Value {
    Value::from(Ref::new(HostObject::Foreign(c.row().2, Box::new(c))))
}

/// The Charset behind a value, if it is one.
pub fn of(v: &Value) -> Option<Charset> {
    match v.view() {
        View::HostObject(o) => o.foreign::<Charset>().copied(),
        _ => None,
    }
}

/// A charset argument: a Charset, or a name as String overloads take it
/// (an unknown name is java.io.UnsupportedEncodingException).
pub fn arg(v: &Value) -> Result<Charset> {
    if let Some(c) = of(v) {
        return Ok(c);
    }
    match v.as_str() {
        Some(name) => Charset::lookup(name)
            .ok_or_else(|| Exception::new(ExClass::UnsupportedEncodingException, name.to_string())),
        None if v.is_nil() => Err(Exception::new(ExClass::NullPointerException, "charsetName")),
        None => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(v.class_name(), "java.nio.charset.Charset"),
        )),
    }
}

pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.nio.charset.StandardCharsets").fields(
        &[
            "UTF_8",
            "US_ASCII",
            "ISO_8859_1",
            "UTF_16",
            "UTF_16BE",
            "UTF_16LE",
        ],
        get_static,
    ),
    ClassDef::class("java.nio.charset.Charset")
        .implements(&["java.lang.Comparable"])
        .statics(&["forName", "defaultCharset", "isSupported"], call_static),
    // The JDK's classes of the standard charsets.
    ClassDef::class("sun.nio.cs.Unicode")
        .extends("java.nio.charset.Charset")
        .implements(&["sun.nio.cs.HistoricallyNamedCharset"]),
    ClassDef::interface("sun.nio.cs.HistoricallyNamedCharset"),
    ClassDef::class("sun.nio.cs.UTF_8").extends("sun.nio.cs.Unicode"),
    ClassDef::class("sun.nio.cs.US_ASCII")
        .extends("java.nio.charset.Charset")
        .implements(&["sun.nio.cs.HistoricallyNamedCharset"]),
    ClassDef::class("sun.nio.cs.ISO_8859_1")
        .extends("java.nio.charset.Charset")
        .implements(&["sun.nio.cs.HistoricallyNamedCharset"]),
    ClassDef::class("sun.nio.cs.UTF_16").extends("sun.nio.cs.Unicode"),
    ClassDef::class("sun.nio.cs.UTF_16BE").extends("sun.nio.cs.Unicode"),
    ClassDef::class("sun.nio.cs.UTF_16LE").extends("sun.nio.cs.Unicode"),
];

/// `StandardCharsets/UTF_8` ...
fn get_static(_class: &str, field: &str) -> Option<Value> {
    TABLE.iter().find(|r| r.3 == field).map(|r| value(r.0))
}

/// `Charset/forName`, `Charset/defaultCharset`, `Charset/isSupported`.
fn call_static(_class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    let name = |v: &Value| -> Result<String> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| Exception::new(ExClass::IllegalArgumentException, "Null charset name"))
    };
    Some(match (member, args) {
        ("defaultCharset", []) => Ok(value(Charset::Utf8)),
        ("forName", [n]) => name(n).and_then(|n| {
            Charset::lookup(&n)
                .map(value)
                .ok_or_else(|| Exception::new(ExClass::UnsupportedCharsetException, n))
        }),
        ("isSupported", [n]) => name(n).map(|n| Value::bool(Charset::lookup(&n).is_some())),
        _ => return None,
    })
}

/// Methods of a Charset; None when `target` is not one.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let c = of(target)?;
    Some(Ok(match (method, args) {
        ("name" | "displayName" | "toString", []) => Value::string(c.name()),
        ("canEncode" | "isRegistered", []) => Value::TRUE,
        ("equals", [o]) => Value::bool(of(o) == Some(c)),
        _ => return None,
    }))
}

/// String.getBytes() / getBytes(charset).
pub fn get_bytes(s: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match args {
        [] => Ok(Value::byte_array(&Charset::Utf8.encode(s))),
        [cs] => arg(cs).map(|c| Value::byte_array(&c.encode(s))),
        _ => return None,
    })
}
