;; Fast paths of issue 8: str and format of scalars, small ratios, literal
;; vectors and maps, keyword lookups, reduce-kv over maps. Each must give
;; what the general path (and the JVM) gives.

;; str: scalars never consult the print vars; collections do
(println (str nil true false 0 -7 Long/MAX_VALUE Long/MIN_VALUE 1.5 \c "s" :k :a/b 'sym 'ns/sym 1N 1/2 1.5M))
(binding [*print-meta* true]
  (println (pr-str (str (with-meta 'a {:x 1}))))
  (println (pr-str (str [(with-meta 'a {:x 1})]))))
(binding [*print-length* 2] (println (str 1 [1 2 3] "x" '(4 5 6))))
(println (str (float 1.5) (int 3) (short 4) (byte 5) (biginteger 6)))

;; format: plain %s / %d, and with flags
(println (format "%s|%s|%s|%d|%d|%d" nil :k [1 "a"] 0 -42 Long/MIN_VALUE))
(println (format "%5d|%-5s|%05d|%,d|%s" 42 "ab" 7 1234567 1.5))
(println (format "%d" (biginteger 12345678901234567890N)))
(println (try (format "%d" 1N) (catch Exception e (.getName (class e)))))
(println (try (format "%d" "x") (catch Exception e (.getName (class e)))))
(println (try (format "%s %s" 1) (catch Exception e (str (.getName (class e)) " " (.getMessage e)))))

;; ratios: small operands and the long range's edges
(println (+ 1/2 1/2) (- 1/3 1/3) (* 2/3 3/2) (/ 1/2 1/4) (/ 1N 3) (/ 6N 3N) (+ 1/2 1))
(println (map class [(+ 1/2 1/2) (+ 1/2 1/3) (- 1/2 1/2)]))
(println (+ (/ Long/MAX_VALUE 2) (/ Long/MAX_VALUE 3)))
(println (* (/ Long/MIN_VALUE 3) (/ Long/MIN_VALUE 7)))
(println (- (/ 1 Long/MAX_VALUE) (/ Long/MIN_VALUE 5)))
(println (/ (/ -7 3) (/ 14 -9)) (/ 3 -6) (+ -1/2 1/2) (* -1/2 -2))
(println (reduce + (map #(/ 1 %) (range 1 30))))

;; vector literals: built directly up to 32 items
(let [v0 [] v1 [(inc 0)] x 1
      v32 [x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x]
      v33 [x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x 2]]
  (println (count v0) v1 (count v32) (count v33) (peek v33) (conj v1 2)
           (count (conj v32 3)) (peek (conj v32 3)) (pop v1) (count (pop v33))
           (assoc v32 31 :z) (= v32 (vec (repeat 32 1)))))

;; map literals and keyword lookups, keys of mixed types
(let [i 5
      m {:a i :b (inc i) 1 :one "s" :str nil :nil [1] :vec}
      big {:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8 :i i}]
  (println (:a m) (m :b) (get m 1) (get m "s") (get m nil) (get m [1]) (get m 1.0) (:zz m :nf))
  (println (class m) (class big) (:i big) (count big))
  (println (get {1 :a :k :b} :k) (get {:k :b 1 :a} 1) (get {(keyword "k") 1} :k)))

;; reduce-kv walks maps in place, stops at reduced
(println (reduce-kv (fn [acc k v] (+ acc k v)) 0 {1 2 3 4}))
(println (reduce-kv (fn [acc k v] (+ acc k v)) 0 (zipmap (range 20) (range 20))))
(println (reduce-kv (fn [acc k v] (conj acc [k v])) [] (sorted-map 3 :c 1 :a 2 :b)))
(println (reduce-kv (fn [acc k v] (if (= k :b) (reduced [acc k]) (+ acc v))) 0 (array-map :a 1 :b 2 :c 3)))
(println (reduce-kv (fn [acc k v] (+ acc k v)) 0 [10 20 30]))
