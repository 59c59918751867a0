;; sort and sort-by over a shuffled-looking vector.
;; expect: [0 499999 499999 0]
(let [xs (vec (map #(mod (* % 7919) 500000) (range 500000)))
      a (sort xs)
      b (sort-by - xs)]
  (println [(first a) (last a) (first b) (last b)]))
