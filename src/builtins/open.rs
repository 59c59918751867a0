//! Opening things as readers, writers and byte streams: what
//! clojure.java.io's IOFactory and Coercions do on the JVM, for the types
//! cljw has (strings naming files, java.io.File, readers, writers, streams,
//! `file:` URLs). Used by `slurp`/`spit` and the clojure.java.io lib.

use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::file::{File, output_not_found};
use crate::runtime::gc::Ref;
use crate::runtime::input::{Encoding, InStream, Unit};
use crate::runtime::io::{Sink, Writer, WriterKind};
use crate::runtime::printer::pr_str;
use crate::runtime::value::{Value, View};

/// Options of `reader`/`writer`/`slurp`/`spit`: `:encoding` and `:append`.
pub struct Opts {
    pub enc: Encoding,
    pub append: bool,
}

/// Parse keyword options `[:encoding "UTF-8" :append true]`.
pub fn opts(kvs: &[Value]) -> Result<Opts> {
    let mut o = Opts {
        enc: Encoding::Utf8,
        append: false,
    };
    for kv in kvs.chunks(2) {
        let (k, v) = match kv {
            [k, v] => (k, v),
            [k] => (k, &Value::NIL),
            _ => continue,
        };
        match k.as_keyword().map(|k| k.name().to_string()).as_deref() {
            Some("encoding") if !v.is_nil() => {
                let name = crate::runtime::printer::str_value(v)?;
                o.enc = Encoding::from_name(&name)?;
            }
            Some("append") => o.append = v.truthy(),
            _ => {}
        }
    }
    Ok(o)
}

/// A java.io.File value.
pub fn file_value(f: File) -> Value {
    Value::from(Ref::new(f))
}

/// A string that is a URL: `file:` URLs name files; other protocols
/// cannot be opened here.
fn url_path(s: &str) -> Result<Option<String>> {
    if let Some(p) = s.strip_prefix("file:") {
        let p = p.strip_prefix("//").unwrap_or(p);
        return Ok(Some(percent_decode(p)));
    }
    let scheme: String = s.chars().take_while(|c| *c != ':').collect();
    if scheme.len() > 1
        && s.len() > scheme.len()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && matches!(
            scheme.as_str(),
            "http" | "https" | "ftp" | "jar" | "mailto" | "jrt"
        )
    {
        return Err(Exception::new(
            ExClass::UnsupportedOperationException,
            format!("cljw cannot open URLs (no network or class path): {s}"),
        ));
    }
    Ok(None)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(h) = s.get(i + 1..i + 3)
            && let Ok(x) = u8::from_str_radix(h, 16)
        {
            out.push(x);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `as-file` (Coercions): nil -> nil, a string -> (File. s), a File
/// itself, a `file:` URL string; anything else is the JVM's "No
/// implementation of method" error.
pub fn as_file(x: &Value) -> Result<Option<String>> {
    match x.view() {
        View::Nil => Ok(None),
        View::Str(s) => Ok(Some(s.as_str().to_string())),
        View::File(f) => Ok(Some(f.path().to_string())),
        _ => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "No implementation of method: :as-file of protocol: #'clojure.java.io/Coercions found for class: {}",
                x.class_name()
            ),
        )),
    }
}

/// The file path `x` names for opening (a string path or `file:` URL, or
/// a File); None for other values.
fn path_of(x: &Value) -> Result<Option<String>> {
    match x.view() {
        View::Str(s) => Ok(Some(
            url_path(s.as_str())?.unwrap_or_else(|| s.as_str().to_string()),
        )),
        View::File(f) => Ok(Some(f.path().to_string())),
        _ => Ok(None),
    }
}

/// The bytes of a `jar:file:JAR!/ENTRY` URL string (what
/// `clojure.java.io/resource` gives for a jar entry); None for anything else.
fn jar_entry_bytes(x: &Value) -> Result<Option<Vec<u8>>> {
    match x.view() {
        View::Str(s) => crate::runtime::classpath::read_jar_url(s.as_str()).transpose(),
        _ => Ok(None),
    }
}

pub(crate) fn open_read(path: &str) -> Result<std::fs::File> {
    crate::runtime::file::open_input(path)
}

pub(crate) fn open_write(path: &str, append: bool) -> Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true);
    if append {
        o.append(true);
    } else {
        o.write(true).truncate(true);
    }
    o.open(path).map_err(|e| output_not_found(&e, path))
}

fn cannot_open(x: &Value, what: &str) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("Cannot open <{}> as {what}.", pr_str(x)),
    )
}

/// `make-input-stream`: a java.io.BufferedInputStream.
pub fn input_stream(x: &Value) -> Result<Value> {
    if let View::InStream(s) = x.view()
        && s.unit() == Unit::Bytes
    {
        return Ok(x.clone());
    }
    if let Some(bytes) = jar_entry_bytes(x)? {
        return Ok(InStream::byte_stream(
            "java.io.BufferedInputStream",
            Box::new(std::io::Cursor::new(bytes)),
        ));
    }
    // clojure.java.io's byte-array method: a ByteArrayInputStream,
    // buffered.
    if let Some(bytes) = x.byte_array_bytes() {
        return Ok(InStream::byte_stream(
            "java.io.BufferedInputStream",
            Box::new(std::io::Cursor::new(bytes)),
        ));
    }
    if let Some(p) = path_of(x)? {
        let f = open_read(&p)?;
        return Ok(InStream::byte_stream(
            "java.io.BufferedInputStream",
            Box::new(std::io::BufReader::new(f)),
        ));
    }
    Err(cannot_open(x, "an InputStream"))
}

/// The text of a Java `char[]` (None for anything else).
pub(crate) fn char_array_text(x: &Value) -> Option<String> {
    match x.view() {
        View::HostObject(crate::runtime::object::HostObject::Array("[C", items)) => Some(
            crate::runtime::gc::lock(items)
                .iter()
                .map(|c| c.as_char().unwrap_or('\u{fffd}'))
                .collect(),
        ),
        _ => None,
    }
}

/// `make-reader`: a java.io.BufferedReader (a BufferedReader is returned
/// as it is).
pub fn reader(x: &Value, o: &Opts) -> Result<Value> {
    match x.view() {
        View::Nil => return Err(cannot_open(x, "a Reader")),
        View::InStream(s) if s.unit() == Unit::Chars => {
            if s.class_name() == "java.io.BufferedReader" {
                return Ok(x.clone());
            }
            return Ok(InStream::wrap(
                "java.io.BufferedReader",
                x.clone(),
                0,
                o.enc,
            ));
        }
        View::InStream(_) => {
            return Ok(InStream::wrap(
                "java.io.BufferedReader",
                x.clone(),
                0,
                o.enc,
            ));
        }
        _ => {}
    }
    if let Some(bytes) = jar_entry_bytes(x)?.or_else(|| x.byte_array_bytes()) {
        return Ok(InStream::byte_reader(
            "java.io.BufferedReader",
            Box::new(std::io::Cursor::new(bytes)),
            o.enc,
        ));
    }
    // clojure.java.io's char-array method: a CharArrayReader, buffered.
    if let Some(text) = char_array_text(x) {
        return Ok(InStream::byte_reader(
            "java.io.BufferedReader",
            Box::new(std::io::Cursor::new(text.into_bytes())),
            Encoding::Utf8,
        ));
    }
    if let Some(p) = path_of(x)? {
        let f = open_read(&p)?;
        return Ok(InStream::byte_reader(
            "java.io.BufferedReader",
            Box::new(std::io::BufReader::new(f)),
            o.enc,
        ));
    }
    Err(cannot_open(x, "an InputStream"))
}

/// `make-output-stream`: a java.io.BufferedOutputStream.
pub fn output_stream(x: &Value, o: &Opts) -> Result<Value> {
    if let View::Writer(w) = x.view() {
        match w.kind() {
            WriterKind::Bytes if w.class_name() == "java.io.BufferedOutputStream" => {
                return Ok(x.clone());
            }
            // Another output stream: buffered on top of it.
            WriterKind::Bytes | WriterKind::ByteArray => return Ok(Writer::bytes_on(x.clone())),
            _ => {}
        }
    }
    if let Some(p) = path_of(x)? {
        let f = open_write(&p, o.append)?;
        return Ok(Writer::bytes(Box::new(std::io::BufWriter::new(f))));
    }
    Err(cannot_open(x, "an OutputStream"))
}

/// `make-writer`: a java.io.BufferedWriter.
pub fn writer(x: &Value, o: &Opts) -> Result<Value> {
    match x.view() {
        View::Nil => return Err(cannot_open(x, "a Writer")),
        View::Writer(w)
            if w.kind() == WriterKind::Text && w.class_name() == "java.io.BufferedWriter" =>
        {
            return Ok(x.clone());
        }
        View::Writer(_) => return Ok(Writer::text(Sink::Inner(x.clone()), o.enc)),
        _ => {}
    }
    if let Some(p) = path_of(x)? {
        let f = open_write(&p, o.append)?;
        return Ok(Writer::text(
            Sink::Open(Box::new(std::io::BufWriter::new(f))),
            o.enc,
        ));
    }
    Err(cannot_open(x, "an OutputStream"))
}

/// `.close` on any stream value.
pub fn close(x: &Value) -> Result<()> {
    match x.view() {
        View::InStream(s) => s.close(),
        View::Writer(w) => w.close(),
        _ => crate::runtime::host::call_method(x, "close", &[]).map(|_| ()),
    }
}

/// The stream `v` as a char reader, or ClassCastException to `class`.
pub fn char_stream<'a>(v: &'a Value, class: &str) -> Result<&'a InStream> {
    match v.view() {
        View::InStream(s) if s.unit() == Unit::Chars => Ok(s),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            format!("Cannot invoke \"{class}.read()\" because \"r\" is null"),
        )),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            cast_message(v.class_name(), class),
        )),
    }
}
