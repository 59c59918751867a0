;; Keyword-keyed map lookups and string-keyed hash-map building.
;; expect: 6000000 100000
(let [m {:a 1 :b 2 :c 3}
      n (loop [i 0 acc 0] (if (< i 1000000) (recur (inc i) (+ acc (:a m) (get m :b) (m :c) -3 1 1 1)) acc))
      h (persistent! (reduce (fn [t i] (assoc! t (str "k" i) i)) (transient {}) (range 100000)))]
  (println n (count h)))
