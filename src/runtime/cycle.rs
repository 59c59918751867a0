//! The cycle collector: synchronous trial deletion (Bacon & Rajan, "Concurrent
//! Cycle Collection in Reference Counted Systems", 2001, its synchronous
//! part) over the mutable cells, which are the only way a cycle can form.
//!
//! Values are reference counted (`Ref` = Arc/Rc), so a cycle through a cell
//! (an atom holding a closure that captures the atom, letfn fns capturing
//! each other, a lazy seq realised through an atom to itself...) never
//! reaches count zero. Every cell registers a weak reference here when it is
//! made ([`register`]); when enough cells were made since the last run
//! ([`Candidates::threshold`]), the next safe point ([`safe_point`], reached
//! through `interrupt::check`) collects:
//!
//! 1. *Trace*: from every live candidate, the graph of heap objects reachable
//!    through the [`Trace`] hooks (one `impl` per object kind, all in this
//!    file), each held once by the collector.
//! 2. *Mark gray*: subtract internal references: an object whose strong
//!    count exceeds the edges found inside the graph is referenced from
//!    outside it (a Rust frame, the VM stack, a namespace, a kind without a
//!    hook...) and is live.
//! 3. *Scan*: everything reachable from a live object is live.
//! 4. *Collect white*: the rest is garbage that only garbage references.
//!    No object is freed here: [`Trace::clear`] resets the mutable contents
//!    of each garbage object (an atom's state becomes nil...), which breaks
//!    every cycle, and dropping the collector's own references then frees
//!    the lot by ordinary reference counting. No `unsafe`.
//!
//! Conservative by construction: an edge left untraced (a kind without a
//! hook, a Rust closure's captures, a lock held elsewhere) only makes its
//! target look externally referenced, so the collector may miss garbage but
//! never clears a reachable cell. Under `threads` a collection runs only on
//! the evaluation thread and only while no other thread runs Clojure code
//! (see [`Mutator`] and docs/decisions.md): counts read while another thread
//! moves references around would not be a snapshot.

use super::agent::Agent;
use super::coll::{
    ArrayMap, HamtNode, HamtSlot, HashMap, HashSet, List, MapEntry, TrieNode, Vector,
};
use super::func::{Capture, Fn, FnKind};
use super::gc::{Lock, Ref, Weak, global_state};
use super::seq::{Cons, LazySeq, LazyState, LazyThunk};
use super::state::{Atom, Delay, DelayState, Promise, Volatile};
use super::stm::TxRef;
use super::types::{Instance, Methods};
use super::value::{Repr, Value};
use super::var::Var;

/// A lock held elsewhere: the object's contents can't be read now, so the
/// collector treats it as live.
pub struct Busy;

/// What the collector needs of each heap object kind.
pub trait Trace: TraceBounds {
    /// Report every strong reference the object holds, through
    /// [`Tracer::value`] (a Value field) and [`Tracer::node`] (an inner
    /// shared node). Must report only references the object owns (one
    /// count each): never a value computed on the fly.
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy>;
    /// Drop the mutable contents (only called on garbage, to break cycles).
    fn clear(&self) {}
}

#[cfg(feature = "threads")]
pub trait TraceBounds: Send + Sync {}
#[cfg(feature = "threads")]
impl<T: Send + Sync + ?Sized> TraceBounds for T {}
#[cfg(not(feature = "threads"))]
pub trait TraceBounds {}
#[cfg(not(feature = "threads"))]
impl<T: ?Sized> TraceBounds for T {}

type Obj = Ref<dyn Trace>;
type WeakObj = Weak<dyn Trace>;

fn addr(o: &Obj) -> usize {
    Ref::as_ptr(o) as *const u8 as usize
}

/// The heap value behind `v` as a traced object; None for immediates and
/// for kinds without children worth tracing (strings, numbers, keywords...)
/// or without a hook (they only ever look externally referenced).
fn traced(v: &Value) -> Option<Obj> {
    Some(match &v.0 {
        Repr::Atom(r) => r.clone(),
        Repr::Volatile(r) => r.clone(),
        Repr::Delay(r) => r.clone(),
        Repr::Promise(r) => r.clone(),
        Repr::Var(r) => r.clone(),
        Repr::Agent(r) => r.clone(),
        Repr::TxRef(r) => r.clone(),
        Repr::Fn(r) => r.clone(),
        Repr::Instance(r) => r.clone(),
        Repr::List(r) => r.clone(),
        Repr::Vector(r) => r.clone(),
        Repr::MapEntry(r) => r.clone(),
        Repr::ArrayMap(r) => r.clone(),
        Repr::HashMap(r) => r.clone(),
        Repr::HashSet(r) => r.clone(),
        Repr::Cons(r) => r.clone(),
        Repr::LazySeq(r) => r.clone(),
        _ => return None,
    })
}

/// The object graph of one collection.
struct Graph {
    /// One reference to each object found (the collector's own count).
    objs: Vec<Obj>,
    index: std::collections::HashMap<usize, u32>,
    /// Edges (from, to), one per reference found.
    edges: Vec<(u32, u32)>,
    /// Objects whose contents could not be read.
    busy: Vec<bool>,
}

impl Graph {
    fn add(&mut self, o: Obj) -> u32 {
        let a = addr(&o);
        if let Some(&i) = self.index.get(&a) {
            return i;
        }
        let i = self.objs.len() as u32;
        self.objs.push(o);
        self.busy.push(false);
        self.index.insert(a, i);
        i
    }
}

/// Collects the edges of one object.
pub struct Tracer<'g> {
    g: &'g mut Graph,
    from: u32,
}

impl Tracer<'_> {
    /// A Value field of the object.
    pub fn value(&mut self, v: &Value) {
        if let Some(o) = traced(v) {
            let to = self.g.add(o);
            self.g.edges.push((self.from, to));
        }
    }
    pub fn opt(&mut self, v: &Option<Value>) {
        if let Some(v) = v {
            self.value(v);
        }
    }
    /// An inner node held through its own `Ref` (shared between
    /// collections: a node is an object of the graph with its own count).
    pub fn node<T: Trace + 'static>(&mut self, r: &Ref<T>) {
        let to = self.g.add(r.clone());
        self.g.edges.push((self.from, to));
    }
}

/// Lock a cell for tracing, or report it busy (held by this thread further
/// up the stack, or by another thread).
fn try_lock<T>(l: &Lock<T>) -> Result<std::sync::MutexGuard<'_, T>, Busy> {
    match l.try_lock() {
        Ok(g) => Ok(g),
        Err(std::sync::TryLockError::Poisoned(p)) => Ok(p.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => Err(Busy),
    }
}

/// Replace a cell's content, dropping the old one after the lock is gone
/// (the drop may free a large structure).
fn reset<T>(l: &Lock<T>, v: T) {
    if let Ok(mut g) = l.try_lock() {
        let old = std::mem::replace(&mut *g, v);
        drop(g);
        drop(old);
    }
}

// ---- the trace hooks, one per kind ----

impl Trace for Atom {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.value(&*try_lock(&self.state)?);
        t.value(&*try_lock(&self.meta)?);
        t.opt(&*try_lock(&self.validator)?);
        trace_map(&*try_lock(&self.watches)?, t);
        Ok(())
    }
    fn clear(&self) {
        reset(&self.state, Value::NIL);
        reset(&self.meta, Value::NIL);
        reset(&self.validator, None);
        reset(&self.watches, HashMap::empty());
    }
}

impl Trace for Volatile {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.value(&*try_lock(&self.val)?);
        Ok(())
    }
    fn clear(&self) {
        reset(&self.val, Value::NIL);
    }
}

impl Trace for Delay {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        match &*try_lock(&self.state)? {
            DelayState::Pending(v) | DelayState::Done(v) => t.value(v),
            // Running on some thread, which holds it: live anyway.
            DelayState::Running(..) => return Err(Busy),
            DelayState::Failed(_) => {}
        }
        Ok(())
    }
    fn clear(&self) {
        reset(&self.state, DelayState::Done(Value::NIL));
    }
}

impl Trace for Promise {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.opt(&*try_lock(&self.val)?);
        Ok(())
    }
    fn clear(&self) {
        reset(&self.val, Some(Value::NIL));
    }
}

fn trace_ref_base(b: &super::iref::RefBase, t: &mut Tracer<'_>) -> Result<(), Busy> {
    t.value(&*try_lock(&b.meta)?);
    t.opt(&*try_lock(&b.validator)?);
    trace_map(&*try_lock(&b.watches)?, t);
    Ok(())
}

fn clear_ref_base(b: &super::iref::RefBase) {
    reset(&b.meta, Value::NIL);
    reset(&b.validator, None);
    reset(&b.watches, HashMap::empty());
}

impl Trace for Var {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        // An interned var is held by its namespace (not traced), so it is
        // live: don't walk the program's global state through it.
        if !self.is_anonymous() {
            return Err(Busy);
        }
        // Dynamic bindings live in thread frames (outside the graph).
        t.opt(&self.root.get());
        t.value(&*try_lock(&self.meta)?);
        if let Some(b) = self.iref.get() {
            trace_ref_base(b, t)?;
        }
        Ok(())
    }
    fn clear(&self) {
        drop(self.root.replace(None));
        reset(&self.meta, Value::NIL);
        if let Some(b) = self.iref.get() {
            clear_ref_base(b);
        }
    }
}

impl Trace for Agent {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        // Queued actions hold the agent (and sit in an executor queue):
        // such an agent is live through them.
        t.value(&*try_lock(&self.state)?);
        t.opt(&*try_lock(&self.error_handler)?);
        trace_ref_base(&self.base, t)
    }
    fn clear(&self) {
        reset(&self.state, Value::NIL);
        reset(&self.error_handler, None);
        clear_ref_base(&self.base);
    }
}

impl Trace for TxRef {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        for tv in try_lock(&self.history)?.iter() {
            t.value(&tv.val);
        }
        trace_ref_base(&self.base, t)
    }
    fn clear(&self) {
        if let Ok(mut h) = self.history.try_lock() {
            for tv in h.iter_mut() {
                drop(std::mem::take(&mut tv.val));
            }
        }
        clear_ref_base(&self.base);
    }
}

fn trace_captures(cs: &[Capture], t: &mut Tracer<'_>) {
    for c in cs {
        match c {
            Capture::Fixed(v) => t.value(v),
            Capture::Tied(cell) => t.opt(&cell.get()),
        }
    }
}

fn clear_captures(cs: &[Capture]) {
    for c in cs {
        if let Capture::Tied(cell) = c {
            drop(cell.replace(None));
        }
    }
}

impl Trace for Fn {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.opt(&self.meta);
        match &self.kind {
            FnKind::Bytecode(c) => trace_captures(&c.captured, t),
            FnKind::Tree(c) => trace_captures(c.captures(), t),
            // A Rust closure's captures are opaque: whatever it holds looks
            // externally referenced.
            _ => {}
        }
        Ok(())
    }
    fn clear(&self) {
        match &self.kind {
            FnKind::Bytecode(c) => clear_captures(&c.captured),
            FnKind::Tree(c) => clear_captures(c.captures()),
            _ => {}
        }
    }
}

impl Trace for Methods {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        for v in self.values() {
            t.value(v);
        }
        Ok(())
    }
}

impl Trace for Instance {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        for v in try_lock(&self.fields)?.iter() {
            t.value(v);
        }
        t.value(&self.ext);
        t.value(&self.meta);
        if let Some(m) = &self.own_methods {
            t.node(&*try_lock(m)?);
        }
        Ok(())
    }
    fn clear(&self) {
        if let Ok(mut f) = self.fields.try_lock() {
            let old = std::mem::take(&mut *f);
            *f = vec![Value::NIL; old.len()];
            drop(f);
            drop(old);
        }
    }
}

impl Trace for List {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.value(&self.first);
        if let Some(r) = &self.rest {
            t.node(r);
        }
        t.opt(&self.meta);
        Ok(())
    }
}

impl Trace for TrieNode {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        match self {
            TrieNode::Branch(cs) => cs.iter().for_each(|c| t.node(c)),
            TrieNode::Leaf(vs) => vs.iter().for_each(|v| t.value(v)),
        }
        Ok(())
    }
}

impl Trace for Vector {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.node(&self.t.root);
        t.node(&self.t.tail);
        t.opt(&self.meta);
        Ok(())
    }
}

impl Trace for MapEntry {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.value(&self.key);
        t.value(&self.val);
        Ok(())
    }
}

impl Trace for Vec<(Value, Value)> {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        for (k, v) in self {
            t.value(k);
            t.value(v);
        }
        Ok(())
    }
}

impl Trace for ArrayMap {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.node(&self.entries);
        t.opt(&self.meta);
        Ok(())
    }
}

impl Trace for HamtNode {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        match self {
            HamtNode::Bitmap(b) => {
                for s in &b.slots {
                    match s {
                        HamtSlot::Entry(k, v) => {
                            t.value(k);
                            t.value(v);
                        }
                        HamtSlot::Child(c) => t.node(c),
                    }
                }
            }
            HamtNode::Array(a) => a.children.iter().flatten().for_each(|c| t.node(c)),
            HamtNode::Collision(c) => {
                for (k, v) in &c.entries {
                    t.value(k);
                    t.value(v);
                }
            }
        }
        Ok(())
    }
}

/// A HashMap's fields (inline in maps, sets and cells' watch tables).
fn trace_map(m: &HashMap, t: &mut Tracer<'_>) {
    if let Some(r) = &m.root {
        t.node(r);
    }
    if let Some((k, v)) = &m.null_entry {
        t.value(k);
        t.value(v);
    }
    t.opt(&m.meta);
}

impl Trace for HashMap {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        trace_map(self, t);
        Ok(())
    }
}

impl Trace for HashSet {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        trace_map(&self.map, t);
        t.opt(&self.meta);
        Ok(())
    }
}

impl Trace for Cons {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        t.value(&self.first);
        t.value(&self.rest);
        t.opt(&self.meta);
        Ok(())
    }
}

impl Trace for LazySeq {
    fn trace(&self, t: &mut Tracer<'_>) -> Result<(), Busy> {
        match &*try_lock(&self.state)? {
            LazyState::Unrealized(LazyThunk::Fn(f)) => t.value(f),
            // A Rust thunk's captures are opaque.
            LazyState::Unrealized(LazyThunk::Native(_)) => {}
            LazyState::Running(..) => return Err(Busy),
            LazyState::Raw(v) | LazyState::Seq(v) => t.value(v),
            LazyState::Failed(_) => {}
        }
        t.opt(&self.meta);
        Ok(())
    }
    fn clear(&self) {
        reset(&self.state, LazyState::Seq(Value::NIL));
    }
}

// ---- the collection ----

/// What one collection found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Live candidate cells it started from.
    pub roots: usize,
    /// Objects traced.
    pub objects: usize,
    /// Garbage objects it cleared.
    pub garbage: usize,
}

/// Trial deletion over the graph reachable from `roots`: returns the
/// garbage objects (the collector holds one reference to each).
fn analyse(roots: Vec<Obj>) -> (Graph, Vec<u32>) {
    let mut g = Graph {
        objs: Vec::with_capacity(roots.len()),
        index: std::collections::HashMap::with_capacity(roots.len()),
        edges: Vec::new(),
        busy: Vec::new(),
    };
    for r in roots {
        g.add(r);
    }
    // Trace: breadth first, each object once.
    let mut i = 0;
    while i < g.objs.len() {
        let o = g.objs[i].clone();
        let mut t = Tracer {
            g: &mut g,
            from: i as u32,
        };
        if o.trace(&mut t).is_err() {
            g.busy[i] = true;
        }
        drop(o);
        i += 1;
    }
    // Mark gray: count the references found inside the graph.
    let n = g.objs.len();
    let mut internal = vec![0usize; n];
    for &(_, to) in &g.edges {
        internal[to as usize] += 1;
    }
    // Scan: an object with more references than the graph explains is
    // referenced from outside (its strong count includes the collector's
    // own reference, hence the 1); so is everything it reaches.
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(from, to) in &g.edges {
        out[from as usize].push(to);
    }
    let mut live = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    for (k, o) in g.objs.iter().enumerate() {
        if g.busy[k] || Ref::strong_count(o) > internal[k] + 1 {
            live[k] = true;
            stack.push(k as u32);
        }
    }
    while let Some(k) = stack.pop() {
        for &to in &out[k as usize] {
            if !live[to as usize] {
                live[to as usize] = true;
                stack.push(to);
            }
        }
    }
    // Collect white.
    let white = (0..n as u32).filter(|&k| !live[k as usize]).collect();
    (g, white)
}

/// Collect the garbage cycles reachable from `roots`.
fn collect_from(roots: Vec<Obj>) -> Stats {
    let nroots = roots.len();
    let (g, white) = analyse(roots);
    for &k in &white {
        g.objs[k as usize].clear();
    }
    let stats = Stats {
        roots: nroots,
        objects: g.objs.len(),
        garbage: white.len(),
    };
    // Dropping the collector's references frees the garbage.
    drop(g);
    stats
}

// ---- candidates and scheduling ----

/// Collections start once this many cells were made since the last one...
const MIN_THRESHOLD: usize = 20_000;

struct Candidates {
    cells: Vec<WeakObj>,
    /// Cells registered since the last collection.
    since: usize,
    /// ...or this many, which grows with the work the last one did.
    threshold: usize,
    /// A safe point has been asked to collect.
    requested: bool,
    /// Drop the dead weak references when `cells` grows this long (when
    /// no collection can run: other threads busy, an nREPL server).
    prune_at: usize,
    collections: u64,
    cleared: u64,
}

global_state!(candidates: Candidates = Candidates {
    cells: Vec::new(),
    since: 0,
    threshold: MIN_THRESHOLD,
    requested: false,
    prune_at: 2 * MIN_THRESHOLD,
    collections: 0,
    cleared: 0,
});

/// Register a new cell (atom, volatile, anonymous var, delay, promise,
/// agent, ref, letfn closure, deftype with mutable fields, lazy seq over a
/// Clojure fn) as a candidate
/// root. Cheap: one weak reference pushed.
pub fn register(v: &Value) {
    if !enabled() {
        return;
    }
    let Some(o) = traced(v) else { return };
    let w = Ref::downgrade(&o);
    drop(o);
    candidates(|c| {
        c.cells.push(w);
        c.since += 1;
        if c.cells.len() >= c.prune_at {
            c.cells.retain(|w| w.strong_count() > 0);
            c.prune_at = (2 * c.cells.len()).max(2 * MIN_THRESHOLD);
        }
        if c.since >= c.threshold && !c.requested {
            // (under the lock, so a safe point's `check_done` pairs with it)
            c.requested = true;
            super::interrupt::request_check();
        }
    });
}

/// [`register`] `v` and return it.
#[inline]
pub fn registered(v: Value) -> Value {
    register(&v);
    v
}

/// Whether a safe point should call [`safe_point`].
pub fn requested() -> bool {
    candidates(|c| c.requested)
}

/// A safe point asked to collect: collect if this thread may, else put the
/// request off until as many cells again were made.
#[cold]
pub fn safe_point() {
    let took = candidates(|c| {
        let was = c.requested;
        if was {
            c.requested = false;
            c.since = 0;
            super::interrupt::check_done();
        }
        was
    });
    if took {
        collect();
    }
}

/// Run a collection now if this thread may (`(System/gc)`, safe points).
pub fn collect() -> Option<Stats> {
    let _gate = may_collect()?;
    let cells = candidates(|c| {
        c.since = 0;
        std::mem::take(&mut c.cells)
    });
    let roots: Vec<Obj> = cells.iter().filter_map(Weak::upgrade).collect();
    drop(cells);
    // Keep the candidates that survive (weakly).
    let keep: Vec<WeakObj> = roots.iter().map(Ref::downgrade).collect();
    let stats = collect_from(roots);
    let total = candidates(|c| {
        // (none registered meanwhile: no Clojure code ran)
        let mut keep = keep;
        keep.retain(|w| w.strong_count() > 0);
        keep.append(&mut c.cells);
        c.cells = keep;
        c.threshold = MIN_THRESHOLD
            .max(2 * c.cells.len())
            .max((stats.objects - stats.garbage) / 4);
        c.prune_at = (2 * c.cells.len()).max(2 * MIN_THRESHOLD);
        c.collections += 1;
        c.cleared += stats.garbage as u64;
        (c.collections, c.cleared)
    });
    if log_enabled() {
        eprintln!(
            "cljw gc #{}: {} cells, {} objects traced, {} cleared ({} in all)",
            total.0, stats.roots, stats.objects, stats.garbage, total.1
        );
    }
    Some(stats)
}

/// `CLJW_GC=0` turns the collector off (no cell is registered), to
/// measure what it costs.
fn enabled() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CLJW_GC").is_none_or(|v| v != "0"))
}

fn log_enabled() -> bool {
    static LOG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *LOG.get_or_init(|| std::env::var_os("CLJW_GC_LOG").is_some_and(|v| v != "0"))
}

/// (collections so far, garbage objects cleared so far, cells registered
/// and possibly alive).
pub fn counters() -> (u64, u64, usize) {
    candidates(|c| (c.collections, c.cleared, c.cells.len()))
}

// ---- who may collect ----

#[cfg(feature = "threads")]
mod gate {
    use super::super::gc::lock;
    use std::sync::Mutex;

    /// Threads other than the evaluation thread running Clojure code now.
    static OTHERS: Mutex<usize> = Mutex::new(0);

    thread_local! {
        static COLLECTOR: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Held by a thread while it runs Clojure code (pool jobs, futures,
    /// agent actions, java.lang.Thread bodies, servers' handlers): no
    /// collection runs meanwhile, and none is running when it starts.
    pub struct Mutator(());

    impl Mutator {
        pub fn enter() -> Mutator {
            *lock(&OTHERS) += 1;
            Mutator(())
        }
    }

    impl Drop for Mutator {
        fn drop(&mut self) {
            *lock(&OTHERS) -= 1;
        }
    }

    /// Make this thread the one that collects (the evaluation thread).
    pub fn collect_on_this_thread() {
        let _ = COLLECTOR.try_with(|c| c.set(true));
    }

    /// Held for a whole collection: no other thread runs Clojure code.
    pub fn may_collect() -> Option<std::sync::MutexGuard<'static, usize>> {
        if !COLLECTOR.try_with(|c| c.get()).unwrap_or(false) {
            return None;
        }
        let g = lock(&OTHERS);
        (*g == 0).then_some(g)
    }
}

#[cfg(not(feature = "threads"))]
mod gate {
    /// One thread: nothing to exclude.
    pub struct Mutator(());
    impl Mutator {
        pub fn enter() -> Mutator {
            Mutator(())
        }
    }
    pub fn collect_on_this_thread() {}
    /// Without `threads` values never leave their thread (Rc), and each
    /// thread has its own candidates.
    pub fn may_collect() -> Option<()> {
        Some(())
    }
}

use gate::may_collect;
pub use gate::{Mutator, collect_on_this_thread};

#[cfg(test)]
mod tests;
