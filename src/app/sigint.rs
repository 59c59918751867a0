//! Ctrl-C (SIGINT) and SIGTERM: the terminal REPL interrupts the running
//! form through its thread's interrupt flag; the nREPL server stops (and
//! removes `.nrepl-port`). Unix only; elsewhere the default action stays.

use crate::runtime::interrupt::Interrupter;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Where SIGINT goes once the REPL installed its flag.
static REPL_TARGET: OnceLock<Interrupter> = OnceLock::new();
/// Set by SIGINT/SIGTERM when no REPL is the target (the server polls it).
static STOP: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_signal(sig: libc::c_int) {
    // Only atomics here: async-signal-safe.
    match REPL_TARGET.get() {
        Some(i) if sig == libc::SIGINT => i.interrupt(),
        _ => STOP.store(true, Ordering::SeqCst),
    }
}

#[cfg(unix)]
fn install(signals: &[libc::c_int]) {
    for &s in signals {
        // SAFETY: `on_signal` only touches atomics and an initialised
        // OnceLock, which is async-signal-safe; the sigaction struct is
        // zeroed (a valid empty mask) before its handler field is set.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            sa.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(s, &sa, std::ptr::null_mut());
        }
    }
}

/// Ctrl-C interrupts what `target`'s thread is running (the REPL).
pub fn interrupt_on_ctrl_c(target: Interrupter) {
    if REPL_TARGET.set(target).is_ok() {
        #[cfg(unix)]
        install(&[libc::SIGINT]);
    }
}

/// SIGINT and SIGTERM make [`stop_requested`] true instead of killing the
/// process (the server cleans up first).
#[cfg(feature = "nrepl")]
pub fn stop_on_signals() {
    #[cfg(unix)]
    install(&[libc::SIGINT, libc::SIGTERM]);
}

#[cfg(feature = "nrepl")]
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
}

#[cfg(all(test, unix, feature = "nrepl"))]
mod tests {
    #[test]
    fn sigterm_sets_stop() {
        super::stop_on_signals();
        // SAFETY: raising a signal whose handler was installed above.
        unsafe {
            libc::raise(libc::SIGTERM);
        }
        assert!(super::stop_requested());
    }
}
