;; deftype implementing clojure.lang interfaces is honoured by core fns, and
;; the clojure.lang statics libraries call.
(deftype Row [ps]
  clojure.lang.Indexed
  (nth [_ i] (nth ps i))
  (nth [_ i nf] (nth ps i nf))
  clojure.lang.Counted
  (count [_] (count ps))
  clojure.lang.ISeq
  (first [_] (first ps))
  (next [_] (when-let [n (next ps)] (Row. n)))
  (more [_] (if-let [n (next ps)] (Row. n) ()))
  (seq [this] (when (seq ps) this))
  clojure.lang.IPersistentStack
  (peek [_] (peek ps))
  (pop [_] (Row. (pop ps)))
  clojure.lang.Reversible
  (rseq [_] (rseq ps)))
(let [r (Row. [1 2 3])]
  (println (nth r 1) (nth r 9 :nf) (count r) (first r) (first (next r)) (vec (rest r)))
  (println (peek r) (count (pop r)) (rseq r) (vec r) (into [] (map inc) r)))

(deftype S [items]
  clojure.lang.IPersistentSet
  (disjoin [_ x] (S. (disj items x)))
  (contains [_ x] (contains? items x))
  (get [_ x] (items x))
  clojure.lang.Counted
  (count [_] (count items)))
(let [s (S. #{1 2 3})]
  (println (contains? s 2) (contains? s 5) (count (disj s 1))))

(deftype A [m]
  clojure.lang.Associative
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (find m k))
  (assoc [_ k v] (A. (assoc m k v)))
  clojure.lang.ILookup
  (valAt [_ k] (get m k))
  (valAt [_ k nf] (get m k nf)))
(let [a (assoc (A. {}) :x 1)]
  (println (contains? a :x) (get a :x) (get a :y :none) (:x a)))

(println (clojure.lang.Compiler/munge "a-b?") (clojure.lang.Compiler/demunge "a_b_QMARK_"))
(println (contains? clojure.lang.Compiler/specials 'if) (get clojure.lang.Compiler/CHAR_MAP \-))
(println (clojure.lang.RT/count [1 2]) (clojure.lang.Util/equiv [1] '(1)) (clojure.lang.Numbers/add 1 2))
(println (= (clojure.lang.Murmur3/hashOrdered [1 2]) (hash [1 2])))
(println (clojure.lang.MapEntry. 1 2) (key (clojure.lang.MapEntry/create :k :v)))
(println (.isArray (class (long-array 1))) (.isArray String) (.isAssignableFrom Number Long))
(println (seq? (Row. [1])) (sequential? (reify clojure.lang.Sequential)) (seq? (S. #{})) (sequential? (S. #{})))
