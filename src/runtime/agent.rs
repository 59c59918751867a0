//! Agents (clojure.lang.Agent): a state changed by actions that run one at
//! a time per agent on a thread pool. An action that throws fails the agent
//! (`:fail` mode: later actions wait until `restart-agent`) or is dropped
//! (`:continue`); the error handler hears of it either way. Sends made by
//! an action are held until it succeeds; sends made in a transaction until
//! it commits (stm.rs).
//!
//! Without feature `threads` the type exists but no agent can be made
//! (builtins throw UnsupportedOperationException).

use super::error::Exception;
#[cfg(feature = "threads")]
use super::error::{ExClass, Result};
use super::gc::{Lock, Ref, lock};
use super::iref::RefBase;
use super::value::{Repr, Value};
use std::collections::VecDeque;

/// One `send`: the fn (already wrapped to convey bindings) and its args.
#[cfg_attr(not(feature = "threads"), allow(dead_code))]
pub struct Action {
    agent: Ref<Agent>,
    f: Value,
    args: Vec<Value>,
    /// Run on the solo (send-off) pool rather than the pooled one.
    solo: bool,
}

impl Action {
    pub fn new(agent: Ref<Agent>, f: Value, args: Vec<Value>, solo: bool) -> Action {
        Action {
            agent,
            f,
            args,
            solo,
        }
    }
}

/// Agent.ActionQueue: pending actions (the running one first) and the
/// error that failed the agent.
struct Queue {
    #[cfg_attr(not(feature = "threads"), allow(dead_code))]
    actions: VecDeque<Action>,
    error: Option<Exception>,
}

pub struct Agent {
    pub(in crate::runtime) state: Lock<Value>,
    queue: Lock<Queue>,
    /// `:fail` or `:continue` (any keyword is accepted, as on the JVM).
    error_mode: Lock<Value>,
    pub(in crate::runtime) error_handler: Lock<Option<Value>>,
    pub(in crate::runtime) base: RefBase,
}

fn keyword(name: &str) -> Value {
    Value::keyword(None, name)
}

impl Agent {
    pub fn new(v: Value) -> Agent {
        Agent {
            state: Lock::new(v),
            queue: Lock::new(Queue {
                actions: VecDeque::new(),
                error: None,
            }),
            error_mode: Lock::new(keyword("continue")),
            error_handler: Lock::new(None),
            base: RefBase::new(),
        }
    }
    pub fn base(&self) -> &RefBase {
        &self.base
    }
    pub fn deref(&self) -> Value {
        lock(&self.state).clone()
    }
    pub fn error(&self) -> Option<Exception> {
        lock(&self.queue).error.clone()
    }
    pub fn error_mode(&self) -> Value {
        lock(&self.error_mode).clone()
    }
    pub fn set_error_mode(&self, k: Value) {
        *lock(&self.error_mode) = k;
    }
    pub fn error_handler(&self) -> Option<Value> {
        lock(&self.error_handler).clone()
    }
    pub fn set_error_handler(&self, f: Option<Value>) {
        *lock(&self.error_handler) = f;
    }
    #[cfg_attr(not(feature = "threads"), allow(dead_code))]
    fn continues(&self) -> bool {
        match lock(&self.error_mode).as_keyword() {
            Some(k) => k.ns().is_none() && k.name() == "continue",
            None => false,
        }
    }
}

impl Value {
    pub fn as_agent(&self) -> Option<Ref<Agent>> {
        match &self.0 {
            Repr::Agent(a) => Some(a.clone()),
            _ => None,
        }
    }
}

#[cfg(feature = "threads")]
pub use pool::*;

#[cfg(not(feature = "threads"))]
/// Without threads no action is ever made, so there is nothing to run.
pub fn dispatch_action(_action: Action) {}

#[cfg(feature = "threads")]
mod pool {
    use super::*;
    use crate::runtime::executor;
    use crate::runtime::func::invoke;
    use std::cell::RefCell;

    /// A new agent with its options applied.
    pub fn make(v: Value) -> Value {
        crate::runtime::cycle::registered(Value::from(Ref::new(Agent::new(v))))
    }

    thread_local! {
        /// Agent.nested: sends made by the running action, released when
        /// it succeeds. None outside an action.
        static NESTED: RefCell<Option<Vec<Action>>> = const { RefCell::new(None) };
    }

    /// "Agent is failed, needs restart", with the agent's error as cause.
    fn failed(error: Exception) -> Exception {
        Exception::full(
            ExClass::RuntimeException,
            Some("Agent is failed, needs restart".into()),
            None,
            Some(error),
        )
    }

    /// Agent.dispatch: queue an action unless the agent is failed.
    pub fn dispatch(action: Action) -> Result<()> {
        if let Some(e) = action.agent.error() {
            return Err(failed(e));
        }
        dispatch_action(action);
        Ok(())
    }

    /// Agent.dispatchAction: held by a transaction or a running action, or
    /// queued on its agent now.
    pub fn dispatch_action(action: Action) {
        let Some(action) = crate::runtime::stm::enqueue_action(action) else {
            return;
        };
        let action = NESTED.with(|n| match &mut *n.borrow_mut() {
            Some(held) => {
                held.push(action);
                None
            }
            None => Some(action),
        });
        if let Some(a) = action {
            enqueue(a);
        }
    }

    /// Agent.enqueue: the first action of an idle, healthy agent starts.
    fn enqueue(action: Action) {
        let agent = action.agent.clone();
        let start = {
            let mut q = lock(&agent.queue);
            q.actions.push_back(action);
            q.actions.len() == 1 && q.error.is_none()
        };
        if start {
            execute(&agent);
        }
    }

    /// Submit the agent's first queued action to its pool.
    fn execute(agent: &Ref<Agent>) {
        let solo = match lock(&agent.queue).actions.front() {
            Some(a) => a.solo,
            None => return,
        };
        let pool = if solo {
            executor::solo()
        } else {
            executor::pooled()
        };
        let a = agent.clone();
        if pool.submit(Box::new(move || run_action(&a))).is_err() {
            // Action.execute: a rejected action goes to the error handler
            // only; it stays queued.
            if let Some(h) = agent.error_handler() {
                let e = Exception::new(
                    ExClass::RejectedExecutionException,
                    "Task rejected: the agent thread pools are shut down",
                );
                let _ = invoke(&h, &[Value::from(agent.clone()), Value::from(e)]);
            }
        }
    }

    /// Agent.Action.doRun.
    fn run_action(agent: &Ref<Agent>) {
        let (f, args) = match lock(&agent.queue).actions.front() {
            Some(a) => (a.f.clone(), a.args.clone()),
            None => return,
        };
        NESTED.with(|n| *n.borrow_mut() = Some(Vec::new()));
        let this = Value::from(agent.clone());
        // The JVM's binding-conveyor-fn leaves the pool thread in the
        // action's frame, so the watches and the error handler run with
        // *agent* bound too (a handler can `send *agent*`).
        let agent_var = crate::runtime::core_vars::core_vars().agent.clone();
        let bound = crate::runtime::var::push_bindings(vec![(agent_var, this.clone())]).is_ok();
        let outcome = (|| {
            let old = agent.deref();
            let mut call = Vec::with_capacity(args.len() + 1);
            call.push(old.clone());
            call.extend(args);
            let new = invoke(&f, &call)?;
            agent.base.validate(&new)?;
            *lock(&agent.state) = new.clone();
            agent.base.notify_watches(&this, &old, &new)
        })();
        let mut error = None;
        match outcome {
            Ok(()) => {
                release_pending_sends();
            }
            Err(e) => {
                NESTED.with(|n| *n.borrow_mut() = None);
                if let Some(h) = agent.error_handler() {
                    // Errors of the handler itself are ignored.
                    let _ = invoke(&h, &[this.clone(), Value::from(e.clone())]);
                }
                if !agent.continues() {
                    error = Some(e);
                }
            }
        }
        NESTED.with(|n| *n.borrow_mut() = None);
        if bound {
            let _ = crate::runtime::var::pop_bindings();
        }
        let next = {
            let mut q = lock(&agent.queue);
            q.actions.pop_front();
            q.error = error;
            q.error.is_none() && !q.actions.is_empty()
        };
        if next {
            execute(agent);
        }
    }

    /// `release-pending-sends`: dispatch the sends held by the running
    /// action now; their number (0 outside an action).
    pub fn release_pending_sends() -> usize {
        let held = NESTED.with(|n| n.borrow_mut().as_mut().map(std::mem::take));
        let Some(held) = held else {
            return 0;
        };
        let n = held.len();
        for a in held {
            enqueue(a);
        }
        n
    }

    /// Agent.restart: clear the error, set the state, and run what is
    /// queued (or drop it with `clear_actions`).
    pub fn restart(agent: &Ref<Agent>, state: Value, clear_actions: bool) -> Result<Value> {
        if agent.error().is_none() {
            return Err(Exception::new(
                ExClass::RuntimeException,
                "Agent does not need a restart",
            ));
        }
        agent.base.validate(&state)?;
        *lock(&agent.state) = state.clone();
        let pending = {
            let mut q = lock(&agent.queue);
            q.error = None;
            if clear_actions {
                q.actions.clear();
            }
            !q.actions.is_empty()
        };
        if pending {
            execute(agent);
        }
        Ok(state)
    }
}
