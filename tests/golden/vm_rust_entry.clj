;; Calls from Rust into fns (reduce, sort, sort-by): re-entrancy, exceptions
;; across nested entries, binding, recursion depth, arities, reduced.

(defn ex-msg [f]
  (try (f) (catch Throwable e [(.getSimpleName (class e)) (ex-message e)])))
(defn ex-class [f]
  (try (f) (catch Throwable e (.getSimpleName (class e)))))

;; reduce with closures of each arity shape
(println (reduce (fn [a x] (+ a x)) 0 (range 10)))
(println (reduce (fn [a x] (+ a x)) (range 10)))
(println (reduce (fn [a x] (+ a x)) [1 2 3 4]))
(println (reduce (fn ([] :none) ([a x] (conj a x))) [] (range 3)))
(println (reduce (fn [] :empty) []))
(println (reduce (fn [& xs] (apply + xs)) 0 [1 2 3]))
(println (reduce (fn [a x & more] [a x more]) 0 [1]))
(println (reduce (fn [a x] (if (> x 4) (reduced [:stop a]) (+ a x))) 0 (range 100)))
(println (reduce (fn [a x] (if (> x 4) (reduced [:stop a]) (+ a x))) [1 2 3 4 5 6]))
(println (reduce (fn [a [k v]] (+ a v)) 0 {:a 1 :b 2 :c 3}))

;; arity errors inside the prepared call, then the same call works again
(println (ex-class #(reduce (fn [a] a) 0 (range 3))))
(println (ex-class #(reduce (fn [a b c] a) 0 [1 2])))
(println (reduce (fn [a x] (+ a x)) 0 (range 5)))

;; an exception thrown by the reduce fn, caught outside and inside
(println (ex-msg #(reduce (fn [a x] (if (= x 3) (throw (ex-info "at 3" {:a a})) (+ a x))) 0 (range 10))))
(println (reduce (fn [a x] (try (if (odd? x) (throw (Exception. "odd")) (+ a x))
                                (catch Exception e (- a 1))))
                 0 (range 10)))
(println (ex-msg #(reduce (fn [a x] (/ a x)) 1 [1 0])))

;; nested entries: a reduce fn that sorts with a comparator that reduces
(println (reduce (fn [acc xs]
                   (conj acc (first (sort (fn [a b] (compare (reduce + a) (reduce + b))) xs))))
                 []
                 [[[3 3] [1] [2 2]] [[9] [4 4] [1 1 1]]]))
;; an exception crossing two nested entries
(println (ex-msg #(reduce (fn [a x] (sort (fn [p q] (reduce (fn [_ _] (throw (RuntimeException. "deep"))) 0 [p q])) [x 1 2])) 0 [5])))
;; a lazy seq realised inside the reduce fn, built from closures
(println (reduce (fn [a x] (+ a (reduce + (map (fn [y] (* y x)) (range x))))) 0 (range 6)))
;; the coll itself is a lazy seq of closure results, realised between calls
(println (reduce (fn [a x] (+ a x)) 0 (map (fn [y] (reduce + (range y))) (range 8))))
(println (reduce (fn [a x] (conj a x)) [] (filter (fn [y] (even? (reduce + (range y)))) (range 12))))

;; binding inside the fn and around the reduce
(def ^:dynamic *k* 1)
(println (reduce (fn [a x] (binding [*k* (* *k* 2)] (+ a (* x *k*)))) 0 (range 4)))
(println (binding [*k* 10] (reduce (fn [a x] (+ a (* x *k*))) 0 (range 4))))
(println (reduce (fn [a x] (+ a (binding [*k* x] (reduce (fn [b y] (+ b *k*)) 0 (range 3))))) 0 (range 4)))

;; deep recursion inside a reduce fn: a catchable StackOverflowError, and
;; the engine works afterwards
(defn deep [n] (if (zero? n) 0 (inc (deep (dec n)))))
(println (try (reduce (fn [a x] (deep 10000000)) 0 [1])
              (catch StackOverflowError e :so)))
(defn deep-reduce [n] (reduce (fn [a x] (+ a (deep-reduce (inc n)))) 0 [1]))
(println (try (deep-reduce 0) (catch StackOverflowError e :so-nested)))
(println (reduce (fn [a x] (+ a (deep 100))) 0 (range 3)))

;; sort and sort-by with user fns
(println (sort (fn [a b] (compare b a)) (range 10)))
(println (sort > [3 1 2]))
(println (sort (fn [a b] (< a b)) [3 1 2 1]))
(println (sort-by (fn [x] (- x)) [3 1 2]))
(println (sort-by count (fn [a b] (compare b a)) ["a" "ccc" "bb"]))
(println (sort-by first > [[1 :a] [3 :b] [2 :c]]))
(println (ex-msg #(sort (fn [a b] (throw (ex-info "cmp" {}))) [2 1 3])))
(println (ex-msg #(sort-by (fn [x] (throw (ex-info "key" {}))) [2 1 3])))
(println (ex-class #(sort (fn [a] 0) [2 1])))
(println (ex-msg #(sort (fn [a b] nil) [2 1])))
(println (ex-msg #(sort (fn [a b] "x") [2 1])))
(println (sort (fn [a b] (compare (first (sort a)) (first (sort b)))) [[3 9] [1 5] [2 0]]))
(println (sort (reify java.util.Comparator (compare [_ a b] (compare b a))) [1 3 2]))
(let [calls (atom 0)]
  (sort (fn [a b] (swap! calls inc) (compare a b)) (range 20))
  (println (pos? @calls)))
(println (sort-by :k (fn [a b] (compare a b)) [{:k 2} {:k 1}]))

;; map/filter/keep step fns over chunked and unchunked seqs
(println (map (fn [x] (* x x)) (range 5)))
(println (filter (fn [x] (odd? x)) (range 10)))
(println (remove (fn [x] (odd? x)) (vec (range 10))))
(println (keep (fn [x] (when (even? x) (- x))) (range 7)))
(println (map-indexed (fn [i x] [i x]) (range 40 43)))
(println (keep-indexed (fn [i x] (when (odd? i) x)) (range 10 20)))
(println (map (fn [x] (inc x)) (list 1 2 3)))
(println (filter (fn [x] (pos? x)) (list -1 2 -3 4)))
(println (take 3 (map (fn [x] (reduce + (map (fn [y] (* x y)) (range x)))) (range 100))))
(println (ex-msg #(doall (map (fn [x] (if (= x 33) (throw (ex-info "in chunk" {:x x})) x)) (range 64)))))
(println (ex-msg #(doall (filter (fn [x] (/ 1 (- x 5))) (range 10)))))
(println (ex-class #(doall (map (fn [] 1) (range 3)))))
(println (count (map (fn [x] (count (filter (fn [y] (< y x)) (range 40)))) (range 40))))
(println (try (doall (map (fn [x] (deep 10000000)) (range 3)))
              (catch StackOverflowError e :so-map)))
(println (binding [*k* 3] (doall (map (fn [x] (* x *k*)) (range 4)))))

;; transducers: one and several inputs, early termination, exceptions
(println (transduce (comp (map inc) (filter even?) (map (fn [x] (* x x)))) + (range 10)))
(println (into [] (comp (map (fn [x] (* 2 x))) (take 3)) (range 100)))
(println (sequence (map (fn [a b] (+ a b))) [1 2 3] [10 20 30]))
(println (sequence (map-indexed (fn [i x] [i x])) [:a :b]))
(println (transduce (keep (fn [x] (when (odd? x) x))) conj (range 8)))
(println (ex-msg #(transduce (map (fn [x] (throw (ex-info "xf" {})))) + (range 3))))
(println (transduce (map (fn [x] (reduce + (range x)))) + (range 10)))
