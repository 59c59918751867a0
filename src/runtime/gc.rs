//! Memory: the `Ref<T>` alias and the lock/cell types that follow it.
//!
//! Under feature `threads` heap values are `Arc` and shareable across threads;
//! otherwise they are `Rc` (wasm32, minimal builds). Code never names `Arc`/`Rc`
//! directly, so the choice lives here only.

#[cfg(feature = "threads")]
pub type Ref<T> = std::sync::Arc<T>;
#[cfg(not(feature = "threads"))]
pub type Ref<T> = std::rc::Rc<T>;

#[cfg(feature = "threads")]
pub type Weak<T> = std::sync::Weak<T>;
#[cfg(not(feature = "threads"))]
pub type Weak<T> = std::rc::Weak<T>;

/// Interior mutability for heap cells (transients, lazy seqs, atoms...).
/// `std::sync::Mutex` works on every target, including single-threaded wasm32.
pub type Lock<T> = std::sync::Mutex<T>;

/// Lock a `Lock`, ignoring poisoning: a panic elsewhere is already a bug and a
/// poisoned cell still holds a consistent Clojure value.
#[inline]
pub fn lock<T>(l: &Lock<T>) -> std::sync::MutexGuard<'_, T> {
    match l.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    }
}

/// Take the value out of a `Ref` when this is the last reference.
/// Used by iterative destructors of long chains.
#[inline]
pub fn into_inner<T>(r: Ref<T>) -> Option<T> {
    Ref::into_inner(r)
}

/// Pointer identity of two refs.
#[inline]
pub fn ptr_eq<T>(a: &Ref<T>, b: &Ref<T>) -> bool {
    Ref::ptr_eq(a, b)
}
