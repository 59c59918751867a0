//! Reading input and files: read-line, line-seq, read (from streams),
//! read+string, with-in-str, slurp, spit, load, load-file, load-reader,
//! file-seq. Streams are runtime::input::InStream values; opening files
//! and coercions are in `open`.

use super::macros::{auto, core, list, margs, sym, vector};
use super::ns::reader_for;
use super::open::{self, char_stream};
use super::{Def, check_arity};
use crate::reader::{ReadCond, Reader};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::file::File;
use crate::runtime::func;
use crate::runtime::input::{InStream, LNPR};
use crate::runtime::printer::str_value;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::sync::OnceLock;

pub(crate) const DEFS: &[Def] = &[
    Def::f("read-line", read_line),
    Def::f("line-seq", line_seq),
    Def::f("read", read),
    Def::f("read+string", read_plus_string),
    Def::f("slurp", slurp),
    Def::f("spit", spit),
    Def::f("load-file", load_file),
    Def::f("load", load),
    Def::f("load-reader", load_reader),
    Def::f("file-seq", file_seq),
    Def::m("with-in-str", with_in_str),
];

/// How the engine loads source (installed by the embedding Runtime).
pub struct LoadHooks {
    /// Compiler.load: read and evaluate every form of `src`, with `*file*`
    /// bound to `file`; returns the last value.
    pub load_source: fn(src: &str, file: Option<&str>) -> Result<Value>,
    /// RT.load: load `base.clj` / `base.cljc` from the load path;
    /// Ok(false) when there is none.
    pub load_resource: fn(base: &str) -> Result<bool>,
}

static LOAD_HOOKS: OnceLock<LoadHooks> = OnceLock::new();

pub fn install_load_hooks(h: LoadHooks) {
    let _ = LOAD_HOOKS.set(h);
}

fn hooks() -> Result<&'static LoadHooks> {
    LOAD_HOOKS.get().ok_or_else(|| {
        Exception::new(
            ExClass::IllegalStateException,
            "no engine installed to load code",
        )
    })
}

/// The current `*in*`.
fn stdin_value() -> Value {
    crate::runtime::core_vars::core_vars()
        .in_
        .get()
        .unwrap_or(Value::NIL)
}

/// `(read-line)`: a line of `*in*` (a LineNumberingPushbackReader or a
/// BufferedReader), nil at the end.
fn read_line(args: &[Value]) -> Result<Value> {
    check_arity("read-line", args, 0, Some(0))?;
    let v = stdin_value();
    let s = match v.view() {
        View::InStream(s) if s.class_name() == LNPR => s,
        _ => char_stream(&v, "java.io.BufferedReader").and_then(|s| buffered(&v, s))?,
    };
    Ok(s.read_line()?.map(Value::string).unwrap_or(Value::NIL))
}

/// A java.io.BufferedReader, or the ClassCastException a type hint throws.
fn buffered<'a>(v: &Value, s: &'a InStream) -> Result<&'a InStream> {
    if s.class_name() == "java.io.BufferedReader" {
        Ok(s)
    } else {
        Err(Exception::new(
            ExClass::ClassCastException,
            cast_message(v.class_name(), "java.io.BufferedReader"),
        ))
    }
}

/// `(line-seq rdr)`: the lines of a BufferedReader as a lazy seq (a Cons
/// whose rest reads the next line when asked).
fn line_seq(args: &[Value]) -> Result<Value> {
    check_arity("line-seq", args, 1, Some(1))?;
    let v = args[0].clone();
    let s = char_stream(&v, "java.io.BufferedReader")?;
    buffered(&v, s)?;
    line_seq_from(v)
}

fn line_seq_from(v: Value) -> Result<Value> {
    let View::InStream(s) = v.view() else {
        return Ok(Value::NIL);
    };
    let Some(line) = s.read_line()? else {
        return Ok(Value::NIL);
    };
    let rest = Value::lazy_seq_native(move || line_seq_from(v));
    seq::cons(Value::string(line), &rest)
}

/// Options of `read`: reader conditionals and the value at end of input
/// (None: EOF is an error).
pub(crate) struct ReadOpts {
    read_cond: ReadCond,
    features: Vec<String>,
    pub(crate) eof: Option<Value>,
}

impl ReadOpts {
    pub(crate) fn plain(eof: Option<Value>) -> ReadOpts {
        ReadOpts {
            read_cond: ReadCond::Disallow,
            features: Vec::new(),
            eof,
        }
    }
    /// `{:eof x :read-cond :allow :features #{...}}`.
    pub(crate) fn from_map(m: &Value) -> Result<ReadOpts> {
        let missing = Value::keyword(Some("cljw.internal"), "missing");
        let get = |k: &str| func::get(m, &Value::keyword(None, k), missing.clone());
        let eof = get("eof")?;
        let eof = (!eof.identical(&missing)).then_some(eof);
        let rc = get("read-cond")?;
        let read_cond = match rc.as_keyword().map(|k| k.name().to_string()).as_deref() {
            Some("allow") => ReadCond::Allow,
            Some("preserve") => ReadCond::Preserve,
            // LispReader.isPreserveReadCond / installPlatformFeature: any
            // other value is as if absent.
            _ => ReadCond::Disallow,
        };
        let mut features = Vec::new();
        let f = get("features")?;
        if !f.identical(&missing) {
            for x in seq::iter(&f) {
                if let Some(k) = x?.as_keyword() {
                    features.push(k.name().to_string());
                }
            }
        }
        Ok(ReadOpts {
            read_cond,
            features,
            eof,
        })
    }
    /// The reader with these options' conditional mode and features (the
    /// platform's :cljw and :clj stay).
    pub(crate) fn configure(&self, r: Reader) -> Reader {
        let mut r = r.read_cond(self.read_cond);
        if !self.features.is_empty() {
            let mut names: Vec<&str> = vec!["cljw", "clj"];
            names.extend(self.features.iter().map(String::as_str));
            r = r.features(&names);
        }
        r
    }
}

/// Append the next line of `s` (with its line end) to `text`; false at
/// the end.
fn fetch_line(s: &InStream, text: &mut String) -> Result<bool> {
    match s.take_line()? {
        Some((line, term)) => {
            text.push_str(&line);
            text.push_str(term);
            Ok(!term.is_empty())
        }
        None => Ok(false),
    }
}

/// LispReader.read on a stream: the next form and the text it was read
/// from, consuming only that text (what follows stays in the stream);
/// None at the end of input. Text is taken a line at a time (more at once
/// from non-interactive sources) until a form is complete.
fn read_form(s: &InStream, o: &ReadOpts) -> Result<Option<(Value, String)>> {
    let ln = s.is_line_numbering();
    let (line0, col0) = s.position();
    let interactive = s.is_interactive();
    let mut text = String::new();
    let mut eof = false;
    let mut lines = 1usize;
    loop {
        for _ in 0..lines {
            if !fetch_line(s, &mut text)? {
                eof = true;
                break;
            }
        }
        if !interactive {
            lines = lines.saturating_mul(2);
        }
        let mut r = o.configure(reader_for(&text, ln));
        if ln {
            r = r.start_at(line0, col0);
        }
        let res = r.next_form();
        let off = r.offset().min(text.len());
        // A form or error that ends where the text does might change with
        // more text ("12" of "123", an unfinished list): fetch more.
        let settled = eof || off < text.len();
        let (line, col) = r.position();
        match res {
            Ok(Some(v)) if settled => {
                s.give_back_text(text.get(off..).unwrap_or(""), line, col);
                return Ok(Some((v, text.get(..off).unwrap_or("").to_string())));
            }
            Ok(None) if eof => {
                s.give_back_text("", line, col);
                return match &o.eof {
                    Some(_) => Ok(None),
                    None => Err(r.eof_error()),
                };
            }
            Err(e) if settled => {
                s.give_back_text(text.get(off..).unwrap_or(""), line, col);
                return Err(e);
            }
            _ => {}
        }
    }
}

/// The next form of a stream for loading code from it (`cljw -` reads the
/// script from `*in*` this way, so the script can read the lines after
/// it): as Compiler.load of a reader with no file name, reader
/// conditionals are not allowed; None at the end.
pub fn read_next(stream: &Value) -> Result<Option<Value>> {
    let s = char_stream(stream, "java.io.Reader")?;
    let o = ReadOpts {
        read_cond: ReadCond::Disallow,
        features: Vec::new(),
        eof: Some(Value::NIL),
    };
    let form = read_form(s, &o)?.map(|(v, _)| v);
    // Compiler.load skips the whitespace after a form before running it.
    loop {
        let (line, col) = s.position();
        match s.read_char()? {
            Some(c) if crate::reader::is_whitespace(c) => {}
            Some(c) => {
                s.give_back_text(&c.to_string(), line, col);
                break;
            }
            None => break,
        }
    }
    Ok(form)
}

/// The stream `read` takes: a java.io.PushbackReader.
fn pushback(v: &Value) -> Result<&InStream> {
    let s = char_stream(v, "java.io.PushbackReader")?;
    if s.is_pushback() {
        Ok(s)
    } else {
        Err(Exception::new(
            ExClass::ClassCastException,
            cast_message(v.class_name(), "java.io.PushbackReader"),
        ))
    }
}

/// The stream and options of `read`'s arities.
fn read_args(name: &str, args: &[Value]) -> Result<(Value, ReadOpts)> {
    check_arity(name, args, 0, Some(4))?;
    Ok(match args {
        [] => (stdin_value(), ReadOpts::plain(None)),
        [s] => (s.clone(), ReadOpts::plain(None)),
        [opts, s] => (s.clone(), ReadOpts::from_map(opts)?),
        [s, eof_error, eof, ..] => (
            s.clone(),
            ReadOpts::plain((!eof_error.truthy()).then(|| eof.clone())),
        ),
    })
}

/// `(read)`, `(read stream)`, `(read stream eof-error? eof-value)`,
/// `(read stream eof-error? eof-value recursive?)`, `(read opts stream)`.
fn read(args: &[Value]) -> Result<Value> {
    let (v, o) = read_args("read", args)?;
    let s = pushback(&v)?;
    super::ns::check_read_allowed()?;
    match read_form(s, &o)? {
        Some((form, _)) => Ok(form),
        None => Ok(o.eof.unwrap_or(Value::NIL)),
    }
}

/// `(read+string ...)`: like `read` on a LineNumberingPushbackReader, and
/// the text read (trimmed): `[form "text"]`.
fn read_plus_string(args: &[Value]) -> Result<Value> {
    let (v, o) = read_args("read+string", args)?;
    let s = char_stream(&v, LNPR)?;
    if s.class_name() != LNPR {
        return Err(Exception::new(
            ExClass::ClassCastException,
            cast_message(v.class_name(), LNPR),
        ));
    }
    super::ns::check_read_allowed()?;
    let (form, text) = match read_form(s, &o)? {
        Some(x) => x,
        None => (o.eof.unwrap_or(Value::NIL), String::new()),
    };
    let trimmed = text.trim_matches(|c: char| c <= ' ');
    Ok(Value::vector(vec![form, Value::string(trimmed)]))
}

/// `(with-in-str s body...)` ->
/// `(with-open [s# (-> (java.io.StringReader. s)
/// clojure.lang.LineNumberingPushbackReader.)] (binding [*in* s#] body...))`.
fn with_in_str(args: &[Value]) -> Result<Value> {
    let a = margs("with-in-str", args, 1, None)?;
    let s = auto("s");
    let mut binding = vec![core("binding"), vector![core("*in*"), s.clone()]];
    binding.extend_from_slice(&a[1..]);
    Ok(list![
        core("with-open"),
        vector![
            s,
            list![
                sym("clojure.lang.LineNumberingPushbackReader."),
                list![sym("java.io.StringReader."), a[0].clone()]
            ]
        ],
        Value::list(binding)
    ])
}

/// `(slurp f & opts)`: the whole text of a file, reader or stream (closed
/// afterwards).
fn slurp(args: &[Value]) -> Result<Value> {
    check_arity("slurp", args, 1, None)?;
    let o = open::opts(&args[1..])?;
    let r = open::reader(&args[0], &o)?;
    let text = match r.view() {
        View::InStream(s) => {
            let t = s.read_all();
            s.close()?;
            t?
        }
        _ => String::new(),
    };
    Ok(Value::string(text))
}

/// `(spit f content & opts)`: write `(str content)` to a file or writer
/// (`:append true` adds to the end), then close it.
fn spit(args: &[Value]) -> Result<Value> {
    check_arity("spit", args, 2, None)?;
    let o = open::opts(&args[2..])?;
    let w = open::writer(&args[0], &o)?;
    let text = str_value(&args[1])?;
    if let View::Writer(wr) = w.view() {
        let r = wr.write_str(&text);
        wr.close()?;
        r?;
    }
    Ok(Value::NIL)
}

/// `(load-file path)`: load a source file, `*file*` bound to its path.
fn load_file(args: &[Value]) -> Result<Value> {
    check_arity("load-file", args, 1, Some(1))?;
    let path = str_value(&args[0])?;
    let src = crate::runtime::input::read_file_text(&path)?;
    // Compiler.loadFile binds *file* to the absolute path.
    let abs = File::new(&path).absolute();
    (hooks()?.load_source)(&src, Some(&abs))
}

/// `(load "a/b" ...)`: load `a/b.clj` from the load path; a name without a
/// leading slash is relative to the current namespace's directory.
fn load(args: &[Value]) -> Result<Value> {
    for p in args {
        let path = str_value(p)?;
        let full = match path.strip_prefix('/') {
            Some(rest) => rest.to_string(),
            None => {
                let ns = super::lang::current_ns().name_str().to_string();
                let root = ns.replace('-', "_").replace('.', "/");
                match root.rfind('/') {
                    Some(i) => format!("{}/{path}", &root[..i]),
                    None => path.clone(),
                }
            }
        };
        if !(hooks()?.load_resource)(&full)? {
            return Err(Exception::new(
                ExClass::FileNotFoundException,
                format!(
                    "Could not locate {full}__init.class, {full}.clj or {full}.cljc on classpath."
                ),
            ));
        }
    }
    Ok(Value::NIL)
}

/// `(load-reader rdr)`: load every form the reader holds.
fn load_reader(args: &[Value]) -> Result<Value> {
    check_arity("load-reader", args, 1, Some(1))?;
    let s = char_stream(&args[0], "java.io.Reader")?;
    let src = s.read_all()?;
    (hooks()?.load_source)(&src, None)
}

/// `(file-seq dir)`: the File and everything under it, depth first
/// (children in name order), as a lazy seq.
fn file_seq(args: &[Value]) -> Result<Value> {
    check_arity("file-seq", args, 1, Some(1))?;
    let root = match args[0].view() {
        View::File(_) => args[0].clone(),
        _ => {
            return Err(Exception::new(
                ExClass::ClassCastException,
                cast_message(args[0].class_name(), "java.io.File"),
            ));
        }
    };
    Ok(file_walk(vec![root]))
}

/// The lazy pre-order walk over `stack` (next file last).
fn file_walk(mut stack: Vec<Value>) -> Value {
    Value::lazy_seq_native(move || {
        let Some(f) = stack.pop() else {
            return Ok(Value::NIL);
        };
        if let View::File(file) = f.view()
            && file.is_dir()
            && let Some(names) = file.list()
        {
            for n in names.iter().rev() {
                stack.push(open::file_value(File::with_parent(file.path(), n)));
            }
        }
        seq::cons(f, &file_walk(stack))
    })
}
