//! java.net.URL (parsing and its parts; no connections), URLEncoder and
//! URLDecoder (application/x-www-form-urlencoded, in any charset).

use super::charset::{self, Charset};
use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::Ref;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

/// A java.net.URL's parts, as URL's constructors split them.
#[derive(Clone, Debug, PartialEq)]
pub struct Url {
    protocol: String,
    authority: Option<String>,
    host: String,
    port: i64,
    user_info: Option<String>,
    path: String,
    query: Option<String>,
    reference: Option<String>,
}

/// The protocols a JDK has handlers for.
const PROTOCOLS: &[&str] = &["http", "https", "ftp", "file", "jar", "mailto"];

impl Url {
    fn default_port(&self) -> i64 {
        match self.protocol.as_str() {
            "http" => 80,
            "https" => 443,
            "ftp" => 21,
            _ => -1,
        }
    }
    fn file(&self) -> String {
        match &self.query {
            Some(q) => format!("{}?{q}", self.path),
            None => self.path.clone(),
        }
    }
    /// URL.toExternalForm.
    fn external_form(&self) -> String {
        let mut s = format!("{}:", self.protocol);
        if let Some(a) = self.authority.as_deref().filter(|a| !a.is_empty()) {
            s.push_str("//");
            s.push_str(a);
        }
        s.push_str(&self.file());
        if let Some(r) = &self.reference {
            s.push('#');
            s.push_str(r);
        }
        s
    }
}

impl ForeignObject for Url {
    fn java_string(&self, _object: &str) -> String {
        self.external_form()
    }
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        Some(other.downcast_ref::<Url>() == Some(self))
    }
}

fn malformed(msg: String) -> Exception {
    Exception::new(ExClass::MalformedURLException, msg)
}

/// The scheme at the start of `spec` (letters, digits, `+-.`), lowercased.
fn scheme(spec: &str) -> Option<(String, &str)> {
    let i = spec.find(':')?;
    let s = &spec[..i];
    let mut cs = s.chars();
    (cs.next()?.is_ascii_alphabetic() && cs.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| (s.to_ascii_lowercase(), &spec[i + 1..]))
}

/// Split `rest` (after `protocol:`) into the URL's parts.
fn parse_parts(protocol: String, rest: &str) -> Result<Url> {
    let (rest, reference) = match rest.split_once('#') {
        Some((a, r)) => (a, Some(r.to_string())),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q.to_string())),
        None => (rest, None),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (Some(r[..end].to_string()), r[end..].to_string())
        }
        None => (None, rest.to_string()),
    };
    let (user_info, host_port) = match authority.as_deref() {
        Some(a) => match a.rsplit_once('@') {
            Some((u, h)) => (Some(u.to_string()), h),
            None => (None, a),
        },
        None => (None, ""),
    };
    let (host, port) = match host_port
        .rfind(':')
        .filter(|&i| !host_port[i..].contains(']'))
    {
        Some(i) => {
            let p = &host_port[i + 1..];
            let port = if p.is_empty() {
                -1
            } else {
                p.parse::<i64>()
                    .ok()
                    .filter(|n| (0..=65535).contains(n))
                    .ok_or_else(|| malformed(format!("For input string: \"{p}\"")))?
            };
            (host_port[..i].to_string(), port)
        }
        None => (host_port.to_string(), -1),
    };
    Ok(Url {
        protocol,
        authority,
        host,
        port,
        user_info,
        path,
        query,
        reference,
    })
}

/// new URL(spec).
fn parse(spec: &str) -> Result<Url> {
    let spec = spec.trim();
    let Some((protocol, rest)) = scheme(spec) else {
        return Err(malformed(format!("no protocol: {spec}")));
    };
    if !PROTOCOLS.contains(&protocol.as_str()) {
        return Err(malformed(format!("unknown protocol: {protocol}")));
    }
    parse_parts(protocol, rest)
}

/// new URL(context, spec): `spec` resolved against `context` (RFC 2396).
fn resolve(context: &Url, spec: &str) -> Result<Url> {
    if scheme(spec).is_some() {
        return parse(spec);
    }
    let base = format!(
        "{}:{}",
        context.protocol,
        context
            .authority
            .as_deref()
            .map_or(String::new(), |a| format!("//{a}"))
    );
    if spec.starts_with("//") {
        return parse(&format!("{}:{spec}", context.protocol));
    }
    if spec.starts_with('/') {
        return parse(&format!("{base}{spec}"));
    }
    if spec.is_empty() || spec.starts_with('#') {
        return parse(&format!("{base}{}{spec}", context.file()));
    }
    let dir = context.path.rfind('/').map_or("/", |i| &context.path[..=i]);
    let mut segs: Vec<&str> = Vec::new();
    let joined = format!("{dir}{spec}");
    let (path, tail) = match joined.find(['?', '#']) {
        Some(i) => (&joined[..i], &joined[i..]),
        None => (joined.as_str(), ""),
    };
    let parts: Vec<&str> = path.split('/').collect();
    for (i, s) in parts.iter().enumerate() {
        match *s {
            "." => {}
            ".." if segs.len() > 1 => {
                segs.pop();
            }
            ".." => {}
            _ => segs.push(s),
        }
        // A trailing `.` or `..` leaves a directory path.
        if i == parts.len() - 1 && (*s == "." || *s == "..") {
            segs.push("");
        }
    }
    parse(&format!("{base}{}{tail}", segs.join("/")))
}

fn value(u: Url) -> Value {
    Value::from(Ref::new(HostObject::Foreign("java.net.URL", Box::new(u))))
}

fn of(v: &Value) -> Option<&Url> {
    match v.view() {
        View::HostObject(o) => o.foreign::<Url>(),
        _ => None,
    }
}

fn text(v: &Value) -> Result<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(Exception::new(ExClass::NullPointerException, "")),
    }
}

pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.net.URL")
        .implements(&["java.io.Serializable"])
        .ctor(construct),
    ClassDef::class("java.net.URLEncoder").statics(&["encode"], call_static),
    ClassDef::class("java.net.URLDecoder").statics(&["decode"], call_static),
];

/// `(URL. ...)`.
fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(
        match args {
            [spec] => text(spec).and_then(|s| parse(&s)),
            [ctx, spec] if ctx.is_nil() => text(spec).and_then(|s| parse(&s)),
            [ctx, spec] => match of(ctx) {
                Some(c) => text(spec).and_then(|s| resolve(c, &s)),
                None => Err(super::no_ctor(class)),
            },
            // URL(protocol, host, [port,] file).
            [p, h, f] | [p, h, _, f] => (|| {
                let port = match args {
                    [_, _, port, _] => crate::runtime::number::convert::to_long(port)?,
                    _ => -1,
                };
                let (p, h, f) = (text(p)?.to_ascii_lowercase(), text(h)?, text(f)?);
                if !PROTOCOLS.contains(&p.as_str()) {
                    return Err(malformed(format!("unknown protocol: {p}")));
                }
                let authority = if port == -1 {
                    h.clone()
                } else {
                    format!("{h}:{port}")
                };
                let mut u = parse_parts(p, &format!("//{authority}{f}"))?;
                if h.is_empty() {
                    u.authority = Some(String::new());
                }
                Ok(u)
            })(),
            _ => Err(super::no_ctor(class)),
        }
        .map(value),
    )
}

/// Methods of a URL; None when `target` is not one.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let u = of(target)?;
    let opt = |x: &Option<String>| x.as_deref().map_or(Value::NIL, Value::string);
    Some(Ok(match (method, args) {
        ("getProtocol", []) => Value::string(&u.protocol),
        ("getHost", []) => Value::string(&u.host),
        ("getPort", []) => Value::long(u.port),
        ("getDefaultPort", []) => Value::long(u.default_port()),
        ("getAuthority", []) => opt(&u.authority),
        ("getUserInfo", []) => opt(&u.user_info),
        ("getPath", []) => Value::string(&u.path),
        ("getQuery", []) => opt(&u.query),
        ("getFile", []) => Value::string(u.file()),
        ("getRef", []) => opt(&u.reference),
        ("toString" | "toExternalForm", []) => Value::string(u.external_form()),
        ("toURI", []) => return Some(super::jdk::uri(&Value::string(u.external_form()))),
        ("equals", [o]) => Value::bool(of(o) == Some(u)),
        ("sameFile", [o]) => Value::bool(of(o).is_some_and(|o| {
            Url {
                reference: None,
                ..o.clone()
            } == Url {
                reference: None,
                ..u.clone()
            }
        })),
        ("openStream" | "openConnection" | "getContent", _) => {
            return Some(Err(Exception::new(
                ExClass::UnsupportedOperationException,
                format!("java.net.URL.{method} is not supported by cljw"),
            )));
        }
        _ => return None,
    }))
}

/// URI.toURL: the URI must be absolute.
pub fn from_uri(uri: &str) -> Result<Value> {
    if scheme(uri).is_none() {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            "URI is not absolute",
        ));
    }
    parse(uri).map(value)
}

// ----- URLEncoder / URLDecoder -----

fn encode(s: &str, cs: Charset) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || ".-*_".contains(c) {
            out.push(c);
        } else if c == ' ' {
            out.push('+');
        } else {
            for b in cs.encode(c.encode_utf8(&mut buf)) {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn decode(s: &str, cs: Charset) -> Result<String> {
    let illegal = |m: String| Exception::new(ExClass::IllegalArgumentException, m);
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(' ');
                i += 1;
            }
            b'%' => {
                // A run of escapes decodes as one byte sequence.
                let mut bytes = Vec::new();
                while i < b.len() && b[i] == b'%' {
                    if i + 2 >= b.len() {
                        return Err(illegal(
                            "URLDecoder: Incomplete trailing escape (%) pattern".to_string(),
                        ));
                    }
                    let pair = &b[i + 1..i + 3];
                    let digit = |c: u8| (c as char).to_digit(16);
                    let (Some(h), Some(l)) = (digit(pair[0]), digit(pair[1])) else {
                        return Err(illegal(format!(
                            "URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: \"{}\"",
                            String::from_utf8_lossy(pair)
                        )));
                    };
                    let v = (h * 16 + l) as u8;
                    bytes.push(v);
                    i += 3;
                }
                out.push_str(&cs.decode(&bytes));
            }
            _ => {
                let c = s[i..].chars().next().unwrap_or('\u{fffd}');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    Ok(out)
}

/// `URLEncoder/encode`, `URLDecoder/decode`.
fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    let encoder = match (class, member) {
        ("java.net.URLEncoder", "encode") => true,
        ("java.net.URLDecoder", "decode") => false,
        _ => return None,
    };
    let (s, cs) = match args {
        [s] => (s, Ok(Charset::Utf8)),
        [s, cs] => (s, charset::arg(cs)),
        _ => return None,
    };
    Some((|| {
        let s = text(s)?;
        let cs = cs?;
        Ok(Value::string(if encoder {
            encode(&s, cs)
        } else {
            decode(&s, cs)?
        }))
    })())
}
