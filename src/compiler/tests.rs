//! Compiler unit tests: the shape of the code for a few forms.

use super::*;
use crate::runtime::namespace;
use crate::vm::tests::{install_test_natives, read_all};
use crate::{Backend, Runtime};

mod compiler {
    pub use super::super::*;
}

fn compile_src(src: &str) -> Ref<FnProto> {
    install_test_natives();
    let env = crate::analyzer::Env {
        ns: namespace::create_ns("user"),
        file: None,
        pos: None,
    };
    let form = read_all(src).remove(0);
    let tree = crate::analyzer::analyze_top(&form, &env).unwrap_or_else(|e| panic!("analyze: {e}"));
    compiler::compile(&tree).unwrap_or_else(|e| panic!("compile: {e}"))
}

#[test]
fn op_is_small() {
    assert!(std::mem::size_of::<Op>() <= 8);
}

#[test]
fn counting_loop_compiles_to_intrinsics_and_moves() {
    use compiler::{Prim, Src};
    let p = compile_src("(loop* [i 0] (if (< i 100) (recur (inc i)) i))");
    let code = &p.arities[0].code;
    // (< i 100) is one fused compare-and-branch, (inc i) a fused long op
    assert!(
        code.iter().any(|op| matches!(op, Op::BrLtLC(0, _, _))),
        "{code:?}"
    );
    assert!(
        code.iter().any(|op| matches!(op, Op::IncL(0, _))),
        "{code:?}"
    );
    assert!(!code.iter().any(|op| matches!(op, Op::Call(_))), "{code:?}");
    // the test reads i in place; recur's (inc i) and the result move it
    let lt = p.prims.iter().find(|c| c.prim == Prim::Lt);
    assert!(lt.is_some_and(|c| c.a == Src::Local(0) && matches!(c.b, Src::Const(_))));
    let inc = p.prims.iter().find(|c| c.prim == Prim::Inc);
    assert!(inc.is_some_and(|c| c.a == Src::Move(0)));
    assert_eq!(
        code.iter().filter(|op| matches!(op, Op::Move(0))).count(),
        1
    );
}

#[test]
fn deferred_operand_is_not_read_after_a_later_move() {
    use compiler::Src;
    install_test_natives();
    // (< x (inc x)): the second x moves the slot, so the first must be
    // evaluated onto the stack before it.
    let p = compile_src("(let* [x 1] (< x (inc x)))");
    let lt = p.prims.iter().find(|c| c.prim == compiler::Prim::Lt);
    assert!(
        lt.is_some_and(|c| c.a == Src::Stack && c.b == Src::Stack),
        "{:?}",
        p.prims
    );
    let mut rt = Runtime::new(Backend::Vm);
    let f = read_all("(let* [x 1] [(< x (inc x)) (+ x x)])").remove(0);
    let r = rt.eval(&f).map(|v| crate::runtime::printer::pr_str(&v));
    assert_eq!(r.ok().as_deref(), Some("[true 2]"));
}

#[test]
fn proto_outlives_tree_and_has_lines() {
    let p = compile_src("(fn* [x] (fn* [y] [x y]))");
    assert_eq!(p.protos.len(), 1);
    let inner = &p.protos[0].protos[0];
    assert_eq!(inner.captures.len(), 1);
    assert!(!p.arities[0].lines.is_empty());
}

#[test]
fn try_emits_handlers() {
    let p = compile_src(
        "(try (mkex \"a\") (catch ArithmeticException e 1) (catch RuntimeException e 2) (finally 3))",
    );
    let hs = &p.arities[0].handlers;
    // two catches over the body, finally over the body and each catch
    assert_eq!(hs.len(), 5);
    assert_eq!(hs[0].class, Some(ExClass::ArithmeticException));
    assert_eq!(hs[1].class, Some(ExClass::RuntimeException));
    assert!(hs[2..].iter().all(|h| h.class.is_none()));
}

#[test]
fn var_calls_self_calls_and_lookups_compile_to_one_op() {
    install_test_natives();
    let p = compile_src("(fn* f ([x] (f x 1)) ([x y] (probe (:k x) y)))");
    let inner = &p.protos[0];
    let one = &inner.arities[0].code;
    assert!(one.contains(&Op::CallSelf(1, 2)), "{one:?}");
    let two = &inner.arities[1].code;
    assert!(
        two.iter().any(|op| matches!(op, Op::CallVar(_, 2))),
        "{two:?}"
    );
    assert!(!two.iter().any(|op| matches!(op, Op::Var(_) | Op::Call(_))));
    assert!(inner.prims.iter().any(|c| c.prim == compiler::Prim::KwGet));
}

#[test]
fn op_table_gives_effects_and_disassembly() {
    assert_eq!(Op::CallVar(3, 2).stack_effect(), Some(-1));
    assert_eq!(Op::Call(2).stack_effect(), Some(-2));
    assert_eq!(Op::Prim(0).stack_effect(), None);
    assert_eq!(Op::CallSelf(1, 2).to_string(), "CallSelf arity=1 argc=2");
    assert_eq!(Op::Nil.name(), "Nil");
    let p = compile_src("(fn* [x] (probe x))");
    let mut out = String::new();
    crate::bytecode::disassemble(&p, &mut out);
    assert!(
        out.contains("CallVar var=0 argc=1  ; #'clojure.core/probe"),
        "{out}"
    );
    assert!(out.contains("MakeClosure proto=0"), "{out}");
}

#[test]
fn fused_ops_cover_slots_and_constants_only() {
    use compiler::Lookup;
    // a constant first flips the comparison; two slots fuse as LL
    let p = compile_src("(let* [x 1 y 2] (if (< 0 x) (if (>= x y) 1 2) 3))");
    let code = &p.arities[0].code;
    assert!(
        code.iter().any(|op| matches!(op, Op::BrGtLC(0, _, _))),
        "{code:?}"
    );
    assert!(
        code.iter().any(|op| matches!(op, Op::BrGeLL(0, 1, _))),
        "{code:?}"
    );
    // an operand computed on the stack keeps the generic op (`count`, `nth`
    // and `get` are only compiled here: the vars need no value, but they must
    // resolve whichever test ran first)
    let core = namespace::create_ns("clojure.core");
    let user = namespace::create_ns("user");
    for name in ["count", "nth", "get"] {
        let _ = user.refer(name, core.intern(name));
    }
    let p = compile_src("(let* [x 1] (if (< (count [x]) x) (+ (count [x]) x) 0))");
    let code = &p.arities[0].code;
    assert!(
        code.iter().any(|op| matches!(op, Op::Branch(_))),
        "{code:?}"
    );
    assert!(code.iter().any(|op| matches!(op, Op::Prim(_))), "{code:?}");
    // lookups: a collection at its last use is cleared by the fused op
    let p = compile_src("(let* [v [1 2] m {:k 1}] [(nth v 0) (:k m) (get m :k) v])");
    let code = &p.arities[0].code;
    assert!(
        code.iter()
            .any(|op| matches!(op, Op::Lookup(Lookup::NthC, 0, _, _))),
        "{code:?}"
    );
    assert!(
        code.iter()
            .any(|op| matches!(op, Op::Lookup(Lookup::GetC, 1, _, _))),
        "{code:?}"
    );
    assert!(
        code.iter()
            .any(|op| matches!(op, Op::Lookup(Lookup::GetCM, 1, _, _))),
        "{code:?}"
    );
}

/// A proto of one arity with `code`, `slots` frame slots and one constant.
fn proto_with(code: Vec<Op>, slots: u32) -> FnProto {
    FnProto {
        name: "t".into(),
        arities: vec![ArityProto {
            required: 0,
            variadic: false,
            frame_size: slots,
            code: code.into(),
            handlers: Box::new([]),
            lines: Box::new([]),
        }]
        .into(),
        captures: Box::new([]),
        consts: vec![Value::long(1)].into(),
        protos: Box::new([]),
        hosts: Box::new([]),
        prims: vec![PrimCall {
            prim: Prim::Lt,
            a: Src::Local(0),
            b: Src::Const(0),
            var: 0,
            dst: None,
            binary: true,
            on_stack: 0,
        }]
        .into(),
        letfn_groups: Box::new([]),
        pos: Pos::default(),
        file: None,
    }
}

#[test]
fn verify_accepts_compiled_code_and_rejects_out_of_range_operands() {
    // everything the compiler builds passes (it checks each proto)
    let p = compile_src("(loop* [i 0] (if (< i 100) (recur (inc i)) i))");
    assert!(p.verify());
    assert!(proto_with(vec![Op::Load(0), Op::Return], 1).verify());
    // a slot past the frame, a constant or site past its table
    assert!(!proto_with(vec![Op::Load(1), Op::Return], 1).verify());
    assert!(!proto_with(vec![Op::Const(1), Op::Return], 1).verify());
    assert!(!proto_with(vec![Op::Prim(1), Op::Return], 1).verify());
    // falling off the end, a jump out of the code
    assert!(!proto_with(vec![Op::Load(0)], 1).verify());
    assert!(!proto_with(vec![Op::Jump(2), Op::Return], 1).verify());
    // a fused compare without its JumpIfFalse, then with it
    assert!(!proto_with(vec![Op::BrLtLC(0, 0, 0), Op::Nil, Op::Return], 1).verify());
    let ok = vec![Op::BrLtLC(0, 0, 0), Op::JumpIfFalse(3), Op::Nil, Op::Return];
    assert_eq!(ok[0].fused(), Some((Fused::Br(Cmp::Lt, true), 0, 0, 0)));
    assert!(proto_with(ok, 1).verify());
    // its constant operand past the table
    let bad = vec![Op::BrLtLC(0, 1, 0), Op::JumpIfFalse(3), Op::Nil, Op::Return];
    assert!(!proto_with(bad, 1).verify());
    // a Case whose jump table runs past the end
    assert!(!proto_with(vec![Op::Case(0, 3), Op::Jump(0), Op::Return], 1).verify());
}
