;; Takeuchi function: deep non-tail recursion with three arguments.
;; expect: 9
(defn tak [x y z] (if (< y x) (tak (tak (dec x) y z) (tak (dec y) z x) (tak (dec z) x y)) z))
(println (tak 24 16 8))
