;; System/exit exits with its status at once; like the JVM it does not flush
;; *out*, so text printed after the last newline is lost.
(println "before exit")
(print "no newline yet")
(System/exit 3)
(println "never printed")
