//! java.util.Base64: the basic, URL-safe and MIME encoders and decoders
//! (RFC 4648 / RFC 2045) with the JDK's padding rules and error messages.

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::Ref;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Alphabet {
    Basic,
    Url,
    Mime,
}

/// A Base64$Encoder (`pad` false after withoutPadding) or Base64$Decoder.
#[derive(Clone, Copy, Debug)]
struct Codec {
    alphabet: Alphabet,
    encoder: bool,
    pad: bool,
}

impl ForeignObject for Codec {}

const BASIC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// The MIME encoder's line length and separator.
const MIME_LINE: usize = 76;

fn value(c: Codec) -> Value {
    let class = if c.encoder {
        "java.util.Base64$Encoder"
    } else {
        "java.util.Base64$Decoder"
    };
    Value::from(Ref::new(HostObject::Foreign(class, Box::new(c))))
}

pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.Base64").statics(
        &[
            "getEncoder",
            "getDecoder",
            "getUrlEncoder",
            "getUrlDecoder",
            "getMimeEncoder",
            "getMimeDecoder",
        ],
        call_static,
    ),
    ClassDef::class("java.util.Base64$Encoder"),
    ClassDef::class("java.util.Base64$Decoder"),
];

/// `Base64/getEncoder` ...
fn call_static(_class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    if !args.is_empty() {
        return None;
    }
    let (alphabet, encoder) = match member {
        "getEncoder" => (Alphabet::Basic, true),
        "getDecoder" => (Alphabet::Basic, false),
        "getUrlEncoder" => (Alphabet::Url, true),
        "getUrlDecoder" => (Alphabet::Url, false),
        "getMimeEncoder" => (Alphabet::Mime, true),
        "getMimeDecoder" => (Alphabet::Mime, false),
        _ => return None,
    };
    Some(Ok(value(Codec {
        alphabet,
        encoder,
        pad: true,
    })))
}

fn encode(c: Codec, b: &[u8]) -> Vec<u8> {
    let table = if c.alphabet == Alphabet::Url {
        URL
    } else {
        BASIC
    };
    let mut out = Vec::with_capacity(b.len().div_ceil(3) * 4);
    for chunk in b.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &x)| acc | (u32::from(x) << (16 - 8 * i)));
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(table[((n >> (18 - 6 * i)) & 63) as usize]);
            } else if c.pad {
                out.push(b'=');
            }
        }
    }
    if c.alphabet == Alphabet::Mime {
        let mut lined = Vec::with_capacity(out.len() + out.len() / MIME_LINE * 2);
        for (i, line) in out.chunks(MIME_LINE).enumerate() {
            if i > 0 {
                lined.extend_from_slice(b"\r\n");
            }
            lined.extend_from_slice(line);
        }
        return lined;
    }
    out
}

/// Standard Base64 with padding, as `Base64.getEncoder().encodeToString`
/// gives it: the one encoder the JSON writer, the HTTP client and the
/// WebSocket handshake use.
pub(crate) fn encode_standard(bytes: &[u8]) -> String {
    let c = Codec {
        alphabet: Alphabet::Basic,
        encoder: true,
        pad: true,
    };
    // The alphabet is ASCII.
    encode(c, bytes).into_iter().map(char::from).collect()
}

fn illegal(msg: String) -> Exception {
    Exception::new(ExClass::IllegalArgumentException, msg)
}

/// Base64.Decoder.decode, as the JDK's decode0: `=` ends the data; the
/// MIME decoder skips characters outside the alphabet, the others reject
/// them.
fn decode(c: Codec, src: &[u8]) -> Result<Vec<u8>> {
    let mime = c.alphabet == Alphabet::Mime;
    if src.len() == 1 && !mime {
        return Err(illegal(
            "Input byte[] should at least have 2 bytes for base64 bytes".to_string(),
        ));
    }
    let table = if c.alphabet == Alphabet::Url {
        URL
    } else {
        BASIC
    };
    let mut out = Vec::with_capacity(src.len() / 4 * 3);
    let (mut bits, mut shift) = (0u32, 18i32);
    let mut sp = 0;
    while sp < src.len() {
        let b = src[sp];
        sp += 1;
        if b == b'=' {
            // `=` needs a unit of 2 digits followed by `==`, or of 3.
            if shift == 6
                && (sp == src.len() || {
                    sp += 1;
                    src[sp - 1] != b'='
                })
                || shift == 18
            {
                return Err(illegal(
                    "Input byte array has wrong 4-byte ending unit".to_string(),
                ));
            }
            break;
        }
        let Some(d) = table.iter().position(|&t| t == b) else {
            if mime {
                continue;
            }
            // Integer.toString of the signed byte, in hex.
            let x = i32::from(b as i8);
            let hex = if x < 0 {
                format!("-{:x}", -x)
            } else {
                format!("{x:x}")
            };
            return Err(illegal(format!("Illegal base64 character {hex}")));
        };
        bits |= (d as u32) << shift;
        shift -= 6;
        if shift < 0 {
            out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
            shift = 18;
            bits = 0;
        }
    }
    match shift {
        6 => out.push((bits >> 16) as u8),
        0 => out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8]),
        12 => {
            return Err(illegal(
                "Last unit does not have enough valid bits".to_string(),
            ));
        }
        _ => {}
    }
    // Anything after the padding is an error (the MIME decoder skips what
    // is outside its alphabet).
    while sp < src.len() {
        let b = src[sp];
        sp += 1;
        if mime && !table.contains(&b) {
            continue;
        }
        return Err(illegal(format!(
            "Input byte array has incorrect ending byte at {}",
            sp - usize::from(!mime)
        )));
    }
    Ok(out)
}

fn bytes_arg(v: &Value) -> Result<Vec<u8>> {
    v.byte_array_bytes().ok_or_else(|| {
        Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(v.class_name(), "[B"),
        )
    })
}

/// Methods of an Encoder or Decoder; None when `target` is not one.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    let c = *o.foreign::<Codec>()?;
    Some((|| {
        Ok(match (method, args, c.encoder) {
            ("encode", [b], true) => Value::byte_array(&encode(c, &bytes_arg(b)?)),
            ("encodeToString", [b], true) => {
                Value::string(String::from_utf8_lossy(&encode(c, &bytes_arg(b)?)).into_owned())
            }
            ("withoutPadding", [], true) => value(Codec { pad: false, ..c }),
            ("decode", [s], false) => {
                let src = match s.as_str() {
                    // decode(String): its ISO-8859-1 bytes.
                    Some(text) => super::charset::Charset::Latin1.encode(text),
                    None => bytes_arg(s)?,
                };
                Value::byte_array(&decode(c, &src)?)
            }
            _ => {
                let class = if c.encoder {
                    "java.util.Base64$Encoder"
                } else {
                    "java.util.Base64$Decoder"
                };
                return Err(super::no_method(method, args.len(), class));
            }
        })
    })())
}
