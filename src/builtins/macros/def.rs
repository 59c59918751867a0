//! Definition forms: defn defn- defmacro declare defonce.

use super::{
    auto, core, form_str, illegal_arg, is_map, is_seq, is_string, is_sym, is_vector, items, kw,
    list, margs, quote, splice, sym,
};
use crate::runtime::error::Result;
use crate::runtime::meta;
use crate::runtime::seq;
use crate::runtime::value::Value;

/// Entries of a map value, in its order.
fn entries(m: &Value) -> Result<Vec<(Value, Value)>> {
    let mut out = Vec::new();
    if m.is_nil() {
        return Ok(out);
    }
    for e in seq::iter(m) {
        let e = e?;
        out.push((seq::first(&e)?, seq::first(&seq::next(&e)?)?));
    }
    Ok(out)
}

/// `conj` of map entries onto an insertion-ordered entry list.
fn conj_entries(into: &mut Vec<(Value, Value)>, from: Vec<(Value, Value)>) {
    for (k, v) in from {
        match into
            .iter_mut()
            .find(|(ek, _)| crate::runtime::equality::equiv(ek, &k))
        {
            Some(e) => e.1 = v,
            None => into.push((k, v)),
        }
    }
}

/// assert-valid-fdecl and sigs: the `:arglists` of the fn decls.
fn arglists(fdecl: &[Value]) -> Result<Value> {
    if fdecl.is_empty() {
        return Err(illegal_arg("Parameter declaration missing"));
    }
    let mut out = Vec::new();
    for d in fdecl {
        if !is_seq(d) {
            return Err(illegal_arg(if is_seq(&fdecl[0]) {
                format!("Invalid signature \"{}\" should be a list", form_str(d))
            } else {
                format!(
                    "Parameter declaration \"{}\" should be a vector",
                    form_str(d)
                )
            }));
        }
        let parts = items(d)?;
        let arglist = parts.first().cloned().unwrap_or(Value::NIL);
        if !is_vector(&arglist) {
            return Err(illegal_arg(format!(
                "Parameter declaration \"{}\" should be a vector",
                form_str(&arglist)
            )));
        }
        // Elide the implicit macro args.
        let mut arglist = arglist;
        let params = items(&arglist)?;
        if params.first().is_some_and(|p| is_sym(p, "&form")) {
            arglist = Value::vector(params.get(2..).unwrap_or(&[]).to_vec());
        }
        // A conds map before a body adds to the arglist's metadata.
        if parts.len() > 2 && is_map(&parts[1]) {
            let mut m = entries(&meta::meta(&arglist))?;
            conj_entries(&mut m, entries(&parts[1])?);
            arglist = meta::with_meta(&arglist, Value::map_from_pairs(m))?;
        }
        out.push(arglist);
    }
    Ok(Value::list(out))
}

/// `(defn name doc? attr-map? [params] body)` / `... ([params] body)+ attr-map?`
/// -> `(def ^{:arglists '(...) ...} name (clojure.core/fn ...))`.
pub(crate) fn defn(args: &[Value]) -> Result<Value> {
    super::specced("defn", args, defn_impl)
}

fn defn_impl(args: &[Value]) -> Result<Value> {
    let a = margs("defn", args, 1, None)?;
    defn_expand(&a[0], &a[1..], &[])
}

/// The defn expansion; `extra_meta` is added after the name's and the
/// decl's metadata (defmacro's `:macro true`).
fn defn_expand(name: &Value, fdecl: &[Value], extra_meta: &[(Value, Value)]) -> Result<Value> {
    let Some(s) = name.as_symbol() else {
        return Err(illegal_arg("First argument to defn must be a symbol"));
    };
    let mut fdecl: Vec<Value> = fdecl.to_vec();
    let mut m: Vec<(Value, Value)> = Vec::new();
    if fdecl.first().is_some_and(is_string) {
        m.push((kw("doc"), fdecl.remove(0)));
    }
    if fdecl.first().is_some_and(is_map) {
        let attrs = fdecl.remove(0);
        conj_entries(&mut m, entries(&attrs)?);
    }
    if fdecl.first().is_some_and(is_vector) {
        fdecl = vec![Value::list(fdecl)];
    }
    if fdecl.last().is_some_and(is_map) {
        let attrs = fdecl.pop().unwrap_or(Value::NIL);
        conj_entries(&mut m, entries(&attrs)?);
    }
    let mut full = vec![(kw("arglists"), quote(arglists(&fdecl)?))];
    conj_entries(&mut full, m);
    let mut with_name = entries(&s.meta().cloned().unwrap_or(Value::NIL))?;
    conj_entries(&mut with_name, full);
    conj_entries(&mut with_name, extra_meta.to_vec());
    let name = meta::with_meta(name, Value::map_from_pairs(with_name))?;
    Ok(list![sym("def"), name, splice(vec![core("fn")], &fdecl)])
}

pub(crate) fn defn_private(args: &[Value]) -> Result<Value> {
    super::specced("defn-", args, defn_private_impl)
}

fn defn_private_impl(args: &[Value]) -> Result<Value> {
    let a = margs("defn-", args, 1, None)?;
    let name = &a[0];
    let mut m = entries(&meta::meta(name))?;
    conj_entries(&mut m, vec![(kw("private"), Value::TRUE)]);
    let name = meta::with_meta(name, Value::map_from_pairs(m))?;
    Ok(splice(vec![core("defn"), name], &a[1..]))
}

/// `(defmacro name doc? attr-map? ([params] body)+)`: a defn whose arities
/// take `&form &env` first, on a var marked macro. The JVM calls
/// `(.setMacro (var name))`; we put `:macro true` in the def's metadata,
/// which the def special form honours.
pub(crate) fn defmacro(args: &[Value]) -> Result<Value> {
    let a = margs("defmacro", args, 1, None)?;
    let name = &a[0];
    let mut rest: &[Value] = &a[1..];
    let mut prefix = Vec::new();
    while let Some(f) = rest.first() {
        if is_string(f) || is_map(f) {
            prefix.push(f.clone());
            rest = &rest[1..];
        } else {
            break;
        }
    }
    let fdecl: Vec<Value> = if rest.first().is_some_and(is_vector) {
        vec![Value::list(rest.to_vec())]
    } else {
        rest.to_vec()
    };
    let mut decl = prefix;
    for d in fdecl {
        if is_map(&d) {
            decl.push(d);
            break;
        }
        let parts = items(&d)?;
        let params = parts.first().cloned().unwrap_or(Value::NIL);
        let mut p = vec![sym("&form"), sym("&env")];
        p.extend(items(&params)?);
        decl.push(splice(
            vec![Value::vector(p)],
            parts.get(1..).unwrap_or(&[]),
        ));
    }
    let def = defn_expand(name, &decl, &[(kw("macro"), Value::TRUE)])?;
    Ok(list![sym("do"), def, list![sym("var"), name.clone()]])
}

/// `(declare a b)` -> `(do (def ^{:declared true} a) ...)`.
pub(crate) fn declare(args: &[Value]) -> Result<Value> {
    let a = margs("declare", args, 0, None)?;
    let mut out = vec![sym("do")];
    for n in a {
        let mut m = entries(&meta::meta(n))?;
        conj_entries(&mut m, vec![(kw("declared"), Value::TRUE)]);
        out.push(list![
            sym("def"),
            meta::with_meta(n, Value::map_from_pairs(m))?
        ]);
    }
    Ok(Value::list(out))
}

/// `(defonce name expr)`: defines only when the var has no root.
pub(crate) fn defonce(args: &[Value]) -> Result<Value> {
    let a = margs("defonce", args, 2, Some(2))?;
    let v = auto("v");
    Ok(list![
        core("let"),
        Value::vector(vec![v.clone(), list![sym("def"), a[0].clone()]]),
        list![
            core("when-not"),
            list![sym(".hasRoot"), v],
            list![sym("def"), a[0].clone(), a[1].clone()]
        ]
    ])
}
