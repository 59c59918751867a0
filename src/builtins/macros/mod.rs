//! clojure.core's macros as native macro fns. Each receives
//! `(&form &env args...)` and returns the expansion, shaped like the JVM's
//! (symbols `clojure.core/`-qualified where its syntax-quote qualifies them;
//! gensym numbers differ).

mod def;
mod destructure;
mod flow;
mod loops;
mod misc;
#[cfg(test)]
mod tests;
mod thread;

use super::{Def, check_arity};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::meta;
use crate::runtime::printer::pr_str;
use crate::runtime::seq;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    // def.rs
    Def::m("defn", def::defn),
    Def::m("defn-", def::defn_private),
    Def::m("defmacro", def::defmacro),
    Def::m("declare", def::declare),
    Def::m("defonce", def::defonce),
    // flow.rs
    Def::m("when", flow::when),
    Def::m("when-not", flow::when_not),
    Def::m("if-not", flow::if_not),
    Def::m("cond", flow::cond),
    Def::m("condp", flow::condp),
    Def::m("case", flow::case),
    Def::m("and", flow::and),
    Def::m("or", flow::or),
    Def::m("if-let", flow::if_let),
    Def::m("when-let", flow::when_let),
    Def::m("if-some", flow::if_some),
    Def::m("when-some", flow::when_some),
    Def::m("when-first", flow::when_first),
    // thread.rs
    Def::m("->", thread::thread_first),
    Def::m("->>", thread::thread_last),
    Def::m("as->", thread::as_thread),
    Def::m("cond->", thread::cond_thread_first),
    Def::m("cond->>", thread::cond_thread_last),
    Def::m("some->", thread::some_thread_first),
    Def::m("some->>", thread::some_thread_last),
    Def::m("doto", thread::doto),
    // loops.rs
    Def::m("let", loops::let_),
    Def::m("loop", loops::loop_),
    Def::m("fn", loops::fn_),
    Def::m("letfn", loops::letfn),
    Def::m("for", loops::for_),
    Def::m("doseq", loops::doseq),
    Def::m("dotimes", loops::dotimes),
    Def::m("while", loops::while_),
    // misc.rs
    Def::m("ns", misc::ns),
    Def::m("with-precision", misc::with_precision),
    Def::m("with-redefs", misc::with_redefs),
    Def::m("memfn", misc::memfn),
    Def::m("definline", misc::definline),
    Def::m("import", misc::import),
    Def::m("amap", misc::amap),
    Def::m("areduce", misc::areduce),
    Def::m("with-local-vars", misc::with_local_vars),
    Def::m("with-loading-context", misc::with_loading_context),
    Def::m("comment", misc::comment),
    Def::m("assert", misc::assert),
    Def::m("time", misc::time),
    Def::m("with-out-str", misc::with_out_str),
    Def::m("binding", misc::binding),
    Def::m("delay", misc::delay),
    Def::m("lazy-seq", misc::lazy_seq),
    Def::m("bound-fn", misc::bound_fn),
    Def::m("with-bindings", misc::with_bindings),
    Def::m("lazy-cat", misc::lazy_cat),
    Def::m("..", misc::dot_dot),
    Def::m("locking", misc::locking),
    Def::m("with-open", misc::with_open),
    Def::f("macroexpand-1", misc::macroexpand_1),
    Def::f("macroexpand", misc::macroexpand),
    Def::f("destructure", destructure::destructure_fn),
    Def::f(
        "seq-to-map-for-destructuring",
        destructure::seq_to_map_for_destructuring,
    ),
];

// ----- form builders -----

/// A list form: `list![a, b, c]`.
macro_rules! list {
    ($($e:expr),* $(,)?) => { $crate::runtime::value::Value::list(vec![$($e),*]) };
}
/// A vector form: `vector![a, b]`.
macro_rules! vector {
    ($($e:expr),* $(,)?) => { $crate::runtime::value::Value::vector(vec![$($e),*]) };
}
pub(crate) use {list, vector};

/// A symbol from `name` or `ns/name`.
pub(crate) fn sym(s: &str) -> Value {
    Value::from(Symbol::parse(s))
}

/// `clojure.core/name`, as syntax-quote writes core names.
pub(crate) fn core(name: &str) -> Value {
    Value::symbol(Some("clojure.core"), name)
}

pub(crate) fn kw(name: &str) -> Value {
    Value::keyword(None, name)
}

/// `(quote x)`.
pub(crate) fn quote(x: Value) -> Value {
    list![sym("quote"), x]
}

/// A list of `head` followed by `rest` (`(~@head ~@rest)`).
pub(crate) fn splice(mut head: Vec<Value>, rest: &[Value]) -> Value {
    head.extend_from_slice(rest);
    Value::list(head)
}

/// `(gensym prefix)`: `prefixN`.
pub(crate) fn gensym(prefix: &str) -> Value {
    Value::symbol(None, &format!("{prefix}{}", crate::reader::next_id()))
}

/// A syntax-quote auto-gensym `name#`: `name__N__auto__`.
pub(crate) fn auto(name: &str) -> Value {
    Value::symbol(
        None,
        &format!("{name}__{}__auto__", crate::reader::next_id()),
    )
}

// ----- form inspection -----

/// Elements of a list, vector or other seqable form; nil is empty.
pub(crate) fn items(v: &Value) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for x in seq::iter(v) {
        out.push(x?);
    }
    Ok(out)
}

pub(crate) fn is_vector(v: &Value) -> bool {
    matches!(v.view(), View::Vector(_))
}

pub(crate) fn is_map(v: &Value) -> bool {
    crate::runtime::equality::is_map(v)
}

/// A seq form (`seq?`): lists, cons cells, lazy seqs...
pub(crate) fn is_seq(v: &Value) -> bool {
    seq::is_seq(v)
}

pub(crate) fn is_string(v: &Value) -> bool {
    v.is_string()
}

/// The unqualified symbol `name`?
pub(crate) fn is_sym(v: &Value, name: &str) -> bool {
    v.as_symbol().is_some_and(|s| s.is(None, name))
}

/// `(with-meta x (meta from))` when `from` has metadata.
pub(crate) fn copy_meta(x: Value, from: &Value) -> Result<Value> {
    let m = meta::meta(from);
    if m.is_nil() {
        return Ok(x);
    }
    meta::with_meta(&x, m)
}

/// The macro's own arguments (after `&form &env`), checked against
/// `min..=max` counting `&form &env` as the JVM does.
pub(crate) fn margs<'v>(
    name: &str,
    args: &'v [Value],
    min: usize,
    max: Option<usize>,
) -> Result<&'v [Value]> {
    check_arity(name, args, min + 2, max.map(|m| m + 2))?;
    Ok(&args[2..])
}

/// Name of the current namespace (`*ns*`), "user" before it exists.
pub(crate) fn current_ns_name() -> String {
    crate::runtime::core_vars::core_vars()
        .ns
        .get()
        .and_then(|ns| match ns.view() {
            View::Namespace(n) => Some(n.name_str().to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "user".to_string())
}

/// assert-args: IllegalArgumentException "let requires a vector for its
/// binding in user:3".
pub(crate) fn require_err(form: &Value, what: &str) -> Exception {
    let head = seq::first(form)
        .map(|h| crate::runtime::printer::print_str(&h))
        .unwrap_or_default();
    let line = crate::runtime::lookup::get(&meta::meta(form), &kw("line"));
    let line = if line.is_nil() {
        String::new()
    } else {
        crate::runtime::printer::print_str(&line)
    };
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("{head} requires {what} in {}:{line}", current_ns_name()),
    )
}

pub(crate) fn illegal_arg(msg: impl Into<String>) -> Exception {
    Exception::new(ExClass::IllegalArgumentException, msg)
}

/// A binding vector's items, or the assert-args errors for a non-vector
/// or an odd count.
pub(crate) fn binding_vector(form: &Value, b: &Value) -> Result<Vec<Value>> {
    if !is_vector(b) {
        return Err(require_err(form, "a vector for its binding"));
    }
    let v = items(b)?;
    if v.len() % 2 != 0 {
        return Err(require_err(
            form,
            "an even number of forms in binding vector",
        ));
    }
    Ok(v)
}

/// A binding vector of exactly one pair.
pub(crate) fn binding_pair(form: &Value, b: &Value) -> Result<(Value, Value)> {
    if !is_vector(b) {
        return Err(require_err(form, "a vector for its binding"));
    }
    match items(b)?.as_slice() {
        [x, y] => Ok((x.clone(), y.clone())),
        _ => Err(require_err(form, "exactly 2 forms in binding vector")),
    }
}

/// Run a spec'd macro (clojure.core.specs checks let, fn, defn, defn-,
/// if-let, when-let and ns on the JVM): any syntax error it finds becomes
/// the ExceptionInfo "Call to clojure.core/let did not conform to spec.".
pub(crate) fn specced(
    name: &str,
    args: &[Value],
    f: fn(&[Value]) -> Result<Value>,
) -> Result<Value> {
    f(args).map_err(|e| {
        if e.class() == ExClass::ArityException {
            return e;
        }
        let given = Value::list(args.get(2..).unwrap_or(&[]).to_vec());
        let data = Value::map_from_pairs(vec![
            (
                Value::keyword(Some("clojure.spec.alpha"), "value"),
                given.clone(),
            ),
            (Value::keyword(Some("clojure.spec.alpha"), "args"), given),
        ]);
        Exception::full(
            ExClass::ExceptionInfo,
            Some(format!(
                "Call to clojure.core/{name} did not conform to spec."
            )),
            Some(data),
            None,
        )
    })
}

/// `(str x)` of a form for messages.
pub(crate) fn form_str(v: &Value) -> String {
    if v.is_nil() {
        return String::new();
    }
    crate::runtime::printer::print_str(v)
}

#[allow(dead_code)]
pub(crate) fn form_pr(v: &Value) -> String {
    pr_str(v)
}
