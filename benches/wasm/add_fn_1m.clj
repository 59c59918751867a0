;; cljw.wasm: 1M calls of a trivial export through a wasm/fn.
;; expect: 499999500000
(require '[cljw.wasm :as wasm])
(def add (wasm/fn (wasm/load "(module (func (export \"add\") (param i64 i64) (result i64)
                                 local.get 0 local.get 1 i64.add))")
                  "add"))
(println (loop [i 0 acc 0]
           (if (< i 1000000) (recur (inc i) (add acc i)) acc)))
