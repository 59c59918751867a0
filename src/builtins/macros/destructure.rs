//! `destructure`: binding vectors with vector and map patterns into plain
//! `let*` bindings, following clojure.core/destructure step by step so the
//! generated names and binding order match.

use super::{core, gensym, is_map, is_vector, items, kw, list, quote};
use crate::builtins::check_arity;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::printer::print_str;
use crate::runtime::seq;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::{Value, View};

/// Expand `[pattern init ...]` into `[sym init ...]`; returns the input
/// unchanged when every pattern is already a symbol.
pub(crate) fn destructure(bindings: &[Value]) -> Result<Vec<Value>> {
    if bindings.chunks(2).all(|p| p[0].is_symbol()) {
        return Ok(bindings.to_vec());
    }
    let mut out = Vec::new();
    for pair in bindings.chunks(2) {
        let init = pair.get(1).cloned().unwrap_or(Value::NIL);
        bind(&mut out, &pair[0], init)?;
    }
    Ok(out)
}

/// `(destructure bindings)` as a fn.
pub(crate) fn destructure_fn(args: &[Value]) -> Result<Value> {
    check_arity("destructure", args, 1, Some(1))?;
    let b = items(&args[0])?;
    if b.chunks(2).all(|p| p[0].is_symbol()) {
        return Ok(args[0].clone());
    }
    Ok(Value::vector(destructure(&b)?))
}

fn bind(out: &mut Vec<Value>, b: &Value, v: Value) -> Result<()> {
    if b.is_symbol() {
        out.push(b.clone());
        out.push(v);
        Ok(())
    } else if is_vector(b) {
        bind_vector(out, b, v)
    } else if is_map(b) {
        bind_map(out, b, v)
    } else {
        Err(Exception::new(
            ExClass::Exception,
            format!("Unsupported binding form: {}", print_str(b)),
        ))
    }
}

fn is_amp(v: &Value) -> bool {
    v.as_symbol().is_some_and(|s| s.is(None, "&"))
}

fn bind_vector(out: &mut Vec<Value>, b: &Value, val: Value) -> Result<()> {
    let gvec = gensym("vec__");
    let gseq = gensym("seq__");
    let gfirst = gensym("first__");
    let bs = items(b)?;
    let has_rest = bs.iter().any(is_amp);
    out.push(gvec.clone());
    out.push(val);
    if has_rest {
        out.push(gseq.clone());
        out.push(list![core("seq"), gvec.clone()]);
    }
    let mut n = 0i64;
    let mut seen_rest = false;
    let mut i = 0;
    while i < bs.len() {
        let firstb = &bs[i];
        if is_amp(firstb) {
            let next = bs.get(i + 1).cloned().unwrap_or(Value::NIL);
            bind(out, &next, gseq.clone())?;
            seen_rest = true;
            i += 2;
        } else if firstb
            .as_keyword()
            .is_some_and(|k| k.ns().is_none() && k.name() == "as")
        {
            let next = bs.get(i + 1).cloned().unwrap_or(Value::NIL);
            bind(out, &next, gvec.clone())?;
            return Ok(());
        } else {
            if seen_rest {
                return Err(Exception::new(
                    ExClass::Exception,
                    "Unsupported binding form, only :as can follow & parameter",
                ));
            }
            if has_rest {
                out.push(gfirst.clone());
                out.push(list![core("first"), gseq.clone()]);
                out.push(gseq.clone());
                out.push(list![core("next"), gseq.clone()]);
                bind(out, firstb, gfirst.clone())?;
            } else {
                bind(
                    out,
                    firstb,
                    list![core("nth"), gvec.clone(), Value::long(n), Value::NIL],
                )?;
            }
            n += 1;
            i += 1;
        }
    }
    Ok(())
}

/// An insertion-ordered map with array-map assoc/dissoc semantics (the JVM
/// builds `bes` from small array maps, so its order is what we copy).
struct Entries(Vec<(Value, Value)>);

impl Entries {
    fn assoc(&mut self, k: Value, v: Value) {
        match self
            .0
            .iter_mut()
            .find(|(ek, _)| crate::runtime::equality::equiv(ek, &k))
        {
            Some(e) => e.1 = v,
            None => self.0.push((k, v)),
        }
    }
    fn dissoc(&mut self, k: &Value) -> Option<Value> {
        let i = self
            .0
            .iter()
            .position(|(ek, _)| crate::runtime::equality::equiv(ek, k))?;
        Some(self.0.remove(i).1)
    }
}

fn map_entries(m: &Value) -> Result<Vec<(Value, Value)>> {
    let mut out = Vec::new();
    for e in seq::iter(m) {
        let e = e?;
        out.push((seq::first(&e)?, seq::first(&seq::next(&e)?)?));
    }
    Ok(out)
}

/// How a `:keys`/`:syms`/`:strs` entry turns each name into a lookup key.
#[derive(Clone, Copy)]
enum KeyKind<'a> {
    Keys(Option<&'a str>),
    Syms(Option<&'a str>),
    Strs,
}

fn name_parts(x: &Value) -> Option<(Option<String>, String)> {
    match x.view() {
        View::Symbol(s) => Some((s.ns().map(str::to_string), s.name().to_string())),
        View::Keyword(k) => Some((k.ns().map(str::to_string), k.name().to_string())),
        _ => None,
    }
}

fn transform(kind: KeyKind, x: &Value) -> Result<Value> {
    let not_named = || {
        Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(x.class_name(), "clojure.lang.Named"),
        )
    };
    Ok(match kind {
        KeyKind::Keys(mkns) => {
            let (ns, name) = name_parts(x).ok_or_else(not_named)?;
            Value::keyword(mkns.or(ns.as_deref()), &name)
        }
        KeyKind::Syms(mkns) => {
            let (ns, name) = name_parts(x).ok_or_else(not_named)?;
            quote(Value::symbol(mkns.or(ns.as_deref()), &name))
        }
        KeyKind::Strs => Value::string(print_str(x)),
    })
}

fn bind_map(out: &mut Vec<Value>, b: &Value, v: Value) -> Result<()> {
    let gmap = gensym("map__");
    let get = |m: &Value, k: &str| crate::runtime::lookup::get(m, &kw(k));
    let defaults = get(b, "or");
    out.push(gmap.clone());
    out.push(v);
    out.push(gmap.clone());
    out.push(list![
        sym_if(),
        list![core("seq?"), gmap.clone()],
        list![core("seq-to-map-for-destructuring"), gmap.clone()],
        gmap.clone()
    ]);
    let as_ = get(b, "as");
    if as_.truthy() {
        out.push(as_);
        out.push(gmap.clone());
    }
    let entries = map_entries(b)?;
    let defaults_entries = if is_map(&defaults) {
        map_entries(&defaults)?
    } else {
        Vec::new()
    };
    // bes: the map without :as/:or, with each :keys-like entry replaced by
    // one entry per name.
    let mut bes = Entries(entries.clone());
    bes.dissoc(&kw("as"));
    bes.dissoc(&kw("or"));
    for (mk, _) in &entries {
        let Some(k) = mk.as_keyword() else { continue };
        let kind = match k.name() {
            "keys" => KeyKind::Keys(k.ns()),
            "syms" => KeyKind::Syms(k.ns()),
            "strs" => KeyKind::Strs,
            _ => continue,
        };
        let names = bes.dissoc(mk).unwrap_or(Value::NIL);
        for name in seq::iter(&names) {
            let name = name?;
            let key = transform(kind, &name)?;
            bes.assoc(name, key);
        }
    }
    for (bb, bk) in bes.0 {
        let local = match bb.view() {
            View::Symbol(s) => {
                Value::from(Symbol::intern(None, s.name()).with_meta(s.meta().cloned()))
            }
            View::Keyword(k) => Value::symbol(None, k.name()),
            _ => bb.clone(),
        };
        let default = defaults_entries
            .iter()
            .find(|(k, _)| crate::runtime::equality::equiv(k, &local));
        let bv = match default {
            Some((_, d)) => list![core("get"), gmap.clone(), bk, d.clone()],
            None => list![core("get"), gmap.clone(), bk],
        };
        if bb.is_symbol() || bb.is_keyword() {
            out.push(local);
            out.push(bv);
        } else {
            bind(out, &bb, bv)?;
        }
    }
    Ok(())
}

fn sym_if() -> Value {
    Value::symbol(None, "if")
}

/// `(seq-to-map-for-destructuring s)`: keyword-args seq to a map; a trailing
/// odd element must be a map whose entries are added last.
pub(crate) fn seq_to_map_for_destructuring(args: &[Value]) -> Result<Value> {
    check_arity("seq-to-map-for-destructuring", args, 1, Some(1))?;
    let s = &args[0];
    if seq::next(s)?.is_nil() {
        let f = seq::seq(s)?;
        if f.is_nil() {
            return Ok(Value::map_from_pairs(Vec::new()));
        }
        return seq::first(&f);
    }
    let xs = items(s)?;
    let mut pairs = Vec::with_capacity(xs.len() / 2 + 1);
    for p in xs.chunks_exact(2) {
        pairs.push((p[0].clone(), p[1].clone()));
    }
    if xs.len() % 2 == 1
        && let Some(last) = xs.last()
    {
        let s = seq::seq(last)?;
        for e in seq::iter(&s) {
            let e = e?;
            pairs.push((seq::first(&e)?, seq::first(&seq::next(&e)?)?));
        }
    }
    Ok(Value::map_from_pairs(pairs))
}
