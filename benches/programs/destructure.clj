;; Vector and map destructuring in fns and let.
;; expect: 3000000
(defn f [[a b] {:keys [c d]}] (+ a b c d))
(println (loop [i 0 acc 0] (if (< i 500000) (let [[x y & more] [1 2 3 4]] (recur (inc i) (+ acc (f [x y] {:c 1 :d 0}) (count more)))) acc)))
