;; Vector building through a transient and reading it back.
;; expect: 499999500000
(let [v (persistent! (reduce conj! (transient []) (range 1000000)))]
  (println (reduce + v)))
