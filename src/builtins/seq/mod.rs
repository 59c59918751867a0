//! clojure.core's seq functions: the basic accessors, lazy seq builders
//! (chunked like the JVM's), reduce/transduce, transducers, sorting and the
//! higher-order fn helpers (`apply`, `comp`, `partial`, ...).

pub(crate) mod basic;
pub(crate) mod fns;
pub(crate) mod lazy;
pub(crate) mod protocol_reduce;
pub(crate) mod reduce;
pub(crate) mod sort;
pub(crate) mod xform;

#[cfg(test)]
mod tests;

use crate::runtime::error::Result;

use crate::runtime::seq;
use crate::runtime::value::Value;

/// Bounds for captures of Rust closures stored in values: Send + Sync when
/// values are shared across threads.
#[cfg(feature = "threads")]
pub trait Shared: Send + Sync {}
#[cfg(feature = "threads")]
impl<T: Send + Sync> Shared for T {}
/// Bounds for captures of Rust closures stored in values.
#[cfg(not(feature = "threads"))]
pub trait Shared {}
#[cfg(not(feature = "threads"))]
impl<T> Shared for T {}

/// Call a Clojure fn with args it takes (moved onto the VM's stack).
#[inline]
pub(crate) fn call(f: &Value, args: &mut [Value]) -> Result<Value> {
    crate::runtime::func::call(f, args)
}

/// A lazy seq over a Rust body.
#[inline]
pub(crate) fn lazy(f: impl FnOnce() -> Result<Value> + Shared + 'static) -> Value {
    Value::lazy_seq_native(f)
}

/// A fn value over a Rust closure.
#[inline]
pub(crate) fn closure(
    name: &str,
    f: impl Fn(&[Value]) -> Result<Value> + Shared + 'static,
) -> Value {
    Value::native_closure(name, f)
}

/// All items of a seqable, realised.
pub(crate) fn items(x: &Value) -> Result<Vec<Value>> {
    seq::iter(x).collect()
}
