;; printing of types via class / type and type predicates
(doseq [x [1 1.0 1N 1M 1/2 "s" \c :k 'sym nil true [] '() {} #{} (list 1) (range 3) (range 1.0 2.0)
           (map inc [1]) (seq [1]) (seq {:a 1}) (first {:a 1}) (sorted-map) (sorted-set) (cons 1 nil)
           (lazy-seq nil) (atom 1) (volatile! 1) (delay 1) #'inc (subvec [1 2] 1) (array-map) (hash-map :a 1)
           (zipmap (range 10) (range 10)) (transient []) (ex-info "x" {}) (seq "ab") (keys {:a 1}) (rseq [1 2])]]
  (println (class x)))
(println (type (with-meta [] {:type :custom})) (type 1))
(println (map #(% [1]) [vector? list? seq? coll? sequential? associative? counted? reversible? map? set?]))
(println (map #(% '(1)) [vector? list? seq? coll? sequential? associative? counted? reversible? map? set?]))
(println (map #(% {:a 1}) [vector? list? seq? coll? sequential? associative? counted? reversible? map? set?]))
(println (map #(% (range 3)) [vector? list? seq? coll? sequential? associative? counted? reversible? map? set?]))
