;; The VM's fused long ops (compare-and-branch, + - inc dec on slots and
;; constants, nth/get/keyword lookups on slots) and their generic
;; fallbacks: every other operand type behaves as clojure.core's fn does.
(defn cmp-all [a b]
  [(if (< a b) :lt :-) (if (<= a b) :le :-) (if (> a b) :gt :-) (if (>= a b) :ge :-)
   (if (== a b) :num= :-) (if (= a b) := :-)])
(defn cmp-const [a]
  [(if (< a 3) :lt :-) (if (<= a 3) :le :-) (if (> a 3) :gt :-) (if (>= a 3) :ge :-)
   (if (== a 3) :num= :-) (if (= a 3) := :-)
   (if (< 3 a) :flip-lt :-) (if (>= 3 a) :flip-ge :-) (if (= 3 a) :flip= :-)])
(doseq [[a b] [[1 2] [2 2] [3 2] [1.5 2] [2 2.0] [2.0 2] [1/2 1] [3/2 1] [1N 2] (cons 5N [5])
               [Long/MAX_VALUE Long/MIN_VALUE] [##NaN 1] [1 ##NaN] [-0.0 0]]]
  (println a b (cmp-all a b)))
(doseq [a [2 3 4 3.0 2.5 7/2 3N 3M -1 ##Inf ##-Inf]]
  (println a (cmp-const a)))
(defn ex [f] (try (f) (catch Exception e [(.getSimpleName (class e)) (ex-message e)])))
(println (ex #(cmp-all nil 1)) (ex #(cmp-all 1 nil)) (ex #(cmp-const nil)) (ex #(cmp-const "a")))
(println (ex #(cmp-all :a :a)))
(defn arith [a b] [(+ a b) (- a b) (inc a) (dec a) (+ a 1) (- a 1) (+ a 1.5)])
(doseq [[a b] [[1 2] [1.5 2] [1 2.5] [1/3 1/6] [1N 2] [10000000000 3] [-5 -7] [2 2N]]]
  (println a b (arith a b)))
(println (ex #(arith Long/MAX_VALUE 0)) (ex #(arith 1 Long/MAX_VALUE)) (ex #(arith Long/MIN_VALUE 0))
         (ex #(arith 0 Long/MIN_VALUE)) (ex #(arith nil 1)) (ex #(arith 1 nil)) (ex #(arith "s" 1)))
(println (ex #(let [x Long/MAX_VALUE] (inc x))) (ex #(let [x Long/MIN_VALUE] (dec x)))
         (let [x Long/MAX_VALUE] (inc' x)) (let [x 1.5] (inc x)) (let [x 1/2] (dec x)))
;; loops: counting, accumulating, recur storing into several slots
(println (loop [i 0] (if (< i 1000) (recur (inc i)) i))
         (loop [i 0 acc 0] (if (< i 100) (recur (inc i) (+ acc i)) acc))
         (loop [i 10 acc 1] (if (> i 0) (recur (dec i) (* acc i)) acc))
         (loop [i 0 j 10] (if (< i j) (recur (+ i 2) (- j 1)) [i j]))
         (loop [i 0.0] (if (< i 3) (recur (+ i 0.5)) i))
         (loop [i 0 acc 0] (if (< i 5) (recur (inc i) (+ acc 1/2)) acc))
         (loop [i 0 acc Long/MAX_VALUE] (if (< i 1) (recur (inc i) (+' acc i)) acc)))
(println (ex #(loop [i (- Long/MAX_VALUE 3)] (if (> i 0) (recur (inc i)) i))))
(println (let [x 5 y (if (< x 3) (inc x) (dec x))] y) (let [x 5 y (if (> x 3) 1 (+ x 2))] y))
;; lookups on slots: vectors, maps, other colls and misses
(defn look [c i k]
  [(ex #(nth c i)) (ex #(get c k)) (ex #(get c i)) (ex #(:k c)) (ex #(nth c 1))])
(doseq [c [[1 2 3] {:k 1 2 :two} (zipmap (range 20) (range 20)) '(1 2 3) "abc" nil
           (sorted-map :k 3) #{:k 2} (subvec [1 2 3 4] 1) (transient {:k 7})]]
  (println (look c 2 :k)))
(println (look [1 2 3] 5 :k) (look [1 2 3] -1 2) (look [1 2 3] 1.5 1) (look [1 2 3] 2N nil))
;; a var called in a loop: redefinitions, dynamic bindings and alter-var-root
;; are seen at the next call
(defn step [x] (inc x))
(println (loop [i 0 acc []] (if (< i 4) (do (when (= i 2) (defn step [x] (* 10 x))) (recur (inc i) (conj acc (step i)))) acc)))
(defn ^:dynamic dyn [x] [:root x])
(defn call-dyn [x] (dyn x))
(println (call-dyn 1) (binding [dyn (fn [x] [:bound x])] (call-dyn 2)) (call-dyn 3))
(println (with-redefs [step (fn [x] :redef)] (step 1)) (step 1))
(alter-var-root #'step (fn [_] (fn [x] [:altered x])))
(println (map (fn [i] (step i)) (range 3)))
(def not-a-fn 5)
(println (ex #(not-a-fn 1)))
(declare unbound-fn)
(println (ex #(unbound-fn 1)))
