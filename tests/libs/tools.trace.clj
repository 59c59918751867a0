(require '[clojure.tools.trace :as t])
(println "loaded")
;; The trace ids are gensyms (t404): their numbers depend on the runtime's
;; gensym counter, so the program prints them as "t".
(alter-var-root #'t/tracer
  (constantly (fn [name value]
                (println (str "TRACE" (when name (str " " (if (re-matches #"t\d+" (str name)) "t" name))) ": " value)))))
(t/deftrace fact [n] (if (< n 2) 1 (* n (fact (dec n)))))
(prn (fact 4))
(prn (t/trace (+ 1 2)))
(prn (t/trace "tag" (* 2 3)))
(defn ^:dynamic add [a b] (+ a b))
(defn twice [x] (add x x))
(t/trace-vars add)
(prn (twice 5) (t/traced? #'add))
(t/untrace-vars add)
(prn (twice 6) (t/traced? #'add))
(t/dotrace [add] (twice 7))
(prn (t/trace-forms (+ 1 2) (* 3 4)))
(prn (try (t/trace-forms (+ 1 (/ 1 0))) (catch ArithmeticException e (.getMessage e))))
(prn (t/traceable? #'add) (t/traceable? #'t/trace))
