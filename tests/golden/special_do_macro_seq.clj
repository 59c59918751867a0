;; A top-level `do` that a macro returns (a seq built by syntax-quote, not a
;; list) runs form by form, as Compiler.eval does: names defined by earlier
;; forms (a protocol, a macro) are visible when later forms expand.
(defmacro together [& body] `(do ~@body))

(together
 (defprotocol Shape (area [s]) (label [s]))
 (defrecord Square [side]
   Shape
   (area [_] (* side side))
   (label [_] "square")))

(println (area (->Square 4)) (label (map->Square {:side 2})))

(together
 (defmacro twice [x] `(* 2 ~x))
 (def doubled (twice 21)))
(println doubled)

;; A lazy seq starting with do counts too.
(defmacro lazy-do [& body] (lazy-seq (cons 'do body)))
(lazy-do (def a 1) (def b (inc a)))
(println a b)

;; Nested: a do inside a do inside a macro expansion.
(together (together (defmulti kind :k)) (defmethod kind :x [_] "x!"))
(println (kind {:k :x}))
(println (seq? `(do 1)) (list? `(do 1)))
