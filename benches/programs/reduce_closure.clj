;; Rust -> Clojure callbacks: `reduce` calling a user closure per item.
;; expect: 49999995000000
(println (reduce (fn [acc x] (+ acc x)) 0 (range 10000000)))
