//! clojure.lang.LazySeq: a seq whose body runs once, on first use.
//!
//! As in LazySeq.java: `sval` runs the thunk and keeps its raw result; `seq`
//! then unwraps nested lazy seqs iteratively (a thunk returning a lazy seq
//! returning a lazy seq ... costs no Rust stack) and stores `(seq result)`.
//!
//! Exceptions (JVM 1.11.1, verified): a thunk that throws is NOT consumed:
//! the next `seq` runs the fn again. If the unwrapping step throws instead
//! (an inner lazy seq's thunk, or `seq` of a non-seqable result), the outer
//! seq is left empty: a second `(seq s)` returns nil. A Rust `FnOnce` thunk
//! cannot run twice, so when one throws its exception is stored and
//! re-thrown on every later use.
//!
//! Threads: one thread runs the thunk while the others wait on a condvar; the
//! lock is not held while the thunk runs, so a thunk may use other lazy seqs
//! freely. A thunk that re-enters its own seq calls the fn again (as the JVM's
//! reentrant `synchronized` does).

use super::drop::{Tails, drop_tails, push_tail};
use super::{SeqNode, more, next, seq};
use crate::runtime::error::{Exception, Result, err};
use crate::runtime::func::call;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::value::{Value, View};
use std::thread::ThreadId;

/// A lazy-seq body written in Rust (used by builtins such as `map`).
#[cfg(feature = "threads")]
pub type NativeThunk = Box<dyn FnOnce() -> Result<Value> + Send>;
/// A lazy-seq body written in Rust (used by builtins such as `map`).
#[cfg(not(feature = "threads"))]
pub type NativeThunk = Box<dyn FnOnce() -> Result<Value>>;

pub(in crate::runtime) enum Thunk {
    /// A Clojure fn of no arguments: `(lazy-seq body)`.
    Fn(Value),
    Native(NativeThunk),
}

pub(in crate::runtime) enum State {
    Unrealized(Thunk),
    /// The thunk is running on `ThreadId`; `Some(fn)` lets a reentrant call
    /// run a Clojure fn again.
    Running(ThreadId, Option<Value>),
    /// The thunk's result, not yet passed through `seq`.
    Raw(Value),
    /// Fully realised: nil or a seq that is not a LazySeq.
    Seq(Value),
    /// A native thunk threw; re-thrown on every use.
    Failed(Exception),
}

pub struct LazySeq {
    pub(in crate::runtime) state: Lock<State>,
    #[cfg(feature = "threads")]
    done: std::sync::Condvar,
    /// Threads blocked on `done`; changed and read only under `state`'s
    /// lock, so `notify` can skip the wake-up syscall when nobody waits.
    #[cfg(feature = "threads")]
    waiters: std::sync::atomic::AtomicU32,
    pub(in crate::runtime) meta: Option<Value>,
}

impl LazySeq {
    fn with_state(state: State, meta: Option<Value>) -> LazySeq {
        LazySeq {
            state: Lock::new(state),
            #[cfg(feature = "threads")]
            done: std::sync::Condvar::new(),
            #[cfg(feature = "threads")]
            waiters: std::sync::atomic::AtomicU32::new(0),
            meta,
        }
    }
    /// `(lazy-seq ...)` over a Clojure fn of no arguments.
    pub fn from_fn(f: Value) -> LazySeq {
        LazySeq::with_state(State::Unrealized(Thunk::Fn(f)), None)
    }
    /// A lazy seq over a Rust closure.
    pub fn native(thunk: NativeThunk) -> LazySeq {
        LazySeq::with_state(State::Unrealized(Thunk::Native(thunk)), None)
    }

    /// `(realized? s)`.
    pub fn is_realized(&self) -> bool {
        matches!(&*lock(&self.state), State::Raw(_) | State::Seq(_))
    }

    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    /// `(with-meta s m)` realises the seq, as LazySeq.withMeta does.
    pub fn with_meta(&self, meta: Option<Value>) -> Result<LazySeq> {
        let s = self.seq()?;
        Ok(LazySeq::with_state(State::Seq(s), meta))
    }

    /// Wake waiting threads; call with the state lock held.
    fn notify(&self) {
        #[cfg(feature = "threads")]
        if self.waiters.load(std::sync::atomic::Ordering::Relaxed) > 0 {
            self.done.notify_all();
        }
    }

    /// Run the thunk if needed; returns its raw result (or the realised seq).
    pub(super) fn sval(&self) -> Result<Value> {
        let mut g = lock(&self.state);
        if let State::Raw(v) | State::Seq(v) = &*g {
            return Ok(v.clone());
        }
        let me = std::thread::current().id();
        loop {
            match &*g {
                State::Raw(v) | State::Seq(v) => return Ok(v.clone()),
                State::Failed(e) => return Err(e.clone()),
                State::Running(owner, f) => {
                    if *owner == me {
                        // Reentrant realisation: the JVM calls the fn again.
                        return match f.clone() {
                            Some(f) => {
                                drop(g);
                                call(&f, &mut [])
                            }
                            None => err::illegal_state("lazy seq realised from its own body"),
                        };
                    }
                    #[cfg(feature = "threads")]
                    {
                        use std::sync::atomic::Ordering::Relaxed;
                        self.waiters.fetch_add(1, Relaxed);
                        g = match self.done.wait(g) {
                            Ok(g) => g,
                            Err(p) => p.into_inner(),
                        };
                        self.waiters.fetch_sub(1, Relaxed);
                        continue;
                    }
                    #[cfg(not(feature = "threads"))]
                    return err::illegal_state("lazy seq realised from another thread");
                }
                State::Unrealized(_) => {}
            }
            // Unrealized: claim it, then run the thunk without the lock.
            let fn_value = match &*g {
                State::Unrealized(Thunk::Fn(f)) => Some(f.clone()),
                _ => None,
            };
            let State::Unrealized(thunk) = std::mem::replace(&mut *g, State::Running(me, fn_value))
            else {
                continue;
            };
            drop(g);
            // A thunk that realises a lazy seq that realises ... (a deep
            // `concat` or `filter` chain) recurses here: count the level.
            let depth = crate::runtime::stack::enter();
            let (result, retry) = match (thunk, depth) {
                (Thunk::Fn(f), Err(e)) => (Err(e), Some(f)),
                (Thunk::Native(b), Err(e)) => {
                    // Not run: keep it for a retry once the stack unwinds.
                    let mut g = lock(&self.state);
                    *g = State::Unrealized(Thunk::Native(b));
                    self.notify();
                    return Err(e);
                }
                (thunk, Ok(_guard)) => match thunk {
                    Thunk::Fn(f) => {
                        let r = call(&f, &mut []);
                        (r, Some(f))
                    }
                    Thunk::Native(b) => (b(), None),
                },
            };
            let mut g = lock(&self.state);
            *g = match (&result, retry) {
                (Ok(v), _) => State::Raw(v.clone()),
                (Err(_), Some(f)) => State::Unrealized(Thunk::Fn(f)),
                (Err(e), None) => State::Failed(e.clone()),
            };
            self.notify();
            drop(g);
            return result;
        }
    }

    /// Realise: nil or a seq that is not a LazySeq.
    pub fn seq(&self) -> Result<Value> {
        if let State::Seq(s) = &*lock(&self.state) {
            return Ok(s.clone());
        }
        let raw = self.sval()?;
        let unwrapped = unwrap(raw);
        let mut g = lock(&self.state);
        match unwrapped {
            Ok(s) => {
                if let State::Seq(done) = &*g {
                    // Another thread finished first; keep its seq.
                    return Ok(done.clone());
                }
                *g = State::Seq(s.clone());
                Ok(s)
            }
            Err(e) => {
                if matches!(&*g, State::Raw(_)) {
                    *g = State::Seq(Value::NIL);
                }
                Err(e)
            }
        }
    }
}

/// Follow a chain of lazy seqs without recursion, then `seq` the result.
fn unwrap(mut v: Value) -> Result<Value> {
    while let View::LazySeq(inner) = v.view() {
        let next = inner.sval()?;
        v = next;
    }
    seq(&v)
}

impl SeqNode for LazySeq {
    fn first(&self) -> Result<Value> {
        let s = self.seq()?;
        super::first(&s)
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        let s = self.seq()?;
        if s.is_nil() { Ok(Value::NIL) } else { next(&s) }
    }
    fn more(&self, _this: &Value) -> Result<Value> {
        let s = self.seq()?;
        if s.is_nil() {
            Ok(Value::empty_list())
        } else {
            more(&s)
        }
    }
}

impl Tails for LazySeq {
    fn take_tails(&mut self, out: &mut Vec<Value>) {
        let st = match self.state.get_mut() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        match std::mem::replace(st, State::Seq(Value::NIL)) {
            State::Raw(v) | State::Seq(v) => push_tail(out, v),
            State::Unrealized(thunk) => drop_thunk(thunk),
            other => *st = other,
        }
    }
}

thread_local! {
    /// Thunks waiting to be dropped by the outermost `drop_thunk` on this
    /// thread; None when no thunk drop is running.
    static DEFERRED_THUNKS: std::cell::RefCell<Option<Vec<Thunk>>> =
        const { std::cell::RefCell::new(None) };
}

/// Drop an unrealised body. Its captured values are opaque, and may be lazy
/// seqs with bodies capturing lazy seqs ... (an unrealised 3-million-deep
/// `filter` chain): a drop inside a drop only queues the body, and the
/// outermost drop empties the queue, so depth stays constant.
fn drop_thunk(thunk: Thunk) {
    let queued = DEFERRED_THUNKS.try_with(|q| match q.borrow_mut().as_mut() {
        Some(pending) => {
            pending.push(thunk);
            None
        }
        None => Some(thunk),
    });
    let first = match queued {
        Ok(None) => return,
        Ok(Some(t)) => t,
        // Thread-local storage already torn down: drop in place.
        Err(_) => return,
    };
    DEFERRED_THUNKS.with(|q| *q.borrow_mut() = Some(Vec::new()));
    drop(first);
    while let Some(next) = DEFERRED_THUNKS.with(|q| q.borrow_mut().as_mut().and_then(Vec::pop)) {
        drop(next);
    }
    DEFERRED_THUNKS.with(|q| *q.borrow_mut() = None);
}

impl Drop for LazySeq {
    fn drop(&mut self) {
        drop_tails(self);
    }
}

impl Value {
    /// `(lazy-seq ...)`: `f` is a Clojure fn of no arguments.
    /// A candidate of the cycle collector: its body may read a cell that
    /// holds the seq itself, so the realised seq can reach itself after
    /// the body (a `^:once` fn) let the cell go.
    pub fn lazy_seq(f: Value) -> Value {
        crate::runtime::cycle::registered(Value::from(Ref::new(LazySeq::from_fn(f))))
    }
    /// A lazy seq whose body is a Rust closure, run at most once.
    #[cfg(feature = "threads")]
    pub fn lazy_seq_native(f: impl FnOnce() -> Result<Value> + Send + 'static) -> Value {
        Value::from(Ref::new(LazySeq::native(Box::new(f))))
    }
    /// A lazy seq whose body is a Rust closure, run at most once.
    #[cfg(not(feature = "threads"))]
    pub fn lazy_seq_native(f: impl FnOnce() -> Result<Value> + 'static) -> Value {
        Value::from(Ref::new(LazySeq::native(Box::new(f))))
    }
}
