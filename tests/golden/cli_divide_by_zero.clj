;; An uncaught ArithmeticException at the top level.
(println (+ 1 2))
(/ 1 0)
(println "never printed")
