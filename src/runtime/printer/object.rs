//! `str`, `#object[...]` and `#error {...}`: the parts of printing that go
//! through Java's toString/hashCode on the JVM.

use super::{PrintOpts, write_value};
use crate::runtime::error::{Exception, ExceptionObj, Result};
use crate::runtime::hash::{identity_hash, java_hash_code};
use crate::runtime::number;
use crate::runtime::value::{Value, View};
use std::fmt::Write;

/// `(str x)` of one value: Java's toString, which prints a collection
/// with the print vars in force (RT.printString).
pub fn str_value(v: &Value) -> Result<String> {
    let mut out = String::new();
    if !write_str_plain(&mut out, v) {
        write_str(&mut out, v, &PrintOpts::current(true))?;
    }
    Ok(out)
}

/// Append `(str x)`: Java's toString. nil is "", strings and chars raw,
/// numbers without suffix (`(str 1N)` is "1"), regexes their source;
/// collections and ASeqs print with `opts` (RT.printString honours the
/// print vars, `*print-readably*` included: `(str ["a"])` is `[a]` under
/// `(binding [*print-readably* nil] ...)`; callers pass
/// [`PrintOpts::current`]); a LazySeq or queue has no toString of its own, so it shows as
/// `clojure.lang.LazySeq@<hashCode in hex>`.
pub fn write_str(out: &mut String, v: &Value, opts: &PrintOpts) -> Result<()> {
    if write_str_plain(out, v) {
        return Ok(());
    }
    match v.view() {
        View::Regex(r) => out.push_str(r.source()),
        View::Namespace(ns) => out.push_str(ns.name_str()),
        View::Date(d) => out.push_str(&d.java_string()),
        View::Uuid(u) => {
            let _ = write!(out, "{u}");
        }
        View::File(f) => out.push_str(f.path()),
        View::Exception(e) => write_throwable_string(out, e, opts)?,
        View::Class(c) => {
            out.push_str(if c.is_interface() {
                "interface "
            } else {
                "class "
            });
            out.push_str(c.name());
        }
        View::LazySeq(_) | View::Queue(_) => {
            let _ = write!(out, "{}@{:x}", v.class_name(), java_hash_code(v)? as u32);
        }
        View::HostObject(o) => out.push_str(&o.to_java_string(identity_hash(v))?),
        View::Instance(i) => out.push_str(&crate::runtime::types::to_string(i, v)?),
        View::Writer(w) if w.kind() == crate::runtime::io::WriterKind::Buffer => {
            out.push_str(&w.contents())
        }
        View::Fn(_)
        | View::MultiFn(_)
        | View::Reduced(_)
        | View::Atom(_)
        | View::Volatile(_)
        | View::Delay(_)
        | View::Promise(_)
        | View::TxRef(_)
        | View::Agent(_)
        | View::Future(_)
        | View::Writer(_)
        | View::InStream(_)
        | View::ArrayChunk(_)
        | View::ChunkBuffer(_)
        | View::TransientVector(_)
        | View::TransientMap(_)
        | View::TransientSet(_) => {
            let _ = write!(out, "{}@{:x}", object_class(v), identity_hash(v) as u32);
        }
        _ => write_value(out, v, opts)?,
    }
    Ok(())
}

/// Append `(str x)` of a value whose text no print option changes (nil,
/// booleans, strings, chars, numbers, keywords, symbols); false for any
/// other, appending nothing. `str` tries this before reading the print vars.
#[inline]
pub fn write_str_plain(out: &mut String, v: &Value) -> bool {
    match v.view() {
        View::Nil => {}
        View::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        View::Str(s) => out.push_str(s.as_str()),
        View::Char(c) => out.push(c),
        View::Long(n) => number::push_long(out, n),
        View::Double(_)
        | View::Float(_)
        | View::BigInt(_)
        | View::BigInteger(_)
        | View::Ratio(_)
        | View::BigDec(_) => {
            number::write_str(out, v);
        }
        View::Keyword(k) => {
            let _ = write!(out, "{k}");
        }
        View::Symbol(s) => {
            let _ = write!(out, "{s}");
        }
        _ => return false,
    }
    true
}

/// Throwable.toString; ExceptionInfo adds its data.
fn write_throwable_string(out: &mut String, e: &ExceptionObj, opts: &PrintOpts) -> Result<()> {
    // CompilerException.toString is its message, then an ExceptionInfo
    // cause's message on the next line.
    if e.class == crate::runtime::ExClass::CompilerException {
        out.push_str(e.message.as_deref().unwrap_or(""));
        if let Some(c) = &e.cause
            && c.class() == crate::runtime::ExClass::ExceptionInfo
        {
            out.push('\n');
            out.push_str(c.message().unwrap_or("null"));
        }
        return Ok(());
    }
    out.push_str(e.class.name());
    if let Some(m) = &e.message {
        out.push_str(": ");
        out.push_str(m);
    }
    if e.class == crate::runtime::ExClass::ExceptionInfo {
        out.push(' ');
        let data = e.data.clone().unwrap_or(Value::NIL);
        write_str(out, &data, opts)?;
    }
    Ok(())
}

/// The JVM class name an `#object[...]` shows: a fn's class is its munged
/// name (`clojure.core$inc`).
fn object_class(v: &Value) -> String {
    match v.view() {
        View::Fn(f) => match f.name() {
            Some(n) => munge_fn_name(n),
            None => v.class_name().to_string(),
        },
        _ => v.class_name().to_string(),
    }
}

/// The JVM class name of a named fn (`clojure.core$inc`), what `(class f)`
/// gives; None for other values.
pub fn fn_class_name(v: &Value) -> Option<String> {
    match v.view() {
        View::Fn(f) => f.name().map(munge_fn_name),
        _ => None,
    }
}

/// `ns/name` -> `ns$name` with Clojure's munging of special characters.
pub fn munge_fn_name(full: &str) -> String {
    let (ns, name) = crate::runtime::symbol::split_ns(full);
    let mut out = String::new();
    if let Some(ns) = ns {
        out.push_str(&crate::runtime::symbol::munge(ns));
        out.push('$');
    }
    out.push_str(&crate::runtime::symbol::munge(name));
    out
}

/// `#object[clojure.lang.Atom 0x1f2b3c ` for a reference type; returns the
/// `{:status .. :val ..}` map that follows it (print-method for IDeref).
pub(super) fn write_ref_head(out: &mut String, v: &Value) -> Value {
    let _ = write!(
        out,
        "#object[{} 0x{:x} ",
        v.class_name(),
        identity_hash(v) as u32
    );
    let kw = |s: &str| Value::keyword(None, s);
    let (status, val) = match v.view() {
        View::Atom(a) => ("ready", a.deref()),
        View::Volatile(x) => ("ready", x.deref()),
        View::Delay(d) if !d.is_realized() => ("pending", Value::NIL),
        View::Delay(d) => match d.deref() {
            Ok(x) => ("ready", x),
            Err(e) => ("failed", Value::from(e)),
        },
        View::Promise(p) => match p.try_get() {
            Some(x) => ("ready", x),
            None => ("pending", Value::NIL),
        },
        View::Instance(_) => (
            "ready",
            crate::runtime::types::call_method(v, "deref", &[])
                .and_then(|r| r.ok())
                .unwrap_or(Value::NIL),
        ),
        View::TxRef(r) => ("ready", r.current_val()),
        // deref-as-map: a failed agent shows its last state.
        View::Agent(a) if a.error().is_some() => ("failed", a.deref()),
        View::Agent(a) => ("ready", a.deref()),
        View::Future(f) => match f.try_get() {
            None => ("pending", Value::NIL),
            Some(Ok(x)) => ("ready", x),
            Some(Err(e)) => ("failed", Value::from(e)),
        },
        _ => ("ready", Value::NIL),
    };
    Value::map_from_pairs(vec![(kw("status"), kw(status)), (kw("val"), val)])
}

/// `#object[class 0xidentity "toString"]`, with metadata when printing it.
pub(super) fn write_object(out: &mut String, v: &Value, opts: &PrintOpts) -> Result<()> {
    out.push_str("#object[");
    if let View::HostObject(crate::runtime::object::HostObject::Array(c, _)) = v.view() {
        // print-object pr's an array class's name (it is no symbol).
        super::write_string(out, c, opts.readably);
    } else {
        out.push_str(&object_class(v));
    }
    let _ = write!(out, " 0x{:x} ", identity_hash(v) as u32);
    let mut rep = String::new();
    write_str(&mut rep, v, opts)?;
    super::write_string(out, &rep, opts.readably);
    out.push(']');
    Ok(())
}

/// `#error {...}` as print-throwable lays out Throwable->map. Stack frames
/// `ns/fn (file:line)` show as `[ns$fn invoke "file" line]`.
pub(super) fn write_throwable(out: &mut String, v: &Value, opts: &PrintOpts) -> Result<()> {
    let View::Exception(top) = v.view() else {
        return Ok(());
    };
    // The cause chain, outermost first; the root supplies :cause and :data.
    let mut via: Vec<&ExceptionObj> = vec![top];
    let mut cur: Option<&Exception> = top.cause.as_ref();
    while let Some(c) = cur {
        via.push(c.obj());
        cur = c.obj().cause.as_ref();
        if via.len() > 10_000 {
            break;
        }
    }
    let root = via.last().copied().unwrap_or(top);
    let pr = |out: &mut String, x: &Value| write_value(out, x, opts);
    let msg = |e: &ExceptionObj| match &e.message {
        Some(m) => Value::string(m.as_str()),
        None => Value::NIL,
    };
    out.push_str("#error {\n :cause ");
    pr(out, &msg(root))?;
    if let Some(d) = &root.data {
        out.push_str("\n :data ");
        pr(out, d)?;
    }
    out.push_str("\n :via\n [");
    for (i, e) in via.iter().enumerate() {
        if i > 0 {
            out.push_str("\n  ");
        }
        out.push_str("{:type ");
        out.push_str(e.class.name());
        out.push_str("\n   :message ");
        pr(out, &msg(e))?;
        if let Some(d) = &e.data {
            out.push_str("\n   :data ");
            pr(out, d)?;
        }
        let frames = crate::runtime::gc::lock(&e.trace);
        if let Some(f) = frames.first() {
            out.push_str("\n   :at ");
            write_frame(out, f, opts)?;
        }
        out.push('}');
    }
    out.push_str("]\n :trace\n [");
    let frames = crate::runtime::gc::lock(&root.trace).clone();
    for (i, f) in frames.iter().enumerate() {
        if i > 0 {
            out.push_str("\n  ");
        }
        write_frame(out, f, opts)?;
    }
    out.push_str("]}");
    Ok(())
}

fn write_frame(out: &mut String, f: &crate::runtime::error::Frame, opts: &PrintOpts) -> Result<()> {
    if let Some(e) = crate::runtime::error::StackTraceElement::of_jdk_frame(f) {
        return write_value(out, &e.to_vec_value(), opts);
    }
    // Code without a source file (REPL, eval) names "NO_SOURCE_FILE", as
    // the JVM's stack frames do.
    let file = Value::string(f.file.as_deref().unwrap_or("NO_SOURCE_FILE"));
    let v = Value::vector(vec![
        Value::symbol(None, &munge_fn_name(&f.name)),
        Value::symbol(None, "invoke"),
        file,
        Value::long(i64::from(f.line)),
    ]);
    write_value(out, &v, opts)
}
