//! Function objects and the call-dispatch table.
//!
//! runtime/ must call closures (a `reduce` with a user fn, a lazy-seq thunk)
//! without importing the engine: the engine installs its invoke function here
//! at startup, and `invoke` routes native fns, keywords, maps, sets and vectors
//! itself.

use super::compare::cast_message;
use super::error::{ExClass, Exception, Result, err};
use super::number::BigInt;
use super::value::{Value, View};
use crate::bytecode::Closure;
use num_traits::ToPrimitive;
use std::sync::OnceLock;

/// A builtin implemented in Rust.
pub type NativeFnPtr = fn(&[Value]) -> Result<Value>;

/// A builtin that may take ownership of its arguments (`std::mem::take`).
/// Both backends pass the argument slots themselves, so a native that walks a
/// whole seq (`last`, `reduce`, `count`...) can drop the head as it goes and
/// the caller retains nothing: `(last (range 1e8))` runs in constant memory.
pub type NativeOwnedFnPtr = fn(&mut [Value]) -> Result<Value>;

/// A variadic builtin that must see its rest args as a seq, so `apply` can
/// pass an unrealised (even infinite) one, as a JVM RestFn's doInvoke gets
/// it: `(apply concat (repeat [1]))`. Gets at most `required` fixed args and
/// the rest as a seq (nil when there is none).
pub type NativeRestFnPtr = fn(&[Value], Value) -> Result<Value>;

pub enum FnKind {
    Native(NativeFnPtr),
    NativeOwned(NativeOwnedFnPtr),
    /// A variadic builtin and the number of fixed params it requires.
    NativeRest(NativeRestFnPtr, usize),
    /// A fn made at run time by a builtin (`comparator`, `partial`...): a
    /// Rust closure over captured values.
    NativeClosure(super::gc::Ref<NativeClosureFn>),
    /// A closure of the bytecode VM.
    Bytecode(Closure),
    /// A closure of the tree-walking reference backend (the one engine type
    /// the runtime names: closures are a runtime type, so callers dispatch
    /// on the kind without downcasts).
    Tree(crate::evaluator::TreeClosure),
}

pub struct Fn {
    /// A builtin's name; closures are named by their code.
    name: Option<Box<str>>,
    pub kind: FnKind,
    pub meta: Option<Value>,
}

/// The backends' entry points, installed once at startup (runtime/ does
/// not import the engines). Args given as `&mut` are moved out by the callee.
pub struct EngineCalls {
    pub bytecode: fn(&Value, &Closure, &mut [Value]) -> Result<Value>,
    /// The same with borrowed args (copied onto the VM's stack).
    pub bytecode_ref: fn(&Value, &Closure, &[Value]) -> Result<Value>,
    pub tree: fn(&Value, &crate::evaluator::TreeClosure, &[Value]) -> Result<Value>,
    /// The variadic arity with its rest param bound to the seq as it is.
    pub bytecode_rest: fn(&Value, &Closure, &[Value], Value) -> Result<Value>,
    pub tree_rest: fn(&Value, &crate::evaluator::TreeClosure, &[Value], Value) -> Result<Value>,
    pub tree_variadic_required: fn(&crate::evaluator::TreeClosure) -> Option<usize>,
}
static ENGINE: OnceLock<EngineCalls> = OnceLock::new();

/// Called once by the engine at startup.
pub fn install_engine(h: EngineCalls) {
    let _ = ENGINE.set(h);
}

#[cold]
fn no_engine() -> Exception {
    Exception::new(
        ExClass::IllegalStateException,
        "no engine installed to call closures",
    )
}

/// clojure.lang.ArityException for a fn called with `n` args.
pub fn arity_error(name: &str, n: usize) -> Exception {
    // The demunged class name: a nested fn's `outer$inner--12` shows as
    // `outer/inner--12`.
    let name = name.replace('$', "/");
    Exception::new(
        ExClass::ArityException,
        format!("Wrong number of args ({n}) passed to: {name}"),
    )
}

/// `(.applyTo f args)`: call `f` with the elements of the seq `args`. A
/// variadic fn gets its rest param unrealised, as RestFn.applyTo does: only
/// `required + 2` cells are realised (RT.boundedLength), so a fn may be
/// applied to an infinite seq. Other fns get every element.
pub fn apply_to(fv: &Value, args: Value) -> Result<Value> {
    let required = match fv.view() {
        View::Fn(f) => match &f.kind {
            FnKind::NativeRest(_, r) => Some(*r),
            FnKind::Bytecode(c) => c
                .proto
                .arities
                .iter()
                .find(|a| a.variadic)
                .map(|a| a.required as usize),
            FnKind::Tree(c) => ENGINE.get().and_then(|h| (h.tree_variadic_required)(c)),
            _ => None,
        },
        _ => None,
    };
    let Some(required) = required else {
        let mut argv: Vec<Value> = super::seq::into_iter(args).collect::<Result<_>>()?;
        return call(fv, &mut argv);
    };
    // RT.boundedLength(args, required): walk cells while i <= required
    // (realising one past the rest's head, as the JVM does); the cell at
    // `required` is the rest seq itself, passed on unrealised.
    let mut fixed = Vec::with_capacity(required);
    let mut rest = Value::NIL;
    let mut cell = super::seq::seq(&args)?;
    drop(args);
    let mut n = 0;
    while !cell.is_nil() && n <= required {
        let next = super::seq::next(&cell)?;
        if n < required {
            fixed.push(super::seq::first(&cell)?);
        } else {
            rest = cell;
        }
        cell = next;
        n += 1;
    }
    drop(cell);
    if n <= required {
        return call(fv, &mut fixed);
    }
    let View::Fn(f) = fv.view() else {
        return call(fv, &mut fixed);
    };
    let h = ENGINE.get().ok_or_else(no_engine)?;
    match &f.kind {
        FnKind::NativeRest(p, _) => p(&fixed, rest),
        FnKind::Bytecode(c) => (h.bytecode_rest)(fv, c, &fixed, rest),
        FnKind::Tree(c) => (h.tree_rest)(fv, c, &fixed, rest),
        _ => call(fv, &mut fixed),
    }
}

/// Call a fn value (`fv` is the Value whose view is `f`) with borrowed args.
#[inline]
pub fn invoke_fn(fv: &Value, f: &Fn, args: &[Value]) -> Result<Value> {
    // Calls from Rust (reduce, map, iterate...) are safe points.
    super::interrupt::check()?;
    call_common(fv, f, args)
}

/// Call with borrowed args (a native that takes ownership gets copies).
#[inline(always)]
fn call_common(fv: &Value, f: &Fn, args: &[Value]) -> Result<Value> {
    match &f.kind {
        FnKind::Native(p) => p(args),
        FnKind::NativeRest(p, req) => match args.split_at_checked(*req) {
            Some((fixed, rest)) if !rest.is_empty() => {
                p(fixed, super::seq::ArraySeq::value(rest.to_vec()))
            }
            _ => p(args, Value::NIL),
        },
        // A native closure may call another (`comp` of a million `comp`s):
        // each level counts, like a bytecode frame.
        FnKind::NativeClosure(c) => {
            let _depth = super::stack::enter()?;
            c(args)
        }
        FnKind::Tree(c) => (ENGINE.get().ok_or_else(no_engine)?.tree)(fv, c, args),
        FnKind::NativeOwned(p) => p(&mut args.to_vec()),
        FnKind::Bytecode(c) => (ENGINE.get().ok_or_else(no_engine)?.bytecode_ref)(fv, c, args),
    }
}

/// Call a fn value with args it may move out (left nil or unspecified):
/// the one path from Rust into any fn.
#[inline]
pub fn call_fn(fv: &Value, f: &Fn, args: &mut [Value]) -> Result<Value> {
    // Calls from Rust (reduce, map, iterate...) are safe points.
    super::interrupt::check()?;
    match &f.kind {
        FnKind::NativeOwned(p) => p(args),
        FnKind::Bytecode(c) => (ENGINE.get().ok_or_else(no_engine)?.bytecode)(fv, c, args),
        _ => call_common(fv, f, args),
    }
}

/// clojure.lang.ArityException as AFn.throwArity / Keyword.throwArity make it.
fn arity<T>(n: usize, name: &str) -> Result<T> {
    err::throw(
        ExClass::ArityException,
        format!("Wrong number of args ({n}) passed to: {name}"),
    )
}

/// Call any invokable value: fns, keywords and symbols (`(:k m)`,
/// `(:k m default)`), maps (`({:a 1} :a)`), sets and vectors (`([1 2] 0)`).
pub fn invoke(f: &Value, args: &[Value]) -> Result<Value> {
    match f.view() {
        View::Fn(func) => invoke_fn(f, func, args),
        _ => invoke_other(f, args),
    }
}

/// Call any invokable value with args it may move out.
#[inline]
pub fn call(f: &Value, args: &mut [Value]) -> Result<Value> {
    match f.view() {
        View::Fn(func) => call_fn(f, func, args),
        _ => invoke_other(f, args),
    }
}

/// `invoke` of callables other than fns.
fn invoke_other(f: &Value, args: &[Value]) -> Result<Value> {
    match f.view() {
        View::Fn(func) => invoke_fn(f, func, args),
        // A var or multimethod may lead back to itself (`(def x #'x)`):
        // each hop counts as a call level.
        View::Var(v) => {
            let _depth = super::stack::enter()?;
            invoke(&v.deref()?, args)
        }
        View::MultiFn(m) => {
            let _depth = super::stack::enter()?;
            super::multi::invoke(m, args)
        }
        View::Keyword(k) => match args {
            [m] => get(m, f, Value::NIL),
            [m, d] => get(m, f, d.clone()),
            _ => arity(args.len(), &k.to_string()),
        },
        View::Symbol(_) => match args {
            [m] => get(m, f, Value::NIL),
            [m, d] => get(m, f, d.clone()),
            _ => arity(args.len(), f.class_name()),
        },
        // Transients are IFns on the JVM: ATransientMap/ATransientSet.invoke is
        // valAt (with a default too); TransientVector's takes an integer index.
        View::TransientMap(_) | View::TransientSet(_) => match args {
            [k] => transient_lookup(f, k, Value::NIL),
            [k, d] => transient_lookup(f, k, d.clone()),
            _ => arity(args.len(), f.class_name()),
        },
        View::TransientVector(t) => match args {
            [i] => {
                if !matches!(i.view(), View::Long(_) | View::BigInt(_)) {
                    return err::illegal_arg("Key must be integer");
                }
                let idx = int_value(i).and_then(|n| usize::try_from(n).ok());
                match idx {
                    Some(n) => match t.nth(n)? {
                        Some(v) => Ok(v),
                        None => Err(super::error::Exception::new(
                            super::error::ExClass::IndexOutOfBoundsException,
                            "",
                        )),
                    },
                    None => Err(super::error::Exception::new(
                        super::error::ExClass::IndexOutOfBoundsException,
                        "",
                    )),
                }
            }
            _ => arity(args.len(), f.class_name()),
        },
        View::ArrayMap(_) | View::HashMap(_) | View::SortedMap(_) => match args {
            [k] => get(f, k, Value::NIL),
            [k, d] => get(f, k, d.clone()),
            _ => arity(args.len(), f.class_name()),
        },
        View::HashSet(_) | View::SortedSet(_) => match args {
            [k] => get(f, k, Value::NIL),
            _ => arity(args.len(), f.class_name()),
        },
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_) => match args {
            [i] => vector_invoke(f, i),
            _ => arity(args.len(), f.class_name()),
        },
        // `(p v)` delivers a promise (it is an IFn on the JVM).
        View::Promise(p) => match args {
            [v] => Ok(if p.deliver(v.clone()) {
                f.clone()
            } else {
                Value::NIL
            }),
            _ => arity(args.len(), f.class_name()),
        },
        View::Instance(i) if i.has_method("invoke") => {
            crate::runtime::types::call_method(f, "invoke", args).unwrap_or(Ok(Value::NIL))
        }
        View::Nil => err::npe(format!(
            "Cannot invoke \"clojure.lang.IFn.invoke({})\"",
            vec!["Object"; args.len()].join(", ")
        )),
        _ => err::class_cast(cast_message(f.class_name(), "clojure.lang.IFn")),
    }
}

fn transient_lookup(t: &Value, k: &Value, not_found: Value) -> Result<Value> {
    Ok(super::coll::ops::transient_get(t, k, not_found.clone())?.unwrap_or(not_found))
}

/// `([1 2] i)`: the key must be an integer (Long or BigInt); out of range is
/// IndexOutOfBoundsException with no message.
fn vector_invoke(v: &Value, i: &Value) -> Result<Value> {
    if !super::number::is_util_integer(i) {
        return err::illegal_arg("Key must be integer");
    }
    let idx = int_value(i).unwrap_or(-1);
    let item = match v.view() {
        View::Vector(vec) => usize::try_from(idx).ok().and_then(|n| vec.nth(n).cloned()),
        View::SubVector(vec) => usize::try_from(idx).ok().and_then(|n| vec.nth(n).cloned()),
        View::MapEntry(e) => match idx {
            0 => Some(e.key().clone()),
            1 => Some(e.val().clone()),
            _ => None,
        },
        _ => None,
    };
    item.ok_or_else(|| Exception::full(ExClass::IndexOutOfBoundsException, None, None, None))
}

/// Java's `Number.intValue()`: truncation to 32 bits.
fn int_value(n: &Value) -> Option<i32> {
    match n.view() {
        View::Long(x) => Some(x as i32),
        View::Double(d) => Some(d as i32),
        View::BigInt(b) => Some(low_32_bits(b)),
        View::Ratio(r) => Some(low_32_bits(&r.to_integer())),
        View::BigDec(d) => d.to_f64().map(|f| f as i32),
        _ => None,
    }
}

fn low_32_bits(b: &BigInt) -> i32 {
    let m = BigInt::from(1u64 << 32);
    let r = ((b % &m) + &m) % &m;
    r.to_u32().unwrap_or(0) as i32
}

/// RT.get: maps by key, sets by member, vectors by integer index, strings by
/// numeric index; anything else (and a missing key) gives `not_found`. Only
/// a sorted coll's comparator can throw.
pub fn get(coll: &Value, key: &Value, not_found: Value) -> Result<Value> {
    Ok(match coll.view() {
        View::ArrayMap(m) => {
            super::equality::realise_array_map_key(key, m.count())?;
            m.get(key).cloned().unwrap_or(not_found)
        }
        View::HashMap(m) => {
            super::hash::check_key(key)?;
            m.get(key).cloned().unwrap_or(not_found)
        }
        View::HashSet(s) => {
            super::hash::check_key(key)?;
            s.get(key).cloned().unwrap_or(not_found)
        }
        View::SortedMap(m) => m.get(key)?.cloned().unwrap_or(not_found),
        View::SortedSet(s) => s.get(key)?.cloned().unwrap_or(not_found),
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_) => {
            if !super::number::is_util_integer(key) {
                return Ok(not_found);
            }
            vector_invoke(coll, key).unwrap_or(not_found)
        }
        View::Str(s) => {
            let Some(i) = int_value(key).and_then(|i| usize::try_from(i).ok()) else {
                return Ok(not_found);
            };
            s.unit_at(i).map_or(not_found, Value::char_unit)
        }
        View::Instance(i) if i.is_record() => i.record_get(key)?.unwrap_or(not_found),
        // Transients are ILookups (RT.getFrom)
        View::TransientMap(_) | View::TransientSet(_) | View::TransientVector(_) => {
            super::coll::ops::transient_get(coll, key, not_found.clone())?.unwrap_or(not_found)
        }
        View::HostObject(o @ super::object::HostObject::JavaMap(..)) => {
            o.java_map_entry(key).map_or(not_found, |(_, v)| v)
        }
        // Arrays by a Number key's intValue (RT.getFrom); other keys miss.
        View::HostObject(super::object::HostObject::Array(_, items)) => {
            let Some(i) = int_value(key) else {
                return Ok(not_found);
            };
            usize::try_from(i)
                .ok()
                .and_then(|i| super::gc::lock(items).get(i).cloned())
                .unwrap_or(not_found)
        }
        View::Instance(_) => {
            // RT.get: valAt(key) without a default, valAt(key, nf) with one.
            let args = if not_found.is_nil() {
                vec![key.clone()]
            } else {
                vec![key.clone(), not_found.clone()]
            };
            match crate::runtime::types::call_method(coll, "valAt", &args) {
                Some(r) => r?,
                // A java.util.Map's containsKey/get, else an IPersistentSet's
                // contains/get.
                None => {
                    let k = std::slice::from_ref(key);
                    let has = crate::runtime::types::call_method(coll, "containsKey", k)
                        .or_else(|| crate::runtime::types::call_method(coll, "contains", k))
                        .transpose()?;
                    match has {
                        Some(h) if h.truthy() => {
                            match crate::runtime::types::call_method(coll, "get", k) {
                                Some(r) => r?,
                                None => not_found,
                            }
                        }
                        _ => not_found,
                    }
                }
            }
        }
        _ => not_found,
    })
}

impl Fn {
    pub fn new(name: Option<&str>, kind: FnKind) -> Fn {
        Fn {
            name: name.map(Box::from),
            kind,
            meta: None,
        }
    }
    pub fn native(name: &str, f: NativeFnPtr) -> Fn {
        Fn::new(Some(name), FnKind::Native(f))
    }
    /// `ns/name` of a closure, a builtin's name.
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            FnKind::Bytecode(c) => Some(&c.proto.name),
            FnKind::Tree(c) => Some(c.name()),
            _ => self.name.as_deref(),
        }
    }
    /// The same fn with other metadata.
    pub fn with_meta(&self, meta: Option<Value>) -> Fn {
        Fn {
            name: self.name.clone(),
            kind: match &self.kind {
                FnKind::Native(p) => FnKind::Native(*p),
                FnKind::NativeOwned(p) => FnKind::NativeOwned(*p),
                FnKind::NativeRest(p, r) => FnKind::NativeRest(*p, *r),
                FnKind::NativeClosure(c) => FnKind::NativeClosure(c.clone()),
                FnKind::Bytecode(c) => FnKind::Bytecode(c.clone()),
                FnKind::Tree(c) => FnKind::Tree(c.clone()),
            },
            meta,
        }
    }
}

/// The Rust closure type behind a `FnKind::NativeClosure`.
#[cfg(feature = "threads")]
pub type NativeClosureFn = dyn std::ops::Fn(&[Value]) -> Result<Value> + Send + Sync;
/// The Rust closure type behind a `FnKind::NativeClosure`.
#[cfg(not(feature = "threads"))]
pub type NativeClosureFn = dyn std::ops::Fn(&[Value]) -> Result<Value>;

impl Value {
    /// A fn value over a Rust closure; `name` is its class-like name.
    #[cfg(feature = "threads")]
    pub fn native_closure(
        name: &str,
        f: impl std::ops::Fn(&[Value]) -> Result<Value> + Send + Sync + 'static,
    ) -> Value {
        let body: super::gc::Ref<NativeClosureFn> = super::gc::Ref::new(f);
        Value::from(super::gc::Ref::new(Fn::new(
            Some(name),
            FnKind::NativeClosure(body),
        )))
    }
    /// A fn value over a Rust closure; `name` is its class-like name.
    #[cfg(not(feature = "threads"))]
    pub fn native_closure(
        name: &str,
        f: impl std::ops::Fn(&[Value]) -> Result<Value> + 'static,
    ) -> Value {
        let body: super::gc::Ref<NativeClosureFn> = super::gc::Ref::new(f);
        Value::from(super::gc::Ref::new(Fn::new(
            Some(name),
            FnKind::NativeClosure(body),
        )))
    }
}

impl Value {
    /// A builtin fn value.
    pub fn native_fn(name: &str, f: NativeFnPtr) -> Value {
        Value::from(super::gc::Ref::new(Fn::native(name, f)))
    }
}

/// One captured value of a closure (both backends). Most are fixed when the
/// closure is made; a `letfn` fn's capture of a sibling is tied after all
/// the group's fns exist, and is the one capture the cycle collector
/// (runtime/cycle.rs) may clear, to break a garbage cycle of closures.
pub enum Capture {
    Fixed(Value),
    /// Nil until tied.
    Tied(super::gc::SwapCell<Value>),
}

impl Capture {
    /// A letfn capture, tied later by [`Capture::tie`].
    pub fn untied() -> Capture {
        Capture::Tied(super::gc::SwapCell::new(None))
    }
    /// The captured value (nil while a letfn capture is untied).
    #[inline]
    pub fn get(&self) -> Value {
        match self {
            Capture::Fixed(v) => v.clone(),
            Capture::Tied(c) => c.get().unwrap_or_default(),
        }
    }
    /// Tie a letfn capture (a fixed capture stays as it is).
    pub fn tie(&self, v: Value) {
        if let Capture::Tied(c) = self {
            c.replace(Some(v));
        }
    }
    pub fn is_tied(&self) -> bool {
        matches!(self, Capture::Tied(_))
    }
}

impl Clone for Capture {
    /// A copy for `with-meta` (letfn captures are tied by then).
    fn clone(&self) -> Capture {
        match self {
            Capture::Fixed(v) => Capture::Fixed(v.clone()),
            Capture::Tied(c) => Capture::Tied(super::gc::SwapCell::new(c.get())),
        }
    }
}

/// The clojure.lang.IFn primitive interfaces (`clojure.lang.IFn$LL` ...)
/// that fn classes implement, by class name (`user$f`): recorded when the
/// analyzer compiles a fn with ^long/^double hinted params or return.
type PrimInterfaces = std::sync::Mutex<ahash::AHashMap<String, Vec<String>>>;
static PRIM_INTERFACES: std::sync::OnceLock<PrimInterfaces> = std::sync::OnceLock::new();

/// Record that the fn class `class` implements `interfaces`.
pub fn register_prim_interfaces(class: String, interfaces: Vec<String>) {
    if let Ok(mut m) = PRIM_INTERFACES.get_or_init(Default::default).lock() {
        m.insert(class, interfaces);
    }
}

/// The primitive interfaces the fn class `class` implements (usually none).
pub fn prim_interfaces(class: &str) -> Vec<String> {
    PRIM_INTERFACES
        .get()
        .and_then(|m| m.lock().ok().and_then(|m| m.get(class).cloned()))
        .unwrap_or_default()
}
