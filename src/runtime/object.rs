//! Plain Java objects made by interop constructors that have no Clojure
//! counterpart: `(Object.)`, `(Boolean. false)` (a distinct, truthy Boolean
//! object) and `(StringBuilder.)`. Identity equality and hash, like the JVM's
//! Object.equals/hashCode for these classes' uses in programs.

use super::error::Result;
use super::gc::{Lock, lock};
use super::value::Value;

pub enum HostObject {
    /// `(Object.)`: only its identity matters (e.g. as a lock).
    Object,
    /// `(Boolean. b)`: prints as `b` but is a new object, so `(if (Boolean.
    /// false) :t :f)` is `:t`.
    Boolean(bool),
    /// java.lang.StringBuilder's contents.
    StringBuilder(Lock<String>),
    /// java.lang.StringBuffer: the synchronized twin of StringBuilder.
    StringBuffer(Lock<String>),
    /// java.util.ArrayList: seqable, counted and indexed; prints like a vector.
    ArrayList(Lock<Vec<Value>>),
    /// A Java array: its JVM class name (`[J`, `[Ljava.lang.Long;`) and
    /// items. Arrays compare and hash by identity.
    Array(&'static str, Lock<Vec<Value>>),
    /// java.math.MathContext (what `with-precision` binds).
    MathContext(super::number::MathContext),
    /// A java.math.RoundingMode constant.
    RoundingMode(super::number::Rounding),
    /// java.util.regex.Matcher (`re-matcher`).
    Matcher(super::regex::Matcher),
    /// `(.iterator coll)`: the seq of the items not yet returned.
    Iterator(Lock<Value>),
    /// A struct basis (`create-struct`): its keys in order.
    StructDef(Vec<Value>),
    /// An object of a layer-2 module that runtime/ knows only by its class
    /// name (a `cljw.wasm` instance); the module downcasts it back.
    Foreign(&'static str, ForeignBox),
    /// java.util.Locale, by its language tag (`en_US`).
    Locale(String),
    /// java.util.Random: its 48-bit LCG state (the JDK's algorithm, so a
    /// seeded generator gives the JVM's numbers), and the spare Gaussian.
    Random(Lock<(u64, Option<f64>)>),
    /// java.net.URI: the string it was made from.
    Uri(String),
    /// A mutable java.util Map (HashMap, LinkedHashMap, WeakHashMap, ...):
    /// its class and entries in insertion order (a HashMap's own iteration
    /// order is not modelled).
    /// Its third field is a HashMap's table size (what orders iteration).
    JavaMap(
        &'static str,
        Lock<Vec<(Value, Value)>>,
        std::sync::atomic::AtomicUsize,
    ),
    /// java.util.concurrent.atomic.Atomic{Long,Integer,Boolean,Reference}.
    Atomic(&'static str, Lock<Value>),
    /// java.util.LinkedList / ArrayDeque: its class and items.
    LinkedList(&'static str, Lock<Vec<Value>>),
    /// java.lang.StackTraceElement.
    StackTraceElement(super::error::StackTraceElement),
}

/// The payload of a `HostObject::Foreign`.
pub type ForeignBox = Box<dyn ForeignObject>;

/// What a `HostObject::Foreign` payload must be: shareable across threads
/// when values are.
#[cfg(feature = "threads")]
pub trait ForeignBound: std::any::Any + Send + Sync {}
#[cfg(feature = "threads")]
impl<T: std::any::Any + Send + Sync> ForeignBound for T {}
/// What a `HostObject::Foreign` payload must be.
#[cfg(not(feature = "threads"))]
pub trait ForeignBound: std::any::Any {}
#[cfg(not(feature = "threads"))]
impl<T: std::any::Any> ForeignBound for T {}

/// An object a layer-2 module implements (a java.time value, a Thread, a
/// blocking queue, a URL, a cljw.wasm instance). runtime/ sees it only
/// through these hooks, whose defaults are java.lang.Object's (identity
/// equals and hashCode, no ordering, `Class@hash`); `=`, `hash`, `compare`,
/// `str` and the seq functions consult them, and the module gets its type
/// back with `downcast_ref`.
pub trait ForeignObject: ForeignBound {
    /// Java's toString; `object` is Object.toString's `Class@hash`.
    fn java_string(&self, object: &str) -> String {
        object.to_string()
    }
    /// equals against another foreign object; None: identity.
    fn equals(&self, _other: &dyn ForeignObject) -> Option<bool> {
        None
    }
    /// hashCode; None: the identity hash.
    fn hash_code(&self) -> Option<i32> {
        None
    }
    /// Comparable.compareTo; None: not comparable with `other`'s class (a
    /// ClassCastException).
    fn compare_to(&self, _other: &dyn ForeignObject) -> Option<std::cmp::Ordering> {
        None
    }
    /// Whether the class implements java.lang.Comparable.
    fn comparable(&self) -> bool {
        false
    }
    /// A snapshot of its items when it is a java.util.Collection (what
    /// seq, count, into and reduce walk).
    fn items(&self) -> Option<Vec<Value>> {
        None
    }
    /// Whether it is a java.util.Set (prints as `#{...}`, `=` to a
    /// Clojure set with the same items).
    fn is_set(&self) -> bool {
        false
    }
    /// Set.contains / Map.containsKey, for `contains?`; None when the
    /// object is neither.
    fn set_contains(&self, _x: &Value) -> Option<Result<bool>> {
        None
    }
    /// What Clojure's print-method prints for it when clojure.core defines
    /// one for its class (a Calendar's `#inst`); None: `#object[...]`.
    fn print_method(&self) -> Option<String> {
        None
    }
}

impl dyn ForeignObject {
    /// The payload as a `T`, if it is one.
    pub fn downcast_ref<T: std::any::Any>(&self) -> Option<&T> {
        let any: &dyn std::any::Any = self;
        any.downcast_ref()
    }
}

impl HostObject {
    /// The foreign object of class `T` behind this host object, if it is one.
    pub fn foreign<T: 'static>(&self) -> Option<&T> {
        match self {
            HostObject::Foreign(_, b) => b.downcast_ref::<T>(),
            _ => None,
        }
    }
}

impl HostObject {
    pub fn class_name(&self) -> &'static str {
        match self {
            HostObject::Object => "java.lang.Object",
            HostObject::Boolean(_) => "java.lang.Boolean",
            HostObject::StringBuilder(_) => "java.lang.StringBuilder",
            HostObject::StringBuffer(_) => "java.lang.StringBuffer",
            HostObject::ArrayList(_) => "java.util.ArrayList",
            HostObject::Array(c, _) => c,
            HostObject::MathContext(_) => "java.math.MathContext",
            HostObject::RoundingMode(_) => "java.math.RoundingMode",
            HostObject::Matcher(_) => "java.util.regex.Matcher",
            HostObject::Iterator(_) => "clojure.lang.SeqIterator",
            HostObject::StructDef(_) => "clojure.lang.PersistentStructMap$Def",
            HostObject::Foreign(c, _) => c,
            HostObject::Locale(_) => "java.util.Locale",
            HostObject::Random(_) => "java.util.Random",
            HostObject::Uri(_) => "java.net.URI",
            HostObject::JavaMap(c, ..) => c,
            HostObject::Atomic(c, _) => c,
            HostObject::LinkedList(c, _) => c,
            HostObject::StackTraceElement(_) => "java.lang.StackTraceElement",
        }
    }

    /// A java.util.Map's entries in its iteration order: a HashMap's (and
    /// ConcurrentHashMap's, WeakHashMap's) hash-table order, a TreeMap's
    /// sorted by key, a LinkedHashMap's insertion order.
    pub fn java_map_entries(&self) -> Option<Vec<(Value, Value)>> {
        let HostObject::JavaMap(class, m, cap) = self else {
            return None;
        };
        let items = lock(m).clone();
        Some(match *class {
            "java.util.HashMap"
            | "java.util.WeakHashMap"
            | "java.util.concurrent.ConcurrentHashMap" => {
                let cap = cap.load(std::sync::atomic::Ordering::Relaxed);
                super::hash::hash_table_order(items, cap, |(k, _)| k.clone())
            }
            "java.util.TreeMap" => {
                let mut items = items;
                items.sort_by(|(a, _), (b, _)| {
                    super::compare::compare(a, b).unwrap_or(std::cmp::Ordering::Equal)
                });
                items
            }
            _ => items,
        })
    }

    /// A java.util.Map's entry for `k` (Map.get by equals); None when this is
    /// not a Map or has no such key.
    pub fn java_map_entry(&self, k: &Value) -> Option<(Value, Value)> {
        let HostObject::JavaMap(_, m, _) = self else {
            return None;
        };
        lock(m)
            .iter()
            .find(|(x, _)| super::equality::try_equals(x, k).unwrap_or(false))
            .cloned()
    }

    /// A snapshot of an ArrayList's or array's items.
    pub fn list_items(&self) -> Option<Vec<Value>> {
        match self {
            HostObject::ArrayList(l) | HostObject::Array(_, l) | HostObject::LinkedList(_, l) => {
                Some(lock(l).clone())
            }
            _ => None,
        }
    }

    /// A snapshot of what `seq` walks when this is a java.util.Collection
    /// or Map (a Map's entries); None for other objects.
    pub fn seq_items(&self) -> Option<Vec<Value>> {
        match self {
            HostObject::Foreign(_, f) => f.items(),
            HostObject::JavaMap(..) => Some(
                self.java_map_entries()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(k, v)| Value::map_entry(k, v))
                    .collect(),
            ),
            _ => self.list_items(),
        }
    }

    /// Java's toString.
    pub fn to_java_string(&self, identity_hash: i32) -> Result<String> {
        Ok(match self {
            HostObject::Object => format!("java.lang.Object@{:x}", identity_hash as u32),
            HostObject::Iterator(_) | HostObject::StructDef(_) | HostObject::Random(_) => {
                format!("{}@{:x}", self.class_name(), identity_hash as u32)
            }
            HostObject::Foreign(c, f) => f.java_string(&format!(
                "{c}@{:x}",
                f.hash_code().unwrap_or(identity_hash) as u32
            )),
            HostObject::Array(c, _) => format!("{c}@{:x}", identity_hash as u32),
            HostObject::Boolean(b) => b.to_string(),
            HostObject::StackTraceElement(e) => e.java_string(),
            HostObject::Locale(tag) => tag.to_string(),
            HostObject::Uri(u) => u.clone(),
            HostObject::Atomic(c, _) if c.starts_with("java.lang.ref.") => {
                format!("{c}@{:x}", identity_hash as u32)
            }
            HostObject::Atomic(_, v) => super::printer::str_value(&lock(v))?,
            // AbstractMap.toString: {k=v, k=v}.
            HostObject::JavaMap(..) => {
                let items = self.java_map_entries().unwrap_or_default();
                let mut parts = Vec::with_capacity(items.len());
                for (k, v) in &items {
                    parts.push(format!(
                        "{}={}",
                        super::printer::str_value(k)?,
                        super::printer::str_value(v)?
                    ));
                }
                format!("{{{}}}", parts.join(", "))
            }
            HostObject::StringBuilder(s) | HostObject::StringBuffer(s) => lock(s).clone(),
            HostObject::MathContext(mc) => mc.java_string(),
            HostObject::RoundingMode(r) => r.name().to_string(),
            HostObject::Matcher(m) => m.java_string(),
            // AbstractCollection.toString: "[a, b]" of the items' toString.
            HostObject::ArrayList(l) | HostObject::LinkedList(_, l) => {
                let items = lock(l).clone();
                let parts: Result<Vec<String>> =
                    items.iter().map(super::printer::str_value).collect();
                format!("[{}]", parts?.join(", "))
            }
        })
    }
}

impl Value {
    /// A Java `byte[]` (`[B`) holding `bytes` (signed, as Java's bytes).
    pub fn byte_array(bytes: &[u8]) -> Value {
        let items = bytes.iter().map(|b| Value::byte(*b as i8)).collect();
        Value::from(super::gc::Ref::new(HostObject::Array(
            "[B",
            Lock::new(items),
        )))
    }
    /// The bytes of a `byte[]` value; None for anything else.
    pub fn byte_array_bytes(&self) -> Option<Vec<u8>> {
        match self.view() {
            super::value::View::HostObject(HostObject::Array("[B", l)) => Some(
                lock(l)
                    .iter()
                    .map(|v| v.as_long().unwrap_or(0) as u8)
                    .collect(),
            ),
            _ => None,
        }
    }
}
