;; An uncaught exception: output so far is kept, the report goes to
;; stderr, and the exit status is 1.
(println "start")
(defn boom [x] (throw (ex-info "boom" {:x x})))
(boom 1)
(println "never printed")
