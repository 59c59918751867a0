;; assoc-in / update-in / get-in on nested maps.
;; expect: 150000 100000
(let [m (reduce (fn [m i] (-> m (update-in [:a (mod i 10) :count] (fnil inc 0)) (assoc-in [:b (mod i 7)] i))) {} (range 150000))
      m (reduce (fn [m i] (update-in m [:a (mod i 10) :count] + 1)) m (range 100000))]
  (println (- (reduce + (map #(get-in m [:a % :count]) (range 10))) 100000) (- (reduce + (map #(get-in m [:a % :count]) (range 10))) 150000)))
