//! VM unit tests, and test support shared with lib.rs's backend tests: a
//! tiny form reader (the real reader lives elsewhere) and temporary
//! clojure.core natives, registered for tests only.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::namespace;
use crate::runtime::value::{Value, View};
use std::cell::RefCell;

/// Read forms: lists, vectors, maps, sets (`#{}`), integers, doubles,
/// strings, keywords, symbols, nil/true/false. Test input only.
pub(crate) fn read_all(src: &str) -> Vec<Value> {
    let toks = tokenize(src);
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < toks.len() {
        out.push(read_form(&toks, &mut pos));
    }
    out
}

fn tokenize(src: &str) -> Vec<String> {
    let mut toks = Vec::new();
    let mut cur = String::new();
    let mut chars = src.chars().peekable();
    let flush = |cur: &mut String, toks: &mut Vec<String>| {
        if !cur.is_empty() {
            toks.push(std::mem::take(cur));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '(' | ')' | '[' | ']' | '{' | '}' => {
                flush(&mut cur, &mut toks);
                toks.push(c.to_string());
            }
            '#' if chars.peek() == Some(&'{') => {
                flush(&mut cur, &mut toks);
                chars.next();
                toks.push("#{".into());
            }
            '"' => {
                flush(&mut cur, &mut toks);
                let mut s = String::from("\"");
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                    s.push(c);
                }
                toks.push(s);
            }
            c if c.is_whitespace() || c == ',' => flush(&mut cur, &mut toks),
            c => cur.push(c),
        }
    }
    flush(&mut cur, &mut toks);
    toks
}

fn read_seq(toks: &[String], pos: &mut usize, close: &str) -> Vec<Value> {
    let mut items = Vec::new();
    while *pos < toks.len() && toks[*pos] != close {
        items.push(read_form(toks, pos));
    }
    *pos += 1;
    items
}

fn read_form(toks: &[String], pos: &mut usize) -> Value {
    let t = toks[*pos].clone();
    *pos += 1;
    match t.as_str() {
        "(" => Value::list(read_seq(toks, pos, ")")),
        "[" => Value::vector(read_seq(toks, pos, "]")),
        "#{" => Value::set_from(read_seq(toks, pos, "}")),
        "{" => {
            let items = read_seq(toks, pos, "}");
            let pairs = items
                .chunks(2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect();
            Value::map_from_pairs(pairs)
        }
        "nil" => Value::NIL,
        "true" => Value::TRUE,
        "false" => Value::FALSE,
        _ if t.starts_with('"') => Value::string(&t[1..]),
        _ if t.starts_with(':') => Value::keyword(None, &t[1..]),
        _ => {
            if let Ok(n) = t.parse::<i64>() {
                Value::long(n)
            } else if let Ok(d) = t.parse::<f64>()
                && t.contains('.')
            {
                Value::double(d)
            } else {
                match t.split_once('/') {
                    Some((ns, name)) if !ns.is_empty() && !name.is_empty() => {
                        Value::symbol(Some(ns), name)
                    }
                    _ => Value::symbol(None, &t),
                }
            }
        }
    }
}

thread_local! {
    static LOG: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Both args as doubles, and as longs when both are longs.
type Nums = (f64, f64, Option<(i64, i64)>);

fn nums(args: &[Value]) -> Result<Nums> {
    let f = |v: &Value| match v.view() {
        View::Long(n) => Ok(n as f64),
        View::Double(d) => Ok(d),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class java.lang.Number",
                v.class_name()
            ),
        )),
    };
    let [a, b] = args else {
        return Err(Exception::new(ExClass::ArityException, "test native arity"));
    };
    let longs = a.as_long().zip(b.as_long());
    Ok((f(a)?, f(b)?, longs))
}

fn overflow() -> Exception {
    Exception::new(ExClass::ArithmeticException, "long overflow")
}

macro_rules! arith_native {
    ($name:ident, $checked:ident, $op:tt) => {
        fn $name(args: &[Value]) -> Result<Value> {
            let (x, y, l) = nums(args)?;
            match l {
                Some((a, b)) => a.$checked(b).map(Value::long).ok_or_else(overflow),
                None => Ok(Value::double(x $op y)),
            }
        }
    };
}
arith_native!(n_add, checked_add, +);
arith_native!(n_sub, checked_sub, -);
arith_native!(n_mul, checked_mul, *);

macro_rules! cmp_native {
    ($name:ident, $op:tt) => {
        fn $name(args: &[Value]) -> Result<Value> {
            let (x, y, l) = nums(args)?;
            Ok(Value::bool(match l {
                Some((a, b)) => a $op b,
                None => x $op y,
            }))
        }
    };
}
cmp_native!(n_lt, <);
cmp_native!(n_gt, >);
cmp_native!(n_le, <=);
cmp_native!(n_ge, >=);
cmp_native!(n_num_eq, ==);

fn one(args: &[Value]) -> Result<&Value> {
    match args {
        [a] => Ok(a),
        _ => Err(Exception::new(ExClass::ArityException, "test native arity")),
    }
}

fn n_inc(args: &[Value]) -> Result<Value> {
    n_add(&[one(args)?.clone(), Value::long(1)])
}
fn n_dec(args: &[Value]) -> Result<Value> {
    n_sub(&[one(args)?.clone(), Value::long(1)])
}
fn n_zero(args: &[Value]) -> Result<Value> {
    n_num_eq(&[one(args)?.clone(), Value::long(0)])
}
fn n_pos(args: &[Value]) -> Result<Value> {
    n_gt(&[one(args)?.clone(), Value::long(0)])
}
fn n_neg(args: &[Value]) -> Result<Value> {
    n_lt(&[one(args)?.clone(), Value::long(0)])
}
fn n_eq(args: &[Value]) -> Result<Value> {
    match args {
        [a, b] => Ok(Value::bool(crate::runtime::equality::equiv(a, b))),
        _ => Err(Exception::new(ExClass::ArityException, "test native arity")),
    }
}
fn n_not(args: &[Value]) -> Result<Value> {
    Ok(Value::bool(!one(args)?.truthy()))
}
fn n_nil(args: &[Value]) -> Result<Value> {
    Ok(Value::bool(one(args)?.is_nil()))
}
fn n_identical(args: &[Value]) -> Result<Value> {
    match args {
        [a, b] => Ok(Value::bool(a.identical(b))),
        _ => Err(Exception::new(ExClass::ArityException, "test native arity")),
    }
}
/// `(log x)`: append x to this thread's log, return it.
fn n_log(args: &[Value]) -> Result<Value> {
    let x = one(args)?.clone();
    LOG.with(|l| l.borrow_mut().push(x.clone()));
    Ok(x)
}
/// `(logged)`: the log as a vector, clearing it.
fn n_logged(_: &[Value]) -> Result<Value> {
    Ok(Value::vector(
        LOG.with(|l| std::mem::take(&mut *l.borrow_mut())),
    ))
}
/// `(mkex msg)`: a RuntimeException value.
fn n_mkex(args: &[Value]) -> Result<Value> {
    let msg = one(args)?.as_str().unwrap_or("").to_string();
    Ok(Value::from(Exception::new(ExClass::RuntimeException, msg)))
}
/// `(probe ex)`: strong count of the exception's heap object, as seen by a
/// native: 2 when the caller passed its only reference (ours + the arg).
fn n_probe(args: &[Value]) -> Result<Value> {
    let e = one(args)?.as_exception();
    Ok(match e {
        Some(e) => Value::long(crate::runtime::gc::Ref::strong_count(&e.0) as i64),
        None => Value::NIL,
    })
}
/// `(call f & args)`: call f from Rust (through the invoke hook).
fn n_call(args: &[Value]) -> Result<Value> {
    match args.split_first() {
        Some((f, rest)) => crate::runtime::func::invoke(f, rest),
        None => Err(Exception::new(ExClass::ArityException, "test native arity")),
    }
}

/// Register the temporary clojure.core natives the tests use, and refer
/// them into `user`.
pub(crate) fn install_test_natives() {
    let core = namespace::create_ns("clojure.core");
    let fns: &[(&str, crate::runtime::func::NativeFnPtr)] = &[
        ("+", n_add),
        ("-", n_sub),
        ("*", n_mul),
        ("<", n_lt),
        (">", n_gt),
        ("<=", n_le),
        (">=", n_ge),
        ("==", n_num_eq),
        ("=", n_eq),
        ("inc", n_inc),
        ("dec", n_dec),
        ("zero?", n_zero),
        ("pos?", n_pos),
        ("neg?", n_neg),
        ("not", n_not),
        ("nil?", n_nil),
        ("identical?", n_identical),
        ("log", n_log),
        ("logged", n_logged),
        ("mkex", n_mkex),
        ("probe", n_probe),
        ("call", n_call),
    ];
    let user = namespace::create_ns("user");
    for (name, f) in fns {
        let v = core.intern(name);
        if !v.has_root() {
            v.bind_root(Value::native_fn(name, *f));
        }
        let _ = user.refer(name, v);
    }
}

#[cfg(test)]
mod unit {
    use super::*;
    use crate::{Backend, Runtime};

    /// `Value::drop_fast` (the VM's return path for the frame's fn value):
    /// a shared fn only loses one reference, the last reference frees it,
    /// and other values drop as usual.
    #[test]
    fn drop_fast_releases_one_reference() {
        use crate::runtime::func::Fn;
        use crate::runtime::gc::Ref;
        fn id(args: &[Value]) -> Result<Value> {
            Ok(args.first().cloned().unwrap_or_default())
        }
        let r = Ref::new(Fn::native("id", id));
        let weak = Ref::downgrade(&r);
        let a = Value::from(r);
        let b = a.clone();
        let c = a.clone();
        assert_eq!(weak.strong_count(), 3);
        b.drop_fast();
        assert_eq!(weak.strong_count(), 2);
        c.drop_fast();
        assert_eq!(weak.strong_count(), 1);
        let r = crate::runtime::func::call(&a, &mut [Value::long(7)]);
        assert_eq!(r.ok().and_then(|v| v.as_long()), Some(7));
        a.drop_fast();
        assert_eq!(weak.strong_count(), 0);
        Value::string("not a fn").drop_fast();
        Value::long(1).drop_fast();
    }

    #[test]
    fn intrinsic_fallback_calls_the_var() {
        let mut rt = Runtime::new(Backend::Vm);
        install_test_natives();
        let f = read_all("(= \"a\" \"a\")").remove(0);
        assert_eq!(rt.eval(&f).ok().and_then(|v| v.as_bool()), Some(true));
        // non-numbers reach the var's fn, which throws (JVM: NullPointerException)
        let f = read_all("(+ 1 nil)").remove(0);
        assert_eq!(
            rt.eval(&f).err().map(|e| e.class()),
            Some(ExClass::NullPointerException)
        );
        let f = read_all("(inc 9223372036854775807)").remove(0);
        let e = rt.eval(&f).err();
        assert_eq!(e.as_ref().and_then(|e| e.message()), Some("long overflow"));
    }

    #[test]
    fn exceptions_get_stack_frames() {
        let mut rt = Runtime::new(Backend::Vm);
        install_test_natives();
        for src in read_all(
            "(def vm-thrower (fn* [n] (if (zero? n) (throw (mkex \"deep\")) (inc (vm-thrower (dec n))))))",
        ) {
            let _ = rt.eval(&src);
        }
        let f = read_all("(vm-thrower 3)").remove(0);
        let e = rt.eval(&f).err().unwrap_or_else(|| panic!("no error"));
        let frames = e.frames();
        assert_eq!(
            frames
                .iter()
                .filter(|f| f.name == "user/vm-thrower")
                .count(),
            4
        );
    }

    fn eval_all(rt: &mut Runtime, src: &str) -> Option<Value> {
        let mut last = None;
        for f in read_all(src) {
            last = Some(rt.eval(&f).unwrap_or_else(|e| panic!("{src}: {e}")));
        }
        last
    }

    /// A running frame's closure is owned by its hidden slot: redefining
    /// the var that held the only other reference (and dropping the fn
    /// value from the caller's stack) leaves the running code alive.
    #[test]
    fn running_closure_survives_its_var_being_redefined() {
        let mut rt = Runtime::new(Backend::Vm);
        install_test_natives();
        let r = eval_all(
            &mut rt,
            "(def vm-redef (fn* [n] (def vm-redef nil) (+ n ((fn* [] (+ n 1))))))
             (vm-redef 20)",
        );
        assert_eq!(r.and_then(|v| v.as_long()), Some(41));
        let r = eval_all(
            &mut rt,
            "(def vm-redef2 (fn* [n] (def vm-redef2 nil) n))
             ((fn* [] (vm-redef2 7)))",
        );
        assert_eq!(r.and_then(|v| v.as_long()), Some(7));
    }

    /// Closures called from Rust called from the VM run on the next
    /// depth's VM; errors unwind through every depth and the VMs are
    /// reusable afterwards.
    #[test]
    fn reentrant_calls_use_one_vm_per_depth() {
        let mut rt = Runtime::new(Backend::Vm);
        install_test_natives();
        let r = eval_all(
            &mut rt,
            "(def vm-nest (fn* [n] (if (zero? n) 0 (+ 1 (call vm-nest (dec n))))))
             (vm-nest 50)",
        );
        assert_eq!(r.and_then(|v| v.as_long()), Some(50));
        let f = read_all("(call (fn* [] (call (fn* [] (throw (mkex \"inner\"))))))").remove(0);
        assert!(rt.eval(&f).is_err());
        let r = eval_all(&mut rt, "(call (fn* [a b] (call (fn* [x] (* x b)) a)) 6 7)");
        assert_eq!(r.and_then(|v| v.as_long()), Some(42));
    }

    /// A `Caller`'s frames borrow the fn value in their hidden slot: after
    /// returns, `SelfFn` results, exceptions caught inside the fn and
    /// exceptions thrown out of it, the fn's reference count is what it
    /// was, and the VM is idle.
    #[test]
    fn caller_frames_borrow_the_fn_value() {
        use crate::vm::with_caller;
        let mut rt = Runtime::new(Backend::Vm);
        install_test_natives();
        let f = eval_all(
            &mut rt,
            "(fn* g [a x] (if (= x 3) (throw (mkex \"three\")) (if (= x 4) (try (throw (mkex \"four\")) (catch Exception e g)) g)))",
        )
        .unwrap_or_else(|| panic!("no fn"));
        let count = f.fn_strong_count();
        assert!(count >= 1);
        for _ in 0..3 {
            let r = with_caller(&f, |c| {
                for i in 0..6 {
                    match c.call2(Value::long(0), Value::long(i)) {
                        Ok(v) => assert!(v.identical(&f), "call {i}"),
                        Err(e) => assert_eq!((i, e.message()), (3, Some("three"))),
                    }
                    assert_eq!(f.fn_strong_count(), count, "call {i}");
                }
                // a fixed arity it lacks: the general entry's arity error
                assert!(c.call1(Value::long(0)).is_err());
                c.call2(Value::long(0), Value::long(5))
            });
            assert!(r.is_ok_and(|v| v.identical(&f)));
            assert_eq!(f.fn_strong_count(), count);
        }
    }

    /// Calls between bytecode closures stay in one dispatch loop: deep
    /// non-tail recursion ends in StackOverflowError, not a Rust overflow.
    #[test]
    fn deep_recursion_is_a_stack_overflow_error() {
        let mut rt = Runtime::new(Backend::Vm);
        install_test_natives();
        eval_all(
            &mut rt,
            "(def vm-deep (fn* [n] (if (zero? n) 0 (inc (vm-deep (dec n))))))",
        );
        let f = read_all("(vm-deep 10000000)").remove(0);
        assert_eq!(
            rt.eval(&f).err().map(|e| e.class()),
            Some(ExClass::StackOverflowError)
        );
        let r = eval_all(&mut rt, "(vm-deep 1000)");
        assert_eq!(r.and_then(|v| v.as_long()), Some(1000));
    }
}

/// `cut` (a frame's return) drops the heap values above `len` and cuts
/// the immediates off: the values below stay, the fn values cut keep
/// working through their other references.
#[test]
fn cut_drops_heap_values_and_keeps_the_rest() {
    let f = Value::native_fn("f", |_| Ok(Value::long(7)));
    let v = Value::vector(vec![Value::long(1), Value::string("x")]);
    let mut stack = vec![
        Value::long(1),
        v.clone(),
        Value::NIL,
        f.clone(),
        Value::string("s"),
        Value::double(2.5),
        v.clone(),
    ];
    super::cut(&mut stack, 2);
    assert_eq!(stack.len(), 2);
    assert_eq!(stack[0].as_long(), Some(1));
    assert!(stack[1].identical(&v));
    assert!(crate::runtime::func::call(&f, &mut []).is_ok_and(|r| r.as_long() == Some(7)));
    // nothing to cut
    super::cut(&mut stack, 2);
    super::cut(&mut stack, 5);
    assert_eq!(stack.len(), 2);
    super::cut(&mut stack, 0);
    assert!(stack.is_empty());
    assert_eq!(crate::runtime::printer::pr_str(&v), "[1 \"x\"]");
}
