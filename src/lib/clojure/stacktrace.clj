(ns ^{:doc "Print stack traces oriented towards Clojure, not Java."
      :author "cljw"}
  clojure.stacktrace)

;; cljw exceptions carry no JVM stack frames, so traces print as the JVM
;; prints an exception whose stack trace is empty.

(defn ^{:added "1.1"} root-cause
  "Returns the last 'cause' Throwable in a chain of Throwables."
  [tr]
  (if-let [cause (.getCause tr)]
    (recur cause)
    tr))

(defn ^{:added "1.1"} print-throwable
  "Prints the class and message of a Throwable. Prints the ex-data map
  if present."
  [tr]
  (print (str (.getName (class tr)) ": " (.getMessage tr)))
  (when-let [info (ex-data tr)]
    (newline)
    (pr info)))

(defn ^{:added "1.1"} print-stack-trace
  "Prints a Clojure-oriented stack trace of tr, a Throwable."
  ([tr] (print-stack-trace tr nil))
  ([tr n]
   (print-throwable tr)
   (newline)
   (print " at [empty stack trace]")
   (newline)))

(defn ^{:added "1.1"} print-cause-trace
  "Like print-stack-trace but prints chained exceptions (causes)."
  ([tr] (print-cause-trace tr nil))
  ([tr n]
   (print-stack-trace tr n)
   (when-let [cause (.getCause tr)]
     (print "Caused by: ")
     (recur cause n))))
