;; Ratio arithmetic: harmonic partial sums.
;; expect: 3
(println (long (reduce + (map #(/ 1 %) (range 1 12)))))
(def h (reduce + (map #(/ 1 %) (range 1 2000))))
