;; *print-dup*: print-dup's constructor forms for boxed Integer/Short/Byte/
;; Float/BigInteger, array and tree maps, tree sets, map entries, records,
;; vars, classes and namespaces; metadata printed; hash sets, vectors and
;; hash maps as usual; and the forms read back.
(defrecord R [a b])
(defn dup [x] (binding [*print-dup* true] (pr-str x)))
(doseq [x [(biginteger 5) (biginteger -7) (int 3) (float 2.5) (short 1) (byte 2)
           1 1.5 1N 2M 1/3 "s" \a :k 'sym nil true
           {:a 1} {:x/a 1 :x/b 2} (sorted-map 1 2) #{1} (sorted-set 3 1) [1 {:a (int 1)}]
           (first {:a 1}) (->R 1 2) (assoc (->R 1 2) :c 3)
           #'clojure.core/map String (find-ns 'user)
           (with-meta [1] {:m 1}) (with-meta (sorted-map 1 2) {:m 1})
           #inst "2020-01-01T00:00:00.000-00:00" #uuid "550e8400-e29b-41d4-a716-446655440000"]]
  (println (dup x)))
(println (binding [*print-dup* true] (print-str "hi" \c)))
(binding [*print-dup* true *print-length* 1] (prn {:a 1 :b 2} (sorted-set 1 2 3)))
(doseq [x [(int 1) (float 1.5) (short 2) (byte 1) (biginteger 5) {:a 1} (sorted-map 1 2)
           #'clojure.core/map String 1N 1M "hi"]]
  (let [y (read-string (dup x))]
    (println (= x y) (.getName (class y)))))
;; locals holding Integer/Short boxes keep their class on every use
(let [y (read-string "#=(java.lang.Integer. \"1\")")
      s (short 2)]
  (prn (class y) (class y) (class s) (class s) (dup y) (dup y)))
(prn (clojure.lang.MapEntry/create :a 1))
(prn (try (eval '(clojure.lang.MapEntry/create [:a 1])) (catch Exception e (.getMessage (or (.getCause e) e)))))
