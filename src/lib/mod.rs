//! LAYER 2: the namespaces other than clojure.core, one file each, loaded
//! on first `require`. A lib is either Rust (a `Def` table interned into its
//! namespace) or Clojure source embedded in the binary and evaluated when
//! required.

pub(crate) mod babashka_fs;
mod babashka_fs_glob;
mod babashka_process;
mod cheshire_core;
#[cfg(feature = "http")]
mod cljw_http_channel;
#[cfg(feature = "http")]
mod cljw_http_client;
#[cfg(feature = "http")]
mod cljw_http_server;
mod clojure_core_protocols;
mod clojure_core_reducers;
mod clojure_data_json;
mod clojure_edn;
mod clojure_java_io;
mod clojure_repl;
mod clojure_string;
pub(crate) mod json;
mod pprint;

use crate::builtins::Def;

/// How a bundled namespace is provided.
pub enum LibSource {
    /// Builtins interned into the namespace.
    Native(&'static [Def]),
    /// Clojure source (with its `ns` form) and the file name it reports.
    Clojure {
        path: &'static str,
        source: &'static str,
    },
    /// Builtins interned first, then Clojure source loaded on top of them.
    Mixed {
        defs: &'static [Def],
        path: &'static str,
        source: &'static str,
    },
}

/// An embedded Clojure source file under src/lib/ and the path it reports.
macro_rules! clojure_lib {
    ($path:literal) => {
        LibSource::Clojure {
            path: $path,
            source: include_str!($path),
        }
    };
}

/// Without the `http` feature each HTTP namespace is a file that throws
/// when loaded.
#[cfg(not(feature = "http"))]
macro_rules! without_http {
    ($ns:literal) => {
        LibSource::Clojure {
            path: "cljw/http.clj",
            source: concat!(
                "(throw (UnsupportedOperationException. \"",
                $ns,
                " is not available: this cljw was built without the `http` cargo feature\"))"
            ),
        }
    };
}

/// Every bundled namespace.
const LIBS: &[(&str, LibSource)] = &[
    ("clojure.string", LibSource::Native(clojure_string::DEFS)),
    ("clojure.edn", LibSource::Native(clojure_edn::DEFS)),
    (
        "clojure.java.io",
        LibSource::Mixed {
            defs: clojure_java_io::DEFS,
            path: "clojure/java/io.clj",
            source: include_str!("clojure/java/io.clj"),
        },
    ),
    ("clojure.set", clojure_lib!("clojure/set.clj")),
    ("clojure.walk", clojure_lib!("clojure/walk.clj")),
    ("clojure.zip", clojure_lib!("clojure/zip.clj")),
    ("clojure.xml", clojure_lib!("clojure/xml.clj")),
    ("clojure.template", clojure_lib!("clojure/template.clj")),
    ("clojure.stacktrace", clojure_lib!("clojure/stacktrace.clj")),
    ("clojure.test", clojure_lib!("clojure/test.clj")),
    ("clojure.data", clojure_lib!("clojure/data.clj")),
    ("clojure.math", clojure_lib!("clojure/math.clj")),
    ("cljw.wasm", crate::wasm::LIB),
    (
        "clojure.pprint",
        LibSource::Mixed {
            defs: pprint::DEFS,
            path: "clojure/pprint.clj",
            source: concat!(
                include_str!("clojure/pprint/base.clj"),
                include_str!("clojure/pprint/cl_format.clj"),
                include_str!("clojure/pprint/cl_format_compile.clj"),
                include_str!("clojure/pprint/dispatch.clj"),
                include_str!("clojure/pprint/print_table.clj"),
            ),
        },
    ),
    ("cheshire.core", LibSource::Native(cheshire_core::DEFS)),
    (
        "clojure.data.json",
        LibSource::Mixed {
            defs: clojure_data_json::DEFS,
            path: "clojure/data/json.clj",
            source: include_str!("clojure/data/json.clj"),
        },
    ),
    ("cljw.process", LibSource::Native(babashka_process::DEFS)),
    ("babashka.process", clojure_lib!("babashka/process.clj")),
    ("clojure.java.shell", clojure_lib!("clojure/java/shell.clj")),
    (
        "clojure.java.browse",
        clojure_lib!("clojure/java/browse.clj"),
    ),
    (
        "clojure.java.javadoc",
        clojure_lib!("clojure/java/javadoc.clj"),
    ),
    ("clojure.inspector", clojure_lib!("clojure/inspector.clj")),
    ("babashka.cli", clojure_lib!("babashka/cli.clj")),
    (
        "babashka.fs",
        LibSource::Mixed {
            defs: babashka_fs::DEFS,
            path: "babashka/fs.clj",
            source: include_str!("babashka/fs.clj"),
        },
    ),
    #[cfg(feature = "http")]
    (
        "cljw.http.server",
        LibSource::Mixed {
            defs: cljw_http_server::DEFS,
            path: "cljw/http/server.clj",
            source: include_str!("cljw/http/server.clj"),
        },
    ),
    #[cfg(feature = "http")]
    ("org.httpkit.server", clojure_lib!("org/httpkit/server.clj")),
    #[cfg(feature = "http")]
    (
        "cljw.http.client",
        LibSource::Native(cljw_http_client::DEFS),
    ),
    #[cfg(feature = "http")]
    (
        "babashka.http-client",
        clojure_lib!("babashka/http_client.clj"),
    ),
    #[cfg(feature = "http")]
    ("org.httpkit.client", clojure_lib!("org/httpkit/client.clj")),
    #[cfg(not(feature = "http"))]
    ("cljw.http.server", without_http!("cljw.http.server")),
    #[cfg(not(feature = "http"))]
    ("org.httpkit.server", without_http!("org.httpkit.server")),
    #[cfg(not(feature = "http"))]
    ("cljw.http.client", without_http!("cljw.http.client")),
    #[cfg(not(feature = "http"))]
    (
        "babashka.http-client",
        without_http!("babashka.http-client"),
    ),
    #[cfg(not(feature = "http"))]
    ("org.httpkit.client", without_http!("org.httpkit.client")),
    #[cfg(feature = "http")]
    ("cljw.http", clojure_lib!("cljw/http.clj")),
    #[cfg(not(feature = "http"))]
    ("cljw.http", without_http!("cljw.http")),
    ("cljw.json", clojure_lib!("cljw/json.clj")),
    (
        "clojure.repl",
        LibSource::Mixed {
            defs: clojure_repl::DEFS,
            path: "clojure/repl.clj",
            source: include_str!("clojure/repl.clj"),
        },
    ),
    (
        "clojure.core.protocols",
        LibSource::Mixed {
            defs: clojure_core_protocols::DEFS,
            path: "clojure/core/protocols.clj",
            source: include_str!("clojure/core/protocols.clj"),
        },
    ),
    ("clojure.datafy", clojure_lib!("clojure/datafy.clj")),
    (
        "clojure.core.reducers",
        LibSource::Mixed {
            defs: clojure_core_reducers::DEFS,
            path: "clojure/core/reducers.clj",
            source: include_str!("clojure/core/reducers.clj"),
        },
    ),
    ("clojure.main", clojure_lib!("clojure/main.clj")),
    (
        "clojure.spec.alpha",
        LibSource::Clojure {
            path: "clojure/spec/alpha.clj",
            source: concat!(
                include_str!("clojure/spec/alpha.clj"),
                include_str!("clojure/spec/alpha_2.clj"),
            ),
        },
    ),
    (
        "clojure.spec.gen.alpha",
        clojure_lib!("clojure/spec/gen/alpha.clj"),
    ),
    (
        "clojure.spec.test.alpha",
        clojure_lib!("clojure/spec/test/alpha.clj"),
    ),
    (
        "clojure.core.specs.alpha",
        clojure_lib!("clojure/core/specs/alpha.clj"),
    ),
    // core.async's go-block compiler: its go blocks run on threads here
    // (the rest of core.async loads from the library's own jar).
    (
        "clojure.core.async.impl.ioc-macros",
        clojure_lib!("clojure/core/async/impl/ioc_macros.clj"),
    ),
    // riddley's walker and locals registry over Compiler/LOCAL_ENV (the
    // library's reach into JVM compiler objects; docs/decisions.md).
    ("riddley.compiler", clojure_lib!("riddley/compiler.clj")),
    ("riddley.walk", clojure_lib!("riddley/walk.clj")),
];

/// The bundled namespace called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static LibSource> {
    LIBS.iter().find(|(n, _)| *n == name).map(|(_, l)| l)
}

/// The embedded source text of the bundled namespace loaded from `path`
/// (the :file of its vars), for clojure.repl/source.
pub fn bundled_source(path: &str) -> Option<&'static str> {
    LIBS.iter().find_map(|(_, lib)| match lib {
        LibSource::Clojure { path: p, source }
        | LibSource::Mixed {
            path: p, source, ..
        } => (*p == path).then_some(*source),
        LibSource::Native(_) => None,
    })
}
