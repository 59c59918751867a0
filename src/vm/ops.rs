//! The VM's out-of-line op bodies: collection literals, def/set!/meta,
//! case tables, host calls, closure creation and letfn tying. Kept out of
//! the dispatch loop so its hot ops stay small.

use super::*;

/// The kind of collection a literal op builds.
pub(super) enum Coll {
    Vector,
    Map,
    Set,
}

/// `MakeVector`/`MakeMap`/`MakeSet`: the top `n` values become the coll.
#[inline(never)]
pub(super) fn make_coll(stack: &mut Vec<Value>, n: u32, kind: Coll) -> Result<()> {
    let at = stack.len().saturating_sub(n as usize);
    let v = match kind {
        Coll::Vector => Value::vector(stack.split_off(at)),
        Coll::Map => Value::map_literal(stack.drain(at..))?,
        Coll::Set => Value::set_literal(stack.split_off(at))?,
    };
    stack.push(v);
    Ok(())
}

/// `DefRoot`: bind the root of var `this` to the popped value.
#[cold]
#[inline(never)]
pub(super) fn def_root(stack: &mut Vec<Value>, this: &Value) -> Result<()> {
    let v = pop(stack);
    match this.view() {
        View::Var(var) => var.set_root(this, v),
        _ => Err(internal("expected a var")),
    }
}

/// `DefMeta`: set the var's metadata (and `:dynamic`) to the popped map.
#[cold]
#[inline(never)]
pub(super) fn def_meta(stack: &mut Vec<Value>, this: &Value) -> Result<()> {
    let m = pop(stack);
    match this.view() {
        View::Var(var) => {
            if lookup::get(&m, &Value::keyword(None, "dynamic")).truthy() {
                var.set_dynamic(true);
            }
            var.set_meta(m);
            Ok(())
        }
        _ => Err(internal("expected a var")),
    }
}

/// `SetVar`: `set!` of the thread binding; the value stays pushed.
#[cold]
#[inline(never)]
pub(super) fn set_var(stack: &mut Vec<Value>, this: &Value) -> Result<()> {
    let v = pop(stack);
    let r = match this.view() {
        View::Var(var) => var.set(v),
        _ => Err(internal("expected a var")),
    };
    stack.push(r?);
    Ok(())
}

/// `WithMeta`: `[v meta] -> [v']`.
#[inline(never)]
pub(super) fn with_meta(stack: &mut Vec<Value>) -> Result<()> {
    let m = pop(stack);
    let v = pop(stack);
    stack.push(crate::runtime::meta::with_meta(&v, m)?);
    Ok(())
}

/// `Case`: pop the value and give how many ops ahead its jump is.
#[inline(never)]
pub(super) fn case_index(stack: &mut Vec<Value>, table: &Value, n: u16) -> usize {
    let v = pop(stack);
    match lookup::get(table, &v).as_long() {
        Some(i) if (0..n as i64).contains(&i) => i as usize,
        _ => n as usize,
    }
}

/// `Host(i)` of the running closure.
#[inline(never)]
pub(super) fn host_op(stack: &mut Vec<Value>, closure: &Closure, i: u32) -> Result<()> {
    match closure.proto.hosts.get(i as usize) {
        Some(h) => host_call(stack, h),
        None => Err(internal("bad host op")),
    }
}

/// `LetFnClosure`: a closure of proto `p` whose captures of letfn group
/// `group`'s slots wait for `TieLetFn`.
#[cold]
#[inline(never)]
pub(super) fn letfn_closure(
    closure: &Closure,
    stack: &[Value],
    base: usize,
    fslot: usize,
    p: u16,
    group: u16,
) -> Result<Value> {
    let group = closure.proto.letfn_groups.get(group as usize).map(|g| &**g);
    make_closure(closure, stack, base, fslot, p as usize, group)
}

/// `TieLetFn`.
#[cold]
#[inline(never)]
pub(super) fn tie_letfn_op(closure: &Closure, stack: &[Value], base: usize, group: u32) {
    if let Some(g) = closure.proto.letfn_groups.get(group as usize) {
        tie_letfn(stack, base, g);
    }
}

/// A closure of `parent.proto.protos[idx]`, capturing from the running
/// frame (`fslot`: its fn value). Captures of slots in `deferred` (a
/// letfn group) stay empty. Two allocations: the fn and its captures.
pub(super) fn make_closure(
    parent: &Closure,
    stack: &[Value],
    base: usize,
    fslot: usize,
    idx: usize,
    deferred: Option<&[u32]>,
) -> Result<Value> {
    let Some(proto) = parent.proto.protos.get(idx) else {
        return Err(internal("bad proto"));
    };
    let captured: Box<[Capture]> = proto
        .captures
        .iter()
        .map(|src| {
            Capture::Fixed(match *src {
                CaptureSource::Local(s) => {
                    if deferred.is_some_and(|g| g.contains(&s)) {
                        return Capture::untied();
                    }
                    stack[base + s as usize].clone()
                }
                CaptureSource::Captured(i) => parent.captured(i),
                CaptureSource::SelfFn => stack[fslot].clone(),
            })
        })
        .collect();
    let v = closure_value(Closure {
        proto: proto.clone(),
        captured,
    });
    // A letfn fn is tied to its siblings later: a cycle to collect.
    if deferred.is_some() {
        crate::runtime::cycle::register(&v);
    }
    Ok(v)
}

/// Fill the captures that letfn closures have of the group's slots, now
/// that every slot holds its fn.
pub(super) fn tie_letfn(stack: &[Value], base: usize, group: &[u32]) {
    for &slot in group {
        if let View::Fn(f) = stack[base + slot as usize].view()
            && let FnKind::Bytecode(vc) = &f.kind
        {
            for (i, src) in vc.proto.captures.iter().enumerate() {
                if let CaptureSource::Local(s) = src
                    && group.contains(s)
                    && let Some(cell) = vc.captured.get(i)
                {
                    cell.tie(stack[base + *s as usize].clone());
                }
            }
        }
    }
}

/// Run a host-interop op: pops its operands, pushes the result.
#[cold]
pub(super) fn host_call(stack: &mut Vec<Value>, h: &HostCall) -> Result<()> {
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
