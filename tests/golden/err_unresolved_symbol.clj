;; forms before a compile error run; the unresolved symbol stops the program
(println "first form runs")
(def x 10)
(println (* x 2))
(println (+ x undefined-thing))
(println "never")
