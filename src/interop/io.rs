//! java.io interop: constructors of readers, files and streams, and the
//! methods of InStream (readers, input streams) and File values.

use crate::builtins::open;
use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::file::File;
use crate::runtime::gc::{Lock, Ref};
use crate::runtime::input::{Encoding, InStream, LNPR, Unit};
use crate::runtime::number::convert::to_long;
use crate::runtime::object::HostObject;
use crate::runtime::printer::str_value;
use crate::runtime::value::{Value, View};

fn npe(what: &str) -> Exception {
    Exception::new(ExClass::NullPointerException, what.to_string())
}

/// `(new C args...)` for the java.io classes; None if `class` is not one.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    let chars = |v: &Value| matches!(v.view(), View::InStream(s) if s.unit() == Unit::Chars);
    let bytes = |v: &Value| matches!(v.view(), View::InStream(s) if s.unit() == Unit::Bytes);
    Some(match (class, args) {
        // ByteArrayInputStream(byte[]): a stream over a copy of the bytes
        // (the JDK reads the array itself; later writes to it are not seen).
        ("java.io.ByteArrayInputStream", [b]) => match b.byte_array_bytes() {
            Some(bytes) => Ok(InStream::byte_stream(
                "java.io.ByteArrayInputStream",
                Box::new(std::io::Cursor::new(bytes)),
            )),
            None => Err(super::no_ctor(class)),
        },
        // ByteArrayOutputStream() / (int size): the size is only a hint.
        ("java.io.ByteArrayOutputStream", []) => Ok(crate::runtime::io::Writer::byte_array()),
        ("java.io.ByteArrayOutputStream", [n]) => match to_long(n) {
            Ok(n) if n >= 0 => Ok(crate::runtime::io::Writer::byte_array()),
            Ok(n) => Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!("Negative initial size: {n}"),
            )),
            Err(e) => Err(e),
        },
        ("java.io.StringReader", [s]) => match s.view() {
            View::Str(x) => Ok(InStream::string_reader(x.as_str())),
            View::Nil => Err(npe(
                "Cannot invoke \"String.length()\" because \"s\" is null",
            )),
            _ => Err(super::no_ctor(class)),
        },
        ("java.io.BufferedReader", [r] | [r, _]) if chars(r) => Ok(InStream::wrap(
            "java.io.BufferedReader",
            r.clone(),
            0,
            Encoding::Utf8,
        )),
        ("java.io.PushbackReader", [r]) if chars(r) => Ok(InStream::wrap(
            "java.io.PushbackReader",
            r.clone(),
            1,
            Encoding::Utf8,
        )),
        ("java.io.PushbackReader", [r, n]) if chars(r) => match to_long(n) {
            Ok(n) if n > 0 => Ok(InStream::wrap(
                "java.io.PushbackReader",
                r.clone(),
                usize::try_from(n).unwrap_or(usize::MAX),
                Encoding::Utf8,
            )),
            Ok(_) => Err(Exception::new(
                ExClass::IllegalArgumentException,
                "size <= 0",
            )),
            Err(e) => Err(e),
        },
        ("clojure.lang.LineNumberingPushbackReader", [r] | [r, _]) if chars(r) => {
            Ok(InStream::wrap(LNPR, r.clone(), 1, Encoding::Utf8))
        }
        ("java.io.InputStreamReader", [i]) if bytes(i) => Ok(InStream::wrap(
            "java.io.InputStreamReader",
            i.clone(),
            0,
            Encoding::Utf8,
        )),
        ("java.io.InputStreamReader", [i, enc]) if bytes(i) => str_value(enc)
            .and_then(|e| Encoding::from_name(&e))
            .map(|e| InStream::wrap("java.io.InputStreamReader", i.clone(), 0, e)),
        ("java.io.FileReader", [f]) => file_path(class, f).and_then(|p| {
            let file = open_file(&p)?;
            Ok(InStream::byte_reader(
                "java.io.FileReader",
                Box::new(std::io::BufReader::new(file)),
                Encoding::Utf8,
            ))
        }),
        ("java.io.FileInputStream", [f]) => file_path(class, f).and_then(|p| {
            let file = open_file(&p)?;
            Ok(InStream::byte_stream(
                "java.io.FileInputStream",
                Box::new(std::io::BufReader::new(file)),
            ))
        }),
        // FileOutputStream(file|name [append]): unbuffered, as the JDK's.
        ("java.io.FileOutputStream", [f] | [f, _]) => file_path(class, f).and_then(|p| {
            let append = args.get(1).is_some_and(Value::truthy);
            let file = open::open_write(&p, append)?;
            Ok(crate::runtime::io::Writer::bytes_named(
                "java.io.FileOutputStream",
                crate::runtime::io::Sink::Open(Box::new(file)),
            ))
        }),
        // OutputStreamWriter(out [charset-name]): text encoded onto `out`.
        ("java.io.OutputStreamWriter", [o] | [o, _]) if matches!(o.view(), View::Writer(w) if w.is_bytes()) =>
        {
            let enc = match args.get(1) {
                Some(e) => str_value(e).and_then(|e| Encoding::from_name(&e)),
                None => Ok(Encoding::Utf8),
            };
            enc.map(|enc| {
                crate::runtime::io::Writer::text_named(
                    "java.io.OutputStreamWriter",
                    crate::runtime::io::Sink::Inner(o.clone()),
                    enc,
                )
            })
        }
        ("java.io.BufferedWriter", [w] | [w, _]) if matches!(w.view(), View::Writer(_)) => {
            open::writer(
                w,
                &open::Opts {
                    enc: Encoding::Utf8,
                    append: false,
                },
            )
        }
        ("java.io.File", [p]) => match p.view() {
            View::Str(s) => Ok(open::file_value(File::new(s.as_str()))),
            View::Nil => Err(npe(
                "Cannot invoke \"String.length()\" because \"pathname\" is null",
            )),
            _ => Err(super::no_ctor(class)),
        },
        ("java.io.File", [parent, child]) => (|| {
            let child = match child.view() {
                View::Str(s) => s.as_str().to_string(),
                View::Nil => {
                    return Err(npe(
                        "Cannot invoke \"String.length()\" because \"child\" is null",
                    ));
                }
                _ => return Err(super::no_ctor(class)),
            };
            Ok(open::file_value(match parent.view() {
                View::Nil => File::new(&child),
                View::Str(s) => File::with_parent(s.as_str(), &child),
                View::File(f) => File::with_parent(f.path(), &child),
                _ => return Err(super::no_ctor(class)),
            }))
        })(),
        (
            "java.io.StringReader"
            | "java.io.BufferedReader"
            | "java.io.PushbackReader"
            | "clojure.lang.LineNumberingPushbackReader"
            | "java.io.InputStreamReader"
            | "java.io.FileReader"
            | "java.io.FileInputStream"
            | "java.io.FileOutputStream"
            | "java.io.OutputStreamWriter"
            | "java.io.BufferedWriter"
            | "java.io.File",
            _,
        ) => Err(super::no_ctor(class)),
        _ => return None,
    })
}

fn open_file(path: &str) -> Result<std::fs::File> {
    crate::runtime::file::open_input(path)
}

fn file_path(class: &str, f: &Value) -> Result<String> {
    match f.view() {
        View::Str(s) => Ok(s.as_str().to_string()),
        View::File(x) => Ok(x.path().to_string()),
        _ => Err(super::no_ctor(class)),
    }
}

fn file_array(files: Vec<Value>) -> Value {
    Value::from(Ref::new(HostObject::Array(
        "[Ljava.io.File;",
        Lock::new(files),
    )))
}

fn char_code(c: Option<char>) -> Value {
    Value::long(c.map_or(-1, |c| i64::from(u32::from(c))))
}

/// The items of a Java array argument.
fn array_items(buf: &Value) -> Result<Vec<Value>> {
    match buf.view() {
        View::HostObject(crate::runtime::object::HostObject::Array(_, items)) => {
            Ok(crate::runtime::gc::lock(items).clone())
        }
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(buf.class_name(), "[C"),
        )),
    }
}

/// Reader.read(char[], off, len) / InputStream.read(byte[], off, len):
/// reads until `len` items or the end; the count, or -1 at the end.
fn read_into(s: &InStream, buf: &Value, off: i64, len: Option<i64>) -> Result<Value> {
    let View::HostObject(crate::runtime::object::HostObject::Array(_, items)) = buf.view() else {
        return Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(buf.class_name(), "[C"),
        ));
    };
    let size = crate::runtime::gc::lock(items).len() as i64;
    let len = len.unwrap_or(size - off);
    if off < 0 || len < 0 || off.saturating_add(len) > size {
        return Err(Exception::new(ExClass::IndexOutOfBoundsException, ""));
    }
    let bytes = s.unit() == Unit::Bytes;
    let mut n = 0;
    while n < len {
        let item = if bytes {
            s.read_byte()?.map(|b| Value::long(i64::from(b as i8)))
        } else {
            s.read_char()?.map(Value::char)
        };
        let Some(item) = item else { break };
        crate::runtime::gc::lock(items)[(off + n) as usize] = item;
        n += 1;
    }
    Ok(Value::long(if n == 0 && len > 0 { -1 } else { n }))
}

/// Methods of readers and input streams.
pub fn call_stream(s: &InStream, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let class = s.class_name();
    let bytes = s.unit() == Unit::Bytes;
    Some(match (method, args) {
        ("read", []) if bytes => s.read_byte().map(|b| Value::long(b.map_or(-1, i64::from))),
        ("read", []) => s.read_char().map(char_code),
        // read(buf) / read(buf, off, len): fill the array, -1 at end.
        ("read", [buf]) => read_into(s, buf, 0, None),
        ("read", [buf, off, len]) => (|| read_into(s, buf, to_long(off)?, Some(to_long(len)?)))(),
        ("unread", [buf, off, len]) if s.is_pushback() => (|| {
            let (off, len) = (to_long(off)?, to_long(len)?);
            let items = array_items(buf)?;
            let end = off.saturating_add(len);
            if off < 0 || len < 0 || end as usize > items.len() {
                return Err(Exception::new(ExClass::IndexOutOfBoundsException, ""));
            }
            for c in items[off as usize..end as usize].iter().rev() {
                s.unread(c.as_char().unwrap_or('\u{FFFD}'))?;
            }
            Ok(Value::NIL)
        })(),
        ("readLine", []) if !bytes && matches!(class, "java.io.BufferedReader" | LNPR) => s
            .read_line()
            .map(|l| l.map(Value::string).unwrap_or(Value::NIL)),
        ("unread", [c]) if s.is_pushback() => (|| {
            let ch = match c.view() {
                View::Char(ch) => ch,
                _ => {
                    // unread(int) pushes back `(char) c`: -1 is U+FFFF.
                    let n = to_long(c)?;
                    char::from_u32(u32::from(n as u16)).unwrap_or('\u{FFFD}')
                }
            };
            s.unread(ch).map(|_| Value::NIL)
        })(),
        ("ready", []) if !bytes => s.ready().map(Value::bool),
        ("skip", [n]) => (|| {
            let n = to_long(n)?.max(0);
            let mut done = 0;
            while done < n {
                let more = if bytes {
                    s.read_byte()?.is_some()
                } else {
                    s.read_char()?.is_some()
                };
                if !more {
                    break;
                }
                done += 1;
            }
            Ok(Value::long(done))
        })(),
        ("close", []) => s.close().map(|_| Value::NIL),
        ("getLineNumber", []) if class == LNPR => Ok(Value::long(i64::from(s.position().0))),
        ("getColumnNumber", []) if class == LNPR => Ok(Value::long(i64::from(s.position().1))),
        ("setLineNumber", [n]) if class == LNPR => (|| {
            s.set_line(u32::try_from(to_long(n)?).unwrap_or(0));
            Ok(Value::NIL)
        })(),
        // At the start of a line: the next char is the line's first.
        ("atLineStart", []) if class == LNPR => Ok(Value::bool(s.position().1 == 1)),
        ("markSupported", []) => Ok(Value::FALSE),
        _ => return None,
    })
}

/// Methods of java.io.File.
pub fn call_file(f: &File, method: &str, args: &[Value]) -> Option<Result<Value>> {
    if f.is_nio_path() {
        return crate::libs::babashka_fs::call_path(f, method, args);
    }
    let file = |x: File| Ok(open::file_value(x));
    Some(match (method, args) {
        ("getName", []) => Ok(Value::string(f.name())),
        ("getPath" | "toString", []) => Ok(Value::string(f.path())),
        ("getParent", []) => Ok(f.parent().map(Value::string).unwrap_or(Value::NIL)),
        ("getParentFile", []) => match f.parent() {
            Some(p) => file(File::new(&p)),
            None => Ok(Value::NIL),
        },
        ("getAbsolutePath", []) => Ok(Value::string(f.absolute())),
        ("getAbsoluteFile", []) => file(File::new(&f.absolute())),
        ("getCanonicalPath", []) => Ok(Value::string(canonical(f))),
        ("getCanonicalFile", []) => file(File::new(&canonical(f))),
        ("isAbsolute", []) => Ok(Value::bool(f.is_absolute())),
        ("exists", []) => Ok(Value::bool(f.exists())),
        ("isDirectory", []) => Ok(Value::bool(f.is_dir())),
        ("isFile", []) => Ok(Value::bool(f.is_file())),
        ("canRead", []) => Ok(Value::bool(f.exists())),
        ("canWrite", []) => Ok(Value::bool(
            std::fs::metadata(f.path()).is_ok_and(|m| !m.permissions().readonly()),
        )),
        ("length", []) => Ok(Value::long(f.length())),
        ("lastModified", []) => Ok(Value::long(f.last_modified())),
        ("delete", []) => Ok(Value::bool(f.delete())),
        ("mkdir", []) => Ok(Value::bool(f.mkdir())),
        ("mkdirs", []) => Ok(Value::bool(f.mkdirs())),
        ("createNewFile", []) => f.create_new().map(Value::bool),
        ("deleteOnExit", []) => {
            f.delete_on_exit();
            Ok(Value::NIL)
        }
        ("renameTo", [to]) => match to.view() {
            View::File(t) => Ok(Value::bool(f.rename_to(t))),
            _ => Err(super::no_method(method, 1, "java.io.File")),
        },
        ("list", []) => Ok(match f.list() {
            Some(names) => Value::from(Ref::new(HostObject::Array(
                "[Ljava.lang.String;",
                Lock::new(names.into_iter().map(Value::string).collect()),
            ))),
            None => Value::NIL,
        }),
        ("listFiles", []) => Ok(match f.list() {
            Some(names) => file_array(
                names
                    .iter()
                    .map(|n| open::file_value(File::with_parent(f.path(), n)))
                    .collect(),
            ),
            None => Value::NIL,
        }),
        ("compareTo", [o]) => match o.view() {
            View::File(o) => Ok(Value::long(match f.path().cmp(o.path()) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            })),
            _ => Err(super::no_method(method, 1, "java.io.File")),
        },
        _ => return None,
    })
}

/// Static methods of java.io.File.
fn file_static(_class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    let text = |v: &Value| -> Result<Option<String>> {
        match v.view() {
            View::Str(s) => Ok(Some(s.as_str().to_string())),
            View::Nil => Ok(None),
            _ => Err(super::no_static_method(member, args.len(), "java.io.File")),
        }
    };
    Some(match (member, args) {
        ("createTempFile", [prefix, suffix] | [prefix, suffix, _]) => (|| {
            let Some(p) = text(prefix)? else {
                return Err(npe(
                    "Cannot invoke \"String.length()\" because \"prefix\" is null",
                ));
            };
            let s = text(suffix)?;
            let dir = match args.get(2).map(Value::view) {
                None | Some(View::Nil) => None,
                Some(View::File(d)) => Some(d.path().to_string()),
                Some(_) => return Err(super::no_static_method(member, 3, "java.io.File")),
            };
            File::create_temp(&p, s.as_deref(), dir.as_deref()).map(open::file_value)
        })(),
        _ => return None,
    })
}

fn canonical(f: &File) -> String {
    std::fs::canonicalize(f.path())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| f.absolute())
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.io.Writer").implements(&[
        "java.lang.Appendable",
        "java.io.Closeable",
        "java.io.Flushable",
    ]),
    ClassDef::class("java.io.StringWriter").extends("java.io.Writer"),
    ClassDef::class("java.io.PrintWriter").extends("java.io.Writer"),
    ClassDef::class("java.io.OutputStreamWriter").extends("java.io.Writer"),
    ClassDef::class("java.io.BufferedWriter").extends("java.io.Writer"),
    ClassDef::class("java.io.Reader").implements(&["java.lang.Readable", "java.io.Closeable"]),
    ClassDef::class("java.io.StringReader").extends("java.io.Reader"),
    ClassDef::class("java.io.BufferedReader").extends("java.io.Reader"),
    ClassDef::class("java.io.InputStreamReader").extends("java.io.Reader"),
    ClassDef::class("java.io.FileReader").extends("java.io.InputStreamReader"),
    ClassDef::class("java.io.PushbackReader").extends("java.io.FilterReader"),
    ClassDef::class("java.io.FilterReader").extends("java.io.Reader"),
    ClassDef::class("java.io.InputStream").implements(&["java.io.Closeable"]),
    ClassDef::class("java.io.FilterInputStream").extends("java.io.InputStream"),
    ClassDef::class("java.io.BufferedInputStream").extends("java.io.FilterInputStream"),
    ClassDef::class("java.io.FileInputStream").extends("java.io.InputStream"),
    ClassDef::class("java.io.ByteArrayInputStream").extends("java.io.InputStream"),
    // Request bodies of cljw.http.server (http-kit's class) and response
    // bodies of babashka.http-client `:as :stream` (the JDK client's).
    ClassDef::class("org.httpkit.BytesInputStream").extends("java.io.InputStream"),
    ClassDef::class("jdk.internal.net.http.ResponseSubscribers$HttpResponseInputStream")
        .extends("java.io.InputStream"),
    ClassDef::class("java.io.OutputStream").implements(&["java.io.Closeable", "java.io.Flushable"]),
    ClassDef::class("java.io.FilterOutputStream").extends("java.io.OutputStream"),
    ClassDef::class("java.io.BufferedOutputStream").extends("java.io.FilterOutputStream"),
    ClassDef::class("java.io.File")
        .implements(&["java.io.Serializable", "java.lang.Comparable"])
        .statics(&["createTempFile"], file_static),
    ClassDef::class("sun.nio.fs.UnixPath").implements(&["java.nio.file.Path"]),
    ClassDef::interface("java.nio.file.Path").implements(&[
        "java.lang.Comparable",
        "java.lang.Iterable",
        "java.nio.file.Watchable",
    ]),
    ClassDef::interface("java.nio.file.Watchable"),
    ClassDef::interface("java.io.Closeable").implements(&["java.lang.AutoCloseable"]),
    ClassDef::interface("java.io.Serializable"),
    ClassDef::interface("java.io.Flushable"),
    ClassDef::class("java.nio.file.Files"),
    ClassDef::class("java.nio.file.Paths"),
    ClassDef::class("java.io.ByteArrayOutputStream").extends("java.io.OutputStream"),
    ClassDef::class("java.io.PrintStream")
        .extends("java.io.FilterOutputStream")
        .implements(&["java.lang.Appendable", "java.io.Closeable"]),
    ClassDef::class("java.io.CharArrayWriter").extends("java.io.Writer"),
    ClassDef::class("java.io.StringBufferInputStream").extends("java.io.InputStream"),
    ClassDef::class("java.io.FileWriter").extends("java.io.OutputStreamWriter"),
    ClassDef::class("java.io.FileOutputStream").extends("java.io.OutputStream"),
    ClassDef::class("java.io.LineNumberReader").extends("java.io.BufferedReader"),
    ClassDef::class("java.io.CharArrayReader").extends("java.io.Reader"),
    ClassDef::class("java.io.DataInputStream")
        .extends("java.io.FilterInputStream")
        .implements(&["java.io.DataInput"]),
    ClassDef::class("java.io.DataOutputStream")
        .extends("java.io.FilterOutputStream")
        .implements(&["java.io.DataOutput"]),
    ClassDef::class("java.io.ObjectOutputStream")
        .extends("java.io.OutputStream")
        .implements(&["java.io.ObjectOutput", "java.io.ObjectStreamConstants"]),
    ClassDef::class("java.io.ObjectInputStream")
        .extends("java.io.InputStream")
        .implements(&["java.io.ObjectInput", "java.io.ObjectStreamConstants"]),
    ClassDef::interface("java.io.DataInput"),
    ClassDef::interface("java.io.DataOutput"),
    ClassDef::interface("java.io.ObjectInput")
        .implements(&["java.io.DataInput", "java.lang.AutoCloseable"]),
    ClassDef::interface("java.io.ObjectOutput")
        .implements(&["java.io.DataOutput", "java.lang.AutoCloseable"]),
    ClassDef::interface("java.io.ObjectStreamConstants"),
];
