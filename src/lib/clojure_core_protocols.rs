//! The Rust half of clojure.core.protocols: the native reductions its
//! Object defaults use, and the hook that makes clojure.core's `reduce` and
//! `reduce-kv` dispatch through its protocols. All private in the namespace.

use crate::builtins::Def;
use crate::builtins::seq::{protocol_reduce, reduce};

pub(crate) const DEFS: &[Def] = &[
    Def::owned("-reduce", reduce::reduce_native),
    Def::f("-kv-reduce", reduce::reduce_kv_native),
    Def::f("install-reduce-dispatch!", protocol_reduce::install),
];
