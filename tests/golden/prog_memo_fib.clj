;; memoized fibonacci with an explicit atom cache, and with memoize
(def cache (atom {0 0 1 1}))
(def calls (atom 0))
(defn fib [n]
  (swap! calls inc)
  (if-let [v (get @cache n)]
    v
    (let [v (+' (fib (- n 1)) (fib (- n 2)))]
      (swap! cache assoc n v)
      v)))
(println (fib 10) @calls)
(println (fib 90) @calls)
(println (fib 200))
(println (count @cache))
(println (map fib (range 15)))
(def mfib (memoize (fn [n] (if (< n 2) n (+' (mfib (dec n)) (mfib (- n 2)))))))
(println (mfib 80))
(defn fib-iter [n] (loop [a 0 b 1 i 0] (if (= i n) a (recur b (+' a b) (inc i)))))
(println (= (fib 150) (fib-iter 150) (mfib 150)))
(println (fib-iter 300))
(println (take 10 (map first (iterate (fn [[a b]] [b (+ a b)]) [0 1]))))
(println (class (fib 100)) (class (fib 50)))
