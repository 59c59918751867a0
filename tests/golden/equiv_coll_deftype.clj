;; = between the built-in collections and deftypes implementing the
;; java.util collection interfaces (APersistentMap/Vector/Set.equiv).
(deftype MMap [m]
  clojure.lang.IPersistentMap
  (count [_] (count m))
  (assoc [_ k v] (MMap. (assoc m k v)))
  (without [_ k] (MMap. (dissoc m k)))
  (cons [_ e] (MMap. (conj m e)))
  (empty [_] (MMap. {}))
  (equiv [_ o] (= m o))
  (seq [_] (seq m))
  (valAt [_ k] (get m k))
  (valAt [_ k d] (get m k d))
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (find m k))
  (iterator [_] (.iterator ^Iterable m))
  clojure.lang.MapEquivalence
  java.util.Map
  (size [_] (count m))
  (get [_ k] (get m k))
  (isEmpty [_] (empty? m))
  (containsValue [_ v] (boolean (some #{v} (vals m))))
  (keySet [_] (set (keys m)))
  (values [_] (vals m))
  (entrySet [_] (set (seq m))))

;; An IPersistentMap without MapEquivalence is not = to a map.
(deftype PMap [m]
  clojure.lang.IPersistentMap
  (count [_] (count m))
  (equiv [_ o] (= m o))
  (seq [_] (seq m))
  (valAt [_ k] (get m k))
  (valAt [_ k d] (get m k d))
  (containsKey [_ k] (contains? m k))
  java.util.Map
  (size [_] (count m))
  (get [_ k] (get m k)))

(deftype MSeq [xs]
  clojure.lang.Sequential
  clojure.lang.Seqable
  (seq [_] (seq xs)))

(deftype MSet [s]
  clojure.lang.IPersistentSet
  (count [_] (count s))
  (seq [_] (seq s))
  (contains [_ x] (contains? s x))
  (get [_ x] (get s x))
  (equiv [_ o] (= s o))
  java.util.Set
  (size [_] (count s))
  (iterator [_] (.iterator ^Iterable s)))

(deftype Opaque [x])

(let [m (MMap. {:a 1 :b 2})]
  (println "map = mmap" (= {:a 1 :b 2} m) (= {:b 2 :a 1} m) (= (sorted-map :a 1 :b 2) m))
  (println "mmap = map" (= m {:a 1 :b 2}) (= m (MMap. {:a 1 :b 2})))
  (println "different" (= {:a 1} m) (= {:a 1 :b 3} m) (= {:a 1 :c 2} m))
  (println "equals" (.equals {:a 1 :b 2} m) (.equals {:a 1} m))
  (println "hash-map" (= (hash-map :a 1 :b 2) m))
  (println "nested" (= [{:a 1 :b 2}] [m]) (= {:k m} {:k {:a 1 :b 2}})))
(println "no MapEquivalence" (= {:a 1} (PMap. {:a 1})) (.equals {:a 1} (PMap. {:a 1})))
(println "seq" (= [1 2 3] (MSeq. [1 2 3])) (= '(1 2 3) (MSeq. [1 2 3])) (= [1 2] (MSeq. [1 2 3]))
         (= (map inc [0 1 2]) (MSeq. [1 2 3])) (= [] (MSeq. [])))
(println "set" (= #{1 2} (MSet. #{1 2})) (= #{1 2} (MSet. #{1 3})) (= (sorted-set 1 2) (MSet. #{2 1})))
(println "opaque" (= {} (Opaque. 1)) (= [] (Opaque. 1)) (= #{} (Opaque. 1)) (= "x" (Opaque. 1)))
(println "scalar vs coll" (= 1 (MSet. #{1})) (= "a" (MMap. {})))
