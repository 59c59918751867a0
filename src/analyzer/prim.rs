//! The little of the JVM compiler's primitive type inference a program can
//! observe:
//! - `quot`/`rem` inline to `Numbers.quotient(long, long)` when both args
//!   are statically primitive longs, and Java's `x / y` then throws "/ by
//!   zero" instead of Numbers' "Divide by zero";
//! - a `recur` passing a primitive local (a loop local bound to a primitive,
//!   a `^long`/`^double` fn param) a value of another type is a compile
//!   error (" recur arg for primitive local: b is not matching primitive,
//!   had: long, needed: boolean"), except that a loop's long or double local
//!   passed an Object, boolean or double/long is boxed instead.
//!
//! An expression's primitive type (Compiler.maybePrimitiveType) comes from a
//! long or double literal, a local of a primitive type, a call of a core fn
//! that the JVM inlines to a static method returning a primitive (`long`,
//! `int`, `char`, `double`, `boolean`, `count`, `+ - * inc dec quot rem`
//! ... over primitives, `< > <= >= == = zero? pos? neg? nil? identical?
//! instance?`), or an `if` whose branches share one. Closed-over locals are
//! not tracked (they stay primitive on the JVM), nor static Java methods'
//! return types; a loop local that a recur boxes stays primitive for the
//! `quot`/`rem` rule (the JVM re-analyzes that loop with it boxed).

use super::Analyzer;
use super::node::{Node, NodeKind};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Value, View};

/// A JVM primitive type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Prim {
    Long,
    Int,
    Short,
    Byte,
    Char,
    Double,
    Float,
    Boolean,
}

impl Prim {
    pub(super) fn java_name(self) -> &'static str {
        match self {
            Prim::Long => "long",
            Prim::Int => "int",
            Prim::Short => "short",
            Prim::Byte => "byte",
            Prim::Char => "char",
            Prim::Double => "double",
            Prim::Float => "float",
            Prim::Boolean => "boolean",
        }
    }
    /// Integral types Java widens to long in a call.
    fn integral(self) -> bool {
        matches!(self, Prim::Long | Prim::Int | Prim::Short | Prim::Byte)
    }
    /// A loop local's type for an init of this type (LetExpr: int inits
    /// become long, float inits double).
    pub(super) fn loop_local(self) -> Prim {
        match self {
            Prim::Int => Prim::Long,
            Prim::Float => Prim::Double,
            p => p,
        }
    }
}

/// The class an expression has for the compiler when it is not a primitive
/// (Expr.hasJavaClass / getJavaClass).
enum JavaClass {
    Prim(Prim),
    Class(String),
    /// `nil`: a class that is null.
    Nil,
    /// No class known: "Object".
    Unknown,
}

/// Core fns whose inline form returns one primitive type whatever the arg.
const CASTS: &[(&str, Prim)] = &[
    ("long", Prim::Long),
    ("unchecked-long", Prim::Long),
    ("int", Prim::Int),
    ("unchecked-int", Prim::Int),
    ("count", Prim::Int),
    ("short", Prim::Short),
    ("unchecked-short", Prim::Short),
    ("byte", Prim::Byte),
    ("unchecked-byte", Prim::Byte),
    ("char", Prim::Char),
    ("unchecked-char", Prim::Char),
    ("double", Prim::Double),
    ("unchecked-double", Prim::Double),
    ("float", Prim::Float),
    ("unchecked-float", Prim::Float),
    ("boolean", Prim::Boolean),
];

/// Core fns whose inline form returns a primitive boolean, and the arg
/// counts they inline at.
const PREDICATES: &[(&str, usize)] = &[
    ("<", 2),
    (">", 2),
    ("<=", 2),
    (">=", 2),
    ("==", 2),
    ("=", 2),
    ("identical?", 2),
    ("instance?", 2),
    ("zero?", 1),
    ("pos?", 1),
    ("neg?", 1),
    ("nil?", 1),
];

/// Core fns whose inline form returns a primitive long when every arg is
/// one, a double when every arg is a primitive and one is a double.
const ARITHMETIC: &[&str] = &[
    "+",
    "-",
    "*",
    "inc",
    "dec",
    "quot",
    "rem",
    "max",
    "min",
    "unchecked-add",
    "unchecked-subtract",
    "unchecked-multiply",
    "unchecked-inc",
    "unchecked-dec",
    "unchecked-negate",
];

/// Core fns whose inline form returns a primitive long when every arg is
/// an integral primitive.
const BITS: &[&str] = &[
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

    /// Is `n` statically a primitive integral (long, int, short, byte), which
    /// a long parameter takes?
    pub(super) fn is_prim_long(&self, n: &Node<'a>) -> bool {
        self.prim_type(n).is_some_and(Prim::integral)
    }

    /// Compiler.maybePrimitiveType of `n` (see the module doc).
    pub(super) fn prim_type(&self, n: &Node<'a>) -> Option<Prim> {
        match &n.kind {
            NodeKind::Const(id) => match self.consts.get(id.0 as usize)?.view() {
                View::Long(_) => Some(Prim::Long),
                View::Double(_) => Some(Prim::Double),
                _ => None,
            },
            NodeKind::Local(l) => self.fns.last().and_then(|f| f.prim(l.slot)),
            NodeKind::If(_, a, b) => {
                let t = self.prim_type(a)?;
                (self.prim_type(b) == Some(t)).then_some(t)
            }
            NodeKind::Let(_, body) => self.prim_type(body),
            NodeKind::Do(items) => self.prim_type(items.last()?),
            NodeKind::Invoke(f, args) => {
                let name = self.core_fn_name(f)?;
                let name = name.as_str();
                if let Some((_, p)) = CASTS.iter().find(|(n, _)| *n == name) {
                    return (args.len() == 1).then_some(*p);
                }
                if PREDICATES.contains(&(name, args.len())) {
                    return Some(Prim::Boolean);
                }
                let bits = BITS.contains(&name);
                if !(bits || ARITHMETIC.contains(&name)) || args.is_empty() {
                    return None;
                }
                let mut double = false;
                for a in args.iter() {
                    match self.prim_type(a)? {
                        p if p.integral() => {}
                        Prim::Double | Prim::Float if !bits => double = true,
                        _ => return None,
                    }
                }
                Some(if double { Prim::Double } else { Prim::Long })
            }
            _ => None,
        }
    }

    /// Expr.getJavaClass of `n`, for the recur error's "had:".
    fn java_class(&self, n: &Node<'a>) -> JavaClass {
        if let Some(p) = self.prim_type(n) {
            return JavaClass::Prim(p);
        }
        match &n.kind {
            NodeKind::Const(id) => match self.consts.get(id.0 as usize) {
                Some(v) if v.is_nil() => JavaClass::Nil,
                Some(v) => JavaClass::Class(v.class_name().to_string()),
                None => JavaClass::Unknown,
            },
            NodeKind::If(_, a, b) => match (self.java_class(a), self.java_class(b)) {
                (JavaClass::Class(x), JavaClass::Class(y)) if x == y => JavaClass::Class(x),
                _ => JavaClass::Unknown,
            },
            NodeKind::Let(_, body) => self.java_class(body),
            NodeKind::Do(items) => items
                .last()
                .map_or(JavaClass::Unknown, |x| self.java_class(x)),
            NodeKind::New(c, _) => JavaClass::Class(c.name.to_string()),
            // A call of a var tagged with its return class (`str`, `not`).
            NodeKind::Invoke(f, _) => match &f.kind {
                NodeKind::Var(id) => match self.consts.get(id.0 as usize).map(|v| v.view()) {
                    Some(View::Var(v)) => {
                        let tag =
                            crate::runtime::lookup::get(&v.meta(), &Value::keyword(None, "tag"));
                        match tag.as_symbol() {
                            Some(t) if t.ns().is_none() => {
                                JavaClass::Class(if t.name().contains('.') {
                                    t.name().to_string()
                                } else {
                                    format!("java.lang.{}", t.name())
                                })
                            }
                            _ => JavaClass::Unknown,
                        }
                    }
                    _ => JavaClass::Unknown,
                },
                _ => JavaClass::Unknown,
            },
            _ => JavaClass::Unknown,
        }
    }

    /// RecurExpr's check of the arg passed to a primitive local (`name` of
    /// type `needed`): Ok(true) when it fits, Ok(false) when a loop boxes
    /// the local instead (`boxable`), else the compiler's exception.
    pub(super) fn check_recur_arg(
        &self,
        name: &str,
        needed: Prim,
        arg: &Node<'a>,
        boxable: bool,
    ) -> std::result::Result<bool, Exception> {
        let had = self.prim_type(arg);
        // RecurExpr.Parser's mismatch: a long or double local passed a
        // value Java would not widen to it is re-boxed in a loop.
        let mismatch = match needed {
            Prim::Long => !matches!(had, Some(p) if p.integral() || p == Prim::Char),
            Prim::Double => !matches!(had, Some(Prim::Double | Prim::Float)),
            _ => false,
        };
        if mismatch && boxable {
            return Ok(false);
        }
        // RecurExpr.emit: the conversions it knows.
        let fits = match (needed, had) {
            (n, Some(h)) if n == h => true,
            (Prim::Long, Some(Prim::Int)) | (Prim::Double, Some(Prim::Float)) => true,
            _ => false,
        };
        if fits {
            return Ok(true);
        }
        let had = match self.java_class(arg) {
            JavaClass::Prim(p) => p.java_name().to_string(),
            JavaClass::Class(c) => c,
            JavaClass::Unknown => "Object".to_string(),
            JavaClass::Nil => {
                return Err(Exception::new(
                    ExClass::NullPointerException,
                    "Cannot invoke \"java.lang.Class.getName()\" because the return value of \"clojure.lang.Compiler$Expr.getJavaClass()\" is null",
                ));
            }
        };
        Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                " recur arg for primitive local: {name} is not matching primitive, had: {had}, needed: {}",
                needed.java_name()
            ),
        ))
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
