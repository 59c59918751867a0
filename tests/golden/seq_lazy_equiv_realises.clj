;; = with a LazySeq on either side realises it first (LazySeq.equiv), so it
;; throws what realising throws, except against nil on the left or a map or
;; set (their equiv answers first); Java .equals realises only the receiver.
(defmacro ex [form]
  `(try ~form (catch Throwable e# (str (.getName (class e#)) ": " (.getMessage e#)))))
(defn bad [] (map vec false))
(prn (ex (= (bad) 2)))
(prn (ex (= 2 (bad))))
(prn (ex (= (bad) nil)))
(prn (ex (= nil (bad))))
(prn (ex (= {} (bad))))
(prn (ex (= #{} (bad))))
(prn (ex (= "a" (bad))))
(prn (ex (= :k (bad))))
(prn (ex (= [1] (bad))))
(prn (ex (= (bad) (bad))))
(prn (ex (let [b (bad)] (= b b))))
(prn (ex (.equals (bad) 2)))
(prn (ex (.equals 2 (bad))))
(prn (ex (= [(bad)] [2])))
(prn (ex (not= (bad) 1)))
(prn (ex (= (lazy-seq nil) nil)) (ex (= (lazy-seq nil) [])) (ex (= () (lazy-seq nil))))
(let [n (atom 0)
      s (lazy-seq (swap! n inc) [1])]
  (prn (= s 1) (= 1 s) (= s {}) (= {} s) @n))
(let [n (atom 0)
      s (lazy-seq (swap! n inc) [1])]
  (prn (= {} s) (= #{} s) (= nil s) @n))
