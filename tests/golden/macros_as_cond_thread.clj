;; as->, cond->, cond->>
(prn (as-> 1 x (inc x) (* x 10) (vector x x)))
(prn (as-> [1 2 3] v (map inc v) (reduce + v) (str "sum=" v)))
(prn (as-> 5 x))
(defn build [n opts]
  (cond-> {:n n}
    (:double opts) (update :n * 2)
    (:tag opts) (assoc :tag (:tag opts))
    (odd? n) (assoc :odd true)))
(prn (build 3 {}))
(prn (build 3 {:double true :tag :x}))
(prn (build 4 {:double true}))
(prn (cond->> [1 2 3 4]
       true (map inc)
       false (map -)
       true (filter even?)))
(prn (cond-> 1))
(prn (-> 5 (as-> x (* x x)) inc))
