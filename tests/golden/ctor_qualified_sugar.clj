;; `(ns/C. args)`: Compiler.macroexpand1 drops a qualifier that names a
;; namespace or an alias, so `(r/Rec. 1 2)` is `(new Rec 1 2)` and `Rec`
;; must be imported where it is used (lambdaisland.uri's tests use this).
(ns my.rec)
(defrecord Rec [a b])
(deftype T [x])

(ns user2
  (:import [my.rec Rec]))
(alias 'r 'my.rec)

(defn cause [f]
  (try (f) (catch Exception e (.getMessage (or (.getCause e) e)))))

(println (r/Rec. 1 2))
(println (my.rec/Rec. 3 4))
(println (my.rec.Rec. 5 6))
(println (.x (my.rec.T. 7)))
(println (macroexpand-1 '(r/Rec. 1 2)))
(println (macroexpand-1 '(my.rec/Rec. 1 2)))
(println (macroexpand '(r/Rec. 1 2)))
(println (macroexpand-1 '(Rec. 1 2)))
(println (= (r/Rec. 1 2) (r/->Rec 1 2)))
(println (= (r/Rec. 1 2) (my.rec/->Rec 1 2)))
(println (cause #(eval '(r/Nope. 1))))
(println (cause #(str (eval '(user2/StringBuilder. "sb")))))
(println (str (clojure.core/StringBuilder. "core")))
(println (cause #(eval '(nosuchns/String. "a"))))
(println (macroexpand-1 '(nosuchns/String. "a")))
