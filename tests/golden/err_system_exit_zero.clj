;; System/exit 0 mid-program stops evaluation with success
(dotimes [i 3] (println "line" i))
(System/exit 0)
(println "never")
