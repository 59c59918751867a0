//! Property tests: random operation sequences on PersistentVector, its
//! transient and subvec, checked against a std `Vec` model. Sizes reach
//! ~40k items so three trie levels and every tail/root boundary are crossed.

use cljw::runtime::coll::{SubVector, TransientVector, Vector};
use cljw::runtime::gc::Ref;
use cljw::runtime::{Value, View};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum TOp {
    Conj(i64),
    ConjMany(usize),
    Assoc(usize, i64),
    Pop,
    PopMany(usize),
}

#[derive(Debug, Clone)]
enum Op {
    Conj(i64),
    ConjMany(usize),
    Assoc(usize, i64),
    Pop,
    PopMany(usize),
    Nth(usize),
    Subvec(usize, usize, Vec<TOp>),
    Transient(Vec<TOp>),
}

fn top() -> impl Strategy<Value = TOp> {
    prop_oneof![
        4 => any::<i64>().prop_map(TOp::Conj),
        1 => (0usize..3000).prop_map(TOp::ConjMany),
        3 => (any::<usize>(), any::<i64>()).prop_map(|(i, v)| TOp::Assoc(i, v)),
        2 => Just(TOp::Pop),
        1 => (0usize..1200).prop_map(TOp::PopMany),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => any::<i64>().prop_map(Op::Conj),
        2 => (0usize..1500).prop_map(Op::ConjMany),
        3 => (any::<usize>(), any::<i64>()).prop_map(|(i, v)| Op::Assoc(i, v)),
        2 => Just(Op::Pop),
        1 => (0usize..1200).prop_map(Op::PopMany),
        3 => any::<usize>().prop_map(Op::Nth),
        1 => (any::<usize>(), any::<usize>(), prop::collection::vec(top(), 0..8))
            .prop_map(|(a, b, ops)| Op::Subvec(a, b, ops)),
        2 => prop::collection::vec(top(), 0..12).prop_map(Op::Transient),
    ]
}

fn longs<'a>(it: impl Iterator<Item = &'a Value>) -> Vec<i64> {
    it.map(|v| v.as_long().unwrap_or(i64::MIN)).collect()
}

/// Pick an index in 0..=len (len means "append") from a random usize.
fn pick(i: usize, len: usize) -> usize {
    i % (len + 1)
}

fn check_vec(v: &Vector, model: &[i64]) -> Result<(), TestCaseError> {
    prop_assert_eq!(v.count(), model.len());
    prop_assert_eq!(longs(v.iter()), model.to_vec());
    prop_assert!(v.nth(model.len()).is_none());
    prop_assert_eq!(v.peek().and_then(Value::as_long), model.last().copied());
    // the chunked seq walks the same items, in chunks of at most 32
    let r = Ref::new(v.with_meta(None));
    let mut s = Vector::seq(&r);
    let mut seen = Vec::with_capacity(model.len());
    while let View::ChunkedSeq(c) = s.view() {
        prop_assert!(!c.chunk_first().is_empty() && c.chunk_first().len() <= 32);
        prop_assert_eq!(c.count(), model.len() - seen.len());
        seen.extend(longs(c.chunk_first().iter()));
        s = c.chunk_next();
    }
    prop_assert!(s.is_nil());
    prop_assert_eq!(&seen, &model.to_vec());
    Ok(())
}

/// Apply transient ops to `t` and the model together.
fn run_transient(
    t: &TransientVector,
    model: &mut Vec<i64>,
    ops: &[TOp],
) -> Result<(), TestCaseError> {
    for o in ops {
        match *o {
            TOp::Conj(x) => {
                prop_assert!(t.conj(Value::long(x)).is_ok());
                model.push(x);
            }
            TOp::ConjMany(n) => {
                for k in 0..n {
                    let x = (model.len() + k) as i64;
                    prop_assert!(t.conj(Value::long(x)).is_ok());
                }
                let start = model.len();
                model.extend((0..n).map(|k| (start + k) as i64));
            }
            TOp::Assoc(i, x) => {
                let i = pick(i, model.len());
                prop_assert!(t.assoc_n(i, Value::long(x)).is_ok());
                if i == model.len() {
                    model.push(x);
                } else {
                    model[i] = x;
                }
                let bad = t.assoc_n(model.len() + 1, Value::NIL);
                prop_assert!(bad.is_err());
            }
            TOp::Pop => {
                let r = t.pop();
                prop_assert_eq!(r.is_ok(), model.pop().is_some());
            }
            TOp::PopMany(n) => {
                for _ in 0..n.min(model.len()) {
                    prop_assert!(t.pop().is_ok());
                    model.pop();
                }
            }
        }
        prop_assert_eq!(t.count().ok(), Some(model.len()));
        if let Some(&last) = model.last() {
            let got = t
                .nth(model.len() - 1)
                .ok()
                .flatten()
                .and_then(|v| v.as_long());
            prop_assert_eq!(got, Some(last));
        }
    }
    Ok(())
}

/// Apply ops to a subvector value and a model slice.
fn run_subvec(sv: Value, model: &mut Vec<i64>, ops: &[TOp]) -> Result<(), TestCaseError> {
    let mut cur = sv;
    for o in ops {
        let next = match (cur.view(), o) {
            (View::SubVector(s), TOp::Conj(x)) => {
                model.push(*x);
                Some(Value::from(Ref::new(s.conj(Value::long(*x)))))
            }
            (View::SubVector(s), TOp::Assoc(i, x)) => {
                let i = pick(*i, model.len());
                if i == model.len() {
                    model.push(*x);
                } else {
                    model[i] = *x;
                }
                prop_assert!(s.assoc_n(model.len() + 1, Value::NIL).is_none());
                s.assoc_n(i, Value::long(*x))
                    .map(|s| Value::from(Ref::new(s)))
            }
            (View::SubVector(s), TOp::Pop | TOp::PopMany(_)) => {
                model.pop();
                s.pop()
            }
            _ => None,
        };
        let Some(next) = next else { break };
        cur = next;
        match cur.view() {
            View::SubVector(s) => {
                prop_assert_eq!(s.count(), model.len());
                prop_assert_eq!(longs(s.iter()), model.clone());
                prop_assert_eq!(s.peek().and_then(Value::as_long), model.last().copied());
                prop_assert!(s.nth(model.len()).is_none());
            }
            View::Vector(v) => {
                // popping the last item of a subvec gives []
                prop_assert!(model.is_empty() && v.count() == 0);
                break;
            }
            _ => prop_assert!(false, "unexpected {}", cur.class_name()),
        }
    }
    Ok(())
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut v = Vector::empty();
    let mut model: Vec<i64> = Vec::new();
    let mut history: Vec<(Vector, Vec<i64>)> = Vec::new();
    for o in ops {
        match o {
            Op::Conj(x) => {
                v = v.conj(Value::long(x));
                model.push(x);
            }
            Op::ConjMany(n) => {
                for _ in 0..n {
                    let x = model.len() as i64;
                    v = v.conj(Value::long(x));
                    model.push(x);
                }
            }
            Op::Assoc(i, x) => {
                let i = pick(i, model.len());
                let w = v.assoc_n(i, Value::long(x));
                prop_assert!(w.is_some());
                prop_assert!(v.assoc_n(model.len() + 1, Value::NIL).is_none());
                if let Some(w) = w {
                    history.push((std::mem::replace(&mut v, w), model.clone()));
                }
                if i == model.len() {
                    model.push(x);
                } else {
                    model[i] = x;
                }
            }
            Op::Pop => match v.pop() {
                Some(p) => {
                    prop_assert!(model.pop().is_some());
                    v = p;
                }
                None => prop_assert!(model.is_empty()),
            },
            Op::PopMany(n) => {
                for _ in 0..n.min(model.len()) {
                    let p = v.pop();
                    prop_assert!(p.is_some());
                    if let Some(p) = p {
                        v = p;
                    }
                    model.pop();
                }
            }
            Op::Nth(i) => {
                let i = i % (model.len() + 1);
                prop_assert_eq!(v.nth(i).and_then(Value::as_long), model.get(i).copied());
            }
            Op::Subvec(a, b, sops) => {
                let (a, b) = (pick(a, model.len()), pick(b, model.len()));
                let (lo, hi) = (a.min(b), a.max(b));
                let r = Ref::new(v.with_meta(None));
                if lo < hi {
                    prop_assert!(Vector::subvec(&r, hi, lo).is_none());
                }
                prop_assert!(Vector::subvec(&r, lo, model.len() + 1).is_none());
                let sv = Vector::subvec(&r, lo, hi);
                prop_assert!(sv.is_some());
                let Some(sv) = sv else { continue };
                let mut sub_model = model[lo..hi].to_vec();
                if let View::SubVector(s) = sv.view() {
                    prop_assert_eq!(longs(s.iter()), sub_model.clone());
                    // a nested subvec of the whole window has the same items
                    let inner = Ref::new(s.with_meta(None));
                    let whole = SubVector::subvec(&inner, 0, s.count());
                    prop_assert!(matches!(
                        whole.as_ref().map(|w| w.view()),
                        Some(View::SubVector(w)) if longs(w.iter()) == sub_model
                    ));
                } else {
                    prop_assert!(lo == hi);
                }
                run_subvec(sv, &mut sub_model, &sops)?;
                // the parent is untouched
                prop_assert_eq!(longs(r.iter()), model.clone());
            }
            Op::Transient(tops) => {
                let t = TransientVector::new(&v);
                let before = model.clone();
                run_transient(&t, &mut model, &tops)?;
                // the source vector is untouched
                check_vec(&v, &before)?;
                let p = t.persistent();
                prop_assert!(p.is_ok());
                prop_assert!(t.conj(Value::NIL).is_err());
                if let Ok(p) = p {
                    history.push((std::mem::replace(&mut v, p), before));
                }
            }
        }
        prop_assert_eq!(v.count(), model.len());
    }
    check_vec(&v, &model)?;
    // every earlier version still holds its own items
    for (old, m) in &history {
        check_vec(old, m)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn vector_matches_model(ops in prop::collection::vec(op(), 1..40)) {
        run(ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Start past the third trie level (32768 + 1056 items) and shrink/grow
    /// around it.
    #[test]
    fn large_vector_matches_model(
        n in 33_000usize..40_000,
        ops in prop::collection::vec(op(), 1..12),
    ) {
        let mut all = vec![Op::Transient(vec![TOp::ConjMany(n)])];
        all.extend(ops);
        all.push(Op::PopMany(1200));
        all.push(Op::ConjMany(1500));
        run(all)?;
    }
}
