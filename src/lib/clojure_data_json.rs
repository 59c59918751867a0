//! clojure.data.json over the Rust JSON core (src/lib/json): read-str,
//! read, write-str, write and the deprecated json-str, read-json,
//! write-json, print-json, with data.json 2.4's options (`:key-fn`,
//! `:value-fn`, `:bigdec`, `:eof-error?`, `:eof-value`, `:escape-unicode`,
//! `:escape-js-separators`, `:escape-slash`, `:indent`).
//!
//! Differences: `read` consumes only the value's text from the reader and
//! leaves the rest there (data.json may lose what its PushbackReader
//! buffered); `:date-formatter`/`:sql-date-converter` are ignored (Dates,
//! Timestamps and Instants are written as ISO_INSTANT, a java.sql.Date as
//! the start of its day in UTC, the defaults). `pprint` is Clojure (clojure/data/json.clj)
//! on clojure.pprint, loaded on its first call.

use crate::builtins::{Def, check_arity};
use crate::libs::json::generate::{Generator, Style};
use crate::libs::json::parse::{Dialect, KeyFn, ParseOpts, Parser};
use crate::libs::json::{has_opt, kw_args, opt, reader_arg, string_arg};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::io::write_to;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("read-str", read_str),
    Def::f("read", read),
    Def::f("write-str", write_str),
    Def::f("json-str", write_str),
    Def::f("write", write),
    Def::f("read-json", read_json),
    Def::f("write-json", write_json),
    Def::f("print-json", print_json),
];

fn parse_opts(opts: &Value) -> Result<ParseOpts> {
    let mut o = ParseOpts::new(Dialect::DataJson);
    let kf = opt(opts, "key-fn")?;
    if !kf.is_nil() {
        o.key_fn = KeyFn::Fn(kf);
    }
    let vf = opt(opts, "value-fn")?;
    o.value_fn = (!vf.is_nil()).then_some(vf);
    o.bigdec = opt(opts, "bigdec")?.truthy();
    Ok(o)
}

/// The value at the start of `text`, or the eof handling when there is
/// none; returns it and the byte offset after it.
fn read_text(text: &str, opts: &Value) -> Result<(Value, usize)> {
    let po = parse_opts(opts)?;
    let mut p = Parser::new(text, &po);
    match p.parse_value()? {
        Some(v) => Ok((v, p.pos)),
        None => {
            let eof_error = !has_opt(opts, "eof-error?")? || opt(opts, "eof-error?")?.truthy();
            if eof_error {
                return Err(Exception::new(
                    ExClass::EOFException,
                    "JSON error (end-of-file)",
                ));
            }
            Ok((opt(opts, "eof-value")?, p.pos))
        }
    }
}

/// `(read-str string & options)`.
fn read_str(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/read-str", args, 1, None)?;
    let s = string_arg(&args[0], "clojure.data.json/read-str")?;
    Ok(read_text(s, &kw_args(&args[1..])?)?.0)
}

fn read_reader(r: &Value, opts: &Value) -> Result<Value> {
    let r = reader_arg(r, "clojure.data.json/read")?;
    let text = r.read_all()?;
    let (v, end) = read_text(&text, opts)?;
    let (line, col) = r.position();
    r.give_back_text(text.get(end..).unwrap_or(""), line, col);
    Ok(v)
}

/// `(read reader & options)`.
fn read(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/read", args, 1, None)?;
    read_reader(&args[0], &kw_args(&args[1..])?)
}

fn style(opts: &Value) -> Result<Style> {
    let flag = |key: &str| -> Result<bool> { Ok(!has_opt(opts, key)? || opt(opts, key)?.truthy()) };
    let kf = opt(opts, "key-fn")?;
    let vf = opt(opts, "value-fn")?;
    Ok(Style::DataJson {
        escape_unicode: flag("escape-unicode")?,
        escape_js_separators: flag("escape-js-separators")?,
        escape_slash: flag("escape-slash")?,
        key_fn: (!kf.is_nil()).then_some(kf),
        value_fn: (!vf.is_nil()).then_some(vf),
        indent: opt(opts, "indent")?.truthy(),
    })
}

fn generate(x: &Value, opts: &Value) -> Result<String> {
    let style = style(opts)?;
    let mut g = Generator::new(&style);
    g.write(x, 0)?;
    Ok(g.out)
}

/// `(write-str x & options)`.
fn write_str(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/write-str", args, 1, None)?;
    Ok(Value::string(generate(&args[0], &kw_args(&args[1..])?)?))
}

/// `(write x writer & options)`.
fn write(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/write", args, 2, None)?;
    let text = generate(&args[0], &kw_args(&args[2..])?)?;
    write_to(&args[1], &text)?;
    Ok(Value::NIL)
}

/// `(read-json input)`, `(read-json input keywordize?)`,
/// `(read-json input keywordize? eof-error? eof-value)`: deprecated;
/// keywordizes by default.
fn read_json(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/read-json", args, 1, Some(4))?;
    if args.len() == 3 {
        return Err(Exception::new(
            ExClass::ArityException,
            "Wrong number of args (3) passed to: clojure.data.json/read-json",
        ));
    }
    let keywordize = args.get(1).is_none_or(|k| k.truthy());
    let key_fn = if keywordize {
        Value::native_fn("clojure.core/keyword", |a| {
            let s = a.first().and_then(|v| v.as_str()).unwrap_or("");
            let (ns, n) = crate::runtime::symbol::split_ns(s);
            Ok(Value::keyword(ns, n))
        })
    } else {
        Value::native_fn("clojure.core/identity", |a| {
            Ok(a.first().cloned().unwrap_or(Value::NIL))
        })
    };
    let opts = Value::map_from_pairs(vec![
        (Value::keyword(None, "key-fn"), key_fn),
        (
            Value::keyword(None, "eof-error?"),
            args.get(2).cloned().unwrap_or(Value::bool(true)),
        ),
        (
            Value::keyword(None, "eof-value"),
            args.get(3).cloned().unwrap_or(Value::NIL),
        ),
    ]);
    match args[0].view() {
        View::Str(s) => Ok(read_text(s.as_str(), &opts)?.0),
        _ => read_reader(&args[0], &opts),
    }
}

/// `(write-json x out escape-unicode?)`: deprecated.
fn write_json(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/write-json", args, 3, Some(3))?;
    let opts = Value::map_from_pairs(vec![(
        Value::keyword(None, "escape-unicode"),
        args[2].clone(),
    )]);
    write_to(&args[1], &generate(&args[0], &opts)?)?;
    Ok(Value::NIL)
}

/// `(print-json x & options)`: deprecated; writes to `*out*`.
fn print_json(args: &[Value]) -> Result<Value> {
    check_arity("clojure.data.json/print-json", args, 1, None)?;
    let text = generate(&args[0], &kw_args(&args[1..])?)?;
    crate::builtins::io::emit(&text)?;
    Ok(Value::NIL)
}
