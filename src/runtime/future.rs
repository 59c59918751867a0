//! The object `future-call` returns: a java.util.concurrent.FutureTask run
//! on the solo pool. Deref blocks until it is done; a failure rethrows as
//! ExecutionException (message: the cause's toString), a cancelled future
//! as CancellationException.
//!
//! Cancelling a running future marks it cancelled, wakes its waiters and
//! interrupts the thread running it, as FutureTask.cancel(true) does: the
//! body stops at its next safe point (runtime/interrupt.rs: sleeps,
//! blocking waits, calls, loops, a Wasm guest's fuel slices).

use super::error::{ExClass, Exception, Result};
use super::gc::{Lock, lock};
use super::value::Value;

enum State {
    Pending,
    Running,
    Done(Value),
    Failed(Exception),
    Cancelled,
}

pub struct Future {
    state: Lock<State>,
    /// The running body's thread, for `cancel` to interrupt.
    runner: Lock<Option<super::interrupt::Interrupter>>,
    #[cfg(feature = "threads")]
    ready: std::sync::Condvar,
}

impl Default for Future {
    fn default() -> Self {
        Self::new()
    }
}

impl Future {
    pub fn new() -> Future {
        Future {
            state: Lock::new(State::Pending),
            runner: Lock::new(None),
            #[cfg(feature = "threads")]
            ready: std::sync::Condvar::new(),
        }
    }

    /// `future-done?` / `realized?`: finished, failed or cancelled.
    pub fn is_done(&self) -> bool {
        matches!(
            &*lock(&self.state),
            State::Done(_) | State::Failed(_) | State::Cancelled
        )
    }

    pub fn is_cancelled(&self) -> bool {
        matches!(&*lock(&self.state), State::Cancelled)
    }

    /// `future-cancel`: true if it was not done yet.
    pub fn cancel(&self) -> bool {
        let mut s = lock(&self.state);
        if !matches!(&*s, State::Pending | State::Running) {
            return false;
        }
        *s = State::Cancelled;
        drop(s);
        if let Some(i) = lock(&self.runner).as_ref() {
            i.interrupt();
        }
        #[cfg(feature = "threads")]
        self.ready.notify_all();
        true
    }

    /// Run the body (on a pool thread) unless cancelled first.
    pub fn run(&self, body: impl FnOnce() -> Result<Value>) {
        {
            let mut s = lock(&self.state);
            if !matches!(&*s, State::Pending) {
                return;
            }
            *s = State::Running;
            *lock(&self.runner) = Some(super::interrupt::register_current_thread_one_shot());
        }
        let r = body();
        // The pool thread goes on to other work: forget the flag (and its
        // count of pending interrupts).
        if let Some(i) = lock(&self.runner).take() {
            i.clear();
        }
        let mut s = lock(&self.state);
        if matches!(&*s, State::Running) {
            *s = match r {
                Ok(v) => State::Done(v),
                Err(e) => State::Failed(e),
            };
        }
        drop(s);
        #[cfg(feature = "threads")]
        self.ready.notify_all();
    }

    /// FutureTask.report: the value, or the exception deref throws.
    fn report(s: &State) -> Option<Result<Value>> {
        match s {
            State::Done(v) => Some(Ok(v.clone())),
            State::Failed(e) => Some(Err(execution_exception(e))),
            State::Cancelled => Some(Err(Exception::full(
                ExClass::CancellationException,
                None,
                None,
                None,
            ))),
            State::Pending | State::Running => None,
        }
    }

    /// The outcome if done, without waiting.
    pub fn try_get(&self) -> Option<Result<Value>> {
        Future::report(&lock(&self.state))
    }

    /// Wait until done (or until `timeout_ms` passes: None then).
    pub fn wait(&self, timeout_ms: Option<u64>) -> Option<Result<Value>> {
        #[cfg(feature = "threads")]
        {
            let deadline = timeout_ms
                .map(|ms| std::time::Instant::now() + std::time::Duration::from_millis(ms));
            let mut g = lock(&self.state);
            loop {
                if let Some(r) = Future::report(&g) {
                    return Some(r);
                }
                // Wake now and then to notice an interrupt.
                let slice = super::interrupt::wait_slice(deadline)?;
                g = match self.ready.wait_timeout(g, slice) {
                    Ok((g, _)) => g,
                    Err(p) => p.into_inner().0,
                };
                if let Err(e) = super::interrupt::check_blocking() {
                    return Some(Err(e));
                }
            }
        }
        #[cfg(not(feature = "threads"))]
        {
            let _ = timeout_ms;
            self.try_get()
        }
    }
}

/// ExecutionException wrapping a failure; its message is the cause's
/// Throwable.toString.
fn execution_exception(cause: &Exception) -> Exception {
    let msg = super::printer::str_value(&Value::from(cause.clone()))
        .unwrap_or_else(|_| cause.class().name().to_string());
    Exception::full(
        ExClass::ExecutionException,
        Some(msg),
        None,
        Some(cause.clone()),
    )
}
