;; format's %t conversions of java.time values: the fields each has, the
;; JDK's exceptions for the ones it lacks.
(import '(java.time LocalDate LocalTime LocalDateTime ZonedDateTime OffsetDateTime Instant ZoneId ZoneOffset))
(def temporals [(LocalDate/of 2020 1 3) (LocalTime/of 15 4 5 678900000) (LocalDateTime/of 2020 1 3 15 4 5 678900000)
           (ZonedDateTime/of 2020 1 3 15 4 5 678900000 (ZoneId/of "UTC"))
           (ZonedDateTime/of 2020 1 3 15 4 5 678900000 (ZoneOffset/ofHoursMinutes 5 30))
           (ZonedDateTime/of 2020 1 3 15 4 5 0 (ZoneId/of "GMT+02:00"))
           (OffsetDateTime/of 2020 1 3 15 4 5 0 (ZoneOffset/ofHours -8))
           (Instant/ofEpochSecond 1578020645 123456789) (LocalDate/of -5 12 31)])
(doseq [v temporals]
  (println (class v))
  (doseq [s ["%tF" "%tT" "%tN" "%tL" "%tp" "%tz" "%tZ" "%ts" "%tQ" "%tA" "%tj" "%tY" "%tC" "%ty" "%tc" "%tr" "%tD" "%te" "%tk" "%tl"]]
    (print (try (format s v) (catch Exception e (str (.getSimpleName (class e)) ":" (ex-message e)))) "| "))
  (println))
