//! LAYER 1: the bytecode interpreter, the default backend.
//!
//! Frames live on a heap `Vec` and locals in slots of one value stack, so a
//! VM closure calling another VM closure never recurses in Rust. Rust code
//! calling back into a VM closure (a native `reduce` with a user fn, via the
//! runtime's invoke hook) runs a nested dispatch loop on another `Vm` from a
//! per-thread pool, counted by `runtime::stack::enter`.
//!
//! Stack layout of a frame: `[fn] [slot 0 .. slot n-1] [operands ...]`,
//! where `base` is the index of slot 0 and the fn value sits at `base - 1`.
//! Indexing of `code`, `consts`, slots and the operand stack relies on the
//! compiler's invariants (valid slots, balanced stack effects, in-range
//! jumps); user input cannot break them.

mod arith;
#[cfg(test)]
pub(crate) mod tests;

use crate::compiler::{FnProto, HostCall, Op, Prim, PrimCall, Src};
use crate::evaluator::arity_error;
use crate::runtime::error::{ExClass, Exception, Frame as TraceFrame, Result};
use crate::runtime::func::{self, ClosureBody, Fn, FnKind};
use crate::runtime::gc::{self, Ref};
use crate::runtime::seq::ArraySeq;
use crate::runtime::value::{Value, View};
use crate::runtime::{host, interrupt, lookup, stack};
use std::cell::RefCell;
use std::sync::OnceLock;

/// VM frames one dispatch loop may hold before StackOverflowError.
pub const MAX_FRAMES: usize = 100_000;
/// Frames recorded in an exception's trace (the JVM's default
/// MaxJavaStackTraceDepth is 1024).
const MAX_TRACE: usize = 1024;

/// A closure made by the VM: its proto and captured values. Captures are
/// write-once cells so `letfn` can tie mutually recursive fns.
pub struct VmClosure {
    pub proto: Ref<FnProto>,
    captured: Box<[OnceLock<Value>]>,
}

struct Frame {
    /// Taken out while the frame runs (the dispatch loop borrows its code).
    closure: Option<Ref<VmClosure>>,
    arity: u32,
    pc: u32,
    base: usize,
}

#[derive(Default)]
struct Vm {
    stack: Vec<Value>,
    frames: Vec<Frame>,
}

/// Why the dispatch loop left the running frame.
enum Exit {
    /// Call a non-native fn with this many args (`[f args..]` on top).
    Call(usize),
    Return,
    Throw(Exception),
}

thread_local! {
    static POOL: RefCell<Vec<Vm>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` on a `Vm` from this thread's pool (its stacks keep their
/// capacity between calls, so a call from Rust allocates nothing).
fn with_vm<R>(f: impl FnOnce(&mut Vm) -> R) -> R {
    let mut vm = POOL
        .try_with(|p| p.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_default();
    let r = f(&mut vm);
    vm.stack.clear();
    vm.frames.clear();
    vm.stack.shrink_to(1 << 14);
    vm.frames.shrink_to(1 << 10);
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < 8 {
            p.push(vm);
        }
    });
    r
}

/// Run a compiled top-level form.
pub fn run(proto: Ref<FnProto>) -> Result<Value> {
    let closure = Ref::new(VmClosure {
        proto,
        captured: Box::new([]),
    });
    let fv = closure_value(closure.clone());
    with_vm(|vm| {
        vm.stack.push(fv);
        vm.enter_closure(0, 0, closure)?;
        vm.run()
    })
}

/// Is this closure body one of the VM's?
pub fn is_vm_closure(body: &ClosureBody) -> bool {
    body.is::<VmClosure>()
}

/// Invoke a VM closure from Rust (the runtime's invoke hook).
pub fn invoke_closure(fv: &Value, body: &ClosureBody, args: &[Value]) -> Result<Value> {
    let Ok(closure) = body.clone().downcast::<VmClosure>() else {
        return Err(Exception::new(
            ExClass::IllegalStateException,
            "not a VM closure",
        ));
    };
    let _guard = stack::enter()?;
    with_vm(|vm| {
        vm.stack.push(fv.clone());
        vm.stack.extend_from_slice(args);
        vm.enter_closure(0, args.len(), closure)?;
        vm.run()
    })
}

/// The fixed-param count of a VM closure's variadic arity, if it has one.
pub fn variadic_required(body: &ClosureBody) -> Option<usize> {
    let c = body.downcast_ref::<VmClosure>()?;
    let a = c.proto.arities.iter().find(|a| a.variadic)?;
    Some(a.required as usize)
}

/// Call a VM closure's variadic arity with its rest param bound to `rest`
/// as it is (`apply`: the seq stays unrealised).
pub fn invoke_closure_rest(
    fv: &Value,
    body: &ClosureBody,
    fixed: &[Value],
    rest: Value,
) -> Result<Value> {
    let Ok(closure) = body.clone().downcast::<VmClosure>() else {
        return Err(internal("not a VM closure"));
    };
    let Some(ai) = closure.proto.arities.iter().position(|a| a.variadic) else {
        return Err(arity_error(&closure.proto.name, fixed.len() + 1));
    };
    let _guard = stack::enter()?;
    with_vm(|vm| {
        let fpos = vm.stack.len();
        vm.stack.push(fv.clone());
        vm.stack.extend_from_slice(fixed);
        vm.stack.push(rest);
        vm.push_frame(fpos, ai, closure)?;
        vm.run()
    })
}

fn closure_value(c: Ref<VmClosure>) -> Value {
    Value::from(Ref::new(Fn {
        name: Some(c.proto.name.clone()),
        kind: FnKind::Closure(c),
        meta: None,
    }))
}

fn stack_overflow() -> Exception {
    Exception::full(ExClass::StackOverflowError, None, None, None)
}

fn internal(msg: &str) -> Exception {
    Exception::new(ExClass::IllegalStateException, format!("VM: {msg}"))
}

#[cold]
fn var_value(c: &Value) -> Result<Value> {
    match c.view() {
        View::Var(v) => v.deref(),
        _ => Err(internal("expected a var")),
    }
}

#[cold]
fn throw_value(v: Value) -> Exception {
    match v.as_exception() {
        Some(e) => e,
        None => Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class java.lang.Throwable",
                v.class_name()
            ),
        ),
    }
}

/// Is `v` an immediate (nil, boolean, long, double, char)? Those own no
/// heap memory.
#[inline(always)]
fn immediate(v: &Value) -> bool {
    v.is_nil()
        || v.as_long().is_some()
        || v.as_double().is_some()
        || v.as_bool().is_some()
        || v.as_char().is_some()
}

/// Drop a value, skipping the out-of-line drop glue for immediates
/// (forgetting one leaks nothing). The hot ops drop mostly longs.
#[inline(always)]
fn release(v: Value) {
    if immediate(&v) {
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// Clone with an inline path for longs (the derived clone is out of line).
#[inline(always)]
fn dup(v: &Value) -> Value {
    match v.as_long() {
        Some(n) => Value::long(n),
        None => v.clone(),
    }
}

/// `*slot = v`, releasing the old value cheaply: an immediate is only
/// overwritten (its tag is checked in place, the old value never copied).
#[inline(always)]
fn put(slot: &mut Value, v: Value) {
    if immediate(slot) {
        std::mem::forget(std::mem::replace(slot, v));
    } else {
        *slot = v;
    }
}

/// Push a fast-path result (built in place, not through a temporary).
#[inline(always)]
fn push_fast(stack: &mut Vec<Value>, r: arith::Fast) {
    match r {
        arith::Fast::L(n) => stack.push(Value::long(n)),
        arith::Fast::D(d) => stack.push(Value::double(d)),
        arith::Fast::B(b) => stack.push(Value::bool(b)),
    }
}

/// Store a fast-path result into a slot.
#[inline(always)]
fn put_fast(slot: &mut Value, r: arith::Fast) {
    match r {
        arith::Fast::L(n) => put(slot, Value::long(n)),
        arith::Fast::D(d) => put(slot, Value::double(d)),
        arith::Fast::B(b) => put(slot, Value::bool(b)),
    }
}

/// Pop the top operand.
#[inline(always)]
fn pop(stack: &mut Vec<Value>) -> Value {
    stack.pop().unwrap_or_default()
}

fn add_trace(e: &Exception, proto: &FnProto, pos: crate::analyzer::node::Pos) {
    if gc::lock(&e.obj().trace).len() < MAX_TRACE {
        e.push_frame(TraceFrame {
            name: proto.name.clone(),
            file: proto.file.clone(),
            line: pos.line,
            column: pos.column,
        });
    }
}

impl Vm {
    /// Push a frame for `closure` whose fn value is at `fpos` and whose
    /// `argc` args follow it on the stack.
    fn enter_closure(&mut self, fpos: usize, argc: usize, closure: Ref<VmClosure>) -> Result<()> {
        let proto = &closure.proto;
        let Some(ai) = proto.select_arity(argc) else {
            return Err(arity_error(&proto.name, argc));
        };
        let Some(arity) = proto.arities.get(ai) else {
            return Err(internal("bad arity"));
        };
        if arity.variadic {
            let base = fpos + 1;
            let rest: Vec<Value> = self.stack.drain(base + arity.required as usize..).collect();
            self.stack.push(ArraySeq::value(rest));
        }
        self.push_frame(fpos, ai, closure)
    }

    /// Push the frame of arity `ai` of `closure`, whose params (the rest
    /// param packed) follow the fn value at `fpos`.
    fn push_frame(&mut self, fpos: usize, ai: usize, closure: Ref<VmClosure>) -> Result<()> {
        let Some(arity) = closure.proto.arities.get(ai) else {
            return Err(internal("bad arity"));
        };
        if self.frames.len() >= MAX_FRAMES {
            return Err(stack_overflow());
        }
        interrupt::check()?;
        let base = fpos + 1;
        // The params are on the stack already; the other slots start nil.
        let size = base + arity.frame_size as usize;
        if size > self.stack.len() {
            self.stack.reserve(size - self.stack.len());
            while self.stack.len() < size {
                self.stack.push(Value::NIL);
            }
        } else {
            self.stack.truncate(size);
        }
        self.frames.push(Frame {
            closure: Some(closure),
            arity: ai as u32,
            pc: 0,
            base,
        });
        Ok(())
    }

    /// Call the fn at `stack[len - argc - 1]`: natives and non-VM callables
    /// leave their result on the stack; VM closures push a frame.
    fn call(&mut self, argc: usize) -> Result<()> {
        let Some(fpos) = self.stack.len().checked_sub(argc + 1) else {
            return Err(internal("stack underflow"));
        };
        if let View::Fn(f) = self.stack[fpos].view() {
            match &f.kind {
                FnKind::Native(p) => {
                    let p = *p;
                    let r = p(&self.stack[fpos + 1..])?;
                    self.stack.truncate(fpos);
                    self.stack.push(r);
                    return Ok(());
                }
                FnKind::NativeOwned(p) => {
                    let p = *p;
                    let r = p(&mut self.stack[fpos + 1..])?;
                    self.stack.truncate(fpos);
                    self.stack.push(r);
                    return Ok(());
                }
                FnKind::Closure(c) => {
                    if let Ok(vc) = c.clone().downcast::<VmClosure>() {
                        return self.enter_closure(fpos, argc, vc);
                    }
                }
                FnKind::NativeRest(..) => {}
            }
        }
        let r = func::invoke(&self.stack[fpos], &self.stack[fpos + 1..])?;
        self.stack.truncate(fpos);
        self.stack.push(r);
        Ok(())
    }

    /// Unwind to the nearest handler for `e`, recording a trace frame for
    /// every frame left. Err when no frame handles it.
    fn unwind(&mut self, e: Exception) -> Result<()> {
        let class = e.class();
        while let Some(fr) = self.frames.last_mut() {
            let Some(closure) = &fr.closure else { break };
            let proto = &closure.proto;
            let Some(arity) = proto.arities.get(fr.arity as usize) else {
                break;
            };
            let at = fr.pc.saturating_sub(1);
            if let Some(h) = arity
                .handlers
                .iter()
                .find(|h| h.start <= at && at < h.end && h.class.is_none_or(|c| class.is_a(c)))
            {
                fr.pc = h.target;
                let keep = fr.base + arity.frame_size as usize + h.depth as usize;
                self.stack.truncate(keep);
                self.stack.push(Value::from(e));
                return Ok(());
            }
            add_trace(&e, proto, arity.pos_at(at).unwrap_or(proto.pos));
            let base = fr.base;
            self.frames.pop();
            self.stack.truncate(base.saturating_sub(1));
        }
        self.frames.clear();
        self.stack.clear();
        Err(e)
    }

    /// Run until the bottom frame returns.
    fn run(&mut self) -> Result<Value> {
        loop {
            let Some(fr) = self.frames.last_mut() else {
                return Err(internal("no frame"));
            };
            let Some(closure) = fr.closure.take() else {
                return Err(internal("frame without closure"));
            };
            let base = fr.base;
            let ai = fr.arity as usize;
            let mut pc = fr.pc as usize;
            let exit = {
                let proto: &FnProto = &closure.proto;
                let Some(arity) = proto.arities.get(ai) else {
                    return Err(internal("bad arity"));
                };
                let code: &[Op] = &arity.code;
                let consts: &[Value] = &proto.consts;
                let stack = &mut self.stack;
                loop {
                    let op = code[pc];
                    pc += 1;
                    match op {
                        Op::Nil => stack.push(Value::NIL),
                        Op::Const(i) => stack.push(dup(&consts[i as usize])),
                        Op::Load(i) => {
                            let src = &stack[base + i as usize];
                            match src.as_long() {
                                Some(n) => stack.push(Value::long(n)),
                                None => {
                                    let v = src.clone();
                                    stack.push(v);
                                }
                            }
                        }
                        Op::Move(i) => {
                            let v = std::mem::take(&mut stack[base + i as usize]);
                            stack.push(v);
                        }
                        Op::Store(i) => {
                            let v = pop(stack);
                            put(&mut stack[base + i as usize], v);
                        }
                        Op::Captured(i) => {
                            let v = closure
                                .captured
                                .get(i as usize)
                                .and_then(|c| c.get())
                                .cloned()
                                .unwrap_or_default();
                            stack.push(v);
                        }
                        Op::SelfFn => {
                            let v = stack[base - 1].clone();
                            stack.push(v);
                        }
                        Op::Pop => release(pop(stack)),
                        Op::Var(i) => match var_value(&consts[i as usize]) {
                            Ok(v) => stack.push(v),
                            Err(e) => break Exit::Throw(e),
                        },
                        Op::Jump(t) => {
                            // Loops jump back: a safe point.
                            if let Err(e) = interrupt::check() {
                                break Exit::Throw(e);
                            }
                            pc = t as usize;
                        }
                        Op::JumpIfFalse(t) => {
                            let v = pop(stack);
                            if !v.truthy() {
                                pc = t as usize;
                            }
                            release(v);
                        }
                        Op::Call(argc) => {
                            let argc = argc as usize;
                            let fpos = stack.len() - argc - 1;
                            let r = match stack[fpos].view() {
                                View::Fn(f) => match f.kind {
                                    FnKind::Native(p) => p(&stack[fpos + 1..]),
                                    FnKind::NativeOwned(p) => p(&mut stack[fpos + 1..]),
                                    _ => break Exit::Call(argc),
                                },
                                _ => break Exit::Call(argc),
                            };
                            match r {
                                Ok(v) => {
                                    stack.truncate(fpos);
                                    stack.push(v);
                                }
                                Err(e) => break Exit::Throw(e),
                            }
                        }
                        Op::Return => break Exit::Return,
                        Op::MakeClosure(i) => {
                            match make_closure(&closure, stack, base, i as usize, None) {
                                Ok(v) => stack.push(v),
                                Err(e) => break Exit::Throw(e),
                            }
                        }
                        Op::LetFnClosure { proto: p, group } => {
                            let group = proto.letfn_groups.get(group as usize).map(|g| &**g);
                            match make_closure(&closure, stack, base, p as usize, group) {
                                Ok(v) => stack.push(v),
                                Err(e) => break Exit::Throw(e),
                            }
                        }
                        Op::TieLetFn(group) => {
                            if let Some(g) = proto.letfn_groups.get(group as usize) {
                                tie_letfn(stack, base, g);
                            }
                        }
                        Op::DefRoot(i) => {
                            let v = stack.pop().unwrap_or_default();
                            let this = &consts[i as usize];
                            match this.view() {
                                View::Var(var) => {
                                    if let Err(e) = var.set_root(this, v) {
                                        break Exit::Throw(e);
                                    }
                                }
                                _ => break Exit::Throw(internal("expected a var")),
                            }
                        }
                        Op::DefMeta(i) => {
                            let m = stack.pop().unwrap_or_default();
                            match consts[i as usize].view() {
                                View::Var(var) => {
                                    if lookup::get(&m, &Value::keyword(None, "dynamic")).truthy() {
                                        var.set_dynamic(true);
                                    }
                                    var.set_meta(m);
                                }
                                _ => break Exit::Throw(internal("expected a var")),
                            }
                        }
                        Op::SetVar(i) => {
                            let v = stack.pop().unwrap_or_default();
                            let r = match consts[i as usize].view() {
                                View::Var(var) => var.set(v),
                                _ => Err(internal("expected a var")),
                            };
                            match r {
                                Ok(v) => stack.push(v),
                                Err(e) => break Exit::Throw(e),
                            }
                        }
                        Op::Throw => {
                            break Exit::Throw(throw_value(stack.pop().unwrap_or_default()));
                        }
                        Op::MakeVector(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            stack.push(Value::vector(items));
                        }
                        Op::MakeMap(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            let mut pairs = Vec::with_capacity(items.len() / 2);
                            let mut it = items.into_iter();
                            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                pairs.push((k, v));
                            }
                            stack.push(Value::map_from_pairs(pairs));
                        }
                        Op::MakeSet(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            stack.push(Value::set_from(items));
                        }
                        Op::WithMeta => {
                            let m = stack.pop().unwrap_or_default();
                            let v = stack.pop().unwrap_or_default();
                            match crate::runtime::meta::with_meta(&v, m) {
                                Ok(v) => stack.push(v),
                                Err(e) => break Exit::Throw(e),
                            }
                        }
                        Op::Case { table, n } => {
                            let v = stack.pop().unwrap_or_default();
                            let idx = lookup::get(&consts[table as usize], &v).as_long();
                            pc += match idx {
                                Some(i) if (0..n as i64).contains(&i) => i as usize,
                                _ => n as usize,
                            };
                        }
                        Op::Host(i) => match host_call(stack, &proto.hosts[i as usize]) {
                            Ok(()) => {}
                            Err(e) => break Exit::Throw(e),
                        },
                        Op::Prim(i) => {
                            let d = &proto.prims[i as usize];
                            let binary = d.binary;
                            let k = d.on_stack as usize;
                            let n = stack.len();
                            let a = operand(d.a, n - k, stack, base, consts);
                            let b = if binary {
                                operand(d.b, n - 1, stack, base, consts)
                            } else {
                                a
                            };
                            match prim_value(d.prim, a, b) {
                                Some(Ok(r)) => {
                                    finish_prim(d, binary, k, stack, base);
                                    match d.dst {
                                        Some(s) => {
                                            // skip the Store that follows
                                            put_fast(&mut stack[base + s as usize], r);
                                            pc += 1;
                                        }
                                        None => push_fast(stack, r),
                                    }
                                }
                                Some(Err(e)) => break Exit::Throw(e),
                                None => match prim_fallback(d, binary, k, stack, base, consts) {
                                    Ok(argc) => break Exit::Call(argc),
                                    Err(e) => break Exit::Throw(e),
                                },
                            }
                        }
                        Op::Branch(i) => {
                            let d = &proto.prims[i as usize];
                            let binary = d.binary;
                            let k = d.on_stack as usize;
                            let n = stack.len();
                            let a = operand(d.a, n - k, stack, base, consts);
                            let b = if binary {
                                operand(d.b, n - 1, stack, base, consts)
                            } else {
                                a
                            };
                            match prim_test(d.prim, a, b) {
                                Some(t) => {
                                    finish_prim(d, binary, k, stack, base);
                                    if t {
                                        pc += 1;
                                    } else if let Op::JumpIfFalse(t) = code[pc] {
                                        pc = t as usize;
                                    }
                                }
                                None => match prim_fallback(d, binary, k, stack, base, consts) {
                                    Ok(argc) => break Exit::Call(argc),
                                    Err(e) => break Exit::Throw(e),
                                },
                            }
                        }
                    }
                }
            };
            let Some(fr) = self.frames.last_mut() else {
                return Err(internal("no frame"));
            };
            fr.closure = Some(closure);
            fr.pc = pc as u32;
            let r = match exit {
                Exit::Call(argc) => self.call(argc),
                Exit::Return => {
                    let v = self.stack.pop().unwrap_or_default();
                    if let Some(fr) = self.frames.pop() {
                        self.stack.truncate(fr.base.saturating_sub(1));
                    }
                    if self.frames.is_empty() {
                        return Ok(v);
                    }
                    self.stack.push(v);
                    Ok(())
                }
                Exit::Throw(e) => Err(e),
            };
            if let Err(e) = r {
                self.unwind(e)?;
            }
        }
    }
}

/// A closure of `parent.proto.protos[idx]`, capturing from the running
/// frame. Captures of slots in `deferred` (a letfn group) stay empty.
fn make_closure(
    parent: &VmClosure,
    stack: &[Value],
    base: usize,
    idx: usize,
    deferred: Option<&[u32]>,
) -> Result<Value> {
    let Some(proto) = parent.proto.protos.get(idx) else {
        return Err(internal("bad proto"));
    };
    let captured: Box<[OnceLock<Value>]> = proto
        .captures
        .iter()
        .map(|src| {
            let v = match *src {
                crate::analyzer::node::CaptureSource::Local(s) => {
                    if deferred.is_some_and(|g| g.contains(&s)) {
                        return OnceLock::new();
                    }
                    stack[base + s as usize].clone()
                }
                crate::analyzer::node::CaptureSource::Captured(i) => parent
                    .captured
                    .get(i as usize)
                    .and_then(|c| c.get())
                    .cloned()
                    .unwrap_or_default(),
                crate::analyzer::node::CaptureSource::SelfFn => stack[base - 1].clone(),
            };
            OnceLock::from(v)
        })
        .collect();
    Ok(closure_value(Ref::new(VmClosure {
        proto: proto.clone(),
        captured,
    })))
}

/// Fill the captures that letfn closures have of the group's slots, now
/// that every slot holds its fn.
fn tie_letfn(stack: &[Value], base: usize, group: &[u32]) {
    for &slot in group {
        if let View::Fn(f) = stack[base + slot as usize].view()
            && let FnKind::Closure(c) = &f.kind
            && let Some(vc) = c.downcast_ref::<VmClosure>()
        {
            for (i, src) in vc.proto.captures.iter().enumerate() {
                if let crate::analyzer::node::CaptureSource::Local(s) = src
                    && group.contains(s)
                    && let Some(cell) = vc.captured.get(i)
                {
                    let _ = cell.set(stack[base + *s as usize].clone());
                }
            }
        }
    }
}

/// Run a host-interop op: pops its operands, pushes the result.
#[cold]
fn host_call(stack: &mut Vec<Value>, h: &HostCall) -> Result<()> {
    let r = match h {
        HostCall::New { class, def, argc } => {
            let at = stack.len() - *argc as usize;
            let r = host::new_instance(*def, class, &stack[at..]);
            stack.truncate(at);
            r
        }
        HostCall::Instance { method, argc } => {
            let at = stack.len() - *argc as usize;
            let r = host::call_method(&stack[at - 1], method, &stack[at..]);
            stack.truncate(at - 1);
            r
        }
        HostCall::Static {
            class,
            def,
            member,
            argc,
        } => {
            let at = stack.len() - *argc as usize;
            let r = host::call_static(*def, class, member, &stack[at..]);
            stack.truncate(at);
            r
        }
        HostCall::Field { class, def, field } => host::get_static(*def, class, field),
        HostCall::Monitor { enter } => {
            let x = pop(stack);
            if *enter {
                crate::runtime::monitor::enter(&x)
            } else {
                crate::runtime::monitor::exit(&x)
            }
            .map(|()| Value::NIL)
        }
    }?;
    stack.push(r);
    Ok(())
}

/// An intrinsic operand, read in place (`pos`: its stack index if on the
/// stack).
#[inline(always)]
fn operand<'s>(
    src: Src,
    pos: usize,
    stack: &'s [Value],
    base: usize,
    consts: &'s [Value],
) -> &'s Value {
    match src {
        Src::Stack => &stack[pos],
        Src::Local(i) | Src::Move(i) => &stack[base + i as usize],
        Src::Const(i) => &consts[i as usize],
    }
}

/// After a fast path: pop the stack operands, clear moved slots.
#[inline(always)]
fn finish_prim(d: &PrimCall, binary: bool, k: usize, stack: &mut Vec<Value>, base: usize) {
    for _ in 0..k {
        release(pop(stack));
    }
    if let Src::Move(i) = d.a {
        put(&mut stack[base + i as usize], Value::NIL);
    }
    if binary && let Src::Move(i) = d.b {
        put(&mut stack[base + i as usize], Value::NIL);
    }
}

/// The fast path of an intrinsic in value position; None: call the var.
#[inline(always)]
fn prim_value(p: Prim, a: &Value, b: &Value) -> Option<Result<arith::Fast>> {
    match p {
        Prim::Add => arith::add(a, b),
        Prim::Sub => arith::sub(a, b),
        Prim::Mul => arith::mul(a, b),
        Prim::Inc => arith::inc(a),
        Prim::Dec => arith::dec(a),
        _ => prim_test(p, a, b).map(|t| Ok(arith::Fast::B(t))),
    }
}

/// The fast path of a test intrinsic; None: call the var.
#[inline(always)]
fn prim_test(p: Prim, a: &Value, b: &Value) -> Option<bool> {
    match p {
        Prim::Lt => arith::lt(a, b),
        Prim::Gt => arith::gt(a, b),
        Prim::Le => arith::le(a, b),
        Prim::Ge => arith::ge(a, b),
        Prim::NumEq => arith::num_eq(a, b),
        Prim::Eq => arith::eq(a, b),
        Prim::IsZero => arith::is_zero(a),
        Prim::IsPos => arith::is_pos(a),
        Prim::IsNeg => arith::is_neg(a),
        Prim::Not => Some(!a.truthy()),
        Prim::IsNil => Some(a.is_nil()),
        Prim::Identical => Some(a.identical(b)),
        Prim::Add | Prim::Sub | Prim::Mul | Prim::Inc | Prim::Dec => None,
    }
}

/// The fast path does not apply: lay out `[f a (b)]` on the stack for a
/// normal call of the var's current value. Returns the arg count.
#[cold]
fn prim_fallback(
    d: &PrimCall,
    binary: bool,
    k: usize,
    stack: &mut Vec<Value>,
    base: usize,
    consts: &[Value],
) -> Result<usize> {
    let f = var_value(&consts[d.var as usize])?;
    let mut stacked = stack.split_off(stack.len() - k).into_iter();
    let mut get = |s: Src, stack: &mut Vec<Value>| match s {
        Src::Stack => stacked.next().unwrap_or_default(),
        Src::Local(i) => stack[base + i as usize].clone(),
        Src::Move(i) => std::mem::take(&mut stack[base + i as usize]),
        Src::Const(i) => consts[i as usize].clone(),
    };
    let a = get(d.a, stack);
    let b = if binary { Some(get(d.b, stack)) } else { None };
    stack.push(f);
    stack.push(a);
    stack.extend(b);
    // (with a fused destination, the `Store` after the op stores the result)
    Ok(1 + binary as usize)
}
