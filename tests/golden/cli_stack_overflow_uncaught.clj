;; An uncaught StackOverflowError exits with status 1.
(defn g [n] (inc (g n)))
(println "before")
(g 1)
