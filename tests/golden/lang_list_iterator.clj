;; java.util list iterators remove what they last returned;
;; iterator-seq reads any Iterator; system-property number/boolean getters.
(import '[java.util ArrayList LinkedList ArrayDeque Iterator])

(defn drop-odds! [l]
  (let [it (.iterator l)]
    (while (.hasNext it)
      (when (odd? (.next it)) (.remove it))))
  l)
(prn (vec (drop-odds! (ArrayList. [1 2 3 4 5 6]))))
(prn (vec (drop-odds! (LinkedList. [1 3 5 7]))))
(prn (vec (drop-odds! (ArrayDeque. [2 3 4]))))

(let [l (LinkedList. [:a :b]) it (.iterator l)]
  (prn (.next it) (.next it) (.hasNext it))
  (prn (try (.next it) (catch java.util.NoSuchElementException e (class e)))))

(let [l (ArrayList. [1 2]) it (.iterator l)]
  (prn (try (.remove it) (catch IllegalStateException e (class e))))
  (.next it) (.remove it)
  (prn (try (.remove it) (catch IllegalStateException e (class e))))
  (prn (vec l)))

(prn (iterator-seq (.iterator (ArrayList. [1 2 3]))))
(prn (iterator-seq (.iterator (ArrayList.))))
(let [n (atom 0)
      it (reify Iterator
           (hasNext [_] (< @n 3))
           (next [_] (swap! n inc)))]
  (prn (iterator-seq it)))

(prn (Long/getLong "cljw.golden.no-such-property"))
(prn (Long/getLong "cljw.golden.no-such-property" 8))
(prn (Integer/getInteger "cljw.golden.no-such-property" 3))
(prn (Boolean/getBoolean "cljw.golden.no-such-property"))
(let [r (java.util.concurrent.ThreadLocalRandom/current)]
  (prn (every? #(<= 0 % 9) (repeatedly 50 #(.nextInt r 10)))))
