;; Records through filter/map/group-by/reduce: a small report.
;; expect: {:a 7499950000, :b 7499950000, :c 7500150000}
(defrecord Order [id cat qty price])
(let [orders (map (fn [i] (->Order i ([:a :b :c] (mod i 3)) (inc (mod i 5)) (* 2 i))) (range 150000))
      by-cat (group-by :cat (filter #(> (:qty %) 0) orders))]
  (println (into (sorted-map) (map (fn [[k os]] [k (quot (reduce + (map #(* (:qty %) (:price %)) os)) 3)]) by-cat))))
