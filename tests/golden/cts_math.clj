;; clojure.math (1.11): every fn, its coercion of args, edge values, and
;; the Double statics its users reach for (compare, exponents, bits).
(require '[clojure.math :as m])

(defn show [& xs] (apply prn xs))

(show (m/sin 0) (m/cos 0) (m/tan 0.0) (m/asin 1) (m/acos 1) (m/atan 1))
(show (m/to-radians 180) (m/to-degrees m/PI) m/E m/PI)
(show (m/exp 1) (m/log m/E) (m/log10 1000) (m/sqrt 16) (m/cbrt 27))
(show (m/IEEE-remainder 5 4) (m/IEEE-remainder 6.0 4.0) (m/ceil 1.2) (m/floor -1.2) (m/rint 2.5) (m/rint 3.5))
(show (m/atan2 1 1) (m/pow 2 10) (m/round 2.5) (m/round -2.5) (m/round ##NaN) (m/round ##Inf))
(show (m/add-exact 1 2) (m/subtract-exact 5 7) (m/multiply-exact 6 7)
      (m/increment-exact 1) (m/decrement-exact 1) (m/negate-exact 4))
(doseq [f [#(m/add-exact Long/MAX_VALUE 1) #(m/multiply-exact Long/MAX_VALUE 2)
           #(m/negate-exact Long/MIN_VALUE) #(m/increment-exact Long/MAX_VALUE)]]
  (show (try (f) (catch ArithmeticException e [:arith (.getMessage e)]))))
(show (m/floor-div -7 2) (m/floor-mod -7 2) (m/floor-div Long/MIN_VALUE -1))
(show (m/ulp 1.0) (m/signum -3) (m/sinh 0) (m/cosh 0) (m/tanh ##Inf) (m/hypot 3 4))
(show (m/expm1 0) (m/log1p 0) (m/copy-sign 2 -0.0) (m/get-exponent 1024) (m/get-exponent 0.0))
(show (m/next-after 1.0 2) (m/next-up 1.0) (m/next-down 1.0) (m/scalb 3 2) (m/scalb 1.0 -1075))
(show (double? (m/random)) (< -1 (m/random) 1))
(show (map #(Double/compare % 0.0) [-0.0 0.0 1.0 -1.0 ##NaN]) (Double/compare ##NaN ##Inf))
(show Double/MAX_EXPONENT Double/MIN_EXPONENT Double/SIZE Double/BYTES)
(show (Double/doubleToLongBits 1.0) (Double/longBitsToDouble 4607182418800017408)
      (Double/isFinite 1.0) (Double/isFinite ##Inf))
(show (sort (keys (ns-publics 'clojure.math))))
(show (:arglists (meta #'m/atan2)) (:arglists (meta #'m/copy-sign)) (:added (meta #'m/sin)))
