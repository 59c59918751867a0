;; System/exit with a status: output before exit is flushed
(println "about to exit")
(print "no newline at end")
(flush)
(System/exit 3)
(println "never")
