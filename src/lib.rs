//! cljw: Clojure without the JVM.
//!
//! Layers (imports only go downward): `runtime` (values, collections, numbers,
//! printer) < `reader` / analyzer / compiler / vm / evaluator < builtins, lib,
//! interop < app. See ../shared/DESIGN.md.

pub mod reader;
pub mod runtime;
pub mod analyzer;
