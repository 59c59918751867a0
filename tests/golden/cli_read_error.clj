;; A read error after a complete form: the complete form has already run.
(println "complete form")
(println "unfinished"
