//! Input streams: `*in*` (a clojure.lang.LineNumberingPushbackReader on
//! standard input), java.io.StringReader, BufferedReader, PushbackReader,
//! file readers, and byte streams (java.io.BufferedInputStream,
//! ByteArrayInputStream).
//!
//! One `InStream` type plays every class: a source (text, bytes decoded
//! with an [`Encoding`], standard input, or another stream it wraps), the
//! chars unread with `.unread` (PushbackReader), the text `read` looked at
//! past the end of a form (kept for the next read), and the line/column a
//! LineNumberingPushbackReader reports. Standard input is read lazily
//! through Rust's process-wide stdin buffer, after flushing `*out*`.

use super::error::{ExClass, Exception, Result};
use super::gc::{Lock, Ref, lock};
use super::value::{Value, View};
use std::io::{BufRead, Read};

/// The charsets `:encoding` accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

impl Encoding {
    /// Charset.forName for the names supported here; other known charsets
    /// are UnsupportedOperationException, unknown names
    /// UnsupportedEncodingException (as the JVM's readers throw).
    pub fn from_name(name: &str) -> Result<Encoding> {
        let up = name.to_ascii_uppercase().replace('_', "-");
        match up.as_str() {
            "UTF-8" | "UTF8" => Ok(Encoding::Utf8),
            "ISO-8859-1" | "ISO8859-1" | "LATIN1" | "ISO-LATIN-1" | "8859-1" | "L1" | "CP819"
            | "IBM819" | "ISO-IR-100" => Ok(Encoding::Latin1),
            "US-ASCII" | "ASCII" | "ISO646-US" | "646" => Ok(Encoding::Ascii),
            "UTF-16" | "UTF-16BE" | "UTF-16LE" | "UTF-32" | "UTF-32BE" | "UTF-32LE"
            | "WINDOWS-1252" | "CP1252" | "UTF-16-BE" | "UTF-16-LE" => Err(Exception::new(
                ExClass::UnsupportedOperationException,
                format!(
                    "cljw supports only the UTF-8, ISO-8859-1 and US-ASCII encodings, not {name}"
                ),
            )),
            _ => Err(Exception::new(
                ExClass::UnsupportedEncodingException,
                name.to_string(),
            )),
        }
    }

    /// Encode text for writing (unmappable chars become `?`, as Java's
    /// encoders replace them).
    pub fn encode(self, s: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => s.as_bytes().to_vec(),
            Encoding::Latin1 => s
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                .collect(),
            Encoding::Ascii => s
                .chars()
                .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
                .collect(),
        }
    }

    /// Decode a whole byte string (malformed input becomes U+FFFD).
    pub fn decode(self, b: &[u8]) -> String {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(b).into_owned(),
            Encoding::Latin1 => b.iter().map(|&x| char::from(x)).collect(),
            Encoding::Ascii => b
                .iter()
                .map(|&x| {
                    if x.is_ascii() {
                        char::from(x)
                    } else {
                        '\u{FFFD}'
                    }
                })
                .collect(),
        }
    }
}

/// Where a stream's data comes from.
enum Src {
    /// java.io.StringReader: the text and the byte offset read so far.
    Text(String, usize),
    /// A file or byte array.
    Bytes(Box<dyn BufRead + Send>),
    /// Standard input (shared by every stream on it through std's buffer).
    Stdin,
    /// A reader or stream wrapping another (BufferedReader over a
    /// StringReader, a reader over an input stream, ...).
    Inner(Value),
    Closed,
}

struct State {
    src: Src,
    /// Chars given back with `.unread`; the last one is read first.
    pushback: Vec<char>,
    /// Text `read` looked at past the end of a form: read before the source.
    ahead: String,
    ahead_pos: usize,
    /// Line and column of the next char (LineNumberingPushbackReader).
    line: u32,
    col: u32,
    /// The end of input was counted as a line end already.
    eof_seen: bool,
}

/// Whether a stream yields chars (a java.io.Reader) or bytes (an
/// InputStream).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Chars,
    Bytes,
}

pub struct InStream {
    class: &'static str,
    unit: Unit,
    enc: Encoding,
    /// Capacity of `.unread` (0: not a PushbackReader).
    pushback_size: usize,
    line_numbering: bool,
    state: Lock<State>,
}

pub const LNPR: &str = "clojure.lang.LineNumberingPushbackReader";

fn closed() -> Exception {
    Exception::new(ExClass::IOException, "Stream closed")
}

fn io_error(e: &std::io::Error) -> Exception {
    Exception::new(ExClass::IOException, e.to_string())
}

impl InStream {
    fn make(class: &'static str, unit: Unit, src: Src) -> InStream {
        InStream {
            class,
            unit,
            enc: Encoding::Utf8,
            pushback_size: 0,
            line_numbering: false,
            state: Lock::new(State {
                src,
                pushback: Vec::new(),
                ahead: String::new(),
                ahead_pos: 0,
                line: 1,
                col: 1,
                eof_seen: false,
            }),
        }
    }
    fn value(self) -> Value {
        Value::from(Ref::new(self))
    }

    /// `*in*`: a LineNumberingPushbackReader on standard input.
    pub fn stdin() -> Value {
        let mut s = InStream::make(LNPR, Unit::Chars, Src::Stdin);
        s.pushback_size = 1;
        s.line_numbering = true;
        s.value()
    }
    /// `(java.io.StringReader. s)`.
    pub fn string_reader(text: &str) -> Value {
        InStream::make(
            "java.io.StringReader",
            Unit::Chars,
            Src::Text(text.to_string(), 0),
        )
        .value()
    }
    /// A reader of `class` wrapping the stream `inner` (BufferedReader,
    /// PushbackReader with `pushback` slots, LineNumberingPushbackReader,
    /// InputStreamReader over an input stream with `enc`).
    pub fn wrap(class: &'static str, inner: Value, pushback: usize, enc: Encoding) -> Value {
        let mut s = InStream::make(class, Unit::Chars, Src::Inner(inner));
        s.pushback_size = pushback;
        s.line_numbering = class == LNPR;
        s.enc = enc;
        s.value()
    }
    /// A reader decoding `data` (a file, say) with `enc`.
    pub fn byte_reader(class: &'static str, data: Box<dyn BufRead + Send>, enc: Encoding) -> Value {
        let mut s = InStream::make(class, Unit::Chars, Src::Bytes(data));
        s.enc = enc;
        s.value()
    }
    /// An InputStream over `data`.
    pub fn byte_stream(class: &'static str, data: Box<dyn BufRead + Send>) -> Value {
        InStream::make(class, Unit::Bytes, Src::Bytes(data)).value()
    }

    pub fn class_name(&self) -> &'static str {
        self.class
    }
    pub fn unit(&self) -> Unit {
        self.unit
    }
    pub fn is_line_numbering(&self) -> bool {
        self.line_numbering
    }
    pub fn is_pushback(&self) -> bool {
        self.pushback_size > 0
    }

    /// `.read` of a Reader: the next char, None at the end.
    pub fn read_char(&self) -> Result<Option<char>> {
        let mut st = lock(&self.state);
        let c = self.next_raw(&mut st)?;
        let c = match c {
            // LineNumberReader reads "\r\n" and a lone "\r" as "\n".
            Some('\r') if self.line_numbering => {
                match self.next_raw(&mut st)? {
                    Some('\n') | None => {}
                    Some(other) => give_back(&mut st, other),
                }
                Some('\n')
            }
            c => c,
        };
        match c {
            Some('\n') => {
                st.line = st.line.saturating_add(1);
                st.col = 1;
            }
            Some(ch) => st.col = st.col.saturating_add(ch.len_utf16() as u32),
            None => {
                // LineNumberReader counts the end of input as a line end.
                if !st.eof_seen && st.col > 1 {
                    st.line = st.line.saturating_add(1);
                    st.col = 1;
                }
                st.eof_seen = true;
            }
        }
        Ok(c)
    }

    /// The next char from pushback, read-ahead text or the source.
    fn next_raw(&self, st: &mut State) -> Result<Option<char>> {
        if matches!(st.src, Src::Closed) {
            return Err(closed());
        }
        if let Some(c) = st.pushback.pop() {
            return Ok(Some(c));
        }
        if let Some(c) = st.ahead.get(st.ahead_pos..).and_then(|s| s.chars().next()) {
            st.ahead_pos += c.len_utf8();
            if st.ahead_pos >= st.ahead.len() {
                st.ahead.clear();
                st.ahead_pos = 0;
            }
            return Ok(Some(c));
        }
        match &mut st.src {
            Src::Text(t, pos) => {
                let c = t.get(*pos..).and_then(|s| s.chars().next());
                if let Some(c) = c {
                    *pos += c.len_utf8();
                }
                Ok(c)
            }
            Src::Bytes(r) => decode_char(r.as_mut(), self.enc),
            Src::Stdin => {
                super::io::flush_stdout();
                let stdin = std::io::stdin();
                let mut l = stdin.lock();
                decode_char(&mut l, self.enc)
            }
            Src::Inner(v) => match v.view() {
                View::InStream(inner) if inner.unit == Unit::Bytes => {
                    inner.decode_from_bytes(self.enc)
                }
                View::InStream(inner) => inner.read_char(),
                _ => Ok(None),
            },
            Src::Closed => Err(closed()),
        }
    }

    /// A char decoded from this byte stream's bytes.
    fn decode_from_bytes(&self, enc: Encoding) -> Result<Option<char>> {
        let Some(b0) = self.read_byte()? else {
            return Ok(None);
        };
        if enc != Encoding::Utf8 {
            return Ok(Some(enc.decode(&[b0]).chars().next().unwrap_or('\u{FFFD}')));
        }
        let n = utf8_len(b0);
        let mut buf = vec![b0];
        while buf.len() < n {
            match self.read_byte()? {
                Some(b) => buf.push(b),
                None => break,
            }
        }
        Ok(Some(
            std::str::from_utf8(&buf)
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{FFFD}'),
        ))
    }

    /// `.read` of an InputStream: the next byte, None at the end.
    pub fn read_byte(&self) -> Result<Option<u8>> {
        let mut st = lock(&self.state);
        match &mut st.src {
            Src::Bytes(r) => {
                let buf = r.fill_buf().map_err(|e| io_error(&e))?;
                let Some(&b) = buf.first() else {
                    return Ok(None);
                };
                r.consume(1);
                Ok(Some(b))
            }
            Src::Stdin => {
                super::io::flush_stdout();
                let stdin = std::io::stdin();
                let mut l = stdin.lock();
                let buf = l.fill_buf().map_err(|e| io_error(&e))?;
                let Some(&b) = buf.first() else {
                    return Ok(None);
                };
                l.consume(1);
                Ok(Some(b))
            }
            Src::Closed => Err(closed()),
            _ => Ok(None),
        }
    }

    /// `.read(byte[])` of an InputStream: up to `buf.len()` bytes (0 only
    /// at the end), in one copy from a buffered source.
    pub fn read_some(&self, buf: &mut [u8]) -> Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        {
            let mut st = lock(&self.state);
            if let Src::Bytes(r) = &mut st.src {
                let avail = r.fill_buf().map_err(|e| io_error(&e))?;
                let n = avail.len().min(buf.len());
                buf[..n].copy_from_slice(&avail[..n]);
                r.consume(n);
                return Ok(n);
            }
        }
        match self.read_byte()? {
            Some(b) => {
                buf[0] = b;
                Ok(1)
            }
            None => Ok(0),
        }
    }

    /// `.unread` (PushbackReader): IOException when the buffer is full.
    pub fn unread(&self, c: char) -> Result<()> {
        let mut st = lock(&self.state);
        if matches!(st.src, Src::Closed) {
            return Err(closed());
        }
        if st.pushback.len() >= self.pushback_size {
            return Err(Exception::new(
                ExClass::IOException,
                "Pushback buffer overflow",
            ));
        }
        if c == '\n' {
            st.line = st.line.saturating_sub(1).max(1);
        } else {
            st.col = st.col.saturating_sub(c.len_utf16() as u32).max(1);
        }
        st.pushback.push(c);
        Ok(())
    }

    /// `.readLine`: the chars up to a line end ("\n", "\r\n" or "\r"),
    /// None at the end of input.
    pub fn read_line(&self) -> Result<Option<String>> {
        Ok(self.take_line()?.map(|(l, _)| l))
    }

    /// The next line and the line end that followed it ("" at the end of
    /// input; "\n" for any line end in a line-numbering reader).
    pub fn take_line(&self) -> Result<Option<(String, &'static str)>> {
        if let Some(r) = self.bulk_line()? {
            return Ok(r);
        }
        let mut line = String::new();
        loop {
            match self.read_char()? {
                None if line.is_empty() => return Ok(None),
                None => return Ok(Some((line, ""))),
                Some('\n') => return Ok(Some((line, "\n"))),
                Some('\r') => {
                    // "\r\n" is one line end (line-numbering readers already
                    // turned "\r" into "\n").
                    match self.read_char()? {
                        Some('\n') => return Ok(Some((line, "\r\n"))),
                        Some(c) => {
                            let mut st = lock(&self.state);
                            give_back(&mut st, c);
                            st.col = st.col.saturating_sub(c.len_utf16() as u32).max(1);
                        }
                        None => {}
                    }
                    return Ok(Some((line, "\r")));
                }
                Some(c) => line.push(c),
            }
        }
    }

    /// `take_line` a line at a time from the source when nothing is pushed
    /// back or read ahead (None: take the slow path, char by char).
    #[allow(clippy::type_complexity)]
    fn bulk_line(&self) -> Result<Option<Option<(String, &'static str)>>> {
        let mut st = lock(&self.state);
        if !st.pushback.is_empty() || st.ahead_pos < st.ahead.len() {
            return Ok(None);
        }
        let raw = match &mut st.src {
            Src::Text(t, pos) => {
                let rest = t.get(*pos..).unwrap_or("");
                let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
                let line = rest[..end].to_string();
                *pos += end;
                line
            }
            Src::Bytes(r) => {
                let mut b = Vec::new();
                r.read_until(b'\n', &mut b).map_err(|e| io_error(&e))?;
                self.enc.decode(&b)
            }
            Src::Stdin => {
                super::io::flush_stdout();
                let mut b = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_until(b'\n', &mut b)
                    .map_err(|e| io_error(&e))?;
                self.enc.decode(&b)
            }
            Src::Inner(v) => {
                let v = v.clone();
                drop(st);
                let r = match v.view() {
                    View::InStream(i) if i.unit == Unit::Chars => i.take_line()?,
                    _ => return Ok(None),
                };
                let mut st = lock(&self.state);
                let r = r.map(|(l, term)| {
                    (
                        l,
                        if self.line_numbering && !term.is_empty() {
                            "\n"
                        } else {
                            term
                        },
                    )
                });
                match &r {
                    Some(_) => {
                        st.line = st.line.saturating_add(1);
                        st.col = 1;
                        st.eof_seen = r.as_ref().is_some_and(|(_, t)| t.is_empty());
                    }
                    None => st.eof_seen = true,
                }
                return Ok(Some(r));
            }
            Src::Closed => return Err(closed()),
        };
        if raw.is_empty() {
            if !st.eof_seen && st.col > 1 {
                st.line = st.line.saturating_add(1);
                st.col = 1;
            }
            st.eof_seen = true;
            return Ok(Some(None));
        }
        let (line, term, rest) = match raw.find(['\r', '\n']) {
            None => (raw.as_str(), "", ""),
            Some(i) if raw[i..].starts_with("\r\n") => (&raw[..i], "\r\n", &raw[i + 2..]),
            Some(i) if raw[i..].starts_with('\r') => (&raw[..i], "\r", &raw[i + 1..]),
            Some(i) => (&raw[..i], "\n", &raw[i + 1..]),
        };
        if !rest.is_empty() {
            st.ahead = rest.to_string();
            st.ahead_pos = 0;
        }
        // Past a line end, or at the end of input (which counts as one).
        st.line = st.line.saturating_add(1);
        st.col = 1;
        st.eof_seen = term.is_empty();
        let term = if self.line_numbering && !term.is_empty() {
            "\n"
        } else {
            term
        };
        Ok(Some(Some((line.to_string(), term))))
    }

    /// The rest of the text (`slurp`).
    pub fn read_all(&self) -> Result<String> {
        if !self.line_numbering {
            let mut st = lock(&self.state);
            if st.pushback.is_empty() && st.ahead_pos >= st.ahead.len() {
                let mut b = Vec::new();
                match &mut st.src {
                    Src::Text(t, pos) => {
                        let rest = t.get(*pos..).unwrap_or("").to_string();
                        *pos = t.len();
                        return Ok(rest);
                    }
                    Src::Bytes(r) => {
                        r.read_to_end(&mut b).map_err(|e| io_error(&e))?;
                        return Ok(self.enc.decode(&b));
                    }
                    Src::Stdin => {
                        super::io::flush_stdout();
                        std::io::stdin()
                            .lock()
                            .read_to_end(&mut b)
                            .map_err(|e| io_error(&e))?;
                        return Ok(self.enc.decode(&b));
                    }
                    _ => {}
                }
            }
        }
        let mut s = String::new();
        while let Some((line, term)) = self.take_line()? {
            s.push_str(&line);
            s.push_str(term);
        }
        Ok(s)
    }

    /// `.ready`: can a char be read without blocking?
    pub fn ready(&self) -> Result<bool> {
        let mut st = lock(&self.state);
        if !st.pushback.is_empty() || st.ahead_pos < st.ahead.len() {
            return Ok(true);
        }
        match &mut st.src {
            Src::Text(..) => Ok(true),
            Src::Bytes(r) => Ok(!r.fill_buf().map_err(|e| io_error(&e))?.is_empty()),
            Src::Stdin => Ok(false),
            Src::Inner(v) => match v.view() {
                View::InStream(i) => i.ready(),
                _ => Ok(false),
            },
            Src::Closed => Err(closed()),
        }
    }

    /// `.close`: later reads throw "Stream closed"; a wrapper closes what
    /// it wraps.
    pub fn close(&self) -> Result<()> {
        let src = std::mem::replace(&mut lock(&self.state).src, Src::Closed);
        if let Src::Inner(v) = src
            && let View::InStream(i) = v.view()
        {
            i.close()?;
        }
        Ok(())
    }

    /// (line, column) of the next char (LineNumberingPushbackReader).
    pub fn position(&self) -> (u32, u32) {
        let st = lock(&self.state);
        (st.line, st.col)
    }

    /// LineNumberingPushbackReader.setLineNumber.
    pub fn set_line(&self, line: u32) {
        lock(&self.state).line = line;
    }

    /// After `read` parsed a form out of text it took from this stream:
    /// give back the text past the form, and move to the position after it.
    pub fn give_back_text(&self, rest: &str, line: u32, col: u32) {
        let mut st = lock(&self.state);
        let mut ahead = rest.to_string();
        while let Some(c) = st.pushback.pop() {
            ahead.push(c);
        }
        if let Some(old) = st.ahead.get(st.ahead_pos..) {
            ahead.push_str(old);
        }
        st.ahead = ahead;
        st.ahead_pos = 0;
        if !rest.is_empty() {
            st.eof_seen = false;
        }
        st.line = line;
        st.col = col;
    }

    /// Can more text come after what is buffered (not a string source read
    /// to its end)? `read` fetches one line at a time from standard input
    /// and bigger chunks from other sources.
    pub fn is_interactive(&self) -> bool {
        let st = lock(&self.state);
        match &st.src {
            Src::Stdin => true,
            Src::Inner(v) => match v.view() {
                View::InStream(i) => i.is_interactive(),
                _ => false,
            },
            _ => false,
        }
    }
}

/// Put back a char that was just read from `st` (ahead of everything else).
fn give_back(st: &mut State, c: char) {
    let mut s = c.to_string();
    if let Some(rest) = st.ahead.get(st.ahead_pos..) {
        s.push_str(rest);
    }
    st.ahead = s;
    st.ahead_pos = 0;
}

fn utf8_len(b0: u8) -> usize {
    match b0 {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// One char from buffered bytes; malformed UTF-8 reads as U+FFFD.
fn decode_char(r: &mut dyn BufRead, enc: Encoding) -> Result<Option<char>> {
    let buf = r.fill_buf().map_err(|e| io_error(&e))?;
    let Some(&b0) = buf.first() else {
        return Ok(None);
    };
    if enc != Encoding::Utf8 {
        r.consume(1);
        return Ok(Some(enc.decode(&[b0]).chars().next().unwrap_or('\u{FFFD}')));
    }
    let n = utf8_len(b0);
    let mut bytes = Vec::with_capacity(n);
    bytes.push(b0);
    r.consume(1);
    while bytes.len() < n {
        let buf = r.fill_buf().map_err(|e| io_error(&e))?;
        match buf.first() {
            // A continuation byte belongs to this char; anything else
            // starts the next one.
            Some(&b) if b & 0xC0 == 0x80 => {
                bytes.push(b);
                r.consume(1);
            }
            _ => break,
        }
    }
    Ok(Some(
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .unwrap_or('\u{FFFD}'),
    ))
}

/// The InStream of `v`, or a ClassCastException to `class`.
pub fn as_stream<'a>(v: &'a Value, class: &str) -> Result<&'a InStream> {
    match v.view() {
        View::InStream(s) => Ok(s),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            format!("Cannot invoke \"{class}.read()\" because \"r\" is null"),
        )),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            super::compare::cast_message(v.class_name(), class),
        )),
    }
}

/// The text of a file as UTF-8 (load-file); a missing file is a
/// FileNotFoundException worded like java.io.FileInputStream's.
pub fn read_file_text(path: &str) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| super::file::not_found(&e, path))?;
    Ok(Encoding::Utf8.decode(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(v: &Value) -> &InStream {
        match v.view() {
            View::InStream(s) => s,
            _ => panic!("not a stream"),
        }
    }

    #[test]
    fn string_reader_reads_chars_then_eof() {
        let v = InStream::string_reader("hé");
        let s = stream(&v);
        assert_eq!(s.read_char().unwrap(), Some('h'));
        assert_eq!(s.read_char().unwrap(), Some('é'));
        assert_eq!(s.read_char().unwrap(), None);
    }

    #[test]
    fn buffered_reader_lines() {
        // JVM: (.readLine r) over "a\nb\r\nc" -> "a" "b" "c" nil
        let inner = InStream::string_reader("a\nb\r\nc");
        let v = InStream::wrap("java.io.BufferedReader", inner, 0, Encoding::Utf8);
        let s = stream(&v);
        let lines: Vec<_> = (0..4).map(|_| s.read_line().unwrap()).collect();
        assert_eq!(
            lines,
            vec![Some("a".into()), Some("b".into()), Some("c".into()), None]
        );
    }

    #[test]
    fn pushback_overflow_and_close() {
        let inner = InStream::string_reader("ab");
        let v = InStream::wrap("java.io.PushbackReader", inner, 1, Encoding::Utf8);
        let s = stream(&v);
        s.unread('x').unwrap();
        let e = s.unread('y').unwrap_err();
        assert_eq!(e.message(), Some("Pushback buffer overflow"));
        assert_eq!(s.read_char().unwrap(), Some('x'));
        s.close().unwrap();
        assert_eq!(s.read_char().unwrap_err().message(), Some("Stream closed"));
    }

    #[test]
    fn line_numbers_count_the_end_as_a_line_end() {
        // JVM: LNPR over "ab\ncd": 1, read, 1, readLine "b" 2, "cd" 3
        let inner = InStream::string_reader("ab\ncd");
        let v = InStream::wrap(LNPR, inner, 1, Encoding::Utf8);
        let s = stream(&v);
        assert_eq!(s.position().0, 1);
        s.read_char().unwrap();
        assert_eq!(s.read_line().unwrap().as_deref(), Some("b"));
        assert_eq!(s.position().0, 2);
        assert_eq!(s.read_line().unwrap().as_deref(), Some("cd"));
        assert_eq!(s.position().0, 3);
    }

    #[test]
    fn utf8_decoding_across_bytes_and_malformed_input() {
        let data: Box<dyn BufRead + Send> =
            Box::new(std::io::Cursor::new(vec![b'a', 0xC3, 0xA9, 0xFF, b'b']));
        let v = InStream::byte_reader("java.io.BufferedReader", data, Encoding::Utf8);
        assert_eq!(stream(&v).read_all().unwrap(), "aé\u{FFFD}b");
        assert_eq!(Encoding::Latin1.decode(&[0xC3, 0xA9]), "Ã©");
        assert_eq!(Encoding::Latin1.encode("é€"), vec![0xE9, b'?']);
    }
}
