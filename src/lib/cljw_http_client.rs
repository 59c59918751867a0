//! `cljw.http.client`: the transport under babashka.http-client and
//! org.httpkit.client (both Clojure files over these fns), on ureq.
//!
//! `(request {:method "GET" :uri "http://..." :headers [[name value] ...]
//! :body b :timeout ms :connect-timeout ms :follow-redirects bool :as kw})`
//! sends one request and returns `{:status :headers :body :version}`;
//! `:headers` has lower-case names, a value a string or, for a repeated
//! header, a vector of them. `:body` is nil, a string, bytes, a File or an
//! InputStream (sent chunked as it is read); `:as` is `:string` (default),
//! `:bytes` or `:stream`.
//!
//! ureq is built without a TLS stack (see features.md): an https URI
//! throws UnsupportedOperationException.
//!
//! Also `(url-encode s)` (java.net.URLEncoder's form encoding, UTF-8) and
//! `(base64 s)` (of the UTF-8 bytes) for the Clojure side.

use crate::builtins::{Def, check_arity};
use crate::libs::json::opt;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::input::InStream;
use crate::runtime::printer::str_value;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::io::Read;
use std::sync::OnceLock;
use std::time::Duration;

pub(crate) const DEFS: &[Def] = &[
    Def::f("request", request),
    Def::f("url-encode", url_encode_fn),
    Def::f("base64", base64_fn),
];

/// One agent (its connection pool) for the process; per-request settings
/// are applied to each request.
fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            // The caller's headers are sent as given: no added defaults.
            .user_agent(ureq::config::AutoHeaderValue::None)
            .accept(ureq::config::AutoHeaderValue::None)
            .accept_encoding(ureq::config::AutoHeaderValue::None)
            .allow_non_standard_methods(true)
            .build()
            .new_agent()
    })
}

/// java.net.URLEncoder.encode(s, "UTF-8"): letters, digits and `.-*_`
/// stay, space is `+`, every other byte is `%XX` (upper-case hex).
pub(crate) fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'*' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn url_encode_fn(args: &[Value]) -> Result<Value> {
    check_arity("cljw.http.client/url-encode", args, 1, Some(1))?;
    Ok(Value::string(url_encode(&str_value(&args[0])?)))
}

fn base64_fn(args: &[Value]) -> Result<Value> {
    check_arity("cljw.http.client/base64", args, 1, Some(1))?;
    Ok(Value::string(crate::interop::base64::encode_standard(
        str_value(&args[0])?.as_bytes(),
    )))
}

/// An InputStream value read as a `Read` (a request body sent chunked).
struct StreamReader(Value);

impl Read for StreamReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.0.view() {
            View::InStream(s) => s
                .read_some(buf)
                .map_err(|e| std::io::Error::other(e.to_string())),
            _ => Ok(0),
        }
    }
}

fn millis(v: &Value, key: &str) -> Result<Option<Duration>> {
    match v.view() {
        View::Nil => Ok(None),
        _ => match v.as_long() {
            Some(ms) if ms >= 0 => Ok(Some(Duration::from_millis(ms as u64))),
            _ => Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    ":{key} must be a number of milliseconds, got {}",
                    crate::runtime::printer::pr_str(v)
                ),
            )),
        },
    }
}

struct Settings {
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    follow_redirects: bool,
}

fn run<S: ureq::AsSendBody>(
    builder: ureq::http::request::Builder,
    body: S,
    settings: &Settings,
) -> Result<ureq::http::Response<ureq::Body>> {
    let req = builder.body(body).map_err(|e| {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!("invalid request: {e}"),
        )
    })?;
    let a = agent();
    let req = a
        .configure_request(req)
        .timeout_global(settings.timeout)
        .timeout_connect(settings.connect_timeout)
        .max_redirects(if settings.follow_redirects { 10 } else { 0 })
        .build();
    a.run(req).map_err(|e| client_error(&e, settings))
}

/// A ureq error as the exception java.net.http.HttpClient throws.
fn client_error(e: &ureq::Error, settings: &Settings) -> Exception {
    use ureq::Error as E;
    match e {
        E::Timeout(ureq::Timeout::Connect) if settings.connect_timeout.is_some() => Exception::new(
            ExClass::HttpConnectTimeoutException,
            "HTTP connect timed out",
        ),
        E::Timeout(_) => Exception::new(ExClass::HttpTimeoutException, "request timed out"),
        E::HostNotFound => Exception::new(ExClass::UnknownHostException, e.to_string()),
        E::ConnectionFailed => Exception::new(ExClass::ConnectException, "Connection refused"),
        E::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            Exception::new(ExClass::ConnectException, "Connection refused")
        }
        E::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            Exception::new(ExClass::HttpTimeoutException, "request timed out")
        }
        E::BadUri(u) => Exception::new(
            ExClass::IllegalArgumentException,
            format!("invalid URI: {u}"),
        ),
        E::Http(h) => Exception::new(
            ExClass::IllegalArgumentException,
            format!("invalid request: {h}"),
        ),
        E::TlsRequired => Exception::new(
            ExClass::UnsupportedOperationException,
            "https is not supported: cljw's HTTP client is built without TLS",
        ),
        _ => Exception::new(ExClass::IOException, e.to_string()),
    }
}

/// `(request opts)`: see the module doc.
fn request(args: &[Value]) -> Result<Value> {
    check_arity("cljw.http.client/request", args, 1, Some(1))?;
    let o = &args[0];
    let method = str_value(&opt(o, "method")?)?.to_ascii_uppercase();
    let uri = str_value(&opt(o, "uri")?)?;
    if uri.len() >= 8 && uri[..8].eq_ignore_ascii_case("https://") {
        return Err(Exception::new(
            ExClass::UnsupportedOperationException,
            "https is not supported: cljw's HTTP client is built without TLS",
        ));
    }
    let mut builder = ureq::http::Request::builder()
        .method(method.as_str())
        .uri(uri.as_str());
    for pair in seq::iter(&opt(o, "headers")?) {
        let pair = pair?;
        let name = str_value(&crate::runtime::coll::ops::nth(&pair, 0)?)?;
        let value = str_value(&crate::runtime::coll::ops::nth(&pair, 1)?)?;
        builder = builder.header(name, value);
    }
    let settings = Settings {
        timeout: millis(&opt(o, "timeout")?, "timeout")?,
        connect_timeout: millis(&opt(o, "connect-timeout")?, "connect-timeout")?,
        follow_redirects: opt(o, "follow-redirects")?.truthy(),
    };
    let body = opt(o, "body")?;
    let resp = match body.view() {
        View::Nil => run(builder, (), &settings)?,
        View::Str(s) => run(builder, s.as_str().as_bytes().to_vec(), &settings)?,
        View::File(f) => {
            let file = crate::builtins::open::open_read(f.path())?;
            run(builder, file, &settings)?
        }
        View::InStream(_) => run(
            builder,
            ureq::SendBody::from_owned_reader(StreamReader(body.clone())),
            &settings,
        )?,
        _ => match body.byte_array_bytes() {
            Some(b) => run(builder, b, &settings)?,
            None => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!("Don't know how to convert {} to body", body.class_name()),
                ));
            }
        },
    };
    response_map(resp, &opt(o, "as")?, &settings)
}

fn response_map(
    resp: ureq::http::Response<ureq::Body>,
    as_: &Value,
    settings: &Settings,
) -> Result<Value> {
    let kw = |k: &str| Value::keyword(None, k);
    let status = i64::from(resp.status().as_u16());
    let version = match resp.version() {
        ureq::http::Version::HTTP_2 => "http2",
        _ => "http1.1",
    };
    let mut headers: Vec<(String, Vec<String>)> = Vec::new();
    for (name, value) in resp.headers() {
        let v = String::from_utf8_lossy(value.as_bytes()).into_owned();
        match headers.iter_mut().find(|(n, _)| n == name.as_str()) {
            Some((_, vs)) => vs.push(v),
            None => headers.push((name.as_str().to_string(), vec![v])),
        }
    }
    let headers = Value::map_from_pairs(
        headers
            .into_iter()
            .map(|(n, mut vs)| {
                let v = if vs.len() == 1 {
                    Value::string(vs.pop().unwrap_or_default())
                } else {
                    Value::vector(vs.into_iter().map(Value::string).collect())
                };
                (Value::string(n), v)
            })
            .collect(),
    );
    let mode = as_.as_keyword().map(|k| k.name().to_string());
    let reader = resp.into_body().into_reader();
    let body = match mode.as_deref() {
        Some("stream") => InStream::byte_stream(
            "jdk.internal.net.http.ResponseSubscribers$HttpResponseInputStream",
            Box::new(std::io::BufReader::new(reader)),
        ),
        None | Some("string") | Some("bytes") => {
            let mut bytes = Vec::new();
            let mut reader = reader;
            reader.read_to_end(&mut bytes).map_err(|e| match e.kind() {
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    client_error(&ureq::Error::Timeout(ureq::Timeout::Global), settings)
                }
                _ => Exception::new(ExClass::IOException, e.to_string()),
            })?;
            if mode.as_deref() == Some("bytes") {
                Value::byte_array(&bytes)
            } else {
                Value::string(String::from_utf8_lossy(&bytes).into_owned())
            }
        }
        Some(other) => {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!("unsupported :as {other}: expected :string, :bytes or :stream"),
            ));
        }
    };
    Ok(Value::map_from_pairs(vec![
        (kw("status"), Value::long(status)),
        (kw("headers"), headers),
        (kw("body"), body),
        (kw("version"), kw(version)),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encode_matches_java() {
        // URLEncoder.encode("a b&c~é*.-_", "UTF-8") on the JVM.
        assert_eq!(url_encode("a b&c~é*.-_"), "a+b%26c%7E%C3%A9*.-_");
    }

    #[test]
    fn base64_pads() {
        assert_eq!(crate::interop::base64::encode_standard(b"u:p"), "dTpw");
        assert_eq!(
            crate::interop::base64::encode_standard(b"user:pass"),
            "dXNlcjpwYXNz"
        );
        assert_eq!(crate::interop::base64::encode_standard(b"ab"), "YWI=");
        assert_eq!(crate::interop::base64::encode_standard(b"a"), "YQ==");
        assert_eq!(crate::interop::base64::encode_standard(b""), "");
    }
}
