//! Expected values come from JVM Clojure 1.11.1 (noted as "JVM:").

use super::*;
use crate::runtime::func::{Fn, FnKind};
use crate::runtime::gc::Ref;
use crate::runtime::printer::pr_str;

fn l(n: i64) -> Value {
    Value::long(n)
}
fn native(f: crate::runtime::func::NativeFnPtr) -> Value {
    Value::from(Ref::new(Fn::new(None, FnKind::Native(f))))
}
fn arg(args: &[Value], i: usize) -> i64 {
    args.get(i).and_then(|v| v.as_long()).unwrap_or(0)
}
fn greater(args: &[Value]) -> Result<Value> {
    Ok(Value::bool(arg(args, 0) > arg(args, 1)))
}
fn minus(args: &[Value]) -> Result<Value> {
    Ok(l(arg(args, 0) - arg(args, 1)))
}
fn huge(args: &[Value]) -> Result<Value> {
    Ok(l((arg(args, 0) - arg(args, 1)) * 4294967296))
}
fn half(_: &[Value]) -> Result<Value> {
    Ok(Value::double(0.5))
}
fn nil(_: &[Value]) -> Result<Value> {
    Ok(Value::NIL)
}
fn kw(_: &[Value]) -> Result<Value> {
    Ok(Value::keyword(None, "x"))
}
fn pairs(ns: &[i64]) -> Vec<(Value, Value)> {
    ns.chunks(2)
        .map(|c| (l(c[0]), l(*c.get(1).unwrap_or(&0))))
        .collect()
}
/// Entries as a printed seq (independent of how the printer shows maps).
fn show(m: &Value) -> String {
    pr_str(&crate::runtime::seq::seq(m).unwrap_or(Value::NIL))
}
fn by(f: Value, ns: &[i64]) -> Result<Value> {
    Value::sorted_map_from_pairs(pairs(ns), Some(f))
}

#[test]
fn fn_comparators_like_afunction_compare() {
    // JVM: (keys (sorted-map-by > 1 1 2 2 3 3)) => (3 2 1)
    let m = by(native(greater), &[1, 1, 2, 2, 3, 3]).expect("ok");
    assert_eq!(show(&m), "([3 3] [2 2] [1 1])");
    // JVM: (sorted-map-by (fn [a b] (- a b)) 3 1 1 1 2 2) => {1 1, 2 2, 3 1}
    assert_eq!(
        show(&by(native(minus), &[3, 1, 1, 1, 2, 2]).expect("ok")),
        "([1 1] [2 2] [3 1])"
    );
    // JVM: (sorted-map-by (fn [a b] (* 4294967296 (- a b))) 1 1 2 2) => {1 2}
    assert_eq!(
        show(&by(native(huge), &[1, 1, 2, 2]).expect("ok")),
        "([1 2])"
    );
    // JVM: (sorted-map-by (fn [a b] 0.5) 3 1 1 1 2 2) => {3 2}
    assert_eq!(
        show(&by(native(half), &[3, 1, 1, 1, 2, 2]).expect("ok")),
        "([3 2])"
    );
    // JVM: (sorted-map-by (fn [a b] nil) 3 1 1 1 2 2) => NullPointerException
    let e = by(native(nil), &[3, 1, 1, 1]).expect_err("throws");
    assert_eq!(e.class(), ExClass::NullPointerException);
    assert_eq!(
        e.message(),
        Some("Cannot invoke \"java.lang.Number.intValue()\" because \"n\" is null")
    );
    // JVM: (sorted-map-by (fn [a b] :x) 3 1 1 1 2 2) => ClassCastException: class
    //   clojure.lang.Keyword cannot be cast to class java.lang.Number (clojure.lang.Keyword
    //   is in unnamed module of loader 'app'; java.lang.Number is in module java.base of
    //   loader 'bootstrap')
    let e = by(native(kw), &[3, 1, 1, 1]).expect_err("throws");
    assert_eq!(e.class(), ExClass::ClassCastException);
    assert_eq!(
        e.message(),
        Some(
            "class clojure.lang.Keyword cannot be cast to class java.lang.Number \
             (clojure.lang.Keyword is in unnamed module of loader 'app'; java.lang.Number \
             is in module java.base of loader 'bootstrap')"
        )
    );
    // JVM: (sorted-map-by 5 1 1 2 2) => ClassCastException: class java.lang.Long cannot be
    //   cast to class java.util.Comparator (java.lang.Long and java.util.Comparator are in
    //   module java.base of loader 'bootstrap')
    let e = by(l(5), &[1, 1]).expect_err("throws");
    assert_eq!(
        e.message(),
        Some(
            "class java.lang.Long cannot be cast to class java.util.Comparator \
             (java.lang.Long and java.util.Comparator are in module java.base of loader \
             'bootstrap')"
        )
    );
}

#[test]
fn default_comparator_throws_on_incomparable_keys() {
    // JVM: (sorted-map 1 :a "b" :c) => ClassCastException
    let e = Value::sorted_map_from_pairs(
        vec![(l(1), Value::NIL), (Value::string("b"), Value::NIL)],
        None,
    )
    .expect_err("throws");
    assert_eq!(e.class(), ExClass::ClassCastException);
    // JVM: (get (sorted-map 1 2) "a") => ClassCastException
    let m = SortedMap::from_pairs(pairs(&[1, 2]), Comparator::Default).expect("ok");
    assert!(m.get(&Value::string("a")).is_err());
    // JVM: (sorted-map nil 1 2 2) => {nil 1, 2 2}
    let m = m.assoc(Value::NIL, l(1)).expect("ok");
    assert_eq!(pr_str(&m.seq()), "([nil 1] [1 2])");
}

#[test]
fn seqs_and_subseq_blocks() {
    let m =
        SortedMap::from_pairs(pairs(&[3, 3, 1, 1, 2, 2, 4, 4]), Comparator::Default).expect("ok");
    // JVM: (class (seq (sorted-map 1 2))) => clojure.lang.PersistentTreeMap$Seq
    assert_eq!(m.seq().class_name(), "clojure.lang.PersistentTreeMap$Seq");
    // JVM: (rseq (sorted-map 3 3 1 1 2 2)) => ([3 3] [2 2] [1 1]) (here with 4 too)
    assert_eq!(pr_str(&m.rseq()), "([4 4] [3 3] [2 2] [1 1])");
    // JVM: (first (sorted-map 3 3 1 1 2 2)) => [1 1]
    assert_eq!(m.first_entry().and_then(|(k, _)| k.as_long()), Some(1));
    assert_eq!(m.last_entry().and_then(|(k, _)| k.as_long()), Some(4));
    // JVM: (subseq (sorted-map 1 1 2 2 3 3 4 4) > 2) => ([3 3] [4 4]); seqFrom 2 asc
    // starts at 2 and subseq drops it.
    assert_eq!(
        pr_str(&m.seq_from(&l(2), true).expect("ok")),
        "([2 2] [3 3] [4 4])"
    );
    // JVM: (rsubseq (sorted-map 1 1 2 2 3 3 4 4) < 3) => ([2 2] [1 1])
    assert_eq!(
        pr_str(&m.seq_from(&l(3), false).expect("ok")),
        "([3 3] [2 2] [1 1])"
    );
    let odd = SortedMap::from_pairs(pairs(&[1, 1, 3, 3, 5, 5]), Comparator::Default).expect("ok");
    // JVM: (subseq (sorted-map 1 1 3 3 5 5) >= 2) => ([3 3] [5 5])
    assert_eq!(
        pr_str(&odd.seq_from(&l(2), true).expect("ok")),
        "([3 3] [5 5])"
    );
    // JVM: (subseq (sorted-map 1 1 3 3 5 5) >= 6) => nil
    assert!(odd.seq_from(&l(6), true).expect("ok").is_nil());
    // JVM: (rsubseq (sorted-map 1 1 3 3 5 5) <= 4) => ([3 3] [1 1])
    assert_eq!(
        pr_str(&odd.seq_from(&l(4), false).expect("ok")),
        "([3 3] [1 1])"
    );
    // JVM: (seq (sorted-map)) => nil, (rseq (sorted-map)) => nil
    assert!(SortedMap::empty(Comparator::Default).seq().is_nil());
    assert!(SortedMap::empty(Comparator::Default).rseq().is_nil());
    // JVM: (seq (dissoc (sorted-map 1 1 2 2 3 3) 2)) => ([1 1] [3 3])
    let d = odd.without(&l(3)).expect("ok");
    assert_eq!(pr_str(&d.seq()), "([1 1] [5 5])");
}

#[test]
fn sorted_sets() {
    // JVM: (sorted-set 3 1 2 nil) => #{nil 1 2 3}
    let s =
        SortedSet::from_items(vec![l(3), l(1), l(2), Value::NIL], Comparator::Default).expect("ok");
    assert_eq!(pr_str(&s.seq()), "(nil 1 2 3)");
    // JVM: (class (seq (sorted-set 1))) / rseq => APersistentMap$KeySeq
    assert_eq!(s.seq().class_name(), "clojure.lang.APersistentMap$KeySeq");
    assert_eq!(s.rseq().class_name(), "clojure.lang.APersistentMap$KeySeq");
    assert_eq!(pr_str(&s.rseq()), "(3 2 1 nil)");
    // JVM: (sorted-set 1 "b") => ClassCastException
    assert!(Value::sorted_set_from(vec![l(1), Value::string("b")], None).is_err());
    // JVM: (count (sorted-map-by (fn [a b] 0) 1 1 2 2 3 3)) => 1
    fn zero(_: &[Value]) -> Result<Value> {
        Ok(l(0))
    }
    let z = Value::sorted_set_from(vec![l(1), l(2), l(3)], Some(native(zero))).expect("ok");
    assert_eq!(show(&z), "(1)");
    let m = s.with_meta(Some(l(1)));
    assert!(m.conj(l(9)).expect("ok").meta().is_some());
    assert!(m.disj(&l(1)).expect("ok").meta().is_some());
    assert_eq!(m.disj(&l(1)).expect("ok").count(), 3);
    assert!(m.empty_like().meta().is_some() && m.empty_like().is_empty());
}

#[test]
fn red_black_invariants_hold() {
    let mut m = SortedMap::empty(Comparator::Default);
    for i in 0..500 {
        m = m.assoc(l((i * 7919) % 1009), l(i)).expect("ok");
        m.check_invariants();
    }
    for i in 0..500 {
        m = m.without(&l((i * 31) % 1009)).expect("ok");
        m.check_invariants();
    }
    let keys: Vec<i64> = m.keys().filter_map(|k| k.as_long()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}
