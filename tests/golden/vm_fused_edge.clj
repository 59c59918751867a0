;; Edge cases of the VM's fused ops and its per-thread var cache: lookups
;; keep clojure.core's nil/exception semantics, long arithmetic overflows
;; as the JVM does (or wraps under *unchecked-math*), slots that change
;; type take the generic path, and a var called in a loop sees every way
;; its value can change (def, alter-var-root, with-redefs, binding,
;; intern; another thread: tests/threads/vm_var_cache_threads.clj).
(defn ex [f] (try (f) (catch Exception e [(.getSimpleName (class e)) (ex-message e)])))
(defrecord R [k a])
;; lookups on slots
(defn nth0 [c] (nth c 0))
(defn nthi [c i] (nth c i))
(defn lk [c k] [(get c k) (ex #(nth0 c)) (:k c)])
(doseq [c [{:k nil} {:k false} {nil 1 :k 2} {[1 2] :v :k [1 2]} (->R 1 2) (with-meta {:k :m} {:x 1})
           {1 :long} {1.0 :double} (hash-map :k 1 :z 2) [] [nil] (array-map) (vec (range 40))]]
  (println (lk c :k) (lk c nil) (lk c 1) (lk c [1 2]) (lk c 1N)))
(let [v [10 20 30] m {:a 1 1 :one}]
  (println (nth v (int 1)) (nth v 2N) (ex #(nthi v 3)) (ex #(nthi v -1)) (ex #(nthi v 1.5))
           (ex #(nthi nil 0)) (ex #(nthi '(1 2) 1)) (ex #(nthi "ab" 1)) (ex #(nthi [] Long/MAX_VALUE))
           (get m (int 1)) (get m 1N) (get m 1.0) (:a m) (get m :a)))
(let [v [1 2 3]]
  ;; the collection slot's last use (it is cleared after the lookup)
  (println (nth v 2)))
(let [v [1 2 3] f (fn [] (nth v 0))]
  (println (nth v 1) (f) (nth v 2)))
;; a slot that changes type inside a loop
(println (loop [i 0 x 1] (if (< i 6) (recur (inc i) (if (even? i) (+ x 0.5) (inc x))) x))
         (loop [i 0 x 1] (if (< i 4) (recur (inc i) (if (odd? i) (* x 1N) (+ x 1))) [x (class x)]))
         (loop [i 0 x 0] (if (< i 3) (recur (inc i) (- x 1/3)) x))
         (loop [i 1/2] (if (< i 3) (recur (inc i)) i))
         (loop [i 0 n 3.5] (if (< i n) (recur (inc i) n) i))
         (loop [i 0 n 3N] (if (<= i n) (recur (inc i) n) i)))
;; overflow inside loops: the store into the slot and the recur path
(println (ex #(loop [i (- Long/MAX_VALUE 2) n 0] (if (< n 5) (recur (inc i) (inc n)) i)))
         (ex #(loop [i (+ Long/MIN_VALUE 2)] (if (< i 5) (recur (dec i)) i)))
         (ex #(loop [i 0 acc Long/MAX_VALUE] (if (< i 3) (recur (inc i) (+ acc i)) acc)))
         (ex #(loop [i 0 acc Long/MIN_VALUE] (if (< i 3) (recur (inc i) (- acc i)) acc)))
         (ex #(let [a Long/MIN_VALUE b 1] (- a b)))
         (ex #(let [a 0 b Long/MIN_VALUE] (- a b)))
         (ex #(let [a -1 b Long/MIN_VALUE] (+ a b))))
(println (let [a Long/MAX_VALUE] [(+' a 1) (inc' a) (- a -1.0)])
         (let [a (- Long/MAX_VALUE 1)] (inc a)))
(set! *unchecked-math* true)
(defn uinc [x] (inc x))
(defn uadd [x y] (+ x y))
(println (uinc Long/MAX_VALUE) (uadd Long/MAX_VALUE 1) (loop [i Long/MAX_VALUE n 0] (if (< n 2) (recur (inc i) (inc n)) i)))
(set! *unchecked-math* false)
;; the var cache
(defn g [x] [:g x])
(defn call-g [x] (g x))
(println (mapv call-g [1 2]))
(def g (fn [x] [:def x]))
(println (call-g 3))
(alter-var-root #'g (fn [old] (fn [x] [:alter (old x)])))
(println (call-g 4))
(println (with-redefs [g (fn [x] [:redef x])] (call-g 5)) (call-g 6))
(intern *ns* 'g (fn [x] [:intern x]))
(println (call-g 7))
(println (loop [i 0 acc []]
           (if (< i 6)
             (recur (inc i) (conj acc (if (= i 3)
                                        (with-redefs [g (fn [x] [:in x])] (call-g i))
                                        (call-g i))))
             acc)))
(defn ^:dynamic *h* [x] [:root x])
(defn call-h [x] (*h* x))
(println (call-h 1) (binding [*h* (fn [x] [:bound x])] [(call-h 2) (binding [*h* (fn [x] [:inner x])] (call-h 3)) (call-h 4)]) (call-h 5))
(def counter (atom 0))
(defn bump [] (swap! counter inc))
(set-validator! #'g fn?)
(println (ex #(alter-var-root #'g (constantly 5))) (call-g 10))
(add-watch #'g :w (fn [_ _ _ _] (bump)))
(alter-var-root #'g (constantly (fn [x] [:watched x])))
(println (call-g 11) @counter)
(defn self-redef [n] (if (= n 0) :done (do (when (= n 2) (def self-redef (fn [_] :replaced))) (self-redef (dec n)))))
(println (self-redef 4) (self-redef 4))
