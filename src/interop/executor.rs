//! java.util.concurrent.Executors' thread pools (feature `threads`): a
//! ThreadPoolExecutor runs Runnables on worker Threads that its
//! ThreadFactory makes (Executors.defaultThreadFactory's "pool-N-thread-M"
//! when none is given). A fixed pool starts a worker per task until it has
//! its size; a cached one when no worker idles, and idle workers leave
//! after 60 s. `submit` returns the runtime's Future (what `future`
//! returns), so deref, future-done? and Future's methods all apply.

use super::concurrent::{
    block, capacity_arg, deadline, foreign, items_of, no_such_element, npe, payload,
};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use std::collections::VecDeque;
use std::sync::Condvar;
use std::time::{Duration, Instant};

pub(super) const POOL: &str = "java.util.concurrent.ThreadPoolExecutor";

struct PoolState {
    queue: VecDeque<Value>,
    workers: usize,
    idle: usize,
    shutdown: bool,
    completed: i64,
    /// The worker threads' interrupt handles (shutdownNow).
    interrupters: Vec<crate::runtime::interrupt::Interrupter>,
}

struct Pool {
    /// None: a cached pool, growing as needed.
    max: Option<usize>,
    /// The ThreadFactory (nil: Executors.defaultThreadFactory).
    factory: Value,
    number: i64,
    state: Lock<PoolState>,
    changed: Condvar,
}

impl ForeignObject for Pool {}

/// How long an idle cached-pool thread lives.
const KEEP_ALIVE: Duration = Duration::from_secs(60);

fn new_pool(max: Option<usize>, factory: Value) -> Result<Value> {
    {
        static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
        Ok(foreign(
            POOL,
            Pool {
                max,
                factory,
                number: NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
                state: Lock::new(PoolState {
                    queue: VecDeque::new(),
                    workers: 0,
                    idle: 0,
                    shutdown: false,
                    completed: 0,
                    interrupters: Vec::new(),
                }),
                changed: Condvar::new(),
            },
        ))
    }
}

pub(super) fn executors_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (member, args) {
        ("newFixedThreadPool", [n] | [n, _]) => capacity_arg(n)
            .and_then(|n| new_pool(Some(n), args.get(1).cloned().unwrap_or(Value::NIL))),
        ("newSingleThreadExecutor", [] | [_]) => {
            new_pool(Some(1), args.first().cloned().unwrap_or(Value::NIL))
        }
        ("newCachedThreadPool", [] | [_]) => {
            new_pool(None, args.first().cloned().unwrap_or(Value::NIL))
        }
        ("newWorkStealingPool", [] | [_]) => {
            let n = match args.first() {
                Some(n) => match capacity_arg(n) {
                    Ok(n) => n,
                    Err(e) => return Some(Err(e)),
                },
                None => std::thread::available_parallelism().map_or(1, |n| n.get()),
            };
            new_pool(Some(n), Value::NIL)
        }
        // A Callable that runs a Runnable and returns `result`.
        ("callable", [r] | [r, _]) => {
            let r = r.clone();
            let result = args.get(1).cloned().unwrap_or(Value::NIL);
            Ok(Value::native_closure(
                "java.util.concurrent.Executors$RunnableAdapter",
                move |_| {
                    super::thread::run_runnable(&r)?;
                    Ok(result.clone())
                },
            ))
        }
        _ => return None,
    })
}

fn rejected() -> Exception {
    Exception::new(
        ExClass::RejectedExecutionException,
        "Task rejected: the executor has been shut down",
    )
}

impl Pool {
    /// Queue a Runnable; start a worker when the pool may grow.
    fn execute(&self, this: &Value, r: Value) -> Result<()> {
        if r.is_nil() {
            return Err(npe());
        }
        let mut s = lock(&self.state);
        if s.shutdown {
            return Err(rejected());
        }
        s.queue.push_back(r);
        // A fixed pool starts a thread per task until it has `max`, as
        // ThreadPoolExecutor's core threads; a cached one when none idles.
        let grow = match self.max {
            Some(m) => s.workers < m,
            None => s.idle < s.queue.len(),
        };
        if grow {
            s.workers += 1;
            drop(s);
            if let Err(e) = self.add_worker(this) {
                let mut s = lock(&self.state);
                s.workers -= 1;
                return Err(e);
            }
        } else {
            drop(s);
        }
        self.changed.notify_all();
        Ok(())
    }

    fn add_worker(&self, this: &Value) -> Result<()> {
        let pool = this.clone();
        let body = Value::native_closure(
            "java.util.concurrent.ThreadPoolExecutor$Worker",
            move |_| match payload::<Pool>(&pool, POOL) {
                Some(p) => p.work(),
                None => Ok(Value::NIL),
            },
        );
        let thread = if self.factory.is_nil() {
            let n = lock(&self.state).workers;
            super::thread::construct(
                super::thread::THREAD,
                &[
                    body,
                    Value::string(format!("pool-{}-thread-{n}", self.number)),
                ],
            )
            .unwrap_or_else(|| Err(super::no_ctor(super::thread::THREAD)))?
        } else {
            match self.factory.view() {
                View::Fn(_) => crate::runtime::func::invoke(&self.factory, &[body])?,
                _ => crate::runtime::host::call_method(&self.factory, "newThread", &[body])?,
            }
        };
        let Some(t) = super::thread::as_thread(&thread) else {
            return Err(Exception::new(
                ExClass::ClassCastException,
                crate::runtime::compare::cast_message(thread.class_name(), super::thread::THREAD),
            ));
        };
        lock(&self.state).interrupters.push(t.interrupter());
        crate::runtime::host::call_method(&thread, "start", &[]).map(|_| ())
    }

    /// A worker thread's loop: run queued tasks until shut down (or, in a
    /// cached pool, idle for the keep-alive time).
    fn work(&self) -> Result<Value> {
        let mut s = lock(&self.state);
        loop {
            if let Some(job) = s.queue.pop_front() {
                drop(s);
                // A task's own exception ends only that task (execute's
                // caller never sees it), as the JVM prints and goes on.
                if let Err(e) = super::thread::run_runnable(&job) {
                    if crate::runtime::interrupt::is_interruption(&e) && lock(&self.state).shutdown
                    {
                        // shutdownNow stopped it.
                    } else {
                        super::thread::report_uncaught(e);
                    }
                }
                s = lock(&self.state);
                s.completed += 1;
                continue;
            }
            if s.shutdown {
                break;
            }
            s.idle += 1;
            let slice = if self.max.is_none() {
                KEEP_ALIVE
            } else {
                Duration::from_secs(3600)
            };
            let (g, timeout) = match self.changed.wait_timeout(s, slice) {
                Ok(r) => r,
                Err(p) => p.into_inner(),
            };
            s = g;
            s.idle -= 1;
            if timeout.timed_out() && s.queue.is_empty() && self.max.is_none() {
                break;
            }
        }
        s.workers -= 1;
        drop(s);
        self.changed.notify_all();
        Ok(Value::NIL)
    }
}

fn pool_method(this: &Value, p: &Pool, method: &str, args: &[Value]) -> Option<Result<Value>> {
    {
        use crate::runtime::future::Future;
        // A task whose outcome a Future reports.
        let submit = |task: Value, result: Option<Value>| -> Result<Value> {
            let fut = Ref::new(Future::new());
            let job = fut.clone();
            let runnable = Value::native_closure("java.util.concurrent.FutureTask", move |_| {
                job.run(|| match &result {
                    Some(r) => super::thread::run_runnable(&task).map(|_| r.clone()),
                    None => super::thread::call_callable(&task),
                });
                Ok(Value::NIL)
            });
            p.execute(this, runnable)?;
            Ok(Value::from(fut))
        };
        Some(match (method, args) {
            ("execute", [r]) => p.execute(this, r.clone()).map(|()| Value::NIL),
            ("submit", [task]) => {
                // A Runnable that is no Callable (a Thread, a reify of
                // Runnable) yields nil; fns are Callables.
                let runnable_only = !matches!(task.view(), View::Fn(_))
                    && !crate::builtins::classes::is_instance(
                        "java.util.concurrent.Callable",
                        task,
                    );
                submit(task.clone(), runnable_only.then_some(Value::NIL))
            }
            ("submit", [task, result]) => submit(task.clone(), Some(result.clone())),
            ("invokeAll", [tasks] | [tasks, _, _]) => (|| {
                let futures = items_of(tasks)?
                    .into_iter()
                    .map(|t| submit(t, None))
                    .collect::<Result<Vec<Value>>>()?;
                let limit = match args {
                    [_, t, unit] => deadline(t, unit)?,
                    _ => None,
                };
                for f in &futures {
                    if let View::Future(f) = f.view() {
                        let left = limit.map(|d| {
                            d.saturating_duration_since(Instant::now()).as_millis() as u64
                        });
                        if f.wait(left).is_none() {
                            f.cancel();
                        }
                    }
                }
                Ok(Value::from(Ref::new(HostObject::ArrayList(Lock::new(
                    futures,
                )))))
            })(),
            ("invokeAny", [tasks]) => (|| {
                let futures = items_of(tasks)?
                    .into_iter()
                    .map(|t| submit(t, None))
                    .collect::<Result<Vec<Value>>>()?;
                let mut last = None;
                for f in &futures {
                    if let View::Future(f) = f.view() {
                        match f.wait(None) {
                            Some(Ok(v)) => {
                                futures.iter().for_each(|g| {
                                    if let View::Future(g) = g.view() {
                                        g.cancel();
                                    }
                                });
                                return Ok(v);
                            }
                            Some(Err(e)) => last = Some(e),
                            None => {}
                        }
                    }
                }
                Err(last.unwrap_or_else(no_such_element))
            })(),
            ("shutdown", []) => {
                lock(&p.state).shutdown = true;
                p.changed.notify_all();
                Ok(Value::NIL)
            }
            ("shutdownNow", []) => {
                let mut s = lock(&p.state);
                s.shutdown = true;
                let pending: Vec<Value> = s.queue.drain(..).collect();
                for i in &s.interrupters {
                    i.interrupt();
                }
                drop(s);
                p.changed.notify_all();
                Ok(Value::from(Ref::new(HostObject::ArrayList(Lock::new(
                    pending,
                )))))
            }
            ("isShutdown", []) => Ok(Value::bool(lock(&p.state).shutdown)),
            ("isTerminated", []) => {
                let s = lock(&p.state);
                Ok(Value::bool(s.shutdown && s.workers == 0))
            }
            ("awaitTermination", [t, unit]) => (|| {
                let d = deadline(t, unit)?;
                let done = block(lock(&p.state), &p.changed, d, |s| {
                    (s.shutdown && s.workers == 0).then_some(())
                })?;
                Ok(Value::bool(done.is_some()))
            })(),
            ("getPoolSize", []) => Ok(Value::long(lock(&p.state).workers as i64)),
            ("getActiveCount", []) => {
                let s = lock(&p.state);
                Ok(Value::long((s.workers - s.idle) as i64))
            }
            ("getCompletedTaskCount", []) => Ok(Value::long(lock(&p.state).completed)),
            ("getQueue", []) => Ok(Value::list(lock(&p.state).queue.iter().cloned().collect())),
            _ => return None,
        })
    }
}

/// `(.m pool args)`; None when not a pool method.
pub(super) fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    pool_method(target, payload::<Pool>(target, POOL)?, method, args)
}
