;; hash-set print order for various sizes and element types
(doseq [n [9 10 20 33 50]]
  (prn n (set (range n))))
(prn (set (range 200)))
(prn (set (map #(str "s" %) (range 30))))
(prn (set (map #(keyword (str "k" %)) (range 30))))
(prn (set (for [i (range 4) j (range 4)] [i j])))
(prn (hash-set 1 "1" :1 '1 1.0 [1] '(1) #{1} {1 1} nil))
(prn (into #{} (map #(* % %) (range -10 11))))
(prn (disj (set (range 20)) 0 5 10 15))
(prn (conj (set (range 8)) 8 9 10))
(prn (set "the quick brown fox"))
