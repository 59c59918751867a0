;; Persistent vector conj, assoc, nth and update.
;; expect: 39999800000
(let [v (reduce conj [] (range 200000))
      v (reduce (fn [v i] (assoc v i (* 2 (nth v i)))) v (range 200000))
      v (reduce (fn [v i] (update v i + 1)) v (range 0 200000 2))]
  (println (- (reduce + v) 100000)))
