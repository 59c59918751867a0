;; java.util.Date (#inst) and java.util.UUID (#uuid): reading, printing,
;; equality, hashing, ordering, core fns and interop. Recorded with TZ=UTC
;; (str of a Date uses the JVM's default time zone).
;; ClassCastException texts are JDK-specific: only their class is printed.
(defn t [f]
  (try (prn (f))
       (catch ClassCastException e (println (.getName (class e))))
       (catch Throwable e (println (.getName (class e)) (ex-message e)))))
(def d #inst "2020-07-04T12:34:56.789+02:00")
(def u #uuid "123E4567-E89B-12D3-A456-426614174000")
(prn d u [d u] {:d d} (list 'quote d))
(println d u (str d) (str u) (.toString u))
(doseq [s ["2020" "2020-02" "2000-02-29T23:59:60" "1000-01-01" "1582-10-14" "0000-01-01"
           "2020-01-01T00:00:00.1234567891234" "2020-01-01T10+05:30" "2020Z"
           "9999-12-31T23:59:59.999999999-01:00"
           "2020-13-01" "2020-02-30" "2020-01-01T24:00" "2020-01-01T00:60" "2020-01-01T23:58:60"
           "2020-01-01T00:00:00+24:00" "2020-01-01T00:00:00+01:60" "2020-13-01T00:00:00+24:00"
           "2020-01-01T" "20200" "2020-01-01 00:00" "2020-01-01T00:00:00."]]
  (t #(let [x (read-string (str "#inst \"" s "\""))] [x (inst-ms x) (str x)])))
(doseq [s ["1-1-1-1-1" "+1-1-1-1-ABC" "123e4567e-89b-12d3-a456-42661417400" "xyz" "1-1-1-1-1-1"
           "1--1-1-1" "1-1-1-1-x" "1-1-1-1-ffffffffffffffff" "123e4567-e89b-12d3-a456-4266141740001"]]
  (t #(read-string (str "#uuid \"" s "\"")))
  (t #(parse-uuid s)))
(t #(read-string "#inst 1"))
(t #(read-string "#uuid 1"))
(t #(read-string "#foo 1"))
(t #(read-string "`[#inst \"2020\" #uuid \"1-1-1-1-1\"]"))
(t #(binding [*data-readers* {'inst (fn [s] [:mine s])}] (read-string "#inst \"x\"")))
(t #(binding [*default-data-reader-fn* (fn [tag v] [tag v])] (read-string "[#foo 1 #inst \"2021\"]")))
(prn default-data-readers *data-readers*)
(prn (class d) (class u) (inst? d) (inst? 1) (uuid? u) (uuid? (str u))
     (instance? java.util.Date d) (instance? java.util.UUID u) (instance? Comparable d))
(prn (= d #inst "2020-07-04T10:34:56.789Z") (= u #uuid "123e4567-e89b-12d3-a456-426614174000")
     (= d (java.util.Date. (inst-ms d))) (= u (parse-uuid (str u))) (= d u) (= d (inst-ms d)))
(prn (hash d) (hash u) (hash #inst "1900") (hash #uuid "f23e4567-e89b-12d3-a456-426614174000")
     (.hashCode d) (.hashCode u))
(prn (sort [#inst "2021" #inst "1999" #inst "2020"])
     (sort [#uuid "f23e4567-e89b-12d3-a456-426614174000" u #uuid "0-0-0-0-1"])
     (compare d d) (compare #inst "2021" d) (compare u #uuid "f23e4567-e89b-12d3-a456-426614174000"))
(t #(compare d 1))
(t #(compare 1 d))
(t #(compare u d))
(prn (into (sorted-set) [#inst "2021" #inst "2020" #inst "2021"]) (count (hash-set u u d)))
(prn (get {d :date u :uuid} #inst "2020-07-04T10:34:56.789Z") (get {d :date u :uuid} (parse-uuid (str u))))
(t #(inst-ms 1))
(t #(inst-ms nil))
(t #(with-meta d {}))
(prn (java.util.Date. 0) (java.util.Date. -1) (str (java.util.Date. 0)) (.getTime (java.util.Date. 12345)))
(prn (.before #inst "2020" #inst "2021") (.after #inst "2020" #inst "2021") (.compareTo d d))
(let [now (java.util.Date.)] (prn (inst? now) (< 1600000000000 (inst-ms now))))
(prn (java.util.UUID/fromString "1-1-1-1-1") (java.util.UUID. 1 2)
     (.getMostSignificantBits u) (.getLeastSignificantBits u) (.version u) (.variant u))
(let [r (random-uuid) r2 (java.util.UUID/randomUUID)]
  (prn (uuid? r) (count (str r)) (.version r) (.variant r) (= r r2) (class r2)))
(t #(parse-uuid 1))
(prn (binding [*print-dup* true] (pr-str d u)) (pr-str [d]) (print-str d u))
(prn (read-string (pr-str [d u])) (= [d u] (read-string (pr-str [d u]))))
(prn (clojure.instant/read-instant-date "2021-05") (eval (read-string "(quote #inst \"2020\")")))
