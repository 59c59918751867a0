//! Reference cells: Atom, Volatile, Delay and Promise (clojure.lang.Atom,
//! Volatile, Delay and the reify behind `promise`).
//!
//! Atoms follow ARef/Atom.java: a validator that must return truthy
//! ("Invalid reference state"), watches called with (key ref old new) after
//! each change, and compare-and-set by identity so `swap!` retries under
//! contention without holding the lock while the user fn runs.

use super::coll::HashMap;
use super::error::{ExClass, Exception, Result};
use super::func::invoke;
use super::gc::{Lock, Ref, lock};
use super::value::{Value, View};

/// clojure.lang.Atom.
pub struct Atom {
    pub(in crate::runtime) state: Lock<Value>,
    pub(in crate::runtime) meta: Lock<Value>,
    pub(in crate::runtime) validator: Lock<Option<Value>>,
    /// ARef keeps watches in a PersistentHashMap, and notifies in its order.
    pub(in crate::runtime) watches: Lock<HashMap>,
}

/// ARef.validate: a falsey result is IllegalStateException "Invalid
/// reference state"; a RuntimeException from the validator propagates, any
/// other exception becomes the cause of that IllegalStateException.
pub fn validate(validator: &Option<Value>, v: &Value) -> Result<()> {
    let Some(f) = validator else {
        return Ok(());
    };
    match invoke(f, std::slice::from_ref(v)) {
        Ok(r) if r.truthy() => Ok(()),
        Ok(_) => Err(invalid_state(None)),
        Err(e) if e.class().is_a(ExClass::RuntimeException) => Err(e),
        Err(e) => Err(invalid_state(Some(e))),
    }
}

fn invalid_state(cause: Option<Exception>) -> Exception {
    Exception::full(
        ExClass::IllegalStateException,
        Some("Invalid reference state".into()),
        None,
        cause,
    )
}

impl Atom {
    pub fn new(v: Value) -> Atom {
        Atom {
            state: Lock::new(v),
            meta: Lock::new(Value::NIL),
            validator: Lock::new(None),
            watches: Lock::new(HashMap::empty()),
        }
    }
    pub fn deref(&self) -> Value {
        lock(&self.state).clone()
    }
    pub fn meta(&self) -> Value {
        lock(&self.meta).clone()
    }
    pub fn set_meta(&self, m: Value) {
        *lock(&self.meta) = m;
    }
    pub fn validator(&self) -> Option<Value> {
        lock(&self.validator).clone()
    }
    /// `set-validator!`: the current state must pass the new validator.
    pub fn set_validator(&self, f: Option<Value>) -> Result<()> {
        validate(&f, &self.deref())?;
        *lock(&self.validator) = f;
        Ok(())
    }
    pub fn add_watch(&self, key: Value, f: Value) {
        let mut w = lock(&self.watches);
        *w = w.assoc(key, f);
    }
    pub fn remove_watch(&self, key: &Value) {
        let mut w = lock(&self.watches);
        *w = w.without(key);
    }
    /// Call every watch with (key ref old new); `this` is the atom's value.
    pub fn notify_watches(&self, this: &Value, old: &Value, new: &Value) -> Result<()> {
        let ws: Vec<(Value, Value)> = {
            let w = lock(&self.watches);
            w.iter().map(|(k, f)| (k.clone(), f.clone())).collect()
        };
        for (k, f) in ws {
            invoke(&f, &[k, this.clone(), old.clone(), new.clone()])?;
        }
        Ok(())
    }
    /// Atom.compareAndSet: identity comparison of the old value.
    pub fn compare_and_set(&self, this: &Value, old: &Value, new: Value) -> Result<bool> {
        validate(&self.validator(), &new)?;
        {
            let mut s = lock(&self.state);
            if !s.identical(old) {
                return Ok(false);
            }
            *s = new.clone();
        }
        self.notify_watches(this, old, &new)?;
        Ok(true)
    }
    /// `reset!`: returns the new value.
    pub fn reset(&self, this: &Value, new: Value) -> Result<Value> {
        Ok(self.reset_vals(this, new)?.1)
    }
    /// `reset-vals!`: (old, new).
    pub fn reset_vals(&self, this: &Value, new: Value) -> Result<(Value, Value)> {
        validate(&self.validator(), &new)?;
        let old = std::mem::replace(&mut *lock(&self.state), new.clone());
        self.notify_watches(this, &old, &new)?;
        Ok((old, new))
    }
    /// `swap-vals!`: apply `f` to the state (plus `args`) until the
    /// compare-and-set succeeds; (old, new).
    pub fn swap_vals(&self, this: &Value, f: &Value, args: &[Value]) -> Result<(Value, Value)> {
        let mut call = Vec::with_capacity(args.len() + 1);
        loop {
            let old = self.deref();
            call.clear();
            call.push(old.clone());
            call.extend_from_slice(args);
            let new = invoke(f, &call)?;
            if self.compare_and_set(this, &old, new.clone())? {
                return Ok((old, new));
            }
        }
    }
}

/// clojure.lang.Volatile: a plain mutable box.
pub struct Volatile {
    pub(in crate::runtime) val: Lock<Value>,
}

impl Volatile {
    pub fn new(v: Value) -> Volatile {
        Volatile { val: Lock::new(v) }
    }
    pub fn deref(&self) -> Value {
        lock(&self.val).clone()
    }
    pub fn reset(&self, v: Value) -> Value {
        *lock(&self.val) = v.clone();
        v
    }
}

pub(in crate::runtime) enum DelayState {
    Pending(Value),
    /// Running on a thread; the fn is kept so a reentrant deref can call it
    /// again (the JVM's `synchronized` is reentrant).
    Running(std::thread::ThreadId, Value),
    Done(Value),
    /// Delay.deref caches the exception and rethrows it on every deref.
    Failed(Exception),
}

/// clojure.lang.Delay: runs its fn once, on the first deref.
pub struct Delay {
    pub(in crate::runtime) state: Lock<DelayState>,
}

impl Delay {
    pub fn new(f: Value) -> Delay {
        Delay {
            state: Lock::new(DelayState::Pending(f)),
        }
    }
    pub fn is_realized(&self) -> bool {
        matches!(
            &*lock(&self.state),
            DelayState::Done(_) | DelayState::Failed(_)
        )
    }
    pub fn deref(&self) -> Result<Value> {
        let me = std::thread::current().id();
        let f = loop {
            let mut g = lock(&self.state);
            match &*g {
                DelayState::Done(v) => return Ok(v.clone()),
                DelayState::Failed(e) => return Err(e.clone()),
                DelayState::Pending(f) => {
                    let f = f.clone();
                    *g = DelayState::Running(me, f.clone());
                    break f;
                }
                DelayState::Running(owner, f) if *owner == me => {
                    let f = f.clone();
                    drop(g);
                    return invoke(&f, &[]);
                }
                DelayState::Running(..) => {
                    drop(g);
                    std::thread::yield_now();
                }
            }
        };
        let r = invoke(&f, &[]);
        let mut g = lock(&self.state);
        *g = match &r {
            Ok(v) => DelayState::Done(v.clone()),
            Err(e) => DelayState::Failed(e.clone()),
        };
        r
    }
}

/// The object `promise` returns: deliverable once, deref blocks until then.
pub struct Promise {
    pub(in crate::runtime) val: Lock<Option<Value>>,
    #[cfg(feature = "threads")]
    ready: std::sync::Condvar,
}

impl Default for Promise {
    fn default() -> Self {
        Self::new()
    }
}

impl Promise {
    pub fn new() -> Promise {
        Promise {
            val: Lock::new(None),
            #[cfg(feature = "threads")]
            ready: std::sync::Condvar::new(),
        }
    }
    pub fn is_realized(&self) -> bool {
        lock(&self.val).is_some()
    }
    /// `deliver`: true if this call delivered the value.
    pub fn deliver(&self, v: Value) -> bool {
        let mut g = lock(&self.val);
        if g.is_some() {
            return false;
        }
        *g = Some(v);
        #[cfg(feature = "threads")]
        self.ready.notify_all();
        true
    }
    /// The value if delivered.
    pub fn try_get(&self) -> Option<Value> {
        lock(&self.val).clone()
    }
    /// Block until delivered, or until `timeout_ms` passes (None then).
    pub fn wait(&self, timeout_ms: Option<u64>) -> Result<Option<Value>> {
        #[cfg(feature = "threads")]
        {
            let mut g = lock(&self.val);
            let deadline = timeout_ms
                .map(|ms| std::time::Instant::now() + std::time::Duration::from_millis(ms));
            loop {
                if let Some(v) = &*g {
                    return Ok(Some(v.clone()));
                }
                // Wake now and then to notice an interrupt.
                let Some(slice) = super::interrupt::wait_slice(deadline) else {
                    return Ok(None);
                };
                g = match self.ready.wait_timeout(g, slice) {
                    Ok((g, _)) => g,
                    Err(p) => p.into_inner().0,
                };
                super::interrupt::check_blocking()?;
            }
        }
        #[cfg(not(feature = "threads"))]
        {
            // One thread: nobody else can deliver while we wait.
            match (self.try_get(), timeout_ms) {
                (Some(v), _) => Ok(Some(v)),
                (None, Some(_)) => Ok(None),
                (None, None) => Err(Exception::new(
                    ExClass::IllegalStateException,
                    "deref of an undelivered promise would block forever (no threads)",
                )),
            }
        }
    }
}

impl Value {
    pub fn atom(v: Value) -> Value {
        super::cycle::registered(Value::from(Ref::new(Atom::new(v))))
    }
    pub fn volatile(v: Value) -> Value {
        super::cycle::registered(Value::from(Ref::new(Volatile::new(v))))
    }
    /// A Delay over a fn of no arguments (`(delay ...)`, `(new clojure.lang.Delay f)`).
    pub fn delay(f: Value) -> Value {
        super::cycle::registered(Value::from(Ref::new(Delay::new(f))))
    }
    pub fn promise() -> Value {
        super::cycle::registered(Value::from(Ref::new(Promise::new())))
    }
}

/// `(deref x)` for the reference types of the runtime; None when `x` is not
/// one of them.
pub fn deref(x: &Value) -> Option<Result<Value>> {
    Some(match x.view() {
        View::Atom(a) => Ok(a.deref()),
        View::Volatile(v) => Ok(v.deref()),
        View::Delay(d) => d.deref(),
        View::Var(v) => v.deref(),
        View::Promise(p) => p.wait(None).map(|v| v.unwrap_or(Value::NIL)),
        View::Instance(_) => return super::types::call_method(x, "deref", &[]),
        View::TxRef(_) => super::stm::deref(&x.as_tx_ref()?),
        View::Agent(a) => Ok(a.deref()),
        View::Future(f) => f.wait(None).unwrap_or(Ok(Value::NIL)),
        View::Reduced(r) => Ok(r.val().clone()),
        _ => return None,
    })
}
