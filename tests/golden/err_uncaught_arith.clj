;; uncaught ArithmeticException from division by zero
(println "start")
(println (reduce + (range 10)))
(println (/ 10 0))
(println "unreachable")
