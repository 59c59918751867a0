//! Instances: `load` (linking Clojure fns as host imports), `call`, `fn`,
//! fuel, traps, and the store access that lets code running inside a host
//! import use the calling instance again.
//!
//! A store is behind a mutex, held for the whole of a call from Clojure.
//! While a host import runs, its `Caller` (the store, lent by wasmi) is
//! registered on this thread, and `with_store` on the same instance uses it
//! instead of the mutex: that is how an import calls back into its guest or
//! reads its memory. Another thread waits for the mutex.

use super::check_arity;
use super::fuel::{Budget, call_sliced, is_interrupted};
use super::module::{compile, engine, ex_info};
use super::values::{from_val, kw, results_value, to_val, zero};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func::{self, invoke};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::HostObject;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use wasmi::{
    AsContextMut, Caller, Extern, ExternType, Func, FuncType, Memory, Module, Store,
    StoreContextMut, StoreLimits, StoreLimitsBuilder, TrapCode, Val, ValType,
};

const CLASS: &str = "cljw.wasm.Instance";

/// What a store holds besides wasm state.
pub(crate) struct HostState {
    /// The owning instance's id (see `Active`).
    id: u64,
    /// The Clojure fns linked as imports, by index.
    imports: Vec<Value>,
    /// The exception a host import threw, on its way out of the call.
    pending: Option<Exception>,
    limits: StoreLimits,
    /// The fuel not in the store yet.
    budget: Budget,
}

/// An exported function and its signature.
#[derive(Clone)]
pub(crate) struct Export {
    name: Ref<str>,
    func: Func,
    params: Ref<[ValType]>,
    results: Ref<[ValType]>,
}

pub(crate) struct WasmInstance {
    id: u64,
    pub(crate) module: Module,
    store: Lock<Store<HostState>>,
    funcs: HashMap<String, Export>,
    /// The exported memory (`memory`, else the first one exported).
    pub(crate) memory: Option<Memory>,
    metered: bool,
}

impl crate::runtime::object::ForeignObject for WasmInstance {}

/// The instance behind a value, if it is one.
pub(crate) fn as_instance(v: &Value) -> Option<&WasmInstance> {
    match v.view() {
        View::HostObject(o) => o.foreign::<WasmInstance>(),
        _ => None,
    }
}

/// The instance behind an argument, or a ClassCastException.
pub(crate) fn instance_arg(v: &Value) -> Result<&WasmInstance> {
    as_instance(v).ok_or_else(|| {
        Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(v.class_name(), CLASS),
        )
    })
}

pub(crate) fn instance_p(args: &[Value]) -> Result<Value> {
    check_arity("instance?", args, 1, 1)?;
    Ok(Value::bool(as_instance(&args[0]).is_some()))
}

thread_local! {
    /// The host imports running on this thread, innermost last: instance
    /// id and the import's `Caller` (type-erased).
    static ACTIVE: RefCell<Vec<(u64, *mut ())>> = const { RefCell::new(Vec::new()) };
}

/// Registers a running host import's `Caller` until dropped.
struct Active;

impl Active {
    fn enter(id: u64, caller: &mut Caller<'_, HostState>) -> Active {
        let ptr = std::ptr::from_mut(caller).cast::<()>();
        ACTIVE.with(|a| a.borrow_mut().push((id, ptr)));
        Active
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        ACTIVE.with(|a| {
            a.borrow_mut().pop();
        });
    }
}

fn active_caller(id: u64) -> Option<*mut ()> {
    ACTIVE.with(|a| {
        let a = a.borrow();
        a.iter().rev().find(|(i, _)| *i == id).map(|(_, p)| *p)
    })
}

/// Run `f` on the instance's store: the calling host import's when one of
/// this instance's imports is running on this thread, else the store itself.
pub(crate) fn with_store<R>(
    inst: &WasmInstance,
    f: impl FnOnce(StoreContextMut<'_, HostState>) -> R,
) -> R {
    if let Some(p) = active_caller(inst.id) {
        // SAFETY: `p` comes from the `&mut Caller` of a host import of this
        // instance that is still running on this thread (`Active` pops it
        // when the import returns). That import does not touch its Caller
        // until then, and the innermost entry is used, so this is the only
        // live access to the store; the reference does not outlive `f`.
        let caller = unsafe { &mut *p.cast::<Caller<'_, HostState>>() };
        return f(caller.as_context_mut());
    }
    let mut store = lock(&inst.store);
    f(store.as_context_mut())
}

fn opt(opts: &Value, key: &str) -> Result<Value> {
    if opts.is_nil() {
        return Ok(Value::NIL);
    }
    func::get(opts, &kw(key), Value::NIL)
}

/// A non-negative integer option, None when absent.
pub(crate) fn opt_u64(opts: &Value, key: &str) -> Result<Option<u64>> {
    let v = opt(opts, key)?;
    if v.is_nil() {
        return Ok(None);
    }
    match v.as_long().and_then(|n| u64::try_from(n).ok()) {
        Some(n) => Ok(Some(n)),
        None => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("cljw.wasm: :{key} must be a non-negative integer"),
        )),
    }
}

/// `imports[module][name]`, with string or keyword keys.
fn import_fn(imports: &Value, module: &str, name: &str) -> Result<Value> {
    let lookup = |m: &Value, k: &str| -> Result<Value> {
        if m.is_nil() {
            return Ok(Value::NIL);
        }
        let v = func::get(m, &Value::string(k), Value::NIL)?;
        if !v.is_nil() {
            return Ok(v);
        }
        func::get(m, &kw(k), Value::NIL)
    };
    lookup(&lookup(imports, module)?, name)
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// `(load src)` / `(load src opts)`: compile and instantiate a module.
pub(crate) fn load(args: &[Value]) -> Result<Value> {
    check_arity("load", args, 1, 2)?;
    let opts = args.get(1).cloned().unwrap_or(Value::NIL);
    let fuel = opt_u64(&opts, "fuel")?;
    let metered = fuel.is_some();
    let (module, _) = compile(&args[0])?;
    let mut limits = StoreLimitsBuilder::new();
    if let Some(n) = opt_u64(&opts, "max-memory-bytes")? {
        limits = limits.memory_size(usize::try_from(n).unwrap_or(usize::MAX));
    }
    if let Some(n) = opt_u64(&opts, "max-table-elements")? {
        limits = limits.table_elements(usize::try_from(n).unwrap_or(usize::MAX));
    }
    let id = next_id();
    let (budget, first_slice) = Budget::new(fuel);
    let state = HostState {
        id,
        imports: Vec::new(),
        pending: None,
        limits: limits.build(),
        budget,
    };
    let mut store = Store::new(engine(), state);
    store.limiter(|s| &mut s.limits);
    store.set_fuel(first_slice).map_err(|e| wasm_error(&e))?;
    let import_map = opt(&opts, "imports")?;
    let mut externs = Vec::new();
    for imp in module.imports() {
        let (m, n) = (imp.module(), imp.name());
        let ExternType::Func(ty) = imp.ty() else {
            return Err(Exception::new(
                ExClass::UnsupportedOperationException,
                format!(
                    "cljw.wasm: imported {m}.{n} is not a function; only functions can be imported"
                ),
            ));
        };
        let f = import_fn(&import_map, m, n)?;
        if f.is_nil() {
            return Err(ex_info(
                format!("wasm module imports {m}.{n}, which :imports does not provide"),
                "missing-import",
                vec![("module", Value::string(m)), ("name", Value::string(n))],
            ));
        }
        let idx = store.data().imports.len();
        store.data_mut().imports.push(f);
        externs.push(Extern::Func(host_func(
            &mut store,
            ty.clone(),
            idx,
            format!("{m}.{n}"),
        )));
    }
    let instance = match wasmi::Instance::new(&mut store, &module, &externs) {
        Ok(i) => i,
        Err(e) => return Err(call_error(store.data_mut(), &e)),
    };
    let mut funcs = HashMap::new();
    let mut memory = None;
    for e in module.exports() {
        match e.ty() {
            ExternType::Func(ty) => {
                if let Some(func) = instance.get_func(&store, e.name()) {
                    let export = Export {
                        name: Ref::from(e.name()),
                        func,
                        params: Ref::from(ty.params()),
                        results: Ref::from(ty.results()),
                    };
                    funcs.insert(e.name().to_string(), export);
                }
            }
            ExternType::Memory(_) if memory.is_none() || e.name() == "memory" => {
                memory = instance.get_memory(&store, e.name());
            }
            _ => {}
        }
    }
    let inst = WasmInstance {
        id,
        module,
        store: Lock::new(store),
        funcs,
        memory,
        metered,
    };
    Ok(Value::from(Ref::new(HostObject::Foreign(
        CLASS,
        Box::new(inst),
    ))))
}

/// The wasm function for import number `idx`: calls the Clojure fn with
/// the wasm arguments and converts its return value to the results.
fn host_func(store: &mut Store<HostState>, ty: FuncType, idx: usize, name: String) -> Func {
    let result_types: Box<[ValType]> = ty.results().into();
    Func::new(store, ty, move |mut caller, params, results| {
        let f = caller.data().imports[idx].clone();
        let id = caller.data().id;
        let outcome = {
            let _active = Active::enter(id, &mut caller);
            invoke_with_vals(&f, params).and_then(|v| set_results(&name, &result_types, v, results))
        };
        outcome.map_err(|e| {
            caller.data_mut().pending = Some(e);
            wasmi::Error::new("a cljw.wasm host import threw")
        })
    })
}

/// Call `f` with wasm values as Clojure ones (on the stack when few).
fn invoke_with_vals(f: &Value, params: &[Val]) -> Result<Value> {
    if params.len() > INLINE {
        let args: Vec<Value> = params.iter().map(from_val).collect();
        return invoke(f, &args);
    }
    let mut args = [const { Value::NIL }; INLINE];
    for (slot, p) in args.iter_mut().zip(params) {
        *slot = from_val(p);
    }
    invoke(f, &args[..params.len()])
}

/// A host import's return value as its results: ignored for none, the
/// value for one, a seqable of exactly n values for several.
fn set_results(name: &str, types: &[ValType], v: Value, out: &mut [Val]) -> Result<()> {
    match types {
        [] => Ok(()),
        [t] => {
            out[0] = to_val(*t, &v)?;
            Ok(())
        }
        _ => {
            let items: Vec<Value> = seq::iter(&v).collect::<Result<_>>()?;
            if items.len() != types.len() {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    format!(
                        "cljw.wasm: host import {name} must return {} values, got {}",
                        types.len(),
                        items.len()
                    ),
                ));
            }
            for ((slot, t), x) in out.iter_mut().zip(types).zip(&items) {
                *slot = to_val(*t, x)?;
            }
            Ok(())
        }
    }
}

/// Up to this many params or results live on the stack during a call.
const INLINE: usize = 8;

/// Call an export with Clojure arguments.
pub(crate) fn call_export(inst: &WasmInstance, ex: &Export, args: &[Value]) -> Result<Value> {
    let (np, nr) = (ex.params.len(), ex.results.len());
    if args.len() != np {
        return Err(Exception::new(
            ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: wasm export {} (takes {np})",
                args.len(),
                ex.name
            ),
        ));
    }
    if np > INLINE || nr > INLINE {
        let params = ex
            .params
            .iter()
            .zip(args)
            .map(|(t, a)| to_val(*t, a))
            .collect::<Result<Vec<Val>>>()?;
        let mut results: Vec<Val> = ex.results.iter().map(|t| zero(*t)).collect();
        return run_call(inst, ex, &params, &mut results);
    }
    let mut params = [const { Val::I32(0) }; INLINE];
    for ((slot, t), a) in params.iter_mut().zip(ex.params.iter()).zip(args) {
        *slot = to_val(*t, a)?;
    }
    let mut results = [const { Val::I32(0) }; INLINE];
    for (slot, t) in results.iter_mut().zip(ex.results.iter()) {
        *slot = zero(*t);
    }
    run_call(inst, ex, &params[..np], &mut results[..nr])
}

fn run_call(
    inst: &WasmInstance,
    ex: &Export,
    params: &[Val],
    results: &mut [Val],
) -> Result<Value> {
    with_store(inst, |mut ctx| {
        match call_sliced(ctx.as_context_mut(), &ex.func, params, results, |s| {
            &mut s.budget
        }) {
            Ok(()) => Ok(results_value(results)),
            Err(e) => Err(call_error(ctx.data_mut(), &e)),
        }
    })
}

fn export<'a>(inst: &'a WasmInstance, name: &Value) -> Result<&'a Export> {
    let s = match name.view() {
        View::Str(s) => s.as_str(),
        View::Keyword(k) => k.name(),
        View::Symbol(s) => s.name(),
        _ => {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!(
                    "cljw.wasm: an export name is a string, not {}",
                    name.class_name()
                ),
            ));
        }
    };
    inst.funcs.get(s).ok_or_else(|| {
        Exception::new(
            ExClass::IllegalArgumentException,
            format!("wasm module has no exported function \"{s}\""),
        )
    })
}

/// `(call inst name & args)`.
pub(crate) fn call(args: &[Value]) -> Result<Value> {
    if args.len() < 2 {
        return check_arity("call", args, 2, usize::MAX).map(|()| Value::NIL);
    }
    let inst = instance_arg(&args[0])?;
    call_export(inst, export(inst, &args[1])?, &args[2..])
}

/// `(fn inst name)`: the export as a Clojure fn.
pub(crate) fn export_fn(args: &[Value]) -> Result<Value> {
    check_arity("fn", args, 2, 2)?;
    let inst_value = args[0].clone();
    let ex = export(instance_arg(&inst_value)?, &args[1])?.clone();
    let name = format!("cljw.wasm/fn:{}", ex.name);
    Ok(Value::native_closure(
        &name,
        move |args| match as_instance(&inst_value) {
            Some(inst) => call_export(inst, &ex, args),
            None => Err(Exception::new(
                ExClass::IllegalStateException,
                "not a wasm instance",
            )),
        },
    ))
}

/// `(fuel inst)`: the fuel left, nil when the instance has no budget.
pub(crate) fn fuel(args: &[Value]) -> Result<Value> {
    check_arity("fuel", args, 1, 1)?;
    let inst = instance_arg(&args[0])?;
    if !inst.metered {
        return Ok(Value::NIL);
    }
    let left = with_store(inst, |ctx| {
        let in_store = ctx.get_fuel()?;
        Ok::<_, wasmi::Error>(ctx.data().budget.left(in_store))
    })
    .map_err(|e| wasm_error(&e))?;
    Ok(left.map_or(Value::NIL, |n| {
        Value::long(i64::try_from(n).unwrap_or(i64::MAX))
    }))
}

/// `(add-fuel! inst n)`: add to the budget; returns the fuel now left.
pub(crate) fn add_fuel(args: &[Value]) -> Result<Value> {
    check_arity("add-fuel!", args, 2, 2)?;
    let inst = instance_arg(&args[0])?;
    let n = match args[1].as_long().and_then(|n| u64::try_from(n).ok()) {
        Some(n) => n,
        None => {
            return crate::runtime::error::err::illegal_arg(
                "cljw.wasm/add-fuel!: fuel must be a non-negative integer",
            );
        }
    };
    if !inst.metered {
        return crate::runtime::error::err::illegal_state(
            "cljw.wasm/add-fuel!: the instance was loaded without :fuel, so it is not metered",
        );
    }
    let left = with_store(inst, |mut ctx| {
        let in_store = ctx.get_fuel()?;
        Ok::<_, wasmi::Error>(ctx.data_mut().budget.add(n, in_store))
    })
    .map_err(|e| wasm_error(&e))?;
    Ok(left.map_or(Value::NIL, |n| {
        Value::long(i64::try_from(n).unwrap_or(i64::MAX))
    }))
}

/// The exception for a failed call or instantiation: the one a host import
/// threw, else a trap or wasmi error as ex-info.
pub(crate) fn call_error(state: &mut HostState, e: &wasmi::Error) -> Exception {
    match state.pending.take() {
        Some(ex) => ex,
        None => wasm_error(e),
    }
}

/// A trap as `{:type :wasm/trap :trap :kind}`, other wasmi errors as
/// `{:type :wasm/error}`; both carry wasmi's message.
pub(crate) fn wasm_error(e: &wasmi::Error) -> Exception {
    let (msg, ty, data) = error_parts(e);
    ex_info(msg, ty, data)
}

/// The message, `:type` and data of `wasm_error`'s exception.
pub(crate) fn error_parts(e: &wasmi::Error) -> (String, &'static str, Vec<(&'static str, Value)>) {
    let msg = e.to_string();
    if is_interrupted(e) {
        return (
            "wasm trap: interrupted".to_string(),
            "trap",
            vec![("trap", kw("interrupted")), ("message", Value::string(msg))],
        );
    }
    match e.as_trap_code() {
        Some(code) => (
            format!("wasm trap: {msg}"),
            "trap",
            vec![
                ("trap", kw(trap_name(code))),
                ("message", Value::string(msg)),
            ],
        ),
        None => (
            format!("wasm error: {msg}"),
            "error",
            vec![("message", Value::string(msg))],
        ),
    }
}

fn trap_name(code: TrapCode) -> &'static str {
    match code {
        TrapCode::UnreachableCodeReached => "unreachable",
        TrapCode::MemoryOutOfBounds => "memory-out-of-bounds",
        TrapCode::TableOutOfBounds => "table-out-of-bounds",
        TrapCode::IndirectCallToNull => "indirect-call-to-null",
        TrapCode::IntegerDivisionByZero => "div-by-zero",
        TrapCode::IntegerOverflow => "integer-overflow",
        TrapCode::BadConversionToInteger => "bad-conversion-to-integer",
        TrapCode::StackOverflow => "stack-overflow",
        TrapCode::BadSignature => "bad-signature",
        TrapCode::OutOfFuel => "out-of-fuel",
        TrapCode::GrowthOperationLimited => "growth-limited",
        _ => "other",
    }
}
