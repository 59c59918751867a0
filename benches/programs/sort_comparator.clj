;; sort-by with a key fn and sort with a user comparator (closure calls).
;; expect: [0 999999 999999 0]
(let [xs (vec (map #(mod (* % 7919) 1000000) (range 1000000)))
      a (sort-by (fn [x] (- x)) xs)
      b (sort (fn [x y] (compare x y)) xs)]
  (println [(last a) (first a) (last b) (first b)]))
