//! LAYER 0: values, collections, seqs, numbers, hash/equality, names,
//! errors, printer, and the call-dispatch table. Imports nothing above it.

pub mod agent;
pub mod alloc;
pub mod class;
pub mod classpath;
pub mod coll;
pub mod compare;
pub mod core_vars;
pub mod cycle;
pub mod date;
pub mod equality;
pub mod error;
pub mod eval;
#[cfg(feature = "threads")]
pub mod executor;
pub mod file;
pub mod func;
pub mod future;
pub mod gc;
pub mod hash;
pub mod host;
pub mod input;
pub mod interrupt;
pub mod io;
pub mod iref;
pub mod jdk_frame;
pub mod lookup;
pub mod meta;
pub mod monitor;
pub mod multi;
pub mod namespace;
pub mod number;
pub mod object;
pub mod printer;
pub mod regex;
pub mod regex_error;
pub mod seq;
pub mod stack;
pub mod state;
pub mod stm;
pub mod string;
pub mod symbol;
pub mod types;
pub mod uuid;
pub mod value;
pub mod var;

pub use error::{ExClass, Exception, Result, err};
pub use value::{Value, View};
