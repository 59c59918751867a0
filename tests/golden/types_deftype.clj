;; deftype: fields, mutable fields with set!, inline protocol and interface
;; implementations (IDeref, IFn, ILookup, Seqable, Counted, Comparable,
;; Object equals/hashCode/toString). Expected output recorded from JVM
;; Clojure 1.11.1 (scripts/record-golden.sh).
(defprotocol P (foo [this]) (bar [this x]))
(deftype T [a b])
(def t (T. 1 2))
(prn (.-a t) (.b t) (class t) (instance? T t) (= t (T. 1 2)) (= t t) (satisfies? P t) (.-b (->T 3 4)))
(prn (str (class t)) (pr-str T) (record? t) (map? t) (instance? clojure.lang.IType t))
(deftype C [^:volatile-mutable n]
  P (foo [this] (set! n (inc n)) n) (bar [this x] (set! n (+ n x)) this)
  clojure.lang.IDeref (deref [_] n)
  Object (toString [_] (str "C<" n ">")))
(def c (->C 0))
(prn (foo c) (foo c) @c (str c) (deref (bar c 10)) (str c))
(deftype S [xs]
  clojure.lang.Seqable (seq [_] (seq xs))
  clojure.lang.Counted (count [_] (count xs))
  clojure.lang.ILookup (valAt [_ k] (get xs k)) (valAt [_ k nf] (get xs k nf))
  clojure.lang.IFn (invoke [_ i] (nth xs i)) (invoke [_ i j] [(nth xs i) (nth xs j)])
  Comparable (compareTo [_ o] (compare (count xs) (count (.-xs o))))
  Object (equals [_ o] (and (instance? S o) (= xs (.-xs o)))) (hashCode [_] (hash xs)))
(def s (S. [10 20 30]))
(prn (seq s) (count s) (get s 1) (s 0) (s 0 2) (:k s) (map inc s) (= s (S. [10 20 30]))
     (hash s) (= (hash s) (hash [10 20 30])) (first s) (into [] s))
(prn (compare (S. [1]) (S. [1 2])) (contains? #{(S. [1])} (S. [1])) (map count (sort [(S. [1 2]) (S. [1])])))
(prn (seqable? s) (counted? s) (ifn? s) (coll? s) (ifn? t))

(defprotocol Counter (incr [c]) (incr-by [c n]) (current [c]))
(deftype Cnt [^:unsynchronized-mutable n]
  Counter
  (incr [this] (set! n (inc n)) this)
  (incr-by [this k] (dotimes [_ k] (set! n (inc n))) this)
  (current [_] n))
(def cn (Cnt. 0))
(incr cn) (incr-by cn 5)
(prn (current cn))
(deftype Box [^:volatile-mutable v]
  clojure.lang.IDeref (deref [_] v)
  clojure.lang.IFn (invoke [this f] (set! v (f v)) this) (invoke [this f x] (set! v (f v x)) this))
(def b (Box. 1))
((b inc) + 10)
(prn @b (map deref [b]))
;; recur in a method does not pass this
(defprotocol Sum (sum-to [s n acc]))
(deftype Sm [k] Sum (sum-to [this n acc] (if (zero? n) (+ acc k) (recur (dec n) (+ acc n)))))
(prn (sum-to (Sm. 100) 10 0))
;; locals and params shadow fields
(deftype Sh [a] Counter (current [_] (let [a 5] a)) (incr [_] a) (incr-by [_ a] a))
(prn (current (Sh. 1)) (incr (Sh. 1)) (incr-by (Sh. 1) 7) (map current [(Sh. 1)]))
;; a type naming itself in its methods
(defprotocol Grow (grow [x]))
(deftype G [n] Grow (grow [_] (G. (inc n)))
  Object (toString [_] (str "G" n)) (equals [_ o] (and (instance? G o) (= n (.-n o)))) (hashCode [_] n))
(prn (str (grow (grow (G. 1)))) (= (G. 1) (G. 1)) (= (G. 1) (G. 2)) (hash (G. 7))
     (count (hash-set (G. 1) (G. 1) (G. 2))) (.hashCode (G. 3)) (.toString (G. 4)))
(deftype V [n] Comparable (compareTo [_ o] (compare n (.-n o))) Object (toString [_] (str "V" n)))
(prn (map str (sort [(V. 3) (V. 1) (V. 2)])) (map str (sort-by identity [(V. 2) (V. 1)])))
(deftype L [m] clojure.lang.ILookup (valAt [_ k] (get m k)) (valAt [_ k nf] (get m k nf)))
(prn (:a (L. {:a 1})) (get (L. {:a 1}) :b :nf) (:b (L. {}) 9))
(prn (deftype TT []))
