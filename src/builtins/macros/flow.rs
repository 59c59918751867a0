//! Conditionals: when when-not if-not cond condp case and or if-let when-let
//! if-some when-some when-first.

use super::{
    auto, binding_pair, core, form_str, gensym, illegal_arg, is_seq, items, list, margs,
    require_err, splice, sym, vector,
};
use crate::runtime::error::Result;
use crate::runtime::value::Value;

/// `(when test body...)` -> `(if test (do body...))`.
pub(crate) fn when(args: &[Value]) -> Result<Value> {
    let a = margs("when", args, 1, None)?;
    Ok(list![
        sym("if"),
        a[0].clone(),
        splice(vec![sym("do")], &a[1..])
    ])
}

/// `(when-not test body...)` -> `(if test nil (do body...))`.
pub(crate) fn when_not(args: &[Value]) -> Result<Value> {
    let a = margs("when-not", args, 1, None)?;
    Ok(list![
        sym("if"),
        a[0].clone(),
        Value::NIL,
        splice(vec![sym("do")], &a[1..])
    ])
}

pub(crate) fn if_not(args: &[Value]) -> Result<Value> {
    let a = margs("if-not", args, 2, Some(3))?;
    Ok(match a {
        [t, then] => list![core("if-not"), t.clone(), then.clone(), Value::NIL],
        _ => list![
            sym("if"),
            list![core("not"), a[0].clone()],
            a[1].clone(),
            a[2].clone()
        ],
    })
}

pub(crate) fn cond(args: &[Value]) -> Result<Value> {
    let a = margs("cond", args, 0, None)?;
    if a.is_empty() {
        return Ok(Value::NIL);
    }
    let Some(then) = a.get(1) else {
        return Err(illegal_arg("cond requires an even number of forms"));
    };
    Ok(list![
        sym("if"),
        a[0].clone(),
        then.clone(),
        splice(vec![core("cond")], &a[2..])
    ])
}

fn no_matching_clause(expr: Value) -> Value {
    list![
        sym("throw"),
        list![
            sym("java.lang.IllegalArgumentException."),
            list![core("str"), Value::string("No matching clause: "), expr]
        ]
    ]
}

pub(crate) fn condp(args: &[Value]) -> Result<Value> {
    let a = margs("condp", args, 2, None)?;
    let gpred = gensym("pred__");
    let gexpr = gensym("expr__");
    let body = condp_emit(&gpred, &gexpr, &a[2..]);
    Ok(list![
        core("let"),
        vector![gpred, a[0].clone(), gexpr, a[1].clone()],
        body
    ])
}

fn condp_emit(pred: &Value, expr: &Value, clauses: &[Value]) -> Value {
    let is_arrow = clauses.get(1).is_some_and(|x| {
        x.as_keyword()
            .is_some_and(|k| k.ns().is_none() && k.name() == ">>")
    });
    let n = if is_arrow { 3 } else { 2 }.min(clauses.len());
    let (clause, more) = clauses.split_at(n);
    match clause {
        [] => no_matching_clause(expr.clone()),
        [a] => a.clone(),
        [a, b] => list![
            sym("if"),
            list![pred.clone(), a.clone(), expr.clone()],
            b.clone(),
            condp_emit(pred, expr, more)
        ],
        _ => {
            let p = auto("p");
            list![
                core("if-let"),
                vector![
                    p.clone(),
                    list![pred.clone(), clause[0].clone(), expr.clone()]
                ],
                list![clause[2].clone(), p],
                condp_emit(pred, expr, more)
            ]
        }
    }
}

/// `(case e test then ... default?)` -> `(let [g e] (case* g default
/// [[tests...] ...] [then ...]))`. A list test groups several constants.
pub(crate) fn case(args: &[Value]) -> Result<Value> {
    let a = margs("case", args, 1, None)?;
    let ge = gensym("G__");
    let clauses = &a[1..];
    let default = if clauses.len() % 2 == 1 {
        clauses[clauses.len() - 1].clone()
    } else {
        no_matching_clause(ge.clone())
    };
    let mut seen: Vec<Value> = Vec::new();
    let mut groups = Vec::new();
    let mut thens = Vec::new();
    for pair in clauses.chunks_exact(2) {
        let tests = if is_seq(&pair[0]) {
            items(&pair[0])?
        } else {
            vec![pair[0].clone()]
        };
        for t in &tests {
            if seen.iter().any(|s| crate::runtime::equality::equiv(s, t)) {
                return Err(illegal_arg(format!(
                    "Duplicate case test constant: {}",
                    form_str(t)
                )));
            }
            seen.push(t.clone());
        }
        groups.push(Value::vector(tests));
        thens.push(pair[1].clone());
    }
    Ok(list![
        core("let"),
        vector![ge.clone(), a[0].clone()],
        list![
            sym("case*"),
            ge,
            default,
            Value::vector(groups),
            Value::vector(thens)
        ]
    ])
}

pub(crate) fn and(args: &[Value]) -> Result<Value> {
    let a = margs("and", args, 0, None)?;
    Ok(match a {
        [] => Value::TRUE,
        [x] => x.clone(),
        [x, rest @ ..] => {
            let g = auto("and");
            list![
                core("let"),
                vector![g.clone(), x.clone()],
                list![sym("if"), g.clone(), splice(vec![core("and")], rest), g]
            ]
        }
    })
}

pub(crate) fn or(args: &[Value]) -> Result<Value> {
    let a = margs("or", args, 0, None)?;
    Ok(match a {
        [] => Value::NIL,
        [x] => x.clone(),
        [x, rest @ ..] => {
            let g = auto("or");
            list![
                core("let"),
                vector![g.clone(), x.clone()],
                list![sym("if"), g.clone(), g, splice(vec![core("or")], rest)]
            ]
        }
    })
}

/// if-let / if-some: `(let [temp tst] (if <test temp> (let [form temp] then) else))`.
fn if_binding(name: &str, args: &[Value], some: bool) -> Result<Value> {
    let form = &args[0];
    let a = margs(name, args, 2, None)?;
    if a.len() == 2 {
        let head = if some { "if-some" } else { "if-let" };
        return Ok(list![core(head), a[0].clone(), a[1].clone(), Value::NIL]);
    }
    if !super::is_vector(&a[0]) {
        return Err(require_err(form, "a vector for its binding"));
    }
    if a.len() > 3 {
        return Err(require_err(form, "1 or 2 forms after binding vector"));
    }
    let (b, tst) = binding_pair(form, &a[0])?;
    let temp = auto("temp");
    let inner = list![core("let"), vector![b, temp.clone()], a[1].clone()];
    let test = if some {
        list![
            sym("if"),
            list![core("nil?"), temp.clone()],
            a[2].clone(),
            inner
        ]
    } else {
        list![sym("if"), temp.clone(), inner, a[2].clone()]
    };
    Ok(list![core("let"), vector![temp, tst], test])
}

pub(crate) fn if_let(args: &[Value]) -> Result<Value> {
    super::specced("if-let", args, if_let_impl)
}

fn if_let_impl(args: &[Value]) -> Result<Value> {
    if_binding("if-let", args, false)
}

pub(crate) fn if_some(args: &[Value]) -> Result<Value> {
    if_binding("if-some", args, true)
}

pub(crate) fn when_let(args: &[Value]) -> Result<Value> {
    super::specced("when-let", args, when_let_impl)
}

fn when_let_impl(args: &[Value]) -> Result<Value> {
    let a = margs("when-let", args, 1, None)?;
    let (b, tst) = binding_pair(&args[0], &a[0])?;
    let temp = auto("temp");
    Ok(list![
        core("let"),
        vector![temp.clone(), tst],
        list![
            core("when"),
            temp.clone(),
            splice(vec![core("let"), vector![b, temp]], &a[1..])
        ]
    ])
}

pub(crate) fn when_some(args: &[Value]) -> Result<Value> {
    let a = margs("when-some", args, 1, None)?;
    let (b, tst) = binding_pair(&args[0], &a[0])?;
    let temp = auto("temp");
    Ok(list![
        core("let"),
        vector![temp.clone(), tst],
        list![
            sym("if"),
            list![core("nil?"), temp.clone()],
            Value::NIL,
            splice(vec![core("let"), vector![b, temp]], &a[1..])
        ]
    ])
}

pub(crate) fn when_first(args: &[Value]) -> Result<Value> {
    let a = margs("when-first", args, 1, None)?;
    let (x, xs) = binding_pair(&args[0], &a[0])?;
    let g = auto("xs");
    Ok(list![
        core("when-let"),
        vector![g.clone(), list![core("seq"), xs]],
        splice(
            vec![core("let"), vector![x, list![core("first"), g]]],
            &a[1..]
        )
    ])
}
