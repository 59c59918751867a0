;; clojure.core.protocols: reduce and reduce-kv dispatch through CollReduce
;; and IKVReduce, so extending them changes what reduce does.
(require '[clojure.core.protocols :as p])

(defrecord Countdown [n])
(extend-protocol p/CollReduce
  Countdown
  (coll-reduce
    ([this f] (p/coll-reduce this f (f)))
    ([this f init]
     (loop [i (:n this) acc init]
       (if (pos? i)
         (let [acc (f acc i)]
           (if (reduced? acc) (unreduced acc) (recur (dec i) acc)))
         acc)))))
(prn (reduce + (->Countdown 4)))
(prn (reduce conj [] (->Countdown 5)))
(prn (reduce (fn [a x] (if (> x 2) (reduced a) (conj a x))) [] (->Countdown 0)))
(prn (reduce (fn [a x] (if (< x 3) (reduced a) (conj a x))) [] (->Countdown 5)))
(prn (transduce (map inc) + (->Countdown 3)))
(prn (into [] (->Countdown 3)))

(deftype Pairs [m]
  p/IKVReduce
  (kv-reduce [_ f init] (reduce (fn [acc [k v]] (f acc k v)) init (sort m))))
(prn (reduce-kv (fn [acc k v] (conj acc k v)) [] (Pairs. {:b 2 :a 1})))

(defrecord Point [x y])
(prn (reduce-kv (fn [acc k v] (assoc acc v k)) {} (->Point 1 2)))
(extend-protocol p/IKVReduce
  Point
  (kv-reduce [pt f init] (f init :sum (+ (:x pt) (:y pt)))))
(prn (reduce-kv (fn [acc k v] (assoc acc k v)) {} (->Point 1 2)))

;; built-in collections keep their own reduce
(prn (reduce + [1 2 3]) (reduce + (range 5)) (reduce + '(1 2)) (reduce + #{1 2}))
(prn (reduce-kv (fn [a k v] (+ a k v)) 0 [10 20]) (reduce-kv #(assoc %1 %3 %2) {} {:a 1}))
(prn (reduce + nil) (reduce + 7 nil) (reduce-kv (fn [a k v] a) :init nil))
(prn (p/coll-reduce [1 2 3] +) (p/coll-reduce nil + 5) (p/coll-reduce (seq [1 2]) + 10))
(prn (p/kv-reduce {:a 1} (fn [a k v] (conj a k v)) []))
(prn (p/internal-reduce (seq [1 2 3]) + 0))
(prn (satisfies? p/CollReduce [1]) (satisfies? p/CollReduce nil) (satisfies? p/IKVReduce {}))
(prn (p/datafy 42) (p/datafy nil) (p/nav {:a 1} :a 1))
(prn (reduce str "abc") (reduce + 0 (map inc [1 2 3])))
(extend-protocol p/CollReduce
  String
  (coll-reduce ([s f] (str "custom:" s)) ([s f init] (str "custom:" s))))
(prn (reduce str "abc") (reduce str "" "xyz"))
