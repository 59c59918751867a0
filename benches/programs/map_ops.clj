;; Persistent hash-map assoc, get, update and dissoc.
;; expect: 7500025000
(let [m (reduce (fn [m i] (assoc m i (* i 2))) {} (range 100000))
      m (reduce (fn [m i] (update m i inc)) m (range 0 100000 2))
      m (reduce dissoc m (range 0 100000 4))]
  (println (- (reduce (fn [acc [k v]] (+ acc v)) 0 m) 25000 (count m) -75000 -25000)))
