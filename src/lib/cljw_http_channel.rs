//! http-kit's AsyncChannel for cljw.http.server: WebSocket connections
//! (RFC 6455) and HTTP streaming / long-polling responses.
//!
//! Every request map carries `:async-channel` (one of these) and
//! `:websocket?`. A handler that returns `{:body channel}` (what
//! `as-channel` and `with-channel` do) keeps the connection: for a
//! WebSocket upgrade the connection thread answers the handshake (101 with
//! Sec-WebSocket-Accept) and then reads frames, running `:on-receive`,
//! `:on-ping`, `:on-pong` and `:on-close` on the handler pool one at a time
//! per connection; otherwise the response is whatever `send!` writes: the
//! first send writes the head (a whole response when it also closes, else
//! a chunked one), later sends write chunks, and closing writes the last
//! chunk. The connection closes when the channel does.
//!
//! `send!` and `close` run on the caller's thread and write under the
//! channel's lock, so frames from several threads never interleave.
//! Closing runs the close handler once with http-kit's status keyword
//! (:server-close, :client-close, :normal 1000, :going-away 1001,
//! :protocol-error 1002, :unsupported 1003, else :unknown). Handlers are
//! dropped once closed, so a closure that captures its own channel does not
//! keep it alive.
//!
//! Limits: a message (after reassembling fragments) over the server's
//! `:max-body` closes with 1009; unmasked client frames and malformed
//! control frames close with 1002; a text message that is not UTF-8 closes
//! with 1007. Extensions (permessage-deflate) are not negotiated.

use crate::builtins::check_arity;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func::{self, invoke};
use crate::runtime::gc::{Ref, lock};
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// The class name values of this type report.
pub(crate) const CLASS: &str = "org.httpkit.server.AsyncChannel";

const OP_CONT: u8 = 0;
const OP_TEXT: u8 = 1;
const OP_BINARY: u8 = 2;
const OP_CLOSE: u8 = 8;
const OP_PING: u8 = 9;
const OP_PONG: u8 = 10;

/// The GUID RFC 6455 appends to the client's key.
const WS_GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

#[derive(Default)]
struct Handlers {
    on_receive: Option<Value>,
    on_close: Option<Value>,
    on_ping: Option<Value>,
    on_pong: Option<Value>,
    on_open: Option<Value>,
}

#[derive(Default)]
struct State {
    /// HTTP: the response head is out; WebSocket: the handshake is.
    head_sent: bool,
    /// HTTP: the head said chunked.
    chunked: bool,
    closed: bool,
    handlers: Handlers,
}

/// One request's channel.
pub(crate) struct Channel {
    websocket: bool,
    /// The client's Sec-WebSocket-Key.
    ws_key: Option<String>,
    /// The connection's write half, shared with the connection thread.
    out: Arc<Mutex<TcpStream>>,
    state: Mutex<State>,
    closed_cv: Condvar,
    /// `local<->remote`, http-kit's toString.
    label: String,
}

impl ForeignObject for Channel {
    fn java_string(&self, _object: &str) -> String {
        self.label.clone()
    }
}

/// Whether the request head asks for a WebSocket upgrade.
pub(crate) fn is_upgrade(upgrade: Option<&str>, connection_has_upgrade: bool) -> bool {
    connection_has_upgrade && upgrade.is_some_and(|u| u.trim().eq_ignore_ascii_case("websocket"))
}

/// A new channel for a request (`websocket`: the head asked for an
/// upgrade, with `ws_key`).
pub(crate) fn new_channel(
    websocket: bool,
    ws_key: Option<String>,
    out: Arc<Mutex<TcpStream>>,
    label: String,
) -> Value {
    let ch = Channel {
        websocket,
        ws_key,
        out,
        state: Mutex::new(State::default()),
        closed_cv: Condvar::new(),
        label,
    };
    Value::from(Ref::new(HostObject::Foreign(CLASS, Box::new(ch))))
}

pub(crate) fn channel_of(v: &Value) -> Option<&Channel> {
    match v.view() {
        View::HostObject(HostObject::Foreign(c, b)) if *c == CLASS => b.downcast_ref::<Channel>(),
        _ => None,
    }
}

fn arg_channel<'a>(who: &str, v: &'a Value) -> Result<&'a Channel> {
    channel_of(v).ok_or_else(|| {
        Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class {CLASS} ({who})",
                v.class_name()
            ),
        )
    })
}

/// SHA-1 (FIPS 180-4): only the WebSocket handshake uses it.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Sec-WebSocket-Accept for a client's key.
pub(crate) fn accept_key(key: &str) -> String {
    let mut s = key.trim().to_string();
    s.push_str(WS_GUID);
    crate::interop::base64::encode_standard(&sha1(s.as_bytes()))
}

/// One unmasked server frame.
fn frame(opcode: u8, payload: &[u8]) -> Vec<u8> {
    let mut f = Vec::with_capacity(payload.len() + 10);
    f.push(0x80 | opcode);
    match payload.len() {
        n if n < 126 => f.push(n as u8),
        n if n <= 0xFFFF => {
            f.push(126);
            f.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            f.push(127);
            f.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    f.extend_from_slice(payload);
    f
}

fn close_status(code: i64) -> Value {
    let name = match code {
        0 => "server-close",
        -1 => "client-close",
        1000 => "normal",
        1001 => "going-away",
        1002 => "protocol-error",
        1003 => "unsupported",
        _ => "unknown",
    };
    Value::keyword(None, name)
}

impl Channel {
    fn write(&self, bytes: &[u8]) -> bool {
        let mut out = lock(&self.out);
        out.write_all(bytes).and_then(|_| out.flush()).is_ok()
    }

    pub(crate) fn is_websocket(&self) -> bool {
        self.websocket
    }

    pub(crate) fn is_closed(&self) -> bool {
        lock(&self.state).closed
    }

    /// Mark closed and take the close handler (once); wakes the connection
    /// thread. None if it was already closed.
    fn mark_closed(&self) -> Option<Option<Value>> {
        let mut st = lock(&self.state);
        if st.closed {
            return None;
        }
        st.closed = true;
        let handler = st.handlers.on_close.take();
        st.handlers = Handlers::default();
        self.closed_cv.notify_all();
        Some(handler)
    }

    /// Closed from the far side (or by the server stopping, or a protocol
    /// error): run the close handler with `code`'s keyword, once.
    pub(crate) fn closed_with(&self, code: i64, run: &dyn Fn(Value, Vec<Value>)) {
        if let Some(Some(f)) = self.mark_closed() {
            run(f, vec![close_status(code)]);
        }
    }

    /// Write the 101 answer (once). `extra`: the handler's response headers.
    /// False when there is no key to answer or the write failed.
    pub(crate) fn handshake(&self, extra: &[(String, String)]) -> bool {
        let mut st = lock(&self.state);
        if st.head_sent {
            return true;
        }
        let Some(key) = &self.ws_key else {
            return false;
        };
        let mut h = format!(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n",
            accept_key(key)
        );
        for (n, v) in extra {
            let lower = n.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "upgrade" | "connection" | "sec-websocket-accept" | "content-length"
            ) {
                continue;
            }
            h.push_str(&format!("{n}: {v}\r\n"));
        }
        h.push_str("\r\n");
        st.head_sent = true;
        self.write(h.as_bytes())
    }

    /// The handler to run for an event, if set and the channel is open.
    fn handler(&self, pick: fn(&Handlers) -> &Option<Value>) -> Option<Value> {
        let st = lock(&self.state);
        if st.closed {
            return None;
        }
        pick(&st.handlers).clone()
    }

    pub(crate) fn take_on_open(&self) -> Option<Value> {
        lock(&self.state).handlers.on_open.take()
    }

    /// Wait until closed, or `timeout`. Whether it is closed.
    pub(crate) fn wait_closed(&self, timeout: Duration) -> bool {
        let st = lock(&self.state);
        if st.closed {
            return true;
        }
        let (st, _) = self
            .closed_cv
            .wait_timeout(st, timeout)
            .unwrap_or_else(|e| e.into_inner());
        st.closed
    }

    /// Server-side close: a close frame (WebSocket) or the last chunk
    /// (HTTP); runs the close handler with :server-close on this thread.
    fn server_close(&self) -> Result<bool> {
        let (chunked, head_sent) = {
            let st = lock(&self.state);
            if st.closed {
                return Ok(false);
            }
            (st.chunked, st.head_sent)
        };
        if self.websocket {
            if head_sent {
                self.write(&frame(OP_CLOSE, &1000u16.to_be_bytes()));
            }
        } else if chunked {
            self.write(b"0\r\n\r\n");
        }
        if let Some(Some(f)) = self.mark_closed() {
            invoke(&f, &[close_status(0)])?;
        }
        let _ = lock(&self.out).shutdown(std::net::Shutdown::Write);
        Ok(true)
    }

    fn send(&self, data: &Value, close: bool) -> Result<bool> {
        if self.is_closed() {
            return Ok(false);
        }
        if self.websocket {
            let mut data = data.clone();
            if crate::runtime::equality::is_map(&data) {
                let body = func::get(&data, &Value::keyword(None, "body"), Value::NIL)?;
                if !body.is_nil() {
                    data = body;
                }
            }
            let bytes = match data.view() {
                View::Nil => None,
                View::Str(s) => Some(frame(OP_TEXT, s.as_str().as_bytes())),
                View::InStream(_) => Some(frame(
                    OP_BINARY,
                    &super::cljw_http_server::body_bytes(&data)?,
                )),
                _ => match data.byte_array_bytes() {
                    Some(b) => Some(frame(OP_BINARY, &b)),
                    None => {
                        return Err(Exception::new(
                            ExClass::IllegalArgumentException,
                            format!(
                                "only accept string, byte[], InputStream, get{}",
                                crate::runtime::printer::str_value(&data)?
                            ),
                        ));
                    }
                },
            };
            {
                let st = lock(&self.state);
                if st.closed {
                    return Ok(false);
                }
                if !st.head_sent {
                    // Sent before the handshake (with-channel does it first;
                    // as-channel's connection thread after the handler).
                    drop(st);
                    if !self.handshake(&[]) {
                        return Ok(false);
                    }
                }
            }
            if let Some(b) = bytes
                && !self.write(&b)
            {
                return Ok(false);
            }
            if close {
                self.server_close()?;
            }
            return Ok(true);
        }
        // HTTP streaming.
        let first = {
            let mut st = lock(&self.state);
            let first = !st.head_sent;
            st.head_sent = true;
            if first && !close {
                st.chunked = true;
            }
            first
        };
        if first {
            let prepared = super::cljw_http_server::prepare_async(data)?;
            let mut head = format!(
                "HTTP/1.1 {} {}\r\n",
                prepared.status,
                super::cljw_http_server::reason(prepared.status)
            );
            let mut headers = prepared.headers;
            if headers.is_empty() {
                headers.push(("Content-Type".into(), "text/html; charset=utf-8".into()));
            }
            for (n, v) in &headers {
                if n.eq_ignore_ascii_case("content-length")
                    || n.eq_ignore_ascii_case("transfer-encoding")
                    || n.eq_ignore_ascii_case("connection")
                {
                    continue;
                }
                head.push_str(&format!("{n}: {v}\r\n"));
            }
            let body = prepared.body;
            let mut bytes;
            if close {
                head.push_str(&format!(
                    "Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                ));
                bytes = head.into_bytes();
                bytes.extend_from_slice(&body);
            } else {
                head.push_str("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                bytes = head.into_bytes();
                if !body.is_empty() {
                    bytes.extend_from_slice(format!("{:x}\r\n", body.len()).as_bytes());
                    bytes.extend_from_slice(&body);
                    bytes.extend_from_slice(b"\r\n");
                }
            }
            let ok = self.write(&bytes);
            if close {
                if let Some(Some(f)) = self.mark_closed() {
                    invoke(&f, &[close_status(0)])?;
                }
                let _ = lock(&self.out).shutdown(std::net::Shutdown::Write);
            }
            return Ok(ok);
        }
        let body = if crate::runtime::equality::is_map(data) {
            func::get(data, &Value::keyword(None, "body"), Value::NIL)?
        } else {
            data.clone()
        };
        let body = super::cljw_http_server::body_bytes(&body)?;
        let mut ok = true;
        if !body.is_empty() {
            let mut bytes = format!("{:x}\r\n", body.len()).into_bytes();
            bytes.extend_from_slice(&body);
            bytes.extend_from_slice(b"\r\n");
            ok = self.write(&bytes);
        }
        if close {
            self.server_close()?;
        }
        Ok(ok)
    }
}

pub(super) fn channel_send(args: &[Value]) -> Result<Value> {
    check_arity("org.httpkit.server/send!", args, 2, Some(3))?;
    let ch = arg_channel("send!", &args[0])?;
    // http-kit: an HTTP channel closes after a send by default, a
    // WebSocket stays open.
    let close = match args.get(2) {
        Some(v) => v.truthy(),
        None => !ch.websocket,
    };
    Ok(Value::bool(ch.send(&args[1], close)?))
}

pub(super) fn channel_close(args: &[Value]) -> Result<Value> {
    check_arity("org.httpkit.server/close", args, 1, Some(1))?;
    Ok(Value::bool(arg_channel("close", &args[0])?.server_close()?))
}

pub(super) fn channel_open(args: &[Value]) -> Result<Value> {
    check_arity("org.httpkit.server/open?", args, 1, Some(1))?;
    Ok(Value::bool(!arg_channel("open?", &args[0])?.is_closed()))
}

pub(super) fn channel_websocket(args: &[Value]) -> Result<Value> {
    check_arity("org.httpkit.server/websocket?", args, 1, Some(1))?;
    Ok(Value::bool(arg_channel("websocket?", &args[0])?.websocket))
}

/// `(channel-on! ch :receive f)`: sets one of the handlers (:open,
/// :receive, :close, :ping, :pong). A close handler set on a closed
/// channel runs at once with :unknown, as http-kit's does.
pub(super) fn channel_on(args: &[Value]) -> Result<Value> {
    check_arity("cljw.http.server/channel-on!", args, 3, Some(3))?;
    let ch = arg_channel("on-receive", &args[0])?;
    let kind = args[1].as_keyword().map(|k| k.name().to_string());
    let f = args[2].clone();
    let mut st = lock(&ch.state);
    if st.closed {
        drop(st);
        if kind.as_deref() == Some("close") {
            invoke(&f, &[close_status(-2)])?;
        }
        return Ok(Value::NIL);
    }
    let slot = match kind.as_deref() {
        Some("open") => &mut st.handlers.on_open,
        Some("receive") => &mut st.handlers.on_receive,
        Some("close") => &mut st.handlers.on_close,
        Some("ping") => &mut st.handlers.on_ping,
        Some("pong") => &mut st.handlers.on_pong,
        _ => {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    "unknown channel event {}",
                    crate::runtime::printer::pr_str(&args[1])
                ),
            ));
        }
    };
    *slot = Some(f);
    Ok(Value::NIL)
}

/// `(channel-handshake! ch)`: with-channel's explicit handshake.
pub(super) fn channel_handshake(args: &[Value]) -> Result<Value> {
    check_arity("cljw.http.server/channel-handshake!", args, 1, Some(1))?;
    let ch = arg_channel("with-channel", &args[0])?;
    Ok(Value::bool(ch.websocket && ch.handshake(&[])))
}

/// How reading frames ended.
enum Ended {
    /// The client's close frame, with its status (1005 when it had none).
    Closed(i64),
    /// The connection ended without a close frame.
    Gone,
    /// We refused a frame: close with this status.
    Refused(u16),
}

/// Read one frame's header and payload. Err: the connection is gone or
/// the frame is refused.
fn read_frame(
    r: &mut BufReader<TcpStream>,
    max: usize,
) -> std::result::Result<(bool, u8, Vec<u8>), Ended> {
    let mut h = [0u8; 2];
    r.read_exact(&mut h).map_err(|_| Ended::Gone)?;
    let fin = h[0] & 0x80 != 0;
    if h[0] & 0x70 != 0 {
        // RSV bits without a negotiated extension.
        return Err(Ended::Refused(1002));
    }
    let opcode = h[0] & 0x0F;
    let masked = h[1] & 0x80 != 0;
    if !masked {
        return Err(Ended::Refused(1002));
    }
    let len = match h[1] & 0x7F {
        126 => {
            let mut b = [0u8; 2];
            r.read_exact(&mut b).map_err(|_| Ended::Gone)?;
            u64::from(u16::from_be_bytes(b))
        }
        127 => {
            let mut b = [0u8; 8];
            r.read_exact(&mut b).map_err(|_| Ended::Gone)?;
            u64::from_be_bytes(b)
        }
        n => u64::from(n),
    };
    if opcode >= 8 && (len > 125 || !fin) {
        return Err(Ended::Refused(1002));
    }
    if len > max as u64 {
        return Err(Ended::Refused(1009));
    }
    let mut mask = [0u8; 4];
    r.read_exact(&mut mask).map_err(|_| Ended::Gone)?;
    let mut payload = vec![0u8; len as usize];
    r.read_exact(&mut payload).map_err(|_| Ended::Gone)?;
    for (i, b) in payload.iter_mut().enumerate() {
        *b ^= mask[i % 4];
    }
    Ok((fin, opcode, payload))
}

/// Read messages until the connection or the channel closes. `run` runs a
/// handler with its arguments on the handler pool (and waits).
fn read_messages(
    ch: &Channel,
    r: &mut BufReader<TcpStream>,
    max: usize,
    run: &dyn Fn(Value, Vec<Value>),
) -> Ended {
    let mut message: Option<(u8, Vec<u8>)> = None;
    loop {
        let (fin, opcode, payload) = match read_frame(r, max) {
            Ok(f) => f,
            Err(e) => return e,
        };
        match opcode {
            OP_CLOSE => {
                let code = if payload.len() >= 2 {
                    i64::from(u16::from_be_bytes([payload[0], payload[1]]))
                } else {
                    1005
                };
                return Ended::Closed(code);
            }
            OP_PING => {
                ch.write(&frame(OP_PONG, &payload));
                if let Some(f) = ch.handler(|h| &h.on_ping) {
                    run(f, vec![Value::byte_array(&payload)]);
                }
            }
            OP_PONG => {
                if let Some(f) = ch.handler(|h| &h.on_pong) {
                    run(f, vec![Value::byte_array(&payload)]);
                }
            }
            OP_TEXT | OP_BINARY | OP_CONT => {
                match (&mut message, opcode) {
                    (None, OP_CONT) | (Some(_), OP_TEXT | OP_BINARY) => {
                        return Ended::Refused(1002);
                    }
                    (None, _) => message = Some((opcode, payload)),
                    (Some((_, buf)), _) => {
                        if buf.len() + payload.len() > max {
                            return Ended::Refused(1009);
                        }
                        buf.extend_from_slice(&payload);
                    }
                }
                if fin && let Some((kind, bytes)) = message.take() {
                    let msg = if kind == OP_TEXT {
                        match String::from_utf8(bytes) {
                            Ok(s) => Value::string(s),
                            Err(_) => return Ended::Refused(1007),
                        }
                    } else {
                        Value::byte_array(&bytes)
                    };
                    if let Some(f) = ch.handler(|h| &h.on_receive) {
                        run(f, vec![msg]);
                    }
                }
            }
            _ => return Ended::Refused(1002),
        }
        if ch.is_closed() {
            // The server closed it (a handler called close): the client's
            // close frame may follow; nothing more to deliver.
            return Ended::Gone;
        }
    }
}

/// Serve a WebSocket connection after its handler returned the channel:
/// the handshake (unless with-channel did it), :on-open, then messages
/// until it closes. `stopping`: whether the server is stopping.
pub(crate) fn serve_websocket(
    ch: &Channel,
    r: &mut BufReader<TcpStream>,
    extra_headers: &[(String, String)],
    max: usize,
    stopping: &dyn Fn() -> bool,
    run: &dyn Fn(Value, Vec<Value>),
) {
    if !ch.handshake(extra_headers) {
        return;
    }
    // A WebSocket may stay quiet for as long as it likes; stopping the
    // server shuts the socket down, which ends the read.
    let _ = r.get_ref().set_read_timeout(None);
    if let Some(f) = ch.take_on_open() {
        run(f, Vec::new());
    }
    let ended = read_messages(ch, r, max, run);
    match ended {
        Ended::Closed(code) => {
            if !ch.is_closed() {
                let echo = if code == 1005 {
                    Vec::new()
                } else {
                    (code as u16).to_be_bytes().to_vec()
                };
                ch.write(&frame(OP_CLOSE, &echo));
            }
            ch.closed_with(code, run);
        }
        Ended::Gone => ch.closed_with(if stopping() { 0 } else { -1 }, run),
        Ended::Refused(code) => {
            ch.write(&frame(OP_CLOSE, &code.to_be_bytes()));
            ch.closed_with(i64::from(code), run);
        }
    }
}

/// Serve an HTTP channel after its handler returned it: :on-open, then
/// wait until it is closed (by a send that closes, or `close`) or the
/// client goes away.
pub(crate) fn serve_http_channel(
    ch: &Channel,
    r: &mut BufReader<TcpStream>,
    stopping: &dyn Fn() -> bool,
    run: &dyn Fn(Value, Vec<Value>),
) {
    if let Some(f) = ch.take_on_open() {
        run(f, Vec::new());
    }
    let _ = r
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(200)));
    loop {
        if ch.wait_closed(Duration::from_millis(50)) {
            return;
        }
        if stopping() {
            ch.closed_with(0, run);
            return;
        }
        match r.fill_buf() {
            Ok([]) => {
                ch.closed_with(-1, run);
                return;
            }
            // The client sent more (a pipelined request we will not
            // answer on this connection): drop it.
            Ok(buf) => {
                let n = buf.len();
                r.consume(n);
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => {
                ch.closed_with(-1, run);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6455_accept_key() {
        // The example of RFC 6455 section 1.3.
        assert_eq!(
            accept_key("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[test]
    fn sha1_vectors() {
        let hex = |b: [u8; 20]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(sha1(&[b'a'; 1000])),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
    }

    #[test]
    fn frame_lengths() {
        assert_eq!(frame(OP_TEXT, b"hi"), vec![0x81, 2, b'h', b'i']);
        let f = frame(OP_BINARY, &[0u8; 300]);
        assert_eq!(&f[..4], &[0x82, 126, 1, 44]);
        let f = frame(OP_BINARY, &vec![0u8; 70_000]);
        assert_eq!(f[1], 127);
        assert_eq!(f.len(), 70_000 + 10);
    }
}
