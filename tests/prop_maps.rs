//! Property tests: random op sequences on the persistent and transient maps
//! and sets, checked against std models. The key pool forces hash
//! collisions (full 32-bit hasheq collisions and long shared hash prefixes,
//! so tries nest several levels deep) and sizes crossing 8, 16 and 32.

use cljw::runtime::coll::{
    ArrayMap, HashMap, HashSet, SortedComparator, SortedMap, TransientMap, TransientSet,
};
use cljw::runtime::gc::Ref;
use cljw::runtime::hash::hasheq;
use cljw::runtime::{Value, View};
use proptest::collection::vec;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap as StdMap, HashSet as StdSet};
use std::sync::OnceLock;

/// A key pool; keys are referred to by index so the model can use usize.
/// Built from plain data (Values are not Sync without `threads`).
fn pool_spec() -> &'static Vec<PoolKey> {
    static POOL: OnceLock<Vec<PoolKey>> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut keys = vec![PoolKey::Nil];
        // 16 strings with one String.hashCode, hence one hasheq.
        for bits in 0..16u32 {
            let s: String = (0..4)
                .map(|i| if bits >> i & 1 == 1 { "BB" } else { "Aa" })
                .collect();
            keys.push(PoolKey::Str(s));
        }
        // Longs: brute-force full hasheq collisions and shared 15-bit prefixes.
        let mut by_hash: StdMap<i32, Vec<i64>> = StdMap::new();
        let mut by_low: StdMap<i32, Vec<i64>> = StdMap::new();
        // hashLong is a bijection on longs with equal high words, so spread
        // the inputs over 64 bits to meet full collisions (birthday bound).
        for i in 0..300_000i64 {
            let n = i.wrapping_mul(0x9E37_79B9_7F4A_7C15u64 as i64);
            let h = hasheq(&Value::long(n));
            by_hash.entry(h).or_default().push(n);
            by_low.entry(h & 0x7fff).or_default().push(n);
        }
        let mut full: Vec<Vec<i64>> = by_hash.into_values().filter(|v| v.len() > 1).collect();
        full.sort();
        assert!(!full.is_empty(), "no colliding longs found");
        for g in full.iter().take(3) {
            keys.extend(g.iter().map(|&n| PoolKey::Long(n)));
        }
        let mut low: Vec<Vec<i64>> = by_low.into_values().filter(|v| v.len() >= 8).collect();
        low.sort();
        for g in low.iter().take(2) {
            keys.extend(g.iter().take(12).map(|&n| PoolKey::Long(n)));
        }
        keys.extend((0..100).map(PoolKey::Long));
        keys.extend((0..20).map(|i| PoolKey::Kw(format!("k{i}"))));
        let mut seen = StdSet::new();
        keys.retain(|k| match k {
            PoolKey::Long(n) => seen.insert(*n),
            _ => true,
        });
        keys
    })
}

enum PoolKey {
    Nil,
    Long(i64),
    Str(String),
    Kw(String),
}

fn key(i: usize) -> Value {
    match &pool_spec()[i % pool_spec().len()] {
        PoolKey::Nil => Value::NIL,
        PoolKey::Long(n) => Value::long(*n),
        PoolKey::Str(s) => Value::string(s.as_str()),
        PoolKey::Kw(s) => Value::keyword(None, s),
    }
}

fn norm(i: usize) -> usize {
    i % pool_spec().len()
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Assoc(usize, i64),
    Dissoc(usize),
    Get(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (any::<usize>(), any::<i64>()).prop_map(|(k, v)| Op::Assoc(k, v)),
        2 => any::<usize>().prop_map(Op::Dissoc),
        1 => any::<usize>().prop_map(Op::Get),
    ]
}

// --- Value-level map ops (array map grows into hash map) -------------------

fn m_assoc(m: &Value, k: Value, v: Value) -> Value {
    match m.view() {
        View::ArrayMap(a) => a.assoc(k, v),
        View::HashMap(h) => Value::from(Ref::new(h.assoc(k, v))),
        _ => panic!("not a map"),
    }
}
fn m_dissoc(m: &Value, k: &Value) -> Value {
    match m.view() {
        View::ArrayMap(a) => a.without(k),
        View::HashMap(h) => Value::from(Ref::new(h.without(k))),
        _ => panic!("not a map"),
    }
}
fn m_get(m: &Value, k: &Value) -> Option<i64> {
    match m.view() {
        View::ArrayMap(a) => a.get(k).and_then(|v| v.as_long()),
        View::HashMap(h) => h.get(k).and_then(|v| v.as_long()),
        _ => panic!("not a map"),
    }
}
fn m_count(m: &Value) -> usize {
    match m.view() {
        View::ArrayMap(a) => a.count(),
        View::HashMap(h) => h.count(),
        _ => panic!("not a map"),
    }
}
/// Entries through the lazy seq, as (pool index, value).
fn m_entries(m: &Value) -> Vec<(usize, i64)> {
    cljw::runtime::seq::iter(m)
        .map(|e| match e.expect("seq").view() {
            View::MapEntry(me) => (index_of(me.key()), me.val().as_long().unwrap_or(i64::MIN)),
            _ => panic!("not an entry"),
        })
        .collect()
}
fn index_of(k: &Value) -> usize {
    (0..pool_spec().len())
        .find(|&i| cljw::runtime::equality::equiv(&key(i), k))
        .expect("key from pool")
}

fn check(m: &Value, model: &StdMap<usize, i64>) -> Result<(), TestCaseError> {
    prop_assert_eq!(m_count(m), model.len());
    let got: StdMap<usize, i64> = m_entries(m).into_iter().collect();
    prop_assert_eq!(&got, model);
    prop_assert_eq!(m_entries(m).len(), model.len(), "duplicate entries in seq");
    // array maps up to 8 entries when grown by assoc; hash maps never shrink
    if model.len() > 8 {
        prop_assert_eq!(m.class_name(), "clojure.lang.PersistentHashMap");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn persistent_map_matches_model(ops in vec(op(), 0..300)) {
        let mut m = Value::from(Ref::new(ArrayMap::empty()));
        let mut model: StdMap<usize, i64> = StdMap::new();
        let mut snapshots = Vec::new();
        for (n, op) in ops.iter().enumerate() {
            match *op {
                Op::Assoc(k, v) => {
                    m = m_assoc(&m, key(k), Value::long(v));
                    model.insert(norm(k), v);
                }
                Op::Dissoc(k) => {
                    m = m_dissoc(&m, &key(k));
                    model.remove(&norm(k));
                }
                Op::Get(k) => {
                    prop_assert_eq!(m_get(&m, &key(k)), model.get(&norm(k)).copied());
                }
            }
            prop_assert_eq!(m_count(&m), model.len());
            if n % 37 == 0 {
                snapshots.push((m.clone(), model.clone()));
            }
        }
        check(&m, &model)?;
        // older versions are untouched
        for (sm, smodel) in &snapshots {
            check(sm, smodel)?;
        }
    }

    #[test]
    fn transient_map_matches_model(pre in vec(op(), 0..120), ops in vec(op(), 0..300)) {
        let mut m = Value::from(Ref::new(ArrayMap::empty()));
        let mut model: StdMap<usize, i64> = StdMap::new();
        for op in &pre {
            match *op {
                Op::Assoc(k, v) => { m = m_assoc(&m, key(k), Value::long(v)); model.insert(norm(k), v); }
                Op::Dissoc(k) => { m = m_dissoc(&m, &key(k)); model.remove(&norm(k)); }
                Op::Get(_) => {}
            }
        }
        let before = model.clone();
        let mut t = match m.view() {
            View::ArrayMap(a) => Value::from(Ref::new(TransientMap::from_array_map(a))),
            View::HashMap(h) => Value::from(Ref::new(TransientMap::from_hash_map(h))),
            _ => unreachable!(),
        };
        for op in &ops {
            let cur = t.clone();
            let View::TransientMap(tm) = cur.view() else { unreachable!() };
            match *op {
                Op::Assoc(k, v) => {
                    if let Some(next) = tm.assoc(key(k), Value::long(v)).expect("assoc!") {
                        t = next;
                    }
                    model.insert(norm(k), v);
                }
                Op::Dissoc(k) => {
                    tm.without(&key(k)).expect("dissoc!");
                    model.remove(&norm(k));
                }
                Op::Get(k) => {
                    let got = tm.get(&key(k)).expect("get").and_then(|v| v.as_long());
                    prop_assert_eq!(got, model.get(&norm(k)).copied());
                    prop_assert_eq!(tm.contains_key(&key(k)).expect("contains"), model.contains_key(&norm(k)));
                }
            }
            // assoc! may have handed over to a new transient
            let View::TransientMap(now) = t.view() else { unreachable!() };
            prop_assert_eq!(now.count().expect("count"), model.len());
        }
        let View::TransientMap(tm) = t.view() else { unreachable!() };
        let p = tm.persistent().expect("persistent!");
        prop_assert!(tm.persistent().is_err());
        let got: StdMap<usize, i64> = m_entries(&p).into_iter().collect();
        prop_assert_eq!(&got, &model);
        prop_assert_eq!(m_count(&p), model.len());
        // the source map is unchanged
        check(&m, &before)?;
    }

    #[test]
    fn hash_set_matches_model(ops in vec(op(), 0..300), transient_from in 0usize..300) {
        let mut s = HashSet::empty();
        let mut model: StdSet<usize> = StdSet::new();
        let mut t: Option<TransientSet> = None;
        for (n, op) in ops.iter().enumerate() {
            if n == transient_from {
                t = Some(TransientSet::new(&s));
            }
            match (*op, &t) {
                (Op::Assoc(k, _), None) => { s = s.conj(key(k)); model.insert(norm(k)); }
                (Op::Assoc(k, _), Some(t)) => { t.conj(key(k)).expect("conj!"); model.insert(norm(k)); }
                (Op::Dissoc(k), None) => { s = s.disj(&key(k)); model.remove(&norm(k)); }
                (Op::Dissoc(k), Some(t)) => { t.disj(&key(k)).expect("disj!"); model.remove(&norm(k)); }
                (Op::Get(k), None) => {
                    prop_assert_eq!(s.contains(&key(k)), model.contains(&norm(k)));
                    prop_assert_eq!(s.get(&key(k)).is_some(), model.contains(&norm(k)));
                }
                (Op::Get(k), Some(t)) => {
                    prop_assert_eq!(t.contains(&key(k)).expect("contains"), model.contains(&norm(k)));
                }
            }
        }
        if let Some(t) = t {
            let p = t.persistent().expect("persistent!");
            let View::HashSet(ps) = p.view() else { unreachable!() };
            s = ps.clone();
        }
        prop_assert_eq!(s.count(), model.len());
        let items: Vec<usize> = cljw::runtime::seq::iter(&s.seq()).map(|x| index_of(&x.expect("seq"))).collect();
        prop_assert_eq!(items.len(), model.len());
        prop_assert_eq!(items.into_iter().collect::<StdSet<usize>>(), model);
    }

    #[test]
    fn hash_map_iteration_is_insertion_independent(mut ks in vec(0usize..400, 0..200), seed in any::<u64>()) {
        // Order depends only on the hashes, except inside collision nodes; so
        // use keys without full collisions (skip the 16 Aa/BB strings + groups).
        ks.retain(|&k| norm(k) > 60);
        let a = HashMap::from_pairs(ks.iter().map(|&k| (key(k), Value::NIL)));
        let mut shuffled = ks.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let b = HashMap::from_pairs(shuffled.iter().map(|&k| (key(k), Value::NIL)));
        let ka: Vec<usize> = a.keys().map(index_of).collect();
        let kb: Vec<usize> = b.keys().map(index_of).collect();
        prop_assert_eq!(ka, kb);
    }

    #[test]
    fn sorted_map_matches_btreemap(ops in vec(op(), 0..300), probe in -120i64..120, asc in any::<bool>()) {
        let k = |i: usize| (i % 200) as i64 - 100;
        let mut m = SortedMap::empty(SortedComparator::Default);
        let mut model: BTreeMap<i64, i64> = BTreeMap::new();
        for op in &ops {
            match *op {
                Op::Assoc(i, v) => { m = m.assoc(Value::long(k(i)), Value::long(v)).expect("assoc"); model.insert(k(i), v); }
                Op::Dissoc(i) => { m = m.without(&Value::long(k(i))).expect("dissoc"); model.remove(&k(i)); }
                Op::Get(i) => {
                    let got = m.get(&Value::long(k(i))).expect("get").and_then(|v| v.as_long());
                    prop_assert_eq!(got, model.get(&k(i)).copied());
                }
            }
            prop_assert_eq!(m.count(), model.len());
        }
        let got: Vec<(i64, i64)> = m.iter().map(|(a, b)| (a.as_long().unwrap_or(0), b.as_long().unwrap_or(0))).collect();
        let want: Vec<(i64, i64)> = model.iter().map(|(a, b)| (*a, *b)).collect();
        prop_assert_eq!(&got, &want);
        let rev: Vec<i64> = m.iter_rev().map(|(a, _)| a.as_long().unwrap_or(0)).collect();
        prop_assert_eq!(rev, model.keys().rev().copied().collect::<Vec<_>>());
        // seq_from: ascending from the first key >= probe, descending from the last <= probe
        let from: Vec<i64> = cljw::runtime::seq::iter(&m.seq_from(&Value::long(probe), asc).expect("seq_from"))
            .map(|e| match e.expect("seq").view() { View::MapEntry(me) => me.key().as_long().unwrap_or(0), _ => 0 })
            .collect();
        let want_from: Vec<i64> = if asc {
            model.range(probe..).map(|(k, _)| *k).collect()
        } else {
            model.range(..=probe).rev().map(|(k, _)| *k).collect()
        };
        prop_assert_eq!(from, want_from);
    }
}
