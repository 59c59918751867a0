//! LAYER 1: the bytecode interpreter, the default backend.
//!
//! Frames live on a heap `Vec` and locals in slots of one value stack. A
//! call from one bytecode closure to another switches frames inside the
//! dispatch loop (code, constants, frame base and pc are locals of `run`),
//! so it never recurses in Rust. Rust code calling a closure (a native
//! `reduce` with a user fn) runs a nested dispatch loop on this thread's
//! `Vm` for that re-entrancy depth, counted by `runtime::stack::enter`.
//!
//! Stack layout of a frame: `[slot 0 .. slot n-1] [fn] [operands ...]`:
//! `base` is the index of slot 0 (the params are the args the caller left
//! on the stack), and the running fn value sits in a hidden slot after the
//! locals; it keeps the closure whose code runs alive. Indexing of `code`,
//! `consts`, slots and the operand stack relies on the compiler's
//! invariants (valid slots, balanced stack effects, in-range jumps); user
//! input cannot break them.

mod arith;
mod ops;
#[cfg(test)]
pub(crate) mod tests;

use crate::bytecode::{
    CaptureSource, Closure, FnProto, HostCall, Lookup, Op, Pos, Prim, PrimCall, Src,
};
use crate::runtime::error::{ExClass, Exception, Frame as TraceFrame, Result};
use crate::runtime::func::{self, Capture, Fn, FnKind, arity_error};
use crate::runtime::gc::{self, Ref};
use crate::runtime::seq::ArraySeq;
use crate::runtime::value::{Value, View};
use crate::runtime::{host, interrupt, lookup, stack};
use ops::*;
use std::cell::UnsafeCell;

/// VM frames one dispatch loop may hold before StackOverflowError.
pub const MAX_FRAMES: usize = 100_000;
/// Frames recorded in an exception's trace (the JVM's default
/// MaxJavaStackTraceDepth is 1024).
const MAX_TRACE: usize = 1024;

struct Frame {
    /// The running closure: the payload of the fn value in the frame's
    /// hidden slot (`base + frame_size`), which owns it while it runs.
    closure: *const Closure,
    arity: u32,
    /// Saved while a callee runs.
    pc: u32,
    base: usize,
    /// The stack is cut to this length on return, then the result pushed.
    ret: usize,
}

#[derive(Default)]
struct Vm {
    stack: Vec<Value>,
    frames: Vec<Frame>,
    /// Var roots read by `CallVar`, valid for one root epoch.
    vars: VarCache,
}

/// Entries of the var cache (a power of two).
const VAR_CACHE: usize = 256;

/// A direct-mapped cache of var roots for `CallVar`: (var address, root
/// epoch, value). A hit costs a hash, two compares and a clone instead of
/// the var's lock-free read; any root change anywhere invalidates every
/// entry (`var::root_epoch`), and a var some thread binds is never cached.
#[derive(Default)]
struct VarCache(Vec<(usize, u64, Value)>);

impl VarCache {
    /// The value of the var `c` (a var constant).
    #[inline(always)]
    fn get(&mut self, c: &Value) -> Result<Value> {
        let View::Var(var) = c.view() else {
            return Err(internal("expected a var"));
        };
        let key = var as *const crate::runtime::var::Var as usize;
        let epoch = crate::runtime::var::root_epoch();
        let i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize) >> 24) & (VAR_CACHE - 1);
        if let Some((k, e, v)) = self.0.get(i)
            && *k == key
            && *e == epoch
            && !var.has_bindings()
        {
            return Ok(v.clone_fast());
        }
        self.fill(var, key, epoch, i)
    }

    #[cold]
    #[inline(never)]
    fn fill(
        &mut self,
        var: &crate::runtime::var::Var,
        key: usize,
        epoch: u64,
        i: usize,
    ) -> Result<Value> {
        // (the epoch was read before the root: should the root change
        // meanwhile, the entry is stale at once)
        let v = var.deref()?;
        if var.has_bindings() {
            return Ok(v);
        }
        if self.0.is_empty() {
            self.0.resize(VAR_CACHE, (0, 0, Value::NIL));
        }
        if let Some(e) = self.0.get_mut(i) {
            *e = (key, epoch, v.clone());
        }
        Ok(v)
    }
}

/// This thread's VMs, one per re-entrancy depth (a closure called from a
/// native called from the VM runs on the next one: the outer VM's stack
/// is borrowed by that native's args).
struct Vms {
    /// Boxed VMs (raw, so growing the list never moves or retags one in use).
    all: Vec<*mut Vm>,
    depth: usize,
}

impl Drop for Vms {
    fn drop(&mut self) {
        for &vm in &self.all {
            // SAFETY: each pointer came from Box::into_raw in `with_vm` and
            // is freed once, here, when the thread's list goes away.
            drop(unsafe { Box::from_raw(vm) });
        }
    }
}

thread_local! {
    static VMS: UnsafeCell<Vms> = const { UnsafeCell::new(Vms { all: Vec::new(), depth: 0 }) };
}

/// Leaves a re-entrancy depth: the VM's stacks are empty again (keeping
/// their capacity, so the next call from Rust allocates nothing).
struct Leave {
    vm: *mut Vm,
    /// This thread's list (its depth goes down by one).
    vms: *mut Vms,
}

impl Drop for Leave {
    fn drop(&mut self) {
        // SAFETY: the pointer is this depth's VM (see `with_vm`); the
        // borrow handed to the caller has ended.
        let vm = unsafe { &mut *self.vm };
        if !vm.stack.is_empty() {
            vm.stack.clear();
        }
        if !vm.frames.is_empty() {
            vm.frames.clear();
        }
        if vm.stack.capacity() > 1 << 16 {
            vm.stack.shrink_to(1 << 14);
            vm.frames.shrink_to(1 << 10);
        }
        // SAFETY: the thread's list outlives every call running on this
        // thread (its thread-local is destroyed only after them, and
        // `with_vm` got the pointer from it on this thread); no other
        // reference into it is live here.
        let v = unsafe { &mut *self.vms };
        v.depth = v.depth.saturating_sub(1);
    }
}

/// Run `f` on this thread's VM for the next re-entrancy depth.
#[inline]
fn with_vm<R>(f: impl FnOnce(&mut Vm) -> R) -> R {
    let vm = VMS.try_with(|v| {
        let vms = v.get();
        // SAFETY: only this thread touches its list, and no reference into
        // it outlives this closure (VMs in use are reached by raw pointer).
        let v = unsafe { &mut *vms };
        if v.depth == v.all.len() {
            v.all.push(Box::into_raw(Box::default()));
        }
        let vm = v.all[v.depth];
        v.depth += 1;
        (vm, vms)
    });
    match vm {
        Ok((vm, vms)) => {
            let _leave = Leave { vm, vms };
            // SAFETY: depth `d`'s VM is used only by the one `with_vm` call
            // at that depth until it returns; nested calls take deeper ones.
            f(unsafe { &mut *vm })
        }
        // The thread is exiting (its list is gone): a VM for this call.
        Err(_) => f(&mut Vm::default()),
    }
}

/// Run a compiled top-level form.
pub fn run(proto: Ref<FnProto>) -> Result<Value> {
    let fv = closure_value(Closure {
        proto,
        captured: Box::new([]),
    });
    let View::Fn(f) = fv.view() else {
        return Err(internal("not a closure"));
    };
    let FnKind::Bytecode(c) = &f.kind else {
        return Err(internal("not a closure"));
    };
    with_vm(|vm| {
        vm.enter(&fv, c, 0)?;
        vm.run()
    })
}

/// Invoke a bytecode closure from Rust with args it moves out (the
/// runtime's entry point for `FnKind::Bytecode`).
pub fn invoke_closure(fv: &Value, c: &Closure, args: &mut [Value]) -> Result<Value> {
    let _guard = stack::enter()?;
    with_vm(|vm| {
        vm.stack.extend(args.iter_mut().map(std::mem::take));
        vm.call_pushed(fv, c, args.len())
    })
}

/// Invoke a bytecode closure from Rust with borrowed args.
pub fn invoke_closure_ref(fv: &Value, c: &Closure, args: &[Value]) -> Result<Value> {
    let _guard = stack::enter()?;
    with_vm(|vm| {
        vm.stack.extend_from_slice(args);
        vm.call_pushed(fv, c, args.len())
    })
}

/// A prepared call of one fn value from Rust (issue 8 point 4): the loop
/// of a native (`reduce`, `sort`'s comparator, `sort-by`'s key fn) makes
/// one and calls it per item. For a bytecode closure the fn's kind, the
/// depth guard and this thread's VM for the next re-entrancy depth are
/// resolved once, in [`with_caller`]; each call then only moves its args
/// onto that VM, pushes the frame and runs it. Any other fn goes through
/// `func::call`, as a call from Rust always does.
///
/// The VM of the caller's depth is idle between calls: a fn the native
/// calls meanwhile (a lazy seq's thunk realised by the walk) runs one
/// depth deeper, as do the calls the closure makes itself.
pub struct Caller<'a> {
    f: &'a Value,
    vm: Option<(&'a mut Vm, &'a Closure)>,
    /// The last call's arg count and the fixed arity it selected
    /// (`usize::MAX`: none yet, or a variadic one, which packs its rest
    /// args on each call).
    argc: usize,
    arity: usize,
}

/// Run `body` with a [`Caller`] of `f`. The depth `f`'s calls run at is
/// entered once, for the whole body (one call level, as each call counts).
#[inline]
pub fn with_caller<R>(f: &Value, body: impl FnOnce(&mut Caller<'_>) -> Result<R>) -> Result<R> {
    if let View::Fn(func) = f.view()
        && let FnKind::Bytecode(c) = &func.kind
    {
        let _guard = stack::enter()?;
        return with_vm(|vm| {
            body(&mut Caller {
                f,
                vm: Some((vm, c)),
                argc: usize::MAX,
                arity: 0,
            })
        });
    }
    body(&mut Caller {
        f,
        vm: None,
        argc: usize::MAX,
        arity: 0,
    })
}

impl Caller<'_> {
    /// The fn called.
    pub fn fn_value(&self) -> &Value {
        self.f
    }

    /// Call with args it moves out (left nil).
    #[inline]
    pub fn call(&mut self, args: &mut [Value]) -> Result<Value> {
        match &mut self.vm {
            Some((vm, _)) => {
                vm.stack.extend(args.iter_mut().map(std::mem::take));
                self.run_pushed(args.len())
            }
            None => func::call(self.f, args),
        }
    }

    /// Call with one arg.
    #[inline(always)]
    pub fn call1(&mut self, a: Value) -> Result<Value> {
        match &mut self.vm {
            Some((vm, _)) => {
                vm.stack.push(a);
                self.run_pushed(1)
            }
            None => call_args(self.f, [a]),
        }
    }

    /// Call with two args.
    #[inline(always)]
    pub fn call2(&mut self, a: Value, b: Value) -> Result<Value> {
        match &mut self.vm {
            Some((vm, _)) => {
                vm.stack.push(a);
                vm.stack.push(b);
                self.run_pushed(2)
            }
            None => call_args(self.f, [a, b]),
        }
    }

    /// Run the closure on its `argc` args pushed on the idle VM: the
    /// fixed arity selected by the last call with as many args is reused.
    #[inline(always)]
    fn run_pushed(&mut self, argc: usize) -> Result<Value> {
        let Some((vm, c)) = &mut self.vm else {
            return Err(internal("no VM"));
        };
        if argc != self.argc {
            match c.proto.select_arity(argc) {
                Some(ai) if c.proto.arities.get(ai).is_some_and(|a| !a.variadic) => {
                    self.argc = argc;
                    self.arity = ai;
                }
                // (a variadic arity, or an arity error: the general entry)
                _ => return vm.call_pushed(self.f, c, argc),
            }
        }
        // The frame's hidden slot borrows `self.f` (held by the native for
        // the whole loop) instead of owning a clone: `BORROWED` tells
        // `Return` and `unwind` to leave the stack to `release_borrowed`,
        // which takes the copy out without releasing it.
        if let Err(e) = push_frame(
            &mut vm.stack,
            &mut vm.frames,
            c,
            Value::NIL,
            0,
            self.arity,
            BORROWED,
        ) {
            vm.stack.clear();
            return Err(e);
        }
        let fs = vm.stack.len() - 1;
        // SAFETY: a bitwise copy of `self.f` without its reference: `self.f`
        // outlives the call (borrowed for the Caller's life), the frame
        // only reads its hidden slot (`SelfFn`/`CallSelf` clone it, which
        // adds references of their own), no return or unwind releases it
        // (the bottom frame's `ret` is `BORROWED`: `Return`'s cut and
        // `unwind` leave the stack as it is, and every frame above it and
        // every handler keeps the stack above `fs`), and `release_borrowed`
        // forgets it, after the run or (from `Borrowed`'s drop) during a
        // panic. (The nil replaced owns nothing.)
        std::mem::forget(std::mem::replace(&mut vm.stack[fs], unsafe {
            std::ptr::read(self.f)
        }));
        let guard = Borrowed { vm, fs };
        let r = guard.vm.run();
        release_borrowed(guard.vm, fs);
        std::mem::forget(guard);
        r
    }
}

/// The `ret` of a [`Caller`]'s bottom frame: its hidden slot borrows the
/// fn value, so its return and unwind leave the stack to
/// [`release_borrowed`].
const BORROWED: usize = usize::MAX;

/// Empty an idle VM after a [`Caller`]'s call: the borrowed fn value in
/// the bottom frame's hidden slot (`fs`) is forgotten, the rest dropped.
#[inline(always)]
fn release_borrowed(vm: &mut Vm, fs: usize) {
    if let Some(slot) = vm.stack.get_mut(fs) {
        std::mem::forget(std::mem::replace(slot, Value::NIL));
    }
    cut(&mut vm.stack, 0);
}

/// Releases a [`Caller`]'s borrowed slot if its call panics.
struct Borrowed<'a> {
    vm: &'a mut Vm,
    fs: usize,
}

impl Drop for Borrowed<'_> {
    fn drop(&mut self) {
        release_borrowed(self.vm, self.fs);
        self.vm.frames.clear();
    }
}

/// `func::call` with an array of args, released without the array's
/// out-of-line drop glue (the callee leaves moved args nil).
#[inline(always)]
fn call_args<const N: usize>(f: &Value, args: [Value; N]) -> Result<Value> {
    let mut args = std::mem::ManuallyDrop::new(args);
    let r = func::call(f, &mut args[..]);
    for v in args.iter_mut() {
        release(std::mem::take(v));
    }
    r
}

/// Call a bytecode closure's variadic arity with its rest param bound to
/// `rest` as it is (`apply`: the seq stays unrealised).
pub fn invoke_closure_rest(fv: &Value, c: &Closure, fixed: &[Value], rest: Value) -> Result<Value> {
    let Some(ai) = c.proto.arities.iter().position(|a| a.variadic) else {
        return Err(arity_error(&c.proto.name, fixed.len() + 1));
    };
    let _guard = stack::enter()?;
    with_vm(|vm| {
        vm.stack.extend_from_slice(fixed);
        vm.stack.push(rest);
        push_frame(&mut vm.stack, &mut vm.frames, c, fv.clone_fast(), 0, ai, 0)?;
        vm.run()
    })
}

fn closure_value(c: Closure) -> Value {
    Value::from(Ref::new(Fn::new(None, FnKind::Bytecode(c))))
}

fn stack_overflow() -> Exception {
    Exception::full(ExClass::StackOverflowError, None, None, None)
}

fn internal(msg: &str) -> Exception {
    Exception::new(ExClass::IllegalStateException, format!("VM: {msg}"))
}

#[inline]
fn var_value(c: &Value) -> Result<Value> {
    match c.view() {
        View::Var(v) => v.deref(),
        _ => Err(internal("expected a var")),
    }
}

#[cold]
fn throw_value(v: Value) -> Exception {
    match crate::runtime::types::throwable(&v) {
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

/// Is `v` an immediate (nil, boolean, a number held inline, char)? Those
/// own no heap memory (one tag compare).
#[inline(always)]
fn immediate(v: &Value) -> bool {
    v.is_immediate()
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
/// Only a Long: an Integer/Short/Byte box keeps its class.
#[inline(always)]
fn dup(v: &Value) -> Value {
    match v.as_long_exact() {
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
        arith::Fast::V(v) => stack.push(v),
    }
}

/// Store a fast-path result into a slot.
#[inline(always)]
fn put_fast(slot: &mut Value, r: arith::Fast) {
    match r {
        arith::Fast::L(n) => put(slot, Value::long(n)),
        arith::Fast::D(d) => put(slot, Value::double(d)),
        arith::Fast::B(b) => put(slot, Value::bool(b)),
        arith::Fast::V(v) => put(slot, v),
    }
}

/// `stack.truncate(len)` for the few values of a frame, inline: the heap
/// values are taken out and dropped (a fn value with other references by
/// a count decrement), the immediates left behind are cut off without
/// their drop glue.
#[inline(always)]
fn cut(stack: &mut Vec<Value>, len: usize) {
    let end = stack.len();
    if len >= end {
        return;
    }
    for v in &mut stack[len..end] {
        if !immediate(v) {
            std::mem::take(v).drop_fast();
        }
    }
    // SAFETY: `len < end` (the old length, within capacity), and every
    // value in `len..end` is now an immediate (each heap value was taken,
    // leaving nil), which owns nothing: cutting them off without dropping
    // leaks nothing.
    unsafe { stack.set_len(len) }
}

/// Pop the top operand.
#[inline(always)]
fn pop(stack: &mut Vec<Value>) -> Value {
    stack.pop().unwrap_or_default()
}

fn add_trace(e: &Exception, proto: &FnProto, pos: Pos) {
    if gc::lock(&e.obj().trace).len() < MAX_TRACE {
        e.push_frame(TraceFrame {
            name: proto.name.clone(),
            file: proto.file.clone(),
            line: pos.line,
            column: pos.column,
        });
    }
}

/// The running closure of a frame.
///
/// SAFETY (callers): `fr` is a live frame of this VM, so the fn value in
/// its hidden slot owns the closure until the frame is popped; the
/// reference must not be used after that (`'a` is unbounded).
#[inline(always)]
unsafe fn frame_closure<'a>(fr: &Frame) -> &'a Closure {
    // SAFETY: see above; the Closure lives in the Fn's heap allocation,
    // which does not move when the stack Vec reallocates.
    unsafe { &*fr.closure }
}

/// Select the arity of `c` for `argc` args at `base..` (packing a rest
/// param) and push its frame; the fn value `fv` goes to the hidden slot.
#[inline(always)]
fn enter_frame(
    stack: &mut Vec<Value>,
    frames: &mut Vec<Frame>,
    c: &Closure,
    fv: Value,
    base: usize,
    argc: usize,
    ret: usize,
) -> Result<()> {
    let proto = &c.proto;
    let Some(ai) = proto.select_arity(argc) else {
        return Err(arity_error(&proto.name, argc));
    };
    if let Some(a) = proto.arities.get(ai)
        && a.variadic
    {
        let rest: Vec<Value> = stack.drain(base + a.required as usize..).collect();
        stack.push(ArraySeq::value(rest));
    }
    push_frame(stack, frames, c, fv, base, ai, ret)
}

/// Push the frame of arity `ai` of `c`, whose params (the rest param
/// packed) are at `base..`; `fv` (the fn value) goes to the hidden slot.
#[inline(always)]
fn push_frame(
    stack: &mut Vec<Value>,
    frames: &mut Vec<Frame>,
    c: &Closure,
    fv: Value,
    base: usize,
    ai: usize,
    ret: usize,
) -> Result<()> {
    let Some(arity) = c.proto.arities.get(ai) else {
        return Err(internal("bad arity"));
    };
    if frames.len() >= MAX_FRAMES {
        return Err(stack_overflow());
    }
    // Calls are safe points.
    interrupt::check()?;
    // The params are on the stack already; the other slots start nil.
    let size = base + arity.frame_size as usize;
    // (inline: most frames are their params, `resize` is out of line)
    while stack.len() < size {
        stack.push(Value::NIL);
    }
    if stack.len() > size {
        stack.truncate(size);
    }
    stack.push(fv);
    frames.push(Frame {
        closure: c,
        arity: ai as u32,
        pc: 0,
        base,
        ret,
    });
    Ok(())
}

/// How a call was made.
enum Called {
    /// The result is on the stack.
    Done,
    /// A bytecode frame was pushed: switch to it.
    Frame,
}

/// Call the fn value `fv` with the `argc` args on top of the stack; the
/// stack is cut to `ret` and the result pushed (for a bytecode closure,
/// when its frame returns).
#[inline(always)]
fn call_value(
    stack: &mut Vec<Value>,
    frames: &mut Vec<Frame>,
    fv: Value,
    argc: usize,
    ret: usize,
) -> Result<Called> {
    let at = stack.len() - argc;
    let r = match fv.view() {
        View::Fn(f) => match &f.kind {
            FnKind::Native(p) => p(&stack[at..]),
            FnKind::NativeOwned(p) => p(&mut stack[at..]),
            FnKind::Bytecode(c) => {
                let c: *const Closure = c;
                // SAFETY: `fv` owns the closure and moves into the new
                // frame's hidden slot, which keeps it alive while it runs.
                let c = unsafe { &*c };
                enter_frame(stack, frames, c, fv, at, argc, ret)?;
                return Ok(Called::Frame);
            }
            _ => func::call_fn(&fv, f, &mut stack[at..]),
        },
        _ => func::call(&fv, &mut stack[at..]),
    }?;
    stack.truncate(ret);
    stack.push(r);
    Ok(Called::Done)
}

impl Vm {
    /// Push the frame of a call from Rust: the args are on the stack.
    #[inline(always)]
    fn enter(&mut self, fv: &Value, c: &Closure, argc: usize) -> Result<()> {
        enter_frame(
            &mut self.stack,
            &mut self.frames,
            c,
            fv.clone_fast(),
            0,
            argc,
            0,
        )
    }

    /// Call the closure `c` of `fv` from Rust on this idle VM, its `argc`
    /// args pushed: the VM is idle again when it returns (the frame's
    /// return or `unwind` empties the stack; an arity error clears the
    /// args here).
    #[inline(always)]
    fn call_pushed(&mut self, fv: &Value, c: &Closure, argc: usize) -> Result<Value> {
        if let Err(e) = self.enter(fv, c, argc) {
            self.stack.clear();
            return Err(e);
        }
        self.run()
    }

    /// Unwind to the nearest handler for `e`, recording a trace frame for
    /// every frame left. Err when no frame handles it.
    fn unwind(&mut self, e: Exception) -> Result<()> {
        let class = e.class();
        while let Some(fr) = self.frames.last_mut() {
            // SAFETY: a live frame; the reference ends before it is popped.
            let proto = &unsafe { frame_closure(fr) }.proto;
            let Some(arity) = proto.arities.get(fr.arity as usize) else {
                break;
            };
            let at = fr.pc.saturating_sub(1);
            if let Some(h) = arity
                .handlers
                .iter()
                .find(|h| h.start <= at && at < h.end && h.class.is_none_or(|c| class.is_a(c)))
            {
                // Caught where it was thrown: the throw site is its first
                // stack-trace element (the JVM records it at creation).
                if gc::lock(&e.obj().trace).is_empty() {
                    add_trace(&e, proto, arity.pos_at(at).unwrap_or(proto.pos));
                }
                fr.pc = h.target;
                let keep = fr.base + arity.frame_size as usize + 1 + h.depth as usize;
                self.stack.truncate(keep);
                self.stack.push(Value::from(e));
                return Ok(());
            }
            add_trace(&e, proto, arity.pos_at(at).unwrap_or(proto.pos));
            let ret = fr.ret;
            self.frames.pop();
            if ret == BORROWED {
                // (a Caller's frame: `Borrowed` empties the stack)
                return Err(e);
            }
            self.stack.truncate(ret);
        }
        self.frames.clear();
        self.stack.clear();
        Err(e)
    }

    /// Run until the bottom frame returns (one function with the dispatch
    /// loop: a call from Rust enters one frame, not two).
    #[inline(never)]
    fn run(&mut self) -> Result<Value> {
        loop {
            let e = match self.dispatch() {
                Ok(v) => return Ok(v),
                Err(e) => e,
            };
            self.unwind(e)?;
        }
    }

    /// The dispatch loop: runs frames, calling and returning between
    /// bytecode closures in place, until the bottom frame returns (Ok) or
    /// an op throws (Err, with the frame's pc saved for `unwind`).
    ///
    /// Hot state in locals (few enough to stay in registers): the VM, the
    /// running closure, its frame base, pc, code and constants. Code,
    /// constants, intrinsic sites and frame slots are indexed unchecked:
    /// `FnProto::verify` (run by the compiler on every proto) proved each
    /// operand in range, and `push_frame` made the stack hold the frame's
    /// `frame_size` slots and its fn slot, which stay below the operands
    /// until the frame returns or unwinds.
    #[inline(always)]
    fn dispatch(&mut self) -> Result<Value> {
        let vm = self;
        let Some(fr) = vm.frames.last() else {
            return Err(internal("no frame"));
        };
        // SAFETY: the top frame is live; `closure` is reloaded whenever
        // the top frame changes and not used after its frame is popped.
        let mut closure: &Closure = unsafe { frame_closure(fr) };
        let mut base = fr.base;
        let mut pc = fr.pc as usize;
        let Some(arity) = closure.proto.arities.get(fr.arity as usize) else {
            return Err(internal("bad arity"));
        };
        let mut code: &[Op] = &arity.code;
        let mut consts: &[Value] = &closure.proto.consts;

        // Switch the locals to the (new) top frame.
        macro_rules! load_top {
            () => {{
                let Some(fr) = vm.frames.last() else {
                    return Err(internal("no frame"));
                };
                // SAFETY: as above, for the new top frame.
                closure = unsafe { frame_closure(fr) };
                base = fr.base;
                pc = fr.pc as usize;
                let Some(arity) = closure.proto.arities.get(fr.arity as usize) else {
                    return Err(internal("bad arity"));
                };
                code = &arity.code;
                consts = &closure.proto.consts;
            }};
        }
        // The op at `pc`.
        macro_rules! op_at {
            ($pc:expr) => {{
                let pc: usize = $pc;
                debug_assert!(pc < code.len());
                // SAFETY: `verify` proved that no op falls off the end (the
                // last op is Return/Jump/Throw), that every jump, handler and
                // `Case` target is in range, and that an op skipping the one
                // after it (a fused op's `Store`/`JumpIfFalse`) is never last;
                // a frame's saved pc is the one after its call op.
                unsafe { *code.get_unchecked(pc) }
            }};
        }
        // Frame slot `i` of the running frame.
        macro_rules! slot {
            ($i:expr) => {{
                let i = base + $i as usize;
                debug_assert!(i < vm.stack.len());
                // SAFETY: `verify` proved the slot operand < the arity's
                // frame_size, and the stack holds `base + frame_size + 1`
                // values while the frame runs (see `dispatch`).
                unsafe { vm.stack.get_unchecked(i) }
            }};
        }
        macro_rules! slot_mut {
            ($i:expr) => {{
                let i = base + $i as usize;
                debug_assert!(i < vm.stack.len());
                // SAFETY: as `slot!`.
                unsafe { vm.stack.get_unchecked_mut(i) }
            }};
        }
        // Constant `i`.
        macro_rules! konst {
            ($i:expr) => {{
                let i = $i as usize;
                debug_assert!(i < consts.len());
                // SAFETY: `verify` proved every constant operand in range.
                unsafe { consts.get_unchecked(i) }
            }};
        }
        // Intrinsic site `i`.
        macro_rules! site {
            ($i:expr) => {{
                let i = $i as usize;
                debug_assert!(i < closure.proto.prims.len());
                // SAFETY: `verify` proved every site operand in range.
                unsafe { closure.proto.prims.get_unchecked(i) }
            }};
        }
        // The fn slot of the running frame (its fn value).
        macro_rules! fslot {
            () => {{
                let fr = vm.frames.last();
                let ai = fr.map_or(0, |f| f.arity as usize);
                base + closure
                    .proto
                    .arities
                    .get(ai)
                    .map_or(0, |a| a.frame_size as usize)
            }};
        }
        // Save the pc of the running frame (before a call or a throw).
        macro_rules! save_pc {
            () => {
                if let Some(fr) = vm.frames.last_mut() {
                    fr.pc = pc as u32;
                }
            };
        }
        // Leave with an exception; `unwind` finds the handler from the
        // saved pc.
        macro_rules! throw {
            ($e:expr) => {{
                let e = $e;
                save_pc!();
                return Err(e);
            }};
        }
        macro_rules! tri {
            ($r:expr) => {
                match $r {
                    Ok(v) => v,
                    Err(e) => throw!(e),
                }
            };
        }
        // Call `fv` with the top `argc` operands, the result replacing the
        // stack from `ret`.
        macro_rules! call {
            ($fv:expr, $argc:expr, $ret:expr) => {{
                save_pc!();
                match call_value(&mut vm.stack, &mut vm.frames, $fv, $argc, $ret) {
                    Ok(Called::Done) => {}
                    Ok(Called::Frame) => load_top!(),
                    Err(e) => return Err(e),
                }
            }};
        }
        // A generic or fused op's slow path, out of line (keeps this frame
        // small), then the call of the var when no fast path applies.
        macro_rules! slow {
            ($r:expr) => {{
                match $r {
                    Ok(None) => {}
                    Ok(Some((fv, argc))) => {
                        save_pc!();
                        let ret = vm.stack.len() - argc;
                        match call_value_cold(&mut vm.stack, &mut vm.frames, fv, argc, ret) {
                            Ok(Called::Done) => {}
                            Ok(Called::Frame) => load_top!(),
                            Err(e) => return Err(e),
                        }
                    }
                    Err(e) => throw!(e),
                }
            }};
        }
        // A fused op's long result: into the slot of the `Store` that
        // follows (skipping it), else pushed.
        macro_rules! long_result {
            ($r:expr) => {{
                let r: i64 = $r;
                if let Op::Store(s) = op_at!(pc) {
                    put(slot_mut!(s), Value::long(r));
                    pc += 1;
                    // `recur`: take its back-jump here when no interrupt
                    // is pending (else the Jump op runs the safe point).
                    if let Op::Jump(t) = op_at!(pc)
                        && interrupt::check().is_ok()
                    {
                        pc = t as usize;
                    }
                } else {
                    vm.stack.push(Value::long(r));
                }
            }};
        }
        // A fused compare-and-branch: both longs compare inline (skip the
        // `JumpIfFalse` that follows, or take it), else the generic test.
        macro_rules! br_cmp {
            ($x:expr, $y:expr, $i:expr, $cmp:tt) => {{
                match ($x.as_long_exact(), $y.as_long_exact()) {
                    (Some(x), Some(y)) => {
                        if x $cmp y {
                            pc += 1;
                        } else if let Op::JumpIfFalse(t) = op_at!(pc) {
                            pc = t as usize;
                        }
                    }
                    _ => slow!(branch_slow(site!($i), &mut vm.stack, base, consts, code, &mut pc)),
                }
            }};
        }
        // A fused long op: checked, else the generic intrinsic (which
        // throws or promotes).
        macro_rules! arith {
            ($x:expr, $y:expr, $i:expr, $f:ident) => {{
                match ($x.as_long_exact(), $y.as_long_exact()) {
                    (Some(x), Some(y)) => match x.$f(y) {
                        Some(r) => long_result!(r),
                        None => slow!(prim_slow(site!($i), &mut vm.stack, base, consts, &mut pc)),
                    },
                    _ => slow!(prim_slow(site!($i), &mut vm.stack, base, consts, &mut pc)),
                }
            }};
        }
        macro_rules! arith1 {
            ($x:expr, $i:expr, $f:ident) => {{
                match $x.as_long_exact() {
                    Some(x) => match x.$f(1) {
                        Some(r) => long_result!(r),
                        None => slow!(prim_slow(site!($i), &mut vm.stack, base, consts, &mut pc)),
                    },
                    _ => slow!(prim_slow(site!($i), &mut vm.stack, base, consts, &mut pc)),
                }
            }};
        }
        loop {
            let op = op_at!(pc);
            pc += 1;
            match op {
                Op::Nil => vm.stack.push(Value::NIL),
                Op::Const(i) => {
                    let v = dup(konst!(i));
                    vm.stack.push(v);
                }
                Op::Load(i) => {
                    let v = dup(slot!(i));
                    vm.stack.push(v);
                }
                Op::Move(i) => {
                    let v = std::mem::take(slot_mut!(i));
                    vm.stack.push(v);
                }
                Op::Store(i) => {
                    let v = pop(&mut vm.stack);
                    put(slot_mut!(i), v);
                }
                Op::Captured(i) => {
                    let v = closure.captured(i);
                    vm.stack.push(v);
                }
                Op::SelfFn => {
                    let v = vm.stack[fslot!()].clone();
                    vm.stack.push(v);
                }
                Op::Pop => release(pop(&mut vm.stack)),
                Op::Var(i) => {
                    let v = tri!(var_value(konst!(i)));
                    vm.stack.push(v);
                }
                Op::Jump(t) => {
                    // Loops jump back: a safe point.
                    if let Err(e) = interrupt::check() {
                        throw!(e);
                    }
                    pc = t as usize;
                }
                Op::JumpIfFalse(t) => {
                    let v = pop(&mut vm.stack);
                    if !v.truthy() {
                        pc = t as usize;
                    }
                    release(v);
                }
                Op::Call(argc) => {
                    let argc = argc as usize;
                    let fpos = vm.stack.len() - argc - 1;
                    let fv = std::mem::take(&mut vm.stack[fpos]);
                    call!(fv, argc, fpos);
                }
                Op::CallVar(var, argc) => {
                    let argc = argc as usize;
                    let fv = tri!(vm.vars.get(konst!(var)));
                    let ret = vm.stack.len() - argc;
                    call!(fv, argc, ret);
                }
                Op::CallSelf(ai, argc) => {
                    let at = vm.stack.len() - argc as usize;
                    let fv = vm.stack[fslot!()].clone_fast();
                    save_pc!();
                    tri!(push_frame(
                        &mut vm.stack,
                        &mut vm.frames,
                        closure,
                        fv,
                        at,
                        ai as usize,
                        at
                    ));
                    load_top!();
                }
                Op::Return => {
                    let v = pop(&mut vm.stack);
                    let Some(fr) = vm.frames.pop() else {
                        return Err(internal("no frame"));
                    };
                    // (this may drop the closure that ran: reload at once;
                    // a Caller's bottom frame, `ret` BORROWED, cuts nothing)
                    cut(&mut vm.stack, fr.ret);
                    if vm.frames.is_empty() {
                        return Ok(v);
                    }
                    vm.stack.push(v);
                    load_top!();
                }
                Op::MakeClosure(i) => {
                    let fs = fslot!();
                    let v = tri!(make_closure(closure, &vm.stack, base, fs, i as usize, None));
                    vm.stack.push(v);
                }
                Op::LetFnClosure(p, group) => {
                    let fs = fslot!();
                    let v = tri!(letfn_closure(closure, &vm.stack, base, fs, p, group));
                    vm.stack.push(v);
                }
                Op::TieLetFn(group) => tie_letfn_op(closure, &vm.stack, base, group),
                Op::DefRoot(i) => tri!(def_root(&mut vm.stack, konst!(i))),
                Op::DefMeta(i) => tri!(def_meta(&mut vm.stack, konst!(i))),
                Op::SetVar(i) => tri!(set_var(&mut vm.stack, konst!(i))),
                Op::Throw => throw!(throw_value(pop(&mut vm.stack))),
                Op::MakeVector(n) => tri!(make_coll(&mut vm.stack, n, Coll::Vector)),
                Op::MakeMap(n) => tri!(make_coll(&mut vm.stack, n, Coll::Map)),
                Op::MakeSet(n) => tri!(make_coll(&mut vm.stack, n, Coll::Set)),
                Op::WithMeta => tri!(with_meta(&mut vm.stack)),
                Op::Case(table, n) => pc += case_index(&mut vm.stack, konst!(table), n),
                Op::Host(i) => tri!(host_op(&mut vm.stack, closure, i)),
                Op::Prim(i) => slow!(prim_slow(site!(i), &mut vm.stack, base, consts, &mut pc)),
                Op::Branch(i) => slow!(branch_slow(
                    site!(i),
                    &mut vm.stack,
                    base,
                    consts,
                    code,
                    &mut pc
                )),
                Op::BrLtLL(a, b, i) => br_cmp!(slot!(a), slot!(b), i, <),
                Op::BrLtLC(a, b, i) => br_cmp!(slot!(a), konst!(b), i, <),
                Op::BrLeLL(a, b, i) => br_cmp!(slot!(a), slot!(b), i, <=),
                Op::BrLeLC(a, b, i) => br_cmp!(slot!(a), konst!(b), i, <=),
                Op::BrGtLL(a, b, i) => br_cmp!(slot!(a), slot!(b), i, >),
                Op::BrGtLC(a, b, i) => br_cmp!(slot!(a), konst!(b), i, >),
                Op::BrGeLL(a, b, i) => br_cmp!(slot!(a), slot!(b), i, >=),
                Op::BrGeLC(a, b, i) => br_cmp!(slot!(a), konst!(b), i, >=),
                Op::BrEqLL(a, b, i) => br_cmp!(slot!(a), slot!(b), i, ==),
                Op::BrEqLC(a, b, i) => br_cmp!(slot!(a), konst!(b), i, ==),
                Op::AddLL(a, b, i) => arith!(slot!(a), slot!(b), i, checked_add),
                Op::AddLC(a, b, i) => arith!(slot!(a), konst!(b), i, checked_add),
                Op::SubLL(a, b, i) => arith!(slot!(a), slot!(b), i, checked_sub),
                Op::SubLC(a, b, i) => arith!(slot!(a), konst!(b), i, checked_sub),
                Op::IncL(a, i) => arith1!(slot!(a), i, checked_add),
                Op::DecL(a, i) => arith1!(slot!(a), i, checked_sub),
                Op::Lookup(l, a, b, i) => {
                    let coll = slot!(a);
                    let r = match l {
                        Lookup::NthL | Lookup::NthLM => nth_fast(coll, slot!(b)),
                        Lookup::NthC | Lookup::NthCM => nth_fast(coll, konst!(b)),
                        Lookup::GetL | Lookup::GetLM => get_fast(coll, slot!(b)),
                        Lookup::GetC | Lookup::GetCM => get_fast(coll, konst!(b)),
                    };
                    match r {
                        Some(v) => {
                            if matches!(
                                l,
                                Lookup::NthLM | Lookup::NthCM | Lookup::GetLM | Lookup::GetCM
                            ) {
                                // locals clearing: the collection's last use
                                put(slot_mut!(a), Value::NIL);
                            }
                            if let Op::Store(s) = op_at!(pc) {
                                put(slot_mut!(s), v);
                                pc += 1;
                            } else {
                                vm.stack.push(v);
                            }
                        }
                        None => slow!(prim_slow(site!(i), &mut vm.stack, base, consts, &mut pc)),
                    }
                }
            }
        }
    }
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
        Prim::Nth => nth_fast(a, b).map(|v| Ok(arith::Fast::V(v))),
        // (`b` is the key; for KwGet the keyword constant)
        Prim::Get | Prim::KwGet => get_fast(a, b).map(|v| Ok(arith::Fast::V(v))),
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
        Prim::Add
        | Prim::Sub
        | Prim::Mul
        | Prim::Inc
        | Prim::Dec
        | Prim::Nth
        | Prim::Get
        | Prim::KwGet => None,
    }
}

/// `(nth v i)` on a vector with an index in range; None: call `nth`.
#[inline(always)]
fn nth_fast(coll: &Value, i: &Value) -> Option<Value> {
    let (View::Vector(v), Some(i)) = (coll.view(), i.as_long()) else {
        return None;
    };
    v.nth(usize::try_from(i).ok()?).cloned()
}

/// `(get m k)` on an array or hash map (nil when absent, as RT.get);
/// None: call `get` (or the keyword).
#[inline(always)]
fn get_fast(m: &Value, k: &Value) -> Option<Value> {
    // Other keys may hash by a user's hashCode (which may throw) or be
    // lazy seqs an array map realises first: the generic path does both.
    if !crate::runtime::hash::is_plain_key(k) {
        return None;
    }
    match m.view() {
        View::ArrayMap(m) => Some(m.get(k).cloned().unwrap_or_default()),
        View::HashMap(m) => Some(m.get(k).cloned().unwrap_or_default()),
        _ => None,
    }
}

/// `call_value` out of line, for the rare calls of fused ops' misses.
#[inline(never)]
fn call_value_cold(
    stack: &mut Vec<Value>,
    frames: &mut Vec<Frame>,
    fv: Value,
    argc: usize,
    ret: usize,
) -> Result<Called> {
    call_value(stack, frames, fv, argc, ret)
}

/// Intrinsic site `d`'s two operands (a unary site's second is its first,
/// or for `(:k m)` the keyword constant).
fn site_operands<'a>(
    d: &PrimCall,
    stack: &'a [Value],
    base: usize,
    consts: &'a [Value],
) -> (&'a Value, &'a Value) {
    let n = stack.len();
    let a = operand(d.a, n - d.on_stack as usize, stack, base, consts);
    let b = if d.binary {
        operand(d.b, n - 1, stack, base, consts)
    } else if d.prim == Prim::KwGet {
        &consts[d.var as usize]
    } else {
        a
    };
    (a, b)
}

/// A fused value op's miss: intrinsic site `d` the generic way (as
/// `Op::Prim`; `pc` skips a `Store` its result went to). Some((fv,
/// argc)): no fast path, call `fv` with the `argc` operands pushed.
#[inline(never)]
fn prim_slow(
    d: &PrimCall,
    stack: &mut Vec<Value>,
    base: usize,
    consts: &[Value],
    pc: &mut usize,
) -> Result<Option<(Value, usize)>> {
    let (binary, k) = (d.binary, d.on_stack as usize);
    let (a, b) = site_operands(d, stack, base, consts);
    match prim_value(d.prim, a, b) {
        Some(Ok(r)) => {
            finish_prim(d, binary, k, stack, base);
            match d.dst {
                Some(s) => {
                    put_fast(&mut stack[base + s as usize], r);
                    *pc += 1;
                }
                None => push_fast(stack, r),
            }
            Ok(None)
        }
        Some(Err(e)) => Err(e),
        None => prim_fallback(d, binary, k, stack, base, consts).map(Some),
    }
}

/// A fused compare-and-branch's miss: test site `d` the generic way (as
/// `Op::Branch`, `code[*pc]` being its `JumpIfFalse`).
#[inline(never)]
fn branch_slow(
    d: &PrimCall,
    stack: &mut Vec<Value>,
    base: usize,
    consts: &[Value],
    code: &[Op],
    pc: &mut usize,
) -> Result<Option<(Value, usize)>> {
    let (binary, k) = (d.binary, d.on_stack as usize);
    let (a, b) = site_operands(d, stack, base, consts);
    match prim_test(d.prim, a, b) {
        Some(t) => {
            finish_prim(d, binary, k, stack, base);
            if t {
                *pc += 1;
            } else if let Some(Op::JumpIfFalse(t)) = code.get(*pc) {
                *pc = *t as usize;
            }
            Ok(None)
        }
        None => prim_fallback(d, binary, k, stack, base, consts).map(Some),
    }
}

/// The fast path does not apply: push the operands for a normal call of
/// the var's current value. Returns that fn and the arg count.
#[cold]
fn prim_fallback(
    d: &PrimCall,
    binary: bool,
    k: usize,
    stack: &mut Vec<Value>,
    base: usize,
    consts: &[Value],
) -> Result<(Value, usize)> {
    let callee = &consts[d.var as usize];
    let f = match callee.view() {
        View::Var(_) => var_value(callee)?,
        // KwGet: the keyword itself
        _ => callee.clone(),
    };
    let mut stacked = stack.split_off(stack.len() - k).into_iter();
    let mut get = |s: Src, stack: &mut Vec<Value>| match s {
        Src::Stack => stacked.next().unwrap_or_default(),
        Src::Local(i) => stack[base + i as usize].clone(),
        Src::Move(i) => std::mem::take(&mut stack[base + i as usize]),
        Src::Const(i) => consts[i as usize].clone(),
    };
    let a = get(d.a, stack);
    let b = if binary { Some(get(d.b, stack)) } else { None };
    stack.push(a);
    stack.extend(b);
    // (with a fused destination, the `Store` after the op stores the result)
    Ok((f, 1 + binary as usize))
}
