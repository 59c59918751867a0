;; Realising a lazy seq nested 100,000 deep (concat on concat, filter on
;; filter) throws a catchable StackOverflowError; the chain still drops
;; cleanly, and shallow chains work.
(defn attempt [f]
  (try (f) (catch StackOverflowError e [:stack-overflow (.getMessage e)])))
(def deep-concat (reduce (fn [s _] (concat s [1])) () (range 100000)))
(prn (attempt #(first deep-concat)))
(prn (attempt #(count (reduce (fn [s _] (concat s [1])) () (range 100000)))))
(def deep-filter (reduce (fn [s _] (filter odd? s)) (range 10) (range 100000)))
(prn (attempt #(first deep-filter)))
(defn my-concat [a b]
  (lazy-seq (if-let [s (seq a)] (cons (first s) (my-concat (rest s) b)) b)))
(prn (attempt #(first (reduce (fn [s _] (my-concat s [1])) () (range 100000)))))
(def deep-concat nil)
(def deep-filter nil)
;; Never realised: dropping an unrealised chain is not recursive either.
(let [s (reduce (fn [s _] (map inc s)) (range 3) (range 100000))]
  (println :built (some? s)))
(println :dropped)
(prn (count (reduce (fn [s _] (concat s [1])) () (range 100))))
(prn (first (reduce (fn [s _] (filter odd? s)) (range 10) (range 100))))
(prn (take 3 (reduce (fn [s _] (map inc s)) (range 3) (range 100))))
