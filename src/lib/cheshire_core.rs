//! cheshire.core over the Rust JSON core (src/lib/json): generate-string /
//! encode, generate-stream / encode-stream, parse-string / decode,
//! parse-string-strict, parse-stream, parse-stream-strict, parsed-seq.
//!
//! As in cheshire 5.11: a top-level array read by the non-strict parse
//! fns is a seq (cheshire's is lazy; this one is read at once), the strict
//! ones give a vector. Not provided: SMILE/CBOR (throw), custom encoders
//! (cheshire.generate/add-encoder), `with-writer`/`write`, and the
//! `*use-bigdecimals?*` binding.

use crate::builtins::{Def, check_arity};
use crate::libs::json::generate::{DEFAULT_DATE_FORMAT, Generator, Pretty, Style};
use crate::libs::json::parse::{Dialect, KeyFn, ParseOpts, Parser};
use crate::libs::json::{opt, reader_arg, string_arg};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::io::write_to;
use crate::runtime::printer::str_value;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("generate-string", generate_string),
    Def::f("encode", generate_string),
    Def::f("generate-stream", generate_stream),
    Def::f("encode-stream", generate_stream),
    Def::f("parse-string", parse_string),
    Def::f("decode", parse_string),
    Def::f("parse-string-strict", parse_string_strict),
    Def::f("decode-strict", parse_string_strict),
    Def::f("parse-stream", parse_stream),
    Def::f("decode-stream", parse_stream),
    Def::f("parse-stream-strict", parse_stream_strict),
    Def::f("parsed-seq", parsed_seq),
    Def::f("generate-smile", unsupported_binary),
    Def::f("generate-cbor", unsupported_binary),
    Def::f("parse-smile", unsupported_binary),
    Def::f("parse-cbor", unsupported_binary),
];

fn unsupported_binary(_: &[Value]) -> Result<Value> {
    Err(Exception::new(
        ExClass::UnsupportedOperationException,
        "cheshire.core: SMILE and CBOR are not supported by cljw",
    ))
}

/// cheshire's `:pretty` option: true, or a map of CustomPrettyPrinter
/// settings.
fn pretty_opt(v: &Value) -> Result<Option<Pretty>> {
    if !v.truthy() {
        return Ok(None);
    }
    let mut p = Pretty::default();
    if !crate::runtime::equality::is_map(v) {
        return Ok(Some(p));
    }
    let ind = opt(v, "indentation")?;
    match ind.view() {
        View::Str(s) => p.indentation = s.as_str().to_string(),
        View::Long(n) => p.indentation = " ".repeat(n.clamp(0, 1024) as usize),
        View::Nil => {}
        _ => p.indentation = "  ".to_string(),
    }
    let lb = opt(v, "line-break")?;
    if !lb.is_nil() {
        p.line_break = str_value(&lb)?;
    }
    let io = opt(v, "indent-objects?")?;
    if !io.is_nil() {
        p.indent_objects = io.truthy();
    }
    p.indent_arrays = opt(v, "indent-arrays?")?.truthy();
    let s = opt(v, "before-array-values")?;
    p.before_array_values = (!s.is_nil()).then(|| str_value(&s)).transpose()?;
    let s = opt(v, "after-array-values")?;
    p.after_array_values = (!s.is_nil()).then(|| str_value(&s)).transpose()?;
    let s = opt(v, "object-field-value-separator")?;
    if !s.is_nil() {
        p.field_separator = str_value(&s)?;
    }
    Ok(Some(p))
}

fn style(opts: &Value) -> Result<Style> {
    let df = opt(opts, "date-format")?;
    let kf = opt(opts, "key-fn")?;
    Ok(Style::Jackson {
        pretty: pretty_opt(&opt(opts, "pretty")?)?,
        escape_non_ascii: opt(opts, "escape-non-ascii")?.truthy(),
        key_fn: (!kf.is_nil()).then_some(kf),
        date_format: if df.is_nil() {
            DEFAULT_DATE_FORMAT.to_string()
        } else {
            str_value(&df)?
        },
    })
}

fn generate(obj: &Value, opts: &Value) -> Result<String> {
    let style = style(opts)?;
    let mut g = Generator::new(&style);
    g.write(obj, 0)?;
    Ok(g.out)
}

/// `(generate-string obj)`, `(generate-string obj opts)`.
fn generate_string(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/generate-string", args, 1, Some(2))?;
    let opts = args.get(1).cloned().unwrap_or(Value::NIL);
    Ok(Value::string(generate(&args[0], &opts)?))
}

/// `(generate-stream obj writer)`, `(generate-stream obj writer opts)`:
/// writes and flushes; returns the writer.
fn generate_stream(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/generate-stream", args, 2, Some(3))?;
    let opts = args.get(2).cloned().unwrap_or(Value::NIL);
    let text = generate(&args[0], &opts)?;
    write_to(&args[1], &text)?;
    crate::runtime::io::flush_value(&args[1])?;
    Ok(args[1].clone())
}

/// cheshire's key-fn argument: true gives keywords, a fn is applied,
/// nil/false leave strings.
fn parse_opts(args: &[Value]) -> ParseOpts {
    let mut o = ParseOpts::new(Dialect::Jackson);
    if let Some(k) = args.get(1) {
        o.key_fn = match k.view() {
            View::Bool(true) => KeyFn::Keyword,
            View::Nil | View::Bool(false) => KeyFn::Identity,
            _ => KeyFn::Fn(k.clone()),
        };
    }
    if let Some(f) = args.get(2)
        && !f.is_nil()
    {
        o.array_coerce = Some(f.clone());
    }
    o
}

/// Parse the first value of `text`; nil when there is none. A top-level
/// array becomes a seq unless `strict`.
fn parse_text(text: &str, args: &[Value], strict: bool, source: &'static str) -> Result<Value> {
    let opts = parse_opts(args);
    let mut p = Parser::new(text, &opts).source_name(source);
    let top_array = !strict && text.trim_start().starts_with('[');
    let v = p.parse_value()?.unwrap_or(Value::NIL);
    if top_array {
        let items = seq::iter(&v).collect::<Result<Vec<_>>>()?;
        return Ok(Value::list(items));
    }
    Ok(v)
}

fn parse_string(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/parse-string", args, 1, Some(3))?;
    if args[0].is_nil() {
        return Ok(Value::NIL);
    }
    let s = string_arg(&args[0], "cheshire.core/parse-string")?;
    parse_text(s, args, false, "(StringReader)")
}

fn parse_string_strict(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/parse-string-strict", args, 1, Some(3))?;
    if args[0].is_nil() {
        return Ok(Value::NIL);
    }
    let s = string_arg(&args[0], "cheshire.core/parse-string-strict")?;
    parse_text(s, args, true, "(StringReader)")
}

/// Parse one value from a reader; the text after it goes back to the
/// reader.
fn parse_reader(args: &[Value], strict: bool, name: &str) -> Result<Value> {
    if args[0].is_nil() {
        return Ok(Value::NIL);
    }
    let r = reader_arg(&args[0], name)?;
    let text = r.read_all()?;
    let opts = parse_opts(args);
    let mut p = Parser::new(&text, &opts).source_name("(BufferedReader)");
    let top_array = !strict && text.trim_start().starts_with('[');
    let v = p.parse_value()?.unwrap_or(Value::NIL);
    let (line, col) = r.position();
    r.give_back_text(p.rest(), line, col);
    if top_array {
        let items = seq::iter(&v).collect::<Result<Vec<_>>>()?;
        return Ok(Value::list(items));
    }
    Ok(v)
}

fn parse_stream(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/parse-stream", args, 1, Some(3))?;
    parse_reader(args, false, "cheshire.core/parse-stream")
}

fn parse_stream_strict(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/parse-stream-strict", args, 1, Some(3))?;
    parse_reader(args, true, "cheshire.core/parse-stream-strict")
}

/// `(parsed-seq reader)`: a lazy seq of the values in the reader's text
/// (read whole when the seq is first realised).
fn parsed_seq(args: &[Value]) -> Result<Value> {
    check_arity("cheshire.core/parsed-seq", args, 1, Some(3))?;
    if args[0].is_nil() {
        return Ok(Value::NIL);
    }
    let reader = args[0].clone();
    reader_arg(&reader, "cheshire.core/parsed-seq")?;
    let opts = parse_opts(args);
    Ok(Value::lazy_seq_native(move || {
        let text = reader_arg(&reader, "cheshire.core/parsed-seq")?.read_all()?;
        parsed_from(std::sync::Arc::new(text), 0, opts)
    }))
}

/// The values of `text` from byte `pos` on, as a seq whose rest is lazy.
fn parsed_from(text: std::sync::Arc<String>, pos: usize, opts: ParseOpts) -> Result<Value> {
    let mut p = Parser::new(&text, &opts).source_name("(BufferedReader)");
    p.pos = pos;
    let Some(v) = p.parse_value()? else {
        return Ok(Value::NIL);
    };
    let next = p.pos;
    let text2 = text.clone();
    let rest = Value::lazy_seq_native(move || parsed_from(text2, next, opts));
    seq::cons(v, &rest)
}
