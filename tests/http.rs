//! The HTTP server and client (feature `http`) on loopback: the built
//! `cljw` runs tests/http/server.clj (a server on 127.0.0.1, port 0) and
//! these tests talk to it over raw sockets — GET/POST, keep-alive and
//! pipelining, chunked bodies both ways, the 400/408/413/414/431 limits,
//! slow clients that must not block others, graceful stop — then run the
//! babashka.http-client tests (tests/http/client_test.clj, clojure.test,
//! client against server in one process) and, where `wrk` is installed,
//! a short load test that prints throughput (no timing is asserted).
//! Nothing here talks to any address but 127.0.0.1.
#![cfg(feature = "http")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// tests/http/server.clj running in a child cljw; stopped on drop.
struct Server {
    child: Child,
    port: u16,
    out: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(backend: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .arg(format!("--backend={backend}"))
            .arg("tests/http/server.clj")
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run cljw");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        out.read_line(&mut line).expect("port line");
        let port = line
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("server said {line:?}"));
        Server { child, port, out }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        s
    }

    /// Ask the server to stop; its last line ("stopped").
    fn stop(&mut self) -> String {
        if let Some(mut stdin) = self.child.stdin.take() {
            let _ = stdin.write_all(b"stop\n");
        }
        let mut line = String::new();
        let _ = self.out.read_line(&mut line);
        line
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    /// Lower-cased names.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn read_line(r: &mut impl BufRead) -> String {
    let mut line = String::new();
    r.read_line(&mut line).expect("read line");
    line.trim_end_matches(['\r', '\n']).to_string()
}

/// Read one response (a HEAD response has no body).
fn read_response(r: &mut impl BufRead, head_request: bool) -> Response {
    let status_line = read_line(r);
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("status line {status_line:?}"));
    let mut headers = Vec::new();
    loop {
        let l = read_line(r);
        if l.is_empty() {
            break;
        }
        let (n, v) = l.split_once(':').expect("header line");
        headers.push((n.to_ascii_lowercase(), v.trim().to_string()));
    }
    let mut resp = Response {
        status,
        headers,
        body: Vec::new(),
    };
    if head_request {
        return resp;
    }
    if resp.header("transfer-encoding") == Some("chunked") {
        loop {
            let size = usize::from_str_radix(&read_line(r), 16).expect("chunk size");
            if size == 0 {
                assert_eq!(read_line(r), "");
                break;
            }
            let mut chunk = vec![0; size];
            r.read_exact(&mut chunk).expect("chunk");
            resp.body.extend_from_slice(&chunk);
            assert_eq!(read_line(r), "");
        }
    } else if let Some(len) = resp.header("content-length") {
        let mut b = vec![0; len.parse().expect("length")];
        r.read_exact(&mut b).expect("body");
        resp.body = b;
    } else {
        r.read_to_end(&mut resp.body).expect("body to close");
    }
    resp
}

/// Send `raw` on a new connection and read one response.
fn exchange(server: &Server, raw: &[u8]) -> Response {
    let mut s = server.connect();
    s.write_all(raw).expect("send");
    read_response(&mut BufReader::new(s), false)
}

fn get(server: &Server, path: &str) -> Response {
    exchange(
        server,
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

/// Whether the connection was closed by the server (EOF on read).
fn closed(r: &mut impl Read) -> bool {
    let mut b = [0u8; 1];
    matches!(r.read(&mut b), Ok(0) | Err(_))
}

#[test]
fn get_post_and_bodies() {
    for backend in ["vm", "tree-walk"] {
        let server = Server::start(backend);
        let r = get(&server, "/hello");
        assert_eq!(r.status, 200);
        assert_eq!(r.text(), "hello");
        assert_eq!(r.header("content-type"), Some("text/plain"));
        assert_eq!(r.header("content-length"), Some("5"));
        assert_eq!(r.header("server"), Some("cljw"));
        let date = r.header("date").expect("a Date header");
        assert!(date.ends_with(" GMT") && date.len() == 29, "{date}");

        let r = exchange(
            &server,
            b"POST /echo?a=1&b=2 HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\npayload",
        );
        assert_eq!(r.status, 201);
        assert_eq!(r.text(), "payload");
        assert_eq!(r.header("x-method"), Some("post"));
        assert_eq!(r.header("x-query"), Some("a=1&b=2"));
        assert_eq!(r.header("x-length"), Some("7"));

        let r = get(&server, "/echo");
        assert_eq!(r.text(), "<none>", "no body: :body nil");

        let r = exchange(
            &server,
            b"GET /req?q=1 HTTP/1.1\r\nHost: example.test:8080\r\nX-Two: a\r\nx-two: b\r\nConnection: close\r\n\r\n",
        );
        assert_eq!(
            r.text(),
            "{:headers {\"connection\" \"close\", \"host\" \"example.test:8080\", \"x-two\" \"a,b\"}, \
             :protocol \"HTTP/1.1\", :query-string \"q=1\", :remote-addr \"127.0.0.1\", \
             :request-method :get, :scheme :http, :server-name \"example.test\", :uri \"/req\"}"
        );

        assert_eq!(get(&server, "/seq").text(), "01234");
        assert_eq!(get(&server, "/bytes").text(), "some bytes");
        let r = get(&server, "/file");
        assert_eq!(
            (r.text().as_str(), r.header("content-length")),
            ("file body", Some("9"))
        );
        let r = get(&server, "/multi");
        let cookies: Vec<_> = r
            .headers
            .iter()
            .filter(|(n, _)| n == "set-cookie")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(cookies, ["a=1", "b=2"]);
        let r = get(&server, "/throw");
        assert_eq!(r.status, 500);
        assert_eq!(get(&server, "/nil").status, 404);
        assert_eq!(get(&server, "/missing").status, 404);

        // HEAD: the headers of a GET, no body.
        let mut s = server.connect();
        s.write_all(b"HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .expect("send");
        let mut r = BufReader::new(s);
        let head = read_response(&mut r, true);
        assert_eq!(
            (head.status, head.header("content-length")),
            (200, Some("5"))
        );
        assert_eq!(read_response(&mut r, false).text(), "hello");
    }
}

#[test]
fn keep_alive_and_pipelining() {
    let server = Server::start("vm");
    let mut s = server.connect();
    let mut r = BufReader::new(s.try_clone().expect("clone"));
    for i in 0..3 {
        s.write_all(format!("GET /echo?n={i} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .expect("send");
        let resp = read_response(&mut r, false);
        assert_eq!(resp.header("x-query"), Some(format!("n={i}").as_str()));
        assert_eq!(resp.header("connection"), None, "HTTP/1.1 stays open");
    }
    // Three pipelined requests in one write, answered in order.
    s.write_all(
        b"GET /echo?p=1 HTTP/1.1\r\nHost: x\r\n\r\n\
          POST /echo?p=2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc\
          GET /echo?p=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .expect("send");
    for (q, body) in [("p=1", "<none>"), ("p=2", "abc"), ("p=3", "<none>")] {
        let resp = read_response(&mut r, false);
        assert_eq!(
            (resp.header("x-query"), resp.text().as_str()),
            (Some(q), body)
        );
    }
    assert!(closed(&mut r), "Connection: close closes");

    // HTTP/1.0 closes unless asked to keep alive.
    let mut s = server.connect();
    s.write_all(b"GET /hello HTTP/1.0\r\n\r\n").expect("send");
    let mut r = BufReader::new(s);
    let resp = read_response(&mut r, false);
    assert_eq!(
        (resp.status, resp.header("connection")),
        (200, Some("close"))
    );
    assert!(closed(&mut r));
    let mut s = server.connect();
    s.write_all(b"GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        .expect("send");
    let mut r = BufReader::new(s.try_clone().expect("clone"));
    let resp = read_response(&mut r, false);
    assert_eq!(resp.header("connection"), Some("keep-alive"));
    s.write_all(b"GET /hello HTTP/1.0\r\n\r\n").expect("send");
    assert_eq!(read_response(&mut r, false).text(), "hello");
}

#[test]
fn chunked_bodies() {
    let server = Server::start("vm");
    let r = exchange(
        &server,
        b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n\
          5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: t\r\n\r\n",
    );
    assert_eq!((r.status, r.text().as_str()), (201, "hello world"));
    assert_eq!(r.header("x-length"), Some("11"));
    // An InputStream body is sent chunked.
    let r = get(&server, "/stream");
    assert_eq!(r.header("transfer-encoding"), Some("chunked"));
    assert_eq!(r.text(), "streamed body");
    // To HTTP/1.0 it is sent to the end of the connection instead.
    let r = exchange(&server, b"GET /stream HTTP/1.0\r\n\r\n");
    assert_eq!(
        (r.header("transfer-encoding"), r.text().as_str()),
        (None, "streamed body")
    );
    // Expect: 100-continue gets the interim response before the body.
    let mut s = server.connect();
    s.write_all(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut r = BufReader::new(s.try_clone().expect("clone"));
    assert_eq!(read_line(&mut r), "HTTP/1.1 100 Continue");
    assert_eq!(read_line(&mut r), "");
    s.write_all(b"ok").expect("body");
    assert_eq!(read_response(&mut r, false).text(), "ok");
}

#[test]
fn limits_and_malformed_requests() {
    let server = Server::start("vm");
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("garbage request line", b"GARBAGE\r\n\r\n".to_vec(), 400),
        ("bad version", b"GET / HTTP/9.9\r\n\r\n".to_vec(), 400),
        (
            "bad header line",
            b"GET / HTTP/1.1\r\nno colon here\r\n\r\n".to_vec(),
            400,
        ),
        (
            "bad content-length",
            b"POST /echo HTTP/1.1\r\nContent-Length: 1x\r\n\r\n".to_vec(),
            400,
        ),
        (
            "length and chunked",
            b"POST /echo HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                .to_vec(),
            400,
        ),
        (
            "bad chunk size",
            b"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".to_vec(),
            400,
        ),
        (
            "body over :max-body",
            b"POST /echo HTTP/1.1\r\nContent-Length: 5000\r\n\r\n".to_vec(),
            413,
        ),
        (
            "body over :max-body, sent whole",
            [
                b"POST /echo HTTP/1.1\r\nContent-Length: 100000\r\n\r\n".to_vec(),
                vec![b'x'; 100_000],
            ]
            .concat(),
            413,
        ),
        (
            "chunked body over :max-body",
            [
                b"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec(),
                b"400\r\n".to_vec(),
                vec![b'a'; 1024],
                b"\r\n1\r\n".to_vec(),
            ]
            .concat(),
            413,
        ),
        (
            "head over :max-header",
            format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "b".repeat(3000)).into_bytes(),
            431,
        ),
        (
            "request line over :max-line",
            format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(9000)).into_bytes(),
            414,
        ),
    ];
    for (what, raw, status) in cases {
        let mut s = server.connect();
        // The server may answer and close before reading everything.
        let _ = s.write_all(&raw);
        let mut r = BufReader::new(s);
        let resp = read_response(&mut r, false);
        assert_eq!(resp.status, status, "{what}");
        assert_eq!(resp.header("connection"), Some("close"), "{what}");
        assert!(closed(&mut r), "{what}: closed after the error");
    }
    // Still serving.
    assert_eq!(get(&server, "/hello").text(), "hello");
}

#[test]
fn slow_clients_do_not_block_others() {
    let server = Server::start("vm");
    // Slowloris: many connections each holding half a request head, and
    // one that never sends anything.
    let mut slow: Vec<TcpStream> = (0..20)
        .map(|i| {
            let mut s = server.connect();
            s.write_all(format!("GET /hello HTTP/1.1\r\nX-Slow-{i}: ").as_bytes())
                .expect("send");
            s
        })
        .collect();
    let silent = server.connect();
    // A half-sent body.
    let mut half = server.connect();
    half.write_all(b"POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly part")
        .expect("send");
    // Everyone else is served meanwhile, including while a slow client
    // trickles bytes.
    for i in 0..10 {
        let _ = slow[0].write_all(b"x");
        let r = get(&server, &format!("/echo?i={i}"));
        assert_eq!(r.header("x-query"), Some(format!("i={i}").as_str()));
    }
    // Past :read-timeout (1.5 s) a request left unfinished gets 408 and is
    // closed; an idle connection is closed without a response.
    let mut r = BufReader::new(slow.pop().expect("slow"));
    assert_eq!(read_response(&mut r, false).status, 408);
    let mut r = BufReader::new(half);
    assert_eq!(read_response(&mut r, false).status, 408);
    let mut silent = silent;
    assert!(closed(&mut silent));
    assert_eq!(get(&server, "/hello").text(), "hello");
}

#[test]
fn graceful_stop() {
    let mut server = Server::start("vm");
    let port = server.port;
    // A request in flight when stop is asked for still gets its answer.
    let mut s = server.connect();
    s.write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("send");
    std::thread::sleep(Duration::from_millis(100));
    let stopper = std::thread::spawn(move || {
        let line = server.stop();
        (server, line)
    });
    let mut r = BufReader::new(s);
    let resp = read_response(&mut r, false);
    assert_eq!((resp.status, resp.text().as_str()), (200, "slow done"));
    assert_eq!(
        resp.header("connection"),
        Some("close"),
        "no keep-alive while stopping"
    );
    let (_server, line) = stopper.join().expect("stopper");
    assert_eq!(line.trim(), "stopped");
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "no longer accepting"
    );
}

/// babashka.http-client, org.httpkit.server and cljw.http.server from
/// Clojure: tests/http/client_test.clj (clojure.test) on both backends.
#[test]
fn client_against_server() {
    for backend in ["vm", "tree-walk"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
            .arg(format!("--backend={backend}"))
            .arg("tests/http/client_test.clj")
            .current_dir(root())
            .stdin(Stdio::null())
            .output()
            .expect("run cljw");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stdout.contains("\n0 failures, 0 errors."),
            "[{backend}] client_test.clj:\n{stdout}\n{stderr}"
        );
    }
}

/// A short wrk run on loopback when wrk is installed: prints the
/// throughput (debug build: the figures in docs/performance.md come from a
/// release build, see there). Asserts only that the server answered.
#[test]
fn load_with_wrk() {
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("wrk not installed: load test skipped");
        return;
    }
    let server = Server::start("vm");
    let url = format!("http://127.0.0.1:{}/hello", server.port);
    let out = Command::new("wrk")
        .args(["-t2", "-c32", "-d2s", "--latency", &url])
        .output()
        .expect("run wrk");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("wrk -t2 -c32 -d2s --latency {url}\n{text}");
    assert!(text.contains("Requests/sec"), "wrk output:\n{text}");
    assert!(!text.contains("Non-2xx"), "wrk saw errors:\n{text}");
    assert_eq!(get(&server, "/hello").text(), "hello");
}

/// examples/json_api.clj (server, cheshire and client together) runs and
/// prints each call's status and decoded JSON.
#[test]
fn json_api_example() {
    let out = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .arg("examples/json_api.clj")
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("run cljw");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            r#"[201 {:id 1, :title "write the server", :done false}]"#,
            r#"[201 {:id 2, :title "call it", :done false}]"#,
            r#"[422 {:error "title is required"}]"#,
            r#"[200 {:id 1, :title "write the server", :done true}]"#,
            r#"[200 ({:id 1, :title "write the server", :done true} {:id 2, :title "call it", :done false})]"#,
            "[204 nil]",
            r#"[200 ({:id 1, :title "write the server", :done true})]"#,
            r#"[404 {:error "not found"}]"#,
        ]
    );
}

/// A running server keeps the process alive after its script ends (as
/// http-kit's non-daemon thread does on the JVM); stopping it lets the
/// process exit normally.
#[test]
fn server_outlives_the_script_until_stopped() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cljw"))
        .arg("tests/http/serve_after_main.clj")
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run cljw");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("port line");
    let port: u16 = line.trim()["port ".len()..].parse().expect("port");
    let request = |path: &str| {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        s.write_all(
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .expect("send");
        read_response(&mut BufReader::new(s), false).text()
    };
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(request("/"), "still serving");
    assert_eq!(
        child.try_wait().expect("wait"),
        None,
        "alive after the script"
    );
    assert_eq!(request("/stop"), "stopping");
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break Some(st);
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        status.is_some_and(|s| s.success()),
        "exits normally once stopped: {status:?}"
    );
}

/// A WebSocket client over a raw socket: frames are masked as RFC 6455
/// requires of clients.
struct Ws {
    r: BufReader<TcpStream>,
    w: TcpStream,
}

impl Ws {
    fn open(server: &Server, path: &str) -> (Ws, Response) {
        let mut s = server.connect();
        s.write_all(
            format!(
                "GET {path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            )
            .as_bytes(),
        )
        .expect("send handshake");
        let w = s.try_clone().expect("clone");
        let mut r = BufReader::new(s);
        let resp = read_response(&mut r, true);
        (Ws { r, w }, resp)
    }

    fn send(&mut self, opcode: u8, payload: &[u8]) {
        self.send_frame(true, opcode, payload);
    }

    fn send_frame(&mut self, fin: bool, opcode: u8, payload: &[u8]) {
        let mask = [0x12u8, 0x34, 0x56, 0x78];
        let mut f = vec![if fin { 0x80 } else { 0 } | opcode];
        if payload.len() < 126 {
            f.push(0x80 | payload.len() as u8);
        } else {
            f.push(0x80 | 126);
            f.extend_from_slice(&(payload.len() as u16).to_be_bytes());
        }
        f.extend_from_slice(&mask);
        f.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.w.write_all(&f).expect("send frame");
    }

    /// (opcode, payload) of the next server frame.
    fn recv(&mut self) -> (u8, Vec<u8>) {
        let mut h = [0u8; 2];
        self.r.read_exact(&mut h).expect("frame header");
        assert_eq!(h[1] & 0x80, 0, "server frames are not masked");
        let len = match h[1] & 0x7F {
            126 => {
                let mut b = [0u8; 2];
                self.r.read_exact(&mut b).expect("len");
                u16::from_be_bytes(b) as usize
            }
            127 => panic!("unexpected 64-bit length"),
            n => n as usize,
        };
        let mut p = vec![0u8; len];
        self.r.read_exact(&mut p).expect("payload");
        (h[0] & 0x0F, p)
    }

    fn text(&mut self) -> String {
        let (op, p) = self.recv();
        assert_eq!(op, 1, "a text frame");
        String::from_utf8(p).expect("utf-8")
    }
}

#[test]
fn websockets() {
    for backend in ["vm", "tree-walk"] {
        let server = Server::start(backend);
        let (mut ws, resp) = Ws::open(&server, "/ws");
        assert_eq!(resp.status, 101, "[{backend}]");
        assert_eq!(
            resp.header("sec-websocket-accept"),
            Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        );
        assert_eq!(ws.text(), "open true");
        ws.send(1, b"hello");
        assert_eq!(ws.text(), "echo: hello");
        // A fragmented text message, a ping between its fragments.
        ws.send_frame(false, 1, b"frag");
        ws.send(9, b"p1");
        assert_eq!(ws.recv(), (10, b"p1".to_vec()), "pong echoes the ping");
        ws.send_frame(true, 0, b"mented");
        assert_eq!(ws.text(), "echo: fragmented");
        ws.send(2, &[1, 2, 3]);
        assert_eq!(ws.recv(), (2, vec![3, 2, 1]));
        let long = "x".repeat(300);
        ws.send(1, long.as_bytes());
        assert_eq!(ws.text(), format!("echo: {long}"));
        ws.send(1, b"events");
        assert_eq!(ws.text(), "[:open [:ping \"p1\"]]");
        // The client closes: the server echoes the status.
        ws.send(8, &1000u16.to_be_bytes());
        assert_eq!(ws.recv(), (8, 1000u16.to_be_bytes().to_vec()));
        assert!(closed(&mut ws.r));

        // The server closes.
        let (mut ws, _) = Ws::open(&server, "/ws");
        assert_eq!(ws.text(), "open true");
        ws.send(1, b"close");
        assert_eq!(ws.recv(), (8, 1000u16.to_be_bytes().to_vec()));

        // An unmasked client frame is a protocol error (1002).
        let (mut ws, _) = Ws::open(&server, "/ws");
        assert_eq!(ws.text(), "open true");
        ws.w.write_all(&[0x81, 2, b'h', b'i']).expect("send");
        assert_eq!(ws.recv(), (8, 1002u16.to_be_bytes().to_vec()));
        assert!(closed(&mut ws.r));

        // A text message that is not UTF-8 (1007).
        let (mut ws, _) = Ws::open(&server, "/ws");
        assert_eq!(ws.text(), "open true");
        ws.send(1, &[0xff, 0xfe]);
        assert_eq!(ws.recv(), (8, 1007u16.to_be_bytes().to_vec()));

        // A message over :max-body (1024 here) is refused (1009).
        let (mut ws, _) = Ws::open(&server, "/ws");
        assert_eq!(ws.text(), "open true");
        ws.send(2, &[0u8; 2000]);
        assert_eq!(ws.recv(), (8, 1009u16.to_be_bytes().to_vec()));

        // with-channel: the handler sends first.
        let (mut ws, resp) = Ws::open(&server, "/ws-old");
        assert_eq!(resp.status, 101);
        assert_eq!(ws.text(), "hi");
        ws.send(1, b"shout");
        assert_eq!(ws.text(), "SHOUT");

        // An upgrade without a key gets 400.
        let resp = exchange(
            &server,
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        );
        assert_eq!(resp.status, 400, "[{backend}]");
        // Plain requests still work beside open WebSockets.
        assert_eq!(get(&server, "/hello").text(), "hello");
    }
}

#[test]
fn async_http_channels() {
    for backend in ["vm", "tree-walk"] {
        let server = Server::start(backend);
        let resp = get(&server, "/async");
        assert_eq!(resp.status, 202, "[{backend}]");
        assert_eq!(resp.header("x-a"), Some("1"));
        assert_eq!(resp.header("transfer-encoding"), Some("chunked"));
        assert_eq!(resp.text(), "one,two,three");
        let resp = get(&server, "/poll");
        assert_eq!(resp.status, 200);
        assert_eq!(resp.header("content-length"), Some("6"));
        assert_eq!(resp.text(), "polled");
    }
}
