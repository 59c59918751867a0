;; A large live heap (a map of vectors) kept while allocating more.
;; expect: 100000 500000000000
(let [m (into {} (map (fn [i] [i [i (str i) (inc i)]]) (range 100000)))
      total (reduce (fn [acc i] (+ acc (first (m i)) (nth (m i) 2))) 0 (range 100000))]
  (println (count m) (* total 50)))
