;; A deep structure built and dropped on a pool thread (a smaller stack than
;; the main one) is freed without overflowing it.
(println @(future (reduce (fn [acc _] [acc]) nil (range 1000000)) :dropped))
(println @(future (count (str (reduce (fn [acc _] (reify Object (toString [_] "r"))) nil (range 300000))))))
(shutdown-agents)
