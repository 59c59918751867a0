;; set! of a settable static field: (. C f) and C/f targets.
(println clojure.lang.RT/checkSpecAsserts)
(set! (. clojure.lang.RT checkSpecAsserts) true)
(println (. clojure.lang.RT checkSpecAsserts) clojure.lang.RT/checkSpecAsserts)
(set! clojure.lang.RT/checkSpecAsserts false)
(println clojure.lang.RT/checkSpecAsserts)
