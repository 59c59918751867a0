;; A macro called with the wrong arity: macroexpand (and a top-level eval,
;; which macroexpands first) throw the ArityException itself; inside a
;; function body it is wrapped. Java regexes: \Q..\E and escaped < >.
(defmacro no-args [] `(identity 0))
(defn show [f]
  (try (f) (catch Throwable e
             (prn (.getName (class e)) (clojure.string/replace (.getMessage e) #"\(/[^:]*:" "(FILE:")))))
(show #(macroexpand '(no-args 1)))
(show #(macroexpand-1 '(no-args 1 2)))
(show #(eval '(no-args 1)))
(show #(eval '(defn uses-it [] (no-args 1))))
(prn (re-find #"\Q/f:+><->!#%&*|b\E" "x/f:+><->!#%&*|b") (re-find #"\Qa.b\E" "axb")
     (re-find #"a\<b\>" "a<b>") (re-find #"[\<\>]+" "<>") (re-seq #"\Q(\E\d" "(1(2"))
