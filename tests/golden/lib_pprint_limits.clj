;; clojure.pprint with *print-length* and *print-level* (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint]])

(def data {:a [1 2 3 4 5 6 7 8 9 10]
           :b {:c {:d {:e {:f 1}}}}
           :s #{1 2 3 4 5}
           :l '(1 2 3 4 5 6)
           :m {:x 1 :y 2 :z 3 :w 4}})

(doseq [len [nil 0 1 2 3 5 10]
        lvl [nil 0 1 2 3]]
  (println "length" len "level" lvl)
  (binding [*print-length* len *print-level* lvl]
    (pprint data)
    (pprint [[1 [2 [3 [4]]]] '(a (b (c))) #{#{#{}}}])
    (pprint (range 100))))

(println "--- infinite seq")
(binding [*print-length* 7] (pprint (range)))
(binding [*print-length* 3] (pprint (repeat :x)))
(binding [*print-length* 4] (pprint (iterate inc 0)))

(println "--- code dispatch with limits")
(binding [*print-length* 2 *print-level* 3]
  (pp/with-pprint-dispatch pp/code-dispatch
    (pprint '(defn f [a b c] (let [x 1 y 2 z 3] (if (cond a b c d) (g (h (i (j)))) 3))))))

(println "--- logical block helpers")
(binding [*print-level* 1]
  (pprint {:a {:b 1}})
  (pprint [1 [2] 3]))
(binding [*print-length* 1]
  (pprint {:a 1 :b 2})
  (pprint {:a [1 2 3]}))
