//! Binding and looping forms: let loop fn letfn for doseq dotimes while.

use super::destructure::destructure;
use super::{
    auto, binding_pair, binding_vector, copy_meta, core, form_str, gensym, illegal_arg, is_map,
    is_seq, is_vector, items, kw, list, margs, splice, sym, vector,
};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::meta;
use crate::runtime::value::Value;

/// `(let [bindings] body...)` -> `(let* [destructured] body...)`.
pub(crate) fn let_(args: &[Value]) -> Result<Value> {
    super::specced("let", args, let_impl)
}

fn let_impl(args: &[Value]) -> Result<Value> {
    let a = margs("let", args, 1, None)?;
    let b = binding_vector(&args[0], &a[0])?;
    Ok(splice(
        vec![sym("let*"), Value::vector(destructure(&b)?)],
        &a[1..],
    ))
}

pub(crate) fn loop_(args: &[Value]) -> Result<Value> {
    let a = margs("loop", args, 1, None)?;
    let b = binding_vector(&args[0], &a[0])?;
    let body = &a[1..];
    if b.chunks(2).all(|p| p[0].is_symbol()) {
        return Ok(splice(vec![sym("loop*"), a[0].clone()], body));
    }
    let mut bfs = Vec::new();
    let mut gs = Vec::new();
    let mut inner = Vec::new();
    for p in b.chunks(2) {
        let (bnd, v) = (&p[0], &p[1]);
        let g = if bnd.is_symbol() {
            bnd.clone()
        } else {
            gensym("G__")
        };
        bfs.push(g.clone());
        bfs.push(v.clone());
        if !bnd.is_symbol() {
            bfs.push(bnd.clone());
            bfs.push(g.clone());
        }
        gs.push(g.clone());
        gs.push(g.clone());
        inner.push(bnd.clone());
        inner.push(g);
    }
    Ok(list![
        core("let"),
        Value::vector(bfs),
        list![
            sym("loop*"),
            Value::vector(gs),
            splice(vec![core("let"), Value::vector(inner)], body)
        ]
    ])
}

/// `(fn name? [params] body)` / `(fn name? ([params] body)+)` -> `fn*` with
/// destructured params and :pre/:post conditions as asserts.
pub(crate) fn fn_(args: &[Value]) -> Result<Value> {
    super::specced("fn", args, fn_impl)
}

fn fn_impl(args: &[Value]) -> Result<Value> {
    let form = &args[0];
    let mut sigs = margs("fn", args, 0, None)?;
    let name = match sigs.first() {
        Some(n) if n.is_symbol() => {
            sigs = &sigs[1..];
            Some(n.clone())
        }
        _ => None,
    };
    let sigs: Vec<Value> = match sigs.first() {
        Some(v) if is_vector(v) => vec![Value::list(sigs.to_vec())],
        Some(v) if is_seq(v) => sigs.to_vec(),
        Some(v) => {
            return Err(illegal_arg(format!(
                "Parameter declaration {} should be a vector",
                form_str(v)
            )));
        }
        None => return Err(illegal_arg("Parameter declaration missing")),
    };
    let mut out = vec![sym("fn*")];
    if let Some(n) = name {
        out.push(n);
    }
    for sig in &sigs {
        out.push(fn_sig(sig)?);
    }
    copy_meta(Value::list(out), form)
}

fn fn_sig(sig: &Value) -> Result<Value> {
    if !is_seq(sig) {
        return Err(illegal_arg(format!(
            "Invalid signature {} should be a list",
            form_str(sig)
        )));
    }
    let parts = items(sig)?;
    let params = parts.first().cloned().unwrap_or(Value::NIL);
    if !is_vector(&params) {
        return Err(illegal_arg(format!(
            "Parameter declaration {} should be a vector",
            form_str(&params)
        )));
    }
    // clojure.core.specs: each param is a simple symbol or a destructuring
    // vector or map (the spec failure names fn).
    for p in items(&params)? {
        let ok = match p.as_symbol() {
            Some(s) => s.ns().is_none(),
            None => is_vector(&p) || is_map(&p),
        };
        if !ok {
            return Err(illegal_arg(format!(
                "Invalid fn parameter {}",
                form_str(&p)
            )));
        }
    }
    let mut body: Vec<Value> = parts[1..].to_vec();
    let mut conds = Value::NIL;
    if body.len() > 1 && is_map(&body[0]) {
        conds = body.remove(0);
    }
    if conds.is_nil() {
        conds = meta::meta(&params);
    }
    let get = |k: &str| crate::runtime::lookup::get(&conds, &kw(k));
    let (pre, post) = (get("pre"), get("post"));
    if post.truthy() {
        let value = if body.len() > 1 {
            splice(vec![sym("do")], &body)
        } else {
            body.first().cloned().unwrap_or(Value::NIL)
        };
        let mut l = vec![core("let"), vector![sym("%"), value]];
        for c in items(&post)? {
            l.push(list![core("assert"), c]);
        }
        l.push(sym("%"));
        body = vec![Value::list(l)];
    }
    if pre.truthy() {
        let mut b: Vec<Value> = items(&pre)?
            .into_iter()
            .map(|c| list![core("assert"), c])
            .collect();
        b.extend(body);
        body = b;
    }
    maybe_destructured(&params, &body)
}

/// `(params body...)`, or with gensym'd params and a `let` that
/// destructures them when any param is a pattern.
fn maybe_destructured(params: &Value, body: &[Value]) -> Result<Value> {
    let ps = items(params)?;
    if ps.iter().all(|p| p.is_symbol()) {
        return Ok(splice(vec![params.clone()], body));
    }
    let mut new_params = Vec::with_capacity(ps.len());
    let mut lets = Vec::new();
    for p in ps {
        if p.is_symbol() {
            new_params.push(p);
        } else {
            let g = gensym("p__");
            new_params.push(g.clone());
            lets.push(p);
            lets.push(g);
        }
    }
    let new_params = copy_meta(Value::vector(new_params), params)?;
    Ok(list![
        new_params,
        splice(vec![core("let"), Value::vector(lets)], body)
    ])
}

pub(crate) fn letfn(args: &[Value]) -> Result<Value> {
    let a = margs("letfn", args, 1, None)?;
    let mut binds = Vec::new();
    for spec in items(&a[0])? {
        let parts = items(&spec)?;
        binds.push(parts.first().cloned().unwrap_or(Value::NIL));
        binds.push(splice(vec![core("fn")], &parts));
    }
    Ok(splice(vec![sym("letfn*"), Value::vector(binds)], &a[1..]))
}

fn is_kw(v: &Value, name: &str) -> bool {
    v.as_keyword()
        .is_some_and(|k| k.ns().is_none() && k.name() == name)
}

/// One `for` binding with its :let/:when/:while modifiers.
struct Group {
    bind: Value,
    expr: Value,
    mods: Vec<(Value, Value)>,
}

pub(crate) fn for_(args: &[Value]) -> Result<Value> {
    let a = margs("for", args, 2, Some(2))?;
    let seq_exprs = binding_vector(&args[0], &a[0])?;
    let body = &a[1];
    let mut groups: Vec<Group> = Vec::new();
    for p in seq_exprs.chunks(2) {
        if p[0].is_keyword() {
            let Some(g) = groups.last_mut() else {
                return Err(Exception::new(
                    ExClass::IllegalStateException,
                    "Can't pop empty vector",
                ));
            };
            g.mods.push((p[0].clone(), p[1].clone()));
        } else {
            groups.push(Group {
                bind: p[0].clone(),
                expr: p[1].clone(),
                mods: Vec::new(),
            });
        }
    }
    let iter = auto("iter");
    let first = seq_exprs.get(1).cloned().unwrap_or(Value::NIL);
    Ok(list![
        core("let"),
        vector![iter.clone(), for_emit_bind(&groups, body)?],
        list![iter, first]
    ])
}

fn invalid_for_keyword(k: &Value) -> Exception {
    illegal_arg(format!("Invalid 'for' keyword {}", form_str(k)))
}

fn for_emit_bind(groups: &[Group], body: &Value) -> Result<Value> {
    let Some((g, next_groups)) = groups.split_first() else {
        return Ok(Value::NIL);
    };
    let giter = gensym("iter__");
    let gxs = gensym("s__");
    let recur_rest = || list![sym("recur"), list![core("rest"), gxs.clone()]];
    // do-mod: the element body for the unchunked path.
    let do_mod = |mods: &[(Value, Value)]| -> Result<Value> {
        fn go(
            mods: &[(Value, Value)],
            tail: &dyn Fn() -> Result<Value>,
            recur_rest: &dyn Fn() -> Value,
        ) -> Result<Value> {
            let Some(((k, v), etc)) = mods.split_first() else {
                return tail();
            };
            Ok(if is_kw(k, "let") {
                list![core("let"), v.clone(), go(etc, tail, recur_rest)?]
            } else if is_kw(k, "while") {
                list![core("when"), v.clone(), go(etc, tail, recur_rest)?]
            } else if is_kw(k, "when") {
                list![
                    sym("if"),
                    v.clone(),
                    go(etc, tail, recur_rest)?,
                    recur_rest()
                ]
            } else {
                return Err(invalid_for_keyword(k));
            })
        }
        let tail = || -> Result<Value> {
            match next_groups.first() {
                Some(ng) => {
                    let iterys = auto("iterys");
                    let fs = auto("fs");
                    Ok(list![
                        core("let"),
                        vector![
                            iterys.clone(),
                            for_emit_bind(next_groups, body)?,
                            fs.clone(),
                            list![core("seq"), list![iterys, ng.expr.clone()]]
                        ],
                        list![
                            sym("if"),
                            fs.clone(),
                            list![
                                core("concat"),
                                fs,
                                list![giter.clone(), list![core("rest"), gxs.clone()]]
                            ],
                            recur_rest()
                        ]
                    ])
                }
                None => Ok(list![
                    core("cons"),
                    body.clone(),
                    list![giter.clone(), list![core("rest"), gxs.clone()]]
                ]),
            }
        };
        go(mods, &tail, &recur_rest)
    };
    if !next_groups.is_empty() {
        return Ok(list![
            core("fn"),
            giter.clone(),
            vector![gxs.clone()],
            list![
                core("lazy-seq"),
                list![
                    core("loop"),
                    vector![gxs.clone(), gxs.clone()],
                    list![
                        core("when-first"),
                        vector![g.bind.clone(), gxs.clone()],
                        do_mod(&g.mods)?
                    ]
                ]
            ]
        ]);
    }
    let gi = gensym("i__");
    let gb = gensym("b__");
    let recur_i = || list![sym("recur"), list![core("unchecked-inc"), gi.clone()]];
    let mut chunk_body = list![
        sym("do"),
        list![core("chunk-append"), gb.clone(), body.clone()],
        recur_i()
    ];
    for (k, v) in g.mods.iter().rev() {
        chunk_body = if is_kw(k, "let") {
            list![core("let"), v.clone(), chunk_body]
        } else if is_kw(k, "while") {
            list![core("when"), v.clone(), chunk_body]
        } else if is_kw(k, "when") {
            list![sym("if"), v.clone(), chunk_body, recur_i()]
        } else {
            return Err(invalid_for_keyword(k));
        };
    }
    let c = auto("c");
    let size = auto("size");
    Ok(list![
        core("fn"),
        giter.clone(),
        vector![gxs.clone()],
        list![
            core("lazy-seq"),
            list![
                core("loop"),
                vector![gxs.clone(), gxs.clone()],
                list![
                    core("when-let"),
                    vector![gxs.clone(), list![core("seq"), gxs.clone()]],
                    list![
                        sym("if"),
                        list![core("chunked-seq?"), gxs.clone()],
                        list![
                            core("let"),
                            vector![
                                c.clone(),
                                list![core("chunk-first"), gxs.clone()],
                                size.clone(),
                                list![core("int"), list![core("count"), c.clone()]],
                                gb.clone(),
                                list![core("chunk-buffer"), size.clone()]
                            ],
                            list![
                                sym("if"),
                                list![
                                    core("loop"),
                                    vector![gi.clone(), list![core("int"), Value::long(0)]],
                                    list![
                                        sym("if"),
                                        list![core("<"), gi.clone(), size],
                                        list![
                                            core("let"),
                                            vector![
                                                g.bind.clone(),
                                                list![core("nth"), c, gi.clone()]
                                            ],
                                            chunk_body
                                        ],
                                        Value::TRUE
                                    ]
                                ],
                                list![
                                    core("chunk-cons"),
                                    list![core("chunk"), gb.clone()],
                                    list![giter.clone(), list![core("chunk-rest"), gxs.clone()]]
                                ],
                                list![core("chunk-cons"), list![core("chunk"), gb], Value::NIL]
                            ]
                        ],
                        list![
                            core("let"),
                            vector![g.bind.clone(), list![core("first"), gxs.clone()]],
                            do_mod(&g.mods)?
                        ]
                    ]
                ]
            ]
        ]
    ])
}

/// doseq's step: returns (needs-recur, form) like the JVM's `step`.
fn doseq_step(recform: &Value, exprs: &[Value], body: &[Value]) -> Result<(bool, Value)> {
    let Some((k, rest)) = exprs.split_first() else {
        return Ok((true, splice(vec![sym("do")], body)));
    };
    let v = rest.first().cloned().unwrap_or(Value::NIL);
    let more = rest.get(1..).unwrap_or(&[]);
    if k.is_keyword() {
        let (needrec, subform) = doseq_step(recform, more, body)?;
        let rec = |mut v: Vec<Value>| {
            if needrec {
                v.push(recform.clone());
            }
            Value::list(v)
        };
        return Ok(if is_kw(k, "let") {
            (needrec, list![core("let"), v, subform])
        } else if is_kw(k, "while") {
            (false, rec(vec![core("when"), v, subform]))
        } else if is_kw(k, "when") {
            (
                false,
                list![sym("if"), v, rec(vec![sym("do"), subform]), recform.clone()],
            )
        } else {
            // The JVM's cond falls through to nil here.
            (false, Value::NIL)
        });
    }
    let seq_ = gensym("seq_");
    let chunk_ = gensym("chunk_");
    let count_ = gensym("count_");
    let i_ = gensym("i_");
    let recform_ = list![
        sym("recur"),
        list![core("next"), seq_.clone()],
        Value::NIL,
        Value::long(0),
        Value::long(0)
    ];
    let (needrec, subform) = doseq_step(&recform_, more, body)?;
    let recform_chunk = list![
        sym("recur"),
        seq_.clone(),
        chunk_.clone(),
        count_.clone(),
        list![core("unchecked-inc"), i_.clone()]
    ];
    let (_, subform_chunk) = doseq_step(&recform_chunk, more, body)?;
    let c = auto("c");
    let mut chunk_branch = vec![
        core("let"),
        vector![k.clone(), list![core("nth"), chunk_.clone(), i_.clone()]],
        subform_chunk,
    ];
    let mut seq_branch = vec![
        core("let"),
        vector![k.clone(), list![core("first"), seq_.clone()]],
        subform,
    ];
    if needrec {
        chunk_branch.push(recform_chunk);
        seq_branch.push(recform_);
    }
    Ok((
        true,
        list![
            core("loop"),
            vector![
                seq_.clone(),
                list![core("seq"), v],
                chunk_.clone(),
                Value::NIL,
                count_.clone(),
                Value::long(0),
                i_.clone(),
                Value::long(0)
            ],
            list![
                sym("if"),
                list![core("<"), i_, count_],
                Value::list(chunk_branch),
                list![
                    core("when-let"),
                    vector![seq_.clone(), list![core("seq"), seq_.clone()]],
                    list![
                        sym("if"),
                        list![core("chunked-seq?"), seq_.clone()],
                        list![
                            core("let"),
                            vector![c.clone(), list![core("chunk-first"), seq_.clone()]],
                            list![
                                sym("recur"),
                                list![core("chunk-rest"), seq_],
                                c.clone(),
                                list![core("int"), list![core("count"), c]],
                                list![core("int"), Value::long(0)]
                            ]
                        ],
                        Value::list(seq_branch)
                    ]
                ]
            ]
        ],
    ))
}

pub(crate) fn doseq(args: &[Value]) -> Result<Value> {
    let a = margs("doseq", args, 1, None)?;
    let exprs = binding_vector(&args[0], &a[0])?;
    Ok(doseq_step(&Value::NIL, &exprs, &a[1..])?.1)
}

pub(crate) fn dotimes(args: &[Value]) -> Result<Value> {
    let a = margs("dotimes", args, 1, None)?;
    let (i, n) = binding_pair(&args[0], &a[0])?;
    let gn = auto("n");
    let mut when = vec![core("when"), list![core("<"), i.clone(), gn.clone()]];
    when.extend_from_slice(&a[1..]);
    when.push(list![sym("recur"), list![core("unchecked-inc"), i.clone()]]);
    Ok(list![
        core("let"),
        vector![gn, list![core("long"), n]],
        list![core("loop"), vector![i, Value::long(0)], Value::list(when)]
    ])
}

pub(crate) fn while_(args: &[Value]) -> Result<Value> {
    let a = margs("while", args, 1, None)?;
    let mut when = vec![core("when")];
    when.extend_from_slice(a);
    when.push(list![sym("recur")]);
    Ok(list![core("loop"), vector![], Value::list(when)])
}
