;; Core vars carry :macro / :name / :ns metadata, and :macro in a var's
;; metadata is what makes it a macro (clojure.test's `is` relies on it).
(require '[clojure.test :as t])
(prn (:macro (meta #'when)) (:macro (meta #'map)) (:name (meta #'when-let)))
(prn (= (the-ns 'clojure.core) (:ns (meta #'cond))))
(prn (t/function? 'when) (t/function? 'map) (t/function? 'let))
;; `is` on a macro form evaluates the form itself, not its arguments
(t/is (let [[a & more] [1 2 3]] (= more [2 3])))
(t/is (when-let [x 5] (= x 5)))
(defmacro twice [x] `(* 2 ~x))
(prn (twice 4) (:macro (meta #'twice)))
;; redefining a macro as a function makes it a function again
(defn twice [x] (+ x x))
(prn (twice 4) (:macro (meta #'twice)))
;; and setting :macro turns a function into a macro
(defn thrice [_env _form x] (list '* 3 x))
(alter-meta! #'thrice assoc :macro true)
(.setMacro #'thrice)
(prn (eval '(thrice 5)) (.isMacro #'thrice))
