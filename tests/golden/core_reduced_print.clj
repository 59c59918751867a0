;; A Reduced box prints, stringifies and hashes as an object with an
;; identity hash (it once recursed forever looking for one).
(defn mask [s] (clojure.string/replace s #"0x[0-9a-f]+|@[0-9a-f]+" "<id>"))
(def r (reduced 1))
(println (mask (pr-str r)))
(println (mask (str r)))
(println (mask (pr-str (reduced (reduced [1 :a "s"])))))
(println (mask (pr-str [r {:k r}])))
(println (integer? (hash r)))
(println (= (hash r) (hash r) (.hashCode r) (System/identityHashCode r)))
(println (reduced? r) @r (deref (reduced nil)))
(println (= r r) (= r (reduced 1)))
(println (reduce (fn [acc x] (if (> x 3) (reduced acc) (+ acc x))) 0 (range 10)))
(println (mask (with-out-str (print r))))
