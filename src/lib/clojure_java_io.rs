//! clojure.java.io: file, as-file, as-relative-path, reader, writer,
//! input-stream, output-stream, copy, delete-file, make-parents, resource,
//! as-url. The IOFactory/Coercions protocols are not extensible here: the
//! types they cover are built in (builtins::open).
//!
//! Differences from the JVM (no java.net.URL, no class path):
//! - `resource` looks the name up on the classpath (directories and jars)
//!   and returns a java.io.File, or for a jar entry its `jar:file:` URL as a
//!   string (nil when absent); on the JVM it is a URL. `slurp`/`reader` of
//!   it work the same.
//! - `as-url` throws UnsupportedOperationException (nil gives nil).

use crate::builtins::open::{self, Opts, as_file, file_value};
use crate::builtins::{Def, check_arity};
use crate::runtime::classpath::{self, Resource};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::file::File;
use crate::runtime::input::Unit;
use crate::runtime::printer::str_value;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("file", file),
    Def::f("as-file", as_file_fn),
    Def::f("as-relative-path", as_relative_path),
    Def::f("as-url", as_url),
    Def::f("reader", reader),
    Def::f("writer", writer),
    Def::f("input-stream", input_stream),
    Def::f("output-stream", output_stream),
    Def::f("copy", copy),
    Def::f("delete-file", delete_file),
    Def::f("make-parents", make_parents),
    Def::f("resource", resource),
];

fn as_file_fn(args: &[Value]) -> Result<Value> {
    check_arity("as-file", args, 1, Some(1))?;
    Ok(match as_file(&args[0])? {
        Some(p) => file_value(File::new(&p)),
        None => Value::NIL,
    })
}

fn relative_path(x: &Value) -> Result<String> {
    let f = File::new(&as_file(x)?.unwrap_or_default());
    if f.is_absolute() {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("{} is not a relative path", f.path()),
        ));
    }
    Ok(f.path().to_string())
}

fn as_relative_path(args: &[Value]) -> Result<Value> {
    check_arity("as-relative-path", args, 1, Some(1))?;
    relative_path(&args[0]).map(Value::string)
}

/// `(file arg)`, `(file parent child & more)`: each child is a relative
/// path resolved against what comes before.
fn file(args: &[Value]) -> Result<Value> {
    check_arity("file", args, 1, None)?;
    let mut cur = as_file(&args[0])?;
    if args.len() == 1 {
        return Ok(cur.map_or(Value::NIL, |p| file_value(File::new(&p))));
    }
    for child in &args[1..] {
        let c = relative_path(child)?;
        cur = Some(match cur {
            Some(p) => File::with_parent(&p, &c).path().to_string(),
            None => File::new(&c).path().to_string(),
        });
    }
    Ok(cur.map_or(Value::NIL, |p| file_value(File::new(&p))))
}

fn as_url(args: &[Value]) -> Result<Value> {
    check_arity("as-url", args, 1, Some(1))?;
    if args[0].is_nil() {
        return Ok(Value::NIL);
    }
    Err(Exception::new(
        ExClass::UnsupportedOperationException,
        "java.net.URL is not available in cljw",
    ))
}

fn reader(args: &[Value]) -> Result<Value> {
    check_arity("reader", args, 1, None)?;
    open::reader(&args[0], &open::opts(&args[1..])?)
}

fn writer(args: &[Value]) -> Result<Value> {
    check_arity("writer", args, 1, None)?;
    open::writer(&args[0], &open::opts(&args[1..])?)
}

fn input_stream(args: &[Value]) -> Result<Value> {
    check_arity("input-stream", args, 1, None)?;
    open::input_stream(&args[0])
}

fn output_stream(args: &[Value]) -> Result<Value> {
    check_arity("output-stream", args, 1, None)?;
    open::output_stream(&args[0], &open::opts(&args[1..])?)
}

/// What `copy` reads: text or bytes.
enum Data {
    Text(String),
    Bytes(Vec<u8>),
}

fn copy_input(x: &Value) -> Result<Data> {
    if let Some(b) = x.byte_array_bytes() {
        return Ok(Data::Bytes(b));
    }
    if let Some(t) = open::char_array_text(x) {
        return Ok(Data::Text(t));
    }
    match x.view() {
        View::Str(s) => Ok(Data::Text(s.as_str().to_string())),
        View::InStream(s) if s.unit() == Unit::Chars => Ok(Data::Text(s.read_all()?)),
        View::InStream(s) => {
            let mut b = Vec::new();
            while let Some(x) = s.read_byte()? {
                b.push(x);
            }
            Ok(Data::Bytes(b))
        }
        View::File(_) => {
            // Bytes stay bytes, so binary files copy intact.
            let i = open::input_stream(x)?;
            let r = copy_input(&i);
            open::close(&i)?;
            r
        }
        _ => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "No method in multimethod 'do-copy' for dispatch value: [{} {}]",
                x.class_name(),
                "?"
            ),
        )),
    }
}

/// `(copy input output & opts)`: copy a string, reader, input stream or
/// file to a writer, output stream or file. Streams passed in are left
/// open; files are opened and closed here.
fn copy(args: &[Value]) -> Result<Value> {
    check_arity("copy", args, 2, None)?;
    let o = open::opts(&args[2..])?;
    let data = copy_input(&args[0])?;
    let out = &args[1];
    let (target, opened) = match out.view() {
        View::Writer(_) => (out.clone(), false),
        View::File(_) => (
            open::output_stream(
                out,
                &Opts {
                    enc: o.enc,
                    append: false,
                },
            )?,
            true,
        ),
        _ => {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    "No method in multimethod 'do-copy' for dispatch value: [{} {}]",
                    args[0].class_name(),
                    out.class_name()
                ),
            ));
        }
    };
    if let View::Writer(w) = target.view() {
        let r = match (&data, w.is_bytes()) {
            (Data::Text(t), true) => w.write_bytes(&o.enc.encode(t)),
            (Data::Text(t), false) => w.write_str(t),
            (Data::Bytes(b), true) => w.write_bytes(b),
            (Data::Bytes(b), false) => w.write_str(&o.enc.decode(b)),
        };
        if opened {
            w.close()?;
        } else {
            w.flush()?;
        }
        r?;
    }
    Ok(Value::NIL)
}

/// `(delete-file f & [silently])`.
fn delete_file(args: &[Value]) -> Result<Value> {
    check_arity("delete-file", args, 1, Some(2))?;
    let path = as_file(&args[0])?.unwrap_or_default();
    if File::new(&path).delete() {
        return Ok(Value::TRUE);
    }
    match args.get(1) {
        Some(s) if s.truthy() => Ok(s.clone()),
        _ => Err(Exception::new(
            ExClass::IOException,
            format!("Couldn't delete {}", str_value(&args[0])?),
        )),
    }
}

/// `(make-parents f & more)`: create the parent directories of the file.
fn make_parents(args: &[Value]) -> Result<Value> {
    check_arity("make-parents", args, 1, None)?;
    let f = file(args)?;
    let View::File(f) = f.view() else {
        return Ok(Value::NIL);
    };
    Ok(match f.parent() {
        Some(p) => Value::bool(File::new(&p).mkdirs()),
        None => Value::NIL,
    })
}

/// `(resource name)`: `name` on the classpath (runtime/classpath.rs), or
/// nil: a java.io.File under a directory root, the `jar:file:JAR!/NAME` URL
/// string of a jar entry (which `slurp`, `reader` and `input-stream` open).
fn resource(args: &[Value]) -> Result<Value> {
    check_arity("resource", args, 1, Some(2))?;
    let name = str_value(&args[0])?;
    Ok(match classpath::find(&name) {
        Some(Resource::File(p)) => file_value(File::new(&p)),
        Some(r @ Resource::JarEntry { .. }) => Value::string(r.url()),
        None => Value::NIL,
    })
}
