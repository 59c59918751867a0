;; cljw.wasm: sieve of Eratosthenes in wasm memory, primes below 10M, 5 times.
;; expect: 664579
(require '[cljw.wasm :as wasm])
(def inst (wasm/load "(module
  (memory (export \"memory\") 160)
  (func (export \"sieve\") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $count i32)
    (memory.fill (i32.const 0) (i32.const 0) (local.get $n))
    (local.set $i (i32.const 2))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eqz (i32.load8_u (local.get $i)))
          (then
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $j (i32.mul (local.get $i) (local.get $i)))
            ;; i*i would overflow past sqrt(n): nothing left to cross off.
            (if (i32.gt_u (local.get $i) (i32.div_u (local.get $n) (local.get $i)))
              (then (local.set $j (local.get $n))))
            (block $inner_done
              (loop $inner
                (br_if $inner_done (i32.ge_u (local.get $j) (local.get $n)))
                (i32.store8 (local.get $j) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (local.get $i)))
                (br $inner)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $count)))"))
(println (last (repeatedly 5 #(wasm/call inst "sieve" 10000000))))
