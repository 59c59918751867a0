;; finally runs before an uncaught exception terminates the program
(println "a")
(try
  (println "b")
  (throw (RuntimeException. "boom"))
  (finally (println "finally runs")))
(println "not reached")
