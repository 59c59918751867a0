;; The VM's call path: calls between closures in the dispatch loop, var
;; calls, self calls, re-entrant calls from Rust, and the inline lookups.
(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(println (fib 20))
;; a fn redefining its own var while it runs keeps running the old code
(defn redef-me [n] (def redef-me (fn [_] :new)) (+ n (count [1 2 3])))
(println (redef-me 10) (redef-me 10))
;; named fn self calls across arities, variadic self calls
(println ((fn f ([x] (f x 1)) ([x y] (if (pos? x) (f (dec x) (* y 2)) y))) 10))
(println ((fn g [n & more] (if (zero? n) (count more) (apply g (dec n) :x more))) 5))
(println ((fn h [& xs] (if (< (count xs) 3) (h 1 2 3) (vec xs)))))
;; arity errors name the fn
(defn two [a b] [a b])
(println (try (two 1) (catch clojure.lang.ArityException e (.getMessage e))))
;; Rust -> closure -> Rust -> closure, with exceptions crossing them
(println (reduce (fn [acc x] (+ acc (reduce (fn [a y] (+ a (* x y))) 0 (range 3)))) 0 (range 4)))
(println (try (reduce (fn [_ x] (when (= x 3) (throw (ex-info "at 3" {:x x})))) nil (range 10))
              (catch clojure.lang.ExceptionInfo e [(ex-message e) (ex-data e)])))
(println (sort (fn [a b] (compare b a)) [3 1 2]) (sort-by - [1 3 2]))
(println (take 5 (map (fn [x] (* x x)) (iterate inc 1))) (into [] (comp (map inc) (filter odd?)) (range 10)))
(println (doall (lazy-seq (cons (fib 10) nil))))
;; deep recursion: StackOverflowError, and the VM works afterwards
(defn deep [n] (if (zero? n) 0 (inc (deep (dec n)))))
(println (try (deep 10000000) (catch StackOverflowError _ :overflow)) (deep 100))
;; nth / get / keyword lookups: maps, vectors, records, sorted maps, nil, misses
(defrecord P [x y])
(let [v [10 20 30] m {:a 1 :k 2} hm (zipmap (range 20) (range 20)) p (->P 1 2)
      sm (sorted-map :k 5)]
  (println (nth v 1) (nth v 0 :nf) (nth v 5 :nf) (nth '(1 2 3) 2) (nth "abc" 1))
  (println (try (nth v 3) (catch IndexOutOfBoundsException _ :oob)) (try (nth v -1) (catch IndexOutOfBoundsException _ :oob)))
  (println (get m :k) (get m :zz) (get hm 7) (get v 1) (get nil :k) (get p :x) (get sm :k) (get "abc" 1))
  (println (:k m) (:zz m) (:x p) (:k sm) (:k nil) (:k 42) (:k hm) (:a {:a nil}) (:k (transient {:k 9})))
  (println (loop [i 0 acc 0] (if (< i 100) (recur (inc i) (+ acc (nth v (mod i 3)) (:k m) (get m :a))) acc))))
;; keywords and maps as fns, and closures capturing loop locals
(println (map :a [{:a 1} {:a 2} {}]) (({:f inc} :f) 1))
(println (map (fn [f] (f)) (for [i (range 3)] (fn [] i))))
(letfn [(ev? [n] (if (zero? n) true (od? (dec n)))) (od? [n] (if (zero? n) false (ev? (dec n))))]
  (println (ev? 100) (od? 7)))
(println (get (transient {:k 9}) :k) (get (transient #{:a}) :a) (get (transient [1 2]) 1) (:k (transient {:k 9})) (get (transient [1 2]) 5 :nf))
(defn g [x] :old) (println (g (do (defn g [x] :new) 1)))
