;; A deftype that is a java.util.Map (with MapEquivalence) or java.util.Set
;; equals a persistent map/set from either side; RT.get reaches a set's
;; contains/get; APersistentMap/mapHash and mapHasheq; IEditableCollection
;; .asTransient and .assocN on vectors and their transients.
(deftype M [m]
  clojure.lang.MapEquivalence
  clojure.lang.IPersistentMap
  (assoc [_ k v] (M. (assoc m k v)))
  (without [_ k] (M. (dissoc m k)))
  (count [_] (count m))
  (cons [_ e] (M. (conj m e)))
  (empty [_] (M. {}))
  (equiv [this o] (and (instance? java.util.Map o) (= (into {} o) m)))
  (seq [_] (seq m))
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (find m k))
  java.util.Map
  (size [_] (count m))
  (get [_ k] (get m k))
  (isEmpty [_] (empty? m))
  (hashCode [this] (clojure.lang.APersistentMap/mapHash this)))

(prn (= {} (M. {})) (= {1 2} (M. {1 2})) (= (M. {1 2}) {1 2}) (= {1 3} (M. {1 2})))
(prn (= {:x nil} (M. {:y nil})) (= {:a 1} (M. {:a 1 :b 2})))
(prn (.hashCode (M. {:a 1 :b "x" nil 3})) (.hashCode {:a 1 :b "x" nil 3}))
(prn (clojure.lang.APersistentMap/mapHash {}) (clojure.lang.APersistentMap/mapHash {:k nil}))
(prn (= (clojure.lang.APersistentMap/mapHasheq {:a 1}) (hash {:a 1})))

(deftype S [s]
  clojure.lang.IPersistentSet
  (disjoin [_ k] (S. (disj s k)))
  (contains [_ k] (contains? s k))
  (get [_ k] (get s k))
  (cons [_ x] (S. (conj s x)))
  (empty [_] (S. #{}))
  (equiv [_ o] (= o s))
  (count [_] (count s))
  (seq [_] (seq s))
  java.util.Set
  (size [_] (count s))
  (iterator [_] (.iterator ^java.lang.Iterable s)))

(prn (= #{} (S. #{})) (= #{1 2} (S. #{2 1})) (= #{1} (S. #{2})) (= #{1 2} (S. #{1})))
(prn (:a (S. #{:a :b})) (:z (S. #{:a}) :none) (get (S. #{false}) false :none))

(let [t (.asTransient [1 2 3])]
  (.assocN t 0 :a)
  (prn (persistent! t)))
(prn (persistent! (.asTransient {:a 1})) (persistent! (conj! (.asTransient #{}) 1)))
(prn (.assocN [1 2 3] 1 :b))
