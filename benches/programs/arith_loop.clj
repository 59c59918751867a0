;; Mixed long arithmetic in a counted loop.
;; expect: 16666676666662
(println (loop [i 0 acc 0] (if (< i 5000000) (recur (inc i) (+ acc (* i 2) (quot i 3) (rem i 7) (- i))) acc)))
