;; A local's primitive type belongs to its own arity: slots restart in each
;; arity, so an int local of one arity (count) says nothing about the
;; param in the same slot of another (math.combinatorics' multiset-partitions-M).
(defn f
  ([xs] (let [n (count xs)] (f xs n)))
  ([a b] (if (number? b) (recur a [b]) [a b])))
(prn (f [1 2 3]))
(defn g
  ([a] (let [d (double a)] (g a d)))
  ([x y] (if (number? y) (recur x (str y "!")) [x y])))
(prn (g 3))
