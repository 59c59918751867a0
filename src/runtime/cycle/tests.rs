//! The collector on explicit roots (never the process-wide candidates:
//! tests run on parallel threads, which the collector's gate assumes away).

use super::{Obj, Stats, WeakObj, collect_from, traced};
use crate::runtime::gc::{Ref, Weak};
use crate::runtime::value::{Value, View};
use crate::{Backend, Runtime};
use proptest::prelude::*;

fn obj(v: &Value) -> Obj {
    traced(v).expect("a traced kind")
}

fn weak(v: &Value) -> WeakObj {
    Ref::downgrade(&obj(v))
}

/// Collect from the objects still alive among `ws`.
fn collect(ws: &[WeakObj]) -> Stats {
    collect_from(ws.iter().filter_map(Weak::upgrade).collect())
}

fn dead(w: &WeakObj) -> bool {
    w.strong_count() == 0
}

fn reset(atom: &Value, v: Value) {
    let View::Atom(a) = atom.view() else {
        panic!("not an atom")
    };
    a.reset(atom, v).expect("reset");
}

fn deref(atom: &Value) -> Value {
    let View::Atom(a) = atom.view() else {
        panic!("not an atom")
    };
    a.deref()
}

#[test]
fn atom_holding_itself_through_a_vector_is_reclaimed() {
    let a = Value::atom(Value::NIL);
    reset(&a, Value::vector(vec![Value::long(1), a.clone()]));
    let w = weak(&a);
    drop(a);
    assert!(!dead(&w), "a cycle leaks under plain reference counting");
    let s = collect(std::slice::from_ref(&w));
    assert!(dead(&w));
    // the atom, the vector and its tail node (its root is the shared
    // empty node)
    assert_eq!(s.garbage, 3, "{s:?}");
}

#[test]
fn a_cycle_held_from_outside_is_left_alone() {
    let a = Value::atom(Value::NIL);
    let v = Value::vector(vec![a.clone()]);
    reset(&a, v.clone());
    let w = weak(&a);
    drop(a);
    // `v` (a Rust local: an external reference) reaches the atom.
    let s = collect(std::slice::from_ref(&w));
    assert_eq!(s.garbage, 0);
    let View::Vector(vec) = v.view() else {
        panic!()
    };
    let a = vec.nth(0).expect("the atom");
    assert!(deref(a).identical(&v), "the live atom was cleared");
}

#[test]
fn every_cell_kind_in_a_cycle_is_reclaimed() {
    // atom -> cell -> [atom]: the cell kinds whose content is set at birth.
    type Make = Box<dyn std::ops::Fn(Value) -> Value>;
    let kinds: Vec<(&str, Make)> = vec![
        ("volatile", Box::new(Value::volatile)),
        ("delay", Box::new(Value::delay)),
        ("agent-or-ref", Box::new(Value::tx_ref)),
        (
            "promise",
            Box::new(|v| {
                let p = Value::promise();
                let View::Promise(pr) = p.view() else {
                    panic!()
                };
                pr.deliver(v);
                p
            }),
        ),
        ("var", Box::new(|v| Value::anonymous_var(Some(v)))),
        (
            "hash-map",
            Box::new(|v| {
                Value::map_from_pairs(
                    (0..20)
                        .map(|i| (Value::long(i), if i == 7 { v.clone() } else { Value::NIL }))
                        .collect(),
                )
            }),
        ),
        ("list", Box::new(|v| Value::list(vec![Value::NIL, v]))),
        (
            "set",
            Box::new(|v| Value::set_from(vec![Value::long(1), v])),
        ),
    ];
    #[cfg(feature = "threads")]
    let kinds = {
        let mut k = kinds;
        k.push(("agent", Box::new(crate::runtime::agent::make)));
        k
    };
    for (name, make) in kinds {
        let a = Value::atom(Value::NIL);
        let cell = make(Value::vector(vec![a.clone()]));
        let wc = traced(&cell).map(|o| Ref::downgrade(&o));
        reset(&a, cell);
        let w = weak(&a);
        drop(a);
        collect(std::slice::from_ref(&w));
        assert!(dead(&w), "{name}: the atom leaked");
        if let Some(wc) = wc {
            assert!(dead(&wc), "{name}: the cell leaked");
        }
    }
}

/// Evaluate `src` on `backend`: the last form's value.
fn eval(backend: Backend, src: &str) -> Value {
    let mut rt = Runtime::new(backend);
    rt.load_str(src, None).expect("evaluates")
}

#[test]
fn closures_cycles_are_reclaimed_on_both_backends() {
    let programs = [
        // an atom holding a closure that captures the atom
        "(let [a (atom nil)] (reset! a (fn [] @a)) a)",
        // letfn fns capturing each other (no cell at all)
        "(letfn [(ev? [n] (if (zero? n) true (od? (dec n))))
                 (od? [n] (if (zero? n) false (ev? (dec n))))] ev?)",
        // a volatile, a delay, a promise in the closure's cycle
        "(let [v (volatile! nil)] (vreset! v (fn [] @v)) v)",
        "(let [p (promise) d (delay @p)] (deliver p (fn [] d)) d)",
        // a lazy seq realised through an atom to itself
        "(let [a (atom nil) s (lazy-seq (cons 1 @a))] (reset! a s) (doall (take 3 s)) s)",
        // a deftype with a mutable field set to itself
        "(deftype Node [^:volatile-mutable nxt] clojure.lang.IDeref (deref [_] nxt)
                 Object (toString [this] (set! nxt this) \"n\"))
         (let [n (Node. nil)] (str n) n)",
        // a reify over an atom that holds it
        "(let [a (atom nil) r (reify clojure.lang.IDeref (deref [_] @a))] (reset! a r) a)",
        // watches and validators are traced too
        "(let [a (atom 0)] (add-watch a :k (fn [_ _ _ _] a)) (set-validator! a (fn [_] (some? a))) a)",
    ];
    for backend in [Backend::Vm, Backend::TreeWalk] {
        for src in programs {
            let v = eval(backend, src);
            let w = weak(&v);
            drop(v);
            assert!(!dead(&w), "{backend:?} {src}: no cycle to collect?");
            collect(std::slice::from_ref(&w));
            assert!(dead(&w), "{backend:?} {src}: leaked");
        }
    }
}

#[test]
fn a_running_program_keeps_its_cells() {
    // The letfn fns are still called after a collection from their cells.
    for backend in [Backend::Vm, Backend::TreeWalk] {
        let f = eval(
            backend,
            "(letfn [(ev? [n] (if (zero? n) true (od? (dec n))))
                     (od? [n] (if (zero? n) false (ev? (dec n))))] ev?)",
        );
        let w = weak(&f);
        let s = collect(std::slice::from_ref(&w));
        assert_eq!(s.garbage, 0, "{backend:?}");
        let r = crate::runtime::func::invoke(&f, &[Value::long(11)]).expect("runs");
        assert!(r.identical(&Value::FALSE), "{backend:?}");
    }
}

/// A random graph of atoms: each holds a collection (vector, list, hash
/// map, array map, set, or a vector sharing its trie with a common base)
/// of other atoms; some atoms are held from outside.
#[derive(Debug, Clone)]
struct Spec {
    edges: Vec<Vec<usize>>,
    shapes: Vec<u8>,
    external: Vec<bool>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..24).prop_flat_map(|n| {
        (
            proptest::collection::vec(proptest::collection::vec(0..n, 0..4), n),
            proptest::collection::vec(0u8..6, n),
            proptest::collection::vec(proptest::bool::weighted(0.2), n),
        )
            .prop_map(|(edges, shapes, external)| Spec {
                edges,
                shapes,
                external,
            })
    })
}

fn build(s: &Spec, base: &Value) -> Vec<Value> {
    let atoms: Vec<Value> = (0..s.edges.len())
        .map(|_| Value::atom(Value::NIL))
        .collect();
    for (i, out) in s.edges.iter().enumerate() {
        let items: Vec<Value> = out.iter().map(|&j| atoms[j].clone()).collect();
        let v = match s.shapes[i] {
            0 => Value::vector(items),
            1 => Value::list(items),
            2 => Value::map_from_pairs(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(k, v)| (Value::long(k as i64), v))
                    .chain((100..112).map(|k| (Value::long(k), Value::NIL)))
                    .collect(),
            ),
            3 => Value::map_from_pairs(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(k, v)| (Value::long(k as i64), v))
                    .collect(),
            ),
            4 => Value::set_from(items),
            _ => {
                // (conj base items...): shares the base's trie nodes.
                let mut v = base.clone();
                for x in items {
                    v = crate::runtime::coll::ops::conj(&v, x).expect("conj");
                }
                v
            }
        };
        reset(&atoms[i], v);
    }
    atoms
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The collector never clears a cell reachable from outside, and frees
    /// every cell that is not.
    #[test]
    fn random_graphs(s in spec()) {
        // A big shared vector (holding an atom of its own) that some
        // atoms extend: its trie nodes are shared with theirs.
        let shared = Value::atom(Value::long(7));
        let base = Value::vector((0..100).map(|i| if i == 50 { shared.clone() } else { Value::long(i) }).collect());
        let atoms = build(&s, &base);
        // (only the held atoms' contents: they are reachable anyway)
        let contents: Vec<Value> = atoms.iter().zip(&s.external).map(|(a, e)| if *e { deref(a) } else { Value::NIL }).collect();
        let weaks: Vec<WeakObj> = atoms.iter().map(weak).collect();
        let held: Vec<Value> = atoms.iter().zip(&s.external).filter(|(_, e)| **e).map(|(a, _)| a.clone()).collect();
        // Reachable from the held atoms (the model).
        let n = atoms.len();
        let mut reach = vec![false; n];
        let mut stack: Vec<usize> = (0..n).filter(|&i| s.external[i]).collect();
        while let Some(i) = stack.pop() {
            if !reach[i] {
                reach[i] = true;
                stack.extend(s.edges[i].iter().copied());
            }
        }
        drop(atoms);
        let mut all = weaks.clone();
        all.push(weak(&shared));
        collect(&all);
        for i in 0..n {
            if reach[i] {
                let a = weaks[i].upgrade();
                prop_assert!(a.is_some(), "reachable atom {} freed", i);
            } else {
                prop_assert!(dead(&weaks[i]), "garbage atom {} kept", i);
            }
        }
        // The held atoms still hold what they held.
        for (i, a) in s.external.iter().enumerate().filter(|(_, e)| **e).map(|(i, _)| i).zip(&held) {
            prop_assert!(deref(a).identical(&contents[i]), "held atom {} cleared", i);
        }
        // `base` is a local: the shared atom in it is live.
        prop_assert!(deref(&shared).identical(&Value::long(7)));
        drop(contents);
    }
}
