//! Criterion micro-benchmarks for the map and set collections.
//! Run: `cargo bench --bench map` (one short run: `-- --quick`).

use cljw::runtime::Value;
use cljw::runtime::coll::{ArrayMap, HashMap, HashSet, TransientMap};
use cljw::runtime::gc::Ref;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const N: i64 = 10_000;

fn build_map() -> HashMap {
    let mut m = HashMap::empty();
    for i in 0..N {
        m = m.assoc(Value::long(i), Value::long(i));
    }
    m
}

fn bench_maps(c: &mut Criterion) {
    c.bench_function("hash-map assoc 10k", |b| b.iter(|| black_box(build_map())));

    let m = build_map();
    c.bench_function("hash-map get over 10k", |b| {
        b.iter(|| {
            let mut hits = 0;
            for i in 0..N {
                if m.get(&Value::long(i)).is_some() {
                    hits += 1;
                }
            }
            black_box(hits)
        })
    });

    c.bench_function("transient map build 10k", |b| {
        b.iter(|| {
            let mut t = Value::from(Ref::new(TransientMap::from_array_map(&ArrayMap::empty())));
            for i in 0..N {
                let cur = t.clone();
                if let cljw::runtime::View::TransientMap(tm) = cur.view()
                    && let Ok(Some(next)) = tm.assoc(Value::long(i), Value::long(i))
                {
                    t = next;
                }
            }
            match t.view() {
                cljw::runtime::View::TransientMap(tm) => black_box(tm.persistent().ok()),
                _ => None,
            }
        })
    });

    let keys: Vec<Value> = (0..N).map(|i| Value::string(format!("k{i}"))).collect();
    c.bench_function("hash-set conj 10k strings", |b| {
        b.iter(|| {
            let mut s = HashSet::empty();
            for k in &keys {
                s = s.conj(k.clone());
            }
            black_box(s)
        })
    });
    let s = HashSet::from_items(keys.iter().cloned());
    c.bench_function("hash-set contains over 10k strings", |b| {
        b.iter(|| black_box(keys.iter().filter(|k| s.contains(k)).count()))
    });
}

criterion_group!(benches, bench_maps);
criterion_main!(benches);
