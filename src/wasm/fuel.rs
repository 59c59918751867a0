//! Every guest runs metered, in fuel slices: between two slices the
//! thread's interrupt flag (nREPL `interrupt`, REPL Ctrl-C) is checked, so
//! an endless guest loop stops with `:trap :interrupted`. A `:fuel` budget
//! is handed to the store one slice at a time; without one, slices are
//! refilled forever.

use crate::runtime::interrupt;
use wasmi::{Func, ResumableCall, StoreContextMut, TrapCode, Val};

/// Fuel given to a store at a time (~1M wasm instructions, about a
/// millisecond): the interrupt latency, and the rate of resumes.
const SLICE: u64 = 1 << 20;

/// The part of a store's fuel that is not in the store yet.
pub(crate) struct Budget {
    /// Fuel not yet handed to the store; None when unlimited.
    reserve: Option<u64>,
}

/// Why a guest stopped at a slice boundary: the thread was interrupted.
#[derive(Debug)]
pub(crate) struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl wasmi::errors::HostError for Interrupted {}

impl Budget {
    /// A budget of `total` fuel (None: unlimited) and the fuel to put in
    /// the store first.
    pub(crate) fn new(total: Option<u64>) -> (Budget, u64) {
        match total {
            None => (Budget { reserve: None }, SLICE),
            Some(n) => {
                let first = n.min(SLICE);
                (
                    Budget {
                        reserve: Some(n - first),
                    },
                    first,
                )
            }
        }
    }

    /// The fuel left in all, given what the store holds; None: unlimited.
    pub(crate) fn left(&self, in_store: u64) -> Option<u64> {
        self.reserve.map(|r| r.saturating_add(in_store))
    }

    /// Add `n` to a limited budget; the fuel left in all.
    pub(crate) fn add(&mut self, n: u64, in_store: u64) -> Option<u64> {
        let r = self.reserve.as_mut()?;
        *r = r.saturating_add(n);
        Some(r.saturating_add(in_store))
    }

    /// The store's next slice when a call needs `required` fuel and the
    /// store holds `in_store`; None when the budget cannot pay for it.
    fn refill(&mut self, in_store: u64, required: u64) -> Option<u64> {
        let want = SLICE.max(required);
        match &mut self.reserve {
            None => Some(want),
            Some(r) => {
                let total = r.saturating_add(in_store);
                if total < required {
                    return None;
                }
                let give = want.min(total);
                *r = total - give;
                Some(give)
            }
        }
    }
}

/// `func.call` in fuel slices, checking for an interrupt between them.
/// A host import's error comes back as it was raised; an interrupt as an
/// [`Interrupted`] host error; a spent budget as the OutOfFuel trap.
pub(crate) fn call_sliced<T>(
    mut ctx: StoreContextMut<'_, T>,
    func: &Func,
    params: &[Val],
    results: &mut [Val],
    budget: fn(&mut T) -> &mut Budget,
) -> Result<(), wasmi::Error> {
    let mut call = func.call_resumable(&mut ctx, params, results)?;
    loop {
        match call {
            ResumableCall::Finished => return Ok(()),
            ResumableCall::HostTrap(t) => return Err(t.into_host_error()),
            ResumableCall::OutOfFuel(t) => {
                if interrupt::check().is_err() {
                    return Err(wasmi::Error::host(Interrupted));
                }
                let in_store = ctx.get_fuel()?;
                let Some(next) = budget(ctx.data_mut()).refill(in_store, t.required_fuel()) else {
                    return Err(TrapCode::OutOfFuel.into());
                };
                ctx.set_fuel(next)?;
                call = t.resume(&mut ctx, results)?;
            }
        }
    }
}

/// Is `e` the error [`call_sliced`] returns for an interrupt?
pub(crate) fn is_interrupted(e: &wasmi::Error) -> bool {
    e.downcast_ref::<Interrupted>().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_hands_out_slices_until_spent() {
        let (mut b, first) = Budget::new(Some(SLICE + 10));
        assert_eq!(first, SLICE);
        assert_eq!(b.left(first), Some(SLICE + 10));
        assert_eq!(b.refill(3, 5), Some(13));
        assert_eq!(b.left(13), Some(13));
        assert_eq!(b.refill(2, 5), None);
        assert_eq!(b.add(100, 2), Some(102));
        let (mut unlimited, first) = Budget::new(None);
        assert_eq!((first, unlimited.left(7)), (SLICE, None));
        assert_eq!(unlimited.refill(0, SLICE * 3), Some(SLICE * 3));
        assert_eq!(unlimited.add(1, 0), None);
    }
}
