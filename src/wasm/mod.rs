//! LAYER 2: the `cljw.wasm` namespace (feature `wasm-ffi`): load WebAssembly
//! modules with wasmi and call them from Clojure, with Clojure fns as host
//! imports, guest memory access, fuel and memory limits, and WASI command
//! modules (`run`). Without the feature, requiring the namespace throws.

#[cfg(feature = "wasm-ffi")]
mod fuel;
#[cfg(feature = "wasm-ffi")]
mod instance;
#[cfg(feature = "wasm-ffi")]
mod memory;
#[cfg(feature = "wasm-ffi")]
mod module;
#[cfg(feature = "wasm-ffi")]
mod values;
#[cfg(all(feature = "wasm-ffi", not(target_family = "wasm")))]
mod wasi;

use crate::libs::LibSource;

/// How the `cljw.wasm` namespace is provided.
#[cfg(feature = "wasm-ffi")]
pub const LIB: LibSource = LibSource::Native(DEFS);

/// Without the feature the namespace is a file that throws when loaded.
#[cfg(not(feature = "wasm-ffi"))]
pub const LIB: LibSource = LibSource::Clojure {
    path: "cljw/wasm.clj",
    source: "(throw (UnsupportedOperationException. \
             \"cljw.wasm is not available: this cljw was built without the `wasm-ffi` cargo feature\"))",
};

#[cfg(feature = "wasm-ffi")]
use crate::builtins::Def;

#[cfg(feature = "wasm-ffi")]
const DEFS: &[Def] = &[
    Def::f("load", instance::load),
    Def::f("call", instance::call),
    Def::f("fn", instance::export_fn),
    Def::f("exports", module::exports),
    Def::f("imports", module::imports),
    Def::f("fuel", instance::fuel),
    Def::f("add-fuel!", instance::add_fuel),
    Def::f("memory-size", memory::memory_size),
    Def::f("grow-memory!", memory::grow_memory),
    Def::f("read-bytes", memory::read_bytes),
    Def::f("write-bytes!", memory::write_bytes),
    Def::f("read-string", memory::read_string),
    Def::f("write-string!", memory::write_string),
    Def::f("instance?", instance::instance_p),
    Def::f("run", run),
];

/// `(run src opts)`: a WASI command module to completion.
#[cfg(all(feature = "wasm-ffi", not(target_family = "wasm")))]
fn run(
    args: &[crate::runtime::value::Value],
) -> crate::runtime::error::Result<crate::runtime::value::Value> {
    wasi::run(args)
}

/// wasmi_wasi (cap-std) does not build for wasm32.
#[cfg(all(feature = "wasm-ffi", target_family = "wasm"))]
fn run(
    _: &[crate::runtime::value::Value],
) -> crate::runtime::error::Result<crate::runtime::value::Value> {
    crate::runtime::error::err::unsupported(
        "cljw.wasm/run: WASI modules cannot be run from a wasm32 build of cljw",
    )
}

/// ArityException naming the `cljw.wasm` fn.
#[cfg(feature = "wasm-ffi")]
fn check_arity(
    name: &str,
    args: &[crate::runtime::value::Value],
    min: usize,
    max: usize,
) -> crate::runtime::error::Result<()> {
    if args.len() < min || args.len() > max {
        return crate::runtime::error::err::throw(
            crate::runtime::error::ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: cljw.wasm/{name}",
                args.len()
            ),
        );
    }
    Ok(())
}
