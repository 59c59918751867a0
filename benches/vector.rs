//! Criterion micro-benchmarks for PersistentVector (10k items).
//! Run briefly: `cargo bench --bench vector -- --quick`.

use cljw::runtime::Value;
use cljw::runtime::View;
use cljw::runtime::coll::{TransientVector, Vector};
use cljw::runtime::gc::Ref;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const N: i64 = 10_000;

fn build() -> Vector {
    Vector::from_vec((0..N).map(Value::long).collect())
}

fn conj(c: &mut Criterion) {
    c.bench_function("vector conj 10k", |b| {
        b.iter(|| {
            let mut v = Vector::empty();
            for i in 0..N {
                v = v.conj(Value::long(i));
            }
            black_box(v.count())
        })
    });
}

fn nth(c: &mut Criterion) {
    let v = build();
    c.bench_function("vector nth 10k", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for i in 0..N as usize {
                sum += v.nth(i).and_then(Value::as_long).unwrap_or(0);
            }
            black_box(sum)
        })
    });
}

fn assoc_n(c: &mut Criterion) {
    let v = build();
    c.bench_function("vector assoc_n 10k", |b| {
        b.iter(|| {
            let mut w = v.with_meta(None);
            for i in 0..N as usize {
                if let Some(x) = w.assoc_n(i, Value::NIL) {
                    w = x;
                }
            }
            black_box(w.count())
        })
    });
}

fn transient_build(c: &mut Criterion) {
    c.bench_function("vector transient conj! 10k", |b| {
        b.iter(|| {
            let t = TransientVector::new(&Vector::empty());
            for i in 0..N {
                let _ = t.conj(Value::long(i));
            }
            black_box(t.persistent().map(|v| v.count()).unwrap_or(0))
        })
    });
}

fn seq_iter(c: &mut Criterion) {
    let v = Ref::new(build());
    c.bench_function("vector seq first/next 10k", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            let mut s = Vector::seq(&v);
            while let View::ChunkedSeq(cs) = s.view() {
                sum += cs.first().as_long().unwrap_or(0);
                s = cs.next();
            }
            black_box(sum)
        })
    });
    c.bench_function("vector chunked seq 10k", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            let mut s = Vector::seq(&v);
            while let View::ChunkedSeq(cs) = s.view() {
                sum += cs
                    .chunk_first()
                    .iter()
                    .filter_map(Value::as_long)
                    .sum::<i64>();
                s = cs.chunk_next();
            }
            black_box(sum)
        })
    });
}

/// `(hash v)` of a 1,000-element vector (hasheq walks every item; no cache).
fn hash_1000(c: &mut Criterion) {
    let v = Value::vector((0..1000).map(Value::long).collect());
    c.bench_function("hash of a 1000-element vector", |b| {
        b.iter(|| black_box(cljw::runtime::hash::hasheq(black_box(&v))))
    });
}

criterion_group!(
    benches,
    conj,
    nth,
    assoc_n,
    transient_build,
    seq_iter,
    hash_1000
);
criterion_main!(benches);
