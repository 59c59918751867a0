;; loop/recur: accumulation, multiple bindings, recur in fn arities and variadic fns
(println (loop [i 0 acc []] (if (< i 5) (recur (inc i) (conj acc i)) acc)))
(println (loop [i 10 acc 1] (if (zero? i) acc (recur (dec i) (*' acc i)))))
(defn count-down [n] (if (pos? n) (recur (dec n)) :done))
(println (count-down 100000))
(defn sum-to
  ([n] (sum-to n 0))
  ([n acc] (if (zero? n) acc (recur (dec n) (+ acc n)))))
(println (sum-to 1000))
(defn vsum [acc & xs]
  (if (seq xs) (recur (+ acc (first xs)) (next xs)) acc))
(println (vsum 0 1 2 3 4 5))
(println ((fn [x] (if (< x 1000000) (recur (* x 2)) x)) 1))
(println (loop [[x & xs] [1 2 3] out ()] (if x (recur xs (conj out x)) out)))
(println (loop [x 5] (when (pos? x) (print x "") (recur (dec x)))))
(println (loop [a 1 b 2] (if (> a 100) [a b] (recur b (+ a b)))))
(let [v (loop [i 0] (if (< i 3) (recur (inc i)) (str "i=" i)))] (println v))
(println (loop [] 42))
(defn collatz [n]
  (loop [n n steps 0]
    (cond (= n 1) steps
          (even? n) (recur (quot n 2) (inc steps))
          :else (recur (inc (* 3 n)) (inc steps)))))
(println (map collatz [1 2 3 6 7 27 97]))
(println (loop [i 0 v (transient [])] (if (< i 4) (recur (inc i) (conj! v (* i i))) (persistent! v))))
