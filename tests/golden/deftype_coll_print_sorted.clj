;; A deftype implementing a persistent collection interface prints as that
;; collection, and one implementing clojure.lang.Sorted works with
;; subseq/rsubseq through its seqFrom, seq, entryKey and comparator.
(deftype SM [m]
  clojure.lang.IPersistentMap
  (seq [_] (seq m))
  (count [_] (count m))
  clojure.lang.Sorted
  (comparator [_] (.comparator ^clojure.lang.Sorted m))
  (entryKey [_ e] (key e))
  (seq [_ asc] (if asc (seq m) (rseq m)))
  (seqFrom [_ k asc] (if asc (subseq m >= k) (rsubseq m <= k))))

(def s (SM. (sorted-map-by > 1 :a 2 :b 3 :c 4 :d)))
(prn s)
(prn (subseq s > 2) (subseq s >= 3) (subseq s < 3))
(prn (rsubseq s < 3) (rsubseq s >= 2) (subseq s > 3 < 1))
(prn [s] {:k s})

(deftype V [xs]
  clojure.lang.IPersistentVector
  (seq [_] (seq xs)))
(deftype L [xs]
  clojure.lang.ISeq
  (seq [_] (seq xs))
  (first [_] (first xs))
  (next [_] (next xs))
  (more [_] (rest xs)))
(prn (V. [1 2]) (L. '(3 4)))
