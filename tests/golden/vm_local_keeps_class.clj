;; A local holding a Byte/Short/Integer keeps its class when it is read more
;; than once (a copy of the slot, not only its last use).
(defn twice [x] (let [r (instance? Long x)] [r (class x) x]))
(println (twice (byte 1)) (twice (short 2)) (twice (int 3)) (twice 4))
(defn classes [x] [(class x) (class x)])
(println (classes (byte 1)) (classes (int 1)) (classes 1))
(let [b (byte 7) s (short 8)]
  (println (instance? Byte b) (instance? Short s) (class b) (class s) [b s]))
(defn loop-it [x] (loop [i 0 acc []] (if (< i 2) (recur (inc i) (conj acc (class x))) acc)))
(println (loop-it (int 5)))
;; arithmetic on them gives longs, as on the JVM
(defn add [x] [(class (+ x x)) (class (inc x))])
(println (add (byte 1)) (add (int 1)))
