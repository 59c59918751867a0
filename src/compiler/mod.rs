//! LAYER 1: `Node` -> `FnProto` (bytecode for the VM).
//!
//! Each fn node becomes a self-contained `FnProto`: its arities' code, the
//! constants it uses (copied out of the tree, so the tree can be dropped),
//! nested protos for inner fns, host-call descriptors, and per arity a
//! handler table (try/catch/finally) and a line table for stack frames.

#[cfg(test)]
mod tests;

pub use crate::bytecode::{
    Arith, ArityProto, Cmp, FnProto, Fused, Handler, HostCall, Lookup, Op, Prim, PrimCall, Src,
};

use crate::analyzer::Tree;
use crate::analyzer::node::*;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::Ref;
use crate::runtime::value::{Value, View};
use ahash::AHashMap;

static DUMP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--dump-bytecode`: print every compiled top-level form on stderr.
pub fn set_dump(on: bool) {
    DUMP.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Compile an analyzed top-level form to a zero-arity proto.
pub fn compile(tree: &Tree) -> Result<Ref<FnProto>> {
    let p = compile_fn(tree, tree.root())?;
    if DUMP.load(std::sync::atomic::Ordering::Relaxed) {
        let mut out = String::new();
        crate::bytecode::disassemble(&p, &mut out);
        eprint!("{out}");
    }
    Ok(p)
}

fn compile_fn(tree: &Tree, f: &FnNode<'_>) -> Result<Ref<FnProto>> {
    let mut c = FnCompiler {
        tree,
        consts: Vec::new(),
        const_map: AHashMap::new(),
        protos: Vec::new(),
        hosts: Vec::new(),
        prims: Vec::new(),
        letfn_groups: Vec::new(),
        self_arities: f.arities.iter().map(|a| (a.required, a.variadic)).collect(),
        a: ArityState::default(),
    };
    let mut arities = Vec::with_capacity(f.arities.len());
    for ar in f.arities {
        c.a = ArityState {
            cur_pos: f.pos,
            ..ArityState::default()
        };
        c.a.loop_heads.push(0);
        c.node(ar.body)?;
        c.emit(Op::Return, -1);
        let a = std::mem::take(&mut c.a);
        arities.push(ArityProto {
            required: ar.required,
            variadic: ar.variadic,
            frame_size: ar.frame_size,
            code: a.code.into(),
            handlers: a.handlers.into(),
            lines: a.lines.into(),
        });
    }
    let proto = FnProto {
        name: f.debug_name.to_string(),
        arities: arities.into(),
        captures: f.captures.into(),
        consts: c.consts.into(),
        protos: c.protos.into(),
        hosts: c.hosts.into(),
        prims: c.prims.into(),
        letfn_groups: c.letfn_groups.into(),
        pos: f.pos,
        file: f.file.map(str::to_string),
    };
    // The VM indexes code, slots and tables unchecked on this proof.
    if !proto.verify() {
        return Err(Exception::new(
            ExClass::IllegalStateException,
            format!("VM: invalid bytecode for {}", proto.name),
        ));
    }
    Ok(Ref::new(proto))
}

struct FnCompiler<'t> {
    tree: &'t Tree,
    consts: Vec<Value>,
    const_map: AHashMap<u32, u32>,
    protos: Vec<Ref<FnProto>>,
    hosts: Vec<HostCall>,
    prims: Vec<PrimCall>,
    letfn_groups: Vec<Box<[u32]>>,
    /// (required, variadic) of the fn's arities, for direct self-calls.
    self_arities: Vec<(u32, bool)>,
    a: ArityState,
}

/// Per-arity compilation state.
#[derive(Default)]
struct ArityState {
    code: Vec<Op>,
    handlers: Vec<Handler>,
    lines: Vec<(u32, Pos)>,
    /// Operand stack depth (values above the frame slots) at this point.
    depth: u32,
    /// pc of each enclosing recur target, innermost last.
    loop_heads: Vec<u32>,
    cur_pos: Pos,
}

fn too_big() -> Exception {
    Exception::new(ExClass::RuntimeException, "Method code too large!")
}

fn index(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| too_big())
}

impl FnCompiler<'_> {
    fn pc(&self) -> u32 {
        self.a.code.len() as u32
    }

    /// Append an op whose net stack effect is `effect`.
    fn emit(&mut self, op: Op, effect: i32) -> u32 {
        let pc = self.pc();
        let last_prim = match self.a.code.last() {
            Some(Op::Prim(i)) => Some(*i),
            Some(op) => match op.fused() {
                Some((Fused::Arith(..) | Fused::Lookup(_), .., i)) => Some(i as u32),
                _ => None,
            },
            _ => None,
        };
        if let Op::Store(slot) = op
            && let Some(i) = last_prim
            && let Some(p) = self.prims.get_mut(i as usize)
        {
            p.dst = Some(slot);
        }
        if self.a.lines.last().is_none_or(|l| l.1 != self.a.cur_pos) {
            self.a.lines.push((pc, self.a.cur_pos));
        }
        self.a.code.push(op);
        self.a.depth = (self.a.depth as i64 + effect as i64).max(0) as u32;
        pc
    }

    fn patch(&mut self, at: u32, target: u32) {
        if let Some(Op::Jump(t) | Op::JumpIfFalse(t)) = self.a.code.get_mut(at as usize) {
            *t = target;
        }
    }

    fn constant(&mut self, id: ConstId) -> Result<u32> {
        if let Some(&i) = self.const_map.get(&id.0) {
            return Ok(i);
        }
        let v = self
            .tree
            .consts()
            .get(id.0 as usize)
            .cloned()
            .ok_or_else(|| Exception::new(ExClass::IllegalStateException, "bad constant"))?;
        let i = index(self.consts.len())?;
        self.consts.push(v);
        self.const_map.insert(id.0, i);
        Ok(i)
    }

    fn nodes(&mut self, ns: &[Node<'_>]) -> Result<u32> {
        for n in ns {
            self.node(n)?;
        }
        index(ns.len())
    }

    /// Compile `n`, leaving its value on the operand stack.
    fn node(&mut self, n: &Node<'_>) -> Result<()> {
        let saved = self.a.cur_pos;
        if n.pos.line != 0 {
            self.a.cur_pos = n.pos;
        }
        let r = self.node_inner(n);
        self.a.cur_pos = saved;
        r
    }

    fn node_inner(&mut self, n: &Node<'_>) -> Result<()> {
        match &n.kind {
            NodeKind::Const(id) => {
                if self.tree.constant(*id).is_nil() {
                    self.emit(Op::Nil, 1);
                } else {
                    let c = self.constant(*id)?;
                    self.emit(Op::Const(c), 1);
                }
            }
            NodeKind::Local(r) => {
                let op = if r.last_use.get() {
                    Op::Move(r.slot)
                } else {
                    Op::Load(r.slot)
                };
                self.emit(op, 1);
            }
            NodeKind::Captured(i) => {
                self.emit(Op::Captured(*i), 1);
            }
            NodeKind::SelfFn => {
                self.emit(Op::SelfFn, 1);
            }
            NodeKind::Var(id) => {
                let c = self.constant(*id)?;
                self.emit(Op::Var(c), 1);
            }
            NodeKind::TheVar(id) => {
                let c = self.constant(*id)?;
                self.emit(Op::Const(c), 1);
            }
            NodeKind::If(t, a, b) => {
                if !self.branch(t)? {
                    self.node(t)?;
                }
                let jf = self.emit(Op::JumpIfFalse(0), -1);
                let d = self.a.depth;
                self.node(a)?;
                let j = self.emit(Op::Jump(0), 0);
                let else_pc = self.pc();
                self.patch(jf, else_pc);
                self.a.depth = d;
                self.node(b)?;
                let end = self.pc();
                self.patch(j, end);
            }
            NodeKind::Do(nodes) => match nodes.split_last() {
                None => {
                    self.emit(Op::Nil, 1);
                }
                Some((last, init)) => {
                    for s in init {
                        self.node(s)?;
                        self.emit(Op::Pop, -1);
                    }
                    self.node(last)?;
                }
            },
            NodeKind::Let(binds, body) => {
                self.bindings(binds)?;
                self.node(body)?;
            }
            NodeKind::Loop(binds, body) => {
                self.bindings(binds)?;
                let head = self.pc();
                self.a.loop_heads.push(head);
                let r = self.node(body);
                self.a.loop_heads.pop();
                r?;
            }
            NodeKind::Recur(args, slots) => {
                self.nodes(args)?;
                for s in slots.iter().rev() {
                    self.emit(Op::Store(*s), -1);
                }
                let head = self.a.loop_heads.last().copied().unwrap_or(0);
                // Control leaves here; count a value so the branch joins
                // balance like any expression's.
                self.emit(Op::Jump(head), 1);
            }
            NodeKind::Fn(f) => {
                let p = compile_fn(self.tree, f)?;
                let i = index(self.protos.len())?;
                self.protos.push(p);
                self.emit(Op::MakeClosure(i), 1);
            }
            NodeKind::LetFn(binds, body) => {
                let group = u16::try_from(self.letfn_groups.len()).map_err(|_| too_big())?;
                self.letfn_groups
                    .push(binds.iter().map(|b| b.slot).collect());
                for b in binds.iter() {
                    match &b.init.kind {
                        NodeKind::Fn(f) => {
                            let p = compile_fn(self.tree, f)?;
                            let proto = u16::try_from(self.protos.len()).map_err(|_| too_big())?;
                            self.protos.push(p);
                            self.emit(Op::LetFnClosure(proto, group), 1);
                        }
                        _ => self.node(b.init)?,
                    }
                    self.emit(Op::Store(b.slot), -1);
                }
                self.emit(Op::TieLetFn(group as u32), 0);
                self.node(body)?;
            }
            NodeKind::Invoke(f, args) => self.invoke(f, args)?,
            NodeKind::Def { var, init, meta } => {
                let v = self.constant(*var)?;
                if let Some(i) = init {
                    self.node(i)?;
                    self.emit(Op::DefRoot(v), -1);
                }
                if let Some(m) = meta {
                    self.node(m)?;
                    self.emit(Op::DefMeta(v), -1);
                }
                self.emit(Op::Const(v), 1);
            }
            NodeKind::SetVar(var, val) => {
                let v = self.constant(*var)?;
                self.node(val)?;
                self.emit(Op::SetVar(v), 0);
            }
            NodeKind::Throw(x) => {
                self.node(x)?;
                // Pops the exception; counts as a value for the joins.
                self.emit(Op::Throw, 0);
            }
            NodeKind::Try {
                body,
                catches,
                finally,
            } => self.try_node(body, catches, *finally)?,
            NodeKind::Vector(items) => {
                let n = self.nodes(items)?;
                self.emit(Op::MakeVector(n), 1 - n as i32);
            }
            NodeKind::Map(items) => {
                let n = self.nodes(items)?;
                self.emit(Op::MakeMap(n), 1 - n as i32);
            }
            NodeKind::Set(items) => {
                let n = self.nodes(items)?;
                self.emit(Op::MakeSet(n), 1 - n as i32);
            }
            NodeKind::WithMeta(e, m) => {
                self.node(e)?;
                self.node(m)?;
                self.emit(Op::WithMeta, -1);
            }
            NodeKind::Case(c) => self.case(c)?,
            NodeKind::Monitor(enter, x) => {
                self.node(x)?;
                self.host(HostCall::Monitor { enter: *enter }, 0)?;
            }
            NodeKind::New(class, args) => {
                let argc = self.nodes(args)?;
                self.host(
                    HostCall::New {
                        class: class.name.into(),
                        def: class.def,
                        argc,
                    },
                    1 - argc as i32,
                )?;
            }
            NodeKind::InstanceCall(m, t, args) => {
                self.node(t)?;
                let argc = self.nodes(args)?;
                self.host(
                    HostCall::Instance {
                        method: (*m).into(),
                        argc,
                    },
                    -(argc as i32),
                )?;
            }
            NodeKind::StaticCall(c, m, args) => {
                let argc = self.nodes(args)?;
                self.host(
                    HostCall::Static {
                        class: c.name.into(),
                        def: c.def,
                        member: (*m).into(),
                        argc,
                    },
                    1 - argc as i32,
                )?;
            }
            NodeKind::StaticField(c, f) => {
                self.host(
                    HostCall::Field {
                        class: c.name.into(),
                        def: c.def,
                        field: (*f).into(),
                    },
                    1,
                )?;
            }
        }
        Ok(())
    }

    fn bindings(&mut self, binds: &[Binding<'_>]) -> Result<()> {
        for b in binds {
            self.node(b.init)?;
            self.emit(Op::Store(b.slot), -1);
        }
        Ok(())
    }

    fn host(&mut self, h: HostCall, effect: i32) -> Result<()> {
        let i = index(self.hosts.len())?;
        self.hosts.push(h);
        self.emit(Op::Host(i), effect);
        Ok(())
    }

    /// The intrinsic a call compiles to, with its var's constant id:
    /// a clojure.core var (not dynamic) named like a `Prim` with its arity.
    fn prim_of(&self, f: &Node<'_>, argc: usize) -> Option<(Prim, ConstId)> {
        if let NodeKind::Var(id) = f.kind
            && let View::Var(var) = self.tree.constant(id).view()
            && !var.is_dynamic()
            && var.ns_sym().name() == "clojure.core"
        {
            return Prim::of(var.sym().name(), argc).map(|p| (p, id));
        }
        None
    }

    /// Compile an intrinsic's operands: locals and constants are read in
    /// place, anything else is evaluated onto the stack (in order).
    /// Returns the index of the call site and how many stack operands.
    fn prim_call(&mut self, prim: Prim, var: ConstId, args: &[Node<'_>]) -> Result<(u32, i32)> {
        let var = self.constant(var)?;
        let mut srcs = [Src::Stack, Src::Stack];
        let mut on_stack = 0;
        let simple = |n: &Node<'_>| matches!(n.kind, NodeKind::Local(_) | NodeKind::Const(_));
        for (i, a) in args.iter().enumerate() {
            // A local read in place is read after the later operands are
            // evaluated: only allowed when none of them is (one might move
            // the slot out).
            let deferrable = args[i + 1..].iter().all(simple);
            srcs[i] = match &a.kind {
                NodeKind::Local(r) if deferrable && r.last_use.get() => Src::Move(r.slot),
                NodeKind::Local(r) if deferrable => Src::Local(r.slot),
                NodeKind::Const(id) => Src::Const(self.constant(*id)?),
                _ => {
                    self.node(a)?;
                    on_stack += 1;
                    Src::Stack
                }
            };
        }
        let i = index(self.prims.len())?;
        self.prims.push(PrimCall {
            prim,
            a: srcs[0],
            b: srcs[1],
            var,
            dst: None,
            binary: prim.binary(),
            on_stack: on_stack as u8,
        });
        Ok((i, on_stack))
    }

    /// The fused long op for intrinsic site `i` when its operands are
    /// all slots or constants with u16 indices: a comparison in test
    /// position (`BrCmp*`, when `test`), `+ - inc dec` (`Arith*`) or a
    /// lookup (`Lookup`) in value position.
    fn fused(&self, i: u32, test: bool) -> Option<Op> {
        let d = self.prims.get(i as usize)?;
        let i = u16::try_from(i).ok()?;
        let slot = |s: Src| match s {
            Src::Local(n) | Src::Move(n) => u16::try_from(n).ok(),
            _ => None,
        };
        let konst = |s: Src| match s {
            Src::Const(n) => u16::try_from(n).ok(),
            _ => None,
        };
        if test {
            let c = Cmp::of(d.prim)?;
            return match (slot(d.a), slot(d.b), konst(d.a), konst(d.b)) {
                (Some(a), Some(b), _, _) => Some(c.op(false, a, b, i)),
                (Some(a), _, _, Some(b)) => Some(c.op(true, a, b, i)),
                // (< 0 i) is (> i 0) on longs
                (_, Some(b), Some(a), _) => Some(c.flip().op(true, b, a, i)),
                _ => None,
            };
        }
        // Lookups: a key slot at its last use is not fused (the fast path
        // clears only the collection's slot).
        let key_slot = match d.b {
            Src::Local(n) => u16::try_from(n).ok(),
            _ => None,
        };
        let moving = |l: Lookup| {
            if matches!(d.a, Src::Move(_)) {
                l.moving()
            } else {
                l
            }
        };
        if let Some((l, b)) = match (d.prim, key_slot, konst(d.b)) {
            (Prim::Nth, Some(b), _) => Some((Lookup::NthL, b)),
            (Prim::Nth, _, Some(b)) => Some((Lookup::NthC, b)),
            (Prim::Get, Some(b), _) => Some((Lookup::GetL, b)),
            (Prim::Get, _, Some(b)) => Some((Lookup::GetC, b)),
            // (the keyword is the site's `var` constant)
            (Prim::KwGet, _, _) => Some((Lookup::GetC, u16::try_from(d.var).ok()?)),
            _ => None,
        } {
            return Some(Op::Lookup(moving(l), slot(d.a)?, b, i));
        }
        if matches!(d.prim, Prim::Nth | Prim::Get | Prim::KwGet) {
            return None;
        }
        let o = Arith::of(d.prim)?;
        let a = slot(d.a)?;
        if !d.binary {
            // (the unused second operand reads the same slot)
            return Some(o.op(false, a, a, i));
        }
        match (slot(d.b), konst(d.b)) {
            (Some(b), _) => Some(o.op(false, a, b, i)),
            (_, Some(b)) => Some(o.op(true, a, b, i)),
            _ => None,
        }
    }

    /// Compile an `if` test that is an intrinsic call as `Branch` (the
    /// caller emits the `JumpIfFalse`). False when `t` is something else.
    fn branch(&mut self, t: &Node<'_>) -> Result<bool> {
        let NodeKind::Invoke(f, args) = &t.kind else {
            return Ok(false);
        };
        let Some((prim, var)) = self.prim_of(f, args.len()) else {
            return Ok(false);
        };
        if prim.valued() {
            return Ok(false);
        }
        let saved = self.a.cur_pos;
        if t.pos.line != 0 {
            self.a.cur_pos = t.pos;
        }
        let r = self.prim_call(prim, var, args);
        let r = r.map(|(i, k)| {
            // Counted as pushing the test value the JumpIfFalse pops.
            let op = self.fused(i, true).unwrap_or(Op::Branch(i));
            self.emit(op, 1 - k);
        });
        self.a.cur_pos = saved;
        r.map(|()| true)
    }

    fn invoke(&mut self, f: &Node<'_>, args: &[Node<'_>]) -> Result<()> {
        if let Some((prim, var)) = self.prim_of(f, args.len()) {
            let (i, k) = self.prim_call(prim, var, args)?;
            let op = self.fused(i, false).unwrap_or(Op::Prim(i));
            self.emit(op, 1 - k);
            return Ok(());
        }
        if let (NodeKind::Const(k), [_]) = (&f.kind, args)
            && self.tree.constant(*k).as_keyword().is_some()
        {
            let (i, k) = self.prim_call(Prim::KwGet, *k, args)?;
            let op = self.fused(i, false).unwrap_or(Op::Prim(i));
            self.emit(op, 1 - k);
            return Ok(());
        }
        if let Ok(n) = u16::try_from(args.len()) {
            match f.kind {
                // The JVM reads the var before evaluating the args: fuse
                // only when no arg can run code that might redefine it.
                NodeKind::Var(id) if args.iter().all(|a| self.inert(a)) => {
                    let var = self.constant(id)?;
                    let argc = self.nodes(args)?;
                    self.emit(Op::CallVar(var, n), 1 - argc as i32);
                    return Ok(());
                }
                NodeKind::SelfFn => {
                    if let Some(ai) = self
                        .self_arities
                        .iter()
                        .position(|&(req, variadic)| !variadic && req as usize == args.len())
                    {
                        let argc = self.nodes(args)?;
                        let arity = ai as u16;
                        self.emit(Op::CallSelf(arity, n), 1 - argc as i32);
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        self.node(f)?;
        let argc = self.nodes(args)?;
        self.emit(Op::Call(argc), -(argc as i32));
        Ok(())
    }

    /// Does evaluating `n` run no user code (locals, constants, var reads,
    /// intrinsics and keyword lookups of such)?
    fn inert(&self, n: &Node<'_>) -> bool {
        match &n.kind {
            NodeKind::Local(_)
            | NodeKind::Const(_)
            | NodeKind::Captured(_)
            | NodeKind::SelfFn
            | NodeKind::Var(_)
            | NodeKind::TheVar(_) => true,
            NodeKind::Invoke(f, args) => {
                let lookup = matches!(f.kind, NodeKind::Const(k)
                    if self.tree.constant(k).as_keyword().is_some() && args.len() == 1);
                (lookup || self.prim_of(f, args.len()).is_some())
                    && args.iter().all(|a| self.inert(a))
            }
            _ => false,
        }
    }

    fn case(&mut self, c: &CaseNode<'_>) -> Result<()> {
        self.node(c.expr)?;
        let table = self.constant(c.table)?;
        let n = u16::try_from(c.thens.len()).map_err(|_| too_big())?;
        self.emit(Op::Case(table, n), -1);
        let d = self.a.depth;
        // The jump table: one Jump per then, then the default's.
        let first = self.pc();
        for _ in 0..=n {
            self.emit(Op::Jump(0), 0);
        }
        let mut ends = Vec::with_capacity(n as usize + 1);
        for (i, t) in c.thens.iter().chain(std::iter::once(c.default)).enumerate() {
            let here = self.pc();
            self.patch(first + i as u32, here);
            self.a.depth = d;
            self.node(t)?;
            ends.push(self.emit(Op::Jump(0), 0));
        }
        let end = self.pc();
        for j in ends {
            self.patch(j, end);
        }
        Ok(())
    }

    /// try/catch/finally. Layout:
    ///   body; [finally; pop]; jump end
    ///   catch_i: store slot; body_i; [finally; pop]; jump end
    ///   [finally_all: finally; pop; throw]   (exception on the stack)
    ///   end:
    fn try_node(
        &mut self,
        body: &Node<'_>,
        catches: &[Catch<'_>],
        finally: Option<&Node<'_>>,
    ) -> Result<()> {
        let d0 = self.a.depth;
        let start = self.pc();
        self.node(body)?;
        let end = self.pc();
        let mut to_end = Vec::new();
        if let Some(f) = finally {
            self.node(f)?;
            self.emit(Op::Pop, -1);
        }
        to_end.push(self.emit(Op::Jump(0), 0));
        let mut handlers = Vec::new();
        let mut catch_ranges = Vec::new();
        for c in catches {
            self.a.depth = d0 + 1;
            let target = self.emit(Op::Store(c.slot), -1);
            handlers.push(Handler {
                start,
                end,
                target,
                class: Some(c.class),
                depth: d0,
            });
            let cstart = self.pc();
            self.node(c.body)?;
            catch_ranges.push((cstart, self.pc()));
            if let Some(f) = finally {
                self.node(f)?;
                self.emit(Op::Pop, -1);
            }
            to_end.push(self.emit(Op::Jump(0), 0));
        }
        if let Some(f) = finally {
            let target = self.pc();
            for (s, e) in std::iter::once((start, end)).chain(catch_ranges) {
                handlers.push(Handler {
                    start: s,
                    end: e,
                    target,
                    class: None,
                    depth: d0,
                });
            }
            self.a.depth = d0 + 1;
            self.node(f)?;
            self.emit(Op::Pop, -1);
            self.emit(Op::Throw, -1);
        }
        self.a.depth = d0 + 1;
        let end_pc = self.pc();
        for j in to_end {
            self.patch(j, end_pc);
        }
        self.a.handlers.extend(handlers);
        Ok(())
    }
}
