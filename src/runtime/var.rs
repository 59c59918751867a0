//! Vars: a root binding, optional per-thread dynamic bindings, metadata.
//!
//! A var names its namespace by symbol (not by pointer) so namespace -> var ->
//! namespace never forms a reference cycle.

use super::error::{ExClass, Exception, Result};
use super::gc::{Lock, Ref, SwapCell, lock};
use super::iref::RefBase;
use super::symbol::Symbol;
use super::value::Value;
use std::cell::RefCell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Installed by builtins: the full metadata of a builtin var (None when the
/// table has no entry for it).
pub type StaticMetaHook = fn(&Var) -> Option<Value>;
static STATIC_META_HOOK: std::sync::OnceLock<StaticMetaHook> = std::sync::OnceLock::new();

/// Called once at start-up.
pub fn install_static_meta_hook(h: StaticMetaHook) {
    let _ = STATIC_META_HOOK.set(h);
}

pub struct Var {
    ns: Ref<Symbol>,
    sym: Ref<Symbol>,
    /// Read without a lock (see [`SwapCell`]): most vars are read on
    /// every call of the fn they hold and written once.
    pub(in crate::runtime) root: SwapCell<Value>,
    pub(in crate::runtime) meta: Lock<Value>,
    dynamic: AtomicBool,
    is_macro: AtomicBool,
    /// The JVM's metadata for this var (docstring, arglists ...) is still to
    /// be merged in from a static table, on the first read of `meta`.
    meta_pending: AtomicBool,
    /// Number of live `binding` frames that bind this var, on any thread:
    /// when zero, deref skips the thread-local lookup.
    bound_count: AtomicUsize,
    /// Watches and validator (Var is an ARef), made on first use.
    pub(in crate::runtime) iref: OnceLock<RefBase>,
}

/// Bumped after every change of any var's root (and when a var is
/// freed, so a new var at its address is never mistaken for it): a cache
/// of root values (the VM's per-thread var cache) is valid while this is
/// unchanged.
#[cfg(target_has_atomic = "64")]
static ROOT_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
#[cfg(not(target_has_atomic = "64"))]
static ROOT_EPOCH: AtomicUsize = AtomicUsize::new(0);

/// The current root epoch (see [`ROOT_EPOCH`]); read it BEFORE reading a
/// root that will be cached under it.
#[inline(always)]
pub fn root_epoch() -> u64 {
    #[cfg(target_has_atomic = "64")]
    return ROOT_EPOCH.load(Ordering::Acquire);
    #[cfg(not(target_has_atomic = "64"))]
    return ROOT_EPOCH.load(Ordering::Acquire) as u64;
}

#[inline]
fn root_changed() {
    ROOT_EPOCH.fetch_add(1, Ordering::AcqRel);
}

impl Drop for Var {
    fn drop(&mut self) {
        root_changed();
    }
}

impl Var {
    pub fn new(ns: Ref<Symbol>, sym: Ref<Symbol>) -> Var {
        Var {
            ns,
            sym,
            root: SwapCell::new(None),
            meta: Lock::new(Value::NIL),
            dynamic: AtomicBool::new(false),
            is_macro: AtomicBool::new(false),
            meta_pending: AtomicBool::new(false),
            bound_count: AtomicUsize::new(0),
            iref: OnceLock::new(),
        }
    }
    pub fn ns_sym(&self) -> &Ref<Symbol> {
        &self.ns
    }
    pub fn sym(&self) -> &Ref<Symbol> {
        &self.sym
    }
    /// A var in no namespace (`with-local-vars`, `Var/create`).
    pub fn anonymous() -> Var {
        Var::new(Symbol::intern(None, ""), Symbol::intern(None, ""))
    }
    pub fn is_anonymous(&self) -> bool {
        self.sym.name().is_empty() && self.ns.name().is_empty()
    }
    /// `#'ns/name` form of the name.
    pub fn qualified_name(&self) -> String {
        format!("{}/{}", self.ns.name(), self.sym.name())
    }
    pub fn is_bound(&self) -> bool {
        self.root.is_some() || self.thread_binding().is_some()
    }
    pub fn has_root(&self) -> bool {
        self.root.is_some()
    }
    #[inline]
    pub fn root(&self) -> Option<Value> {
        self.root.get()
    }
    pub fn bind_root(&self, v: Value) {
        self.root.replace(Some(v));
        root_changed();
    }
    /// The var's watches and validator.
    pub fn iref(&self) -> &RefBase {
        self.iref.get_or_init(RefBase::new)
    }
    /// Var.bindRoot: validate, set, then notify watches with (old new);
    /// `this` is the var as a value, as the watch fns receive it.
    pub fn set_root(&self, this: &Value, v: Value) -> Result<()> {
        let Some(b) = self.iref.get() else {
            self.bind_root(v);
            return Ok(());
        };
        b.validate(&v)?;
        let old = self.root.replace(Some(v.clone())).unwrap_or(Value::NIL);
        root_changed();
        b.notify_watches(this, &old, &v)
    }
    pub fn unbind_root(&self) {
        self.root.replace(None);
        root_changed();
    }
    /// Does some thread bind this var now (deref must look at bindings)?
    #[inline(always)]
    pub fn has_bindings(&self) -> bool {
        self.bound_count.load(Ordering::Relaxed) > 0
    }
    pub fn is_dynamic(&self) -> bool {
        self.dynamic.load(Ordering::Relaxed)
    }
    pub fn set_dynamic(&self, d: bool) {
        self.dynamic.store(d, Ordering::Relaxed);
    }
    pub fn is_macro(&self) -> bool {
        self.is_macro.load(Ordering::Relaxed)
    }
    pub fn set_macro(&self, m: bool) {
        self.is_macro.store(m, Ordering::Relaxed);
    }
    pub fn meta(&self) -> Value {
        if self.meta_pending.load(Ordering::Relaxed) {
            self.attach_static_meta();
        }
        lock(&self.meta).clone()
    }
    /// Mark a builtin var whose full metadata the static-meta hook supplies
    /// when first asked for (so start-up builds none of it).
    pub fn set_meta_pending(&self) {
        self.meta_pending.store(true, Ordering::Relaxed);
    }
    fn attach_static_meta(&self) {
        let Some(hook) = STATIC_META_HOOK.get() else {
            return;
        };
        let found = hook(self);
        let mut m = lock(&self.meta);
        if self.meta_pending.swap(false, Ordering::Relaxed)
            && let Some(full) = found
        {
            *m = full;
        }
    }
    /// Replace the metadata. As on the JVM, `:macro` in the map is what
    /// makes the var a macro, so the flag follows it.
    pub fn set_meta(&self, m: Value) {
        let is_macro = super::lookup::get(&m, &Value::keyword(None, "macro")).truthy();
        self.set_macro(is_macro);
        self.meta_pending.store(false, Ordering::Relaxed);
        *lock(&self.meta) = m;
    }

    /// The current value: the innermost thread binding, else the root.
    /// Unbound vars deref to an `Unbound` marker in Clojure; we raise
    /// IllegalStateException when the value is used through `get`.
    #[inline]
    pub fn deref(&self) -> Result<Value> {
        if self.bound_count.load(Ordering::Relaxed) > 0
            && let Some(v) = self.thread_binding()
        {
            return Ok(v);
        }
        match self.root.get() {
            Some(v) => Ok(v),
            None => Err(Exception::new(
                ExClass::IllegalStateException,
                format!("Attempting to call unbound fn: #'{}", self.qualified_name()),
            )),
        }
    }

    /// Like deref, but None when unbound (no exception).
    pub fn get(&self) -> Option<Value> {
        if self.bound_count.load(Ordering::Relaxed) > 0
            && let Some(v) = self.thread_binding()
        {
            return Some(v);
        }
        self.root.get()
    }

    fn thread_binding(&self) -> Option<Value> {
        BINDINGS.with(|b| {
            let b = b.borrow();
            for frame in b.iter().rev() {
                for (var, val) in frame.iter().rev() {
                    if std::ptr::eq(Ref::as_ptr(var), self) {
                        return Some(val.clone());
                    }
                }
            }
            None
        })
    }

    /// `set!` of a dynamic var: changes the innermost thread binding.
    pub fn set(&self, v: Value) -> Result<Value> {
        if let Some(b) = self.iref.get() {
            b.validate(&v)?;
        }
        let done = BINDINGS.with(|b| {
            let mut b = b.borrow_mut();
            for frame in b.iter_mut().rev() {
                for (var, val) in frame.iter_mut().rev() {
                    if std::ptr::eq(Ref::as_ptr(var), self) {
                        *val = v.clone();
                        return true;
                    }
                }
            }
            false
        });
        if done {
            Ok(v)
        } else {
            Err(Exception::new(
                ExClass::IllegalStateException,
                format!(
                    "Can't change/establish root binding of: {} with set",
                    self.sym.name()
                ),
            ))
        }
    }
}

type BindingFrame = Vec<(Ref<Var>, Value)>;

thread_local! {
    /// The dynamic binding stack of this thread (`binding`).
    static BINDINGS: RefCell<Vec<BindingFrame>> = const { RefCell::new(Vec::new()) };
}

/// `push-thread-bindings`: every var must be dynamic.
pub fn push_bindings(binds: Vec<(Ref<Var>, Value)>) -> Result<()> {
    for (v, _) in &binds {
        if !v.is_dynamic() {
            return Err(Exception::new(
                ExClass::IllegalStateException,
                format!(
                    "Can't dynamically bind non-dynamic var: {}",
                    v.qualified_name()
                ),
            ));
        }
    }
    for (v, _) in &binds {
        v.bound_count.fetch_add(1, Ordering::Relaxed);
    }
    BINDINGS.with(|b| b.borrow_mut().push(binds));
    Ok(())
}

/// `pop-thread-bindings`.
pub fn pop_bindings() -> Result<()> {
    let frame = BINDINGS.with(|b| b.borrow_mut().pop());
    match frame {
        Some(f) => {
            for (v, _) in &f {
                v.bound_count.fetch_sub(1, Ordering::Relaxed);
            }
            Ok(())
        }
        None => Err(Exception::new(
            ExClass::IllegalStateException,
            "Pop without matching push",
        )),
    }
}

/// The whole binding stack, flattened (for `get-thread-bindings` and for
/// conveying bindings to futures/agents).
pub fn current_bindings() -> Vec<(Ref<Var>, Value)> {
    BINDINGS.with(|b| {
        let mut out: Vec<(Ref<Var>, Value)> = Vec::new();
        for frame in b.borrow().iter() {
            for (var, val) in frame {
                match out.iter_mut().find(|(v, _)| Ref::ptr_eq(v, var)) {
                    Some(e) => e.1 = val.clone(),
                    None => out.push((var.clone(), val.clone())),
                }
            }
        }
        out
    })
}

/// The bindings a map of Var to value names (`push-thread-bindings`'s
/// argument, `get-thread-bindings`'s result).
pub fn bindings_of(map: &Value) -> Result<Vec<(Ref<Var>, Value)>> {
    use super::seq;
    let mut binds = Vec::new();
    for e in seq::iter(map) {
        let e = e?;
        let k = seq::first(&e)?;
        let v = seq::first(&seq::next(&e)?)?;
        let Some(var) = k.as_var() else {
            return super::error::err::class_cast(super::compare::cast_message(
                k.class_name(),
                "clojure.lang.Var",
            ));
        };
        binds.push((var, v));
    }
    Ok(binds)
}

/// `Var.resetThreadBindingFrame`: make `binds` (a frame that
/// `current_bindings` captured, maybe on another thread) this thread's
/// whole binding stack, as a pooled thread does before running a task.
pub fn reset_bindings(binds: Vec<(Ref<Var>, Value)>) {
    let old = BINDINGS.with(|b| std::mem::take(&mut *b.borrow_mut()));
    for frame in &old {
        for (v, _) in frame {
            v.bound_count.fetch_sub(1, Ordering::Relaxed);
        }
    }
    if binds.is_empty() {
        return;
    }
    for (v, _) in &binds {
        v.bound_count.fetch_add(1, Ordering::Relaxed);
    }
    BINDINGS.with(|b| b.borrow_mut().push(binds));
}

impl Value {
    /// `(Var/create)`, `(Var/create root)`: a var in no namespace (a
    /// candidate of the cycle collector, unlike interned vars).
    pub fn anonymous_var(root: Option<Value>) -> Value {
        let v = Var::anonymous();
        if let Some(r) = root {
            v.bind_root(r);
        }
        super::cycle::registered(Value::from(Ref::new(v)))
    }
    pub fn var(v: Ref<Var>) -> Value {
        Value::from(v)
    }
}
