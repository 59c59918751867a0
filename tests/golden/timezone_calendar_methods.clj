;; TimeZone <-> ZoneId, GregorianCalendar's inherited static fields,
;; Calendar.add (month ends pin the day) and the other fields' getters.
(import '(java.util Calendar GregorianCalendar TimeZone))
(prn [GregorianCalendar/MONTH GregorianCalendar/AD GregorianCalendar/BC Calendar/DECEMBER Calendar/SATURDAY])
(prn (str (.toZoneId (TimeZone/getTimeZone "GMT+05:30"))) (str (.toZoneId (TimeZone/getTimeZone "UTC"))))
(prn (.getID (TimeZone/getTimeZone (java.time.ZoneId/of "UTC")))
     (.getID (TimeZone/getTimeZone (java.time.ZoneOffset/ofHours 2)))
     (.getRawOffset (TimeZone/getTimeZone (java.time.ZoneOffset/ofHoursMinutes -3 -30))))
(prn (class (TimeZone/getTimeZone "UTC")) (instance? TimeZone (TimeZone/getTimeZone "UTC"))
     (.useDaylightTime (TimeZone/getTimeZone "GMT+1")) (.getDSTSavings (TimeZone/getTimeZone "GMT+1")))
(let [c (GregorianCalendar. 2020 0 31)]
  (.add c Calendar/MONTH 1) (prn (.getTime c))
  (.add c Calendar/DATE -30) (prn (.getTime c))
  (.add c Calendar/YEAR 1)
  (prn (.getTime c) (.get c Calendar/DAY_OF_YEAR) (.get c Calendar/ERA) (.get c Calendar/AM_PM))
  (.add c Calendar/HOUR_OF_DAY 30) (.set c Calendar/AM_PM Calendar/PM)
  (prn (.getTime c) (.get c Calendar/HOUR) (.get c Calendar/DAY_OF_WEEK))
  (let [d (.clone c)]
    (.add d Calendar/MINUTE 1)
    (prn (.before c d) (.after c d) (.compareTo c d) (= c (.clone c)) (.getTime d))))
(prn (select-keys (meta #'clojure.instant/read-instant-calendar) [:arglists :name]))
