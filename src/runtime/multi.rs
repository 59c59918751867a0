//! clojure.lang.MultiFn: a multimethod. Dispatch follows MultiFn.java: the
//! dispatch fn's value is looked up in a cache of resolved methods; on a miss
//! every method whose dispatch value the value `isa?` is considered, the most
//! specific (or preferred) one wins, and the result is cached until the
//! methods, preferences or the hierarchy change.
//!
//! `isa?` and `parents` (which know about classes) live in the builtins and
//! are installed here at startup; the printer asks [`user_print`] whether a
//! program defined a `print-method` for a value.

use super::coll::ops;
use super::equality::entries;
use super::error::{ExClass, Exception, Result};
use super::func;
use super::gc::{Lock, lock};
use super::printer::{PrintOpts, str_value};
use super::value::Value;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The hierarchy operations dispatch needs (clojure.core's `isa?` and
/// `parents` with an explicit hierarchy).
pub struct HierarchyOps {
    /// `(isa? h child parent)`.
    pub isa: fn(&Value, &Value, &Value) -> Result<bool>,
    /// `(parents h tag)`: a set or nil.
    pub parents: fn(&Value, &Value) -> Result<Value>,
}
static OPS: OnceLock<HierarchyOps> = OnceLock::new();

/// Called once by the builtins at startup.
pub fn install_hierarchy_ops(ops: HierarchyOps) {
    let _ = OPS.set(ops);
}

fn ops() -> Result<&'static HierarchyOps> {
    OPS.get().ok_or_else(|| {
        Exception::new(
            ExClass::IllegalStateException,
            "multimethod dispatch is not installed",
        )
    })
}

pub struct MultiFn {
    name: String,
    dispatch_fn: Value,
    default: Value,
    /// An IRef (a var or an atom) holding the hierarchy.
    hierarchy: Value,
    /// print-method / print-dup: a change to it turns the printer hook on.
    printer: AtomicBool,
    tables: Lock<Tables>,
}

/// The mutable state, swapped as a whole under the lock. The maps are
/// persistent, so a snapshot is three pointer copies.
#[derive(Clone)]
struct Tables {
    methods: Value,
    prefers: Value,
    cache: Value,
    /// The hierarchy value the cache was computed against.
    cached_hierarchy: Option<Value>,
}

impl Tables {
    fn empty() -> Tables {
        let m = ops::hash_map_of(vec![]);
        Tables {
            methods: m.clone(),
            prefers: m.clone(),
            cache: m,
            cached_hierarchy: None,
        }
    }
}

/// Java's `String.valueOf(x)` as `String.format("%s")` shows it.
fn java_str(v: &Value) -> String {
    if v.is_nil() {
        "null".to_string()
    } else {
        str_value(v).unwrap_or_default()
    }
}

fn same(a: &Option<Value>, b: &Value) -> bool {
    a.as_ref().is_some_and(|a| a.identical(b))
}

impl MultiFn {
    pub fn new(name: &str, dispatch_fn: Value, default: Value, hierarchy: Value) -> MultiFn {
        MultiFn {
            name: name.to_string(),
            dispatch_fn,
            default,
            hierarchy,
            printer: AtomicBool::new(false),
            tables: Lock::new(Tables::empty()),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn dispatch_fn(&self) -> &Value {
        &self.dispatch_fn
    }
    pub fn default_dispatch_val(&self) -> &Value {
        &self.default
    }
    pub fn hierarchy(&self) -> &Value {
        &self.hierarchy
    }

    /// From now on, changes to this multimethod's methods mean a program
    /// customised printing (set on print-method and print-dup once their
    /// built-in methods are in).
    pub fn watch_for_printer(&self) {
        self.printer.store(true, Ordering::Relaxed);
    }

    fn changed(&self) {
        if self.printer.load(Ordering::Relaxed) {
            PRINT_CUSTOMIZED.store(true, Ordering::Relaxed);
        }
    }

    /// `(methods mf)`: dispatch value -> method.
    pub fn method_table(&self) -> Value {
        lock(&self.tables).methods.clone()
    }

    /// `(prefers mf)`: preferred value -> set of values it is preferred to.
    pub fn prefer_table(&self) -> Value {
        lock(&self.tables).prefers.clone()
    }

    fn current_hierarchy(&self) -> Result<Value> {
        match super::state::deref(&self.hierarchy) {
            Some(r) => r,
            None => func::invoke(&deref_fn()?, std::slice::from_ref(&self.hierarchy)),
        }
    }

    fn reset_cache(&self, t: &mut Tables) {
        t.cache = t.methods.clone();
        t.cached_hierarchy = self.current_hierarchy().ok();
    }

    pub fn add_method(&self, dispatch_val: Value, method: Value) -> Result<()> {
        {
            let mut t = lock(&self.tables);
            t.methods = ops::assoc(&t.methods, dispatch_val, method)?;
            self.reset_cache(&mut t);
        }
        self.changed();
        Ok(())
    }

    pub fn remove_method(&self, dispatch_val: &Value) -> Result<()> {
        {
            let mut t = lock(&self.tables);
            t.methods = ops::dissoc(&t.methods, dispatch_val)?;
            self.reset_cache(&mut t);
        }
        self.changed();
        Ok(())
    }

    /// `(remove-all-methods mf)`: methods and preferences.
    pub fn reset(&self) {
        *lock(&self.tables) = Tables::empty();
        self.changed();
    }

    pub fn prefer_method(&self, x: Value, y: Value) -> Result<()> {
        let h = self.current_hierarchy()?;
        let prefers = self.prefer_table();
        if self.prefers(&h, &prefers, &y, &x)? {
            return Err(Exception::new(
                ExClass::IllegalStateException,
                format!(
                    "Preference conflict in multimethod '{}': {} is already preferred to {}",
                    self.name,
                    java_str(&y),
                    java_str(&x)
                ),
            ));
        }
        {
            let mut t = lock(&self.tables);
            let set = func::get(&t.prefers, &x, Value::NIL)?;
            let set = if set.is_nil() {
                ops::hash_set_of(vec![])
            } else {
                set
            };
            let set = ops::conj(&set, y)?;
            t.prefers = ops::assoc(&t.prefers, x, set)?;
            self.reset_cache(&mut t);
        }
        self.changed();
        Ok(())
    }

    /// Is `x` preferred to `y`, directly or through their parents?
    fn prefers(&self, h: &Value, prefers: &Value, x: &Value, y: &Value) -> Result<bool> {
        let xprefs = func::get(prefers, x, Value::NIL)?;
        if !xprefs.is_nil() && ops::contains(&xprefs, y)? {
            return Ok(true);
        }
        let parents = ops()?.parents;
        for p in super::seq::iter(&parents(h, y)?) {
            if self.prefers(h, prefers, x, &p?)? {
                return Ok(true);
            }
        }
        for p in super::seq::iter(&parents(h, x)?) {
            if self.prefers(h, prefers, &p?, y)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn dominates(&self, h: &Value, prefers: &Value, x: &Value, y: &Value) -> Result<bool> {
        Ok(self.prefers(h, prefers, x, y)? || (ops()?.isa)(h, x, y)?)
    }

    /// `(get-method mf dispatch-val)`: the method that value selects (the
    /// default method when none matches), or None.
    pub fn get_method(&self, dispatch_val: &Value) -> Result<Option<Value>> {
        let h = self.current_hierarchy()?;
        let cache = {
            let mut t = lock(&self.tables);
            if !same(&t.cached_hierarchy, &h) {
                t.cache = t.methods.clone();
                t.cached_hierarchy = Some(h);
            }
            t.cache.clone()
        };
        // Looked up with the lock released: `=` may run program code.
        let hit = func::get(&cache, dispatch_val, Value::NIL)?;
        if !hit.is_nil() {
            return Ok(Some(hit));
        }
        self.find_and_cache_best_method(dispatch_val)
    }

    fn find_and_cache_best_method(&self, dispatch_val: &Value) -> Result<Option<Value>> {
        loop {
            let snapshot = lock(&self.tables).clone();
            let Some(h) = snapshot.cached_hierarchy.clone() else {
                let mut t = lock(&self.tables);
                self.reset_cache(&mut t);
                if t.cached_hierarchy.is_none() {
                    // The hierarchy cannot be read: report it.
                    drop(t);
                    self.current_hierarchy()?;
                }
                continue;
            };
            let isa = ops()?.isa;
            let mut best: Option<(Value, Value)> = None;
            for e in entries(&snapshot.methods) {
                let (k, f) = e?;
                if !isa(&h, dispatch_val, &k)? {
                    continue;
                }
                let replace = match &best {
                    None => true,
                    Some((bk, _)) => self.dominates(&h, &snapshot.prefers, &k, bk)?,
                };
                if replace {
                    best = Some((k.clone(), f));
                }
                if let Some((bk, _)) = &best
                    && !self.dominates(&h, &snapshot.prefers, bk, &k)?
                {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        format!(
                            "Multiple methods in multimethod '{}' match dispatch value: {} -> {} and {}, and neither is preferred",
                            self.name,
                            java_str(dispatch_val),
                            java_str(&k),
                            java_str(bk)
                        ),
                    ));
                }
            }
            let best = match best {
                Some((_, f)) => f,
                None => {
                    let f = func::get(&snapshot.methods, &self.default, Value::NIL)?;
                    if f.is_nil() {
                        return Ok(None);
                    }
                    f
                }
            };
            // Cache only if nothing changed meanwhile, else start over.
            let now = self.current_hierarchy()?;
            let mut t = lock(&self.tables);
            if t.methods.identical(&snapshot.methods)
                && t.prefers.identical(&snapshot.prefers)
                && same(&t.cached_hierarchy, &h)
                && h.identical(&now)
            {
                t.cache = ops::assoc(&t.cache, dispatch_val.clone(), best.clone())?;
                return Ok(Some(best));
            }
            self.reset_cache(&mut t);
        }
    }

    /// The method for `dispatch_val`, or the JVM's "No method" error.
    pub fn get_fn(&self, dispatch_val: &Value) -> Result<Value> {
        match self.get_method(dispatch_val)? {
            Some(f) => Ok(f),
            None => Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    "No method in multimethod '{}' for dispatch value: {}",
                    self.name,
                    java_str(dispatch_val)
                ),
            )),
        }
    }
}

/// clojure.core/deref, for hierarchies held by reference types the runtime
/// does not know (refs, agents).
fn deref_fn() -> Result<Value> {
    super::namespace::find_ns("clojure.core")
        .and_then(|ns| ns.find_interned("deref"))
        .map(|v| v.deref())
        .unwrap_or_else(|| {
            Err(Exception::new(
                ExClass::IllegalStateException,
                "clojure.core/deref is not available",
            ))
        })
}

/// Call a multimethod: dispatch on the arguments, then call the method.
pub fn invoke(mf: &MultiFn, args: &[Value]) -> Result<Value> {
    let dv = func::invoke(&mf.dispatch_fn, args)?;
    let f = mf.get_fn(&dv)?;
    func::invoke(&f, args)
}

// ----- the printer hook -----

/// Set once a program changes print-method or print-dup: until then the
/// printer never looks at them (the fast path).
static PRINT_CUSTOMIZED: AtomicBool = AtomicBool::new(false);

/// Installed by the builtins: the text a program-defined print-method gives
/// for a value, or None when the built-in printing applies.
pub type PrintHook = fn(&Value, &PrintOpts) -> Result<Option<String>>;
static PRINT_HOOK: OnceLock<PrintHook> = OnceLock::new();

pub fn install_print_hook(h: PrintHook) {
    let _ = PRINT_HOOK.set(h);
}

/// What a program's own print-method prints for `v`, if it has one.
#[inline]
pub fn user_print(v: &Value, opts: &PrintOpts) -> Result<Option<String>> {
    if !PRINT_CUSTOMIZED.load(Ordering::Relaxed) {
        return Ok(None);
    }
    match PRINT_HOOK.get() {
        Some(h) => h(v, opts),
        None => Ok(None),
    }
}
