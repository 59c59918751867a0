;; The VM's fused compare/arith ops read java.lang.Long operands inline;
;; Integer/Short/Byte boxes, doubles, ratios and bigints in the same
;; positions take the generic path. Each result must match the JVM's.
(defn classes [& xs] (mapv #(.getSimpleName (class %)) xs))

(defn cmp-slots [a b]
  [(if (< a b) :lt :not-lt) (if (<= a b) :le :not-le) (if (> a b) :gt :not-gt)
   (if (>= a b) :ge :not-ge) (if (== a b) :num-eq :not-num-eq) (if (= a b) :eq :not-eq)])

(defn cmp-const [a]
  [(if (< a 3) :lt :not-lt) (if (<= a 3) :le :not-le) (if (> a 3) :gt :not-gt)
   (if (>= a 3) :ge :not-ge) (if (== a 3) :num-eq :not-num-eq) (if (= a 3) :eq :not-eq)
   (if (< 3 a) :flip-lt :flip-not-lt)])

(doseq [[a b] [[(int 3) 3] [3 (int 3)] [(short 2) 3] [(byte 4) (int 4)]
               [3.0 3] [5/2 3] [3N 3] [(int 3) 3.0] [(long 3) (long 3)]]]
  (println (classes a b) (cmp-slots a b) (cmp-const a)))

(defn arith-slots [a b]
  (let [s (+ a b) d (- a b) i (inc a) j (dec b)]
    [s d i j (classes s d i j)]))

(defn arith-const [a]
  (let [s (+ a 10) d (- a 10)]
    [s d (classes s d)]))

(doseq [[a b] [[(int 3) 4] [3 (int 4)] [(short 7) (byte 2)] [(int 2147483647) (int 1)]
               [2.5 1] [1/2 1] [3N 4] [(int -2147483648) 1]]]
  (println (arith-slots a b) (arith-const a)))

;; loops whose counter starts as an Integer, a Short or a double
(println (loop [i (identity (int 0)) acc 0] (if (< i 5) (recur (inc i) (+ acc i)) [i acc (classes i acc)])))
(println (loop [i (identity (short 10)) n 0] (if (> i 0) (recur (dec i) (inc n)) [i n (classes i n)])))
(println (loop [i 0.5 n 0] (if (< i 3) (recur (+ i 1) (inc n)) [i n (classes i n)])))
(println (let [lim (int 4)] (loop [i 0] (if (< i lim) (recur (inc i)) [i (classes i)]))))
(println (loop [i (identity (int 2147483646)) n 0] (if (< n 3) (recur (inc i) (inc n)) [i (classes i)])))
;; overflow from an Integer box and from a Long at the edge
(println (try (loop [i (- Long/MAX_VALUE 2)] (if (> i 0) (recur (inc i)) i))
              (catch ArithmeticException e (.getMessage e))))
(println (try (loop [i (+ Long/MIN_VALUE 2) k 1] (if (< k 10) (recur (- i k) (inc k)) i))
              (catch ArithmeticException e (.getMessage e))))
;; a boxed Integer/Short/Byte local read more than once keeps its class
(println (let [a (identity (int 3)) s (identity (short 4)) b (identity (byte 5))]
           [(classes a s b) (classes a s b) (+ a s b)]))
