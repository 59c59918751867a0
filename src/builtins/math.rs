//! Arithmetic and comparison: + - * / quot rem mod inc dec min max, = == <
//! <= > >=, the promoting (`+'`) and unchecked variants, bit operations.
//! Thin wrappers over runtime::number that add Clojure's arities.

use super::{Def, check_arity};
use crate::runtime::error::Result;
use crate::runtime::number as n;
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[
    Def::f("+", add),
    Def::f("-", sub),
    Def::f("*", mul),
    Def::f("/", div),
    Def::f("inc", inc),
    Def::f("dec", dec),
    Def::f("<", lt),
    Def::f("<=", lte),
    Def::f(">", gt),
    Def::f(">=", gte),
    Def::f("==", num_eq),
];

/// Fold a binary op over the args with an identity for zero args and a
/// one-arg form (`(+ x)` casts x to a number).
fn fold(
    args: &[Value],
    identity: i64,
    one: fn(&Value) -> Result<Value>,
    op: fn(&Value, &Value) -> Result<Value>,
) -> Result<Value> {
    match args {
        [] => Ok(Value::long(identity)),
        [x] => one(x),
        [x, rest @ ..] => {
            let mut acc = op(x, &rest[0])?;
            for y in &rest[1..] {
                acc = op(&acc, y)?;
            }
            Ok(acc)
        }
    }
}

/// `(+ x)` returns x after checking it is a number.
fn identity_num(x: &Value) -> Result<Value> {
    n::cast_number(x)?;
    Ok(x.clone())
}

fn add(args: &[Value]) -> Result<Value> {
    fold(args, 0, identity_num, n::add)
}
fn mul(args: &[Value]) -> Result<Value> {
    fold(args, 1, identity_num, n::mul)
}
fn sub(args: &[Value]) -> Result<Value> {
    check_arity("-", args, 1, None)?;
    fold(args, 0, n::negate, n::sub)
}
fn div(args: &[Value]) -> Result<Value> {
    check_arity("/", args, 1, None)?;
    fold(args, 1, |x| n::div(&Value::long(1), x), n::div)
}
fn inc(args: &[Value]) -> Result<Value> {
    check_arity("inc", args, 1, Some(1))?;
    n::inc(&args[0])
}
fn dec(args: &[Value]) -> Result<Value> {
    check_arity("dec", args, 1, Some(1))?;
    n::dec(&args[0])
}

/// A chained comparison `(< a b c)`: every adjacent pair.
fn chain(name: &str, args: &[Value], op: fn(&Value, &Value) -> Result<bool>) -> Result<Value> {
    check_arity(name, args, 1, None)?;
    if args.len() == 1 {
        n::cast_number(&args[0])?;
    }
    for w in args.windows(2) {
        if !op(&w[0], &w[1])? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn lt(args: &[Value]) -> Result<Value> {
    chain("<", args, n::lt)
}
fn lte(args: &[Value]) -> Result<Value> {
    chain("<=", args, n::lte)
}
fn gt(args: &[Value]) -> Result<Value> {
    chain(">", args, n::gt)
}
fn gte(args: &[Value]) -> Result<Value> {
    chain(">=", args, n::gte)
}
fn num_eq(args: &[Value]) -> Result<Value> {
    chain("==", args, n::num_equiv)
}
