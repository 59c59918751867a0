//! Java object monitors: what `locking` (monitor-enter / monitor-exit)
//! and Object.wait / notify / notifyAll use. Every object can be locked;
//! cljw keeps the monitors of the objects locked right now in one table
//! keyed by identity (a heap value's address, an immediate's bits: the
//! JVM locks the boxed Long, whose cached small values are shared too).
//! Monitors are reentrant, as the JVM's are. An entry lives only while
//! some thread owns or waits on it, so a freed address reused by another
//! object finds no stale monitor.

use super::error::{ExClass, Exception, Result};
use super::value::{Value, View};
use std::collections::HashMap;
use std::sync::{Condvar, Mutex, OnceLock};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

#[derive(Default)]
struct Monitor {
    owner: Option<ThreadId>,
    /// How many times the owner entered it.
    count: usize,
    /// Threads in Object.wait on it.
    waiting: usize,
    /// notify() calls not yet consumed by a waiter.
    permits: usize,
}

struct Table {
    monitors: Mutex<HashMap<u64, Monitor>>,
    /// Signalled whenever a monitor is released or notified; waiters
    /// re-check their own entry (few threads contend in practice).
    changed: Condvar,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table {
        monitors: Mutex::new(HashMap::new()),
        changed: Condvar::new(),
    })
}

/// The identity a monitor is keyed by.
fn key(v: &Value) -> u64 {
    if let Some(a) = v.heap_address() {
        return a as u64;
    }
    // Heap addresses are aligned: an odd key never collides with one.
    let bits = match v.view() {
        View::Nil => 0,
        View::Bool(b) => u64::from(b) + 1,
        View::Long(n) => n as u64,
        View::Double(d) => d.to_bits(),
        View::Float(f) => u64::from(f.to_bits()),
        View::Char(c) => u64::from(c),
        _ => 0,
    };
    (bits.rotate_left(4) << 1) | 1
}

fn guard() -> std::sync::MutexGuard<'static, HashMap<u64, Monitor>> {
    super::gc::lock(&table().monitors)
}

fn wait_on<'a>(
    g: std::sync::MutexGuard<'a, HashMap<u64, Monitor>>,
    slice: Duration,
) -> std::sync::MutexGuard<'a, HashMap<u64, Monitor>> {
    match table().changed.wait_timeout(g, slice) {
        Ok((g, _)) => g,
        Err(p) => p.into_inner().0,
    }
}

/// `(monitor-enter x)`: block until this thread owns x's monitor.
pub fn enter(x: &Value) -> Result<()> {
    if x.is_nil() {
        return Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot enter synchronized block because \"x\" is null",
        ));
    }
    let me = std::thread::current().id();
    let k = key(x);
    let mut g = guard();
    loop {
        let m = g.entry(k).or_default();
        match m.owner {
            None => {
                m.owner = Some(me);
                m.count = 1;
                return Ok(());
            }
            Some(o) if o == me => {
                m.count += 1;
                return Ok(());
            }
            // JVM monitor entry is not interruptible; the slice only
            // bounds a missed wake-up.
            Some(_) => g = wait_on(g, super::interrupt::POLL),
        }
    }
}

fn not_owner() -> Exception {
    Exception::new(
        ExClass::IllegalMonitorStateException,
        "current thread is not owner",
    )
}

/// `(monitor-exit x)`: release one entry of x's monitor.
pub fn exit(x: &Value) -> Result<()> {
    let me = std::thread::current().id();
    let k = key(x);
    let mut g = guard();
    let Some(m) = g.get_mut(&k).filter(|m| m.owner == Some(me)) else {
        return Err(not_owner());
    };
    m.count -= 1;
    if m.count == 0 {
        m.owner = None;
        if m.waiting == 0 {
            g.remove(&k);
        }
        drop(g);
        table().changed.notify_all();
    }
    Ok(())
}

/// Object.wait(timeout): release x's monitor (which this thread must own),
/// wait for a notify, the timeout (None: forever) or an interrupt, then
/// take the monitor back as it was held.
pub fn wait(x: &Value, timeout: Option<Duration>) -> Result<()> {
    let me = std::thread::current().id();
    let k = key(x);
    let mut g = guard();
    let Some(m) = g.get_mut(&k).filter(|m| m.owner == Some(me)) else {
        return Err(not_owner());
    };
    let held = m.count;
    m.owner = None;
    m.count = 0;
    m.waiting += 1;
    table().changed.notify_all();
    let deadline = timeout.map(|d| Instant::now() + d);
    let mut outcome = Ok(());
    loop {
        let m = g.entry(k).or_default();
        if m.permits > 0 {
            m.permits -= 1;
            break;
        }
        if let Err(e) = super::interrupt::check_blocking() {
            outcome = Err(e);
            break;
        }
        let Some(slice) = super::interrupt::wait_slice(deadline) else {
            break;
        };
        g = wait_on(g, slice);
    }
    // Reacquire.
    loop {
        let m = g.entry(k).or_default();
        if m.owner.is_none() {
            m.owner = Some(me);
            m.count = held;
            m.waiting -= 1;
            m.permits = m.permits.min(m.waiting);
            return outcome;
        }
        g = wait_on(g, super::interrupt::POLL);
    }
}

/// Object.notify (`all`: notifyAll): wake one (every) thread waiting on
/// x's monitor, which this thread must own.
pub fn notify(x: &Value, all: bool) -> Result<()> {
    let me = std::thread::current().id();
    let mut g = guard();
    let Some(m) = g.get_mut(&key(x)).filter(|m| m.owner == Some(me)) else {
        return Err(not_owner());
    };
    m.permits = if all {
        m.waiting
    } else {
        (m.permits + 1).min(m.waiting)
    };
    drop(g);
    table().changed.notify_all();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reentrant_and_exclusive() {
        let x = Value::string("lock");
        enter(&x).unwrap();
        enter(&x).unwrap();
        exit(&x).unwrap();
        exit(&x).unwrap();
        assert!(exit(&x).is_err());
        assert!(guard().is_empty());
    }

    #[cfg(feature = "threads")]
    #[test]
    fn excludes_other_threads_and_wait_notify() {
        let x = Value::string("shared");
        enter(&x).unwrap();
        let y = x.clone();
        let t = std::thread::spawn(move || {
            enter(&y).unwrap();
            notify(&y, true).unwrap();
            exit(&y).unwrap();
        });
        // The other thread can only notify once wait released the monitor.
        wait(&x, Some(Duration::from_secs(10))).unwrap();
        exit(&x).unwrap();
        t.join().unwrap();
    }
}
