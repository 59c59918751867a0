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

/// Declares process-wide mutable state reachable through a function
/// `name(|state| ...)`. Under `threads` it is a global mutex; without it
/// `Ref` is `Rc` (not `Sync`), so the state is thread-local (wasm32 has one
/// thread).
macro_rules! global_state {
    ($name:ident : $ty:ty = $init:expr) => {
        #[cfg(feature = "threads")]
        fn $name<R>(f: impl FnOnce(&mut $ty) -> R) -> R {
            static STATE: std::sync::OnceLock<std::sync::Mutex<$ty>> = std::sync::OnceLock::new();
            let m = STATE.get_or_init(|| std::sync::Mutex::new($init));
            let mut g = $crate::runtime::gc::lock(m);
            f(&mut g)
        }
        #[cfg(not(feature = "threads"))]
        fn $name<R>(f: impl FnOnce(&mut $ty) -> R) -> R {
            thread_local! {
                static STATE: std::cell::RefCell<$ty> = std::cell::RefCell::new($init);
            }
            STATE.with(|t| f(&mut t.borrow_mut()))
        }
    };
}
pub(crate) use global_state;
