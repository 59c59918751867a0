//! `cljw.process`: the Rust side of babashka.process and
//! clojure.java.shell (both Clojure files over these primitives).
//!
//! `(spawn cmd opts)` starts a child and returns `{:proc h :in w :out o
//! :err e}`: `h` is the process handle (a fn of a command keyword, see
//! `handle`), `w` the child's stdin as an output stream (nil unless piped),
//! `o`/`e` its stdout/stderr as input streams (nil unless piped).
//!
//! Options (already normalised by the Clojure side): `:dir`; `:env`
//! (replaces the environment) and `:extra-env` (added to it); `:in` —
//! nil/`:pipe`, `:inherit`, a string (written, then stdin is closed), a
//! java.io.File, or a reader / input stream (copied); `:out`/`:err` —
//! nil/`:pipe`, `:inherit`, `:string` / `:bytes` (captured on a thread, see
//! `:out-result`), `:discard`, or `:write`/`:append` with
//! `:out-file`/`:err-file`.
//!
//! Starting processes does not exist on wasm32: there every fn throws.

use crate::builtins::Def;

#[cfg(not(target_family = "wasm"))]
pub(crate) const DEFS: &[Def] = &[Def::f("spawn", native::spawn)];

#[cfg(target_family = "wasm")]
pub(crate) const DEFS: &[Def] = &[Def::f("spawn", unsupported)];

#[cfg(target_family = "wasm")]
fn unsupported(
    _: &[crate::runtime::value::Value],
) -> crate::runtime::error::Result<crate::runtime::value::Value> {
    Err(crate::runtime::error::Exception::new(
        crate::runtime::error::ExClass::UnsupportedOperationException,
        "starting processes (babashka.process, clojure.java.shell) is not supported on wasm32",
    ))
}

#[cfg(not(target_family = "wasm"))]
mod native {
    use crate::builtins::check_arity;
    use crate::builtins::open::as_file;
    use crate::libs::json::opt;
    use crate::runtime::equality;
    use crate::runtime::error::{ExClass, Exception, Result};
    use crate::runtime::input::InStream;
    use crate::runtime::io::Writer;
    use crate::runtime::printer::str_value;
    use crate::runtime::value::{Value, View};
    use std::io::{Read, Write};
    use std::process::{Child, Command, Stdio};
    use std::sync::{Arc, Mutex};
    use std::thread::JoinHandle;
    use std::time::{Duration, Instant};

    fn io_err(what: &str, e: &std::io::Error) -> Exception {
        Exception::new(ExClass::IOException, format!("{what}: {e}"))
    }

    /// Output captured on a thread.
    type Capture = Option<JoinHandle<Vec<u8>>>;

    struct Proc {
        child: Child,
        exit: Option<i64>,
        out: Capture,
        err: Capture,
        out_result: Option<Vec<u8>>,
        err_result: Option<Vec<u8>>,
        /// Whether captured output is text (`:string`) or bytes.
        out_text: bool,
        err_text: bool,
        stdin_writer: Option<JoinHandle<()>>,
    }

    /// Exit code as java.lang.Process reports it: 128 + signal when killed.
    fn exit_code(st: std::process::ExitStatus) -> i64 {
        use std::os::unix::process::ExitStatusExt;
        match (st.code(), st.signal()) {
            (Some(c), _) => c as i64,
            (None, Some(s)) => 128 + s as i64,
            (None, None) => -1,
        }
    }

    impl Proc {
        fn finish(&mut self, code: i64) {
            self.exit = Some(code);
            if let Some(t) = self.out.take() {
                self.out_result = Some(t.join().unwrap_or_default());
            }
            if let Some(t) = self.err.take() {
                self.err_result = Some(t.join().unwrap_or_default());
            }
            if let Some(t) = self.stdin_writer.take() {
                let _ = t.join();
            }
        }
    }

    fn lock(p: &Mutex<Proc>) -> std::sync::MutexGuard<'_, Proc> {
        p.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wait for the exit, up to `timeout` (None: for ever); polls so the
    /// lock is not held while the process runs (destroy can get in).
    fn wait(p: &Mutex<Proc>, timeout: Option<Duration>) -> Result<Option<i64>> {
        let start = Instant::now();
        let mut pause = Duration::from_micros(200);
        loop {
            {
                let mut g = lock(p);
                if let Some(c) = g.exit {
                    return Ok(Some(c));
                }
                if let Some(st) = g.child.try_wait().map_err(|e| io_err("waitFor", &e))? {
                    let code = exit_code(st);
                    g.finish(code);
                    return Ok(Some(code));
                }
            }
            if timeout.is_some_and(|t| start.elapsed() >= t) {
                return Ok(None);
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(10));
        }
    }

    fn signal(pid: u32, sig: i32) {
        let Ok(pid) = i32::try_from(pid) else { return };
        // SAFETY: kill(2) takes plain integers and touches no memory of
        // ours; a stale pid at worst fails with ESRCH (the same race the
        // JVM's Process.destroy has). Tested by tests/batteries/process.clj
        // (destroy and destroy-tree).
        unsafe {
            libc::kill(pid, sig);
        }
    }

    /// The pids of `pid`'s descendants, from /proc (Linux); empty where
    /// /proc is missing.
    fn descendants(pid: u32) -> Vec<u32> {
        let mut parent_of: Vec<(u32, u32)> = Vec::new();
        if let Ok(rd) = std::fs::read_dir("/proc") {
            for e in rd.flatten() {
                let Some(p) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                    continue;
                };
                let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
                    continue;
                };
                // "pid (comm) state ppid ...": comm may hold spaces.
                let Some(rest) = stat.rfind(')').and_then(|i| stat.get(i + 1..)) else {
                    continue;
                };
                if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
                    parent_of.push((p, ppid));
                }
            }
        }
        let mut out = Vec::new();
        let mut frontier = vec![pid];
        while let Some(p) = frontier.pop() {
            for &(c, pp) in &parent_of {
                if pp == p && !out.contains(&c) {
                    out.push(c);
                    frontier.push(c);
                }
            }
        }
        out
    }

    fn captured(bytes: &[u8], text: bool) -> Value {
        if text {
            Value::string(String::from_utf8_lossy(bytes).into_owned())
        } else {
            Value::byte_array(bytes)
        }
    }

    /// The process handle: `(h :wait)` exit code; `(h :wait ms)` exit code
    /// or nil; `(h :alive?)`; `(h :destroy)` (SIGTERM, as Process.destroy);
    /// `(h :destroy-tree)` (descendants too); `(h :pid)`; `(h :out-result)`
    /// / `(h :err-result)` captured output after the wait.
    fn handle(p: Arc<Mutex<Proc>>) -> Value {
        Value::native_closure("java.lang.ProcessImpl", move |args: &[Value]| {
            let cmd = args
                .first()
                .and_then(|k| k.as_keyword())
                .map(|k| k.name().to_string());
            match cmd.as_deref() {
                Some("wait") => match args.get(1).and_then(|v| v.as_long()) {
                    None => Ok(wait(&p, None)?.map_or(Value::NIL, Value::long)),
                    Some(ms) => Ok(wait(&p, Some(Duration::from_millis(ms.max(0) as u64)))?
                        .map_or(Value::NIL, Value::long)),
                },
                Some("alive?") => Ok(Value::bool(wait(&p, Some(Duration::ZERO))?.is_none())),
                Some("exit") => Ok(wait(&p, Some(Duration::ZERO))?.map_or(Value::NIL, Value::long)),
                Some("pid") => Ok(Value::long(lock(&p).child.id() as i64)),
                Some("destroy") => {
                    let g = lock(&p);
                    if g.exit.is_none() {
                        signal(g.child.id(), libc::SIGTERM);
                    }
                    Ok(Value::NIL)
                }
                Some("destroy-tree") => {
                    let g = lock(&p);
                    if g.exit.is_none() {
                        let pid = g.child.id();
                        let kids = descendants(pid);
                        signal(pid, libc::SIGTERM);
                        for k in kids {
                            signal(k, libc::SIGTERM);
                        }
                    }
                    Ok(Value::NIL)
                }
                Some("out-result") => {
                    let g = lock(&p);
                    Ok(g.out_result
                        .as_deref()
                        .map_or(Value::NIL, |b| captured(b, g.out_text)))
                }
                Some("err-result") => {
                    let g = lock(&p);
                    Ok(g.err_result
                        .as_deref()
                        .map_or(Value::NIL, |b| captured(b, g.err_text)))
                }
                _ => Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!(
                        "process handle: unknown command {}",
                        args.first()
                            .map(crate::runtime::printer::pr_str)
                            .unwrap_or_default()
                    ),
                )),
            }
        })
    }

    /// How one output stream is set up.
    enum OutMode {
        Pipe,
        Capture { text: bool },
        Stdio(Stdio),
    }

    fn out_mode(opts: &Value, key: &str, file_key: &str) -> Result<OutMode> {
        let v = opt(opts, key)?;
        let name = v.as_keyword().map(|k| k.name().to_string());
        Ok(match name.as_deref() {
            None if v.is_nil() => OutMode::Pipe,
            Some("pipe") => OutMode::Pipe,
            Some("inherit") => {
                crate::runtime::io::flush_stdout();
                OutMode::Stdio(Stdio::inherit())
            }
            Some("string") => OutMode::Capture { text: true },
            Some("bytes") => OutMode::Capture { text: false },
            Some("discard") => OutMode::Stdio(Stdio::null()),
            Some(mode @ ("write" | "append")) => {
                let path = as_file(&opt(opts, file_key)?)?.ok_or_else(|| {
                    Exception::new(
                        ExClass::IllegalArgumentException,
                        format!(":{key} :{mode} needs :{file_key}"),
                    )
                })?;
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .append(mode == "append")
                    .truncate(mode == "write")
                    .open(&path)
                    .map_err(|e| io_err(&path, &e))?;
                OutMode::Stdio(Stdio::from(f))
            }
            _ => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!(
                        "unsupported :{key} option: {}",
                        crate::runtime::printer::pr_str(&v)
                    ),
                ));
            }
        })
    }

    fn env_pairs(m: &Value) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for e in equality::entries(m) {
            let (k, v) = e?;
            let k = match k.view() {
                View::Keyword(k) => k.name().to_string(),
                _ => str_value(&k)?,
            };
            out.push((k, str_value(&v)?));
        }
        Ok(out)
    }

    fn capture<R: Read + Send + 'static>(mut r: R) -> JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = r.read_to_end(&mut b);
            b
        })
    }

    /// All the bytes left in an input stream value (text streams as UTF-8).
    fn read_stream(src: &Value) -> Result<Vec<u8>> {
        let View::InStream(s) = src.view() else {
            return Ok(Vec::new());
        };
        if s.unit() == crate::runtime::input::Unit::Chars {
            return Ok(s.read_all()?.into_bytes());
        }
        let mut out = Vec::new();
        while let Some(b) = s.read_byte()? {
            out.push(b);
        }
        Ok(out)
    }

    /// Copy an input stream (a previous process's stdout, say) into the
    /// child's stdin on a thread, so a pipeline streams.
    #[cfg(feature = "threads")]
    fn copy_stream(src: Value, mut w: std::process::ChildStdin) -> JoinHandle<()> {
        std::thread::spawn(move || {
            let View::InStream(s) = src.view() else {
                return;
            };
            if s.unit() == crate::runtime::input::Unit::Chars {
                if let Ok(t) = s.read_all() {
                    let _ = w.write_all(t.as_bytes());
                }
                return;
            }
            let mut buf = Vec::with_capacity(8192);
            while let Ok(Some(b)) = s.read_byte() {
                buf.push(b);
                // Hand over each line (or full buffer) as it comes.
                if b == b'\n' || buf.len() >= 8192 {
                    if w.write_all(&buf).is_err() {
                        return;
                    }
                    buf.clear();
                }
            }
            let _ = w.write_all(&buf);
        })
    }

    /// Without threads values cannot cross to another thread: the input
    /// was read whole before the start (see `spawn`).
    #[cfg(not(feature = "threads"))]
    fn copy_stream(_src: Value, _w: std::process::ChildStdin) -> JoinHandle<()> {
        std::thread::spawn(|| {})
    }

    fn pipe_stream<R: Read + Send + 'static>(r: R) -> Value {
        InStream::byte_stream(
            "java.lang.ProcessImpl$ProcessPipeInputStream",
            Box::new(std::io::BufReader::new(r)),
        )
    }

    /// `(spawn cmd opts)`.
    pub(super) fn spawn(args: &[Value]) -> Result<Value> {
        check_arity("cljw.process/spawn", args, 2, Some(2))?;
        let words: Vec<String> = crate::runtime::seq::iter(&args[0])
            .map(|x| x.and_then(|x| str_value(&x)))
            .collect::<Result<_>>()?;
        let Some((program, rest)) = words.split_first() else {
            return Err(Exception::new(
                ExClass::IndexOutOfBoundsException,
                "Index 0 out of bounds for length 0",
            ));
        };
        let opts = &args[1];
        let mut cmd = Command::new(program);
        cmd.args(rest);
        let dir = opt(opts, "dir")?;
        if let Some(d) = as_file(&dir)? {
            cmd.current_dir(d);
        }
        let env = opt(opts, "env")?;
        if !env.is_nil() {
            cmd.env_clear();
            cmd.envs(env_pairs(&env)?);
        }
        let extra = opt(opts, "extra-env")?;
        if !extra.is_nil() {
            cmd.envs(env_pairs(&extra)?);
        }
        // stdin
        let input = opt(opts, "in")?;
        let mut feed: Option<Vec<u8>> = None;
        let mut stream_in: Option<Value> = None;
        match input.view() {
            View::Nil => {
                cmd.stdin(Stdio::piped());
            }
            View::Keyword(k) if k.name() == "pipe" => {
                cmd.stdin(Stdio::piped());
            }
            View::Keyword(k) if k.name() == "inherit" => {
                cmd.stdin(Stdio::inherit());
            }
            View::Str(s) => {
                feed = Some(s.as_str().as_bytes().to_vec());
                cmd.stdin(Stdio::piped());
            }
            View::File(f) => {
                let file = std::fs::File::open(f.path()).map_err(|e| io_err(f.path(), &e))?;
                cmd.stdin(Stdio::from(file));
            }
            View::InStream(_) => {
                stream_in = Some(input.clone());
                cmd.stdin(Stdio::piped());
            }
            View::HostObject(_) if input.byte_array_bytes().is_some() => {
                feed = input.byte_array_bytes();
                cmd.stdin(Stdio::piped());
            }
            _ => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!("unsupported :in option of class {}", input.class_name()),
                ));
            }
        }
        // stdout / stderr: a pipe (read by the caller or captured on a
        // thread) or a redirection.
        let mut capture_text = [None, None];
        for (i, (key, file_key)) in [("out", "out-file"), ("err", "err-file")]
            .into_iter()
            .enumerate()
        {
            let stdio = match out_mode(opts, key, file_key)? {
                OutMode::Pipe => Stdio::piped(),
                OutMode::Capture { text } => {
                    capture_text[i] = Some(text);
                    Stdio::piped()
                }
                OutMode::Stdio(s) => s,
            };
            if i == 0 {
                cmd.stdout(stdio);
            } else {
                cmd.stderr(stdio);
            }
        }
        let mut child = cmd.spawn().map_err(|e| {
            let dir_note = match as_file(&dir) {
                Ok(Some(d)) => format!(" (in directory \"{d}\")"),
                _ => String::new(),
            };
            Exception::new(
                ExClass::IOException,
                format!(
                    "Cannot run program \"{program}\"{dir_note}: error={}, {}",
                    e.raw_os_error().unwrap_or(0),
                    os_message(&e)
                ),
            )
        })?;
        let stdin = child.stdin.take();
        if let (Some(src), None) = (&stream_in, &feed) {
            // Not streamed: the whole input first (see `copy_stream`).
            if !cfg!(feature = "threads") {
                feed = Some(read_stream(src)?);
            }
        }
        let (stdin_value, stdin_writer) = match (feed, stdin) {
            (None, Some(w)) if stream_in.is_some() => {
                (Value::NIL, stream_in.map(|src| copy_stream(src, w)))
            }
            (Some(bytes), Some(mut w)) => (
                Value::NIL,
                Some(std::thread::spawn(move || {
                    let _ = w.write_all(&bytes);
                })),
            ),
            (None, Some(w)) => (Writer::bytes(Box::new(w)), None),
            _ => (Value::NIL, None),
        };
        let mut p = Proc {
            child,
            exit: None,
            out: None,
            err: None,
            out_result: None,
            err_result: None,
            out_text: true,
            err_text: true,
            stdin_writer,
        };
        let mut out_value = Value::NIL;
        let mut err_value = Value::NIL;
        if let Some(so) = p.child.stdout.take() {
            match capture_text[0] {
                Some(text) => {
                    p.out_text = text;
                    p.out = Some(capture(so));
                }
                None => out_value = pipe_stream(so),
            }
        }
        if let Some(se) = p.child.stderr.take() {
            match capture_text[1] {
                Some(text) => {
                    p.err_text = text;
                    p.err = Some(capture(se));
                }
                None => err_value = pipe_stream(se),
            }
        }
        let h = handle(Arc::new(Mutex::new(p)));
        Ok(Value::map_from_pairs(vec![
            (Value::keyword(None, "proc"), h),
            (Value::keyword(None, "in"), stdin_value),
            (Value::keyword(None, "out"), out_value),
            (Value::keyword(None, "err"), err_value),
        ]))
    }

    /// The OS message without Rust's " (os error N)" suffix, as Java shows
    /// it ("No such file or directory").
    fn os_message(e: &std::io::Error) -> String {
        let s = e.to_string();
        match s.find(" (os error") {
            Some(i) => s.get(..i).unwrap_or(&s).to_string(),
            None => s,
        }
    }
}
