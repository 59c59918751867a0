;; A mutable java.util.Map is seqable and counted: seq gives its entries (key/val work on them), so into/reduce/map accept it.
(let [m (java.util.LinkedHashMap.)]
  (.put m :a 1) (.put m "b" 2) (.put m 3 [4])
  (prn (count m) (into {} m) (into [] (map key) m) (map val m) (reduce (fn [acc e] (+ acc (count (str (key e))))) 0 m))
  (prn (seq (java.util.HashMap.)) (count (java.util.TreeMap.)) (empty? (java.util.HashMap.)) (first (keys (doto (java.util.HashMap.) (.put :k :v))))))
(let [m (java.util.HashMap. {:x 1})]
  (.put m :x 2)
  (prn (into (sorted-map) m) (count m) (mapv (juxt key val) m)))
