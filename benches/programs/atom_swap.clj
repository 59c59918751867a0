;; swap! on an atom holding a map, and reset!.
;; expect: 500000 250000
(let [a (atom {:n 0 :evens 0})]
  (dotimes [i 500000] (swap! a (fn [m] (cond-> (update m :n inc) (even? i) (update :evens inc)))))
  (println (:n @a) (:evens @a)))
