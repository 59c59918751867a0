//! clojure.core's concurrency: refs and transactions (refs.rs), agents
//! (agents.rs), futures and the parallel seq fns (futures.rs), and binding
//! conveyance to other threads.
//!
//! Without feature `threads` (wasm32) refs and transactions work (one
//! thread commits alone); whatever needs another thread throws
//! UnsupportedOperationException.

mod agents;
mod futures;
mod refs;
#[cfg(test)]
mod tests;

use super::Def;
use crate::runtime::compare::cast_message;
use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::namespace::Namespace;
use crate::runtime::value::Value;

pub(crate) use refs::call_static as transaction_static;

pub(crate) const DEFS: &[&[Def]] = &[refs::DEFS, agents::DEFS, futures::DEFS];

/// Interns `*agent*` (dynamic, nil at the root).
pub fn install_vars(core: &Ref<Namespace>) {
    let var = core.intern("*agent*");
    var.bind_root(Value::NIL);
    var.set_dynamic(true);
}

/// The JVM's helpful NullPointerException for a method call on nil:
/// `call` is the method with its class, `local` the variable name.
fn null_target<T>(call: &str, local: &str) -> Result<T> {
    err::npe(format!(
        "Cannot invoke \"{call}\" because \"{local}\" is null"
    ))
}

fn cast<T>(v: &Value, to: &str) -> Result<T> {
    err::class_cast(cast_message(v.class_name(), to))
}

/// UnsupportedOperationException for what needs threads in a build
/// without them.
#[cfg(not(feature = "threads"))]
fn no_threads<T>(name: &str) -> Result<T> {
    err::unsupported(format!("{name}: threads are not available in this build"))
}

/// Options given as `& {:keys ...}`: pairs, as `(apply hash-map options)`
/// checks them.
fn options(opts: &[Value]) -> Result<Vec<(Value, Value)>> {
    if opts.len() % 2 == 1 {
        return crate::builtins::no_value_supplied(opts);
    }
    Ok(opts
        .chunks(2)
        .filter_map(|kv| match kv {
            [k, v] => Some((k.clone(), v.clone())),
            _ => None,
        })
        .collect())
}

/// The value of option `name` (a plain keyword), the last one winning as
/// in a hash-map.
fn option(opts: &[(Value, Value)], name: &str) -> Option<Value> {
    opts.iter()
        .rev()
        .find(|(k, _)| {
            k.as_keyword()
                .is_some_and(|k| k.ns().is_none() && k.name() == name)
        })
        .map(|(_, v)| v.clone())
}

/// A fn that runs `f` with the dynamic bindings in effect now (plus
/// `extra`), on whatever thread calls it: core's binding-conveyor-fn.
#[cfg_attr(not(feature = "threads"), allow(dead_code))]
fn binding_conveyor(f: Value, extra: Option<(Ref<crate::runtime::var::Var>, Value)>) -> Value {
    let mut binds = crate::runtime::var::current_bindings();
    if let Some((var, v)) = extra {
        match binds.iter_mut().find(|(b, _)| Ref::ptr_eq(b, &var)) {
            Some(b) => b.1 = v,
            None => binds.push((var, v)),
        }
    }
    Value::native_closure("clojure.core/binding-conveyor-fn", move |args| {
        if binds.is_empty() {
            return crate::runtime::func::invoke(&f, args);
        }
        crate::runtime::var::push_bindings(binds.clone())?;
        let r = crate::runtime::func::invoke(&f, args);
        crate::runtime::var::pop_bindings()?;
        r
    })
}
