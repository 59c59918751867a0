;; Casts as clojure.core's Java does them: nil passes a cast to Number,
;; only unchecked-int/-char take a char, arrays are seqable but not colls,
;; `sort` with a nil comparator sorts naturally, and fractional counts step
;; like `(pos? n)`/`(dec n)` loops.
(defn cls [f] (try (f) (catch Throwable e (.getName (class e)))))
(prn (num nil) (rationalize nil) (cls #(num :k)) (cls #(rationalize "1")))
(prn (map #(cls (fn [] (% \a))) [unchecked-int unchecked-char unchecked-long unchecked-byte
                                 unchecked-short unchecked-inc-int unchecked-dec-int
                                 unchecked-negate-int]))
(prn (unchecked-int 65) (unchecked-char 66) (unchecked-add-int 1 2) (cls #(unchecked-add-int \a 1)))
(prn (seqable? (int-array 1)) (seqable? (object-array 0)) (coll? (int-array 1))
     (vec (long-array [3 4])) (seq (double-array [1.5])) (seqable? 1) (seqable? nil))
(prn (sort nil [3 1 2]) (sort nil nil) (sort nil ["b" "a"]) (cls #(sort-by identity nil [2 1])))
(prn (take 1/2 [1 2 3]) (take 2.5 [1 2 3 4]) (take 1.5M [1 2 3]) (drop 1/2 [1 2 3])
     (replicate 2.5 :x) (split-at 3/2 [1 2 3]) (nthrest [1 2 3] 1/2) (nthnext [1 2 3] 1/2)
     (take-nth 3/2 (range 6)) (take -1/2 [1 2]))
(prn (cls #(to-array 1N)) (cls #(to-array 1/2)) (cls #(to-array 1.5M)) (vec (to-array [1N])))
