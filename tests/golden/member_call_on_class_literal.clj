;; (.m C) calls m on the Class object C (Compiler.macroexpand1 wraps a class
;; target in (identity C)), also as a top-level form and through eval.
(prn (macroexpand '(.getName String)))
(prn (meta (second (macroexpand '(.getName String)))))
(prn (macroexpand '(.getName x)))
(prn (macroexpand '(.getName java.util.UUID)))
(.getName String)
(println "top-level call ok")
(prn (eval '(.getSimpleName Long)))
(def n (.getName clojure.lang.Keyword))
(prn n)
(let [String 1] (prn (macroexpand-1 '(.toString String))))
