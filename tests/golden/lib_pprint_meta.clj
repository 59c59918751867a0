;; clojure.pprint with *print-meta* (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint]])
(binding [*print-meta* true pp/*print-right-margin* 20]
  (pprint (with-meta (vec (range 10)) {:aaaaaaaa 1 :bbbbbbbbbbbb 2 :ccccccccccc 3}))
  (pprint [1 (with-meta [2 3] {:m (vec (range 10))})])
  (binding [*print-length* 1] (pprint (with-meta [1 2] {:a 1 :b 2})))
  (binding [*print-level* 1] (pprint [(with-meta [1 2] {:a [1]})]))
  (pprint (with-meta 'abc {:x 1}))
  (pp/with-pprint-dispatch pp/code-dispatch (pprint (with-meta '(foo bar) {:y 2}))))
(binding [*print-meta* true]
  (doseq [d [pp/simple-dispatch pp/code-dispatch]]
    (pp/with-pprint-dispatch d
      (pprint [(with-meta [1] {:v 1}) (with-meta {:a 1} {:m 1}) (with-meta #{1} {:s 1}) (with-meta '(1) {:l 1}) (with-meta (seq [1 2]) {:q 1}) (with-meta 'sym {:y 1})]))))
(binding [*print-meta* true pp/*print-right-margin* 10]
  (pprint [(with-meta [1] {:v 1})]))
(defrecord R [a])
(binding [*print-meta* true]
  (binding [*print-length* 2] (pprint [(with-meta [1] {:v 1}) 2 3]))
  (binding [*print-length* 1] (pprint (with-meta [1 2] {:v 1 :w 2})))
  (binding [*print-length* 0] (pprint (with-meta [1 2] {:v 1 :w 2})))
  (binding [*print-level* 0] (pprint (with-meta [1 2] {:v 1})))
  (pprint (with-meta (->R 1) {:r 1}))
  (pprint (with-meta [1] {}))
  (pprint (with-meta [1] {:line 1}))
  (binding [pp/*print-right-margin* 30 pp/*print-miser-width* 25]
    (pprint [[[[(with-meta [1 2 3 4 5 6 7 8 9] {:v 1})]]]])))
(binding [*print-meta* true]
  (pprint [(with-meta '(quote x) {:a 1}) 1])
  (pprint (with-meta '(quote x) {:a 1}))
  (pp/with-pprint-dispatch pp/code-dispatch
    (binding [pp/*print-right-margin* 12] (pprint [(with-meta [1] {:v 1}) 2])))
  (binding [pp/*print-right-margin* 12] (pprint [(with-meta (conj clojure.lang.PersistentQueue/EMPTY 1) {:v 1}) 2]))
  (pprint (with-meta (sorted-map 1 2) {:s 1}))
  (pprint (with-meta (range 3) {:r 1}))
  (binding [pp/*print-right-margin* 12] (pprint [(with-meta #{1 2 3} {:v 1}) 2]))
  (binding [pp/*print-right-margin* 12] (pprint [(with-meta {1 2} {:v 1}) 2])))
(binding [*print-meta* true *print-namespace-maps* true]
  (pprint (with-meta {:a/b 1} {:m 1})))
