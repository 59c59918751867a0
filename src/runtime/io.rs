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
use super::input::Encoding;
use super::value::{Value, View};
use std::io::Write;
use std::sync::Mutex;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WriterKind {
    Stdout,
    Stderr,
    /// An in-memory buffer (`java.io.StringWriter`).
    Buffer,
    /// A java.io.BufferedWriter on a file or an output stream: text is
    /// encoded and written to the sink.
    Text,
    /// A java.io.BufferedOutputStream (bytes) on a file or an output stream.
    Bytes,
    /// A java.io.ByteArrayOutputStream: bytes kept in memory
    /// (`Sink::Memory`), read back by toByteArray/toString.
    ByteArray,
    /// A writer implemented above the runtime (e.g. clojure.pprint's pretty
    /// writer, a proxy of java.io.Writer on the JVM): see [`WriterSink`].
    Custom,
}

/// What a custom writer's sink must be: shareable across threads when
/// values are (feature `threads`).
#[cfg(feature = "threads")]
pub trait SinkBounds: Send + Sync {}
#[cfg(feature = "threads")]
impl<T: Send + Sync> SinkBounds for T {}
#[cfg(not(feature = "threads"))]
pub trait SinkBounds {}
#[cfg(not(feature = "threads"))]
impl<T> SinkBounds for T {}

/// The behaviour of a `WriterKind::Custom` writer.
pub trait WriterSink: SinkBounds + std::any::Any {
    /// Writer.write(String).
    fn write_str(&self, s: &str) -> Result<()>;
    /// Writer.write(int): one char (some writers treat it apart from strings).
    fn write_char(&self, c: char) -> Result<()> {
        self.write_str(c.encode_utf8(&mut [0; 4]))
    }
    fn flush(&self) -> Result<()>;
    fn class_name(&self) -> &'static str;
    fn as_any(&self) -> &dyn std::any::Any;
}

/// Where a Text or Bytes writer's output goes.
pub enum Sink {
    Open(Box<dyn Write + Send>),
    /// A writer over an output stream (value of kind Bytes).
    Inner(Value),
    /// The bytes of a java.io.ByteArrayOutputStream.
    Memory(Vec<u8>),
    Closed,
}

/// java.io.PrintWriter (stdout/stderr), java.io.StringWriter, or a writer
/// or output stream on a file.
pub struct Writer {
    kind: WriterKind,
    buf: Lock<String>,
    sink: Option<Lock<Sink>>,
    enc: super::input::Encoding,
    custom: Option<Box<dyn WriterSink>>,
    /// The JDK class it stands for, when not its kind's default
    /// (java.io.FileOutputStream, java.io.OutputStreamWriter).
    class: Option<&'static str>,
}

fn stream_closed() -> super::error::Exception {
    super::error::Exception::new(super::error::ExClass::IOException, "Stream closed")
}
fn io_err(e: &std::io::Error) -> super::error::Exception {
    super::error::Exception::new(super::error::ExClass::IOException, e.to_string())
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
            sink: None,
            enc: super::input::Encoding::Utf8,
            custom: None,
            class: None,
        }))
    }
    /// A java.io.BufferedWriter writing `enc`-encoded text to `sink`.
    pub fn text(sink: Sink, enc: super::input::Encoding) -> Value {
        Value::from(Ref::new(Writer {
            kind: WriterKind::Text,
            buf: Lock::new(String::new()),
            sink: Some(Lock::new(sink)),
            enc,
            custom: None,
            class: None,
        }))
    }
    /// A writer whose output goes to `sink`.
    pub fn custom(sink: Box<dyn WriterSink>) -> Value {
        Value::from(Ref::new(Writer {
            kind: WriterKind::Custom,
            buf: Lock::new(String::new()),
            sink: None,
            enc: super::input::Encoding::Utf8,
            custom: Some(sink),
            class: None,
        }))
    }
    /// The sink of a custom writer.
    pub fn custom_sink(&self) -> Option<&dyn WriterSink> {
        self.custom.as_deref()
    }
    /// A writer of `kind` over `sink`, with nothing buffered yet.
    fn over_sink(
        kind: WriterKind,
        sink: Sink,
        enc: Encoding,
        class: Option<&'static str>,
    ) -> Value {
        Value::from(Ref::new(Writer {
            kind,
            buf: Lock::new(String::new()),
            sink: Some(Lock::new(sink)),
            enc,
            custom: None,
            class,
        }))
    }
    /// A java.io.BufferedOutputStream writing bytes to `sink`.
    pub fn bytes(sink: Box<dyn Write + Send>) -> Value {
        Self::over_sink(WriterKind::Bytes, Sink::Open(sink), Encoding::Utf8, None)
    }
    /// A `class` (java.io.FileOutputStream) writing bytes to `sink`.
    pub fn bytes_named(class: &'static str, sink: Sink) -> Value {
        Self::over_sink(WriterKind::Bytes, sink, Encoding::Utf8, Some(class))
    }
    /// A `class` (java.io.OutputStreamWriter) writing `enc`-encoded text to `sink`.
    pub fn text_named(class: &'static str, sink: Sink, enc: Encoding) -> Value {
        Self::over_sink(WriterKind::Text, sink, enc, Some(class))
    }
    /// A java.io.BufferedOutputStream writing bytes to the output stream `inner`.
    pub fn bytes_on(inner: Value) -> Value {
        Self::over_sink(WriterKind::Bytes, Sink::Inner(inner), Encoding::Utf8, None)
    }
    /// A new, empty java.io.ByteArrayOutputStream.
    pub fn byte_array() -> Value {
        Self::over_sink(
            WriterKind::ByteArray,
            Sink::Memory(Vec::new()),
            Encoding::Utf8,
            None,
        )
    }
    /// True for output streams (bytes), false for writers (text).
    pub fn is_bytes(&self) -> bool {
        matches!(self.kind, WriterKind::Bytes | WriterKind::ByteArray)
    }
    /// The bytes of a ByteArrayOutputStream (None for other writers).
    pub fn memory_bytes(&self) -> Option<Vec<u8>> {
        match &*lock(self.sink.as_ref()?) {
            Sink::Memory(b) => Some(b.clone()),
            _ => None,
        }
    }
    /// ByteArrayOutputStream.reset: drop the bytes written so far.
    pub fn reset_memory(&self) {
        if let Some(sink) = &self.sink
            && let Sink::Memory(b) = &mut *lock(sink)
        {
            b.clear();
        }
    }
    /// Write raw bytes (an output stream; a text writer encodes first).
    pub fn write_bytes(&self, b: &[u8]) -> Result<()> {
        let Some(sink) = &self.sink else {
            // StringWriter/stdout: take the bytes as UTF-8 text.
            return self.write_str(&String::from_utf8_lossy(b));
        };
        let mut sink = lock(sink);
        match &mut *sink {
            Sink::Open(w) => w.write_all(b).map_err(|e| io_err(&e)),
            Sink::Inner(v) => match v.view() {
                View::Writer(w) => w.write_bytes(b),
                _ => Ok(()),
            },
            Sink::Memory(m) => {
                m.extend_from_slice(b);
                Ok(())
            }
            Sink::Closed => Err(stream_closed()),
        }
    }
    /// `.close`: flush and release the sink; later writes throw.
    pub fn close(&self) -> Result<()> {
        let Some(sink) = &self.sink else {
            return self.flush();
        };
        // Closing a ByteArrayOutputStream has no effect (JDK).
        if self.kind == WriterKind::ByteArray {
            return Ok(());
        }
        let old = std::mem::replace(&mut *lock(sink), Sink::Closed);
        match old {
            Sink::Open(mut w) => w.flush().map_err(|e| io_err(&e)),
            Sink::Inner(v) => match v.view() {
                View::Writer(w) => w.close(),
                _ => Ok(()),
            },
            Sink::Memory(_) | Sink::Closed => Ok(()),
        }
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
        if let Some(c) = self.class {
            return c;
        }
        match self.kind {
            WriterKind::Buffer => "java.io.StringWriter",
            // JVM 1.11.1: (class *out*) is OutputStreamWriter, *err* a PrintWriter.
            WriterKind::Stdout => "java.io.OutputStreamWriter",
            WriterKind::Stderr => "java.io.PrintWriter",
            WriterKind::Text => "java.io.BufferedWriter",
            WriterKind::Bytes => "java.io.BufferedOutputStream",
            WriterKind::ByteArray => "java.io.ByteArrayOutputStream",
            WriterKind::Custom => self
                .custom_sink()
                .map_or("java.io.Writer", |s| s.class_name()),
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
            WriterKind::Text | WriterKind::Bytes | WriterKind::ByteArray => {
                return self.write_bytes(&self.enc.encode(s));
            }
            WriterKind::Custom => {
                if let Some(sink) = self.custom_sink() {
                    return sink.write_str(s);
                }
            }
        }
        Ok(())
    }
    /// Writer.write(int c).
    pub fn write_char(&self, c: char) -> Result<()> {
        match self.custom_sink() {
            Some(sink) => sink.write_char(c),
            None => self.write_str(c.encode_utf8(&mut [0; 4])),
        }
    }
    pub fn flush(&self) -> Result<()> {
        match self.kind {
            WriterKind::Stdout => flush_stdout(),
            WriterKind::Text | WriterKind::Bytes => {
                if let Some(sink) = &self.sink {
                    match &mut *lock(sink) {
                        Sink::Open(w) => w.flush().map_err(|e| io_err(&e))?,
                        Sink::Inner(v) => flush_value(v)?,
                        Sink::Memory(_) => {}
                        Sink::Closed => return Err(stream_closed()),
                    }
                }
            }
            WriterKind::Custom => {
                if let Some(sink) = self.custom_sink() {
                    return sink.flush();
                }
            }
            _ => {}
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
/// The origin is the wall clock at the first call, so, as with the JVM's
/// system-wide clock, two processes started apart never read the same
/// value (programs name temp files after it).
pub fn nano_time() -> i64 {
    static START: std::sync::OnceLock<(std::time::Instant, i64)> = std::sync::OnceLock::new();
    let (start, origin) = *START.get_or_init(|| {
        let wall = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX / 2))
            .unwrap_or(1 << 40);
        (std::time::Instant::now(), wall)
    });
    i64::try_from(start.elapsed().as_nanos())
        .unwrap_or(i64::MAX)
        .saturating_add(origin)
}

/// Milliseconds since the epoch (System/currentTimeMillis).
pub fn current_time_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
