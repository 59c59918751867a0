//! Vars and names: with-redefs-fn, requiring-resolve, find-keyword, test,
//! munge, namespace-munge, the tap fns (tap> add-tap remove-tap) and
//! Throwable->map.

use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{Exception, Result, err};
use crate::runtime::func;
use crate::runtime::seq;
use crate::runtime::symbol::{Keyword, munge as munge_str};
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("with-redefs-fn", with_redefs_fn),
    Def::f("requiring-resolve", requiring_resolve),
    Def::f("find-keyword", find_keyword),
    Def::f("test", test),
    Def::f("munge", munge),
    Def::f("namespace-munge", namespace_munge),
    Def::f("tap>", tap),
    Def::f("add-tap", add_tap),
    Def::f("remove-tap", remove_tap),
    Def::f("Throwable->map", throwable_to_map),
    Def::f("StackTraceElement->vec", stack_trace_element_vec),
];

fn var_of(v: &Value) -> Result<&crate::runtime::var::Var> {
    match v.view() {
        View::Var(var) => Ok(var),
        _ => err::class_cast(cast_message(v.class_name(), "clojure.lang.Var")),
    }
}

/// `(with-redefs-fn {#'v val ...} f)`: set the vars' roots, call f, put
/// the old roots back (an unbound var is unbound again).
fn with_redefs_fn(args: &[Value]) -> Result<Value> {
    check_arity("with-redefs-fn", args, 2, Some(2))?;
    let mut pairs = Vec::new();
    for e in seq::iter(&args[0]) {
        let e = e?;
        let k = seq::first(&e)?;
        let v = seq::first(&seq::next(&e)?)?;
        pairs.push((k, v));
    }
    let mut old = Vec::with_capacity(pairs.len());
    for (k, _) in &pairs {
        old.push(var_of(k)?.root());
    }
    for (k, v) in &pairs {
        var_of(k)?.bind_root(v.clone());
    }
    let r = func::invoke(&args[1], &[]);
    for ((k, _), o) in pairs.iter().zip(old) {
        let var = var_of(k)?;
        match o {
            Some(v) => var.bind_root(v),
            None => var.unbind_root(),
        }
    }
    r
}

/// `(requiring-resolve 'ns/name)`: resolve, requiring `ns` first if needed.
fn requiring_resolve(args: &[Value]) -> Result<Value> {
    check_arity("requiring-resolve", args, 1, Some(1))?;
    let s = &args[0];
    let qualified = s.as_symbol().and_then(|x| x.ns().map(str::to_string));
    let Some(ns) = qualified else {
        return err::illegal_arg(format!(
            "Not a qualified symbol: {}",
            super::string::str_of(std::slice::from_ref(s))?
        ));
    };
    let resolve = || super::lang::core_var("resolve").and_then(|v| v.root());
    let r = resolve().map_or(Ok(Value::NIL), |f| func::invoke(&f, args))?;
    if !r.is_nil() {
        return Ok(r);
    }
    super::ns::load_lib(&ns)?;
    resolve().map_or(Ok(Value::NIL), |f| func::invoke(&f, args))
}

/// `(find-keyword name)` / `(find-keyword ns name)`: the keyword if it has
/// been interned, else nil.
fn find_keyword(args: &[Value]) -> Result<Value> {
    check_arity("find-keyword", args, 1, Some(2))?;
    let text = |v: &Value| -> Result<Option<String>> {
        Ok(match v.view() {
            View::Nil => None,
            View::Str(s) => Some(s.as_str().to_string()),
            View::Symbol(s) => Some(s.name().to_string()),
            _ => return err::class_cast(cast_message(v.class_name(), "java.lang.String")),
        })
    };
    let (ns, name) = match args {
        [n] => match n.view() {
            // core.clj's cond: keywords are returned as is, anything but a
            // symbol or string gives nil.
            View::Keyword(_) => return Ok(n.clone()),
            View::Symbol(s) => (s.ns().map(str::to_string), s.name().to_string()),
            View::Str(_) => {
                let full = text(n)?.unwrap_or_default();
                match crate::runtime::symbol::split_ns(&full) {
                    (Some(ns), name) => (Some(ns.to_string()), name.to_string()),
                    (None, name) => (None, name.to_string()),
                }
            }
            _ => return Ok(Value::NIL),
        },
        [ns, n] => (text(ns)?, text(n)?.unwrap_or_default()),
        _ => return Ok(Value::NIL),
    };
    Ok(match Keyword::find(ns.as_deref(), &name) {
        Some(k) => Value::keyword(k.ns(), k.name()),
        None => Value::NIL,
    })
}

/// `(test v)`: call the fn in v's `:test` metadata; :ok, or :no-test.
fn test(args: &[Value]) -> Result<Value> {
    check_arity("test", args, 1, Some(1))?;
    let m = super::lang::meta_of(&args[0]);
    let f = func::get(&m, &Value::keyword(None, "test"), Value::NIL)?;
    if f.is_nil() {
        return Ok(Value::keyword(None, "no-test"));
    }
    func::invoke(&f, &[])?;
    Ok(Value::keyword(None, "ok"))
}

/// `(munge s)`: Compiler.munge of the name; a symbol gives a symbol.
fn munge(args: &[Value]) -> Result<Value> {
    check_arity("munge", args, 1, Some(1))?;
    let s = super::string::str_of(args)?;
    let m = munge_str(&s);
    Ok(match args[0].view() {
        View::Symbol(_) => Value::symbol(None, &m),
        _ => Value::string(m),
    })
}

/// `(namespace-munge ns)`: dashes to underscores.
fn namespace_munge(args: &[Value]) -> Result<Value> {
    check_arity("namespace-munge", args, 1, Some(1))?;
    Ok(Value::string(
        super::string::str_of(args)?.replace('-', "_"),
    ))
}

// ---------------------------------------------------------------- taps

crate::runtime::gc::global_state!(taps: Vec<Value> = Vec::new());

/// `(tap> x)`: call every tap fn with x. The JVM queues x for a
/// background thread; here the taps run before `tap>` returns (true).
fn tap(args: &[Value]) -> Result<Value> {
    check_arity("tap>", args, 1, Some(1))?;
    let fns = taps(|t| t.clone());
    for f in fns {
        // Exceptions in tap fns are swallowed, as the JVM's tap loop does.
        let _ = func::invoke(&f, args);
    }
    Ok(Value::TRUE)
}

fn add_tap(args: &[Value]) -> Result<Value> {
    check_arity("add-tap", args, 1, Some(1))?;
    let f = args[0].clone();
    taps(|t| {
        if !t.iter().any(|x| crate::runtime::equality::equiv(x, &f)) {
            t.push(f);
        }
    });
    Ok(Value::NIL)
}

fn remove_tap(args: &[Value]) -> Result<Value> {
    check_arity("remove-tap", args, 1, Some(1))?;
    let f = &args[0];
    taps(|t| t.retain(|x| !crate::runtime::equality::equiv(x, f)));
    Ok(Value::NIL)
}

// ---------------------------------------------------------------- errors

/// `(StackTraceElement->vec o)`: `[class method file line]`, the class and
/// method as symbols.
fn stack_trace_element_vec(args: &[Value]) -> Result<Value> {
    check_arity("StackTraceElement->vec", args, 1, Some(1))?;
    let get = |m: &str| crate::runtime::host::call_method(&args[0], m, &[]);
    let sym = |v: Value| match v.as_str() {
        Some(s) => Value::symbol(None, s),
        None => v,
    };
    Ok(Value::vector(vec![
        sym(get("getClassName")?),
        sym(get("getMethodName")?),
        get("getFileName")?,
        get("getLineNumber")?,
    ]))
}

/// `(Throwable->map t)`: `{:via [...] :trace [...] :cause .. :data ..}`.
/// The stack traces are `.getStackTrace`'s: the frames cljw recorded (a
/// JDK method's frame, `Exception::at_jdk`, and the fns unwound through),
/// fewer than the JVM's.
fn throwable_to_map(args: &[Value]) -> Result<Value> {
    check_arity("Throwable->map", args, 1, Some(1))?;
    let Some(e) = args[0].as_exception() else {
        return err::class_cast(cast_message(args[0].class_name(), "java.lang.Throwable"));
    };
    let kw = |s: &str| Value::keyword(None, s);
    let mut via = Vec::new();
    let mut chain: Vec<Exception> = Vec::new();
    let mut cur = Some(e.clone());
    while let Some(x) = cur {
        cur = x.cause().cloned();
        chain.push(x);
    }
    for x in &chain {
        let mut m = vec![(kw("type"), Value::symbol(None, x.class().name()))];
        if let Some(msg) = x.message() {
            m.push((kw("message"), Value::string(msg)));
        }
        if let Some(d) = x.data() {
            m.push((kw("data"), d.clone()));
        }
        if let Some(top) = x.stack_trace().first() {
            m.push((kw("at"), top.to_vec_value()));
        }
        via.push(Value::map_from_pairs(m));
    }
    let trace = chain.last().map_or_else(Vec::new, |root| {
        root.stack_trace()
            .iter()
            .map(|e| e.to_vec_value())
            .collect()
    });
    let mut out = vec![
        (kw("via"), Value::vector(via)),
        (kw("trace"), Value::vector(trace)),
    ];
    if let Some(root) = chain.last() {
        if let Some(msg) = root.message() {
            out.push((kw("cause"), Value::string(msg)));
        }
        if let Some(d) = root.data() {
            out.push((kw("data"), d.clone()));
        }
    }
    let phase = e
        .data()
        .map(|d| {
            func::get(
                d,
                &Value::keyword(Some("clojure.error"), "phase"),
                Value::NIL,
            )
        })
        .transpose()?
        .unwrap_or(Value::NIL);
    if !phase.is_nil() {
        out.push((kw("phase"), phase));
    }
    Ok(Value::map_from_pairs(out))
}
