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

/// A cell read far more often than written, whose reads take no lock: a
/// var's root (the JVM's volatile `root` field). Under `threads` it is an
/// `ArcSwapOption`: a read is a pointer load plus a thread-local hazard
/// slot, never blocking nor blocked by a writer; the value a reader holds
/// stays alive until it lets go even if a writer replaces it meanwhile.
/// Without `threads` it is a `RefCell` (one thread; a borrow never outlives
/// a call here, so no `BorrowMutError` can arise).
pub struct SwapCell<T> {
    #[cfg(feature = "threads")]
    cell: arc_swap::ArcSwapOption<T>,
    #[cfg(not(feature = "threads"))]
    cell: std::cell::RefCell<Option<T>>,
}

impl<T: Clone> SwapCell<T> {
    pub fn new(v: Option<T>) -> SwapCell<T> {
        SwapCell {
            #[cfg(feature = "threads")]
            cell: arc_swap::ArcSwapOption::new(v.map(std::sync::Arc::new)),
            #[cfg(not(feature = "threads"))]
            cell: std::cell::RefCell::new(v),
        }
    }
    /// A clone of the current content.
    #[inline]
    pub fn get(&self) -> Option<T> {
        #[cfg(feature = "threads")]
        return self.cell.load().as_deref().cloned();
        #[cfg(not(feature = "threads"))]
        return self.cell.borrow().clone();
    }
    #[inline]
    pub fn is_some(&self) -> bool {
        #[cfg(feature = "threads")]
        return self.cell.load().is_some();
        #[cfg(not(feature = "threads"))]
        return self.cell.borrow().is_some();
    }
    /// Replace the content, returning the old one.
    pub fn replace(&self, v: Option<T>) -> Option<T> {
        #[cfg(feature = "threads")]
        return self
            .cell
            .swap(v.map(std::sync::Arc::new))
            .map(std::sync::Arc::unwrap_or_clone);
        #[cfg(not(feature = "threads"))]
        return self.cell.replace(v);
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

#[cfg(test)]
mod tests {
    use super::SwapCell;
    use crate::runtime::value::Value;

    #[test]
    fn swap_cell_replace_returns_old() {
        let c = SwapCell::new(None);
        assert!(!c.is_some());
        assert!(c.replace(Some(Value::string("a"))).is_none());
        let old = c.replace(Some(Value::string("b")));
        assert_eq!(
            old.and_then(|v| v.as_str().map(str::to_string)).as_deref(),
            Some("a")
        );
        assert_eq!(
            c.get()
                .and_then(|v| v.as_str().map(str::to_string))
                .as_deref(),
            Some("b")
        );
        assert!(c.replace(None).is_some());
        assert!(c.get().is_none());
    }

    /// Readers racing a writer that keeps replacing (and so freeing) heap
    /// values always see a whole, live value.
    #[cfg(feature = "threads")]
    #[test]
    fn swap_cell_reads_race_writes() {
        let c = std::sync::Arc::new(SwapCell::new(Some(Value::string("0"))));
        let readers: Vec<_> = (0..3)
            .map(|_| {
                let c = c.clone();
                std::thread::spawn(move || {
                    for _ in 0..20_000 {
                        let v = c.get().expect("always set");
                        let n: u32 = v.as_str().expect("a string").parse().expect("digits");
                        assert!(n < 20_000);
                    }
                })
            })
            .collect();
        for i in 0..20_000u32 {
            c.replace(Some(Value::string(i.to_string())));
        }
        for r in readers {
            r.join().expect("reader");
        }
    }
}
