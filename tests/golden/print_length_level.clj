;; *print-length* and *print-level*
(def data [1 [2 [3 [4 [5]]]] {:a {:b {:c {:d 1}}}} (range 20) #{1} '(1 (2 (3)))])
(doseq [len [nil 0 1 2 3 5]]
  (binding [*print-length* len]
    (prn len data)
    (println (range 10))
    (prn {:a 1 :b 2 :c 3 :d 4})))
(doseq [lvl [nil 0 1 2 3]]
  (binding [*print-level* lvl]
    (prn lvl data)
    (println [[[:x]]])))
(binding [*print-length* 2 *print-level* 2]
  (prn data)
  (prn (range))
  (println (pr-str (repeat 1)))
  (println (str (range 5))))
(binding [*print-length* 3]
  (prn (iterate inc 0))
  (prn (sorted-map 1 1 2 2 3 3 4 4))
  (prn (sorted-set 5 4 3 2 1)))
