//! Output: the `Writer` behind `*out*` and `*err*`, and string buffers
//! (`java.io.StringWriter`, used by `with-out-str`).
//!
//! Standard output is buffered process-wide and flushed when the buffer
//! grows, on `flush`, on a newline when `*flush-on-newline*` is true, before
//! reading stdin, and at exit (the CLI calls [`flush_stdout`]). Standard
//! error is written through at once. Write errors (a closed pipe) are
//! swallowed, as java.io.PrintWriter does.

use super::error::{Result, err};
use super::gc::{Lock, Ref, lock};
use super::value::{Value, View};
use std::io::Write;
use std::sync::Mutex;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WriterKind {
    Stdout,
    Stderr,
    /// An in-memory buffer (`java.io.StringWriter`).
    Buffer,
}

/// java.io.PrintWriter (stdout/stderr) or java.io.StringWriter.
pub struct Writer {
    kind: WriterKind,
    buf: Lock<String>,
}

/// Pending stdout bytes, shared by every stdout Writer.
static STDOUT_BUF: Mutex<Vec<u8>> = Mutex::new(Vec::new());
const STDOUT_LIMIT: usize = 8 << 10;

/// Write out everything buffered for stdout.
pub fn flush_stdout() {
    let mut b = lock(&STDOUT_BUF);
    if !b.is_empty() {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&b);
        let _ = out.flush();
        b.clear();
    }
}

/// Drop what is buffered for stdout: clojure.main exits on an uncaught
/// exception without flushing `*out*`, so text printed since the last flush
/// (e.g. by `print` with no newline) never appears.
pub fn discard_stdout() {
    lock(&STDOUT_BUF).clear();
}

impl Writer {
    fn make(kind: WriterKind) -> Value {
        Value::from(Ref::new(Writer {
            kind,
            buf: Lock::new(String::new()),
        }))
    }
    /// A writer on standard output.
    pub fn stdout() -> Value {
        Writer::make(WriterKind::Stdout)
    }
    /// A writer on standard error.
    pub fn stderr() -> Value {
        Writer::make(WriterKind::Stderr)
    }
    /// A new, empty `java.io.StringWriter`.
    pub fn string() -> Value {
        Writer::make(WriterKind::Buffer)
    }
    pub fn kind(&self) -> WriterKind {
        self.kind
    }
    pub fn class_name(&self) -> &'static str {
        match self.kind {
            WriterKind::Buffer => "java.io.StringWriter",
            // JVM 1.11.1: (class *out*) is OutputStreamWriter, *err* a PrintWriter.
            WriterKind::Stdout => "java.io.OutputStreamWriter",
            WriterKind::Stderr => "java.io.PrintWriter",
        }
    }
    pub fn write_str(&self, s: &str) -> Result<()> {
        match self.kind {
            WriterKind::Buffer => lock(&self.buf).push_str(s),
            WriterKind::Stdout => {
                let full = {
                    let mut b = lock(&STDOUT_BUF);
                    b.extend_from_slice(s.as_bytes());
                    b.len() >= STDOUT_LIMIT
                };
                if full {
                    flush_stdout();
                }
            }
            WriterKind::Stderr => {
                let mut e = std::io::stderr().lock();
                let _ = e.write_all(s.as_bytes());
                let _ = e.flush();
            }
        }
        Ok(())
    }
    pub fn flush(&self) -> Result<()> {
        if self.kind == WriterKind::Stdout {
            flush_stdout();
        }
        Ok(())
    }
    /// The text written so far (StringWriter.toString); empty for streams.
    pub fn contents(&self) -> String {
        lock(&self.buf).clone()
    }
}

/// Write `s` to a writer value (the current `*out*`, say).
pub fn write_to(w: &Value, s: &str) -> Result<()> {
    match w.view() {
        View::Writer(wr) => wr.write_str(s),
        View::Nil => {
            err::npe("Cannot invoke \"java.io.Writer.write(String)\" because \"w\" is null")
        }
        _ => err::class_cast(super::compare::cast_message(
            w.class_name(),
            "java.io.Writer",
        )),
    }
}

/// Flush a writer value.
pub fn flush_value(w: &Value) -> Result<()> {
    match w.view() {
        View::Writer(wr) => wr.flush(),
        _ => err::class_cast(super::compare::cast_message(
            w.class_name(),
            "java.io.Flushable",
        )),
    }
}

/// Monotonic nanoseconds (System/nanoTime): only differences mean anything.
pub fn nano_time() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(std::time::Instant::now);
    // Offset so values look like the JVM's (large, positive).
    i64::try_from(start.elapsed().as_nanos())
        .unwrap_or(i64::MAX)
        .saturating_add(1 << 40)
}

/// Milliseconds since the epoch (System/currentTimeMillis).
pub fn current_time_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
