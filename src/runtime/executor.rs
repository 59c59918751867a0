//! The two thread pools of clojure.lang.Agent: `pooled` (a fixed pool of
//! 2 + CPUs threads, for `send`) and `solo` (a cached pool that grows as
//! needed, for `send-off`, `future`, `pmap`). Threads start on demand; solo
//! threads idle for 60 s exit. `shutdown-agents` stops new work while queued
//! work still runs. At a normal exit the process waits for submitted work
//! to finish (`await_submitted_work`), as the JVM waits for its non-daemon
//! pool threads, but never for idle threads.

use super::gc::lock;
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

/// Rust stack of a pool thread: the tree-walk backend recurses on it
/// (about 20 KiB per Clojure call in debug builds, for the default depth
/// limit of `stack::DEFAULT_LIMIT`).
pub const WORKER_STACK: usize = 256 << 20;
/// How long an idle solo thread waits for work (ThreadPoolExecutor's
/// keep-alive of Executors.newCachedThreadPool).
const KEEP_ALIVE: Duration = Duration::from_secs(60);

type Job = Box<dyn FnOnce() + Send>;

struct State {
    queue: VecDeque<Job>,
    threads: usize,
    idle: usize,
    shutdown: bool,
    spawned: usize,
}

pub struct Pool {
    name: &'static str,
    /// None: grow without bound (cached pool).
    max_threads: Option<usize>,
    state: Mutex<State>,
    ready: Condvar,
}

/// The pool refused a job (after `shutdown-agents`).
pub struct Rejected;

/// Jobs submitted to either pool and not yet finished. A job that submits
/// another does so before it finishes, so zero means no work is left.
static OUTSTANDING: Mutex<usize> = Mutex::new(0);
static ALL_DONE: Condvar = Condvar::new();

fn job_finished() {
    let mut n = lock(&OUTSTANDING);
    *n -= 1;
    if *n == 0 {
        ALL_DONE.notify_all();
    }
}

/// Block until every submitted future, agent action and send-off has
/// finished (including work they submit meanwhile): what a normal exit
/// waits for. Idle pool threads are not waited for.
pub fn await_submitted_work() {
    let mut n = lock(&OUTSTANDING);
    while *n > 0 {
        n = match ALL_DONE.wait(n) {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
    }
}

/// Work outside the pools that a normal exit waits for, as the JVM waits
/// for a non-daemon thread (a running HTTP server): counted from `hold`
/// until its `release`.
pub fn hold() {
    *lock(&OUTSTANDING) += 1;
}

/// The end of what `hold` began.
pub fn release() {
    job_finished();
}

impl Pool {
    fn new(name: &'static str, max_threads: Option<usize>) -> Pool {
        Pool {
            name,
            max_threads,
            state: Mutex::new(State {
                queue: VecDeque::new(),
                threads: 0,
                idle: 0,
                shutdown: false,
                spawned: 0,
            }),
            ready: Condvar::new(),
        }
    }

    /// Queue `job`; a thread runs it as soon as one is free.
    pub fn submit(&'static self, job: Job) -> Result<(), Rejected> {
        let mut st = lock(&self.state);
        if st.shutdown {
            return Err(Rejected);
        }
        st.queue.push_back(job);
        *lock(&OUTSTANDING) += 1;
        let can_grow = self.max_threads.is_none_or(|m| st.threads < m);
        if st.idle < st.queue.len() && can_grow {
            st.spawned += 1;
            let name = format!("{}-{}", self.name, st.spawned);
            let spawned = std::thread::Builder::new()
                .name(name)
                .stack_size(WORKER_STACK)
                .spawn(move || self.work());
            if spawned.is_ok() {
                st.threads += 1;
            }
        }
        drop(st);
        self.ready.notify_one();
        Ok(())
    }

    fn work(&'static self) {
        let mut st = lock(&self.state);
        loop {
            if let Some(job) = st.queue.pop_front() {
                drop(st);
                // A panic is a bug, but must not take the pool thread down.
                let mutator = super::cycle::Mutator::enter();
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                drop(mutator);
                job_finished();
                st = lock(&self.state);
                continue;
            }
            if st.shutdown {
                break;
            }
            st.idle += 1;
            let (g, timeout) = match self.ready.wait_timeout(st, KEEP_ALIVE) {
                Ok(r) => r,
                Err(p) => p.into_inner(),
            };
            st = g;
            st.idle -= 1;
            if timeout.timed_out() && st.queue.is_empty() && self.max_threads.is_none() {
                break;
            }
        }
        st.threads -= 1;
    }

    fn shutdown(&self) {
        lock(&self.state).shutdown = true;
        self.ready.notify_all();
    }
}

/// Agent.pooledExecutor: `send`.
pub fn pooled() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        Pool::new("clojure-agent-send-pool", Some(cpus + 2))
    })
}

/// Agent.soloExecutor: `send-off`, futures.
pub fn solo() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool::new("clojure-agent-send-off-pool", None))
}

/// `shutdown-agents`.
pub fn shutdown_all() {
    pooled().shutdown();
    solo().shutdown();
}
