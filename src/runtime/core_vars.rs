//! clojure.core's dynamic vars that the runtime and builtins consult on hot
//! paths (printer options, `*out*`, `*ns*` ...), found once, as the JVM's
//! `RT` holds them in static fields. Reading one is its binding count and
//! its lock-free root ([`Var::get`]): no namespace lookup by name.

use super::gc::Ref;
use super::namespace;
use super::value::Value;
use super::var::Var;

macro_rules! core_vars {
    ($( $field:ident = $name:literal ),* $(,)?) => {
        pub struct CoreVars {
            $( #[doc = concat!("`", $name, "`")] pub $field: Ref<Var>, )*
            /// `clojure.lang.Compiler/LOCAL_ENV`: an unnamed dynamic var
            /// with a nil root. The analyzer binds it to `&env` while a
            /// macro runs, and `macroexpand-1` passes its value as `&env`
            /// (Compiler.macroexpand1), so a macro that expands nested
            /// forms itself (riddley.walk) hands its locals on.
            pub local_env: Ref<Var>,
            /// `clojure.lang.Compiler/LINE`: an unnamed dynamic var with
            /// root 0. The analyzer binds it, while a macro runs, to the
            /// line of the innermost enclosing form read with a position
            /// (Compiler.analyzeSeq), so a macro whose `&form` has none
            /// (built by another macro) can still name its source line.
            pub line: Ref<Var>,
        }
        impl CoreVars {
            /// Interning is idempotent: whichever of this and start-up's
            /// `install_vars` runs first creates the var, the other finds it.
            fn find() -> CoreVars {
                let core = namespace::create_ns("clojure.core");
                let local_env = Var::anonymous();
                local_env.bind_root(Value::NIL);
                local_env.set_dynamic(true);
                let line = Var::anonymous();
                line.bind_root(Value::long(0));
                line.set_dynamic(true);
                CoreVars {
                    $( $field: core.intern($name), )*
                    local_env: Ref::new(local_env),
                    line: Ref::new(line),
                }
            }
        }
    };
}

core_vars! {
    out = "*out*",
    err = "*err*",
    in_ = "*in*",
    ns = "*ns*",
    file = "*file*",
    print_length = "*print-length*",
    print_level = "*print-level*",
    print_meta = "*print-meta*",
    print_readably = "*print-readably*",
    print_dup = "*print-dup*",
    print_namespace_maps = "*print-namespace-maps*",
    flush_on_newline = "*flush-on-newline*",
    print_method = "print-method",
    print_dup_method = "print-dup",
    assert = "*assert*",
    agent = "*agent*",
    math_context = "*math-context*",
    unchecked_math = "*unchecked-math*",
}

/// The cached core vars.
#[cfg(feature = "threads")]
pub fn core_vars() -> &'static CoreVars {
    static CORE: std::sync::OnceLock<CoreVars> = std::sync::OnceLock::new();
    CORE.get_or_init(CoreVars::find)
}

/// The cached core vars. Without `threads` a `Ref` is an `Rc` and the
/// namespace registry is per thread, so the cache is too; it lives as long
/// as the thread's registry does (leaked once per thread).
#[cfg(not(feature = "threads"))]
pub fn core_vars() -> &'static CoreVars {
    thread_local! {
        static CORE: &'static CoreVars = Box::leak(Box::new(CoreVars::find()));
    }
    CORE.with(|c| *c)
}

#[cfg(test)]
mod tests {
    use super::core_vars;
    use crate::runtime::gc::Ref;
    use crate::runtime::namespace;

    #[test]
    fn cached_vars_are_the_interned_ones() {
        let core = namespace::create_ns("clojure.core");
        let v = core_vars();
        let out = core.find_interned("*out*").expect("interned");
        assert!(Ref::ptr_eq(&v.out, &out));
        assert!(Ref::ptr_eq(&v.print_length, &core.intern("*print-length*")));
    }
}
