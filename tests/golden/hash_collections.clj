;; hash of collections: ordered vs unordered, nested, equal-but-different-types
(def colls [[] '() (seq [1]) [1] '(1) [1 2] '(1 2) (range 1 3) (map identity [1 2]) [[]] [[1]] [nil] [1 nil]
            {} #{} {:a 1} {:a 1 :b 2} {:b 2 :a 1} (sorted-map :a 1 :b 2) #{1 2} (sorted-set 2 1) #{[1 2]} {[1] [2]}
            (vec (range 100)) (set (range 100)) (zipmap (range 20) (range 20)) (subvec [0 1 2 3] 1 3) (first {:k :v})
            (lazy-seq [1 2]) (cons 1 '(2)) (list* 1 [2])])
(doseq [c colls] (println (pr-str c) (hash c)))
(println (= (hash [1 2]) (hash '(1 2)) (hash (range 1 3)) (hash (subvec [0 1 2] 1))))
(println (= (hash #{1 2}) (hash (sorted-set 1 2))) (= (hash {:a 1}) (hash (sorted-map :a 1))))
(println (= (hash [:k :v]) (hash (first {:k :v}))))
(println (hash (into [] (range 1000))) (hash (into #{} (range 1000))))
