;; bowling score calculator
(defn score [rolls]
  (loop [frame 1 rs rolls total 0]
    (if (or (> frame 10) (empty? rs))
      total
      (let [[a b c] rs]
        (cond (= a 10) (recur (inc frame) (rest rs) (+ total 10 (or b 0) (or c 0)))
              (= 10 (+ a (or b 0))) (recur (inc frame) (drop 2 rs) (+ total 10 (or c 0)))
              :else (recur (inc frame) (drop 2 rs) (+ total a (or b 0))))))))
(println (score (repeat 20 0)))
(println (score (repeat 20 1)))
(println (score (concat [5 5 3] (repeat 17 0))))
(println (score (concat [10 3 4] (repeat 16 0))))
(println (score (repeat 12 10)))
(println (score (repeat 21 5)))
(println (score [10 7 3 9 0 10 0 8 8 2 0 6 10 10 10 8 1]))
