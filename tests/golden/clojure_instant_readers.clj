;; clojure.instant's three readers and how #inst prints each: a Date in
;; UTC, a Calendar with its offset, a Timestamp with nine digits of nanos.
(require '[clojure.instant :as ci])
(def samples ["2020-01-02T03:04:05.678-05:00" "2020" "2020-01-02T03:04:05.123456789Z"
              "1999-12-31T23:59:60+01:30" "2020-02-29T00:00:00.1-00:00" "1582-10-14"])
(doseq [s samples]
  (let [d (ci/read-instant-date s)
        c (ci/read-instant-calendar s)
        t (ci/read-instant-timestamp s)]
    (println s)
    (prn d (class d) (inst-ms d))
    (prn c (class c) (inst? c))
    (prn t (class t) (inst? t) (inst-ms t) (.getNanos t))
    (println (pr-str [d c t]) (print-str c) (str t))
    (prn (= d t) (= t d) (instance? java.util.Date t) (.getTime c) (.getID (.getTimeZone c)))))
(prn (binding [*data-readers* {'inst ci/read-instant-calendar}]
       (read-string "#inst \"2020-01-02T03:04:05.678+05:30\"")))
(prn (binding [*data-readers* {'inst ci/read-instant-timestamp}]
       (read-string "[#inst \"2020-01-02T03:04:05.000001Z\"]")))
(prn (map (juxt #(.get % java.util.Calendar/HOUR_OF_DAY) #(.get % java.util.Calendar/ZONE_OFFSET))
          (map ci/read-instant-calendar ["2020-01-02T03:04:05-05:00" "2020-01-02T23:04:05+05:00"])))
(doseq [bad ["2020-13-01" "2020-01-01T24:00" "nope" "2020-01-01T00:00:00+24:00"]]
  (prn (try (ci/read-instant-timestamp bad) (catch Exception e [(class e) (ex-message e)])))
  (prn (try (ci/read-instant-calendar bad) (catch Exception e [(class e) (ex-message e)]))))
(prn (try (ci/read-instant-calendar 5) (catch Exception e (class e))))
;; tools.reader-style #inst through the default reader, then as data
(prn (read-string "#inst \"2020-01-02T03:04:05.678-05:00\""))
(prn (compare (ci/read-instant-timestamp "2020-01-01T00:00:00.000000001Z")
              (ci/read-instant-timestamp "2020-01-01T00:00:00.000000002Z")))
(prn (sort [(ci/read-instant-calendar "2021") (ci/read-instant-calendar "2020")]))
(prn (= (ci/read-instant-calendar "2020-01-01T00:00:00Z") (ci/read-instant-calendar "2020-01-01T00:00:00Z"))
     (= (ci/read-instant-calendar "2020-01-01T00:00:00Z") (ci/read-instant-calendar "2020-01-01T01:00:00+01:00")))
