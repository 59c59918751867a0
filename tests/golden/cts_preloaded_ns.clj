;; clojure.main is loaded before any program on the JVM: its vars resolve
;; without a require (cljw loads it when first named).
(prn (clojure.main/with-bindings
       (set! *math-context* (java.math.MathContext. 8))
       (+ 3.55555555555555M 1)))
(prn (clojure.main/demunge "clojure.core$map_indexed"))
(prn (some? (find-ns 'clojure.main)))
(prn (clojure.walk/postwalk #(if (number? %) (inc %) %) [1 [2 {:a 3}]]))
;; a ClassFormatError is a LinkageError, an Error
(prn (sort (map str (ancestors java.lang.ClassFormatError))))
(prn (try (throw (ClassFormatError. "bad")) (catch LinkageError e (.getMessage e))))
