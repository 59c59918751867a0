//! Seq layer tests. Expected values were recorded on JVM Clojure 1.11.1
//! (`clojure -e '(prn ...)'`), noted as "JVM:".

use super::*;
use crate::runtime::error::ExClass;
use crate::runtime::func::invoke;
use crate::runtime::number::{BigDecimal, BigInt, Ratio};
use crate::runtime::printer::pr_str;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};

fn l(n: i64) -> Value {
    Value::long(n)
}
fn kw(s: &str) -> Value {
    Value::keyword(None, s)
}
fn vector(xs: &[i64]) -> Value {
    Value::vector(xs.iter().map(|&x| l(x)).collect())
}
fn bigint(s: &str) -> Value {
    Value::bigint(BigInt::from_str(s).unwrap())
}
fn ratio(n: i64, d: i64) -> Value {
    Value::ratio(Ratio::new(BigInt::from(n), BigInt::from(d)))
}
fn bigdec(s: &str) -> Value {
    Value::bigdec(BigDecimal::from_str(s).unwrap())
}

/// Prints like the JVM for the values used here (numbers of every type,
/// keywords, chars, nested seqs), independent of the printer's progress.
fn show(v: &Value) -> String {
    match v.view() {
        View::Long(n) => n.to_string(),
        View::Double(d) => format!("{d:?}"),
        View::BigInt(b) => format!("{b}N"),
        View::Ratio(r) => format!("{}/{}", r.numer(), r.denom()),
        View::BigDec(d) => format!("{d}M"),
        _ if is_seq(v) => {
            let items: Vec<String> = iter(v).map(|x| show(&x.unwrap())).collect();
            format!("({})", items.join(" "))
        }
        _ => pr_str(v),
    }
}

/// The first n items (for infinite seqs).
fn take(v: &Value, n: usize) -> Value {
    Value::list(iter(v).take(n).map(|x| x.unwrap()).collect())
}

fn err_of(r: Result<Value>) -> (ExClass, String) {
    match r {
        Ok(v) => panic!("expected an exception, got {}", show(&v)),
        Err(e) => (e.class(), e.message().unwrap_or("").to_string()),
    }
}

// ---------------------------------------------------------------- basics

#[test]
fn seq_first_next_rest_basics() {
    // JVM: (seq nil) nil, (first nil) nil, (next nil) nil, (rest nil) ()
    assert!(seq(&Value::NIL).unwrap().is_nil());
    assert!(first(&Value::NIL).unwrap().is_nil());
    assert!(next(&Value::NIL).unwrap().is_nil());
    let r = rest(&Value::NIL).unwrap();
    assert_eq!(r.class_name(), "clojure.lang.PersistentList$EmptyList");
    // JVM: (rest [1]) () EmptyList; (rest []) ()
    assert_eq!(
        rest(&vector(&[1])).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    assert_eq!(
        rest(&vector(&[])).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    let v = vector(&[1, 2, 3]);
    assert_eq!(show(&first(&v).unwrap()), "1");
    assert_eq!(show(&next(&v).unwrap()), "(2 3)");
    assert_eq!(show(&rest(&v).unwrap()), "(2 3)");
    assert!(seq(&Value::vector(vec![])).unwrap().is_nil());
    assert!(seq(&Value::empty_list()).unwrap().is_nil());
    let m = Value::map_from_pairs(vec![(kw("a"), l(1))]);
    assert_eq!(show(&first(&m).unwrap()), "[:a 1]");
}

#[test]
fn seq_of_non_seqable_throws() {
    // JVM: (seq 1) => IllegalArgumentException "Don't know how to create ISeq from: java.lang.Long"
    assert_eq!(
        err_of(seq(&l(1))),
        (
            ExClass::IllegalArgumentException,
            "Don't know how to create ISeq from: java.lang.Long".into()
        )
    );
    // JVM: (seq :a) => "... from: clojure.lang.Keyword"
    assert_eq!(
        err_of(seq(&kw("a"))).1,
        "Don't know how to create ISeq from: clojure.lang.Keyword"
    );
    assert_eq!(err_of(first(&l(1))).0, ExClass::IllegalArgumentException);
}

#[test]
fn strings_as_seqs() {
    let s = Value::string("abc");
    let q = seq(&s).unwrap();
    // JVM: (class (seq "abc")) clojure.lang.StringSeq, prints (\a \b \c)
    assert_eq!(q.class_name(), "clojure.lang.StringSeq");
    assert_eq!(show(&q), "(\\a \\b \\c)");
    assert_eq!(rest(&q).unwrap().class_name(), "clojure.lang.StringSeq");
    // JVM: (rest "a") () EmptyList; (next "a") nil; (seq "") nil
    assert_eq!(
        rest(&Value::string("a")).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    assert!(next(&Value::string("a")).unwrap().is_nil());
    assert!(seq(&Value::string("")).unwrap().is_nil());
    // JVM: (count (seq "abc")) 3
    assert_eq!(count(&q).unwrap(), 3);
    assert_eq!(show(&seq(&Value::string("é😀")).unwrap()), "(\\é \\😀)");
}

#[test]
fn counts() {
    // JVM: (count nil) 0, (count "😀a") 3, (count [1 2]) 2, (count {:a 1}) 1
    assert_eq!(count(&Value::NIL).unwrap(), 0);
    assert_eq!(count(&Value::string("😀a")).unwrap(), 3);
    assert_eq!(count(&vector(&[1, 2])).unwrap(), 2);
    assert_eq!(
        count(&Value::map_from_pairs(vec![(kw("a"), l(1))])).unwrap(),
        1
    );
    // JVM: (count (cons 1 (cons 2 nil))) 2; (count (cons 1 (range 10))) 11
    let c = cons(l(1), &cons(l(2), &Value::NIL).unwrap()).unwrap();
    assert_eq!(count(&c).unwrap(), 2);
    assert_eq!(
        count(&cons(l(1), &range_to(&l(10)).unwrap()).unwrap()).unwrap(),
        11
    );
    // JVM: (count (range 0 10 3)) 4, (count (range 0 100 7)) 15, (count (range 100 0 -7)) 15
    assert_eq!(
        count(&range_step(&l(0), &l(10), &l(3)).unwrap()).unwrap(),
        4
    );
    assert_eq!(
        count(&range_step(&l(0), &l(100), &l(7)).unwrap()).unwrap(),
        15
    );
    assert_eq!(
        count(&range_step(&l(100), &l(0), &l(-7)).unwrap()).unwrap(),
        15
    );
    // JVM: (count (range 2147483647)) 2147483647; (count (range 2147483648)) and
    // (count (range 3000000000)) ArithmeticException "integer overflow"
    assert_eq!(
        count(&range_to(&l(2147483647)).unwrap()).unwrap(),
        2147483647
    );
    let e = count(&range_to(&l(2147483648)).unwrap()).unwrap_err();
    assert_eq!(
        (e.class(), e.message()),
        (ExClass::ArithmeticException, Some("integer overflow"))
    );
    // JVM: (count (range 0 1 0.25)) 4, (count (range 0 2 1/3)) 6
    assert_eq!(
        count(&range_step(&l(0), &l(1), &Value::double(0.25)).unwrap()).unwrap(),
        4
    );
    assert_eq!(
        count(&range_step(&l(0), &l(2), &ratio(1, 3)).unwrap()).unwrap(),
        6
    );
    // JVM: (count 1) UnsupportedOperationException "count not supported on this type: Long"
    let e = count(&l(1)).unwrap_err();
    assert_eq!(e.class(), ExClass::UnsupportedOperationException);
    assert_eq!(e.message(), Some("count not supported on this type: Long"));
    // JVM: (count :a) "count not supported on this type: Keyword"
    assert_eq!(
        count(&kw("a")).unwrap_err().message(),
        Some("count not supported on this type: Keyword")
    );
}

#[test]
fn cons_classes() {
    // JVM: (cons 1 nil) PersistentList; (cons 1 [2]) Cons; (cons 1 ()) Cons;
    // (cons 1 "ab") (1 \a \b) Cons; (cons 1 3) IllegalArgumentException
    assert_eq!(
        cons(l(1), &Value::NIL).unwrap().class_name(),
        "clojure.lang.PersistentList"
    );
    let c = cons(l(1), &vector(&[2])).unwrap();
    assert_eq!(c.class_name(), "clojure.lang.Cons");
    assert_eq!(show(&c), "(1 2)");
    assert_eq!(
        cons(l(1), &Value::empty_list()).unwrap().class_name(),
        "clojure.lang.Cons"
    );
    assert_eq!(
        show(&cons(l(1), &Value::string("ab")).unwrap()),
        "(1 \\a \\b)"
    );
    assert_eq!(
        err_of(cons(l(1), &l(3))).1,
        "Don't know how to create ISeq from: java.lang.Long"
    );
    // rest of a cons keeps a lazy tail unrealised
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let lazy = Value::lazy_seq_native(|| {
        CALLS.fetch_add(1, Ordering::SeqCst);
        Ok(Value::NIL)
    });
    let c = cons(l(1), &lazy).unwrap();
    assert_eq!(rest(&c).unwrap().class_name(), "clojure.lang.LazySeq");
    assert_eq!(CALLS.load(Ordering::SeqCst), 0);
    // JVM: (cons 1 (lazy-seq nil)) => (1)
    assert_eq!(show(&c), "(1)");
    assert_eq!(CALLS.load(Ordering::SeqCst), 1);
}

#[test]
fn equality_across_seq_types() {
    use crate::runtime::equality::equiv;
    assert!(equiv(&range_to(&l(3)).unwrap(), &vector(&[0, 1, 2])));
    assert!(equiv(&Repeat::create(2, l(7)), &vector(&[7, 7])));
    assert!(!equiv(&range_to(&l(3)).unwrap(), &vector(&[0, 1])));
}

// ---------------------------------------------------------------- lazy seqs

static THUNK_CALLS: AtomicUsize = AtomicUsize::new(0);
fn counting_thunk(_: &[Value]) -> Result<Value> {
    THUNK_CALLS.fetch_add(1, Ordering::SeqCst);
    Ok(Value::vector(vec![l(1), l(2), l(3)]))
}

#[test]
fn lazy_seq_realises_once() {
    let s = Value::lazy_seq(Value::native_fn("thunk", counting_thunk));
    let View::LazySeq(ls) = s.view() else {
        panic!()
    };
    assert!(!ls.is_realized());
    assert_eq!(THUNK_CALLS.load(Ordering::SeqCst), 0);
    assert_eq!(show(&s), "(1 2 3)");
    assert_eq!(count(&s).unwrap(), 3);
    assert_eq!(show(&first(&s).unwrap()), "1");
    assert_eq!(show(&rest(&s).unwrap()), "(2 3)");
    assert!(ls.is_realized());
    assert_eq!(THUNK_CALLS.load(Ordering::SeqCst), 1);
}

#[test]
fn lazy_seq_empty_and_nested() {
    // JVM: (seq (lazy-seq nil)) nil; (rest (lazy-seq nil)) (); (next (lazy-seq [1])) nil
    let e = Value::lazy_seq_native(|| Ok(Value::NIL));
    assert_eq!(e.class_name(), "clojure.lang.LazySeq");
    assert!(seq(&e).unwrap().is_nil());
    assert_eq!(
        rest(&e).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    let one = Value::lazy_seq_native(|| Ok(Value::vector(vec![l(1)])));
    assert!(next(&one).unwrap().is_nil());
    // JVM: (seq (lazy-seq (lazy-seq nil))) nil
    let nested = Value::lazy_seq_native(|| Ok(Value::lazy_seq_native(|| Ok(Value::NIL))));
    assert!(seq(&nested).unwrap().is_nil());
    // A deep nest of lazy seqs unwraps without recursion.
    let mut v = Value::list(vec![l(42)]);
    for _ in 0..200_000 {
        let inner = v;
        v = Value::lazy_seq_native(move || Ok(inner));
    }
    assert_eq!(show(&seq(&v).unwrap()), "(42)");
}

static BOOM_CALLS: AtomicUsize = AtomicUsize::new(0);
fn boom(_: &[Value]) -> Result<Value> {
    BOOM_CALLS.fetch_add(1, Ordering::SeqCst);
    err::throw(ExClass::Exception, "boom")
}

#[test]
fn lazy_seq_thunk_exception_reruns_fn() {
    // JVM: (def s (lazy-seq (swap! cnt inc) (throw (Exception. "boom2"))))
    // two (try (seq s) ...) both throw "boom2", and @cnt is 2.
    let s = Value::lazy_seq(Value::native_fn("boom", boom));
    for _ in 0..2 {
        assert_eq!(err_of(seq(&s)), (ExClass::Exception, "boom".into()));
    }
    assert_eq!(BOOM_CALLS.load(Ordering::SeqCst), 2);
    // A Rust closure runs once: its exception is re-thrown as stored.
    static NATIVE: AtomicUsize = AtomicUsize::new(0);
    let s = Value::lazy_seq_native(|| {
        NATIVE.fetch_add(1, Ordering::SeqCst);
        err::illegal_state("native boom")
    });
    assert_eq!(err_of(seq(&s)).1, "native boom");
    assert_eq!(err_of(seq(&s)).1, "native boom");
    assert_eq!(NATIVE.load(Ordering::SeqCst), 1);
}

#[test]
fn lazy_seq_unwrap_failure_leaves_it_empty() {
    // JVM: (def s5 (lazy-seq 5)): first (seq s5) throws IllegalArgumentException
    // "Don't know how to create ISeq from: java.lang.Long", the second returns nil.
    let s5 = Value::lazy_seq_native(|| Ok(l(5)));
    assert_eq!(
        err_of(seq(&s5)),
        (
            ExClass::IllegalArgumentException,
            "Don't know how to create ISeq from: java.lang.Long".into()
        )
    );
    assert!(seq(&s5).unwrap().is_nil());
    // JVM: (def s6 (lazy-seq (lazy-seq (throw (Exception. "in"))))): throws, then nil.
    let s6 = Value::lazy_seq_native(|| {
        Ok(Value::lazy_seq_native(|| {
            err::throw(ExClass::Exception, "in")
        }))
    });
    assert_eq!(err_of(seq(&s6)).1, "in");
    assert!(seq(&s6).unwrap().is_nil());
}

#[test]
fn seq_iter_reports_errors_then_stops() {
    let s = cons(l(1), &Value::lazy_seq_native(|| err::illegal_state("late"))).unwrap();
    let items: Vec<Result<Value>> = iter(&s).collect();
    assert_eq!(items.len(), 2);
    assert!(items[0].is_ok());
    assert!(items[1].is_err());
}

#[cfg(feature = "threads")]
#[test]
fn lazy_seq_realised_once_across_threads() {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    for _round in 0..5 {
        RUNS.store(0, Ordering::SeqCst);
        let s = Value::lazy_seq_native(|| {
            RUNS.fetch_add(1, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(20));
            Ok(Value::vector(vec![l(1), l(2)]))
        });
        let results: Vec<Value> = std::thread::scope(|sc| {
            let hs: Vec<_> = (0..8)
                .map(|_| {
                    let s = s.clone();
                    sc.spawn(move || seq(&s).unwrap())
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(RUNS.load(Ordering::SeqCst), 1);
        for r in &results {
            assert!(r.identical(&results[0]), "every thread sees the same seq");
            assert_eq!(show(r), "(1 2)");
        }
    }
}

// ---------------------------------------------------------------- chunks

#[test]
fn long_range_chunks() {
    let r = range_to(&l(100)).unwrap();
    assert!(is_chunked_seq(&r));
    // JVM: (class (chunk-first (range 100))) LongRange$LongChunk, count 32
    let c = chunk_first(&r).unwrap();
    assert_eq!(c.count(), 32);
    assert_eq!(
        Value::array_chunk(c.clone()).class_name(),
        "clojure.lang.LongRange$LongChunk"
    );
    assert_eq!(show(c.nth(31).unwrap()), "31");
    // JVM: (count (chunk-first (range 40 100))) 32; (first (chunk-rest (range 100))) 32
    let c40 = chunk_first(&range_from(&l(40), &l(100)).unwrap()).unwrap();
    assert_eq!(c40.count(), 32);
    assert_eq!(show(&first(&chunk_rest(&r).unwrap()).unwrap()), "32");
    // JVM: (chunk-next (range 10)) nil; (chunk-rest (range 10)) () EmptyList
    let r10 = range_to(&l(10)).unwrap();
    assert!(chunk_next(&r10).unwrap().is_nil());
    assert_eq!(
        chunk_rest(&r10).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    // JVM: (class (next (range 100))) LongRange; (rest (range 1)) (); (next (range 1)) nil
    assert_eq!(next(&r).unwrap().class_name(), "clojure.lang.LongRange");
    assert!(next(&range_to(&l(1)).unwrap()).unwrap().is_nil());
    assert_eq!(
        rest(&range_to(&l(1)).unwrap()).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    // chunks of a later position start there
    let r5 = next(&next(&r).unwrap()).unwrap();
    let c5 = chunk_first(&r5).unwrap();
    assert_eq!((c5.count(), show(c5.nth(0).unwrap())), (30, "2".into()));
    // JVM: (chunked-seq? (seq [1])) true is the vector's; not a lazy seq
    assert!(!is_chunked_seq(&Value::lazy_seq_native(|| Ok(Value::NIL))));
    assert!(chunk_first(&vector(&[1])).is_err());
}

#[test]
fn range_chunks_are_array_chunks() {
    // JVM: (class (chunk-first (range 0 1 0.25))) ArrayChunk;
    // (count (chunk-first (range 0.0 100 1))) 32
    let r = range_step(&l(0), &l(1), &Value::double(0.25)).unwrap();
    assert!(is_chunked_seq(&r));
    assert_eq!(
        Value::array_chunk(chunk_first(&r).unwrap()).class_name(),
        "clojure.lang.ArrayChunk"
    );
    let r = range_step(&Value::double(0.0), &l(100), &l(1)).unwrap();
    assert_eq!(chunk_first(&r).unwrap().count(), 32);
    assert_eq!(show(&first(&chunk_rest(&r).unwrap()).unwrap()), "32.0");
    assert_eq!(count(&r).unwrap(), 100);
}

#[test]
fn chunk_buffer_and_chunked_cons() {
    // JVM: (let [b (chunk-buffer 3)] (chunk-append b 1) (chunk-append b 2)
    //        (let [c (chunk b)] [(class c) (count c) (nth c 1)])) => [ArrayChunk 2 2]
    let b = ChunkBuffer::new(3);
    b.append(l(1)).unwrap();
    b.append(l(2)).unwrap();
    let c = b.chunk();
    assert_eq!((c.count(), show(c.nth(1).unwrap())), (2, "2".into()));
    // JVM: appending after (chunk b): NullPointerException; past capacity:
    // ArrayIndexOutOfBoundsException "Index 1 out of bounds for length 1"
    assert_eq!(
        b.append(l(3)).unwrap_err().class(),
        ExClass::NullPointerException
    );
    let b1 = ChunkBuffer::new(1);
    b1.append(l(1)).unwrap();
    let e = b1.append(l(2)).unwrap_err();
    assert_eq!(e.class(), ExClass::ArrayIndexOutOfBoundsException);
    assert_eq!(e.message(), Some("Index 1 out of bounds for length 1"));
    // JVM: (chunk-cons (chunk (chunk-buffer 2)) [1 2]) => [1 2] (the rest itself)
    let r = chunk_cons(ChunkBuffer::new(2).chunk(), vector(&[1, 2])).unwrap();
    assert_eq!(r.class_name(), "clojure.lang.PersistentVector");
    // JVM: one item + nil: (1) ChunkedCons; rest () ; next nil
    let cc = chunk_cons(c.clone(), Value::NIL).unwrap();
    assert_eq!(cc.class_name(), "clojure.lang.ChunkedCons");
    assert!(is_chunked_seq(&cc));
    assert_eq!(show(&cc), "(1 2)");
    let one = chunk_cons(ArrayChunk::new(vec![l(1)]), Value::NIL).unwrap();
    assert_eq!(
        rest(&one).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    assert!(next(&one).unwrap().is_nil());
    let two = chunk_cons(c, range_to(&l(3)).unwrap()).unwrap();
    assert_eq!(show(&two), "(1 2 0 1 2)");
    assert_eq!(count(&two).unwrap(), 5);
    assert_eq!(next(&two).unwrap().class_name(), "clojure.lang.ChunkedCons");
}

static MAP_CALLS: AtomicUsize = AtomicUsize::new(0);
fn identity_counted(args: &[Value]) -> Result<Value> {
    MAP_CALLS.fetch_add(1, Ordering::SeqCst);
    Ok(args[0].clone())
}

/// `map` written over the chunk API the way mod.rs documents it.
fn chunked_map(f: Value, coll: Value) -> Value {
    Value::lazy_seq_native(move || {
        let s = seq(&coll)?;
        if s.is_nil() {
            return Ok(Value::NIL);
        }
        if is_chunked_seq(&s) {
            let c = chunk_first(&s)?;
            let b = ChunkBuffer::new(c.count());
            for x in c.as_slice() {
                b.append(invoke(&f, std::slice::from_ref(x))?)?;
            }
            let more = chunk_rest(&s)?;
            chunk_cons(b.chunk(), chunked_map(f, more))
        } else {
            let x = invoke(&f, &[first(&s)?])?;
            cons(x, &chunked_map(f, rest(&s)?))
        }
    })
}

#[test]
fn map_over_chunks_realises_32_at_a_time() {
    let f = Value::native_fn("f", identity_counted);
    let calls = |coll: Value, n: usize| {
        MAP_CALLS.store(0, Ordering::SeqCst);
        let m = chunked_map(f.clone(), coll);
        let _ = take(&m, n);
        MAP_CALLS.load(Ordering::SeqCst)
    };
    // JVM: (first (map f (range 100))) calls f 32 times; (range 20): 20 times;
    // (range 40 100): 32 times.
    assert_eq!(calls(range_to(&l(100)).unwrap(), 1), 32);
    assert_eq!(calls(range_to(&l(20)).unwrap(), 1), 20);
    assert_eq!(calls(range_from(&l(40), &l(100)).unwrap(), 1), 32);
    assert_eq!(calls(range_to(&l(100)).unwrap(), 33), 64);
    // JVM: (class (seq (map inc (range 10)))) ChunkedCons
    let m = chunked_map(f.clone(), range_to(&l(10)).unwrap());
    assert_eq!(seq(&m).unwrap().class_name(), "clojure.lang.ChunkedCons");
    assert_eq!(show(&m), "(0 1 2 3 4 5 6 7 8 9)");
    // unchunked input: one at a time
    assert_eq!(calls(Value::list(vec![l(1), l(2), l(3)]), 1), 1);
}

// ---------------------------------------------------------------- ranges

fn r1(end: Value) -> String {
    show(&range_to(&end).unwrap())
}
fn r2(a: Value, b: Value) -> String {
    show(&range_from(&a, &b).unwrap())
}
fn r3(a: Value, b: Value, c: Value) -> String {
    show(&range_step(&a, &b, &c).unwrap())
}

#[test]
fn long_ranges_match_jvm() {
    // JVM outputs of (prn ...):
    assert_eq!(r3(l(10), l(0), l(-3)), "(10 7 4 1)");
    assert_eq!(r3(l(0), l(10), l(3)), "(0 3 6 9)");
    assert_eq!(r2(l(5), l(0)), "()");
    assert_eq!(r1(l(-3)), "()");
    assert_eq!(r1(l(0)), "()");
    assert_eq!(r1(l(3)), "(0 1 2)");
    assert_eq!(
        range_to(&l(3)).unwrap().class_name(),
        "clojure.lang.LongRange"
    );
    assert_eq!(
        range_to(&l(0)).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    // (range 5 5 0) => (); (take 3 (range 0 10 0)) => (0 0 0);
    // (take 3 (range 10 0 0)) => (10 10 10)
    assert_eq!(r3(l(5), l(5), l(0)), "()");
    assert_eq!(
        show(&take(&range_step(&l(0), &l(10), &l(0)).unwrap(), 3)),
        "(0 0 0)"
    );
    assert_eq!(
        show(&take(&range_step(&l(10), &l(0), &l(0)).unwrap(), 3)),
        "(10 10 10)"
    );
    assert_eq!(
        range_step(&l(0), &l(10), &l(0)).unwrap().class_name(),
        "clojure.lang.Repeat"
    );
    // near the edges of long
    assert_eq!(
        r2(l(9223372036854775805), l(9223372036854775807)),
        "(9223372036854775805 9223372036854775806)"
    );
    assert_eq!(
        r3(l(9223372036854775800), l(9223372036854775807), l(3)),
        "(9223372036854775800 9223372036854775803 9223372036854775806)"
    );
    assert_eq!(
        r3(l(-9223372036854775805), l(i64::MIN), l(-1)),
        "(-9223372036854775805 -9223372036854775806 -9223372036854775807)"
    );
    assert_eq!(
        r3(l(0), l(i64::MAX), l(4611686018427387904)),
        "(0 4611686018427387904)"
    );
    let big = range_step(&l(i64::MIN), &l(i64::MAX), &l(i64::MAX)).unwrap();
    assert_eq!(show(&big), "(-9223372036854775808 -1 9223372036854775806)");
    assert_eq!(count(&big).unwrap(), 3);
    // (range) is (iterate inc' 0)
    let inf = range_infinite();
    assert_eq!(inf.class_name(), "clojure.lang.Iterate");
    assert_eq!(show(&take(&inf, 3)), "(0 1 2)");
    // walking across many chunks
    let total: i64 = iter(&range_to(&l(1000)).unwrap())
        .map(|x| x.unwrap().as_long().unwrap())
        .sum();
    assert_eq!(total, 499500);
    assert_eq!(
        count(&Value::list(
            iter(&range_step(&l(0), &l(100), &l(7)).unwrap())
                .map(|x| x.unwrap())
                .collect()
        ))
        .unwrap(),
        15
    );
}

#[test]
fn generic_ranges_match_jvm() {
    let d = Value::double;
    // JVM outputs of (prn ...):
    // (take 5 (range 0 1 0.1)) => (0 0.1 0.2 0.30000000000000004 0.4)
    assert_eq!(
        show(&take(&range_step(&l(0), &l(1), &d(0.1)).unwrap(), 5)),
        "(0 0.1 0.2 0.30000000000000004 0.4)"
    );
    assert_eq!(r3(l(0), l(1), d(0.25)), "(0 0.25 0.5 0.75)");
    assert_eq!(
        range_step(&l(0), &l(1), &d(0.25)).unwrap().class_name(),
        "clojure.lang.Range"
    );
    assert_eq!(r2(d(0.5), l(3)), "(0.5 1.5 2.5)");
    assert_eq!(r2(ratio(1, 2), l(3)), "(1/2 3/2 5/2)");
    assert_eq!(r3(l(0), l(2), ratio(1, 3)), "(0 1/3 2/3 1N 4/3 5/3)");
    assert_eq!(r2(bigint("0"), l(3)), "(0N 1N 2N)");
    assert_eq!(r2(l(0), bigint("3")), "(0 1 2)");
    assert_eq!(r1(bigint("3")), "(0 1 2)");
    assert_eq!(r3(l(0), l(3), bigint("1")), "(0 1N 2N)");
    assert_eq!(
        show(&take(&range_step(&d(0.0), &l(10), &l(0)).unwrap(), 3)),
        "(0.0 0.0 0.0)"
    );
    assert_eq!(r3(d(1.0), d(1.0), l(0)), "()");
    assert_eq!(
        show(&take(&range_step(&l(1), &d(0.0), &l(0)).unwrap(), 2)),
        "(1 1)"
    );
    assert_eq!(r3(l(1), l(2), d(0.3)), "(1 1.3 1.6 1.9000000000000001)");
    assert_eq!(r3(l(5), l(1), d(-1.5)), "(5 3.5 2.0)");
    assert_eq!(
        r3(d(0.1), d(0.5), d(0.1)),
        "(0.1 0.2 0.30000000000000004 0.4)"
    );
    assert_eq!(r3(l(0), l(1), ratio(1, 3)), "(0 1/3 2/3)");
    assert_eq!(
        r3(d(0.0), l(1), ratio(1, 3)),
        "(0.0 0.3333333333333333 0.6666666666666666)"
    );
    assert_eq!(r3(ratio(1, 2), ratio(5, 2), ratio(1, 2)), "(1/2 1N 3/2 2N)");
    assert_eq!(r3(l(0), d(1.0), d(0.5)), "(0 0.5)");
    assert_eq!(
        r3(l(0), bigdec("1"), bigdec("0.25")),
        "(0 0.25M 0.50M 0.75M)"
    );
    assert_eq!(r3(bigdec("0"), l(1), d(0.25)), "(0M 0.25 0.5 0.75)");
    assert_eq!(r3(l(0), bigint("5"), l(2)), "(0 2 4)");
    assert_eq!(
        r2(l(9223372036854775806), bigint("9223372036854775809")),
        "(9223372036854775806 9223372036854775807 9223372036854775808N)"
    );
    assert_eq!(r3(l(3), d(0.5), l(-1)), "(3 2 1)");
    assert_eq!(r1(d(-1.5)), "()");
    assert_eq!(r1(d(2.5)), "(0 1 2)");
    assert_eq!(r1(ratio(2, 3)), "(0)");
    // a generic range longer than a chunk
    assert_eq!(
        count(&range_step(&l(0), &l(100), &d(1.0)).unwrap()).unwrap(),
        100
    );
    // JVM: (range 0 :a) ClassCastException
    assert_eq!(
        err_of(range_from(&l(0), &kw("a"))).0,
        ExClass::ClassCastException
    );
}

// ---------------------------------------------------------------- repeat, iterate, cycle

#[test]
fn repeat_matches_jvm() {
    // JVM: (repeat 3 :x) (:x :x :x) Repeat; (repeat 0 :x) () ; (repeat -2 :x) ()
    let r = Repeat::create(3, kw("x"));
    assert_eq!(
        (show(&r), r.class_name()),
        ("(:x :x :x)".into(), "clojure.lang.Repeat")
    );
    assert_eq!(count(&r).unwrap(), 3);
    assert_eq!(
        Repeat::create(0, kw("x")).class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    assert_eq!(show(&Repeat::create(-2, kw("x"))), "()");
    // JVM: (next (repeat 1 :x)) nil; (rest (repeat 1 :x)) (); (class (next (repeat 3 :x))) Repeat
    let one = Repeat::create(1, kw("x"));
    assert!(next(&one).unwrap().is_nil());
    assert_eq!(
        rest(&one).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    assert_eq!(next(&r).unwrap().class_name(), "clojure.lang.Repeat");
    // JVM: (take 2 (repeat :x)) (:x :x); (count (repeat 3 nil)) 3
    assert_eq!(show(&take(&Value::repeat(kw("x")), 2)), "(:x :x)");
    assert_eq!(count(&Repeat::create(3, Value::NIL)).unwrap(), 3);
}

static ITER_CALLS: AtomicUsize = AtomicUsize::new(0);
fn counted_inc(args: &[Value]) -> Result<Value> {
    ITER_CALLS.fetch_add(1, Ordering::SeqCst);
    Ok(l(args[0].as_long().unwrap_or(0) + 1))
}
fn throwing(_: &[Value]) -> Result<Value> {
    err::throw(ExClass::Exception, "it")
}

#[test]
fn iterate_calls_f_once_per_item() {
    // JVM: (take 4 (iterate inc 0)) (0 1 2 3); class Iterate
    // JVM: taking 5 items twice from one (iterate f 0) calls f 4 times.
    let it = Iterate::create(Value::native_fn("inc", counted_inc), l(0));
    assert_eq!(it.class_name(), "clojure.lang.Iterate");
    assert_eq!(show(&take(&it, 5)), "(0 1 2 3 4)");
    assert_eq!(show(&take(&it, 5)), "(0 1 2 3 4)");
    assert_eq!(ITER_CALLS.load(Ordering::SeqCst), 4);
    // JVM: (class (rest (iterate inc 0))) Iterate
    assert_eq!(rest(&it).unwrap().class_name(), "clojure.lang.Iterate");
    // JVM: (first (iterate throwing 0)) 0; (second ...) throws "it"
    let bad = Iterate::create(Value::native_fn("bad", throwing), l(0));
    assert_eq!(show(&first(&bad).unwrap()), "0");
    let second = next(&bad).and_then(|n| first(&n));
    assert_eq!(err_of(second).1, "it");
}

#[test]
fn cycle_matches_jvm() {
    // JVM: (take 5 (cycle [1 2])) (1 2 1 2 1); (cycle []) (); (cycle nil) ();
    // (class (cycle [1])) Cycle; (class (rest (cycle [1 2]))) Cycle
    let c = Cycle::create(&vector(&[1, 2])).unwrap();
    assert_eq!(show(&take(&c, 5)), "(1 2 1 2 1)");
    assert_eq!(c.class_name(), "clojure.lang.Cycle");
    assert_eq!(rest(&c).unwrap().class_name(), "clojure.lang.Cycle");
    assert_eq!(show(&Cycle::create(&vector(&[])).unwrap()), "()");
    assert_eq!(
        Cycle::create(&Value::NIL).unwrap().class_name(),
        "clojure.lang.PersistentList$EmptyList"
    );
    // JVM: (count (take 3 (cycle [1]))) 3
    assert_eq!(
        show(&take(&Cycle::create(&vector(&[1])).unwrap(), 3)),
        "(1 1 1)"
    );
}

// ---------------------------------------------------------------- deep drop

// 10M takes ~9 s (cons) and ~40 s (lazy) in a debug build on this 2-core machine,
// so the default run uses 3M; the drop is iterative either way.
const DEEP: i64 = 3_000_000;

#[test]
fn deep_cons_chain_drops_iteratively() {
    let mut v = Value::NIL;
    for i in 0..DEEP {
        v = Value::from(Ref::new(Cons::new(l(i), v)));
    }
    assert_eq!(show(&first(&v).unwrap()), (DEEP - 1).to_string());
    drop(v);
}

fn lazy_from(i: i64, n: i64) -> Value {
    Value::lazy_seq_native(move || {
        if i >= n {
            return Ok(Value::NIL);
        }
        Ok(Value::from(Ref::new(Cons::new(l(i), lazy_from(i + 1, n)))))
    })
}

#[test]
fn deep_realized_lazy_seq_drops_iteratively() {
    let head = lazy_from(0, DEEP);
    let mut n = 0i64;
    for x in iter(&head) {
        x.unwrap();
        n += 1;
    }
    assert_eq!(n, DEEP);
    drop(head); // a fully realised chain of 2 * DEEP nodes
}

#[test]
fn deep_cached_range_chain_drops_iteratively() {
    let head = range_to(&l(1_000_000)).unwrap();
    assert_eq!(iter(&head).count(), 1_000_000);
    drop(head);
    let rep = Repeat::create(1_000_000, l(1));
    assert_eq!(iter(&rep).count(), 1_000_000);
    drop(rep);
}

// ---------------------------------------------------------------- invoke

#[test]
fn invoke_keywords_maps_sets_vectors() {
    let m = Value::map_from_pairs(vec![(kw("a"), l(1))]);
    // JVM: (:a {:a 1}) 1; (:a {:b 1} 5) 5; (:a 1) nil; (:a [1 2]) nil; (:a "abc") nil
    assert_eq!(
        show(&invoke(&kw("a"), std::slice::from_ref(&m)).unwrap()),
        "1"
    );
    assert_eq!(show(&invoke(&kw("b"), &[m.clone(), l(5)]).unwrap()), "5");
    assert!(invoke(&kw("a"), &[l(1)]).unwrap().is_nil());
    assert!(invoke(&kw("a"), &[vector(&[1, 2])]).unwrap().is_nil());
    assert!(invoke(&kw("a"), &[Value::string("abc")]).unwrap().is_nil());
    // JVM: (:a) ArityException "Wrong number of args (0) passed to: :a"
    assert_eq!(
        err_of(invoke(&kw("a"), &[])),
        (
            ExClass::ArityException,
            "Wrong number of args (0) passed to: :a".into()
        )
    );
    assert_eq!(
        err_of(invoke(&kw("a"), &[m.clone(), l(2), l(3)])).1,
        "Wrong number of args (3) passed to: :a"
    );
    // JVM: ({:a 1} :a) 1; ({:a 1} :b 7) 7; ({:a 1} 1 2) 2
    assert_eq!(show(&invoke(&m, &[kw("a")]).unwrap()), "1");
    assert_eq!(show(&invoke(&m, &[kw("b"), l(7)]).unwrap()), "7");
    assert_eq!(show(&invoke(&m, &[l(1), l(2)]).unwrap()), "2");
    // JVM: ({:a 1}) "Wrong number of args (0) passed to: clojure.lang.PersistentArrayMap"
    assert_eq!(
        err_of(invoke(&m, &[])).1,
        "Wrong number of args (0) passed to: clojure.lang.PersistentArrayMap"
    );
    // JVM: (#{1 2} 1) 1; (#{1 2} 3) nil; (#{1 2} 3 4) ArityException
    // "Wrong number of args (2) passed to: clojure.lang.PersistentHashSet"
    let s = Value::set_from(vec![l(1), l(2)]);
    assert_eq!(show(&invoke(&s, &[l(1)]).unwrap()), "1");
    assert!(invoke(&s, &[l(3)]).unwrap().is_nil());
    assert_eq!(
        err_of(invoke(&s, &[l(3), l(4)])).1,
        "Wrong number of args (2) passed to: clojure.lang.PersistentHashSet"
    );
    // JVM: ([1 2] 0) 1; ([1 2] 2) and ([1 2] -1) IndexOutOfBoundsException (no message);
    // ([1 2] 1.5) / ([1 2] :a) IllegalArgumentException "Key must be integer";
    // ([1 2] 1N) 2; ([1 2] 4294967296) 1; ([1 2] 3000000000) IndexOutOfBounds
    let v = vector(&[1, 2]);
    assert_eq!(show(&invoke(&v, &[l(0)]).unwrap()), "1");
    for bad in [l(2), l(-1), l(3000000000)] {
        let e = invoke(&v, &[bad]).unwrap_err();
        assert_eq!(
            (e.class(), e.message()),
            (ExClass::IndexOutOfBoundsException, None)
        );
    }
    assert_eq!(
        err_of(invoke(&v, &[Value::double(1.5)])),
        (
            ExClass::IllegalArgumentException,
            "Key must be integer".into()
        )
    );
    assert_eq!(err_of(invoke(&v, &[kw("a")])).1, "Key must be integer");
    assert_eq!(show(&invoke(&v, &[bigint("1")]).unwrap()), "2");
    assert_eq!(show(&invoke(&v, &[l(4294967296)]).unwrap()), "1");
    // JVM: ([1 2]) "Wrong number of args (0) passed to: clojure.lang.PersistentVector"
    assert_eq!(
        err_of(invoke(&v, &[])).1,
        "Wrong number of args (0) passed to: clojure.lang.PersistentVector"
    );
    // JVM: ('a {'a 1}) 1; ('a {'b 1} 3) 3; ('a) "... passed to: clojure.lang.Symbol"
    let sym = Value::symbol(None, "a");
    let sm = Value::map_from_pairs(vec![(sym.clone(), l(1))]);
    assert_eq!(show(&invoke(&sym, &[sm]).unwrap()), "1");
    assert_eq!(
        show(&invoke(&sym, &[Value::map_from_pairs(vec![]), l(3)]).unwrap()),
        "3"
    );
    assert_eq!(
        err_of(invoke(&sym, &[])).1,
        "Wrong number of args (0) passed to: clojure.lang.Symbol"
    );
}

#[test]
fn invoke_non_fns_throw_class_cast() {
    // JVM: (1 2)
    assert_eq!(
        err_of(invoke(&l(1), &[l(2)])),
        (
            ExClass::ClassCastException,
            "class java.lang.Long cannot be cast to class clojure.lang.IFn (java.lang.Long is in \
             module java.base of loader 'bootstrap'; clojure.lang.IFn is in unnamed module of \
             loader 'app')"
                .into()
        )
    );
    // JVM: ("s" 1)
    assert_eq!(
        err_of(invoke(&Value::string("s"), &[l(1)])).1,
        "class java.lang.String cannot be cast to class clojure.lang.IFn (java.lang.String is \
         in module java.base of loader 'bootstrap'; clojure.lang.IFn is in unnamed module of \
         loader 'app')"
    );
    // JVM: ((range 3) 2)
    assert_eq!(
        err_of(invoke(&range_to(&l(3)).unwrap(), &[l(2)])).1,
        "class clojure.lang.LongRange cannot be cast to class clojure.lang.IFn \
         (clojure.lang.LongRange and clojure.lang.IFn are in unnamed module of loader 'app')"
    );
    assert_eq!(
        err_of(invoke(&Value::NIL, &[l(1)])).0,
        ExClass::NullPointerException
    );
}

#[test]
fn native_fn_values() {
    fn add1(args: &[Value]) -> Result<Value> {
        Ok(l(args[0].as_long().unwrap_or(0) + 1))
    }
    let f = Value::native_fn("add1", add1);
    assert_eq!(show(&invoke(&f, &[l(41)]).unwrap()), "42");
}

#[test]
fn printed_forms_match_jvm() {
    // JVM (prn ...) outputs, through the real printer.
    let cases: Vec<(Value, &str)> = vec![
        (
            range_step(&l(0), &l(2), &ratio(1, 3)).unwrap(),
            "(0 1/3 2/3 1N 4/3 5/3)",
        ),
        (
            range_step(&l(0), &bigdec("1"), &bigdec("0.25")).unwrap(),
            "(0 0.25M 0.50M 0.75M)",
        ),
        (range_step(&l(10), &l(0), &l(-3)).unwrap(), "(10 7 4 1)"),
        (
            take(&range_step(&l(0), &l(1), &Value::double(0.1)).unwrap(), 5),
            "(0 0.1 0.2 0.30000000000000004 0.4)",
        ),
        (cons(l(1), &Value::string("ab")).unwrap(), "(1 \\a \\b)"),
        (Repeat::create(3, kw("x")), "(:x :x :x)"),
        (
            take(&Cycle::create(&vector(&[1, 2])).unwrap(), 5),
            "(1 2 1 2 1)",
        ),
        (Value::lazy_seq_native(|| Ok(vector(&[1, 2]))), "(1 2)"),
        (rest(&Value::NIL).unwrap(), "()"),
    ];
    for (v, want) in cases {
        assert_eq!(pr_str(&v), want);
    }
}

/// Items of `s` walked with `next` (`s` stays shared with the caller).
fn items_by_next(s: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = seq(s).unwrap();
    while !cur.is_nil() {
        out.push(show(&first(&cur).unwrap()));
        cur = next(&cur).unwrap();
    }
    out
}

/// Items of `s` walked with `next_owned`, which steps unshared nodes in
/// place.
fn items_by_next_owned(s: Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = seq(&s).unwrap();
    drop(s);
    while !cur.is_nil() {
        out.push(show(&first(&cur).unwrap()));
        cur = next_owned(cur).unwrap();
    }
    out
}

#[test]
fn next_owned_walks_like_next() {
    let make: Vec<fn() -> Value> = vec![
        || range_to(&l(100)).unwrap(),
        || range_step(&l(0), &l(-70), &l(-3)).unwrap(),
        || seq(&vector(&(0..70).collect::<Vec<_>>())).unwrap(),
        || ArraySeq::value((0..40).map(l).collect()),
        || seq(&Value::string("héllo")).unwrap(),
        || {
            let tail = ArraySeq::value(vec![l(9)]);
            chunk_cons(ArrayChunk::new(vec![l(1), l(2), l(3)]), tail).unwrap()
        },
        || cons(l(0), &range_to(&l(3)).unwrap()).unwrap(),
    ];
    for mk in make {
        let shared = mk();
        let want = items_by_next(&shared);
        // A walk from a shared head must leave that head as it was.
        let again = items_by_next_owned(shared.clone());
        assert_eq!(again, want);
        assert_eq!(items_by_next(&shared), want);
        assert_eq!(items_by_next_owned(mk()), want);
    }
}

#[test]
fn next_owned_keeps_range_chunk_boundaries() {
    // JVM: (count (chunk-first (nthnext (range 100) 5))) => 27
    let mut s = range_to(&l(100)).unwrap();
    for _ in 0..5 {
        s = next_owned(s).unwrap();
    }
    assert_eq!(chunk_first(&s).unwrap().count(), 27);
    assert_eq!(show(&first(&s).unwrap()), "5");
    // JVM: (first (chunk-next (nthnext (range 100) 5))) => 32
    assert_eq!(show(&first(&chunk_next(&s).unwrap()).unwrap()), "32");
}
