;; Hierarchies: make-hierarchy, derive (global and explicit), underive,
;; isa?, parents, ancestors, descendants, their errors, and dispatch
;; through them (including vectors and a :hierarchy option).
(defn err [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))

(prn (make-hierarchy))
(prn (derive ::rect ::shape) (derive ::square ::rect))
(prn (isa? ::square ::shape) (isa? ::shape ::square) (isa? ::square ::square))
(prn (parents ::square) (ancestors ::square) (descendants ::shape))
(prn (parents ::nothing) (ancestors ::nothing) (descendants ::nothing))
(prn (isa? [::square ::rect] [::shape ::shape]) (isa? [::square] [::shape ::shape]))
(prn (isa? [] []) (isa? 1 1) (isa? nil nil) (isa? "a" "a") (isa? [1 2] [1 2]))

(def h (-> (make-hierarchy) (derive :a :b) (derive :b :c) (derive :a :d)))
(prn h)
(prn (isa? h :a :c) (parents h :a) (ancestors h :a) (descendants h :c))
(prn (derive h :a :b))
(prn (underive h :a :b))
(prn (underive h :a :zz))
(prn (underive h :x :b))
(prn (derive (make-hierarchy) 'x 'y))
(prn (derive (make-hierarchy) String :str))

;; assertion and derivation errors
(prn (err #(derive ::a ::a)))
(prn (err #(derive :a ::b)))
(prn (err #(derive ::a :b)))
(prn (err #(derive "a" ::b)))
(prn (err #(derive ::shape ::square)))
(prn (err #(derive ::square ::shape)))
(prn (derive ::square ::rect))
(prn (err #(derive h :a :a)))
(prn (err #(derive h "a" :b)))
(prn (err #(derive h :a "b")))
(prn (err #(derive h :c :a)))
(prn (err #(derive h :a :c)))
(prn (err #(isa? {} ::a ::b)))
(prn (err #(descendants String)))
(prn (err #(isa? ::a)))

;; global underive
(derive ::tmp ::shape)
(prn (isa? ::tmp ::shape))
(prn (underive ::tmp ::shape) (isa? ::tmp ::shape) (parents ::tmp))

;; classes
(prn (isa? String Object) (isa? Long Number) (isa? Object String))
(prn (isa? clojure.lang.PersistentVector clojure.lang.IPersistentVector))
(prn (isa? (make-hierarchy) String CharSequence))
(derive java.util.Map ::mappy)
(prn (isa? clojure.lang.PersistentArrayMap ::mappy) (isa? java.util.Map ::mappy))
(prn (contains? (ancestors String) Object) (contains? (ancestors Long) Number))
(prn (contains? (parents Long) Number) (supers Object) (bases Object) (bases nil))

;; dispatch through the hierarchy
(defmulti describe :kind)
(defmethod describe ::shape [_] :a-shape)
(defmethod describe ::rect [_] :a-rect)
(prn (describe {:kind ::square}) (describe {:kind ::shape}))
(prn (err #(describe {:kind ::circle})))
(derive ::circle ::shape)
(prn (describe {:kind ::circle}))

;; vectors dispatch element-wise
(defmulti collide (fn [a b] [a b]))
(defmethod collide [::shape ::shape] [_ _] :shapes)
(defmethod collide [::square ::square] [_ _] :squares)
(defmethod collide :default [_ _] :other)
(prn (collide ::square ::square) (collide ::square ::circle) (collide 1 2))

;; class dispatch
(defmulti kind class)
(defmethod kind Number [_] :number)
(defmethod kind CharSequence [_] :chars)
(defmethod kind Object [_] :object)
(defmethod kind nil [_] :nil)
(prn (kind 1) (kind 1.5) (kind 1N) (kind "s") (kind :k) (kind nil))

;; a private hierarchy held by a var; changing it resets the cache
(def my-h (-> (make-hierarchy) (derive :x :y)))
(defmulti local identity :hierarchy #'my-h)
(defmethod local :y [_] :got-y)
(prn (local :x) (err #(local :z)))
(alter-var-root #'my-h derive :z :y)
(prn (local :z))
(prn (isa? :x :y))
