;; Keyword lookups on small maps and records.
;; expect: 9500000
(defrecord P [x y z])
(let [m {:x 1 :y 2 :z 3} p (->P 1 2 3)]
  (println (loop [i 0 acc 0] (if (< i 500000) (recur (inc i) (+ acc (:x m) (:y m) (:z m) (:x p) (:y p) (:z p) (get m :x) (m :y) (:z m 0) (get p :x))) acc))))
