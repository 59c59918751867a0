;; Lazy map/filter chain reduced with +.
;; expect: 2999997000000
(println (reduce + (filter even? (map #(* 3 %) (range 2000000)))))
