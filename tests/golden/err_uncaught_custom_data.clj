;; uncaught ex-info thrown from a nested fn call inside a reduce
(defn validate [acc x]
  (if (string? x) (throw (ex-info (str "not a number: " x) {:value x :acc acc})) (+ acc x)))
(println (reduce validate 0 [1 2 3]))
(println (reduce validate 0 [1 2 "three" 4]))
(println "never")
