;; double printing: exponent thresholds, special values
(doseq [d [0.0 -0.0 1.0 1.5 0.1 0.001 0.0001 1e-3 1e-4 1e-5 123.456 1e6 1e7 1e10 1.0E21 1.23e22
           9999999.0 10000000.0 12345678.9 3.141592653589793 (/ 1.0 3) 2.5e-10 Double/MAX_VALUE
           Double/MIN_VALUE 100.0 1e100 -1e-100]]
  (println (pr-str d) (str d)))
(prn ##Inf ##-Inf ##NaN)
(println ##Inf ##-Inf ##NaN)
(prn (/ 1.0 0) (/ -1.0 0) (- ##Inf ##Inf))
(prn (= ##NaN ##NaN) (== ##NaN ##NaN) (NaN? ##NaN) (infinite? ##Inf))
(prn [1.0 2.5] {:a 1.0} #{0.5})
(prn (float 1.1) (double (float 1.1)) (float 0.1))
(prn (+ 0.1 0.2) (* 1.1 1.1) (- 0.3 0.1))
(prn (str 1.0) (str 1e21) (str -0.0))
(prn (double 1) (double 1/3) (double 10000000))
(prn (parse-double "3.25") (parse-double "nope"))
(prn (* 1.0 Long/MAX_VALUE) (long 1e18) (long 1.9) (long -1.9))
