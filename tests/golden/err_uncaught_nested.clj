;; uncaught exception thrown from deep inside a lazy seq realisation
(def xs (map (fn [x] (if (= x 5) (throw (IllegalStateException. "bad element")) (* x x))) (range 10)))
(println "defined lazily")
(println (take 3 xs))
(println (vec xs))
(println "unreachable")
