;; N-queens by backtracking over vectors.
;; expect: 352
(defn ok? [qs c] (let [r (count qs)] (every? (fn [[i q]] (and (not= q c) (not= (- r i) (Math/abs (- c q))))) (map-indexed vector qs))))
(defn solve [n qs] (if (= (count qs) n) 1 (reduce + (for [c (range n) :when (ok? qs c)] (solve n (conj qs c))))))
(println (solve 9 []))
