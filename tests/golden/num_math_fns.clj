;; numeric core fns over mixed inputs
(def xs [0 1 -1 7 -7 1.5 -1.5 1/3 -1/3 10N -10N 2.5M])
(doseq [x xs]
  (println (pr-str x) (pr-str (inc x)) (pr-str (- x)) (pr-str (* x x)) (pr-str (abs x)) (zero? x) (pos? x) (neg? x)))
(println (map #(compare % 0) xs))
(println (sort xs))
(println (reduce + xs) (reduce * (remove zero? xs)))
(println (apply max xs) (apply min xs))
(println (map #(quot % 2) [7 -7 7.0 7N]) (map #(rem % 2) [7 -7 7.0 7N]) (map #(mod % 2) [7 -7 7.0 7N]))
(println (numerator 6/4) (denominator 6/4) (int 1/3) (long 5/2) (double 5/2))
(println (== 1 1.0 1N 1M) (= 1 1.0) (= 1 1N) (= 1.0 1M))
(println (int 1e3) (long 1e15) (double 1e15) (float 1e15))
