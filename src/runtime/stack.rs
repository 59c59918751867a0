//! Call-depth accounting shared by both backends: running out of depth
//! throws a catchable StackOverflowError instead of overflowing the Rust
//! stack.

use super::error::{ExClass, Exception, Result};
use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static LIMIT: Cell<u32> = const { Cell::new(DEFAULT_LIMIT) };
}

/// Nested Clojure calls allowed per thread. The evaluator thread is started
/// with a stack large enough for this many tree-walk frames.
pub const DEFAULT_LIMIT: u32 = 10_000;

/// Set this thread's call-depth limit.
pub fn set_limit(n: u32) {
    LIMIT.with(|l| l.set(n));
}

/// Leaves the depth it entered when dropped.
pub struct DepthGuard(());

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Enter one call level; StackOverflowError past the limit.
#[inline]
pub fn enter() -> Result<DepthGuard> {
    let depth = DEPTH.with(|d| {
        let n = d.get() + 1;
        d.set(n);
        n
    });
    if depth > LIMIT.with(|l| l.get()) {
        DEPTH.with(|d| d.set(d.get() - 1));
        return Err(overflow());
    }
    Ok(DepthGuard(()))
}

/// The catchable StackOverflowError every depth guard throws.
pub fn overflow() -> Exception {
    Exception::full(ExClass::StackOverflowError, None, None, None)
}

/// Nesting allowed to walks that keep their own heap stack instead of
/// recursing (printing): far deeper than the JVM's ~5,000 printed levels,
/// yet a cycle (an atom holding itself) stops with StackOverflowError as
/// on the JVM instead of filling memory.
pub const MAX_HEAP_STACK: usize = 1 << 18;

/// StackOverflowError once a heap-stack walk holds more than
/// [`MAX_HEAP_STACK`] pending entries.
#[inline]
pub fn check_heap_stack(len: usize) -> Result<()> {
    if len > MAX_HEAP_STACK {
        Err(overflow())
    } else {
        Ok(())
    }
}
