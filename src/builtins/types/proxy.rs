//! `proxy` over interfaces and the classes libraries extend: a proxy is a
//! reify-like object whose class lists the base class and interfaces. The
//! base class's own behaviour for methods the proxy does not define
//! (ThreadLocal's get/set, Object's toString) is in runtime/types.rs
//! (`proxy_base_method`), which `proxy-super` also calls.

use crate::builtins::macros::{core, items, list, margs, quote, sym};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::types::{self, TypeKind};
use crate::runtime::value::{Value, View};

/// `(proxy [Base Iface*] [ctor-args*] (method [params] body)*)`.
pub(crate) fn proxy(args: &[Value]) -> Result<Value> {
    let a = margs("proxy", args, 2, None)?;
    let supers = items(&a[0])?;
    if !items(&a[1])?.is_empty() {
        return err::unsupported("proxy with superclass constructor arguments is not supported");
    }
    let mut interfaces = Vec::new();
    for s in &supers {
        let class = s
            .as_symbol()
            .and_then(|n| crate::runtime::host::class_value(&n.to_string()))
            .and_then(|c| c.as_class().map(|c| c.name().to_string()));
        match class {
            Some(c) => interfaces.push(c),
            None => {
                return Err(Exception::new(
                    ExClass::RuntimeException,
                    format!(
                        "Unable to resolve symbol: {} in this context",
                        crate::runtime::printer::print_str(s)
                    ),
                ));
            }
        }
    }
    if interfaces.is_empty() {
        interfaces.push("java.lang.Object".to_string());
    }
    let base = interfaces[0].clone();
    // Proxy methods see `this` without naming it: each arity gets it first.
    let mut arities: Vec<(String, Vec<Value>)> = Vec::new();
    for m in &a[2..] {
        let parts = items(m)?;
        let Some(name) = parts.first().and_then(|n| n.as_symbol()) else {
            return err::illegal_arg("Malformed proxy method definition");
        };
        let bodies: Vec<Vec<Value>> = match parts.get(1).map(|p| p.view()) {
            Some(View::Vector(_)) => vec![parts[1..].to_vec()],
            _ => parts[1..].iter().map(items).collect::<Result<_>>()?,
        };
        for b in bodies {
            let Some(params) = b.first() else {
                return err::illegal_arg("Malformed proxy method definition");
            };
            let mut ps = vec![sym("this")];
            ps.extend(items(params)?);
            let mut arity = vec![Value::vector(ps)];
            arity.extend_from_slice(&b[1..]);
            let arity = Value::list(arity);
            match arities.iter_mut().find(|(k, _)| k == name.name()) {
                Some((_, v)) => v.push(arity),
                None => arities.push((name.name().to_string(), vec![arity])),
            }
        }
    }
    let ns = crate::builtins::lang::current_ns();
    // Like the JVM's `user.proxy$java.lang.Object$IDeref$9870f173`.
    let mut classname = format!("{}.proxy${base}", super::protocol::munge(ns.name_str()));
    for i in &interfaces[1..] {
        classname.push('$');
        classname.push_str(i.rsplit('.').next().unwrap_or(i));
    }
    classname.push_str(&format!("${:x}", crate::reader::next_id()));
    types::define(&classname, TypeKind::Reify, vec![], vec![], interfaces);
    let fns = arities
        .into_iter()
        .map(|(k, ars)| {
            let mut f = vec![core("fn")];
            f.extend(ars);
            (Value::string(k), Value::list(f))
        })
        .collect();
    Ok(list![
        core("-reify"),
        quote(sym(&classname)),
        Value::map_from_pairs(fns),
        Value::NIL
    ])
}

/// `(proxy-super m args*)`: the base class's own `m` on `this`.
pub(crate) fn proxy_super(args: &[Value]) -> Result<Value> {
    let a = margs("proxy-super", args, 1, None)?;
    let Some(m) = a[0].as_symbol() else {
        return err::illegal_arg("proxy-super requires a method name");
    };
    let mut call = vec![core("-proxy-super"), sym("this"), Value::string(m.name())];
    call.extend_from_slice(&a[1..]);
    Ok(Value::list(call))
}

pub(crate) fn proxy_super_call(args: &[Value]) -> Result<Value> {
    let [this, m, rest @ ..] = args else {
        return Err(super::super::arity_error("-proxy-super", args.len()));
    };
    let (View::Instance(i), Some(m)) = (this.view(), m.as_str()) else {
        return err::illegal_arg("proxy-super outside a proxy method");
    };
    types::proxy_base_method(this, i, m, rest).unwrap_or_else(|| {
        err::unsupported(format!(
            "proxy-super: {m} of {} is not supported",
            i.class_name()
        ))
    })
}

/// `(proxy-mappings p)`: method name -> fn.
pub(crate) fn proxy_mappings(args: &[Value]) -> Result<Value> {
    super::super::check_arity("proxy-mappings", args, 1, Some(1))?;
    let View::Instance(i) = args[0].view() else {
        return err::illegal_arg("proxy-mappings of a non-proxy");
    };
    let mut pairs: Vec<(Value, Value)> = i
        .own_methods()
        .map(|m| {
            m.iter()
                .map(|(k, f)| (Value::string(&**k), f.clone()))
                .collect()
        })
        .unwrap_or_default();
    pairs.sort_by(|a, b| a.0.as_str().cmp(&b.0.as_str()));
    Ok(Value::map_from_pairs(pairs))
}
