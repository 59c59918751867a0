;; new BigDecimal(BigInteger unscaledVal, int scale) (data.generators' bigdec).
(prn (BigDecimal. (biginteger 12345) 2) (BigDecimal. (biginteger -5) -3)
     (BigDecimal. (biginteger 7) 0) (BigDecimal. (biginteger 0) 5))
(prn (class (BigDecimal. (biginteger 1) 1)) (.scale (BigDecimal. (biginteger 1) 4)))
(prn (try (BigDecimal. 1N 2) (catch IllegalArgumentException e (.getMessage e))))
(prn (+ (BigDecimal. (.toBigInteger 12345N) 3) 1M))
