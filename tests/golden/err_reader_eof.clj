;; a reader error (unbalanced form) after valid forms: earlier output kept, exit 1
(println "valid 1")
(println "valid 2")
(println "unterminated" [1 2
