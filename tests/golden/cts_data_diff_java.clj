;; clojure.data/diff partitions by the java.util interfaces: Java sets are
;; sets (diffed as sets), Java maps are maps, Java lists are sequential.
(require '[clojure.data :refer [diff]])
(import '[java.util HashSet HashMap ArrayList LinkedList])

(prn (diff (HashSet. [1 2]) (HashSet. [2 3])))
(prn (diff (HashSet. [1 2]) #{2 3}))
(prn (diff (HashMap. {:a 1 :b 2}) {:a 1 :b 3}))
(prn (diff (ArrayList. [1 2 3]) [1 5 3]))
(prn (diff (LinkedList. [1 2]) '(1 2)))
(prn (map #(if (instance? clojure.lang.PersistentQueue %) [:queue (vec %)] %)
          (diff (into clojure.lang.PersistentQueue/EMPTY [1 2]) [1 3])))
(prn (diff (int-array [1 2]) [1 3]))
(prn (diff {:a (HashSet. [1])} {:a #{1 2}}))
