;; throwing ex-info with data, caught, then rethrown uncaught
(defn risky [x]
  (if (> x 2) (throw (ex-info "too big" {:x x})) (* x 10)))
(println (map #(try (risky %) (catch clojure.lang.ExceptionInfo e (:x (ex-data e)))) (range 5)))
(try (risky 5)
     (catch clojure.lang.ExceptionInfo e
       (println "caught, rethrowing" (ex-data e))
       (throw e)))
(println "never")
