//! Threading: -> ->> as-> cond-> cond->> some-> some->> doto.

use super::{copy_meta, core, gensym, is_seq, items, list, margs, splice, sym};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;

/// Insert `x` as the second (first: true) or last item of `form`.
fn thread_into(x: Value, form: &Value, first: bool) -> Result<Value> {
    if !is_seq(form) {
        return Ok(list![form.clone(), x]);
    }
    let mut parts = items(form)?;
    if parts.is_empty() {
        // `(-> x ())`: (first ()) is nil
        parts.push(Value::NIL);
    }
    if first {
        parts.insert(1, x);
    } else {
        parts.push(x);
    }
    copy_meta(Value::list(parts), form)
}

fn thread(args: &[Value], name: &str, first: bool) -> Result<Value> {
    let a = margs(name, args, 1, None)?;
    let mut x = a[0].clone();
    for f in &a[1..] {
        x = thread_into(x, f, first)?;
    }
    Ok(x)
}

pub(crate) fn thread_first(args: &[Value]) -> Result<Value> {
    thread(args, "->", true)
}

pub(crate) fn thread_last(args: &[Value]) -> Result<Value> {
    thread(args, "->>", false)
}

pub(crate) fn as_thread(args: &[Value]) -> Result<Value> {
    let a = margs("as->", args, 2, None)?;
    let (expr, name, forms) = (&a[0], &a[1], &a[2..]);
    let mut binds = vec![name.clone(), expr.clone()];
    let (last, init) = match forms.split_last() {
        Some((l, init)) => (l.clone(), init),
        None => (name.clone(), forms),
    };
    for f in init {
        binds.push(name.clone());
        binds.push(f.clone());
    }
    Ok(list![core("let"), Value::vector(binds), last])
}

/// `(let [g expr g step1 ...] last-step)` shared by cond-> and some->.
fn stepped(expr: &Value, g: Value, steps: Vec<Value>) -> Value {
    let mut binds = vec![g.clone(), expr.clone()];
    let last = match steps.split_last() {
        Some((l, init)) => {
            for s in init {
                binds.push(g.clone());
                binds.push(s.clone());
            }
            l.clone()
        }
        None => g,
    };
    list![core("let"), Value::vector(binds), last]
}

fn cond_thread(args: &[Value], name: &str, arrow: &str) -> Result<Value> {
    let a = margs(name, args, 1, None)?;
    let clauses = &a[1..];
    if clauses.len() % 2 != 0 {
        return Err(Exception::new(
            ExClass::AssertionError,
            "Assert failed: (even? (count clauses))",
        ));
    }
    let g = gensym("G__");
    let steps = clauses
        .chunks_exact(2)
        .map(|p| {
            list![
                sym("if"),
                p[0].clone(),
                list![core(arrow), g.clone(), p[1].clone()],
                g.clone()
            ]
        })
        .collect();
    Ok(stepped(&a[0], g, steps))
}

pub(crate) fn cond_thread_first(args: &[Value]) -> Result<Value> {
    cond_thread(args, "cond->", "->")
}

pub(crate) fn cond_thread_last(args: &[Value]) -> Result<Value> {
    cond_thread(args, "cond->>", "->>")
}

fn some_thread(args: &[Value], name: &str, arrow: &str) -> Result<Value> {
    let a = margs(name, args, 1, None)?;
    let g = gensym("G__");
    let steps = a[1..]
        .iter()
        .map(|step| {
            list![
                sym("if"),
                list![core("nil?"), g.clone()],
                Value::NIL,
                list![core(arrow), g.clone(), step.clone()]
            ]
        })
        .collect();
    Ok(stepped(&a[0], g, steps))
}

pub(crate) fn some_thread_first(args: &[Value]) -> Result<Value> {
    some_thread(args, "some->", "->")
}

pub(crate) fn some_thread_last(args: &[Value]) -> Result<Value> {
    some_thread(args, "some->>", "->>")
}

pub(crate) fn doto(args: &[Value]) -> Result<Value> {
    let a = margs("doto", args, 1, None)?;
    let gx = gensym("G__");
    let mut out = vec![core("let"), Value::vector(vec![gx.clone(), a[0].clone()])];
    for f in &a[1..] {
        let call = if is_seq(f) {
            let parts = items(f)?;
            let head = parts.first().cloned().unwrap_or(Value::NIL);
            let rest = parts.get(1..).unwrap_or(&[]);
            splice(vec![head, gx.clone()], rest)
        } else {
            list![f.clone(), gx.clone()]
        };
        out.push(copy_meta(call, f)?);
    }
    out.push(gx);
    Ok(Value::list(out))
}
