//! `proxy` over interfaces and the classes libraries extend: a proxy is a
//! reify-like object whose class lists the base class and interfaces. The
//! base class's own behaviour for methods the proxy does not define
//! (ThreadLocal's get/set, Object's toString) is in runtime/types.rs
//! (`proxy_base_method`), which `proxy-super` also calls. Constructor
//! args make the superclass object (an Exception with its message and
//! cause), which answers the methods the proxy does not define and is
//! what `throw` throws. `update-proxy` / `init-proxy` change the method
//! table of the object.

use crate::builtins::macros::{core, items, list, margs, quote, sym};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::types::{self, TypeKind};
use crate::runtime::value::{Value, View};

/// `(proxy [Base Iface*] [ctor-args*] (method [params] body)*)`.
pub(crate) fn proxy(args: &[Value]) -> Result<Value> {
    let a = margs("proxy", args, 2, None)?;
    let supers = items(&a[0])?;
    let ctor_args = items(&a[1])?;
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
        core("-proxy"),
        quote(sym(&classname)),
        Value::map_from_pairs(fns),
        Value::vector(ctor_args)
    ])
}

/// `(-proxy 'class {name fn} [ctor-args])`: the proxy object. With
/// constructor args, the superclass object is made from them (an
/// Exception's message and cause: what its inherited methods and `throw`
/// use); a superclass cljw cannot construct with them is an error naming
/// it.
pub(crate) fn make_proxy(args: &[Value]) -> Result<Value> {
    super::super::check_arity("-proxy", args, 3, Some(3))?;
    let t = super::type_named(&args[0])?;
    let methods = super::methods_of(&args[1])?;
    let ctor_args = items(&args[2])?;
    let base = t
        .interfaces()
        .first()
        .cloned()
        .unwrap_or_else(|| "java.lang.Object".to_string());
    // A Throwable's proxy always has its superclass object: it is what
    // `throw` throws.
    let throwable = base == "java.lang.Throwable"
        || crate::builtins::classes::is_subclass(&base, "java.lang.Throwable");
    let sup = if ctor_args.is_empty() && !throwable {
        Value::NIL
    } else {
        let def = crate::runtime::host::class_def(&base);
        crate::runtime::host::new_instance(def, &base, &ctor_args).map_err(|e| {
            Exception::full(
                ExClass::UnsupportedOperationException,
                Some(format!(
                    "cljw does not support proxy of {base} with constructor args: {}",
                    e.message().unwrap_or("")
                )),
                None,
                Some(e),
            )
        })?
    };
    Ok(types::proxy(t, methods, Value::NIL, sup))
}

/// `(get-proxy-class & bases)`: the proxy class over a base class and
/// interfaces; the same bases give the same class.
pub(crate) fn get_proxy_class(args: &[Value]) -> Result<Value> {
    let mut names = Vec::new();
    for a in args {
        match a.as_class() {
            Some(c) => names.push(c.name().to_string()),
            None => {
                return err::class_cast(crate::runtime::compare::cast_message(
                    a.class_name(),
                    "java.lang.Class",
                ));
            }
        }
    }
    if names.is_empty() {
        names.push("java.lang.Object".to_string());
    }
    // Named as the JVM's `proxy-name`: the base, then the interfaces' short
    // names and a hash of them all.
    let mut h: u32 = 0x811c_9dc5;
    for b in names.join(",").bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    let ns = crate::builtins::lang::current_ns();
    let mut classname = format!(
        "{}.proxy${}",
        super::protocol::munge(ns.name_str()),
        names[0]
    );
    for i in &names[1..] {
        classname.push('$');
        classname.push_str(i.rsplit('.').next().unwrap_or(i));
    }
    classname.push_str(&format!("${h:x}"));
    if types::lookup(&classname).is_none() {
        types::define(&classname, TypeKind::Reify, vec![], vec![], names);
    }
    crate::runtime::host::class_value(&classname).ok_or_else(|| {
        Exception::new(
            ExClass::IllegalStateException,
            format!("class {classname} is not defined"),
        )
    })
}

/// `(construct-proxy c & ctor-args)`: an instance of the proxy class `c`
/// with no method mappings yet (see `init-proxy`).
pub(crate) fn construct_proxy(args: &[Value]) -> Result<Value> {
    super::super::check_arity("construct-proxy", args, 1, None)?;
    let name = match args[0].as_class() {
        Some(c) => c.name().to_string(),
        None => {
            return err::class_cast(crate::runtime::compare::cast_message(
                args[0].class_name(),
                "java.lang.Class",
            ));
        }
    };
    if types::lookup(&name).is_none_or(|t| t.kind() != TypeKind::Reify) || !name.contains(".proxy$")
    {
        // Any other class is constructed with the args (Reflector.invokeConstructor).
        let def = crate::runtime::host::class_def(&name);
        return crate::runtime::host::new_instance(def, &name, &args[1..]);
    }
    make_proxy(&[
        sym(&name),
        Value::map_from_pairs(Vec::new()),
        Value::vector(args[1..].to_vec()),
    ])
}

/// The proxy of `p`, or an IllegalArgumentException naming what it is.
fn proxy_arg<'a>(p: &'a Value, what: &str) -> Result<&'a types::Instance> {
    match p.view() {
        View::Instance(i) if i.own_methods().is_some() => Ok(i),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class clojure.lang.IProxy ({what})",
                p.class_name()
            ),
        )),
    }
}

/// The {name fn} entries of a mappings map.
fn mapping_entries(m: &Value) -> Result<Vec<(String, Value)>> {
    let mut out = Vec::new();
    for e in crate::runtime::equality::entries(m) {
        let (k, v) = e?;
        let Some(k) = k.as_str() else {
            return err::class_cast(format!(
                "class {} cannot be cast to class java.lang.String (proxy method names are strings)",
                k.class_name()
            ));
        };
        out.push((k.to_string(), v));
    }
    Ok(out)
}

/// `(update-proxy p {"name" fn})`: adds or replaces methods; a nil fn
/// removes the mapping (the base class's method answers again).
pub(crate) fn update_proxy(args: &[Value]) -> Result<Value> {
    super::super::check_arity("update-proxy", args, 2, Some(2))?;
    let p = proxy_arg(&args[0], "update-proxy")?;
    let mut methods: types::Methods = p.own_methods().map(|m| (*m).clone()).unwrap_or_default();
    for (k, f) in mapping_entries(&args[1])? {
        if f.is_nil() {
            methods.remove(k.as_str());
        } else {
            methods.insert(k.into(), f);
        }
    }
    p.set_own_methods(methods);
    Ok(args[0].clone())
}

/// `(init-proxy p {"name" fn})`: replaces the proxy's methods.
pub(crate) fn init_proxy(args: &[Value]) -> Result<Value> {
    super::super::check_arity("init-proxy", args, 2, Some(2))?;
    let p = proxy_arg(&args[0], "init-proxy")?;
    let mut methods = types::Methods::default();
    for (k, f) in mapping_entries(&args[1])? {
        if !f.is_nil() {
            methods.insert(k.into(), f);
        }
    }
    p.set_own_methods(methods);
    Ok(args[0].clone())
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

/// `(bean x)`: a read-only map of `x`'s JavaBean properties (`:class` and
/// one key per public getter `getFoo`/`isFoo` the JVM's class has, from
/// the recorded JVM members). cljw reads the properties when the map is
/// made (the JVM's bean is a lazy proxy map) and leaves out a getter
/// cljw does not model or that takes args.
pub(crate) fn bean(args: &[Value]) -> Result<Value> {
    super::super::check_arity("bean", args, 1, Some(1))?;
    let x = &args[0];
    if x.is_nil() {
        return err::npe("Cannot invoke \"Object.getClass()\" because \"x\" is null");
    }
    let class = x.class_name();
    let mut pairs = vec![(
        Value::keyword(None, "class"),
        crate::runtime::host::class_value(class).unwrap_or(Value::NIL),
    )];
    let Some(def) = crate::runtime::host::class_def(class) else {
        return Ok(Value::map_from_pairs(pairs));
    };
    let mut getters = crate::runtime::class::jvm_instance_methods(def);
    getters.sort_unstable();
    for m in getters {
        let prop = match (m.strip_prefix("get"), m.strip_prefix("is")) {
            (Some(p), _) | (None, Some(p)) if p.starts_with(|c: char| c.is_ascii_uppercase()) => p,
            _ => continue,
        };
        if m == "getClass" {
            continue;
        }
        let Ok(v) = crate::runtime::host::call_method(x, m, &[]) else {
            continue;
        };
        if m.starts_with("is") && v.as_bool().is_none() {
            continue;
        }
        pairs.push((Value::keyword(None, &decapitalize(prop)), v));
    }
    Ok(Value::map_from_pairs(pairs))
}

/// java.beans.Introspector.decapitalize: `Name` -> `name`, `URL` stays.
fn decapitalize(s: &str) -> String {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_uppercase() => s.to_string(),
        (Some(a), _) => a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect(),
        _ => String::new(),
    }
}
