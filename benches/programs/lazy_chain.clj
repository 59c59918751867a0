;; A long chain of lazy transformations.
;; expect: -1166665
(println (->> (range 2000000) (map inc) (filter odd?) (map #(* 2 %)) (remove #(zero? (mod % 3))) (take-while #(< % 3000000)) (map #(quot % 2)) count (+ 1000000) (- 2666665) -))
