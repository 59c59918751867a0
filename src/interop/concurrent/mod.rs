//! java.util.concurrent: TimeUnit, locks (ReentrantLock,
//! ReentrantReadWriteLock), CountDownLatch, Semaphore, CyclicBarrier, the
//! blocking and concurrent queues, DelayQueue, ConcurrentSkipListMap,
//! AtomicReferenceArray, and the Future methods of what `future` and an
//! ExecutorService's `submit` (executor.rs) return. Each object is a `Foreign` host object; blocking calls
//! wait on a condition variable in slices so an interrupt
//! (Thread.interrupt, future-cancel) ends them with InterruptedException.
//! (ConcurrentHashMap and the scalar atomics live with the java.util maps
//! and atomics in jdk.rs.)
//!
//! Without feature `threads` the synchronizers and queues still work
//! (a wait that would block forever fails rather than hang), but thread
//! pools (executor.rs) throw UnsupportedOperationException.

mod collections;

pub(super) use collections::*;

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number::convert::to_long;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, MutexGuard};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

const TIME_UNIT: &str = "java.util.concurrent.TimeUnit";
const REENTRANT_LOCK: &str = "java.util.concurrent.locks.ReentrantLock";
const RW_LOCK: &str = "java.util.concurrent.locks.ReentrantReadWriteLock";
const READ_LOCK: &str = "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock";
const WRITE_LOCK: &str = "java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock";
const CONDITION: &str = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject";
const LATCH: &str = "java.util.concurrent.CountDownLatch";
const SEMAPHORE: &str = "java.util.concurrent.Semaphore";
const BARRIER: &str = "java.util.concurrent.CyclicBarrier";
const LINKED_BLOCKING_QUEUE: &str = "java.util.concurrent.LinkedBlockingQueue";
const ARRAY_BLOCKING_QUEUE: &str = "java.util.concurrent.ArrayBlockingQueue";
const CONCURRENT_LINKED_QUEUE: &str = "java.util.concurrent.ConcurrentLinkedQueue";
const LINKED_BLOCKING_DEQUE: &str = "java.util.concurrent.LinkedBlockingDeque";
const DELAY_QUEUE: &str = "java.util.concurrent.DelayQueue";
const SKIP_LIST_MAP: &str = "java.util.concurrent.ConcurrentSkipListMap";
const REF_ARRAY: &str = "java.util.concurrent.atomic.AtomicReferenceArray";
const EXECUTORS: &str = "java.util.concurrent.Executors";

pub(super) fn foreign(class: &'static str, o: impl ForeignObject) -> Value {
    Value::from(Ref::new(HostObject::Foreign(class, Box::new(o))))
}

pub(super) fn payload<'a, T: 'static>(v: &'a Value, class: &str) -> Option<&'a T> {
    match v.view() {
        View::HostObject(HostObject::Foreign(c, b)) if *c == class => b.downcast_ref::<T>(),
        _ => None,
    }
}

pub(super) fn npe() -> Exception {
    Exception::full(ExClass::NullPointerException, None, None, None)
}

/// Wait on `cond` until `ready` yields a result (Some), the deadline
/// passes (Ok(None)) or the thread is interrupted.
pub(super) fn block<'a, T, R>(
    mut g: MutexGuard<'a, T>,
    cond: &Condvar,
    deadline: Option<Instant>,
    mut ready: impl FnMut(&mut T) -> Option<R>,
) -> Result<Option<R>> {
    loop {
        if let Some(r) = ready(&mut g) {
            return Ok(Some(r));
        }
        crate::runtime::interrupt::check_blocking()?;
        #[cfg(not(feature = "threads"))]
        if deadline.is_none() {
            // No other thread can ever make it ready.
            return Err(Exception::new(
                ExClass::IllegalStateException,
                "this wait would block forever: no other thread exists in a build without feature `threads`",
            ));
        }
        let Some(slice) = crate::runtime::interrupt::wait_slice(deadline) else {
            return Ok(None);
        };
        g = match cond.wait_timeout(g, slice) {
            Ok((g, _)) => g,
            Err(p) => p.into_inner().0,
        };
    }
}

// ----- TimeUnit -----

const UNITS: [(&str, u64); 7] = [
    ("NANOSECONDS", 1),
    ("MICROSECONDS", 1_000),
    ("MILLISECONDS", 1_000_000),
    ("SECONDS", 1_000_000_000),
    ("MINUTES", 60_000_000_000),
    ("HOURS", 3_600_000_000_000),
    ("DAYS", 86_400_000_000_000),
];

struct Unit(usize);
impl ForeignObject for Unit {
    fn java_string(&self, _object: &str) -> String {
        UNITS[self.0].0.to_string()
    }
}

crate::runtime::gc::global_state!(unit_constants: Vec<Value> = (0..UNITS.len())
    .map(|i| foreign(TIME_UNIT, Unit(i)))
    .collect());

fn unit_value(i: usize) -> Value {
    unit_constants(|u| u[i].clone())
}

/// Nanoseconds per one of `unit`.
fn unit_nanos(unit: &Value) -> Result<u64> {
    match payload::<Unit>(unit, TIME_UNIT) {
        Some(u) => Ok(UNITS[u.0].1),
        None if unit.is_nil() => Err(npe()),
        None => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(unit.class_name(), TIME_UNIT),
        )),
    }
}

/// `(t, unit)` as a Duration (negative: zero).
pub(super) fn duration(t: &Value, unit: &Value) -> Result<Duration> {
    let n = to_long(t)?.max(0) as u128;
    let nanos = n.saturating_mul(u128::from(unit_nanos(unit)?));
    Ok(Duration::from_nanos(nanos.min(u128::from(u64::MAX)) as u64))
}

pub(super) fn deadline(t: &Value, unit: &Value) -> Result<Option<Instant>> {
    let d = duration(t, unit)?;
    Ok(Some(Instant::now() + d.min(Duration::from_secs(1 << 40))))
}

/// TimeUnit.convert: truncating, saturating at Long's range.
fn convert(n: i64, from: u64, to: u64) -> i64 {
    let v = i128::from(n) * i128::from(from) / i128::from(to);
    v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

fn unit_method(u: &Unit, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let from = UNITS[u.0].1;
    let to = |target: u64| -> Result<Value> {
        Ok(Value::long(convert(to_long(&args[0])?, from, target)))
    };
    Some(match (method, args) {
        ("toNanos", [_]) => to(1),
        ("toMicros", [_]) => to(1_000),
        ("toMillis", [_]) => to(1_000_000),
        ("toSeconds", [_]) => to(UNITS[3].1),
        ("toMinutes", [_]) => to(UNITS[4].1),
        ("toHours", [_]) => to(UNITS[5].1),
        ("toDays", [_]) => to(UNITS[6].1),
        ("convert", [n, src]) => {
            (|| Ok(Value::long(convert(to_long(n)?, unit_nanos(src)?, from))))()
        }
        ("sleep", [n]) => (|| {
            crate::runtime::io::flush_stdout();
            crate::runtime::interrupt::sleep(duration(n, &unit_value(u.0))?)?;
            Ok(Value::NIL)
        })(),
        ("name" | "toString", []) => Ok(Value::string(UNITS[u.0].0)),
        ("ordinal", []) => Ok(Value::long(u.0 as i64)),
        _ => return None,
    })
}

// ----- ReentrantLock, its Conditions, ReentrantReadWriteLock -----

#[derive(Default)]
struct LockState {
    owner: Option<ThreadId>,
    holds: usize,
    /// Condition.await calls not yet signalled, per condition id, and the
    /// signals waiting for them.
    waiting: HashMap<u64, (usize, usize)>,
}

#[derive(Default)]
struct ReentrantLock {
    state: Lock<LockState>,
    changed: Condvar,
}

impl ForeignObject for ReentrantLock {
    fn java_string(&self, object: &str) -> String {
        match lock(&self.state).owner {
            Some(_) => format!("{object}[Locked]"),
            None => format!("{object}[Unlocked]"),
        }
    }
}

fn me() -> ThreadId {
    std::thread::current().id()
}

fn not_owner() -> Exception {
    Exception::full(ExClass::IllegalMonitorStateException, None, None, None)
}

impl ReentrantLock {
    fn acquire(&self, deadline: Option<Instant>) -> Result<bool> {
        let me = me();
        let got = block(lock(&self.state), &self.changed, deadline, |s| {
            match s.owner {
                None => {
                    s.owner = Some(me);
                    s.holds = 1;
                }
                Some(o) if o == me => s.holds += 1,
                Some(_) => return None,
            }
            Some(())
        })?;
        Ok(got.is_some())
    }

    fn release(&self) -> Result<()> {
        let mut s = lock(&self.state);
        if s.owner != Some(me()) {
            return Err(not_owner());
        }
        s.holds -= 1;
        if s.holds == 0 {
            s.owner = None;
            drop(s);
            self.changed.notify_all();
        }
        Ok(())
    }

    /// Condition.await: release every hold, wait for a signal, take the
    /// holds back. False when the deadline passed first.
    fn await_condition(&self, cond: u64, deadline: Option<Instant>) -> Result<bool> {
        let me = me();
        let mut s = lock(&self.state);
        if s.owner != Some(me) {
            return Err(not_owner());
        }
        let holds = s.holds;
        s.owner = None;
        s.holds = 0;
        s.waiting.entry(cond).or_default().0 += 1;
        self.changed.notify_all();
        let signalled = block(s, &self.changed, deadline, |s| {
            let w = s.waiting.entry(cond).or_default();
            (w.1 > 0).then(|| w.1 -= 1)
        });
        let mut s = lock(&self.state);
        let w = s.waiting.entry(cond).or_default();
        w.0 -= 1;
        w.1 = w.1.min(w.0);
        drop(s);
        // Take the lock back even when interrupted, as Java does.
        let back = block(lock(&self.state), &self.changed, None, |s| {
            s.owner.is_none().then(|| {
                s.owner = Some(me);
                s.holds = holds;
            })
        });
        #[cfg(feature = "threads")]
        back?;
        #[cfg(not(feature = "threads"))]
        let _ = back;
        Ok(signalled?.is_some())
    }

    fn signal(&self, cond: u64, all: bool) -> Result<()> {
        let mut s = lock(&self.state);
        if s.owner != Some(me()) {
            return Err(not_owner());
        }
        let w = s.waiting.entry(cond).or_default();
        w.1 = if all { w.0 } else { (w.1 + 1).min(w.0) };
        drop(s);
        self.changed.notify_all();
        Ok(())
    }
}

fn lock_method(
    this: &Value,
    l: &ReentrantLock,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("lock" | "lockInterruptibly", []) => l.acquire(None).map(|_| Value::NIL),
        ("tryLock", []) => l.acquire(Some(Instant::now())).map(Value::bool),
        ("tryLock", [t, unit]) => deadline(t, unit).and_then(|d| l.acquire(d).map(Value::bool)),
        ("unlock", []) => l.release().map(|()| Value::NIL),
        ("isLocked", []) => Ok(Value::bool(lock(&l.state).owner.is_some())),
        ("isHeldByCurrentThread", []) => Ok(Value::bool(lock(&l.state).owner == Some(me()))),
        ("getHoldCount", []) => {
            let s = lock(&l.state);
            Ok(Value::long(if s.owner == Some(me()) {
                s.holds as i64
            } else {
                0
            }))
        }
        ("isFair", []) => Ok(Value::FALSE),
        ("newCondition", []) => {
            static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            Ok(foreign(
                CONDITION,
                ConditionObj {
                    lock: this.clone(),
                    id: NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
                },
            ))
        }
        _ => return None,
    })
}

struct ConditionObj {
    /// The ReentrantLock value it belongs to.
    lock: Value,
    id: u64,
}
impl ForeignObject for ConditionObj {}

fn condition_method(c: &ConditionObj, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let l = payload::<ReentrantLock>(&c.lock, REENTRANT_LOCK)?;
    Some(match (method, args) {
        ("await" | "awaitUninterruptibly", []) => l.await_condition(c.id, None).map(|_| Value::NIL),
        ("await", [t, unit]) => {
            deadline(t, unit).and_then(|d| l.await_condition(c.id, d).map(Value::bool))
        }
        ("signal", []) => l.signal(c.id, false).map(|()| Value::NIL),
        ("signalAll", []) => l.signal(c.id, true).map(|()| Value::NIL),
        _ => return None,
    })
}

#[derive(Default)]
struct RwState {
    writer: Option<ThreadId>,
    writes: usize,
    readers: HashMap<ThreadId, usize>,
}

#[derive(Default)]
struct RwLock {
    state: Lock<RwState>,
    changed: Condvar,
}
impl ForeignObject for RwLock {}

/// A read or write view of a ReentrantReadWriteLock value.
struct RwView {
    rw: Value,
    write: bool,
}
impl ForeignObject for RwView {}

impl RwLock {
    fn acquire(&self, write: bool, deadline: Option<Instant>) -> Result<bool> {
        let me = me();
        let got = block(lock(&self.state), &self.changed, deadline, |s| {
            let free_of_others = s.writer.is_none_or(|w| w == me);
            if write {
                // No upgrade from a read hold: Java's writer waits for
                // every reader, including itself.
                if free_of_others && s.readers.is_empty() {
                    s.writer = Some(me);
                    s.writes += 1;
                    return Some(());
                }
            } else if free_of_others {
                *s.readers.entry(me).or_default() += 1;
                return Some(());
            }
            None
        })?;
        Ok(got.is_some())
    }

    fn release(&self, write: bool) -> Result<()> {
        let me = me();
        let mut s = lock(&self.state);
        if write {
            if s.writer != Some(me) {
                return Err(not_owner());
            }
            s.writes -= 1;
            if s.writes == 0 {
                s.writer = None;
            }
        } else {
            let Some(n) = s.readers.get_mut(&me) else {
                return Err(not_owner());
            };
            *n -= 1;
            if *n == 0 {
                s.readers.remove(&me);
            }
        }
        drop(s);
        self.changed.notify_all();
        Ok(())
    }
}

fn rw_method(this: &Value, rw: &RwLock, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let view = |write| {
        foreign(
            if write { WRITE_LOCK } else { READ_LOCK },
            RwView {
                rw: this.clone(),
                write,
            },
        )
    };
    Some(Ok(match (method, args) {
        ("readLock", []) => view(false),
        ("writeLock", []) => view(true),
        ("isWriteLocked", []) => Value::bool(lock(&rw.state).writer.is_some()),
        ("isWriteLockedByCurrentThread", []) => Value::bool(lock(&rw.state).writer == Some(me())),
        ("getReadLockCount", []) => {
            Value::long(lock(&rw.state).readers.values().sum::<usize>() as i64)
        }
        ("getWriteHoldCount", []) => {
            let s = lock(&rw.state);
            Value::long(if s.writer == Some(me()) {
                s.writes as i64
            } else {
                0
            })
        }
        ("isFair", []) => Value::FALSE,
        _ => return None,
    }))
}

fn rw_view_method(v: &RwView, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let rw = payload::<RwLock>(&v.rw, RW_LOCK)?;
    Some(match (method, args) {
        ("lock" | "lockInterruptibly", []) => rw.acquire(v.write, None).map(|_| Value::NIL),
        ("tryLock", []) => rw.acquire(v.write, Some(Instant::now())).map(Value::bool),
        ("tryLock", [t, unit]) => {
            deadline(t, unit).and_then(|d| rw.acquire(v.write, d).map(Value::bool))
        }
        ("unlock", []) => rw.release(v.write).map(|()| Value::NIL),
        ("isHeldByCurrentThread", []) if v.write => {
            Ok(Value::bool(lock(&rw.state).writer == Some(me())))
        }
        _ => return None,
    })
}

// ----- CountDownLatch, Semaphore, CyclicBarrier -----

/// A CountDownLatch's count or a Semaphore's permits.
struct Counter {
    /// What toString calls it: "Count" or "Permits".
    label: &'static str,
    n: Lock<i64>,
    changed: Condvar,
}
impl ForeignObject for Counter {
    fn java_string(&self, object: &str) -> String {
        format!("{object}[{} = {}]", self.label, lock(&self.n))
    }
}

fn counter(label: &'static str, n: i64) -> Counter {
    Counter {
        label,
        n: Lock::new(n),
        changed: Condvar::new(),
    }
}

fn latch_method(l: &Counter, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let wait = |d: Option<Instant>| -> Result<bool> {
        Ok(block(lock(&l.n), &l.changed, d, |n| (*n == 0).then_some(()))?.is_some())
    };
    Some(match (method, args) {
        ("countDown", []) => {
            let mut n = lock(&l.n);
            if *n > 0 {
                *n -= 1;
                if *n == 0 {
                    l.changed.notify_all();
                }
            }
            Ok(Value::NIL)
        }
        ("getCount", []) => Ok(Value::long(*lock(&l.n))),
        ("await", []) => wait(None).map(|_| Value::NIL),
        ("await", [t, unit]) => deadline(t, unit).and_then(|d| wait(d).map(Value::bool)),
        _ => return None,
    })
}

fn semaphore_method(s: &Counter, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let take = |k: i64, d: Option<Instant>| -> Result<bool> {
        if k < 0 {
            return Err(Exception::full(
                ExClass::IllegalArgumentException,
                None,
                None,
                None,
            ));
        }
        Ok(block(lock(&s.n), &s.changed, d, |n| (*n >= k).then(|| *n -= k))?.is_some())
    };
    let give = |k: i64| -> Result<Value> {
        if k < 0 {
            return Err(Exception::full(
                ExClass::IllegalArgumentException,
                None,
                None,
                None,
            ));
        }
        *lock(&s.n) += k;
        s.changed.notify_all();
        Ok(Value::NIL)
    };
    let now = || Some(Instant::now());
    Some(match (method, args) {
        ("acquire" | "acquireUninterruptibly", []) => take(1, None).map(|_| Value::NIL),
        ("acquire" | "acquireUninterruptibly", [k]) => {
            to_long(k).and_then(|k| take(k, None)).map(|_| Value::NIL)
        }
        ("tryAcquire", []) => take(1, now()).map(Value::bool),
        ("tryAcquire", [k]) => to_long(k).and_then(|k| take(k, now())).map(Value::bool),
        ("tryAcquire", [t, unit]) => deadline(t, unit).and_then(|d| take(1, d).map(Value::bool)),
        ("tryAcquire", [k, t, unit]) => (|| {
            let d = deadline(t, unit)?;
            take(to_long(k)?, d).map(Value::bool)
        })(),
        ("release", []) => give(1),
        ("release", [k]) => to_long(k).and_then(give),
        ("availablePermits", []) => Ok(Value::long(*lock(&s.n))),
        ("drainPermits", []) => {
            let mut n = lock(&s.n);
            let had = (*n).max(0);
            *n -= had;
            Ok(Value::long(had))
        }
        _ => return None,
    })
}

struct BarrierState {
    waiting: usize,
    generation: u64,
    broken: bool,
}

struct Barrier {
    parties: usize,
    action: Value,
    state: Lock<BarrierState>,
    changed: Condvar,
}
impl ForeignObject for Barrier {}

fn broken() -> Exception {
    Exception::full(ExClass::BrokenBarrierException, None, None, None)
}

impl Barrier {
    /// CyclicBarrier.await: the arrival index (parties - 1 for the first
    /// to arrive, 0 for the last, which runs the barrier action).
    fn arrive(&self, deadline: Option<Instant>) -> Result<i64> {
        let mut s = lock(&self.state);
        if s.broken {
            return Err(broken());
        }
        let index = self.parties - 1 - s.waiting;
        if index == 0 {
            drop(s);
            let r = super::thread::run_runnable(&self.action);
            let mut s = lock(&self.state);
            match r {
                Ok(_) => {
                    s.waiting = 0;
                    s.generation += 1;
                }
                Err(_) => s.broken = true,
            }
            drop(s);
            self.changed.notify_all();
            return r.map(|_| 0);
        }
        s.waiting += 1;
        let generation = s.generation;
        let r = block(s, &self.changed, deadline, |s| {
            (s.generation != generation || s.broken).then_some(())
        });
        let mut s = lock(&self.state);
        if s.generation != generation {
            return Ok(index as i64);
        }
        // Interrupted or timed out: the barrier breaks for everyone.
        s.broken = true;
        drop(s);
        self.changed.notify_all();
        match r {
            Err(e) => Err(e),
            Ok(Some(())) => Err(broken()),
            Ok(None) => Err(Exception::full(ExClass::TimeoutException, None, None, None)),
        }
    }
}

fn barrier_method(b: &Barrier, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("await", []) => b.arrive(None).map(Value::long),
        ("await", [t, unit]) => deadline(t, unit).and_then(|d| b.arrive(d).map(Value::long)),
        ("getParties", []) => Ok(Value::long(b.parties as i64)),
        ("getNumberWaiting", []) => Ok(Value::long(lock(&b.state).waiting as i64)),
        ("isBroken", []) => Ok(Value::bool(lock(&b.state).broken)),
        ("reset", []) => {
            let mut s = lock(&b.state);
            if s.waiting > 0 {
                s.broken = true;
                drop(s);
                b.changed.notify_all();
                let mut s = lock(&b.state);
                // Threads waiting now see the broken barrier; a new
                // generation starts clean.
                s.generation += 1;
                s.waiting = 0;
                s.broken = false;
            } else {
                s.broken = false;
            }
            Ok(Value::NIL)
        }
        _ => return None,
    })
}

// ----- AtomicReferenceArray -----

struct RefArray(Lock<Vec<Value>>);
impl ForeignObject for RefArray {
    fn java_string(&self, object: &str) -> String {
        let items = lock(&self.0).clone();
        let parts: Result<Vec<String>> = items
            .iter()
            .map(|v| {
                if v.is_nil() {
                    Ok("null".to_string())
                } else {
                    crate::runtime::printer::str_value(v)
                }
            })
            .collect();
        match parts {
            Ok(p) => format!("[{}]", p.join(", ")),
            Err(_) => object.to_string(),
        }
    }
}

fn ref_array_method(a: &RefArray, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let slot = |i: &Value| -> Result<usize> {
        let i = to_long(i)?;
        let len = lock(&a.0).len();
        match usize::try_from(i) {
            Ok(u) if u < len => Ok(u),
            _ => Err(Exception::new(
                ExClass::ArrayIndexOutOfBoundsException,
                format!("Index {i} out of bounds for length {len}"),
            )),
        }
    };
    (|| -> Result<Option<Value>> {
        Ok(Some(match (method, args) {
            ("length", []) => Value::long(lock(&a.0).len() as i64),
            ("get" | "getPlain" | "getAcquire" | "getOpaque", [i]) => {
                let i = slot(i)?;
                lock(&a.0)[i].clone()
            }
            ("set" | "lazySet" | "setPlain" | "setRelease" | "setOpaque", [i, x]) => {
                let i = slot(i)?;
                lock(&a.0)[i] = x.clone();
                Value::NIL
            }
            ("getAndSet", [i, x]) => {
                let i = slot(i)?;
                std::mem::replace(&mut lock(&a.0)[i], x.clone())
            }
            ("compareAndSet" | "weakCompareAndSet", [i, expect, x]) => {
                let i = slot(i)?;
                let mut v = lock(&a.0);
                let same = v[i].identical(expect);
                if same {
                    v[i] = x.clone();
                }
                Value::bool(same)
            }
            _ => return Ok(None),
        }))
    })()
    .transpose()
}

// ----- Future -----

/// java.util.concurrent.Future's methods on what `future` and an
/// executor's `submit` return.
pub fn future_method(
    f: &crate::runtime::future::Future,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("get", []) => f.wait(None).unwrap_or(Ok(Value::NIL)),
        ("get", [t, unit]) => (|| {
            let ms = duration(t, unit)?.as_millis().min(u128::from(u64::MAX)) as u64;
            f.wait(Some(ms)).unwrap_or_else(|| {
                Err(Exception::full(ExClass::TimeoutException, None, None, None))
            })
        })(),
        ("isDone", []) => Ok(Value::bool(f.is_done())),
        ("isCancelled", []) => Ok(Value::bool(f.is_cancelled())),
        ("cancel", [_]) => Ok(Value::bool(f.cancel())),
        _ => return None,
    })
}

// ----- dispatch -----

/// `(new C args)`; None when not modelled here.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, args) {
        (REENTRANT_LOCK, [] | [_]) => Ok(foreign(REENTRANT_LOCK, ReentrantLock::default())),
        (RW_LOCK, [] | [_]) => Ok(foreign(RW_LOCK, RwLock::default())),
        (LATCH, [n]) => to_long(n).and_then(|n| {
            if n < 0 {
                Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    "count < 0",
                ))
            } else {
                Ok(foreign(LATCH, counter("Count", n)))
            }
        }),
        (SEMAPHORE, [n] | [n, _]) => to_long(n).map(|n| foreign(SEMAPHORE, counter("Permits", n))),
        (BARRIER, [n] | [n, _]) => capacity_arg(n).map(|parties| {
            foreign(
                BARRIER,
                Barrier {
                    parties,
                    action: args.get(1).cloned().unwrap_or(Value::NIL),
                    state: Lock::new(BarrierState {
                        waiting: 0,
                        generation: 0,
                        broken: false,
                    }),
                    changed: Condvar::new(),
                },
            )
        }),
        (LINKED_BLOCKING_QUEUE | LINKED_BLOCKING_DEQUE | CONCURRENT_LINKED_QUEUE, []) => {
            queue(class_const(class), usize::MAX, Vec::new())
        }
        (LINKED_BLOCKING_QUEUE | LINKED_BLOCKING_DEQUE | CONCURRENT_LINKED_QUEUE, [x]) => {
            if crate::runtime::number::is_number(x) && class != CONCURRENT_LINKED_QUEUE {
                capacity_arg(x).and_then(|n| queue(class_const(class), n, Vec::new()))
            } else {
                items_of(x).and_then(|xs| queue(class_const(class), usize::MAX, xs))
            }
        }
        (ARRAY_BLOCKING_QUEUE, [n] | [n, _]) => {
            capacity_arg(n).and_then(|n| queue(ARRAY_BLOCKING_QUEUE, n, Vec::new()))
        }
        (ARRAY_BLOCKING_QUEUE, [n, _, c]) => (|| {
            let n = capacity_arg(n)?;
            queue(ARRAY_BLOCKING_QUEUE, n, items_of(c)?)
        })(),
        (DELAY_QUEUE, []) => Ok(foreign(
            DELAY_QUEUE,
            DelayQueue {
                items: Lock::new(Vec::new()),
                changed: Condvar::new(),
            },
        )),
        (SKIP_LIST_MAP, [] | [_]) => (|| {
            let comparator = match args.first() {
                Some(c) if !crate::runtime::equality::is_map(c) => c.clone(),
                _ => Value::NIL,
            };
            let m = foreign(
                SKIP_LIST_MAP,
                SkipListMap {
                    comparator,
                    entries: Lock::new(Vec::new()),
                },
            );
            if let Some(init) = args.first().filter(|c| crate::runtime::equality::is_map(c)) {
                for e in items_of(init)? {
                    if let View::MapEntry(me) = e.view() {
                        crate::runtime::host::call_method(
                            &m,
                            "put",
                            &[me.key().clone(), me.val().clone()],
                        )?;
                    }
                }
            }
            Ok(m)
        })(),
        (REF_ARRAY, [x]) => {
            if crate::runtime::number::is_number(x) {
                to_long(x).and_then(|n| {
                    if n < 0 {
                        Err(Exception::new(
                            ExClass::NegativeArraySizeException,
                            n.to_string(),
                        ))
                    } else {
                        Ok(foreign(
                            REF_ARRAY,
                            RefArray(Lock::new(vec![Value::NIL; n as usize])),
                        ))
                    }
                })
            } else {
                items_of(x).map(|xs| foreign(REF_ARRAY, RefArray(Lock::new(xs))))
            }
        }
        _ => return None,
    })
}

fn class_const(class: &str) -> &'static str {
    [
        LINKED_BLOCKING_QUEUE,
        LINKED_BLOCKING_DEQUE,
        CONCURRENT_LINKED_QUEUE,
        ARRAY_BLOCKING_QUEUE,
    ]
    .into_iter()
    .find(|c| *c == class)
    .unwrap_or(LINKED_BLOCKING_QUEUE)
}

/// `(C/m args)`; None when not modelled here.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match class {
        #[cfg(feature = "threads")]
        EXECUTORS => super::executor::executors_static(member, args),
        #[cfg(not(feature = "threads"))]
        EXECUTORS => Some(Err(super::thread::no_threads(&format!(
            "java.util.concurrent.Executors/{member}"
        )))),
        TIME_UNIT => match (member, args) {
            ("valueOf", [n]) => Some(match UNITS.iter().position(|u| Some(u.0) == n.as_str()) {
                Some(i) => Ok(unit_value(i)),
                None => Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!(
                        "No enum constant java.util.concurrent.TimeUnit.{}",
                        crate::runtime::printer::str_value(n).unwrap_or_default()
                    ),
                )),
            }),
            ("values", []) => Some(Ok(Value::from(Ref::new(HostObject::Array(
                "[Ljava.util.concurrent.TimeUnit;",
                Lock::new((0..UNITS.len()).map(unit_value).collect()),
            ))))),
            _ => None,
        },
        _ => None,
    }
}

/// `C/FIELD`; None when not modelled here.
pub fn get_static(class: &str, field: &str) -> Option<Value> {
    match class {
        TIME_UNIT => UNITS.iter().position(|u| u.0 == field).map(unit_value),
        _ => None,
    }
}

/// `(.m x args)` of the objects above; None when not modelled here.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(HostObject::Foreign(class, b)) = target.view() else {
        return None;
    };
    match *class {
        TIME_UNIT => unit_method(b.downcast_ref()?, method, args),
        REENTRANT_LOCK => lock_method(target, b.downcast_ref()?, method, args),
        CONDITION => condition_method(b.downcast_ref()?, method, args),
        RW_LOCK => rw_method(target, b.downcast_ref()?, method, args),
        READ_LOCK | WRITE_LOCK => rw_view_method(b.downcast_ref()?, method, args),
        LATCH => latch_method(b.downcast_ref()?, method, args),
        SEMAPHORE => semaphore_method(b.downcast_ref()?, method, args),
        BARRIER => barrier_method(b.downcast_ref()?, method, args),
        LINKED_BLOCKING_QUEUE
        | ARRAY_BLOCKING_QUEUE
        | CONCURRENT_LINKED_QUEUE
        | LINKED_BLOCKING_DEQUE => queue_method(b.downcast_ref()?, method, args),
        REF_ARRAY => ref_array_method(b.downcast_ref()?, method, args),
        DELAY_QUEUE => delay_queue_method(b.downcast_ref()?, method, args),
        SKIP_LIST_MAP => skip_list_method(b.downcast_ref()?, method, args),
        #[cfg(feature = "threads")]
        super::executor::POOL => super::executor::call(target, method, args),
        _ => None,
    }
}

const SERIAL: &str = "java.io.Serializable";

/// The registry's entries for this file's classes (and executor.rs's).
pub static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.concurrent.Executors").statics(
        &[
            "newFixedThreadPool",
            "newSingleThreadExecutor",
            "newCachedThreadPool",
            "newWorkStealingPool",
            "callable",
        ],
        call_static,
    ),
    ClassDef::interface("java.util.concurrent.Executor"),
    ClassDef::interface("java.util.concurrent.ExecutorService")
        .implements(&["java.util.concurrent.Executor"]),
    ClassDef::class("java.util.concurrent.AbstractExecutorService")
        .implements(&["java.util.concurrent.ExecutorService"]),
    ClassDef::class("java.util.concurrent.ThreadPoolExecutor")
        .extends("java.util.concurrent.AbstractExecutorService"),
    ClassDef::interface("java.util.concurrent.ThreadFactory"),
    ClassDef::class("java.util.concurrent.TimeUnit")
        .extends("java.lang.Enum")
        .statics(&["valueOf", "values"], call_static)
        .fields(
            &[
                "NANOSECONDS",
                "MICROSECONDS",
                "MILLISECONDS",
                "SECONDS",
                "MINUTES",
                "HOURS",
                "DAYS",
            ],
            get_static,
        ),
    ClassDef::interface("java.util.concurrent.locks.Lock"),
    ClassDef::interface("java.util.concurrent.locks.ReadWriteLock"),
    ClassDef::interface("java.util.concurrent.locks.Condition"),
    ClassDef::class("java.util.concurrent.locks.ReentrantLock")
        .implements(&["java.util.concurrent.locks.Lock", SERIAL])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.locks.ReentrantReadWriteLock")
        .implements(&["java.util.concurrent.locks.ReadWriteLock", SERIAL])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock")
        .implements(&["java.util.concurrent.locks.Lock", SERIAL]),
    ClassDef::class("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock")
        .implements(&["java.util.concurrent.locks.Lock", SERIAL]),
    ClassDef::class("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject")
        .implements(&["java.util.concurrent.locks.Condition", SERIAL]),
    ClassDef::class("java.util.concurrent.CountDownLatch").ctor(construct),
    ClassDef::class("java.util.concurrent.Semaphore")
        .implements(&[SERIAL])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.CyclicBarrier").ctor(construct),
    ClassDef::interface("java.util.concurrent.BlockingQueue").implements(&["java.util.Queue"]),
    ClassDef::interface("java.util.concurrent.BlockingDeque")
        .implements(&["java.util.concurrent.BlockingQueue", "java.util.Deque"]),
    ClassDef::class("java.util.concurrent.LinkedBlockingQueue")
        .extends("java.util.AbstractQueue")
        .implements(&["java.util.concurrent.BlockingQueue", SERIAL])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.ArrayBlockingQueue")
        .extends("java.util.AbstractQueue")
        .implements(&["java.util.concurrent.BlockingQueue", SERIAL])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.LinkedBlockingDeque")
        .extends("java.util.AbstractQueue")
        .implements(&["java.util.concurrent.BlockingDeque", SERIAL])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.ConcurrentLinkedQueue")
        .extends("java.util.AbstractQueue")
        .implements(&["java.util.Queue", SERIAL])
        .ctor(construct),
    ClassDef::interface("java.util.concurrent.Delayed").implements(&["java.lang.Comparable"]),
    ClassDef::class("java.util.concurrent.DelayQueue")
        .extends("java.util.AbstractQueue")
        .implements(&["java.util.concurrent.BlockingQueue"])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.ConcurrentSkipListMap")
        .extends("java.util.AbstractMap")
        .implements(&[
            "java.util.concurrent.ConcurrentNavigableMap",
            "java.lang.Cloneable",
            SERIAL,
        ])
        .ctor(construct),
    ClassDef::class("java.util.concurrent.atomic.AtomicReferenceArray")
        .implements(&[SERIAL])
        .ctor(construct),
    ClassDef::interface("java.util.function.LongUnaryOperator"),
    ClassDef::interface("java.util.function.LongBinaryOperator"),
    ClassDef::interface("java.util.function.IntUnaryOperator"),
    ClassDef::interface("java.util.function.IntBinaryOperator"),
];
