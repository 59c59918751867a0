//! Expectations recorded on JVM Clojure 1.11.1.

use super::*;
use crate::runtime::gc::Ref;
use crate::runtime::seq::ArraySeq;

fn l(n: i64) -> Value {
    Value::long(n)
}
fn kw(n: &str) -> Value {
    Value::keyword(None, n)
}
fn vector(xs: &[i64]) -> Value {
    Value::vector(xs.iter().map(|x| l(*x)).collect())
}
fn list(xs: &[i64]) -> Value {
    Value::list(xs.iter().map(|x| l(*x)).collect())
}
fn map(kvs: &[(Value, Value)]) -> Value {
    Value::map_from_pairs(kvs.to_vec())
}

#[test]
fn scalars() {
    // JVM: (= 1 1.0) false, (= 0.0 -0.0) true, (= ##NaN ##NaN) false,
    // (= "a" \a) false, (= 'a 'a) true, (= (with-meta 'a {:x 1}) 'a) true
    assert!(!equiv(&l(1), &Value::double(1.0)));
    assert!(equiv(&Value::double(0.0), &Value::double(-0.0)));
    assert!(!equiv(&Value::double(f64::NAN), &Value::double(f64::NAN)));
    assert!(!equiv(&Value::string("a"), &Value::char('a')));
    assert!(equiv(&Value::string("ab"), &Value::string("ab")));
    assert!(equiv(&Value::symbol(None, "a"), &Value::symbol(None, "a")));
    let sym = Value::symbol(None, "a");
    let with_m = crate::runtime::meta::with_meta(&sym, map(&[(kw("x"), l(1))])).unwrap();
    assert!(equiv(&with_m, &sym));
    assert!(!equiv(&Value::symbol(None, "a"), &kw("a")));
    assert!(equiv(
        &Value::keyword(Some("a"), "b"),
        &Value::keyword(Some("a"), "b")
    ));
    assert!(!equiv(&Value::NIL, &Value::FALSE));
    // JVM: (= nil ()) false
    assert!(!equiv(&Value::NIL, &Value::empty_list()));
}

#[test]
fn java_equals() {
    // JVM: (.equals 0.0 -0.0) false, (.equals ##NaN ##NaN) true,
    // (.equals 1 1.0) false, (.equals [1] '(1)) true, (.equals {:a 1} {:a 1}) true
    assert!(!equals(&Value::double(0.0), &Value::double(-0.0)));
    assert!(equals(&Value::double(f64::NAN), &Value::double(f64::NAN)));
    assert!(!equals(&l(1), &Value::double(1.0)));
    assert!(equals(&vector(&[1]), &list(&[1])));
    assert!(equals(&map(&[(kw("a"), l(1))]), &map(&[(kw("a"), l(1))])));
}

#[test]
fn sequential() {
    // JVM: (= [1 2] '(1 2)) true, (= [] ()) true, (= [1] #{1}) false,
    // (= (first {1 2}) '(1 2)) true, (= {} []) false, (= #{} []) false
    assert!(equiv(&vector(&[1, 2]), &list(&[1, 2])));
    assert!(equiv(&list(&[1, 2]), &vector(&[1, 2])));
    assert!(equiv(&vector(&[]), &Value::empty_list()));
    assert!(!equiv(&vector(&[1]), &Value::set_from(vec![l(1)])));
    assert!(equiv(&Value::map_entry(l(1), l(2)), &list(&[1, 2])));
    assert!(equiv(&vector(&[1, 2]), &Value::map_entry(l(1), l(2))));
    assert!(!equiv(&map(&[]), &vector(&[])));
    assert!(!equiv(&Value::set_from(vec![]), &vector(&[])));
    assert!(!equiv(&vector(&[1, 2]), &vector(&[1, 2, 3])));
    assert!(!equiv(&list(&[1, 2, 3]), &vector(&[1, 2])));
    assert!(equiv(&ArraySeq::value(vec![l(1), l(2)]), &vector(&[1, 2])));
    assert!(!equiv(&ArraySeq::value(vec![l(1), l(2)]), &list(&[1])));
    // nested: JVM (= [[1] {:a [2]}] '((1) {:a (2)})) true
    let a = Value::vector(vec![vector(&[1]), map(&[(kw("a"), vector(&[2]))])]);
    let b = Value::list(vec![list(&[1]), map(&[(kw("a"), list(&[2]))])]);
    assert!(equiv(&a, &b));
    assert!(is_sequential(&a) && is_sequential(&b));
    assert!(!is_sequential(&map(&[])));
}

#[test]
fn long_seqs_do_not_overflow() {
    let n = 300_000;
    let mut a = Ref::new(crate::runtime::coll::List::empty());
    let mut b = Ref::new(crate::runtime::coll::List::empty());
    for i in 0..n {
        a = Ref::new(a.conj(l(i)));
        b = Ref::new(b.conj(l(i)));
    }
    let (a, b) = (Value::from(a), Value::from(b));
    assert!(equiv(&a, &b));
    assert_eq!(
        crate::runtime::hash::hasheq(&a),
        crate::runtime::hash::hasheq(&b)
    );
}

#[test]
fn deep_nesting_uses_no_rust_stack() {
    let deep = || {
        let mut a = vector(&[]);
        for _ in 0..100_000 {
            a = Value::vector(vec![a]);
        }
        a
    };
    let (a, b) = (deep(), deep());
    assert!(equiv(&a, &b));
    let h = crate::runtime::hash::try_hasheq(&a).ok();
    assert_eq!(h, crate::runtime::hash::try_hasheq(&b).ok());
    // Unlink iteratively: the placeholder vector drops recursively.
    for mut v in [a, b] {
        while let View::Vector(x) = v.view() {
            let Some(inner) = x.nth(0).cloned() else {
                break;
            };
            v = inner;
        }
    }
}

#[test]
fn maps_and_sets() {
    // JVM: (= {:a 1 :b [1]} {:b '(1) :a 1}) true; (= {:a 1} {:a 2}) false;
    // (= {:a nil} {:b nil}) false; (= #{1 [2]} #{'(2) 1}) true
    let a = map(&[(kw("a"), l(1)), (kw("b"), vector(&[1]))]);
    let b = map(&[(kw("b"), list(&[1])), (kw("a"), l(1))]);
    assert!(equiv(&a, &b));
    assert!(!equiv(&map(&[(kw("a"), l(1))]), &map(&[(kw("a"), l(2))])));
    assert!(!equiv(
        &map(&[(kw("a"), Value::NIL)]),
        &map(&[(kw("b"), Value::NIL)])
    ));
    let big: Vec<(Value, Value)> = (0..20).map(|i| (l(i), l(i * 2))).collect();
    let big_rev: Vec<(Value, Value)> = (0..20).rev().map(|i| (l(i), l(i * 2))).collect();
    assert!(equiv(&map(&big), &map(&big_rev)));
    assert!(!equiv(&map(&big), &map(&big[..19])));
    let s1 = Value::set_from(vec![l(1), vector(&[2])]);
    let s2 = Value::set_from(vec![list(&[2]), l(1)]);
    assert!(equiv(&s1, &s2));
    assert!(!equiv(&s1, &Value::set_from(vec![l(1)])));
    assert!(!equiv(&s1, &map(&[])));
}

#[test]
fn identity_types() {
    // JVM: (= #"a" #"a") false
    let r1 = Value::regex("a").unwrap();
    let r2 = Value::regex("a").unwrap();
    assert!(!equiv(&r1, &r2));
    assert!(equiv(&r1, &r1.clone()));
    let e = Value::from(crate::runtime::Exception::new(
        crate::runtime::ExClass::RuntimeException,
        "x",
    ));
    assert!(equiv(&e, &e.clone()));
}
