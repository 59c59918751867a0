;; A top-level `do` (also one a macro expands to, and inside `eval`) runs
;; its subforms one at a time: a macro defined early is usable later.
(do (defmacro twice [x] `(* 2 ~x))
    (prn (twice 21)))
(defmacro defs-and-use [] `(do (defmacro inner# [] :inner) (prn :defined)))
(defs-and-use)
(prn (eval '(do (defmacro m [] :a) (defn use-m [] (m)) (defmacro m [] :b) (defn use-m [] (m)) (use-m))))
(prn (eval '(do)) (eval '(do 1 2 3)))
(eval '(do (list (declare ^:dynamic *p*) (defn read-p [] @*p*))))
(prn (binding [*p* (atom 10)] (read-p)))
;; A macro expands once per top-level use, even in a `do`.
(def expansions (atom 0))
(defmacro counted [x] (swap! expansions inc) x)
(counted 1)
(do (counted 2) (counted 3))
(prn @expansions)
;; A non-dynamic *earmuffed* var draws a warning on *err*.
(let [w (java.io.StringWriter.)]
  (binding [*err* w] (eval '(def *not-dynamic* 1)) (eval '(def ^:dynamic *is-dynamic* 1)))
  (prn (count (re-seq #"not declared dynamic" (str w)))))
(prn (= > (.comparator (sorted-map-by > 1 2))) (= (.comparator (sorted-set 1)) (.comparator (sorted-set 2))))
