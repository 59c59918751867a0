;; Many short-lived small maps.
;; expect: 249999500000
(println (loop [i 0 acc 0] (if (< i 500000) (let [m {:a i :b (inc i) :c [i i]}] (recur (inc i) (+ acc (:a m) (:b m) (- (count (:c m)) 3)))) acc)))
