;; java.text.SimpleDateFormat: format and parse with common patterns, in
;; the formatter's time zone; lenient parsing carries; ParseException.
(import '(java.text SimpleDateFormat ParseException) '(java.util Date TimeZone))
(def d (Date. 1578020645678)) ; 2020-01-03T03:04:05.678Z, a Friday
(defn fmt [p & [tz]]
  (let [f (SimpleDateFormat. p)]
    (when tz (.setTimeZone f (TimeZone/getTimeZone tz)))
    (.format f d)))
(doseq [p ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX" "yyyy-MM-dd HH:mm:ss Z" "EEE, dd MMM yyyy HH:mm:ss z"
           "EEEE MMMM d yy h:mm a" "y M d H m s S" "D F u k K G" "''yyyy'' 'at' HH" "X XX XXX zzzz"]]
  (prn p (fmt p) (fmt p "GMT+05:30") (fmt p "GMT-08:00") (fmt p "GMT")))
(def iso (doto (SimpleDateFormat. "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
           (.setTimeZone (TimeZone/getTimeZone "UTC"))))
(doseq [s ["2020-01-03T03:04:05.678Z" "2020-01-03T03:04:05.678+05:30" "2020-02-30T25:61:05.000-01:00"
           "2020-01-03T03:04:05.678Ztrailing"]]
  (let [x (.parse iso s)] (prn x (.getTime x) (.format iso x))))
(prn (.parse (SimpleDateFormat. "dd MMM yyyy") "03 jan 2020"))
(prn (.parse (SimpleDateFormat. "EEE, dd MMM yyyy HH:mm:ss z") "Fri, 03 Jan 2020 03:04:05 GMT"))
(prn (.parse (SimpleDateFormat. "yyyyMMddHHmmss") "20200103030405"))
(prn (.parse (SimpleDateFormat. "MM/dd/yy h:mm a") "01/03/20 3:04 PM"))
(prn (.parse (SimpleDateFormat. "yyyy-MM-dd HH:mm Z") "2020-01-03 03:04 -0800"))
(doseq [s ["2020/01/03" "" "x2020-01-03"]]
  (prn (try (.parse (SimpleDateFormat. "yyyy-MM-dd") s)
            (catch ParseException e [(class e) (ex-message e)]))))
(let [f (doto (SimpleDateFormat. "yyyy-MM-dd") (.setLenient false))]
  (prn (.isLenient f) (try (.parse f "2020-13-01") (catch ParseException e (ex-message e)))))
(prn (try (SimpleDateFormat. "yyyy-qq") (catch IllegalArgumentException e (ex-message e))))
(prn (try (SimpleDateFormat. "XXXX") (catch IllegalArgumentException e (ex-message e))))
(let [f (SimpleDateFormat. "HH:mm")]
  (prn (.toPattern f) (.getRawOffset (.getTimeZone f)))
  (.applyPattern f "yyyy")
  (prn (.toPattern f) (.format f d) (= f (SimpleDateFormat. "yyyy")) (instance? java.text.DateFormat f)))
(prn (.format (doto (SimpleDateFormat. "yyyy-MM-dd'T'HH:mm:ss.SSS-00:00") (.setTimeZone (TimeZone/getTimeZone "GMT")))
              (java.sql.Timestamp. 1578020645678)))
;; HTTP dates (ring.util.time's patterns): spaces before a field are
;; skipped; US zone abbreviations parse to their offsets.
(let [f (doto (SimpleDateFormat. "EEE MMM d HH:mm:ss yyyy" java.util.Locale/US) (.setTimeZone (TimeZone/getTimeZone "GMT")))
      g (doto (SimpleDateFormat. "EEE, dd MMM yyyy HH:mm:ss zzz" java.util.Locale/US) (.setTimeZone (TimeZone/getTimeZone "GMT")))]
  (prn (.parse f "Sun Nov  6 08:49:37 1994") (.parse f "Sun Nov 6  08:49:37 1994"))
  (prn (map #(.parse g (str "Fri, 03 Jan 2020 03:04:05 " %)) ["GMT" "UTC" "PST" "PDT" "EST" "CDT" "+0100" "GMT-03:00"]))
  (prn (.format (doto (SimpleDateFormat. "EEE, dd MMM yyyy HH:mm:ss zzz" java.util.Locale/US) (.setTimeZone (TimeZone/getTimeZone "GMT"))) (Date. 784111777000))))
