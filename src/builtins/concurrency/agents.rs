//! Agents: agent send send-off send-via await await-for agent-error
//! agent-errors restart-agent set-error-handler! error-handler
//! set-error-mode! error-mode clear-agent-errors shutdown-agents
//! release-pending-sends (and the `*agent*` var, see mod.rs).

use super::{cast, null_target};
#[cfg(feature = "threads")]
use super::{option, options};
use crate::builtins::{Def, check_arity};
use crate::runtime::agent::Agent;
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[
    Def::f("agent", agent),
    Def::f("send", send),
    Def::f("send-off", send_off),
    Def::f("send-via", send_via),
    Def::f("await", await_),
    Def::f("await-for", await_for),
    Def::f("agent-error", agent_error),
    Def::f("agent-errors", agent_errors),
    Def::f("restart-agent", restart_agent),
    Def::f("clear-agent-errors", clear_agent_errors),
    Def::f("set-error-handler!", set_error_handler),
    Def::f("error-handler", error_handler),
    Def::f("set-error-mode!", set_error_mode),
    Def::f("error-mode", error_mode),
    Def::f("shutdown-agents", shutdown_agents),
    Def::f("release-pending-sends", release_pending_sends),
];

/// The agent argument; `method` is the Agent method the JVM calls (for its
/// nil message).
fn agent_arg(v: &Value, method: &str) -> Result<Ref<Agent>> {
    match v.as_agent() {
        Some(a) => Ok(a),
        None if v.is_nil() => null_target(&format!("clojure.lang.Agent.{method}"), "a"),
        None => cast(v, "clojure.lang.Agent"),
    }
}

fn is_ifn(v: &Value) -> bool {
    crate::builtins::classes::is_instance("clojure.lang.IFn", v)
}

/// `(agent state & {:keys [meta validator error-handler error-mode]})`.
#[cfg(feature = "threads")]
fn agent(args: &[Value]) -> Result<Value> {
    check_arity("agent", args, 1, None)?;
    let v = crate::runtime::agent::make(args[0].clone());
    let Some(a) = v.as_agent() else {
        return Ok(v);
    };
    let opts = options(&args[1..])?;
    if let Some(m) = option(&opts, "meta").filter(|m| m.truthy()) {
        if !crate::runtime::equality::is_map(&m) {
            return cast(&m, "clojure.lang.IPersistentMap");
        }
        a.base().set_meta(m);
    }
    if let Some(f) = option(&opts, "validator").filter(|f| f.truthy()) {
        if !is_ifn(&f) {
            return cast(&f, "clojure.lang.IFn");
        }
        a.base().set_validator(Some(f), &args[0])?;
    }
    let handler = option(&opts, "error-handler").filter(|f| f.truthy());
    if let Some(h) = &handler {
        if !is_ifn(h) {
            return cast(h, "clojure.lang.IFn");
        }
        a.set_error_handler(Some(h.clone()));
    }
    let mode = match option(&opts, "error-mode").filter(|m| m.truthy()) {
        Some(m) => m,
        None if handler.is_some() => Value::keyword(None, "continue"),
        None => Value::keyword(None, "fail"),
    };
    if mode.as_keyword().is_none() {
        return cast(&mode, "clojure.lang.Keyword");
    }
    a.set_error_mode(mode);
    Ok(v)
}

#[cfg(not(feature = "threads"))]
fn agent(args: &[Value]) -> Result<Value> {
    check_arity("agent", args, 1, None)?;
    // The options are checked first, as the JVM's agent reads them before
    // anything else can fail.
    super::options(&args[1..])?;
    super::no_threads("agent")
}

/// send-via's core: `(.dispatch a (binding [*agent* a]
/// (binding-conveyor-fn f)) args executor)`.
#[cfg(feature = "threads")]
fn dispatch(a: &Value, f: &Value, args: &[Value], solo: bool) -> Result<Value> {
    let agent = agent_arg(
        a,
        "dispatch(clojure.lang.IFn, clojure.lang.ISeq, java.util.concurrent.Executor)",
    )?;
    let var = crate::builtins::lang::core_var("*agent*");
    let conveyed = super::binding_conveyor(f.clone(), var.map(|v| (v, a.clone())));
    let action = crate::runtime::agent::Action::new(agent, conveyed, args.to_vec(), solo);
    crate::runtime::agent::dispatch(action)?;
    Ok(a.clone())
}

#[cfg(not(feature = "threads"))]
fn dispatch(_a: &Value, _f: &Value, _args: &[Value], solo: bool) -> Result<Value> {
    super::no_threads(if solo { "send-off" } else { "send" })
}

fn send(args: &[Value]) -> Result<Value> {
    check_arity("send", args, 2, None)?;
    dispatch(&args[0], &args[1], &args[2..], false)
}

fn send_off(args: &[Value]) -> Result<Value> {
    check_arity("send-off", args, 2, None)?;
    dispatch(&args[0], &args[1], &args[2..], true)
}

/// `(send-via executor a f & args)`. Executors cannot be made here, so
/// the action runs on the send-off pool whatever `executor` is.
fn send_via(args: &[Value]) -> Result<Value> {
    check_arity("send-via", args, 3, None)?;
    dispatch(&args[1], &args[2], &args[3..], true)
}

/// await / await-for: send every agent an action that counts a latch down,
/// then wait for it (forever, or `timeout_ms`); true when all ran.
#[cfg(feature = "threads")]
fn await_agents(what: &str, agents: &[Value], timeout_ms: Option<u64>) -> Result<bool> {
    use crate::runtime::error::{ExClass, Exception};
    use crate::runtime::gc::lock;
    use std::sync::{Condvar, Mutex};
    if crate::runtime::stm::in_transaction() {
        return Err(Exception::new(
            ExClass::IllegalStateException,
            format!("{what} in transaction"),
        ));
    }
    let in_action = crate::runtime::core_vars::core_vars()
        .agent
        .get()
        .is_some_and(|a| a.truthy());
    if in_action {
        return Err(Exception::new(
            ExClass::Exception,
            "Can't await in agent action",
        ));
    }
    let latch = Ref::new((Mutex::new(agents.len()), Condvar::new()));
    let l = latch.clone();
    let count_down = Value::native_closure("clojure.core/await/count-down", move |a| {
        let mut n = lock(&l.0);
        *n = n.saturating_sub(1);
        l.1.notify_all();
        Ok(a.first().cloned().unwrap_or(Value::NIL))
    });
    for a in agents {
        dispatch(a, &count_down, &[], false)?;
    }
    let deadline =
        timeout_ms.map(|ms| std::time::Instant::now() + std::time::Duration::from_millis(ms));
    let mut n = lock(&latch.0);
    while *n > 0 {
        n = match deadline {
            None => match latch.1.wait(n) {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            },
            Some(d) => {
                let now = std::time::Instant::now();
                if now >= d {
                    return Ok(false);
                }
                match latch.1.wait_timeout(n, d - now) {
                    Ok((g, _)) => g,
                    Err(p) => p.into_inner().0,
                }
            }
        };
    }
    Ok(true)
}

#[cfg(not(feature = "threads"))]
fn await_agents(what: &str, _agents: &[Value], _timeout_ms: Option<u64>) -> Result<bool> {
    super::no_threads(what)
}

fn await_(args: &[Value]) -> Result<Value> {
    await_agents("await", args, None)?;
    Ok(Value::NIL)
}

fn await_for(args: &[Value]) -> Result<Value> {
    check_arity("await-for", args, 1, None)?;
    let ms = crate::runtime::number::to_long(&args[0])?;
    let ok = await_agents(
        "await-for",
        &args[1..],
        Some(u64::try_from(ms).unwrap_or(0)),
    )?;
    Ok(Value::bool(ok))
}

fn agent_error(args: &[Value]) -> Result<Value> {
    check_arity("agent-error", args, 1, Some(1))?;
    let a = agent_arg(&args[0], "getError()")?;
    Ok(a.error().map(Value::from).unwrap_or(Value::NIL))
}

/// Deprecated: a list of the error, or nil.
fn agent_errors(args: &[Value]) -> Result<Value> {
    check_arity("agent-errors", args, 1, Some(1))?;
    let a = agent_arg(&args[0], "getError()")?;
    Ok(match a.error() {
        Some(e) => Value::list(vec![Value::from(e)]),
        None => Value::NIL,
    })
}

/// `(restart-agent a new-state & {:keys [clear-actions]})`.
fn restart_agent(args: &[Value]) -> Result<Value> {
    check_arity("restart-agent", args, 2, None)?;
    let a = agent_arg(&args[0], "restart(Object, boolean)")?;
    let opts = super::options(&args[2..])?;
    let clear = super::option(&opts, "clear-actions").is_some_and(|v| v.truthy());
    restart(&a, args[1].clone(), clear)
}

#[cfg(feature = "threads")]
fn restart(a: &Ref<Agent>, state: Value, clear: bool) -> Result<Value> {
    crate::runtime::agent::restart(a, state, clear)
}

#[cfg(not(feature = "threads"))]
fn restart(_a: &Ref<Agent>, _state: Value, _clear: bool) -> Result<Value> {
    super::no_threads("restart-agent")
}

/// Deprecated: `(restart-agent a @a)`.
fn clear_agent_errors(args: &[Value]) -> Result<Value> {
    check_arity("clear-agent-errors", args, 1, Some(1))?;
    let a = agent_arg(&args[0], "restart(Object, boolean)")?;
    let state = a.deref();
    restart(&a, state, false)
}

fn set_error_handler(args: &[Value]) -> Result<Value> {
    check_arity("set-error-handler!", args, 2, Some(2))?;
    let a = agent_arg(&args[0], "setErrorHandler(clojure.lang.IFn)")?;
    let h = &args[1];
    if !h.is_nil() && !is_ifn(h) {
        return cast(h, "clojure.lang.IFn");
    }
    a.set_error_handler(if h.is_nil() { None } else { Some(h.clone()) });
    Ok(Value::NIL)
}

fn error_handler(args: &[Value]) -> Result<Value> {
    check_arity("error-handler", args, 1, Some(1))?;
    let a = agent_arg(&args[0], "getErrorHandler()")?;
    Ok(a.error_handler().unwrap_or(Value::NIL))
}

fn set_error_mode(args: &[Value]) -> Result<Value> {
    check_arity("set-error-mode!", args, 2, Some(2))?;
    let a = agent_arg(&args[0], "setErrorMode(clojure.lang.Keyword)")?;
    let m = &args[1];
    if !m.is_nil() && m.as_keyword().is_none() {
        return cast(m, "clojure.lang.Keyword");
    }
    a.set_error_mode(m.clone());
    Ok(Value::NIL)
}

fn error_mode(args: &[Value]) -> Result<Value> {
    check_arity("error-mode", args, 1, Some(1))?;
    let a = agent_arg(&args[0], "getErrorMode()")?;
    Ok(a.error_mode())
}

/// Stop the agent pools: queued work still runs, new work is refused.
fn shutdown_agents(args: &[Value]) -> Result<Value> {
    check_arity("shutdown-agents", args, 0, Some(0))?;
    #[cfg(feature = "threads")]
    crate::runtime::executor::shutdown_all();
    Ok(Value::NIL)
}

fn release_pending_sends(args: &[Value]) -> Result<Value> {
    check_arity("release-pending-sends", args, 0, Some(0))?;
    #[cfg(feature = "threads")]
    let n = crate::runtime::agent::release_pending_sends();
    #[cfg(not(feature = "threads"))]
    let n = 0;
    Ok(Value::long(n as i64))
}
