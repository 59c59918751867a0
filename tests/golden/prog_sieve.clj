;; prime sieve with a vector of booleans, and other prime utilities
(defn sieve [n]
  (loop [i 2 marks (vec (repeat (inc n) true))]
    (cond (> (* i i) n) (filter #(nth marks %) (range 2 (inc n)))
          (nth marks i) (recur (inc i) (reduce #(assoc %1 %2 false) marks (range (* i i) (inc n) i)))
          :else (recur (inc i) marks))))
(println (sieve 100))
(println (count (sieve 10000)) (last (sieve 10000)))
(defn prime? [n] (and (> n 1) (not-any? #(zero? (rem n %)) (take-while #(<= (* % %) n) (range 2 n)))))
(println (= (sieve 1000) (filter prime? (range 1001))))
(defn factors [n]
  (loop [n n d 2 acc []]
    (cond (= n 1) acc
          (zero? (rem n d)) (recur (quot n d) d (conj acc d))
          :else (recur n (inc d) acc))))
(doseq [n [2 12 97 360 1001 65536 999999]] (println n (factors n)))
(println (frequencies (factors 360)))
(defn twin-primes [limit] (filter (fn [[a b]] (= 2 (- b a))) (partition 2 1 (sieve limit))))
(println (twin-primes 200))
(def lazy-primes
  ((fn step [s] (lazy-seq (cons (first s) (step (remove #(zero? (rem % (first s))) (rest s)))))) (iterate inc 2)))
(println (take 25 lazy-primes))
