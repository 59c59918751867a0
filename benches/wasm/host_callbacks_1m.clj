;; cljw.wasm: a wasm loop calling a Clojure fn as a host import 1M times.
;; expect: 500000500000
(require '[cljw.wasm :as wasm])
(def inst (wasm/load "(module
  (import \"env\" \"cb\" (func $cb (param i64) (result i64)))
  (func (export \"run\") (param $n i64) (result i64) (local $i i64) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (call $cb (local.get $i))))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $next)))
    (local.get $acc)))"
  {:imports {"env" {"cb" inc}}}))
(println (wasm/call inst "run" 1000000))
