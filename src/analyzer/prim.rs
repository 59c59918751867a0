//! The little of the JVM compiler's primitive type inference a program can
//! observe: `quot`/`rem` inline to `Numbers.quotient(long, long)` when both
//! args are statically primitive longs, and Java's `x / y` then throws
//! "/ by zero" instead of Numbers' "Divide by zero".
//!
//! An expression is a primitive long when it is a long literal, a let/loop
//! local or `^long` param bound to one, or a call of a core fn that the JVM
//! inlines to a long-returning static method (`long`, `int`, `count`, or
//! `+ - * inc dec quot rem bit-*`... over primitive longs). Closed-over
//! locals and loop locals that a recur boxes are not tracked (they stay
//! primitive on the JVM in the first case and not in the second).

use super::Analyzer;
use super::node::{Node, NodeKind};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Value, View};

/// Core fns whose inline form always returns a primitive long/int.
const ALWAYS_LONG: &[&str] = &[
    "long",
    "int",
    "short",
    "byte",
    "count",
    "unchecked-long",
    "unchecked-int",
    "unchecked-short",
    "unchecked-byte",
];

/// Core fns whose inline form returns a primitive long when every arg is one.
const LONG_OF_LONGS: &[&str] = &[
    "+",
    "-",
    "*",
    "inc",
    "dec",
    "quot",
    "rem",
    "unchecked-add",
    "unchecked-subtract",
    "unchecked-multiply",
    "unchecked-inc",
    "unchecked-dec",
    "unchecked-negate",
    "bit-and",
    "bit-or",
    "bit-xor",
    "bit-not",
    "bit-and-not",
    "bit-shift-left",
    "bit-shift-right",
    "unsigned-bit-shift-right",
];

impl<'a> Analyzer<'a> {
    /// The clojure.core name of the var `n` reads, if it reads one.
    fn core_fn_name(&self, n: &Node<'a>) -> Option<String> {
        let NodeKind::Var(id) = n.kind else {
            return None;
        };
        match self.consts.get(id.0 as usize)?.view() {
            View::Var(v) if v.ns_sym().name() == "clojure.core" => Some(v.sym().name().to_string()),
            _ => None,
        }
    }

    /// Is `n` statically a primitive long (see the module doc)?
    pub(super) fn is_prim_long(&self, n: &Node<'a>) -> bool {
        match &n.kind {
            NodeKind::Const(id) => self
                .consts
                .get(id.0 as usize)
                .is_some_and(|v| matches!(v.view(), View::Long(_))),
            NodeKind::Local(l) => self.fns.last().is_some_and(|f| f.prim_long(l.slot)),
            NodeKind::Invoke(f, args) => match self.core_fn_name(f) {
                Some(name) if ALWAYS_LONG.contains(&name.as_str()) => args.len() == 1,
                Some(name) if LONG_OF_LONGS.contains(&name.as_str()) => {
                    !args.is_empty() && args.iter().all(|a| self.is_prim_long(a))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `(quot a b)` / `(rem a b)` of core over two primitive longs: call the
    /// long-only version, whose zero divisor is Java's "/ by zero".
    pub(super) fn prim_long_division(&mut self, f: &Node<'a>, args: &[Node<'a>]) -> Option<Value> {
        let [a, b] = args else {
            return None;
        };
        let name = self.core_fn_name(f)?;
        let op: fn(&[Value]) -> Result<Value> = match name.as_str() {
            "quot" => quot_long,
            "rem" => rem_long,
            _ => return None,
        };
        if !(self.is_prim_long(a) && self.is_prim_long(b)) {
            return None;
        }
        Some(Value::native_fn(&format!("clojure.core/{name}"), op))
    }
}

fn long_args(args: &[Value]) -> Option<(i64, i64)> {
    match args {
        [a, b] => match (a.view(), b.view()) {
            (View::Long(x), View::Long(y)) => Some((x, y)),
            _ => None,
        },
        _ => None,
    }
}

fn by_zero() -> Exception {
    Exception::new(ExClass::ArithmeticException, "/ by zero")
}

/// Numbers.quotient(long, long): Java's `x / y` (wraps for MIN / -1).
fn quot_long(args: &[Value]) -> Result<Value> {
    match long_args(args) {
        Some((_, 0)) => Err(by_zero()),
        Some((x, y)) => Ok(Value::long(x.wrapping_div(y))),
        None => crate::runtime::number::quot(&args[0], &args[1]),
    }
}

/// Numbers.remainder(long, long): Java's `x % y`.
fn rem_long(args: &[Value]) -> Result<Value> {
    match long_args(args) {
        Some((_, 0)) => Err(by_zero()),
        Some((x, y)) => Ok(Value::long(x.wrapping_rem(y))),
        None => crate::runtime::number::rem(&args[0], &args[1]),
    }
}

/// `long`/`double` as a primitive-signature letter (L, D), else O; another
/// primitive type is the JVM compiler's error.
fn prim_letter(m: &Value) -> std::result::Result<u8, (ExClass, &'static str)> {
    let tag = crate::runtime::lookup::get(m, &Value::keyword(None, "tag"));
    let name = match tag.view() {
        View::Symbol(s) if s.ns().is_none() => s.name().to_string(),
        View::Str(s) => s.as_str().to_string(),
        _ => return Ok(b'O'),
    };
    match name.as_str() {
        "long" => Ok(b'L'),
        "double" => Ok(b'D'),
        "int" | "short" | "byte" | "float" | "char" | "boolean" => Err((
            ExClass::IllegalArgumentException,
            "Only long and double primitives are supported",
        )),
        _ => Ok(b'O'),
    }
}

/// The clojure.lang.IFn primitive interface (`clojure.lang.IFn$LL`) a fn
/// arity with the parameter vector `params` implements, as Compiler's
/// primInterface: a param or the return (the vector's :tag) hinted ^long
/// or ^double makes one, and then more than 4 params (counting `&` and the
/// rest param) or a rest param is the JVM's compile error. None otherwise.
pub(super) fn prim_interface(
    params: &Value,
) -> std::result::Result<Option<String>, (ExClass, &'static str)> {
    let items: Vec<Value> = match crate::runtime::seq::iter(params).collect::<Result<_>>() {
        Ok(items) => items,
        Err(_) => return Ok(None),
    };
    let mut sig: Vec<u8> = Vec::with_capacity(items.len() + 1);
    for p in &items {
        sig.push(prim_letter(&crate::runtime::meta::meta(p))?);
    }
    sig.push(prim_letter(&crate::runtime::meta::meta(params))?);
    if !sig.iter().any(|b| *b != b'O') {
        return Ok(None);
    }
    if items.len() > 4 {
        return Err((
            ExClass::IllegalArgumentException,
            "fns taking primitives support only 4 or fewer args",
        ));
    }
    if items
        .iter()
        .any(|p| p.as_symbol().is_some_and(|s| s.name() == "&"))
    {
        return Err((
            ExClass::RuntimeException,
            "fns taking primitives cannot be variadic",
        ));
    }
    let sig = String::from_utf8(sig).unwrap_or_default();
    Ok(crate::runtime::class::is_prim_sig(&sig).then(|| format!("clojure.lang.IFn${sig}")))
}
