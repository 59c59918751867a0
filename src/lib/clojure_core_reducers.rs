//! The Rust half of clojure.core.reducers: how many forked tasks a fold may
//! run at once (0 without the `threads` feature: folds run sequentially).

use crate::builtins::{Def, check_arity};
use crate::runtime::error::Result;
use crate::runtime::value::Value;

pub(crate) const DEFS: &[Def] = &[Def::f("-parallelism", parallelism)];

fn parallelism(args: &[Value]) -> Result<Value> {
    check_arity("-parallelism", args, 0, Some(0))?;
    #[cfg(feature = "threads")]
    let n = std::thread::available_parallelism().map_or(1, |n| n.get());
    #[cfg(not(feature = "threads"))]
    let n = 0;
    Ok(Value::long(n as i64))
}
