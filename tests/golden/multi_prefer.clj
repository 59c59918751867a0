;; prefer-method and ambiguity: the error message, preferences through
;; ancestors, conflicting preferences, and the prefer table.
(defn err [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))

(derive ::circle ::shape)
(derive ::circle ::round)
(defmulti g identity)
(defmethod g ::shape [_] :shape)
(defmethod g ::round [_] :round)
(prn (err #(g ::circle)))
(prn (g ::shape) (g ::round))
(prefer-method g ::round ::shape)
(prn (g ::circle) (prefers g))
(prn (err #(prefer-method g ::shape ::round)))

;; a preference stated for ancestors applies to descendants
(derive ::sq ::rect)
(derive ::rect ::polygon)
(derive ::sq ::equilateral)
(defmulti pm identity)
(defmethod pm ::rect [_] :rect)
(defmethod pm ::equilateral [_] :equilateral)
(prn (err #(pm ::sq)))
(prefer-method pm ::polygon ::equilateral)
(prn (pm ::sq))

;; more specific beats preferred-less
(defmulti spec identity)
(defmethod spec ::rect [_] :rect)
(defmethod spec ::polygon [_] :polygon)
(prn (spec ::sq) (spec ::rect) (spec ::polygon))

;; preferences on vectors
(defmulti v2 (fn [a b] [a b]))
(defmethod v2 [::circle ::shape] [_ _] :cs)
(defmethod v2 [::shape ::circle] [_ _] :sc)
(prn (err #(v2 ::circle ::circle)))
(prefer-method v2 [::shape ::circle] [::circle ::shape])
(prn (v2 ::circle ::circle))

;; prefer table and its errors
(defmulti p identity)
(prn (prefers p))
(prn (= p (prefer-method p 1 2)) (prefers p))
(prefer-method p 1 3)
(prn (get (prefers p) 1))
(prn (err #(prefer-method p 2 1)))
(prn (err #(prefer-method p)))
(remove-all-methods p)
(prn (prefers p))

;; class preferences
(defmulti coll-kind class)
(defmethod coll-kind java.util.Collection [_] :collection)
(defmethod coll-kind clojure.lang.IPersistentVector [_] :vector)
(prefer-method coll-kind clojure.lang.IPersistentVector java.util.Collection)
(prn (coll-kind [1]) (coll-kind '(1)) (coll-kind #{1}))
