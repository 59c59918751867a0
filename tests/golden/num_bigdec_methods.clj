;; java.math.BigDecimal instance methods, statics and the legacy ROUND_*
;; constants.
(println (.setScale 4.35M 1 BigDecimal/ROUND_FLOOR) (.setScale -4.35M 1 BigDecimal/ROUND_FLOOR)
         (.setScale 4.35M 0 BigDecimal/ROUND_CEILING) (.setScale -4.35M 0 BigDecimal/ROUND_CEILING)
         (.setScale 4.5M 0 java.math.RoundingMode/HALF_EVEN) (.setScale 5.5M 0 java.math.RoundingMode/HALF_EVEN)
         (.setScale 1.5M 3) (.setScale 2.50M 1))
(println (try (.setScale 1.25M 1) (catch ArithmeticException e (.getMessage e))))
(println BigDecimal/ROUND_UP BigDecimal/ROUND_DOWN BigDecimal/ROUND_CEILING BigDecimal/ROUND_FLOOR
         BigDecimal/ROUND_HALF_UP BigDecimal/ROUND_HALF_DOWN BigDecimal/ROUND_HALF_EVEN BigDecimal/ROUND_UNNECESSARY)
(println BigDecimal/ZERO BigDecimal/ONE BigDecimal/TEN (class BigDecimal/TEN))
(println (BigDecimal/valueOf 42) (BigDecimal/valueOf 0.1) (BigDecimal/valueOf 123 2) (BigDecimal/valueOf 1.0))
(println (.scale 1.250M) (.precision 1.250M) (.unscaledValue 1.250M) (class (.unscaledValue 1.250M))
         (.signum -2.5M) (.signum 0M) (.negate 2.5M) (.abs -2.5M) (.plus 2.5M))
(println (.stripTrailingZeros 1.2500M) (.toPlainString 1E+5M) (.toPlainString 0.000001M) (str 1E+5M))
(println (.add 1.5M 2.25M) (.subtract 1.5M 2.25M) (.multiply 1.5M 2.25M)
         (.compareTo 1.50M 1.5M) (.compareTo 1M 2M) (.max 1M 2M) (.min 1M 2M))
(println (.movePointLeft 123.45M 2) (.movePointRight 123.45M 3) (.movePointRight 1.5M 1))
(println (bigint (.setScale 4.3M 0 BigDecimal/ROUND_FLOOR)) (bigint (.setScale -4.3M 0 BigDecimal/ROUND_FLOOR)))
