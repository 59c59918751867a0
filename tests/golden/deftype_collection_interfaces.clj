;; A deftype over clojure.lang's collection interfaces: find uses
;; Associative.entryAt, = uses IPersistentCollection.equiv (from either side
;; when the other is not a collection), map?/set?/vector? follow the interfaces.
(deftype Wrap [m]
  clojure.lang.ILookup
  (valAt [_ k] (get m k))
  (valAt [_ k nf] (get m k nf))
  clojure.lang.IPersistentMap
  (assoc [_ k v] (Wrap. (assoc m k v)))
  (without [_ k] (Wrap. (dissoc m k)))
  clojure.lang.Associative
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (when (contains? m k) (clojure.lang.MapEntry. k (get m k))))
  clojure.lang.Counted
  (count [_] (count m))
  clojure.lang.IPersistentCollection
  (cons [_ e] (Wrap. (conj m e)))
  (empty [_] (Wrap. {}))
  (equiv [_ o] (= o m))
  clojure.lang.Seqable
  (seq [_] (seq m)))

(def w (Wrap. {:a 1 :b nil}))
(prn (find w :a) (find w :b) (find w :c))
(prn (= w {:a 1 :b nil}) (= w (Wrap. {:a 1 :b nil})) (= w {:a 2}))
(prn (= (conj w [:c 3]) {:a 1 :b nil :c 3}))
(prn (map? w) (set? w) (vector? w) (coll? w))
(prn (.equals w {:a 1 :b nil}))

(deftype Anything []
  clojure.lang.IPersistentCollection
  (cons [this _] this)
  (empty [this] this)
  (equiv [_ o] (string? o))
  (count [_] 0)
  clojure.lang.Seqable
  (seq [_] nil))
;; Util.pcequiv: a non-collection on the left defers to the right's equiv.
(prn (= "x" (Anything.)) (= (Anything.) "x") (= :k (Anything.)) (= [] (Anything.)))

(deftype S [s]
  clojure.lang.IPersistentSet
  (disjoin [_ k] (S. (disj s k)))
  (contains [_ k] (contains? s k))
  (get [_ k] (get s k))
  clojure.lang.IPersistentCollection
  (cons [_ x] (S. (conj s x)))
  (empty [_] (S. #{}))
  (equiv [_ o] (= o s))
  (count [_] (count s))
  clojure.lang.Seqable
  (seq [_] (seq s)))
(prn (set? (S. #{1})) (map? (S. #{1})) (= (S. #{1}) #{1}))

(deftype V [v]
  clojure.lang.IPersistentVector
  (length [_] (count v))
  (assocN [_ i x] (V. (assoc v i x)))
  (cons [_ x] (V. (conj v x)))
  (count [_] (count v))
  (empty [_] (V. []))
  (equiv [_ o] (= o v))
  (seq [_] (seq v)))
(prn (vector? (V. [1])) (= (V. [1 2]) [1 2]))
