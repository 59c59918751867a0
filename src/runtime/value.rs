//! `Value`: the 16-byte opaque value type.
//!
//! Immediates (nil, booleans, longs, doubles, chars) live inline; every other
//! value is ONE thin `Ref<T>` pointer. The representation (`Repr`) is private to
//! `runtime/`; everything else matches on the borrowed `View` returned by
//! [`Value::view`] and builds values through constructors, so the encoding can
//! change (e.g. to NaN-boxing) without touching builtins.

use super::agent::Agent;
use super::class::Class;
use super::coll::{
    ArrayMap, HashMap, HashSet, List, MapEntry, MapSeq, Queue, QueueSeq, SortedMap, SortedSet,
    SubVector, TransientMap, TransientSet, TransientVector, Vector, VectorRSeq, VectorSeq,
};
use super::date::Date;
use super::error::ExceptionObj;
use super::file::File;
use super::func::Fn;
use super::future::Future;
use super::gc::Ref;
use super::input::InStream;
use super::io::Writer;
use super::multi::MultiFn;
use super::namespace::Namespace;
use super::number::{BigDecimal, BigInt, BigInteger, IntBox, Ratio};
use super::object::HostObject;
use super::regex::Regex;
use super::seq::{
    ArrayChunk, ArraySeq, ChunkBuffer, ChunkedCons, ChunkedSeq, Cons, Cycle, Iterate, LazySeq,
    LongRange, Range, Reduced, Repeat, StringSeq,
};
use super::state::{Atom, Delay, Promise, Volatile};
use super::stm::TxRef;
use super::string::Str;
use super::symbol::{Keyword, Symbol};
use super::types::Instance;
use super::uuid::Uuid;
use super::var::Var;

/// Declares the heap types once; generates the private `Repr`, the public
/// borrowed `View`, `Value::view`, and `From<Ref<T>> for Value`.
macro_rules! heap_types {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) ),* $(,)?) => {
        #[derive(Clone)]
        pub(in crate::runtime) enum Repr {
            Nil,
            Bool(bool),
            Long(i64),
            Double(f64),
            /// java.lang.Float, kept immediate.
            Float(f32),
            /// java.lang.Integer, Short or Byte: viewed as a `View::Long`.
            Int(IntBox),
            /// A java.lang.Character: a Unicode scalar value, or a lone
            /// UTF-16 surrogate code unit (0xD800..=0xDFFF; `.charAt` on half
            /// of a pair), which a Rust `char` cannot hold.
            Char(u32),
            $( $(#[$doc])* $variant(Ref<$ty>) ),*
        }

        /// A borrowed view of a value, for matching on its type.
        #[derive(Clone, Copy)]
        pub enum View<'a> {
            Nil,
            Bool(bool),
            Long(i64),
            Double(f64),
            /// java.lang.Float (`(float x)`, float-array elements).
            Float(f32),
            Char(char),
            $( $(#[$doc])* $variant(&'a $ty) ),*
        }

        impl Value {
            /// Always inlined: it is a tag-preserving copy, and inlined into
            /// a `match x.view()` it folds into that match's own dispatch.
            /// (Only hinted in debug builds, whose frames it would bloat:
            /// the reader's stack budget counts on their size.)
            #[cfg_attr(debug_assertions, inline)]
            #[cfg_attr(not(debug_assertions), inline(always))]
            pub fn view(&self) -> View<'_> {
                match &self.0 {
                    Repr::Nil => View::Nil,
                    Repr::Bool(b) => View::Bool(*b),
                    Repr::Long(n) => View::Long(*n),
                    Repr::Double(d) => View::Double(*d),
                    Repr::Float(f) => View::Float(*f),
                    Repr::Int(b) => View::Long(b.value()),
                    Repr::Char(c) => View::Char(char::from_u32(*c).unwrap_or(char::REPLACEMENT_CHARACTER)),
                    $( Repr::$variant(r) => View::$variant(r) ),*
                }
            }

            /// Add one reference to a heap value's count (nothing for an
            /// immediate). Out of line: one shared block for every type.
            #[inline(never)]
            fn retain(&self) {
                match &self.0 {
                    $( Repr::$variant(r) => std::mem::forget(Ref::clone(r)), )*
                    _ => {}
                }
            }

            /// Is this a heap value with other references (its drop only
            /// decrements the count)?
            #[inline(always)]
            fn shared(&self) -> bool {
                match &self.0 {
                    $( Repr::$variant(r) => Ref::strong_count(r) > 1, )*
                    _ => false,
                }
            }

            /// Where a heap value lives (None for an immediate): the basis
            /// of identity hashes.
            pub fn heap_address(&self) -> Option<usize> {
                match &self.0 {
                    $( Repr::$variant(r) => Some(Ref::as_ptr(r) as *const u8 as usize), )*
                    _ => None,
                }
            }

            /// Pointer identity for heap values, value identity for immediates
            /// (`identical?`).
            pub fn identical(&self, other: &Value) -> bool {
                match (&self.0, &other.0) {
                    (Repr::Nil, Repr::Nil) => true,
                    (Repr::Bool(a), Repr::Bool(b)) => a == b,
                    (Repr::Long(a), Repr::Long(b)) => a == b,
                    (Repr::Double(a), Repr::Double(b)) => a.to_bits() == b.to_bits(),
                    (Repr::Float(a), Repr::Float(b)) => a.to_bits() == b.to_bits(),
                    (Repr::Int(a), Repr::Int(b)) => a == b,
                    (Repr::Char(a), Repr::Char(b)) => a == b,
                    $( (Repr::$variant(a), Repr::$variant(b)) => Ref::ptr_eq(a, b), )*
                    _ => false,
                }
            }
        }

        $(
            impl From<Ref<$ty>> for Value {
                #[inline]
                fn from(r: Ref<$ty>) -> Value { Value(Repr::$variant(r)) }
            }
        )*
    };
}

heap_types! {
    Str(Str),
    Keyword(Keyword),
    Symbol(Symbol),
    BigInt(BigInt),
    BigInteger(BigInteger),
    Ratio(Ratio),
    BigDec(BigDecimal),
    Regex(Regex),
    List(List),
    Vector(Vector),
    SubVector(SubVector),
    MapEntry(MapEntry),
    ArrayMap(ArrayMap),
    HashMap(HashMap),
    HashSet(HashSet),
    SortedMap(SortedMap),
    SortedSet(SortedSet),
    Queue(Queue),
    TransientVector(TransientVector),
    TransientMap(TransientMap),
    TransientSet(TransientSet),
    Cons(Cons),
    LazySeq(LazySeq),
    ArraySeq(ArraySeq),
    ChunkedSeq(ChunkedSeq),
    VectorSeq(VectorSeq),
    VectorRSeq(VectorRSeq),
    QueueSeq(QueueSeq),
    LongRange(LongRange),
    Range(Range),
    Repeat(Repeat),
    Iterate(Iterate),
    Cycle(Cycle),
    MapSeq(MapSeq),
    StringSeq(StringSeq),
    ChunkedCons(ChunkedCons),
    ArrayChunk(ArrayChunk),
    ChunkBuffer(ChunkBuffer),
    Reduced(Reduced),
    Fn(Fn),
    Var(Var),
    Namespace(Namespace),
    Exception(ExceptionObj),
    Atom(Atom),
    Volatile(Volatile),
    Delay(Delay),
    Promise(Promise),
    Writer(Writer),
    Class(Class),
    HostObject(HostObject),
    Date(Date),
    Uuid(Uuid),
    MultiFn(MultiFn),
    /// deftype / defrecord / reify objects.
    Instance(Instance),
    /// clojure.lang.Ref (`ref`).
    TxRef(TxRef),
    Agent(Agent),
    /// The object `future-call` returns.
    Future(Future),
    InStream(InStream),
    File(File),
}

/// The class of the object `promise` returns on JVM Clojure 1.11.1.
pub const PROMISE_CLASS: &str = "clojure.core$promise$reify__8591";

/// The class of the object `future-call` returns on JVM Clojure 1.11.1.
pub const FUTURE_CLASS: &str = "clojure.core$future_call$reify__8544";

/// A Clojure value. 16 bytes: a tag and an 8-byte payload.
pub struct Value(pub(in crate::runtime) Repr);

impl Clone for Value {
    /// Inline, and the copy is read from `self` whole: the derived clone
    /// built its result field by field out of line, and the caller's
    /// 16-byte read of it then stalled on store forwarding (a large share
    /// of every Rust -> Clojure call's time). Hinted only in debug builds.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn clone(&self) -> Value {
        if !self.is_immediate() {
            self.retain();
        }
        // SAFETY: an immediate owns nothing, so a bitwise copy is a clone;
        // for a heap value `retain` just added the reference this copy
        // owns (the same count `Ref::clone` adds), and `Repr` is a plain
        // enum of `Ref`s and `Copy` data, so the copy is a valid `Repr`.
        unsafe { std::ptr::read(self) }
    }
}

impl Drop for Value {
    /// Dropping a heap value may free a whole structure: a 10-million-deep
    /// nested vector, a chain of reify objects each capturing the last.
    /// Rust drop glue recurses once per level, so past [`MAX_DROP_DEPTH`]
    /// nested drops on this thread the value is parked on a per-thread
    /// queue that the outermost drop empties: drop depth stays bounded on
    /// every thread (and on wasm32's 1 MiB stack) for any input.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn drop(&mut self) {
        if !self.is_immediate() {
            drop_heap(std::mem::replace(&mut self.0, Repr::Nil));
        }
    }
}

/// A `'static` nil to lend out (a `Drop` type's constant is not promoted
/// to a static, so `&Value::NIL` cannot outlive its statement).
struct StaticNil(Value);
// SAFETY: the wrapped value is nil, an immediate that owns no `Ref` and
// has no interior mutability, so sharing `&` to it between threads is
// sound even where `Ref` is `Rc`.
unsafe impl Sync for StaticNil {}
static NIL_STATIC: StaticNil = StaticNil(Value::NIL);

impl Value {
    /// Clone with the count increment of a fn value inline (the VM's calls:
    /// the fn read from a var or its own frame slot); anything else clones
    /// as usual.
    #[inline(always)]
    pub fn clone_fast(&self) -> Value {
        match &self.0 {
            Repr::Fn(r) => Value(Repr::Fn(Ref::clone(r))),
            _ => self.clone(),
        }
    }

    /// Drop with an inline path for a fn value that has other references
    /// (the VM's frame slot on return: the var or caller still holds the
    /// fn), which only decrements its count; anything else drops as usual.
    #[inline(always)]
    pub fn drop_fast(self) {
        if let Repr::Fn(r) = &self.0
            && Ref::strong_count(r) > 1
        {
            // Not the last reference: no structure is freed here (should
            // another thread drop its reference meanwhile, the fn's own
            // fields drop through `Value::drop`, which counts their depth).
            // The value is not dropped as a whole (that would run the drop
            // glue of the nil left behind, out of line).
            let this = std::mem::ManuallyDrop::new(self);
            if let Repr::Fn(r) = &this.0 {
                // SAFETY: `this` is never dropped (ManuallyDrop) nor used
                // again, so the one `Ref` read out of it is dropped exactly
                // once, here.
                drop(unsafe { std::ptr::read(r) });
            }
        } else {
            drop(self)
        }
    }
}

impl Value {
    /// nil by reference, for lookups that lend out a default.
    #[inline]
    pub fn nil_ref() -> &'static Value {
        &NIL_STATIC.0
    }
}

#[cfg(test)]
impl Value {
    /// The reference count of a fn value (0 for anything else): tests of
    /// code that copies fn values without their references.
    pub(crate) fn fn_strong_count(&self) -> usize {
        match &self.0 {
            Repr::Fn(r) => Ref::strong_count(r),
            _ => 0,
        }
    }
}

/// Nested heap drops one thread runs before parking the rest.
const MAX_DROP_DEPTH: u32 = 256;

thread_local! {
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static DROP_QUEUE: std::cell::RefCell<Vec<Repr>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[inline(never)]
fn drop_heap(r: Repr) {
    let v = Value(r);
    if v.shared() {
        // Not the last reference (the common case): only the count
        // changes, no structure is freed, so no depth bookkeeping. (Should
        // another thread drop its reference meanwhile, this drop frees the
        // value one level deeper than counted: nested drops still count.)
        let r = v.into_repr();
        drop(r);
        return;
    }
    let r = v.into_repr();
    let depth = DROP_DEPTH.get();
    if depth >= MAX_DROP_DEPTH {
        // Park it; should the queue be gone (thread teardown) or busy,
        // drop it in place.
        let mut r = Some(r);
        let _ = DROP_QUEUE.try_with(|q| {
            if let Ok(mut q) = q.try_borrow_mut() {
                q.extend(r.take());
            }
        });
        drop(r);
        return;
    }
    DROP_DEPTH.set(depth + 1);
    drop(r);
    if depth == 0 {
        // The outermost drop frees what deeper levels parked, each from
        // this shallow depth.
        while let Some(next) = DROP_QUEUE
            .try_with(|q| q.try_borrow_mut().ok().and_then(|mut q| q.pop()))
            .ok()
            .flatten()
        {
            drop(next);
        }
    }
    DROP_DEPTH.set(depth);
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

impl Default for Value {
    fn default() -> Value {
        Value::NIL
    }
}

impl Value {
    pub const NIL: Value = Value(Repr::Nil);
    pub const TRUE: Value = Value(Repr::Bool(true));
    pub const FALSE: Value = Value(Repr::Bool(false));

    #[inline]
    pub fn bool(b: bool) -> Value {
        Value(Repr::Bool(b))
    }
    #[inline]
    pub fn long(n: i64) -> Value {
        Value(Repr::Long(n))
    }
    #[inline]
    pub fn double(d: f64) -> Value {
        Value(Repr::Double(d))
    }
    /// A java.lang.Float.
    #[inline]
    pub fn float(f: f32) -> Value {
        Value(Repr::Float(f))
    }
    #[inline]
    pub fn char(c: char) -> Value {
        Value(Repr::Char(u32::from(c)))
    }
    /// The char holding one UTF-16 code unit (Java's `charAt`): a lone
    /// surrogate stays a surrogate, so `(int (.charAt "𝍖" 0))` is 55348.
    #[inline]
    pub fn char_unit(u: u16) -> Value {
        Value(Repr::Char(u32::from(u)))
    }
    /// A char's code: its scalar value, or its surrogate code unit (the
    /// `View::Char` of a lone surrogate is U+FFFD). None for a non-char.
    #[inline]
    pub fn char_code(&self) -> Option<u32> {
        match self.0 {
            Repr::Char(c) => Some(c),
            _ => None,
        }
    }
    /// A string value.
    pub fn string(s: impl Into<String>) -> Value {
        Value(Repr::Str(Ref::new(Str::new(s.into()))))
    }
    /// An interned keyword `:ns/name` (ns may be None).
    pub fn keyword(ns: Option<&str>, name: &str) -> Value {
        Value(Repr::Keyword(Keyword::intern(ns, name)))
    }
    /// A symbol `ns/name` without metadata.
    pub fn symbol(ns: Option<&str>, name: &str) -> Value {
        Value(Repr::Symbol(Symbol::intern(ns, name)))
    }
    /// A new symbol object (the reader, `symbol`): JVM symbols are not
    /// interned, so `(identical? 'a 'a)` is false; equality is unaffected.
    pub fn new_symbol(ns: Option<&str>, name: &str) -> Value {
        Value(Repr::Symbol(Symbol::intern(ns, name).with_meta(None)))
    }

    /// The representation, moved out (Value's own `Drop` forbids
    /// destructuring it).
    #[inline]
    pub(in crate::runtime) fn into_repr(mut self) -> Repr {
        std::mem::replace(&mut self.0, Repr::Nil)
    }

    /// nil, booleans, numbers held inline and chars: no heap reference.
    #[inline(always)]
    pub(crate) fn is_immediate(&self) -> bool {
        matches!(
            self.0,
            Repr::Nil
                | Repr::Bool(_)
                | Repr::Long(_)
                | Repr::Double(_)
                | Repr::Float(_)
                | Repr::Int(_)
                | Repr::Char(_)
        )
    }
    #[inline]
    pub fn is_nil(&self) -> bool {
        matches!(self.0, Repr::Nil)
    }
    /// Clojure truthiness: everything but nil and false.
    #[inline]
    pub fn truthy(&self) -> bool {
        !matches!(self.0, Repr::Nil | Repr::Bool(false))
    }
    /// A java.lang.Long only (one tag test, for the VM's fused ops; an
    /// Integer/Short/Byte box is `None`: those take the generic path).
    #[inline(always)]
    pub fn as_long_exact(&self) -> Option<i64> {
        match self.0 {
            Repr::Long(n) => Some(n),
            _ => None,
        }
    }
    #[inline]
    pub fn as_long(&self) -> Option<i64> {
        match self.0 {
            Repr::Long(n) => Some(n),
            Repr::Int(b) => Some(b.value()),
            _ => None,
        }
    }
    #[inline]
    pub fn as_double(&self) -> Option<f64> {
        match self.0 {
            Repr::Double(d) => Some(d),
            _ => None,
        }
    }
    #[inline]
    pub fn as_bool(&self) -> Option<bool> {
        match self.0 {
            Repr::Bool(b) => Some(b),
            _ => None,
        }
    }
    #[inline]
    pub fn as_char(&self) -> Option<char> {
        match self.0 {
            Repr::Char(c) => Some(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)),
            _ => None,
        }
    }
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Repr::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
    #[inline]
    pub fn as_keyword(&self) -> Option<&Keyword> {
        match &self.0 {
            Repr::Keyword(k) => Some(k),
            _ => None,
        }
    }
    #[inline]
    pub fn as_symbol(&self) -> Option<&Symbol> {
        match &self.0 {
            Repr::Symbol(s) => Some(s),
            _ => None,
        }
    }
    #[inline]
    pub fn is_keyword(&self) -> bool {
        matches!(self.0, Repr::Keyword(_))
    }
    #[inline]
    pub fn is_symbol(&self) -> bool {
        matches!(self.0, Repr::Symbol(_))
    }
    #[inline]
    pub fn is_string(&self) -> bool {
        matches!(self.0, Repr::Str(_))
    }

    /// The JVM class name of this value, as `(class x)` prints it and as
    /// ClassCastException messages name it.
    pub fn class_name(&self) -> &'static str {
        match &self.0 {
            Repr::Nil => "nil",
            Repr::Bool(_) => "java.lang.Boolean",
            Repr::Long(_) => "java.lang.Long",
            Repr::Double(_) => "java.lang.Double",
            Repr::Float(_) => "java.lang.Float",
            Repr::Int(b) => b.width().class_name(),
            Repr::Char(_) => "java.lang.Character",
            Repr::Str(_) => "java.lang.String",
            Repr::Keyword(_) => "clojure.lang.Keyword",
            Repr::Symbol(_) => "clojure.lang.Symbol",
            Repr::BigInt(_) => "clojure.lang.BigInt",
            Repr::BigInteger(_) => "java.math.BigInteger",
            Repr::Ratio(_) => "clojure.lang.Ratio",
            Repr::BigDec(_) => "java.math.BigDecimal",
            Repr::Regex(_) => "java.util.regex.Pattern",
            Repr::List(l) => {
                if l.is_empty() {
                    "clojure.lang.PersistentList$EmptyList"
                } else {
                    "clojure.lang.PersistentList"
                }
            }
            Repr::Vector(_) => "clojure.lang.PersistentVector",
            Repr::SubVector(_) => "clojure.lang.APersistentVector$SubVector",
            Repr::MapEntry(_) => "clojure.lang.MapEntry",
            Repr::ArrayMap(_) => "clojure.lang.PersistentArrayMap",
            Repr::HashMap(_) => "clojure.lang.PersistentHashMap",
            Repr::HashSet(_) => "clojure.lang.PersistentHashSet",
            Repr::SortedMap(_) => "clojure.lang.PersistentTreeMap",
            Repr::SortedSet(_) => "clojure.lang.PersistentTreeSet",
            Repr::Queue(_) => "clojure.lang.PersistentQueue",
            Repr::TransientVector(_) => "clojure.lang.PersistentVector$TransientVector",
            Repr::TransientMap(t) => t.class_name(),
            Repr::TransientSet(_) => "clojure.lang.PersistentHashSet$TransientHashSet",
            Repr::Cons(_) => "clojure.lang.Cons",
            Repr::LazySeq(_) => "clojure.lang.LazySeq",
            Repr::ArraySeq(_) => "clojure.lang.ArraySeq",
            Repr::ChunkedSeq(_) => "clojure.lang.PersistentVector$ChunkedSeq",
            Repr::VectorSeq(_) => "clojure.lang.APersistentVector$Seq",
            Repr::VectorRSeq(_) => "clojure.lang.APersistentVector$RSeq",
            Repr::QueueSeq(_) => "clojure.lang.PersistentQueue$Seq",
            Repr::LongRange(_) => "clojure.lang.LongRange",
            Repr::Range(_) => "clojure.lang.Range",
            Repr::Repeat(_) => "clojure.lang.Repeat",
            Repr::Iterate(_) => "clojure.lang.Iterate",
            Repr::Cycle(_) => "clojure.lang.Cycle",
            Repr::MapSeq(s) => s.class_name(),
            Repr::StringSeq(_) => "clojure.lang.StringSeq",
            Repr::ChunkedCons(_) => "clojure.lang.ChunkedCons",
            Repr::ArrayChunk(c) => {
                if c.is_long_chunk() {
                    "clojure.lang.LongRange$LongChunk"
                } else {
                    "clojure.lang.ArrayChunk"
                }
            }
            Repr::ChunkBuffer(_) => "clojure.lang.ChunkBuffer",
            Repr::Reduced(_) => "clojure.lang.Reduced",
            Repr::Fn(_) => "clojure.lang.AFunction",
            Repr::Var(_) => "clojure.lang.Var",
            Repr::Namespace(_) => "clojure.lang.Namespace",
            Repr::Exception(e) => e.class.name(),
            Repr::Class(_) => "java.lang.Class",
            Repr::Atom(_) => "clojure.lang.Atom",
            Repr::Volatile(_) => "clojure.lang.Volatile",
            Repr::Delay(_) => "clojure.lang.Delay",
            Repr::Promise(_) => PROMISE_CLASS,
            Repr::Writer(w) => w.class_name(),
            Repr::HostObject(o) => o.class_name(),
            Repr::Date(d) => d.class_name(),
            Repr::Uuid(_) => "java.util.UUID",
            Repr::MultiFn(_) => "clojure.lang.MultiFn",
            Repr::Instance(i) => i.class_name(),
            Repr::TxRef(_) => "clojure.lang.Ref",
            Repr::Agent(_) => "clojure.lang.Agent",
            Repr::Future(_) => FUTURE_CLASS,
            Repr::InStream(s) => s.class_name(),
            Repr::File(f) => f.class_name(),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::long(n)
    }
}
impl From<f64> for Value {
    fn from(d: f64) -> Value {
        Value::double(d)
    }
}
impl From<char> for Value {
    fn from(c: char) -> Value {
        Value::char(c)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::string(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}
impl Value {
    /// The var this value is, as a shared reference (binding frames keep it).
    pub fn as_var(&self) -> Option<Ref<super::var::Var>> {
        match &self.0 {
            Repr::Var(v) => Some(v.clone()),
            _ => None,
        }
    }

    /// The exception this value is, if it is one (for `throw`/`catch`).
    pub fn as_exception(&self) -> Option<super::error::Exception> {
        match &self.0 {
            Repr::Exception(e) => Some(super::error::Exception(e.clone())),
            _ => None,
        }
    }
}

impl From<super::error::Exception> for Value {
    fn from(e: super::error::Exception) -> Value {
        Value(Repr::Exception(e.0))
    }
}

#[cfg(test)]
mod clone_tests {
    use super::{Repr, Value};
    use crate::runtime::gc::Ref;

    fn strong(v: &Value) -> usize {
        match &v.0 {
            Repr::Fn(r) => Ref::strong_count(r),
            Repr::Vector(r) => Ref::strong_count(r),
            Repr::Str(r) => Ref::strong_count(r),
            _ => 0,
        }
    }

    /// The hand-written `Clone` (a bitwise copy after `retain`) keeps the
    /// reference counts exact: every clone adds one, every drop removes one.
    #[test]
    fn clone_counts_references() {
        let v = Value::vector(vec![Value::long(1), Value::string("x")]);
        assert_eq!(strong(&v), 1);
        let copies: Vec<Value> = (0..10).map(|_| v.clone()).collect();
        assert_eq!(strong(&v), 11);
        assert!(copies.iter().all(|c| c.identical(&v)));
        drop(copies);
        assert_eq!(strong(&v), 1);
        let s = Value::string("hello");
        let t = s.clone();
        assert_eq!(strong(&s), 2);
        drop(s);
        assert_eq!(strong(&t), 1);
        assert_eq!(t.as_str(), Some("hello"));
    }

    /// `clone_fast`/`drop_fast` (the VM's fn values) count like
    /// `clone`/`drop`: the inline paths add and remove exactly one.
    #[test]
    fn fast_clone_and_drop_count_fn_references() {
        let f = Value::native_fn("f", |_| Ok(Value::NIL));
        assert_eq!(strong(&f), 1);
        let copies: Vec<Value> = (0..5).map(|_| f.clone_fast()).collect();
        assert_eq!(strong(&f), 6);
        for c in copies {
            c.drop_fast();
        }
        assert_eq!(strong(&f), 1);
        // the last reference drops the fn as usual
        let g = f.clone_fast();
        drop(f);
        assert_eq!(strong(&g), 1);
        g.drop_fast();
        // other values go through the ordinary clone and drop
        let v = Value::vector(vec![Value::long(1)]);
        let w = v.clone_fast();
        assert_eq!(strong(&v), 2);
        w.drop_fast();
        assert_eq!(strong(&v), 1);
    }

    #[test]
    fn clone_copies_immediates() {
        for v in [
            Value::NIL,
            Value::TRUE,
            Value::FALSE,
            Value::long(-7),
            Value::double(2.5),
            Value::char('λ'),
        ] {
            let c = v.clone();
            assert!(c.identical(&v));
        }
    }

    /// A million-deep nested vector drops on a thread with a 512 KiB stack:
    /// the drop guard parks levels past MAX_DROP_DEPTH instead of recursing.
    #[test]
    fn deep_structures_drop_in_bounded_stack() {
        let t = std::thread::Builder::new()
            .stack_size(512 << 10)
            .spawn(|| {
                let mut v = Value::NIL;
                for _ in 0..1_000_000 {
                    v = Value::vector(vec![v]);
                }
                drop(v);
                super::DROP_QUEUE.with(|q| q.borrow().len())
            })
            .map(|t| t.join());
        assert!(matches!(t, Ok(Ok(0))));
        assert!(Value::nil_ref().is_nil());
    }
}

#[cfg(test)]
mod char_tests {
    use super::{Value, View};

    /// A char holds a scalar value or a lone surrogate unit; the unit keeps
    /// its code (identity, equality of codes), and views as U+FFFD.
    #[test]
    fn lone_surrogate_chars_keep_their_code() {
        let hi = Value::char_unit(0xD834);
        assert_eq!(hi.char_code(), Some(0xD834));
        assert!(matches!(hi.view(), View::Char(char::REPLACEMENT_CHARACTER)));
        assert_eq!(hi.as_char(), Some(char::REPLACEMENT_CHARACTER));
        assert!(hi.identical(&Value::char_unit(0xD834)));
        assert!(!hi.identical(&Value::char_unit(0xDF56)));
        assert!(!hi.identical(&Value::char(char::REPLACEMENT_CHARACTER)));
        let a = Value::char_unit(u16::from(b'a'));
        assert!(a.identical(&Value::char('a')));
        assert_eq!(Value::char('😀').char_code(), Some(0x1F600));
        assert_eq!(Value::long(1).char_code(), None);
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
