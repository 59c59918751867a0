//! `cljw.http.server`'s Rust side: an HTTP/1.1 server over std::net for
//! Ring handlers (the Clojure side, cljw/http/server.clj, gives it
//! http-kit's `run-server` API; org.httpkit.server is the same code).
//!
//! `(start handler opts)` binds, starts the server and returns its handle,
//! a fn of a command keyword: `(h :port)`, `(h :status)` (:running,
//! :stopping, :stopped), `(h :stop timeout-ms)` (true when it stopped it).
//!
//! Shape: one acceptor thread; one thread per connection that reads and
//! parses requests (so a slow or half-open client holds only its own
//! thread, and a read timeout frees even that); Clojure handlers run on a
//! fixed pool of `:thread` workers (http-kit's default 4), which also turn
//! the Ring response into bytes; the connection thread writes them.
//! HTTP/1.1 keep-alive and pipelining, chunked request and response
//! bodies, `Expect: 100-continue`. Limits answer with a status and close:
//! 400 malformed request, 408 a request not finished within `:read-timeout`,
//! 413 body over `:max-body`, 414 request line over `:max-line`, 431 head
//! over `:max-header`, 503 over `:max-connections`.
//!
//! A running server holds a script's normal exit (runtime::executor::hold)
//! until it is stopped, as http-kit's non-daemon thread holds the JVM's.
//!
//! Options: `:ip` (default "127.0.0.1"), `:port` (0 picks a free one),
//! `:thread` (4), `:max-body` (8 MiB), `:max-line` (8192), `:max-header`
//! (16 KiB), `:read-timeout` ms (30000; 0 none), `:max-connections`
//! (4096), `:server-header` ("cljw"; nil sends none).

use super::cljw_http_channel as channel;
use crate::builtins::{Def, check_arity};
use crate::libs::json::opt;
use crate::runtime::equality;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func::{self, invoke};
use crate::runtime::input::InStream;
use crate::runtime::printer::str_value;
use crate::runtime::value::{Value, View};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub(crate) const DEFS: &[Def] = &[
    Def::f("start", start),
    Def::f("channel-send!", channel::channel_send),
    Def::f("channel-close!", channel::channel_close),
    Def::f("channel-open?", channel::channel_open),
    Def::f("channel-websocket?", channel::channel_websocket),
    Def::f("channel-on!", channel::channel_on),
    Def::f("channel-handshake!", channel::channel_handshake),
];

/// Stack of a connection thread: it parses and copies bytes, runs no
/// Clojure code.
const CONN_STACK: usize = 256 << 10;
/// Request headers kept at most (more: 431).
const MAX_HEADERS: usize = 128;
/// A chunk-size line longer than this is malformed.
const MAX_CHUNK_LINE: usize = 1024;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[derive(Clone)]
struct Limits {
    max_body: usize,
    max_line: usize,
    max_header: usize,
    read_timeout: Option<Duration>,
    max_connections: usize,
}

type Job = Box<dyn FnOnce() + Send>;

struct Server {
    handler: Value,
    limits: Limits,
    server_header: Option<String>,
    addr: SocketAddr,
    stopping: AtomicBool,
    stopped: AtomicBool,
    /// Requests read and not yet fully answered.
    in_flight: AtomicUsize,
    /// Open connections, for `stop` to close them.
    conns: Mutex<HashMap<u64, TcpStream>>,
    next_conn: AtomicU64,
    /// The handler pool's queue; None once stopped.
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    acceptor: Mutex<Option<JoinHandle<()>>>,
}

fn io_err(what: &str, e: &std::io::Error) -> Exception {
    Exception::new(ExClass::IOException, format!("{what}: {e}"))
}

fn long_opt(opts: &Value, key: &str, default: i64) -> Result<i64> {
    let v = opt(opts, key)?;
    if v.is_nil() {
        return Ok(default);
    }
    v.as_long().ok_or_else(|| {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "run-server option :{key} must be an integer, got {}",
                crate::runtime::printer::pr_str(&v)
            ),
        )
    })
}

fn size_opt(opts: &Value, key: &str, default: i64) -> Result<usize> {
    Ok(long_opt(opts, key, default)?.max(0) as usize)
}

/// `(start handler opts)`.
fn start(args: &[Value]) -> Result<Value> {
    check_arity("cljw.http.server/start", args, 2, Some(2))?;
    let handler = args[0].clone();
    let opts = &args[1];
    let ip = match opt(opts, "ip")? {
        v if v.is_nil() => "127.0.0.1".to_string(),
        v => str_value(&v)?,
    };
    let port = long_opt(opts, "port", 8090)?;
    let port = u16::try_from(port).map_err(|_| {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!("port out of range:{port}"),
        )
    })?;
    let threads = size_opt(opts, "thread", 4)?.max(1);
    let read_timeout = long_opt(opts, "read-timeout", 30_000)?;
    let limits = Limits {
        max_body: size_opt(opts, "max-body", 8 << 20)?,
        max_line: size_opt(opts, "max-line", 8192)?,
        max_header: size_opt(opts, "max-header", 16 << 10)?,
        read_timeout: (read_timeout > 0).then(|| Duration::from_millis(read_timeout as u64)),
        max_connections: size_opt(opts, "max-connections", 4096)?.max(1),
    };
    let server_header = if crate::libs::json::has_opt(opts, "server-header")? {
        let v = opt(opts, "server-header")?;
        if v.is_nil() {
            None
        } else {
            Some(str_value(&v)?)
        }
    } else {
        Some("cljw".to_string())
    };
    let listener = TcpListener::bind((ip.as_str(), port)).map_err(|e| {
        Exception::new(
            ExClass::IOException,
            format!("Failed to bind {ip}:{port}: {e}"),
        )
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| io_err("local address", &e))?;

    let (tx, rx) = mpsc::channel::<Job>();
    let rx = Arc::new(Mutex::new(rx));
    for i in 0..threads {
        let rx = rx.clone();
        std::thread::Builder::new()
            .name(format!("cljw-http-worker-{i}"))
            .stack_size(crate::runtime::executor::WORKER_STACK)
            .spawn(move || {
                loop {
                    let job = lock(&rx).recv();
                    match job {
                        Ok(job) => {
                            let _mutator = crate::runtime::cycle::Mutator::enter();
                            // A panic is a bug, but must not take the worker down.
                            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                        }
                        Err(_) => break,
                    }
                }
            })
            .map_err(|e| io_err("starting a worker thread", &e))?;
    }
    let server = Arc::new(Server {
        handler,
        limits,
        server_header,
        addr,
        stopping: AtomicBool::new(false),
        stopped: AtomicBool::new(false),
        in_flight: AtomicUsize::new(0),
        conns: Mutex::new(HashMap::new()),
        next_conn: AtomicU64::new(0),
        jobs: Mutex::new(Some(tx)),
        acceptor: Mutex::new(None),
    });
    let s = server.clone();
    let acceptor = std::thread::Builder::new()
        .name("cljw-http-acceptor".into())
        .stack_size(CONN_STACK)
        .spawn(move || accept_loop(&s, listener))
        .map_err(|e| io_err("starting the acceptor thread", &e))?;
    *lock(&server.acceptor) = Some(acceptor);
    // Like http-kit's non-daemon server thread on the JVM, a running
    // server keeps a script's normal exit waiting until it is stopped.
    crate::runtime::executor::hold();
    Ok(handle(server))
}

/// The server handle (see the module doc).
fn handle(server: Arc<Server>) -> Value {
    Value::native_closure("org.httpkit.server.HttpServer", move |args: &[Value]| {
        let cmd = args
            .first()
            .and_then(|k| k.as_keyword())
            .map(|k| k.name().to_string());
        match cmd.as_deref() {
            Some("port") => Ok(Value::long(i64::from(server.addr.port()))),
            Some("status") => Ok(Value::keyword(
                None,
                if server.stopped.load(Ordering::SeqCst) {
                    "stopped"
                } else if server.stopping.load(Ordering::SeqCst) {
                    "stopping"
                } else {
                    "running"
                },
            )),
            Some("stop") => {
                let ms = args.get(1).and_then(|v| v.as_long()).unwrap_or(100).max(0);
                Ok(Value::bool(stop(&server, Duration::from_millis(ms as u64))))
            }
            _ => Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    "server handle: unknown command {}",
                    args.first()
                        .map(crate::runtime::printer::pr_str)
                        .unwrap_or_default()
                ),
            )),
        }
    })
}

/// Stop accepting, let requests in flight finish (up to `grace`), then
/// close every connection and the handler pool. False if already stopped.
fn stop(server: &Server, grace: Duration) -> bool {
    if server.stopping.swap(true, Ordering::SeqCst) {
        return false;
    }
    // Wake the acceptor blocked in accept(): it sees `stopping` and exits,
    // closing the listener.
    let mut wake = server.addr;
    if wake.ip().is_unspecified() {
        wake.set_ip(match wake {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
    if let Some(t) = lock(&server.acceptor).take() {
        let _ = t.join();
    }
    let deadline = Instant::now() + grace;
    while server.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
    for (_, c) in lock(&server.conns).drain() {
        let _ = c.shutdown(Shutdown::Both);
    }
    // Workers finish the queue and exit once the sender is gone.
    lock(&server.jobs).take();
    server.stopped.store(true, Ordering::SeqCst);
    crate::runtime::executor::release();
    true
}

fn accept_loop(server: &Arc<Server>, listener: TcpListener) {
    loop {
        let accepted = listener.accept();
        if server.stopping.load(Ordering::SeqCst) {
            return;
        }
        let (stream, peer) = match accepted {
            Ok(x) => x,
            Err(_) => {
                // Out of descriptors and the like: back off, keep serving.
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let id = server.next_conn.fetch_add(1, Ordering::SeqCst);
        {
            let mut conns = lock(&server.conns);
            if conns.len() >= server.limits.max_connections {
                drop(conns);
                let mut s = stream;
                let _ = s.set_write_timeout(Some(Duration::from_secs(1)));
                let _ = s.write_all(&simple_response(503, &server.server_header));
                continue;
            }
            match stream.try_clone() {
                Ok(c) => {
                    conns.insert(id, c);
                }
                Err(_) => continue,
            }
        }
        let s = server.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("cljw-http-conn-{id}"))
            .stack_size(CONN_STACK)
            .spawn(move || {
                // A panic is a bug, but must not leave the connection
                // registered (stop would wait on it).
                let mutator = crate::runtime::cycle::Mutator::enter();
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    serve_connection(&s, stream, peer)
                }));
                drop(mutator);
                lock(&s.conns).remove(&id);
            });
        if spawned.is_err() {
            lock(&server.conns).remove(&id);
        }
    }
}

/// Counts a request in flight for as long as it lives (also when the
/// answer unwinds), so `stop` never waits on a request that is gone.
struct InFlight<'a>(&'a AtomicUsize);

impl<'a> InFlight<'a> {
    fn enter(n: &'a AtomicUsize) -> InFlight<'a> {
        n.fetch_add(1, Ordering::SeqCst);
        InFlight(n)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Why reading a request stopped.
enum ReadErr {
    /// The client went away or the socket failed: close silently.
    Gone,
    /// Answer with this status, then close.
    Status(u16),
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)
}

/// A read error in the middle of a request: a timeout gets 408.
fn mid_request(e: &std::io::Error) -> ReadErr {
    if is_timeout(e) {
        ReadErr::Status(408)
    } else {
        ReadErr::Gone
    }
}

/// One parsed request head.
struct Head {
    method: String,
    target: String,
    http11: bool,
    /// Lower-cased names, in order.
    headers: Vec<(String, String)>,
}

impl Head {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn has_token(&self, name: &str, token: &str) -> bool {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, v)| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case(token))
    }
}

/// The end of the head (index past its blank line) in `buf`, searching
/// from `from`.
fn head_end(buf: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(p) = memchr::memchr(b'\n', buf.get(i..)?) {
        let nl = i + p;
        match buf.get(nl + 1) {
            Some(b'\n') => return Some(nl + 2),
            Some(b'\r') if buf.get(nl + 2) == Some(&b'\n') => return Some(nl + 3),
            _ => {}
        }
        i = nl + 1;
    }
    None
}

/// Read the next request head. Ok(None): the connection closed or stayed
/// idle (between requests) past the read timeout.
fn read_head(
    r: &mut BufReader<TcpStream>,
    limits: &Limits,
) -> std::result::Result<Option<Vec<u8>>, ReadErr> {
    let mut head: Vec<u8> = Vec::new();
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => {
                return if head.is_empty() {
                    Ok(None)
                } else {
                    Err(mid_request(&e))
                };
            }
        };
        if buf.is_empty() {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err(ReadErr::Gone)
            };
        }
        let from = head.len().saturating_sub(2);
        let n = buf.len();
        head.extend_from_slice(buf);
        // Empty lines before a request line are ignored (RFC 9112 2.2).
        let blank = head
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        if blank > 0 {
            head.drain(..blank);
        }
        let from = from.saturating_sub(blank);
        if let Some(end) = (!head.is_empty()).then(|| head_end(&head, from)).flatten() {
            let extra = head.len() - end;
            r.consume(n - extra);
            head.truncate(end);
            check_head_size(&head, limits)?;
            return Ok(Some(head));
        }
        r.consume(n);
        check_head_size(&head, limits)?;
    }
}

/// The request line is limited by `:max-line` (414), the header fields
/// after it by `:max-header` (431).
fn check_head_size(head: &[u8], limits: &Limits) -> std::result::Result<(), ReadErr> {
    match memchr::memchr(b'\n', head) {
        None if head.len() > limits.max_line => Err(ReadErr::Status(414)),
        Some(line) if line > limits.max_line => Err(ReadErr::Status(414)),
        Some(line) if head.len() - line > limits.max_header => Err(ReadErr::Status(431)),
        _ => Ok(()),
    }
}

fn parse_head(bytes: &[u8]) -> std::result::Result<Head, ReadErr> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(bytes) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(ReadErr::Status(431)),
        _ => return Err(ReadErr::Status(400)),
    }
    let (Some(method), Some(target), Some(version)) = (req.method, req.path, req.version) else {
        return Err(ReadErr::Status(400));
    };
    let headers = req
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_ascii_lowercase(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        http11: version == 1,
        headers,
    })
}

/// How the request body is framed.
enum Framing {
    None,
    Length(usize),
    Chunked,
}

fn framing(head: &Head, limits: &Limits) -> std::result::Result<Framing, ReadErr> {
    if head.headers.iter().any(|(n, _)| n == "transfer-encoding") {
        let last = head
            .headers
            .iter()
            .rev()
            .filter(|(n, _)| n == "transfer-encoding")
            .flat_map(|(_, v)| v.rsplit(','))
            .map(str::trim)
            .find(|t| !t.is_empty());
        // A request whose last coding is not chunked has no knowable end,
        // and one with a Content-Length too is a smuggling attempt.
        if !last.is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
            || head.header("content-length").is_some()
        {
            return Err(ReadErr::Status(400));
        }
        return Ok(Framing::Chunked);
    }
    let mut len: Option<u64> = None;
    for (_, v) in head.headers.iter().filter(|(n, _)| n == "content-length") {
        for part in v.split(',') {
            let part = part.trim();
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ReadErr::Status(400));
            }
            let n: u64 = part.parse().map_err(|_| ReadErr::Status(413))?;
            if len.is_some_and(|l| l != n) {
                return Err(ReadErr::Status(400));
            }
            len = Some(n);
        }
    }
    match len {
        None | Some(0) => Ok(Framing::None),
        Some(n) if n > limits.max_body as u64 => Err(ReadErr::Status(413)),
        Some(n) => Ok(Framing::Length(n as usize)),
    }
}

fn read_line_limited(
    r: &mut BufReader<TcpStream>,
    max: usize,
) -> std::result::Result<Vec<u8>, ReadErr> {
    let mut line = Vec::new();
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(mid_request(&e)),
        };
        if buf.is_empty() {
            return Err(ReadErr::Gone);
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                line.extend_from_slice(&buf[..i]);
                r.consume(i + 1);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(line);
            }
            None => {
                let n = buf.len();
                line.extend_from_slice(buf);
                r.consume(n);
            }
        }
        if line.len() > max {
            return Err(ReadErr::Status(400));
        }
    }
}

fn read_exact_into(
    r: &mut BufReader<TcpStream>,
    out: &mut Vec<u8>,
    n: usize,
) -> std::result::Result<(), ReadErr> {
    let start = out.len();
    out.resize(start + n, 0);
    let mut got = 0;
    while got < n {
        match r.read(&mut out[start + got..]) {
            Ok(0) => return Err(ReadErr::Gone),
            Ok(k) => got += k,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(mid_request(&e)),
        }
    }
    Ok(())
}

fn read_chunked(
    r: &mut BufReader<TcpStream>,
    max_body: usize,
) -> std::result::Result<Vec<u8>, ReadErr> {
    let mut body = Vec::new();
    loop {
        let line = read_line_limited(r, MAX_CHUNK_LINE)?;
        let size_part = line.split(|&b| b == b';').next().unwrap_or(&[]);
        let size_text = std::str::from_utf8(size_part)
            .map_err(|_| ReadErr::Status(400))?
            .trim();
        if size_text.is_empty() || !size_text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ReadErr::Status(400));
        }
        let size = usize::from_str_radix(size_text, 16).map_err(|_| ReadErr::Status(413))?;
        if size == 0 {
            // Trailer fields (ignored) up to the blank line.
            let mut trailer = 0usize;
            loop {
                let l = read_line_limited(r, MAX_CHUNK_LINE * 8)?;
                if l.is_empty() {
                    return Ok(body);
                }
                trailer += l.len();
                if trailer > MAX_CHUNK_LINE * 8 {
                    return Err(ReadErr::Status(431));
                }
            }
        }
        if body.len().saturating_add(size) > max_body {
            return Err(ReadErr::Status(413));
        }
        read_exact_into(r, &mut body, size)?;
        if !read_line_limited(r, 2)?.is_empty() {
            return Err(ReadErr::Status(400));
        }
    }
}

/// A response ready to write: the worker made it from the Ring map.
struct Prepared {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
}

enum Body {
    Bytes(Vec<u8>),
    File(String),
    /// An InputStream, copied as it is read.
    Stream(Value),
    /// The request's AsyncChannel (as-channel, with-channel): the
    /// connection becomes a WebSocket or a streamed response.
    Channel(Value),
}

pub(super) fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// The Date header's value (RFC 9110: an origin server with a clock sends
/// it), formatted once a second.
fn http_date_now() -> String {
    static CACHE: Mutex<(u64, String)> = Mutex::new((u64::MAX, String::new()));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut c = lock(&CACHE);
    if c.0 != now {
        *c = (now, crate::runtime::date::http_date(now as i64 * 1000));
    }
    c.1.clone()
}

/// A complete response for a refused request (always closes).
fn simple_response(status: u16, server_header: &Option<String>) -> Vec<u8> {
    let text = reason(status);
    let mut out = format!("HTTP/1.1 {status} {text}\r\n");
    if let Some(s) = server_header {
        out.push_str(&format!("Server: {s}\r\n"));
    }
    out.push_str(&format!(
        "Date: {}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        http_date_now(),
        text.len()
    ));
    out.into_bytes()
}

/// Ring request map.
fn request_map(
    head: &Head,
    body: Option<Vec<u8>>,
    server: &Server,
    peer: &SocketAddr,
    channel: Value,
    websocket: bool,
) -> Value {
    let kw = |k: &str| Value::keyword(None, k);
    let (uri, query) = match head.target.split_once('?') {
        Some((u, q)) => (u.to_string(), Value::string(q)),
        None => (head.target.clone(), Value::NIL),
    };
    let mut headers: Vec<(String, String)> = Vec::new();
    for (n, v) in &head.headers {
        match headers.iter_mut().find(|(hn, _)| hn == n) {
            Some((_, hv)) => {
                hv.push(',');
                hv.push_str(v);
            }
            None => headers.push((n.clone(), v.clone())),
        }
    }
    let server_name = head
        .header("host")
        .map(|h| match h.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name.to_string(),
            _ => h.to_string(),
        })
        .unwrap_or_else(|| server.addr.ip().to_string());
    let mut pairs = vec![
        (
            kw("server-port"),
            Value::long(i64::from(server.addr.port())),
        ),
        (kw("server-name"), Value::string(server_name)),
        (kw("remote-addr"), Value::string(peer.ip().to_string())),
        (kw("uri"), Value::string(uri)),
        (kw("query-string"), query),
        (kw("scheme"), kw("http")),
        (kw("request-method"), kw(&head.method.to_ascii_lowercase())),
        (
            kw("protocol"),
            Value::string(if head.http11 { "HTTP/1.1" } else { "HTTP/1.0" }),
        ),
    ];
    if let Some(ct) = head.header("content-type") {
        pairs.push((kw("content-type"), Value::string(ct)));
        if let Some(cs) = ct
            .split(';')
            .skip(1)
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        {
            pairs.push((
                kw("character-encoding"),
                Value::string(cs.1.trim().trim_matches('"')),
            ));
        }
    }
    if let Some(len) = &body {
        pairs.push((kw("content-length"), Value::long(len.len() as i64)));
    }
    pairs.push((kw("websocket?"), Value::bool(websocket)));
    pairs.push((kw("async-channel"), channel));
    pairs.push((
        kw("headers"),
        Value::map_from_pairs(
            headers
                .into_iter()
                .map(|(n, v)| (Value::string(n), Value::string(v)))
                .collect(),
        ),
    ));
    pairs.push((
        kw("body"),
        match body {
            Some(b) => InStream::byte_stream(
                "org.httpkit.BytesInputStream",
                Box::new(std::io::Cursor::new(b)),
            ),
            None => Value::NIL,
        },
    ));
    Value::map_from_pairs(pairs)
}

fn bad_response(msg: String) -> Exception {
    Exception::new(ExClass::IllegalArgumentException, msg)
}

fn header_text(v: &Value) -> Result<String> {
    let s = match v.view() {
        View::Keyword(k) => k.name().to_string(),
        _ => str_value(v)?,
    };
    if s.bytes().any(|b| b == b'\r' || b == b'\n') {
        return Err(bad_response(format!(
            "response header with a line break: {s:?}"
        )));
    }
    Ok(s)
}

/// The Ring response map turned into a `Prepared` (on the worker: a lazy
/// seq body runs Clojure code).
fn prepare(resp: &Value) -> Result<Prepared> {
    let kw = |k: &str| Value::keyword(None, k);
    if resp.is_nil() {
        return Ok(Prepared {
            status: 404,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
        });
    }
    if !equality::is_map(resp) {
        // http-kit answers a bare body with status 200.
        return Ok(Prepared {
            status: 200,
            headers: Vec::new(),
            body: body_of(resp)?,
        });
    }
    let status = func::get(resp, &kw("status"), Value::long(200))?;
    let status = status
        .as_long()
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (100..1000).contains(s))
        .ok_or_else(|| {
            bad_response(format!(
                "response :status must be an integer from 100 to 999, got {}",
                crate::runtime::printer::pr_str(&status)
            ))
        })?;
    let mut headers = Vec::new();
    let hs = func::get(resp, &kw("headers"), Value::NIL)?;
    if !hs.is_nil() {
        for e in equality::entries(&hs) {
            let (k, v) = e?;
            let name = header_text(&k)?;
            if name.is_empty() || name.bytes().any(|b| b == b':' || b == b' ') {
                return Err(bad_response(format!("bad response header name {name:?}")));
            }
            match v.view() {
                View::Nil => {}
                View::Str(_) | View::Keyword(_) => headers.push((name, header_text(&v)?)),
                _ if equality::is_sequential(&v) => {
                    for x in crate::runtime::seq::iter(&v) {
                        headers.push((name.clone(), header_text(&x?)?));
                    }
                }
                _ => headers.push((name, header_text(&v)?)),
            }
        }
    }
    let body = body_of(&func::get(resp, &kw("body"), Value::NIL)?)?;
    Ok(Prepared {
        status,
        headers,
        body,
    })
}

fn body_of(b: &Value) -> Result<Body> {
    if channel::channel_of(b).is_some() {
        return Ok(Body::Channel(b.clone()));
    }
    Ok(match b.view() {
        View::Nil => Body::Bytes(Vec::new()),
        View::Str(s) => Body::Bytes(s.as_str().as_bytes().to_vec()),
        View::File(f) => Body::File(f.path().to_string()),
        View::InStream(_) => Body::Stream(b.clone()),
        _ => {
            if let Some(bytes) = b.byte_array_bytes() {
                Body::Bytes(bytes)
            } else if equality::is_sequential(b) {
                // A seq body: each item as a string, in order.
                let mut out = Vec::new();
                for x in crate::runtime::seq::iter(b) {
                    out.extend_from_slice(str_value(&x?)?.as_bytes());
                }
                Body::Bytes(out)
            } else {
                return Err(bad_response(format!(
                    "unsupported response :body of class {}",
                    b.class_name()
                )));
            }
        }
    })
}

/// A body for an async channel's send, as bytes.
pub(super) fn body_bytes(b: &Value) -> Result<Vec<u8>> {
    Ok(match body_of(b)? {
        Body::Bytes(b) => b,
        Body::File(path) => std::fs::read(&path).map_err(|e| io_err(&path, &e))?,
        Body::Stream(v) => {
            let mut all = Vec::new();
            if let View::InStream(s) = v.view() {
                let mut buf = vec![0u8; 16 << 10];
                loop {
                    let n = s.read_some(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    all.extend_from_slice(&buf[..n]);
                }
                let _ = s.close();
            }
            all
        }
        Body::Channel(_) => {
            return Err(bad_response(
                "an async channel cannot be sent as a body".to_string(),
            ));
        }
    })
}

/// A response with its whole body in hand.
pub(super) struct WholeResponse {
    pub(super) status: u16,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
}

/// What an async channel's first send writes (a map is a Ring response;
/// anything else is the body of a 200).
pub(super) fn prepare_async(data: &Value) -> Result<WholeResponse> {
    if !equality::is_map(data) {
        return Ok(WholeResponse {
            status: 200,
            headers: Vec::new(),
            body: body_bytes(data)?,
        });
    }
    let p = prepare(data)?;
    let body = match p.body {
        Body::Bytes(b) => b,
        Body::Channel(_) => Vec::new(),
        _ => body_bytes(&func::get(data, &Value::keyword(None, "body"), Value::NIL)?)?,
    };
    Ok(WholeResponse {
        status: p.status,
        headers: p.headers,
        body,
    })
}

/// Run `f` with `args` on the handler pool and wait for it (a channel's
/// event handlers: one at a time per connection, in order). An exception
/// is reported, as http-kit logs it.
fn run_on_pool(server: &Server, f: Value, args: Vec<Value>) {
    let (tx, rx) = mpsc::sync_channel::<()>(1);
    let job: Job = Box::new(move || {
        if let Err(e) = invoke(&f, &args) {
            eprintln!("cljw.http.server: error in a channel handler: {e}");
        }
        let _ = tx.send(());
    });
    let sent = lock(&server.jobs).as_ref().map(|s| s.send(job));
    if matches!(sent, Some(Ok(()))) {
        let _ = rx.recv();
    }
}

/// Run the handler on the pool and wait for its prepared response.
fn run_handler(server: &Server, req: Value) -> Prepared {
    let (tx, rx) = mpsc::sync_channel::<Prepared>(1);
    let handler = server.handler.clone();
    let job: Job = Box::new(move || {
        let prepared = invoke(&handler, &[req]).and_then(|r| prepare(&r));
        let prepared = prepared.unwrap_or_else(|e| {
            // http-kit logs the error and answers 500.
            eprintln!("cljw.http.server: error while handling the request: {e}");
            Prepared {
                status: 500,
                headers: vec![("Content-Type".into(), "text/plain".into())],
                body: Body::Bytes(b"Internal Server Error".to_vec()),
            }
        });
        let _ = tx.send(prepared);
    });
    let sent = lock(&server.jobs).as_ref().map(|s| s.send(job));
    if !matches!(sent, Some(Ok(()))) {
        return Prepared {
            status: 503,
            headers: Vec::new(),
            body: Body::Bytes(reason(503).as_bytes().to_vec()),
        };
    }
    rx.recv().unwrap_or(Prepared {
        status: 500,
        headers: Vec::new(),
        body: Body::Bytes(Vec::new()),
    })
}

fn serve_connection(server: &Server, stream: TcpStream, peer: SocketAddr) {
    let limits = &server.limits;
    let _ = stream.set_read_timeout(limits.read_timeout);
    let _ = stream.set_write_timeout(limits.read_timeout);
    let _ = stream.set_nodelay(true);
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    // The write half async channels share (send! runs on any thread).
    let Ok(channel_out) = stream.try_clone() else {
        return;
    };
    let channel_out = Arc::new(Mutex::new(channel_out));
    let mut out = std::io::BufWriter::with_capacity(16 << 10, write_half);
    let mut r = BufReader::with_capacity(16 << 10, stream);
    loop {
        if server.stopping.load(Ordering::SeqCst) {
            return;
        }
        let head = match read_head(&mut r, limits).and_then(|h| match h {
            Some(h) => parse_head(&h).map(Some),
            None => Ok(None),
        }) {
            Ok(Some(h)) => h,
            Ok(None) | Err(ReadErr::Gone) => return,
            Err(ReadErr::Status(s)) => {
                let _ = out.write_all(&simple_response(s, &server.server_header));
                let _ = out.flush();
                linger_close(out.get_ref());
                return;
            }
        };
        let keep = {
            let _counted = InFlight::enter(&server.in_flight);
            answer(server, &mut r, &mut out, &head, &peer, &channel_out)
        };
        if !keep {
            let _ = out.flush();
            linger_close(out.get_ref());
            return;
        }
        // Flush unless the next pipelined request is already here.
        if r.buffer().is_empty() && out.flush().is_err() {
            return;
        }
    }
}

/// Close after the last response: stop writing, then read and drop what
/// the client still sends for a moment, so that closing with unread input
/// (a refused body, say) does not reset the connection and destroy the
/// response before the client has read it.
fn linger_close(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    let mut drained = 0usize;
    while drained < (1 << 20) && start.elapsed() < Duration::from_secs(2) {
        match (&*stream).read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// Read the body, run the handler, write the response. Whether the
/// connection stays open.
fn answer(
    server: &Server,
    r: &mut BufReader<TcpStream>,
    out: &mut impl Write,
    head: &Head,
    peer: &SocketAddr,
    channel_out: &Arc<Mutex<TcpStream>>,
) -> bool {
    let limits = &server.limits;
    let body = framing(head, limits).and_then(|f| {
        let expects_body = !matches!(f, Framing::None);
        if expects_body && head.http11 && head.has_token("expect", "100-continue") {
            out.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .and_then(|_| out.flush())
                .map_err(|_| ReadErr::Gone)?;
        }
        match f {
            Framing::None => Ok(None),
            Framing::Length(n) => {
                let mut b = Vec::new();
                read_exact_into(r, &mut b, n).map(|_| Some(b))
            }
            Framing::Chunked => read_chunked(r, limits.max_body).map(Some),
        }
    });
    let body = match body {
        Ok(b) => b,
        Err(ReadErr::Gone) => return false,
        Err(ReadErr::Status(s)) => {
            let _ = out.write_all(&simple_response(s, &server.server_header));
            return false;
        }
    };
    let keep_alive = if head.http11 {
        !head.has_token("connection", "close")
    } else {
        head.has_token("connection", "keep-alive")
    };
    let websocket = channel::is_upgrade(
        head.header("upgrade"),
        head.has_token("connection", "upgrade"),
    );
    let local = server.addr;
    let ch = channel::new_channel(
        websocket,
        head.header("sec-websocket-key").map(str::to_string),
        channel_out.clone(),
        format!("{local}<->{peer}"),
    );
    let req = request_map(head, body, server, peer, ch, websocket);
    // What is buffered goes out before the handler can write to the
    // channel itself (with-channel's send! inside the handler).
    if out.flush().is_err() {
        return false;
    }
    let prepared = run_handler(server, req);
    if let Body::Channel(v) = &prepared.body {
        let Some(ch) = channel::channel_of(v) else {
            return false;
        };
        let run = |f: Value, args: Vec<Value>| run_on_pool(server, f, args);
        let stopping = || server.stopping.load(Ordering::SeqCst);
        if ch.is_websocket() {
            channel::serve_websocket(ch, r, &prepared.headers, limits.max_body, &stopping, &run);
        } else {
            channel::serve_http_channel(ch, r, &stopping, &run);
        }
        if ch.is_websocket() && !ch.is_closed() {
            // No handshake was possible (no Sec-WebSocket-Key).
            let _ = out.write_all(&simple_response(400, &server.server_header));
        }
        return false;
    }
    let keep_alive = keep_alive && !server.stopping.load(Ordering::SeqCst);
    write_response(server, out, head, prepared, keep_alive).unwrap_or(false)
}

fn write_response(
    server: &Server,
    out: &mut impl Write,
    head: &Head,
    p: Prepared,
    keep_alive: bool,
) -> std::io::Result<bool> {
    let mut keep_alive = keep_alive;
    let no_body = head.method == "HEAD" || p.status == 204 || p.status == 304 || p.status < 200;
    let user_length = p
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<u64>().ok());
    let mut h = format!("HTTP/1.1 {} {}\r\n", p.status, reason(p.status));
    let mut has_server = false;
    for (n, v) in &p.headers {
        if n.eq_ignore_ascii_case("content-length")
            || n.eq_ignore_ascii_case("transfer-encoding")
            || n.eq_ignore_ascii_case("connection")
        {
            continue;
        }
        has_server |= n.eq_ignore_ascii_case("server");
        h.push_str(n);
        h.push_str(": ");
        h.push_str(v);
        h.push_str("\r\n");
    }
    if !has_server && let Some(s) = &server.server_header {
        h.push_str("Server: ");
        h.push_str(s);
        h.push_str("\r\n");
    }
    if !p
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("date"))
    {
        h.push_str("Date: ");
        h.push_str(&http_date_now());
        h.push_str("\r\n");
    }
    // The body and how its end is marked.
    enum Send {
        Whole(Vec<u8>),
        File(std::fs::File, u64),
        Stream(Value, Option<u64>),
    }
    let send = match p.body {
        Body::Bytes(b) => Send::Whole(b),
        Body::File(path) => match std::fs::File::open(&path).and_then(|f| {
            let len = f.metadata()?.len();
            Ok((f, len))
        }) {
            Ok((f, len)) => Send::File(f, len),
            Err(e) => {
                eprintln!("cljw.http.server: response :body file {path}: {e}");
                out.write_all(&simple_response(500, &server.server_header))?;
                return Ok(false);
            }
        },
        Body::Stream(v) => Send::Stream(v, user_length),
        Body::Channel(_) => Send::Whole(Vec::new()),
    };
    let chunked = matches!(send, Send::Stream(_, None)) && !no_body && head.http11;
    match &send {
        Send::Whole(b) => {
            if p.status >= 200 && p.status != 204 && p.status != 304 {
                h.push_str(&format!("Content-Length: {}\r\n", b.len()));
            }
        }
        Send::File(_, len) => h.push_str(&format!("Content-Length: {len}\r\n")),
        Send::Stream(_, Some(len)) => h.push_str(&format!("Content-Length: {len}\r\n")),
        Send::Stream(_, None) => {
            if chunked {
                h.push_str("Transfer-Encoding: chunked\r\n");
            } else if !no_body {
                // HTTP/1.0: the end of the body is the end of the connection.
                keep_alive = false;
            }
        }
    }
    if !keep_alive {
        h.push_str("Connection: close\r\n");
    } else if !head.http11 {
        h.push_str("Connection: keep-alive\r\n");
    }
    h.push_str("\r\n");
    out.write_all(h.as_bytes())?;
    if no_body {
        if let Send::Stream(v, _) = &send
            && let View::InStream(s) = v.view()
        {
            let _ = s.close();
        }
        return Ok(keep_alive);
    }
    match send {
        Send::Whole(b) => out.write_all(&b)?,
        Send::File(mut f, _) => {
            std::io::copy(&mut f, out)?;
        }
        Send::Stream(v, len) => {
            let View::InStream(s) = v.view() else {
                return Ok(false);
            };
            let mut buf = vec![0u8; 16 << 10];
            let mut sent: u64 = 0;
            loop {
                let n = match s.read_some(&mut buf) {
                    Ok(n) => n,
                    Err(e) => {
                        // Headers are out: all we can do is cut the body.
                        eprintln!("cljw.http.server: reading the response body: {e}");
                        return Ok(false);
                    }
                };
                if n == 0 {
                    break;
                }
                let chunk = &buf[..n];
                if chunked {
                    out.write_all(format!("{n:x}\r\n").as_bytes())?;
                    out.write_all(chunk)?;
                    out.write_all(b"\r\n")?;
                } else {
                    let room = len.map_or(n as u64, |l| l.saturating_sub(sent).min(n as u64));
                    out.write_all(&chunk[..room as usize])?;
                }
                sent += n as u64;
            }
            let _ = s.close();
            if chunked {
                out.write_all(b"0\r\n\r\n")?;
            } else if len.is_some_and(|l| sent < l) {
                return Ok(false);
            }
        }
    }
    Ok(keep_alive)
}
