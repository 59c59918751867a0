//! The `:inline` and `:inline-arities` metadata of clojure.core's fns, as
//! core.clj gives them: `(:inline (meta #'+))` is a fn from the call's
//! argument forms to the static call the JVM compiles instead
//! (`(. clojure.lang.Numbers (add x y))`). cljw's compiler does not use
//! them (it compiles the calls itself); code walkers that expand inline
//! fns (riddley.walk's `macroexpand-all`) do, and the expansions evaluate
//! through the clojure.lang statics `interop::clojure_lang` models.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;

/// The shape of an expansion.
#[derive(Clone, Copy)]
enum Shape {
    /// `(. Class (method args...))`
    Call,
    /// `(. Class method args...)`
    Flat,
    /// `(Class/method args...)`
    Static,
    /// core.clj's nary-inline: `(. Class (op x y))` nested left to right.
    Nary,
    /// `(. Class (method a (clojure.core/int i) args...))`: aget/aset.
    IntIndex,
}

/// Which arities a var's inline applies to (`:inline-arities`).
#[derive(Clone, Copy)]
enum Arities {
    /// No `:inline-arities` key: every arity.
    All,
    /// A set of arities.
    Set(&'static [i64]),
    /// `>1?` / `>0?`: more than n arguments.
    Over(i64),
}

struct Inline {
    var: &'static str,
    class: &'static str,
    method: &'static str,
    /// The method used while `*unchecked-math*` is true.
    unchecked: Option<&'static str>,
    shape: Shape,
    arities: Arities,
}

const fn call(var: &'static str, class: &'static str, method: &'static str) -> Inline {
    Inline {
        var,
        class,
        method,
        unchecked: None,
        shape: Shape::Call,
        arities: Arities::All,
    }
}

impl Inline {
    const fn unchecked(mut self, m: &'static str) -> Inline {
        self.unchecked = Some(m);
        self
    }
    const fn shape(mut self, s: Shape) -> Inline {
        self.shape = s;
        self
    }
    const fn arities(mut self, a: Arities) -> Inline {
        self.arities = a;
        self
    }
}

const N: &str = "clojure.lang.Numbers";
const RT: &str = "clojure.lang.RT";
const UTIL: &str = "clojure.lang.Util";
const TWO: Arities = Arities::Set(&[2]);
const ONE: Arities = Arities::Set(&[1]);
const ONE_TWO: Arities = Arities::Set(&[1, 2]);

fn nary(var: &'static str, op: &'static str, gt: i64) -> Inline {
    call(var, N, op)
        .shape(Shape::Nary)
        .arities(Arities::Over(gt))
}

fn table() -> Vec<Inline> {
    use Shape::*;
    vec![
        call("nil?", UTIL, "identical").shape(Static),
        call("identical?", UTIL, "identical")
            .shape(Flat)
            .arities(TWO),
        call("=", UTIL, "equiv").shape(Flat).arities(TWO),
        call("compare", UTIL, "compare").shape(Flat),
        call("zero?", N, "isZero"),
        call("count", RT, "count"),
        call("int", RT, "intCast").unchecked("uncheckedIntCast"),
        call("nth", RT, "nth").arities(Arities::Set(&[2, 3])),
        call("<", N, "lt").arities(TWO),
        call("inc'", N, "incP"),
        call("inc", N, "inc").unchecked("unchecked_inc"),
        nary("+'", "addP", 1),
        nary("+", "add", 1).unchecked("unchecked_add"),
        nary("*'", "multiplyP", 1),
        nary("*", "multiply", 1).unchecked("unchecked_multiply"),
        nary("/", "divide", 1),
        nary("-'", "minusP", 0),
        nary("-", "minus", 0).unchecked("unchecked_minus"),
        call("<=", N, "lte").arities(TWO),
        call(">", N, "gt").arities(TWO),
        call(">=", N, "gte").arities(TWO),
        call("==", N, "equiv").arities(TWO),
        nary("max", "max", 1),
        nary("min", "min", 1),
        call("abs", N, "abs").shape(Static).arities(ONE),
        call("dec'", N, "decP"),
        call("dec", N, "dec").unchecked("unchecked_dec"),
        call("unchecked-inc-int", N, "unchecked_int_inc"),
        call("unchecked-inc", N, "unchecked_inc"),
        call("unchecked-dec-int", N, "unchecked_int_dec"),
        call("unchecked-dec", N, "unchecked_dec"),
        call("unchecked-negate-int", N, "unchecked_int_negate"),
        call("unchecked-negate", N, "unchecked_minus"),
        call("unchecked-add-int", N, "unchecked_int_add"),
        call("unchecked-add", N, "unchecked_add"),
        call("unchecked-subtract-int", N, "unchecked_int_subtract"),
        call("unchecked-subtract", N, "unchecked_minus"),
        call("unchecked-multiply-int", N, "unchecked_int_multiply"),
        call("unchecked-multiply", N, "unchecked_multiply"),
        call("unchecked-divide-int", N, "unchecked_int_divide"),
        call("unchecked-remainder-int", N, "unchecked_int_remainder"),
        call("pos?", N, "isPos"),
        call("neg?", N, "isNeg"),
        call("quot", N, "quotient"),
        call("rem", N, "remainder"),
        call("bit-not", N, "not"),
        nary("bit-and", "and", 1),
        nary("bit-or", "or", 1),
        nary("bit-xor", "xor", 1),
        nary("bit-and-not", "andNot", 1),
        call("bit-shift-left", N, "shiftLeft"),
        call("bit-shift-right", N, "shiftRight"),
        call("unsigned-bit-shift-right", N, "unsignedShiftRight"),
        call("get", RT, "get").arities(Arities::Set(&[2, 3])),
        call("boolean", RT, "booleanCast"),
        call("reduced?", RT, "isReduced").shape(Static).arities(ONE),
        call("num", N, "num"),
        call("long", RT, "longCast"),
        call("float", RT, "floatCast").unchecked("uncheckedFloatCast"),
        call("double", RT, "doubleCast"),
        call("short", RT, "shortCast").unchecked("uncheckedShortCast"),
        call("byte", RT, "byteCast").unchecked("uncheckedByteCast"),
        call("char", RT, "charCast").unchecked("uncheckedCharCast"),
        call("unchecked-byte", RT, "uncheckedByteCast"),
        call("unchecked-short", RT, "uncheckedShortCast"),
        call("unchecked-char", RT, "uncheckedCharCast"),
        call("unchecked-int", RT, "uncheckedIntCast"),
        call("unchecked-long", RT, "uncheckedLongCast"),
        call("unchecked-float", RT, "uncheckedFloatCast"),
        call("unchecked-double", RT, "uncheckedDoubleCast"),
        call("alength", RT, "alength"),
        call("aclone", RT, "aclone"),
        call("aget", RT, "aget").shape(IntIndex).arities(TWO),
        call("aset", RT, "aset")
            .shape(IntIndex)
            .arities(Arities::Set(&[3])),
        call("float-array", N, "float_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("boolean-array", N, "boolean_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("byte-array", N, "byte_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("char-array", N, "char_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("short-array", N, "short_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("double-array", N, "double_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("object-array", RT, "object_array")
            .shape(Flat)
            .arities(ONE),
        call("int-array", N, "int_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("long-array", N, "long_array")
            .shape(Flat)
            .arities(ONE_TWO),
        call("NaN?", "java.lang.Double", "isNaN")
            .shape(Static)
            .arities(ONE),
        call("infinite?", "java.lang.Double", "isInfinite")
            .shape(Static)
            .arities(ONE),
    ]
}

fn sym(s: &str) -> Value {
    Value::symbol(None, s)
}

/// `(. class (method args...))`
fn dot_call(class: &str, method: Value, args: &[Value]) -> Value {
    let mut inner = vec![method];
    inner.extend_from_slice(args);
    Value::list(vec![sym("."), sym(class), Value::list(inner)])
}

/// The expansion of `spec` applied to the argument forms `args`.
fn expand(spec: &Inline, args: &[Value]) -> Result<Value> {
    let method = match spec.unchecked {
        Some(u)
            if crate::runtime::core_vars::core_vars()
                .unchecked_math
                .get()
                .is_some_and(|v| v.truthy()) =>
        {
            u
        }
        _ => spec.method,
    };
    let arity = || {
        Exception::new(
            ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: clojure.core/{}/fn",
                args.len(),
                spec.var
            ),
        )
    };
    // core.clj writes most method names inside a syntax-quote, which
    // qualifies them (`(. clojure.lang.RT (clojure.core/count x))`; `.`
    // ignores the namespace); a method chosen by `*unchecked-math*` or by
    // nary-inline is unquoted in, as a plain symbol.
    let method = if spec.unchecked.is_none() && !matches!(spec.shape, Shape::Nary | Shape::Static) {
        Value::symbol(Some("clojure.core"), method)
    } else {
        sym(method)
    };
    Ok(match spec.shape {
        Shape::Call => dot_call(spec.class, method, args),
        Shape::Flat => {
            let mut v = vec![sym("."), sym(spec.class), method];
            v.extend_from_slice(args);
            Value::list(v)
        }
        Shape::Static => {
            let mut v = vec![Value::symbol(Some(spec.class), spec.method)];
            v.extend_from_slice(args);
            if spec.var == "nil?" {
                v.push(Value::NIL);
            }
            Value::list(v)
        }
        Shape::IntIndex => {
            let [a, i, rest @ ..] = args else {
                return Err(arity());
            };
            let int = Value::list(vec![Value::symbol(Some("clojure.core"), "int"), i.clone()]);
            let mut call = vec![a.clone(), int];
            call.extend_from_slice(rest);
            dot_call(spec.class, method, &call)
        }
        Shape::Nary => match args {
            [] => return Err(arity()),
            [x] => dot_call(spec.class, method, std::slice::from_ref(x)),
            [x, y, more @ ..] => {
                let mut acc = dot_call(spec.class, method.clone(), &[x.clone(), y.clone()]);
                for b in more {
                    acc = dot_call(spec.class, method.clone(), &[acc, b.clone()]);
                }
                acc
            }
        },
    })
}

/// `>1?` / `>0?`: core.clj's private arity predicates.
fn over(n: i64) -> Value {
    Value::native_closure(&format!("clojure.core/>{n}?"), move |args| match args {
        [x] => Ok(Value::bool(
            crate::runtime::number::convert::to_long(x)? > n,
        )),
        _ => Err(Exception::new(
            ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: clojure.core/>{n}?",
                args.len()
            ),
        )),
    })
}

/// The `:inline` fn and `:inline-arities` value of clojure.core/`name`.
pub(super) fn inline_meta(name: &str) -> Option<(Value, Option<Value>)> {
    let spec = table().into_iter().find(|s| s.var == name)?;
    let arities = match spec.arities {
        Arities::All => None,
        Arities::Set(ns) => Some(Value::set_from(
            ns.iter().map(|n| Value::long(*n)).collect(),
        )),
        Arities::Over(n) => Some(over(n)),
    };
    let f = Value::native_closure(&format!("clojure.core/{name}/fn"), move |args| {
        expand(&spec, args)
    });
    Some((f, arities))
}
