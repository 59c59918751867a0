;; format's date-time conversions (%t / %T) of a Long, a Date and a Calendar
;; (the Calendar's own zone), as clojure.instant's print-calendar uses them.
(require '[clojure.instant :as ci])
(def c (ci/read-instant-calendar "2020-01-03T15:04:05.678-05:30"))
(def d #inst "2020-01-03T03:04:05.678Z")
(doseq [x [1578020645678 d c (java.sql.Timestamp. 1578020645678)]]
  (prn (format "%1$tFT%1$tT.%1$tL%1$tz" x))
  (prn (format "%tH %<tI %<tk %<tl %<tM %<tS %<tL %<tN %<tp %<Tp %<tz %<ts %<tQ" x))
  (prn (format "%tB %<tb %<th %<tA %<ta %<tC %<tY %<ty %<tj %<tm %<td %<te" x))
  (prn (format "%tR|%<tT|%<tr|%<tD|%<tF|%<TB|%<-12tY|%<12tm|" x)))
(prn (format "%tY" nil))
(doseq [f ["%tq" "%t" "%.2tY" "%tY"]]
  (prn (try (format f "x") (catch Exception e [(class e) (ex-message e)]))))
(prn (format "%tY %tm" d 0))
