//! Locals clearing: mark the last read of each local slot so both backends
//! move the value out of the frame instead of copying it. This is what lets
//! `(let [s (range 1e8)] (last s))` run in constant memory.
//!
//! A backward walk over one arity body with the set of slots still needed
//! ("live"). A read of a slot that is not live afterwards is its last use.
//! Branches are walked from the same live-out set and joined. Inside a loop
//! body, slots bound outside the loop are protected (the next iteration reads
//! them again). Slots read by a catch or finally stay live through the try
//! body. Nested fns have their own frames; their captures are plain reads.

use super::node::*;

struct Live {
    live: Vec<bool>,
    /// How many enclosing loops protect each slot.
    protected: Vec<u32>,
}

impl Live {
    fn grow(&mut self, slot: u32) {
        // The two vectors grow separately: branches swap `live` for a
        // shorter saved copy while `protected` keeps its length.
        let n = slot as usize + 1;
        if self.live.len() < n {
            self.live.resize(n, false);
        }
        if self.protected.len() < n {
            self.protected.resize(n, 0);
        }
    }
    fn read(&mut self, r: &LocalRead) {
        self.grow(r.slot);
        let i = r.slot as usize;
        if !self.live[i] && self.protected[i] == 0 {
            r.last_use.set(true);
        }
        self.live[i] = true;
    }
    fn use_slot(&mut self, slot: u32) {
        self.grow(slot);
        self.live[slot as usize] = true;
    }
    fn kill(&mut self, slot: u32) {
        self.grow(slot);
        self.live[slot as usize] = false;
    }
    fn union(&mut self, other: &[bool]) {
        if self.live.len() < other.len() {
            self.live.resize(other.len(), false);
        }
        for (i, &b) in other.iter().enumerate() {
            if b {
                self.live[i] = true;
            }
        }
    }
}

/// Mark last uses in one arity body (or a top-level form).
pub fn mark(body: &Node<'_>) {
    let mut l = Live {
        live: Vec::new(),
        protected: Vec::new(),
    };
    walk(body, &mut l);
}

/// [`mark`] for a method body: `slot` (`this`) is never cleared, since a
/// `recur` to the method head reuses it.
pub fn mark_keeping(body: &Node<'_>, slot: u32) {
    let mut l = Live {
        live: Vec::new(),
        protected: Vec::new(),
    };
    l.grow(slot);
    l.protected[slot as usize] = 1;
    walk(body, &mut l);
}

fn walk_all_rev(nodes: &[Node<'_>], l: &mut Live) {
    for n in nodes.iter().rev() {
        walk(n, l);
    }
}

fn walk(n: &Node<'_>, l: &mut Live) {
    match &n.kind {
        NodeKind::Local(r) => l.read(r),
        NodeKind::Const(_)
        | NodeKind::Captured(_)
        | NodeKind::SelfFn
        | NodeKind::Var(_)
        | NodeKind::TheVar(_)
        | NodeKind::StaticField(..) => {}
        NodeKind::If(t, a, b) => {
            let saved = l.live.clone();
            walk(a, l);
            let after_a = std::mem::replace(&mut l.live, saved);
            walk(b, l);
            l.union(&after_a);
            walk(t, l);
        }
        NodeKind::Case(c) => {
            let saved = l.live.clone();
            let mut joined = Vec::new();
            for t in c.thens.iter().chain(std::iter::once(c.default)) {
                l.live = saved.clone();
                walk(t, l);
                if joined.len() < l.live.len() {
                    joined.resize(l.live.len(), false);
                }
                for (i, &b) in l.live.iter().enumerate() {
                    joined[i] |= b;
                }
            }
            l.live = joined;
            walk(c.expr, l);
        }
        NodeKind::Do(nodes) => walk_all_rev(nodes, l),
        NodeKind::Let(binds, body) | NodeKind::LetFn(binds, body) => {
            walk(body, l);
            for b in binds.iter().rev() {
                l.kill(b.slot);
                walk(b.init, l);
            }
            if let NodeKind::LetFn(binds, _) = &n.kind {
                // letfn inits may read each other's slots (mutual recursion).
                for b in binds.iter() {
                    l.use_slot(b.slot);
                }
            }
        }
        NodeKind::Loop(binds, body) => {
            let bound_inside = bound_slots(body, binds);
            let mut outer = Vec::new();
            reads(body, &mut outer);
            outer.retain(|s| !bound_inside.contains(s));
            for &s in &outer {
                l.grow(s);
                l.protected[s as usize] += 1;
            }
            walk(body, l);
            for &s in &outer {
                l.protected[s as usize] -= 1;
                l.use_slot(s);
            }
            for b in binds.iter().rev() {
                l.kill(b.slot);
                walk(b.init, l);
            }
        }
        NodeKind::Recur(args, _) => {
            // Control goes back to the loop head: nothing after this in the
            // iteration reads anything (outer slots are protected).
            for v in l.live.iter_mut() {
                *v = false;
            }
            walk_all_rev(args, l);
        }
        NodeKind::Fn(f) => {
            for c in f.captures {
                if let CaptureSource::Local(s) = c {
                    l.use_slot(*s);
                }
            }
        }
        NodeKind::Invoke(f, args) => {
            walk_all_rev(args, l);
            walk(f, l);
        }
        NodeKind::Def { init, meta, .. } => {
            if let Some(m) = meta {
                walk(m, l);
            }
            if let Some(i) = init {
                walk(i, l);
            }
        }
        NodeKind::SetVar(_, v) | NodeKind::Throw(v) | NodeKind::Monitor(_, v) => walk(v, l),
        NodeKind::Try {
            body,
            catches,
            finally,
        } => {
            if let Some(f) = finally {
                walk(f, l);
            }
            let after_finally = l.live.clone();
            let mut joined = after_finally.clone();
            for c in catches.iter() {
                l.live = after_finally.clone();
                walk(c.body, l);
                l.kill(c.slot);
                if joined.len() < l.live.len() {
                    joined.resize(l.live.len(), false);
                }
                for (i, &b) in l.live.iter().enumerate() {
                    joined[i] |= b;
                }
            }
            // An exception may leave the body at any point: whatever a
            // handler or the finally reads stays live through the body.
            let mut keep = Vec::new();
            for c in catches.iter() {
                reads(c.body, &mut keep);
            }
            if let Some(f) = finally {
                reads(f, &mut keep);
            }
            for &s in &keep {
                l.grow(s);
                l.protected[s as usize] += 1;
            }
            l.live = joined;
            walk(body, l);
            for &s in &keep {
                l.protected[s as usize] -= 1;
                l.use_slot(s);
            }
        }
        NodeKind::Vector(items) | NodeKind::Set(items) | NodeKind::Map(items) => {
            walk_all_rev(items, l)
        }
        NodeKind::WithMeta(e, m) => {
            walk(m, l);
            walk(e, l);
        }
        NodeKind::New(_, args) | NodeKind::StaticCall(_, _, args) => walk_all_rev(args, l),
        NodeKind::InstanceCall(_, t, args) => {
            walk_all_rev(args, l);
            walk(t, l);
        }
    }
}

/// Slots bound anywhere inside a loop (its own bindings and nested lets,
/// loops, catches): these are fresh every iteration.
fn bound_slots(body: &Node<'_>, binds: &[Binding<'_>]) -> Vec<u32> {
    let mut out: Vec<u32> = binds.iter().map(|b| b.slot).collect();
    fn go(n: &Node<'_>, out: &mut Vec<u32>) {
        match &n.kind {
            NodeKind::Let(bs, _) | NodeKind::Loop(bs, _) | NodeKind::LetFn(bs, _) => {
                out.extend(bs.iter().map(|b| b.slot))
            }
            NodeKind::Try { catches, .. } => out.extend(catches.iter().map(|c| c.slot)),
            _ => {}
        }
        children(n, &mut |c| go(c, out));
    }
    go(body, &mut out);
    out
}

/// Every slot read (or captured) in a subtree.
fn reads(n: &Node<'_>, out: &mut Vec<u32>) {
    match &n.kind {
        NodeKind::Local(r) => out.push(r.slot),
        NodeKind::Fn(f) => {
            for c in f.captures {
                if let CaptureSource::Local(s) = c {
                    out.push(*s);
                }
            }
        }
        _ => {}
    }
    children(n, &mut |c| reads(c, out));
}

/// Visit the direct children in the current frame (not nested fn bodies).
fn children<'a>(n: &Node<'a>, f: &mut dyn FnMut(&Node<'a>)) {
    match &n.kind {
        NodeKind::Const(_)
        | NodeKind::Local(_)
        | NodeKind::Captured(_)
        | NodeKind::SelfFn
        | NodeKind::Var(_)
        | NodeKind::TheVar(_)
        | NodeKind::StaticField(..)
        | NodeKind::Fn(_) => {}
        NodeKind::If(a, b, c) => {
            f(a);
            f(b);
            f(c);
        }
        NodeKind::Case(c) => {
            f(c.expr);
            c.thens.iter().for_each(&mut *f);
            f(c.default);
        }
        NodeKind::Do(ns)
        | NodeKind::Vector(ns)
        | NodeKind::Map(ns)
        | NodeKind::Set(ns)
        | NodeKind::New(_, ns)
        | NodeKind::StaticCall(_, _, ns) => ns.iter().for_each(f),
        NodeKind::Recur(ns, _) => ns.iter().for_each(f),
        NodeKind::Let(bs, body) | NodeKind::Loop(bs, body) | NodeKind::LetFn(bs, body) => {
            for b in bs.iter() {
                f(b.init);
            }
            f(body);
        }
        NodeKind::Invoke(g, args) | NodeKind::InstanceCall(_, g, args) => {
            f(g);
            args.iter().for_each(f);
        }
        NodeKind::Def { init, meta, .. } => {
            if let Some(m) = meta {
                f(m);
            }
            if let Some(i) = init {
                f(i);
            }
        }
        NodeKind::SetVar(_, v) | NodeKind::Throw(v) | NodeKind::Monitor(_, v) => f(v),
        NodeKind::Try {
            body,
            catches,
            finally,
        } => {
            f(body);
            for c in catches.iter() {
                f(c.body);
            }
            if let Some(x) = finally {
                f(x);
            }
        }
        NodeKind::WithMeta(e, m) => {
            f(e);
            f(m);
        }
    }
}
