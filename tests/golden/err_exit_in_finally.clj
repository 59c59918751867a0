;; System/exit inside try: finally does not run on the JVM
(println "start")
(try
  (println "in try")
  (System/exit 4)
  (finally (println "finally (not printed: exit halts)")))
