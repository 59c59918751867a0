//! The Rust half of clojure.repl (and of clojure.main, which shares
//! `compiler-demunge`): what repl.clj gets from the JVM's Compiler and class
//! loader. Both fns are private in the namespace.

use crate::builtins::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{Result, err};
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[
    Def::f("compiler-demunge", compiler_demunge),
    Def::f("bundled-source", bundled_source),
];

/// clojure.main's.
pub(crate) const MAIN_DEFS: &[Def] = &[Def::f("compiler-demunge", compiler_demunge)];

fn string_arg(v: &Value) -> Result<&str> {
    v.as_str().map_or_else(
        || err::class_cast(cast_message(v.class_name(), "java.lang.String")),
        Ok,
    )
}

/// Compiler/demunge, which also turns each `$` into `/`
/// (`"clojure.core$map__1"` => `"clojure.core/map--1"`).
fn compiler_demunge(args: &[Value]) -> Result<Value> {
    check_arity("compiler-demunge", args, 1, Some(1))?;
    let s = string_arg(&args[0])?.replace('$', "/");
    Ok(Value::string(crate::runtime::symbol::demunge(&s)))
}

/// The embedded text of the bundled namespace whose vars say `:file path`,
/// or nil.
fn bundled_source(args: &[Value]) -> Result<Value> {
    check_arity("bundled-source", args, 1, Some(1))?;
    let path = string_arg(&args[0])?;
    Ok(super::bundled_source(path).map_or(Value::NIL, Value::string))
}
