;; Public fields of Namespace and Var, find-keyword on any argument, and
;; the java.util collection classes in the type hierarchy.
(prn (.name *ns*) (.getName (the-ns 'clojure.core)) (str *ns*))
(prn (.findInternedVar (the-ns 'clojure.core) 'map))
(prn (.sym #'map) (str (.ns #'map)) (.sym #'prn))
(prn (find-keyword :already) (find-keyword 'map) (find-keyword "map") (find-keyword 42) (find-keyword nil))
(prn (find-keyword (str (gensym "never-a-keyword"))))
(prn (isa? java.util.HashMap java.util.Map) (isa? java.util.ArrayList java.util.List)
     (isa? java.util.ArrayList java.util.Collection) (isa? java.util.Collection java.util.List))
(prn (instance? java.util.List (java.util.ArrayList.)) (instance? java.util.RandomAccess (java.util.ArrayList.)))
(let [h (derive (make-hierarchy) java.util.Map ::map)]
  (prn (isa? h java.util.HashMap ::map) (isa? h java.util.Collection ::map)))
