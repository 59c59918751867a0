;; BigInt arithmetic: factorials with *'.
;; expect: 35660
(defn fact [n] (reduce *' (range 1N (inc n))))
(println (count (str (fact 10000))))
