//! Refs and the software transactional memory (clojure.lang.Ref and
//! LockingTransaction).
//!
//! Multiversion concurrency as on the JVM: every ref keeps a short history
//! of (value, commit point) versions; a transaction reads the newest version
//! no newer than its read point (a read fault, when history is too short,
//! counts in the ref's `faults` and retries, which lets its history grow up
//! to `:max-history`). Writes (`ref-set`/`alter`) and `commute`s are kept in
//! the transaction until commit; `ensure`d refs must not change before it.
//!
//! Where LockingTransaction takes per-ref write locks for the whole commit,
//! commits here are serialised by one global lock held only while versions
//! are checked and installed (no user code runs under it): commute fns and
//! validators run just before, and if a commuted ref changed meanwhile they
//! run again. A write or ensure conflicting with a newer commit retries the
//! transaction, eagerly at `ref-set`/`alter` time and again at commit, so
//! results are those of a serial order of the transactions, as on the JVM.
//! Watches fire and agent sends held by the transaction are dispatched after
//! the commit, outside the lock.

use super::agent::Action;
use super::error::{ExClass, Exception, Result};
use super::func::invoke;
use super::gc::{Lock, Ref, lock};
use super::iref::RefBase;
use super::value::{Repr, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// LockingTransaction.RETRY_LIMIT.
const RETRY_LIMIT: usize = 10_000;

/// Ids give refs their order (`compare`, commit order).
static NEXT_ID: AtomicU64 = AtomicU64::new(0);
/// The newest commit point whose versions are all installed: what a new
/// transaction (or a read outside one) may see.
static PUBLISHED: AtomicU64 = AtomicU64::new(0);
/// Serialises the check-and-install step of commits.
static COMMIT: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// One version of a ref's value.
pub(in crate::runtime) struct TVal {
    pub(in crate::runtime) val: Value,
    point: u64,
}

/// clojure.lang.Ref.
pub struct TxRef {
    id: u64,
    /// Newest version first; never empty.
    pub(in crate::runtime) history: Lock<VecDeque<TVal>>,
    faults: AtomicU64,
    min_history: AtomicUsize,
    max_history: AtomicUsize,
    pub(in crate::runtime) base: RefBase,
}

impl TxRef {
    pub fn new(v: Value) -> TxRef {
        let mut history = VecDeque::with_capacity(1);
        history.push_back(TVal { val: v, point: 0 });
        TxRef {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            history: Lock::new(history),
            faults: AtomicU64::new(0),
            min_history: AtomicUsize::new(0),
            max_history: AtomicUsize::new(10),
            base: RefBase::new(),
        }
    }
    /// Creation order, as Ref.compareTo uses.
    pub fn id(&self) -> u64 {
        self.id
    }
    /// Metadata, validator and watches.
    pub fn base(&self) -> &RefBase {
        &self.base
    }
    pub fn history_count(&self) -> usize {
        lock(&self.history).len().saturating_sub(1)
    }
    pub fn min_history(&self) -> usize {
        self.min_history.load(Ordering::Relaxed)
    }
    pub fn max_history(&self) -> usize {
        self.max_history.load(Ordering::Relaxed)
    }
    pub fn set_min_history(&self, n: usize) {
        self.min_history.store(n, Ordering::Relaxed);
    }
    pub fn set_max_history(&self, n: usize) {
        self.max_history.store(n, Ordering::Relaxed);
    }

    /// Ref.currentVal: the newest fully committed value.
    pub fn current_val(&self) -> Value {
        loop {
            let published = PUBLISHED.load(Ordering::Acquire);
            {
                let h = lock(&self.history);
                if let Some(t) = h.iter().find(|t| t.point <= published) {
                    return t.val.clone();
                }
            }
            // Only a commit still being installed replaced every version we
            // may see: wait for it to finish.
            drop(lock_commit());
        }
    }

    /// The newest version (committed or being installed) and its point.
    fn newest(&self) -> (Value, u64) {
        let h = lock(&self.history);
        h.front()
            .map(|t| (t.val.clone(), t.point))
            .unwrap_or((Value::NIL, 0))
    }

    fn newest_point(&self) -> u64 {
        lock(&self.history).front().map(|t| t.point).unwrap_or(0)
    }

    /// Install a committed value (LockingTransaction.commit's history
    /// rule); returns the value it replaces.
    fn install(&self, val: Value, point: u64) -> Value {
        let mut h = lock(&self.history);
        let old = h.front().map(|t| t.val.clone()).unwrap_or(Value::NIL);
        let count = h.len().saturating_sub(1);
        let faulted = self.faults.load(Ordering::Relaxed) > 0;
        if (faulted && count < self.max_history()) || count < self.min_history() {
            self.faults.store(0, Ordering::Relaxed);
        } else {
            h.pop_back();
        }
        h.push_front(TVal { val, point });
        old
    }
}

fn lock_commit() -> std::sync::MutexGuard<'static, ()> {
    match COMMIT.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    }
}

impl Value {
    /// A new ref holding `v`.
    pub fn tx_ref(v: Value) -> Value {
        super::cycle::registered(Value::from(Ref::new(TxRef::new(v))))
    }
    /// The ref this value is, as a shared handle.
    pub fn as_tx_ref(&self) -> Option<Ref<TxRef>> {
        match &self.0 {
            Repr::TxRef(r) => Some(r.clone()),
            _ => None,
        }
    }
}

/// The running transaction of a thread.
struct Tx {
    read_point: u64,
    /// In-transaction values of written (set or commuted) refs.
    vals: BTreeMap<u64, (Ref<TxRef>, Value)>,
    sets: BTreeSet<u64>,
    commutes: BTreeMap<u64, Vec<(Value, Vec<Value>)>>,
    ensures: BTreeMap<u64, Ref<TxRef>>,
    /// Agent sends held until the commit.
    actions: Vec<Action>,
}

impl Tx {
    fn new() -> Tx {
        Tx {
            read_point: PUBLISHED.load(Ordering::Acquire),
            vals: BTreeMap::new(),
            sets: BTreeSet::new(),
            commutes: BTreeMap::new(),
            ensures: BTreeMap::new(),
            actions: Vec::new(),
        }
    }
}

thread_local! {
    static TX: RefCell<Option<Tx>> = const { RefCell::new(None) };
}

/// Borrow the running transaction; IllegalStateException "No transaction
/// running" when there is none (LockingTransaction.getEx).
fn with_tx<R>(f: impl FnOnce(&mut Tx) -> Result<R>) -> Result<R> {
    TX.with(|t| match &mut *t.borrow_mut() {
        Some(tx) => f(tx),
        None => Err(no_transaction()),
    })
}

fn no_transaction() -> Exception {
    Exception::new(ExClass::IllegalStateException, "No transaction running")
}

/// LockingTransaction.isRunning.
pub fn in_transaction() -> bool {
    TX.with(|t| t.borrow().is_some())
}

fn retry() -> Exception {
    Exception::full(ExClass::RetryEx, None, None, None)
}

/// `deref` of a ref: the in-transaction value inside one (doGet), the
/// current value outside.
pub fn deref(r: &Ref<TxRef>) -> Result<Value> {
    let got = TX.with(|t| {
        let t = t.borrow();
        let tx = t.as_ref()?;
        if let Some((_, v)) = tx.vals.get(&r.id) {
            return Some(Ok(v.clone()));
        }
        let h = lock(&r.history);
        Some(match h.iter().find(|tv| tv.point <= tx.read_point) {
            Some(tv) => Ok(tv.val.clone()),
            None => {
                // A read fault: more history would have served it.
                r.faults.fetch_add(1, Ordering::Relaxed);
                Err(retry())
            }
        })
    });
    got.unwrap_or_else(|| Ok(r.current_val()))
}

/// doSet: `ref-set`.
pub fn ref_set(r: &Ref<TxRef>, v: Value) -> Result<Value> {
    with_tx(|tx| {
        if tx.commutes.contains_key(&r.id) {
            return Err(Exception::new(
                ExClass::IllegalStateException,
                "Can't set after commute",
            ));
        }
        if !tx.sets.contains(&r.id) {
            // LockingTransaction.lock: a newer commit means our snapshot is
            // stale for this ref.
            if r.newest_point() > tx.read_point {
                return Err(retry());
            }
            tx.sets.insert(r.id);
        }
        tx.vals.insert(r.id, (r.clone(), v.clone()));
        Ok(v)
    })
}

/// `alter`: set the ref to (apply f in-tx-value args).
pub fn alter(r: &Ref<TxRef>, f: &Value, args: &[Value]) -> Result<Value> {
    if !in_transaction() {
        return Err(no_transaction());
    }
    let mut call = Vec::with_capacity(args.len() + 1);
    call.push(deref(r)?);
    call.extend_from_slice(args);
    let v = invoke(f, &call)?;
    ref_set(r, v)
}

/// doCommute: apply f now to the in-transaction value (the newest one if
/// the ref was not written yet) and again at commit.
pub fn commute(r: &Ref<TxRef>, f: &Value, args: &[Value]) -> Result<Value> {
    let current = with_tx(|tx| Ok(tx.vals.get(&r.id).map(|(_, v)| v.clone())))?;
    let current = match current {
        Some(v) => v,
        None => r.newest().0,
    };
    let mut call = Vec::with_capacity(args.len() + 1);
    call.push(current);
    call.extend_from_slice(args);
    let v = invoke(f, &call)?;
    with_tx(|tx| {
        tx.commutes
            .entry(r.id)
            .or_default()
            .push((f.clone(), args.to_vec()));
        tx.vals.insert(r.id, (r.clone(), v.clone()));
        Ok(v)
    })
}

/// doEnsure + deref: the ref must not change before this transaction
/// commits.
pub fn ensure(r: &Ref<TxRef>) -> Result<Value> {
    with_tx(|tx| {
        if tx.sets.contains(&r.id) || tx.ensures.contains_key(&r.id) {
            return Ok(());
        }
        if r.newest_point() > tx.read_point {
            return Err(retry());
        }
        tx.ensures.insert(r.id, r.clone());
        Ok(())
    })?;
    deref(r)
}

/// Hold an agent send until the running transaction commits; gives the
/// action back when no transaction is running.
pub fn enqueue_action(action: Action) -> Option<Action> {
    TX.with(|t| match &mut *t.borrow_mut() {
        Some(tx) => {
            tx.actions.push(action);
            None
        }
        None => Some(action),
    })
}

/// LockingTransaction.runInTransaction: run `body` (a fn of no args) in a
/// transaction, joining the running one if any.
pub fn run(body: &Value) -> Result<Value> {
    if in_transaction() {
        return invoke(body, &[]);
    }
    let mut attempts = 0;
    loop {
        TX.with(|t| *t.borrow_mut() = Some(Tx::new()));
        let outcome = invoke(body, &[]).and_then(|v| Ok(commit()?.map(|done| (v, done))));
        let tx = TX.with(|t| t.borrow_mut().take());
        match outcome {
            Ok(Some((v, notify))) => {
                after_commit(notify, tx.map(|t| t.actions).unwrap_or_default())?;
                return Ok(v);
            }
            Ok(None) => {}
            Err(e) if e.class() == ExClass::RetryEx => {}
            Err(e) => return Err(e),
        }
        attempts += 1;
        if attempts >= RETRY_LIMIT {
            return Err(Exception::new(
                ExClass::RuntimeException,
                "Transaction failed after reaching retry limit",
            ));
        }
    }
}

/// A committed change a watch must hear about: (ref, old, new).
type Notify = (Ref<TxRef>, Value, Value);

/// Commit the running transaction: Some(changes to notify) when it
/// committed, None when it must retry.
fn commit() -> Result<Option<Vec<Notify>>> {
    loop {
        // Commutes on refs not otherwise written run again on the newest
        // value; remember which version each saw.
        let (commutes, sets) = with_tx(|tx| Ok((tx.commutes.clone(), tx.sets.clone())))?;
        let mut seen: Vec<(Ref<TxRef>, u64)> = Vec::new();
        for (id, fns) in &commutes {
            if sets.contains(id) {
                continue;
            }
            let Some(r) = with_tx(|tx| Ok(tx.vals.get(id).map(|(r, _)| r.clone())))? else {
                continue;
            };
            let (mut v, point) = r.newest();
            for (f, args) in fns {
                let mut call = Vec::with_capacity(args.len() + 1);
                call.push(v);
                call.extend_from_slice(args);
                v = invoke(f, &call)?;
            }
            with_tx(|tx| {
                tx.vals.insert(*id, (r.clone(), v));
                Ok(())
            })?;
            seen.push((r, point));
        }
        let (vals, read_point, ensures) = with_tx(|tx| {
            Ok((
                tx.vals.values().cloned().collect::<Vec<_>>(),
                tx.read_point,
                tx.ensures.values().cloned().collect::<Vec<_>>(),
            ))
        })?;
        for (r, v) in &vals {
            r.base.validate(v)?;
        }
        let guard = lock_commit();
        let stale = vals
            .iter()
            .filter(|(r, _)| sets.contains(&r.id))
            .map(|(r, _)| r)
            .chain(ensures.iter())
            .any(|r| r.newest_point() > read_point);
        if stale {
            return Ok(None);
        }
        if seen.iter().any(|(r, p)| r.newest_point() != *p) {
            // Another commit changed a commuted ref: run the commutes again.
            drop(guard);
            continue;
        }
        let point = PUBLISHED.load(Ordering::Acquire) + 1;
        let mut notify = Vec::new();
        for (r, v) in vals {
            let old = r.install(v.clone(), point);
            if r.base.has_watches() {
                notify.push((r, old, v));
            }
        }
        PUBLISHED.store(point, Ordering::Release);
        drop(guard);
        return Ok(Some(notify));
    }
}

/// Out of the transaction: fire watches, then dispatch the held sends.
fn after_commit(notify: Vec<Notify>, actions: Vec<Action>) -> Result<()> {
    for (r, old, new) in notify {
        let this = Value::from(r.clone());
        r.base.notify_watches(&this, &old, &new)?;
    }
    for a in actions {
        super::agent::dispatch_action(a);
    }
    Ok(())
}
