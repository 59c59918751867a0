(prn (persistent! (reduce conj! (transient []) (range 10))))
(prn (persistent! (reduce #(assoc! %1 %2 (* %2 %2)) (transient {}) (range 5))))
(prn (persistent! (reduce conj! (transient #{}) [1 2 2 3])))
(let [t (transient [1 2 3])]
  (prn (count t) (nth t 1) (get t 0)))
(prn (persistent! (pop! (transient [1 2 3]))))
(prn (persistent! (dissoc! (transient {:a 1 :b 2}) :a)))
(prn (persistent! (disj! (transient #{1 2 3}) 2)))
(let [t (transient [])]
  (persistent! t)
  (prn (try (conj! t 1) (catch Throwable e (.getMessage e)))))
(prn (persistent! (assoc! (transient [1 2]) 2 3)))
(prn (into [] (range 40)))
(prn (count (persistent! (reduce #(assoc! %1 %2 %2) (transient {}) (range 100)))))
