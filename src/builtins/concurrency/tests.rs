//! STM, agents and futures: exact results under contention, agent ordering,
//! future failures. Expected values from JVM Clojure 1.11.1 where noted;
//! the contention counts are arithmetic.

use crate::runtime::error::{ExClass, Result};
use crate::runtime::number;
use crate::runtime::stm;
use crate::runtime::value::Value;
use crate::{Backend, Runtime};

fn eval(rt: &mut Runtime, src: &str) -> String {
    let form = match crate::reader::read_str(src) {
        Ok(f) => f,
        Err(e) => return format!("READ ERROR {e}"),
    };
    match rt.eval(&form) {
        Ok(v) => crate::runtime::printer::pr_str(&v),
        Err(e) => format!("!! {} {}", e.class().name(), e.message().unwrap_or("")),
    }
}

fn inc() -> Value {
    Value::native_fn("inc", |a: &[Value]| number::inc(&a[0]))
}

fn long(v: &Value) -> i64 {
    v.as_long().unwrap_or(i64::MIN)
}

/// Run `body` (Rust) as a transaction.
#[cfg(feature = "threads")]
fn dosync(body: impl Fn() -> Result<Value> + Send + Sync + 'static) -> Result<Value> {
    stm::run(&Value::native_closure("tx", move |_| body()))
}

/// Run `body` (Rust) as a transaction.
#[cfg(not(feature = "threads"))]
fn dosync(body: impl Fn() -> Result<Value> + 'static) -> Result<Value> {
    stm::run(&Value::native_closure("tx", move |_| body()))
}

#[test]
fn outside_a_transaction() {
    let r = Value::tx_ref(Value::long(1));
    let Some(rr) = r.as_tx_ref() else {
        panic!("not a ref")
    };
    // JVM: (alter r inc) => IllegalStateException "No transaction running"
    let e = stm::alter(&rr, &inc(), &[]).err();
    assert_eq!(
        e.map(|e| e.to_string()).as_deref(),
        Some("java.lang.IllegalStateException: No transaction running")
    );
    assert!(stm::ref_set(&rr, Value::NIL).is_err());
    assert!(stm::ensure(&rr).is_err());
    let v = dosync(move || stm::alter(&rr, &inc(), &[]));
    assert_eq!(v.ok().map(|v| long(&v)), Some(2));
}

#[test]
fn history_grows_to_min_history() {
    // JVM: (ref 0 :min-history 2 :max-history 5), 4 commits => count 2
    let r = Value::tx_ref(Value::long(0));
    let Some(rr) = r.as_tx_ref() else {
        panic!("not a ref")
    };
    rr.set_min_history(2);
    rr.set_max_history(5);
    for _ in 0..4 {
        let r2 = rr.clone();
        assert!(dosync(move || stm::alter(&r2, &inc(), &[])).is_ok());
    }
    assert_eq!(rr.history_count(), 2);
    assert_eq!(long(&rr.current_val()), 4);
}

#[test]
fn retry_is_an_error_class() {
    // LockingTransaction$RetryEx extends Error: `catch Exception` lets it by.
    assert!(ExClass::RetryEx.is_a(ExClass::Error));
    assert!(!ExClass::RetryEx.is_a(ExClass::Exception));
}

#[cfg(feature = "threads")]
mod threaded {
    use super::*;

    /// 8 threads x 300 increments through alter, and through commute: the
    /// exact count.
    #[test]
    fn contention_counts_exact() {
        for use_commute in [false, true] {
            let r = Value::tx_ref(Value::long(0));
            let Some(rr) = r.as_tx_ref() else {
                panic!("not a ref")
            };
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let rr = rr.clone();
                    std::thread::spawn(move || {
                        for _ in 0..300 {
                            let r2 = rr.clone();
                            let res = dosync(move || {
                                if use_commute {
                                    stm::commute(&r2, &inc(), &[])
                                } else {
                                    stm::alter(&r2, &inc(), &[])
                                }
                            });
                            assert!(res.is_ok());
                        }
                    })
                })
                .collect();
            for h in handles {
                assert!(h.join().is_ok());
            }
            assert_eq!(long(&rr.current_val()), 2400, "commute: {use_commute}");
        }
    }

    /// Transfers between two refs keep their sum, as every transaction
    /// sees it.
    #[test]
    fn transfers_are_atomic() {
        let a = Value::tx_ref(Value::long(500));
        let b = Value::tx_ref(Value::long(500));
        let (Some(ra), Some(rb)) = (a.as_tx_ref(), b.as_tx_ref()) else {
            panic!("not refs")
        };
        let writers: Vec<_> = (0..4)
            .map(|i| {
                let (ra, rb) = (ra.clone(), rb.clone());
                std::thread::spawn(move || {
                    for k in 0..200 {
                        let (ra, rb) = (ra.clone(), rb.clone());
                        let amount = Value::long(if (i + k) % 2 == 0 { 1 } else { -1 });
                        let res = dosync(move || {
                            let minus =
                                Value::native_fn("-", |x: &[Value]| number::sub(&x[0], &x[1]));
                            let plus =
                                Value::native_fn("+", |x: &[Value]| number::add(&x[0], &x[1]));
                            stm::alter(&ra, &minus, std::slice::from_ref(&amount))?;
                            stm::alter(&rb, &plus, std::slice::from_ref(&amount))
                        });
                        assert!(res.is_ok());
                    }
                })
            })
            .collect();
        for _ in 0..300 {
            let (ra2, rb2) = (ra.clone(), rb.clone());
            let sum = dosync(move || number::add(&stm::deref(&ra2)?, &stm::deref(&rb2)?));
            assert_eq!(sum.ok().map(|v| long(&v)), Some(1000));
        }
        for h in writers {
            assert!(h.join().is_ok());
        }
        let total = long(&ra.current_val()) + long(&rb.current_val());
        assert_eq!(total, 1000);
    }

    /// Non-transactional reads of two refs always changed together: the
    /// second read is never behind the first.
    #[test]
    fn reads_outside_see_whole_commits() {
        let a = Value::tx_ref(Value::long(0));
        let b = Value::tx_ref(Value::long(0));
        let (Some(ra), Some(rb)) = (a.as_tx_ref(), b.as_tx_ref()) else {
            panic!("not refs")
        };
        let (wa, wb) = (ra.clone(), rb.clone());
        let writer = std::thread::spawn(move || {
            for _ in 0..500 {
                let (x, y) = (wa.clone(), wb.clone());
                let res = dosync(move || {
                    stm::alter(&x, &inc(), &[])?;
                    stm::alter(&y, &inc(), &[])
                });
                assert!(res.is_ok());
            }
        });
        for _ in 0..2000 {
            let x = long(&ra.current_val());
            let y = long(&rb.current_val());
            assert!(y >= x, "read a={x} then b={y}");
        }
        assert!(writer.join().is_ok());
    }

    #[test]
    fn agents_futures_through_the_engine() {
        let mut rt = Runtime::new(Backend::Vm);
        let cases = [
            // Actions of one agent run in send order.
            (
                "(let [a (agent [])] (dotimes [i 1000] (send a conj i)) (await a) (= @a (vec (range 1000))))",
                "true",
            ),
            // JVM: ["java.lang.Exception: boom" "boom"]
            (
                "(try @(future (throw (Exception. \"boom\"))) (catch java.util.concurrent.ExecutionException e [(.getMessage e) (.getMessage (.getCause e))]))",
                "[\"java.lang.Exception: boom\" \"boom\"]",
            ),
            // JVM: java.util.concurrent.CancellationException, no message
            (
                "(let [p (promise) f (future @p)] (future-cancel f) (deliver p 1) (try @f (catch java.util.concurrent.CancellationException e [:cancelled (.getMessage e)])))",
                "[:cancelled nil]",
            ),
            (
                "(let [r (ref 0)] (run! deref (doall (for [_ (range 6)] (future (dotimes [_ 100] (dosync (alter r inc))))))) @r)",
                "600",
            ),
            // JVM: 0 (the send waits for the commit)
            (
                "(let [a (agent 0)] (dosync (send a inc) (Thread/sleep 20) @a))",
                "0",
            ),
            (
                "(let [p (promise)] (future (deliver p 7)) (deref p 5000 :none))",
                "7",
            ),
            ("(doall (pmap + [1 2 3] [10 20 30]))", "(11 22 33)"),
        ];
        for (src, want) in cases {
            assert_eq!(eval(&mut rt, src), want, "{src}");
        }
    }
}

#[cfg(not(feature = "threads"))]
#[test]
fn no_threads_throws() {
    let mut rt = Runtime::new(Backend::Vm);
    for (src, name) in [
        ("(agent 1)", "agent"),
        ("(future 1)", "future-call"),
        ("(pmap inc [1])", "pmap"),
    ] {
        assert_eq!(
            eval(&mut rt, src),
            format!(
                "!! java.lang.UnsupportedOperationException {name}: threads are not available in this build"
            )
        );
    }
    assert_eq!(eval(&mut rt, "(dosync (alter (ref 1) inc))"), "2");
}

/// Without threads a Thread cannot start and there are no thread pools,
/// but the java.util.concurrent objects that need no other thread work.
#[cfg(not(feature = "threads"))]
#[test]
fn no_threads_thread_and_executors_throw() {
    let mut rt = Runtime::new(Backend::Vm);
    let needs = "needs threads, which this build (without feature `threads`) lacks";
    assert_eq!(
        eval(&mut rt, "(.start (Thread. (fn [])))"),
        format!("!! java.lang.UnsupportedOperationException java.lang.Thread.start {needs}")
    );
    assert_eq!(
        eval(
            &mut rt,
            "(java.util.concurrent.Executors/newFixedThreadPool 2)"
        ),
        format!(
            "!! java.lang.UnsupportedOperationException java.util.concurrent.Executors/newFixedThreadPool {needs}"
        )
    );
    for (src, want) in [
        ("(locking 1 (locking 1 :in))", ":in"),
        (
            "(let [a (java.util.concurrent.atomic.AtomicLong. 1)] (.incrementAndGet a))",
            "2",
        ),
        (
            "(let [q (java.util.concurrent.LinkedBlockingQueue. [1 2])] (.put q 3) [(.take q) (vec q)])",
            "[1 [2 3]]",
        ),
        (
            "(let [l (java.util.concurrent.CountDownLatch. 1)] (.countDown l) (.await l) (.getCount l))",
            "0",
        ),
        (
            "(let [m (java.util.concurrent.ConcurrentHashMap.)] (.put m :a 1) (into {} m))",
            "{:a 1}",
        ),
    ] {
        assert_eq!(eval(&mut rt, src), want, "{src}");
    }
}
