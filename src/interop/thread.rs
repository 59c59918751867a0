//! java.lang.Thread (real OS threads under feature `threads`),
//! java.lang.ThreadLocal and java.lang.Runtime.
//!
//! A Thread object is a `Foreign` host object. `Thread/currentThread`
//! returns the same object for the same thread: the thread a `Thread`
//! started remembers its object; other threads (main, pool threads) get
//! one made on first use. Interrupts follow Java: `.interrupt` sets a flag
//! that blocking waits (sleep, join, Object.wait, a queue's take, ...)
//! throw as InterruptedException, clearing it; `isInterrupted` reads it.
//! A normal exit waits for the started non-daemon threads and then runs
//! the shutdown hooks, as the JVM does.

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::interrupt::Interrupter;
use crate::runtime::number::convert::to_long;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Condvar;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};

pub const THREAD: &str = "java.lang.Thread";
pub const THREAD_LOCAL: &str = "java.lang.ThreadLocal";
pub const RUNTIME: &str = "java.lang.Runtime";

#[derive(Clone, Copy, PartialEq)]
enum Life {
    New,
    Running,
    /// Only a started thread ends.
    #[cfg_attr(not(feature = "threads"), allow(dead_code))]
    Done,
}

pub struct JThread {
    id: i64,
    name: Lock<String>,
    daemon: AtomicBool,
    /// The Runnable `start` runs (nil: Thread.run does nothing).
    target: Value,
    life: Lock<Life>,
    ended: Condvar,
    interrupter: Interrupter,
    uncaught_handler: Lock<Value>,
}

impl ForeignObject for JThread {
    /// Thread.toString (JDK 17): Thread[name,priority,group].
    fn java_string(&self, _object: &str) -> String {
        format!("Thread[{},5,main]", lock(&self.name))
    }
}

static NEXT_ID: AtomicI64 = AtomicI64::new(2);
/// Thread-N names count from 0, as Thread.genThreadName.
static NEXT_NUMBER: AtomicI64 = AtomicI64::new(0);

thread_local! {
    /// This thread's Thread object, once it has one.
    static CURRENT: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// ThreadLocal values of this thread, by ThreadLocal id.
    static LOCALS: RefCell<HashMap<u64, Value>> = RefCell::new(HashMap::new());
}

fn new_thread(target: Value, name: String, id: i64, interrupter: Interrupter) -> Value {
    Value::from(Ref::new(HostObject::Foreign(
        THREAD,
        Box::new(JThread {
            id,
            name: Lock::new(name),
            daemon: AtomicBool::new(false),
            target,
            life: Lock::new(Life::New),
            ended: Condvar::new(),
            interrupter,
            uncaught_handler: Lock::new(Value::NIL),
        }),
    )))
}

/// `(Thread.)`, `(Thread. runnable)`, `(Thread. runnable name)`,
/// `(Thread. name)`.
fn construct_thread(args: &[Value]) -> Result<Value> {
    let auto_name = || format!("Thread-{}", NEXT_NUMBER.fetch_add(1, Ordering::SeqCst));
    let (target, name) = match args {
        [] => (Value::NIL, auto_name()),
        [n] if n.is_string() => (Value::NIL, n.as_str().unwrap_or("").to_string()),
        [r] => (r.clone(), auto_name()),
        [r, n] if n.is_string() => (r.clone(), n.as_str().unwrap_or("").to_string()),
        _ => return Err(super::no_ctor(THREAD)),
    };
    let id = NEXT_ID.fetch_add(1, Ordering::SeqCst);
    Ok(new_thread(target, name, id, Interrupter::default()))
}

/// The Thread object behind a value.
pub fn as_thread(v: &Value) -> Option<&JThread> {
    match v.view() {
        View::HostObject(HostObject::Foreign(THREAD, b)) => b.downcast_ref::<JThread>(),
        _ => None,
    }
}

/// `(Thread/currentThread)`.
pub fn current_thread() -> Value {
    if let Ok(Some(t)) = CURRENT.try_with(|c| c.borrow().clone()) {
        return t;
    }
    let os = std::thread::current();
    let (name, id) = match os.name() {
        Some("main") | None => ("main".to_string(), 1),
        Some(n) => (n.to_string(), NEXT_ID.fetch_add(1, Ordering::SeqCst)),
    };
    // Keep a flag the thread registered (the REPL's); else make one that
    // interrupts the Java way.
    let interrupter = crate::runtime::interrupt::current().unwrap_or_else(|| {
        let i = Interrupter::default();
        crate::runtime::interrupt::register_current_thread_java(&i);
        i
    });
    let t = new_thread(Value::NIL, name, id, interrupter);
    if let Some(j) = as_thread(&t) {
        *lock(&j.life) = Life::Running;
    }
    let _ = CURRENT.try_with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

/// Run a Runnable: a fn is called, any other object gets `.run`.
pub fn run_runnable(r: &Value) -> Result<Value> {
    match r.view() {
        View::Nil => Ok(Value::NIL),
        View::Fn(_) => crate::runtime::func::invoke(r, &[]),
        _ => crate::runtime::host::call_method(r, "run", &[]),
    }
}

/// Call a Callable (or a fn): `.call`.
#[cfg(feature = "threads")]
pub fn call_callable(c: &Value) -> Result<Value> {
    match c.view() {
        View::Fn(_) => crate::runtime::func::invoke(c, &[]),
        _ => crate::runtime::host::call_method(c, "call", &[]),
    }
}

/// A time in the given unit as a Duration (negative: zero).
pub fn millis_duration(ms: i64) -> std::time::Duration {
    std::time::Duration::from_millis(ms.max(0) as u64)
}

fn thread_method(this: &Value, t: &JThread, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("start", []) => start(this, t).map(|()| Value::NIL),
        ("run", []) => run_runnable(&t.target).map(|_| Value::NIL),
        ("join", []) => join(t, None).map(|_| Value::NIL),
        ("join", [ms]) => to_long(ms).and_then(|ms| {
            // join(0) waits forever, as Java's.
            let limit = (ms != 0).then(|| millis_duration(ms));
            join(t, limit).map(|_| Value::NIL)
        }),
        ("getName", []) => Ok(Value::string(lock(&t.name).as_str())),
        ("setName", [n]) => crate::runtime::printer::str_value(n).map(|n| {
            *lock(&t.name) = n;
            Value::NIL
        }),
        ("isDaemon", []) => Ok(Value::bool(t.daemon.load(Ordering::SeqCst))),
        ("setDaemon", [b]) => {
            if *lock(&t.life) != Life::New {
                return Some(Err(Exception::full(
                    ExClass::IllegalThreadStateException,
                    None,
                    None,
                    None,
                )));
            }
            t.daemon.store(b.truthy(), Ordering::SeqCst);
            Ok(Value::NIL)
        }
        ("getId" | "threadId", []) => Ok(Value::long(t.id)),
        ("isAlive", []) => Ok(Value::bool(*lock(&t.life) == Life::Running)),
        ("interrupt", []) => {
            t.interrupter.interrupt();
            Ok(Value::NIL)
        }
        ("isInterrupted", []) => Ok(Value::bool(t.interrupter.is_set())),
        ("getPriority", []) => Ok(Value::long(5)),
        ("setPriority", [_]) => Ok(Value::NIL),
        ("getState", []) => Ok(state_value(match *lock(&t.life) {
            Life::New => 0,
            Life::Running => 1,
            Life::Done => 5,
        })),
        ("setUncaughtExceptionHandler", [h]) => {
            *lock(&t.uncaught_handler) = h.clone();
            Ok(Value::NIL)
        }
        // Unset, it is the thread's group, as on the JVM.
        ("getUncaughtExceptionHandler", []) => Ok({
            let h = lock(&t.uncaught_handler).clone();
            if h.is_nil() { thread_group() } else { h }
        }),
        ("getThreadGroup", []) => Ok(thread_group()),
        // The frames a thread reports from its own getStackTrace call.
        ("getStackTrace", []) => Ok(super::stack_trace::thread_stack_trace()),
        _ => return None,
    })
}

/// Wait until the thread has ended (false: the limit passed first).
fn join(t: &JThread, limit: Option<std::time::Duration>) -> Result<bool> {
    let deadline = limit.map(|d| std::time::Instant::now() + d);
    let mut life = lock(&t.life);
    // A thread never started counts as ended (Java's isAlive is false).
    while *life == Life::Running {
        crate::runtime::interrupt::check_blocking()?;
        let Some(slice) = crate::runtime::interrupt::wait_slice(deadline) else {
            return Ok(false);
        };
        life = match t.ended.wait_timeout(life, slice) {
            Ok((g, _)) => g,
            Err(p) => p.into_inner().0,
        };
    }
    Ok(true)
}

#[cfg(not(feature = "threads"))]
fn start(_this: &Value, _t: &JThread) -> Result<()> {
    Err(no_threads("java.lang.Thread.start"))
}

/// UnsupportedOperationException naming what needs feature `threads`.
#[cfg(not(feature = "threads"))]
pub fn no_threads(what: &str) -> Exception {
    Exception::new(
        ExClass::UnsupportedOperationException,
        format!("{what} needs threads, which this build (without feature `threads`) lacks"),
    )
}

#[cfg(feature = "threads")]
fn start(this: &Value, t: &JThread) -> Result<()> {
    {
        let mut life = lock(&t.life);
        if *life != Life::New {
            return Err(Exception::full(
                ExClass::IllegalThreadStateException,
                None,
                None,
                None,
            ));
        }
        *life = Life::Running;
    }
    let daemon = t.daemon.load(Ordering::SeqCst);
    if !daemon {
        *lock(&LIVE.count) += 1;
    }
    let me = this.clone();
    let name = lock(&t.name).clone();
    let spawned = std::thread::Builder::new()
        .name(name)
        .stack_size(crate::runtime::executor::WORKER_STACK)
        .spawn(move || {
            let Some(t) = as_thread(&me) else { return };
            crate::runtime::interrupt::register_current_thread_java(&t.interrupter);
            let _ = CURRENT.try_with(|c| *c.borrow_mut() = Some(me.clone()));
            let _mutator = crate::runtime::cycle::Mutator::enter();
            let r =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_runnable(&t.target)));
            if let Ok(Err(e)) = r {
                uncaught(&me, t, e);
            }
            crate::runtime::io::flush_stdout();
            t.interrupter.clear();
            *lock(&t.life) = Life::Done;
            t.ended.notify_all();
            let _ = CURRENT.try_with(|c| c.borrow_mut().take());
            let _ = LOCALS.try_with(|l| l.borrow_mut().clear());
            if !daemon {
                let mut n = lock(&LIVE.count);
                *n -= 1;
                LIVE.changed.notify_all();
            }
        });
    if spawned.is_err() {
        *lock(&t.life) = Life::Done;
        if !daemon {
            *lock(&LIVE.count) -= 1;
        }
        return Err(Exception::new(
            ExClass::OutOfMemoryError,
            "unable to create native thread",
        ));
    }
    Ok(())
}

/// An exception that ended a thread: its handler, else the default one,
/// else "Exception in thread" on stderr as ThreadGroup.uncaughtException.
#[cfg(feature = "threads")]
fn uncaught(this: &Value, t: &JThread, e: Exception) {
    let ev = Value::from(e);
    let h = lock(&t.uncaught_handler).clone();
    if !h.is_nil() && call_handler(&h, this, &ev).is_ok() {
        return;
    }
    group_uncaught(this, &ev);
}

/// An exception that escaped a task of a pool thread (the current thread):
/// the thread's uncaught exception handler gets it, as when it ends a
/// JVM pool worker.
#[cfg(feature = "threads")]
pub fn report_uncaught(e: Exception) {
    let me = current_thread();
    match as_thread(&me) {
        Some(t) => uncaught(&me, t, e),
        None => group_uncaught(&me, &Value::from(e)),
    }
}

fn call_handler(handler: &Value, thread: &Value, ev: &Value) -> Result<Value> {
    match handler.view() {
        View::Fn(_) => crate::runtime::func::invoke(handler, &[thread.clone(), ev.clone()]),
        _ => crate::runtime::host::call_method(
            handler,
            "uncaughtException",
            &[thread.clone(), ev.clone()],
        ),
    }
}

/// ThreadGroup.uncaughtException: the default handler, else
/// "Exception in thread" and the exception on stderr.
fn group_uncaught(thread: &Value, ev: &Value) {
    let d = default_handler(|d| d.clone());
    if !d.is_nil() && call_handler(&d, thread, ev).is_ok() {
        return;
    }
    let name = as_thread(thread).map_or_else(|| "main".to_string(), |t| lock(&t.name).clone());
    let text = crate::runtime::printer::str_value(ev).unwrap_or_default();
    eprintln!("Exception in thread \"{name}\" {text}");
}

pub const THREAD_GROUP: &str = "java.lang.ThreadGroup";

/// The one thread group, "main", every thread is in.
struct ThreadGroupObj;

impl ForeignObject for ThreadGroupObj {
    fn java_string(&self, _object: &str) -> String {
        "java.lang.ThreadGroup[name=main,maxpri=10]".to_string()
    }
}

fn thread_group() -> Value {
    crate::runtime::gc::global_state!(the_group: Value = Value::from(Ref::new(
        HostObject::Foreign(THREAD_GROUP, Box::new(ThreadGroupObj))
    )));
    the_group(|g| g.clone())
}

fn group_method(method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("getName", []) => Ok(Value::string("main")),
        ("uncaughtException", [t, e]) => {
            group_uncaught(t, e);
            Ok(Value::NIL)
        }
        _ => return None,
    })
}

crate::runtime::gc::global_state!(default_handler: Value = Value::NIL);

/// Started non-daemon threads still running.
#[cfg(feature = "threads")]
struct Live {
    count: Lock<usize>,
    changed: Condvar,
}
#[cfg(feature = "threads")]
static LIVE: Live = Live {
    count: Lock::new(0),
    changed: Condvar::new(),
};

// Shutdown hooks (Thread objects), in registration order.
crate::runtime::gc::global_state!(hooks: Vec<Value> = Vec::new());

/// A normal exit: wait for the non-daemon threads, then run the shutdown
/// hooks and wait for them.
pub fn at_exit() {
    #[cfg(feature = "threads")]
    {
        let mut n = lock(&LIVE.count);
        while *n > 0 {
            n = match LIVE.changed.wait(n) {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            };
        }
    }
    run_shutdown_hooks();
}

/// Start every shutdown hook and wait for them (System/exit and a normal
/// exit).
pub fn run_shutdown_hooks() {
    let hooks = hooks(std::mem::take);
    if hooks.is_empty() {
        crate::runtime::file::delete_files_on_exit();
        return;
    }
    for h in &hooks {
        if let Some(t) = as_thread(h) {
            #[cfg(feature = "threads")]
            let _ = start(h, t);
            #[cfg(not(feature = "threads"))]
            let _ = run_runnable(&t.target);
        }
    }
    for h in &hooks {
        if let Some(t) = as_thread(h) {
            let _ = join(t, None);
        }
    }
    crate::runtime::file::delete_files_on_exit();
    crate::runtime::io::flush_stdout();
}

// ----- Thread$State -----

pub const THREAD_STATE: &str = "java.lang.Thread$State";
const STATES: [&str; 6] = [
    "NEW",
    "RUNNABLE",
    "BLOCKED",
    "WAITING",
    "TIMED_WAITING",
    "TERMINATED",
];

/// A Thread$State constant, by ordinal.
struct ThreadState(usize);
impl ForeignObject for ThreadState {
    fn java_string(&self, _object: &str) -> String {
        STATES[self.0].to_string()
    }
}

crate::runtime::gc::global_state!(state_constants: Vec<Value> = (0..STATES.len())
    .map(|i| Value::from(Ref::new(HostObject::Foreign(THREAD_STATE, Box::new(ThreadState(i))))))
    .collect());

fn state_value(i: usize) -> Value {
    state_constants(|s| s[i].clone())
}

fn state_field(_class: &str, field: &str) -> Option<Value> {
    STATES.iter().position(|s| *s == field).map(state_value)
}

fn state_method(s: &ThreadState, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(Ok(match (method, args) {
        ("name" | "toString", []) => Value::string(STATES[s.0]),
        ("ordinal", []) => Value::long(s.0 as i64),
        _ => return None,
    }))
}

// ----- ThreadLocal -----

pub struct ThreadLocalObj {
    id: u64,
    /// ThreadLocal.withInitial's supplier (nil: initial value nil).
    initial: Value,
}

impl ForeignObject for ThreadLocalObj {}

fn thread_local_value(initial: Value) -> Value {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    Value::from(Ref::new(HostObject::Foreign(
        THREAD_LOCAL,
        Box::new(ThreadLocalObj {
            id: NEXT.fetch_add(1, Ordering::SeqCst),
            initial,
        }),
    )))
}

fn thread_local_method(tl: &ThreadLocalObj, method: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("get", []) => {
            if let Ok(Some(v)) = LOCALS.try_with(|l| l.borrow().get(&tl.id).cloned()) {
                return Some(Ok(v));
            }
            let init = match tl.initial.view() {
                View::Nil => Ok(Value::NIL),
                View::Fn(_) => crate::runtime::func::invoke(&tl.initial, &[]),
                _ => crate::runtime::host::call_method(&tl.initial, "get", &[]),
            };
            init.inspect(|v| {
                let _ = LOCALS.try_with(|l| l.borrow_mut().insert(tl.id, v.clone()));
            })
        }
        ("set", [v]) => {
            let _ = LOCALS.try_with(|l| l.borrow_mut().insert(tl.id, v.clone()));
            Ok(Value::NIL)
        }
        ("remove", []) => {
            let _ = LOCALS.try_with(|l| l.borrow_mut().remove(&tl.id));
            Ok(Value::NIL)
        }
        _ => return None,
    })
}

// ----- Runtime -----

pub struct RuntimeObj;
impl ForeignObject for RuntimeObj {}

fn runtime_value() -> Value {
    // One object, as Runtime.getRuntime's singleton.
    crate::runtime::gc::global_state!(the_runtime: Value = Value::from(Ref::new(
        HostObject::Foreign(RUNTIME, Box::new(RuntimeObj))
    )));
    the_runtime(|r| r.clone())
}

/// The process's resident memory in bytes (Linux), for totalMemory.
fn resident_bytes() -> Option<i64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: i64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Physical memory in bytes (Linux), for maxMemory's default of a quarter.
fn physical_bytes() -> Option<i64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: i64 = info
        .lines()
        .find(|l| l.starts_with("MemTotal:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb * 1024)
}

fn runtime_method(method: &str, args: &[Value]) -> Option<Result<Value>> {
    let total = || resident_bytes().unwrap_or(64 << 20);
    Some(match (method, args) {
        ("availableProcessors", []) => Ok(Value::long(
            std::thread::available_parallelism().map_or(1, |n| n.get() as i64),
        )),
        ("totalMemory", []) => Ok(Value::long(total())),
        // Memory is freed as soon as it is unused (reference counting):
        // nothing sits allocated but free.
        ("freeMemory", []) => Ok(Value::long(0)),
        ("maxMemory", []) => Ok(Value::long(
            physical_bytes().map_or(i64::MAX, |p| (p / 4).max(total())),
        )),
        ("gc", []) => {
            crate::runtime::cycle::collect();
            Ok(Value::NIL)
        }
        ("addShutdownHook", [t]) => {
            if as_thread(t).is_none() {
                return Some(Err(crate::runtime::error::Exception::new(
                    ExClass::ClassCastException,
                    crate::runtime::compare::cast_message(t.class_name(), THREAD),
                )));
            }
            hooks(|hooks| {
                if hooks.iter().any(|h| h.identical(t)) {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        "Hook previously registered",
                    ));
                }
                hooks.push(t.clone());
                Ok(Value::NIL)
            })
        }
        ("removeShutdownHook", [t]) => Ok(Value::bool(hooks(|hooks| {
            let before = hooks.len();
            hooks.retain(|h| !h.identical(t));
            hooks.len() != before
        }))),
        ("exit" | "halt", [code]) => (|| {
            let n = to_long(code)? as i32;
            if method == "exit" {
                run_shutdown_hooks();
            }
            std::process::exit(n)
        })(),
        _ => return None,
    })
}

// ----- dispatch -----

/// `(new C args)`; None when not modelled here.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, args) {
        (THREAD, _) => construct_thread(args),
        (THREAD_LOCAL, []) => Ok(thread_local_value(Value::NIL)),
        _ => return None,
    })
}

/// `(C/m args)`; None when not modelled here.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, member, args) {
        (THREAD, "currentThread", []) => Ok(current_thread()),
        (THREAD, "sleep", [ms] | [ms, _]) => (|| {
            let ms = to_long(ms)?;
            if ms < 0 {
                let e = Exception::new(
                    ExClass::IllegalArgumentException,
                    "timeout value is negative",
                );
                // sleep(ms) is native; sleep(ms, nanos) checks in Java.
                return Err(if args.len() == 1 {
                    e.at_jdk(crate::runtime::jdk_frame::THREAD_SLEEP)
                } else {
                    e
                });
            }
            crate::runtime::io::flush_stdout();
            crate::runtime::interrupt::sleep(millis_duration(ms))?;
            Ok(Value::NIL)
        })(),
        // Thread.interrupted: read and clear this thread's flag.
        (THREAD, "interrupted", []) => {
            let t = current_thread();
            Ok(Value::bool(
                as_thread(&t).is_some_and(|t| t.interrupter.clear()),
            ))
        }
        (THREAD, "yield" | "onSpinWait", []) => {
            std::thread::yield_now();
            Ok(Value::NIL)
        }
        (THREAD, "setDefaultUncaughtExceptionHandler", [h]) => {
            default_handler(|d| *d = h.clone());
            Ok(Value::NIL)
        }
        (THREAD, "getDefaultUncaughtExceptionHandler", []) => Ok(default_handler(|d| d.clone())),
        (THREAD_LOCAL, "withInitial", [f]) => Ok(thread_local_value(f.clone())),
        (RUNTIME, "getRuntime", []) => Ok(runtime_value()),
        _ => return None,
    })
}

/// `(.m x args)` of the objects above; None when not modelled here.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(HostObject::Foreign(class, b)) = target.view() else {
        return None;
    };
    match *class {
        THREAD => thread_method(target, b.downcast_ref::<JThread>()?, method, args),
        THREAD_LOCAL => thread_local_method(b.downcast_ref::<ThreadLocalObj>()?, method, args),
        RUNTIME => runtime_method(method, args),
        THREAD_GROUP => group_method(method, args),
        THREAD_STATE => state_method(b.downcast_ref::<ThreadState>()?, method, args),
        _ => None,
    }
}

#[cfg(feature = "threads")]
impl JThread {
    /// The handle that interrupts this thread.
    pub fn interrupter(&self) -> Interrupter {
        self.interrupter.clone()
    }
}

/// The registry's entries for this file's classes.
pub static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.lang.Thread")
        .implements(&["java.lang.Runnable"])
        .ctor(construct)
        .statics(
            &[
                "currentThread",
                "sleep",
                "interrupted",
                "yield",
                "onSpinWait",
                "setDefaultUncaughtExceptionHandler",
                "getDefaultUncaughtExceptionHandler",
            ],
            call_static,
        ),
    ClassDef::interface("java.lang.Thread$UncaughtExceptionHandler"),
    ClassDef::class("java.lang.Thread$State")
        .extends("java.lang.Enum")
        .fields(
            &[
                "NEW",
                "RUNNABLE",
                "BLOCKED",
                "WAITING",
                "TIMED_WAITING",
                "TERMINATED",
            ],
            state_field,
        ),
    ClassDef::class("java.lang.ThreadLocal")
        .ctor(construct)
        .statics(&["withInitial"], call_static),
    ClassDef::class("java.lang.Runtime").statics(&["getRuntime"], call_static),
    ClassDef::class("java.lang.ThreadGroup")
        .implements(&["java.lang.Thread$UncaughtExceptionHandler"]),
];
