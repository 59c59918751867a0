;; Allocation rate: short vectors and seqs dropped at once.
;; expect: 3000000
(println (loop [i 0 acc 0] (if (< i 500000) (recur (inc i) (+ acc (count (vec (range 3))) (count (list i i i)))) acc)))
