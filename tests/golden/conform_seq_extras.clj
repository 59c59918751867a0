;; iterator-seq over Java iterators, nth on a regex Matcher, and
;; reduce/into over a reify that implements IReduceInit / IReduce.
(defn try* [f] (try (f) (catch Exception e [(.getName (class e)) (.getMessage e)])))
(prn (iterator-seq (.iterator [1 2 3])) (iterator-seq (.iterator [])) (iterator-seq (.iterator (java.util.ArrayList. [:a :b]))))
(let [it (.iterator (range 5))]
  (.next it)
  (prn (reduce + (iterator-seq it))))
(prn (try* #(iterator-seq [1 2])))
(let [m (re-matcher #"(\w)(\d)" "a1 b2")]
  (prn (try* #(nth m 0)))
  (re-find m)
  (prn (nth m 0) (nth m 1) (nth m 2) (try* #(nth m 3)) (nth m 3 :none) (nth m -1 :none)))
(let [m (re-matcher #"z" "abc")]
  (re-find m)
  (prn (try* #(nth m 0)) (nth m 0 :none)))
(def five (reify clojure.lang.IReduceInit
            (reduce [_ f init] (reduce f init (range 5)))))
(prn (reduce + 0 five) (into [] five) (into #{} (map inc) five) (transduce (filter odd?) + five))
(def sums (reify clojure.lang.IReduce
            (reduce [_ f] (f 100 1))
            (reduce [_ f init] (f init 1))))
(prn (reduce + sums) (reduce + 10 sums))
;; sequence over a transducer and several colls steps them in parallel
(prn (sequence (map +) [1 2 3] [10 20]) (sequence (map vector) [] [1])
     (sequence (comp (map +) (filter odd?)) (range 5) (range 5 10))
     (sequence (map list) "ab" [1 2] '(:x :y :z)))
