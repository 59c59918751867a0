//! Expected values come from JVM Clojure 1.11.1 (noted per test as "JVM:").

use super::*;
use crate::runtime::coll::{ArrayMap, HashSet, TransientMap, TransientSet};
use crate::runtime::error::ExClass;
use crate::runtime::printer::pr_str;
use crate::runtime::seq;
use crate::runtime::value::View;

fn l(n: i64) -> Value {
    Value::long(n)
}

fn zipmap(n: i64) -> Value {
    let mut m = Value::from(Ref::new(ArrayMap::empty()));
    for i in 0..n {
        m = match m.view() {
            View::ArrayMap(a) => a.assoc(l(i), l(i)),
            View::HashMap(h) => Value::from(Ref::new(h.assoc(l(i), l(i)))),
            _ => unreachable!(),
        };
    }
    m
}

fn keys_str(m: &Value) -> String {
    let v: Vec<Value> = seq::iter(m)
        .map(|e| match e.ok().as_ref().map(|e| e.view()) {
            Some(View::MapEntry(me)) => me.key().clone(),
            _ => Value::NIL,
        })
        .collect();
    pr_str(&Value::list(v))
}

#[test]
fn array_map_grows_into_hash_map_at_nine() {
    // JVM: (class (zipmap (range 8) (range 8))) => PersistentArrayMap
    assert_eq!(zipmap(8).class_name(), "clojure.lang.PersistentArrayMap");
    // JVM: (class (assoc (zipmap (range 8) (range 8)) 8 8)) => PersistentHashMap
    assert_eq!(zipmap(9).class_name(), "clojure.lang.PersistentHashMap");
    // JVM: (class (dissoc (zipmap (range 9) (range)) 0)) => PersistentHashMap
    let zm = zipmap(9);
    let View::HashMap(h) = zm.view() else {
        panic!()
    };
    assert_eq!(h.without(&l(0)).count(), 8);
}

#[test]
fn array_map_order() {
    let m = Value::map_from_pairs(vec![(l(1), l(1)), (l(2), l(2))]);
    let View::ArrayMap(a) = m.view() else {
        panic!()
    };
    // JVM: (keys (assoc {1 1 2 2} 3 3)) => (1 2 3)
    assert_eq!(keys_str(&a.assoc(l(3), l(3))), "(1 2 3)");
    let m3 = a.assoc(l(3), l(3));
    let View::ArrayMap(a3) = m3.view() else {
        panic!()
    };
    // JVM: (keys (assoc {1 1 2 2 3 3} 1 5)) => (1 2 3)
    assert_eq!(keys_str(&a3.assoc(l(1), l(5))), "(1 2 3)");
    // JVM: (keys (dissoc {1 1 2 2 3 3} 2)) => (1 3)
    assert_eq!(keys_str(&a3.without(&l(2))), "(1 3)");
    // JVM: (class (seq {1 2})) => clojure.lang.PersistentArrayMap$Seq
    assert_eq!(a3.seq().class_name(), "clojure.lang.PersistentArrayMap$Seq");
    assert!(ArrayMap::empty().seq().is_nil());
}

#[test]
fn meta_survives_assoc_dissoc_and_growth() {
    let meta = Some(Value::keyword(None, "m"));
    let m = zipmap(8);
    let View::ArrayMap(a) = m.view() else {
        panic!()
    };
    // JVM: (meta (assoc (with-meta (zipmap (range 8) (range)) {:m 1}) 30 4)) => {:m 1}
    let grown = a.with_meta(meta.clone()).assoc(l(30), l(4));
    let View::HashMap(h) = grown.view() else {
        panic!()
    };
    assert!(h.meta().is_some());
    assert!(h.assoc(l(31), l(1)).meta().is_some());
    assert!(h.without(&l(30)).meta().is_some());
    // JVM: (meta (dissoc (with-meta {1 2} {:m 1}) 1)) => {:m 1}
    let one = Value::map_from_pairs(vec![(l(1), l(2))]);
    let View::ArrayMap(a1) = one.view() else {
        panic!()
    };
    let gone = a1.with_meta(meta).without(&l(1));
    let View::ArrayMap(e) = gone.view() else {
        panic!()
    };
    assert!(e.meta().is_some() && e.count() == 0);
}

#[test]
fn nil_key_comes_first_and_seq_class() {
    let zm = zipmap(20);
    let View::HashMap(h) = zm.view() else {
        panic!()
    };
    // JVM: (class (seq (zipmap (range 20) (range 20)))) => PersistentHashMap$NodeSeq
    assert_eq!(
        h.seq().class_name(),
        "clojure.lang.PersistentHashMap$NodeSeq"
    );
    let with_nil = h.assoc(Value::NIL, l(1));
    assert_eq!(with_nil.count(), 21);
    assert_eq!(with_nil.get(&Value::NIL).and_then(|v| v.as_long()), Some(1));
    // JVM: (class (seq (assoc (zipmap (range 20) (range 20)) nil 1))) => clojure.lang.Cons
    assert_eq!(with_nil.seq().class_name(), "clojure.lang.Cons");
    // JVM: (keys (dissoc (assoc (zipmap (range 20) (range)) nil 1) nil))
    //   => (0 7 1 4 15 13 6 17 3 12 2 19 11 9 5 14 16 10 18 8)
    let back = Value::from(Ref::new(with_nil.without(&Value::NIL)));
    assert_eq!(
        keys_str(&back),
        "(0 7 1 4 15 13 6 17 3 12 2 19 11 9 5 14 16 10 18 8)"
    );
    // JVM: (seq (assoc {} nil 1)) => ([nil 1])
    let only_nil = HashMap::empty().assoc(Value::NIL, l(1));
    assert_eq!(pr_str(&only_nil.seq()), "([nil 1])");
    // JVM: (class (keys {1 2})) => clojure.lang.APersistentMap$KeySeq
    assert_eq!(
        h.keys_seq().class_name(),
        "clojure.lang.APersistentMap$KeySeq"
    );
}

#[test]
fn seq_is_lazy_and_walks_everything() {
    let big = HashMap::from_pairs((0..5000).map(|i| (l(i), l(i))));
    let s = big.seq();
    // first entry without walking the rest
    let View::MapSeq(ms) = s.view() else { panic!() };
    assert!(matches!(ms.first().view(), View::MapEntry(_)));
    let n = seq::iter(&s).count();
    assert_eq!(n, 5000);
    let from_iter: Vec<i64> = big.keys().filter_map(|k| k.as_long()).collect();
    let from_seq: Vec<i64> = seq::iter(&big.keys_seq())
        .filter_map(|k| k.ok().and_then(|k| k.as_long()))
        .collect();
    assert_eq!(from_iter, from_seq);
    let vals: Vec<i64> = seq::iter(&big.vals_seq())
        .filter_map(|k| k.ok().and_then(|k| k.as_long()))
        .collect();
    assert_eq!(vals, from_iter);
}

#[test]
fn assoc_keeps_original_key_object() {
    // JVM: (let [k1 (with-meta [1] {:a 1}) m (assoc (zipmap (range 20) (range)) k1 1)
    //        m (assoc m [1] 2)] (meta (key ...))) => {:a 1}  (first key object stays)
    let k1 = Value::vector(vec![l(1)]);
    let k2 = Value::vector(vec![l(1)]);
    let zm = zipmap(20);
    let View::HashMap(h) = zm.view() else {
        panic!()
    };
    let m = h.assoc(k1.clone(), l(1)).assoc(k2, l(2));
    let (k, v) = m.entry(&k1).expect("present");
    assert!(k.identical(&k1));
    assert_eq!(v.as_long(), Some(2));
}

#[test]
fn transient_array_map_semantics() {
    // JVM: (class (transient {})) => clojure.lang.PersistentArrayMap$TransientArrayMap
    let t = Ref::new(TransientMap::from_array_map(&ArrayMap::empty()));
    assert_eq!(
        Value::from(t.clone()).class_name(),
        "clojure.lang.PersistentArrayMap$TransientArrayMap"
    );
    // JVM: (let [t (transient {})] (dotimes [i 10] (assoc! t i i)) (persistent! t))
    //   => {0 0, 1 1, 2 2, 3 3, 4 4, 5 5, 6 6, 7 7}
    let mut grown = None;
    for i in 0..10 {
        if let Some(n) = t.assoc(l(i), l(i)).expect("assoc!") {
            grown.get_or_insert(n);
        }
    }
    let grown = grown.expect("grew");
    assert_eq!(
        grown.class_name(),
        "clojure.lang.PersistentHashMap$TransientHashMap"
    );
    let p = t.persistent().expect("persistent!");
    assert_eq!(pr_str(&p), "{0 0, 1 1, 2 2, 3 3, 4 4, 5 5, 6 6, 7 7}");
    // JVM: (keys (persistent! (dissoc! (transient {1 1 2 2 3 3 4 4}) 1))) => (4 2 3)
    let m = Value::map_from_pairs((1..=4).map(|i| (l(i), l(i))).collect());
    let View::ArrayMap(a) = m.view() else {
        panic!()
    };
    let t = TransientMap::from_array_map(a);
    t.without(&l(1)).expect("dissoc!");
    assert_eq!(keys_str(&t.persistent().expect("p")), "(4 2 3)");
}

#[test]
fn transient_used_after_persistent_throws() {
    let t = TransientMap::from_array_map(&ArrayMap::empty());
    t.persistent().expect("first persistent!");
    // JVM: (let [t (transient {})] (persistent! t) (assoc! t 1 2))
    //   => IllegalAccessError: Transient used after persistent! call
    for e in [
        t.assoc(l(1), l(2)).err(),
        t.persistent().err(),
        t.count().err(),
        t.get(&l(1)).err(),
        t.without(&l(1)).err(),
    ] {
        let e = e.expect("throws");
        assert_eq!(e.class(), ExClass::IllegalAccessError);
        assert_eq!(e.message(), Some("Transient used after persistent! call"));
        assert!(e.class().is_a(ExClass::Error));
    }
    let ts = TransientSet::new(&HashSet::empty());
    ts.persistent().expect("p");
    let e = ts.conj(l(1)).expect_err("throws");
    assert_eq!(e.class(), ExClass::IllegalAccessError);
}

#[test]
fn transient_hash_map_does_not_touch_source() {
    let zm = zipmap(100);
    let View::HashMap(h) = zm.view() else {
        panic!()
    };
    let t = TransientMap::from_hash_map(h);
    for i in 0..100 {
        t.without(&l(i)).expect("dissoc!");
        assert!(t.assoc(l(i + 1000), l(i)).expect("assoc!").is_none());
    }
    assert_eq!(t.count().ok(), Some(100));
    assert_eq!(h.count(), 100);
    assert!((0..100).all(|i| h.get(&l(i)).is_some()));
    let p = t.persistent().expect("p");
    // JVM: (class (persistent! (transient (zipmap (range 20) (range))))) => PersistentHashMap
    assert_eq!(p.class_name(), "clojure.lang.PersistentHashMap");
    let View::HashMap(ph) = p.view() else {
        panic!()
    };
    assert!((1000..1100).all(|i| ph.contains_key(&l(i))));
    assert!(!ph.contains_key(&l(5)));
}

#[test]
fn hash_sets() {
    // JVM: (class (seq #{1})) => clojure.lang.APersistentMap$KeySeq
    let s = HashSet::from_items(vec![l(1)]);
    assert_eq!(s.seq().class_name(), "clojure.lang.APersistentMap$KeySeq");
    assert!(HashSet::empty().seq().is_nil());
    // JVM: (let [t (transient #{1 2})] (conj! t 3) (disj! t 1) (persistent! t)) => #{3 2}
    let t = TransientSet::new(&HashSet::from_items(vec![l(1), l(2)]));
    t.conj(l(3)).expect("conj!");
    t.disj(&l(1)).expect("disj!");
    let p = t.persistent().expect("p");
    let View::HashSet(ps) = p.view() else {
        panic!()
    };
    let order: Vec<i64> = ps.iter().filter_map(|v| v.as_long()).collect();
    assert_eq!(order, vec![3, 2]);
    // JVM: (get #{[1 2]} [1 2]) => [1 2]
    let v = Value::vector(vec![l(1), l(2)]);
    let s = HashSet::from_items(vec![v.clone()]);
    assert!(
        s.get(&Value::vector(vec![l(1), l(2)]))
            .is_some_and(|x| x.identical(&v))
    );
    let s2 = s.conj(l(7)).with_meta(Some(l(0)));
    // JVM: (meta (conj (with-meta #{1} {:m 1}) 2)) => {:m 1}
    assert!(s2.conj(l(8)).meta().is_some() && s2.disj(&l(7)).meta().is_some());
    assert_eq!(s2.disj(&l(7)).count(), 1);
    assert!(!s2.contains(&Value::NIL) && s2.conj(Value::NIL).contains(&Value::NIL));
}

#[test]
fn map_from_pairs_duplicates_and_sizes() {
    let m = Value::map_from_pairs(vec![(l(1), l(1)), (l(1), l(2))]);
    assert_eq!(pr_str(&m), "{1 2}");
    let nine_with_dup: Vec<(Value, Value)> = (0..9).map(|i| (l(i % 8), l(i))).collect();
    assert_eq!(
        Value::map_from_pairs(nine_with_dup).class_name(),
        "clojure.lang.PersistentArrayMap"
    );
    let nine: Vec<(Value, Value)> = (0..9).map(|i| (l(i), l(i))).collect();
    assert_eq!(
        Value::map_from_pairs(nine).class_name(),
        "clojure.lang.PersistentHashMap"
    );
    // JVM: (class (hash-map 1 2)) => PersistentHashMap
    assert_eq!(
        Value::hash_map_from_pairs(vec![(l(1), l(2))]).class_name(),
        "clojure.lang.PersistentHashMap"
    );
}

/// hasheq collisions through collision nodes at every depth.
#[test]
fn collision_nodes() {
    let strs = ["AaAa", "AaBB", "BBAa", "BBBB"];
    let mut m = HashMap::empty();
    for (i, s) in strs.iter().enumerate() {
        m = m.assoc(Value::string(*s), l(i as i64));
    }
    for i in 0..50 {
        m = m.assoc(l(i), l(i));
    }
    assert_eq!(m.count(), 54);
    for (i, s) in strs.iter().enumerate() {
        assert_eq!(
            m.get(&Value::string(*s)).and_then(|v| v.as_long()),
            Some(i as i64)
        );
    }
    let mut m2 = m.clone();
    for s in strs {
        m2 = m2.without(&Value::string(s));
        assert!(!m2.contains_key(&Value::string(s)));
    }
    assert_eq!(m2.count(), 50);
    assert_eq!(m.count(), 54);
}
