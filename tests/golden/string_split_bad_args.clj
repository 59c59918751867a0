(defmacro ex [form]
  `(try ~form (catch Throwable e# (str (.getName (class e#)) ": " (.getMessage e#)))))
;; clojure.string/split casts re to Pattern, then s to CharSequence, then
;; converts limit (cast to Number); a nil s fails in the call, a nil re before it
(prn (ex (clojure.string/split nil 42)))
(prn (ex (clojure.string/split 1 42)))
(prn (ex (clojure.string/split 1 #"a")))
(prn (ex (clojure.string/split nil #"a")))
(prn (ex (clojure.string/split nil #"a" :x)))
(prn (ex (clojure.string/split "a-b-c" #"-" 2)))
(prn (ex (clojure.string/split 1/2 nil)))
(prn (ex (clojure.string/split nil nil)))
(prn (ex (clojure.string/split "a" nil)))
(prn (ex (clojure.string/split "a" nil 2)))
(prn (ex (clojure.string/split "a" nil :x)))
