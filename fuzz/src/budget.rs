//! A wall-clock budget per fuzz case. A watchdog thread interrupts the
//! case's thread when its deadline passes; both backends and the runtime
//! check for that at their safe points (back-jumps, calls, seq steps), so
//! an exhausted budget is a catchable InterruptedException, not a hang.
//! A heap limit (the runtime's counting allocator, installed by each
//! target) turns runaway allocation into OutOfMemoryError the same way.

use cljw::runtime::interrupt::{self, Interrupter};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Slot {
    armed: Option<(Instant, Interrupter)>,
}

struct Watchdog {
    slot: Mutex<Slot>,
    wake: Condvar,
}

fn watchdog() -> &'static Arc<Watchdog> {
    static W: OnceLock<Arc<Watchdog>> = OnceLock::new();
    W.get_or_init(|| {
        let w = Arc::new(Watchdog {
            slot: Mutex::new(Slot::default()),
            wake: Condvar::new(),
        });
        let w2 = w.clone();
        std::thread::Builder::new()
            .name("fuzz-watchdog".into())
            .spawn(move || {
                let mut slot = w2.slot.lock().unwrap_or_else(|p| p.into_inner());
                loop {
                    let wait = match &slot.armed {
                        None => Duration::from_secs(3600),
                        Some((deadline, i)) => {
                            let now = Instant::now();
                            if now >= *deadline {
                                i.interrupt();
                                Duration::from_secs(3600)
                            } else {
                                *deadline - now
                            }
                        }
                    };
                    slot = w2
                        .wake
                        .wait_timeout(slot, wait)
                        .map(|(g, _)| g)
                        .unwrap_or_else(|p| p.into_inner().0);
                }
            })
            .expect("spawn the fuzz watchdog");
        w
    })
}

/// Run `f` on the current thread with `limit` of wall-clock time: past it,
/// the next safe point throws InterruptedException.
pub fn with_time_budget<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let w = watchdog();
    let i = interrupt::register_current_thread();
    {
        let mut slot = w.slot.lock().unwrap_or_else(|p| p.into_inner());
        slot.armed = Some((Instant::now() + limit, i.clone()));
        w.wake.notify_one();
    }
    let r = f();
    {
        let mut slot = w.slot.lock().unwrap_or_else(|p| p.into_inner());
        slot.armed = None;
    }
    i.clear();
    r
}
