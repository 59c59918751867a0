;; (System/exit 0) stops the program at once with status 0.
(println "one")
(System/exit 0)
(println "two")
