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

/// The text of the source file `path` (a var's :file): a namespace bundled
/// in the binary, else a file under a load-path root; nil when neither
/// (as for an absolute path: the class loader finds only relative names).
fn bundled_source(args: &[Value]) -> Result<Value> {
    check_arity("bundled-source", args, 1, Some(1))?;
    let path = string_arg(&args[0])?;
    if let Some(text) = super::bundled_source(path) {
        return Ok(Value::string(text));
    }
    if std::path::Path::new(path).is_absolute() {
        return Ok(Value::NIL);
    }
    for root in crate::load_roots() {
        let p = std::path::Path::new(&root).join(path);
        if p.is_file()
            && let Ok(text) = std::fs::read_to_string(&p)
        {
            return Ok(Value::string(text));
        }
    }
    Ok(Value::NIL)
}
