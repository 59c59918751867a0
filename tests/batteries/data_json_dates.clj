;; data.json writes dates through java.time: a Date and a Timestamp as
;; ISO_INSTANT of their toInstant (a Timestamp keeps its nanos), a
;; java.sql.Date as the start of its day, an Instant as itself.
(require '[clojure.data.json :as json])
(println (json/write-str [(java.util.Date. 0) (java.util.Date. 1578020645678)
                          (java.sql.Date/valueOf "2020-01-03") (java.sql.Date. 1578020645678)
                          (java.sql.Timestamp/valueOf "2020-01-03 03:04:05.123456789")
                          (java.sql.Timestamp/valueOf "2020-01-03 03:04:05.1")
                          (java.sql.Timestamp. 1578020645000)
                          (java.time.Instant/ofEpochSecond 1578020645 1000)]))
(println (json/write-str {:d (java.sql.Date. 55 6 12) :i (java.time.Instant/parse "1999-12-31T23:59:59.999Z")}))
(prn (json/read-str "{\"number\": 42, \"date\": \"1955-07-12\"}"
                    :key-fn keyword
                    :value-fn (fn [k v] (if (= :date k) (java.sql.Date/valueOf v) v))))
