;; hash values of many values (Clojure hasheq)
(doseq [x [0 1 -1 42 Long/MAX_VALUE Long/MIN_VALUE 1N 12345678901234567890N 1.0 0.5 -0.0 0.0 1.5M 1/3
           "" "a" "hello" "héllo" :a :a/b ::x 'a 'a/b \a \space nil true false
           [] [1] [1 2 3] '() '(1) '(1 2 3) {} {:a 1} {:a 1 :b 2} #{} #{1} #{1 2 3}
           (range 5) (map inc [0 1 2]) (seq [1 2 3]) (sorted-map :a 1) (sorted-set 1 2 3)
           [[1] [2]] {[1] #{2}} (array-map 1 2) (subvec [0 1 2 3] 1 3) (vec (range 40))]]
  (println (pr-str x) (hash x)))
(println (= (hash [1 2 3]) (hash '(1 2 3)) (hash (range 1 4))))
(println (= (hash {:a 1}) (hash (sorted-map :a 1))))
(println (= (hash 1) (hash 1N)) (= (hash 1) (hash 1.0)))
(println (mix-collection-hash 12345 3) (hash-ordered-coll [1 2 3]) (hash-unordered-coll #{1 2 3}))
(println (hash-combine 1 2))
