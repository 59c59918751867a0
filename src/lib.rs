//! cljw: Clojure without the JVM.
//!
//! Layers (imports only go downward): `runtime` (values, collections, numbers,
//! printer) < `reader` / `analyzer` / `evaluator` < builtins, lib, interop <
//! app. See ../shared/DESIGN.md.

pub mod analyzer;
pub mod compiler;
pub mod evaluator;
pub mod reader;
pub mod runtime;
pub mod vm;

use runtime::error::Result;
use runtime::func::{Fn, FnKind};
use runtime::gc::Ref;
use runtime::namespace::{self, Namespace};
use runtime::value::Value;

/// Which engine runs analyzed code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Backend {
    /// Bytecode compiler + VM (the default).
    #[default]
    Vm,
    /// The tree-walking reference evaluator.
    TreeWalk,
}

/// Dispatch a closure call to the backend that created it.
fn invoke_hook(fv: &Value, f: &Fn, args: &[Value]) -> Result<Value> {
    if let FnKind::Closure(c) = &f.kind {
        if vm::is_vm_closure(c) {
            return vm::invoke_closure(fv, c, args);
        }
        if let Some(tc) = c.downcast_ref::<evaluator::TreeClosure>() {
            return evaluator::invoke_closure(fv, tc, args);
        }
    }
    Err(runtime::error::Exception::new(
        runtime::error::ExClass::IllegalStateException,
        "closure from an unknown backend",
    ))
}

/// An embedded Clojure runtime.
pub struct Runtime {
    backend: Backend,
    ns: Ref<Namespace>,
    file: Option<String>,
}

impl Runtime {
    pub fn new(backend: Backend) -> Runtime {
        runtime::func::install_invoke_hook(invoke_hook);
        let core = namespace::create_ns("clojure.core");
        let user = namespace::create_ns("user");
        for (name, var) in core.mappings() {
            let _ = user.refer(&name, var);
        }
        Runtime {
            backend,
            ns: user,
            file: None,
        }
    }

    /// Evaluate one form in the current namespace.
    pub fn eval(&mut self, form: &Value) -> Result<Value> {
        let env = analyzer::Env {
            ns: self.ns.clone(),
            file: self.file.clone(),
        };
        let tree = analyzer::analyze_top(form, &env)?;
        match self.backend {
            Backend::Vm => {
                let proto = compiler::compile(&tree)?;
                drop(tree);
                vm::run(proto)
            }
            Backend::TreeWalk => evaluator::eval_tree(&Ref::new(tree)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(s: &str) -> Value {
        Value::symbol(None, s)
    }
    fn list(v: Vec<Value>) -> Value {
        Value::list(v)
    }

    #[test]
    fn closures_let_loop_recur_try() {
        let mut rt = Runtime::new(Backend::TreeWalk);
        // (let* [x 1] ((fn* [y] y) x))
        let f = list(vec![
            sym("let*"),
            Value::vector(vec![sym("x"), Value::long(1)]),
            list(vec![
                list(vec![sym("fn*"), Value::vector(vec![sym("y")]), sym("y")]),
                sym("x"),
            ]),
        ]);
        assert_eq!(rt.eval(&f).ok().and_then(|v| v.as_long()), Some(1));
        // (loop* [i 0] (if (quote nil) i (if i (recur ...)))) : count down via
        // closure capture: (let* [k 5] ((fn* f [n] (if n k (f k))) nil))
        let g = list(vec![
            sym("let*"),
            Value::vector(vec![sym("k"), Value::long(5)]),
            list(vec![
                list(vec![
                    sym("fn*"),
                    sym("f"),
                    Value::vector(vec![sym("n")]),
                    list(vec![
                        sym("if"),
                        sym("n"),
                        sym("k"),
                        list(vec![sym("f"), sym("k")]),
                    ]),
                ]),
                Value::NIL,
            ]),
        ]);
        assert_eq!(rt.eval(&g).ok().and_then(|v| v.as_long()), Some(5));
        // (loop* [a 3 b 0] (if (quote nil) nil (recur ...))) — without
        // arithmetic builtins, recur swaps: (loop* [a 1 b 2 n nil] (if n [a b] (recur b a true)))
        let l = list(vec![
            sym("loop*"),
            Value::vector(vec![
                sym("a"),
                Value::long(1),
                sym("b"),
                Value::long(2),
                sym("n"),
                Value::NIL,
            ]),
            list(vec![
                sym("if"),
                sym("n"),
                Value::vector(vec![sym("a"), sym("b")]),
                list(vec![sym("recur"), sym("b"), sym("a"), Value::TRUE]),
            ]),
        ]);
        let r = rt.eval(&l).ok();
        assert_eq!(
            r.map(|v| runtime::printer::pr_str(&v)),
            Some("[2 1]".to_string())
        );
        // (try (throw 1) (catch ClassCastException e :caught))
        let t = list(vec![
            sym("try"),
            list(vec![sym("throw"), Value::long(1)]),
            list(vec![
                sym("catch"),
                sym("ClassCastException"),
                sym("e"),
                Value::keyword(None, "caught"),
            ]),
        ]);
        assert_eq!(
            rt.eval(&t).ok().map(|v| runtime::printer::pr_str(&v)),
            Some(":caught".to_string())
        );
        // recur outside tail position is a compile error
        let bad = list(vec![
            sym("loop*"),
            Value::vector(vec![]),
            list(vec![sym("do"), list(vec![sym("recur")]), Value::NIL]),
        ]);
        let e = rt.eval(&bad).err().map(|e| e.class());
        assert_eq!(e, Some(runtime::error::ExClass::CompilerException));
    }

    #[test]
    fn letfn_ties_the_knot() {
        let mut rt = Runtime::new(Backend::TreeWalk);
        // (letfn* [a (fn* a [x] (if x (b nil) :a-done)) b (fn* b [x] (if x :b (a nil)))] (a true))
        let f = list(vec![
            sym("letfn*"),
            Value::vector(vec![
                sym("a"),
                list(vec![
                    sym("fn*"),
                    sym("a"),
                    Value::vector(vec![sym("x")]),
                    list(vec![
                        sym("if"),
                        sym("x"),
                        list(vec![sym("b"), Value::NIL]),
                        Value::keyword(None, "a-done"),
                    ]),
                ]),
                sym("b"),
                list(vec![
                    sym("fn*"),
                    sym("b"),
                    Value::vector(vec![sym("x")]),
                    list(vec![
                        sym("if"),
                        sym("x"),
                        Value::keyword(None, "b"),
                        list(vec![sym("a"), Value::NIL]),
                    ]),
                ]),
            ]),
            list(vec![sym("a"), Value::TRUE]),
        ]);
        assert_eq!(
            rt.eval(&f).ok().map(|v| runtime::printer::pr_str(&v)),
            Some(":a-done".to_string())
        );
    }
}
