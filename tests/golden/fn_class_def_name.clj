;; A def's name names its fn's class only when the init is the fn form
;; itself (after macroexpansion); a fn inside a map, vector, call or other
;; special form of the init is anonymous (ns$fn__N).
(def x (fn [] 1))
(def y {:f (fn [] 2)})
(def z [(fn [] 3)])
(def w (identity (fn [] 4)))
(def u (do (fn [] 5)))
(defn v [] 6)
(def t #{(fn [] 7)})
(defn anon? [f] (boolean (re-matches #"user\$fn__\d+" (.getName (class f)))))
(println (.getName (class x)) (.getName (class v)))
(println (anon? (:f y)) (anon? (first z)) (anon? w) (anon? u) (anon? (first t)) (anon? x))
