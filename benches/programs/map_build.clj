;; Persistent hash-map building and lookup.
;; expect: 4999950000
(let [m (reduce (fn [m i] (assoc m i i)) {} (range 100000))]
  (println (reduce (fn [acc i] (+ acc (get m i))) 0 (range 100000))))
