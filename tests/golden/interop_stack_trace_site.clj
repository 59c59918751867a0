;; An exception caught in the function that threw it has a stack trace
;; (its throw site first), as tools.trace's trace-forms needs.
(defn f [] (try (/ 1 0) (catch ArithmeticException e e)))
(let [e (f)]
  (prn (pos? (alength (.getStackTrace e)))
       (instance? StackTraceElement (aget (.getStackTrace e) 0))))
(let [e (try (throw (Exception. "x")) (catch Exception e e))]
  (prn (pos? (alength (.getStackTrace e)))))
(defn g [] (try (throw (ex-info "boom" {:a 1})) (catch Exception e (.getStackTrace e))))
(prn (pos? (alength (g))))
(let [ctor (.getConstructor ArithmeticException (into-array Class [String]))
      e (.newInstance ctor (into-array Object ["copied"]))]
  (.setStackTrace e (into-array StackTraceElement [(StackTraceElement. "C" "m" "F.java" 3)]))
  (prn (class e) (.getMessage e) (str (aget (.getStackTrace e) 0))))
