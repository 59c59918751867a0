//! The nREPL server (feature `nrepl`): bencode over TCP, the ops of nREPL
//! 1.x plus the `cider/`-prefixed ones CIDER asks for first. One thread per
//! connection reads requests and answers lookups itself; evaluation runs on
//! each session's own thread (see `session`).

pub mod bencode;
mod ops;
mod session;
mod transport;

use crate::Backend;
use bencode::{Bencode, DecodeError};
use session::Session;
use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, OnceLock};
use transport::{Reply, Transport};

/// Each session is a thread with a large stack reservation: one client
/// cannot open more than this many.
const MAX_SESSIONS_PER_CONNECTION: usize = 256;

/// `cljw nrepl-server` options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    pub host: String,
    /// 0: any free port.
    pub port: u16,
}

impl Default for ServerOptions {
    fn default() -> ServerOptions {
        ServerOptions {
            host: "127.0.0.1".into(),
            port: 0,
        }
    }
}

/// Every open session, by id (sessions outlive connections in nREPL, but
/// ours close with the connection that made them).
fn sessions() -> &'static Mutex<HashMap<String, Arc<Session>>> {
    static S: OnceLock<Mutex<HashMap<String, Arc<Session>>>> = OnceLock::new();
    S.get_or_init(|| Mutex::new(HashMap::new()))
}

fn find_session(id: &str) -> Option<Arc<Session>> {
    crate::runtime::gc::lock(sessions()).get(id).cloned()
}

/// A fresh session id (a random-looking UUID, as nREPL's).
fn new_session_id() -> String {
    crate::runtime::printer::str_value(&crate::runtime::value::Value::random_uuid())
        .unwrap_or_default()
}

fn is_loopback(host: &str) -> bool {
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host == "localhost",
    }
}

/// Run the server until SIGINT/SIGTERM; returns the exit status.
pub fn run(opts: &ServerOptions, backend: Backend) -> i32 {
    let listener = match TcpListener::bind((opts.host.as_str(), opts.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "cljw: cannot start the nREPL server on {}:{}: {e}",
                opts.host, opts.port
            );
            return 1;
        }
    };
    let port = match listener.local_addr() {
        Ok(a) => a.port(),
        Err(e) => {
            eprintln!("cljw: {e}");
            return 1;
        }
    };
    if !is_loopback(&opts.host) {
        eprintln!(
            "WARNING: the nREPL server listens on {}, not a loopback address: \
             anyone who can reach this port on the network can run any code as you.",
            opts.host
        );
    }
    // Before the port is announced: a client may signal at once.
    super::sigint::stop_on_signals();
    let port_file = std::path::Path::new(".nrepl-port");
    let wrote_port_file = std::fs::write(port_file, port.to_string()).is_ok();
    println!(
        "nREPL server started on port {port} on host {h} - nrepl://{h}:{port}",
        h = opts.host
    );
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let status = serve(listener, backend);
    if wrote_port_file {
        let _ = std::fs::remove_file(port_file);
    }
    status
}

/// Accept connections until a stop signal.
fn serve(listener: TcpListener, backend: Backend) -> i32 {
    if let Err(e) = listener.set_nonblocking(true) {
        eprintln!("cljw: {e}");
        return 1;
    }
    while !super::sigint::stop_requested() {
        match listener.accept() {
            Ok((stream, _)) => {
                let _ = std::thread::Builder::new()
                    .name("nrepl-connection".into())
                    .stack_size(64 << 20)
                    .spawn(move || connection(stream, backend));
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(25)),
        }
    }
    0
}

/// Serve one client until it disconnects or sends something unreadable;
/// then close the sessions it opened (interrupting their evals).
fn connection(stream: TcpStream, backend: Backend) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_nodelay(true);
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let transport = Transport::new(write_half);
    let _rt = crate::Runtime::new(backend);
    let mut input = std::io::BufReader::new(stream);
    let mut opened: Vec<String> = Vec::new();
    loop {
        match bencode::read(&mut input) {
            Ok(msg @ Bencode::Dict(_)) => {
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handle(&transport, &msg, backend, &mut opened)
                }));
                if r.is_err() {
                    Reply::new(transport.clone(), msg.get("id").cloned(), None).send([
                        (
                            "err",
                            Bencode::str("cljw: internal error in this request\n"),
                        ),
                        ("status", Bencode::strs(["error", "done"])),
                    ]);
                }
            }
            Ok(_) => Reply::new(transport.clone(), None, None)
                .send([("status", Bencode::strs(["error", "not-a-message", "done"]))]),
            Err(DecodeError::Eof | DecodeError::Io(_)) => break,
            Err(e) => {
                Reply::new(transport.clone(), None, None).send([
                    ("err", Bencode::str(&format!("{e}\n"))),
                    ("status", Bencode::strs(["error", "done"])),
                ]);
                break;
            }
        }
    }
    transport.close();
    let mut all = crate::runtime::gc::lock(sessions());
    for id in opened {
        if let Some(s) = all.remove(&id) {
            s.close();
        }
    }
}

fn str_field(msg: &Bencode, k: &str) -> Option<String> {
    msg.get(k).and_then(Bencode::as_str)
}

fn int_field(msg: &Bencode, k: &str) -> Option<i64> {
    match msg.get(k)? {
        Bencode::Int(n) => Some(*n),
        b => b.as_str()?.trim().parse().ok(),
    }
}

fn start_session(seed: session::Seed, backend: Backend) -> Option<Arc<Session>> {
    Session::spawn(new_session_id(), seed, backend).ok()
}

/// Answer one request.
fn handle(transport: &Arc<Transport>, msg: &Bencode, backend: Backend, opened: &mut Vec<String>) {
    let op = str_field(msg, "op").unwrap_or_default();
    let session_id = str_field(msg, "session");
    let reply = Reply::new(
        transport.clone(),
        msg.get("id").cloned(),
        session_id.clone(),
    );
    // nREPL answers a request naming an unknown session this way, whatever the op.
    let session = match &session_id {
        Some(id) => match find_session(id) {
            Some(s) => Some(s),
            None => {
                return reply.send([(
                    "status",
                    Bencode::strs(["error", "unknown-session", "done"]),
                )]);
            }
        },
        None => None,
    };
    let op = op.strip_prefix("cider/").unwrap_or(&op).to_string();
    match op.as_str() {
        "clone" if opened.len() >= MAX_SESSIONS_PER_CONNECTION => reply.send([(
            "status",
            Bencode::strs(["error", "too-many-sessions", "done"]),
        )]),
        "clone" => {
            let seed = session.map(|s| s.seed()).unwrap_or_default();
            match start_session(seed, backend) {
                Some(s) => {
                    crate::runtime::gc::lock(sessions()).insert(s.id.clone(), s.clone());
                    opened.push(s.id.clone());
                    reply.send([
                        ("new-session", Bencode::str(&s.id)),
                        ("status", Bencode::strs(["done"])),
                    ]);
                }
                None => reply.send([("status", Bencode::strs(["error", "done"]))]),
            }
        }
        "close" => {
            if let Some(s) = session {
                crate::runtime::gc::lock(sessions()).remove(&s.id);
                opened.retain(|i| *i != s.id);
                s.close();
            }
            reply.send([("status", Bencode::strs(["done", "session-closed"]))]);
        }
        "ls-sessions" => {
            let mut ids: Vec<String> = crate::runtime::gc::lock(sessions())
                .keys()
                .cloned()
                .collect();
            ids.sort();
            reply.send([
                ("sessions", Bencode::strs(ids)),
                ("status", Bencode::strs(["done"])),
            ]);
        }
        "interrupt" => match session {
            None => reply.send([(
                "status",
                Bencode::strs(["error", "session-ephemeral", "done"]),
            )]),
            Some(s) => match s.interrupt(msg.get("interrupt-id")) {
                session::InterruptOutcome::Idle => {
                    reply.send([("status", Bencode::strs(["session-idle", "done"]))])
                }
                session::InterruptOutcome::Mismatch => reply.send([(
                    "status",
                    Bencode::strs(["error", "interrupt-id-mismatch", "done"]),
                )]),
                session::InterruptOutcome::Interrupted => {
                    reply.send([("status", Bencode::strs(["done"]))])
                }
            },
        },
        "stdin" => {
            if let Some(s) = session {
                s.add_input(&str_field(msg, "stdin").unwrap_or_default());
            }
            reply.send([("status", Bencode::strs(["done"]))]);
        }
        "eval" | "load-file" | "macroexpand" => {
            let job = match session_job(&op, msg, &reply) {
                Ok(j) => j,
                Err(status) => return reply.send([("status", Bencode::strs(status))]),
            };
            let (s, ephemeral) = match session {
                Some(s) => (s, false),
                None => match start_session(session::Seed::default(), backend) {
                    Some(s) => (s, true),
                    None => return reply.send([("status", Bencode::strs(["error", "done"]))]),
                },
            };
            if !s.submit(job) {
                reply.send([("status", Bencode::strs(["error", "session-closed", "done"]))]);
            }
            if ephemeral {
                s.finish();
            }
        }
        _ => {
            let ns = session
                .as_ref()
                .map(|s| s.ns())
                .unwrap_or_else(|| "user".into());
            if !ops::answer(&op, msg, &reply, &ns, session.as_deref()) {
                reply.send([
                    ("op", Bencode::str(&op)),
                    ("status", Bencode::strs(["error", "unknown-op", "done"])),
                ]);
            }
        }
    }
}

/// The session-thread job of an eval, load-file or macroexpand request;
/// Err(status) when the request lacks what it needs.
fn session_job(op: &str, msg: &Bencode, reply: &Reply) -> Result<session::Job, Vec<&'static str>> {
    let reply = reply.clone();
    let ns = str_field(msg, "ns").filter(|n| !n.is_empty());
    match op {
        "eval" => {
            let Some(code) = str_field(msg, "code") else {
                return Err(vec!["error", "no-code", "done"]);
            };
            let req = session::EvalRequest {
                code,
                ns,
                file: str_field(msg, "file"),
                line: int_field(msg, "line"),
                column: int_field(msg, "column"),
            };
            Ok(Box::new(move |rt, s| {
                session::eval(rt, s, &reply.with_session(&s.id), req)
            }))
        }
        "load-file" => {
            let content = str_field(msg, "file").unwrap_or_default();
            let name = str_field(msg, "file-name");
            let path = str_field(msg, "file-path")
                .or_else(|| name.clone())
                .unwrap_or_else(|| "NO_SOURCE_FILE".into());
            let name = name.unwrap_or_else(|| path.rsplit('/').next().unwrap_or("").to_string());
            Ok(Box::new(move |rt, s| {
                let reply = reply.with_session(&s.id);
                session::load_file(rt, s, &reply, &content, &path, &name)
            }))
        }
        _ => {
            let code = str_field(msg, "code").unwrap_or_default();
            let expander = str_field(msg, "expander").unwrap_or_else(|| "macroexpand".into());
            Ok(Box::new(move |rt, s| {
                session::macroexpand(
                    rt,
                    s,
                    &reply.with_session(&s.id),
                    &code,
                    &expander,
                    ns.as_deref(),
                )
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_loopback_hosts_skip_the_warning() {
        for h in ["127.0.0.1", "localhost", "::1", "127.1.2.3"] {
            assert!(super::is_loopback(h), "{h}");
        }
        for h in ["0.0.0.0", "::", "192.168.1.10", "example.com"] {
            assert!(!super::is_loopback(h), "{h}");
        }
    }
}
