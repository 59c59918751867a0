;; identity of empty collections (shared EMPTY instances) and of with-meta with the same map
(prn (identical? [] []) (identical? '() '()) (identical? () ()) (identical? {} {}) (identical? #{} #{}))
(prn (identical? (vector) []) (identical? (list) ()) (identical? (hash-map) {}) (identical? (hash-set) #{}) (identical? (array-map) {}))
(prn (identical? (empty [1]) []) (identical? (empty '(1)) ()) (identical? (empty {:a 1}) {}) (identical? (empty #{1}) #{}))
(prn (identical? (vec []) []) (identical? (vec nil) []) (identical? (rest [1]) ()) (identical? (pop [1]) []) (identical? (into [] nil) []))
(prn (identical? ^:a [] []) (meta ^:a []) (identical? (quote ^:a []) []))
(let [a [] b []] (prn (identical? a b)))
(defn f [] []) (prn (identical? (f) (f)))
(prn (identical? (dissoc {:a 1} :a) {}) (identical? (disj #{1} 1) #{}) (identical? (seq []) nil) (identical? (list* nil) nil))
(prn (identical? (conj () ) ()) (identical? (next [1]) nil) (identical? (set []) #{}) (identical? (persistent! (transient [])) []))
(let [v [1 2] l '(1 2) m {:a 1} s #{1} hm (hash-map :a 1) c (cons 1 nil) ls (lazy-seq [1]) sm (sorted-map 1 2) f (fn [])]
  (prn (map #(identical? % (with-meta % nil)) [v l m s hm c ls sm f]))
  (let [mm {:x 1}] (prn (map #(let [a (with-meta % mm)] (identical? a (with-meta a mm))) [v l m s hm c ls sm f]))))
(prn (identical? (vec []) []) (identical? (set #{}) #{}))
