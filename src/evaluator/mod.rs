//! LAYER 1: the tree-walking evaluator, the reference backend. Runs `Node`s
//! directly; `recur` sets a flag that the enclosing loop or fn body checks.

use crate::analyzer::Tree;
use crate::analyzer::node::*;
use crate::runtime::error::{ExClass, Exception, Frame as TraceFrame, Result};
use crate::runtime::func::Capture;
use crate::runtime::func::{self, Fn, FnKind};
use crate::runtime::gc::Ref;
use crate::runtime::host;
use crate::runtime::seq::ArraySeq;
use crate::runtime::value::{Value, View};
use crate::runtime::{lookup, stack};

/// A closure made by this backend: its code (a fn node of a tree, by id) and
/// its captured values. Captures are write-once cells so `letfn` can tie
/// mutually recursive fns after creating them.
#[derive(Clone)]
pub struct TreeClosure {
    tree: Ref<Tree>,
    fn_id: u32,
    captured: Box<[Capture]>,
}

struct Frame<'f> {
    slots: Vec<Value>,
    tree: &'f Ref<Tree>,
    captured: &'f [Capture],
    self_fn: &'f Value,
    recur: bool,
    /// Where in this frame's code the exception now unwinding was raised:
    /// the innermost positioned node it passed through, as the VM reports
    /// the failing instruction's position (the call's line, not the fn's).
    err_pos: Option<Pos>,
}

/// Evaluate an analyzed top-level form.
pub fn eval_tree(tree: &Ref<Tree>) -> Result<Value> {
    let root = tree.root();
    let Some(arity) = root.arities.first() else {
        return Ok(Value::NIL);
    };
    let mut frame = Frame {
        slots: vec![Value::NIL; arity.frame_size as usize],
        tree,
        captured: &[],
        self_fn: &Value::NIL,
        recur: false,
        err_pos: None,
    };
    // Top-level code runs as a fn of its own (`ns/evalN`), as on the JVM.
    eval(arity.body, &mut frame).map_err(|e| with_frame(e, root, frame.err_pos))
}

impl TreeClosure {
    /// `ns/name` of its fn.
    pub fn name(&self) -> &str {
        self.tree.fn_node(self.fn_id).map_or("fn", |f| f.debug_name)
    }
    /// Its captured values (traced by the cycle collector).
    pub fn captures(&self) -> &[Capture] {
        &self.captured
    }
}

/// Invoke a closure of this backend (called through the runtime's hook).
pub fn invoke_closure(fv: &Value, c: &TreeClosure, args: &[Value]) -> Result<Value> {
    let Some(fnode) = c.tree.fn_node(c.fn_id) else {
        return Err(Exception::new(
            ExClass::IllegalStateException,
            "bad closure",
        ));
    };
    let Some(arity) = select_arity(fnode.arities, args.len()) else {
        return Err(arity_error(fnode.debug_name, args.len()));
    };
    let req = arity.required as usize;
    let rest = arity
        .variadic
        .then(|| ArraySeq::value(args[req..].to_vec()));
    run_arity(fv, c, fnode, arity, &args[..req], rest)
}

/// The fixed-param count of a closure's variadic arity, if it has one.
pub fn variadic_required(c: &TreeClosure) -> Option<usize> {
    let fnode = c.tree.fn_node(c.fn_id)?;
    let a = fnode.arities.iter().find(|a| a.variadic)?;
    Some(a.required as usize)
}

/// Call a closure's variadic arity with its rest param bound to `rest` as
/// it is (`apply`: the seq stays unrealised).
pub fn invoke_closure_rest(
    fv: &Value,
    c: &TreeClosure,
    fixed: &[Value],
    rest: Value,
) -> Result<Value> {
    let Some(fnode) = c.tree.fn_node(c.fn_id) else {
        return Err(Exception::new(
            ExClass::IllegalStateException,
            "bad closure",
        ));
    };
    let Some(arity) = fnode.arities.iter().find(|a| a.variadic) else {
        return Err(arity_error(fnode.debug_name, fixed.len() + 1));
    };
    run_arity(fv, c, fnode, arity, fixed, Some(rest))
}

/// Run one arity with its fixed params and (variadic) packed rest param.
/// Inlined: one Rust frame per Clojure call keeps deep recursion within
/// the wasm32 native stack.
#[inline(always)]
fn run_arity(
    fv: &Value,
    c: &TreeClosure,
    fnode: &FnNode<'_>,
    arity: &Arity<'_>,
    fixed: &[Value],
    rest: Option<Value>,
) -> Result<Value> {
    let _guard = stack::enter()?;
    crate::runtime::interrupt::check()?;
    let mut slots = Vec::with_capacity(arity.frame_size as usize);
    slots.extend_from_slice(fixed);
    if let Some(r) = rest {
        slots.push(r);
    }
    slots.resize(arity.frame_size as usize, Value::NIL);
    let mut frame = Frame {
        slots,
        tree: &c.tree,
        captured: &c.captured,
        self_fn: fv,
        recur: false,
        err_pos: None,
    };
    loop {
        let v = eval(arity.body, &mut frame).map_err(|e| with_frame(e, fnode, frame.err_pos))?;
        if frame.recur {
            frame.recur = false;
            continue;
        }
        return Ok(v);
    }
}

/// Record the frame of fn `f` an exception unwinds through, at `pos` (where
/// it was raised in `f`'s code), else the fn's own position.
fn with_frame(e: Exception, f: &FnNode<'_>, pos: Option<Pos>) -> Exception {
    let pos = pos.unwrap_or(f.pos);
    e.push_frame(TraceFrame {
        name: f.debug_name.to_string(),
        file: f.file.map(str::to_string),
        line: pos.line,
        column: pos.column,
    });
    e
}

/// The arity taking `n` args: an exact fixed arity first, else the
/// variadic one when `n` covers its required params.
pub fn select_arity<'t>(arities: &'t [Arity<'t>], n: usize) -> Option<&'t Arity<'t>> {
    arities
        .iter()
        .find(|a| !a.variadic && a.required as usize == n)
        .or_else(|| {
            arities
                .iter()
                .find(|a| a.variadic && n >= a.required as usize)
        })
}

pub use crate::runtime::func::arity_error;

fn var_of(tree: &Tree, id: ConstId) -> Result<&crate::runtime::var::Var> {
    match tree.constant(id).view() {
        View::Var(v) => Ok(v),
        _ => Err(Exception::new(
            ExClass::IllegalStateException,
            "expected a var",
        )),
    }
}

fn eval_all(nodes: &[Node<'_>], frame: &mut Frame<'_>) -> Result<Vec<Value>> {
    let mut out = Vec::with_capacity(nodes.len());
    for n in nodes {
        out.push(eval(n, frame)?);
    }
    Ok(out)
}

fn make_closure(f: &FnNode<'_>, frame: &Frame<'_>, deferred: &[u32]) -> Value {
    let captured: Box<[Capture]> = f
        .captures
        .iter()
        .map(|src| {
            Capture::Fixed(match *src {
                CaptureSource::Local(s) if deferred.contains(&s) => return Capture::untied(),
                CaptureSource::Local(s) => frame.slots[s as usize].clone(),
                CaptureSource::Captured(i) => captured_value(frame, i),
                CaptureSource::SelfFn => frame.self_fn.clone(),
            })
        })
        .collect();
    let body = TreeClosure {
        tree: frame.tree.clone(),
        fn_id: f.id,
        captured,
    };
    let v = Value::from(Ref::new(Fn::new(None, FnKind::Tree(body))));
    // A letfn fn is tied to its siblings later: a cycle to collect.
    if !deferred.is_empty() {
        crate::runtime::cycle::register(&v);
    }
    v
}

#[inline]
fn captured_value(frame: &Frame<'_>, i: u32) -> Value {
    frame
        .captured
        .get(i as usize)
        .map(Capture::get)
        .unwrap_or(Value::NIL)
}

/// Evaluate `n`; an error keeps the position of the innermost positioned
/// node it came through (the compiler attributes an instruction to the
/// innermost positioned form around it the same way).
#[inline(always)]
fn eval(n: &Node<'_>, frame: &mut Frame<'_>) -> Result<Value> {
    let r = eval_node(n, frame);
    if r.is_err() && frame.err_pos.is_none() && n.pos.line != 0 {
        frame.err_pos = Some(n.pos);
    }
    r
}

fn eval_node(n: &Node<'_>, frame: &mut Frame<'_>) -> Result<Value> {
    match &n.kind {
        NodeKind::Const(id) => Ok(frame.tree.constant(*id).clone()),
        NodeKind::Local(r) => {
            let slot = &mut frame.slots[r.slot as usize];
            Ok(if r.last_use.get() {
                std::mem::take(slot)
            } else {
                slot.clone()
            })
        }
        NodeKind::Captured(i) => Ok(captured_value(frame, *i)),
        NodeKind::SelfFn => Ok(frame.self_fn.clone()),
        NodeKind::Var(id) => var_of(frame.tree, *id)?.deref(),
        NodeKind::TheVar(id) => Ok(frame.tree.constant(*id).clone()),
        NodeKind::If(t, a, b) => {
            if eval(t, frame)?.truthy() {
                eval(a, frame)
            } else {
                eval(b, frame)
            }
        }
        NodeKind::Do(nodes) => {
            let (last, init) = match nodes.split_last() {
                Some(x) => x,
                None => return Ok(Value::NIL),
            };
            for s in init {
                eval(s, frame)?;
            }
            eval(last, frame)
        }
        NodeKind::Let(binds, body) => {
            for b in binds.iter() {
                let v = eval(b.init, frame)?;
                frame.slots[b.slot as usize] = v;
            }
            eval(body, frame)
        }
        NodeKind::Loop(binds, body) => {
            for b in binds.iter() {
                let v = eval(b.init, frame)?;
                frame.slots[b.slot as usize] = v;
            }
            loop {
                let v = eval(body, frame)?;
                if frame.recur {
                    frame.recur = false;
                    crate::runtime::interrupt::check()?;
                    continue;
                }
                return Ok(v);
            }
        }
        NodeKind::Recur(args, slots) => {
            let vals = eval_all(args, frame)?;
            for (v, s) in vals.into_iter().zip(slots.iter()) {
                frame.slots[*s as usize] = v;
            }
            frame.recur = true;
            Ok(Value::NIL)
        }
        NodeKind::Fn(f) => Ok(make_closure(f, frame, &[])),
        NodeKind::LetFn(binds, body) => {
            let slots: Vec<u32> = binds.iter().map(|b| b.slot).collect();
            for b in binds.iter() {
                let v = match &b.init.kind {
                    NodeKind::Fn(f) => make_closure(f, frame, &slots),
                    _ => eval(b.init, frame)?,
                };
                frame.slots[b.slot as usize] = v;
            }
            // Tie the knot: fill the captures that refer to letfn slots.
            for b in binds.iter() {
                if let (NodeKind::Fn(f), View::Fn(fnobj)) =
                    (&b.init.kind, frame.slots[b.slot as usize].view())
                    && let FnKind::Tree(tc) = &fnobj.kind
                {
                    for (i, src) in f.captures.iter().enumerate() {
                        if let CaptureSource::Local(s) = src
                            && slots.contains(s)
                        {
                            tc.captured[i].tie(frame.slots[*s as usize].clone());
                        }
                    }
                }
            }
            eval(body, frame)
        }
        NodeKind::Invoke(f, args) => {
            let fv = eval(f, frame)?;
            let mut argv = eval_all(args, frame)?;
            if let View::Fn(fnobj) = fv.view() {
                match &fnobj.kind {
                    FnKind::NativeOwned(p) => return p(&mut argv),
                    FnKind::Tree(tc) => return invoke_closure(&fv, tc, &argv),
                    _ => return func::call_fn(&fv, fnobj, &mut argv),
                }
            }
            func::invoke(&fv, &argv)
        }
        NodeKind::Def { var, init, meta } => {
            let v = var_of(frame.tree, *var)?;
            if let Some(i) = init {
                let val = eval(i, frame)?;
                v.set_root(frame.tree.constant(*var), val)?;
            }
            if let Some(m) = meta {
                let mv = eval(m, frame)?;
                if lookup::get(&mv, &Value::keyword(None, "dynamic")).truthy() {
                    v.set_dynamic(true);
                }
                v.set_meta(mv);
            }
            Ok(frame.tree.constant(*var).clone())
        }
        NodeKind::SetVar(var, val) => {
            let x = eval(val, frame)?;
            var_of(frame.tree, *var)?.set(x)
        }
        NodeKind::Throw(x) => {
            let v = eval(x, frame)?;
            match crate::runtime::types::throwable(&v) {
                Some(e) => Err(e),
                None => Err(Exception::new(
                    ExClass::ClassCastException,
                    format!(
                        "class {} cannot be cast to class java.lang.Throwable",
                        v.class_name()
                    ),
                )),
            }
        }
        NodeKind::Try {
            body,
            catches,
            finally,
        } => {
            let r = match eval(body, frame) {
                Err(e) => match catches.iter().find(|c| e.class().is_a(c.class)) {
                    Some(c) => {
                        frame.err_pos = None;
                        // Caught where it was thrown: the throw site is its
                        // first stack-trace element (as on the VM).
                        if crate::runtime::gc::lock(&e.obj().trace).is_empty() {
                            e.push_frame(TraceFrame {
                                name: match frame.self_fn.view() {
                                    View::Fn(f) => f.name().unwrap_or("eval").to_string(),
                                    _ => "eval".to_string(),
                                },
                                file: None,
                                line: 0,
                                column: 0,
                            });
                        }
                        frame.slots[c.slot as usize] = Value::from(e);
                        eval(c.body, frame)
                    }
                    None => Err(e),
                },
                ok => ok,
            };
            if let Some(f) = finally {
                eval(f, frame)?;
            }
            r
        }
        NodeKind::Vector(items) => Ok(Value::vector(eval_all(items, frame)?)),
        NodeKind::Set(items) => Value::set_literal(eval_all(items, frame)?),
        NodeKind::Map(items) => Value::map_literal(eval_all(items, frame)?),
        NodeKind::WithMeta(e, m) => {
            let v = eval(e, frame)?;
            let mv = eval(m, frame)?;
            crate::runtime::meta::with_meta(&v, mv)
        }
        NodeKind::Case(c) => {
            let v = eval(c.expr, frame)?;
            let idx = lookup::get(frame.tree.constant(c.table), &v);
            match idx.as_long().and_then(|i| c.thens.get(i as usize)) {
                Some(t) => eval(t, frame),
                None => eval(c.default, frame),
            }
        }
        NodeKind::Monitor(enter, x) => {
            let x = eval(x, frame)?;
            if *enter {
                crate::runtime::monitor::enter(&x)?;
            } else {
                crate::runtime::monitor::exit(&x)?;
            }
            Ok(Value::NIL)
        }
        NodeKind::New(class, args) => {
            let a = eval_all(args, frame)?;
            host::new_instance(class.def, class.name, &a)
        }
        NodeKind::InstanceCall(m, t, args) => {
            let target = eval(t, frame)?;
            let a = eval_all(args, frame)?;
            host::call_method(&target, m, &a)
        }
        NodeKind::StaticCall(c, m, args) => {
            let a = eval_all(args, frame)?;
            host::call_static(c.def, c.name, m, &a)
        }
        NodeKind::StaticField(c, f) => host::get_static(c.def, c.name, f),
    }
}
