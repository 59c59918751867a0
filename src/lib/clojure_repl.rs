//! The Rust half of clojure.repl: what repl.clj gets from the JVM's class
//! loader (the source text of bundled namespaces). Private in the namespace.

use crate::builtins::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{Result, err};
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[Def::f("bundled-source", bundled_source)];

fn string_arg(v: &Value) -> Result<&str> {
    v.as_str().map_or_else(
        || err::class_cast(cast_message(v.class_name(), "java.lang.String")),
        Ok,
    )
}

/// The embedded text of the bundled namespace whose vars say `:file path`,
/// or nil.
fn bundled_source(args: &[Value]) -> Result<Value> {
    check_arity("bundled-source", args, 1, Some(1))?;
    let path = string_arg(&args[0])?;
    Ok(super::bundled_source(path).map_or(Value::NIL, Value::string))
}
