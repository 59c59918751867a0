//! nREPL sessions. Each session owns a thread (with the evaluation stack
//! size of the CLI) that holds its dynamic bindings (`*ns*`, `*1 *2 *3 *e`,
//! `*out*`/`*err*` replying to the client, `*in*` asking it for input) and
//! runs its evals, load-files and macroexpansions one at a time. Other
//! threads reach a session through [`Session`]: its job queue, interrupt
//! flag, input buffer and a snapshot of its namespace and last error.

use super::bencode::Bencode;
use super::transport::Reply;
use crate::Runtime;
use crate::app::report;
use crate::builtins::lang::{core_var, current_ns};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::lock;
use crate::runtime::input::{Encoding, InStream, LNPR};
use crate::runtime::interrupt::{self, Interrupter};
use crate::runtime::io::{self, Writer, WriterSink};
use crate::runtime::value::Value;
use crate::runtime::{func, namespace, var};
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};

/// Work for the session thread.
pub type Job = Box<dyn FnOnce(&mut Runtime, &Arc<Session>) + Send>;

pub struct Session {
    pub id: String,
    jobs: Mutex<Option<Sender<Job>>>,
    state: Mutex<State>,
    idle: Condvar,
    interrupter: Interrupter,
    input: Mutex<Input>,
    input_ready: Condvar,
}

#[derive(Default)]
struct State {
    /// The id of the request running now.
    running: Option<Bencode>,
    /// Where `*out*`/`*err*` and need-input go (the latest request's reply).
    reply: Option<Reply>,
    /// `*ns*` after the last request.
    ns: String,
    /// `*e`.
    last_error: Option<Exception>,
    /// `*1 *2 *3` (copied by `clone`).
    vals: [Value; 3],
}

#[derive(Default)]
struct Input {
    text: VecDeque<u8>,
    /// An empty `stdin` message: end of input for the next read.
    eof: bool,
}

/// What a new session starts from (`clone` copies its source's).
#[derive(Clone)]
pub struct Seed {
    pub ns: String,
    pub vals: [Value; 3],
    pub last_error: Option<Exception>,
}

impl Default for Seed {
    fn default() -> Seed {
        Seed {
            ns: "user".into(),
            vals: Default::default(),
            last_error: None,
        }
    }
}

/// How the interrupt op went.
pub enum InterruptOutcome {
    Idle,
    Mismatch,
    Interrupted,
}

impl Session {
    /// Start a session thread.
    pub fn spawn(id: String, seed: Seed, backend: crate::Backend) -> std::io::Result<Arc<Session>> {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let s = Arc::new(Session {
            id,
            jobs: Mutex::new(Some(tx)),
            state: Mutex::new(State {
                ns: seed.ns.clone(),
                last_error: seed.last_error.clone(),
                vals: seed.vals.clone(),
                ..State::default()
            }),
            idle: Condvar::new(),
            interrupter: Interrupter::default(),
            input: Mutex::new(Input::default()),
            input_ready: Condvar::new(),
        });
        let me = s.clone();
        std::thread::Builder::new()
            .name(format!("nrepl-session-{}", s.id))
            .stack_size(crate::app::EVAL_STACK)
            .spawn(move || session_main(me, rx, seed, backend))?;
        Ok(s)
    }

    /// Queue `job`; false once the session is closed.
    pub fn submit(&self, job: Job) -> bool {
        match &*lock(&self.jobs) {
            Some(tx) => tx.send(job).is_ok(),
            None => false,
        }
    }

    /// Stop taking jobs; interrupt the running one. The thread ends once
    /// its queue is empty.
    pub fn close(&self) {
        lock(&self.jobs).take();
        let st = lock(&self.state);
        if st.running.is_some() {
            self.interrupter.interrupt();
        }
        drop(st);
        lock(&self.input).eof = true;
        self.input_ready.notify_all();
    }

    /// Stop taking jobs once those queued have run (ephemeral sessions).
    pub fn finish(&self) {
        lock(&self.jobs).take();
    }

    pub fn ns(&self) -> String {
        lock(&self.state).ns.clone()
    }

    pub fn last_error(&self) -> Option<Exception> {
        lock(&self.state).last_error.clone()
    }

    pub fn seed(&self) -> Seed {
        let st = lock(&self.state);
        Seed {
            ns: st.ns.clone(),
            vals: st.vals.clone(),
            last_error: st.last_error.clone(),
        }
    }

    /// Interrupt the running request (`id` must match it when given), and
    /// wait a little for it to stop.
    pub fn interrupt(&self, id: Option<&Bencode>) -> InterruptOutcome {
        let mut st = lock(&self.state);
        let Some(running) = st.running.clone() else {
            return InterruptOutcome::Idle;
        };
        if id.is_some_and(|i| i.as_str() != running.as_str()) {
            return InterruptOutcome::Mismatch;
        }
        self.interrupter.interrupt();
        self.input_ready.notify_all();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while st.running.as_ref() == Some(&running) {
            let now = std::time::Instant::now();
            if now >= deadline {
                break;
            }
            st = match self.idle.wait_timeout(st, deadline - now) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
        InterruptOutcome::Interrupted
    }

    /// The `stdin` op: text for `*in*` (empty: end of input).
    pub fn add_input(&self, text: &str) {
        let mut inp = lock(&self.input);
        if text.is_empty() {
            inp.eof = true;
        } else {
            inp.text.extend(text.as_bytes());
        }
        drop(inp);
        self.input_ready.notify_all();
    }

    /// Mark `reply`'s request as running (the interrupt flag cleared).
    fn begin(&self, reply: &Reply) {
        let mut st = lock(&self.state);
        self.interrupter.clear();
        st.running = Some(reply.id());
        st.reply = Some(reply.clone());
    }

    /// The running request ended; true when it was interrupted.
    fn end(&self) -> bool {
        let mut st = lock(&self.state);
        let interrupted = self.interrupter.clear();
        st.running = None;
        st.ns = current_ns().name_str().to_string();
        drop(st);
        self.idle.notify_all();
        interrupted
    }

    fn reply(&self) -> Option<Reply> {
        lock(&self.state).reply.clone()
    }
}

fn session_main(s: Arc<Session>, rx: Receiver<Job>, seed: Seed, backend: crate::Backend) {
    crate::runtime::stack::set_limit(crate::app::DEPTH_LIMIT);
    s.interrupter.attach_to_current_thread();
    let mut rt = Runtime::new(backend);
    if crate::app::push_main_bindings(&rt, &[]).is_err() {
        return;
    }
    let ns = namespace::find_ns(&seed.ns).unwrap_or_else(|| namespace::create_ns("user"));
    let out = Writer::custom(Box::new(ReplyWriter::new(&s, "out")));
    let err = Writer::custom(Box::new(ReplyWriter::new(&s, "err")));
    let input = InStream::wrap(
        LNPR,
        InStream::byte_reader(
            "java.io.InputStreamReader",
            Box::new(SessionInput {
                session: s.clone(),
                buf: Vec::new(),
                pos: 0,
            }),
            Encoding::Utf8,
        ),
        1,
        Encoding::Utf8,
    );
    let mut binds = Vec::new();
    for (name, v) in [
        ("*out*", out),
        ("*err*", err),
        ("*in*", input),
        ("*file*", Value::string("NO_SOURCE_PATH")),
    ] {
        if let Some(var) = core_var(name) {
            binds.push((var, v));
        }
    }
    if var::push_bindings(binds).is_err() {
        return;
    }
    set_core("*ns*", Value::namespace(ns));
    let [one, two, three] = seed.vals;
    set_core("*1", one);
    set_core("*2", two);
    set_core("*3", three);
    if let Some(e) = seed.last_error {
        set_core("*e", Value::from(e));
    }
    while let Ok(job) = rx.recv() {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&mut rt, &s)));
        if r.is_err() {
            if let Some(reply) = s.reply() {
                reply.send([
                    (
                        "err",
                        Bencode::str("cljw: internal error in this request\n"),
                    ),
                    ("status", Bencode::strs(["error", "done"])),
                ]);
            }
            s.end();
        }
    }
}

fn set_core(name: &str, v: Value) {
    if let Some(var) = core_var(name) {
        let _ = var.set(v);
    }
}

fn core(name: &str) -> Value {
    core_var(name).and_then(|v| v.get()).unwrap_or(Value::NIL)
}

fn flush_streams() {
    let _ = io::flush_value(&core("*err*"));
    let _ = io::flush_value(&core("*out*"));
}

/// `(pr-str v)` with the print vars in effect.
fn pr_str(v: &Value) -> Result<String> {
    let r = func::invoke(&core("pr-str"), std::slice::from_ref(v))?;
    Ok(r.as_str().map(str::to_string).unwrap_or_default())
}

/// `(str (class e))`: `class java.lang.ArithmeticException`.
fn class_str(e: &Exception) -> String {
    format!("class {}", e.class().name())
}

/// clojure.main/root-cause: the innermost cause, or the first
/// CompilerException that names a source file.
fn root_cause(e: &Exception) -> Exception {
    let mut cur = e.clone();
    for _ in 0..100 {
        if cur.class() == ExClass::CompilerException {
            let source = cur.data().map(|d| {
                crate::runtime::lookup::get(d, &Value::keyword(Some("clojure.error"), "source"))
            });
            if source
                .and_then(|s| s.as_str().map(str::to_string))
                .as_deref()
                != Some("NO_SOURCE_FILE")
            {
                return cur;
            }
        }
        match cur.cause() {
            Some(c) => cur = c.clone(),
            None => break,
        }
    }
    cur
}

/// clojure.main/repl-caught on the session's `*err*`, then the
/// `eval-error` reply.
fn caught(s: &Session, reply: &Reply, e: &Exception, file_name: Option<&str>) {
    set_core("*e", Value::from(e.clone()));
    lock(&s.state).last_error = Some(e.clone());
    let ctx = report::Context {
        file_name: file_name.map(str::to_string),
        ns: current_ns().name_str().to_string(),
    };
    let text = report::ex_str(&report::triage(e, &ctx));
    let _ = io::write_to(&core("*err*"), &text);
    flush_streams();
    reply.send([
        ("status", Bencode::strs(["eval-error"])),
        ("ex", Bencode::str(&class_str(e))),
        ("root-ex", Bencode::str(&class_str(&root_cause(e)))),
    ]);
}

/// Send a value as the REPL prints it, and shift `*1 *2 *3`.
fn answer(s: &Session, reply: &Reply, v: Value) {
    match pr_str(&v) {
        Ok(text) => {
            flush_streams();
            reply.send([
                ("ns", Bencode::str(current_ns().name_str())),
                ("value", Bencode::str(&text)),
            ]);
            set_core("*3", core("*2"));
            set_core("*2", core("*1"));
            set_core("*1", v);
            let mut st = lock(&s.state);
            st.vals = [core("*1"), core("*2"), core("*3")];
        }
        Err(e) => caught(s, reply, &e, None),
    }
}

/// Close a request: `done`, or `interrupted` + `done` when it was stopped.
fn finish(s: &Session, reply: &Reply) {
    flush_streams();
    if s.end() {
        reply.send([("status", Bencode::strs(["interrupted", "done"]))]);
    } else {
        reply.send([("status", Bencode::strs(["done"]))]);
    }
}

/// The parts of an `eval` request.
pub struct EvalRequest {
    pub code: String,
    pub ns: Option<String>,
    pub file: Option<String>,
    pub line: Option<i64>,
    pub column: Option<i64>,
}

/// Run `body` with `*ns*` set to the request's namespace (restored after,
/// as nREPL does for an explicit `ns`); false when it does not exist.
fn in_request_ns(ns: Option<&str>, body: impl FnOnce()) -> bool {
    let Some(name) = ns else {
        body();
        return true;
    };
    let Some(n) = namespace::find_ns(name) else {
        return false;
    };
    let original = core("*ns*");
    set_core("*ns*", Value::namespace(n));
    body();
    set_core("*ns*", original);
    true
}

fn namespace_not_found(s: &Session, reply: &Reply, ns: &str) {
    s.end();
    reply.send([
        ("ns", Bencode::str(ns)),
        (
            "status",
            Bencode::strs(["error", "namespace-not-found", "done"]),
        ),
    ]);
}

/// The `eval` op, on the session thread: one `value` per form.
pub fn eval(rt: &mut Runtime, s: &Arc<Session>, reply: &Reply, req: EvalRequest) {
    s.begin(reply);
    let file_bound = match &req.file {
        Some(f) => core_var("*file*")
            .map(|v| var::push_bindings(vec![(v, Value::string(f.as_str()))]).is_ok())
            .unwrap_or(false),
        None => false,
    };
    let found = in_request_ns(req.ns.as_deref(), || {
        let mut reader = rt.repl_reader(&req.code, req.file.as_deref());
        if let (Some(l), c) = (req.line, req.column) {
            reader = reader.start_at(
                u32::try_from(l).unwrap_or(1),
                u32::try_from(c.unwrap_or(1)).unwrap_or(1),
            );
        }
        loop {
            let form = match reader.next_form() {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => {
                    // nREPL stops at the first read error, which
                    // clojure.main/repl wraps with its phase.
                    if !s.interrupter.is_set() {
                        let data = Value::map_from_pairs(vec![(
                            Value::keyword(Some("clojure.error"), "phase"),
                            Value::keyword(None, "read-source"),
                        )]);
                        let wrapped =
                            Exception::full(ExClass::ExceptionInfo, None, Some(data), Some(e));
                        caught(s, reply, &wrapped, None);
                    }
                    break;
                }
            };
            let r = rt.eval(&form);
            if s.interrupter.is_set() {
                break;
            }
            match r {
                Ok(v) => answer(s, reply, v),
                Err(e) => caught(s, reply, &e, None),
            }
            if s.interrupter.is_set() {
                break;
            }
        }
    });
    if file_bound {
        let _ = var::pop_bindings();
    }
    if !found {
        return namespace_not_found(s, reply, req.ns.as_deref().unwrap_or(""));
    }
    finish(s, reply);
}

/// The `load-file` op: the file's forms loaded as `load-file` does, its
/// last value answered.
pub fn load_file(
    rt: &mut Runtime,
    s: &Arc<Session>,
    reply: &Reply,
    content: &str,
    path: &str,
    name: &str,
) {
    s.begin(reply);
    let r = rt.load_str(content, Some(path));
    if !s.interrupter.is_set() {
        match r {
            Ok(v) => answer(s, reply, v),
            Err(e) => caught(s, reply, &e, Some(name)),
        }
    }
    finish(s, reply);
}

/// cider's `macroexpand` op: `expander` is macroexpand, macroexpand-1 or
/// macroexpand-all.
pub fn macroexpand(
    rt: &mut Runtime,
    s: &Arc<Session>,
    reply: &Reply,
    code: &str,
    expander: &str,
    ns: Option<&str>,
) {
    s.begin(reply);
    let mut result: Result<String> = Ok(String::new());
    let found = in_request_ns(ns, || {
        result = (|| {
            let form = rt
                .repl_reader(code, None)
                .next_form()?
                .unwrap_or(Value::NIL);
            let f = match expander {
                "macroexpand-1" => Value::symbol(Some("clojure.core"), "macroexpand-1"),
                "macroexpand-all" => {
                    crate::builtins::ns::load_lib("clojure.walk")?;
                    Value::symbol(Some("clojure.walk"), "macroexpand-all")
                }
                _ => Value::symbol(Some("clojure.core"), "macroexpand"),
            };
            let quoted = Value::list(vec![Value::symbol(None, "quote"), form]);
            let v = rt.eval(&Value::list(vec![f, quoted]))?;
            pr_str(&v)
        })();
    });
    if !found {
        return namespace_not_found(s, reply, ns.unwrap_or(""));
    }
    s.end();
    match result {
        Ok(text) => reply.send([
            ("expansion", Bencode::str(&text)),
            ("status", Bencode::strs(["done"])),
        ]),
        Err(e) => reply.send([
            ("err", Bencode::str(e.message().unwrap_or(""))),
            ("ex", Bencode::str(&class_str(&e))),
            ("status", Bencode::strs(["done", "macroexpand-error"])),
        ]),
    }
}

/// `*out*`/`*err*` of a session: text goes to the client as `out`/`err`
/// messages, at each line end, every KiB and on flush.
struct ReplyWriter {
    session: Arc<Session>,
    key: &'static str,
    buf: Mutex<String>,
}

impl ReplyWriter {
    fn new(s: &Arc<Session>, key: &'static str) -> ReplyWriter {
        ReplyWriter {
            session: s.clone(),
            key,
            buf: Mutex::new(String::new()),
        }
    }
}

impl WriterSink for ReplyWriter {
    fn write_str(&self, s: &str) -> Result<()> {
        let mut b = lock(&self.buf);
        b.push_str(s);
        if s.contains('\n') || b.len() >= 1024 {
            drop(b);
            self.flush()?;
        }
        Ok(())
    }
    fn flush(&self) -> Result<()> {
        let text = std::mem::take(&mut *lock(&self.buf));
        if !text.is_empty()
            && let Some(r) = self.session.reply()
        {
            r.send([(self.key, Bencode::str(&text))]);
        }
        Ok(())
    }
    fn class_name(&self) -> &'static str {
        "java.io.PrintWriter"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The bytes behind a session's `*in*`: when empty, a read asks the client
/// (status `need-input`) and waits for a `stdin` message, or an interrupt.
struct SessionInput {
    session: Arc<Session>,
    buf: Vec<u8>,
    pos: usize,
}

impl std::io::Read for SessionInput {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        use std::io::BufRead;
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl std::io::BufRead for SessionInput {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos < self.buf.len() {
            return Ok(&self.buf[self.pos..]);
        }
        let s = &self.session;
        let mut inp = lock(&s.input);
        let mut asked = false;
        while inp.text.is_empty() && !inp.eof {
            if s.interrupter.is_set() {
                return Err(std::io::Error::other("interrupted"));
            }
            if !asked {
                asked = true;
                if let Some(r) = s.reply() {
                    r.send([("status", Bencode::strs(["need-input"]))]);
                }
            }
            inp = match s.input_ready.wait_timeout(inp, interrupt::POLL) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
        if inp.text.is_empty() {
            inp.eof = false;
            self.buf.clear();
            self.pos = 0;
            return Ok(&[]);
        }
        self.buf = inp.text.drain(..).collect();
        self.pos = 0;
        Ok(&self.buf)
    }
    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}
