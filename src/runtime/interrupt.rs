//! Interrupting running code (nREPL `interrupt`, Ctrl-C in the REPL).
//!
//! A thread that can be interrupted registers a flag; anyone holding its
//! [`Interrupter`] sets it. Both backends and the runtime call [`check`] at
//! safe points (back-jumps, calls, seq steps, sleeps, blocking waits), which
//! then throws a catchable InterruptedException. The flag stays set until
//! its owner clears it (when the interrupted evaluation has ended), so code
//! that catches the exception and loops still stops at its next safe point.
//!
//! The fast path is one relaxed load of a process-wide count of set flags:
//! only while some flag is set does a check look at its own thread's flag.

use super::error::{ExClass, Exception, Result};
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How many registered flags are set right now (any thread).
static PENDING: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's flag, when it registered one.
    static FLAG: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
    /// Whether throwing the interruption clears the flag, as Java's
    /// Thread.interrupt does (futures); else it stays set (nREPL, REPL).
    static ONE_SHOT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A java.lang.Thread's interrupt: only blocking waits (sleep, join,
    /// Object.wait, a blocking queue's take ...) throw it, as in Java; other
    /// safe points let the thread poll `isInterrupted` itself.
    static BLOCKING_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The handle that interrupts one thread's running code.
#[derive(Clone, Default)]
pub struct Interrupter(Arc<AtomicBool>);

impl Interrupter {
    /// Ask the owning thread to stop at its next safe point. Only atomics:
    /// safe to call from a signal handler.
    pub fn interrupt(&self) {
        if !self.0.swap(true, Ordering::SeqCst) {
            PENDING.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// Clear the flag; true when it was set.
    pub fn clear(&self) -> bool {
        let was = self.0.swap(false, Ordering::SeqCst);
        if was {
            PENDING.fetch_sub(1, Ordering::SeqCst);
        }
        was
    }

    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Make the current thread interruptible through the returned handle
/// (replacing any flag it had).
pub fn register_current_thread() -> Interrupter {
    let i = Interrupter::default();
    i.attach_to_current_thread();
    i
}

impl Interrupter {
    /// Make this the flag of the current thread.
    pub fn attach_to_current_thread(&self) {
        let _ = FLAG.try_with(|f| *f.borrow_mut() = Some(self.0.clone()));
        let _ = ONE_SHOT.try_with(|o| o.set(false));
        let _ = BLOCKING_ONLY.try_with(|o| o.set(false));
    }
}

/// Make the current thread interruptible as a java.lang.Thread is
/// (Thread.interrupt): one-shot, and thrown only by blocking waits.
pub fn register_current_thread_java(i: &Interrupter) {
    i.attach_to_current_thread();
    let _ = ONE_SHOT.try_with(|o| o.set(true));
    let _ = BLOCKING_ONLY.try_with(|o| o.set(true));
}

/// The current thread's interrupt handle, if it registered one.
pub fn current() -> Option<Interrupter> {
    FLAG.try_with(|f| f.borrow().clone().map(Interrupter))
        .ok()
        .flatten()
}

/// Make the current thread interruptible the way Java threads are: the
/// interruption is thrown once, then the flag is clear (future-cancel).
pub fn register_current_thread_one_shot() -> Interrupter {
    let i = register_current_thread();
    let _ = ONE_SHOT.try_with(|o| o.set(true));
    i
}

/// The exception a safe point throws once its thread is interrupted.
pub fn interrupted_error() -> Exception {
    Exception::new(ExClass::InterruptedException, "Evaluation interrupted")
}

/// Is `e` the interruption [`check`] throws?
pub fn is_interruption(e: &Exception) -> bool {
    e.class() == ExClass::InterruptedException
}

/// A safe point: Err(InterruptedException) when this thread's flag is set.
#[inline(always)]
pub fn check() -> Result<()> {
    if PENDING.load(Ordering::Relaxed) == 0 {
        Ok(())
    } else {
        check_slow()
    }
}

/// A blocking wait's safe point: like [`check`], and also throws a
/// java.lang.Thread's interrupt (which other safe points leave alone).
pub fn check_blocking() -> Result<()> {
    if PENDING.load(Ordering::Relaxed) == 0 {
        Ok(())
    } else if let Some(e) = super::alloc::heap_exhausted() {
        Err(e)
    } else {
        take_flag()
    }
}

/// Make every thread's next safe point run the slow check (the heap
/// limit's flag rides on the interrupt fast path, so it costs nothing more).
pub(super) fn request_check() {
    PENDING.fetch_add(1, Ordering::SeqCst);
}

/// Undo one [`request_check`].
pub(super) fn check_done() {
    PENDING.fetch_sub(1, Ordering::SeqCst);
}

#[cold]
#[inline(never)]
fn check_slow() -> Result<()> {
    if super::cycle::requested() {
        super::cycle::safe_point();
    }
    if let Some(e) = super::alloc::heap_exhausted() {
        return Err(e);
    }
    if BLOCKING_ONLY.try_with(|o| o.get()).unwrap_or(false) {
        return Ok(());
    }
    take_flag()
}

/// Throw (and for one-shot flags clear) this thread's pending interrupt.
fn take_flag() -> Result<()> {
    let one_shot = ONE_SHOT.try_with(|o| o.get()).unwrap_or(false);
    let set = FLAG
        .try_with(|f| {
            f.borrow().as_ref().is_some_and(|a| {
                if one_shot {
                    let was = a.swap(false, Ordering::SeqCst);
                    if was {
                        PENDING.fetch_sub(1, Ordering::SeqCst);
                    }
                    was
                } else {
                    a.load(Ordering::SeqCst)
                }
            })
        })
        .unwrap_or(false);
    if set {
        Err(interrupted_error())
    } else {
        Ok(())
    }
}

/// How long a blocking wait sleeps between interrupt checks.
pub const POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// `Thread/sleep` that an interrupt cuts short.
pub fn sleep(d: std::time::Duration) -> Result<()> {
    let end = std::time::Instant::now() + d;
    loop {
        check_blocking()?;
        let now = std::time::Instant::now();
        if now >= end {
            return Ok(());
        }
        let step = (end - now).min(POLL);
        #[cfg(not(target_family = "wasm"))]
        std::thread::sleep(step);
        #[cfg(target_family = "wasm")]
        {
            let until = now + step;
            while std::time::Instant::now() < until {}
        }
    }
}

/// The longest single wait on a condition variable before re-checking for
/// an interrupt: `POLL`, or less when `deadline` comes first. None when the
/// deadline has passed.
pub fn wait_slice(deadline: Option<std::time::Instant>) -> Option<std::time::Duration> {
    match deadline {
        None => Some(POLL),
        Some(d) => {
            let now = std::time::Instant::now();
            (now < d).then(|| (d - now).min(POLL))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_stops_only_its_thread_until_cleared() {
        let i = register_current_thread();
        assert!(check().is_ok());
        i.interrupt();
        i.interrupt();
        assert!(check().is_err());
        // Another thread without a flag is not interrupted.
        let other = std::thread::spawn(|| check().is_ok()).join();
        assert!(matches!(other, Ok(true)));
        assert!(i.clear());
        assert!(!i.clear());
        assert!(check().is_ok());
    }

    #[test]
    fn sleep_is_cut_short() {
        let i = register_current_thread();
        let j = i.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            j.interrupt();
        });
        let start = std::time::Instant::now();
        let r = sleep(std::time::Duration::from_secs(30));
        assert!(r.is_err_and(|e| is_interruption(&e)));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        let _ = t.join();
        i.clear();
    }
}
