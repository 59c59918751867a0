;; Multimethod dispatch on a keyword and on class.
;; expect: 1800000
(defmulti kind :type)
(defmethod kind :a [_] 1)
(defmethod kind :b [_] 2)
(defmethod kind :default [_] 3)
(defmulti by-class class)
(defmethod by-class Long [_] 0)
(defmethod by-class String [_] 0)
(let [xs [{:type :a} {:type :b} {:type :c}]]
  (println (loop [i 0 acc 0] (if (< i 300000) (recur (inc i) (+ acc (kind (xs 0)) (kind (xs 1)) (kind (xs 2)) (by-class i) (by-class "s"))) acc))))
