;; uncaught ex-info: stdout up to the throw is kept, exit status 1
(println "before")
(defn work [x] (println "working on" x) (when (= x 3) (throw (ex-info "failed at 3" {:x x}))) x)
(doseq [i (range 10)] (work i))
(println "never printed")
