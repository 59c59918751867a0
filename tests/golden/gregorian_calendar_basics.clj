;; java.util.GregorianCalendar and fixed-offset TimeZones: fields set then
;; the zone changed are read in the new zone (tools.reader builds #inst
;; values this way); get/set of fields; lenient overflow.
(import '(java.util Calendar GregorianCalendar TimeZone))
(defn utc-cal [& args]
  (doto ^GregorianCalendar (apply (fn [y m d h mi s] (GregorianCalendar. y m d h mi s)) args)
    (.setTimeZone (TimeZone/getTimeZone "UTC"))))
(let [c (doto (GregorianCalendar. 2010 10 12 13 14 15)
          (.set Calendar/MILLISECOND 666)
          (.setTimeZone (TimeZone/getTimeZone "GMT+01:30")))]
  (prn (.getTime c) (.getTimeInMillis c))
  (prn (.get c Calendar/YEAR) (.get c Calendar/MONTH) (.get c Calendar/DAY_OF_MONTH)
       (.get c Calendar/HOUR_OF_DAY) (.get c Calendar/MINUTE) (.get c Calendar/SECOND)
       (.get c Calendar/MILLISECOND) (.get c Calendar/DAY_OF_WEEK))
  ;; the instant is fixed now: a new zone changes the fields, not the time
  (.setTimeZone c (TimeZone/getTimeZone "GMT"))
  (prn (.getTimeInMillis c) (.get c Calendar/HOUR_OF_DAY) (.get c Calendar/MINUTE)))
(let [c (utc-cal 2020 0 31 0 0 0)]
  (.set c Calendar/MONTH 1)
  (prn (.getTime c))
  (.set c Calendar/DAY_OF_MONTH 0)
  (prn (.getTime c))
  (.setTimeInMillis c 0)
  (prn (.get c Calendar/YEAR) (.getTime c))
  (.setTime c #inst "1999-12-31T23:59:59.999Z")
  (prn (.get c Calendar/YEAR) (.get c Calendar/MILLISECOND)))
(prn (map #(.getID (TimeZone/getTimeZone %))
          ["UTC" "GMT" "GMT+1" "GMT-0530" "GMT+05:30" "GMT+00:00" "GMT-0" "GMT+123" "GMT+9:5" "bogus" "GMT+25"]))
(prn (.getRawOffset (TimeZone/getTimeZone "GMT-02:15")))
(prn (= (TimeZone/getTimeZone "GMT+1") (TimeZone/getTimeZone "GMT+01:00")))
(prn Calendar/YEAR Calendar/MONTH Calendar/DATE Calendar/HOUR_OF_DAY Calendar/MILLISECOND)
