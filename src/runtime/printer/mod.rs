//! `pr`, `print` and `str`, character for character as JVM Clojure 1.11
//! (clojure/core_print.clj).
//!
//! The writer keeps its own stack of pending work instead of recursing, so
//! printing a 100,000-deep nested vector works (the JVM throws
//! StackOverflowError past ~5,000 levels); a cycle through a mutable cell
//! (an atom holding itself) stops at `stack::MAX_HEAP_STACK` pending entries
//! with StackOverflowError, as on the JVM.

mod object;

pub use object::{fn_class_name, munge_fn_name, str_value, write_str, write_str_plain};

use crate::runtime::equality::{entries, is_map};
use crate::runtime::error::Result;
use crate::runtime::meta::meta;
use crate::runtime::number;
use crate::runtime::value::{Value, View};

/// The printer's dynamic settings (`*print-readably*`, `*print-length*`,
/// `*print-level*`, `*print-meta*`, `*print-namespace-maps*`).
#[derive(Clone, Copy, Debug)]
pub struct PrintOpts {
    /// true for `pr`, false for `print` (strings and chars raw).
    pub readably: bool,
    pub print_length: Option<usize>,
    pub print_level: Option<usize>,
    pub print_meta: bool,
    /// `*print-dup*`: print-dup's forms (`#=(java.lang.Integer. "1")`,
    /// `#=(clojure.lang.PersistentArrayMap/create {...})`, metadata).
    pub print_dup: bool,
    /// `#:ns{...}` for maps whose keys share a namespace. The var's root is
    /// false, but clojure.main binds it to true for scripts, `-e` and the
    /// REPL, so that is what a program observes and our default.
    pub namespace_maps: bool,
}

impl PrintOpts {
    /// The settings of `pr` under clojure.main.
    pub const PR: PrintOpts = PrintOpts {
        readably: true,
        print_length: None,
        print_level: None,
        print_meta: false,
        print_dup: false,
        namespace_maps: true,
    };
    /// The settings of `print` under clojure.main.
    pub const PRINT: PrintOpts = PrintOpts {
        readably: false,
        ..PrintOpts::PR
    };

    /// The settings the print vars say now; `readably` is what `pr` uses
    /// (`print` binds `*print-readably*` to nil). Java's toString of a
    /// collection (`str`, `format "%s"`, `.toString`) is RT.printString,
    /// which prints with these too.
    pub fn current(readably: bool) -> PrintOpts {
        let vars = crate::runtime::core_vars::core_vars();
        let truthy =
            |var: &crate::runtime::var::Var, dflt: bool| var.get().map_or(dflt, |v| v.truthy());
        let dup = truthy(&vars.print_dup, false);
        PrintOpts {
            // print-method of strings and chars quotes them under *print-dup*
            // whatever *print-readably* says.
            readably: (readably && truthy(&vars.print_readably, true))
                || truthy(&vars.print_dup, false),
            // print-dup's methods print everything.
            print_length: as_count(vars.print_length.get()).filter(|_| !dup),
            print_level: as_count(vars.print_level.get()).filter(|_| !dup),
            print_meta: truthy(&vars.print_meta, false),
            print_dup: dup,
            namespace_maps: truthy(&vars.print_namespace_maps, true),
        }
    }
}

/// A `*print-length*`/`*print-level*` value as a count.
fn as_count(v: Option<Value>) -> Option<usize> {
    match v.as_ref().map(Value::view) {
        Some(View::Long(n)) => Some(usize::try_from(n).unwrap_or(0)),
        Some(View::Double(d)) => Some(if d > 0.0 { d as usize } else { 0 }),
        _ => None,
    }
}

impl Default for PrintOpts {
    fn default() -> PrintOpts {
        PrintOpts::PR
    }
}

/// `(pr-str x)` under clojure.main's defaults. If realising a lazy seq
/// throws midway, the text so far is followed by `<exception: ...>`; the
/// engine's `pr-str` uses [`try_pr_str`] or [`write_value`] to propagate it.
pub fn pr_str(v: &Value) -> String {
    lossy(v, &PrintOpts::PR)
}

/// `(print-str x)`; see [`pr_str`] about errors.
pub fn print_str(v: &Value) -> String {
    lossy(v, &PrintOpts::PRINT)
}

/// `(pr-str x)`, propagating exceptions from lazy seqs.
pub fn try_pr_str(v: &Value) -> Result<String> {
    let mut out = String::new();
    write_value(&mut out, v, &PrintOpts::PR)?;
    Ok(out)
}

/// `(print-str x)`, propagating exceptions from lazy seqs.
pub fn try_print_str(v: &Value) -> Result<String> {
    let mut out = String::new();
    write_value(&mut out, v, &PrintOpts::PRINT)?;
    Ok(out)
}

fn lossy(v: &Value, opts: &PrintOpts) -> String {
    let mut out = String::new();
    if let Err(e) = write_value(&mut out, v, opts) {
        out.push_str(&format!("<exception: {e}>"));
    }
    out
}

/// Append the printed form of `v` (Clojure's `pr-on`). Fails only when
/// realising a lazy seq throws.
pub fn write_value(out: &mut String, v: &Value, opts: &PrintOpts) -> Result<()> {
    write_value_draining(out, v, opts, &mut |_| Ok(()))
}

/// [`write_value`], handing the text so far to `drain` before each step of a
/// seq is realised, so output printed while realising it lands in order
/// (the JVM prints straight to `*out*`). `drain` should empty the buffer.
pub fn write_value_draining(
    out: &mut String,
    v: &Value,
    opts: &PrintOpts,
    drain: &mut dyn FnMut(&mut String) -> Result<()>,
) -> Result<()> {
    let level = opts.print_level.map(|l| l as i64);
    let mut stack = vec![Task::Value {
        v: v.clone(),
        level,
        meta_done: false,
    }];
    while let Some(task) = stack.pop() {
        crate::runtime::stack::check_heap_stack(stack.len())?;
        match task {
            Task::Lit(s) => out.push_str(s),
            Task::Value {
                v,
                level,
                meta_done,
            } => write_one(out, &mut stack, v, level, meta_done, opts)?,
            Task::Items(mut frame) => {
                // print-sequential destructures `[x & xs]`: the element after
                // the one being printed is realised first (after the sep).
                if !frame.started {
                    frame.started = true;
                    if frame.lazy {
                        drain(out)?;
                    }
                    frame.peeked = frame.source.next();
                }
                match frame.peeked.take().transpose()? {
                    None => out.push_str(frame.close),
                    Some(item) => {
                        if frame.printed > 0 {
                            out.push_str(frame.sep);
                        }
                        if frame.lazy {
                            drain(out)?;
                        }
                        frame.peeked = match frame.source.next() {
                            Some(Err(e)) => return Err(e),
                            next => next,
                        };
                        if opts.print_length == Some(frame.printed) {
                            out.push_str("...");
                            out.push_str(frame.close);
                            continue;
                        }
                        frame.printed += 1;
                        let level = frame.level;
                        stack.push(Task::Items(frame));
                        match item {
                            Item::One(x) => stack.push(Task::value(x, level)),
                            Item::Pair(k, x) => {
                                stack.push(Task::value(x, level));
                                stack.push(Task::Lit(" "));
                                stack.push(Task::value(k, level));
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Pending printer work.
enum Task {
    Lit(&'static str),
    /// Print a value at the given remaining `*print-level*`.
    Value {
        v: Value,
        level: Option<i64>,
        meta_done: bool,
    },
    /// The rest of a collection being printed.
    Items(Frame),
}

impl Task {
    fn value(v: Value, level: Option<i64>) -> Self {
        Task::Value {
            v,
            level,
            meta_done: false,
        }
    }
}

struct Frame {
    source: Box<dyn Iterator<Item = Result<Item>>>,
    /// The next item, realised ahead of printing the current one.
    peeked: Option<Result<Item>>,
    started: bool,
    /// Realising items may run code (lazy seqs): drain output first.
    lazy: bool,
    sep: &'static str,
    close: &'static str,
    level: Option<i64>,
    printed: usize,
}

enum Item {
    One(Value),
    /// A map entry inside a map: `k v`, one item for `*print-length*`.
    Pair(Value, Value),
}

fn write_one(
    out: &mut String,
    stack: &mut Vec<Task>,
    v: Value,
    level: Option<i64>,
    meta_done: bool,
    opts: &PrintOpts,
) -> Result<()> {
    // A program's own print-method for this value wins (off until one exists).
    if !meta_done && let Some(text) = crate::runtime::multi::user_print(&v, opts)? {
        out.push_str(&text);
        return Ok(());
    }
    // print-meta: `^m ` before IObj values when printing readably (or
    // under *print-dup*).
    if !meta_done && ((opts.print_meta && opts.readably) || opts.print_dup) {
        // A Var prints its metadata too (print-simple's print-meta; not
        // print-dup's `#=(var ...)`).
        let m = match v.view() {
            View::Var(_) if !(opts.print_meta && opts.readably) => Value::NIL,
            View::Var(var) => var.meta(),
            _ => without_type_tag(meta(&v)),
        };
        if !m.is_nil() && !is_empty_map(&m) {
            let shown = single_tag(&m).unwrap_or(m);
            stack.push(Task::Value {
                v,
                level,
                meta_done: true,
            });
            stack.push(Task::Lit(" "));
            stack.push(Task::value(shown, level));
            stack.push(Task::Lit("^"));
            return Ok(());
        }
    }
    if opts.print_dup && write_dup(out, stack, &v, level)? {
        return Ok(());
    }
    match v.view() {
        View::Nil => out.push_str("nil"),
        View::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        View::Long(_)
        | View::Double(_)
        | View::Float(_)
        | View::BigInt(_)
        | View::BigInteger(_)
        | View::Ratio(_)
        | View::BigDec(_) => {
            // print-method on numbers is the same for pr and print: 1N, 1.5M,
            // ##Inf (only `str` of a number differs).
            number::write(out, &v, true);
        }
        View::Char(c) => write_char(out, c, opts.readably),
        View::Str(s) => write_string(out, s.as_str(), opts.readably),
        View::Keyword(k) => {
            use std::fmt::Write;
            let _ = write!(out, "{k}");
        }
        View::Symbol(s) => {
            use std::fmt::Write;
            let _ = write!(out, "{s}");
        }
        View::Regex(r) => write_regex(out, r.source()),
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_) => {
            open_seq(out, stack, &v, "[", "]", level)
        }
        View::HashSet(_) | View::SortedSet(_) => open_seq(out, stack, &v, "#{", "}", level),
        View::ArrayMap(_) | View::HashMap(_) | View::SortedMap(_) => {
            open_map(out, stack, &v, level, opts)?
        }
        View::List(_)
        | View::Cons(_)
        | View::LazySeq(_)
        | View::ArraySeq(_)
        | View::StringSeq(_)
        | View::ChunkedCons(_)
        | View::ChunkedSeq(_)
        | View::VectorSeq(_)
        | View::VectorRSeq(_)
        | View::QueueSeq(_)
        | View::MapSeq(_)
        | View::LongRange(_)
        | View::Range(_)
        | View::Repeat(_)
        | View::Iterate(_)
        | View::Cycle(_) => open_seq(out, stack, &v, "(", ")", level),
        View::Exception(_) => object::write_throwable(out, &v, opts)?,
        // print-method IRecord: `#user.R{:a 1}` (no namespace-map lifting).
        View::Instance(i) if i.is_record() => {
            out.push('#');
            out.push_str(i.class_name());
            open_pairs(out, stack, i.record_entries()?, level);
        }
        // print-method TaggedLiteral / ReaderConditional: `#tag form`,
        // `#?(...)` / `#?@(...)`.
        View::Instance(i) if i.class_name() == "clojure.lang.TaggedLiteral" => {
            out.push('#');
            let tag = i.field(0).unwrap_or(Value::NIL);
            stack.push(Task::value(i.field(1).unwrap_or(Value::NIL), level));
            stack.push(Task::Lit(" "));
            stack.push(Task::value(tag, level));
        }
        View::Instance(i) if i.class_name() == "clojure.lang.ReaderConditional" => {
            out.push_str(if i.field(1).is_some_and(|s| s.truthy()) {
                "#?@"
            } else {
                "#?"
            });
            stack.push(Task::value(i.field(0).unwrap_or(Value::NIL), level));
        }
        // A deftype implementing a persistent collection interface prints
        // as that collection (print-method's IPersistentMap ... ISeq).
        View::Instance(i) if i.implements("clojure.lang.IPersistentMap") => {
            let pairs = crate::runtime::equality::entries(&v).collect::<Result<Vec<_>>>()?;
            open_pairs(out, stack, pairs, level);
        }
        View::Instance(i) if i.implements("clojure.lang.IPersistentVector") => {
            open_seq(out, stack, &v, "[", "]", level)
        }
        View::Instance(i) if i.implements("clojure.lang.IPersistentSet") => {
            open_seq(out, stack, &v, "#{", "}", level)
        }
        View::Instance(i) if i.implements("clojure.lang.ISeq") => {
            open_seq(out, stack, &v, "(", ")", level)
        }
        // An IDeref prints its state, like atoms.
        View::Instance(i) if i.has_method("deref") => {
            let state = object::write_ref_head(out, &v);
            stack.push(Task::Lit("]"));
            stack.push(Task::value(state, level));
        }
        View::Instance(_) => object::write_object(out, &v, opts)?,
        View::Atom(_)
        | View::Volatile(_)
        | View::Delay(_)
        | View::Promise(_)
        | View::TxRef(_)
        | View::Agent(_)
        | View::Future(_) => {
            let state = object::write_ref_head(out, &v);
            stack.push(Task::Lit("]"));
            stack.push(Task::value(state, level));
        }
        View::Writer(_) | View::InStream(_) | View::File(_) => object::write_object(out, &v, opts)?,
        View::HostObject(crate::runtime::object::HostObject::Boolean(b)) => {
            out.push_str(if *b { "true" } else { "false" })
        }
        // print-method of java.util.Set: #{...} in the set's own order.
        View::HostObject(crate::runtime::object::HostObject::Foreign(_, f)) if f.is_set() => {
            out.push_str("#{");
            for (i, x) in f.items().unwrap_or_default().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_value(out, x, opts)?;
            }
            out.push('}');
        }
        // A class Clojure gives a print-method (a Calendar's #inst).
        View::HostObject(crate::runtime::object::HostObject::Foreign(_, f))
            if let Some(s) = f.print_method() =>
        {
            out.push_str(&s)
        }
        View::HostObject(
            crate::runtime::object::HostObject::Array(..)
            | crate::runtime::object::HostObject::Foreign(..),
        ) => object::write_object(out, &v, opts)?,
        // A LinkedList (a java.util.List) prints like a seq, a java.util.Map
        // like a map.
        View::HostObject(crate::runtime::object::HostObject::LinkedList(c, l))
            if *c == "java.util.LinkedList" =>
        {
            let items = crate::runtime::gc::lock(l).clone();
            write_value(out, &Value::list(items), opts)?
        }
        // An ArrayDeque is no java.util.List: #object.
        View::HostObject(crate::runtime::object::HostObject::LinkedList(..)) => {
            object::write_object(out, &v, opts)?
        }
        // print-method StackTraceElement: [class method "file" line].
        View::HostObject(crate::runtime::object::HostObject::StackTraceElement(e)) => {
            let file = e.file.as_deref().map_or(Value::NIL, Value::string);
            let parts = vec![
                Value::symbol(None, &e.class),
                Value::symbol(None, &e.method),
                file,
                Value::long(i64::from(e.line)),
            ];
            write_value(out, &Value::vector(parts), opts)?
        }
        // print-method of java.util.Map: {k v, ...} in the map's own order.
        View::HostObject(o @ crate::runtime::object::HostObject::JavaMap(..)) => {
            out.push('{');
            for (i, (k, x)) in o.java_map_entries().unwrap_or_default().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, k, opts)?;
                out.push(' ');
                write_value(out, x, opts)?;
            }
            out.push('}');
        }
        View::HostObject(o) => match o.list_items() {
            // A java.util.List prints like a vector.
            Some(items) => write_value(out, &Value::vector(items), opts)?,
            None => object::write_object(out, &v, opts)?,
        },
        View::Class(c) => out.push_str(c.name()),
        // clojure.instant/print-date and print-method UUID: the same for pr,
        // print and print-dup.
        View::Date(d) => {
            out.push_str("#inst \"");
            out.push_str(&d.rfc3339());
            out.push('"');
        }
        View::Uuid(u) => {
            use std::fmt::Write;
            let _ = write!(out, "#uuid \"{u}\"");
        }
        View::Var(var) if var.is_anonymous() => out.push_str("#<Var: --unnamed-->"),
        View::Var(var) => {
            out.push_str("#'");
            out.push_str(&var.qualified_name());
        }
        View::Reduced(r) => {
            // Reduced is an IDeref: #object[clojure.lang.Reduced 0x.. {:status :ready, :val x}]
            use std::fmt::Write;
            let h = crate::runtime::hash::identity_hash(&v) as u32;
            let _ = write!(
                out,
                "#object[clojure.lang.Reduced 0x{h:x} {{:status :ready, :val "
            );
            write_value(out, r.val(), opts)?;
            out.push_str("}]");
        }
        View::Namespace(_)
        | View::Fn(_)
        | View::MultiFn(_)
        | View::ArrayChunk(_)
        | View::ChunkBuffer(_)
        | View::Queue(_)
        | View::TransientVector(_)
        | View::TransientMap(_)
        | View::TransientSet(_) => object::write_object(out, &v, opts)?,
    }
    Ok(())
}

/// The print-dup methods of core_print.clj that differ from print-method;
/// false when `v` prints as with print-method.
fn write_dup(
    out: &mut String,
    stack: &mut Vec<Task>,
    v: &Value,
    level: Option<i64>,
) -> Result<bool> {
    let class = v.class_name();
    match v.view() {
        // (print-ctor o ...) of Integer, Short, Byte, Float, BigInteger:
        // `#=(java.lang.Integer. "1")`.
        View::Long(_) | View::Float(_) | View::BigInteger(_) if class != "java.lang.Long" => {
            out.push_str("#=(");
            out.push_str(class);
            out.push_str(". \"");
            number::write(out, v, true);
            out.push_str("\")");
        }
        View::ArrayMap(_) | View::SortedMap(_) => {
            out.push_str("#=(");
            out.push_str(class);
            out.push_str("/create ");
            stack.push(Task::Lit(")"));
            let pairs = entries(v).collect::<Result<_>>()?;
            open_pairs(out, stack, pairs, level);
        }
        View::SortedSet(_) | View::MapEntry(_) => {
            out.push_str("#=(");
            out.push_str(class);
            out.push_str("/create ");
            stack.push(Task::Lit(")"));
            open_seq(out, stack, v, "[", "]", level);
        }
        // A record: `#user.R[1, 2]`, its values (extension keys' too).
        View::Instance(i) if i.is_record() => {
            out.push('#');
            out.push_str(i.class_name());
            let vals = i.record_entries()?.into_iter().map(|(_, x)| x).collect();
            let Some(inner) = level_ok(out, level) else {
                return Ok(true);
            };
            out.push('[');
            stack.push(Task::Items(Frame {
                source: Box::new(OwnedItems::new(Value::vector(vals))),
                peeked: None,
                started: false,
                lazy: false,
                sep: ", ",
                close: "]",
                level: inner,
                printed: 0,
            }));
        }
        View::Var(var) if !var.is_anonymous() => {
            out.push_str("#=(var ");
            out.push_str(&var.qualified_name());
            out.push(')');
        }
        View::Class(c) => {
            out.push_str("#=");
            out.push_str(c.name());
        }
        View::Namespace(n) => {
            out.push_str("#=(find-ns ");
            out.push_str(n.name_str());
            out.push(')');
        }
        // print-dup of other maps: print-map without namespace lifting.
        View::HashMap(_) => {
            let pairs = entries(v).collect::<Result<_>>()?;
            open_pairs(out, stack, pairs, level);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A keyword `:type` sends print-method to its :default method, which
/// prints the value without that key.
fn without_type_tag(m: Value) -> Value {
    let k = Value::keyword(None, "type");
    if crate::runtime::lookup::get(&m, &k).is_keyword() {
        return crate::runtime::coll::ops::dissoc(&m, &k).unwrap_or(m);
    }
    m
}

fn is_empty_map(m: &Value) -> bool {
    is_map(m) && entries(m).next().is_none()
}

/// `^Tag`: a meta map whose only key is :tag prints as its tag.
fn single_tag(m: &Value) -> Option<Value> {
    let mut es = entries(m);
    let (k, v) = es.next()?.ok()?;
    if es.next().is_some() || !v.truthy() {
        return None;
    }
    match k.as_keyword() {
        Some(kw) if kw.ns().is_none() && kw.name() == "tag" => Some(v),
        _ => None,
    }
}

/// print-sequential's level check, then the opening bracket and a frame.
fn level_ok(out: &mut String, level: Option<i64>) -> Option<Option<i64>> {
    let inner = level.map(|l| l - 1);
    if matches!(inner, Some(l) if l < 0) {
        out.push('#');
        return None;
    }
    Some(inner)
}

fn open_seq(
    out: &mut String,
    stack: &mut Vec<Task>,
    v: &Value,
    open: &'static str,
    close: &'static str,
    level: Option<i64>,
) {
    let Some(inner) = level_ok(out, level) else {
        return;
    };
    out.push_str(open);
    let items = OwnedItems::new(v.clone());
    let lazy = items.seq.is_some();
    stack.push(Task::Items(Frame {
        source: Box::new(items),
        peeked: None,
        started: false,
        lazy,
        sep: " ",
        close,
        level: inner,
        printed: 0,
    }));
}

fn open_map(
    out: &mut String,
    stack: &mut Vec<Task>,
    m: &Value,
    level: Option<i64>,
    opts: &PrintOpts,
) -> Result<()> {
    let lifted = if opts.namespace_maps {
        lift_ns(m)?
    } else {
        None
    };
    let Some(inner) = level_ok(out, level) else {
        return Ok(());
    };
    let pairs: Pairs = match lifted {
        Some((ns, pairs)) => {
            out.push_str("#:");
            out.push_str(&ns);
            pairs
        }
        None => entries(m).collect::<Result<_>>()?,
    };
    push_pairs(out, stack, pairs, inner);
    Ok(())
}

type Pairs = Vec<(Value, Value)>;

/// `{k v, ...}` of the given entries (a record's fields then extension).
fn open_pairs(out: &mut String, stack: &mut Vec<Task>, pairs: Pairs, level: Option<i64>) {
    if let Some(inner) = level_ok(out, level) {
        push_pairs(out, stack, pairs, inner);
    }
}

/// `{` and the task printing `k v, ...` then `}` at nesting `inner`.
fn push_pairs(out: &mut String, stack: &mut Vec<Task>, pairs: Pairs, inner: Option<i64>) {
    out.push('{');
    stack.push(Task::Items(Frame {
        source: Box::new(pairs.into_iter().map(|(k, v)| Ok(Item::Pair(k, v)))),
        peeked: None,
        started: false,
        lazy: false,
        sep: ", ",
        close: "}",
        level: inner,
        printed: 0,
    }));
}

/// lift-ns: when every key is a keyword or symbol of one namespace, that
/// namespace and the entries with their keys stripped of it.
fn lift_ns(m: &Value) -> Result<Option<(String, Pairs)>> {
    let mut ns: Option<String> = None;
    let mut out = Vec::new();
    for e in entries(m) {
        let (k, v) = e?;
        let (kns, stripped) = match k.view() {
            View::Keyword(kw) => (kw.ns(), Value::keyword(None, kw.name())),
            View::Symbol(s) => (s.ns(), Value::symbol(None, s.name())),
            _ => return Ok(None),
        };
        let Some(kns) = kns else {
            return Ok(None);
        };
        match &ns {
            Some(n) if n != kns => return Ok(None),
            Some(_) => {}
            None => ns = Some(kns.to_string()),
        }
        out.push((stripped, v));
    }
    Ok(ns.map(|n| (n, out)))
}

/// Items of a collection held by value (a frame outlives the task that
/// opened it): vectors by index, everything else through its seq, which is
/// O(1) per step for lists and lazy for lazy seqs (`(range)` with
/// `*print-length*` terminates).
struct OwnedItems {
    coll: Value,
    pos: usize,
    seq: Option<crate::runtime::seq::SeqIter>,
}

impl OwnedItems {
    fn new(coll: Value) -> OwnedItems {
        let seq = match coll.view() {
            View::Vector(_) | View::MapEntry(_) => None,
            _ => Some(crate::runtime::seq::iter(&coll)),
        };
        OwnedItems { coll, pos: 0, seq }
    }
}

impl Iterator for OwnedItems {
    type Item = Result<Item>;
    fn next(&mut self) -> Option<Result<Item>> {
        if let Some(s) = &mut self.seq {
            return s.next().map(|r| r.map(Item::One));
        }
        let i = self.pos;
        self.pos += 1;
        let x = match self.coll.view() {
            View::Vector(v) => v.nth(i).cloned(),
            View::MapEntry(e) => match i {
                0 => Some(e.key().clone()),
                1 => Some(e.val().clone()),
                _ => None,
            },
            _ => None,
        };
        x.map(|x| Ok(Item::One(x)))
    }
}

pub(crate) fn write_char(out: &mut String, c: char, readably: bool) {
    if !readably {
        out.push(c);
        return;
    }
    out.push('\\');
    match c {
        '\n' => out.push_str("newline"),
        '\t' => out.push_str("tab"),
        ' ' => out.push_str("space"),
        '\u{8}' => out.push_str("backspace"),
        '\u{c}' => out.push_str("formfeed"),
        '\r' => out.push_str("return"),
        _ => out.push(c),
    }
}

pub(crate) fn write_string(out: &mut String, s: &str, readably: bool) {
    if !readably {
        out.push_str(s);
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{c}' => out.push_str("\\f"),
            '\u{8}' => out.push_str("\\b"),
            _ => out.push(c),
        }
    }
    out.push('"');
}

/// `#"..."`: the pattern source with `"` escaped, except inside `\Q...\E`
/// where the quote is spliced out of the quoted section.
fn write_regex(out: &mut String, src: &str) {
    out.push_str("#\"");
    let mut qmode = false;
    let mut chars = src.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push('\\');
                let c2 = chars.next();
                if let Some(c2) = c2 {
                    out.push(c2);
                }
                qmode = if qmode {
                    c2 != Some('E')
                } else {
                    c2 == Some('Q')
                };
            }
            '"' => out.push_str(if qmode { "\\E\\\"\\Q" } else { "\\\"" }),
            _ => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests;

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&pr_str(self))
    }
}
