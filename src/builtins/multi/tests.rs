//! Unit tests for hierarchies and multimethod dispatch internals. Expected
//! values are the JVM's (Clojure 1.11.1), noted per case.

use super::{derive3, empty_hierarchy, isa3, parents2, underive3};
use crate::runtime::error::ExClass;
use crate::runtime::gc::Ref;
use crate::runtime::multi::MultiFn;
use crate::runtime::printer::pr_str;
use crate::runtime::value::{Value, View};
use crate::{Backend, Runtime};

fn k(name: &str) -> Value {
    Value::keyword(None, name)
}

/// Installs the hierarchy ops the dispatch uses.
fn boot() -> Runtime {
    Runtime::new(Backend::Vm)
}

fn identity(args: &[Value]) -> crate::runtime::error::Result<Value> {
    Ok(args.first().cloned().unwrap_or(Value::NIL))
}

fn method(name: &'static str) -> Value {
    // A method returning its own name: a keyword per method.
    match name {
        "a" => Value::native_fn("a", |_| Ok(k("a"))),
        "b" => Value::native_fn("b", |_| Ok(k("b"))),
        _ => Value::native_fn("d", |_| Ok(k("default"))),
    }
}

fn call(mf: &Value, x: Value) -> String {
    match crate::runtime::func::invoke(mf, &[x]) {
        Ok(v) => pr_str(&v),
        Err(e) => format!("{} {}", e.class().name(), e.message().unwrap_or("")),
    }
}

fn multi(h: &Value) -> Value {
    let d = Value::native_fn("identity", identity);
    Value::from(Ref::new(MultiFn::new("m", d, k("default"), h.clone())))
}

fn mf(v: &Value) -> &MultiFn {
    match v.view() {
        View::MultiFn(m) => m,
        _ => unreachable!("not a multifn"),
    }
}

#[test]
fn derive_builds_maps_like_core_clj() {
    let _rt = boot();
    // JVM: (-> (make-hierarchy) (derive :a :b) (derive :b :c))
    let h = derive3(&empty_hierarchy(), &k("a"), &k("b")).unwrap();
    let h = derive3(&h, &k("b"), &k("c")).unwrap();
    assert_eq!(
        pr_str(&h),
        "{:parents {:a #{:b}, :b #{:c}}, :ancestors {:a #{:c :b}, :b #{:c}}, :descendants {:b #{:a}, :c #{:b :a}}}"
    );
    assert!(isa3(&h, &k("a"), &k("c")).unwrap());
    assert!(!isa3(&h, &k("c"), &k("a")).unwrap());
    assert_eq!(pr_str(&parents2(&h, &k("a")).unwrap()), "#{:b}");
    // JVM: (underive h :a :b) => {:parents {:b #{:c}}, :ancestors {:b #{:c}}, :descendants {:c #{:b}}}
    let u = underive3(&h, &k("a"), &k("b")).unwrap();
    assert_eq!(
        pr_str(&u),
        "{:parents {:b #{:c}}, :ancestors {:b #{:c}}, :descendants {:c #{:b}}}"
    );
    // JVM: (derive h :c :a) throws "Cyclic derivation: :a has :c as ancestor"
    let e = derive3(&h, &k("c"), &k("a")).err().unwrap();
    assert_eq!(e.class(), ExClass::Exception);
    assert_eq!(
        e.message(),
        Some("Cyclic derivation: :a has :c as ancestor")
    );
    let e = derive3(&h, &k("a"), &k("a")).err().unwrap();
    assert_eq!(e.class(), ExClass::AssertionError);
}

#[test]
fn dispatch_caches_and_resets_when_the_hierarchy_changes() {
    let _rt = boot();
    let h0 = derive3(&empty_hierarchy(), &k("x"), &k("a")).unwrap();
    let href = Value::atom(h0);
    let m = multi(&href);
    mf(&m).add_method(k("a"), method("a")).unwrap();
    assert_eq!(call(&m, k("x")), ":a");
    // The resolved method for :x is cached against this hierarchy value.
    let cache = crate::runtime::func::get(&mf(&m).method_table(), &k("x"), Value::NIL).unwrap();
    assert!(cache.is_nil(), "the method table itself is not the cache");
    assert_eq!(
        call(&m, k("y")),
        "java.lang.IllegalArgumentException No method in multimethod 'm' for dispatch value: :y"
    );
    // A new hierarchy value invalidates the cache.
    let h1 = derive3(&empty_hierarchy(), &k("y"), &k("a")).unwrap();
    if let View::Atom(a) = href.view() {
        a.reset(&href, h1).unwrap();
    }
    assert_eq!(call(&m, k("y")), ":a");
    assert_eq!(
        call(&m, k("x")),
        "java.lang.IllegalArgumentException No method in multimethod 'm' for dispatch value: :x"
    );
    // Adding a default method resets the cache too.
    mf(&m).add_method(k("default"), method("d")).unwrap();
    assert_eq!(call(&m, k("x")), ":default");
}

#[test]
fn ambiguity_and_preferences() {
    let _rt = boot();
    let h = derive3(&empty_hierarchy(), &k("c"), &k("a")).unwrap();
    let h = derive3(&h, &k("c"), &k("b")).unwrap();
    let m = multi(&Value::atom(h));
    mf(&m).add_method(k("a"), method("a")).unwrap();
    mf(&m).add_method(k("b"), method("b")).unwrap();
    // JVM: "Multiple methods in multimethod 'g' match dispatch value: :user/circle
    // -> :user/shape and :user/round, and neither is preferred" (same shape).
    let out = call(&m, k("c"));
    assert!(
        out.starts_with("java.lang.IllegalArgumentException Multiple methods in multimethod 'm' match dispatch value: :c -> ")
            && out.ends_with(", and neither is preferred"),
        "{out}"
    );
    mf(&m).prefer_method(k("b"), k("a")).unwrap();
    assert_eq!(call(&m, k("c")), ":b");
    assert_eq!(pr_str(&mf(&m).prefer_table()), "{:b #{:a}}");
    // JVM: IllegalStateException "Preference conflict in multimethod 'g':
    // :user/round is already preferred to :user/shape"
    let e = mf(&m).prefer_method(k("a"), k("b")).err().unwrap();
    assert_eq!(e.class(), ExClass::IllegalStateException);
    assert_eq!(
        e.message(),
        Some("Preference conflict in multimethod 'm': :b is already preferred to :a")
    );
    mf(&m).reset();
    assert_eq!(pr_str(&mf(&m).prefer_table()), "{}");
    assert_eq!(pr_str(&mf(&m).method_table()), "{}");
}

#[test]
fn nil_dispatch_value_is_null_in_messages() {
    let _rt = boot();
    let m = multi(&Value::atom(empty_hierarchy()));
    // JVM: "No method in multimethod 'area' for dispatch value: null"
    assert_eq!(
        call(&m, Value::NIL),
        "java.lang.IllegalArgumentException No method in multimethod 'm' for dispatch value: null"
    );
}

#[test]
fn vectors_and_classes_in_isa() {
    let _rt = boot();
    let h = derive3(&empty_hierarchy(), &k("x"), &k("a")).unwrap();
    let v = |a: &[Value]| Value::vector(a.to_vec());
    assert!(isa3(&h, &v(&[k("x"), k("x")]), &v(&[k("a"), k("x")])).unwrap());
    assert!(!isa3(&h, &v(&[k("x")]), &v(&[k("a"), k("a")])).unwrap());
    let string = Value::class("java.lang.String", false);
    let object = Value::class("java.lang.Object", false);
    assert!(isa3(&h, &string, &object).unwrap());
    assert!(!isa3(&h, &object, &string).unwrap());
}
