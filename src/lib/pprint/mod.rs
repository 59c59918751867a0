//! clojure.pprint: the pretty writer and case-converting writers in Rust
//! (engine.rs holds the layout algorithm), everything else in Clojure
//! (src/lib/clojure/pprint.clj), which calls the private natives below.

mod engine;

use crate::builtins::{Def, check_arity};
use crate::runtime::error::{Result, err};
use crate::runtime::gc::{Lock, lock};
use crate::runtime::io::{self, Writer, WriterSink};
use crate::runtime::value::{Value, View};
use engine::{Engine, NlKind};

pub(crate) const DEFS: &[Def] = &[
    Def::f("-pretty-writer", make_pretty_writer),
    Def::f("-pretty-writer?", is_pretty_writer),
    Def::f("-start-block", start_block),
    Def::f("-end-block", end_block),
    Def::f("-nl", nl),
    Def::f("-indent", indent),
    Def::f("-column", column),
    Def::f("-max-column", max_column),
    Def::f("-miser-width", miser_width),
    Def::f("-case-writer", case_writer),
];

/// The JVM's pretty writer is a proxy of java.io.Writer; writes go through
/// the engine and what it decides goes on to `base`.
struct PrettySink {
    engine: Lock<Engine>,
    base: Value,
}

impl PrettySink {
    /// Runs `f` on the engine, then passes its output to the base writer
    /// (outside the lock: the base may be any writer).
    fn with(&self, f: impl FnOnce(&mut Engine)) -> Result<()> {
        let out = {
            let mut e = lock(&self.engine);
            f(&mut e);
            std::mem::take(&mut e.out)
        };
        if out.is_empty() {
            Ok(())
        } else {
            io::write_to(&self.base, &out)
        }
    }
}

impl WriterSink for PrettySink {
    fn write_str(&self, s: &str) -> Result<()> {
        self.with(|e| e.write_str(s))
    }
    fn write_char(&self, c: char) -> Result<()> {
        self.with(|e| e.write_char(c))
    }
    fn flush(&self) -> Result<()> {
        self.with(Engine::ppflush)?;
        io::flush_value(&self.base)
    }
    fn class_name(&self) -> &'static str {
        "clojure.pprint.PrettyWriter"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn pretty(v: &Value) -> Option<&PrettySink> {
    match v.view() {
        View::Writer(w) => w.custom_sink()?.as_any().downcast_ref::<PrettySink>(),
        _ => None,
    }
}

fn need_pretty(v: &Value) -> Result<&PrettySink> {
    pretty(v).map_or_else(
        || {
            err::class_cast(crate::runtime::compare::cast_message(
                v.class_name(),
                "clojure.lang.IDeref",
            ))
        },
        Ok,
    )
}

fn opt_long(v: &Value) -> Result<Option<i64>> {
    if v.is_nil() {
        return Ok(None);
    }
    crate::runtime::number::convert::to_long(v).map(Some)
}

fn opt_string(v: &Value) -> Result<Option<String>> {
    if v.is_nil() {
        return Ok(None);
    }
    crate::runtime::printer::str_value(v).map(Some)
}

/// (-pretty-writer base right-margin miser-width)
fn make_pretty_writer(args: &[Value]) -> Result<Value> {
    check_arity("-pretty-writer", args, 3, Some(3))?;
    Ok(Writer::custom(Box::new(PrettySink {
        engine: Lock::new(Engine::new(opt_long(&args[1])?, opt_long(&args[2])?)),
        base: args[0].clone(),
    })))
}

fn is_pretty_writer(args: &[Value]) -> Result<Value> {
    check_arity("-pretty-writer?", args, 1, Some(1))?;
    Ok(Value::bool(pretty(&args[0]).is_some()))
}

/// (-start-block w prefix per-line-prefix suffix)
fn start_block(args: &[Value]) -> Result<Value> {
    check_arity("-start-block", args, 4, Some(4))?;
    let (p, l, s) = (
        opt_string(&args[1])?,
        opt_string(&args[2])?,
        opt_string(&args[3])?,
    );
    need_pretty(&args[0])?.with(|e| e.start_block(p, l, s))?;
    Ok(Value::NIL)
}

fn end_block(args: &[Value]) -> Result<Value> {
    check_arity("-end-block", args, 1, Some(1))?;
    need_pretty(&args[0])?.with(Engine::end_block)?;
    Ok(Value::NIL)
}

fn keyword_name(v: &Value) -> &str {
    v.as_keyword().map_or("", |k| k.name())
}

/// (-nl w kind): kind is :linear :miser :fill or :mandatory.
fn nl(args: &[Value]) -> Result<Value> {
    check_arity("-nl", args, 2, Some(2))?;
    let kind = match keyword_name(&args[1]) {
        "linear" => NlKind::Linear,
        "miser" => NlKind::Miser,
        "fill" => NlKind::Fill,
        _ => NlKind::Mandatory,
    };
    need_pretty(&args[0])?.with(|e| e.newline(kind))?;
    Ok(Value::NIL)
}

/// (-indent w relative-to offset): relative-to is :block or :current.
fn indent(args: &[Value]) -> Result<Value> {
    check_arity("-indent", args, 3, Some(3))?;
    let block = keyword_name(&args[1]) == "block";
    let offset = crate::runtime::number::convert::to_long(&args[2])?;
    need_pretty(&args[0])?.with(|e| e.indent(block, offset))?;
    Ok(Value::NIL)
}

fn column(args: &[Value]) -> Result<Value> {
    check_arity("-column", args, 1, Some(1))?;
    let col = lock(&need_pretty(&args[0])?.engine).column();
    Ok(Value::long(col))
}

fn max_column(args: &[Value]) -> Result<Value> {
    check_arity("-max-column", args, 1, Some(1))?;
    let m = lock(&need_pretty(&args[0])?.engine).max_column();
    Ok(m.map_or(Value::NIL, Value::long))
}

fn miser_width(args: &[Value]) -> Result<Value> {
    check_arity("-miser-width", args, 1, Some(1))?;
    let m = lock(&need_pretty(&args[0])?.engine).miser_width();
    Ok(m.map_or(Value::NIL, Value::long))
}

/// How a `~(...~)` writer changes case.
#[derive(Clone, Copy)]
enum CaseMode {
    Down,
    Up,
    /// Capitalize every word (`~:(`).
    Words,
    /// Capitalize the first word, lower-case the rest (`~@(`).
    First,
}

struct CaseSink {
    mode: CaseMode,
    base: Value,
    /// Words: the last char written was whitespace. First: a capital was
    /// written already.
    flag: Lock<bool>,
}

/// Java's `\w`.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn upper(c: char) -> String {
    c.to_uppercase().collect()
}

impl CaseSink {
    fn convert_str(&self, s: &str) -> String {
        let mut flag = lock(&self.flag);
        match self.mode {
            CaseMode::Down => s.to_lowercase(),
            CaseMode::Up => s.to_uppercase(),
            CaseMode::Words => {
                let lower = s.to_lowercase();
                let mut out = String::new();
                let mut prev: Option<char> = None;
                for (i, c) in lower.chars().enumerate() {
                    let cap = if i == 0 {
                        *flag && c.is_alphabetic()
                    } else {
                        prev.is_some_and(|p| !word_char(p)) && word_char(c)
                    };
                    if cap {
                        out.push_str(&upper(c));
                    } else {
                        out.push(c);
                    }
                    prev = Some(c);
                }
                if let Some(last) = s.chars().last() {
                    *flag = last.is_whitespace();
                }
                out
            }
            CaseMode::First => {
                let lower = s.to_lowercase();
                if *flag {
                    return lower;
                }
                match lower.char_indices().find(|(_, c)| !java_space(*c)) {
                    Some((i, c)) => {
                        *flag = true;
                        format!("{}{}{}", &lower[..i], upper(c), &lower[i + c.len_utf8()..])
                    }
                    None => lower,
                }
            }
        }
    }

    fn convert_char(&self, c: char) -> String {
        let mut flag = lock(&self.flag);
        match self.mode {
            CaseMode::Down => c.to_lowercase().collect(),
            CaseMode::Up => upper(c),
            CaseMode::Words => {
                // As the JVM's writer: no lower-casing on this path.
                let r = if *flag { upper(c) } else { c.to_string() };
                *flag = c.is_whitespace();
                r
            }
            CaseMode::First => {
                if !*flag && c.is_alphabetic() {
                    *flag = true;
                    upper(c)
                } else {
                    c.to_lowercase().collect()
                }
            }
        }
    }
}

fn java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

impl WriterSink for CaseSink {
    fn write_str(&self, s: &str) -> Result<()> {
        let out = self.convert_str(s);
        io::write_to(&self.base, &out)
    }
    fn write_char(&self, c: char) -> Result<()> {
        let out = self.convert_char(c);
        let mut chars = out.chars();
        match (chars.next(), chars.next(), &self.base.view()) {
            (Some(one), None, View::Writer(w)) => w.write_char(one),
            _ => io::write_to(&self.base, &out),
        }
    }
    fn flush(&self) -> Result<()> {
        io::flush_value(&self.base)
    }
    fn class_name(&self) -> &'static str {
        "java.io.Writer"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// (-case-writer base mode): mode is :down :up :words or :first.
fn case_writer(args: &[Value]) -> Result<Value> {
    check_arity("-case-writer", args, 2, Some(2))?;
    let mode = match keyword_name(&args[1]) {
        "up" => CaseMode::Up,
        "words" => CaseMode::Words,
        "first" => CaseMode::First,
        _ => CaseMode::Down,
    };
    Ok(Writer::custom(Box::new(CaseSink {
        mode,
        base: args[0].clone(),
        flag: Lock::new(matches!(mode, CaseMode::Words)),
    })))
}
