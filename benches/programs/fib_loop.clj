;; Iterative fib in loop/recur, repeated: locals and long arithmetic.
;; expect: 309601751184
(defn fib [n] (loop [a 0 b 1 i 0] (if (< i n) (recur b (+ a b) (inc i)) a)))
(println (loop [k 0 acc 0] (if (< k 200000) (recur (inc k) (+ acc (fib 60))) (quot acc 1000000))))
