;; Differences found with jank-lang/clojure-test-suite: one-argument
;; comparisons accept anything, byte/short range-check doubles before
;; truncating, a double divides by any zero as IEEE, assoc! pads an odd key.
(defn try* [f] (try (f) (catch Exception e [(.getName (class e)) (.getMessage e)])))
(prn (< "abc") (> :foo) (<= nil) (>= []) (== "x") (apply < ["a"]))
(prn (try* #(< nil 1)) (try* #(> 1 nil)))
(prn (byte 127) (byte -128) (byte 1.9) (byte -1.9) (short 32767.0) (short -32768.0))
(prn (try* #(byte 127.000001)) (try* #(byte -128.000001)) (try* #(byte ##NaN))
     (try* #(short 32767.5)) (try* #(short -32769.0)) (try* #(short ##NaN)))
(prn (try* #(byte 128)) (try* #(short (float 40000))))
(prn (/ ##Inf 0N) (/ ##-Inf 0N) (/ ##Inf 0.0M) (/ 1.0 0N) (/ -1.0 0.0M) (/ 0N 0.0))
(prn (NaN? (/ ##NaN 0N)) (/ 1N 2.0) (/ 3.0M 2.0))
(prn (try* #(/ 1N 0)) (try* #(/ 1 0N)) (try* #(/ 1.0M 0)) (try* #(/ 1/2 0)))
(prn (persistent! (assoc! (transient {:a 1}) :b 2 :c))
     (persistent! (assoc! (transient [1]) 0 5 1))
     (persistent! (apply assoc! (transient {}) [:x 1 :y 2 :z])))
(prn (try* #(assoc! (transient {}) :a)) (try* #(assoc {} :a 1 :b)))
