use super::trie::{Node, Trie};
use super::*;
use crate::runtime::error::ExClass;
use crate::runtime::gc::ptr_eq;
use crate::runtime::value::View;

fn build(n: usize) -> Vector {
    let mut v = Vector::empty();
    for i in 0..n {
        v = v.conj(Value::long(i as i64));
    }
    v
}

fn longs<'a>(it: impl Iterator<Item = &'a Value>) -> Vec<i64> {
    it.filter_map(Value::as_long).collect()
}

fn check(v: &Vector, n: usize) {
    assert_eq!(v.count(), n);
    for i in 0..n {
        assert_eq!(
            v.nth(i).and_then(Value::as_long),
            Some(i as i64),
            "nth {i} of {n}"
        );
    }
    assert!(v.nth(n).is_none());
    assert_eq!(v.iter().len(), n);
    assert_eq!(longs(v.iter()), (0..n as i64).collect::<Vec<_>>());
}

/// Sizes around every tail/root boundary up to three trie levels.
const BOUNDARIES: &[usize] = &[
    0, 1, 31, 32, 33, 63, 64, 65, 1023, 1024, 1055, 1056, 1057, 1088, 1089, 32768, 33823, 33824,
    33825, 33856, 33857,
];

#[test]
fn conj_across_boundaries() {
    let big = build(33857);
    check(&big, 33857);
    for &n in BOUNDARIES {
        check(&build(n.min(2000)), n.min(2000));
    }
}

#[test]
fn shift_grows_and_shrinks_with_root() {
    // 32 leaves + a full tail fit at shift 5; the 1057th item adds a level.
    let v = build(1056);
    assert_eq!(v.t.shift, 5);
    let v = v.conj(Value::long(1056));
    assert_eq!(v.t.shift, 10);
    let v = v.pop().map(|p| p.t.shift);
    assert_eq!(v, Some(5));
    let v = build(32 * 32 * 32 + 32 + 1);
    assert_eq!(v.t.shift, 15);
    assert_eq!(v.pop().map(|p| p.t.shift), Some(10));
}

#[test]
fn from_vec_matches_conj() {
    for &n in BOUNDARIES {
        let v = Vector::from_vec((0..n as i64).map(Value::long).collect());
        check(&v, n);
        let expect = if n > 32 * 32 * 32 + 32 {
            15
        } else if n > 32 * 32 + 32 {
            10
        } else {
            5
        };
        assert_eq!(v.t.shift, expect, "shift at {n}");
    }
}

#[test]
fn pop_across_boundaries() {
    let mut v = build(33857);
    let mut n = 33857;
    while n > 0 {
        let p = v.pop();
        let Some(p) = p else {
            panic!("pop of non-empty failed at {n}")
        };
        n -= 1;
        assert_eq!(p.count(), n);
        if n > 0 {
            assert_eq!(p.peek().and_then(Value::as_long), Some(n as i64 - 1));
        }
        if BOUNDARIES.contains(&n) || n % 997 == 0 {
            check(&p, n);
        }
        v = p;
    }
    assert!(v.pop().is_none());
    assert!(v.peek().is_none());
}

#[test]
fn persistence_and_structural_sharing() {
    let v = build(2000);
    let w = v.assoc_n(5, Value::long(-1)).unwrap_or_else(Vector::empty);
    // old version unchanged, new one changed
    assert_eq!(v.nth(5).and_then(Value::as_long), Some(5));
    assert_eq!(w.nth(5).and_then(Value::as_long), Some(-1));
    // only the path to item 5 was copied: the leaf holding 100 is shared
    let (Some(a), Some(b)) = (v.t.leaf_for(100), w.t.leaf_for(100)) else {
        panic!("leaf missing")
    };
    assert!(ptr_eq(a, b));
    let (Some(a), Some(b)) = (v.t.leaf_for(5), w.t.leaf_for(5)) else {
        panic!("leaf missing")
    };
    assert!(!ptr_eq(a, b));
    assert!(ptr_eq(&v.t.tail, &w.t.tail));
    // conj into the tail shares the whole root
    let c = v.conj(Value::long(2000));
    assert!(ptr_eq(&v.t.root, &c.t.root));
    assert_eq!(v.count(), 2000);
    // assoc into the tail shares the root too
    let d = v.assoc_n(1999, Value::NIL).unwrap_or_else(Vector::empty);
    assert!(ptr_eq(&v.t.root, &d.t.root));
    assert!(d.nth(1999).is_some_and(Value::is_nil));
}

#[test]
fn assoc_n_bounds() {
    // JVM: (assoc [1] 5 2) throws IndexOutOfBoundsException; (assoc [1] 1 2) => [1 2]
    let v = build(1);
    assert!(v.assoc_n(5, Value::long(2)).is_none());
    assert_eq!(
        v.assoc_n(1, Value::long(2)).map(|w| longs(w.iter())),
        Some(vec![0, 2])
    );
    for &n in BOUNDARIES {
        let v = build(n.min(1100));
        let n = n.min(1100);
        for i in [0, n / 2, n.saturating_sub(1)] {
            if i < n {
                let w = v.assoc_n(i, Value::long(-7));
                assert_eq!(
                    w.as_ref().and_then(|w| w.nth(i)).and_then(Value::as_long),
                    Some(-7)
                );
                assert_eq!(w.map(|w| w.count()), Some(n));
            }
        }
    }
}

#[test]
fn in_place_edit_only_when_unshared() {
    let v = build(100);
    let mut t = v.t.clone();
    t.assoc(3, Value::long(0));
    let Some(first_copy) = t.leaf_for(3).cloned() else {
        panic!("leaf missing")
    };
    assert!(v.t.leaf_for(3).is_some_and(|l| !ptr_eq(l, &first_copy)));
    drop(first_copy);
    // now the copied leaf is ours alone: the second write happens in place
    let before = t.leaf_for(3).map(|l| &**l as *const Node);
    t.assoc(4, Value::long(0));
    assert_eq!(t.leaf_for(4).map(|l| &**l as *const Node), before);
    assert_eq!(v.nth(3).and_then(Value::as_long), Some(3));
}

#[test]
fn meta_rules() {
    // JVM: (meta (pop (with-meta [1 2] {:a 1}))) => {:a 1}, same for conj and
    // for pop down to []; (meta (persistent! (transient (with-meta [1] {:a 1})))) => nil
    let m = Value::keyword(None, "m");
    let v = build(2).with_meta(Some(m.clone()));
    assert!(v.pop().is_some_and(|p| p.meta().is_some()));
    assert!(v.conj(Value::NIL).meta().is_some());
    let one = build(1).with_meta(Some(m));
    assert!(
        one.pop()
            .is_some_and(|p| p.meta().is_some() && p.is_empty())
    );
    let t = TransientVector::new(&one);
    assert!(t.persistent().is_ok_and(|p| p.meta().is_none()));
}

#[test]
fn chunked_seq_chunks() {
    // JVM: (count (chunk-first (seq (vec (range 40))))) => 32,
    // (count (chunk-first (chunk-next (seq (vec (range 40)))))) => 8,
    // (count (next (seq (vec (range 40))))) => 39
    let v = Ref::new(build(40));
    let s = Vector::seq(&v);
    let View::ChunkedSeq(cs) = s.view() else {
        panic!("not a chunked seq")
    };
    assert_eq!(s.class_name(), "clojure.lang.PersistentVector$ChunkedSeq");
    assert_eq!(cs.chunk_first().len(), 32);
    assert_eq!(cs.count(), 40);
    let n = cs.chunk_next();
    let View::ChunkedSeq(n) = n.view() else {
        panic!("no second chunk")
    };
    assert_eq!(n.chunk_first().len(), 8);
    assert_eq!(n.first().as_long(), Some(32));
    assert!(n.chunk_next().is_nil());
    let nx = cs.next();
    let View::ChunkedSeq(nx) = nx.view() else {
        panic!("no next")
    };
    assert_eq!(nx.count(), 39);
    assert_eq!(nx.chunk_first().len(), 31);
    // walking with first/next yields every item
    let mut out = Vec::new();
    let mut cur = s.clone();
    while let View::ChunkedSeq(c) = cur.view() {
        out.extend(c.first().as_long());
        cur = c.next();
    }
    assert_eq!(out, (0..40).collect::<Vec<_>>());
    assert!(Vector::seq(&Ref::new(Vector::empty())).is_nil());
}

#[test]
fn rseq_walks_backwards() {
    // JVM: (rseq []) => nil; (count (rseq [1 2 3])) => 3;
    // (rseq (subvec [1 2 3] 1 3)) => (3 2)
    assert!(Vector::rseq(&Ref::new(Vector::empty())).is_nil());
    let v = Ref::new(build(70));
    let r = Vector::rseq(&v);
    assert_eq!(r.class_name(), "clojure.lang.APersistentVector$RSeq");
    let View::VectorRSeq(rs) = r.view() else {
        panic!("not an rseq")
    };
    assert_eq!(rs.count(), 70);
    assert_eq!(longs(rs.iter()), (0..70).rev().collect::<Vec<_>>());
    let mut out = Vec::new();
    let mut cur = r.clone();
    while let View::VectorRSeq(c) = cur.view() {
        out.extend(c.first().as_long());
        cur = c.next();
    }
    assert_eq!(out, (0..70).rev().collect::<Vec<_>>());
}

fn sub(v: &Value) -> &SubVector {
    match v.view() {
        View::SubVector(s) => s,
        _ => panic!("not a subvector: {}", v.class_name()),
    }
}

#[test]
fn subvec_bounds_and_class() {
    // JVM: (class (subvec [1 2 3] 1)) => APersistentVector$SubVector;
    // (subvec [1 2 3] 2 1), (subvec [1 2 3] 1 4) throw IndexOutOfBounds;
    // (class (subvec [1 2 3] 1 1)) and (class (subvec [] 0)) => PersistentVector
    let v = Ref::new(build(3));
    let s = Vector::subvec(&v, 1, 3);
    assert_eq!(
        s.as_ref().map(Value::class_name),
        Some("clojure.lang.APersistentVector$SubVector")
    );
    assert!(Vector::subvec(&v, 2, 1).is_none());
    assert!(Vector::subvec(&v, 1, 4).is_none());
    assert_eq!(
        Vector::subvec(&v, 1, 1).as_ref().map(Value::class_name),
        Some("clojure.lang.PersistentVector")
    );
    assert_eq!(
        Vector::subvec(&Ref::new(Vector::empty()), 0, 0)
            .as_ref()
            .map(Value::class_name),
        Some("clojure.lang.PersistentVector")
    );
    let Some(s) = s else { panic!("subvec failed") };
    let sv = sub(&s);
    assert_eq!(sv.count(), 2);
    assert_eq!(longs(sv.iter()), vec![1, 2]);
    assert!(sv.nth(2).is_none());
    assert_eq!(sv.peek().and_then(Value::as_long), Some(2));
}

#[test]
fn subvec_edits() {
    // JVM: (assoc (subvec [1 2 3] 1) 2 0) => [2 3 0];
    // (assoc (subvec [1 2 3] 1 2) 1 9) => [2 9]; (assoc (subvec [1 2 3] 1) 5 0) throws
    let v = Ref::new(Vector::from_vec(vec![
        Value::long(1),
        Value::long(2),
        Value::long(3),
    ]));
    let Some(a) = Vector::subvec(&v, 1, 3) else {
        panic!()
    };
    let a = sub(&a);
    assert_eq!(
        a.assoc_n(2, Value::long(0)).map(|s| longs(s.iter())),
        Some(vec![2, 3, 0])
    );
    assert!(a.assoc_n(5, Value::long(0)).is_none());
    assert_eq!(
        a.assoc_n(0, Value::long(9)).map(|s| longs(s.iter())),
        Some(vec![9, 3])
    );
    let Some(b) = Vector::subvec(&v, 1, 2) else {
        panic!()
    };
    let b = sub(&b);
    let c = b.conj(Value::long(9));
    assert_eq!(longs(c.iter()), vec![2, 9]);
    assert_eq!(longs(v.iter()), vec![1, 2, 3]);
    // (class (pop (subvec [1 2 3] 1))) => SubVector; (pop (subvec [1 2 3] 1 2)) => []
    assert_eq!(
        a.pop().as_ref().map(Value::class_name),
        Some("clojure.lang.APersistentVector$SubVector")
    );
    let m = Value::keyword(None, "m");
    let bm = b.with_meta(Some(m));
    let p = bm.pop();
    assert_eq!(
        p.as_ref().map(Value::class_name),
        Some("clojure.lang.PersistentVector")
    );
    // JVM: (meta (pop (with-meta (subvec [1 2 3] 1 2) {:a 1}))) => nil
    assert!(matches!(p.as_ref().map(|p| p.view()), Some(View::Vector(e)) if e.meta().is_none()));
    assert!(
        a.with_meta(Some(Value::TRUE))
            .conj(Value::NIL)
            .meta()
            .is_some()
    );
    // subvec of a subvec shares the original parent
    let big = Ref::new(build(100));
    let Some(s1) = Vector::subvec(&big, 10, 90) else {
        panic!()
    };
    let View::SubVector(_) = s1.view() else {
        panic!()
    };
    let s1r = match &s1.0 {
        crate::runtime::value::Repr::SubVector(r) => r.clone(),
        _ => panic!(),
    };
    let Some(s2) = SubVector::subvec(&s1r, 5, 10) else {
        panic!()
    };
    let s2v = sub(&s2);
    assert!(ptr_eq(&s2v.vec, &big));
    assert_eq!(longs(s2v.iter()), (15..20).collect::<Vec<_>>());
    assert!(SubVector::subvec(&s1r, 5, 81).is_none());
    // seq and rseq of a subvec: APersistentVector$Seq / $RSeq
    let sq = SubVector::seq(&s1r);
    assert_eq!(sq.class_name(), "clojure.lang.APersistentVector$Seq");
    let View::VectorSeq(sq) = sq.view() else {
        panic!()
    };
    assert_eq!(sq.count(), 80);
    assert_eq!(sq.first().as_long(), Some(10));
    assert_eq!(longs(sq.iter()), (10..90).collect::<Vec<_>>());
    let rs = SubVector::rseq(&s1r);
    let View::VectorRSeq(rs) = rs.view() else {
        panic!()
    };
    assert_eq!(longs(rs.iter()), (10..90).rev().collect::<Vec<_>>());
}

#[test]
fn transient_in_place_and_errors() {
    let base = build(40);
    let t = TransientVector::new(&base);
    for i in 40..5000 {
        assert!(t.conj(Value::long(i)).is_ok());
    }
    assert!(t.assoc_n(7, Value::long(-7)).is_ok());
    assert!(t.assoc_n(5000, Value::long(5000)).is_ok());
    // JVM: (assoc! (transient [1]) 5 1) throws IndexOutOfBoundsException (message nil)
    let e = t.assoc_n(9999, Value::NIL).err();
    assert_eq!(
        e.as_ref().map(|e| e.class()),
        Some(ExClass::IndexOutOfBoundsException)
    );
    assert_eq!(e.as_ref().and_then(|e| e.message()), None);
    assert!(t.pop().is_ok());
    assert_eq!(t.count().ok(), Some(5000));
    assert_eq!(t.nth(7).ok().flatten().and_then(|v| v.as_long()), Some(-7));
    assert!(t.nth(5000).is_ok_and(|v| v.is_none()));
    // the source vector is untouched
    check(&base, 40);
    let Ok(p) = t.persistent() else {
        panic!("persistent! failed")
    };
    assert_eq!(p.count(), 5000);
    assert_eq!(p.nth(7).and_then(Value::as_long), Some(-7));
    assert_eq!(p.nth(4999).and_then(Value::as_long), Some(4999));
    // JVM: (let [t (transient [])] (persistent! t) (conj! t 1)) throws
    // java.lang.IllegalAccessError "Transient used after persistent! call"
    for e in [
        t.conj(Value::NIL).err(),
        t.pop().err(),
        t.assoc_n(0, Value::NIL).err(),
        t.count().err(),
        t.nth(0).err(),
        t.persistent().err(),
    ] {
        let Some(e) = e else {
            panic!("no error after persistent!")
        };
        assert_eq!(e.class(), ExClass::IllegalAccessError);
        assert_eq!(e.class().name(), "java.lang.IllegalAccessError");
        assert_eq!(e.message(), Some("Transient used after persistent! call"));
        assert!(e.class().is_a(ExClass::Error));
    }
    // JVM: (pop! (transient [])) throws IllegalStateException "Can't pop empty vector"
    let e = TransientVector::new(&Vector::empty()).pop().err();
    assert_eq!(
        e.as_ref().map(|e| e.class()),
        Some(ExClass::IllegalStateException)
    );
    assert_eq!(
        e.as_ref().and_then(|e| e.message()),
        Some("Can't pop empty vector")
    );
}

#[test]
fn transient_pop_to_empty_and_regrow() {
    let t = TransientVector::new(&build(1100));
    for _ in 0..1100 {
        assert!(t.pop().is_ok());
    }
    assert_eq!(t.count().ok(), Some(0));
    for i in 0..1100 {
        assert!(t.conj(Value::long(i)).is_ok());
    }
    let Ok(p) = t.persistent() else { panic!() };
    check(&p, 1100);
}

#[test]
fn empty_trie_is_shared_not_mutated() {
    let a = Vector::empty();
    let b = a.conj(Value::long(1));
    assert_eq!(a.count(), 0);
    assert!(a.t.tail.items().is_empty());
    assert_eq!(b.count(), 1);
    let e = Trie::empty();
    assert!(e.root.children().is_empty());
}

#[test]
fn error_helpers_match_jvm() {
    // JVM: (nth [1 2] 5) IndexOutOfBoundsException with message nil;
    // (pop []) IllegalStateException "Can't pop empty vector"
    let e = index_out_of_bounds();
    assert_eq!(e.class(), ExClass::IndexOutOfBoundsException);
    assert_eq!(e.message(), None);
    let e = pop_empty();
    assert_eq!(e.class(), ExClass::IllegalStateException);
    assert_eq!(e.message(), Some("Can't pop empty vector"));
}

#[cfg(feature = "threads")]
#[test]
fn shareable_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Vector>();
    send_sync::<TransientVector>();
    send_sync::<SubVector>();
    send_sync::<ChunkedSeq>();
    send_sync::<VectorSeq>();
    send_sync::<VectorRSeq>();
    send_sync::<crate::runtime::coll::Queue>();
    send_sync::<crate::runtime::coll::QueueSeq>();
    // JVM 1.11: a transient may be used from another thread
    let t = Ref::new(TransientVector::new(&build(1)));
    let t2 = t.clone();
    let h = std::thread::spawn(move || t2.conj(Value::long(1)).is_ok());
    assert!(h.join().unwrap_or(false));
    assert_eq!(t.count().ok(), Some(2));
}

#[test]
fn generic_seq_dispatch() {
    use crate::runtime::coll::Queue;
    use crate::runtime::seq;
    let items =
        |x: &Value| -> Vec<i64> { seq::iter(x).flatten().filter_map(|v| v.as_long()).collect() };
    let v = Value::vector((0..70).map(Value::long).collect());
    assert_eq!(items(&v), (0..70).collect::<Vec<_>>());
    assert_eq!(
        seq::seq(&v).ok().map(|s| s.class_name()),
        Some("clojure.lang.PersistentVector$ChunkedSeq")
    );
    assert!(seq::seq(&Value::vector(vec![])).is_ok_and(|s| s.is_nil()));
    let Repr::Vector(r) = &v.0 else { panic!() };
    let Some(sv) = Vector::subvec(r, 3, 40) else {
        panic!()
    };
    assert_eq!(items(&sv), (3..40).collect::<Vec<_>>());
    assert_eq!(items(&Vector::rseq(r)), (0..70).rev().collect::<Vec<_>>());
    // JVM: (class (seq (conj EMPTY 1 2))) => PersistentQueue$Seq,
    // (seq (pop (conj EMPTY 1 2 3))) => (2 3)
    let q = Queue::empty()
        .conj(Value::long(1))
        .conj(Value::long(2))
        .conj(Value::long(3));
    let qv = Value::from(Ref::new(q));
    assert_eq!(
        seq::seq(&qv).ok().map(|s| s.class_name()),
        Some("clojure.lang.PersistentQueue$Seq")
    );
    let View::Queue(q) = qv.view() else { panic!() };
    let popped = q.pop().map(|p| Value::from(Ref::new(p)));
    assert_eq!(popped.as_ref().map(items), Some(vec![2, 3]));
    assert!(seq::seq(&Value::from(Ref::new(Queue::empty()))).is_ok_and(|s| s.is_nil()));
}

#[test]
fn prints_compares_and_hashes_like_the_jvm() {
    use crate::runtime::coll::Queue;
    use crate::runtime::compare::compare_int;
    use crate::runtime::equality::equiv;
    use crate::runtime::hash::hasheq;
    use crate::runtime::meta::{meta, with_meta};
    use crate::runtime::printer::pr_str;
    let l = |xs: &[i64]| Value::vector(xs.iter().map(|&x| Value::long(x)).collect());
    let v123 = Ref::new(Vector::from_vec(vec![
        Value::long(1),
        Value::long(2),
        Value::long(3),
    ]));
    let Some(sv) = Vector::subvec(&v123, 1, 3) else {
        panic!()
    };
    let rs = Vector::rseq(&v123);
    let q = Value::from(Ref::new(
        Queue::empty()
            .conj(Value::long(1))
            .conj(Value::long(2))
            .conj(Value::long(3)),
    ));
    let View::Queue(qr) = q.view() else { panic!() };
    let Repr::Queue(qref) = &q.0 else { panic!() };
    let qs = Queue::seq(qref);
    // JVM: (pr-str (subvec [1 2 3] 1)) "[2 3]", (pr-str (rseq [1 2 3])) "(3 2 1)",
    // (pr-str (seq q)) "(1 2 3)"
    assert_eq!(pr_str(&sv), "[2 3]");
    assert_eq!(pr_str(&rs), "(3 2 1)");
    assert_eq!(pr_str(&qs), "(1 2 3)");
    let Some(sv4) = Vector::subvec(&Ref::new(build(5)), 1, 3) else {
        panic!()
    };
    let Repr::SubVector(sv4) = &sv4.0 else {
        panic!()
    };
    assert_eq!(pr_str(&SubVector::seq(sv4)), "(1 2)");
    // JVM: (= [2 3] (subvec [1 2 3] 1)) true, (= q [1 2 3]) true,
    // (= (seq q) [1 2 3]) true, (= (rseq [1 2 3]) [3 2 1]) true
    assert!(equiv(&l(&[2, 3]), &sv));
    assert!(equiv(&q, &l(&[1, 2, 3])));
    assert!(equiv(&qs, &l(&[1, 2, 3])));
    assert!(equiv(&rs, &l(&[3, 2, 1])));
    assert_eq!(qr.count(), 3);
    // JVM: (hash (subvec [1 2 3] 1)) -1504369821, (hash (rseq [1 2 3])) 791118583,
    // (hash q) 736442005
    assert_eq!(hasheq(&sv), -1504369821);
    assert_eq!(hasheq(&rs), 791118583);
    assert_eq!(hasheq(&q), 736442005);
    // JVM: (compare (subvec [1 2 3] 1) [2 4]) -1, (compare [2 3] (subvec [1 2 3] 1)) 0
    assert_eq!(compare_int(&sv, &l(&[2, 4])).ok(), Some(-1));
    assert_eq!(compare_int(&l(&[2, 3]), &sv).ok(), Some(0));
    // JVM: with-meta works on subvec, rseq, queue and queue seq
    let m = Value::map_from_pairs(vec![(Value::keyword(None, "a"), Value::long(1))]);
    for x in [&sv, &rs, &q, &qs, &Vector::seq(&v123)] {
        let y = with_meta(x, m.clone());
        assert!(y.is_ok_and(|y| equiv(&meta(&y), &m)), "{}", x.class_name());
    }
}
