//! `reduce` and `reduce-kv` through clojure.core.protocols, as core.clj's
//! do, once that namespace is loaded: a collection that is not one of the
//! JVM's IReduceInit (resp. IKVReduce) types goes through `coll-reduce`
//! (resp. `kv-reduce`) when its type implements the protocol inline or the
//! protocol was extended after its defaults were installed. Until then, and
//! for the built-in collections always, the native fast paths run; the
//! protocols' Object defaults call those native paths too.

use crate::builtins::classes::is_instance;
use crate::builtins::types::{Protocol, expect_protocol};
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::{Value, View};
use std::sync::atomic::{AtomicBool, Ordering};

struct Dispatch {
    proto: Ref<Protocol>,
    /// The protocol's version once its defaults were installed.
    base: u64,
    method: Value,
}

struct Hooks {
    coll: Dispatch,
    kv: Dispatch,
}

static LOADED: AtomicBool = AtomicBool::new(false);
crate::runtime::gc::global_state!(hooks: Option<Hooks> = None);

/// `(install-reduce-dispatch! CollReduce coll-reduce IKVReduce kv-reduce)`,
/// the last form of clojure.core.protocols.
pub(crate) fn install(args: &[Value]) -> Result<Value> {
    crate::builtins::check_arity("install-reduce-dispatch!", args, 4, Some(4))?;
    let dispatch = |p: &Value, m: &Value| -> Result<Dispatch> {
        let proto = expect_protocol(p)?;
        Ok(Dispatch {
            base: proto.version(),
            proto,
            method: m.clone(),
        })
    };
    let h = Hooks {
        coll: dispatch(&args[0], &args[1])?,
        kv: dispatch(&args[2], &args[3])?,
    };
    hooks(|slot| *slot = Some(h));
    LOADED.store(true, Ordering::Release);
    Ok(Value::NIL)
}

/// The JVM classes that implement clojure.lang.IReduceInit.
fn jvm_reduce_init(coll: &Value) -> bool {
    matches!(
        coll.class_name(),
        "clojure.lang.PersistentVector"
            | "clojure.lang.PersistentList"
            | "clojure.lang.LongRange"
            | "clojure.lang.Range"
            | "clojure.lang.Repeat"
            | "clojure.lang.Iterate"
            | "clojure.lang.Cycle"
            | "clojure.core.Eduction"
    ) || (matches!(coll.view(), View::Instance(_)) && is_instance("clojure.lang.IReduceInit", coll))
}

/// The JVM classes that implement clojure.lang.IKVReduce.
fn jvm_kv_reduce(coll: &Value) -> bool {
    matches!(
        coll.class_name(),
        "clojure.lang.PersistentVector"
            | "clojure.lang.APersistentVector$SubVector"
            | "clojure.lang.PersistentArrayMap"
            | "clojure.lang.PersistentHashMap"
            | "clojure.lang.PersistentTreeMap"
    ) || (matches!(coll.view(), View::Instance(_)) && is_instance("clojure.lang.IKVReduce", coll))
}

fn target(coll: &Value, pick: fn(&Hooks) -> &Dispatch) -> Option<Value> {
    hooks(|h| {
        let d = pick(h.as_ref()?);
        (d.proto.version() != d.base || d.proto.implemented_by(coll)).then(|| d.method.clone())
    })
}

/// The `coll-reduce` method fn when `reduce` over `coll` must dispatch
/// through CollReduce.
#[inline]
pub(crate) fn coll_reduce_target(coll: &Value) -> Option<Value> {
    if !LOADED.load(Ordering::Acquire) || jvm_reduce_init(coll) {
        return None;
    }
    target(coll, |h| &h.coll)
}

/// The `kv-reduce` method fn when `reduce-kv` over `coll` must dispatch
/// through IKVReduce.
#[inline]
pub(crate) fn kv_reduce_target(coll: &Value) -> Option<Value> {
    if !LOADED.load(Ordering::Acquire) || jvm_kv_reduce(coll) {
        return None;
    }
    target(coll, |h| &h.kv)
}
