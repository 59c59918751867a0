//! ns, comment, assert, time, with-out-str, binding, delay, lazy-seq,
//! lazy-cat, and the macroexpand fns.

use super::{
    auto, binding_vector, core, is_map, is_string, items, kw, list, margs, quote, splice, sym,
    vector,
};
use crate::builtins::check_arity;
use crate::runtime::error::Result;
use crate::runtime::meta;
use crate::runtime::namespace;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;

/// `(ns name doc? attr-map? references*)` -> `(do (clojure.core/in-ns 'name)
/// (clojure.core/with-loading-context (clojure.core/refer 'clojure.core)
/// (clojure.core/require '...) ...) (swap! @#'*loaded-libs* conj 'name) nil)`,
/// like the JVM's minus its class-loader binding.
pub(crate) fn ns(args: &[Value]) -> Result<Value> {
    super::specced("ns", args, ns_impl)
}

fn ns_impl(args: &[Value]) -> Result<Value> {
    let a = margs("ns", args, 1, None)?;
    let name = &a[0];
    let mut refs: &[Value] = &a[1..];
    let mut name_meta = Vec::new();
    if refs.first().is_some_and(is_string) {
        name_meta.push((kw("doc"), refs[0].clone()));
        refs = &refs[1..];
    }
    if refs.first().is_some_and(is_map) {
        for e in items(&refs[0])? {
            let kv = items(&e)?;
            if let [k, v] = kv.as_slice() {
                name_meta.push((k.clone(), v.clone()));
            }
        }
        refs = &refs[1..];
    }
    let head_is = |r: &Value, k: &str| {
        crate::runtime::seq::first(r)
            .ok()
            .and_then(|h| h.as_keyword().map(|x| x.ns().is_none() && x.name() == k))
            .unwrap_or(false)
    };
    let refs: Vec<&Value> = refs.iter().filter(|r| !head_is(r, "gen-class")).collect();
    let qname = quote(name.clone());
    let mut out = vec![sym("do"), list![core("in-ns"), qname.clone()]];
    let mut m = Vec::new();
    let existing = meta::meta(name);
    if !existing.is_nil() {
        for e in items(&existing)? {
            let kv = items(&e)?;
            if let [k, v] = kv.as_slice() {
                m.push((k.clone(), v.clone()));
            }
        }
    }
    m.extend(name_meta);
    if !m.is_empty() {
        out.push(list![
            core("reset-meta!"),
            list![core("the-ns"), qname.clone()],
            Value::map_from_pairs(m)
        ]);
    }
    let mut body = vec![core("with-loading-context")];
    let is_core = name.as_symbol().is_some_and(|s| s.is(None, "clojure.core"));
    if !is_core && !refs.iter().any(|r| head_is(r, "refer-clojure")) {
        body.push(list![core("refer"), quote(sym("clojure.core"))]);
    }
    for r in refs {
        let parts = items(r)?;
        let Some(k) = parts.first() else { continue };
        let kname = match k.view() {
            crate::runtime::value::View::Keyword(k) => k.name().to_string(),
            crate::runtime::value::View::Symbol(s) => s.name().to_string(),
            _ => super::form_str(k),
        };
        let mut call = vec![core(&kname)];
        call.extend(parts[1..].iter().map(|x| quote(x.clone())));
        body.push(Value::list(call));
    }
    out.push(Value::list(body));
    // The JVM records the lib in *loaded-libs* (a ref there, an atom here), so
    // a later `require` of it does not look for a file.
    if !is_core {
        out.push(list![
            core("swap!"),
            list![core("deref"), list![sym("var"), core("*loaded-libs*")]],
            core("conj"),
            qname.clone()
        ]);
    }
    out.push(Value::NIL);
    Ok(Value::list(out))
}

/// `(with-loading-context body...)` -> `((fn loading [] body...))`.
pub(crate) fn with_loading_context(args: &[Value]) -> Result<Value> {
    let a = margs("with-loading-context", args, 0, None)?;
    Ok(list![splice(
        vec![core("fn"), auto("loading"), vector![]],
        a
    )])
}

pub(crate) fn comment(_args: &[Value]) -> Result<Value> {
    Ok(Value::NIL)
}

/// `*assert*` at expansion time (true until the var exists).
fn assert_enabled() -> bool {
    crate::runtime::core_vars::core_vars()
        .assert
        .get()
        .is_none_or(|v| v.truthy())
}

pub(crate) fn assert(args: &[Value]) -> Result<Value> {
    let a = margs("assert", args, 1, Some(2))?;
    if !assert_enabled() {
        return Ok(Value::NIL);
    }
    let mut msg = vec![core("str"), Value::string("Assert failed: ")];
    if let Some(m) = a.get(1) {
        msg.push(m.clone());
        msg.push(Value::string("\n"));
    }
    msg.push(list![core("pr-str"), quote(a[0].clone())]);
    Ok(list![
        core("when-not"),
        a[0].clone(),
        list![
            sym("throw"),
            list![
                sym("new"),
                sym("java.lang.AssertionError"),
                Value::list(msg)
            ]
        ]
    ])
}

fn nano_time() -> Value {
    list![sym("."), sym("java.lang.System"), list![core("nanoTime")]]
}

pub(crate) fn time(args: &[Value]) -> Result<Value> {
    let a = margs("time", args, 1, Some(1))?;
    let start = auto("start");
    let ret = auto("ret");
    Ok(list![
        core("let"),
        vector![start.clone(), nano_time(), ret.clone(), a[0].clone()],
        list![
            core("prn"),
            list![
                core("str"),
                Value::string("Elapsed time: "),
                list![
                    core("/"),
                    list![core("double"), list![core("-"), nano_time(), start]],
                    Value::double(1000000.0)
                ],
                Value::string(" msecs")
            ]
        ],
        ret
    ])
}

pub(crate) fn with_out_str(args: &[Value]) -> Result<Value> {
    let a = margs("with-out-str", args, 0, None)?;
    let s = auto("s");
    let mut binding = vec![core("binding"), vector![core("*out*"), s.clone()]];
    binding.extend_from_slice(a);
    binding.push(list![core("str"), s.clone()]);
    Ok(list![
        core("let"),
        vector![s, list![sym("new"), sym("java.io.StringWriter")]],
        Value::list(binding)
    ])
}

pub(crate) fn binding(args: &[Value]) -> Result<Value> {
    let a = margs("binding", args, 1, None)?;
    let b = binding_vector(&args[0], &a[0])?;
    let mut map = vec![core("hash-map")];
    for p in b.chunks(2) {
        map.push(list![sym("var"), p[0].clone()]);
        map.push(p[1].clone());
    }
    let mut tr = vec![sym("try")];
    tr.extend_from_slice(&a[1..]);
    tr.push(list![sym("finally"), list![core("pop-thread-bindings")]]);
    Ok(list![
        core("let"),
        vector![],
        list![core("push-thread-bindings"), Value::list(map)],
        Value::list(tr)
    ])
}

/// `^{:once true} fn*`: the body of a delay or lazy seq runs once.
fn once_fn(body: &[Value]) -> Value {
    let once = Value::map_from_pairs(vec![(kw("once"), Value::TRUE)]);
    let fn_sym = Value::from(Symbol::intern(None, "fn*").with_meta(Some(once)));
    splice(vec![fn_sym, vector![]], body)
}

pub(crate) fn delay(args: &[Value]) -> Result<Value> {
    let a = margs("delay", args, 0, None)?;
    Ok(list![sym("new"), sym("clojure.lang.Delay"), once_fn(a)])
}

/// `(bound-fn [args] body)` => `(clojure.core/bound-fn* (clojure.core/fn [args] body))`.
pub(crate) fn bound_fn(args: &[Value]) -> Result<Value> {
    let a = margs("bound-fn", args, 0, None)?;
    let mut f = vec![core("fn")];
    f.extend(a.iter().cloned());
    Ok(list![core("bound-fn*"), Value::list(f)])
}

/// `(with-bindings m body)` => `(clojure.core/with-bindings* m (clojure.core/fn [] body))`.
pub(crate) fn with_bindings(args: &[Value]) -> Result<Value> {
    let a = margs("with-bindings", args, 1, None)?;
    let mut f = vec![core("fn"), Value::vector(Vec::new())];
    f.extend(a[1..].iter().cloned());
    Ok(list![core("with-bindings*"), a[0].clone(), Value::list(f)])
}

pub(crate) fn lazy_seq(args: &[Value]) -> Result<Value> {
    let a = margs("lazy-seq", args, 0, None)?;
    Ok(list![sym("new"), sym("clojure.lang.LazySeq"), once_fn(a)])
}

pub(crate) fn lazy_cat(args: &[Value]) -> Result<Value> {
    let a = margs("lazy-cat", args, 0, None)?;
    let mut out = vec![core("concat")];
    out.extend(a.iter().map(|c| list![core("lazy-seq"), c.clone()]));
    Ok(Value::list(out))
}

/// The analysis environment of the current namespace (`*ns*`).
fn current_env() -> crate::analyzer::Env {
    let ns = namespace::find_ns(&super::current_ns_name())
        .unwrap_or_else(|| namespace::create_ns("user"));
    crate::analyzer::Env {
        ns,
        file: None,
        pos: None,
    }
}

pub(crate) fn macroexpand_1(args: &[Value]) -> Result<Value> {
    check_arity("macroexpand-1", args, 1, Some(1))?;
    crate::analyzer::macroexpand_1(&args[0], &current_env())
}

/// Expand until the form's head is no longer a macro.
pub(crate) fn macroexpand(args: &[Value]) -> Result<Value> {
    check_arity("macroexpand", args, 1, Some(1))?;
    let env = current_env();
    let mut form = args[0].clone();
    loop {
        let ex = crate::analyzer::macroexpand_1(&form, &env)?;
        if ex.identical(&form) {
            return Ok(form);
        }
        form = ex;
    }
}

/// `(.. x form & more)` -> `(.. (. x form) more...)`.
pub(crate) fn dot_dot(args: &[Value]) -> Result<Value> {
    let a = margs("..", args, 2, None)?;
    let first = list![sym("."), a[0].clone(), a[1].clone()];
    if a.len() == 2 {
        return Ok(first);
    }
    Ok(splice(vec![sym(".."), first], &a[2..]))
}

/// `(locking x body...)`: hold x's monitor (runtime::monitor) around the
/// body, released in a finally, as core.clj's locking.
pub(crate) fn locking(args: &[Value]) -> Result<Value> {
    let a = margs("locking", args, 1, None)?;
    let lockee = auto("lockee");
    let local = auto("locklocal");
    let mut inner = vec![sym("try")];
    inner.extend_from_slice(&a[1..]);
    inner.push(list![
        sym("finally"),
        list![sym("monitor-exit"), local.clone()]
    ]);
    Ok(list![
        core("let"),
        vector![lockee.clone(), a[0].clone()],
        list![
            sym("try"),
            list![
                core("let"),
                vector![local.clone(), lockee],
                list![sym("monitor-enter"), local],
                Value::list(inner)
            ]
        ]
    ])
}

/// `(with-open [r init ...] body...)`: closes each binding in reverse order
/// with `(. r close)`.
pub(crate) fn with_open(args: &[Value]) -> Result<Value> {
    let a = margs("with-open", args, 1, None)?;
    let b = binding_vector(&args[0], &a[0])?;
    let body = &a[1..];
    match b.as_slice() {
        [] => Ok(splice(vec![sym("do")], body)),
        [name, init, rest @ ..] if name.is_symbol() => {
            let inner = splice(vec![core("with-open"), Value::vector(rest.to_vec())], body);
            Ok(list![
                core("let"),
                vector![name.clone(), init.clone()],
                list![
                    sym("try"),
                    inner,
                    list![sym("finally"), list![sym("."), name.clone(), core("close")]]
                ]
            ])
        }
        _ => Err(super::illegal_arg(
            "with-open only allows Symbols in bindings",
        )),
    }
}

/// `(with-precision precision [:rounding MODE] body...)` ->
/// `(binding [*math-context* (java.math.MathContext. precision
/// (. java.math.RoundingMode MODE))] body...)`.
pub(crate) fn with_precision(args: &[Value]) -> Result<Value> {
    let a = margs("with-precision", args, 1, None)?;
    let precision = a[0].clone();
    let exprs = &a[1..];
    let rounding_kw = exprs
        .first()
        .and_then(|k| k.as_keyword())
        .is_some_and(|k| k.ns().is_none() && k.name() == "rounding");
    let (body, rm): (&[Value], Option<Value>) = if rounding_kw {
        let mode = exprs.get(1).cloned().unwrap_or(Value::NIL);
        (
            exprs.get(2..).unwrap_or(&[]),
            Some(list![sym("."), sym("java.math.RoundingMode"), mode]),
        )
    } else {
        (exprs, None)
    };
    let mut ctor = vec![sym("java.math.MathContext."), precision];
    ctor.extend(rm);
    Ok(splice(
        vec![
            core("binding"),
            vector![core("*math-context*"), Value::list(ctor)],
        ],
        body,
    ))
}

/// `(with-redefs [v val ...] body...)` ->
/// `(with-redefs-fn {(var v) val ...} (fn [] body...))`.
pub(crate) fn with_redefs(args: &[Value]) -> Result<Value> {
    let a = margs("with-redefs", args, 1, None)?;
    let binds = items(&a[0])?;
    let mut pairs = Vec::with_capacity(binds.len() / 2);
    for kv in binds.chunks(2) {
        let v = kv.get(1).cloned().unwrap_or(Value::NIL);
        pairs.push((list![sym("var"), kv[0].clone()], v));
    }
    Ok(list![
        core("with-redefs-fn"),
        Value::map_from_pairs(pairs),
        splice(vec![core("fn"), vector![]], &a[1..])
    ])
}

/// `(definline name doc? attr-map? [args] expr)`: a fn whose body is
/// `expr` applied (as a template fn, at expansion time) to the arg
/// symbols, with the template as its `:inline` metadata, as core.clj's:
/// `(do (defn name ... [args] body) (alter-meta! (var name) assoc :inline
/// (fn name [args] expr)) (var name))`.
pub(crate) fn definline(args: &[Value]) -> Result<Value> {
    let a = margs("definline", args, 2, None)?;
    let name = a[0].clone();
    let split = a[1..]
        .iter()
        .position(|x| matches!(x.view(), crate::runtime::value::View::Vector(_)))
        .map_or(a.len(), |i| i + 1);
    let pre = &a[1..split];
    let (params, expr) = match a.get(split) {
        Some(p) => (p.clone(), a.get(split + 1).cloned().unwrap_or(Value::NIL)),
        None => {
            return Err(crate::runtime::error::Exception::new(
                crate::runtime::error::ExClass::IllegalArgumentException,
                "Parameter declaration missing",
            ));
        }
    };
    let template = crate::runtime::eval::eval(&list![core("fn"), params.clone(), expr.clone()])?;
    let body = crate::runtime::func::invoke(&template, &items(&params)?)?;
    let mut defn = vec![core("defn"), name.clone()];
    defn.extend(pre.iter().cloned());
    defn.push(params.clone());
    defn.push(body);
    let var = list![sym("var"), name.clone()];
    Ok(list![
        sym("do"),
        Value::list(defn),
        list![
            core("alter-meta!"),
            var.clone(),
            core("assoc"),
            kw("inline"),
            list![core("fn"), name, params, expr]
        ],
        var
    ])
}

/// `(memfn name args...)` -> `(fn [target args...] (. target (name args...)))`.
pub(crate) fn memfn(args: &[Value]) -> Result<Value> {
    let a = margs("memfn", args, 1, None)?;
    let target = super::gensym("target");
    let params: Vec<Value> = a[1..].to_vec();
    let mut fnargs = vec![target.clone()];
    fnargs.extend(params.iter().cloned());
    let call = splice(vec![a[0].clone()], &params);
    Ok(list![
        core("fn"),
        Value::vector(fnargs),
        list![sym("."), target, call]
    ])
}

/// `(with-local-vars [a init ...] body...)` -> `(let [a (.setDynamic
/// (clojure.lang.Var/create)) ...] (push-thread-bindings (hash-map a init
/// ...)) (try body... (finally (pop-thread-bindings))))`.
pub(crate) fn with_local_vars(args: &[Value]) -> Result<Value> {
    let a = margs("with-local-vars", args, 1, None)?;
    let binds = items(&a[0])?;
    let mut lets = Vec::new();
    let mut inits = vec![core("hash-map")];
    for kv in binds.chunks(2) {
        lets.push(kv[0].clone());
        lets.push(list![
            sym(".setDynamic"),
            list![sym("clojure.lang.Var/create")]
        ]);
        inits.push(kv[0].clone());
        inits.push(kv.get(1).cloned().unwrap_or(Value::NIL));
    }
    let body = splice(vec![sym("try")], &a[1..]);
    let body = match body.view() {
        crate::runtime::value::View::List(_) => {
            let mut v = items(&body)?;
            v.push(list![sym("finally"), list![core("pop-thread-bindings")]]);
            Value::list(v)
        }
        _ => body,
    };
    Ok(list![
        core("let"),
        Value::vector(lets),
        list![core("push-thread-bindings"), Value::list(inits)],
        body
    ])
}

/// `(import 'java.util.Date '(java.io File Reader) ...)` ->
/// `(do (clojure.core/import* "java.util.Date") ...)`.
pub(crate) fn import(args: &[Value]) -> Result<Value> {
    let a = margs("import", args, 0, None)?;
    let mut names = Vec::new();
    for spec in a {
        // A quoted spec: (quote x).
        let spec = match items(spec) {
            Ok(parts) if parts.len() == 2 && super::is_sym(&parts[0], "quote") => parts[1].clone(),
            _ => spec.clone(),
        };
        if let Some(s) = spec.as_symbol() {
            names.push(s.name().to_string());
            continue;
        }
        let parts = items(&spec)?;
        let Some(prefix) = parts.first() else {
            continue;
        };
        let p = super::form_str(prefix);
        for c in &parts[1..] {
            names.push(format!("{p}.{}", super::form_str(c)));
        }
    }
    let mut out = vec![sym("do")];
    for n in names {
        out.push(list![sym("clojure.core/import*"), Value::string(n)]);
    }
    Ok(Value::list(out))
}

/// `(amap a idx ret expr)`: a clone of array a with each element set to
/// expr (idx bound to the index, ret to the clone).
pub(crate) fn amap(args: &[Value]) -> Result<Value> {
    let a = margs("amap", args, 4, Some(4))?;
    let (arr, idx, ret, expr) = (&a[0], &a[1], &a[2], &a[3]);
    let av = super::gensym("a");
    let len = super::gensym("l");
    Ok(list![
        core("let"),
        vector![
            av.clone(),
            arr.clone(),
            len.clone(),
            list![core("alength"), av.clone()],
            ret.clone(),
            list![core("aclone"), av]
        ],
        list![
            core("loop"),
            vector![idx.clone(), Value::long(0)],
            list![
                sym("if"),
                list![core("<"), idx.clone(), len],
                list![
                    sym("do"),
                    list![core("aset"), ret.clone(), idx.clone(), expr.clone()],
                    list![sym("recur"), list![core("unchecked-inc"), idx.clone()]]
                ],
                ret.clone()
            ]
        ]
    ])
}

/// `(areduce a idx ret init expr)`: reduce over the indices of array a.
pub(crate) fn areduce(args: &[Value]) -> Result<Value> {
    let a = margs("areduce", args, 5, Some(5))?;
    let (arr, idx, ret, init, expr) = (&a[0], &a[1], &a[2], &a[3], &a[4]);
    let av = super::gensym("a");
    let len = super::gensym("l");
    Ok(list![
        core("let"),
        vector![
            av.clone(),
            arr.clone(),
            len.clone(),
            list![core("alength"), av]
        ],
        list![
            core("loop"),
            vector![idx.clone(), Value::long(0), ret.clone(), init.clone()],
            list![
                sym("if"),
                list![core("<"), idx.clone(), len],
                list![
                    sym("recur"),
                    list![core("unchecked-inc-int"), idx.clone()],
                    expr.clone()
                ],
                ret.clone()
            ]
        ]
    ])
}
